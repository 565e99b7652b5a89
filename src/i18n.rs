//! The words of the user interface, in Chinese and English: `assets/i18n/zh.toml` and
//! `assets/i18n/en.toml`, built into the binary. Content (items, scripts, steps) is not
//! here; it stays in the pack, which may carry English fields of its own.
//!
//! A string is looked up by its dotted key: `t!("status.copied")`, or with named values
//! `t!("triage.question", n = 2, text = question)` for `问题 {n}：{text}`.
//! The language is the process's (set once by the binary: `--lang`, `POSDESK_LANG`, the
//! config file, the locale), and a test may choose its own for its thread.

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt::Display;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::LazyLock;

/// The environment variable that chooses the language.
pub const LANG_ENV: &str = "POSDESK_LANG";

/// The languages of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// `zh`, `en`, or a locale name such as `zh_CN.UTF-8`, `en-GB`.
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.trim().to_ascii_lowercase();
        let language = lower.split(['_', '-', '.', '@']).next().unwrap_or_default();
        match language {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language of the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX
    /// orders them), with the variable that set it; None when the locale is unset, `C`,
    /// `POSIX` or another language.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Option<(Lang, &'static str)> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()).map(|v| (v, name)))
            .and_then(|(locale, name)| Some((Lang::parse(&locale)?, name)))
    }

    /// The words of this language.
    pub fn catalog(self) -> &'static Catalog {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

/// One language's strings by dotted key.
#[derive(Debug, Default)]
pub struct Catalog {
    strings: HashMap<String, String>,
}

impl Catalog {
    /// Reads a catalog: nested tables of strings, flattened to dotted keys.
    ///
    /// Every run of posdesk reads one, so the plain shape the catalogs are written in
    /// (`[table]` lines and `key = "string"` lines) is read directly, in a tenth of the
    /// time a TOML parser takes; anything else in the file goes to the TOML parser.
    /// A test checks that both give the same strings for the built-in files.
    pub fn parse(text: &str) -> Result<Catalog, String> {
        match parse_plain(text) {
            Some(strings) => Ok(Catalog { strings }),
            None => Catalog::parse_toml(text),
        }
    }

    /// Reads a catalog with the TOML parser.
    pub fn parse_toml(text: &str) -> Result<Catalog, String> {
        let table: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut strings = HashMap::new();
        flatten("", &table, &mut strings)?;
        Ok(Catalog { strings })
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.strings.get(key).map(String::as_str)
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.strings.keys().map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.strings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.strings.is_empty()
    }
}

/// The catalogs' plain shape: comments, `[dotted.table]` headers, `key = "basic string"`
/// or `key = 'literal string'` lines. None for anything else, or a key given twice.
fn parse_plain(text: &str) -> Option<HashMap<String, String>> {
    let mut strings = HashMap::new();
    let mut table = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if name.is_empty() || !name.split('.').all(is_bare_key) {
                return None;
            }
            table = name.to_string();
            continue;
        }
        let (key, value) = line.split_once('=')?;
        let key = key.trim();
        if !is_bare_key(key) {
            return None;
        }
        let value = plain_string(value.trim())?;
        let full = if table.is_empty() {
            key.to_string()
        } else {
            format!("{table}.{key}")
        };
        if strings.insert(full, value).is_some() {
            return None;
        }
    }
    Some(strings)
}

fn is_bare_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// A one-line TOML string with nothing after it but a comment.
fn plain_string(value: &str) -> Option<String> {
    let rest_is_empty = |rest: &str| {
        let rest = rest.trim();
        rest.is_empty() || rest.starts_with('#')
    };
    if let Some(body) = value.strip_prefix('\'') {
        let (string, rest) = body.split_once('\'')?;
        return rest_is_empty(rest).then(|| string.to_string());
    }
    let mut chars = value.strip_prefix('"')?.chars();
    let mut out = String::new();
    loop {
        match chars.next()? {
            '"' => return rest_is_empty(chars.as_str()).then_some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                '"' => out.push('"'),
                '\\' => out.push('\\'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                _ => return None,
            },
            c => out.push(c),
        }
    }
}

fn flatten(
    prefix: &str,
    table: &toml::Table,
    into: &mut HashMap<String, String>,
) -> Result<(), String> {
    for (name, value) in table {
        let key = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}.{name}")
        };
        match value {
            toml::Value::String(text) => {
                into.insert(key, text.clone());
            }
            toml::Value::Table(inner) => flatten(&key, inner, into)?,
            _ => return Err(format!("`{key}` is not a string or a table")),
        }
    }
    Ok(())
}

/// The built-in catalogs. Both are checked by tests (same keys, same placeholders), so a
/// broken file cannot ship; should one fail to read anyway, lookups fall back to the key.
static ZH: LazyLock<Catalog> = LazyLock::new(|| Catalog::parse(ZH_TEXT).unwrap_or_default());
static EN: LazyLock<Catalog> = LazyLock::new(|| Catalog::parse(EN_TEXT).unwrap_or_default());

pub const ZH_TEXT: &str = include_str!("../assets/i18n/zh.toml");
pub const EN_TEXT: &str = include_str!("../assets/i18n/en.toml");

static PROCESS_LANG: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static THREAD_LANG: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Chooses the language for the whole process (the binary does this once, at start).
pub fn set_lang(lang: Lang) {
    PROCESS_LANG.store(lang as u8, Ordering::Relaxed);
}

