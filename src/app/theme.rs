//! Colours used for meaning: who acts, code class, matches, focus. Only the terminal's
//! own sixteen colours and no backgrounds but the selection, so it reads on dark and light
//! terminals alike; with `NO_COLOR` set, only bold, underline and reverse remain.

use crate::model::{Actor, CodeClass};
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone)]
pub struct Theme {
    color: bool,
    /// The projector's: bright text, bold everywhere, a bright selection.
    contrast: bool,
}

impl Theme {
    /// Colour unless the `NO_COLOR` convention says otherwise.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme {
            color: !no_color,
            contrast: false,
        }
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
        Theme {
            color: true,
            contrast: false,
        }
    }

    pub fn plain() -> Theme {
        Theme {
            color: false,
            contrast: false,
        }
    }

    /// The same theme for a projector: everything bold, bright colours on black (the
    /// projector's frame is painted dark), no dark grey (it fades on a projected screen).
    /// Without colour, bold and reverse carry it alone.
    pub fn high_contrast(&self) -> Theme {
        Theme {
            color: self.color,
            contrast: true,
        }
    }

    pub fn has_color(&self) -> bool {
        self.color
    }

    pub fn is_high_contrast(&self) -> bool {
        self.contrast
    }

    /// Bold on top of a style, in high contrast.
    fn strong(&self, style: Style) -> Style {
        if self.contrast {
            style.add_modifier(Modifier::BOLD)
        } else {
            style
        }
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::default().fg(color)
        } else {
            Style::default()
        }
    }

    pub fn text(&self) -> Style {
        if self.contrast {
            self.fg(Color::White).add_modifier(Modifier::BOLD)
        } else {
            Style::default()
        }
    }

    pub fn dim(&self) -> Style {
        if self.contrast {
            self.fg(Color::Gray)
        } else if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }

    pub fn heading(&self) -> Style {
        if self.contrast {
            return self.fg(Color::LightYellow).add_modifier(Modifier::BOLD);
        }
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn panel_title(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan)
                .add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        }
    }

    pub fn selected(&self, focused: bool) -> Style {
        if focused && self.contrast && self.color {
            Style::default()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(Modifier::BOLD)
        } else if focused {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    pub fn matched(&self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn link(&self) -> Style {
        self.fg(Color::Blue).add_modifier(Modifier::UNDERLINED)
    }

    pub fn warning(&self) -> Style {
        let red = if self.contrast {
            Color::LightRed
        } else {
            Color::Red
        };
        self.fg(red).add_modifier(Modifier::BOLD)
    }

    pub fn label(&self) -> Style {
        let cyan = if self.contrast {
            Color::LightCyan
        } else {
            Color::Cyan
        };
        self.strong(self.fg(cyan))
    }

    pub fn tab(&self, active: bool) -> Style {
        if active {
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::default()
        }
    }

    pub fn status(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    pub fn actor(&self, actor: Actor) -> Style {
        self.fg(match actor {
            Actor::Clerk => Color::Green,
            Actor::Cardholder => Color::Magenta,
            Actor::Issuer => Color::Yellow,
            Actor::Acquirer => Color::Blue,
            Actor::Network => Color::Cyan,
        })
    }

    pub fn class(&self, class: CodeClass) -> Style {
        match class {
            CodeClass::A => self.fg(Color::Green),
            CodeClass::B => self.fg(Color::Yellow),
            CodeClass::C => self.fg(Color::Red),
            CodeClass::D => self.fg(Color::Magenta).add_modifier(Modifier::BOLD),
            CodeClass::E => self.fg(Color::Red).add_modifier(Modifier::BOLD),
        }
    }
}
