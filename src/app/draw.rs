//! Drawing the app: reads the state, never writes it.

use super::action::Action;
use super::keymap::GLOBAL;
use super::overlays::OverlayCx;
use super::screens::DrawCx;
use super::{chrome, layout, widgets, App};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::Frame;

impl App {
    // ----- drawing: reads the state, never writes it -----

    /// Draws the whole screen and places the cursor in the query line.
    pub fn draw(&self, frame: &mut Frame<'_>) {
        let size = frame.area();
        let cursor = self.draw_buffer(frame.buffer_mut(), size);
        if let Some(cursor) = cursor {
            frame.set_cursor_position(cursor);
        }
    }

    /// Draws into a buffer; returns where the text cursor goes, if anywhere. In projector
    /// mode the frame is drawn at the layout size and spaced out onto the buffer.
    pub fn draw_buffer(&self, buffer: &mut Buffer, size: Rect) -> Option<Position> {
        let (layout, spacing) = self.layout_size(size);
        let cursor = if layout == size {
            self.draw_at(buffer, size)
        } else {
            let mut frame = Buffer::empty(layout);
            let cursor = self.draw_at(&mut frame, layout);
            super::projector::spread(&frame, buffer, spacing);
            cursor.map(|at| super::projector::to_terminal(at, spacing))
        };
        // A theme with a background of its own (high contrast) has it under the whole frame.
        if let Some(background) = self.theme.background() {
            super::projector::darken(buffer, background);
        }
        cursor
    }

    fn draw_at(&self, buffer: &mut Buffer, size: Rect) -> Option<Position> {
        let Some(areas) = self.areas_at(size) else {
            widgets::centered(
                buffer,
                size,
                crate::t!(
                    "app.too_small",
                    width = size.width,
                    height = size.height,
                    min_width = layout::MIN_WIDTH,
                    min_height = layout::MIN_HEIGHT
                ),
            );
            return None;
        };
        let theme = &self.theme;
        let mut tab_hint = String::new();
        if !self.mouse_captured {
            tab_hint.push_str(crate::t!("app.mouse_released"));
            tab_hint.push_str("  ");
        }
        tab_hint += &crate::t!(
            "app.tab_hint",
            help = self.keymap.hint(GLOBAL, Action::Help),
            quit = self.keymap.hint(GLOBAL, Action::Quit)
        );
        chrome::draw_tabs(
            buffer,
            &areas,
            &self.tab_labels(),
            self.active,
            &tab_hint,
            theme,
        );
        let cursor = chrome::draw_query(buffer, areas.query, &self.query, theme);
        let cx = DrawCx {
            desk: &self.desk,
            theme,
            keymap: &self.keymap,
            query: &self.query,
        };
        let banner = self.banner_lines(size);
        widgets::draw_rows(buffer, areas.banner, &banner, None, 0, false);
        let mut cursor = cursor;
        if let Some(screen) = self.active_screen() {
            screen.draw(buffer, &areas, &cx);
            // A screen that takes typing (a note) has the cursor where the text goes.
            if let Some(at) = screen.cursor(&areas, &cx) {
                cursor = at;
            }
        }
        for separator in &areas.separators {
            for y in separator.top()..separator.bottom() {
                widgets::put(
                    buffer,
                    Rect::new(separator.x, y, 1, 1),
                    Line::styled("|", theme.dim()),
                );
            }
        }
        let (layer, hints) = match (self.overlays.last(), self.active_screen()) {
            (Some(overlay), _) => (overlay.key(), overlay.hints()),
            (None, Some(screen)) => (screen.key(), screen.hints()),
            (None, None) => ("", Vec::new()),
        };
        let hints: Vec<String> = hints.iter().map(|h| h.text(&self.keymap, layer)).collect();
        // A message (what was copied, a cut paste) has the whole bar until the next input.
        let (left, hints) = match &self.status {
            Some(message) => (message.clone(), String::new()),
            None => (
                {
                    let crumbs = self
                        .active_screen()
                        .map(|s| s.breadcrumb(&cx).join(" > "))
                        .unwrap_or_default();
                    // Until the files are fixed, say that the pack shown is the old one.
                    match self.content_problems {
                        0 => crumbs,
                        n => crate::t!("app.old_content_crumb", n = n, crumbs = crumbs),
                    }
                },
                hints.join("  "),
            ),
        };
        chrome::draw_status(buffer, areas.status, &left, &hints, theme);
        let ocx = OverlayCx {
            theme,
            keymap: &self.keymap,
            layers: &self.layers,
        };
        for overlay in &self.overlays {
            overlay.draw(buffer, areas.body, &ocx);
        }
        self.overlays.is_empty().then_some(cursor)
    }
}
