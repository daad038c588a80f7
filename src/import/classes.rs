//! The share-class header grid that opens every block, and the registry that tells the classes
//! apart: blocks whose headers print the same class, type, listing, stock code, description and
//! other counters are one class. The class list follows the grand totals after III(E), which
//! list every class of the return in its order; ids are then 1, 2, … in that order.

use super::doc::Doc;
use super::reader::Ctx;
use crate::model::path::{self, FieldPath};
use crate::model::{ClassId, ClassOfShares, CounterCode, MonthlyReturn, ShareClass, TypeOfShares};

/// Which grid: parts I and II (capital) or part III (details); the description cell differs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Grid {
    Capital,
    Details,
}

impl Grid {
    /// Room the description was wrapped to.
    fn description_width(self) -> f32 {
        match self {
            Grid::Capital => 798.52 - 372.19 - 2.0 * 1.42,
            Grid::Details => 774.71 - 349.51 - 2.0 * 1.42,
        }
    }
}

/// The classes met so far, and the grand totals' order of them.
#[derive(Default)]
pub struct Registry {
    classes: Vec<ShareClass>,
    /// Class names as the grand totals list them, with the page.
    pub totals_order: Vec<(String, usize)>,
}

impl Registry {
    /// The class of `id` as read so far.
    pub fn get(&self, id: ClassId) -> Option<&ShareClass> {
        self.classes.iter().find(|c| c.id == id)
    }

    pub fn len(&self) -> usize {
        self.classes.len()
    }

    /// The id of `class` (a new one when no earlier block printed the same header).
    pub fn intern(&mut self, mut class: ShareClass) -> ClassId {
        if let Some(c) = self.classes.iter().find(|c| same(c, &class)) {
            return c.id;
        }
        // HKEX leaves the description out of part III's grids: a header that differs from one
        // class only by a blank description is that class.
        let blank_desc = |c: &ShareClass| ShareClass {
            description: String::new(),
            ..c.clone()
        };
        let mut like = self
            .classes
            .iter_mut()
            .filter(|c| same(&blank_desc(c), &blank_desc(&class)));
        if let (Some(c), None) = (like.next(), like.next())
            && (c.description.is_empty() || class.description.is_empty())
        {
            if c.description.is_empty() {
                c.description = class.description;
            }
            return c.id;
        }
        // Provisional ids: positions in order of appearance, renumbered by `finish`.
        let id = ClassId(self.classes.len() as u32 + 1);
        class.id = id;
        self.classes.push(class);
        id
    }

    /// Orders the classes as the grand totals list them, renumbers them 1, 2, … and the
    /// blocks' references with them.
    pub fn finish(self, ctx: &mut Ctx<'_>, ret: &mut MonthlyReturn) {
        let mut pool: Vec<Option<ShareClass>> = self.classes.into_iter().map(Some).collect();
        let mut ordered: Vec<ShareClass> = Vec::new();
        for (name, page) in &self.totals_order {
            let found = pool
                .iter_mut()
                .find(|c| c.as_ref().is_some_and(|c| &c.summary_name() == name))
                .and_then(Option::take);
            match found {
                Some(c) => ordered.push(c),
                None => {
                    let c = class_from_name(name);
                    let i = ordered.len();
                    ctx.issue(
                        *page,
                        &FieldPath::class_registry(i),
                        format!(
                            "class \"{name}\" is listed in the grand totals only; its stock code, listing and description are not printed, so they are left blank"
                        ),
                    );
                    ordered.push(c);
                }
            }
        }
        ordered.extend(pool.into_iter().flatten());
        let map: Vec<(ClassId, ClassId)> = ordered
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id, ClassId(i as u32 + 1)))
            .collect();
        let remap = |id: &mut ClassId| {
            if let Some((_, new)) = map.iter().find(|(old, _)| old == id) {
                *id = *new;
            }
        };
        for (i, c) in ordered.iter_mut().enumerate() {
            c.id = ClassId(i as u32 + 1);
        }
        ret.part1
            .part
            .blocks
            .iter_mut()
            .for_each(|b| remap(&mut b.class));
        ret.part2
            .part
            .blocks
            .iter_mut()
            .for_each(|b| remap(&mut b.class));
        ret.part3a
            .blocks
            .iter_mut()
            .for_each(|b| remap(&mut b.class));
        ret.part3b
            .blocks
            .iter_mut()
            .for_each(|b| remap(&mut b.class));
        ret.part3c
            .blocks
            .iter_mut()
            .for_each(|b| remap(&mut b.class));
        ret.part3d
            .blocks
            .iter_mut()
            .for_each(|b| remap(&mut b.class));
        ret.part3e
            .blocks
            .iter_mut()
            .for_each(|b| remap(&mut b.class));
        ret.classes = ordered;
    }
}

