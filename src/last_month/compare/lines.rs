//! The lines of a [`super::Comparison`]: each class's and row's figures this month matched
//! with last month's, in the order the form prints them, then what vanished.

use rust_decimal::Decimal;

use super::{Figure, Line, Status};
use crate::calc::{Closing, Derived};
use crate::last_month::{ClassMatch, part3_blocks};
use crate::model::path::{self as paths, FieldPath, FormPart};
use crate::model::subpart::{Role, SubPart, Value};
use crate::model::{Convertible, LastMonth, MonthlyReturn, OptionScheme, Warrant};

/// Parts I, II, III(A), III(B), III(C) and IV, in that order.
pub(super) fn collect(
    last: &LastMonth,
    ret: &MonthlyReturn,
    derived: &Derived,
    classes: &ClassMatch,
) -> Vec<Line> {
    let mut c = Collect {
        last,
        ret,
        derived,
        classes,
        lines: Vec::new(),
    };
    c.part1();
    c.part2();
    c.part3::<OptionScheme>("options outstanding");
    c.part3::<Warrant>("nominal value");
    c.part3::<Convertible>("amount");
    c.part4();
    c.lines
}

struct Collect<'a> {
    last: &'a LastMonth,
    ret: &'a MonthlyReturn,
    derived: &'a Derived,
    classes: &'a ClassMatch,
    lines: Vec<Line>,
}

/// The status of a matched figure: the `PREV-*` rules' test.
fn status(last_close: Option<Figure>, opening: Option<Figure>) -> Status {
    match (last_close, opening) {
        (Some(last), None) if !last.is_zero() => Status::Disagrees,
        (Some(last), Some(open)) if last != open => Status::Disagrees,
        _ => Status::Agrees,
    }
}

fn count(v: Option<i64>) -> Option<Figure> {
    v.map(Figure::Count)
}

fn amount(v: Option<Decimal>) -> Option<Figure> {
    v.map(Figure::Amount)
}

/// This month's side of a line: the balance brought forward, the close and the field.
struct ThisMonth {
    opening: Option<Figure>,
    close: Option<Figure>,
    path: FieldPath,
}

