//! The case log: round trips, migrations, refusal of foreign and newer files, card-number
//! masking that no full number survives, kill -9 in the middle of a burst of writes, and
//! two processes writing at once.

use posdesk::card_data::{luhn, mask_card_numbers};
use posdesk::store::{Field, NewCase, Outcome, Store, StoreError, SCHEMA_VERSION};
use proptest::prelude::*;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

fn new_case() -> NewCase {
    NewCase {
        pack: "posdesk-content".to_string(),
        pack_version: "1".to_string(),
        symptom: Some("cardholder-auth-failed".to_string()),
        code: Some("05".to_string()),
        triage: posdesk::triage::walk(
            &posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}")),
            None,
            &[3, 1],
        )
        .ok()
        .map(|w| w.path()),
        cause: Some("chip-cvm-failed".to_string()),
    }
}

#[test]
fn a_case_round_trips_with_notes_ticks_and_outcome() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let id = store
        .new_case(&new_case())
        .unwrap_or_else(|e| panic!("{e}"));
    store
        .set_field(id, Field::Shop, "百货一楼 收银3号")
        .unwrap_or_else(|e| panic!("{e}"));
    store
        .set_field(id, Field::Terminal, "T-0042")
        .unwrap_or_else(|e| panic!("{e}"));
    store
        .add_note(id, "顾客说别的卡也刷不了")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(store
        .toggle_step(id, "retry-chip-verification", 1)
        .unwrap_or(false));
    assert!(store
        .toggle_step(id, "retry-chip-verification", 2)
        .unwrap_or(false));
    assert!(!store
        .toggle_step(id, "retry-chip-verification", 2)
        .unwrap_or(true));
    store
        .set_outcome(
            id,
            &Outcome::Resolved {
                cause: "chip-cvm-failed".into(),
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
    drop(store);
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let case = store
        .case(id)
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("case lost"));
    assert_eq!(case.shop, "百货一楼 收银3号");
    assert_eq!(case.terminal, "T-0042");
    assert_eq!(case.notes.len(), 1);
    assert_eq!(case.ticks.len(), 1);
    assert_eq!(case.ticks.first().map(|t| t.step), Some(1));
    assert_eq!(
        case.outcome,
        Outcome::Resolved {
            cause: "chip-cvm-failed".into()
        }
    );
    assert!(case.closed_at.is_some());
    assert_eq!(
        case.triage.map(|p| p.steps.len()),
        Some(2),
        "the triage path is kept"
    );
    // The time carries its zone.
    assert!(case.opened_at.contains('T'));
    assert!(case.opened_at.ends_with(|c: char| c.is_ascii_digit()));
    // Search by Chinese, pinyin and initials.
    for query in ["别的卡", "biede", "bdk", "T-0042", "05"] {
        let found = store.cases(None, Some(query), 10).unwrap_or_default();
        assert_eq!(found.len(), 1, "{query}");
    }
    assert!(store
        .cases(None, Some("没有这个"), 10)
        .unwrap_or_default()
        .is_empty());
    let counts = store.outcome_counts().unwrap_or_default();
    assert_eq!(counts.len(), 1);
    assert_eq!(counts.first().map(|c| (c.solved, c.closed)), Some((1, 1)));
}

#[test]
fn a_full_card_number_never_reaches_the_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let id = store
        .new_case(&new_case())
        .unwrap_or_else(|e| panic!("{e}"));
    let saved = store
        .add_note(id, "顾客的卡 6222 0212 3456 7890 128 刷不了")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(saved.masked, 1);
    store
        .set_field(id, Field::Shop, "4111-1111-1111-1111")
        .unwrap_or_else(|e| panic!("{e}"));
    drop(store);
    let mut bytes = Vec::new();
    for entry in std::fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
    {
        bytes.extend(std::fs::read(entry.path()).unwrap_or_default());
    }
    let text = String::from_utf8_lossy(&bytes);
    for full in ["6222021234567890128", "4111111111111111", "1234567890"] {
        assert!(!text.contains(full), "{full} is in the database file");
    }
    assert!(text.contains("411111******1111"));
}

#[test]
fn a_cvv_or_pin_is_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let id = store
        .new_case(&new_case())
        .unwrap_or_else(|e| panic!("{e}"));
    for secret in ["CVV 123", "顾客的密码是123456", "pin: 0000"] {
        assert!(matches!(
            store.add_note(id, secret),
            Err(StoreError::Secret { .. })
        ));
    }
    let case = store
        .case(id)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("lost"));
    assert!(case.notes.is_empty());
}