fn same(a: &ShareClass, b: &ShareClass) -> bool {
    a.class_of_shares == b.class_of_shares
        && a.type_of_shares == b.type_of_shares
        && a.listed == b.listed
        && a.stock_code == b.stock_code
        && a.description == b.description
        && a.other_counters.len() == b.other_counters.len()
        && a.other_counters
            .iter()
            .zip(&b.other_counters)
            .all(|(x, y)| {
                x.stock_code == y.stock_code
                    && x.currency == y.currency
                    && x.description == y.description
            })
}

/// A class known only by its summary name (`Ordinary shares (H)`).
fn class_from_name(name: &str) -> ShareClass {
    let (base, kind) = match name.strip_suffix(" (H)") {
        Some(b) => (b, TypeOfShares::H),
        None => match name.strip_suffix(" (A)") {
            Some(b) => (b, TypeOfShares::A),
            None => (name, TypeOfShares::NotApplicable),
        },
    };
    let mut c = ShareClass::new(ClassId(0));
    match ClassOfShares::ALL.into_iter().find(|k| k.label() == base) {
        Some(k) => c.class_of_shares = k,
        None => {
            c.class_of_shares = ClassOfShares::Other;
            c.description = base.to_string();
        }
    }
    c.type_of_shares = kind;
    c
}

/// `3. Class of shares` → 3.
pub fn grid_number(text: &str, label: &str) -> Option<usize> {
    let (n, rest) = text.split_once(". ")?;
    (rest == label).then(|| n.parse().ok()).flatten()
}

