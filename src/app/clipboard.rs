//! Copying through the terminal: the OSC 52 escape sequence, which terminals (and tmux,
//! and SSH sessions) turn into a clipboard write.

use base64::Engine;

/// The escape sequence that puts `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\u{1b}]52;c;{encoded}\u{7}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_utf8_text_in_base64() {
        assert_eq!(osc52("05"), "\u{1b}]52;c;MDU=\u{7}");
        assert!(osc52("持卡人认证失败").starts_with("\u{1b}]52;c;5oyB"));
    }
}
