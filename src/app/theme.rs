//! Colours used for meaning: who acts, code class, matches, focus. A theme is a file of
//! styles by role (`assets/themes/*.toml`: default, light, high-contrast, or the user's
//! own); colour is never the only signal. With `NO_COLOR` (or `--color never`) colours are
//! dropped, bold, underline and reverse remain, and a style with a background shows
//! reversed.

use crate::diagnostic::{did_you_mean, toml_syntax_error, Diagnostic, Diagnostics, LineIndex};
use crate::model::{Actor, CodeClass};
use ratatui::style::{Color, Modifier, Style};
use std::collections::HashMap;
use std::str::FromStr;
use toml::de::{DeTable, DeValue};

/// The themes built into the binary, by name.
pub const BUILT_IN: [(&str, &str); 3] = [
    ("default", include_str!("../../assets/themes/default.toml")),
    ("light", include_str!("../../assets/themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../assets/themes/high-contrast.toml"),
    ),
];

/// The theme projector mode turns to.
pub const PROJECTOR: &str = "high-contrast";

/// Every role a theme gives a style to.
pub const ROLES: [&str; 24] = [
    "text",
    "dim",
    "heading",
    "panel_title",
    "panel_title_focused",
    "selected",
    "selected_focused",
    "matched",
    "link",
    "warning",
    "label",
    "tab",
    "tab_active",
    "status",
    "clerk",
    "cardholder",
    "issuer",
    "acquirer",
    "network",
    "class_a",
    "class_b",
    "class_c",
    "class_d",
    "class_e",
];

const MODIFIERS: [(&str, Modifier); 5] = [
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
];

#[derive(Debug, Clone)]
pub struct Theme {
    name: String,
    styles: HashMap<&'static str, Style>,
    /// Painted under the whole frame, when the theme has one (high contrast).
    background: Option<Color>,
    color: bool,
}

