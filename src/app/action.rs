//! Everything a user can do has a name ([`Action`]); handling it yields an [`Outcome`]:
//! whether to draw again, and what the outside world must do ([`Effect`]).

use serde::{Deserialize, Serialize};

/// What a key (or a click) asks for. The names are those of the keymap file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    SelectPrev,
    SelectNext,
    PageUp,
    PageDown,
    SelectFirst,
    SelectLast,
    NextPanel,
    PrevPanel,
    Open,
    Escape,
    Back,
    Forward,
    ShowTroubleshoot,
    ShowTriage,
    /// Starts the triage of the symptom on screen.
    TriageSymptom,
    /// Starts the triage again from its first question.
    RestartTriage,
    ShowFaq,
    ShowCodes,
    ShowCases,
    /// Trainer mode: the quiz.
    ShowQuiz,
    /// A new round of questions.
    RestartQuiz,
    /// Opens a case with what is on screen.
    NewCase,
    /// Switches ranking causes by the case log's outcomes on or off.
    ToggleOutcomeRanking,
    DeleteChar,
    DeleteWord,
    ClearQuery,
    CopyAnswer,
    ToggleMouse,
    /// Projector mode for a classroom: one panel, large spacing, high contrast.
    ToggleProjector,
    Suspend,
    CloseHelp,
}

impl Action {
    pub const ALL: [Action; 33] = [
        Action::Quit,
        Action::Help,
        Action::SelectPrev,
        Action::SelectNext,
        Action::PageUp,
        Action::PageDown,
        Action::SelectFirst,
        Action::SelectLast,
        Action::NextPanel,
        Action::PrevPanel,
        Action::Open,
        Action::Escape,
        Action::Back,
        Action::Forward,
        Action::ShowTroubleshoot,
        Action::ShowTriage,
        Action::TriageSymptom,
        Action::RestartTriage,
        Action::ShowFaq,
        Action::ShowCodes,
        Action::ShowCases,
        Action::ShowQuiz,
        Action::RestartQuiz,
        Action::NewCase,
        Action::ToggleOutcomeRanking,
        Action::DeleteChar,
        Action::DeleteWord,
        Action::ClearQuery,
        Action::CopyAnswer,
        Action::ToggleMouse,
        Action::ToggleProjector,
        Action::Suspend,
        Action::CloseHelp,
    ];

    /// The name used in the keymap file: `select_next`.
    pub fn name(self) -> String {
        // A unit variant always serializes to its name.
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }
}

/// What the app asks the outside world to do; the runtime performs it, tests inspect it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Put text on the clipboard (OSC 52 in a terminal).
    Copy(String),
    /// Stop the process (Ctrl-Z) with the terminal restored; redraw on resume.
    Suspend,
    /// Capture the mouse (clicks and wheel go to the app) or release it (the terminal
    /// selects text).
    MouseCapture(bool),
}

/// The result of handling input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    pub redraw: bool,
    pub effects: Vec<Effect>,
}

impl Outcome {
    pub fn redraw() -> Outcome {
        Outcome {
            redraw: true,
            effects: Vec::new(),
        }
    }

    pub fn nothing() -> Outcome {
        Outcome::default()
    }

    /// Both outcomes: drawn if either needs it, every effect in order.
    pub fn merge(&mut self, other: Outcome) {
        self.redraw |= other.redraw;
        self.effects.extend(other.effects);
    }
}
