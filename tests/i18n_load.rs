//! The loader's and the store's messages in both languages: a broken pack is reported in
//! Chinese and in English at the same file:line:col places, and the store's refusals read
//! in either language.

use posdesk::i18n::{scoped, Lang};
use posdesk::store::StoreError;
use posdesk::{ContentFile, Diagnostics};
use std::path::Path;
use std::process::{Command, Output};

/// The shipped pack with four things broken: a misspelt key, a link to no cause, a
/// sentence that contradicts its verdict, and a triage answer that leads nowhere.
fn broken_files() -> Vec<ContentFile> {
    let mut files = posdesk::load::embedded_files();
    let edit = |files: &mut Vec<ContentFile>, path: &str, from: &str, to: &str| {
        let file = files
            .iter_mut()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("no {path}"));
        let text = String::from_utf8(file.bytes.clone()).unwrap_or_else(|e| panic!("{e}"));
        assert!(text.contains(from), "{from} not in {path}");
        file.bytes = text.replacen(from, to, 1).into_bytes();
    };
    edit(
        &mut files,
        "content/causes/card-status-abnormal.toml",
        "category = ",
        "categroy = ",
    );
    edit(
        &mut files,
        "content/symptoms/insufficient-funds.toml",
        "\"transaction-limits\"",
        "\"transaction-limit\"",
    );
    edit(
        &mut files,
        "content/causes/pin-locked.toml",
        "不要再试这张卡：密码已锁定，再输也不会通过。",
        "请顾客马上再试一次。",
    );
    files.push(ContentFile {
        path: "content/triage/extra.toml".to_string(),
        bytes: "[[question]]\nid = \"q-extra\"\ntext = \"还有别的吗？\"\nsources = [\"posdesk-practice\"]\n\n[[question.answer]]\ntext = \"有\"\n\n[[question.answer]]\ntext = \"没有\"\nescalate = { to = \"issuer\", how = \"请持卡人联系发卡行。\" }\n"
            .as_bytes()
            .to_vec(),
    });
    files
}

fn lint_in(lang: Lang) -> Diagnostics {
    let _lang = scoped(lang);
    match posdesk::load_files(&broken_files()) {
        Ok(_) => panic!("a broken pack loaded"),
        Err(errors) => errors,
    }
}

fn places(errors: &Diagnostics) -> Vec<(String, usize, usize)> {
    errors
        .iter()
        .map(|d| (d.file.clone(), d.line, d.column))
        .collect()
}

fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn a_broken_pack_is_reported_in_chinese_and_in_english_at_the_same_places() {
    let zh = lint_in(Lang::Zh);
    let en = lint_in(Lang::En);
    assert!(zh.len() >= 4, "{zh}");
    assert_eq!(places(&zh), places(&en), "zh:\n{zh}\nen:\n{en}");

    let zh_text = zh.to_string();
    let en_text = en.to_string();
    for expected in [
        "里有未知的键 `categroy`",
        "是不是想写 `category`？",
        "的 `causes` 链接到「transaction-limit」，但没有这个 id 的原因",
        "是不是想写「transaction-limits」？",
        "说同卡马上「可以」，但原因「pin-locked」的结论是同卡马上「不要」",
        "「q-extra」的回答「有」是死路",
    ] {
        assert!(
            zh_text.contains(expected),
            "zh lacks {expected:?}:\n{zh_text}"
        );
    }
    for expected in [
        "unknown key `categroy` in [[cause]]",
        "did you mean `category`? allowed keys: id, title, title_en, category",
        "`causes` of \"insufficient-funds\" links to \"transaction-limit\", but no cause has that id",
        "did you mean \"transaction-limits\"?",
        "says Same card now \"yes\" but the verdict of cause \"pin-locked\" says Same card now \"no\"",
        "answer \"有\" of \"q-extra\" is a dead end: it leads nowhere",
    ] {
        assert!(en_text.contains(expected), "en lacks {expected:?}:\n{en_text}");
    }
    // Every message is in its language: the Chinese ones in Chinese words, not only in
    // the content they quote.
    for diagnostic in zh.iter() {
        let own_words: String = diagnostic.message.split(['「', '」']).step_by(2).collect();
        assert!(has_chinese(&own_words), "{diagnostic}");
    }
}

