//! The screens: each owns its state, handles its actions, draws itself and lists its
//! hints. A new screen is a new file here plus a line in [`all`].

mod cases;
mod codes;
mod faq;
mod quiz;
mod triage;
mod troubleshoot;

pub use cases::Cases;
pub use codes::Codes;
pub use faq::Faq;
pub use quiz::Quiz;
pub use triage::Triage;
pub use troubleshoot::Troubleshoot;

use super::action::{Action, Effect};
use super::keymap::Keymap;
use super::layout::{Areas, Panel, PanelSlot};
use super::theme::Theme;
use super::widgets::{LineCursor, Selection};
use crate::desk::Desk;
use crate::model::Kind;
use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use std::any::Any;

/// Every screen, in tab order.
pub fn all() -> Vec<Box<dyn Screen>> {
    vec![
        Box::new(Troubleshoot::default()),
        Box::new(Triage::default()),
        Box::new(Faq::default()),
        Box::new(Codes::default()),
        Box::new(Cases::default()),
        Box::new(Quiz::default()),
    ]
}

/// What the first list of a screen shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ListMode {
    /// Its own items: the symptoms, most common first.
    #[default]
    Home,
    /// Live search results for the query.
    Results,
    /// One item opened through a link or the code table.
    Pinned(String),
}

/// Where a user is in a screen: small and cloneable, for the history.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    pub focus: Panel,
    pub mode: ListMode,
    /// What the first list showed before the query began, to return to when it is cleared.
    pub base: ListMode,
    pub left: Selection,
    pub middle: Selection,
    pub right: LineCursor,
    /// On a screen that walks the triage: the symptom and the answers given (1-based).
    pub answers: Option<(String, Vec<usize>)>,
}

/// What a screen asks of the app beyond itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Show an item where it belongs, remembering where we were.
    Open(String),
    /// Remember where we are before going one step deeper.
    PushHistory,
    /// Show an item on a named screen (its `key`), remembering where we were.
    ShowOn {
        screen: &'static str,
        id: String,
    },
    /// A message for the status bar, until the next input.
    Status(String),
    Effect(Effect),
}

/// What a screen sees while it handles input.
pub struct Cx<'a> {
    pub desk: &'a Desk,
    pub theme: &'a Theme,
    pub query: &'a str,
    /// The screen's areas at the current size, when the terminal is large enough.
    pub areas: Option<&'a Areas>,
    pub requests: Vec<Request>,
}

impl<'a> Cx<'a> {
    pub fn new(
        desk: &'a Desk,
        theme: &'a Theme,
        query: &'a str,
        areas: Option<&'a Areas>,
    ) -> Cx<'a> {
        Cx {
            desk,
            theme,
            query,
            areas,
            requests: Vec::new(),
        }
    }

    pub fn request(&mut self, request: Request) {
        self.requests.push(request);
    }
}

/// What a screen sees while it draws.
pub struct DrawCx<'a> {
    pub desk: &'a Desk,
    pub theme: &'a Theme,
    pub keymap: &'a Keymap,
    pub query: &'a str,
}

/// A key hint in the status bar: the keys of some actions, and what they do together.
pub struct Hint {
    pub actions: Vec<Action>,
    pub label: &'static str,
}

impl Hint {
    pub fn new(actions: &[Action], label: &'static str) -> Hint {
        Hint {
            actions: actions.to_vec(),
            label,
        }
    }

    /// `Up/Down 选择`, with the keys the keymap gives.
    pub fn text(&self, keymap: &Keymap, layer: &str) -> String {
        let keys: Vec<String> = self
            .actions
            .iter()
            .map(|a| keymap.hint(layer, *a))
            .collect();
        format!("{} {}", keys.join("/"), self.label)
    }
}

/// The hints of a screen with a list and a detail panel: moving and following links in
/// the detail, choosing and opening in the lists.
pub fn panel_hints(focus: Panel) -> Vec<Hint> {
    if focus == Panel::Right {
        vec![
            Hint::new(
                &[Action::SelectPrev, Action::SelectNext],
                crate::t!("screen.common.move"),
            ),
            Hint::new(&[Action::Open], crate::t!("screen.common.follow_link")),
            Hint::new(&[Action::Escape], crate::t!("screen.common.back")),
            Hint::new(&[Action::NextPanel], crate::t!("screen.common.panel")),
        ]
    } else {
        vec![
            Hint::new(
                &[Action::SelectPrev, Action::SelectNext],
                crate::t!("screen.common.select"),
            ),
            Hint::new(&[Action::Open], crate::t!("screen.common.open")),
            Hint::new(&[Action::NextPanel], crate::t!("screen.common.panel")),
            Hint::new(&[Action::Escape], crate::t!("screen.common.back")),
            Hint::new(&[Action::Help], crate::t!("screen.common.help")),
        ]
    }
}

/// Starts the triage of the symptom that fits an item on screen (F2 on a symptom, code
/// or cause); says so when no symptom of it has a triage.
pub fn start_triage_for(item: Option<crate::model::Item<'_>>, cx: &mut Cx<'_>) {
    let pack = cx.desk.pack();
    match item.and_then(|item| crate::triage::symptom_for(pack, item)) {
        Some(symptom) => cx.request(Request::ShowOn {
            screen: "triage",
            id: symptom.id.to_string(),
        }),
        None => cx.request(Request::Status(match item {
            Some(item) => crate::t!("screen.common.no_triage_for", title = item.title()),
            None => crate::t!("screen.common.pick_symptom_first").to_string(),
        })),
    }
}

