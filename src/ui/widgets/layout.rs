//! How a page's fields are placed so that they fit any window from 1024 px wide up: cells of a
//! known width side by side, aligned at the top, with fewer columns when the page is narrow.
//!
//! Why not `egui::Grid`: a grid centres every cell on its row, so a field whose message makes
//! its cell taller would pull the label and the fields beside it down by half the message.
//! Here every cell starts at the top of its row: a message pushes only the rows below down,
//! and the fields of a row stay on one line. And a grid's columns are as wide as their widest
//! cell whatever the window, where these rows choose their widths from the room there is.
//!
//! Three shapes:
//! - [`Pairs`]: label + field pairs, two pairs to a row when the page is wide enough (the
//!   header, the share-class card), else one;
//! - [`Table`]: a balance table (row labels, column heads, figures), whose label column
//!   narrows (its labels wrap) before the labels go above their row, and whose columns become
//!   one line each under their heading when even that does not fit;
//! - [`cell`]: one cell of a fixed width, for rows of their own (a convertible's movement).

use egui::{Align, Label, Layout, Response, RichText, Ui, WidgetText, vec2};

/// Space between the cells of a row.
pub const GAP: f32 = 12.0;
/// Space between rows.
pub const ROW_GAP: f32 = 4.0;
/// The narrowest a row-label column gets before the labels go above their fields.
pub const MIN_LABEL_WIDTH: f32 = 130.0;

/// Draws `add` in a cell `width` wide, top-aligned in its row: a field's message wraps within
/// the cell (see `flag`), so it never runs under the next cell.
pub fn cell<R>(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui) -> R) -> R {
    let width = width.max(0.0);
    ui.allocate_ui_with_layout(vec2(width, 0.0), Layout::top_down(Align::Min), |ui| {
        ui.set_width(width);
        // The rows' own spacing is between cells; inside one, widgets keep the usual spacing.
        ui.spacing_mut().item_spacing = ui.ctx().global_style().spacing.item_spacing;
        add(ui)
    })
    .inner
}

/// A row of cells, aligned at the top, `GAP` apart.
fn row<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> R {
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = GAP;
        add(ui)
    })
    .inner
}

/// A label beside a field, centred on the field's box (taller than a line of text) when it
/// fits on one line, wrapped within its cell otherwise.
pub fn row_label(ui: &mut Ui, text: impl Into<WidgetText>) -> Response {
    let h = field_height(ui);
    ui.horizontal(|ui| {
        ui.set_min_height(h);
        ui.add(Label::new(text).wrap())
    })
    .inner
}

/// The height of a one-line text field: a row label is centred on it.
pub fn field_height(ui: &Ui) -> f32 {
    let text = ui.text_style_height(&egui::TextStyle::Body);
    (text + 2.0 * ui.spacing().button_padding.y).max(ui.spacing().interact_size.y)
}

/// A column heading: small, bold, wrapped to the column's width.
pub fn column_head(ui: &mut Ui, text: &str) {
    ui.add(Label::new(RichText::new(text).small().strong()).wrap());
}

/// Label + field pairs laid out one or two to a row (see the module doc).
#[derive(Debug, Clone, Copy)]
pub struct Pairs {
    columns: usize,
    pair_width: f32,
    label_width: f32,
}

impl Pairs {
    /// Pairs whose labels need up to `label` px and whose fields at least `field` px; two to a
    /// row when `max_columns` is 2 and the room allows.
    pub fn new(ui: &Ui, label: f32, field: f32, max_columns: usize) -> Self {
        let avail = ui.available_width();
        let fits = |columns: usize| {
            let pair = (avail - GAP * (columns as f32 - 1.0)) / columns as f32;
            pair >= MIN_LABEL_WIDTH.min(label) + GAP + field
        };
        let columns = if max_columns >= 2 && fits(2) { 2 } else { 1 };
        let pair_width = (avail - GAP * (columns as f32 - 1.0)) / columns as f32;
        let label_width = label
            .min(pair_width - GAP - field)
            .max(MIN_LABEL_WIDTH.min(label));
        Pairs {
            columns,
            pair_width,
            label_width,
        }
    }

