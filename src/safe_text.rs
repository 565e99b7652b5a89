//! Text made safe to print to a terminal. A pack may come from anyone, and an escape
//! sequence in a title could otherwise set the clipboard (OSC 52), retitle the window or
//! clear the screen; a bidi override could show text in another order than it is stored.
//! Every human-readable output of the command line goes through [`for_terminal`]; JSON is
//! written exactly, since its consumers are programs and JSON escapes control characters.

use std::borrow::Cow;

/// Whether a character must not reach a terminal as it is: C0 controls but newline and
/// tab, DEL, C1 controls, bidi embeddings, overrides and isolates, and zero-width
/// characters and marks.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}'
        | '\u{b}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}')
}

/// What kind of unsafe character it is, for a diagnostic.
pub fn describe(c: char) -> &'static str {
    match c {
        '\u{1b}' => crate::t!("diag.char.escape"),
        '\u{0}'..='\u{1f}' | '\u{7f}' => crate::t!("diag.char.control"),
        '\u{80}'..='\u{9f}' => crate::t!("diag.char.c1"),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {
            crate::t!("diag.char.bidi")
        }
        _ => crate::t!("diag.char.zero_width"),
    }
}

/// The text with every unsafe character shown visibly as `\u{…}`.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_shown_not_sent() {
        assert_eq!(
            for_terminal("a\u{1b}]52;c;eA==\u{7}b"),
            "a\\u{1b}]52;c;eA==\\u{7}b"
        );
        assert_eq!(for_terminal("\u{9b}2J"), "\\u{9b}2J");
        assert_eq!(for_terminal("x\u{202e}cba"), "x\\u{202e}cba");
        assert_eq!(for_terminal("零\u{200b}宽"), "零\\u{200b}宽");
    }

    #[test]
    fn ordinary_text_passes_unchanged() {
        let text = "持卡人认证失败（05）\n\t- POS机 “请重试”";
        assert!(matches!(for_terminal(text), Cow::Borrowed(_)));
    }
}