/// The language in effect on this thread.
pub fn lang() -> Lang {
    THREAD_LANG
        .with(Cell::get)
        .unwrap_or_else(|| match PROCESS_LANG.load(Ordering::Relaxed) {
            1 => Lang::En,
            _ => Lang::Zh,
        })
}

/// Chooses a language for this thread until the guard is dropped: for tests, which run
/// side by side in one process.
pub fn scoped(lang: Lang) -> ScopedLang {
    let before = THREAD_LANG.with(|cell| cell.replace(Some(lang)));
    ScopedLang { before }
}

pub struct ScopedLang {
    before: Option<Lang>,
}

impl Drop for ScopedLang {
    fn drop(&mut self) {
        THREAD_LANG.with(|cell| cell.set(self.before));
    }
}

/// The string of a key in the current language; the Chinese one if the English file
/// lacks it, the key itself if neither has it (tests keep both complete).
pub fn text(key: &str) -> &'static str {
    lookup(key).unwrap_or_else(|| leak_key(key))
}

/// The string of a key in the current language (else the Chinese one), if there is one:
/// for keys made at run time, such as an action's help text.
pub fn lookup(key: &str) -> Option<&'static str> {
    lang().catalog().get(key).or_else(|| ZH.get(key))
}

fn leak_key(key: &str) -> &'static str {
    // Only reached for a key missing from both files, which the tests rule out; the key is
    // shown so the gap is visible rather than a blank.
    static MISSING: LazyLock<std::sync::Mutex<HashMap<String, &'static str>>> =
        LazyLock::new(Default::default);
    let Ok(mut missing) = MISSING.lock() else {
        return "?";
    };
    missing
        .entry(key.to_string())
        .or_insert_with(|| Box::leak(key.to_string().into_boxed_str()))
}

/// The string of a key with its `{name}` placeholders filled in.
pub fn fill(key: &str, values: &[(&str, &dyn Display)]) -> String {
    format_named(text(key), values)
}

/// Replaces each `{name}` with its value; a placeholder with no value stays as written.
pub fn format_named(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, from) = rest.split_at(open);
        out.push_str(before);
        let name_end = from.find('}').filter(|&end| {
            from.get(1..end)
                .is_some_and(|name| !name.is_empty() && name.chars().all(is_name_char))
        });
        match name_end.and_then(|end| Some((end, from.get(1..end)?))) {
            Some((end, name)) => {
                match values.iter().find(|(given, _)| *given == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    None => out.push_str(from.get(..=end).unwrap_or_default()),
                }
                rest = from.get(end + 1..).unwrap_or_default();
            }
            None => {
                out.push('{');
                rest = from.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The `{name}` placeholders of a template, in order of first appearance.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let from = rest.get(open..).unwrap_or_default();
        match from
            .find('}')
            .and_then(|end| Some((end, from.get(1..end)?)))
        {
            Some((end, name)) if !name.is_empty() && name.chars().all(is_name_char) => {
                if !names.contains(&name) {
                    names.push(name);
                }
                rest = from.get(end + 1..).unwrap_or_default();
            }
            _ => rest = from.get(1..).unwrap_or_default(),
        }
    }
    names
}

/// A UI string: `t!("key")` is a `&'static str`; `t!("key", name = value, ...)` a `String`
/// with its placeholders filled.
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::i18n::text($key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::fill(
            $key,
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_values_fill_their_places_and_braces_stay() {
        let filled = format_named(
            "问题 {n}：{text} {missing} {not a name} {",
            &[("n", &2), ("text", &"卡插好了吗")],
        );
        assert_eq!(filled, "问题 2：卡插好了吗 {missing} {not a name} {");
        assert_eq!(placeholders("{a}{b}{a} {c d}"), vec!["a", "b"]);
    }

    #[test]
    fn locales_choose_a_language_in_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Lang::from_locale(env(&[("LANG", "en_US.UTF-8")])),
            Some((Lang::En, "LANG"))
        );
        assert_eq!(
            Lang::from_locale(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")])),
            Some((Lang::Zh, "LC_ALL"))
        );
        assert_eq!(Lang::from_locale(env(&[("LANG", "C.UTF-8")])), None);
        assert_eq!(Lang::from_locale(env(&[])), None);
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr_FR"), None);
    }

    #[test]
    fn the_plain_reader_reads_the_catalogs_as_toml_does() {
        for text in [ZH_TEXT, EN_TEXT] {
            let plain = parse_plain(text).unwrap_or_else(|| panic!("not plain"));
            let toml = Catalog::parse_toml(text).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(plain, toml.strings);
        }
        // What it does not know goes to the TOML parser.
        let odd = "[a]\nb = \"\"\"x\"\"\"\nc = 1\n";
        assert!(parse_plain(odd).is_none());
        let tricky = "[a]\nb = \"q\\\"x\\u00e9\" # note\nc = 'l\\t'\n";
        let plain = parse_plain(tricky).unwrap_or_else(|| panic!("not plain"));
        assert_eq!(
            plain,
            Catalog::parse_toml(tricky)
                .map(|c| c.strings)
                .unwrap_or_default()
        );
    }

    #[test]
    fn a_thread_may_choose_its_own_language() {
        {
            let _en = scoped(Lang::En);
            assert_eq!(lang(), Lang::En);
        }
        assert_eq!(lang(), Lang::Zh);
    }
}
