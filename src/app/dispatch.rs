//! How input changes the app: keys become actions through the keymap; the overlays, then
//! the active screen, then the app itself handle them; typed text is offered to the
//! screen and otherwise becomes the query; what screens request is carried out here.

use super::action::{Action, Effect, Outcome};
use super::history::Snapshot;
use super::input::{self, Input, MouseKind};
use super::keymap::GLOBAL;
use super::layout::Panel;
use super::overlays::{Help, Layered, Overlay};
use super::screens::{Cx, Handled, Request, Screen};
use super::{App, QUERY_LIMIT};
use ratatui::layout::{Position, Rect};

impl App {
    // ----- input -----

    /// Handles one input and settles.
    pub fn handle(&mut self, input: &Input) -> Outcome {
        self.handle_all(std::iter::once(input.clone()))
    }

    /// Handles a batch of pending input: typing is searched once, after the batch (or
    /// before the first action that needs the results), and the state settles once.
    pub fn handle_all(&mut self, inputs: impl IntoIterator<Item = Input>) -> Outcome {
        let mut outcome = Outcome::nothing();
        for input in inputs {
            outcome.merge(self.apply(input));
            if self.quit {
                break;
            }
        }
        self.settle();
        outcome
    }

    fn apply(&mut self, input: Input) -> Outcome {
        self.status = None;
        match input {
            Input::Key(key) => {
                if let Some(c) = key.typed() {
                    // `?` on an empty query is the help, not a search.
                    if c == '?' && self.query.is_empty() {
                        return self.toggle_help();
                    }
                    return self.text(&c.to_string());
                }
                let layer = self
                    .overlays
                    .last()
                    .map(|o| o.key())
                    .unwrap_or_else(|| self.screen_key());
                match self.keymap.action(layer, key) {
                    Some(action) => self.act(action),
                    None => Outcome::redraw(),
                }
            }
            Input::Paste(text) => {
                let text: String = text.chars().filter(|c| !c.is_control()).collect();
                self.text(&text)
            }
            Input::Mouse(mouse) => self.mouse(mouse),
            Input::ContentChanged => self.reload_content(),
            Input::Resize(width, height) => {
                self.size = Rect::new(0, 0, width, height);
                Outcome::redraw()
            }
        }
    }

    /// Offers an input to the overlays, top first: `Some` when one took it.
    fn offer_overlays(
        &mut self,
        mut offer: impl FnMut(&mut dyn Overlay) -> Layered,
    ) -> Option<Outcome> {
        while let Some(top) = self.overlays.last_mut() {
            match offer(top.as_mut()) {
                Layered::Consumed => return Some(Outcome::redraw()),
                Layered::Close => {
                    self.overlays.pop();
                    return Some(Outcome::redraw());
                }
                Layered::CloseAndPass => {
                    self.overlays.pop();
                }
                Layered::Ignored => break,
            }
        }
        None
    }

    /// Typed or pasted text: the overlays and the screen may take it; otherwise it is
    /// the query, on the screen that searches.
    fn text(&mut self, text: &str) -> Outcome {
        if let Some(outcome) = self.offer_overlays(|overlay| overlay.text(text)) {
            return outcome;
        }
        let (handled, outcome) = self.with_screen(|screen, cx| screen.text(text, cx));
        if handled == Handled::Consumed {
            return outcome;
        }
        let was_empty = self.query.is_empty();
        let room = QUERY_LIMIT.saturating_sub(self.query.chars().count());
        let taken: String = text.chars().take(room).collect();
        if taken.chars().count() < text.chars().count() {
            self.status = Some(crate::t!("app.status.query_limit", limit = QUERY_LIMIT));
        }
        if !taken.is_empty() {
            self.query.push_str(&taken);
            self.query_edited(was_empty);
        }
        Outcome::redraw()
    }

