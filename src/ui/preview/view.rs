//! The preview on screen: a toolbar (page N of M, previous/next, zoom, Export PDF…, close) over
//! a scrolling column of white pages with a shadow on grey. Only the pages in view are painted.

use egui::{Color32, Key, Modifiers, Rect, Sense, Ui, vec2};

use super::paint::{Placement, paint_page};
use super::{PrintPreview, Zoom};
use crate::ui::commands::Command;

/// Grey around the pages, space around and between them (UI points).
const DESK: Color32 = Color32::from_gray(118);
const MARGIN: f32 = 16.0;
const GAP: f32 = 16.0;

impl PrintPreview {
    /// The toolbar and the pages. Commands (Export PDF…, closing the preview) go to `cmds`.
    /// `keys`: whether the keyboard is the preview's (no prompt or help window on top, which
    /// take Escape and the rest for themselves).
    pub fn ui(&mut self, ui: &mut Ui, keys: bool, cmds: &mut Vec<Command>) {
        if keys {
            self.keys(ui, cmds);
        }
        let width = ui.available_width();
        let page_w = self
            .pages()
            .and_then(|p| p.pages.first())
            .map_or(crate::pdf::frame::A4_LANDSCAPE_WIDTH_PT, |p| p.width_pt);
        let fit = ((width - 2.0 * MARGIN - ui.spacing().scroll.bar_width) / page_w)
            .clamp(super::MIN_ZOOM, super::MAX_ZOOM);
        let scale = match self.zoom {
            Zoom::FitWidth => fit,
            Zoom::Factor(f) => f,
        };
        self.toolbar_ui(ui, scale, cmds);
        ui.separator();
        if let Some(message) = self.error() {
            ui.add_space(8.0);
            ui.colored_label(
                crate::ui::theme::error_colour(ui.visuals()),
                format!("The return cannot be laid out for printing: {message}"),
            );
            return;
        }
        self.pages_ui(ui, scale);
    }

