//! Pieces every page shares: headings, the `Not applicable` switch, the share-class header of a
//! block, list buttons (add / remove / move) and the off-screen culling of long lists.

use egui::{Frame, Id, Label, Margin, Rect, RichText, Ui, vec2};

use crate::model::path::{self, FieldPath, FormPart};
use crate::model::{ClassId, ShareClass};
use crate::template::texts;
use crate::ui::widgets::layout::{GAP, Pairs};
use crate::ui::widgets::{self, NUMBER_WIDTH, TEXT_WIDTH};

use super::PageContext;

/// Widest the label column of a card's lines gets: the form's long column headings wrap inside
/// it, on fewer lines the wider the page (see [`Pairs`]).
pub const LABEL_WIDTH: f32 = 420.0;
/// The class picker of a block: its label and its drop-down.
const CLASS_PICKER_LABEL_WIDTH: f32 = 190.0;
const CLASS_PICKER_WIDTH: f32 = 360.0;
/// The block's summary lines (`Increase in issued shares (excluding treasury shares):`).
const TOTALS_LABEL_WIDTH: f32 = 360.0;

/// Widest row label of a balance table (`Balance at close of preceding month`, on one line);
/// narrower pages wrap it (see [`crate::ui::widgets::layout::Table`]).
pub const ROW_LABEL_WIDTH: f32 = 240.0;
/// Room for a row's Move up / Move down / Remove buttons.
pub const LIST_BUTTONS_WIDTH: f32 = 210.0;

/// Editor-only words (buttons, hints). The form's own wording comes from
/// `templates/ff301-texts.ron`; these never appear on the printed return.
pub mod ui_text {
    pub const MOVE_UP: &str = "Move up";
    pub const MOVE_DOWN: &str = "Move down";
    pub const REMOVE: &str = "Remove";
    pub const ADD_BLOCK: &str = "Add class block";
    pub const CLASS_PICKER: &str = "Share class of this block";
    pub const NO_CLASS: &str = "(no such class: pick one)";
    pub const NA_KEEPS_BLOCKS: &str = "This part is marked Not applicable: its blocks below are kept but not printed. Remove them or untick Not applicable.";
}

/// Bold part heading as on the form (`II. Movements in Issued Shares...`).
pub fn part_heading(ui: &mut Ui, text: &str) {
    ui.add(Label::new(RichText::new(text).heading().strong()).wrap());
    ui.add_space(4.0);
}

/// Sub-part heading (`(A). Share Options ...`).
pub fn sub_heading(ui: &mut Ui, text: &str) {
    ui.add(Label::new(RichText::new(text).strong().size(15.0)).wrap());
    ui.add_space(2.0);
}

/// The `Not applicable` tick box of a part. Ticking it hides the blocks (they are kept until
/// the user removes them, and the rules flag a part marked NA that still has blocks).
pub fn not_applicable_switch(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    part: FormPart,
    part_name: &str,
    value: &mut bool,
    has_blocks: bool,
) {
    let path = path::part::not_applicable(part);
    widgets::checkbox_field(
        ui,
        ctx,
        &path,
        &format!("{part_name} not applicable"),
        value,
        &texts().not_applicable,
    );
    if *value && has_blocks {
        ui.add(
            Label::new(
                RichText::new(ui_text::NA_KEEPS_BLOCKS)
                    .color(crate::ui::theme::warning_colour(ui.visuals())),
            )
            .wrap(),
        );
    }
}

/// A framed card holding one block or one row of a table.
pub fn card<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> R {
    Frame::group(ui.style())
        .inner_margin(Margin::same(8))
        .show(ui, |ui| {
            // As wide as the page (which is at most `MAX_PAGE_WIDTH`).
            ui.set_min_width(ui.available_width());
            add(ui)
        })
        .inner
}

/// What a list button asked for; applied after the list is drawn so nothing moves mid-frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListAction {
    Up(usize),
    Down(usize),
    Remove(usize),
}

impl ListAction {
    /// Applies the action to `list`; out-of-range indices do nothing.
    pub fn apply<T>(self, list: &mut Vec<T>) {
        match self {
            ListAction::Up(i) if i > 0 && i < list.len() => list.swap(i - 1, i),
            ListAction::Down(i) if i + 1 < list.len() => list.swap(i, i + 1),
            ListAction::Remove(i) if i < list.len() => {
                list.remove(i);
            }
            _ => {}
        }
    }
}

