//! Text measured by display width: Chinese characters take two columns, and Chinese
//! text wraps between any two characters (ratatui's Paragraph only breaks at spaces).

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

pub fn width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// Punctuation that may not begin a line of Chinese text.
const CLOSING: &str = "，。、：；！？）」』》】”’,.:;!?)"; // not UI: line-break rules
/// Opening brackets and quotes never end a line.
const OPENING: &str = "（「『《【“‘("; // not UI: line-break rules

/// A piece of styled text before wrapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub text: String,
    pub style: Style,
}

impl Piece {
    pub fn new(text: impl Into<String>, style: Style) -> Piece {
        Piece {
            text: text.into(),
            style,
        }
    }
}

/// Pieces of one logical line, styled per character: `highlight` are the character
/// positions (in `text`) to show with `matched`.
pub fn highlighted(text: &str, highlight: &[usize], base: Style, matched: Style) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    for (position, c) in text.chars().enumerate() {
        let style = if highlight.contains(&position) {
            matched
        } else {
            base
        };
        match pieces.last_mut() {
            Some(last) if last.style == style => last.text.push(c),
            _ => pieces.push(Piece::new(c.to_string(), style)),
        }
    }
    pieces
}

/// Wraps pieces into lines of at most `max` columns. Breaks prefer the last space when a
/// line holds Latin words; otherwise any character boundary is a break (CJK text). Lines
/// after the first start with `indent` spaces, so lists and steps hang.
pub fn wrap(pieces: &[Piece], max: usize, indent: usize) -> Vec<Line<'static>> {
    if max == 0 {
        return Vec::new();
    }
    let indent = if indent * 2 >= max { 0 } else { indent };
    let chars: Vec<(char, Style)> = pieces
        .iter()
        .flat_map(|p| p.text.chars().map(move |c| (c, p.style)))
        .filter(|(c, _)| *c != '\n' && *c != '\r')
        .collect();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut first = true;
    while start < chars.len() || first {
        let room = if first { max } else { max - indent };
        let mut used = 0;
        let mut end = start;
        let mut last_space = None;
        while let Some(&(c, _)) = chars.get(end) {
            let w = char_width(c);
            if used + w > room {
                break;
            }
            if c == ' ' {
                last_space = Some(end);
            }
            used += w;
            end += 1;
        }
        if end == start && end < chars.len() {
            // A character wider than the whole room cannot be shown: drop it.
            start += 1;
            continue;
        }
        if end < chars.len() {
            end = break_before(&chars, start, end, last_space);
        }
        let mut spans: Vec<Span<'static>> = Vec::new();
        if !first && indent > 0 {
            spans.push(Span::raw(" ".repeat(indent)));
        }
        let mut run = String::new();
        let mut run_style = None;
        for &(c, style) in chars.get(start..end).unwrap_or_default() {
            if run_style.is_some_and(|s| s != style) {
                spans.push(Span::styled(
                    std::mem::take(&mut run),
                    run_style.unwrap_or_default(),
                ));
            }
            run_style = Some(style);
            run.push(c);
        }
        if !run.is_empty() {
            spans.push(Span::styled(run, run_style.unwrap_or_default()));
        }
        lines.push(Line::from(spans));
        first = false;
        start = end;
        // Do not begin a continuation line with the space the break was made at.
        while chars.get(start).is_some_and(|(c, _)| *c == ' ') {
            start += 1;
        }
        if chars.is_empty() {
            break;
        }
    }
    lines
}

/// Where to end a line that would end at `end`, by the rules of Chinese typesetting:
/// closing punctuation never starts a line, opening brackets never end one, and a Latin
/// word or number (POS, rzsb, 05) is not split. A rule gives way when keeping it would
/// leave the line with nothing on it.
fn break_before(
    chars: &[(char, Style)],
    start: usize,
    end: usize,
    last_space: Option<usize>,
) -> usize {
    let is = |at: usize, set: &str| chars.get(at).is_some_and(|(c, _)| set.contains(*c));
    let word = |at: usize| {
        chars
            .get(at)
            .is_some_and(|(c, _)| c.is_ascii_alphanumeric())
    };
    let mut cut = end;
    // Each rule can move the break back into the other's way (a closing mark right after
    // a word): apply both until the break stands still.
    loop {
        let before = cut;
        // Keep a Latin word whole: break at the space before it, or where it begins.
        if word(cut) && cut > 0 && word(cut - 1) {
            let run_start = (start..cut)
                .rev()
                .take_while(|&i| word(i))
                .last()
                .unwrap_or(cut);
            cut = match last_space.filter(|&s| s > start && s < cut) {
                Some(space) if space + 1 >= run_start => space + 1,
                _ if run_start > start => run_start,
                _ => cut,
            };
        }
        // Move characters down until the next line does not begin with closing
        // punctuation and this one does not end with an opening bracket.
        // The next line starts after the spaces at the break (they are dropped).
        let next_start = |at: usize| {
            (at..chars.len())
                .find(|&i| chars.get(i).is_some_and(|(c, _)| *c != ' '))
                .unwrap_or(at)
        };
        while cut > start + 1 && (is(next_start(cut), CLOSING) || is(cut - 1, OPENING)) {
            cut -= 1;
        }
        if cut == before {
            break;
        }
    }
    if cut <= start {
        end
    } else {
        cut
    }
}

