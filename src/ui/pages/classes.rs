//! The share class list of page I: each class described once (class, type, listed, stock
//! code, description, other counters) and picked by its blocks in parts I, II and III.

use egui::{RichText, Ui};

use crate::model::path::{self, FieldPath};
use crate::model::{
    AuthorisedBlock, ClassId, ClassOfShares, CounterCode, IssuedBlock, MonthlyReturn, ShareClass,
    TypeOfShares,
};
use crate::template::texts;
use crate::ui::widgets::layout::{Pairs, Table};
use crate::ui::widgets::{self, CURRENCY_WIDTH, TEXT_WIDTH};

use super::PageContext;
use super::common::{self, ListAction, card, list_buttons, sub_heading};

/// Editor-only words of the class list.
mod ui_text {
    pub const CLASSES: &str = "Share classes";
    pub const CLASSES_HELP: &str =
        "Each class is described once here and picked by its blocks in parts I, II and III.";
    pub const ADD_CLASS: &str = "Add share class";
    pub const ADD_COUNTER: &str = "Add other counter";
}

/// Widest label of a share-class card (`Listed on the Exchange (Note 1)`), and its drop-downs.
const CLASS_LABEL_WIDTH: f32 = 200.0;
const CLASS_FIELD_WIDTH: f32 = 230.0;
/// Other counters: stock code and description.
const COUNTER_CODE_WIDTH: f32 = 100.0;
const COUNTER_DESCRIPTION_WIDTH: f32 = 220.0;

pub fn classes_ui(ui: &mut Ui, ret: &mut MonthlyReturn, ctx: &mut PageContext<'_>) {
    sub_heading(ui, ui_text::CLASSES);
    ui.label(RichText::new(ui_text::CLASSES_HELP).weak());
    let t = &texts().class_header;
    let len = ret.classes.len();
    let mut action = None;
    for (i, class) in ret.classes.iter_mut().enumerate() {
        let base = FieldPath::class_registry(i);
        let n = i + 1;
        let force = common::wants_focus(ctx, &base);
        let id = ctx.field_id(&base).with("class-height");
        common::culled(ui, id, force, |ui| {
            card(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(format!("{n}.")).strong());
                    ui.label(RichText::new(class.summary_name()).strong());
                    if let Some(a) = list_buttons(ui, &format!("share class {n}"), i, len) {
                        action = Some(a);
                    }
                });
                // Findings about the class as a whole (e.g. a class no block refers to).
                widgets::messages_ui(ui, ctx, &base);
                class_grid(ui, ctx, i, class);
                counters_ui(ui, ctx, i, class, t);
            })
        });
    }
    if ui
        .button(ui_text::ADD_CLASS)
        .on_hover_text("Adds the class with a block in parts I and II")
        .clicked()
    {
        let id = ret.next_class_id();
        ret.classes.push(ShareClass::new(id));
        if !ret.part1.part.not_applicable {
            ret.part1.part.blocks.push(AuthorisedBlock::new(id));
        }
        if !ret.part2.part.not_applicable {
            ret.part2.part.blocks.push(IssuedBlock::new(id));
        }
    }
    match action {
        // A class with blocks goes only once the user has seen what goes with it.
        Some(ListAction::Remove(i)) => match ret.classes.get(i).map(|c| c.id) {
            Some(id) if blocks_of(ret, id) != (0, 0) => {
                ui.data_mut(|d| d.insert_temp(confirm_removal_id(), id));
            }
            Some(id) => remove_class(ret, id),
            None => {}
        },
        Some(a) => a.apply(&mut ret.classes),
        None => {}
    }
    confirm_removal_ui(ui, ret);
}

fn confirm_removal_id() -> egui::Id {
    egui::Id::unique("confirm-remove-share-class")
}

/// The class's blocks in parts I and II, and in part III.
fn blocks_of(ret: &MonthlyReturn, id: ClassId) -> (usize, usize) {
    let i_ii = ret
        .part1
        .part
        .blocks
        .iter()
        .filter(|b| b.class == id)
        .count()
        + ret
            .part2
            .part
            .blocks
            .iter()
            .filter(|b| b.class == id)
            .count();
    let iii = ret.part3a.blocks.iter().filter(|b| b.class == id).count()
        + ret.part3b.blocks.iter().filter(|b| b.class == id).count()
        + ret.part3c.blocks.iter().filter(|b| b.class == id).count()
        + ret.part3d.blocks.iter().filter(|b| b.class == id).count()
        + ret.part3e.blocks.iter().filter(|b| b.class == id).count();
    (i_ii, iii)
}

/// Removing a class removes its blocks in parts I and II (they describe nothing else); blocks
/// in part III are kept and flagged, so no movement is lost silently.
fn remove_class(ret: &mut MonthlyReturn, id: ClassId) {
    ret.part1.part.blocks.retain(|b| b.class != id);
    ret.part2.part.blocks.retain(|b| b.class != id);
    ret.classes.retain(|c| c.id != id);
}

