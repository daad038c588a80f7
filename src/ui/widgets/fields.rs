//! The input widgets of every page. Each takes the field's [`FieldPath`] (so findings and
//! focus requests land on it) and an accessible name that is unique on the page
//! (`"Class 1 preceding issued shares excluding treasury"`).
//!
//! Why `accessible_name` rather than `labelled_by`: most inputs sit in a table whose visible
//! labels are the row and column headers, shared by every class block; no single visible label
//! names the cell uniquely, so the name is set on the widget itself. Fields with a visible
//! label of their own still carry that wording in their name.

use chrono::{Datelike, NaiveDate};
use egui::{
    Align, CornerRadius, Response, Sense, Stroke, StrokeKind, TextEdit, TextStyle, Ui, vec2,
};
use rust_decimal::Decimal;

use crate::model::Money;
use crate::model::RowIndex;
use crate::model::path::FieldPath;
use crate::ui::pages::PageContext;

use super::flag::{describe, flag_for, flag_line, messages};
use super::text::{self, ParseError};

/// Width of a share-count or amount cell: fits `-9,999,999,999,999` at the default font.
pub const NUMBER_WIDTH: f32 = 150.0;
/// Width of a 3-letter currency cell.
pub const CURRENCY_WIDTH: f32 = 44.0;
/// Width of a date cell (`30 September 2024`).
pub const DATE_WIDTH: f32 = 130.0;
/// Width of a money field: currency, the item spacing, amount.
pub const MONEY_WIDTH: f32 = CURRENCY_WIDTH + 8.0 + NUMBER_WIDTH;
/// Width of a one-line text field.
pub const TEXT_WIDTH: f32 = 320.0;
/// Widest a multi-line text field gets (a readable line of remarks).
pub const MULTILINE_MAX_WIDTH: f32 = 900.0;

/// The width of a drop-down asked to be `width` wide in a cell that may be narrower (its box,
/// arrow included, stays inside the cell; a long choice is cut short with `…`).
fn combo_width(ui: &Ui, width: f32) -> f32 {
    width.min(ui.available_width()).max(40.0)
}

/// The egui id of the widget editing `path`: keyed on the field's identity (its row's id, see
/// [`RowIndex`]), not its position, so focus, the cursor and the edit text move with the row.
pub fn field_id(rows: &RowIndex, path: &FieldPath) -> egui::Id {
    egui::Id::unique(("field", rows.key(path)))
}

/// Keyboard use: Enter in a one-line field moves on to the next field, as Tab does (a
/// secretary keying figures from a sheet need not reach for Tab).
fn enter_moves_on(ui: &Ui, resp: &Response) {
    if resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        ui.memory_mut(|m| m.move_focus(egui::FocusDirection::Next));
    }
}

/// Gives keyboard focus to the field if the shell asked for it (a finding was clicked).
/// Also names the edit for the Edit menu's Undo when the widget changed the return.
fn take_pending_focus(ctx: &mut PageContext<'_>, paths: &[&FieldPath], resp: &Response) {
    if resp.changed()
        && let Some(p) = paths.first()
    {
        let verb = if resp.has_focus() {
            "typing in"
        } else {
            "changing"
        };
        crate::ui::undo::note_edit(&resp.ctx, || format!("{verb} {}", p.describe()));
    }
    if let Some(p) = paths.first()
        && resp.sense.senses_click()
    {
        super::help::input_help(p, resp);
    }
    // A field reached by Tab (or Enter) is scrolled into view at once, not when typed into.
    if resp.gained_focus() {
        resp.scroll_to_me(None);
    }
    if let Some(p) = ctx.pending_focus.as_ref()
        && paths.contains(&p)
    {
        resp.scroll_to_me(Some(Align::Center));
        resp.request_focus();
        *ctx.pending_focus = None;
    }
}

/// What a parsed field needs to know about its value type.
struct Kind<V> {
    parse: fn(&str) -> Result<Option<V>, ParseError>,
    display: fn(&V) -> String,
    width: f32,
    align: Align,
}