    fn query_edited(&mut self, was_empty: bool) {
        if let Some(index) = self.screens.iter().position(|s| s.searches()) {
            self.active = index;
        }
        if let Some(screen) = self.screens.get_mut(self.active) {
            screen.query_edited(was_empty);
        }
        self.query_pending = true;
    }

    /// Runs a pending search, so what follows sees its results.
    pub(super) fn flush_query(&mut self) {
        if !self.query_pending {
            return;
        }
        self.query_pending = false;
        let query = self.query.clone();
        if let Some(screen) = self.screens.iter_mut().find(|s| s.searches()) {
            screen.search(&query, &self.desk);
        }
    }

    fn act(&mut self, action: Action) -> Outcome {
        // Editing the query needs no results; everything else sees the current ones.
        if !matches!(
            action,
            Action::DeleteChar | Action::DeleteWord | Action::ClearQuery
        ) {
            self.flush_query();
        }
        if let Some(outcome) = self.offer_overlays(|overlay| overlay.handle(action)) {
            return outcome;
        }
        match action {
            Action::Quit => {
                self.quit = true;
                return effect(Effect::Quit);
            }
            Action::Help => return self.toggle_help(),
            Action::CloseHelp => {
                self.close_help();
                return Outcome::redraw();
            }
            Action::Suspend => return effect(Effect::Suspend),
            Action::ToggleProjector => {
                self.toggle_projector();
                self.status = Some(if self.projector() {
                    crate::t!("app.status.projector_on").to_string()
                } else {
                    crate::t!("app.status.projector_off").to_string()
                });
                return Outcome::redraw();
            }
            Action::CopyAnswer => return self.copy_answer(),
            Action::NewCase => return self.new_case(),
            Action::ToggleOutcomeRanking => {
                let on = !self.desk.cases().ranking();
                self.desk.cases().set_ranking(on);
                self.status = Some(if on {
                    crate::t!("app.status.ranking_on").to_string()
                } else {
                    crate::t!("app.status.ranking_off").to_string()
                });
                return Outcome::redraw();
            }
            Action::ToggleMouse => {
                self.mouse_captured = !self.mouse_captured;
                self.status = Some(if self.mouse_captured {
                    crate::t!("app.status.mouse_on").to_string()
                } else {
                    crate::t!(
                        "app.status.mouse_off",
                        key = self.keymap.hint(GLOBAL, Action::ToggleMouse)
                    )
                });
                return effect(Effect::MouseCapture(self.mouse_captured));
            }
            Action::Back => {
                self.go_back();
                return Outcome::redraw();
            }
            Action::Forward => {
                self.go_forward();
                return Outcome::redraw();
            }
            Action::Escape if self.active_screen().is_some_and(|s| s.takes_escape()) => {}
            Action::Escape => {
                // One step deeper from the results comes back to them first; on the list
                // itself Esc clears the search, then steps back.
                let on_list = self.focus() == Panel::Left;
                if !self.query.is_empty() && (on_list || !self.history.can_go_back()) {
                    self.clear_query();
                    return Outcome::redraw();
                }
                if self.history.can_go_back() {
                    self.go_back();
                    return Outcome::redraw();
                }
            }
            _ => {}
        }
        if let Some(index) = self.screens.iter().position(|s| s.show_action() == action) {
            self.switch_to(index);
            return Outcome::redraw();
        }
        let (handled, outcome) = self.with_screen(|screen, cx| screen.handle(action, cx));
        if handled == Handled::Consumed {
            return outcome;
        }
        match action {
            Action::DeleteChar if self.query.pop().is_some() => self.query_edited(false),
            Action::DeleteWord => {
                let kept = self.query.trim_end().len();
                let word_start = self
                    .query
                    .get(..kept)
                    .and_then(|q| q.rfind(char::is_whitespace))
                    .map_or(0, |i| i + 1);
                if !self.query.is_empty() {
                    self.query.truncate(word_start);
                    self.query_edited(false);
                }
            }
            Action::ClearQuery => self.clear_query(),
            _ => {}
        }
        Outcome::redraw()
    }

