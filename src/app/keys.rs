//! Keys: what each key does (one table, also shown by the help overlay), and the
//! `<Enter>`-style key names the `render` command reads.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Everything a key can ask the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    NextPanel,
    PrevPanel,
    Open,
    Escape,
    Back,
    Forward,
    ShowMain,
    ShowFaq,
    ShowCodes,
    DeleteChar,
    ClearQuery,
}

/// One binding: the key, how the help overlay names it, and what it does.
pub struct Binding {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
    pub action: Action,
    pub label: &'static str,
    pub help: &'static str,
}

const fn bind(
    code: KeyCode,
    modifiers: KeyModifiers,
    action: Action,
    label: &'static str,
    help: &'static str,
) -> Binding {
    Binding {
        code,
        modifiers,
        action,
        label,
        help,
    }
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

/// The key map. Letters, digits and Chinese are not here: they go to the query line.
pub const BINDINGS: &[Binding] = &[
    bind(KeyCode::Up, NONE, Action::Up, "Up", "上移 / 向上滚动"),
    bind(KeyCode::Down, NONE, Action::Down, "Down", "下移 / 向下滚动"),
    bind(KeyCode::PageUp, NONE, Action::PageUp, "PageUp", "上翻一页"),
    bind(
        KeyCode::PageDown,
        NONE,
        Action::PageDown,
        "PageDown",
        "下翻一页",
    ),
    bind(KeyCode::Home, NONE, Action::Home, "Home", "到第一项"),
    bind(KeyCode::End, NONE, Action::End, "End", "到最后一项"),
    bind(KeyCode::Tab, NONE, Action::NextPanel, "Tab", "下一个面板"),
    bind(
        KeyCode::BackTab,
        SHIFT,
        Action::PrevPanel,
        "Shift-Tab",
        "上一个面板",
    ),
    bind(
        KeyCode::Right,
        NONE,
        Action::NextPanel,
        "Right",
        "下一个面板",
    ),
    bind(KeyCode::Left, NONE, Action::PrevPanel, "Left", "上一个面板"),
    bind(
        KeyCode::Enter,
        NONE,
        Action::Open,
        "Enter",
        "打开所选项 / 跟随链接",
    ),
    bind(
        KeyCode::Esc,
        NONE,
        Action::Escape,
        "Esc",
        "清空搜索；再按返回上一步",
    ),
    bind(KeyCode::Left, ALT, Action::Back, "Alt-Left", "后退（历史）"),
    bind(
        KeyCode::Char('o'),
        CTRL,
        Action::Back,
        "Ctrl-O",
        "后退（历史）",
    ),
    bind(
        KeyCode::Right,
        ALT,
        Action::Forward,
        "Alt-Right",
        "前进（历史）",
    ),
    bind(
        KeyCode::Char('f'),
        CTRL,
        Action::Forward,
        "Ctrl-F",
        "前进（历史）",
    ),
    bind(
        KeyCode::F(2),
        NONE,
        Action::ShowMain,
        "F2",
        "排查：现象 | 原因 | 解决",
    ),
    bind(KeyCode::F(3), NONE, Action::ShowFaq, "F3", "常见问题"),
    bind(KeyCode::F(4), NONE, Action::ShowCodes, "F4", "应答码表"),
    bind(
        KeyCode::Backspace,
        NONE,
        Action::DeleteChar,
        "Backspace",
        "删除搜索的最后一个字",
    ),
    bind(
        KeyCode::Char('u'),
        CTRL,
        Action::ClearQuery,
        "Ctrl-U",
        "清空搜索",
    ),
    bind(KeyCode::F(1), NONE, Action::Help, "F1", "帮助（所有按键）"),
    bind(KeyCode::Char('c'), CTRL, Action::Quit, "Ctrl-C", "退出"),
    bind(KeyCode::Char('q'), CTRL, Action::Quit, "Ctrl-Q", "退出"),
];

/// What a key press means: an action, a character for the query, or nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMeaning {
    Act(Action),
    Type(char),
    Ignore,
}

pub fn meaning(key: KeyEvent) -> KeyMeaning {
    if key.kind == KeyEventKind::Release {
        return KeyMeaning::Ignore;
    }
    // Shift only changes which character a letter is, and BackTab comes with or without it.
    let modifiers = key.modifiers - KeyModifiers::SHIFT;
    let found = BINDINGS.iter().find(|b| {
        let wanted = b.modifiers - KeyModifiers::SHIFT;
        b.code == key.code && wanted == modifiers
    });
    if let Some(binding) = found {
        return KeyMeaning::Act(binding.action);
    }
    match key.code {
        KeyCode::Char(c) if modifiers.is_empty() && !c.is_control() => KeyMeaning::Type(c),
        _ => KeyMeaning::Ignore,
    }
}

