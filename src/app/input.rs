//! The app's own input: keys, mouse, paste, resize. No terminal library is known here:
//! `live.rs` turns terminal events into these, and `render --keys` and the keymap file
//! write keys in one notation, `<C-n>`, read by [`KeyPress::parse`].

/// A key, without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    F(u8),
}

/// Modifier keys held with a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Mods {
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

impl Mods {
    pub const NONE: Mods = Mods {
        ctrl: false,
        alt: false,
        shift: false,
    };
    pub const CTRL: Mods = Mods {
        ctrl: true,
        alt: false,
        shift: false,
    };
}

/// One key press.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyPress {
    pub key: Key,
    pub mods: Mods,
}

/// What the mouse did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    Click,
    ScrollUp,
    ScrollDown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MouseInput {
    pub kind: MouseKind,
    pub column: u16,
    pub row: u16,
}

/// Everything the app reacts to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(KeyPress),
    Mouse(MouseInput),
    /// A bracketed paste: one piece of text, however long.
    Paste(String),
    Resize(u16, u16),
    /// A file of the content directory changed: read the pack again.
    ContentChanged,
}

const NAMED: &[(&str, Key)] = &[
    ("enter", Key::Enter),
    ("cr", Key::Enter),
    ("esc", Key::Esc),
    ("tab", Key::Tab),
    ("backtab", Key::BackTab),
    ("up", Key::Up),
    ("down", Key::Down),
    ("left", Key::Left),
    ("right", Key::Right),
    ("pageup", Key::PageUp),
    ("pagedown", Key::PageDown),
    ("home", Key::Home),
    ("end", Key::End),
    ("backspace", Key::Backspace),
    ("bs", Key::Backspace),
    ("delete", Key::Delete),
    ("del", Key::Delete),
    ("insert", Key::Insert),
    ("space", Key::Char(' ')),
    ("lt", Key::Char('<')),
    ("gt", Key::Char('>')),
];

impl KeyPress {
    pub fn new(key: Key, mods: Mods) -> KeyPress {
        KeyPress { key, mods }
    }

    pub fn plain(key: Key) -> KeyPress {
        KeyPress::new(key, Mods::NONE)
    }

    /// The form bindings are matched in: Shift only changes which character a letter is,
    /// BackTab comes with or without it, and Ctrl-letters are lower case.
    pub fn normalized(self) -> KeyPress {
        let mut mods = self.mods;
        let key = match self.key {
            Key::Char(c) => {
                mods.shift = false;
                Key::Char(if mods.ctrl { c.to_ascii_lowercase() } else { c })
            }
            Key::BackTab => {
                mods.shift = false;
                Key::BackTab
            }
            other => other,
        };
        KeyPress { key, mods }
    }

    /// The character this press types, if it types one.
    pub fn typed(self) -> Option<char> {
        match self.key {
            Key::Char(c) if !self.mods.ctrl && !self.mods.alt && !c.is_control() => Some(c),
            _ => None,
        }
    }

    /// Reads a key name as written between brackets: `Enter`, `C-x`, `A-Left`, `S-Tab`, `F1`.
    pub fn parse(name: &str) -> Result<KeyPress, String> {
        let unknown = || crate::t!("input.unknown_key", name = name);
        let mut mods = Mods::NONE;
        let mut base = name;
        while let Some((prefix, rest)) = base
            .split_once('-')
            .filter(|(p, r)| p.len() == 1 && !r.is_empty())
        {
            match prefix.to_ascii_lowercase().as_str() {
                "c" => mods.ctrl = true,
                "a" | "m" => mods.alt = true,
                "s" => mods.shift = true,
                _ => return Err(unknown()),
            }
            base = rest;
        }
        let lower = base.to_ascii_lowercase();
        let key = if let Some((_, key)) = NAMED.iter().find(|(n, _)| *n == lower) {
            *key
        } else if let Some(number) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            if !(1..=12).contains(&number) {
                return Err(unknown());
            }
            Key::F(number)
        } else {
            let mut chars = base.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Key::Char(if mods.ctrl { c.to_ascii_lowercase() } else { c }),
                _ => return Err(unknown()),
            }
        };
        let key = if key == Key::Tab && mods.shift {
            Key::BackTab
        } else {
            key
        };
        Ok(KeyPress { key, mods })
    }

    /// How help and hints name the key: `Ctrl-O`, `Shift-Tab`, `Alt-Left`, `PageUp`.
    pub fn label(self) -> String {
        let key = match self.key {
            Key::Char(' ') => "Space".to_string(),
            Key::Char(c) if self.mods.ctrl || self.mods.alt => c.to_uppercase().to_string(),
            Key::Char(c) => c.to_string(),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => return "Shift-Tab".into(),
            Key::Backspace => "Backspace".into(),
            Key::Delete => "Delete".into(),
            Key::Insert => "Insert".into(),
            Key::Up => "Up".into(),
            Key::Down => "Down".into(),
            Key::Left => "Left".into(),
            Key::Right => "Right".into(),
            Key::PageUp => "PageUp".into(),
            Key::PageDown => "PageDown".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::F(n) => format!("F{n}"),
        };
        let mut label = String::new();
        if self.mods.ctrl {
            label.push_str("Ctrl-");
        }
        if self.mods.alt {
            label.push_str("Alt-");
        }
        if self.mods.shift && !matches!(self.key, Key::Char(_)) {
            label.push_str("Shift-");
        }
        label + &key
    }
}

