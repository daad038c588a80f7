//! Page IV: Hong Kong Depositary Receipts, one card per HDR line *(content inferred)*.

use egui::{Grid, Ui};

use crate::model::path::{self, FormPart};
use crate::model::{HdrLine, MonthlyReturn};
use crate::template::texts;
use crate::ui::widgets;

use super::PageContext;
use super::common::{self, form_label, part_heading};

pub fn page_ui(ui: &mut Ui, ret: &mut MonthlyReturn, ctx: &mut PageContext<'_>) {
    let t = texts();
    part_heading(ui, &t.part4.heading);
    let part4 = &mut ret.part4;
    let has_blocks = !part4.part.blocks.is_empty();
    common::not_applicable_switch(
        ui,
        ctx,
        FormPart::IV,
        "Part IV",
        &mut part4.part.not_applicable,
        has_blocks,
    );
    if part4.part.not_applicable {
        return;
    }
    common::items_ui(
        ui,
        ctx,
        &path::part4::hdr,
        "HDR line",
        "part IV",
        &mut part4.part.blocks,
        hdr_ui,
    );
    common::remarks_ui(
        ui,
        ctx,
        &path::part::remarks(FormPart::IV),
        "Part IV",
        &mut part4.remarks,
    );
}

fn hdr_ui(ui: &mut Ui, ctx: &mut PageContext<'_>, i: usize, h: &mut HdrLine) {
    let t = &texts().part4;
    let n = format!("Part IV HDR line {}", i + 1);
    let fig = ctx.derived.part4.get(i).cloned().unwrap_or_default();
    Grid::new(("hdr", i))
        .num_columns(2)
        .spacing([10.0, 2.0])
        .show(ui, |ui| {
            form_label(ui, &t.description);
            let width = common::text_width(ui).max(420.0);
            widgets::text_field(
                ui,
                ctx,
                &path::part4::description(i),
                &format!("{n} description"),
                &mut h.description,
                width,
            );
            ui.end_row();

            form_label(ui, &t.stock_code);
            widgets::text_field(
                ui,
                ctx,
                &path::part4::stock_code(i),
                &format!("{n} stock code"),
                &mut h.stock_code,
                100.0,
            );
            ui.end_row();
            form_label(ui, &t.depositary);
            widgets::text_field(
                ui,
                ctx,
                &path::part4::depositary(i),
                &format!("{n} depositary"),
                &mut h.depositary,
                220.0,
            );
            ui.end_row();

            form_label(ui, &t.ratio);
            widgets::decimal_field(
                ui,
                ctx,
                &path::part4::hdrs_per_share(i),
                &format!("{n} HDRs per underlying share"),
                &mut h.hdrs_per_share,
                None,
            );
            ui.end_row();

            form_label(ui, &t.preceding);
            widgets::count_field(
                ui,
                ctx,
                &path::part4::preceding_hdrs(i),
                &format!("{n} HDRs at close of preceding month"),
                &mut h.preceding_hdrs,
            );
            ui.end_row();
            form_label(ui, &t.movement);
            widgets::count_field(
                ui,
                ctx,
                &path::part4::movement_hdrs(i),
                &format!("{n} increase or decrease in HDRs"),
                &mut h.movement_hdrs,
            );
            ui.end_row();

            form_label(ui, &t.close);
            widgets::computed_cell(
                ui,
                ctx,
                &path::part4::close_hdrs(i),
                &format!("{n} HDRs at close of the month"),
                &widgets::count_text(fig.close_hdrs),
                widgets::NUMBER_WIDTH,
            );
            ui.end_row();
            form_label(ui, &t.underlying);
            widgets::computed_cell(
                ui,
                ctx,
                &path::part4::underlying_shares(i),
                &format!("{n} underlying shares at close of the month"),
                &widgets::count_text(fig.underlying_shares),
                widgets::NUMBER_WIDTH,
            );
            ui.end_row();
        });
}
