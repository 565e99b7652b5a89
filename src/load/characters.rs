//! Characters that must not be in content: text from a pack is printed to terminals and
//! read by people, so control characters (an escape sequence could take over a
//! terminal), bidi controls (text shown in another order than stored) and zero-width
//! characters (invisible differences) are errors, raw or written as TOML escapes.

use crate::diagnostic::{Diagnostic, LineIndex};
use crate::safe_text::{describe, is_unsafe};

/// More than this many in one file is one problem repeated: the rest are summed up.
const MOST_PER_FILE: usize = 20;

/// Reports every unsafe character of a file, raw or escaped, with its place.
pub fn check(path: &str, text: &str, errors: &mut Vec<Diagnostic>) {
    let lines = LineIndex::new(path, text);
    let mut found = 0usize;
    // `escape` is how the character was written, when it was written as a TOML escape.
    let mut report = |offset: usize, c: char, escape: &str| {
        found += 1;
        if found <= MOST_PER_FILE {
            let code = format!("{:04X}", u32::from(c));
            let message = if escape.is_empty() {
                crate::t!("load.characters.found", what = describe(c), code = code)
            } else {
                crate::t!(
                    "load.characters.found_written",
                    what = describe(c),
                    code = code,
                    escape = escape
                )
            };
            errors.push(
                lines
                    .pos(offset)
                    .error(message, crate::t!("load.characters.found_hint")),
            );
        }
    };
    let mut chars = text.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        // A carriage return before a newline is a Windows line end, not content.
        if c == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n') {
            continue;
        }
        if is_unsafe(c) {
            report(offset, c, "");
            continue;
        }
        if c != '\\' {
            continue;
        }
        let Some(&(_, kind)) = chars.peek() else {
            break;
        };
        let digits = match kind {
            '\\' => {
                chars.next();
                continue;
            }
            'e' => {
                report(offset, '\u{1b}', "\\e");
                chars.next();
                continue;
            }
            'u' => 4,
            'U' => 8,
            'x' => 2,
            _ => continue,
        };
        let hex: String = text
            .get(offset + 2..)
            .unwrap_or_default()
            .chars()
            .take(digits)
            .collect();
        let escaped = (hex.len() == digits)
            .then(|| u32::from_str_radix(&hex, 16).ok())
            .flatten()
            .and_then(char::from_u32);
        if let Some(escaped) = escaped.filter(|&e| is_unsafe(e)) {
            report(offset, escaped, &format!("\\{kind}{hex}"));
        }
        chars.next();
    }
    if found > MOST_PER_FILE {
        errors.push(lines.pos(0).error(
            crate::t!("load.characters.more", count = found - MOST_PER_FILE),
            crate::t!("load.characters.more_hint"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        let _en = crate::i18n::scoped(crate::i18n::Lang::En);
        let mut errors = Vec::new();
        check("x.toml", text, &mut errors);
        errors
            .iter()
            .map(|e| format!("{}:{} {}", e.line, e.column, e.message))
            .collect()
    }

    #[test]
    fn raw_and_escaped_controls_are_found_where_they_are() {
        let _en = crate::i18n::scoped(crate::i18n::Lang::En);
        assert_eq!(
            problems("title = \"ok\"\r\nnote = \"fine\\\\u001b\"\n"),
            Vec::<String>::new()
        );
        let found = problems("title = \"a\\u001b]52;c;x\"\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("1:11 an escape character"),
            "{found:?}"
        );
        assert!(problems("t = \"\\e[2J\"").len() == 1);
        assert!(problems("t = \"\\U0000202E\"").len() == 1);
        assert!(problems("t = \"ab\u{202e}c\"")[0].contains("bidi"));
        assert!(problems("t = \"零\u{200b}宽\"")[0].contains("zero-width"));
        assert!(problems("t = \"\\x9b\"").len() == 1);
    }

    #[test]
    fn a_flood_is_summed_up() {
        let text = "t = \"".to_string() + &"\\u0007".repeat(100) + "\"";
        let found = problems(&text);
        assert_eq!(found.len(), MOST_PER_FILE + 1);
        assert!(found.last().is_some_and(|l| l.contains("80 more")));
    }
}
