//! The counter card as styled lines: a title, then label and text per line, warnings in
//! the warning colour; continuation rows hang under the text, not the label.

use super::detail::DetailLine;
use super::text::{width, Piece};
use crate::app::theme::Theme;
use crate::report::card::CardLine;

/// Columns a card's labels take, so their texts line up: the widest label and two spaces.
fn label_column(card: &[CardLine]) -> usize {
    card.iter().map(|l| width(l.label)).max().unwrap_or(0) + 2
}

pub fn card_lines(title: &str, card: &[CardLine], theme: &Theme) -> Vec<DetailLine> {
    if card.is_empty() {
        return Vec::new();
    }
    let column = label_column(card);
    let mut lines = vec![DetailLine {
        pieces: vec![Piece::new(format!(" {title}"), theme.heading())],
        indent: 1,
        link: None,
    }];
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
