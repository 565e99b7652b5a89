//! The full-screen help desk: a thin terminal layer over the core. Input becomes actions
//! (through the keymap), screens and overlays handle them, effects go out through the
//! runtime, and drawing reads the state. The same loop ([`runtime::run`]) drives the real
//! terminal ([`live`]) and the off-screen one ([`render_screen`], `posdesk render`).

pub mod action;
mod chrome;
pub mod clipboard;
mod history;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod live;
pub mod overlays;
pub mod runtime;
pub mod screens;
pub mod theme;
pub mod widgets;

use action::{Action, Effect, Outcome};
use history::{History, Snapshot};
use input::{Input, MouseKind};
use keymap::{Keymap, GLOBAL};
use layout::{layout, Areas, Panel};
use overlays::{Help, Layered, Overlay, OverlayCx};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::Frame;
use screens::{Cx, DrawCx, Handled, Request, Screen};
use theme::Theme;

use crate::desk::Desk;
use crate::model::Pack;

/// The largest off-screen terminal `render` draws.
pub const MAX_RENDER_SIZE: u16 = 1000;
/// The longest query, in characters: a longer paste is cut, with a notice.
pub const QUERY_LIMIT: usize = 200;

/// The app: its screens, overlays, query, history and the effects it asks for.
pub struct App {
    desk: Desk,
    keymap: Keymap,
    theme: Theme,
    screens: Vec<Box<dyn Screen>>,
    active: usize,
    overlays: Vec<Box<dyn Overlay>>,
    history: History,
    query: String,
    /// The query changed since it was last searched.
    query_pending: bool,
    size: Rect,
    /// A message for the status bar, until the next input.
    status: Option<String>,
    mouse_captured: bool,
    quit: bool,
    /// Each keymap layer and its title in the help.
    layers: Vec<(String, String)>,
}

/// Keymap layers besides `global`: every screen's and every overlay's.
pub fn keymap_layers() -> Vec<&'static str> {
    let mut layers: Vec<&'static str> = screens::all().iter().map(|s| s.key()).collect();
    layers.push(Help::default().key());
    layers
}

impl App {
    /// The app over a desk, with the embedded keymap.
    pub fn new(desk: Desk, theme: Theme) -> App {
        let keymap = Keymap::embedded(&keymap_layers());
        App::with_keymap(desk, keymap, theme)
    }

    pub fn with_keymap(desk: Desk, keymap: Keymap, theme: Theme) -> App {
        let screens = screens::all();
        let mut layers = vec![(GLOBAL.to_string(), "所有界面".to_string())];
        layers.extend(
            screens
                .iter()
                .map(|s| (s.key().to_string(), s.title().to_string())),
        );
        layers.push(("help".to_string(), "帮助".to_string()));
        App {
            desk,
            keymap,
            theme,
            screens,
            active: 0,
            overlays: Vec::new(),
            history: History::default(),
            query: String::new(),
            query_pending: false,
            size: Rect::default(),
            status: None,
            mouse_captured: true,
            quit: false,
            layers,
        }
    }

    // ----- what tests, benches and the frontends read -----

    pub fn desk(&self) -> &Desk {
        &self.desk
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn help_open(&self) -> bool {
        !self.overlays.is_empty()
    }

    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    pub fn mouse_captured(&self) -> bool {
        self.mouse_captured
    }

    /// The keymap layer name of the active screen: `troubleshoot`, `faq`, `codes`.
    pub fn screen_key(&self) -> &'static str {
        self.active_screen().map_or("", |s| s.key())
    }

    /// The panel with the focus on the active screen.
    pub fn focus(&self) -> Panel {
        self.active_screen().map_or(Panel::Left, |s| s.focus())
    }

    /// A screen by its type, to look at its state.
    pub fn screen<T: Screen>(&self) -> Option<&T> {
        self.screens
            .iter()
            .find_map(|s| s.as_any().downcast_ref::<T>())
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        self.settle();
    }

    pub fn size(&self) -> Rect {
        self.size
    }

    fn active_screen(&self) -> Option<&dyn Screen> {
        self.screens.get(self.active).map(|s| s.as_ref())
    }

    fn tab_labels(&self) -> Vec<String> {
        self.screens
            .iter()
            .map(|s| {
                format!(
                    " {} {} ",
                    self.keymap.hint(GLOBAL, s.show_action()),
                    s.title()
                )
            })
            .collect()
    }

    /// Where everything goes at the current size (the same for drawing and the mouse).
    pub fn areas(&self) -> Option<Areas> {
        self.areas_at(self.size)
    }

