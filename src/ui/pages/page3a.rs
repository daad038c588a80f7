//! Page III(A): share options under share option schemes, one card per scheme (the printed
//! form's ten columns would not fit a screen without squeezing), then the AA1/AA2 summary
//! lines, the funds raised and remarks of each class block.

use egui::{Grid, Ui};

use crate::model::path::{self, FormPart};
use crate::model::{MonthlyReturn, OptionMovement, OptionScheme};
use crate::template::texts;
use crate::ui::widgets;

use super::PageContext;
use super::common::{self, form_label, part_heading, sub_heading};

pub fn page_ui(ui: &mut Ui, ret: &mut MonthlyReturn, ctx: &mut PageContext<'_>) {
    let t = texts();
    part_heading(ui, &t.part3.heading);
    sub_heading(ui, &t.part3.a.heading);
    let MonthlyReturn {
        classes, part3a, ..
    } = ret;
    common::part3_blocks_ui(
        ui,
        ctx,
        FormPart::IIIA,
        "III(A)",
        classes,
        part3a,
        |ui, ctx, b, block| {
            let owner = format!("part III(A) block {}", b + 1);
            common::items_ui(
                ui,
                ctx,
                &|s| path::part3a::scheme(b, s),
                "option scheme",
                &owner,
                &mut block.schemes,
                |ui, ctx, s, scheme| scheme_ui(ui, ctx, b, s, scheme),
            );
            let summary = ctx.derived.part3a.get(b).map(|f| f.summary);
            let class = common::class_name(classes, block.class);
            common::summary_lines(ui, ctx, FormPart::IIIA, 'A', b, &class, summary);
            ui.horizontal_top(|ui| {
                widgets::field_label(ui, &t.part3.funds_raised);
                widgets::money_field(
                    ui,
                    ctx,
                    &path::part3a::funds_raised_money(b),
                    &format!("Part III(A) block {} total funds raised", b + 1),
                    &mut block.funds_raised,
                );
            });
            common::remarks_ui(
                ui,
                ctx,
                &path::part::block_remarks(FormPart::IIIA, b),
                &format!("Part III(A) block {}", b + 1),
                &mut block.remarks,
            );
        },
    );
}

fn scheme_ui(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    b: usize,
    s: usize,
    scheme: &mut OptionScheme,
) {
    let t = &texts().part3;
    let a = &t.a;
    let n = format!("Part III(A) block {} scheme {}", b + 1, s + 1);
    let close = ctx
        .derived
        .part3a
        .get(b)
        .and_then(|f| f.closing_outstanding.get(s).copied())
        .flatten();
    Grid::new(("scheme", b, s))
        .num_columns(2)
        .spacing([10.0, 2.0])
        .show(ui, |ui| {
            form_label(ui, &a["particulars"]);
            let w = common::text_width(ui).max(420.0);
            widgets::text_field(
                ui,
                ctx,
                &path::part3a::particulars(b, s),
                &format!("{n} particulars"),
                &mut scheme.particulars,
                w,
            );
            ui.end_row();

            form_label(ui, &a["preceding"]);
            widgets::count_field(
                ui,
                ctx,
                &path::part3a::preceding_outstanding(b, s),
                &format!("{n} options outstanding at close of preceding month"),
                &mut scheme.preceding_outstanding,
            );
            ui.end_row();
        });
    // `Movement during the month`: four labelled amounts, typed positive; the form prints the
    // decreases negative. Under their label rather than beside it: beside it, the four columns
    // ran past the right edge of a 1200-px window.
    form_label(ui, &a["movement"]);
    ui.horizontal_top(|ui| {
        ui.add_space(12.0);
        Grid::new(("scheme-movement", b, s))
            .num_columns(4)
            .spacing([10.0, 0.0])
            .show(ui, |ui| {
                for m in OptionMovement::ALL {
                    common::column_head(ui, m.label(), widgets::NUMBER_WIDTH);
                }
                ui.end_row();
                for m in OptionMovement::ALL {
                    widgets::count_field(
                        ui,
                        ctx,
                        &path::part3a::movement(b, s, m),
                        &format!("{n} options {}", m.key()),
                        scheme.movement_mut(m),
                    );
                }
                ui.end_row();
            });
    });
    Grid::new(("scheme-shares", b, s))
        .num_columns(2)
        .spacing([10.0, 2.0])
        .show(ui, |ui| {
            form_label(ui, &a["close"]);
            widgets::computed_cell(
                ui,
                ctx,
                &path::part3a::closing_outstanding(b, s),
                &format!("{n} options outstanding at close of the month"),
                &widgets::count_text(close),
                widgets::NUMBER_WIDTH,
            );
            ui.end_row();

            form_label(ui, &a["new_shares"]);
            widgets::count_field(
                ui,
                ctx,
                &path::part3a::new_shares(b, s),
                &format!("{n} new shares issued (A1)"),
                &mut scheme.new_shares,
            );
            ui.end_row();
            form_label(ui, &a["from_treasury"]);
            widgets::count_field(
                ui,
                ctx,
                &path::part3a::from_treasury(b, s),
                &format!("{n} treasury shares transferred out (A2)"),
                &mut scheme.from_treasury,
            );
            ui.end_row();

            form_label(ui, &a["issuable"]);
            widgets::count_field(
                ui,
                ctx,
                &path::part3a::shares_issuable_at_close(b, s),
                &format!("{n} shares which may be issued at close"),
                &mut scheme.shares_issuable_at_close,
            );
            ui.end_row();
            form_label(ui, &a["remaining"]);
            widgets::count_field(
                ui,
                ctx,
                &path::part3a::remaining_to_be_granted(b, s),
                &format!("{n} shares issuable on options still to be granted"),
                &mut scheme.remaining_to_be_granted,
            );
            ui.end_row();

            form_label(ui, &t.columns["gm_approval"]);
            widgets::date_field(
                ui,
                ctx,
                &path::part3a::gm_approval_date(b, s),
                &format!("{n} general meeting approval date"),
                &mut scheme.gm_approval_date,
            );
            ui.end_row();
        });
}
