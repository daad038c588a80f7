//! The compound cells of Part III ([`Special`]), one small function each, and the few notes a
//! plain cell carries: what the sub-part descriptions cannot say as a column of one value.
//!
//! A special column belongs to one row type (III(A)'s movements to [`OptionScheme`]...); the
//! generic page holds the row as its sub-part's type, so each function takes its own row back
//! with [`downcast_mut`]. A test holds every description's special columns on the row type
//! their function expects, so the mismatch that would draw nothing cannot ship.

use std::any::{Any, TypeId};

use egui::Ui;

use crate::model::path::{self, FieldPath, FormPart};
use crate::model::subpart::Special;
use crate::model::{
    Convertible, ConvertibleMovement, ConvertibleMovementKind, ConvertibleType, Event,
    OptionMovement, OptionScheme, TypeOfIssue,
};
use crate::ui::widgets::{self, layout, layout::Table};

use super::PageContext;
use super::common::{self, ListAction, list_buttons};

/// How far the movement lists sit in from their heading.
const INDENT: f32 = 12.0;
/// A convertible movement's kind and the user's label of an `Other` one.
const KIND_WIDTH: f32 = 120.0;
const OTHER_LABEL_WIDTH: f32 = 140.0;

/// Editor-only words of the compound cells.
mod ui_text {
    pub const ADD_MOVEMENT: &str = "Add movement";
    pub const MOVEMENT_LABEL: &str = "Label";
    pub const EXPECTED: &str = "Amount at close ÷ conversion price gives";
}

/// Where a cell is and what it is called.
pub struct Cell<'a> {
    pub part: FormPart,
    /// Block and row index.
    pub b: usize,
    pub r: usize,
    /// The column's path in the row (`.../convertible[0]/kind`).
    pub path: FieldPath,
    /// The accessible name of the cell's widget: the row's name and the column's short name.
    pub name: String,
    /// `Part III(C) block 1 convertible 2`.
    pub row_name: &'a str,
    /// `movement`, `options`: what the parts of a compound cell are named after.
    pub short_name: &'a str,
    /// The column's heading.
    pub label: &'a str,
}

/// `value` as `T` when it is one (see the module doc).
pub fn downcast_mut<V: Any, T: Any>(value: &mut V) -> Option<&mut T> {
    (value as &mut dyn Any).downcast_mut::<T>()
}

/// The row type each special cell is drawn for.
fn row_type(special: Special) -> TypeId {
    match special {
        Special::OptionMovements => TypeId::of::<OptionScheme>(),
        Special::ConvertibleMovements | Special::ConvertibleType => TypeId::of::<Convertible>(),
        Special::TypeOfIssue => TypeId::of::<Event>(),
    }
}

/// Whether the cell is drawn across the row card under its own heading (the movement lists)
/// rather than as a label + widget line.
pub fn spans_card(special: Special) -> bool {
    match special {
        Special::OptionMovements | Special::ConvertibleMovements => true,
        Special::ConvertibleType | Special::TypeOfIssue => false,
    }
}

/// Draws the special cell `special` of `row`.
pub fn special_ui<R: Any>(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    special: Special,
    cell: &Cell<'_>,
    row: &mut R,
) {
    debug_assert_eq!(row_type(special), TypeId::of::<R>(), "{special:?}");
    match special {
        Special::OptionMovements => as_row(row, |r| option_movements(ui, ctx, cell, r)),
        Special::ConvertibleMovements => as_row(row, |r| convertible_movements(ui, ctx, cell, r)),
        Special::ConvertibleType => as_row(row, |r| convertible_type(ui, ctx, cell, r)),
        Special::TypeOfIssue => as_row(row, |r| type_of_issue(ui, ctx, cell, r)),
    }
}

/// Calls `draw` with `row` as the row type `T` its special cell is for.
fn as_row<R: Any, T: Any>(row: &mut R, draw: impl FnOnce(&mut T)) {
    if let Some(row) = downcast_mut(row) {
        draw(row);
    }
}

/// A hint under a plain cell, from figures the rules also use: III(C)'s shares issuable as the
/// closing amount divided by the conversion price, to compare with what was typed.
pub fn note(ctx: &PageContext<'_>, cell: &Cell<'_>, key: &str) -> Option<String> {
    match (cell.part, key) {
        (FormPart::IIIC, "shares_issuable_at_close") => {
            let expected = ctx
                .derived
                .part3c
                .get(cell.b)?
                .expected_issuable
                .get(cell.r)?;
            expected.map(|e| format!("{} {}", ui_text::EXPECTED, widgets::text::count(e)))
        }
        _ => None,
    }
}

/// III(A) `Movement during the month`: four labelled counts, typed positive; the form prints
/// the decreases negative. Under their heading rather than beside it: beside it, the four
/// columns ran past the right edge of a 1200-px window.
fn option_movements(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    cell: &Cell<'_>,
    scheme: &mut OptionScheme,
) {
    ui.add(egui::Label::new(cell.label).wrap());
    ui.horizontal_top(|ui| {
        ui.add_space(INDENT);
        ui.vertical(|ui| {
            let heads = OptionMovement::ALL.map(|m| (m.label(), widgets::NUMBER_WIDTH));
            let table = Table::new(ui, 0.0, &heads);
            table.heads(ui);
            table.row(ui, "", |row| {
                for m in OptionMovement::ALL {
                    row.cell(|ui| {
                        widgets::count_field(
                            ui,
                            ctx,
                            &path::part3a::movement(cell.b, cell.r, m),
                            &format!("{} {}", cell.name, m.key()),
                            scheme.movement_mut(m),
                        )
                    });
                }
            });
        });
    });
}

