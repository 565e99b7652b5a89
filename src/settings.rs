//! The settings in effect for one run: flags, then the environment, then the config file,
//! then the defaults (`posdesk config --print` shows each with its origin).

use posdesk::config::{self, Color, FileSettings, Origin, Setting};
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
}

impl Effective {
    /// Reads the config file (a missing file is fine unless it was named) and resolves
    /// every setting against the flags and the environment.
    pub fn resolve(
        config_flag: Option<&Path>,
        content_flag: Option<&Path>,
        data_flag: Option<&Path>,
        color_flag: Option<Color>,
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
        let file = match &self.file {
            Some(chosen) => format!(
                "{}  ({}{})",
                chosen.value.display(),
                chosen.origin,
                if self.file_found { "" } else { "; not there" }
            ),
            None => "none  (no config directory)".to_string(),
        };
        [
            ("config", file),
            (
                "content",
                format!(
                    "{}  ({})",
                    shown(&self.content.value, "built-in pack"),
                    self.content.origin
                ),
            ),
            (
                "data",
                format!(
                    "{}  ({})",
                    shown(&self.data.value, "none"),
                    self.data.origin
                ),
            ),
            (
                "color",
                format!("{}  ({})", self.color.value.name(), self.color.origin),
            ),
            (
                "theme",
                format!("{}  ({})", self.theme.value, self.theme.origin),
            ),
            (
                "mouse",
                format!("{}  ({})", self.mouse.value, self.mouse.origin),
            ),
            (
                "keymap",
                format!(
                    "{}  ({})",
                    shown(&self.keymap.value, "built-in keys"),
                    self.keymap.origin
                ),
            ),
        ]
        .iter()
        .map(|(name, value)| format!("{name:<8} {value}\n"))
        .collect()
    }
}
