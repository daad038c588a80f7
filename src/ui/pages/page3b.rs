//! Page III(B): warrants to issue shares, one card per warrant, then the BB1/BB2 summary lines
//! and remarks of each class block.

use egui::{Grid, Ui};

use crate::model::path::{self, FormPart};
use crate::model::{MonthlyReturn, Warrant};
use crate::template::texts;
use crate::ui::widgets::{self, CURRENCY_WIDTH};

use super::PageContext;
use super::common::{self, form_label, part_heading, sub_heading};

/// Editor-only words of this page.
mod ui_text {
    pub const EXPIRY: &str = "Date of expiry";
}

pub fn page_ui(ui: &mut Ui, ret: &mut MonthlyReturn, ctx: &mut PageContext<'_>) {
    let t = texts();
    part_heading(ui, &t.part3.heading);
    sub_heading(ui, &t.part3.b.heading);
    let MonthlyReturn {
        classes, part3b, ..
    } = ret;
    common::part3_blocks_ui(
        ui,
        ctx,
        FormPart::IIIB,
        "III(B)",
        classes,
        part3b,
        |ui, ctx, b, block| {
            let owner = format!("part III(B) block {}", b + 1);
            common::items_ui(
                ui,
                ctx,
                &|w| path::part3b::warrant(b, w),
                "warrant",
                &owner,
                &mut block.warrants,
                |ui, ctx, w, warrant| warrant_ui(ui, ctx, b, w, warrant),
            );
            let summary = ctx.derived.part3b.get(b).map(|f| f.summary);
            let class = common::class_name(classes, block.class);
            common::summary_lines(ui, ctx, FormPart::IIIB, 'B', b, &class, summary);
            common::remarks_ui(
                ui,
                ctx,
                &path::part::block_remarks(FormPart::IIIB, b),
                &format!("Part III(B) block {}", b + 1),
                &mut block.remarks,
            );
        },
    );
}

fn warrant_ui(ui: &mut Ui, ctx: &mut PageContext<'_>, b: usize, w: usize, wa: &mut Warrant) {
    let t = &texts().part3;
    let bt = &t.b;
    let n = format!("Part III(B) block {} warrant {}", b + 1, w + 1);
    let close = ctx
        .derived
        .part3b
        .get(b)
        .and_then(|f| f.closing_nominal.get(w).cloned())
        .flatten();
    Grid::new(("warrant", b, w))
        .num_columns(2)
        .spacing([10.0, 2.0])
        .show(ui, |ui| {
            form_label(ui, &bt["description"]);
            let width = common::text_width(ui).max(420.0);
            widgets::text_field(
                ui,
                ctx,
                &path::part3b::description(b, w),
                &format!("{n} description"),
                &mut wa.description,
                width,
            );
            ui.end_row();

            form_label(ui, ui_text::EXPIRY);
            widgets::date_field(
                ui,
                ctx,
                &path::part3b::expiry_date(b, w),
                &format!("{n} date of expiry"),
                &mut wa.expiry_date,
            );
            ui.end_row();
            form_label(ui, &bt["currency"]);
            widgets::text_field(
                ui,
                ctx,
                &path::part3b::currency(b, w),
                &format!("{n} currency of nominal value"),
                &mut wa.currency,
                CURRENCY_WIDTH,
            );
            ui.end_row();

            form_label(ui, &bt["preceding"]);
            widgets::decimal_field(
                ui,
                ctx,
                &path::part3b::preceding_nominal(b, w),
                &format!("{n} nominal value at close of preceding month"),
                &mut wa.preceding_nominal,
                None,
            );
            ui.end_row();
            form_label(ui, &bt["exercised"]);
            widgets::decimal_field(
                ui,
                ctx,
                &path::part3b::exercised_nominal(b, w),
                &format!("{n} nominal value exercised during the month"),
                &mut wa.exercised_nominal,
                None,
            );
            ui.end_row();

            form_label(ui, &bt["close"]);
            widgets::computed_cell(
                ui,
                ctx,
                &path::part3b::closing_nominal(b, w),
                &format!("{n} nominal value at close of the month"),
                &widgets::amount_text(close),
                widgets::NUMBER_WIDTH,
            );
            ui.end_row();

            form_label(ui, &bt["new_shares"]);
            widgets::count_field(
                ui,
                ctx,
                &path::part3b::new_shares(b, w),
                &format!("{n} new shares issued (B1)"),
                &mut wa.new_shares,
            );
            ui.end_row();
            form_label(ui, &bt["from_treasury"]);
            widgets::count_field(
                ui,
                ctx,
                &path::part3b::from_treasury(b, w),
                &format!("{n} treasury shares transferred out (B2)"),
                &mut wa.from_treasury,
            );
            ui.end_row();

            form_label(ui, &bt["issuable"]);
            widgets::count_field(
                ui,
                ctx,
                &path::part3b::shares_issuable_at_close(b, w),
                &format!("{n} shares which may be issued at close"),
                &mut wa.shares_issuable_at_close,
            );
            ui.end_row();
            form_label(ui, &bt["stock_code"]);
            widgets::text_field(
                ui,
                ctx,
                &path::part3b::stock_code(b, w),
                &format!("{n} stock code"),
                &mut wa.stock_code,
                100.0,
            );
            ui.end_row();

            form_label(ui, &bt["subscription_price"]);
            widgets::money_field(
                ui,
                ctx,
                &path::part3b::subscription_price_money(b, w),
                &format!("{n} subscription price"),
                &mut wa.subscription_price,
            );
            ui.end_row();
            form_label(ui, &t.columns["gm_approval"]);
            widgets::date_field(
                ui,
                ctx,
                &path::part3b::gm_approval_date(b, w),
                &format!("{n} general meeting approval date"),
                &mut wa.gm_approval_date,
            );
            ui.end_row();
        });
}