/// Reads the class grid whose first label is item `k`; `to` bounds the block. Returns the
/// class and the index of the first item after the grid.
pub fn grid(
    ctx: &mut Ctx<'_>,
    k: usize,
    to: usize,
    grid: Grid,
    reg_index: usize,
) -> (ShareClass, usize) {
    let doc: &Doc = ctx.doc;
    let ch = &ctx.t.class_header;
    let page = ctx.page_of(k);
    let mut class = ShareClass::default();
    // The 8 pt `Listed on the Exchange` label sits 0.29 higher, so it may sort before `k`.
    let row1 = doc.on_line(k, k.saturating_sub(12), to, 1.0);
    let pos = |label: &str| row1.iter().position(|&i| doc.text(i) == label);
    let (p_type, p_listed) = (pos(&ch.type_of_shares), pos(&ch.listed));
    let between = |a: Option<usize>, b: Option<usize>| -> String {
        let a = a.map_or(0, |a| a + 1);
        let b = b.unwrap_or(row1.len()).min(row1.len());
        row1.get(a..b)
            .unwrap_or(&[])
            .iter()
            .map(|&i| doc.text(i))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let class_text = between(Some(0), p_type);
    let type_text = between(p_type, p_listed);
    let listed_text = if p_listed.is_some() {
        between(p_listed, None)
    } else {
        String::new()
    };
    let cpath = |f: fn(usize) -> FieldPath| f(reg_index);
    match ClassOfShares::ALL.into_iter().find(|c| c.label() == class_text) {
        Some(c) => class.class_of_shares = c,
        None => ctx.issue(
            page,
            &cpath(path::classes::class_of_shares),
            format!(
                "expected one of the template's classes of shares (e.g. \"Ordinary shares\"), found {class_text:?}"
            ),
        ),
    }
    match TypeOfShares::ALL
        .into_iter()
        .find(|c| c.label() == type_text)
    {
        Some(c) => class.type_of_shares = c,
        None => ctx.issue(
            page,
            &cpath(path::classes::type_of_shares),
            format!(
                "expected a type of shares (e.g. \"Not applicable\", \"H\"), found {type_text:?}"
            ),
        ),
    }
    if listed_text == ch.yes {
        class.listed = true;
    } else if listed_text != ch.no {
        ctx.issue(
            page,
            &cpath(path::classes::listed),
            format!("expected \"Yes\" or \"No\", found {listed_text:?}"),
        );
    }
    let mut end = row1.iter().max().map_or(k + 1, |&m| m + 1);
    // Row 2: stock code and description.
    let y0 = doc.items.get(k).map_or(0.0, |i| i.y);
    let code_label = doc.find_by(k, to, |i| {
        i.text == ch.stock_code && i.page == page && i.y > y0 + 5.0 && i.y < y0 + 30.0
    });
    if let Some(cl) = code_label {
        let row2 = doc.on_line(cl, k, to, 1.0);
        let dpos = row2.iter().position(|&i| doc.text(i) == ch.description);
        let code: Vec<&str> = row2
            .iter()
            .take(dpos.unwrap_or(row2.len()))
            .filter(|&&i| i != cl)
            .map(|&i| doc.text(i))
            .collect();
        let code = code.join(" ");
        class.stock_code = if code == ch.unlisted_code && !class.listed {
            String::new()
        } else {
            code
        };
        end = end.max(row2.iter().max().map_or(cl + 1, |&m| m + 1));
        if let Some(first) = dpos.and_then(|d| row2.get(d + 1)).copied() {
            let lines = doc.column_lines(first, to, 10.8, 3);
            let texts: Vec<(f32, String)> = lines
                .iter()
                .map(|&i| (doc.items[i].y, doc.items[i].text.clone()))
                .collect();
            let w = grid.description_width();
            class.description = super::doc::join_lines(&texts, &|_| w, 9.0);
            end = end.max(lines.iter().max().map_or(first, |&m| m + 1));
        }
        // Other counters: one row each, 18.14 below the previous row.
        let mut last_y = lines_bottom(doc, cl, end);
        while let Some(lab) = doc.find_by(end.saturating_sub(1), to, |i| {
            i.text == ch.other_counter
                && i.page == page
                && i.y > last_y + 5.0
                && i.y < last_y + 25.0
        }) {
            let row = doc.on_line(lab, k, to, 1.2);
            let cpos = row.iter().position(|&i| doc.text(i) == ch.currency);
            let code: Vec<&str> = row
                .iter()
                .take(cpos.unwrap_or(row.len()))
                .filter(|&&i| i != lab)
                .map(|&i| doc.text(i))
                .collect();
            let value = cpos
                .map(|c| {
                    row[c + 1..]
                        .iter()
                        .map(|&i| doc.text(i))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default();
            let (currency, description) = split_currency(&value);
            class.other_counters.push(CounterCode {
                id: Default::default(),
                stock_code: code.join(" "),
                currency,
                description,
            });
            last_y = doc.items.get(lab).map_or(last_y, |i| i.y);
            end = end.max(row.iter().max().map_or(lab + 1, |&m| m + 1));
        }
    } else {
        ctx.issue(
            page,
            &cpath(path::classes::stock_code),
            "the class's \"Stock code (if listed)\" row was not found",
        );
    }
    (class, end)
}

fn lines_bottom(doc: &Doc, from: usize, to: usize) -> f32 {
    doc.items
        .get(from..to.min(doc.items.len()))
        .unwrap_or(&[])
        .iter()
        .map(|i| i.y)
        .fold(0.0, f32::max)
}

/// `HKD RMB counter` → (`HKD`, `RMB counter`): a leading 3-letter code is the currency.
pub fn split_currency(value: &str) -> (String, String) {
    let value = value.trim();
    let (head, rest) = value.split_once(' ').unwrap_or((value, ""));
    if head.len() == 3 && head.chars().all(|c| c.is_ascii_uppercase()) {
        (head.to_string(), rest.trim().to_string())
    } else {
        (String::new(), value.to_string())
    }
}