impl Collect<'_> {
    fn matched(
        &mut self,
        part: FormPart,
        class: String,
        row: String,
        figure: &'static str,
        last_close: Option<Figure>,
        this: ThisMonth,
    ) {
        self.lines.push(Line {
            part,
            class,
            row,
            figure,
            last_close,
            opening: this.opening,
            close: this.close,
            status: status(last_close, this.opening),
            path: Some(this.path),
        });
    }

    fn new_line(
        &mut self,
        part: FormPart,
        class: String,
        row: String,
        figure: &'static str,
        this: ThisMonth,
    ) {
        self.lines.push(Line {
            part,
            class,
            row,
            figure,
            last_close: None,
            opening: this.opening,
            close: this.close,
            status: Status::New,
            path: Some(this.path),
        });
    }

    fn vanished(
        &mut self,
        part: FormPart,
        class: String,
        row: String,
        figure: &'static str,
        last_close: Option<Figure>,
    ) {
        self.lines.push(Line {
            part,
            class,
            row,
            figure,
            last_close,
            opening: None,
            close: None,
            status: Status::Vanished,
            path: None,
        });
    }

    /// The lines of one Part I or II class block: each figure with last month's close when
    /// last month had a block of the class (`Some`), else as new this month.
    fn block_lines(
        &mut self,
        part: FormPart,
        class: &str,
        figures: Vec<(&'static str, Option<Option<Figure>>, ThisMonth)>,
    ) {
        for (figure, last, this) in figures {
            match last {
                Some(last) => {
                    self.matched(part, class.to_string(), String::new(), figure, last, this);
                }
                None => self.new_line(part, class.to_string(), String::new(), figure, this),
            }
        }
    }

    fn part1(&mut self) {
        let part = FormPart::I;
        const SHARES: &str = "authorised/registered shares";
        const PAR: &str = "par value";
        let mut seen = vec![false; self.last.part1.len()];
        for (i, b) in self.ret.part1.part.active().iter().enumerate() {
            let f = self.derived.part1.get(i);
            let j = self.classes.block(b.class, &self.last.part1, |x| x.class);
            let last = j.and_then(|j| self.last.part1.get(j));
            if let Some(s) = j.and_then(|j| seen.get_mut(j)) {
                *s = true;
            }
            let mut figures = vec![
                (
                    SHARES,
                    last.map(|l| count(l.shares)),
                    ThisMonth {
                        opening: count(b.preceding_shares),
                        close: count(f.and_then(|f| f.close_shares)),
                        path: paths::part1::preceding_shares(i),
                    },
                ),
                (
                    PAR,
                    last.map(|l| amount(l.par_value)),
                    ThisMonth {
                        opening: amount(b.par_value.amount),
                        close: amount(f.and_then(|f| f.close_par_value)),
                        path: paths::part1::par_value(i),
                    },
                ),
            ];
            // Typed capital is brought forward too (PREV-002); computed capital follows from
            // shares × par.
            if let Some(last) = last.filter(|_| b.manual_capital) {
                figures.push((
                    "share capital",
                    Some(amount(last.capital)),
                    ThisMonth {
                        opening: amount(b.manual_preceding_capital),
                        close: amount(f.and_then(|f| f.close_capital)),
                        path: paths::part1::preceding_capital(i),
                    },
                ));
            }
            let name = self.derived.class_name(self.ret, b.class);
            self.block_lines(part, &name, figures);
        }
        for (j, last) in self.last.part1.iter().enumerate() {
            if !seen[j] {
                let name = self.last.class_name(last.class);
                self.vanished(
                    part,
                    name.clone(),
                    String::new(),
                    SHARES,
                    count(last.shares),
                );
                self.vanished(part, name, String::new(), PAR, amount(last.par_value));
            }
        }
    }

    fn part2(&mut self) {
        let part = FormPart::II;
        const EXCL: &str = "issued shares excluding treasury";
        const TREASURY: &str = "treasury shares";
        let mut seen = vec![false; self.last.part2.len()];
        for (i, b) in self.ret.part2.part.active().iter().enumerate() {
            let f = self.derived.part2.get(i);
            let j = self.classes.block(b.class, &self.last.part2, |x| x.class);
            let last = j.and_then(|j| self.last.part2.get(j));
            if let Some(s) = j.and_then(|j| seen.get_mut(j)) {
                *s = true;
            }
            let figures = vec![
                (
                    EXCL,
                    last.map(|l| count(l.excluding_treasury)),
                    ThisMonth {
                        opening: count(b.preceding.excluding_treasury),
                        close: count(f.and_then(|f| f.close_excluding_treasury)),
                        path: paths::part2::preceding_excluding_treasury(i),
                    },
                ),
                (
                    TREASURY,
                    last.map(|l| count(l.treasury)),
                    ThisMonth {
                        opening: count(b.preceding.treasury),
                        close: count(f.and_then(|f| f.close_treasury)),
                        path: paths::part2::preceding_treasury(i),
                    },
                ),
            ];
            let name = self.derived.class_name(self.ret, b.class);
            self.block_lines(part, &name, figures);
        }
        for (j, last) in self.last.part2.iter().enumerate() {
            if !seen[j] {
                let name = self.last.class_name(last.class);
                let excl = count(last.excluding_treasury);
                self.vanished(part, name.clone(), String::new(), EXCL, excl);
                self.vanished(part, name, String::new(), TREASURY, count(last.treasury));
            }
        }
    }

    /// A Part III sub-part with a balance brought forward: rows matched by position within the
    /// block of the same class, as `PREV-004`…`006` do.
    fn part3<S: SubPart>(&mut self, figure: &'static str) {
        let Some(column) = S::column_of(Role::BroughtForward) else {
            return;
        };
        let describe = S::column_of(Role::Description);
        let row_name = |row: &S, r: usize| -> String {
            let text = match describe.map(|c| &c.value) {
                Some(Value::Text(get, _)) => get(row).trim().to_string(),
                _ => String::new(),
            };
            if text.is_empty() {
                format!("{} {}", S::ROW_NOUN, r + 1)
            } else {
                text
            }
        };
        let last_blocks = part3_blocks(self.last, S::PART);
        let mut seen: Vec<Vec<bool>> = last_blocks
            .iter()
            .map(|b| vec![false; b.rows.len()])
            .collect();
        for (i, b) in S::part(self.ret).active().iter().enumerate() {
            let class = S::block_class(b);
            let name = self.derived.class_name(self.ret, class);
            let j = self.classes.block(class, last_blocks, |x| x.class);
            for (r, row) in S::rows(b).iter().enumerate() {
                let (opening, close) = match (&column.value, self.derived.closing(S::PART, i, r)) {
                    (Value::Count(get, _), Some(Closing::Count(c))) => (count(*get(row)), count(c)),
                    (Value::Amount(get, _), Some(Closing::Amount(a))) => {
                        (amount(*get(row)), amount(a))
                    }
                    (Value::Count(get, _), _) => (count(*get(row)), None),
                    (Value::Amount(get, _), _) => (amount(*get(row)), None),
                    _ => (None, None),
                };
                let path = S::cell_path(i, r, column);
                let last = j.and_then(|j| Some((j, last_blocks.get(j)?.rows.get(r)?)));
                match last {
                    Some((j, last)) => {
                        if let Some(s) = seen.get_mut(j).and_then(|s| s.get_mut(r)) {
                            *s = true;
                        }
                        let last_close = count(last.count).or(amount(last.amount));
                        self.matched(
                            S::PART,
                            name.clone(),
                            row_name(row, r),
                            figure,
                            last_close,
                            ThisMonth {
                                opening,
                                close,
                                path,
                            },
                        );
                    }
                    None => self.new_line(
                        S::PART,
                        name.clone(),
                        row_name(row, r),
                        figure,
                        ThisMonth {
                            opening,
                            close,
                            path,
                        },
                    ),
                }
            }
        }
        for (j, block) in last_blocks.iter().enumerate() {
            for (r, row) in block.rows.iter().enumerate() {
                if !seen[j][r] {
                    let row_label = if row.name.trim().is_empty() {
                        format!("{} {}", S::ROW_NOUN, r + 1)
                    } else {
                        row.name.trim().to_string()
                    };
                    self.vanished(
                        S::PART,
                        self.last.class_name(block.class),
                        row_label,
                        figure,
                        count(row.count).or(amount(row.amount)),
                    );
                }
            }
        }
    }

    /// HDR lines, matched by position as `PREV-007` does.
    fn part4(&mut self) {
        let part = FormPart::IV;
        let hdr_name = |description: &str, stock_code: &str, i: usize| {
            let d = description.trim();
            match (d.is_empty(), stock_code.trim()) {
                (false, _) => d.to_string(),
                (true, "") => format!("HDR line {}", i + 1),
                (true, code) => format!("HDRs {code}"),
            }
        };
        let lines = self.ret.part4.part.active();
        for (i, h) in lines.iter().enumerate() {
            let name = hdr_name(&h.description, &h.stock_code, i);
            let opening = count(h.preceding_hdrs);
            let close = count(self.derived.part4.get(i).and_then(|f| f.close_hdrs));
            let path = paths::part4::preceding_hdrs(i);
            match self.last.part4.get(i) {
                Some(last) => self.matched(
                    part,
                    "HDRs".to_string(),
                    name,
                    "HDRs",
                    count(last.hdrs),
                    ThisMonth {
                        opening,
                        close,
                        path,
                    },
                ),
                None => self.new_line(
                    part,
                    "HDRs".to_string(),
                    name,
                    "HDRs",
                    ThisMonth {
                        opening,
                        close,
                        path,
                    },
                ),
            }
        }
        for (i, last) in self.last.part4.iter().enumerate().skip(lines.len()) {
            let name = hdr_name(&last.description, &last.stock_code, i);
            self.vanished(part, "HDRs".to_string(), name, "HDRs", count(last.hdrs));
        }
    }
}