/// III(C) `Movement during the month`: a list of labelled amounts (Issued adds,
/// Converted/Redeemed subtract, Other is labelled by the user), each with its list buttons.
fn convertible_movements(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    cell: &Cell<'_>,
    cv: &mut Convertible,
) {
    let (b, c, n) = (cell.b, cell.r, cell.row_name);
    ui.label(cell.label);
    let len = cv.movements.len();
    let mut action = None;
    for (m, mv) in cv.movements.iter_mut().enumerate() {
        let mn = format!("{n} {} {}", cell.short_name, m + 1);
        // Each part in a cell of its own, so a message wraps under its field; the row wraps
        // onto a second line on a narrow page rather than running past its edge.
        let wrapped = egui::Layout::left_to_right(egui::Align::Min).with_main_wrap(true);
        ui.with_layout(wrapped, |ui| {
            ui.add_space(INDENT);
            layout::cell(ui, KIND_WIDTH, |ui| {
                widgets::combo_field(
                    ui,
                    ctx,
                    &path::part3c::movement_kind(b, c, m),
                    &format!("{mn} kind"),
                    &mut mv.kind,
                    &ConvertibleMovementKind::ALL,
                    |k| k.label().to_string(),
                    KIND_WIDTH,
                )
            });
            if mv.kind == ConvertibleMovementKind::Other {
                widgets::field_label(ui, ui_text::MOVEMENT_LABEL);
                layout::cell(ui, OTHER_LABEL_WIDTH, |ui| {
                    widgets::text_field(
                        ui,
                        ctx,
                        &path::part3c::movement_label(b, c, m),
                        &format!("{mn} label"),
                        &mut mv.label,
                        OTHER_LABEL_WIDTH,
                    )
                });
            }
            layout::cell(ui, widgets::NUMBER_WIDTH, |ui| {
                widgets::decimal_field(
                    ui,
                    ctx,
                    &path::part3c::movement_amount(b, c, m),
                    &format!("{mn} amount"),
                    &mut mv.amount,
                    None,
                )
            });
            layout::cell(ui, common::LIST_BUTTONS_WIDTH, |ui| {
                ui.horizontal(|ui| {
                    let what = format!("movement {} of {n}", m + 1);
                    if let Some(a) = list_buttons(ui, &what, m, len) {
                        action = Some(a);
                    }
                })
            });
        });
    }
    if widgets::action_button(ui, ui_text::ADD_MOVEMENT, &format!("Add movement to {n}")).clicked()
    {
        cv.movements.push(ConvertibleMovement::default());
    }
    if let Some(a) = action {
        ListAction::apply(a, &mut cv.movements);
    }
}

/// III(C) `Type of the Convertibles`, with the text of `Others (please specify)`.
fn convertible_type(ui: &mut Ui, ctx: &mut PageContext<'_>, cell: &Cell<'_>, cv: &mut Convertible) {
    let list = (&ConvertibleType::ALL[..], ConvertibleType::Others, 200.0);
    let other = (path::part3c::kind_other(cell.b, cell.r), 220.0);
    choice_ui(ui, ctx, cell, list, &mut cv.kind, other, &mut cv.kind_other);
}

/// III(E) `Type of Issue`, with the text of `Other (please specify)`.
fn type_of_issue(ui: &mut Ui, ctx: &mut PageContext<'_>, cell: &Cell<'_>, ev: &mut Event) {
    let list = (&TypeOfIssue::ALL[..], TypeOfIssue::Other, 420.0);
    let other = (path::part3e::other_description(cell.b, cell.r), 420.0);
    choice_ui(
        ui,
        ctx,
        cell,
        list,
        &mut ev.type_of_issue,
        other,
        &mut ev.other_description,
    );
}

/// A choice in the form's list `options` (a combo `width` wide), and the user's words for the
/// choice `other` (`Other (please specify)`) on a line of their own when it is chosen, a text
/// field at `text_path` under the drop-down. Drawn in the field side of the column's line.
fn choice_ui<T: PartialEq + Copy + Labelled>(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    cell: &Cell<'_>,
    (options, other, width): (&[T], T, f32),
    value: &mut T,
    (text_path, text_width): (FieldPath, f32),
    text: &mut String,
) {
    let label = |k: T| k.label().to_string();
    widgets::combo_field(
        ui, ctx, &cell.path, &cell.name, value, options, label, width,
    );
    if *value == other {
        // Under the drop-down that says `Other (please specify)`: what it is.
        let name = format!("{}, specified", cell.name);
        widgets::text_field(ui, ctx, &text_path, &name, text, text_width)
            .on_hover_text(other.label());
    }
}

/// The form's wording of a choice (the lists' own `label`, for [`choice_ui`]).
trait Labelled {
    fn label(self) -> &'static str;
}

macro_rules! labelled {
    ($($t:ty),*) => {$(
        impl Labelled for $t {
            fn label(self) -> &'static str {
                <$t>::label(self)
            }
        }
    )*};
}

labelled!(ConvertibleType, TypeOfIssue);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::subpart::{SubPart, Value};
    use crate::model::{Arrangement, Warrant};

    /// Every special column of every description is on the row type its function draws.
    #[test]
    fn special_columns_sit_on_the_rows_their_functions_draw() {
        fn check<S: SubPart>() {
            for c in S::COLUMNS {
                if let Value::Special(special) = c.value {
                    assert_eq!(
                        row_type(special),
                        TypeId::of::<S>(),
                        "{:?} {}",
                        S::PART,
                        c.key
                    );
                }
            }
        }
        check::<OptionScheme>();
        check::<Warrant>();
        check::<Convertible>();
        check::<Arrangement>();
        check::<Event>();
    }
}
