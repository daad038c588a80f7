//! The share class list of page I: each class described once (class, type, listed, stock
//! code, description, other counters) and picked by its blocks in parts I, II and III.

use egui::{RichText, Ui};

use crate::model::path::{self, FieldPath};
use crate::model::{
    AuthorisedBlock, ClassOfShares, CounterCode, IssuedBlock, MonthlyReturn, ShareClass,
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
        // Removing a class removes its blocks in parts I and II (they describe nothing else);
        // blocks in part III are kept and flagged so no movement is lost silently.
        Some(ListAction::Remove(i)) => {
            if let Some(id) = ret.classes.get(i).map(|c| c.id) {
                ret.part1.part.blocks.retain(|b| b.class != id);
                ret.part2.part.blocks.retain(|b| b.class != id);
            }
            ListAction::Remove(i).apply(&mut ret.classes);
        }
        Some(a) => a.apply(&mut ret.classes),
        None => {}
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