impl Theme {
    /// The default theme, with colour unless `NO_COLOR` says otherwise.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::built_in("default", !no_color)
    }

    /// As `--color` asks: `always` and `never` as said, `auto` as [`Theme::from_env`].
    pub fn for_choice(always: Option<bool>) -> Theme {
        match always {
            Some(true) => Theme::colored(),
            Some(false) => Theme::plain(),
            None => Theme::from_env(),
        }
    }

    pub fn colored() -> Theme {
        Theme::built_in("default", true)
    }

    pub fn plain() -> Theme {
        Theme::built_in("default", false)
    }

    /// A built-in theme by name (the default one for an unknown name; the files are
    /// checked by the tests, so they always read).
    pub fn built_in(name: &str, color: bool) -> Theme {
        let text = BUILT_IN
            .iter()
            .find(|(n, _)| *n == name)
            .or_else(|| BUILT_IN.first())
            .map_or("", |(_, text)| *text);
        let path = format!("assets/themes/{name}.toml");
        Theme::parse(name, &path, text, color).unwrap_or_else(|_| Theme {
            name: name.to_string(),
            styles: HashMap::new(),
            background: None,
            color,
        })
    }

    /// A theme by name (built in) or a theme file's path; problems with file and line.
    pub fn named(name_or_path: &str, color: bool) -> Result<Theme, Diagnostics> {
        if BUILT_IN.iter().any(|(n, _)| *n == name_or_path) {
            return Ok(Theme::built_in(name_or_path, color));
        }
        let text = std::fs::read_to_string(name_or_path).map_err(|e| {
            let names: Vec<&str> = BUILT_IN.iter().map(|(n, _)| *n).collect();
            Diagnostics(vec![Diagnostic {
                file: name_or_path.to_string(),
                line: 1,
                column: 1,
                message: crate::t!("theme.no_such_theme", error = e),
                hint: crate::t!(
                    "theme.no_such_theme_hint",
                    names = names.join(crate::t!("common.list_sep"))
                ),
            }])
        })?;
        let name = std::path::Path::new(name_or_path)
            .file_stem()
            .map_or(name_or_path.to_string(), |s| {
                s.to_string_lossy().into_owned()
            });
        Theme::parse(&name, name_or_path, &text, color)
    }

    /// Reads a theme file: `background` and a `[styles]` table of roles. A role left out
    /// keeps the default theme's style.
    pub fn parse(name: &str, path: &str, text: &str, color: bool) -> Result<Theme, Diagnostics> {
        let lines = LineIndex::new(path, text);
        let mut errors: Vec<Diagnostic> = Vec::new();
        let mut styles = HashMap::new();
        let mut background = None;
        let (document, syntax_errors) = DeTable::parse_recoverable(text);
        errors.extend(syntax_errors.iter().map(|e| toml_syntax_error(&lines, e)));
        if syntax_errors.is_empty() {
            for (key, value) in document.get_ref().iter() {
                let pos = lines.pos(key.span().start);
                match key.get_ref().as_ref() {
                    "background" => match color_of(value.get_ref()) {
                        Some(c) => background = Some(c),
                        None => errors.push(pos.error(
                            crate::t!("theme.bad_background"),
                            crate::t!("theme.color_hint"),
                        )),
                    },
                    "styles" => {
                        let Some(table) = value.get_ref().as_table() else {
                            errors.push(pos.error(
                                crate::t!("theme.styles_not_a_table"),
                                crate::t!("theme.styles_not_a_table_hint"),
                            ));
                            continue;
                        };
                        for (role, style) in table.iter() {
                            let at = lines.pos(role.span().start);
                            let role = role.get_ref().as_ref();
                            let Some(known) = ROLES.iter().find(|r| **r == role) else {
                                let hint = match did_you_mean(role, &ROLES) {
                                    Some(close) => crate::t!("diag.did_you_mean", close = close),
                                    None => crate::t!(
                                        "theme.the_roles_are",
                                        roles = ROLES.join(crate::t!("common.list_sep"))
                                    ),
                                };
                                errors.push(
                                    at.error(crate::t!("theme.unknown_role", role = role), hint),
                                );
                                continue;
                            };
                            match style_of(style.get_ref()) {
                                Ok(s) => {
                                    styles.insert(*known, s);
                                }
                                Err(problem) => errors.push(at.error(
                                    crate::t!("theme.bad_style", role = role, problem = problem),
                                    crate::t!("theme.color_hint"),
                                )),
                            }
                        }
                    }
                    other => {
                        let hint = match did_you_mean(other, &["background", "styles"]) {
                            Some(close) => crate::t!("diag.did_you_mean", close = close),
                            None => crate::t!("theme.keys_hint").to_string(),
                        };
                        errors.push(pos.error(crate::t!("theme.unknown_key", key = other), hint));
                    }
                }
            }
        }
        if !errors.is_empty() {
            let mut diagnostics = Diagnostics(errors);
            diagnostics.sort();
            return Err(diagnostics);
        }
        // A role left out keeps the default theme's style.
        for role in ROLES {
            if !styles.contains_key(role) {
                if let Some(style) = default_style(role) {
                    styles.insert(role, style);
                }
            }
        }
        Ok(Theme {
            name: name.to_string(),
            styles,
            background,
            color,
        })
    }

    /// The same theme's colours for a projector: the high-contrast theme, colour kept as
    /// it was chosen.
    pub fn high_contrast(&self) -> Theme {
        Theme::built_in(PROJECTOR, self.color)
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn has_color(&self) -> bool {
        self.color
    }

    pub fn is_high_contrast(&self) -> bool {
        self.name == PROJECTOR
    }

    /// What to paint under the whole frame, if anything (only with colour).
    pub fn background(&self) -> Option<Color> {
        self.background.filter(|_| self.color)
    }

    /// A role's style; without colour, its modifiers, and reverse for a background.
    fn role(&self, role: &'static str) -> Style {
        let style = self.styles.get(role).copied().unwrap_or_default();
        if self.color {
            return style;
        }
        let mut plain = Style::default().add_modifier(style.add_modifier);
        if style.bg.is_some() {
            plain = plain.add_modifier(Modifier::REVERSED);
        }
        plain
    }

    pub fn text(&self) -> Style {
        self.role("text")
    }

    pub fn dim(&self) -> Style {
        self.role("dim")
    }

    pub fn heading(&self) -> Style {
        self.role("heading")
    }

    pub fn panel_title(&self, focused: bool) -> Style {
        self.role(if focused {
            "panel_title_focused"
        } else {
            "panel_title"
        })
    }

    pub fn selected(&self, focused: bool) -> Style {
        self.role(if focused {
            "selected_focused"
        } else {
            "selected"
        })
    }

    pub fn matched(&self) -> Style {
        self.role("matched")
    }

    pub fn link(&self) -> Style {
        self.role("link")
    }

    pub fn warning(&self) -> Style {
        self.role("warning")
    }

    pub fn label(&self) -> Style {
        self.role("label")
    }

    pub fn tab(&self, active: bool) -> Style {
        self.role(if active { "tab_active" } else { "tab" })
    }

    pub fn status(&self) -> Style {
        self.role("status")
    }

    pub fn actor(&self, actor: Actor) -> Style {
        self.role(match actor {
            Actor::Clerk => "clerk",
            Actor::Cardholder => "cardholder",
            Actor::Issuer => "issuer",
            Actor::Acquirer => "acquirer",
            Actor::Network => "network",
        })
    }

    pub fn class(&self, class: CodeClass) -> Style {
        self.role(match class {
            CodeClass::A => "class_a",
            CodeClass::B => "class_b",
            CodeClass::C => "class_c",
            CodeClass::D => "class_d",
            CodeClass::E => "class_e",
        })
    }
}

