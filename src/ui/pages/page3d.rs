//! Page III(D): other agreements or arrangements to issue shares (share awards, RSU plans...),
//! one card per arrangement, then the DD1/DD2 summary lines and remarks of each class block.

use egui::{Grid, Ui};

use crate::model::path::{self, FormPart};
use crate::model::{Arrangement, MonthlyReturn};
use crate::template::texts;
use crate::ui::widgets;

use super::PageContext;
use super::common::{self, form_label, part_heading, sub_heading};

pub fn page_ui(ui: &mut Ui, ret: &mut MonthlyReturn, ctx: &mut PageContext<'_>) {
    let t = texts();
    part_heading(ui, &t.part3.heading);
    sub_heading(ui, &t.part3.d.heading);
    let MonthlyReturn {
        classes, part3d, ..
    } = ret;
    common::part3_blocks_ui(
        ui,
        ctx,
        FormPart::IIID,
        "III(D)",
        classes,
        part3d,
        |ui, ctx, b, block| {
            let owner = format!("part III(D) block {}", b + 1);
            common::items_ui(
                ui,
                ctx,
                &|a| path::part3d::arrangement(b, a),
                "arrangement",
                &owner,
                &mut block.arrangements,
                |ui, ctx, a, arr| arrangement_ui(ui, ctx, b, a, arr),
            );
            let summary = ctx.derived.part3d.get(b).map(|f| f.summary);
            let class = common::class_name(classes, block.class);
            common::summary_lines(ui, ctx, FormPart::IIID, 'D', b, &class, summary);
            common::remarks_ui(
                ui,
                ctx,
                &path::part::block_remarks(FormPart::IIID, b),
                &format!("Part III(D) block {}", b + 1),
                &mut block.remarks,
            );
        },
    );
}

fn arrangement_ui(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    b: usize,
    a: usize,
    arr: &mut Arrangement,
) {
    let t = &texts().part3;
    let dt = &t.d;
    let n = format!("Part III(D) block {} arrangement {}", b + 1, a + 1);
    Grid::new(("arrangement", b, a))
        .num_columns(2)
        .spacing([10.0, 2.0])
        .show(ui, |ui| {
            form_label(ui, &dt["description"]);
            let width = common::text_width(ui).max(420.0);
            widgets::text_field(
                ui,
                ctx,
                &path::part3d::description(b, a),
                &format!("{n} description"),
                &mut arr.description,
                width,
            );
            ui.end_row();

            form_label(ui, &t.columns["gm_approval"]);
            widgets::date_field(
                ui,
                ctx,
                &path::part3d::gm_approval_date(b, a),
                &format!("{n} general meeting approval date"),
                &mut arr.gm_approval_date,
            );
            ui.end_row();

            form_label(ui, &dt["new_shares"]);
            widgets::count_field(
                ui,
                ctx,
                &path::part3d::new_shares(b, a),
                &format!("{n} new shares issued (D1)"),
                &mut arr.new_shares,
            );
            ui.end_row();
            form_label(ui, &dt["from_treasury"]);
            widgets::count_field(
                ui,
                ctx,
                &path::part3d::from_treasury(b, a),
                &format!("{n} treasury shares transferred out (D2)"),
                &mut arr.from_treasury,
            );
            ui.end_row();

            form_label(ui, &dt["issuable"]);
            widgets::count_field(
                ui,
                ctx,
                &path::part3d::shares_issuable_at_close(b, a),
                &format!("{n} shares which may be issued at close"),
                &mut arr.shares_issuable_at_close,
            );
            ui.end_row();
        });
}
