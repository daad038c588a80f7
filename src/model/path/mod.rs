//! Field paths: stable, printable addresses of one input (`II/class[0]/movement/treasury`).
//! Rules attach findings to them; the editor computes the same path for each widget it draws so
//! a flag lands next to its field. Build paths only through these functions.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The sections of the form, in print order. Findings are grouped by them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FormPart {
    Header,
    I,
    II,
    IIIA,
    IIIB,
    IIIC,
    IIID,
    IIIE,
    IV,
    V,
}

impl FormPart {
    pub const ALL: [FormPart; 10] = [
        FormPart::Header,
        FormPart::I,
        FormPart::II,
        FormPart::IIIA,
        FormPart::IIIB,
        FormPart::IIIC,
        FormPart::IIID,
        FormPart::IIIE,
        FormPart::IV,
        FormPart::V,
    ];

    /// First segment of every path in this part.
    pub fn root(self) -> &'static str {
        match self {
            FormPart::Header => "header",
            FormPart::I => "I",
            FormPart::II => "II",
            FormPart::IIIA => "IIIA",
            FormPart::IIIB => "IIIB",
            FormPart::IIIC => "IIIC",
            FormPart::IIID => "IIID",
            FormPart::IIIE => "IIIE",
            FormPart::IV => "IV",
            FormPart::V => "V",
        }
    }

    /// Human name, as on the form.
    pub fn title(self) -> &'static str {
        match self {
            FormPart::Header => "Header",
            FormPart::I => "I. Authorised / registered share capital",
            FormPart::II => "II. Issued and treasury shares",
            FormPart::IIIA => "III(A). Share options",
            FormPart::IIIB => "III(B). Warrants",
            FormPart::IIIC => "III(C). Convertibles",
            FormPart::IIID => "III(D). Other arrangements",
            FormPart::IIIE => "III(E). Other movements",
            FormPart::IV => "IV. HDR",
            FormPart::V => "V. Confirmations",
        }
    }

    /// Short name for messages (`III(A)`, `Part IV`).
    pub fn short_name(self) -> &'static str {
        match self {
            FormPart::Header => "Header",
            FormPart::I => "Part I",
            FormPart::II => "Part II",
            FormPart::IIIA => "III(A)",
            FormPart::IIIB => "III(B)",
            FormPart::IIIC => "III(C)",
            FormPart::IIID => "III(D)",
            FormPart::IIIE => "III(E)",
            FormPart::IV => "Part IV",
            FormPart::V => "Part V",
        }
    }

    pub fn path(self) -> FieldPath {
        FieldPath(self.root().to_string())
    }

    /// The path of block `index` of this part (`II/class[0]`); classes themselves are
    /// `classes[i]` under the header.
    pub fn block(self, index: usize) -> FieldPath {
        self.path().index("class", index)
    }
}

/// A stable, printable address of one input or derived cell.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FieldPath(String);

impl FieldPath {
    /// The share class registry entry `i` (`classes[0]`): its header is edited once for all parts.
    pub fn class_registry(i: usize) -> FieldPath {
        FieldPath(format!("classes[{i}]"))
    }

    /// Appends `/name`. Private to `model`: every path is built by a named helper below.
    pub(in crate::model) fn key(&self, name: &str) -> FieldPath {
        FieldPath(format!("{}/{}", self.0, name))
    }

