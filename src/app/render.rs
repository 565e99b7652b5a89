//! The app off-screen: `posdesk render`, the snapshots and the benchmarks draw through
//! the same loop as the live app.

use super::input::Input;
use super::theme::Theme;
use super::{runtime, widgets, App};
use crate::desk::Desk;
use crate::model::Pack;
use ratatui::buffer::Buffer;

/// Runs the app off-screen at a size, feeding it input as the live app would (through
/// the same loop), and returns the last frame drawn.
pub fn render_buffer(
    pack: &Pack,
    width: u16,
    height: u16,
    inputs: &[Input],
    theme: Theme,
) -> Buffer {
    render_desk(Desk::new(pack.clone()), width, height, inputs, theme)
}

/// The same over a desk the caller owns (no copy of the pack).
pub fn render_desk(desk: Desk, width: u16, height: u16, inputs: &[Input], theme: Theme) -> Buffer {
    render_app(App::new(desk, theme), width, height, inputs)
}

/// The same for an app made by the caller (a user's keymap, say).
pub fn render_app(mut app: App, width: u16, height: u16, inputs: &[Input]) -> Buffer {
    let mut frontend = runtime::Offscreen::new(width, height, inputs.to_vec());
    app.resize(frontend.size().width, frontend.size().height);
    // The off-screen frontend cannot fail: its backend's error type has no values.
    let _ = runtime::run(&mut app, &mut frontend);
    frontend.into_frame()
}

/// A buffer as plain text: one line per row, wide characters once, trailing spaces cut.
pub fn buffer_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            let symbol = buffer.cell((x, y)).map_or(" ", |cell| cell.symbol());
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let w = widgets::text::width(symbol);
            skip = w.saturating_sub(1);
            line.push_str(if symbol.is_empty() { " " } else { symbol });
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The final screen as plain text, as `posdesk render` prints it.
pub fn render_screen(pack: &Pack, width: u16, height: u16, inputs: &[Input]) -> String {
    buffer_text(&render_buffer(pack, width, height, inputs, Theme::plain()))
}
