//! Colours used for meaning: who acts, code class, matches, focus. Only the terminal's
//! own sixteen colours and no backgrounds but the selection, so it reads on dark and light
//! terminals alike; with `NO_COLOR` set, only bold, underline and reverse remain.

use crate::model::{Actor, CodeClass};
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone)]
pub struct Theme {
    color: bool,
}

impl Theme {
    /// Colour unless the `NO_COLOR` convention says otherwise.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    pub fn colored() -> Theme {
        Theme { color: true }
    }

    pub fn plain() -> Theme {
        Theme { color: false }
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::default().fg(color)
        } else {
            Style::default()
        }
    }

    pub fn text(&self) -> Style {
        Style::default()
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }

    pub fn heading(&self) -> Style {
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
        if focused {
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
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn label(&self) -> Style {
        self.fg(Color::Cyan)
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
