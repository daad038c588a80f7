//! Page II: movements in issued shares and/or treasury shares, per class, and (template v1.2.0
//! only) the public float sufficiency confirmation of each class.

use egui::{RichText, Ui};

use crate::model::path::{self, FormPart};
use crate::model::{IssuedBlock, MonthlyReturn, PublicFloat};
use crate::template::{PublicFloatTexts, texts};
use crate::ui::widgets::layout::{Pairs, Table};
use crate::ui::widgets::{self, NUMBER_WIDTH, TEXT_WIDTH};

use super::PageContext;
use super::common::{self, ROW_LABEL_WIDTH, part_heading};

/// Width of a column of the table: its heading wraps in it (a figure takes `NUMBER_WIDTH`).
const COLUMN_WIDTH: f32 = NUMBER_WIDTH + 20.0;
/// Widest label of the public float lines (`Applicable public float threshold`).
const FLOAT_LABEL_WIDTH: f32 = 260.0;

/// Editor-only words of this page.
mod ui_text {
    pub const PART3_SAYS: &str = "Part III total:";
}

pub fn page_ui(ui: &mut Ui, ret: &mut MonthlyReturn, ctx: &mut PageContext<'_>) {
    let t = texts();
    let version = ret.template_version;
    let vt = t.version(version);
    part_heading(ui, &vt.part2_heading);
    let MonthlyReturn { classes, part2, .. } = ret;
    let has_blocks = !part2.part.blocks.is_empty();
    common::not_applicable_switch(
        ui,
        ctx,
        FormPart::II,
        "Part II",
        &mut part2.part.not_applicable,
        has_blocks,
    );
    if part2.part.not_applicable {
        return;
    }
    let public_float = if version.has_public_float() {
        vt.public_float.as_ref()
    } else {
        None
    };
    let len = part2.part.blocks.len();
    let mut action = None;
    for (i, block) in part2.part.blocks.iter_mut().enumerate() {
        let chosen = common::class_block_card(
            ui,
            ctx,
            FormPart::II,
            "II",
            (i, len),
            classes,
            block,
            |b| &mut b.class,
            |ui, ctx, block| {
                issued_table(ui, ctx, i, block);
                if let Some(pt) = public_float {
                    public_float_ui(ui, ctx, i, &mut block.public_float, pt);
                }
            },
        );
        action = action.or(chosen);
    }
    if ui.button(common::ui_text::ADD_BLOCK).clicked() {
        let id = common::next_free_class(classes, part2.part.blocks.iter().map(|b| b.class));
        part2.part.blocks.push(IssuedBlock::new(id));
    }
    if let Some(a) = action {
        a.apply(&mut part2.part.blocks);
    }
    common::remarks_ui(
        ui,
        ctx,
        &path::part::remarks(FormPart::II),
        "Part II",
        &mut part2.remarks,
    );
}

