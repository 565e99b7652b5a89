//! The counter card as styled lines: a title, then label and text per line, warnings in
//! the warning colour; continuation rows hang under the text, not the label.

use super::detail::{rows, DetailLine};
use super::text::{width, Piece};
use crate::app::theme::Theme;
use crate::report::card::{priority, CardLine};

/// Columns a card's labels take, so their texts line up: the widest label and two spaces.
fn label_column(card: &[CardLine]) -> usize {
    card.iter().map(|l| width(l.label)).max().unwrap_or(0) + 2
}

/// The card in at most `max_rows` rows of `width` columns: when it does not fit, the
/// least important lines go first (the warning and the verdict stay longest), then the
/// title.
pub fn fitted_card_lines(
    title: &str,
    card: &[CardLine],
    theme: &Theme,
    width: usize,
    max_rows: usize,
) -> Vec<DetailLine> {
    let mut card = card.to_vec();
    let mut with_title = true;
    loop {
        let lines = card_lines(with_title.then_some(title), &card, theme);
        if rows(&lines, width).0.len() <= max_rows || card.is_empty() {
            return lines;
        }
        let least = card
            .iter()
            .enumerate()
            .max_by_key(|(i, line)| (priority(line.label), *i))
            .map(|(i, _)| i);
        match least {
            Some(i) if card.len() > 1 => {
                card.remove(i);
            }
            _ if with_title => with_title = false,
            _ => return lines,
        }
    }
}

pub fn card_lines(title: Option<&str>, card: &[CardLine], theme: &Theme) -> Vec<DetailLine> {
    if card.is_empty() {
        return Vec::new();
    }
    let column = label_column(card);
    let mut lines: Vec<DetailLine> = title
        .map(|title| DetailLine {
            pieces: vec![Piece::new(format!(" {title}"), theme.heading())],
            indent: 1,
            link: None,
        })
        .into_iter()
        .collect();
    for line in card {
        let pad = column.saturating_sub(width(line.label));
        let (label_style, text_style) = if line.warning {
            (theme.warning(), theme.warning())
        } else {
            (theme.label(), theme.text())
        };
        lines.push(DetailLine {
            pieces: vec![
                Piece::new(format!(" {}{}", line.label, " ".repeat(pad)), label_style),
                Piece::new(line.text.clone(), text_style),
            ],
            indent: column + 1,
            link: None,
        });
    }
    lines
}
