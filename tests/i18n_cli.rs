//! The command line in both languages: `--help` of every command, usage errors and other
//! errors, the file `config --init` writes, and `config --print`'s `lang` line with where
//! the language came from (flag, POSDESK_LANG, the config file, the locale, the default).

use std::path::Path;
use std::process::{Command, Output};

/// posdesk with no language, config or locale of the developer's own; `env` adds some.
fn posdesk(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_posdesk"));
    command.args(args);
    for name in [
        "POSDESK_LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "POSDESK_CONFIG",
        "POSDESK_DATA",
        "NO_COLOR",
    ] {
        command.env_remove(name);
    }
    command.env("XDG_CONFIG_HOME", "/nonexistent/posdesk-i18n-test");
    for (name, value) in env {
        command.env(name, value);
    }
    command
        .output()
        .unwrap_or_else(|e| panic!("cannot run posdesk: {e}"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

fn has_cjk(text: &str) -> bool {
    text.chars().any(is_cjk)
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
}

const ENGLISH: [&str; 3] = [
    "Check a content pack",
    "Exit codes:",
    "Load the knowledge pack from this directory",
];
const CHINESE: [&str; 3] = ["检查内容包", "退出码：", "从这个目录载入知识包"];

fn is_english_help(help: &str) -> bool {
    ENGLISH.iter().all(|part| help.contains(part)) && !has_cjk(help)
}

fn is_chinese_help(help: &str) -> bool {
    CHINESE.iter().all(|part| help.contains(part))
}

#[test]
fn help_speaks_the_language_chosen_by_flag_environment_config_or_locale() {
    let english = stdout(&posdesk(&["--lang", "en", "--help"], &[]));
    assert!(is_english_help(&english), "{english}");
    let chinese = stdout(&posdesk(&["--lang", "zh", "--help"], &[]));
    assert!(is_chinese_help(&chinese), "{chinese}");
    assert!(!chinese.contains("Exit codes"), "{chinese}");

    let by_env = stdout(&posdesk(&["--help"], &[("POSDESK_LANG", "zh")]));
    assert!(is_chinese_help(&by_env), "{by_env}");
    let by_env = stdout(&posdesk(&["--help"], &[("POSDESK_LANG", "en")]));
    assert!(is_english_help(&by_env), "{by_env}");
    // The flag wins over the environment, after the command too.
    let flag_wins = stdout(&posdesk(
        &["--help", "--lang=en"],
        &[("POSDESK_LANG", "zh")],
    ));
    assert!(is_english_help(&flag_wins), "{flag_wins}");
    // The locale, then the default: Chinese.
    let locale = stdout(&posdesk(&["--help"], &[("LANG", "en_US.UTF-8")]));
    assert!(is_english_help(&locale), "{locale}");
    let default = stdout(&posdesk(&["--help"], &[]));
    assert!(is_chinese_help(&default), "{default}");
    // The config file's lang.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let config = dir.path().join("config.toml");
    write(&config, "lang = \"en\"\n");
    let config_arg = config.to_string_lossy().into_owned();
    let from_file = stdout(&posdesk(&["--config", &config_arg, "--help"], &[]));
    assert!(is_english_help(&from_file), "{from_file}");
    let from_env_file = stdout(&posdesk(&["--help"], &[("POSDESK_CONFIG", &config_arg)]));
    assert!(is_english_help(&from_env_file), "{from_env_file}");

    // A subcommand's help, and clap's own --help and --version lines.
    let lint = stdout(&posdesk(&["--lang", "zh", "lint", "--help"], &[]));
    assert!(
        lint.contains("内容包的目录") && lint.contains("显示帮助"),
        "{lint}"
    );
    let lint = stdout(&posdesk(&["lint", "--help"], &[("POSDESK_LANG", "en")]));
    assert!(
        lint.contains("The pack directory") && lint.contains("Print help"),
        "{lint}"
    );
}

/// The entries of the `Commands:`, `Arguments:` and `Options:` lists of a `-h` page.
fn entries(help: &str) -> Vec<&str> {
    let mut listed = Vec::new();
    let mut inside = false;
    for line in help.lines() {
        if ["Commands:", "Arguments:", "Options:"].contains(&line) {
            inside = true;
        } else if line.trim().is_empty() {
            inside = false;
        } else if inside {
            listed.push(line);
        }
    }
    listed
}

/// The subcommands a `-h` page lists, but `help`.
fn subcommands(help: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut inside = false;
    for line in help.lines() {
        if line == "Commands:" {
            inside = true;
        } else if !line.starts_with("  ") {
            inside = false;
        } else if inside {
            if let Some(name) = line.split_whitespace().next().filter(|n| *n != "help") {
                names.push(name.to_string());
            }
        }
    }
    names
}

/// Every command's help, in each language, is wholly in it: a command or an argument
/// without its words in a catalog shows English (or nothing) in the Chinese help.
#[test]
fn every_command_and_argument_is_described_in_both_languages() {
    let mut paths: Vec<Vec<String>> = vec![Vec::new()];
    let mut checked = 0;
    while let Some(path) = paths.pop() {
        let words: Vec<&str> = path.iter().map(String::as_str).collect();
        let run = |lang: &str| {
            let mut args = vec!["--lang", lang];
            args.extend_from_slice(&words);
            args.push("-h");
            let out = posdesk(&args, &[]);
            assert!(out.status.success(), "{args:?}: {}", stderr(&out));
            stdout(&out)
        };
        let english = run("en");
        let chinese = run("zh");
        assert!(!has_cjk(&english), "{path:?}:\n{english}");
        let first = chinese.lines().next().unwrap_or_default();
        assert!(
            has_cjk(first),
            "{path:?}: the about is not Chinese:\n{chinese}"
        );
        let listed = entries(&chinese);
        assert!(!listed.is_empty(), "{path:?}:\n{chinese}");
        for entry in listed {
            assert!(
                has_cjk(entry),
                "{path:?}: not described in Chinese: {entry}"
            );
        }
        for text in [&english, &chinese] {
            assert!(
                !text.contains("help_cli."),
                "{path:?}: a key shows:\n{text}"
            );
        }
        for name in subcommands(&english) {
            let mut sub = path.clone();
            sub.push(name);
            paths.push(sub);
        }
        checked += 1;
    }
    assert!(checked >= 18, "only {checked} commands");
}

#[test]
fn errors_speak_the_language_too() {
    let en = posdesk(&["--lang", "en", "code", "99999"], &[]);
    assert_eq!(en.status.code(), Some(1));
    assert!(
        stderr(&en).contains("\"99999\" is not a response code"),
        "{}",
        stderr(&en)
    );
    let zh = posdesk(&["--lang", "zh", "code", "99999"], &[]);
    assert_eq!(zh.status.code(), Some(1));
    assert!(
        stderr(&zh).contains("「99999」不是应答码"),
        "{}",
        stderr(&zh)
    );

    // A usage error: clap's frame ("error:", "Usage:") stays, the reason is translated.
    let en = posdesk(&["--lang", "en", "render", "--size", "80"], &[]);
    assert_eq!(en.status.code(), Some(2));
    assert!(stderr(&en).contains("is not a size"), "{}", stderr(&en));
    let zh = posdesk(&["render", "--size", "80"], &[("POSDESK_LANG", "zh")]);
    assert_eq!(zh.status.code(), Some(2));
    assert!(stderr(&zh).contains("不是大小"), "{}", stderr(&zh));

    // A config file with a mistake: the problem, its hint and the summary.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let config = dir.path().join("config.toml");
    write(&config, "colour = \"never\"\n");
    let config_arg = config.to_string_lossy().into_owned();
    let en = posdesk(
        &["--lang", "en", "--config", &config_arg, "code", "05"],
        &[],
    );
    assert_eq!(en.status.code(), Some(1));
    let text = stderr(&en);
    for part in [
        "config.toml:1:1: unknown key `colour` in the config (fix: did you mean `color`?)",
        "the config file has 1 problem(s)",
    ] {
        assert!(text.contains(part), "{part}:\n{text}");
    }
    let zh = posdesk(
        &["--lang", "zh", "--config", &config_arg, "code", "05"],
        &[],
    );
    assert_eq!(zh.status.code(), Some(1));
    let text = stderr(&zh);
    for part in [
        "config.toml:1:1: 配置文件里有未知的键 `colour`（修正：是不是 `color`？）",
        "配置文件有 1 个问题",
    ] {
        assert!(text.contains(part), "{part}:\n{text}");
    }
    assert!(!text.contains("unknown key"), "{text}");
}

/// The `lang` line of `config --print`.
fn lang_line(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut all = args.to_vec();
    all.extend(["config", "--print"]);
    let out = posdesk(&all, env);
    assert!(out.status.success(), "{all:?}: {}", stderr(&out));
    stdout(&out)
        .lines()
        .find(|line| line.starts_with("lang "))
        .unwrap_or_else(|| panic!("no lang line: {}", stdout(&out)))
        .to_string()
}

#[test]
fn config_print_shows_the_language_and_where_it_came_from() {
    assert_eq!(
        lang_line(&["--lang", "en"], &[("POSDESK_LANG", "zh")]),
        "lang     en  (flag --lang)"
    );
    assert_eq!(
        lang_line(&[], &[("POSDESK_LANG", "en"), ("LANG", "zh_CN.UTF-8")]),
        "lang     en  (environment POSDESK_LANG)"
    );
    assert_eq!(
        lang_line(&[], &[("LANG", "en_US.UTF-8")]),
        "lang     en  (environment LANG)"
    );
    assert_eq!(
        lang_line(&[], &[("LC_ALL", "en_GB.UTF-8"), ("LANG", "zh_CN.UTF-8")]),
        "lang     en  (environment LC_ALL)"
    );
    // Chinese, said in Chinese.
    assert_eq!(lang_line(&[], &[]), "lang     zh（默认）");
    assert_eq!(
        lang_line(&["--lang", "zh"], &[("LANG", "en_US.UTF-8")]),
        "lang     zh（参数 --lang）"
    );
    assert_eq!(
        lang_line(&[], &[("LANG", "zh_CN.UTF-8")]),
        "lang     zh（环境变量 LANG）"
    );
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let config = dir.path().join("config.toml");
    write(&config, "# mine\nlang = \"en\"\n");
    let config_arg = config.to_string_lossy().into_owned();
    assert_eq!(
        lang_line(&["--config", &config_arg], &[("LANG", "zh_CN.UTF-8")]),
        format!("lang     en  ({config_arg}:2)")
    );
    // A locale of another language is passed over.
    assert_eq!(
        lang_line(&[], &[("LC_ALL", "fr_FR.UTF-8"), ("LANG", "en_US.UTF-8")]),
        "lang     zh（默认）"
    );
}

#[test]
fn config_init_writes_its_explanations_in_the_language() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (lang, says) in [
        ("en", "# posdesk's settings."),
        ("zh", "# posdesk 的设置。"),
    ] {
        let config = dir.path().join(format!("{lang}.toml"));
        let config_arg = config.to_string_lossy().into_owned();
        let out = posdesk(
            &["--lang", lang, "--config", &config_arg, "config", "--init"],
            &[],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let written = std::fs::read_to_string(&config).unwrap_or_else(|e| panic!("{e}"));
        assert!(written.starts_with(says), "{written}");
        assert_eq!(has_cjk(&written), lang == "zh", "{written}");
        // Uncommented, the examples read back in either language.
        let uncommented: String = written
            .lines()
            .filter_map(|l| l.strip_prefix("# "))
            .filter(|l| l.contains(" = "))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(uncommented.lines().count(), 7, "{uncommented}");
        write(&config, &uncommented.replace("/srv/posdesk/pack", "."));
        let printed = posdesk(&["--config", &config_arg, "config", "--print"], &[]);
        let text = stdout(&printed);
        assert!(text.lines().any(|l| l.starts_with("lang     en")), "{text}");
    }
}

#[test]
fn the_manual_page_and_completions_are_localized_too() {
    let zh = stdout(&posdesk(&["--lang", "zh", "man"], &[]));
    assert!(zh.contains("退出码"), "{zh}");
    let en = stdout(&posdesk(&["--lang", "en", "man"], &[]));
    assert!(en.contains("Exit codes") && !has_cjk(&en), "{en}");
    let fish = stdout(&posdesk(&["--lang", "zh", "completions", "fish"], &[]));
    assert!(fish.contains("检查内容包"), "{fish}");
    let fish = stdout(&posdesk(&["--lang", "en", "completions", "fish"], &[]));
    assert!(fish.contains("Check a content pack"), "{fish}");
}

#[test]
fn a_language_the_environment_names_must_be_zh_or_en() {
    let out = posdesk(
        &["code", "05"],
        &[("POSDESK_LANG", "fr"), ("LANG", "en_US.UTF-8")],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("POSDESK_LANG=\"fr\" is not a language posdesk speaks"),
        "{}",
        stderr(&out)
    );
    // A locale name in it is fine.
    let out = posdesk(&["code", "05"], &[("POSDESK_LANG", "en_GB.UTF-8")]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("Retry"), "{}", stdout(&out));
}
