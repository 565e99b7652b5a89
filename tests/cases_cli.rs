//! `posdesk cases` and `posdesk stats` as processes: listing, showing, exporting (JSON
//! Lines and CSV through the safe-write helper), purging, and a foreign file refused.

use posdesk::store::{NewCase, Outcome, Store};
use std::process::{Command, Output};

fn posdesk(args: &[&str]) -> Output {
    posdesk_in("zh", args)
}

/// posdesk in a language: the store's messages are checked in English.
fn posdesk_in(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_posdesk"))
        .env("POSDESK_LANG", lang)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("POSDESK_DATA")
        .output()
        .unwrap_or_else(|e| panic!("cannot run posdesk: {e}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn filled() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    for (shop, cause) in [
        ("百货一楼", "card-status-abnormal"),
        ("超市二号", "chip-cvm-failed"),
    ] {
        let id = store
            .new_case(&NewCase {
                symptom: Some("cardholder-auth-failed".into()),
                ..Default::default()
            })
            .unwrap_or_else(|e| panic!("{e}"));
        store
            .set_field(id, posdesk::store::Field::Shop, shop)
            .unwrap_or_else(|e| panic!("{e}"));
        store
            .add_note(id, "卡号 4111 1111 1111 1111")
            .unwrap_or_else(|e| panic!("{e}"));
        store
            .set_outcome(
                id,
                &Outcome::Resolved {
                    cause: cause.into(),
                },
            )
            .unwrap_or_else(|e| panic!("{e}"));
    }
    dir
}

#[test]
fn list_show_and_search() {
    let dir = filled();
    let data = dir.path().display().to_string();
    let out = posdesk(&["--data", &data, "cases", "list"]);
    assert_eq!(out.status.code(), Some(0));
    let listed = text(&out.stdout);
    assert_eq!(listed.lines().count(), 2, "{listed}");
    assert!(listed.contains("已解决：卡片状态异常"), "{listed}");
    let out = posdesk(&["--data", &data, "cases", "list", "--search", "csh"]);
    assert_eq!(text(&out.stdout).lines().count(), 1);
    let out = posdesk(&["--data", &data, "cases", "show", "1"]);
    assert!(text(&out.stdout).contains("411111******1111"));
    let out = posdesk(&["--data", &data, "cases", "show", "99"]);
    assert_eq!(out.status.code(), Some(1));
    let out = posdesk(&["--data", &data, "cases", "list", "--since", "2999-01-01"]);
    assert!(text(&out.stdout).contains("没有记录"));
    let out = posdesk(&["--data", &data, "cases", "list", "--since", "yesterday"]);
    assert_eq!(out.status.code(), Some(2));
    let out = posdesk(&["--data", &data, "stats"]);
    let stats = text(&out.stdout);
    assert!(stats.contains("1/2  卡片状态异常"), "{stats}");
}

#[test]
fn exports_are_written_safely_and_read_back() {
    let dir = filled();
    let data = dir.path().display().to_string();
    let target = dir.path().join("cases.csv");
    let out = posdesk(&[
        "--data",
        &data,
        "cases",
        "export",
        "--format",
        "csv",
        "-o",
        &target.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let csv = std::fs::read_to_string(&target).unwrap_or_default();
    assert!(csv.starts_with('\u{feff}'));
    assert_eq!(csv.matches("\r\n").count(), 3);
    let out = posdesk(&["--data", &data, "cases", "export", "--format", "jsonl"]);
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines
        .iter()
        .all(|c| c["opened_at"].is_string() && c["pack"].is_string()));
    assert!(!text(&out.stdout).contains("4111111111111111"));
}

#[test]
fn a_csv_field_never_runs_as_a_formula() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let id = store
        .new_case(&NewCase::default())
        .unwrap_or_else(|e| panic!("{e}"));
    store
        .set_field(
            id,
            posdesk::store::Field::Shop,
            "=HYPERLINK(\"http://x\",\"a\")",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().display().to_string();
    let out = posdesk(&["--data", &data, "cases", "export", "--format", "csv"]);
    let csv = text(&out.stdout);
    assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
    assert!(!csv.contains(",\"=HYPERLINK"), "{csv}");
}

#[test]
fn purge_removes_old_cases_only() {
    let dir = filled();
    let data = dir.path().display().to_string();
    let out = posdesk(&[
        "--lang",
        "en",
        "--data",
        &data,
        "cases",
        "purge",
        "--older-than",
        "30",
    ]);
    assert!(text(&out.stdout).contains("purged 0 case(s)"));
    let out = posdesk(&["--data", &data, "cases", "purge", "--older-than", "0"]);
    assert_eq!(out.status.code(), Some(2), "today's cases are never purged");
    // Cases of forty days ago go.
    let conn = rusqlite::Connection::open(dir.path().join(posdesk::store::FILE_NAME))
        .unwrap_or_else(|e| panic!("{e}"));
    conn.execute(
        "UPDATE cases SET opened_ms = opened_ms - 40 * 86400000 WHERE id = 1",
        [],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    let out = posdesk(&[
        "--lang",
        "en",
        "--data",
        &data,
        "cases",
        "purge",
        "--older-than",
        "30",
    ]);
    assert!(
        text(&out.stdout).contains("purged 1 case(s)"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn a_foreign_file_is_a_clear_error_and_left_alone() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join(posdesk::store::FILE_NAME);
    std::fs::write(&path, "not a database\n").unwrap_or_else(|e| panic!("{e}"));
    let out = posdesk_in(
        "en",
        &["--data", &dir.path().display().to_string(), "cases", "list"],
    );
    assert_eq!(out.status.code(), Some(1));
    let message = text(&out.stderr);
    assert!(
        message.contains("posdesk.db") && message.contains("left as it is"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap_or_default(),
        "not a database\n"
    );
}
