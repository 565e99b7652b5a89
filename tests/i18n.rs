//! The UI's words live in assets/i18n/zh.toml and en.toml: both have the same keys with the
//! same placeholders, every key the code asks for is there, and no UI string is left
//! written in the code.

use posdesk::i18n::{placeholders, Catalog, Lang, EN_TEXT, ZH_TEXT};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn catalogs() -> (Catalog, Catalog) {
    let zh = Catalog::parse(ZH_TEXT).unwrap_or_else(|e| panic!("zh.toml: {e}"));
    let en = Catalog::parse(EN_TEXT).unwrap_or_else(|e| panic!("en.toml: {e}"));
    (zh, en)
}

#[test]
fn both_languages_have_the_same_keys_and_placeholders() {
    let (zh, en) = catalogs();
    let zh_keys: BTreeSet<&str> = zh.keys().collect();
    let en_keys: BTreeSet<&str> = en.keys().collect();
    let only_zh: Vec<_> = zh_keys.difference(&en_keys).collect();
    let only_en: Vec<_> = en_keys.difference(&zh_keys).collect();
    assert!(only_zh.is_empty(), "only in zh.toml: {only_zh:?}");
    assert!(only_en.is_empty(), "only in en.toml: {only_en:?}");
    for key in &zh_keys {
        let (Some(zh_text), Some(en_text)) = (zh.get(key), en.get(key)) else {
            continue;
        };
        let mut zh_names = placeholders(zh_text);
        let mut en_names = placeholders(en_text);
        zh_names.sort_unstable();
        en_names.sort_unstable();
        assert_eq!(zh_names, en_names, "placeholders of `{key}` differ");
        assert!(!en_text.trim().is_empty(), "`{key}` is empty in en.toml");
        assert!(!zh_text.trim().is_empty(), "`{key}` is empty in zh.toml");
        assert!(
            !en_text.chars().any(is_cjk),
            "`{key}` in en.toml is not English: {en_text}"
        );
    }
    assert!(zh.len() > 100, "only {} strings", zh.len());
}

/// Rust files of src/, without their test modules.
fn sources() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, into: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, into);
            } else if path.extension().is_some_and(|e| e == "rs") {
                into.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    walk(&root.join("src"), &mut paths);
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
            let code = match text.find("#[cfg(test)]\nmod tests") {
                Some(at) => text[..at].to_string(),
                None => text,
            };
            let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            (relative, code)
        })
        .collect()
}

/// The string literals of Rust code, with their line numbers; comments and attributes
/// (`#[arg(...)]`) are skipped.
fn literals(code: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = at(i);
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && at(i) != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            i += 2;
            while i < chars.len() && !(at(i) == '*' && at(i + 1) == '/') {
                if at(i) == '\n' {
                    line += 1;
                }
                i += 1;
            }
            i += 2;
        } else if c == '\'' {
            // A char literal ('"', '\'', '字') or a lifetime ('a).
            if at(i + 1) == '\\' {
                i += 2;
                while i < chars.len() && at(i) != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else if c == 'r'
            && (at(i + 1) == '"' || (at(i + 1) == '#' && !at(i.wrapping_sub(1)).is_alphanumeric()))
            && !at(i.wrapping_sub(1)).is_alphanumeric()
        {
            let mut hashes = 0;
            let mut j = i + 1;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) != '"' {
                i += 1;
                continue;
            }
            j += 1;
            let start_line = line;
            let mut text = String::new();
            while j < chars.len() {
                if at(j) == '"' && (1..=hashes).all(|k| at(j + k) == '#') {
                    break;
                }
                if at(j) == '\n' {
                    line += 1;
                }
                text.push(at(j));
                j += 1;
            }
            out.push((start_line, text));
            i = j + 1 + hashes;
        } else if c == '"' {
            let start_line = line;
            let mut text = String::new();
            let mut j = i + 1;
            while j < chars.len() && at(j) != '"' {
                if at(j) == '\\' {
                    text.push(at(j + 1));
                    j += 2;
                    continue;
                }
                if at(j) == '\n' {
                    line += 1;
                }
                text.push(at(j));
                j += 1;
            }
            out.push((start_line, text));
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// Three or more words in a row: an English sentence or phrase for people to read.
fn is_english_phrase(text: &str) -> bool {
    let mut run = 0;
    for word in text.split(' ') {
        let letters = word.trim_matches(|c: char| ",.:;!?()`\"'".contains(c));
        if letters.len() >= 2
            && letters
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == '\'')
        {
            run += 1;
            if run >= 3 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// Modules whose Chinese literals are not UI text but what they match in content or input:
/// the safety rules' phrases, card-data patterns, the search's words and pinyin, and
/// the content rules of the loader.
const MATCHING_MODULES: [&str; 4] = [
    "src/advice.rs",
    "src/card_data.rs",
    "src/search/",
    "src/load/characters.rs",
];

/// Literals that are not UI text though they look like it: SQL, and a line may say
/// `// not UI: why` for anything else (a CSS rule, a format for machines).
fn exempt(line_text: &str, literal: &str) -> bool {
    let sql = [
        "SELECT ", "INSERT ", "UPDATE ", "DELETE ", "CREATE ", "PRAGMA ", "BEGIN", "ALTER ",
        "WITH ",
    ];
    sql.iter().any(|k| literal.trim_start().starts_with(k)) || line_text.contains("// not UI:")
}

#[test]
fn no_ui_string_is_left_in_the_code() {
    let mut found = Vec::new();
    for (path, code) in sources() {
        let shown = path.to_string_lossy().replace('\\', "/");
        if shown == "src/i18n.rs" || MATCHING_MODULES.iter().any(|m| shown.starts_with(m)) {
            continue;
        }
        let lines: Vec<&str> = code.lines().collect();
        for (line, literal) in literals(&code) {
            let line_text = lines.get(line - 1).copied().unwrap_or_default();
            if line_text.trim_start().starts_with("#[") || exempt(line_text, &literal) {
                continue;
            }
            if literal.chars().any(is_cjk) || is_english_phrase(&literal) {
                found.push(format!("{shown}:{line}: {literal}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "{} UI strings are written in the code, not in assets/i18n/:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn every_key_the_code_asks_for_is_in_both_files() {
    let (zh, en) = catalogs();
    let mut missing = Vec::new();
    for (path, code) in sources() {
        if path.ends_with("i18n.rs") {
            continue;
        }
        let mut rest = code.as_str();
        while let Some(at) = rest.find("t!(\"") {
            let from = &rest[at + 4..];
            let before = rest[..at].chars().next_back().unwrap_or(' ');
            if before.is_alphanumeric() || before == '_' {
                rest = from;
                continue;
            }
            let key = from.split('"').next().unwrap_or_default();
            if zh.get(key).is_none() || en.get(key).is_none() {
                missing.push(format!("{}: {key}", path.display()));
            }
            rest = from;
        }
    }
    assert!(
        missing.is_empty(),
        "keys not in the i18n files:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_built_in_key_has_help_in_both_languages() {
    for lang in Lang::ALL {
        let _scope = posdesk::i18n::scoped(lang);
        let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
        let app = posdesk::app::App::new(
            posdesk::desk::Desk::new(pack),
            posdesk::app::theme::Theme::plain(),
        );
        let table = app.key_table();
        for row in table.lines().skip(2) {
            assert!(!row.ends_with("|  |"), "{lang:?}: a key has no help: {row}");
        }
        if lang == Lang::En {
            assert!(table.contains("Open the selected entry"), "{table}");
        }
    }
}