/// The default theme's style for a role a theme leaves out.
fn default_style(role: &str) -> Option<Style> {
    let (_, text) = BUILT_IN.first()?;
    let (document, _) = DeTable::parse_recoverable(text);
    let styles = document.get_ref().get("styles")?;
    let style = styles.get_ref().as_table()?.get(role)?;
    style_of(style.get_ref()).ok()
}

fn color_of(value: &DeValue<'_>) -> Option<Color> {
    if let Some(index) = value.as_integer() {
        return index.as_str().parse::<u8>().ok().map(Color::Indexed);
    }
    Color::from_str(value.as_str()?).ok()
}

fn style_of(value: &DeValue<'_>) -> Result<Style, String> {
    let table = value.as_table().ok_or(crate::t!("theme.style_form"))?;
    let mut style = Style::default();
    for (key, value) in table.iter() {
        let value = value.get_ref();
        match key.get_ref().as_ref() {
            "fg" => style = style.fg(color_of(value).ok_or(crate::t!("theme.unknown_fg"))?),
            "bg" => style = style.bg(color_of(value).ok_or(crate::t!("theme.unknown_bg"))?),
            "modifiers" => {
                let list = value
                    .as_array()
                    .ok_or(crate::t!("theme.modifiers_not_a_list"))?;
                for item in list.iter() {
                    let name = item.get_ref().as_str().unwrap_or("");
                    let (_, modifier) = MODIFIERS
                        .iter()
                        .find(|(n, _)| *n == name)
                        .ok_or_else(|| crate::t!("theme.unknown_modifier", name = name))?;
                    style = style.add_modifier(*modifier);
                }
            }
            other => return Err(crate::t!("theme.unknown_style_key", key = other)),
        }
    }
    Ok(style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_themes_read_and_give_every_role() {
        for (name, text) in BUILT_IN {
            let theme = Theme::parse(name, name, text, true).unwrap_or_else(|e| panic!("{e}"));
            for role in ROLES {
                assert!(theme.styles.contains_key(role), "{name} lacks {role}");
            }
        }
        assert_eq!(Theme::colored().heading().fg, Some(Color::Cyan));
        assert_eq!(
            Theme::colored().high_contrast().background(),
            Some(Color::Black)
        );
    }

    #[test]
    fn the_config_knows_the_built_in_themes_by_the_same_names() {
        let names: Vec<&str> = BUILT_IN.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, crate::config::BUILT_IN_THEMES.to_vec());
    }

    #[test]
    fn without_colour_only_modifiers_remain_and_a_background_reverses() {
        let plain = Theme::built_in(PROJECTOR, false);
        let selected = plain.selected(true);
        assert_eq!((selected.fg, selected.bg), (None, None));
        assert!(selected.add_modifier.contains(Modifier::REVERSED));
        assert_eq!(plain.background(), None);
        assert_eq!(Theme::plain().heading().fg, None);
        assert!(Theme::plain()
            .heading()
            .add_modifier
            .contains(Modifier::BOLD));
    }

    #[test]
    fn a_broken_theme_names_its_line() {
        let _en = crate::i18n::scoped(crate::i18n::Lang::En);
        let text = "[styles]\nheading = { fg = \"cyann\" }\nheadng = {}\n";
        let Err(errors) = Theme::parse("mine", "mine.toml", text, true) else {
            panic!("accepted");
        };
        let shown = errors.to_string();
        assert!(
            shown.contains("mine.toml:2:1: bad style for `heading`"),
            "{shown}"
        );
        assert!(
            shown.contains("mine.toml:3:1: unknown role `headng`"),
            "{shown}"
        );
        assert!(shown.contains("did you mean `heading`"), "{shown}");
    }
}
