//! Projector mode, for a classroom: the app is laid out at a smaller size and drawn with
//! a blank row after every row and a margin each side (large spacing), one panel (the one
//! in focus) takes the width, and the theme turns to high contrast. Input from the mouse
//! is mapped back, so clicks land where they are drawn.

use super::layout::MIN_HEIGHT;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

/// Columns left blank on each side.
pub const MARGIN: u16 = 2;

/// Rows the app needs at its layout size to keep every line of a counter card and a
/// question with its feedback: below twice this (a terminal under 60 rows), rows are not
/// spaced out, so nothing drops off for the spacing.
pub const SPACED_ROWS: u16 = 30;

/// How the app is laid out on a terminal of `size` in projector mode: the size it lays
/// out at, and how many terminal rows one of its rows takes (2, or 1 on a terminal too
/// short to halve).
pub fn logical(size: Rect) -> (Rect, u16) {
    let width = size.width.saturating_sub(2 * MARGIN);
    if size.height / 2 >= SPACED_ROWS.max(MIN_HEIGHT) {
        (Rect::new(0, 0, width, size.height / 2), 2)
    } else {
        (Rect::new(0, 0, width, size.height), 1)
    }
}

/// Copies a frame drawn at the logical size onto the terminal's, spaced out.
pub fn spread(from: &Buffer, to: &mut Buffer, spacing: u16) {
    let area = from.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let (Some(cell), Some(target)) = (
                from.cell(Position::new(x, y)),
                to.cell_mut(to_terminal(Position::new(x, y), spacing)),
            ) else {
                continue;
            };
            *target = cell.clone();
        }
    }
}

/// Where a logical position is on the terminal.
pub fn to_terminal(at: Position, spacing: u16) -> Position {
    Position::new(at.x.saturating_add(MARGIN), at.y.saturating_mul(spacing))
}

/// The logical position under a terminal position (a blank spacer row belongs to the
/// row above it); none in the margins.
pub fn from_terminal(at: Position, spacing: u16, layout: Rect) -> Option<Position> {
    let x = at.x.checked_sub(MARGIN).filter(|x| *x < layout.width)?;
    Some(Position::new(x, at.y / spacing.max(1)))
}

/// Paints what has no colour of its own on the theme's background (white text on black
/// for high contrast), so it reads the same on a light terminal as on a dark one.
pub fn darken(buffer: &mut Buffer, background: ratatui::style::Color) {
    use ratatui::style::Color;
    for cell in buffer.content.iter_mut() {
        if cell.bg == Color::Reset {
            cell.bg = background;
        }
        if cell.fg == Color::Reset {
            cell.fg = Color::White;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_spaced_and_mapped_back() {
        let (size, spacing) = logical(Rect::new(0, 0, 100, 60));
        assert_eq!((size.width, size.height, spacing), (96, 30, 2));
        assert_eq!(logical(Rect::new(0, 0, 120, 40)).1, 1);
        let (_, short) = logical(Rect::new(0, 0, 80, 24));
        assert_eq!(short, 1);
        let at = Position::new(5, 7);
        assert_eq!(from_terminal(to_terminal(at, 2), 2, size), Some(at));
        assert_eq!(from_terminal(Position::new(7, 15), 2, size), Some(at));
        assert_eq!(from_terminal(Position::new(1, 15), 2, size), None);
        assert_eq!(from_terminal(Position::new(98, 15), 2, size), None);
        let mut from = Buffer::empty(Rect::new(0, 0, 4, 2));
        from.set_string(0, 1, "ab", ratatui::style::Style::default());
        let mut to = Buffer::empty(Rect::new(0, 0, 8, 4));
        spread(&from, &mut to, 2);
        assert_eq!(to.cell(Position::new(2, 2)).map(|c| c.symbol()), Some("a"));
        assert_eq!(to.cell(Position::new(2, 1)).map(|c| c.symbol()), Some(" "));
    }
}