fn count_kind() -> Kind<i64> {
    Kind {
        parse: text::parse_count,
        display: |v| text::count(*v),
        width: NUMBER_WIDTH,
        align: Align::RIGHT,
    }
}

fn decimal_kind() -> Kind<Decimal> {
    Kind {
        parse: text::parse_decimal,
        display: |v| text::amount(*v),
        width: NUMBER_WIDTH,
        align: Align::RIGHT,
    }
}

fn date_kind() -> Kind<NaiveDate> {
    Kind {
        parse: text::parse_date,
        display: |v| text::date(*v),
        width: DATE_WIDTH,
        align: Align::LEFT,
    }
}

/// A text field holding a typed value. While the field has focus the text is exactly what was
/// typed (kept in egui's memory); otherwise the value is shown formatted. Text that does not
/// parse is kept in `ctx.buffers.invalid` and the field counts as blank meanwhile (its message
/// says so), so no figure the user did not type reaches a total.
fn parsed_field<V: PartialEq + Clone>(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    path: &FieldPath,
    name: &str,
    value: &mut Option<V>,
    kind: &Kind<V>,
    hint: Option<&str>,
) -> (Response, Option<String>) {
    let id = ctx.field_id(path);
    let key = ctx.key(path);
    let edit_key = id.with("edit");
    let focused = ui.memory(|m| m.has_focus(id));
    let display = |v: &Option<V>| v.as_ref().map(kind.display).unwrap_or_default();
    let mut buf = if let Some(t) = ctx.buffers.invalid.get(&key) {
        t.clone()
    } else if focused {
        // The edit text is reused only while it still means the current value (an undo or
        // another page may have changed the value behind it).
        ui.data(|d| d.get_temp::<String>(edit_key))
            .filter(|t| (kind.parse)(t).ok().as_ref() == Some(&*value))
            .unwrap_or_else(|| display(value))
    } else {
        display(value)
    };
    ui.set_min_width(kind.width);
    let mut edit = TextEdit::singleline(&mut buf)
        .id(id)
        .desired_width(kind.width)
        .align(if focused {
            egui::Align2::LEFT_CENTER
        } else {
            egui::Align2([kind.align, Align::Center])
        });
    if let Some(h) = hint {
        edit = edit.hint_text(h);
    }
    let resp = ui.add(edit).accessible_name(name);
    if resp.changed() {
        match (kind.parse)(&buf) {
            Ok(v) => {
                *value = v;
                ctx.buffers.invalid.remove(&key);
            }
            Err(_) => {
                // Never a figure the user did not type (a cut-down 25-digit number, the value
                // before the typo): the field counts as blank until its text is a number.
                *value = None;
                ctx.buffers.invalid.insert(key.clone(), buf.clone());
            }
        }
    }
    if resp.has_focus() {
        ui.data_mut(|d| d.insert_temp(edit_key, buf.clone()));
    } else if resp.lost_focus() {
        ui.data_mut(|d| d.remove::<String>(edit_key));
    }
    let invalid = ctx.buffers.invalid.get(&key).map(|t| {
        let err = (kind.parse)(t).err().unwrap_or(ParseError::NotANumber);
        let kept = match value.as_ref() {
            Some(v) => format!("the return keeps {}", (kind.display)(v)),
            None => "counted as blank until corrected".to_string(),
        };
        format!("{} — {kept}", err.describe(t))
    });
    take_pending_focus(ctx, &[path], &resp);
    enter_moves_on(ui, &resp);
    (resp, invalid)
}

/// A share count (`Option<i64>`), accepted with or without thousands separators.
pub fn count_field(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    path: &FieldPath,
    name: &str,
    value: &mut Option<i64>,
) -> Response {
    flagged_parsed_field(ui, ctx, path, name, value, &count_kind(), None)
}

/// An amount or par value (`Option<Decimal>`), exact; `hint` shows in the empty field (e.g.
/// the par value that applies when a closing par is left blank).
pub fn decimal_field(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    path: &FieldPath,
    name: &str,
    value: &mut Option<Decimal>,
    hint: Option<&str>,
) -> Response {
    flagged_parsed_field(ui, ctx, path, name, value, &decimal_kind(), hint)
}

