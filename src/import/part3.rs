//! Part III: the five sub-parts, read by one generic walk over each sub-part's description
//! ([`crate::model::subpart`]): the same column table the export prints from gives the cell
//! edges, the kind of each value and where it goes in the row. The compound cells (III(A)'s
//! four movements, III(C)'s movements and type, III(E)'s type of issue) have code of their own.
//! Then the grand totals, which also give the order of the classes.

use std::any::Any;

use chrono::NaiveDate;

use super::classes::{Grid, Registry, grid, grid_number};
use super::doc::{Item, join_lines};
use super::reader::Ctx;
use super::verify::Key;
use crate::model::path::{self, FieldPath, FormPart};
use crate::model::subpart::{Print, Role, Special, SubPart, Value};
use crate::model::{
    Arrangement, ArrangementBlock, ClassId, Convertible, ConvertibleBlock, ConvertibleMovement,
    ConvertibleMovementKind, ConvertibleType, Event, EventBlock, Money, MonthlyReturn, OptionBlock,
    OptionMovement, OptionScheme, TypeOfIssue, Warrant, WarrantBlock,
};
use crate::parse;

const LEFT: f64 = 20.69;
/// Right of the row-number cell; the description starts after it.
const NUM_X1: f32 = 37.70;
const PAD: f32 = 1.42;
/// Width of the label cell of a labelled movement.
const MOVE_LABEL_W: f32 = 49.09;
/// Under-row fields: values from FIELD_X0; a money field's amount from FIELD_AMT_X0.
const FIELD_X0: f32 = 150.0;
const FIELD_AMT_X0: f32 = 192.22;

/// What the generic walk needs of a sub-part's block beyond [`SubPart`].
trait NewBlock: Default {
    fn set_class(&mut self, class: ClassId);
    fn funds_mut(&mut self) -> Option<&mut Money> {
        None
    }
}

macro_rules! new_block {
    ($($t:ty),*) => {$(
        impl NewBlock for $t {
            fn set_class(&mut self, class: ClassId) {
                self.class = class;
            }
        }
    )*};
}
new_block!(WarrantBlock, ConvertibleBlock, ArrangementBlock, EventBlock);

impl NewBlock for OptionBlock {
    fn set_class(&mut self, class: ClassId) {
        self.class = class;
    }
    fn funds_mut(&mut self) -> Option<&mut Money> {
        Some(&mut self.funds_raised)
    }
}

pub fn parse(
    ctx: &mut Ctx<'_>,
    (from, to): (usize, usize),
    reg: &mut Registry,
    ret: &mut MonthlyReturn,
) {
    let doc = ctx.doc;
    let p3 = &ctx.t.part3;
    let parts = [
        FormPart::IIIA,
        FormPart::IIIB,
        FormPart::IIIC,
        FormPart::IIID,
        FormPart::IIIE,
    ];
    let heads: Vec<Option<usize>> = parts
        .iter()
        .map(|&p| {
            let heading = p3.sub(p).map_or("", |s| s.heading.as_str());
            doc.find_by(from, to, |i| i.bold && i.text == heading)
        })
        .collect();
    let grand_first = p3
        .grand_total_1
        .split(' ')
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    let after_e = heads[4].unwrap_or(from);
    let grand = doc
        .find_by(after_e, to, |i| i.text.starts_with(&grand_first))
        .unwrap_or(to);
    let range = |i: usize| -> Option<(usize, usize)> {
        let start = heads[i]?;
        let end = heads[i + 1..]
            .iter()
            .flatten()
            .copied()
            .find(|&e| e > start)
            .unwrap_or(grand);
        Some((start, end.max(start)))
    };
    for (i, &p) in parts.iter().enumerate() {
        let Some(r) = range(i) else {
            ctx.issue_at(
                ctx.page_of(from),
                p.title(),
                "the sub-part's heading was not found; it is left not applicable",
            );
            continue;
        };
        match p {
            FormPart::IIIA => sub::<OptionScheme>(ctx, r, reg, ret),
            FormPart::IIIB => sub::<Warrant>(ctx, r, reg, ret),
            FormPart::IIIC => sub::<Convertible>(ctx, r, reg, ret),
            FormPart::IIID => sub::<Arrangement>(ctx, r, reg, ret),
            _ => sub::<Event>(ctx, r, reg, ret),
        }
    }
    for (i, &p) in parts.iter().enumerate() {
        if heads[i].is_none() {
            match p {
                FormPart::IIIA => ret.part3a.not_applicable = true,
                FormPart::IIIB => ret.part3b.not_applicable = true,
                FormPart::IIIC => ret.part3c.not_applicable = true,
                FormPart::IIID => ret.part3d.not_applicable = true,
                _ => ret.part3e.not_applicable = true,
            }
        }
    }
    grand_totals(ctx, grand, to, reg);
}

