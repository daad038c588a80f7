//! The pages of Part III: one page for its five sub-parts, drawn from the sub-part's
//! description ([`SubPart`]), so a column added there shows here with no editor code.
//!
//! A page is the `Not applicable` switch and the class blocks; a block is its rows (one card per
//! row: the printed form's eight to ten columns would not fit a screen without squeezing), then
//! the block's own lines (XX1/XX2, funds raised, EE1/EE2) and remarks. A row card lists its
//! columns in description order, each a label and a widget chosen by the column's [`Value`].
//! What a table cannot say is in two places only: [`part3_special`](super::part3_special) for
//! the compound cells, and [`block_lines_ui`] / [`page_end_ui`] here for what differs between
//! the sub-parts' blocks and pages.

use egui::{RichText, Ui};

use crate::calc::Closing;
use crate::model::path::{self, FieldPath, FormPart, summary};
use crate::model::subpart::{Column, Role, SubPart, Value};
use crate::model::{MonthlyReturn, OptionBlock};
use crate::template::texts;
use crate::ui::widgets::layout::{GAP, Pairs};
use crate::ui::widgets::{self, CURRENCY_WIDTH, MONEY_WIDTH, NUMBER_WIDTH};

use super::PageContext;
use super::common::{self, BlockTotals, ClassBlock, LABEL_WIDTH, part_heading, sub_heading};
use super::part3_special::{self, Cell};

/// Width of a one-line text column other than the row's description (stock code).
const SHORT_TEXT_WIDTH: f32 = 100.0;
/// The narrowest the field side of a row card's line gets (then its labels narrow).
const LINE_FIELD_WIDTH: f32 = 320.0;
/// `Total funds raised from exercise of options:` on one line.
const FUNDS_LABEL_WIDTH: f32 = 400.0;

/// Page III(A) … III(E) for the sub-part `S`.
pub fn page_ui<S>(ui: &mut Ui, ret: &mut MonthlyReturn, ctx: &mut PageContext<'_>)
where
    S: SubPart + Default,
    S::Block: ClassBlock,
{
    let t = &texts().part3;
    part_heading(ui, &t.heading);
    if let Some(sub) = t.sub(S::PART) {
        sub_heading(ui, &sub.heading);
    }
    let short = short_name::<S>();
    // `part_mut` borrows the whole return, and the blocks need the class list beside it (class
    // picker, names in the summary lines): a copy of the few classes is cheaper than a
    // split-borrow accessor per sub-part.
    let classes = ret.classes.clone();
    common::part3_blocks_ui(
        ui,
        ctx,
        S::PART,
        &short,
        &classes,
        S::part_mut(ret),
        |ui, ctx, b, block| {
            let owner = format!("part {short} block {}", b + 1);
            common::items_ui(
                ui,
                ctx,
                &|r| S::row_path(b, r),
                S::ROW_NOUN,
                &owner,
                S::rows_mut(block),
                |ui, ctx, r, row| row_ui(ui, ctx, b, r, row),
            );
            let class = common::class_name(&classes, S::block_class(block));
            block_lines_ui::<S>(ui, ctx, b, &class, block);
            common::remarks_ui(
                ui,
                ctx,
                &path::part::block_remarks(S::PART, b),
                &format!("Part {short} block {}", b + 1),
                S::remarks_mut(block),
            );
        },
    );
    page_end_ui::<S>(ui, ret, ctx);
}

/// `III(A)`: how names and buttons call the sub-part.
fn short_name<S: SubPart>() -> String {
    format!("III({})", S::LETTER)
}

/// Whether a column is drawn across the row card rather than as a line of the card's grid
/// (the movement lists: beside their label, III(A)'s four columns ran past the right edge of a
/// 1200-px window).
fn spans_card<S>(column: &Column<S>) -> bool {
    match column.value {
        Value::Special(special) => part3_special::spans_card(special),
        _ => false,
    }
}

/// One row card: its columns in description order, runs of label + widget lines in a grid,
/// broken by the columns that span the card.
fn row_ui<S: SubPart>(ui: &mut Ui, ctx: &mut PageContext<'_>, b: usize, r: usize, row: &mut S) {
    let row_name = format!(
        "Part {} block {} {} {}",
        short_name::<S>(),
        b + 1,
        S::ROW_NAME,
        r + 1
    );
    for run in S::COLUMNS.split_inclusive(spans_card) {
        let (lines, across) = match run.split_last() {
            Some((last, lines)) if spans_card(last) => (lines, Some(last)),
            _ => (run, None),
        };
        if !lines.is_empty() {
            let pairs = Pairs::new(ui, LABEL_WIDTH, LINE_FIELD_WIDTH, 1);
            pairs.lines(ui, |lines_ui| {
                for column in lines {
                    let cell = cell::<S>(b, r, &row_name, column);
                    lines_ui.pair(cell.label, |ui| cell_ui(ui, ctx, &cell, column, row));
                }
            });
        }
        if let Some(column) = across {
            cell_ui(ui, ctx, &cell::<S>(b, r, &row_name, column), column, row);
        }
    }
}

/// Where `column` of row `r` of block `b` is, what its widget is called, and its heading.
fn cell<'a, S: SubPart>(b: usize, r: usize, row_name: &'a str, column: &Column<S>) -> Cell<'a> {
    Cell {
        part: S::PART,
        b,
        r,
        path: S::cell_path(b, r, column),
        name: format!("{row_name} {}", column.short_name),
        row_name,
        short_name: column.short_name,
        label: texts().part3.label(S::PART, column.label),
    }
}

