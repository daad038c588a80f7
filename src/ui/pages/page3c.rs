//! Page III(C): convertibles, one card per instrument with its list of labelled movements, then
//! the CC1/CC2 summary lines and remarks of each class block.

use egui::{Grid, RichText, Ui};

use crate::model::path::{self, FormPart};
use crate::model::{
    Convertible, ConvertibleMovement, ConvertibleMovementKind, ConvertibleType, MonthlyReturn,
};
use crate::template::texts;
use crate::ui::widgets::{self, CURRENCY_WIDTH};

use super::PageContext;
use super::common::{self, ListAction, form_label, list_buttons, part_heading, sub_heading};

/// Editor-only words of this page.
mod ui_text {
    pub const ADD_MOVEMENT: &str = "Add movement";
    pub const MOVEMENT_LABEL: &str = "Label";
    pub const EXPECTED: &str = "Amount at close ÷ conversion price gives";
}

pub fn page_ui(ui: &mut Ui, ret: &mut MonthlyReturn, ctx: &mut PageContext<'_>) {
    let t = texts();
    part_heading(ui, &t.part3.heading);
    sub_heading(ui, &t.part3.c.heading);
    let MonthlyReturn {
        classes, part3c, ..
    } = ret;
    common::part3_blocks_ui(
        ui,
        ctx,
        FormPart::IIIC,
        "III(C)",
        classes,
        part3c,
        |ui, ctx, b, block| {
            let owner = format!("part III(C) block {}", b + 1);
            common::items_ui(
                ui,
                ctx,
                &|c| path::part3c::convertible(b, c),
                "convertible",
                &owner,
                &mut block.convertibles,
                |ui, ctx, c, cv| convertible_ui(ui, ctx, b, c, cv),
            );
            let summary = ctx.derived.part3c.get(b).map(|f| f.summary);
            let class = common::class_name(classes, block.class);
            common::summary_lines(ui, ctx, FormPart::IIIC, 'C', b, &class, summary);
            common::remarks_ui(
                ui,
                ctx,
                &path::part::block_remarks(FormPart::IIIC, b),
                &format!("Part III(C) block {}", b + 1),
                &mut block.remarks,
            );
        },
    );
}