/// "Remove share class …?" for a class with blocks: what goes, what stays, and that Undo brings
/// it back. Remove / Cancel (Escape).
fn confirm_removal_ui(ui: &mut Ui, ret: &mut MonthlyReturn) {
    let Some(id) = ui.data(|d| d.get_temp::<ClassId>(confirm_removal_id())) else {
        return;
    };
    let Some((n, class)) = ret.classes.iter().enumerate().find(|(_, c)| c.id == id) else {
        ui.data_mut(|d| d.remove::<ClassId>(confirm_removal_id()));
        return;
    };
    let name = format!("{}. {}", n + 1, class.picker_name());
    let (i_ii, iii) = blocks_of(ret, id);
    let mut text = format!(
        "Its {} in parts I and II go with it, figures included.",
        crate::format::counted(i_ii, "block")
    );
    if iii > 0 {
        text.push_str(&format!(
            " Its {} in part III stay, flagged, so no movement is lost: move them to another \
             class or remove them there.",
            crate::format::counted(iii, "block")
        ));
    }
    text.push_str(" Undo (Edit menu) brings it all back.");
    let mut done = None;
    egui::Modal::new(egui::Id::unique("confirm-remove-share-class-modal")).show(ui.ctx(), |ui| {
        ui.set_width(420.0);
        ui.heading(format!("Remove share class {name}?"));
        ui.add(egui::Label::new(text).wrap());
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if widgets::action_button(ui, "Remove", &format!("Remove share class {}", n + 1))
                .clicked()
            {
                done = Some(true);
            }
            if ui.button("Cancel").clicked() {
                done = Some(false);
            }
        });
    });
    if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        done = Some(false);
    }
    if let Some(remove) = done {
        if remove {
            remove_class(ret, id);
        }
        ui.data_mut(|d| d.remove::<ClassId>(confirm_removal_id()));
    }
}

fn class_grid(ui: &mut Ui, ctx: &mut PageContext<'_>, i: usize, class: &mut ShareClass) {
    let n = i + 1;
    let t = &texts().class_header;
    let ShareClass {
        class_of_shares,
        type_of_shares,
        listed,
        stock_code,
        description,
        ..
    } = class;
    // Two pairs to a row (the form has six columns) when the card is wide enough, else one.
    let pairs = Pairs::new(ui, CLASS_LABEL_WIDTH, CLASS_FIELD_WIDTH, 2);
    pairs.row(ui, |r| {
        r.pair(&t.class_of_shares, |ui| {
            widgets::combo_field(
                ui,
                ctx,
                &path::classes::class_of_shares(i),
                &format!("Class {n} class of shares"),
                class_of_shares,
                &ClassOfShares::ALL,
                |c| c.label().to_string(),
                CLASS_FIELD_WIDTH,
            )
        });
        r.pair(&t.type_of_shares, |ui| {
            widgets::combo_field(
                ui,
                ctx,
                &path::classes::type_of_shares(i),
                &format!("Class {n} type of shares"),
                type_of_shares,
                &TypeOfShares::ALL,
                |c| c.label().to_string(),
                CLASS_FIELD_WIDTH,
            )
        });
    });
    pairs.row(ui, |r| {
        r.pair(&t.stock_code, |ui| {
            widgets::text_field(
                ui,
                ctx,
                &path::classes::stock_code(i),
                &format!("Class {n} stock code"),
                stock_code,
                100.0,
            )
        });
        r.pair(&t.listed, |ui| {
            widgets::checkbox_field(
                ui,
                ctx,
                &path::classes::listed(i),
                &format!("Class {n} listed on the Exchange"),
                listed,
                &t.yes,
            )
        });
    });
    pairs.row(ui, |r| {
        r.pair(&t.description, |ui| {
            widgets::text_field(
                ui,
                ctx,
                &path::classes::description(i),
                &format!("Class {n} description"),
                description,
                TEXT_WIDTH,
            )
        });
    });
}

fn counters_ui(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    i: usize,
    class: &mut ShareClass,
    t: &crate::template::ClassHeaderTexts,
) {
    let n = i + 1;
    let len = class.other_counters.len();
    let mut action = None;
    let currency = &texts().part3.c["currency"];
    let columns = [
        (t.other_counter.as_str(), COUNTER_CODE_WIDTH),
        (currency.as_str(), CURRENCY_WIDTH),
        (t.description.as_str(), COUNTER_DESCRIPTION_WIDTH),
        ("", common::LIST_BUTTONS_WIDTH),
    ];
    let table = Table::new(ui, 0.0, &columns);
    if len > 0 {
        table.heads(ui);
    }
    for (j, c) in class.other_counters.iter_mut().enumerate() {
        let what = format!("class {n} other counter {}", j + 1);
        let name = format!("Class {n} other counter {}", j + 1);
        table.row(ui, "", |row| {
            row.cell(|ui| {
                widgets::text_field(
                    ui,
                    ctx,
                    &path::classes::counter_stock_code(i, j),
                    &format!("{name} stock code"),
                    &mut c.stock_code,
                    COUNTER_CODE_WIDTH,
                )
            });
            row.cell(|ui| {
                widgets::text_field(
                    ui,
                    ctx,
                    &path::classes::counter_currency(i, j),
                    &format!("{name} currency"),
                    &mut c.currency,
                    CURRENCY_WIDTH,
                )
            });
            row.cell(|ui| {
                widgets::text_field(
                    ui,
                    ctx,
                    &path::classes::counter_description(i, j),
                    &format!("{name} description"),
                    &mut c.description,
                    COUNTER_DESCRIPTION_WIDTH,
                )
            });
            // After the counter's fields, so Tab goes through them first.
            row.cell(|ui| {
                ui.horizontal(|ui| {
                    if let Some(a) = list_buttons(ui, &what, j, len) {
                        action = Some(a);
                    }
                })
            });
        });
    }
    if widgets::action_button(
        ui,
        ui_text::ADD_COUNTER,
        &format!("Add other counter to class {n}"),
    )
    .clicked()
    {
        class.other_counters.push(CounterCode::default());
    }
    if let Some(a) = action {
        a.apply(&mut class.other_counters);
    }
}