/// The grand totals: per class a box with two lines, each a value and the class's name.
fn grand_totals(ctx: &mut Ctx<'_>, from: usize, to: usize, reg: &mut Registry) {
    let doc = ctx.doc;
    let names: Vec<usize> = (from..to)
        .filter(|&k| {
            let i = &doc.items[k];
            (i.x - 666.99).abs() < 2.0 && (i.size - 9.0).abs() < 0.2
        })
        .collect();
    for (n, pair) in names.chunks(2).enumerate() {
        let Some(&first) = pair.first() else { continue };
        reg.totals_order
            .push((doc.text(first).to_string(), ctx.page_of(first)));
        let class = ClassId(n as u32 + 1);
        for (k, &name) in pair.iter().enumerate() {
            let value = doc
                .on_line(name, from, to, 1.0)
                .into_iter()
                .find(|&i| doc.items[i].x1 > 516.0 && doc.items[i].x1 < 660.0);
            let p = if k == 0 {
                path::part3e::total_excluding_treasury(class)
            } else {
                path::part3e::total_treasury(class)
            };
            ctx.printed(value, p, Key::Grand(n, k));
        }
    }
}

/// Cell edges of sub-part `S`'s table, as the export computes them.
fn edges<S: SubPart>() -> Vec<f32> {
    let round = |x: f64| ((x * 100.0).round() / 100.0) as f32;
    let mut x = LEFT;
    let mut edges = vec![round(x)];
    for column in S::COLUMNS {
        let widths = match column.print {
            Print::Column(w) => vec![w],
            Print::SplitColumn(c, a) => vec![c, a],
            Print::Under | Print::InDescription => continue,
        };
        for w in widths {
            x += f64::from(w);
            edges.push(round(x));
        }
    }
    edges
}

/// `12).` → 12.
fn row_number(text: &str) -> Option<usize> {
    text.strip_suffix(").")?.parse().ok()
}

