//! Problems found in a content pack, each pointing at a file, line and column.

use serde::Serialize;
use std::fmt;

/// One problem in a pack, with a hint on how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, counted in characters.
    pub column: usize,
    pub message: String,
    pub hint: String,
}

/// A TOML syntax error as a diagnostic at its place: the one wording for packs, keymaps,
/// themes and the config file.
pub fn toml_syntax_error(lines: &LineIndex<'_>, error: &toml::de::Error) -> Diagnostic {
    let pos = lines.pos(error.span().map_or(0, |span| span.start));
    pos.error(
        crate::t!(
            "diag.toml_syntax",
            detail = error.message().trim().replace('\n', " ")
        ),
        crate::t!("diag.toml_syntax_hint"),
    )
}

impl Diagnostic {
    /// `file:line:col: message`, without the hint.
    pub fn headline(&self) -> String {
        format!(
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline())?;
        if !self.hint.is_empty() {
            f.write_str(&crate::t!("diag.fix", hint = self.hint))?;
        }
        Ok(())
    }
}

/// Every problem of a pack, in file and line order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (a.file.as_str(), a.line, a.column).cmp(&(b.file.as_str(), b.line, b.column))
        });
        self.0.dedup();
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.0 {
            writeln!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// A place in a file, ready to attach to a diagnostic. The file's name is shared by
/// every place in it: a large pack records millions of places.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pos {
    pub file: std::sync::Arc<str>,
    /// Four bytes each: a pack records a place per entry, hundreds of thousands of them.
    pub line: u32,
    pub column: u32,
}

impl Pos {
    pub fn start_of(file: &str) -> Pos {
        Pos {
            file: file.into(),
            line: 1,
            column: 1,
        }
    }

    pub fn error(&self, message: impl Into<String>, hint: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: self.file.to_string(),
            line: self.line as usize,
            column: self.column as usize,
            message: message.into(),
            hint: hint.into(),
        }
    }
}

/// Turns byte offsets of one file into lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    file: &'a str,
    /// The file's name, shared by every place made here.
    shared: std::sync::Arc<str>,
    text: &'a str,
    line_starts: Vec<usize>,
    /// The last place asked for (byte offset, column): places are mostly asked for in
    /// order, so a column is counted from there, not from the line's start. A line of a
    /// million list entries then costs one pass, not a pass per entry.
    last: std::cell::Cell<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(file: &'a str, text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            file,
            shared: file.into(),
            text,
            line_starts,
            last: std::cell::Cell::new((0, 1)),
        }
    }

    pub fn file(&self) -> &'a str {
        self.file
    }

    pub fn pos(&self, offset: usize) -> Pos {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let (last_offset, last_column) = self.last.get();
        let (from, column_there) = if last_offset >= line_start && last_offset <= offset {
            (last_offset, last_column)
        } else {
            (line_start, 1)
        };
        let column = column_there
            + self
                .text
                .get(from..offset)
                .map_or(offset - from, |between| between.chars().count());
        self.last.set((offset, column));
        Pos {
            file: self.shared.clone(),
            line: u32::try_from(line.max(1)).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        }
    }
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    candidates
        .iter()
        .map(|candidate| (edit_distance(word, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= 2.max(candidate.len() / 4))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b_chars: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b_chars.len()).collect();
    for (i, a_char) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(previous.len());
        current.push(i + 1);
        for ((b_char, diagonal), above) in
            b_chars.iter().zip(&previous).zip(previous.iter().skip(1))
        {
            let left = current.last().copied().unwrap_or(0);
            let best = (diagonal + usize::from(a_char != *b_char))
                .min(above + 1)
                .min(left + 1);
            current.push(best);
        }
        previous = current;
    }
    previous.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "a = 1\n名 = \"x\"\n";
        let index = LineIndex::new("f.toml", text);
        let offset = text
            .find('=')
            .map(|_| text.rfind('=').unwrap_or(0))
            .unwrap_or(0);
        let pos = index.pos(offset);
        assert_eq!((pos.line, pos.column), (2, 3));
        assert_eq!(index.pos(0).line, 1);
    }

    #[test]
    fn suggests_close_keys_only() {
        assert_eq!(did_you_mean("titel", &["title", "id"]), Some("title"));
        assert_eq!(did_you_mean("zzzzzz", &["title", "id"]), None);
    }
}