    fn areas_at(&self, size: Rect) -> Option<Areas> {
        let panels = self
            .active_screen()
            .map(|s| s.panels(size.width))
            .unwrap_or_default();
        layout(size, &self.tab_labels(), &panels)
    }

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
            Input::Resize(width, height) => {
                self.size = Rect::new(0, 0, width, height);
                Outcome::redraw()
            }
        }
    }

    /// Typed or pasted text: the overlays and the screen may take it; otherwise it is
    /// the query, on the screen that searches.
    fn text(&mut self, text: &str) -> Outcome {
        while let Some(top) = self.overlays.last_mut() {
            match top.text(text) {
                Layered::Consumed => return Outcome::redraw(),
                Layered::Close => {
                    self.overlays.pop();
                    return Outcome::redraw();
                }
                Layered::CloseAndPass => {
                    self.overlays.pop();
                }
                Layered::Ignored => break,
            }
        }
        let (handled, outcome) = self.with_screen(|screen, cx| screen.text(text, cx));
        if handled == Handled::Consumed {
            return outcome;
        }
        let was_empty = self.query.is_empty();
        let room = QUERY_LIMIT.saturating_sub(self.query.chars().count());
        let taken: String = text.chars().take(room).collect();
        if taken.chars().count() < text.chars().count() {
            self.status = Some(format!("搜索最多 {QUERY_LIMIT} 个字，多出的部分没有输入"));
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
    fn flush_query(&mut self) {
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
        while let Some(top) = self.overlays.last_mut() {
            match top.handle(action) {
                Layered::Consumed => return Outcome::redraw(),
                Layered::Close => {
                    self.overlays.pop();
                    return Outcome::redraw();
                }
                Layered::CloseAndPass => {
                    self.overlays.pop();
                }
                Layered::Ignored => break,
            }
        }
        match action {
            Action::Quit => {
                self.quit = true;
                return effect(Effect::Quit);
            }
            Action::Help => return self.toggle_help(),
            Action::CloseHelp => {
                self.overlays.clear();
                return Outcome::redraw();
            }
            Action::Suspend => return effect(Effect::Suspend),
            Action::CopyAnswer => return self.copy_answer(),
            Action::ToggleMouse => {
                self.mouse_captured = !self.mouse_captured;
                self.status = Some(if self.mouse_captured {
                    "鼠标已恢复：点击选择，滚轮滚动".to_string()
                } else {
                    format!(
                        "鼠标已释放：可以用鼠标选中文字；按 {} 恢复",
                        self.keymap.hint(GLOBAL, Action::ToggleMouse)
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
            Action::Escape => {
                if !self.query.is_empty() {
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

    fn toggle_help(&mut self) -> Outcome {
        if self.overlays.is_empty() {
            self.overlays.push(Box::new(Help::default()));
        } else {
            self.overlays.clear();
        }
        Outcome::redraw()
    }

    fn copy_answer(&mut self) -> Outcome {
        let id = self
            .active_screen()
            .and_then(|s| s.answer(&self.desk, &self.query));
        let Some(item) = id.as_deref().and_then(|id| self.desk.pack().item(id)) else {
            self.status = Some("没有可复制的答案：先选中一个原因、应答码或问题".to_string());
            return Outcome::redraw();
        };
        let text = crate::report::answer_text(self.desk.pack(), item);
        self.status = Some(format!(
            "已复制「{}」的答案（{} 字）到剪贴板",
            item.title(),
            text.chars().count()
        ));
        effect(Effect::Copy(text))
    }

    /// Runs `f` on the active screen with a context, then carries out what it requested.
    fn with_screen(
        &mut self,
        f: impl FnOnce(&mut dyn Screen, &mut Cx<'_>) -> Handled,
    ) -> (Handled, Outcome) {
        let before = self.snapshot();
        let areas = self.areas();
        let mut cx = Cx {
            desk: &self.desk,
            theme: &self.theme,
            query: &self.query,
            areas: areas.as_ref(),
            requests: Vec::new(),
        };
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
                Request::Effect(e) => outcome.effects.push(e),
            }
        }
        (handled, outcome)
    }

    /// Shows an item on the screen it belongs to, remembering where we were.
    pub fn open_item(&mut self, id: &str, before: Snapshot) {
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
        let mut cx = Cx {
            desk: &self.desk,
            theme: &self.theme,
            query: &self.query,
            areas: None,
            requests: Vec::new(),
        };
        if let Some(screen) = self.screens.get_mut(index) {
            screen.show(id, &mut cx);
        }
        self.active = index;
    }

    fn switch_to(&mut self, index: usize) {
        if index == self.active || index >= self.screens.len() {
            return;
        }
        self.history.push(self.snapshot());
        self.active = index;
        let mut cx = Cx {
            desk: &self.desk,
            theme: &self.theme,
            query: &self.query,
            areas: None,
            requests: Vec::new(),
        };
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
        let mut cx = Cx {
            desk: &self.desk,
            theme: &self.theme,
            query: &self.query,
            areas: None,
            requests: Vec::new(),
        };
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
        let at = Position::new(mouse.column, mouse.row);
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

    /// Makes the state ready to draw: pending search run, selections valid, scroll
    /// positions fitted to the current size.
    pub fn settle(&mut self) {
        self.flush_query();
        let areas = self.areas();
        let mut cx = Cx {
            desk: &self.desk,
            theme: &self.theme,
            query: &self.query,
            areas: areas.as_ref(),
            requests: Vec::new(),
        };
        if let Some(screen) = self.screens.get_mut(self.active) {
            screen.settle(&mut cx);
        }
        if let Some(areas) = &areas {
            let ocx = OverlayCx {
                theme: &self.theme,
                keymap: &self.keymap,
                layers: &self.layers,
            };
            for overlay in &mut self.overlays {
                overlay.settle(areas.body, &ocx);
            }
        }
    }

    // ----- drawing: reads the state, never writes it -----

    /// Draws the whole screen and places the cursor in the query line.
    pub fn draw(&self, frame: &mut Frame<'_>) {
        let size = frame.area();
        let cursor = self.draw_buffer(frame.buffer_mut(), size);
        if let Some(cursor) = cursor {
            frame.set_cursor_position(cursor);
        }
    }

    /// Draws into a buffer; returns where the text cursor goes, if anywhere.
    pub fn draw_buffer(&self, buffer: &mut Buffer, size: Rect) -> Option<Position> {
        let Some(areas) = self.areas_at(size) else {
            widgets::centered(
                buffer,
                size,
                format!(
                    "终端太小 / terminal too small: {}x{}, need at least {}x{}",
                    size.width,
                    size.height,
                    layout::MIN_WIDTH,
                    layout::MIN_HEIGHT
                ),
            );
            return None;
        };
        let theme = &self.theme;
        let tab_hint = format!(
            "{} 帮助  {} 退出",
            self.keymap.hint(GLOBAL, Action::Help),
            self.keymap.hint(GLOBAL, Action::Quit)
        );
        chrome::draw_tabs(
            buffer,
            &areas,
            &self.tab_labels(),
            self.active,
            &tab_hint,
            theme,
        );
        let cursor = chrome::draw_query(buffer, areas.query, &self.query, theme);
        let cx = DrawCx {
            desk: &self.desk,
            theme,
            keymap: &self.keymap,
            query: &self.query,
        };
        if let Some(screen) = self.active_screen() {
            screen.draw(buffer, &areas, &cx);
        }
        for separator in &areas.separators {
            for y in separator.top()..separator.bottom() {
                widgets::put(
                    buffer,
                    Rect::new(separator.x, y, 1, 1),
                    Line::styled("|", theme.dim()),
                );
            }
        }
        let (layer, hints) = match (self.overlays.last(), self.active_screen()) {
            (Some(overlay), _) => (overlay.key(), overlay.hints()),
            (None, Some(screen)) => (screen.key(), screen.hints()),
            (None, None) => ("", Vec::new()),
        };
        let hints: Vec<String> = hints.iter().map(|h| h.text(&self.keymap, layer)).collect();
        let left = match &self.status {
            Some(message) => message.clone(),
            None => self
                .active_screen()
                .map(|s| s.breadcrumb(&cx).join(" > "))
                .unwrap_or_default(),
        };
        chrome::draw_status(buffer, areas.status, &left, &hints.join("  "), theme);
        let ocx = OverlayCx {
            theme,
            keymap: &self.keymap,
            layers: &self.layers,
        };
        for overlay in &self.overlays {
            overlay.draw(buffer, areas.body, &ocx);
        }
        self.overlays.is_empty().then_some(cursor)
    }
}

fn effect(effect: Effect) -> Outcome {
    Outcome {
        redraw: true,
        effects: vec![effect],
    }
}

/// Runs the app off-screen at a size, feeding it input as the live app would (through
/// the same loop), and returns the last frame drawn.
pub fn render_buffer(
    pack: &Pack,
    width: u16,
    height: u16,
    inputs: &[Input],
    theme: Theme,
) -> Buffer {
    let mut frontend = runtime::Offscreen::new(width, height, inputs.to_vec());
    let mut app = App::new(Desk::new(pack.clone()), theme);
    app.resize(frontend.size().width, frontend.size().height);
    // The off-screen frontend cannot fail: its backend's error type has no values.
    let _ = runtime::run(&mut app, &mut frontend);
    frontend.into_frame()
}

/// A buffer as plain text: one line per row, wide characters once, trailing spaces cut.
pub fn buffer_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            let symbol = buffer.cell((x, y)).map_or(" ", |cell| cell.symbol());
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let w = widgets::text::width(symbol);
            skip = w.saturating_sub(1);
            line.push_str(if symbol.is_empty() { " " } else { symbol });
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The final screen as plain text, as `posdesk render` prints it.
pub fn render_screen(pack: &Pack, width: u16, height: u16, inputs: &[Input]) -> String {
    buffer_text(&render_buffer(pack, width, height, inputs, Theme::plain()))
}