/// A [`parsed_field`] with its outline and messages.
fn flagged_parsed_field<V: PartialEq + Clone>(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    path: &FieldPath,
    name: &str,
    value: &mut Option<V>,
    kind: &Kind<V>,
    hint: Option<&str>,
) -> Response {
    ui.vertical(|ui| {
        let (resp, invalid) = parsed_field(ui, ctx, path, name, value, kind, hint);
        let flag = flag_for(ctx, &[path], invalid);
        flag_line(ui, &resp, flag);
        resp
    })
    .inner
}

/// A 3-letter currency code; typed letters are upper-cased.
fn currency_edit(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    path: &FieldPath,
    name: &str,
    currency: &mut String,
) -> Response {
    let resp = ui
        .add(
            TextEdit::singleline(currency)
                .id(ctx.field_id(path))
                .char_limit(3)
                .desired_width(CURRENCY_WIDTH)
                .hint_text("CCY"),
        )
        .accessible_name(format!("{name} currency"));
    if resp.changed() {
        *currency = currency.to_uppercase();
    }
    take_pending_focus(ctx, &[path], &resp);
    enter_moves_on(ui, &resp);
    resp
}

/// Currency (3 letters) + amount, on one line. Paths: `<path>/currency` and `<path>/amount`;
/// findings on `<path>` itself flag both.
pub fn money_field(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    path: &FieldPath,
    name: &str,
    money: &mut Money,
) -> Response {
    let cur_path = path.money_currency();
    let amt_path = path.money_amount();
    ui.vertical(|ui| {
        let (resp, invalid) = ui
            .horizontal(|ui| {
                let c = currency_edit(ui, ctx, &cur_path, name, &mut money.currency);
                let (a, invalid) = parsed_field(
                    ui,
                    ctx,
                    &amt_path,
                    &format!("{name} amount"),
                    &mut money.amount,
                    &decimal_kind(),
                    None,
                );
                take_pending_focus(ctx, &[path], &a);
                (c.union(a.clone()), (invalid, a.id))
            })
            .inner;
        let (invalid, amount_id) = invalid;
        let flag = flag_for(ctx, &[path, &cur_path, &amt_path], invalid);
        if let Some(f) = &flag {
            // The amount is described too: the outline and messages cover both boxes.
            describe(ui, amount_id, f);
        }
        flag_line(ui, &resp, flag);
        resp
    })
    .inner
}

/// A date typed (`06 November 2024`, `6 Nov 2024`, `2024-11-06`) or picked from a calendar.
pub fn date_field(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    path: &FieldPath,
    name: &str,
    value: &mut Option<NaiveDate>,
) -> Response {
    ui.vertical(|ui| {
        let (resp, invalid) = ui
            .horizontal(|ui| {
                let (resp, invalid) = parsed_field(
                    ui,
                    ctx,
                    path,
                    name,
                    value,
                    &date_kind(),
                    Some("dd Month yyyy"),
                );
                // The picker's own state follows the field's row too.
                let salt = ctx.field_id(path).value().to_string();
                let key = ctx.key(path);
                let today = chrono::Local::now().date_naive();
                let shown = value.unwrap_or(today);
                let mut picked = to_jiff(shown);
                let before = picked;
                let pick = ui
                    .add(
                        egui_extras::DatePickerButton::new(&mut picked)
                            .id_salt(&salt)
                            .show_icon(false)
                            .format(CALENDAR_CAPTION)
                            .calendar_week(false),
                    )
                    .accessible_name(format!("{name}: pick from calendar"));
                if pick.changed()
                    && picked != before
                    && let Some(d) = from_jiff(picked)
                {
                    *value = Some(d);
                    ctx.buffers.invalid.remove(&key);
                }
                (resp, invalid)
            })
            .inner;
        let flag = flag_for(ctx, &[path], invalid);
        flag_line(ui, &resp, flag);
        resp
    })
    .inner
}

/// Caption of the calendar button (the default 📆 glyph is not in egui's default fonts).
const CALENDAR_CAPTION: &str = "Pick…";

