//! Page III(E): other movements (placings, repurchases, cancellations...), one card per event,
//! the EE1/EE2 lines of each class block, then the grand totals per class (`Total of AA1 to
//! EE1`, `Total of AA2 to EE2`), shown even when (E) is `Not applicable`.

use egui::{Grid, Layout, RichText, Ui};

use crate::model::path::{self, FormPart};
use crate::model::{Event, MonthlyReturn, TypeOfIssue};
use crate::template::texts;
use crate::ui::widgets::{self, NUMBER_WIDTH};

use super::PageContext;
use super::common::{self, form_label, part_heading, sub_heading};

/// Editor-only words of this page (the (E) summary wording is our reading of the form).
mod ui_text {
    pub const EE1: &str = "Increase/ decrease (-) in issued shares (excluding treasury shares):";
    pub const EE2: &str = "Increase/ decrease (-) in treasury shares:";
    pub const GRAND_TOTALS: &str = "Grand totals per class";
}

pub fn page_ui(ui: &mut Ui, ret: &mut MonthlyReturn, ctx: &mut PageContext<'_>) {
    let t = texts();
    part_heading(ui, &t.part3.heading);
    sub_heading(ui, &t.part3.e.heading);
    let MonthlyReturn {
        classes, part3e, ..
    } = ret;
    common::part3_blocks_ui(
        ui,
        ctx,
        FormPart::IIIE,
        "III(E)",
        classes,
        part3e,
        |ui, ctx, b, block| {
            let owner = format!("part III(E) block {}", b + 1);
            common::items_ui(
                ui,
                ctx,
                &|e| path::part3e::event(b, e),
                "event",
                &owner,
                &mut block.events,
                |ui, ctx, e, ev| event_ui(ui, ctx, b, e, ev),
            );
            let fig = ctx.derived.part3e.get(b).cloned().unwrap_or_default();
            let class = common::class_name(classes, block.class);
            let name = format!("Part III(E) block {}", b + 1);
            Grid::new(("ee", b)).num_columns(3).show(ui, |ui| {
                ui.with_layout(Layout::right_to_left(egui::Align::Min), |ui| {
                    ui.label(ui_text::EE1)
                });
                widgets::computed_cell(
                    ui,
                    ctx,
                    &path::part3e::ee1(b),
                    &format!("{name} change in issued shares (EE1)"),
                    &widgets::count_text(fig.ee1),
                    NUMBER_WIDTH,
                );
                widgets::field_label(ui, format!("{class} (EE1)"));
                ui.end_row();
                ui.with_layout(Layout::right_to_left(egui::Align::Min), |ui| {
                    ui.label(ui_text::EE2)
                });
                widgets::computed_cell(
                    ui,
                    ctx,
                    &path::part3e::ee2(b),
                    &format!("{name} change in treasury shares (EE2)"),
                    &widgets::count_text(fig.ee2),
                    NUMBER_WIDTH,
                );
                widgets::field_label(ui, format!("{class} (EE2)"));
                ui.end_row();
            });
            common::remarks_ui(
                ui,
                ctx,
                &path::part::block_remarks(FormPart::IIIE, b),
                &name,
                &mut block.remarks,
            );
        },
    );
    grand_totals_ui(ui, ret, ctx);
}

fn grand_totals_ui(ui: &mut Ui, ret: &MonthlyReturn, ctx: &mut PageContext<'_>) {
    let t = &texts().part3;
    ui.add_space(8.0);
    ui.label(RichText::new(ui_text::GRAND_TOTALS).strong());
    for (i, class) in ret.classes.iter().enumerate() {
        let Some(tot) = ctx.derived.class_totals(class.id).cloned() else {
            continue;
        };
        let name = format!("Class {} {}", i + 1, class.summary_name());
        Grid::new(("grand", i)).num_columns(3).show(ui, |ui| {
            form_label(ui, &t.grand_total_1);
            widgets::computed_cell(
                ui,
                ctx,
                &path::part3e::total_excluding_treasury(class.id),
                &format!("{name} total of AA1 to EE1"),
                &widgets::count_text(tot.total_excluding_treasury),
                NUMBER_WIDTH,
            );
            widgets::field_label(ui, class.summary_name());
            ui.end_row();
            form_label(ui, &t.grand_total_2);
            widgets::computed_cell(
                ui,
                ctx,
                &path::part3e::total_treasury(class.id),
                &format!("{name} total of AA2 to EE2"),
                &widgets::count_text(tot.total_treasury),
                NUMBER_WIDTH,
            );
            widgets::field_label(ui, class.summary_name());
            ui.end_row();
        });
    }
}

fn event_ui(ui: &mut Ui, ctx: &mut PageContext<'_>, b: usize, e: usize, ev: &mut Event) {
    let t = &texts().part3;
    let et = &t.e;
    let n = format!("Part III(E) block {} event {}", b + 1, e + 1);
    Grid::new(("event", b, e))
        .num_columns(2)
        .spacing([10.0, 2.0])
        .show(ui, |ui| {
            form_label(ui, &et["type_of_issue"]);
            widgets::combo_field(
                ui,
                ctx,
                &path::part3e::type_of_issue(b, e),
                &format!("{n} type of issue"),
                &mut ev.type_of_issue,
                &TypeOfIssue::ALL,
                |k| k.label().to_string(),
                420.0,
            );
            ui.end_row();
            if ev.type_of_issue == TypeOfIssue::Other {
                form_label(ui, TypeOfIssue::Other.label());
                widgets::text_field(
                    ui,
                    ctx,
                    &path::part3e::other_description(b, e),
                    &format!("{n} type of issue, specified"),
                    &mut ev.other_description,
                    420.0,
                );
                ui.end_row();
            }

            form_label(ui, &et["price"]);
            widgets::money_field(
                ui,
                ctx,
                &path::part3e::price_money(b, e),
                &format!("{n} price"),
                &mut ev.price,
            );
            ui.end_row();
            form_label(ui, &et["event_date"]);
            widgets::date_field(
                ui,
                ctx,
                &path::part3e::event_date(b, e),
                &format!("{n} date of event"),
                &mut ev.event_date,
            );
            ui.end_row();

            form_label(ui, &t.columns["gm_approval"]);
            widgets::date_field(
                ui,
                ctx,
                &path::part3e::gm_approval_date(b, e),
                &format!("{n} general meeting approval date"),
                &mut ev.gm_approval_date,
            );
            ui.end_row();

            form_label(ui, &et["change_excluding_treasury"]);
            widgets::count_field(
                ui,
                ctx,
                &path::part3e::change_excluding_treasury(b, e),
                &format!("{n} change in issued shares (E1)"),
                &mut ev.change_excluding_treasury,
            );
            ui.end_row();
            form_label(ui, &et["change_treasury"]);
            widgets::count_field(
                ui,
                ctx,
                &path::part3e::change_treasury(b, e),
                &format!("{n} change in treasury shares (E2)"),
                &mut ev.change_treasury,
            );
            ui.end_row();

            form_label(ui, &et["pending_cancellation"]);
            widgets::count_field(
                ui,
                ctx,
                &path::part3e::pending_cancellation(b, e),
                &format!("{n} shares pending cancellation"),
                &mut ev.pending_cancellation,
            );
            ui.end_row();
        });
}