/// Up / down / remove buttons for item `i` of `len`; `what` names the item for accessibility
/// (`"option scheme 2 of block 1"`).
pub fn list_buttons(ui: &mut Ui, what: &str, i: usize, len: usize) -> Option<ListAction> {
    let mut action = None;
    ui.add_enabled_ui(i > 0, |ui| {
        if widgets::action_button(ui, ui_text::MOVE_UP, &format!("Move {what} up")).clicked() {
            action = Some(ListAction::Up(i));
        }
    });
    ui.add_enabled_ui(i + 1 < len, |ui| {
        if widgets::action_button(ui, ui_text::MOVE_DOWN, &format!("Move {what} down")).clicked() {
            action = Some(ListAction::Down(i));
        }
    });
    if widgets::action_button(ui, ui_text::REMOVE, &format!("Remove {what}")).clicked() {
        action = Some(ListAction::Remove(i));
    }
    action
}

/// The class picker of a block plus the read-only share-class header (class, type, listed,
/// stock code, description), as printed at the top of every block.
/// One numbered class block of parts I and II: skipped while off screen, drawn as a card with
/// its number, move/remove buttons and class picker, then `body`. Returns the list action chosen.
#[allow(clippy::too_many_arguments)]
pub fn class_block_card<B>(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    part: FormPart,
    part_name: &str,
    (i, len): (usize, usize),
    classes: &[ShareClass],
    block: &mut B,
    class_of: fn(&mut B) -> &mut ClassId,
    body: impl FnOnce(&mut Ui, &mut PageContext<'_>, &mut B),
) -> Option<ListAction> {
    let bp = part.block(i);
    let force = wants_focus(ctx, &bp);
    let id = ctx.field_id(&bp).with("block-height");
    let mut action = None;
    culled(ui, id, force, |ui| {
        card(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("{}.", i + 1)).strong());
                action = list_buttons(
                    ui,
                    &format!("part {part_name} class block {}", i + 1),
                    i,
                    len,
                );
            });
            block_class_ui(
                ui,
                ctx,
                &path::part::block_class(part, i),
                &format!("Part {part_name} block {}", i + 1),
                classes,
                class_of(block),
            );
            body(ui, ctx, block);
        })
    });
    action
}

pub fn block_class_ui(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    class_path: &FieldPath,
    block_name: &str,
    classes: &[ShareClass],
    class: &mut ClassId,
) {
    let ids: Vec<ClassId> = classes.iter().map(|c| c.id).collect();
    let label = |id: ClassId| match classes.iter().position(|c| c.id == id) {
        Some(i) => format!("{}. {}", i + 1, classes[i].picker_name()),
        None => ui_text::NO_CLASS.to_string(),
    };
    let pairs = Pairs::new(ui, CLASS_PICKER_LABEL_WIDTH, CLASS_PICKER_WIDTH, 1);
    pairs.lines(ui, |r| {
        r.pair(ui_text::CLASS_PICKER, |ui| {
            widgets::combo_field(
                ui,
                ctx,
                class_path,
                &format!("{block_name} share class"),
                class,
                &ids,
                label,
                CLASS_PICKER_WIDTH,
            )
        });
    });
    if let Some(c) = classes.iter().find(|c| c.id == *class) {
        class_header_summary(ui, c);
    }
}

/// The share-class header as the form prints it, read-only (edited once, on page I).
pub fn class_header_summary(ui: &mut Ui, c: &ShareClass) {
    let t = &texts().class_header;
    let weak = ui.visuals().weak_text_color();
    let code = if c.stock_code.trim().is_empty() && !c.listed {
        t.unlisted_code.as_str()
    } else {
        c.stock_code.as_str()
    };
    // Each `key: value` one label, so a narrow page moves it to the next line whole (the
    // description, last and long, wraps). The space between them is the layout's item
    // spacing, which a line that wraps drops; a space of its own would run past the edge.
    let pair = |ui: &mut Ui, key: &str, value: &str, wrap: bool| {
        let font = egui::TextStyle::Body.resolve(ui.style());
        let mut job = egui::text::LayoutJob::default();
        let format = |color| egui::TextFormat::simple(font.clone(), color);
        job.append(&format!("{key}: "), 0.0, format(weak));
        job.append(value, 0.0, format(ui.visuals().text_color()));
        let label = Label::new(job);
        ui.add(if wrap { label.wrap() } else { label.extend() });
    };
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = GAP;
        pair(ui, &t.class_of_shares, c.class_of_shares.label(), false);
        pair(ui, &t.type_of_shares, c.type_of_shares.label(), false);
        pair(ui, &t.listed, if c.listed { &t.yes } else { &t.no }, false);
        pair(ui, &t.stock_code, code, false);
        if !c.description.trim().is_empty() {
            pair(ui, &t.description, c.description.trim(), true);
        }
    });
    ui.add_space(4.0);
}