    /// PageUp / PageDown / Home / End move between pages; Escape closes the preview.
    fn keys(&mut self, ui: &Ui, cmds: &mut Vec<Command>) {
        let (down, up, home, end, escape) = ui.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::PageDown),
                i.consume_key(Modifiers::NONE, Key::PageUp),
                i.consume_key(Modifiers::NONE, Key::Home),
                i.consume_key(Modifiers::NONE, Key::End),
                i.consume_key(Modifiers::NONE, Key::Escape),
            )
        });
        if down {
            self.next_page();
        }
        if up {
            self.previous_page();
        }
        if home {
            self.go_to(0);
        }
        if end {
            self.go_to(usize::MAX);
        }
        if escape {
            cmds.push(Command::PrintPreview);
        }
    }

    fn toolbar_ui(&mut self, ui: &mut Ui, scale: f32, cmds: &mut Vec<Command>) {
        let n = self.page_count().unwrap_or(0);
        ui.horizontal_wrapped(|ui| {
            let back = ui
                .add_enabled(self.current > 0, egui::Button::new("Previous"))
                .on_hover_text("Previous printed page (Page Up)");
            if back.clicked() {
                self.previous_page();
            }
            let label = if n == 0 {
                "No pages".to_string()
            } else {
                format!("Page {} of {n}", self.current + 1)
            };
            ui.label(label);
            let next = ui
                .add_enabled(self.current + 1 < n, egui::Button::new("Next"))
                .on_hover_text("Next printed page (Page Down)");
            if next.clicked() {
                self.next_page();
            }
            ui.separator();
            if ui
                .add_enabled(scale > super::MIN_ZOOM, egui::Button::new("−"))
                .on_hover_text("Zoom out")
                .clicked()
            {
                self.step_zoom(scale, false);
            }
            ui.label(format!("{:.0} %", scale * 100.0));
            if ui
                .add_enabled(scale < super::MAX_ZOOM, egui::Button::new("+"))
                .on_hover_text("Zoom in")
                .clicked()
            {
                self.step_zoom(scale, true);
            }
            let fit = egui::Button::selectable(self.zoom == Zoom::FitWidth, "Fit width");
            if ui
                .add(fit)
                .on_hover_text("Pages as wide as the view")
                .clicked()
            {
                self.set_zoom(Zoom::FitWidth);
            }
            let actual = egui::Button::selectable(self.zoom == Zoom::Factor(1.0), "100 %");
            if ui
                .add(actual)
                .on_hover_text("One point of paper per point of screen")
                .clicked()
            {
                self.set_zoom(Zoom::Factor(1.0));
            }
            ui.separator();
            let export = Command::ExportPdf;
            if ui
                .button(export.label())
                .on_hover_text(export.tooltip())
                .clicked()
            {
                cmds.push(export);
            }
            if ui
                .button("Close preview")
                .on_hover_text("Back to editing the return (Escape)")
                .clicked()
            {
                cmds.push(Command::PrintPreview);
            }
        });
    }

    fn pages_ui(&mut self, ui: &mut Ui, scale: f32) {
        let jump = self.go_to.take();
        let Some(pages) = self.pages() else {
            return;
        };
        let n = pages.pages.len();
        let (page_w, page_h) = pages
            .pages
            .first()
            .map_or((0.0, 0.0), |p| (p.width_pt * scale, p.height_pt * scale));
        let stride = page_h + GAP;
        let mut area = egui::ScrollArea::both()
            .id_salt("print-preview")
            .auto_shrink([false, false]);
        if let Some(i) = jump {
            area = area.vertical_scroll_offset(i as f32 * stride);
        }
        let frame = egui::Frame::new().fill(DESK);
        let mut top_page = self.current;
        let mut zoom_by = 1.0;
        frame.show(ui, |ui| {
            let shown = area.show_viewport(ui, |ui, viewport| {
                // Room below the last page to bring it to the top of the view like any other.
                let tail = (viewport.height() - page_h - MARGIN).max(MARGIN);
                let content = vec2(
                    page_w + 2.0 * MARGIN,
                    MARGIN + n as f32 * stride - GAP + tail,
                );
                let (whole, _) = ui.allocate_exact_size(
                    content.max(vec2(ui.available_width(), 0.0)),
                    Sense::hover(),
                );
                let left = whole.min.x + ((whole.width() - page_w) / 2.0).max(MARGIN);
                if stride > 0.0 {
                    top_page = ((viewport.min.y + stride / 2.0) / stride).floor().max(0.0) as usize;
                }
                let first = ((viewport.min.y - MARGIN) / stride).floor().max(0.0) as usize;
                let last = ((viewport.max.y - MARGIN) / stride).ceil().max(0.0) as usize;
                for i in first..n.min(last + 1) {
                    let origin = egui::pos2(left, whole.min.y + MARGIN + i as f32 * stride);
                    let rect = Rect::from_min_size(origin, vec2(page_w, page_h));
                    if !ui.is_rect_visible(rect) {
                        continue;
                    }
                    let painter = ui.painter_at(rect.expand(8.0));
                    let shadow = egui::epaint::Shadow {
                        offset: [2, 3],
                        blur: 8,
                        spread: 0,
                        color: Color32::from_black_alpha(90),
                    };
                    painter.add(shadow.as_shape(rect, 0.0));
                    painter.rect_filled(rect, 0.0, Color32::WHITE);
                    let painter = ui.painter_at(rect);
                    if let (Some(page), Some(text)) = (pages.pages.get(i), pages.texts.get(i)) {
                        paint_page(&painter, page, Placement { origin, scale });
                        page_node(ui, rect, i, n, text);
                    }
                }
            });
            // Ctrl + wheel (or a pinch) over the pages zooms.
            if ui.rect_contains_pointer(shown.inner_rect) {
                zoom_by = ui.input(|i| i.zoom_delta());
            }
        });
        if zoom_by != 1.0 {
            self.set_zoom(Zoom::Factor(scale * zoom_by));
        }
        // Scrolled by hand: the page at the top is the current one (not on the frame of a jump,
        // whose target may not be reachable yet).
        if jump.is_none() && top_page < n {
            self.current = top_page;
        }
    }
}

/// One accessibility node per page in view: "Printed page i of n", its text as the value.
/// The text is only copied when an accessibility client (or a test) is listening.
fn page_node(ui: &mut Ui, rect: Rect, index: usize, count: usize, text: &str) {
    let id = egui::Id::unique(("printed-page", index));
    let response = ui.interact(rect, id, Sense::hover());
    let label = format!("Printed page {} of {count}", index + 1);
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_role(egui::accesskit::Role::Document);
        node.set_label(label);
        node.set_value(text);
        node.set_read_only();
    });
}
