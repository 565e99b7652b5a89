//! The settings in effect for one run: flags, then the environment, then the config file,
//! then the defaults (`posdesk config --print` shows each with its origin).

use posdesk::config::{self, Color, FileSettings, Origin, Setting};
use posdesk::i18n::{Lang, LANG_ENV};
use posdesk::t;
use std::path::{Path, PathBuf};

pub struct Effective {
    /// The config file read (or looked for), with where that choice came from.
    pub file: Option<Setting<PathBuf>>,
    pub file_found: bool,
    /// None: the built-in pack.
    pub content: Setting<Option<PathBuf>>,
    /// None: no place to keep cases.
    pub data: Setting<Option<PathBuf>>,
    pub color: Setting<Color>,
    pub theme: Setting<String>,
    pub mouse: Setting<bool>,
    /// None: the built-in keys.
    pub keymap: Setting<Option<PathBuf>>,
    pub lang: Setting<Lang>,
}

impl Effective {
    /// Reads the config file (a missing file is fine unless it was named) and resolves
    /// every setting against the flags and the environment.
    pub fn resolve(
        config_flag: Option<&Path>,
        content_flag: Option<&Path>,
        data_flag: Option<&Path>,
        color_flag: Option<Color>,
        lang_flag: Option<Lang>,
    ) -> Result<Effective, posdesk::Diagnostics> {
        let file = config::config_path(config_flag);
        let (settings, found) = match &file {
            Some(chosen) => {
                let named = chosen.origin != Origin::Default;
                let found = chosen.value.exists();
                (config::read(&chosen.value, named)?, found)
            }
            None => (FileSettings::default(), false),
        };
        let path = settings.path.as_deref();
        let env_data = std::env::var_os(posdesk::store::DATA_ENV)
            .filter(|v| !v.is_empty())
            .map(|v| (Some(PathBuf::from(v)), posdesk::store::DATA_ENV));
        // NO_COLOR is a default the user's own settings override (no-color.org): a flag
        // and the config file both win over it.
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Ok(Effective {
            content: config::resolve(
                content_flag.map(|p| (Some(p.to_path_buf()), "--content")),
                None,
                settings.content.clone().map(|(p, line)| (Some(p), line)),
                path,
                None,
            ),
            data: config::resolve(
                data_flag.map(|p| (Some(p.to_path_buf()), "--data")),
                env_data,
                settings.data.clone().map(|(p, line)| (Some(p), line)),
                path,
                posdesk::store::data_dir(None),
            ),
            color: match config::resolve(
                color_flag.map(|c| (c, "--color")),
                None,
                settings.color,
                path,
                Color::Auto,
            ) {
                chosen if chosen.origin == Origin::Default && no_color => Setting {
                    value: Color::Never,
                    origin: Origin::Env("NO_COLOR"),
                },
                chosen => chosen,
            },
            theme: config::resolve(
                None,
                None,
                settings.theme.clone(),
                path,
                "default".to_string(),
            ),
            mouse: config::resolve(None, None, settings.mouse, path, true),
            lang: choose_lang(lang_flag, settings.lang, path),
            keymap: config::resolve(
                None,
                None,
                settings.keymap.clone().map(|(p, line)| (Some(p), line)),
                path,
                None,
            ),
            file,
            file_found: found,
        })
    }

    /// The data directory only when one was chosen for this run (`--data`, `POSDESK_DATA`):
    /// for `render`, so a preview never writes to the user's own log.
    pub fn chosen_data(&self) -> Option<PathBuf> {
        match self.data.origin {
            Origin::Flag(_) | Origin::Env(_) => self.data.value.clone(),
            Origin::File(..) | Origin::Default => None,
        }
    }

    /// What `posdesk config --print` shows.
    pub fn describe(&self) -> String {
        let shown = |path: &Option<PathBuf>, none: &str| {
            path.as_ref()
                .map_or(none.to_string(), |p| p.display().to_string())
        };
        let line = |value: &dyn std::fmt::Display, origin: &Origin| {
            t!("settings.value_origin", value = value, origin = origin)
        };
        let file = match &self.file {
            Some(chosen) if self.file_found => line(&chosen.value.display(), &chosen.origin),
            Some(chosen) => t!(
                "settings.file_missing",
                path = chosen.value.display(),
                origin = chosen.origin
            ),
            None => t!("settings.no_config_dir").to_string(),
        };
        [
            ("config", file),
            (
                "content",
                line(
                    &shown(&self.content.value, t!("cli.built_in_pack")),
                    &self.content.origin,
                ),
            ),
            (
                "data",
                line(
                    &shown(&self.data.value, t!("settings.none")),
                    &self.data.origin,
                ),
            ),
            ("color", line(&self.color.value.name(), &self.color.origin)),
            ("theme", line(&self.theme.value, &self.theme.origin)),
            ("mouse", line(&self.mouse.value, &self.mouse.origin)),
            (
                "keymap",
                line(
                    &shown(&self.keymap.value, t!("settings.built_in_keys")),
                    &self.keymap.origin,
                ),
            ),
            ("lang", line(&self.lang.value.code(), &self.lang.origin)),
        ]
        .iter()
        .map(|(name, value)| format!("{name:<8} {value}\n"))
        .collect()
    }
}

/// The language: `--lang`, then `POSDESK_LANG`, then the config file, then the locale
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`), then Chinese. A locale of another language
/// (`LANG=C`, `LANG=fr_FR.UTF-8`) is passed over; `POSDESK_LANG=fr` stops the command
/// before this (see `cli::run`).
fn choose_lang(
    flag: Option<Lang>,
    file: Option<(Lang, u32)>,
    path: Option<&Path>,
) -> Setting<Lang> {
    let env = std::env::var(LANG_ENV)
        .ok()
        .and_then(|value| Lang::parse(&value))
        .map(|lang| (lang, LANG_ENV));
    match config::resolve(flag.map(|lang| (lang, "--lang")), env, file, path, Lang::Zh) {
        chosen if chosen.origin == Origin::Default => {
            match Lang::from_locale(|name| std::env::var(name).ok()) {
                Some((lang, var)) => Setting {
                    value: lang,
                    origin: Origin::Env(var),
                },
                None => chosen,
            }
        }
        chosen => chosen,
    }
}

/// The language before the command line is parsed, so that `--help` and usage errors
/// speak it too: `--lang` and `--config` are looked for in the raw arguments. A config
/// file that does not read is passed over here; the command itself reports it.
pub fn early_lang(args: &[std::ffi::OsString]) -> Lang {
    let value_of = |flag: &str| {
        let with_equals = format!("{flag}=");
        args.iter().enumerate().find_map(|(i, arg)| {
            let arg = arg.to_str()?;
            if arg == flag {
                args.get(i + 1).and_then(|v| v.to_str()).map(str::to_string)
            } else {
                arg.strip_prefix(&with_equals).map(str::to_string)
            }
        })
    };
    let flag = value_of("--lang").and_then(|v| Lang::parse(&v));
    let config_flag = value_of("--config").map(PathBuf::from);
    let file = config::config_path(config_flag.as_deref())
        .and_then(|chosen| config::read(&chosen.value, false).ok())
        .unwrap_or_default();
    choose_lang(flag, file.lang, file.path.as_deref()).value
}