fn to_jiff(d: NaiveDate) -> jiff::civil::Date {
    // Every NaiveDate the form uses (years 1..9999) is a valid jiff date; fall back to a fixed
    // date rather than panic for the rest.
    let y = i16::try_from(d.year()).unwrap_or(2000);
    jiff::civil::Date::new(y, d.month() as i8, d.day() as i8)
        .unwrap_or_else(|_| jiff::civil::date(2000, 1, 1))
}

fn from_jiff(d: jiff::civil::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        i32::from(d.year()),
        u32::try_from(d.month()).ok()?,
        u32::try_from(d.day()).ok()?,
    )
}

/// A one-line text field.
pub fn text_field(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    path: &FieldPath,
    name: &str,
    value: &mut String,
    width: f32,
) -> Response {
    ui.vertical(|ui| {
        // As wide as asked, or as the cell when that is narrower (the page fits the window).
        let width = width.min(ui.available_width());
        ui.set_min_width(width);
        let resp = ui
            .add(
                TextEdit::singleline(value)
                    .id(ctx.field_id(path))
                    .desired_width(width),
            )
            .accessible_name(name);
        take_pending_focus(ctx, &[path], &resp);
        enter_moves_on(ui, &resp);
        let flag = flag_for(ctx, &[path], None);
        flag_line(ui, &resp, flag);
        resp
    })
    .inner
}

/// Multi-line text (remarks, amended confirmations): wraps, grows with its content.
pub fn multiline_field(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    path: &FieldPath,
    name: &str,
    value: &mut String,
    rows: usize,
) -> Response {
    ui.vertical(|ui| {
        // The cell's width, up to a readable line.
        let width = ui.available_width().min(MULTILINE_MAX_WIDTH);
        let resp = ui
            .add(
                TextEdit::multiline(value)
                    .id(ctx.field_id(path))
                    .desired_rows(rows)
                    .desired_width(width),
            )
            .accessible_name(name);
        take_pending_focus(ctx, &[path], &resp);
        let flag = flag_for(ctx, &[path], None);
        flag_line(ui, &resp, flag);
        resp
    })
    .inner
}

/// A tick box; `text` is its visible label, `name` the unique accessible name.
pub fn checkbox_field(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    path: &FieldPath,
    name: &str,
    value: &mut bool,
    text: &str,
) -> Response {
    ui.vertical(|ui| {
        let resp = ui.checkbox(value, text).accessible_name(name);
        take_pending_focus(ctx, &[path], &resp);
        let flag = flag_for(ctx, &[path], None);
        flag_line(ui, &resp, flag);
        resp
    })
    .inner
}

/// A choice among `options`, shown by `label`. Used for class of shares, type of shares,
/// status, type of issue, type of convertible, movement kind and the class picker.
#[allow(clippy::too_many_arguments)] // one per thing a combo needs; a builder would add nothing
pub fn combo_field<T: PartialEq + Copy>(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    path: &FieldPath,
    name: &str,
    value: &mut T,
    options: &[T],
    label: impl Fn(T) -> String,
    width: f32,
) -> Response {
    ui.vertical(|ui| {
        let before = *value;
        let width = combo_width(ui, width);
        let inner = egui::ComboBox::from_id_salt(ctx.field_id(path))
            .width(width)
            .wrap_mode(egui::TextWrapMode::Truncate)
            .selected_text(label(*value))
            .show_ui(ui, |ui| {
                for &o in options {
                    ui.selectable_value(value, o, label(o));
                }
            });
        let mut resp = inner.response.accessible_name(name);
        if *value != before {
            resp.mark_changed();
        }
        take_pending_focus(ctx, &[path], &resp);
        let flag = flag_for(ctx, &[path], None);
        flag_line(ui, &resp, flag);
        resp
    })
    .inner
}

/// What a screen reader reads for a computed cell: its name, then the figure as printed.
pub fn computed_cell_text(name: &str, figure: &str) -> String {
    format!("{name}: {figure}")
}

