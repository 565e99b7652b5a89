//! The config file as a user meets it: precedence flag > environment > file > default,
//! shown by `config --print`; unknown keys and bad values refused with file and line;
//! `config --init` writes a commented file that reads back.

use std::path::Path;
use std::process::{Command, Output};

fn posdesk(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_posdesk"));
    command
        .env("POSDESK_LANG", "en")
        .args(args)
        .env_remove("POSDESK_DATA")
        .env_remove("POSDESK_CONFIG")
        .env_remove("NO_COLOR");
    for (key, value) in env {
        command.env(key, value);
    }
    command
        .output()
        .unwrap_or_else(|e| panic!("cannot run posdesk: {e}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn line<'a>(printed: &'a str, key: &str) -> &'a str {
    printed
        .lines()
        .find(|l| l.split_whitespace().next() == Some(key))
        .unwrap_or_else(|| panic!("no {key} in {printed}"))
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_flag_wins_over_the_environment_which_wins_over_the_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let config = dir.path().join("config.toml");
    write(
        &config,
        "data = \"from-file\"\ncolor = \"always\"\nmouse = false\ncontent = \"pack\"\n",
    );
    let config_arg = config.to_string_lossy().into_owned();
    let from_file = text(&posdesk(&["--config", &config_arg, "config", "--print"], &[]).stdout);
    assert!(
        line(&from_file, "data").contains("from-file"),
        "{from_file}"
    );
    assert!(
        line(&from_file, "data").contains("config.toml:1"),
        "{from_file}"
    );
    assert!(
        line(&from_file, "color").starts_with("color    always"),
        "{from_file}"
    );
    assert!(line(&from_file, "mouse").contains("false"), "{from_file}");
    // Relative to the file's folder.
    assert!(
        line(&from_file, "content").contains(&dir.path().join("pack").display().to_string()),
        "{from_file}"
    );
    let env = text(
        &posdesk(
            &["--config", &config_arg, "config", "--print"],
            &[("POSDESK_DATA", "/from/env"), ("NO_COLOR", "1")],
        )
        .stdout,
    );
    assert!(
        line(&env, "data").contains("/from/env (environment POSDESK_DATA)")
            || line(&env, "data").contains("environment POSDESK_DATA"),
        "{env}"
    );
    // The user's own config wins over NO_COLOR (no-color.org); without it, NO_COLOR holds.
    assert!(line(&env, "color").contains("always"), "{env}");
    let bare = dir.path().join("bare.toml");
    write(&bare, "mouse = true\n");
    let bare_arg = bare.to_string_lossy().into_owned();
    let no_color = text(
        &posdesk(
            &["--config", &bare_arg, "config", "--print"],
            &[("NO_COLOR", "1")],
        )
        .stdout,
    );
    assert!(
        line(&no_color, "color").contains("never  (environment NO_COLOR)"),
        "{no_color}"
    );
    let flag = text(
        &posdesk(
            &[
                "--config",
                &config_arg,
                "--data",
                "/from/flag",
                "--color",
                "auto",
                "config",
                "--print",
            ],
            &[("POSDESK_DATA", "/from/env")],
        )
        .stdout,
    );
    assert!(
        line(&flag, "data").contains("/from/flag") && line(&flag, "data").contains("--data"),
        "{flag}"
    );
    assert!(
        line(&flag, "color").contains("auto") && line(&flag, "color").contains("--color"),
        "{flag}"
    );
    // The environment names the file too.
    let by_env = text(&posdesk(&["config", "--print"], &[("POSDESK_CONFIG", &config_arg)]).stdout);
    assert!(
        line(&by_env, "config").contains("environment POSDESK_CONFIG"),
        "{by_env}"
    );
    assert!(line(&by_env, "data").contains("from-file"), "{by_env}");
}

#[test]
fn unknown_keys_and_bad_values_stop_every_command_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let config = dir.path().join("config.toml");
    write(&config, "# mine\ncolour = \"never\"\nmouse = \"yes\"\n");
    let config_arg = config.to_string_lossy().into_owned();
    let out = posdesk(&["--config", &config_arg, "code", "05"], &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("config.toml:2:1: unknown key `colour`"),
        "{err}"
    );
    assert!(err.contains("did you mean `color`"), "{err}");
    assert!(
        err.contains("config.toml:3:1: bad value for `mouse`"),
        "{err}"
    );
    // A config named but missing is an error; the default one missing is not.
    let missing = dir.path().join("nope.toml").to_string_lossy().into_owned();
    assert_eq!(
        posdesk(&["--config", &missing, "code", "05"], &[])
            .status
            .code(),
        Some(1)
    );
    let home = dir.path().join("home").to_string_lossy().into_owned();
    let out = posdesk(
        &["code", "05"],
        &[("HOME", &home), ("XDG_CONFIG_HOME", &home)],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn render_keeps_nothing_in_the_data_folder_of_the_config() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let config = dir.path().join("config.toml");
    write(&config, "data = \"log\"\n");
    let config_arg = config.to_string_lossy().into_owned();
    let out = posdesk(
        &[
            "--config",
            &config_arg,
            "render",
            "--size",
            "80x24",
            "--keys",
            "<C-a>",
        ],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        !dir.path().join("log").join("posdesk.db").exists(),
        "render wrote a case"
    );
    // --data says where, and then it writes.
    let data = dir.path().join("chosen").to_string_lossy().into_owned();
    let out = posdesk(
        &[
            "--config",
            &config_arg,
            "--data",
            &data,
            "render",
            "--size",
            "80x24",
            "--keys",
            "<C-a>",
        ],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(dir.path().join("chosen").join("posdesk.db").exists());
}

#[test]
fn init_writes_a_commented_file_once_that_reads_back() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let config = dir.path().join("sub").join("config.toml");
    let config_arg = config.to_string_lossy().into_owned();
    let out = posdesk(&["--config", &config_arg, "config", "--init"], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&config).unwrap_or_else(|e| panic!("{e}"));
    for key in ["content", "data", "color", "theme", "mouse", "keymap"] {
        assert!(written.contains(&format!("# {key} = ")), "{key}: {written}");
    }
    let again = posdesk(&["--config", &config_arg, "config", "--init"], &[]);
    assert_eq!(again.status.code(), Some(1));
    let forced = posdesk(
        &["--config", &config_arg, "config", "--init", "--force"],
        &[],
    );
    assert!(forced.status.success());
    // Uncommented, every example reads back.
    let uncommented: String = written
        .lines()
        .filter_map(|l| l.strip_prefix("# "))
        .filter(|l| l.contains(" = "))
        .map(|l| format!("{l}\n"))
        .collect();
    write(&config, &uncommented);
    // The examples name a pack folder and a keymap that are not here: said, exit 1.
    let printed = posdesk(&["--config", &config_arg, "config", "--print"], &[]);
    assert_eq!(printed.status.code(), Some(1));
    assert!(text(&printed.stdout).contains("keymap.toml"));
    assert!(
        text(&printed.stderr).contains("/srv/posdesk/pack is not a folder"),
        "{}",
        text(&printed.stderr)
    );
    // With them there, every example is in effect.
    let folder = config.parent().unwrap_or_else(|| panic!("no folder"));
    write(
        &folder.join("keymap.toml"),
        "[[global]]\non = \"<F9>\"\nrun = \"show_quiz\"\n",
    );
    let pack = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    write(
        &config,
        &uncommented.replace("/srv/posdesk/pack", &pack.to_string_lossy()),
    );
    let printed = posdesk(&["--config", &config_arg, "config", "--print"], &[]);
    assert!(printed.status.success(), "{}", text(&printed.stderr));
    assert!(line(&text(&printed.stdout), "theme").contains("light"));
}

#[test]
fn a_keymap_file_with_a_mistake_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let config = dir.path().join("config.toml");
    write(&config, "keymap = \"keys.toml\"\n");
    write(
        &dir.path().join("keys.toml"),
        "[[global]]\non = \"<F9>\"\nrun = \"show_quizz\"\ndesc = \"x\"\n",
    );
    let config_arg = config.to_string_lossy().into_owned();
    // The full-screen app reads the keymap before it needs a terminal.
    let out = posdesk(&["--config", &config_arg], &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("keys.toml:3:"), "{err}");
    assert!(err.contains("show_quiz"), "did-you-mean missing: {err}");
}

#[test]
fn a_theme_is_a_built_in_name_or_a_file_and_a_broken_one_is_refused_by_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let config = dir.path().join("config.toml");
    write(&config, "theme = \"mine.toml\"\n");
    write(
        &dir.path().join("mine.toml"),
        "[styles]\nheading = { fg = \"cyan\" }\nheadng = {}\n",
    );
    let config_arg = config.to_string_lossy().into_owned();
    let printed = text(&posdesk(&["--config", &config_arg, "config", "--print"], &[]).stdout);
    assert!(line(&printed, "theme").contains("mine.toml"), "{printed}");
    let out = posdesk(&["--config", &config_arg], &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("mine.toml:3:1: unknown role `headng`"),
        "{err}"
    );
    write(&config, "theme = \"solarized\"\n");
    let out = posdesk(&["--config", &config_arg], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("high-contrast"),
        "{}",
        text(&out.stderr)
    );
}
