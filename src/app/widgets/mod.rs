//! Drawing helpers shared by screens and overlays: lines cut to a width, lists that keep
//! their selection in view, wrapped detail text. Scroll positions are computed by pure
//! functions ([`fit_list`], [`fit_rows`]) that both the settle step and drawing call, so
//! drawing never has to write state.

pub mod card;
pub mod detail;
pub mod text;

use super::theme::Theme;
use detail::DetailLine;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use text::{truncate_line, wrap, Piece};

/// A selection in a list: the item's id (so a re-ranked or reloaded list keeps it), its
/// row as last seen, and the first row shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub id: Option<String>,
    pub row: usize,
    pub offset: usize,
}

impl Selection {
    /// The selected row in a list of ids: where the id is, or the last row seen.
    pub fn resolve(&self, ids: &[&str]) -> usize {
        self.id
            .as_deref()
            .and_then(|id| ids.iter().position(|i| *i == id))
            .unwrap_or_else(|| self.row.min(ids.len().saturating_sub(1)))
    }

    /// Selects a row of a list of ids.
    pub fn select(&mut self, row: usize, ids: &[&str]) {
        let row = row.min(ids.len().saturating_sub(1));
        self.row = row;
        self.id = ids.get(row).map(|id| id.to_string());
    }

    /// Moves by `delta` rows, within the list.
    pub fn move_by(&mut self, delta: isize, ids: &[&str]) {
        if ids.is_empty() {
            *self = Selection::default();
            return;
        }
        let at = self.resolve(ids) as isize;
        let target = at.saturating_add(delta).clamp(0, ids.len() as isize - 1);
        self.select(target as usize, ids);
    }
}

/// A position in wrapped text: the logical line under the cursor and the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LineCursor {
    pub selected: usize,
    pub offset: usize,
}

impl LineCursor {
    /// Keeps the cursor on a line of `lines` and its rows in view in `area`.
    pub fn settle(&mut self, lines: &[DetailLine], area: Rect) {
        self.selected = self.selected.min(lines.len().saturating_sub(1));
        let (_, owners) = detail::rows(lines, area.width as usize);
        self.offset = fit_rows(
            &owners,
            Some(self.selected),
            self.offset,
            area.height as usize,
        );
    }

    /// The logical line under a click on row `row` of `area`.
    pub fn line_at(&self, lines: &[DetailLine], area: Rect, row: usize) -> Option<usize> {
        let (_, owners) = detail::rows(lines, area.width as usize);
        owners.get(self.offset + row).copied()
    }

    /// Draws `lines` in `area` with this cursor.
    pub fn draw(&self, buffer: &mut Buffer, area: Rect, lines: &[DetailLine], focused: bool) {
        let selected = self.selected.min(lines.len().saturating_sub(1));
        draw_rows(buffer, area, lines, Some(selected), self.offset, focused);
    }

    pub fn move_by(&mut self, delta: isize, len: usize) {
        if len == 0 {
            self.selected = 0;
            return;
        }
        let target = (self.selected as isize).saturating_add(delta);
        self.selected = target.clamp(0, len as isize - 1) as usize;
    }
}

/// The first row to show so that row `selected` of `len` is in view in `height` rows.
pub fn fit_list(selected: usize, offset: usize, len: usize, height: usize) -> usize {
    let selected = selected.min(len.saturating_sub(1));
    if height == 0 {
        return offset;
    }
    let mut offset = offset;
    if selected < offset {
        offset = selected;
    } else if selected >= offset + height {
        offset = selected + 1 - height;
    }
    offset.min(len.saturating_sub(height))
}

/// The first row to show so that the rows of logical line `selected` are in view.
pub fn fit_rows(owners: &[usize], selected: Option<usize>, offset: usize, height: usize) -> usize {
    let mut offset = offset;
    if let Some(selected) = selected {
        let first = owners.iter().position(|&o| o == selected);
        let last = owners.iter().rposition(|&o| o == selected);
        if let (Some(first), Some(last)) = (first, last) {
            if first < offset {
                offset = first;
            } else if last >= offset + height {
                offset = (last + 1).saturating_sub(height).min(first);
            }
        }
    }
    offset.min(owners.len().saturating_sub(height))
}

/// Writes one line into a one-row area, cut to its width.
pub fn put(buffer: &mut Buffer, area: Rect, line: Line<'static>) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let line = truncate_line(line, area.width as usize);
    buffer.set_line(area.x, area.y, &line, area.width);
}

/// Row `index` of an area, if it has one.
pub fn row(area: Rect, index: usize) -> Option<Rect> {
    let y = area.y.checked_add(u16::try_from(index).ok()?)?;
    (y < area.bottom()).then(|| Rect::new(area.x, y, area.width, 1))
}

pub fn fill(buffer: &mut Buffer, area: Rect, style: Style) {
    buffer.set_style(area, style);
}

pub fn pieces_line(pieces: Vec<Piece>) -> Line<'static> {
    Line::from(
        pieces
            .into_iter()
            .map(|p| Span::styled(p.text, p.style))
            .collect::<Vec<_>>(),
    )
}

/// A panel's title row, highlighted when the panel has the focus.
pub fn panel_title(buffer: &mut Buffer, area: Rect, title: String, focused: bool, theme: &Theme) {
    fill(buffer, area, theme.panel_title(focused));
    put(
        buffer,
        area,
        Line::styled(format!(" {title}"), theme.panel_title(focused)),
    );
}

/// A list of one-line rows, scrolled to keep the selection in view.
pub fn draw_list(
    buffer: &mut Buffer,
    area: Rect,
    lines: Vec<Line<'static>>,
    selected: usize,
    offset: usize,
    focused: bool,
    theme: &Theme,
) {
    let offset = fit_list(selected, offset, lines.len(), area.height as usize);
    let selected = selected.min(lines.len().saturating_sub(1));
    for (index, line) in lines.into_iter().enumerate().skip(offset) {
        let Some(target) = row(area, index - offset) else {
            break;
        };
        if index == selected {
            fill(buffer, target, theme.selected(focused));
        }
        put(buffer, target, line);
    }
}

/// Logical lines wrapped to the area, scrolled so the selected line is in view.
pub fn draw_rows(
    buffer: &mut Buffer,
    area: Rect,
    lines: &[DetailLine],
    selected: Option<usize>,
    offset: usize,
    focused: bool,
) {
    let (wrapped, owners) = detail::rows(lines, area.width as usize);
    let offset = fit_rows(&owners, selected, offset, area.height as usize);
    for (index, (line, owner)) in wrapped.into_iter().zip(owners).enumerate().skip(offset) {
        let Some(target) = row(area, index - offset) else {
            break;
        };
        if focused && Some(owner) == selected {
            buffer.set_style(target, Style::default().add_modifier(Modifier::REVERSED));
        }
        put(buffer, target, line);
    }
}

/// Centered lines of text, for messages that replace the whole screen.
pub fn centered(buffer: &mut Buffer, size: Rect, message: String) {
    let lines = wrap(
        &[Piece::new(message, Style::default())],
        size.width as usize,
        0,
    );
    let top = size.height.saturating_sub(lines.len() as u16) / 2;
    for (index, line) in lines.into_iter().enumerate() {
        if let Some(area) = row(size, top as usize + index) {
            let pad = size.width.saturating_sub(line.width() as u16) / 2;
            put(
                buffer,
                Rect::new(area.x + pad, area.y, area.width - pad, 1),
                line,
            );
        }
    }
}