/// A figure the form derives: read-only, right-aligned on a grey ground with no text cursor,
/// so it cannot be mistaken for an input. The accessibility node is a read-only label whose
/// name and text are [`computed_cell_text`]. `None` (overflow) shows `—`.
pub fn computed_cell(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    path: &FieldPath,
    name: &str,
    text: &str,
    width: f32,
) -> Response {
    ui.vertical(|ui| {
        let h = super::layout::field_height(ui);
        let width = width.min(ui.available_width());
        let (rect, resp) = ui.allocate_exact_size(vec2(width, h), Sense::hover());
        if ui.is_rect_visible(rect) {
            let v = ui.visuals();
            let fill = v.faint_bg_color;
            let stroke = Stroke::new(1.0, v.widgets.noninteractive.bg_stroke.color);
            let color = v.weak_text_color();
            let painter = ui.painter();
            painter.rect(
                rect,
                CornerRadius::same(2),
                fill,
                stroke,
                StrokeKind::Inside,
            );
            let font = TextStyle::Body.resolve(ui.style());
            painter.text(
                rect.right_center() - vec2(6.0, 0.0),
                egui::Align2::RIGHT_CENTER,
                text,
                font,
                color,
            );
        }
        // Announced as read-only text, not as a text box: AT-SPI shows no AccessKit value of a
        // text box, and names a label by its text (its value), so the text is the name and the
        // figure together ("Part II class 1 closing total issued shares: 3,805,534,801").
        let spoken = computed_cell_text(name, text);
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &spoken));
        ui.ctx().accesskit_node_builder(resp.id, |b| {
            b.set_label(spoken.clone());
            b.set_value(spoken);
            b.set_read_only();
        });
        super::help::computed_help(ctx, path, name, resp.clone());
        take_pending_focus(ctx, &[path], &resp);
        let flag = flag_for(ctx, &[path], None);
        flag_line(ui, &resp, flag);
        resp
    })
    .inner
}

/// A row label beside a field, centred on the field's box (see [`super::layout::row_label`]).
pub fn field_label(ui: &mut Ui, text: impl Into<egui::WidgetText>) -> Response {
    super::layout::row_label(ui, text)
}

/// The currency shown before an amount the form ties to a class's currency (part I), lined up
/// like [`field_label`] in a cell as wide as a currency field.
pub fn currency_label(ui: &mut Ui, ccy: &str) -> Response {
    super::layout::cell(ui, CURRENCY_WIDTH, |ui| field_label(ui, ccy))
}

/// The messages of the findings at `path` (no field of its own to outline: a pair of radio
/// buttons, a share class as a whole), as under a field.
pub fn messages_ui(ui: &mut Ui, ctx: &PageContext<'_>, path: &FieldPath) {
    if let Some(flag) = flag_for(ctx, &[path], None) {
        messages(ui, &flag, 0.0);
    }
}

/// Gives the widgets `ids` (a pair of radio buttons with no field of their own) the messages
/// of the findings at `path` as their accessible description, as a field's flag does.
pub fn describe_by_findings(ui: &Ui, ctx: &PageContext<'_>, path: &FieldPath, ids: &[egui::Id]) {
    if let Some(flag) = flag_for(ctx, &[path], None) {
        for id in ids {
            describe(ui, *id, &flag);
        }
    }
}

/// Text of a derived share count; `—` when its arithmetic overflowed.
pub fn count_text(v: Option<i64>) -> String {
    v.map(text::count).unwrap_or_else(|| "—".to_string())
}

/// Text of a derived amount; `—` when its arithmetic overflowed.
pub fn amount_text(v: Option<Decimal>) -> String {
    v.map(crate::format::derived_amount)
        .unwrap_or_else(|| "—".to_string())
}

/// A small button with a visible caption and a unique accessible name
/// (`"Remove option scheme 2 of class block 1"`).
/// A click is named for the Edit menu's Undo by the button's accessible name.
pub fn action_button(ui: &mut Ui, caption: &str, name: &str) -> Response {
    let resp = ui.small_button(caption).accessible_name(name);
    if resp.clicked() {
        crate::ui::undo::note_edit(ui.ctx(), || lower_first(name));
    }
    resp
}

/// `Remove option scheme 2` → `remove option scheme 2`, to follow "Undo ".
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}