fn sub<S: SubPart + Default>(
    ctx: &mut Ctx<'_>,
    (from, to): (usize, usize),
    reg: &mut Registry,
    ret: &mut MonthlyReturn,
) where
    S::Block: NewBlock,
{
    let doc = ctx.doc;
    let t = ctx.t;
    let p3 = &t.part3;
    if ctx.not_applicable(from, to) {
        S::part_mut(ret).not_applicable = true;
        return;
    }
    let starts: Vec<usize> = (from + 1..to)
        .filter(|&k| grid_number(doc.text(k), &t.class_header.class_of_shares).is_some())
        .collect();
    let (label1, label2) = if S::PART == FormPart::IIIE {
        (&p3.summary_excluding_treasury, &p3.summary_treasury)
    } else {
        (&p3.increase_line, &p3.decrease_treasury_line)
    };
    let edges = edges::<S>();
    for (b, &start) in starts.iter().enumerate() {
        let end = starts.get(b + 1).copied().unwrap_or(to);
        let (class, after) = grid(ctx, start, end, Grid::Details, reg.len());
        let mut block = S::Block::default();
        let class_id = reg.intern(class);
        block.set_class(class_id);
        let class_name = reg
            .get(class_id)
            .map(|c| c.summary_name())
            .unwrap_or_default();
        let l1 = doc.find(after, end, label1);
        let l2 = doc.find(l1.unwrap_or(after), end, label2);
        let rows_end = l1.unwrap_or(end);
        let numbers: Vec<usize> = (after..rows_end)
            .filter(|&k| doc.items[k].x < 32.0 && row_number(doc.text(k)).is_some())
            .collect();
        let mut rows = Vec::with_capacity(numbers.len());
        for (r, &num) in numbers.iter().enumerate() {
            let it = &doc.items[num];
            if row_number(&it.text) != Some(r + 1) {
                ctx.issue(
                    it.page,
                    &S::row_path(b, r),
                    format!(
                        "expected row {}). here, found {}; a row may be missing or unreadable",
                        r + 1,
                        it.text
                    ),
                );
            }
            let top = it.y - 11.32 - 0.5;
            let next_top = numbers
                .get(r + 1)
                .map(|&n| &doc.items[n])
                .or(l1.map(|l| &doc.items[l]))
                .filter(|n| n.page == it.page)
                .map_or(f32::MAX, |n| n.y - 11.32 - 0.5);
            // Items are in (page, baseline) order: the row's region is one contiguous run.
            let block_items = doc.items.get(after..rows_end).unwrap_or(&[]);
            let before =
                |limit: f32| move |i: &Item| i.page < it.page || (i.page == it.page && i.y < limit);
            let lo = block_items.partition_point(before(top));
            let hi = block_items.partition_point(before(next_top)).max(lo);
            let region: Vec<&Item> = block_items[lo..hi].iter().inspect(|i| i.mark()).collect();
            rows.push(read_row::<S>(ctx, b, r, it.page, &region, &edges));
        }
        *S::rows_mut(&mut block) = rows;
        // Summary lines.
        for (k, l) in [l1, l2].into_iter().enumerate() {
            let Some(l) = l else {
                ctx.issue(
                    ctx.page_of(after),
                    &S::PART.block(b),
                    format!("the summary line \"{}\" was not found", [label1, label2][k]),
                );
                continue;
            };
            let line = doc.on_line(l, after, end, 1.0);
            let value = line
                .iter()
                .copied()
                .find(|&i| doc.items[i].x1 > 445.0 && doc.items[i].x1 < 590.0);
            // The line names the block's class: `Ordinary shares (AA1)`.
            let named = line
                .iter()
                .find(|&&i| doc.items[i].x > 590.0)
                .map(|&i| doc.text(i).to_string())
                .unwrap_or_default();
            let expected = format!("{class_name} ({0}{0}{1})", S::LETTER, k + 1);
            if named != expected {
                ctx.issue(
                    ctx.page_of(l),
                    &S::PART.block(b),
                    format!(
                        "the summary line names {named:?}, the block's class header reads as {expected:?}"
                    ),
                );
            }
            let p = match (S::PART, k) {
                (FormPart::IIIE, 0) => path::part3e::ee1(b),
                (FormPart::IIIE, _) => path::part3e::ee2(b),
                (part, 0) => path::summary::xx1(part, b),
                (part, _) => path::summary::xx2(part, b),
            };
            ctx.printed(value, p, Key::Summary(S::PART, b, k));
        }
        let mut tail = l2.or(l1).unwrap_or(after);
        if let Some(funds) = block.funds_mut()
            && let Some(l) = doc.find(tail, end, &p3.funds_raised)
        {
            tail = l;
            let line = doc.on_line(l, after, end, 1.0);
            let ccy = line
                .iter()
                .find(|&&i| doc.items[i].x > 445.0 && doc.items[i].x < 483.0)
                .map(|&i| doc.text(i).to_string())
                .unwrap_or_default();
            let amount = line
                .iter()
                .find(|&&i| doc.items[i].x >= 483.0 && doc.items[i].x1 < 590.0)
                .copied();
            funds.currency = ccy;
            funds.amount = ctx.amount(amount, &path::part3a::funds_raised(b));
        }
        if let Some(r) = doc.find_by(tail, end, |i| i.text == t.remarks && i.x < 30.0) {
            *S::remarks_mut(&mut block) = ctx.remarks(r, end);
        }
        S::part_mut(ret).blocks.push(block);
    }
}

