//! The command line, run as a process: output and exit codes.

use std::path::Path;
use std::process::{Command, Output};

fn posdesk(args: &[&str]) -> Output {
    posdesk_in("zh", args)
}

/// posdesk in a language: the loader's messages are checked in English.
fn posdesk_in(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_posdesk"))
        .env("POSDESK_LANG", lang)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run posdesk: {e}"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn content_dir() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("content")
        .display()
        .to_string()
}

#[test]
fn lint_passes_on_the_shipped_pack_with_a_one_line_summary() {
    for args in [
        vec!["--lang", "en", "lint"],
        vec!["--lang", "en", "lint", content_dir().as_str()],
        vec!["--lang", "en", "--content", content_dir().as_str(), "lint"],
    ] {
        let out = posdesk(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let text = stdout(&out);
        assert_eq!(text.lines().count(), 1, "{text}");
        assert!(
            text.starts_with("ok: ") && text.contains("symptoms"),
            "{text}"
        );
    }
}

#[test]
fn lint_fails_with_file_line_col_lines() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("bad.toml"),
        "[[cause]]\nid = \"x\"\ntitel = \"t\"\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = posdesk_in("en", &["lint", &dir.path().display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(!text.is_empty());
    for line in text.lines() {
        assert!(line.contains("bad.toml:"), "{line}");
    }
    assert!(text.contains("bad.toml:3:1: unknown key `titel`"), "{text}");
}