fn convertible_ui(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    b: usize,
    c: usize,
    cv: &mut Convertible,
) {
    let t = &texts().part3;
    let ct = &t.c;
    let n = format!("Part III(C) block {} convertible {}", b + 1, c + 1);
    let fig = ctx.derived.part3c.get(b);
    let close = fig.and_then(|f| f.closing_amount.get(c).cloned()).flatten();
    let expected = fig
        .and_then(|f| f.expected_issuable.get(c).copied())
        .flatten();
    Grid::new(("convertible", b, c))
        .num_columns(2)
        .spacing([10.0, 2.0])
        .show(ui, |ui| {
            form_label(ui, &ct["description"]);
            let width = common::text_width(ui).max(420.0);
            widgets::text_field(
                ui,
                ctx,
                &path::part3c::description(b, c),
                &format!("{n} description"),
                &mut cv.description,
                width,
            );
            ui.end_row();

            form_label(ui, &ct["type_of_convertibles"]);
            widgets::combo_field(
                ui,
                ctx,
                &path::part3c::kind(b, c),
                &format!("{n} type of the convertibles"),
                &mut cv.kind,
                &ConvertibleType::ALL,
                |k| k.label().to_string(),
                200.0,
            );
            if cv.kind == ConvertibleType::Others {
                ui.end_row();
                form_label(ui, ConvertibleType::Others.label());
                widgets::text_field(
                    ui,
                    ctx,
                    &path::part3c::kind_other(b, c),
                    &format!("{n} type of the convertibles, specified"),
                    &mut cv.kind_other,
                    220.0,
                );
            }
            ui.end_row();

            form_label(ui, &ct["currency"]);
            widgets::text_field(
                ui,
                ctx,
                &path::part3c::currency(b, c),
                &format!("{n} currency"),
                &mut cv.currency,
                CURRENCY_WIDTH,
            );
            ui.end_row();
            form_label(ui, &ct["preceding"]);
            widgets::decimal_field(
                ui,
                ctx,
                &path::part3c::preceding_amount(b, c),
                &format!("{n} amount at close of preceding month"),
                &mut cv.preceding_amount,
                None,
            );
            ui.end_row();
        });

    // `Movement during the month`: labelled amounts (Issued adds, Converted/Redeemed subtract).
    ui.label(&ct["movement"]);
    let len = cv.movements.len();
    let mut action = None;
    for (m, mv) in cv.movements.iter_mut().enumerate() {
        let mn = format!("{n} movement {}", m + 1);
        ui.horizontal_top(|ui| {
            widgets::combo_field(
                ui,
                ctx,
                &path::part3c::movement_kind(b, c, m),
                &format!("{mn} kind"),
                &mut mv.kind,
                &ConvertibleMovementKind::ALL,
                |k| k.label().to_string(),
                120.0,
            );
            if mv.kind == ConvertibleMovementKind::Other {
                widgets::field_label(ui, ui_text::MOVEMENT_LABEL);
                widgets::text_field(
                    ui,
                    ctx,
                    &path::part3c::movement_label(b, c, m),
                    &format!("{mn} label"),
                    &mut mv.label,
                    140.0,
                );
            }
            widgets::decimal_field(
                ui,
                ctx,
                &path::part3c::movement_amount(b, c, m),
                &format!("{mn} amount"),
                &mut mv.amount,
                None,
            );
            if let Some(a) = list_buttons(ui, &format!("movement {} of {n}", m + 1), m, len) {
                action = Some(a);
            }
        });
    }
    if widgets::action_button(ui, ui_text::ADD_MOVEMENT, &format!("Add movement to {n}")).clicked()
    {
        cv.movements.push(ConvertibleMovement::default());
    }
    if let Some(a) = action {
        ListAction::apply(a, &mut cv.movements);
    }

    Grid::new(("convertible-shares", b, c))
        .num_columns(2)
        .spacing([10.0, 2.0])
        .show(ui, |ui| {
            form_label(ui, &ct["close"]);
            widgets::computed_cell(
                ui,
                ctx,
                &path::part3c::closing_amount(b, c),
                &format!("{n} amount at close of the month"),
                &widgets::amount_text(close),
                widgets::NUMBER_WIDTH,
            );
            ui.end_row();

            form_label(ui, &ct["new_shares"]);
            widgets::count_field(
                ui,
                ctx,
                &path::part3c::new_shares(b, c),
                &format!("{n} new shares issued (C1)"),
                &mut cv.new_shares,
            );
            ui.end_row();
            form_label(ui, &ct["from_treasury"]);
            widgets::count_field(
                ui,
                ctx,
                &path::part3c::from_treasury(b, c),
                &format!("{n} treasury shares transferred out (C2)"),
                &mut cv.from_treasury,
            );
            ui.end_row();

            form_label(ui, &ct["issuable"]);
            ui.vertical(|ui| {
                widgets::count_field(
                    ui,
                    ctx,
                    &path::part3c::shares_issuable_at_close(b, c),
                    &format!("{n} shares which may be issued at close"),
                    &mut cv.shares_issuable_at_close,
                );
                if let Some(e) = expected {
                    ui.label(
                        RichText::new(format!("{} {}", ui_text::EXPECTED, widgets::text::count(e)))
                            .small()
                            .weak(),
                    );
                }
            });
            ui.end_row();
            form_label(ui, &ct["stock_code"]);
            widgets::text_field(
                ui,
                ctx,
                &path::part3c::stock_code(b, c),
                &format!("{n} stock code"),
                &mut cv.stock_code,
                100.0,
            );
            ui.end_row();

            form_label(ui, &ct["conversion_price"]);
            widgets::money_field(
                ui,
                ctx,
                &path::part3c::conversion_price_money(b, c),
                &format!("{n} conversion price"),
                &mut cv.conversion_price,
            );
            ui.end_row();
            form_label(ui, &t.columns["gm_approval"]);
            widgets::date_field(
                ui,
                ctx,
                &path::part3c::gm_approval_date(b, c),
                &format!("{n} general meeting approval date"),
                &mut cv.gm_approval_date,
            );
            ui.end_row();
        });
}