/// A digit typed alone (ASCII, or full-width from a Chinese input method), as a number:
/// how answers are chosen in the triage and the quiz.
pub fn typed_digit(text: &str) -> Option<usize> {
    let folded = crate::model::fold_full_width(text);
    let mut chars = folded.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.to_digit(10).map(|d| d as usize),
        _ => None,
    }
}

/// Whether a screen took an input, or leaves it to the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handled {
    Consumed,
    Ignored,
}

/// One screen of the app.
pub trait Screen: Any {
    /// The keymap layer, and how the app names the screen: `troubleshoot`.
    fn key(&self) -> &'static str;
    /// The tab's title: 排查.
    fn title(&self) -> &'static str;
    /// The action that switches to this screen (its tab's key).
    fn show_action(&self) -> Action;
    /// Whether typed text that no screen takes becomes this screen's search.
    fn searches(&self) -> bool {
        false
    }
    /// Whether items of a kind open on this screen.
    fn shows(&self, _kind: Kind) -> bool {
        false
    }
    /// Opens an item on this screen.
    fn show(&mut self, _id: &str, _cx: &mut Cx<'_>) {}

    /// What a new case opened here starts with: the symptom, code, cause and triage path
    /// on screen. By default, from the item whose answer Ctrl-Y copies.
    fn case_context(&self, desk: &Desk, query: &str) -> crate::store::NewCase {
        let pack = desk.pack();
        let Some(item) = self.answer(desk, query).and_then(|id| pack.item(&id)) else {
            return crate::store::NewCase::default();
        };
        let symptom = match item {
            crate::model::Item::Symptom(s) => Some(s),
            other => crate::triage::symptom_for(pack, other),
        };
        crate::store::NewCase {
            symptom: symptom.map(|s| s.id.to_string()),
            code: match item {
                crate::model::Item::Code(code) => Some(code.code.to_string()),
                _ => None,
            },
            cause: match item {
                crate::model::Item::Cause(cause) => Some(cause.id.to_string()),
                _ => None,
            },
            ..Default::default()
        }
    }

    /// Whether a case can be opened from this screen (Ctrl-A); a screen that is not about
    /// a call (the quiz) says no.
    fn opens_cases(&self) -> bool {
        true
    }

    /// Where the text cursor goes when this screen takes typing (a note), if anywhere;
    /// otherwise it stays in the search line.
    fn cursor(&self, _areas: &Areas, _cx: &DrawCx<'_>) -> Option<Position> {
        None
    }

    /// Whether Esc is this screen's to handle now (it has a step of its own to undo),
    /// before the app clears the search or goes back in history.
    fn takes_escape(&self) -> bool {
        false
    }

    /// An action, after the overlays and before the app's own handling.
    fn handle(&mut self, action: Action, cx: &mut Cx<'_>) -> Handled;
    /// Typed text: a screen that takes text (a note, an answer) consumes it.
    fn text(&mut self, _text: &str, _cx: &mut Cx<'_>) -> Handled {
        Handled::Ignored
    }
    /// The query changed (it is searched later, once the pending input is handled).
    fn query_edited(&mut self, _was_empty: bool) {}
    /// Runs the query's search now.
    fn search(&mut self, _query: &str, _desk: &Desk) {}
    /// A click on a row of a panel.
    fn click(&mut self, slot: PanelSlot, at: Position, cx: &mut Cx<'_>);
    /// The wheel over a panel: moves that panel's selection without taking the focus.
    fn scroll(&mut self, panel: Panel, delta: isize, cx: &mut Cx<'_>);
    /// Keeps selections and scroll positions valid and in view after input.
    fn settle(&mut self, cx: &mut Cx<'_>);

    /// Rows the banner takes at a size when it has `rows` rows to show: by default a
    /// steady height, so the lists below do not jump as the selection moves.
    fn banner_rows(&self, size: ratatui::layout::Rect, rows: usize) -> u16 {
        super::layout::banner_rows(size, rows)
    }

    /// Lines shown the whole width above the panels (the counter card), if any, in at
    /// most `max_rows` rows of `width` columns.
    fn banner(
        &self,
        _cx: &DrawCx<'_>,
        _width: usize,
        _max_rows: usize,
    ) -> Vec<super::widgets::detail::DetailLine> {
        Vec::new()
    }

    fn focus(&self) -> Panel;
    /// The panels shown at a width, left to right.
    fn panels(&self, width: u16) -> Vec<Panel>;
    fn draw(&self, buffer: &mut Buffer, areas: &Areas, cx: &DrawCx<'_>);
    fn hints(&self) -> Vec<Hint>;
    fn breadcrumb(&self, cx: &DrawCx<'_>) -> Vec<String>;
    /// The item whose answer Ctrl-Y copies.
    fn answer(&self, desk: &Desk, query: &str) -> Option<String>;

    fn place(&self) -> Place;
    fn restore(&mut self, place: Place, cx: &mut Cx<'_>);

    fn as_any(&self) -> &dyn Any;
}