    fn clear_query(&mut self) {
        if !self.query.is_empty() {
            self.query.clear();
            self.query_edited(false);
            self.flush_query();
        }
    }

    /// Closes the help only: a list of the content's problems stays.
    fn close_help(&mut self) {
        let help = Help::default().key();
        self.overlays.retain(|o| o.key() != help);
    }

    fn toggle_help(&mut self) -> Outcome {
        if self.help_open() {
            self.close_help();
        } else {
            self.overlays.push(Box::new(Help::default()));
        }
        Outcome::redraw()
    }

    fn copy_answer(&mut self) -> Outcome {
        let id = self
            .active_screen()
            .and_then(|s| s.answer(&self.desk, &self.query));
        let Some(item) = id.as_deref().and_then(|id| self.desk.pack().item(id)) else {
            self.status = Some(crate::t!("app.status.nothing_to_copy").to_string());
            return Outcome::redraw();
        };
        let text = crate::report::answer_text(self.desk.pack(), item);
        self.status = Some(crate::t!(
            "app.status.copied",
            title = item.title(),
            chars = text.chars().count()
        ));
        effect(Effect::Copy(text))
    }

    /// Opens a case with what is on screen and shows it.
    fn new_case(&mut self) -> Outcome {
        if self.active_screen().is_some_and(|s| !s.opens_cases()) {
            self.status = Some(crate::t!(
                "app.status.no_case_in_quiz",
                key = self.keymap.hint(GLOBAL, Action::ShowTroubleshoot)
            ));
            return Outcome::redraw();
        }
        let pack = self.desk.pack();
        let mut new = self
            .active_screen()
            .map(|s| s.case_context(&self.desk, &self.query))
            .unwrap_or_default();
        new.pack = pack.info.name.to_string();
        new.pack_version = pack.info.version.to_string();
        let created = self.desk.cases().with(|store| store.new_case(&new));
        match created {
            Ok(Ok(id)) => {
                let before = self.snapshot();
                self.show_on("cases", &id.to_string(), before);
                self.status = Some(crate::t!("app.status.case_created", id = id));
            }
            Ok(Err(error)) => {
                self.status = Some(crate::t!("app.status.case_failed", error = error));
            }
            Err(message) => {
                self.status = Some(crate::t!("app.status.case_failed", error = message));
            }
        }
        Outcome::redraw()
    }

