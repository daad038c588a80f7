//! Page I: the header block of page 1, the share class list (edited once for all parts, see
//! [`super::classes`]) and Part I, movements in authorised / registered share capital.

use egui::{RichText, Ui};

use crate::model::path::{self, FieldPath, FormPart};
use crate::model::{AuthorisedBlock, MonthlyReturn, SubmissionStatus, TemplateVersion};
use crate::template::texts;
use crate::ui::widgets::layout::{GAP, Pairs, Table};
use crate::ui::widgets::{self, CURRENCY_WIDTH, MONEY_WIDTH, NUMBER_WIDTH, TEXT_WIDTH};

use super::PageContext;
use super::common::{self, ROW_LABEL_WIDTH, part_heading};

/// Editor-only words of this page.
mod ui_text {
    pub const TEMPLATE_VERSION: &str = "Template version";
    pub const CLOSING_PAR_HINT: &str = "unchanged";
    pub const DUE: &str = "Due:";
}

/// Widest label of the header (`For the month ended:`) and the narrowest its fields get.
const HEADER_LABEL_WIDTH: f32 = 140.0;
const HEADER_FIELD_WIDTH: f32 = 210.0;
/// `Total authorised/registered share capital at the end of the month:` on one line.
const TOTAL_LABEL_WIDTH: f32 = 420.0;

pub fn page_ui(ui: &mut Ui, ret: &mut MonthlyReturn, ctx: &mut PageContext<'_>) {
    header_ui(ui, ret, ctx);
    ui.add_space(8.0);
    super::classes::classes_ui(ui, ret, ctx);
    ui.add_space(8.0);
    part1_ui(ui, ret, ctx);
}

fn header_ui(ui: &mut Ui, ret: &mut MonthlyReturn, ctx: &mut PageContext<'_>) {
    let t = texts();
    ui.add(egui::Label::new(RichText::new(&t.title).strong().size(16.0)).wrap());
    ui.add_space(6.0);
    let MonthlyReturn {
        template_version,
        header,
        ..
    } = ret;
    let h = &t.header;
    // Two pairs to a row as on the form when the page is wide enough, else one.
    let pairs = Pairs::new(ui, HEADER_LABEL_WIDTH, HEADER_FIELD_WIDTH, 2);
    pairs.row(ui, |r| {
        r.pair(&h.month_ended, |ui| {
            widgets::date_field(
                ui,
                ctx,
                &path::header::month_end(),
                "For the month ended",
                &mut header.month_end,
            )
        });
        r.pair(&h.status, |ui| {
            widgets::combo_field(
                ui,
                ctx,
                &path::header::status(),
                "Status",
                &mut header.status,
                &SubmissionStatus::ALL,
                |s| s.label().to_string(),
                160.0,
            )
        });
    });
    pairs.row(ui, |r| {
        r.pair(&h.issuer, |ui| {
            widgets::text_field(
                ui,
                ctx,
                &path::header::issuer_name(),
                "Name of Issuer",
                &mut header.issuer_name,
                TEXT_WIDTH,
            )
        });
        r.pair(&h.date_submitted, |ui| {
            widgets::date_field(
                ui,
                ctx,
                &path::header::date_submitted(),
                "Date Submitted",
                &mut header.date_submitted,
            )
        });
    });
    pairs.row(ui, |r| {
        r.pair(ui_text::TEMPLATE_VERSION, |ui| {
            widgets::combo_field(
                ui,
                ctx,
                &path::header::template_version(),
                ui_text::TEMPLATE_VERSION,
                template_version,
                &TemplateVersion::ALL,
                |v| v.label().to_string(),
                160.0,
            )
        });
        if let Some(due) = &ctx.derived.due_date {
            r.pair(ui_text::DUE, |ui| {
                widgets::field_label(ui, format!("{due}"))
            });
        }
    });
    ui.label(&h.to);
}

fn part1_ui(ui: &mut Ui, ret: &mut MonthlyReturn, ctx: &mut PageContext<'_>) {
    let t = texts();
    part_heading(ui, &t.part1.heading);
    let MonthlyReturn { classes, part1, .. } = ret;
    let has_blocks = !part1.part.blocks.is_empty();
    common::not_applicable_switch(
        ui,
        ctx,
        FormPart::I,
        "Part I",
        &mut part1.part.not_applicable,
        has_blocks,
    );
    if part1.part.not_applicable {
        return;
    }
    let len = part1.part.blocks.len();
    let mut action = None;
    for (i, block) in part1.part.blocks.iter_mut().enumerate() {
        let chosen = common::class_block_card(
            ui,
            ctx,
            FormPart::I,
            "I",
            (i, len),
            classes,
            block,
            |b| &mut b.class,
            |ui, ctx, block| authorised_table(ui, ctx, i, block),
        );
        action = action.or(chosen);
    }
    if ui.button(common::ui_text::ADD_BLOCK).clicked() {
        let id = common::next_free_class(classes, part1.part.blocks.iter().map(|b| b.class));
        part1.part.blocks.push(AuthorisedBlock::new(id));
    }
    if let Some(a) = action {
        a.apply(&mut part1.part.blocks);
    }

    // `Total authorised/registered share capital at the end of the month`, one per currency.
    ui.add_space(4.0);
    let pairs = Pairs::new(
        ui,
        TOTAL_LABEL_WIDTH,
        CURRENCY_WIDTH + GAP + NUMBER_WIDTH + 40.0,
        1,
    );
    for (ccy, total) in &ctx.derived.capital_totals {
        pairs.lines(ui, |r| {
            r.pair(&t.part1.total, |ui| {
                ui.horizontal_top(|ui| {
                    widgets::currency_label(ui, if ccy.is_empty() { "—" } else { ccy.as_str() });
                    let path = path::part1::total(ccy);
                    let text = widgets::amount_text(*total);
                    widgets::computed_cell(
                        ui,
                        ctx,
                        &path,
                        &format!("Total authorised share capital {ccy}"),
                        &text,
                        NUMBER_WIDTH + 40.0,
                    );
                });
            });
        });
    }
    common::remarks_ui(
        ui,
        ctx,
        &path::part::remarks(FormPart::I),
        "Part I",
        &mut part1.remarks,
    );
}