/// A block's class number for names (`"class block 2"`), or the class name when found.
pub fn class_name(ret_classes: &[ShareClass], id: ClassId) -> String {
    ret_classes
        .iter()
        .find(|c| c.id == id)
        .map(ShareClass::summary_name)
        .unwrap_or_else(|| ui_text::NO_CLASS.to_string())
}

/// `Remarks:` of a part or block.
pub fn remarks_ui(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    path: &FieldPath,
    owner: &str,
    value: &mut String,
) {
    ui.label(&texts().remarks);
    widgets::multiline_field(ui, ctx, path, &format!("{owner} remarks"), value, 2);
}

/// Draws `add` only when its last known rect is on screen or within one screen of it;
/// otherwise allocates the same space. Keeps pages with a thousand schemes at interactive frame
/// rates. The margin matters for the keyboard: Tab only moves among widgets drawn this frame,
/// so the block after the last visible one must exist for Tab to reach it (and scroll it into
/// view), rather than wrapping back to the top. `force` draws it anyway (it holds the field
/// the shell wants focused).
pub fn culled(ui: &mut Ui, id: Id, force: bool, add: impl FnOnce(&mut Ui)) {
    let height: Option<f32> = ui.data(|d| d.get_temp(id));
    if let Some(h) = height
        && !force
    {
        let rect = Rect::from_min_size(ui.cursor().min, vec2(ui.available_width(), h));
        let clip = ui.clip_rect();
        let near = clip.expand2(vec2(0.0, clip.height()));
        if !near.intersects(rect) {
            ui.allocate_space(vec2(ui.available_width(), h));
            return;
        }
    }
    let r = ui.scope(add).response;
    ui.data_mut(|d| d.insert_temp(id, r.rect.height()));
}

/// Whether the shell wants focus on a field under `block`.
pub fn wants_focus(ctx: &PageContext<'_>, block: &FieldPath) -> bool {
    ctx.pending_focus
        .as_ref()
        .is_some_and(|p| block.contains(p))
}

/// The class blocks a new block can refer to: the first class without a block yet, else the
/// first class.
pub fn next_free_class(classes: &[ShareClass], used: impl Iterator<Item = ClassId>) -> ClassId {
    let used: Vec<ClassId> = used.collect();
    classes
        .iter()
        .map(|c| c.id)
        .find(|id| !used.contains(id))
        .or_else(|| classes.first().map(|c| c.id))
        .unwrap_or_default()
}

/// Width for the one-line text of a card's description: the field's cell, up to two standard
/// text widths.
pub fn text_width(ui: &Ui) -> f32 {
    ui.available_width().min(TEXT_WIDTH * 2.0)
}

/// A block of a part that belongs to one share class.
pub trait ClassBlock {
    fn class_id(&mut self) -> &mut ClassId;
    fn new_for(class: ClassId) -> Self;
}

macro_rules! class_block {
    ($($t:ty),*) => {$(
        impl ClassBlock for $t {
            fn class_id(&mut self) -> &mut ClassId {
                &mut self.class
            }
            fn new_for(class: ClassId) -> Self {
                Self { class, ..Self::default() }
            }
        }
    )*};
}

class_block!(
    crate::model::OptionBlock,
    crate::model::WarrantBlock,
    crate::model::ConvertibleBlock,
    crate::model::ArrangementBlock,
    crate::model::EventBlock
);