    /// Runs `f` on the active screen with a context, then carries out what it requested.
    fn with_screen(
        &mut self,
        f: impl FnOnce(&mut dyn Screen, &mut Cx<'_>) -> Handled,
    ) -> (Handled, Outcome) {
        let before = self.snapshot();
        let areas = self.areas();
        let mut cx = Cx::new(&self.desk, &self.theme, &self.query, areas.as_ref());
        let Some(screen) = self.screens.get_mut(self.active) else {
            return (Handled::Ignored, Outcome::nothing());
        };
        let handled = f(screen.as_mut(), &mut cx);
        let requests = cx.requests;
        let mut outcome = Outcome::redraw();
        for request in requests {
            match request {
                Request::PushHistory => self.history.push(before.clone()),
                Request::Open(id) => self.open_item(&id, before.clone()),
                Request::ShowOn { screen, id } => self.show_on(screen, &id, before.clone()),
                Request::Status(message) => self.status = Some(message),
                Request::Effect(e) => outcome.effects.push(e),
            }
        }
        (handled, outcome)
    }

    /// Shows an item on the screen it belongs to, remembering where we were.
    fn open_item(&mut self, id: &str, before: Snapshot) {
        let Some(kind) = self.desk.pack().item(id).map(|i| i.kind()) else {
            return;
        };
        let Some(index) = self.screens.iter().position(|s| s.shows(kind)) else {
            return;
        };
        self.history.push(before);
        self.overlays.clear();
        self.query.clear();
        self.query_pending = false;
        let mut cx = Cx::new(&self.desk, &self.theme, &self.query, None);
        if let Some(screen) = self.screens.get_mut(index) {
            screen.show(id, &mut cx);
        }
        self.active = index;
    }

    /// Shows an item on a named screen (a symptom's triage), remembering where we were.
    fn show_on(&mut self, screen: &str, id: &str, before: Snapshot) {
        let Some(index) = self.screens.iter().position(|s| s.key() == screen) else {
            return;
        };
        self.history.push(before);
        self.overlays.clear();
        self.query.clear();
        self.query_pending = false;
        let mut cx = Cx::new(&self.desk, &self.theme, &self.query, None);
        if let Some(screen) = self.screens.get_mut(index) {
            screen.show(id, &mut cx);
        }
        let requests = cx.requests;
        self.active = index;
        for request in requests {
            if let Request::Status(message) = request {
                self.status = Some(message);
            }
        }
    }

    fn switch_to(&mut self, index: usize) {
        if index == self.active || index >= self.screens.len() {
            return;
        }
        self.history.push(self.snapshot());
        self.active = index;
        let mut cx = Cx::new(&self.desk, &self.theme, &self.query, None);
        if let Some(screen) = self.screens.get_mut(index) {
            let mut place = screen.place();
            place.focus = Panel::Left;
            place.right = Default::default();
            screen.restore(place, &mut cx);
        }
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            active: self.active,
            query: self.query.clone(),
            places: self.screens.iter().map(|s| s.place()).collect(),
        }
    }

    fn restore(&mut self, snapshot: Snapshot) {
        self.active = snapshot.active.min(self.screens.len().saturating_sub(1));
        self.query = snapshot.query;
        self.query_pending = false;
        let mut cx = Cx::new(&self.desk, &self.theme, &self.query, None);
        for (screen, place) in self.screens.iter_mut().zip(snapshot.places) {
            screen.restore(place, &mut cx);
        }
    }

    fn go_back(&mut self) {
        let here = self.snapshot();
        if let Some(previous) = self.history.back(here) {
            self.restore(previous);
        }
    }

    fn go_forward(&mut self) {
        let here = self.snapshot();
        if let Some(next) = self.history.forward(here) {
            self.restore(next);
        }
    }

    fn mouse(&mut self, mouse: input::MouseInput) -> Outcome {
        let Some(areas) = self.areas() else {
            return Outcome::nothing();
        };
        let (layout, spacing) = self.layout_size(self.size);
        let at = Position::new(mouse.column, mouse.row);
        let at = if self.projector() {
            // A click in the margins is on nothing.
            match super::projector::from_terminal(at, spacing, layout) {
                Some(at) => at,
                None => return Outcome::nothing(),
            }
        } else {
            at
        };
        let delta = match mouse.kind {
            MouseKind::Click => 0,
            MouseKind::ScrollDown => 3,
            MouseKind::ScrollUp => -3,
        };
        if let Some(top) = self.overlays.last_mut() {
            let result = if delta == 0 {
                top.click()
            } else {
                top.scroll(delta)
            };
            if result == Layered::Close {
                self.overlays.pop();
            }
            return Outcome::redraw();
        }
        self.flush_query();
        if delta == 0 {
            if let Some(index) = areas.tab_at(at) {
                self.switch_to(index);
                return Outcome::redraw();
            }
        }
        let Some(slot) = areas.panel_at(at) else {
            return Outcome::nothing();
        };
        let (_, outcome) = self.with_screen(|screen, cx| {
            if delta == 0 {
                screen.click(slot, at, cx);
            } else {
                screen.scroll(slot.panel, delta, cx);
            }
            Handled::Consumed
        });
        outcome
    }
}

fn effect(effect: Effect) -> Outcome {
    Outcome {
        redraw: true,
        effects: vec![effect],
    }
}
