//! What is wrong with the content after a reload, each problem with its file, line and
//! column: the app keeps the last good pack meanwhile, and the list goes away by itself
//! once the files are fixed.

use super::{Layered, Overlay, OverlayCx};
use crate::app::action::Action;
use crate::app::screens::Hint;
use crate::app::widgets::detail::{rows, DetailLine};
use crate::app::widgets::text::Piece;
use crate::app::widgets::{draw_rows, put};
use crate::diagnostic::Diagnostics;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Widget};

/// The most problems listed; `posdesk lint` lists them all.
const LISTED: usize = 50;

#[derive(Debug, Default)]
pub struct Problems {
    /// Each problem as `file:line:col: message`, with its hint.
    problems: Vec<(String, String)>,
    total: usize,
    offset: usize,
}

impl Problems {
    pub fn new(diagnostics: &Diagnostics) -> Problems {
        Problems {
            problems: diagnostics
                .iter()
                .take(LISTED)
                .map(|d| (d.headline(), d.hint.clone()))
                .collect(),
            total: diagnostics.len(),
            offset: 0,
        }
    }

    fn lines(&self, cx: &OverlayCx<'_>) -> Vec<DetailLine> {
        let theme = cx.theme;
        let mut lines = vec![DetailLine::new(
            vec![Piece::new(
                crate::t!("overlay.problems_heading", n = self.total),
                theme.warning(),
            )],
            0,
        )];
        for (problem, hint) in &self.problems {
            lines.push(DetailLine::new(
                vec![Piece::new(problem.clone(), theme.text())],
                2,
            ));
            if !hint.is_empty() {
                lines.push(DetailLine::new(
                    vec![Piece::new(format!("  {hint}"), theme.dim())],
                    4,
                ));
            }
        }
        if self.total > self.problems.len() {
            lines.push(DetailLine::new(
                vec![Piece::new(
                    crate::t!(
                        "overlay.problems_more",
                        n = self.total - self.problems.len()
                    ),
                    theme.dim(),
                )],
                0,
            ));
        }
        lines
    }

    fn scroll_by(&mut self, delta: isize) {
        self.offset = self.offset.saturating_add_signed(delta);
    }
}

/// The list's box: the lower part of the body, so the screen above stays readable.
fn area(body: Rect) -> (Rect, Rect) {
    let height = (body.height / 2).max(body.height.min(6));
    let area = Rect::new(body.x, body.bottom() - height, body.width, height);
    let inner = Rect::new(
        area.x + 1,
        area.y + 1,
        area.width.saturating_sub(2),
        area.height.saturating_sub(1),
    );
    (area, inner)
}

impl Overlay for Problems {
    fn key(&self) -> &'static str {
        "problems"
    }

    fn handle(&mut self, action: Action) -> Layered {
        match action {
            Action::SelectPrev => self.scroll_by(-1),
            Action::SelectNext => self.scroll_by(1),
            Action::PageUp => self.scroll_by(-10),
            Action::PageDown => self.scroll_by(10),
            Action::Escape | Action::CloseHelp | Action::Open => return Layered::Close,
            // The help opens over the list; quitting, suspending and the like leave it.
            Action::Help
            | Action::Quit
            | Action::Suspend
            | Action::ToggleMouse
            | Action::ToggleProjector => return Layered::Ignored,
            // Everything else works on the screen below, with the old pack.
            _ => return Layered::CloseAndPass,
        }
        Layered::Consumed
    }

    fn text(&mut self, _text: &str) -> Layered {
        Layered::CloseAndPass
    }

    fn click(&mut self) -> Layered {
        Layered::Close
    }

    fn scroll(&mut self, delta: isize) -> Layered {
        self.scroll_by(delta);
        Layered::Consumed
    }

    fn settle(&mut self, body: Rect, cx: &OverlayCx<'_>) {
        let (_, inner) = area(body);
        let (wrapped, _) = rows(&self.lines(cx), inner.width as usize);
        self.offset = self
            .offset
            .min(wrapped.len().saturating_sub(inner.height as usize));
    }

    fn draw(&self, buffer: &mut Buffer, body: Rect, cx: &OverlayCx<'_>) {
        let (area, inner) = area(body);
        Clear.render(area, buffer);
        put(
            buffer,
            Rect::new(area.x, area.y, area.width, 1),
            Line::styled("=".repeat(area.width as usize), cx.theme.warning()),
        );
        draw_rows(buffer, inner, &self.lines(cx), None, self.offset, false);
    }

    fn hints(&self) -> Vec<Hint> {
        vec![
            Hint::new(
                &[Action::SelectPrev, Action::SelectNext],
                crate::t!("overlay.scroll"),
            ),
            Hint::new(&[Action::Escape], crate::t!("overlay.close_problems")),
        ]
    }
}
