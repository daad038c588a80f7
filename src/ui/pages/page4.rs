//! Page IV: Hong Kong Depositary Receipts, one card per HDR line *(content inferred)*.

use egui::Ui;

use crate::model::path::{self, FormPart};
use crate::model::{HdrLine, MonthlyReturn};
use crate::template::texts;
use crate::ui::widgets::{self, layout::Pairs};

use super::PageContext;
use super::common::{self, LABEL_WIDTH, part_heading};

/// The narrowest the field side of a line gets (then the labels narrow).
const LINE_FIELD_WIDTH: f32 = 320.0;

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
    let pairs = Pairs::new(ui, LABEL_WIDTH, LINE_FIELD_WIDTH, 1);
    pairs.lines(ui, |r| {
        r.pair(&t.description, |ui| {
            let width = common::text_width(ui);
            widgets::text_field(
                ui,
                ctx,
                &path::part4::description(i),
                &format!("{n} description"),
                &mut h.description,
                width,
            )
        });
        r.pair(&t.stock_code, |ui| {
            widgets::text_field(
                ui,
                ctx,
                &path::part4::stock_code(i),
                &format!("{n} stock code"),
                &mut h.stock_code,
                100.0,
            )
        });
        r.pair(&t.depositary, |ui| {
            widgets::text_field(
                ui,
                ctx,
                &path::part4::depositary(i),
                &format!("{n} depositary"),
                &mut h.depositary,
                220.0,
            )
        });
        r.pair(&t.ratio, |ui| {
            widgets::decimal_field(
                ui,
                ctx,
                &path::part4::hdrs_per_share(i),
                &format!("{n} HDRs per underlying share"),
                &mut h.hdrs_per_share,
                None,
            )
        });
        r.pair(&t.preceding, |ui| {
            widgets::count_field(
                ui,
                ctx,
                &path::part4::preceding_hdrs(i),
                &format!("{n} HDRs at close of preceding month"),
                &mut h.preceding_hdrs,
            )
        });
        r.pair(&t.movement, |ui| {
            widgets::count_field(
                ui,
                ctx,
                &path::part4::movement_hdrs(i),
                &format!("{n} increase or decrease in HDRs"),
                &mut h.movement_hdrs,
            )
        });
        r.pair(&t.close, |ui| {
            widgets::computed_cell(
                ui,
                ctx,
                &path::part4::close_hdrs(i),
                &format!("{n} HDRs at close of the month"),
                &widgets::count_text(fig.close_hdrs),
                widgets::NUMBER_WIDTH,
            )
        });
        r.pair(&t.underlying, |ui| {
            widgets::computed_cell(
                ui,
                ctx,
                &path::part4::underlying_shares(i),
                &format!("{n} underlying shares at close of the month"),
                &widgets::count_text(fig.underlying_shares),
                widgets::NUMBER_WIDTH,
            )
        });
    });
}
