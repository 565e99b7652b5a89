//! What every screen shares: the tab bar, the query line and the status bar.

use super::layout::Areas;
use super::theme::Theme;
use super::widgets::text::{char_width, truncate, width};
use super::widgets::{fill, put};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

/// The tab bar: the name, a tab per screen (the active one stands out), and the hints.
pub fn draw_tabs(
    buffer: &mut Buffer,
    areas: &Areas,
    labels: &[String],
    active: usize,
    hint: &str,
    theme: &Theme,
) {
    put(
        buffer,
        areas.tab_bar,
        Line::styled(" posdesk", theme.heading()),
    );
    let name_width = width(" posdesk ") as u16;
    for (screen, area) in &areas.tabs {
        let Some(label) = labels.get(*screen) else {
            continue;
        };
        let shifted = Rect::new(area.x + name_width, area.y, area.width, 1);
        if shifted.right() <= areas.tab_bar.right() {
            put(
                buffer,
                shifted,
                Line::styled(label.clone(), theme.tab(*screen == active)),
            );
        }
    }
    let hint = format!("{hint} ");
    let hint_width = width(&hint) as u16;
    let last_tab = areas.tabs.last().map_or(0, |(_, a)| a.right() + name_width);
    if areas.tab_bar.width > hint_width && areas.tab_bar.right() - hint_width > last_tab + 1 {
        let area = Rect::new(
            areas.tab_bar.right() - hint_width,
            areas.tab_bar.y,
            hint_width,
            1,
        );
        put(buffer, area, Line::styled(hint, theme.dim()));
    }
}

/// The query line; returns where the text cursor goes, so input methods work.
pub fn draw_query(buffer: &mut Buffer, area: Rect, query: &str, theme: &Theme) -> Position {
    let prompt = format!(" {} ", crate::t!("app.search_prompt"));
    let prompt_width = width(&prompt);
    let room = (area.width as usize).saturating_sub(prompt_width + 1);
    // Show the end of a long query, where typing happens.
    let mut shown: Vec<char> = Vec::new();
    let mut used = 0;
    for c in query.chars().rev() {
        let w = char_width(c);
        if used + w > room {
            break;
        }
        used += w;
        shown.push(c);
    }
    let shown: String = shown.into_iter().rev().collect();
    let mut spans = vec![Span::styled(prompt, theme.heading())];
    if query.is_empty() {
        spans.push(Span::styled(
            crate::t!("app.search_placeholder"),
            theme.dim(),
        ));
    } else {
        spans.push(Span::raw(shown));
    }
    put(buffer, area, Line::from(spans));
    let x = area.x + (prompt_width + used).min(area.width.saturating_sub(1) as usize) as u16;
    Position::new(x, area.y)
}

/// The status bar: where you are (or a message), and the main keys.
pub fn draw_status(buffer: &mut Buffer, area: Rect, left: &str, hints: &str, theme: &Theme) {
    fill(buffer, area, theme.status());
    let hint_width = width(hints);
    let room = area.width as usize;
    let crumb_room = room.saturating_sub(hint_width + 3);
    let left = if crumb_room >= 8 {
        truncate(left, crumb_room)
    } else {
        truncate(left, room.saturating_sub(1))
    };
    put(
        buffer,
        area,
        Line::styled(format!(" {left}"), theme.status()),
    );
    if crumb_room >= 8 {
        let x = area.right().saturating_sub(hint_width as u16 + 1);
        put(
            buffer,
            Rect::new(x, area.y, hint_width as u16 + 1, 1),
            Line::styled(hints.to_string(), theme.status()),
        );
    }
}
