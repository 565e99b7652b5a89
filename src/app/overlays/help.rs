//! Every key binding, made from the keymap, over the body of the screen.

use super::{Layered, Overlay, OverlayCx};
use crate::app::action::Action;
use crate::app::screens::Hint;
use crate::app::widgets::detail::{paragraph, rows, DetailLine};
use crate::app::widgets::text::Piece;
use crate::app::widgets::{draw_rows, put};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Widget};

#[derive(Debug, Default)]
pub struct Help {
    offset: usize,
}

/// Where the help's text goes inside the body.
fn inner(body: Rect) -> (Rect, Rect) {
    let area = Rect::new(
        body.x + body.width / 10,
        body.y,
        body.width - body.width / 5,
        body.height,
    );
    let inner = Rect::new(
        area.x + 2,
        area.y + 1,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    (area, inner)
}

impl Help {
    /// The help's lines: how typing works, then every binding of every layer.
    pub fn lines(cx: &OverlayCx<'_>) -> Vec<DetailLine> {
        let theme = cx.theme;
        let mouse = cx.keymap.hint("help", Action::ToggleMouse);
        let mut lines: Vec<DetailLine> = vec![
            DetailLine {
                pieces: vec![Piece::new(
                    crate::t!(
                        "overlay.help_heading",
                        close = cx.keymap.hint("help", Action::CloseHelp),
                        help = cx.keymap.hint(crate::app::keymap::GLOBAL, Action::Help)
                    ),
                    theme.heading(),
                )],
                indent: 0,
                link: None,
            },
            paragraph("", crate::t!("overlay.help_typing"), &[], theme),
            paragraph(
                "",
                &crate::t!("overlay.help_mouse", mouse = mouse),
                &[],
                theme,
            ),
        ];
        for (layer, title) in cx.layers {
            let bindings = cx.keymap.layer(layer);
            if bindings.is_empty() {
                continue;
            }
            lines.push(DetailLine {
                pieces: vec![Piece::new(format!("[{title}]"), theme.label())],
                indent: 0,
                link: None,
            });
            for binding in bindings {
                for key in &binding.keys {
                    lines.push(DetailLine {
                        pieces: vec![
                            Piece::new(format!("{:<12}", key.label()), theme.label()),
                            Piece::new(binding.desc.clone(), theme.text()),
                        ],
                        indent: 12,
                        link: None,
                    });
                }
            }
        }
        lines
    }

    fn scroll_by(&mut self, delta: isize) {
        self.offset = (self.offset as isize).saturating_add(delta).max(0) as usize;
    }
}

impl Overlay for Help {
    fn key(&self) -> &'static str {
        "help"
    }

    fn handle(&mut self, action: Action) -> Layered {
        match action {
            Action::SelectPrev => self.scroll_by(-1),
            Action::SelectNext => self.scroll_by(1),
            Action::PageUp => self.scroll_by(-10),
            Action::PageDown => self.scroll_by(10),
            Action::SelectFirst => self.offset = 0,
            Action::SelectLast => self.offset = usize::MAX / 2,
            // Quitting, suspending and copying work with the help open.
            Action::Quit | Action::Suspend | Action::ToggleMouse => return Layered::Ignored,
            _ => return Layered::Close,
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
        let (_, inner) = inner(body);
        let (wrapped, _) = rows(&Help::lines(cx), inner.width as usize);
        self.offset = self
            .offset
            .min(wrapped.len().saturating_sub(inner.height as usize));
    }

    fn draw(&self, buffer: &mut Buffer, body: Rect, cx: &OverlayCx<'_>) {
        let (area, inner) = inner(body);
        Clear.render(area, buffer);
        let border = Line::styled("-".repeat(area.width as usize), cx.theme.dim());
        put(
            buffer,
            Rect::new(area.x, area.y, area.width, 1),
            border.clone(),
        );
        put(
            buffer,
            Rect::new(area.x, area.bottom() - 1, area.width, 1),
            border,
        );
        draw_rows(buffer, inner, &Help::lines(cx), None, self.offset, false);
    }

    fn hints(&self) -> Vec<Hint> {
        vec![Hint::new(
            &[Action::CloseHelp],
            crate::t!("overlay.close_help"),
        )]
    }
}