#[test]
fn a_foreign_corrupt_or_newer_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join(posdesk::store::FILE_NAME);
    std::fs::write(&path, b"this is not a database, but someone's file\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let before = std::fs::read(&path).unwrap_or_default();
    match Store::open(&path) {
        Err(error @ StoreError::Corrupt { .. }) => {
            assert!(error.to_string().contains("posdesk.db"), "{error}")
        }
        other => panic!("{:?}", other.err()),
    }
    assert_eq!(std::fs::read(&path).unwrap_or_default(), before);

    let other = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&other).unwrap_or_else(|e| panic!("{e}"));
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap_or_else(|e| panic!("{e}"));
    }
    assert!(matches!(
        Store::open(&other),
        Err(StoreError::Corrupt { .. })
    ));

    let newer = dir.path().join("newer.db");
    {
        let conn = rusqlite::Connection::open(&newer).unwrap_or_else(|e| panic!("{e}"));
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    match Store::open(&newer) {
        Err(StoreError::Newer { found, .. }) => assert_eq!(found, SCHEMA_VERSION + 1),
        other => panic!("{:?}", other.err()),
    }
}

#[test]
fn an_empty_file_and_an_older_schema_are_migrated() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join(posdesk::store::FILE_NAME);
    std::fs::write(&path, b"").unwrap_or_else(|e| panic!("{e}"));
    let store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let id = store
        .new_case(&new_case())
        .unwrap_or_else(|e| panic!("{e}"));
    drop(store);
    // Opening again (the schema is current) keeps the data.
    let store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(store.case(id).ok().flatten().is_some());
    let conn = rusqlite::Connection::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap_or(0);
    assert_eq!(version, SCHEMA_VERSION);
}

#[test]
fn exports_parse_back() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    for n in 0..3 {
        let id = store
            .new_case(&new_case())
            .unwrap_or_else(|e| panic!("{e}"));
        store
            .add_note(id, &format!("第{n}个，带\"引号\"和,逗号\n和换行"))
            .unwrap_or_else(|e| panic!("{e}"));
        store
            .add_note(id, "第二条")
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let cases = store.cases(None, None, usize::MAX).unwrap_or_default();
    let jsonl = posdesk::report::cases::jsonl(&cases);
    let parsed: Vec<posdesk::store::Case> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(parsed, cases);
    let csv = posdesk::report::cases::csv(&cases);
    assert!(csv.starts_with('\u{feff}'));
    let rows = parse_csv(csv.trim_start_matches('\u{feff}'));
    assert_eq!(rows.len(), 4);
    let header = rows.first().cloned().unwrap_or_default();
    let notes = header
        .iter()
        .position(|h| h == "notes")
        .unwrap_or(usize::MAX);
    assert!(rows
        .get(1)
        .and_then(|r| r.get(notes))
        .is_some_and(|n| n.contains("\"引号\"和,逗号 和换行") && n.contains('\n')));
}

/// A small RFC 4180 reader, to check the export is what spreadsheets read.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    rows
}

fn card_number(prefix: &str, len: usize, seed: &[u8]) -> String {
    let mut digits: Vec<u32> = prefix.chars().filter_map(|c| c.to_digit(10)).collect();
    let mut i = 0;
    while digits.len() + 1 < len {
        digits.push(u32::from(seed.get(i % seed.len().max(1)).copied().unwrap_or(7)) % 10);
        i += 1;
    }
    for check in 0..10 {
        let mut candidate = digits.clone();
        candidate.push(check);
        if luhn(&candidate) {
            return candidate
                .iter()
                .map(|d| char::from_digit(*d, 10).unwrap_or('0'))
                .collect();
        }
    }
    String::new()
}

