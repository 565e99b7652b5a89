//! The full-screen help desk: a thin terminal layer over the core. The same state
//! machine and drawing code run in a real terminal ([`live::run`]) and off-screen
//! ([`render_screen`], the `posdesk render` command, the snapshot tests).

pub mod detail;
pub mod keys;
pub mod layout;
pub mod live;
mod state;
pub mod text;
pub mod theme;
mod view;

pub use state::{App, Cursor, Entry, LeftMode, Panel, View};
pub use view::draw;

use crate::model::Pack;
use crossterm::event::{Event, KeyEvent};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;
use theme::Theme;

/// The largest off-screen terminal `render` draws.
pub const MAX_RENDER_SIZE: u16 = 1000;

/// Runs the app off-screen at a size, feeding it keys as the live app would, and returns
/// the last frame drawn, whole (not the backend's copy, which only receives the cells a
/// frame changed).
pub fn render_buffer(
    pack: &Pack,
    width: u16,
    height: u16,
    keys: &[KeyEvent],
    theme: Theme,
) -> Buffer {
    let backend = TestBackend::new(width.min(MAX_RENDER_SIZE), height.min(MAX_RENDER_SIZE));
    let mut app = App::new(pack, theme);
    // Drawing off-screen cannot fail: TestBackend's error type has no values.
    let Ok(mut terminal) = Terminal::new(backend);
    let mut frame = Buffer::empty(terminal.backend().buffer().area);
    let mut draw = |app: &mut App<'_>, terminal: &mut Terminal<TestBackend>| {
        let Ok(completed) = terminal.draw(|f| view::draw(f, app));
        frame = completed.buffer.clone();
    };
    draw(&mut app, &mut terminal);
    for key in keys {
        let redraw = app.handle(&Event::Key(*key));
        if app.should_quit() {
            break;
        }
        if redraw {
            draw(&mut app, &mut terminal);
        }
    }
    frame
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
            let w = text::width(symbol);
            skip = w.saturating_sub(1);
            line.push_str(if symbol.is_empty() { " " } else { symbol });
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The final screen as plain text, as `posdesk render` prints it.
pub fn render_screen(pack: &Pack, width: u16, height: u16, keys: &[KeyEvent]) -> String {
    buffer_text(&render_buffer(pack, width, height, keys, Theme::plain()))
}
