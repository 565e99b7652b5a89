//! The user's settings: `config.toml` in the user's config directory (or `--config FILE`,
//! `POSDESK_CONFIG`), read strictly: an unknown key or a bad value is an error with its
//! file, line and column and a hint, never silently ignored. Each setting is resolved
//! flag > environment > file > default, and remembers where it came from
//! (`posdesk config --print`).

use crate::diagnostic::{did_you_mean, toml_syntax_error, Diagnostic, Diagnostics, LineIndex, Pos};
use crate::i18n::Lang;
use std::path::{Path, PathBuf};
use toml::de::DeTable;

/// The environment variable that names the config file.
pub const CONFIG_ENV: &str = "POSDESK_CONFIG";
/// The config file's name in the user's config directory.
pub const FILE_NAME: &str = "config.toml";

/// The themes built into the app, by name (any other `theme` value is a file's path).
pub const BUILT_IN_THEMES: [&str; 3] = ["default", "light", "high-contrast"];

/// The keys a config file may have, with what they take (in the UI's language).
pub fn keys() -> [(&'static str, &'static str); 7] {
    [
        ("content", crate::t!("config.takes.content")),
        ("data", crate::t!("config.takes.data")),
        ("color", crate::t!("config.takes.color")),
        ("theme", crate::t!("config.takes.theme")),
        ("mouse", crate::t!("config.takes.mouse")),
        ("lang", crate::t!("config.takes.lang")),
        ("keymap", crate::t!("config.takes.keymap")),
    ]
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Flag(&'static str),
    Env(&'static str),
    /// The config file, at a line.
    File(PathBuf, u32),
    Default,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Flag(flag) => f.write_str(&crate::t!("config.origin.flag", flag = flag)),
            Origin::Env(var) => f.write_str(&crate::t!("config.origin.env", var = var)),
            Origin::File(path, line) => write!(f, "{}:{line}", path.display()),
            Origin::Default => f.write_str(crate::t!("config.origin.default")),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub origin: Origin,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    pub fn parse(text: &str) -> Option<Color> {
        match text {
            "auto" => Some(Color::Auto),
            "always" => Some(Color::Always),
            "never" => Some(Color::Never),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Color::Auto => "auto",
            Color::Always => "always",
            Color::Never => "never",
        }
    }
}

/// What the file says, each value with its place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileSettings {
    pub path: Option<PathBuf>,
    pub content: Option<(PathBuf, u32)>,
    pub data: Option<(PathBuf, u32)>,
    pub color: Option<(Color, u32)>,
    /// A built-in theme's name, or a theme file's path (relative ones from the file's
    /// folder).
    pub theme: Option<(String, u32)>,
    pub mouse: Option<(bool, u32)>,
    pub keymap: Option<(PathBuf, u32)>,
    pub lang: Option<(Lang, u32)>,
}

/// The config file to read: `--config FILE`, else `POSDESK_CONFIG`, else the user's config
/// directory's `config.toml`; with where that choice came from.
pub fn config_path(flag: Option<&Path>) -> Option<Setting<PathBuf>> {
    if let Some(path) = flag {
        return Some(Setting {
            value: path.to_path_buf(),
            origin: Origin::Flag("--config"),
        });
    }
    if let Some(path) = std::env::var_os(CONFIG_ENV).filter(|v| !v.is_empty()) {
        return Some(Setting {
            value: PathBuf::from(path),
            origin: Origin::Env(CONFIG_ENV),
        });
    }
    directories::ProjectDirs::from("", "", "posdesk").map(|dirs| Setting {
        value: dirs.config_dir().join(FILE_NAME),
        origin: Origin::Default,
    })
}

/// Reads a config file. A file that is not there is no error when it was not asked for by
/// name (`required` false): there are no settings then.
pub fn read(path: &Path, required: bool) -> Result<FileSettings, Diagnostics> {
    let shown = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
            return Ok(FileSettings::default());
        }
        Err(e) => {
            let hint = match e.kind() {
                std::io::ErrorKind::InvalidData => crate::t!("config.hint_utf8"),
                std::io::ErrorKind::PermissionDenied => crate::t!("config.hint_readable"),
                _ => crate::t!("config.hint_path"),
            };
            return Err(Diagnostics(vec![Diagnostic {
                file: shown,
                line: 1,
                column: 1,
                message: crate::t!("config.cannot_read", error = e),
                hint: hint.to_string(),
            }]));
        }
    };
    parse(path, &text)
}