#[test]
fn other_commands_refuse_a_broken_pack() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("bad.toml"), "not toml at all [")
        .unwrap_or_else(|e| panic!("{e}"));
    let out = posdesk(&[
        "--content",
        &dir.path().display().to_string(),
        "search",
        "yebz",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("bad.toml:1:"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
}

#[test]
fn search_prints_ranked_results() {
    let out = posdesk(&["search", "yebz", "--limit", "3"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(
        text.lines().next().is_some_and(|l| l.contains("余额不足")),
        "{text}"
    );
}

#[test]
fn search_json_is_an_array_of_objects_with_kind_id_title_score() {
    let out = posdesk(&["search", "认证失败", "--json", "--limit", "5"]);
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let hits = value
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {value}"));
    assert!(!hits.is_empty() && hits.len() <= 5);
    for hit in hits {
        for key in ["kind", "id", "title", "score"] {
            assert!(hit.get(key).is_some(), "{key} missing in {hit}");
        }
    }
    assert_eq!(
        hits.first()
            .and_then(|h| h.get("id"))
            .and_then(|v| v.as_str()),
        Some("cardholder-auth-failed")
    );
    let empty = posdesk(&["search", "xyzzyq", "--json"]);
    assert_eq!(stdout(&empty).trim(), "[]");
    // Nothing found is exit 1, in JSON and in text.
    assert_eq!(empty.status.code(), Some(1));
    assert_eq!(posdesk(&["search", "xyzzyq"]).status.code(), Some(1));
}

#[test]
fn search_rejects_a_zero_limit() {
    let out = posdesk(&["search", "x", "--limit", "0"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn show_prints_an_item_with_its_links() {
    let out = posdesk(&["show", "card-status-abnormal"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for part in [
        "卡片状态异常",
        "如何判断",
        "解决步骤",
        "对顾客说",
        "出现在",
        "cardholder-auth-failed",
    ] {
        assert!(text.contains(part), "missing {part} in\n{text}");
    }
}

#[test]
fn show_unknown_id_fails_with_a_suggestion() {
    let out = posdesk(&["--lang", "en", "show", "card-status-abnormall"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("did you mean \"card-status-abnormal\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn code_explains_a_code_in_any_typed_form() {
    for typed in ["05", "5", " 05 "] {
        let out = posdesk(&["code", typed]);
        assert_eq!(out.status.code(), Some(0), "{typed}");
        let text = stdout(&out);
        assert!(
            text.contains("持卡人认证失败") && text.contains("不予承兑"),
            "{text}"
        );
    }
    let text = stdout(&posdesk(&["code", "a0"]));
    assert!(text.contains("MAC"), "{text}");
}

#[test]
fn code_for_a_discreet_code_warns_first() {
    let text = stdout(&posdesk(&["code", "43"]));
    assert!(text.contains("风险卡"), "{text}");
}

#[test]
fn unknown_or_malformed_code_exits_1_with_a_clear_message() {
    let out = posdesk(&["--lang", "en", "code", "ZZ"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("unknown response code ZZ"),
        "{}",
        stderr(&out)
    );
    let out = posdesk(&["--lang", "en", "code", "123"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not a response code"));
}

#[test]
fn export_writes_markdown_html_and_json() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (format, check) in [
        ("md", "# posdesk"),
        ("html", "<!DOCTYPE html>"),
        ("json", "\"symptoms\""),
    ] {
        let file = dir.path().join(format!("pack.{format}"));
        let out = posdesk(&[
            "export",
            "--format",
            format,
            "-o",
            &file.display().to_string(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(text.contains(check), "{format}");
        assert!(text.contains("持卡人认证失败"), "{format}");
    }
    let out = posdesk(&["export", "--format", "json"]);
    let value: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert!(value
        .get("codes")
        .and_then(|c| c.as_array())
        .is_some_and(|c| c.len() > 50));
    let html = stdout(&posdesk(&["export", "--format", "html"]));
    assert!(!html.contains("<script"), "content is escaped");
}

#[test]
fn export_to_an_impossible_path_fails_cleanly() {
    let out = posdesk(&[
        "--lang",
        "en",
        "export",
        "--format",
        "md",
        "-o",
        "/nonexistent-dir/x.md",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot write"));
}

#[test]
fn help_and_version() {
    let out = posdesk(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    for command in ["lint", "search", "show", "code", "export"] {
        assert!(stdout(&out).contains(command), "{command}");
    }
    let out = posdesk(&["--version"]);
    assert!(stdout(&out).starts_with("posdesk "));
}

#[test]
fn unknown_command_is_a_usage_error() {
    assert_eq!(posdesk(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn render_prints_exactly_height_lines_at_any_size() {
    for (size, height) in [
        ("120x40", 40),
        ("80x24", 24),
        ("60x20", 20),
        ("30x8", 8),
        ("1x1", 1),
        ("0x0", 0),
        ("300x100", 100),
    ] {
        let out = posdesk(&["render", "--size", size, "--keys", "yebz<Down><Enter>"]);
        assert_eq!(out.status.code(), Some(0), "{size}: {}", stderr(&out));
        assert_eq!(stdout(&out).lines().count(), height, "{size}");
    }
    let text = stdout(&posdesk(&[
        "render",
        "--size",
        "120x40",
        "--keys",
        "yebz<Enter>",
    ]));
    assert!(text.contains("余额不足"), "{text}");
}

#[test]
fn render_rejects_unknown_keys_and_bad_sizes() {
    let out = posdesk(&[
        "--lang", "en", "render", "--size", "80x24", "--keys", "<Entr>",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("unknown key name <Entr>"),
        "{}",
        stderr(&out)
    );
    for size in ["80", "80x", "x24", "-1x5", "5000x5000", "axb"] {
        let out = posdesk(&["render", "--size", size]);
        assert_eq!(out.status.code(), Some(2), "{size}");
    }
}

#[test]
fn the_app_refuses_to_start_without_a_terminal() {
    let out = posdesk(&["--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("needs a terminal"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn render_takes_a_100_kb_paste_from_a_keys_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("keys.txt");
    let paste = "余额不足认证失败".repeat(4_300);
    std::fs::write(&path, format!("<paste>{paste}</paste>\n")).unwrap_or_else(|e| panic!("{e}"));
    let file = path.to_string_lossy().to_string();
    let out = posdesk(&["render", "--size", "120x40", "--keys-file", &file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let screen = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(screen.lines().count(), 40);
    assert!(screen.contains("搜索最多 200 个字"), "{screen}");
    let missing = posdesk(&[
        "--lang",
        "en",
        "render",
        "--size",
        "80x24",
        "--keys-file",
        "/no/such/keys",
    ]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("cannot read keys from /no/such/keys"));
}