    /// Appends `/name[i]`. Private to `model`, like [`FieldPath::key`].
    pub(in crate::model) fn index(&self, name: &str, i: usize) -> FieldPath {
        FieldPath(format!("{}/{}[{}]", self.0, name, i))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `self` followed by `rest`, a path's text below an anchor (`/new_shares`), as a
    /// [`crate::model::FieldKey`] stores it.
    pub(in crate::model) fn join(&self, rest: &str) -> FieldPath {
        FieldPath(format!("{}{}", self.0, rest))
    }

    /// The currency cell of a money path (`.../par_value/currency`).
    pub fn money_currency(&self) -> FieldPath {
        self.key("currency")
    }

    /// The amount cell of a money path (`.../par_value/amount`).
    pub fn money_amount(&self) -> FieldPath {
        self.key("amount")
    }

    /// The part of the form the path belongs to (class headers count as the header).
    pub fn part(&self) -> FormPart {
        let root = self.0.split('/').next().unwrap_or("");
        FormPart::ALL
            .into_iter()
            .find(|p| p.root() == root)
            .unwrap_or(FormPart::Header)
    }

    /// Where the field is, in the form's words (`Part II › class block 1 › increase / decrease
    /// › issued shares excl. treasury`), for the findings panel and "Undo typing in …".
    pub fn describe(&self) -> String {
        let mut words = Vec::new();
        for (n, segment) in self.0.split('/').enumerate() {
            let (name, index) = match segment.split_once('[') {
                Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
                None => (segment, None),
            };
            let word = match (n, name, index) {
                (0, "classes", Some(i)) => format!("Share classes › class {}", i + 1),
                (0, _, _) => self.part().short_name().to_string(),
                (_, "class", Some(i)) => format!("class block {}", i + 1),
                (_, name, Some(i)) => format!("{} {}", name.replace('_', " "), i + 1),
                (_, name, None) => form_word(name),
            };
            words.push(word);
        }
        words.join(" › ")
    }

    /// The row numbers of the path, outermost first (`IIIA/class[1]/scheme[2]/granted` → 1, 2).
    pub fn indices(&self) -> Vec<usize> {
        self.0
            .split('[')
            .skip(1)
            .filter_map(|s| s.split(']').next()?.parse().ok())
            .collect()
    }

    /// The path without its row numbers (`IIIA/class/scheme/granted`): the same field in every
    /// block and row, as the form's notes describe it.
    pub fn shape(&self) -> String {
        let mut out = String::with_capacity(self.0.len());
        let mut in_index = false;
        for c in self.0.chars() {
            match c {
                '[' => in_index = true,
                ']' => in_index = false,
                c if !in_index => out.push(c),
                _ => {}
            }
        }
        out
    }

    /// Whether `other` is this path or lies under it (`II/class[0]` contains
    /// `II/class[0]/preceding/treasury`).
    pub fn contains(&self, other: &FieldPath) -> bool {
        other.0 == self.0
            || (other.0.starts_with(&self.0) && other.0[self.0.len()..].starts_with('/'))
    }
}

/// A path segment in the form's words, where the form has words for it.
fn form_word(segment: &str) -> String {
    match segment {
        "preceding" => "balance at close of preceding month",
        "movement" => "increase / decrease",
        "close" => "balance at close of the month",
        "excluding_treasury" => "issued shares excl. treasury",
        "treasury" => "treasury shares",
        "shares" => "number of shares",
        "xx1" => "increase in issued shares (XX1)",
        "xx2" => "decrease in treasury shares (XX2)",
        "ee1" => "EE1",
        "ee2" => "EE2",
        "new_shares" => "new shares issued (X1)",
        "from_treasury" => "transferred out of treasury (X2)",
        other => return other.replace('_', " "),
    }
    .to_string()
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Paths of the header fields.
pub mod header {
    use super::{FieldPath, FormPart};
    pub fn issuer_name() -> FieldPath {
        FormPart::Header.path().key("issuer_name")
    }
    pub fn month_end() -> FieldPath {
        FormPart::Header.path().key("month_end")
    }
    pub fn status() -> FieldPath {
        FormPart::Header.path().key("status")
    }
    pub fn date_submitted() -> FieldPath {
        FormPart::Header.path().key("date_submitted")
    }
    pub fn template_version() -> FieldPath {
        FormPart::Header.path().key("template_version")
    }
}

/// Paths shared by the block lists of every part.
pub mod part {
    use super::{FieldPath, FormPart};
    /// The `Not applicable` tick box of a part (`IIIB/not_applicable`).
    pub fn not_applicable(part: FormPart) -> FieldPath {
        part.path().key("not_applicable")
    }
    /// The class picker of block `block` (`II/class[0]/class`).
    pub fn block_class(part: FormPart, block: usize) -> FieldPath {
        part.block(block).key("class")
    }
    /// The `Remarks:` of a part.
    pub fn remarks(part: FormPart) -> FieldPath {
        part.path().key("remarks")
    }
    /// The `Remarks:` of block `block` of a part III sub-part (`IIIB/class[0]/remarks`).
    pub fn block_remarks(part: FormPart, block: usize) -> FieldPath {
        part.block(block).key("remarks")
    }
}

/// Paths of the share class registry (`classes[i]`).
pub mod classes {
    use super::FieldPath;
    pub fn class(i: usize) -> FieldPath {
        FieldPath::class_registry(i)
    }
    pub fn description(i: usize) -> FieldPath {
        FieldPath::class_registry(i).key("description")
    }
    pub fn class_of_shares(i: usize) -> FieldPath {
        FieldPath::class_registry(i).key("class_of_shares")
    }
    pub fn type_of_shares(i: usize) -> FieldPath {
        FieldPath::class_registry(i).key("type_of_shares")
    }
    pub fn stock_code(i: usize) -> FieldPath {
        FieldPath::class_registry(i).key("stock_code")
    }
    pub fn listed(i: usize) -> FieldPath {
        FieldPath::class_registry(i).key("listed")
    }
    /// Other counter `j` of class `i` (`classes[0]/counter[1]`).
    pub fn counter(i: usize, j: usize) -> FieldPath {
        FieldPath::class_registry(i).index("counter", j)
    }
    pub fn counter_stock_code(i: usize, j: usize) -> FieldPath {
        counter(i, j).key("stock_code")
    }
    pub fn counter_currency(i: usize, j: usize) -> FieldPath {
        counter(i, j).key("currency")
    }
    pub fn counter_description(i: usize, j: usize) -> FieldPath {
        counter(i, j).key("description")
    }
}

/// Paths of part I. The capital cells are typed under manual input and derived otherwise; both
/// share one path because they are one cell of the table.
pub mod part1 {
    use super::{FieldPath, FormPart};
    fn b(i: usize) -> FieldPath {
        FormPart::I.block(i)
    }
    pub fn preceding_shares(i: usize) -> FieldPath {
        b(i).key("preceding").key("shares")
    }
    pub fn movement_shares(i: usize) -> FieldPath {
        b(i).key("movement").key("shares")
    }
    pub fn close_shares(i: usize) -> FieldPath {
        b(i).key("close").key("shares")
    }
    pub fn par_value_currency(i: usize) -> FieldPath {
        b(i).key("par_value").key("currency")
    }
    pub fn par_value(i: usize) -> FieldPath {
        b(i).key("par_value").key("amount")
    }
    /// Currency and amount of the par value together (for a money field).
    pub fn par_value_money(i: usize) -> FieldPath {
        b(i).key("par_value")
    }
    pub fn closing_par_value(i: usize) -> FieldPath {
        b(i).key("closing_par_value")
    }
    pub fn manual_capital(i: usize) -> FieldPath {
        b(i).key("manual_capital")
    }
    pub fn preceding_capital(i: usize) -> FieldPath {
        b(i).key("preceding").key("capital")
    }
    pub fn movement_capital(i: usize) -> FieldPath {
        b(i).key("movement").key("capital")
    }
    pub fn close_capital(i: usize) -> FieldPath {
        b(i).key("close").key("capital")
    }
    /// `Total authorised/registered share capital` in one currency (`I/total/HKD`).
    pub fn total(currency: &str) -> FieldPath {
        FormPart::I.path().key("total").key(currency)
    }
}

/// Paths of part II: `<row>/<column>` with rows `preceding`, `movement`, `close` and columns
/// `excluding_treasury`, `treasury`, `total`.
pub mod part2 {
    use super::{FieldPath, FormPart};
    fn cell(i: usize, row: &str, column: &str) -> FieldPath {
        FormPart::II.block(i).key(row).key(column)
    }
    pub fn preceding_excluding_treasury(i: usize) -> FieldPath {
        cell(i, "preceding", "excluding_treasury")
    }
    pub fn preceding_treasury(i: usize) -> FieldPath {
        cell(i, "preceding", "treasury")
    }
    pub fn preceding_total(i: usize) -> FieldPath {
        cell(i, "preceding", "total")
    }
    pub fn movement_excluding_treasury(i: usize) -> FieldPath {
        cell(i, "movement", "excluding_treasury")
    }
    pub fn movement_treasury(i: usize) -> FieldPath {
        cell(i, "movement", "treasury")
    }
    pub fn close_excluding_treasury(i: usize) -> FieldPath {
        cell(i, "close", "excluding_treasury")
    }
    pub fn close_treasury(i: usize) -> FieldPath {
        cell(i, "close", "treasury")
    }
    pub fn close_total(i: usize) -> FieldPath {
        cell(i, "close", "total")
    }
    /// The v1.2.0 public float tick boxes (complied / not complied).
    pub fn public_float_complied(i: usize) -> FieldPath {
        FormPart::II.block(i).key("public_float").key("complied")
    }
    /// The whole v1.2.0 public float block of a class.
    pub fn public_float(i: usize) -> FieldPath {
        FormPart::II.block(i).key("public_float")
    }
    pub fn public_float_threshold(i: usize) -> FieldPath {
        public_float(i).key("threshold")
    }
    pub fn public_float_additional_information(i: usize) -> FieldPath {
        public_float(i).key("additional_information")
    }
}

mod part3;
pub use part3::{part3a, part3b, part3c, part3d, part3e, summary};

/// Paths of part IV: `IV/hdr[i]/<field>`.
pub mod part4 {
    use super::{FieldPath, FormPart};
    pub fn hdr(i: usize) -> FieldPath {
        FormPart::IV.path().index("hdr", i)
    }
    pub fn description(i: usize) -> FieldPath {
        hdr(i).key("description")
    }
    pub fn hdrs_per_share(i: usize) -> FieldPath {
        hdr(i).key("hdrs_per_share")
    }
    pub fn preceding_hdrs(i: usize) -> FieldPath {
        hdr(i).key("preceding_hdrs")
    }
    pub fn movement_hdrs(i: usize) -> FieldPath {
        hdr(i).key("movement_hdrs")
    }
    pub fn close_hdrs(i: usize) -> FieldPath {
        hdr(i).key("close")
    }
    pub fn stock_code(i: usize) -> FieldPath {
        hdr(i).key("stock_code")
    }
    pub fn depositary(i: usize) -> FieldPath {
        hdr(i).key("depositary")
    }
    /// Underlying shares of the HDRs at close (derived).
    pub fn underlying_shares(i: usize) -> FieldPath {
        hdr(i).key("underlying_shares")
    }
}

/// Paths of part V.
pub mod part5 {
    use super::{FieldPath, FormPart};
    pub fn not_applicable() -> FieldPath {
        FormPart::V.path().key("not_applicable")
    }
    pub fn submitted_by() -> FieldPath {
        FormPart::V.path().key("submitted_by")
    }
    pub fn title() -> FieldPath {
        FormPart::V.path().key("title")
    }
    /// Confirmation item `i` (0-based: (i) is 0).
    pub fn item(i: usize) -> FieldPath {
        FormPart::V.path().index("item", i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_print_as_documented() {
        let p = FormPart::II
            .block(0)
            .key("movement")
            .key("excluding_treasury");
        assert_eq!(p.as_str(), "II/class[0]/movement/excluding_treasury");
        assert_eq!(p.part(), FormPart::II);
        assert_eq!(
            FormPart::IIIA
                .block(1)
                .index("scheme", 2)
                .key("exercised")
                .as_str(),
            "IIIA/class[1]/scheme[2]/exercised"
        );
        assert_eq!(FieldPath::class_registry(0).part(), FormPart::Header);
    }

    #[test]
    fn describe_and_shape_read_as_the_form_does() {
        let p = part2::movement_excluding_treasury(0);
        assert_eq!(
            p.describe(),
            "Part II › class block 1 › increase / decrease › issued shares excl. treasury"
        );
        assert_eq!(p.shape(), "II/class/movement/excluding_treasury");
        let s = part3a::movement(1, 2, crate::model::OptionMovement::Granted);
        assert_eq!(s.describe(), "III(A) › class block 2 › scheme 3 › granted");
        assert_eq!(s.shape(), "IIIA/class/scheme/granted");
        assert_eq!(s.indices(), vec![1, 2]);
        assert_eq!(
            classes::stock_code(11).describe(),
            "Share classes › class 12 › stock code"
        );
        assert_eq!(classes::stock_code(11).shape(), "classes/stock_code");
        assert_eq!(header::issuer_name().describe(), "Header › issuer name");
    }

    #[test]
    fn contains_respects_segment_boundaries() {
        let block = FormPart::II.block(1);
        assert!(block.contains(&block.key("preceding")));
        assert!(block.contains(&block));
        assert!(!block.contains(&FormPart::II.block(10).key("preceding")));
    }

    #[test]
    fn helpers_match_the_paths_calc_records() {
        assert_eq!(part1::close_shares(2).as_str(), "I/class[2]/close/shares");
        assert_eq!(part1::total("HKD").as_str(), "I/total/HKD");
        assert_eq!(
            part2::movement_excluding_treasury(0).as_str(),
            "II/class[0]/movement/excluding_treasury"
        );
        assert_eq!(
            part3a::closing_outstanding(1, 2).as_str(),
            "IIIA/class[1]/scheme[2]/closing_outstanding"
        );
        assert_eq!(
            part3e::total_treasury(crate::model::ClassId(3)).as_str(),
            "IIIE/total[3]/treasury"
        );
        assert_eq!(part4::close_hdrs(0).as_str(), "IV/hdr[0]/close");
        assert_eq!(
            summary::xx1(FormPart::IIID, 0).as_str(),
            "IIID/class[0]/xx1"
        );
    }
}