/// Cuts text to at most `max` columns, marking the cut with `..`; never splits a wide
/// character.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let keep = max.saturating_sub(2);
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w > keep {
            break;
        }
        used += w;
        out.push(c);
    }
    if max >= 2 {
        out.push_str("..");
    }
    out
}

/// Cuts a line of spans to `max` columns.
pub fn truncate_line(line: Line<'static>, max: usize) -> Line<'static> {
    let mut used = 0;
    let mut spans = Vec::new();
    for span in line.spans {
        let w = width(&span.content);
        if used + w <= max {
            used += w;
            spans.push(span);
            continue;
        }
        let cut = truncate(&span.content, max - used);
        spans.push(Span::styled(cut, span.style));
        break;
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line<'_>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn chinese_wraps_between_characters_by_display_width() {
        let pieces = [Piece::new("持卡人认证失败的原因分析", Style::default())];
        let lines = wrap(&pieces, 10, 0);
        assert_eq!(plain(&lines), vec!["持卡人认证", "失败的原因", "分析"]);
        for line in &lines {
            assert!(line.width() <= 10);
        }
    }

    #[test]
    fn closing_punctuation_does_not_start_a_line() {
        let pieces = [Piece::new("卡片状态异常：卡片已损坏", Style::default())];
        let lines = plain(&wrap(&pieces, 12, 0));
        assert_eq!(lines, vec!["卡片状态异", "常：卡片已损", "坏"]);
    }

    #[test]
    fn latin_words_stay_whole_and_lines_hang() {
        let pieces = [Piece::new(
            "check the POS terminal settings",
            Style::default(),
        )];
        let lines = wrap(&pieces, 12, 2);
        assert_eq!(
            plain(&lines),
            vec!["check the ", "  POS ", "  terminal ", "  settings"]
        );
    }

    #[test]
    fn latin_runs_in_chinese_stay_whole_and_brackets_stay_with_their_words() {
        let pieces = [Piece::new("请在POS机上签到", Style::default())];
        assert_eq!(plain(&wrap(&pieces, 6, 0)), vec!["请在", "POS机", "上签到"]);
        let pieces = [Piece::new("应答码（05）」，再说", Style::default())];
        let lines = plain(&wrap(&pieces, 12, 0));
        assert!(
            lines.iter().all(|l| !l.starts_with('）')
                && !l.starts_with('」')
                && !l.starts_with('，')
                && !l.ends_with('（')),
            "{lines:?}"
        );
        // A word longer than the line still breaks rather than vanishing.
        let pieces = [Piece::new("abcdefghijkl", Style::default())];
        assert_eq!(plain(&wrap(&pieces, 5, 0)).concat(), "abcdefghijkl");
    }

    #[test]
    fn odd_widths_never_overflow() {
        let pieces = [Piece::new("余额不足a余额", Style::default())];
        for max in 1..12 {
            for line in wrap(&pieces, max, 1) {
                assert!(line.width() <= max, "{max}: {line:?}");
            }
        }
        assert!(wrap(&pieces, 0, 0).is_empty());
    }

    #[test]
    fn truncation_marks_the_cut_and_keeps_wide_characters_whole() {
        assert_eq!(truncate("持卡人认证失败", 7), "持卡..");
        assert_eq!(truncate("短", 7), "短");
        assert!(width(&truncate("持卡人认证失败", 1)) <= 1);
    }

    #[test]
    fn highlight_marks_the_given_characters() {
        let pieces = highlighted(
            "余额不足",
            &[0, 1],
            Style::default(),
            Style::default().bold(),
        );
        assert_eq!(pieces.len(), 2);
        assert_eq!(pieces.first().map(|p| p.text.as_str()), Some("余额"));
    }
}