/// The opening and closing marks of a paste in `render --keys`.
const PASTE_OPEN: &str = "<paste>";
const PASTE_CLOSE: &str = "</paste>";

/// Reads a `render --keys` string: literal characters, bracketed key names (`<Enter>`,
/// `<C-x>`, `<lt>` for a literal `<`), and `<paste>TEXT</paste>` for one bracketed paste.
pub fn parse_inputs(text: &str) -> Result<Vec<Input>, String> {
    let mut inputs = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix(PASTE_OPEN) {
            let end = after.find(PASTE_CLOSE).ok_or_else(|| {
                crate::t!(
                    "input.paste_not_closed",
                    open = PASTE_OPEN,
                    close = PASTE_CLOSE
                )
            })?;
            inputs.push(Input::Paste(
                after.get(..end).unwrap_or_default().to_string(),
            ));
            rest = after.get(end + PASTE_CLOSE.len()..).unwrap_or_default();
            continue;
        }
        if c == '<' {
            if let Some(end) = rest.find('>') {
                let name = rest.get(1..end).unwrap_or_default();
                if !name.is_empty() {
                    inputs.push(Input::Key(KeyPress::parse(name)?));
                    rest = rest.get(end + 1..).unwrap_or_default();
                    continue;
                }
            }
        }
        inputs.push(Input::Key(KeyPress::plain(Key::Char(c))));
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
    }
    Ok(inputs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(input: Option<&Input>) -> Option<KeyPress> {
        match input {
            Some(Input::Key(k)) => Some(*k),
            _ => None,
        }
    }

    #[test]
    fn parses_characters_named_keys_and_pastes() {
        let inputs =
            parse_inputs("yebz<Enter><C-c><F1><A-Left>余<paste>a<b</paste>").unwrap_or_default();
        assert_eq!(inputs.len(), 10);
        assert_eq!(key(inputs.get(4)).map(|k| k.key), Some(Key::Enter));
        assert_eq!(
            key(inputs.get(5)),
            Some(KeyPress::new(Key::Char('c'), Mods::CTRL))
        );
        assert_eq!(key(inputs.get(8)).map(|k| k.key), Some(Key::Char('余')));
        assert_eq!(inputs.get(9), Some(&Input::Paste("a<b".into())));
        assert_eq!(parse_inputs("a<b").map(|k| k.len()), Ok(3));
    }

    #[test]
    fn unknown_names_are_errors() {
        assert!(parse_inputs("<Entr>").is_err());
        assert!(parse_inputs("<F13>").is_err());
        assert!(parse_inputs("<X-a>").is_err());
        assert!(parse_inputs("<paste>no end").is_err());
    }

    #[test]
    fn labels_read_as_people_write_keys() {
        let label = |name: &str| KeyPress::parse(name).map(KeyPress::label);
        assert_eq!(label("C-o"), Ok("Ctrl-O".into()));
        assert_eq!(label("S-Tab"), Ok("Shift-Tab".into()));
        assert_eq!(label("BackTab"), Ok("Shift-Tab".into()));
        assert_eq!(label("A-Left"), Ok("Alt-Left".into()));
        assert_eq!(label("PageUp"), Ok("PageUp".into()));
        assert_eq!(label("?"), Ok("?".into()));
    }

    #[test]
    fn shift_and_case_do_not_change_a_binding() {
        let upper = KeyPress::new(
            Key::Char('Y'),
            Mods {
                shift: true,
                ..Mods::NONE
            },
        );
        assert_eq!(upper.typed(), Some('Y'));
        let ctrl_upper = KeyPress::new(Key::Char('N'), Mods::CTRL).normalized();
        assert_eq!(ctrl_upper, KeyPress::new(Key::Char('n'), Mods::CTRL));
    }
}