fn authorised_table(ui: &mut Ui, ctx: &mut PageContext<'_>, i: usize, b: &mut AuthorisedBlock) {
    let t = texts();
    let n = format!("Part I class {}", i + 1);
    let fig = ctx.derived.part1.get(i).cloned().unwrap_or_default();
    let manual_text = &t.part1.manual_input;
    widgets::checkbox_field(
        ui,
        ctx,
        &path::part1::manual_capital(i),
        &format!("{n} capital manual input"),
        &mut b.manual_capital,
        manual_text,
    );
    let ccy = b.par_value.currency.trim().to_uppercase();
    let columns = [
        (t.part1.shares.as_str(), NUMBER_WIDTH),
        (t.part1.par_value.as_str(), MONEY_WIDTH),
        (t.part1.capital.as_str(), MONEY_WIDTH),
    ];
    let table = Table::new(ui, ROW_LABEL_WIDTH, &columns);
    table.heads(ui);
    table.row(ui, &t.rows.preceding, |row| {
        row.cell(|ui| {
            widgets::count_field(
                ui,
                ctx,
                &path::part1::preceding_shares(i),
                &format!("{n} preceding authorised shares"),
                &mut b.preceding_shares,
            )
        });
        row.cell(|ui| {
            widgets::money_field(
                ui,
                ctx,
                &path::part1::par_value_money(i),
                &format!("{n} par value"),
                &mut b.par_value,
            )
        });
        row.cell(|ui| {
            capital_cell(
                ui,
                ctx,
                &path::part1::preceding_capital(i),
                &format!("{n} preceding authorised capital"),
                &ccy,
                b.manual_capital,
                &mut b.manual_preceding_capital,
                fig.preceding_capital,
            )
        });
    });
    table.row(ui, &t.rows.movement, |row| {
        row.cell(|ui| {
            widgets::count_field(
                ui,
                ctx,
                &path::part1::movement_shares(i),
                &format!("{n} increase or decrease in authorised shares"),
                &mut b.movement_shares,
            )
        });
        row.skip();
        row.cell(|ui| {
            capital_cell(
                ui,
                ctx,
                &path::part1::movement_capital(i),
                &format!("{n} increase or decrease in authorised capital"),
                &ccy,
                b.manual_capital,
                &mut b.manual_movement_capital,
                fig.movement_capital,
            )
        });
    });
    let hint = b
        .par_value
        .amount
        .map(widgets::text::amount)
        .unwrap_or_else(|| ui_text::CLOSING_PAR_HINT.to_string());
    table.row(ui, &t.rows.close, |row| {
        row.cell(|ui| {
            widgets::computed_cell(
                ui,
                ctx,
                &path::part1::close_shares(i),
                &format!("{n} closing authorised shares"),
                &widgets::count_text(fig.close_shares),
                NUMBER_WIDTH,
            )
        });
        row.cell(|ui| {
            ui.horizontal_top(|ui| {
                widgets::currency_label(ui, &ccy);
                widgets::decimal_field(
                    ui,
                    ctx,
                    &path::part1::closing_par_value(i),
                    &format!("{n} par value at close of the month if changed"),
                    &mut b.closing_par_value,
                    Some(&hint),
                );
            })
        });
        row.cell(|ui| {
            ui.horizontal_top(|ui| {
                widgets::currency_label(ui, &ccy);
                widgets::computed_cell(
                    ui,
                    ctx,
                    &path::part1::close_capital(i),
                    &format!("{n} closing authorised capital"),
                    &widgets::amount_text(fig.close_capital),
                    NUMBER_WIDTH,
                );
            })
        });
    });
}

/// The capital cell: typed under `Manual input`, else calculated (shares × par).
#[allow(clippy::too_many_arguments)]
fn capital_cell(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    path: &FieldPath,
    name: &str,
    ccy: &str,
    manual: bool,
    manual_value: &mut Option<rust_decimal::Decimal>,
    computed: Option<rust_decimal::Decimal>,
) {
    ui.horizontal_top(|ui| {
        widgets::currency_label(ui, ccy);
        if manual {
            widgets::decimal_field(ui, ctx, path, name, manual_value, None);
        } else {
            widgets::computed_cell(
                ui,
                ctx,
                path,
                name,
                &widgets::amount_text(computed),
                NUMBER_WIDTH,
            );
        }
    });
}