fn issued_table(ui: &mut Ui, ctx: &mut PageContext<'_>, i: usize, b: &mut IssuedBlock) {
    let t = texts();
    let n = format!("Part II class {}", i + 1);
    let fig = ctx.derived.part2.get(i).cloned().unwrap_or_default();
    let columns = [
        (t.part2.excluding_treasury.as_str(), COLUMN_WIDTH),
        (t.part2.treasury.as_str(), COLUMN_WIDTH),
        (t.part2.total.as_str(), COLUMN_WIDTH),
    ];
    let table = Table::new(ui, ROW_LABEL_WIDTH, &columns);
    table.heads(ui);
    table.row(ui, &t.rows.preceding, |row| {
        row.cell(|ui| {
            widgets::count_field(
                ui,
                ctx,
                &path::part2::preceding_excluding_treasury(i),
                &format!("{n} preceding issued shares excluding treasury"),
                &mut b.preceding.excluding_treasury,
            )
        });
        row.cell(|ui| {
            widgets::count_field(
                ui,
                ctx,
                &path::part2::preceding_treasury(i),
                &format!("{n} preceding treasury shares"),
                &mut b.preceding.treasury,
            )
        });
        row.cell(|ui| {
            widgets::computed_cell(
                ui,
                ctx,
                &path::part2::preceding_total(i),
                &format!("{n} preceding total issued shares"),
                &widgets::count_text(fig.preceding_total),
                NUMBER_WIDTH,
            )
        });
    });
    table.row(ui, &t.rows.movement, |row| {
        row.cell(|ui| {
            widgets::count_field(
                ui,
                ctx,
                &path::part2::movement_excluding_treasury(i),
                &format!("{n} increase or decrease in issued shares excluding treasury"),
                &mut b.movement.excluding_treasury,
            )
        });
        row.cell(|ui| {
            widgets::count_field(
                ui,
                ctx,
                &path::part2::movement_treasury(i),
                &format!("{n} increase or decrease in treasury shares"),
                &mut b.movement.treasury,
            )
        });
        // The form shades this cell: no total for the movement row.
        row.skip();
    });
    table.row(ui, &t.rows.close, |row| {
        row.cell(|ui| {
            widgets::computed_cell(
                ui,
                ctx,
                &path::part2::close_excluding_treasury(i),
                &format!("{n} closing issued shares excluding treasury"),
                &widgets::count_text(fig.close_excluding_treasury),
                NUMBER_WIDTH,
            )
        });
        row.cell(|ui| {
            widgets::computed_cell(
                ui,
                ctx,
                &path::part2::close_treasury(i),
                &format!("{n} closing treasury shares"),
                &widgets::count_text(fig.close_treasury),
                NUMBER_WIDTH,
            )
        });
        row.cell(|ui| {
            widgets::computed_cell(
                ui,
                ctx,
                &path::part2::close_total(i),
                &format!("{n} closing total issued shares"),
                &widgets::count_text(fig.close_total),
                NUMBER_WIDTH,
            )
        });
    });
    // What part III adds up to for this class, so a disagreement can be seen while typing.
    if let Some(tot) = ctx.derived.class_totals(b.class) {
        let (excl, treasury) = (
            widgets::count_text(tot.total_excluding_treasury),
            widgets::count_text(tot.total_treasury),
        );
        let resp = ui.label(
            RichText::new(format!("{} {excl} / {treasury}", ui_text::PART3_SAYS))
                .small()
                .weak(),
        );
        // "0 / 0" says nothing heard alone: a screen reader is told which figure is which.
        let spoken = format!(
            "{n} Part III total: {excl} issued shares excluding treasury, {treasury} treasury shares"
        );
        ui.ctx()
            .accesskit_node_builder(resp.id, |node| node.set_value(spoken));
    }
}

fn public_float_ui(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    i: usize,
    pf: &mut PublicFloat,
    t: &PublicFloatTexts,
) {
    let n = format!("Part II class {}", i + 1);
    ui.add_space(6.0);
    ui.label(RichText::new(&t.heading).strong());
    ui.add(egui::Label::new(&t.paragraph).wrap());
    // Two tick boxes on the form, one choice: shown as radio buttons.
    let cp = path::part2::public_float_complied(i);
    let r1 = ui
        .radio_value(&mut pf.complied, Some(true), &t.complied)
        .accessible_name(format!("{n} public float requirement complied with"));
    let r2 = ui
        .radio_value(&mut pf.complied, Some(false), &t.not_complied)
        .accessible_name(format!("{n} public float requirement not complied with"));
    widgets::describe_by_findings(ui, ctx, &cp, &[r1.id, r2.id]);
    widgets::messages_ui(ui, ctx, &cp);
    ui.add(egui::Label::new(&t.requirement).wrap());
    let pairs = Pairs::new(ui, FLOAT_LABEL_WIDTH, TEXT_WIDTH, 1);
    pairs.lines(ui, |r| {
        r.pair(&t.threshold, |ui| {
            widgets::text_field(
                ui,
                ctx,
                &path::part2::public_float_threshold(i),
                &format!("{n} applicable public float threshold"),
                &mut pf.threshold,
                TEXT_WIDTH * 2.0,
            )
        });
        r.pair(&t.additional_information, |ui| {
            widgets::multiline_field(
                ui,
                ctx,
                &path::part2::public_float_additional_information(i),
                &format!("{n} public float additional information"),
                &mut pf.additional_information,
                2,
            )
        });
    });
}