/// The `Not applicable` switch and the class blocks of a part III sub-part: each block a card
/// with its number, move/remove buttons, class picker and header, then `body`.
pub fn part3_blocks_ui<B: ClassBlock>(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    part: FormPart,
    short: &str,
    classes: &[ShareClass],
    blocks: &mut crate::model::Part<B>,
    mut body: impl FnMut(&mut Ui, &mut PageContext<'_>, usize, &mut B),
) {
    let has_blocks = !blocks.blocks.is_empty();
    not_applicable_switch(
        ui,
        ctx,
        part,
        &format!("Part {short}"),
        &mut blocks.not_applicable,
        has_blocks,
    );
    if blocks.not_applicable {
        return;
    }
    let len = blocks.blocks.len();
    let mut action = None;
    for (i, block) in blocks.blocks.iter_mut().enumerate() {
        let bp = part.block(i);
        let name = format!("Part {short} block {}", i + 1);
        let force = wants_focus(ctx, &bp);
        let id = ctx.field_id(&bp).with("block-height");
        culled(ui, id, force, |ui| {
            card(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(format!("{}.", i + 1)).strong());
                    if let Some(a) =
                        list_buttons(ui, &format!("part {short} class block {}", i + 1), i, len)
                    {
                        action = Some(a);
                    }
                });
                let class_path = path::part::block_class(part, i);
                block_class_ui(ui, ctx, &class_path, &name, classes, block.class_id());
                body(ui, ctx, i, block);
            })
        });
    }
    if widgets::action_button(
        ui,
        ui_text::ADD_BLOCK,
        &format!("Add class block to part {short}"),
    )
    .clicked()
    {
        let mut used: Vec<ClassId> = Vec::with_capacity(len);
        for b in blocks.blocks.iter_mut() {
            used.push(*b.class_id());
        }
        let id = next_free_class(classes, used.into_iter());
        blocks.blocks.push(B::new_for(id));
    }
    if let Some(a) = action {
        a.apply(&mut blocks.blocks);
    }
}

/// The rows of one block (schemes, warrants, events...): each a card with its number, its
/// fields and then its move/remove buttons (so Tab reaches every field of a row before them),
/// culled when off screen, then an `Add` button. `row_path` gives the path
/// of row `j`; `what` is the item's name (`"option scheme"`); `owner` names the block for
/// accessibility. A new row gets its id from the shell before the next frame.
#[allow(clippy::too_many_arguments)]
pub fn items_ui<T: Default>(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    row_path: &dyn Fn(usize) -> FieldPath,
    what: &str,
    owner: &str,
    items: &mut Vec<T>,
    mut row: impl FnMut(&mut Ui, &mut PageContext<'_>, usize, &mut T),
) {
    let len = items.len();
    let mut action = None;
    for (j, item) in items.iter_mut().enumerate() {
        let ip = row_path(j);
        let force = wants_focus(ctx, &ip);
        let id = ctx.field_id(&ip).with("item-height");
        culled(ui, id, force, |ui| {
            Frame::new()
                .fill(ui.visuals().extreme_bg_color.gamma_multiply(0.4))
                .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
                .corner_radius(4)
                .inner_margin(Margin::same(6))
                .show(ui, |ui| {
                    ui.label(RichText::new(format!("{} {}", capitalise(what), j + 1)).strong());
                    row(ui, ctx, j, item);
                    // After the row's fields, so Tab goes through the fields first.
                    ui.horizontal(|ui| {
                        if let Some(a) =
                            list_buttons(ui, &format!("{what} {} of {owner}", j + 1), j, len)
                        {
                            action = Some(a);
                        }
                    });
                });
        });
    }
    if widgets::action_button(
        ui,
        &format!("Add {what}"),
        &format!("Add {what} to {owner}"),
    )
    .clicked()
    {
        items.push(T::default());
    }
    if let Some(a) = action {
        a.apply(items);
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The two calculated lines under a Part III block, as the form prints them:
/// `<text> <n> <class> (<tag>)`, e.g. `Increase in issued shares (excluding treasury shares):
/// 300,000 Ordinary shares (AA1)`.
pub struct BlockTotals<'a> {
    /// The wording before each figure.
    pub texts: [&'a str; 2],
    /// What each figure is, for its accessible name (`increase in issued shares`).
    pub names: [&'a str; 2],
    pub paths: [FieldPath; 2],
    pub values: [Option<i64>; 2],
    /// `AA` … `EE`: the lines are tagged `AA1` and `AA2`.
    pub tag: String,
}

/// Draws `totals` of the block named `block_name` (`Part III(A) block 1`).
pub fn block_totals_ui(
    ui: &mut Ui,
    ctx: &mut PageContext<'_>,
    block_name: &str,
    class: &str,
    totals: &BlockTotals<'_>,
) {
    let pairs = Pairs::new(ui, TOTALS_LABEL_WIDTH, NUMBER_WIDTH + GAP + 160.0, 1);
    pairs.lines(ui, |r| {
        for (i, path) in totals.paths.iter().enumerate() {
            let tag = format!("{}{}", totals.tag, i + 1);
            r.pair(totals.texts[i], |ui| {
                ui.horizontal_top(|ui| {
                    widgets::computed_cell(
                        ui,
                        ctx,
                        path,
                        &format!("{block_name} {} ({tag})", totals.names[i]),
                        &widgets::count_text(totals.values[i]),
                        NUMBER_WIDTH,
                    );
                    widgets::field_label(ui, format!("{class} ({tag})"));
                })
            });
        }
    });
}