/// Reads a `render --keys` string: literal characters and bracketed names such as
/// `<Enter>`, `<C-x>`, `<A-Left>`, `<F1>`. `<lt>` is a literal `<`.
pub fn parse_keys(text: &str) -> Result<Vec<KeyEvent>, String> {
    let mut keys = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            if let Some(end) = rest.find('>') {
                let name = rest.get(1..end).unwrap_or_default();
                if !name.is_empty() {
                    keys.push(named_key(name)?);
                    rest = rest.get(end + 1..).unwrap_or_default();
                    continue;
                }
            }
        }
        keys.push(KeyEvent::new(KeyCode::Char(c), NONE));
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
    }
    Ok(keys)
}

const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("cr", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("backspace", KeyCode::Backspace),
    ("bs", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("space", KeyCode::Char(' ')),
    ("lt", KeyCode::Char('<')),
    ("gt", KeyCode::Char('>')),
];

fn named_key(name: &str) -> Result<KeyEvent, String> {
    let unknown = || {
        format!(
            "unknown key name <{name}>: use a character, or one of <Enter> <Esc> <Tab> <BackTab> <Up> <Down> \
<Left> <Right> <PageUp> <PageDown> <Home> <End> <Backspace> <Delete> <Space> <F1>..<F12>, \
with C- (Ctrl), A- (Alt) or S- (Shift) before it, like <C-c>"
        )
    };
    let mut modifiers = NONE;
    let mut base = name;
    while let Some((prefix, rest)) = base
        .split_once('-')
        .filter(|(p, r)| p.len() == 1 && !r.is_empty())
    {
        modifiers |= match prefix.to_ascii_lowercase().as_str() {
            "c" => CTRL,
            "a" | "m" => ALT,
            "s" => SHIFT,
            _ => return Err(unknown()),
        };
        base = rest;
    }
    let lower = base.to_ascii_lowercase();
    let code = if let Some((_, code)) = NAMED.iter().find(|(n, _)| *n == lower) {
        *code
    } else if let Some(number) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
        if !(1..=12).contains(&number) {
            return Err(unknown());
        }
        KeyCode::F(number)
    } else {
        let mut chars = base.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(if modifiers.contains(CTRL) {
                c.to_ascii_lowercase()
            } else {
                c
            }),
            _ => return Err(unknown()),
        }
    };
    let code = if code == KeyCode::Tab && modifiers.contains(SHIFT) {
        KeyCode::BackTab
    } else {
        code
    };
    Ok(KeyEvent::new(code, modifiers))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_characters_and_named_keys() {
        let keys = parse_keys("yebz<Enter><C-c><F1><A-Left>余").unwrap_or_default();
        assert_eq!(keys.len(), 9);
        assert_eq!(keys.get(4).map(|k| k.code), Some(KeyCode::Enter));
        assert_eq!(
            keys.get(5).map(|k| (k.code, k.modifiers)),
            Some((KeyCode::Char('c'), CTRL))
        );
        assert_eq!(keys.get(8).map(|k| k.code), Some(KeyCode::Char('余')));
        assert_eq!(parse_keys("a<b").map(|k| k.len()), Ok(3));
    }

    #[test]
    fn unknown_names_are_errors() {
        assert!(parse_keys("<Entr>").is_err());
        assert!(parse_keys("<F13>").is_err());
        assert!(parse_keys("<X-a>").is_err());
    }

    #[test]
    fn letters_type_and_ctrl_letters_act() {
        assert_eq!(
            meaning(KeyEvent::new(KeyCode::Char('y'), NONE)),
            KeyMeaning::Type('y')
        );
        assert_eq!(
            meaning(KeyEvent::new(KeyCode::Char('Y'), SHIFT)),
            KeyMeaning::Type('Y')
        );
        assert_eq!(
            meaning(KeyEvent::new(KeyCode::Char('c'), CTRL)),
            KeyMeaning::Act(Action::Quit)
        );
        assert_eq!(
            meaning(KeyEvent::new(KeyCode::BackTab, SHIFT)),
            KeyMeaning::Act(Action::PrevPanel)
        );
        assert_eq!(
            meaning(KeyEvent::new(KeyCode::BackTab, NONE)),
            KeyMeaning::Act(Action::PrevPanel)
        );
    }
}