/// Reads a config file's text; paths in it are taken relative to the file's folder.
pub fn parse(path: &Path, text: &str) -> Result<FileSettings, Diagnostics> {
    let shown = path.display().to_string();
    let lines = LineIndex::new(&shown, text);
    let base = path.parent().unwrap_or(Path::new("."));
    let mut errors = Vec::new();
    let mut settings = FileSettings {
        path: Some(path.to_path_buf()),
        ..FileSettings::default()
    };
    let (document, syntax_errors) = DeTable::parse_recoverable(text);
    errors.extend(syntax_errors.iter().map(|e| toml_syntax_error(&lines, e)));
    if syntax_errors.is_empty() {
        let names: Vec<&str> = keys().iter().map(|(name, _)| *name).collect();
        for (key, value) in document.get_ref().iter() {
            let name = key.get_ref().as_ref();
            let pos = lines.pos(key.span().start);
            let line = pos.line;
            let value = value.get_ref();
            let string = || value.as_str().map(str::to_string);
            let path_of = |text: String| {
                let path = PathBuf::from(text);
                if path.is_relative() {
                    base.join(path)
                } else {
                    path
                }
            };
            match name {
                "content" | "data" | "keymap" => match string().filter(|s| !s.is_empty()) {
                    Some(text) => {
                        let entry = Some((path_of(text), line));
                        match name {
                            "content" => settings.content = entry,
                            "data" => settings.data = entry,
                            _ => settings.keymap = entry,
                        }
                    }
                    None => errors.push(bad_value(&pos, name)),
                },
                "theme" => match string().filter(|s| !s.is_empty()) {
                    Some(text) if BUILT_IN_THEMES.contains(&text.as_str()) => {
                        settings.theme = Some((text, line))
                    }
                    Some(text) => {
                        settings.theme = Some((path_of(text).to_string_lossy().into_owned(), line))
                    }
                    None => errors.push(bad_value(&pos, name)),
                },
                "color" => match string().as_deref().and_then(Color::parse) {
                    Some(color) => settings.color = Some((color, line)),
                    None => errors.push(bad_value(&pos, name)),
                },
                "mouse" => match value.as_bool() {
                    Some(on) => settings.mouse = Some((on, line)),
                    None => errors.push(bad_value(&pos, name)),
                },
                "lang" => match string().filter(|s| s == "zh" || s == "en") {
                    Some(text) => settings.lang = Lang::parse(&text).map(|lang| (lang, line)),
                    None => errors.push(bad_value(&pos, name)),
                },
                _ => {
                    let hint = match did_you_mean(name, &names) {
                        Some(close) => crate::t!("diag.did_you_mean", close = close),
                        None => crate::t!(
                            "config.the_keys_are",
                            keys = names.join(crate::t!("common.list_sep"))
                        ),
                    };
                    errors.push(pos.error(crate::t!("config.unknown_key", name = name), hint));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(settings)
    } else {
        let mut diagnostics = Diagnostics(errors);
        diagnostics.sort();
        Err(diagnostics)
    }
}

fn bad_value(pos: &Pos, name: &str) -> Diagnostic {
    let takes = keys()
        .iter()
        .find(|(key, _)| *key == name)
        .map_or("", |(_, takes)| *takes);
    pos.error(
        crate::t!("config.bad_value", name = name),
        crate::t!("config.takes_hint", name = name, takes = takes),
    )
}

/// The first of the given choices that is set, with its origin; else the default.
pub fn resolve<T: Clone>(
    flag: Option<(T, &'static str)>,
    env: Option<(T, &'static str)>,
    file: Option<(T, u32)>,
    file_path: Option<&Path>,
    default: T,
) -> Setting<T> {
    if let Some((value, name)) = flag {
        return Setting {
            value,
            origin: Origin::Flag(name),
        };
    }
    if let Some((value, name)) = env {
        return Setting {
            value,
            origin: Origin::Env(name),
        };
    }
    if let (Some((value, line)), Some(path)) = (file, file_path) {
        return Setting {
            value,
            origin: Origin::File(path.to_path_buf(), line),
        };
    }
    Setting {
        value: default,
        origin: Origin::Default,
    }
}

/// The commented config file `posdesk config --init` writes: every key, commented out,
/// with what it takes.
pub fn default_file() -> String {
    let mut out = String::from(crate::t!("config.file_header"));
    let examples = [
        ("content", "\"/srv/posdesk/pack\""),
        ("data", "\"/var/lib/posdesk\""),
        ("color", "\"auto\""),
        ("theme", "\"light\""),
        ("mouse", "true"),
        ("lang", "\"en\""),
        ("keymap", "\"keymap.toml\""),
    ];
    for ((name, takes), (_, example)) in keys().iter().zip(examples) {
        out.push_str(&format!("# {name}: {takes}\n# {name} = {example}\n\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_of_the_default_file_reads_back() {
        let uncommented: String = default_file()
            .lines()
            .filter_map(|l| l.strip_prefix("# "))
            .filter(|l| l.contains(" = "))
            .map(|l| format!("{l}\n"))
            .collect();
        let settings = parse(Path::new("/etc/posdesk/config.toml"), &uncommented)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            settings.keymap.map(|(p, _)| p),
            Some(PathBuf::from("/etc/posdesk/keymap.toml"))
        );
        assert_eq!(settings.color.map(|(c, _)| c), Some(Color::Auto));
        assert_eq!(settings.mouse, Some((true, 5)));
    }

    #[test]
    fn unknown_keys_and_bad_values_name_their_line() {
        let _en = crate::i18n::scoped(Lang::En);
        let text = "content = \"pack\"\ncolour = \"never\"\nmouse = \"yes\"\n";
        let Err(errors) = parse(Path::new("c.toml"), text) else {
            panic!("accepted");
        };
        let shown = errors.to_string();
        assert!(
            shown.contains("c.toml:2:1: unknown key `colour`"),
            "{shown}"
        );
        assert!(shown.contains("did you mean `color`?"), "{shown}");
        assert!(
            shown.contains("c.toml:3:1: bad value for `mouse`"),
            "{shown}"
        );
    }

    #[test]
    fn a_file_that_is_not_utf8_is_said_to_be_so() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("config.toml");
        std::fs::write(&path, b"color = \"\xff\"\n").unwrap_or_else(|e| panic!("{e}"));
        let Err(errors) = read(&path, true) else {
            panic!("accepted");
        };
        assert!(errors.to_string().contains("UTF-8"), "{errors}");
    }

    #[test]
    fn the_flag_wins_then_the_environment_then_the_file() {
        let file = Some(Path::new("c.toml"));
        let flag = resolve(Some((1, "--x")), Some((2, "X")), Some((3, 4)), file, 0);
        assert_eq!((flag.value, flag.origin), (1, Origin::Flag("--x")));
        let env = resolve(None, Some((2, "X")), Some((3, 4)), file, 0);
        assert_eq!(env.origin, Origin::Env("X"));
        let from_file = resolve(None, None, Some((3, 4)), file, 0);
        assert_eq!(
            (from_file.value, from_file.origin),
            (3, Origin::File(PathBuf::from("c.toml"), 4))
        );
        let default = resolve::<i32>(None, None, None, file, 0);
        assert_eq!((default.value, default.origin), (0, Origin::Default));
    }
}