    /// One row of pairs: `add` calls [`PairRow::pair`] once per pair, at most as many times as
    /// the pairs have columns (two, or one on a narrow page, where each goes on its own line).
    pub fn row<R>(&self, ui: &mut Ui, add: impl FnOnce(&mut PairRow<'_>) -> R) -> R {
        let r = if self.columns > 1 {
            row(ui, |ui| add(&mut PairRow { pairs: self, ui }))
        } else {
            ui.vertical(|ui| {
                ui.spacing_mut().item_spacing.y = ROW_GAP;
                add(&mut PairRow { pairs: self, ui })
            })
            .inner
        };
        ui.add_space(ROW_GAP);
        r
    }

    /// Each pair of `add` on a line of its own, across the whole width (a card's lines).
    pub fn lines<R>(&self, ui: &mut Ui, add: impl FnOnce(&mut PairRow<'_>) -> R) -> R {
        let columns = self.columns as f32;
        let single = Pairs {
            columns: 1,
            pair_width: self.pair_width * columns + GAP * (columns - 1.0),
            label_width: self.label_width,
        };
        single.row(ui, add)
    }

    /// The width a pair's field has.
    fn field_width(&self) -> f32 {
        self.pair_width - self.label_width - GAP
    }
}

/// The row being drawn by [`Pairs::row`].
pub struct PairRow<'a> {
    pairs: &'a Pairs,
    ui: &'a mut Ui,
}

impl PairRow<'_> {
    /// A label and its field, the field drawn by `add` in a cell as wide as the rest of the pair.
    pub fn pair<R>(&mut self, label: impl Into<WidgetText>, add: impl FnOnce(&mut Ui) -> R) -> R {
        let p = *self.pairs;
        cell(self.ui, p.pair_width, |ui| {
            row(ui, |ui| {
                cell(ui, p.label_width, |ui| row_label(ui, label));
                cell(ui, p.field_width(), add)
            })
        })
    }
}

/// How a [`Table`] is laid out in the room there is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    /// Row labels in a column of this width, then the columns.
    Columns { label: f32 },
    /// Each row's label on a line above its cells.
    Stacked,
    /// Each cell on a line of its own, beside its column's heading in a column this wide.
    Lines { head: f32 },
}

/// A balance table: row labels, then columns of fixed widths under their headings.
pub struct Table<'a> {
    columns: &'a [(&'a str, f32)],
    shape: Shape,
}

impl<'a> Table<'a> {
    /// `columns` are (heading, width); rows have labels up to `label` px wide (0: no labels).
    pub fn new(ui: &Ui, label: f32, columns: &'a [(&'a str, f32)]) -> Self {
        let avail = ui.available_width();
        let cols: f32 = columns.iter().map(|(_, w)| w).sum::<f32>()
            + GAP * (columns.len().saturating_sub(1)) as f32;
        let room = avail - cols - GAP;
        let shape = if label > 0.0 && room >= MIN_LABEL_WIDTH.min(label) {
            Shape::Columns {
                label: room.min(label),
            }
        } else if cols <= avail {
            Shape::Stacked
        } else {
            Shape::Lines {
                head: (avail * 0.45).min(240.0),
            }
        };
        Table { columns, shape }
    }

    /// The column headings (none when each cell is on a line beside its heading).
    pub fn heads(&self, ui: &mut Ui) {
        if matches!(self.shape, Shape::Lines { .. }) {
            return;
        }
        row(ui, |ui| {
            if let Shape::Columns { label } = self.shape {
                cell(ui, label, |_| {});
            }
            for (head, w) in self.columns {
                cell(ui, *w, |ui| column_head(ui, head));
            }
        });
    }

    /// One row labelled `label` (empty: no label); `add` calls [`TableRow::cell`] or
    /// [`TableRow::skip`] once per column, in order.
    pub fn row<R>(
        &self,
        ui: &mut Ui,
        label: impl Into<WidgetText>,
        add: impl FnOnce(&mut TableRow<'_>) -> R,
    ) -> R {
        let label: WidgetText = label.into();
        let has_label = !label.text().is_empty();
        let r = match self.shape {
            Shape::Columns { label: w } => row(ui, |ui| {
                cell(ui, w, |ui| row_label(ui, label));
                add(&mut TableRow::new(self, ui))
            }),
            Shape::Stacked => {
                if has_label {
                    ui.add(Label::new(label).wrap());
                }
                row(ui, |ui| add(&mut TableRow::new(self, ui)))
            }
            Shape::Lines { .. } => {
                ui.vertical(|ui| {
                    if has_label {
                        ui.add(Label::new(label.strong()).wrap());
                    }
                    add(&mut TableRow::new(self, ui))
                })
                .inner
            }
        };
        ui.add_space(ROW_GAP);
        r
    }
}

/// The row being drawn by [`Table::row`].
pub struct TableRow<'a> {
    table: &'a Table<'a>,
    ui: &'a mut Ui,
    column: usize,
}

impl<'a> TableRow<'a> {
    fn new(table: &'a Table<'a>, ui: &'a mut Ui) -> Self {
        TableRow {
            table,
            ui,
            column: 0,
        }
    }

    /// The next column's cell, drawn by `add`.
    pub fn cell<R>(&mut self, add: impl FnOnce(&mut Ui) -> R) -> R {
        let (head, width) = self
            .table
            .columns
            .get(self.column)
            .copied()
            .unwrap_or(("", 0.0));
        self.column += 1;
        match self.table.shape {
            Shape::Lines { head: w } => row(self.ui, |ui| {
                cell(ui, w, |ui| row_label(ui, head));
                cell(ui, ui.available_width(), add)
            }),
            _ => cell(self.ui, width, add),
        }
    }

    /// The next column left empty (a cell the form shades).
    pub fn skip(&mut self) {
        let width = self.table.columns.get(self.column).map_or(0.0, |(_, w)| *w);
        self.column += 1;
        if !matches!(self.table.shape, Shape::Lines { .. }) {
            cell(self.ui, width, |_| {});
        }
    }
}
