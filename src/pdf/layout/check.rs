//! Refuses text the base-14 fonts cannot show, naming the field in the form's own words, before
//! anything is drawn (printpdf would otherwise print `?` silently).

use super::LayoutError;
use crate::model::{Money, MonthlyReturn, TypeOfIssue};
use crate::pdf::metrics::is_encodable;
use crate::template::texts;

/// A label without its trailing colon (`Name of Issuer:` → `Name of Issuer`).
fn bare(label: &str) -> &str {
    label.trim().trim_end_matches(':').trim_end()
}

struct Checker(Result<(), LayoutError>);

impl Checker {
    fn text(&mut self, field: impl FnOnce() -> String, text: &str) {
        // Line breaks in multi-line fields are layout, not glyphs.
        if self.0.is_ok() && !is_encodable(&text.replace(['\n', '\r'], "")) {
            self.0 = Err(LayoutError::Unencodable {
                field: field(),
                text: text.to_string(),
            });
        }
    }

    fn money(&mut self, field: impl Fn() -> String, m: &Money) {
        self.text(&field, &m.currency);
    }
}

/// Checks every free-text input that the layout prints.
pub fn encodable(ret: &MonthlyReturn) -> Result<(), LayoutError> {
    let t = texts();
    let mut c = Checker(Ok(()));
    c.text(
        || bare(&t.header.issuer).to_string(),
        &ret.header.issuer_name,
    );
    for (i, class) in ret.classes.iter().enumerate() {
        let n = i + 1;
        let ch = &t.class_header;
        c.text(
            || format!("Class {n}: {}", ch.stock_code),
            &class.stock_code,
        );
        c.text(
            || format!("Class {n}: {}", ch.description),
            &class.description,
        );
        for (k, counter) in class.other_counters.iter().enumerate() {
            let k = k + 1;
            let f = || format!("Class {n}: {} {k}", ch.other_counter);
            c.text(f, &counter.stock_code);
            c.text(f, &counter.currency);
            c.text(f, &counter.description);
        }
    }
    for (i, b) in ret.part1.part.active().iter().enumerate() {
        c.money(
            || format!("Part I, class {}: {}", i + 1, t.part1.par_value),
            &b.par_value,
        );
    }
    c.text(
        || format!("Part I: {}", bare(&t.remarks)),
        &ret.part1.remarks,
    );
    if let Some(pf) = &t.version(ret.template_version).public_float {
        for (i, b) in ret.part2.part.active().iter().enumerate() {
            let n = i + 1;
            c.text(
                || format!("Part II, class {n}: {}", pf.threshold),
                &b.public_float.threshold,
            );
            c.text(
                || format!("Part II, class {n}: {}", pf.additional_information),
                &b.public_float.additional_information,
            );
        }
    }
    c.text(
        || format!("Part II: {}", bare(&t.remarks)),
        &ret.part2.remarks,
    );
    let p3 = &t.part3;
    let remarks = bare(&t.remarks);
    for (i, b) in ret.part3a.active().iter().enumerate() {
        let n = i + 1;
        for (r, s) in b.schemes.iter().enumerate() {
            let r = r + 1;
            c.text(
                || format!("III(A), block {n}, row {r}: {}", p3.a["particulars"]),
                &s.particulars,
            );
        }
        c.money(
            || format!("III(A), block {n}: {}", bare(&p3.funds_raised)),
            &b.funds_raised,
        );
        c.text(|| format!("III(A), block {n}: {remarks}"), &b.remarks);
    }
    for (i, b) in ret.part3b.active().iter().enumerate() {
        let n = i + 1;
        for (r, w) in b.warrants.iter().enumerate() {
            let r = r + 1;
            let f = |what: &str| format!("III(B), block {n}, row {r}: {what}");
            c.text(|| f(&p3.b["description"]), &w.description);
            c.text(|| f(&p3.b["currency"]), &w.currency);
            c.text(|| f(&p3.b["stock_code"]), &w.stock_code);
            c.money(|| f(&p3.b["subscription_price"]), &w.subscription_price);
        }
        c.text(|| format!("III(B), block {n}: {remarks}"), &b.remarks);
    }
    for (i, b) in ret.part3c.active().iter().enumerate() {
        let n = i + 1;
        for (r, cv) in b.convertibles.iter().enumerate() {
            let r = r + 1;
            let f = |what: &str| format!("III(C), block {n}, row {r}: {what}");
            c.text(|| f(&p3.c["description"]), &cv.description);
            c.text(|| f(&p3.c["type_of_convertibles"]), &cv.kind_other);
            c.text(|| f(&p3.c["currency"]), &cv.currency);
            c.text(|| f(&p3.c["stock_code"]), &cv.stock_code);
            c.money(|| f(&p3.c["conversion_price"]), &cv.conversion_price);
            for m in &cv.movements {
                c.text(|| f(&p3.c["movement"]), &m.label);
            }
        }
        c.text(|| format!("III(C), block {n}: {remarks}"), &b.remarks);
    }
    for (i, b) in ret.part3d.active().iter().enumerate() {
        let n = i + 1;
        for (r, a) in b.arrangements.iter().enumerate() {
            let r = r + 1;
            c.text(
                || format!("III(D), block {n}, row {r}: {}", p3.d["description"]),
                &a.description,
            );
        }
        c.text(|| format!("III(D), block {n}: {remarks}"), &b.remarks);
    }
    for (i, b) in ret.part3e.active().iter().enumerate() {
        let n = i + 1;
        for (r, e) in b.events.iter().enumerate() {
            let r = r + 1;
            let f = |what: &str| format!("III(E), block {n}, row {r}: {what}");
            if e.type_of_issue == TypeOfIssue::Other {
                c.text(|| f(&p3.e["type_of_issue"]), &e.other_description);
            }
            c.money(|| f(&p3.e["price"]), &e.price);
        }
        c.text(|| format!("III(E), block {n}: {remarks}"), &b.remarks);
    }
    for (r, h) in ret.part4.part.active().iter().enumerate() {
        let r = r + 1;
        let f = |what: &str| format!("Part IV, row {r}: {what}");
        c.text(|| f(&t.part4.description), &h.description);
        c.text(|| f(&t.part4.stock_code), &h.stock_code);
        c.text(|| f(&t.part4.depositary), &h.depositary);
    }
    c.text(|| format!("Part IV: {remarks}"), &ret.part4.remarks);
    let p5 = &ret.part5;
    if !p5.not_applicable {
        for (i, item) in p5.amended_items.iter().enumerate() {
            if let Some(text) = item {
                let num = t.part5.item_numbers.get(i).cloned().unwrap_or_default();
                c.text(|| format!("Part V: confirmation item {num}"), text);
            }
        }
        c.text(|| bare(&t.part5.submitted_by).to_string(), &p5.submitted_by);
        c.text(|| bare(&t.part5.title).to_string(), &p5.title);
    }
    c.0
}