proptest! {
    #[test]
    fn random_card_numbers_in_random_text_never_survive(
        before in "[a-z 顾客卡号说了]{0,12}",
        after in "[a-z 刷不了次]{0,12}",
        len in 13usize..=19,
        seed in proptest::collection::vec(any::<u8>(), 1..20),
        separator in prop_oneof![Just(""), Just(" "), Just("-")],
    ) {
        let number = card_number("62", len, &seed);
        let written: Vec<String> = number
            .as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        let text = format!("{before} {} {after}", written.join(separator));
        let masked = mask_card_numbers(&text);
        prop_assert!(!masked.text.contains(&number), "{}", masked.text);
        prop_assert_eq!(masked.masked, 1);
        let digits_left: String = masked.text.chars().filter(char::is_ascii_digit).collect();
        prop_assert_eq!(digits_left.len(), 10);
    }

    #[test]
    fn digit_runs_that_are_not_card_numbers_are_untouched(
        digits in "[0-9]{1,12}|[0-9]{20,30}",
        before in "[a-z ]{0,5}",
    ) {
        let text = format!("{before} {digits} 元");
        prop_assert_eq!(mask_card_numbers(&text).text, text);
    }
}

// ----- processes -----

/// Run by the tests below as a child process: writes notes to the store in `POSDESK_DATA`,
/// printing each note's number once it is committed. Does nothing in a normal run.
#[test]
fn child_writer() {
    let Some(dir) = std::env::var_os("POSDESK_TEST_WRITER") else {
        return;
    };
    let store = Store::open_in(std::path::Path::new(&dir)).unwrap_or_else(|e| panic!("{e}"));
    let tag = std::env::var("POSDESK_TEST_TAG").unwrap_or_default();
    let count: usize = std::env::var("POSDESK_TEST_COUNT")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(usize::MAX);
    let id = store
        .new_case(&NewCase::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let mut out = std::io::stdout().lock();
    for n in 0..count {
        store
            .add_note(id, &format!("{tag} note {n}"))
            .unwrap_or_else(|e| panic!("{e}"));
        // Acknowledged only after the commit returned.
        use std::io::Write;
        let _ = writeln!(out, "ack {id} {n}");
        let _ = out.flush();
    }
}

fn writer(dir: &std::path::Path, tag: &str, count: Option<usize>) -> std::process::Child {
    let mut command = Command::new(std::env::current_exe().unwrap_or_else(|e| panic!("{e}")));
    command
        .args([
            "--exact",
            "child_writer",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env("POSDESK_TEST_WRITER", dir)
        .env("POSDESK_TEST_TAG", tag)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(count) = count {
        command.env("POSDESK_TEST_COUNT", count.to_string());
    }
    command.spawn().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn kill_9_in_a_burst_of_writes_loses_nothing_acknowledged() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut child = writer(dir.path(), "burst", None);
    let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    let mut acknowledged = Vec::new();
    // Read acknowledgements until enough writes are in; no fixed sleep.
    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
        // The test harness prints its own lines too: only acknowledgements count.
        let Some(ack) = line.strip_prefix("ack ") else {
            continue;
        };
        let mut parts = ack.split_whitespace();
        let (Some(id), Some(n)) = (parts.next(), parts.next()) else {
            continue;
        };
        acknowledged.push((
            id.parse::<i64>().unwrap_or(0),
            n.parse::<usize>().unwrap_or(0),
        ));
        if acknowledged.len() >= 150 {
            // SIGKILL, in the middle of the next write.
            let _ = child.kill();
            break;
        }
    }
    let _ = child.wait();
    assert!(acknowledged.len() >= 150);
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let id = acknowledged.first().map_or(0, |a| a.0);
    let case = store
        .case(id)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("case lost"));
    let found: std::collections::HashSet<String> =
        case.notes.iter().map(|n| n.text.clone()).collect();
    for (_, n) in &acknowledged {
        assert!(
            found.contains(&format!("burst note {n}")),
            "note {n} was acknowledged and lost"
        );
    }
    eprintln!(
        "kill -9: {} writes acknowledged, {} found after restart",
        acknowledged.len(),
        case.notes.len()
    );
}

#[test]
fn two_processes_write_at_once() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // Create the file first, so both children open an existing log.
    drop(Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}")));
    let children = [
        writer(dir.path(), "a", Some(60)),
        writer(dir.path(), "b", Some(60)),
    ];
    for mut child in children {
        let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
        assert!(status.success());
    }
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let cases = store.cases(None, None, 10).unwrap_or_default();
    assert_eq!(cases.len(), 2);
    for case in &cases {
        assert_eq!(case.notes.len(), 60);
    }
    let conn = rusqlite::Connection::open(store.path()).unwrap_or_else(|e| panic!("{e}"));
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap_or_default();
    assert_eq!(check, "ok");
}
