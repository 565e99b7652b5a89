//! Hostile input, safe output: a pack or an argument with escape sequences never gets
//! them to the terminal, a handout never carries live markup, and `export -o` never
//! writes through a link or over something that is not a file.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn posdesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_posdesk"))
        .env("POSDESK_LANG", "zh")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run posdesk: {e}"))
}

/// Every byte a terminal would act on (C0 but newline and tab, DEL, and the C1 range as
/// UTF-8, U+0080–U+009F).
fn has_control(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    text.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t') || ('\u{202a}'..='\u{202e}').contains(&c)
    })
}

fn assert_clean(out: &Output, what: &str) {
    assert!(
        !has_control(&out.stdout),
        "{what}: stdout carries control characters"
    );
    assert!(
        !has_control(&out.stderr),
        "{what}: stderr carries control characters"
    );
}

/// A copy of the shipped pack in a temporary directory, plus `extra` files.
fn pack_with(extra: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for file in posdesk::load::embedded_files() {
        let path = dir.path().join(file.path.trim_start_matches("content/"));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::write(&path, &file.bytes).unwrap_or_else(|e| panic!("{e}"));
    }
    for (name, text) in extra {
        std::fs::write(dir.path().join(name), text).unwrap_or_else(|e| panic!("{e}"));
    }
    dir
}

fn faq(id: &str, question: &str, answer: &str) -> String {
    format!(
        "[[faq]]\nid = \"{id}\"\nquestion = \"{question}\"\nanswer = \"{answer}\"\ncauses = [\"payment-environment\"]\nsources = [\"posdesk-practice\"]\n"
    )
}

#[test]
fn escape_sequences_in_a_pack_are_lint_errors_and_never_printed() {
    let hostile = [
        (
            "osc52.toml",
            faq("faq-osc", "剪贴板\\u001b]52;c;aGk=\\u0007", "无"),
        ),
        ("clear.toml", faq("faq-clear", "清屏\\e[2J\\e[H", "无")),
        ("c1.toml", faq("faq-c1", "C1\\u009b2J", "无")),
        ("bidi.toml", faq("faq-bidi", "顺序\u{202e}反了", "无")),
        ("zero.toml", faq("faq-zero", "看不\u{200b}见", "无")),
    ];
    for (name, text) in &hostile {
        let dir = pack_with(&[(name, text)]);
        let path = dir.path().display().to_string();
        let lint = posdesk(&["lint", &path]);
        assert_eq!(lint.status.code(), Some(1), "{name} passes lint");
        let report = String::from_utf8_lossy(&lint.stdout);
        assert!(
            report.contains(&format!("{name}:3:")),
            "{name}: no line and column: {report}"
        );
        assert_clean(&lint, name);
        for args in [
            vec!["--content", &path, "show", "faq-osc"],
            vec!["--content", &path, "search", "剪贴板"],
            vec!["--content", &path, "export", "--format", "md"],
        ] {
            let out = posdesk(&args);
            assert_ne!(
                out.status.code(),
                Some(0),
                "{name}: {args:?} loaded a hostile pack"
            );
            assert_clean(&out, name);
        }
    }
}

#[test]
fn arguments_are_echoed_safely() {
    let osc = "x\u{1b}]52;c;aGk=\u{7}";
    for args in [
        vec!["show", osc],
        vec!["code", "\u{1b}[2J"],
        vec!["search", "\u{1b}]0;title\u{7}"],
        vec!["render", "--size", "1\u{1b}[2Jx"],
        vec!["--content", "/nonexistent/\u{1b}[31mred", "lint"],
        vec![
            "export",
            "--format",
            "md",
            "-o",
            "/nonexistent/\u{1b}[2J.md",
        ],
    ] {
        let out = posdesk(&args);
        assert_clean(&out, &format!("{args:?}"));
    }
    // The escape is shown, not dropped: the clerk sees what was typed.
    let out = posdesk(&["show", osc]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("\\u{1b}"));
}