/// The widget of one column, by the kind of value it holds.
fn cell_ui<S: SubPart>(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    cell: &Cell<'_>,
    column: &Column<S>,
    row: &mut S,
) {
    if let Value::Special(special) = column.value {
        part3_special::special_ui(ui, ctx, special, cell, row);
        return;
    }
    let (path, name) = (&cell.path, cell.name.as_str());
    ui.vertical(|ui| {
        match &column.value {
            Value::Count(_, get) => {
                widgets::count_field(ui, ctx, path, name, get(row));
            }
            Value::Amount(_, get) => {
                widgets::decimal_field(ui, ctx, path, name, get(row), None);
            }
            Value::Date(_, get) => {
                widgets::date_field(ui, ctx, path, name, get(row));
            }
            Value::Text(_, get) => {
                let width = match column.role {
                    Role::Description => common::text_width(ui),
                    _ => SHORT_TEXT_WIDTH,
                };
                widgets::text_field(ui, ctx, path, name, get(row), width);
            }
            Value::Currency(_, get) => {
                widgets::text_field(ui, ctx, path, name, get(row), CURRENCY_WIDTH);
            }
            Value::Money(_, get) => {
                widgets::money_field(ui, ctx, path, name, get(row));
            }
            Value::Closing => {
                let text = match ctx.derived.closing(S::PART, cell.b, cell.r) {
                    Some(Closing::Amount(v)) => widgets::amount_text(v),
                    Some(Closing::Count(v)) => widgets::count_text(v),
                    None => widgets::count_text(None),
                };
                widgets::computed_cell(ui, ctx, path, name, &text, NUMBER_WIDTH);
            }
            Value::Special(_) => {} // drawn above
        }
        if let Some(note) = part3_special::note(ctx, cell, column.key) {
            ui.label(RichText::new(note).small().weak());
        }
    });
}