/// Reads one data row from the items of its region.
fn read_row<S: SubPart + Default>(
    ctx: &mut Ctx<'_>,
    b: usize,
    r: usize,
    page: usize,
    region: &[&Item],
    edges: &[f32],
) -> S {
    let p3 = &ctx.t.part3;
    let mut row = S::default();
    let ncells = edges.len().saturating_sub(1);
    let mut cells: Vec<Vec<&Item>> = vec![Vec::new(); ncells];
    let mut labels: Vec<&Item> = Vec::new();
    let mut values: Vec<&Item> = Vec::new();
    for &i in region {
        if i.size < 6.6 {
            let pos = if i.x < edges.get(1).copied().unwrap_or(0.0) {
                0
            } else {
                edges.iter().rposition(|&e| e <= i.mid()).unwrap_or(0)
            };
            if let Some(c) = cells.get_mut(pos.min(ncells.saturating_sub(1))) {
                c.push(i);
            }
        } else if i.size < 7.6 {
            if i.x < 30.0 {
                labels.push(i);
            } else if i.x >= FIELD_X0 {
                values.push(i);
            }
        }
    }
    let cell_text = |c: usize| -> String {
        cells
            .get(c)
            .map(|v| {
                v.iter()
                    .map(|i| i.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default()
    };
    let mut ci = 0;
    let mut expiry: Option<NaiveDate> = None;
    for column in S::COLUMNS {
        let path = S::cell_path(b, r, column);
        match column.print {
            Print::InDescription | Print::Under => continue,
            _ if column.role == Role::Description => {
                let lines: Vec<(f32, String)> = cells
                    .first()
                    .map(|v| {
                        v.iter()
                            .filter(|i| i.x >= NUM_X1)
                            .map(|i| (i.y, i.text.clone()))
                            .collect()
                    })
                    .unwrap_or_default();
                let width = edges.get(1).copied().unwrap_or(0.0) - NUM_X1 - 2.0 * PAD;
                let mut text = join_lines(&lines, &|_| width, 6.0);
                // III(B): the expiry date is printed after the description.
                if S::COLUMNS.iter().any(|c| c.print == Print::InDescription)
                    && let Some((head, date)) = split_expiry(&text)
                {
                    expiry = Some(date);
                    text = head;
                }
                match &column.value {
                    Value::Text(_, set) => *set(&mut row) = text,
                    Value::Special(Special::TypeOfIssue) => type_of_issue(&mut row, &text),
                    _ => {}
                }
                ci += 1;
            }
            _ => {
                match &column.value {
                    Value::Count(_, set) => {
                        let s = cell_text(ci);
                        *set(&mut row) = count(ctx, &s, page, &path);
                    }
                    Value::Amount(_, set) => {
                        let s = cell_text(ci);
                        *set(&mut row) = amount(ctx, &s, page, &path);
                    }
                    Value::Date(_, set) => {
                        let s = cell_text(ci);
                        *set(&mut row) = ctx.date(&s, page, &path);
                    }
                    Value::Text(_, set) | Value::Currency(_, set) => *set(&mut row) = cell_text(ci),
                    Value::Money(_, set) => {
                        let currency = cell_text(ci);
                        ci += 1;
                        let s = cell_text(ci);
                        let a = amount(ctx, &s, page, &path.money_amount());
                        *set(&mut row) = Money {
                            currency,
                            amount: a,
                        };
                    }
                    Value::Closing => {
                        let s = cell_text(ci);
                        if !s.is_empty() {
                            ctx.printed.push(super::verify::Printed {
                                page,
                                path: path.clone(),
                                key: Key::Closing(S::PART, b, r),
                                text: s,
                            });
                        }
                    }
                    Value::Special(special) => {
                        let moves = movements(
                            cells.get(ci).map(Vec::as_slice).unwrap_or(&[]),
                            edges.get(ci).copied().unwrap_or(0.0),
                        );
                        apply_moves(ctx, *special, &mut row, &moves, page, b, r);
                    }
                }
                ci += 1;
            }
        }
    }
    if let Some(d) = expiry
        && let Some(w) = (&mut row as &mut dyn Any).downcast_mut::<Warrant>()
    {
        w.expiry_date = Some(d);
    }
    // The fields under the row: each label (one or two lines), then its value beside it.
    let mut li = 0;
    for column in S::COLUMNS.iter().filter(|c| c.print == Print::Under) {
        let path = S::cell_path(b, r, column);
        let label = norm(p3.label(S::PART, column.label));
        let mut acc = String::new();
        let (mut y0, mut y1) = (f32::MAX, f32::MIN);
        while li < labels.len() && norm(&acc) != label {
            let l = labels[li];
            if !acc.is_empty() {
                acc.push(' ');
            }
            acc.push_str(&l.text);
            y0 = y0.min(l.y);
            y1 = y1.max(l.y);
            li += 1;
        }
        if norm(&acc) != label {
            ctx.issue(
                page,
                &path,
                format!("the field \"{label}\" was not found under the row"),
            );
            continue;
        }
        let vals: Vec<&Item> = values
            .iter()
            .copied()
            .filter(|v| v.y >= y0 - 1.5 && v.y <= y1 + 1.5)
            .collect();
        let text = vals
            .iter()
            .map(|v| v.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        match &column.value {
            Value::Text(_, set) | Value::Currency(_, set) => *set(&mut row) = text,
            Value::Date(_, set) => *set(&mut row) = ctx.date(&text, page, &path),
            Value::Count(_, set) => *set(&mut row) = count(ctx, &text, page, &path),
            Value::Amount(_, set) => *set(&mut row) = amount(ctx, &text, page, &path),
            Value::Money(_, set) => {
                let currency = vals
                    .iter()
                    .filter(|v| v.x < FIELD_AMT_X0)
                    .map(|v| v.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let a = vals
                    .iter()
                    .filter(|v| v.x >= FIELD_AMT_X0)
                    .map(|v| v.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let a = amount(ctx, &a, page, &path.money_amount());
                *set(&mut row) = Money {
                    currency,
                    amount: a,
                };
            }
            Value::Special(Special::ConvertibleType) => {
                if let Some(c) = (&mut row as &mut dyn Any).downcast_mut::<Convertible>() {
                    match ConvertibleType::ALL.into_iter().find(|k| k.label() == text) {
                        Some(k) => c.kind = k,
                        None => {
                            c.kind = ConvertibleType::Others;
                            c.kind_other = text;
                        }
                    }
                }
            }
            Value::Closing | Value::Special(_) => {}
        }
    }
    row
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn count(ctx: &mut Ctx<'_>, s: &str, page: usize, path: &FieldPath) -> Option<i64> {
    match parse::parse_count(s) {
        Ok(v) => v,
        Err(e) => {
            ctx.issue(
                page,
                path,
                format!("cannot read the figure: {}", e.describe(s)),
            );
            None
        }
    }
}

fn amount(
    ctx: &mut Ctx<'_>,
    s: &str,
    page: usize,
    path: &FieldPath,
) -> Option<rust_decimal::Decimal> {
    match parse::parse_decimal(s) {
        Ok(v) => v,
        Err(e) => {
            ctx.issue(
                page,
                path,
                format!("cannot read the amount: {}", e.describe(s)),
            );
            None
        }
    }
}

/// `2026 Warrants (31/12/2026)` → (`2026 Warrants`, 2026-12-31).
fn split_expiry(text: &str) -> Option<(String, NaiveDate)> {
    let inner = text.strip_suffix(')')?;
    let (head, date) = inner
        .rsplit_once(" (")
        .or_else(|| inner.strip_prefix('(').map(|d| ("", d)))?;
    let d = NaiveDate::parse_from_str(date, "%d/%m/%Y").ok()?;
    Some((head.to_string(), d))
}

/// III(E)'s `Type of Issue`: a label of the template, or `Other (please specify): text`.
fn type_of_issue<S: 'static>(row: &mut S, text: &str) {
    let Some(e) = (row as &mut dyn Any).downcast_mut::<Event>() else {
        return;
    };
    let other = TypeOfIssue::Other.label();
    if let Some(kind) = TypeOfIssue::ALL.into_iter().find(|k| k.label() == text) {
        e.type_of_issue = kind;
    } else if let Some(rest) = text.strip_prefix(other).and_then(|r| r.strip_prefix(':')) {
        e.type_of_issue = TypeOfIssue::Other;
        e.other_description = rest.trim().to_string();
    } else {
        e.type_of_issue = TypeOfIssue::Other;
        e.other_description = text.to_string();
    }
}

/// The labelled amounts of a movements cell starting at `x0`: (label, value) per sub-row.
fn movements(items: &[&Item], x0: f32) -> Vec<(String, String)> {
    let mut rows: Vec<(f32, String, String)> = Vec::new();
    for i in items {
        let slot = match rows.iter_mut().find(|(y, _, _)| (y - i.y).abs() < 1.0) {
            Some(s) => s,
            None => {
                rows.push((i.y, String::new(), String::new()));
                let last = rows.len() - 1;
                &mut rows[last]
            }
        };
        if i.x < x0 + MOVE_LABEL_W {
            slot.1 = i.text.clone();
        } else {
            slot.2 = i.text.clone();
        }
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, l, v)| (l, v)).collect()
}

fn apply_moves<S: 'static>(
    ctx: &mut Ctx<'_>,
    special: Special,
    row: &mut S,
    moves: &[(String, String)],
    page: usize,
    b: usize,
    r: usize,
) {
    let any = row as &mut dyn Any;
    match special {
        Special::OptionMovements => {
            let Some(s) = any.downcast_mut::<OptionScheme>() else {
                return;
            };
            for (label, value) in moves {
                match OptionMovement::ALL.into_iter().find(|m| m.label() == label) {
                    Some(m) => {
                        let p = path::part3a::movement(b, r, m);
                        let printed = count(ctx, value, page, &p);
                        // Printed signed (`Lapsed -112,875`), typed positive.
                        *s.movement_mut(m) = printed.and_then(|v| v.checked_mul(m.sign()));
                    }
                    None => ctx.issue(
                        page,
                        &path::part3a::scheme(b, r),
                        format!(
                            "expected a movement labelled Granted, Exercised, Cancelled or Lapsed, found {label:?} {value:?}"
                        ),
                    ),
                }
            }
        }
        Special::ConvertibleMovements => {
            let Some(c) = any.downcast_mut::<Convertible>() else {
                return;
            };
            for (m, (label, value)) in moves.iter().enumerate() {
                let kind = ConvertibleMovementKind::ALL
                    .into_iter()
                    .find(|k| k.label() == label)
                    .unwrap_or(ConvertibleMovementKind::Other);
                let amount = amount(ctx, value, page, &path::part3c::movement_amount(b, r, m));
                c.movements.push(ConvertibleMovement {
                    id: Default::default(),
                    kind,
                    label: if kind == ConvertibleMovementKind::Other && label != "Other" {
                        label.clone()
                    } else {
                        String::new()
                    },
                    amount,
                });
            }
        }
        Special::ConvertibleType | Special::TypeOfIssue => {}
    }
}