#[test]
fn json_stays_exact() {
    let out = posdesk(&["search", "余额", "--json", "--limit", "1"]);
    let value: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert!(value.as_array().is_some_and(|a| a.len() == 1));
}

#[test]
fn a_hostile_markdown_or_html_pack_makes_an_inert_handout() {
    let dir = pack_with(&[(
        "markup.toml",
        &faq(
            "faq-markup",
            "<script>alert(1)</script>[点我](javascript:alert(1))",
            "<img src=x onerror=alert(1)> ![x](http://evil/x.png) ](javascript:alert(2)) # 标题 | 表格 `代码`",
        ),
    )]);
    let path = dir.path().display().to_string();
    let md = posdesk(&["--content", &path, "export", "--format", "md"]);
    assert_eq!(
        md.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&md.stderr)
    );
    let md = String::from_utf8_lossy(&md.stdout);
    for live in ["<script", "<img", "](javascript", "![x](", "`代码`"] {
        assert!(!md.contains(live), "markdown keeps {live}");
    }
    assert!(md.contains("&lt;script&gt;"), "the text itself is kept");
    // Every link of the handout goes to an anchor of the pack's own ids.
    for target in md.split("](").skip(1) {
        assert!(
            target.starts_with('#'),
            "a link leaves the handout: {target:.40}"
        );
    }
    let html = posdesk(&["--content", &path, "export", "--format", "html"]);
    let html = String::from_utf8_lossy(&html.stdout);
    for live in ["<script", "<img", "href=\"javascript"] {
        assert!(!html.contains(live), "html keeps {live}");
    }
}

fn export_to(target: &Path) -> Output {
    posdesk(&[
        "--lang",
        "en",
        "export",
        "--format",
        "json",
        "-o",
        &target.display().to_string(),
    ])
}

fn leftovers(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().ends_with(".tmp"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn export_never_writes_through_a_link_or_over_a_non_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap_or_else(|e| panic!("{e}"));
    let link = dir.path().join("handout.json");
    std::os::unix::fs::symlink(&victim, &link).unwrap_or_else(|e| panic!("{e}"));
    let out = export_to(&link);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("symbolic link"));
    assert_eq!(
        std::fs::read_to_string(&victim).ok().as_deref(),
        Some("keep me")
    );

    for not_a_file in [Path::new("/dev/null"), dir.path()] {
        let out = export_to(not_a_file);
        assert_eq!(out.status.code(), Some(1), "{not_a_file:?}");
    }
    let fifo = dir.path().join("pipe.json");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let out = export_to(&fifo);
        assert_eq!(out.status.code(), Some(1), "a FIFO is refused");
        assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
    }
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn export_keeps_a_private_file_private_and_replaces_it_whole() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let target = dir.path().join("handout.json");
    std::fs::write(&target, "old").unwrap_or_else(|e| panic!("{e}"));
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600))
        .unwrap_or_else(|e| panic!("{e}"));
    let out = export_to(&target);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mode = std::fs::metadata(&target).map(|m| m.permissions().mode() & 0o777);
    assert_eq!(mode.ok(), Some(0o600));
    let written = std::fs::read(&target).unwrap_or_default();
    assert!(serde_json::from_slice::<serde_json::Value>(&written).is_ok());
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn export_into_a_read_only_directory_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap_or_else(|e| panic!("{e}"));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555))
        .unwrap_or_else(|e| panic!("{e}"));
    let out = export_to(&locked.join("handout.json"));
    // Root may write anyway; either way nothing half-written is left behind.
    if out.status.code() == Some(1) {
        assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"));
    }
    assert!(leftovers(&locked).is_empty());
    let _ = std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755));
}

#[test]
fn export_to_dash_is_standard_output() {
    let out = posdesk(&["export", "--format", "json", "-o", "-"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(serde_json::from_slice::<serde_json::Value>(&out.stdout).is_ok());
    assert!(!Path::new("-").exists());
}