fn posdesk_in(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_posdesk"))
        .env("POSDESK_LANG", lang)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run posdesk: {e}"))
}

/// The `file:line:col` that begins each diagnostic line of a lint report.
fn report_places(report: &str) -> Vec<String> {
    report
        .lines()
        .filter_map(|line| {
            let mut parts = line.splitn(4, ':');
            let (file, row, column) = (parts.next()?, parts.next()?, parts.next()?);
            row.parse::<usize>().ok()?;
            column.parse::<usize>().ok()?;
            Some(format!("{file}:{row}:{column}"))
        })
        .collect()
}

#[test]
fn lint_says_the_same_places_in_chinese_and_in_english() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for file in broken_files() {
        let path = dir.path().join(file.path.trim_start_matches("content/"));
        std::fs::create_dir_all(path.parent().unwrap_or(dir.path()))
            .unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(&path, &file.bytes).unwrap_or_else(|e| panic!("{e}"));
    }
    let shown = dir.path().display().to_string();
    let zh = posdesk_in("zh", &["lint", &shown]);
    let en = posdesk_in("en", &["lint", &shown]);
    assert_eq!(zh.status.code(), Some(1));
    assert_eq!(en.status.code(), Some(1));
    let zh_report = String::from_utf8_lossy(&zh.stdout).into_owned();
    let en_report = String::from_utf8_lossy(&en.stdout).into_owned();
    let zh_places = report_places(&zh_report);
    assert!(zh_places.len() >= 4, "{zh_report}");
    assert_eq!(
        zh_places,
        report_places(&en_report),
        "{zh_report}\n{en_report}"
    );
    let unknown_key = Path::new(&shown)
        .join("causes/card-status-abnormal.toml")
        .display()
        .to_string();
    assert!(
        zh_report.contains(&format!("{unknown_key}:")) && zh_report.contains("未知的键 `categroy`"),
        "{zh_report}"
    );
    assert!(
        en_report.contains("unknown key `categroy` in [[cause]]"),
        "{en_report}"
    );
}

#[test]
fn the_stores_refusals_read_in_either_language() {
    let secret = StoreError::Secret { word: "cvv" };
    let missing = StoreError::NoSuchCase(7);
    let newer = StoreError::Newer {
        path: "posdesk.db".into(),
        found: 9,
    };
    {
        let _zh = scoped(Lang::Zh);
        assert_eq!(missing.to_string(), "没有记录 #7");
        assert!(secret
            .to_string()
            .starts_with("这段文字像是写了安全码（「cvv」和数字）"));
        assert!(newer.to_string().contains("schema 9"), "{newer}");
    }
    let _en = scoped(Lang::En);
    assert_eq!(missing.to_string(), "no case #7");
    assert_eq!(
        secret.to_string(),
        "This text seems to hold a security code (\"cvv\" and digits): security codes and PINs are never recorded; delete the digits and save again"
    );
    assert_eq!(
        StoreError::Secret { word: "pin" }.to_string().get(..29),
        Some("This text seems to hold a PIN")
    );
    assert!(newer
        .to_string()
        .starts_with("posdesk.db was written by a newer posdesk (schema 9"));

    // A trainee's name the store refuses says why, in the language of the screen.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = posdesk::store::Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let refused = store.start_round("  ").err().map(|e| e.to_string());
    assert_eq!(refused.as_deref(), Some("Trainee name: cannot be empty"));
    let log = posdesk::desk::CaseLog::new(None);
    assert_eq!(
        log.with(|_| ()).err().as_deref(),
        Some("no data directory: start posdesk with --data DIR")
    );
}
