//! The conventions of a well-made command line: shell completions, a manual page, help
//! that names the environment, files and exit codes, `lint --format json`, and `--color`.

use std::process::{Command, Output};

/// posdesk with no settings of the developer's own: no config file, no NO_COLOR.
fn posdesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_posdesk"))
        .env("POSDESK_LANG", "en")
        .args(args)
        .env_remove("POSDESK_DATA")
        .env_remove("NO_COLOR")
        .env_remove("POSDESK_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent/posdesk-test")
        .output()
        .unwrap_or_else(|e| panic!("cannot run posdesk: {e}"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn completions_for_every_shell_know_the_commands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = posdesk(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let text = stdout(&out);
        for word in ["quiz", "lint", "export", "content"] {
            assert!(text.contains(word), "{shell} completions lack {word}");
        }
    }
    assert_eq!(posdesk(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn the_manual_page_and_the_help_name_environment_files_and_exit_codes() {
    let man = stdout(&posdesk(&["man"]));
    assert!(
        man.starts_with(".ie") || man.contains(".TH posdesk 1"),
        "{man}"
    );
    assert!(man.contains(".TH posdesk 1"));
    let help = stdout(&posdesk(&["--help"]));
    for part in [
        "POSDESK_DATA",
        "POSDESK_CONFIG",
        "NO_COLOR",
        "posdesk.db",
        "config.toml",
        "Exit codes",
        "bad usage",
    ] {
        assert!(help.contains(part), "--help lacks {part}");
        assert!(man.contains(part), "man lacks {part}");
    }
}

#[test]
fn man_pages_for_every_command_go_into_a_folder() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out_dir = dir.path().join("man1");
    let arg = out_dir.to_string_lossy().into_owned();
    assert!(posdesk(&["man", "--dir", &arg]).status.success());
    let main = std::fs::read_to_string(out_dir.join("posdesk.1")).unwrap_or_else(|e| panic!("{e}"));
    // Every page the main page refers to is there.
    for name in ["lint", "quiz", "config", "cases", "export"] {
        assert!(
            main.contains(&format!("posdesk\\-{name}(1)"))
                || main.contains(&format!("posdesk-{name}(1)")),
            "{name}"
        );
        assert!(out_dir.join(format!("posdesk-{name}.1")).exists(), "{name}");
    }
}

#[test]
fn lint_as_json_lists_problems_with_their_places() {
    let ok = posdesk(&["lint", "--format", "json"]);
    assert!(ok.status.success());
    let report: serde_json::Value =
        serde_json::from_slice(&ok.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report["ok"], true);
    assert!(report["items"].as_u64().is_some_and(|n| n > 100));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("pack.toml"),
        "name = \"x\"\nversion = \"1\"\ndescription = \"x\"\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("codes.toml"), "[[code]]\ncode = \"05\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let dir_arg = dir.path().to_string_lossy().into_owned();
    let broken = posdesk(&["lint", &dir_arg, "--format", "json"]);
    assert_eq!(broken.status.code(), Some(1));
    let report: serde_json::Value =
        serde_json::from_slice(&broken.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report["ok"], false);
    let problems = report["problems"]
        .as_array()
        .unwrap_or_else(|| panic!("no list"));
    assert!(!problems.is_empty());
    assert!(problems.iter().any(|p| p["file"]
        .as_str()
        .is_some_and(|f| f.ends_with("codes.toml"))
        && p["line"] == 2));
    assert_eq!(
        posdesk(&["lint", "--format", "yaml"]).status.code(),
        Some(2)
    );
}

#[cfg(unix)]
mod color {
    use rexpect::session::PtySession;

    fn start(args: &str, no_color: bool) -> PtySession {
        let binary = env!("CARGO_BIN_EXE_posdesk");
        let env = if no_color { "NO_COLOR=1 " } else { "" };
        // No config file of the developer's own.
        let command = format!(
            "sh -c 'stty cols 100 rows 30; unset POSDESK_CONFIG; XDG_CONFIG_HOME=/nonexistent/posdesk-test {env}POSDESK_LANG=zh {binary} {args}; echo \"exit=$?\"'"
        );
        rexpect::spawn(&command, Some(20_000)).unwrap_or_else(|e| panic!("{e}"))
    }

    /// The first frame, up to the search hint.
    fn first_frame(session: &mut PtySession) -> String {
        let (before, _) = session
            .exp_regex("yebz")
            .unwrap_or_else(|e| panic!("no first frame: {e}"));
        session.send_control('c').unwrap_or_else(|e| panic!("{e}"));
        let _ = session.exp_string("exit=");
        before
    }

    #[test]
    fn color_never_draws_no_colour_and_always_overrides_no_color() {
        let plain = first_frame(&mut start("--color never", false));
        assert!(!plain.contains("\u{1b}[38;5"), "colour with --color never");
        let forced = first_frame(&mut start("--color always", true));
        assert!(
            forced.contains("\u{1b}[38;5"),
            "no colour with --color always"
        );
        let auto = first_frame(&mut start("", true));
        assert!(!auto.contains("\u{1b}[38;5"), "colour despite NO_COLOR");
    }
}