/// What a block shows between its rows and its remarks: the one place where the sub-parts'
/// blocks differ. (A)–(D) sum X1/X2 into XX1/XX2; (A) adds the funds raised by exercise;
/// (E)'s lines are signed changes, worded as such.
fn block_lines_ui<S: SubPart>(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    b: usize,
    class: &str,
    block: &mut S::Block,
) {
    let t = &texts().part3;
    let name = format!("Part {} block {}", short_name::<S>(), b + 1);
    // (E)'s rows are signed changes: its lines are worded as changes, have figures and paths
    // of their own, and keep the page's usual grid spacing (the XX lines sit closer).
    let (values, paths) = match S::PART {
        FormPart::IIIE => {
            let fig = ctx.derived.part3e.get(b).cloned().unwrap_or_default();
            let paths = [path::part3e::ee1(b), path::part3e::ee2(b)];
            ([fig.ee1, fig.ee2], paths)
        }
        part => {
            let s = ctx.derived.summary(part, b).unwrap_or_default();
            (
                [s.xx1, s.xx2],
                [summary::xx1(part, b), summary::xx2(part, b)],
            )
        }
    };
    let (texts, names) = match S::PART {
        FormPart::IIIE => (
            [t.summary_excluding_treasury.as_str(), &t.summary_treasury],
            ["change in issued shares", "change in treasury shares"],
        ),
        _ => (
            [t.increase_line.as_str(), &t.decrease_treasury_line],
            ["increase in issued shares", "decrease in treasury shares"],
        ),
    };
    let tag = format!("{0}{0}", S::LETTER);
    let totals = BlockTotals {
        texts,
        names,
        paths,
        values,
        tag,
    };
    common::block_totals_ui(ui, ctx, &name, class, &totals);
    // Only (A)'s blocks have funds raised (by the exercise of options).
    if let Some(block) = part3_special::downcast_mut::<_, OptionBlock>(block) {
        let pairs = Pairs::new(ui, FUNDS_LABEL_WIDTH, MONEY_WIDTH, 1);
        pairs.lines(ui, |r| {
            r.pair(&t.funds_raised, |ui| {
                let path = path::part3a::funds_raised_money(b);
                let field_name = format!("{name} total funds raised");
                widgets::money_field(ui, ctx, &path, &field_name, &mut block.funds_raised)
            })
        });
    }
}

/// What a page shows after its blocks: (E), the last sub-part, closes Part III with the grand
/// totals per class (`Total of AA1 to EE1`, `Total of AA2 to EE2`), shown even when (E) is
/// `Not applicable`.
fn page_end_ui<S: SubPart>(ui: &mut Ui, ret: &MonthlyReturn, ctx: &mut PageContext<'_>) {
    if S::PART != FormPart::IIIE {
        return;
    }
    let t = &texts().part3;
    ui.add_space(8.0);
    ui.label(RichText::new(ui_text::GRAND_TOTALS).strong());
    for (i, class) in ret.classes.iter().enumerate() {
        let Some(tot) = ctx.derived.class_totals(class.id).cloned() else {
            continue;
        };
        let name = format!("Class {} {}", i + 1, class.summary_name());
        let lines: [(&str, FieldPath, &str, Option<i64>); 2] = [
            (
                &t.grand_total_1,
                path::part3e::total_excluding_treasury(class.id),
                "AA1 to EE1",
                tot.total_excluding_treasury,
            ),
            (
                &t.grand_total_2,
                path::part3e::total_treasury(class.id),
                "AA2 to EE2",
                tot.total_treasury,
            ),
        ];
        let pairs = Pairs::new(ui, LABEL_WIDTH, NUMBER_WIDTH + GAP + 160.0, 1);
        pairs.lines(ui, |r| {
            for (text, path, span, value) in &lines {
                r.pair(*text, |ui| {
                    ui.horizontal_top(|ui| {
                        widgets::computed_cell(
                            ui,
                            ctx,
                            path,
                            &format!("{name} total of {span}"),
                            &widgets::count_text(*value),
                            NUMBER_WIDTH,
                        );
                        widgets::field_label(ui, class.summary_name());
                    })
                });
            }
        });
    }
}

/// Editor-only words of Part III.
mod ui_text {
    pub const GRAND_TOTALS: &str = "Grand totals per class";
}
