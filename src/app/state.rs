//! The app's state and how input changes it. Drawing is in `view`; both the live
//! terminal and `posdesk render` feed the same events through [`App::handle`].

use super::detail::{item_lines, DetailLine};
use super::keys::{meaning, Action, KeyMeaning};
use super::layout::{layout, Areas, PanelSlot};
use super::theme::Theme;
use crate::model::{Cause, Item, Kind, Pack};
use crate::search::{Hit, SearchIndex};
use crossterm::event::{Event, KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

/// The screens, switched with F2 / F3 / F4 or the tab bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Main,
    Faq,
    Codes,
}

/// The panels of a view, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Panel {
    Left,
    Middle,
    Right,
}

/// What the left panel of the main view lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeftMode {
    /// The symptoms, most common first.
    Home,
    /// Live search results for the query.
    Results,
    /// One item opened through a link or the code table.
    Pinned(String),
}

/// A selection in a list, and the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

impl Cursor {
    fn move_by(&mut self, delta: isize, len: usize) {
        if len == 0 {
            self.selected = 0;
            return;
        }
        let target = self.selected as isize + delta;
        self.selected = target.clamp(0, len as isize - 1) as usize;
    }

    /// Keeps the selection within `len` entries and on screen in `height` rows.
    pub fn fit(&mut self, len: usize, height: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        if height == 0 {
            return;
        }
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }
}

/// One entry of the left panel.
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: Kind,
    pub id: String,
    pub title: String,
    /// Characters of `title` the query matched.
    pub highlight: Vec<usize>,
    /// Codes of a symptom, shown beside it.
    pub codes: Vec<String>,
}

/// Everything needed to come back to a screen: one step of the history.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Snapshot {
    view: View,
    focus: Panel,
    left_mode: LeftMode,
    query: String,
    query_base: LeftMode,
    left: Cursor,
    middle: Cursor,
    right: Cursor,
    faq: Cursor,
    codes: Cursor,
}

pub struct App<'p> {
    pub(super) pack: &'p Pack,
    index: SearchIndex,
    pub(super) theme: Theme,
    pub view: View,
    pub focus: Panel,
    pub(super) left_mode: LeftMode,
    /// What the left panel showed before the query began, to return to when it is cleared.
    query_base: LeftMode,
    pub(super) query: String,
    pub(super) results: Vec<Hit>,
    pub(super) left: Cursor,
    pub(super) middle: Cursor,
    /// In the detail panel, `selected` is a logical line and `offset` a row.
    pub(super) right: Cursor,
    pub(super) faq: Cursor,
    pub(super) codes: Cursor,
    pub(super) help: Option<Cursor>,
    back: Vec<Snapshot>,
    forward: Vec<Snapshot>,
    pub(super) size: Rect,
    quit: bool,
}

/// How many results the left panel lists at most.
const RESULT_LIMIT: usize = 100;
/// How many history steps are kept.
const HISTORY_LIMIT: usize = 200;

impl<'p> App<'p> {
    pub fn new(pack: &'p Pack, theme: Theme) -> App<'p> {
        App {
            pack,
            index: SearchIndex::new(pack),
            theme,
            view: View::Main,
            focus: Panel::Left,
            left_mode: LeftMode::Home,
            query_base: LeftMode::Home,
            query: String::new(),
            results: Vec::new(),
            left: Cursor::default(),
            middle: Cursor::default(),
            right: Cursor::default(),
            faq: Cursor::default(),
            codes: Cursor::default(),
            help: None,
            back: Vec::new(),
            forward: Vec::new(),
            size: Rect::default(),
            quit: false,
        }
    }

    /// The selection in the left panel of the main view.
    pub fn left_cursor(&self) -> Cursor {
        self.left
    }

    /// The selection in the middle panel.
    pub fn middle_cursor(&self) -> Cursor {
        self.middle
    }

    /// The logical line under the cursor in the detail panel.
    pub fn detail_cursor(&self) -> Cursor {
        self.right
    }

    pub fn left_mode(&self) -> &LeftMode {
        &self.left_mode
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    pub fn help_open(&self) -> bool {
        self.help.is_some()
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
    }

    pub fn areas(&self) -> Option<Areas> {
        layout(self.size, self.view, self.focus)
    }

    /// Applies one terminal event. Returns whether the screen needs drawing again.
    pub fn handle(&mut self, event: &Event) -> bool {
        match event {
            Event::Key(key) => {
                self.key(*key);
                true
            }
            Event::Mouse(mouse) => self.mouse(*mouse),
            Event::Resize(width, height) => {
                self.resize(*width, *height);
                true
            }
            Event::Paste(text) => {
                for c in text.chars().filter(|c| !c.is_control()) {
                    self.type_char(c);
                }
                true
            }
            Event::FocusGained | Event::FocusLost => false,
        }
    }

    pub fn key(&mut self, key: KeyEvent) {
        match meaning(key) {
            KeyMeaning::Ignore => {}
            KeyMeaning::Type('?') if self.query.is_empty() => self.toggle_help(),
            KeyMeaning::Type(c) => {
                self.help = None;
                self.type_char(c);
            }
            KeyMeaning::Act(action) => self.act(action),
        }
    }

    fn toggle_help(&mut self) {
        self.help = match self.help {
            Some(_) => None,
            None => Some(Cursor::default()),
        };
    }

    fn act(&mut self, action: Action) {
        // The help overlay takes every key but Quit: it scrolls or closes.
        if let Some(help) = self.help.as_mut().filter(|_| action != Action::Quit) {
            match action {
                Action::Up => help.offset = help.offset.saturating_sub(1),
                Action::Down => help.offset += 1,
                Action::PageUp => help.offset = help.offset.saturating_sub(10),
                Action::PageDown => help.offset += 10,
                Action::Home => help.offset = 0,
                _ => self.help = None,
            }
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.toggle_help(),
            Action::Up => self.move_selection(-1),
            Action::Down => self.move_selection(1),
            Action::PageUp => self.move_selection(-(self.page() as isize)),
            Action::PageDown => self.move_selection(self.page() as isize),
            Action::Home => self.move_selection(isize::MIN / 2),
            Action::End => self.move_selection(isize::MAX / 2),
            Action::NextPanel => self.cycle_panel(1),
            Action::PrevPanel => self.cycle_panel(-1),
            Action::Open => self.open(),
            Action::Escape => self.escape(),
            Action::Back => self.go_back(),
            Action::Forward => self.go_forward(),
            Action::ShowMain => self.switch_view(View::Main),
            Action::ShowFaq => self.switch_view(View::Faq),
            Action::ShowCodes => self.switch_view(View::Codes),
            Action::DeleteChar => {
                if self.query.pop().is_some() {
                    self.query_changed();
                }
            }
            Action::ClearQuery => self.clear_query(),
        }
    }

    /// Rows a page moves: the height of the panel in focus.
    fn page(&self) -> usize {
        let rows = self.areas().map_or(10, |a| a.body.height as usize);
        rows.saturating_sub(2).max(1)
    }

    // ----- the query -----

    fn type_char(&mut self, c: char) {
        if self.query.is_empty() {
            self.query_base = match &self.left_mode {
                LeftMode::Results => LeftMode::Home,
                other => other.clone(),
            };
        }
        self.query.push(c);
        self.query_changed();
    }

    fn query_changed(&mut self) {
        self.view = View::Main;
        self.focus = Panel::Left;
        self.left = Cursor::default();
        self.middle = Cursor::default();
        self.right = Cursor::default();
        if self.query.trim().is_empty() {
            self.results.clear();
            self.left_mode = self.query_base.clone();
            if self.query.is_empty() {
                return;
            }
        }
        self.results = self.index.search(&self.query, RESULT_LIMIT);
        self.left_mode = LeftMode::Results;
    }

    fn clear_query(&mut self) {
        if !self.query.is_empty() {
            self.query.clear();
            self.query_changed();
        }
    }

    // ----- what the panels show -----

    /// The entries of the left panel of the main view.
    pub fn left_entries(&self) -> Vec<Entry> {
        let entry = |item: Item<'_>, highlight: Vec<usize>| Entry {
            kind: item.kind(),
            id: item.id().to_string(),
            title: item.title(),
            highlight,
            codes: match item {
                Item::Symptom(s) => s.codes.clone(),
                _ => Vec::new(),
            },
        };
        match &self.left_mode {
            LeftMode::Home => self
                .pack
                .symptoms_by_rank()
                .into_iter()
                .map(|s| entry(Item::Symptom(s), Vec::new()))
                .collect(),
            LeftMode::Results => self
                .results
                .iter()
                .filter_map(|hit| {
                    Some(entry(self.pack.item(&hit.id)?, hit.title_positions.clone()))
                })
                .collect(),
            LeftMode::Pinned(id) => self
                .pack
                .item(id)
                .map(|i| entry(i, Vec::new()))
                .into_iter()
                .collect(),
        }
    }

    /// The item selected in the left panel.
    pub fn left_item(&self) -> Option<Item<'p>> {
        let pack = self.pack;
        let id = match &self.left_mode {
            LeftMode::Home => pack.home_symptom(self.left.selected).map(|s| s.id.clone()),
            LeftMode::Results => self.results.get(self.left.selected).map(|h| h.id.clone()),
            LeftMode::Pinned(id) => Some(id.clone()),
        }?;
        pack.item(&id)
    }

    /// The causes the middle panel lists for the left selection.
    pub fn middle_causes(&self) -> Vec<&'p Cause> {
        let pack = self.pack;
        let by_ids = |ids: &[String]| {
            ids.iter()
                .filter_map(|id| pack.cause(id))
                .collect::<Vec<_>>()
        };
        match self.left_item() {
            Some(Item::Symptom(s)) => by_ids(&s.causes),
            Some(Item::Cause(c)) => vec![c],
            Some(Item::Faq(f)) => by_ids(&f.causes),
            Some(Item::Code(c)) => by_ids(&c.causes),
            Some(item @ (Item::Solution(_) | Item::Script(_))) => pack
                .links_to(item.id())
                .into_iter()
                .filter_map(|i| match i {
                    Item::Cause(c) => Some(c),
                    _ => None,
                })
                .collect(),
            None => Vec::new(),
        }
    }

    /// The cause selected in the middle panel.
    pub fn selected_cause(&self) -> Option<&'p Cause> {
        self.middle_causes().get(self.middle.selected).copied()
    }

    /// What the detail panel shows: the selected cause, or the left item when it has none.
    pub fn detail_item(&self) -> Option<Item<'p>> {
        match self.view {
            View::Main => self
                .selected_cause()
                .map(Item::Cause)
                .or_else(|| self.left_item()),
            View::Faq => self.pack.faqs.get(self.faq.selected).map(Item::Faq),
            View::Codes => self.pack.codes.get(self.codes.selected).map(Item::Code),
        }
    }

    pub fn detail_lines(&self) -> Vec<DetailLine> {
        self.detail_item()
            .map(|item| item_lines(self.pack, item, &self.theme))
            .unwrap_or_default()
    }

    /// Where you are, for the status bar.
    pub fn breadcrumb(&self) -> Vec<String> {
        let mut crumbs = Vec::new();
        match self.view {
            View::Main => {
                crumbs.push("排查".to_string());
                match &self.left_mode {
                    LeftMode::Results => crumbs.push(format!("搜索「{}」", self.query)),
                    LeftMode::Pinned(_) | LeftMode::Home => {}
                }
                if let Some(item) = self.left_item() {
                    crumbs.push(item.title());
                }
                if self.focus != Panel::Left {
                    if let Some(cause) = self.selected_cause() {
                        if self.left_item().map(|i| i.id()) != Some(cause.id.as_str()) {
                            crumbs.push(cause.title.clone());
                        }
                    }
                }
            }
            View::Faq => {
                crumbs.push("常见问题".to_string());
                if let Some(faq) = self.pack.faqs.get(self.faq.selected) {
                    crumbs.push(faq.question.clone());
                }
            }
            View::Codes => {
                crumbs.push("应答码".to_string());
                if let Some(code) = self.pack.codes.get(self.codes.selected) {
                    crumbs.push(format!("{} {}", code.code, code.display));
                }
            }
        }
        crumbs
    }

    // ----- moving around -----

    fn list_len(&self, panel: Panel) -> usize {
        match (self.view, panel) {
            (View::Main, Panel::Left) => self.left_entries().len(),
            (View::Main, Panel::Middle) => self.middle_causes().len(),
            (View::Faq, Panel::Left) => self.pack.faqs.len(),
            (View::Codes, _) => self.pack.codes.len(),
            (_, _) => self.detail_lines().len(),
        }
    }

    fn move_selection(&mut self, delta: isize) {
        let panel = self.focus;
        let len = self.list_len(panel);
        match (self.view, panel) {
            (View::Main, Panel::Left) => {
                self.left.move_by(delta, len);
                self.middle = Cursor::default();
                self.right = Cursor::default();
            }
            (View::Main, Panel::Middle) => {
                self.middle.move_by(delta, len);
                self.right = Cursor::default();
            }
            (View::Faq, Panel::Left) => {
                self.faq.move_by(delta, len);
                self.right = Cursor::default();
            }
            (View::Codes, _) => self.codes.move_by(delta, len),
            (_, _) => self.right.move_by(delta, len),
        }
    }

    fn panels(&self) -> &'static [Panel] {
        match self.view {
            View::Main => &[Panel::Left, Panel::Middle, Panel::Right],
            View::Faq => &[Panel::Left, Panel::Right],
            View::Codes => &[Panel::Left],
        }
    }

    fn cycle_panel(&mut self, step: isize) {
        let panels = self.panels();
        let at = panels.iter().position(|p| *p == self.focus).unwrap_or(0) as isize;
        let next = (at + step).rem_euclid(panels.len() as isize) as usize;
        if let Some(panel) = panels.get(next) {
            self.focus = *panel;
        }
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            view: self.view,
            focus: self.focus,
            left_mode: self.left_mode.clone(),
            query: self.query.clone(),
            query_base: self.query_base.clone(),
            left: self.left,
            middle: self.middle,
            right: self.right,
            faq: self.faq,
            codes: self.codes,
        }
    }

    fn restore(&mut self, snapshot: Snapshot) {
        self.view = snapshot.view;
        self.focus = snapshot.focus;
        self.query_base = snapshot.query_base;
        if self.query != snapshot.query {
            self.query = snapshot.query;
            self.results = if self.query.trim().is_empty() {
                Vec::new()
            } else {
                self.index.search(&self.query, RESULT_LIMIT)
            };
        }
        self.left_mode = snapshot.left_mode;
        self.left = snapshot.left;
        self.middle = snapshot.middle;
        self.right = snapshot.right;
        self.faq = snapshot.faq;
        self.codes = snapshot.codes;
    }

    /// Remembers where we are before a step, like a browser before following a link.
    fn push_history(&mut self) {
        let here = self.snapshot();
        if self.back.last() != Some(&here) {
            self.back.push(here);
            if self.back.len() > HISTORY_LIMIT {
                self.back.remove(0);
            }
        }
        self.forward.clear();
    }

    fn go_back(&mut self) {
        if let Some(previous) = self.back.pop() {
            self.forward.push(self.snapshot());
            self.restore(previous);
        }
    }

    fn go_forward(&mut self) {
        if let Some(next) = self.forward.pop() {
            self.back.push(self.snapshot());
            self.restore(next);
        }
    }

    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    fn switch_view(&mut self, view: View) {
        if self.view != view {
            self.push_history();
            self.view = view;
            self.focus = Panel::Left;
            self.right = Cursor::default();
        }
    }

    fn escape(&mut self) {
        if !self.query.is_empty() {
            self.clear_query();
        } else if self.can_go_back() {
            self.go_back();
        } else if self.focus != Panel::Left {
            self.focus = Panel::Left;
        }
    }

    /// Enter: go one step deeper, or follow the link under the cursor.
    fn open(&mut self) {
        match (self.view, self.focus) {
            (View::Main, Panel::Left) => {
                if self.left_item().is_none() {
                    return;
                }
                self.push_history();
                self.focus = if self.middle_causes().is_empty() {
                    Panel::Right
                } else {
                    Panel::Middle
                };
                self.middle = Cursor::default();
                self.right = Cursor::default();
            }
            (View::Main, Panel::Middle) => {
                if self.selected_cause().is_some() {
                    self.push_history();
                    self.focus = Panel::Right;
                    self.right = Cursor::default();
                }
            }
            (View::Faq, Panel::Left) => {
                self.push_history();
                self.focus = Panel::Right;
                self.right = Cursor::default();
            }
            (View::Codes, _) => {
                if let Some(code) = self.pack.codes.get(self.codes.selected) {
                    let id = code.id.clone();
                    self.open_item(&id);
                }
            }
            (_, _) => {
                let link = self
                    .detail_lines()
                    .get(self.right.selected)
                    .and_then(|l| l.link.clone());
                if let Some(id) = link {
                    self.open_item(&id);
                }
            }
        }
    }

    /// Shows an item where it belongs, remembering where we were.
    pub fn open_item(&mut self, id: &str) {
        let Some(item) = self.pack.item(id) else {
            return;
        };
        self.push_history();
        self.help = None;
        self.query.clear();
        self.results.clear();
        self.right = Cursor::default();
        self.middle = Cursor::default();
        match item {
            Item::Symptom(symptom) => {
                self.view = View::Main;
                self.left_mode = LeftMode::Home;
                let position = self
                    .pack
                    .symptoms_by_rank()
                    .iter()
                    .position(|s| s.id == symptom.id);
                self.left = Cursor {
                    selected: position.unwrap_or(0),
                    offset: 0,
                };
                self.focus = Panel::Middle;
            }
            Item::Faq(faq) => {
                self.view = View::Faq;
                let position = self.pack.faqs.iter().position(|f| f.id == faq.id);
                self.faq = Cursor {
                    selected: position.unwrap_or(0),
                    offset: 0,
                };
                self.focus = Panel::Right;
            }
            other => {
                self.view = View::Main;
                self.left_mode = LeftMode::Pinned(other.id().to_string());
                self.left = Cursor::default();
                self.focus = if other.kind() == Kind::Cause {
                    Panel::Right
                } else {
                    Panel::Middle
                };
            }
        }
        self.query_base = self.left_mode.clone();
    }

    // ----- the mouse -----

    fn mouse(&mut self, mouse: MouseEvent) -> bool {
        let Some(areas) = self.areas() else {
            return false;
        };
        let at = Position::new(mouse.column, mouse.row);
        match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                if self.help.is_some() {
                    self.help = None;
                    return true;
                }
                if let Some(view) = areas.tab_at(at) {
                    self.switch_view(view);
                    return true;
                }
                let Some(slot) = areas.panel_at(at) else {
                    return false;
                };
                self.click(slot, at);
                true
            }
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let delta = if mouse.kind == MouseEventKind::ScrollDown {
                    3
                } else {
                    -3
                };
                if let Some(help) = &mut self.help {
                    help.offset = (help.offset as isize + delta).max(0) as usize;
                    return true;
                }
                let Some(slot) = areas.panel_at(at) else {
                    return false;
                };
                let focus = self.focus;
                self.focus = slot.panel;
                self.move_selection(delta);
                self.focus = focus;
                true
            }
            _ => false,
        }
    }

    /// A click focuses the panel and selects the row under the pointer.
    fn click(&mut self, slot: PanelSlot, at: Position) {
        self.focus = slot.panel;
        let Some(row) = slot.row_at(at) else { return };
        match (self.view, slot.panel) {
            (View::Main, Panel::Left) => {
                let target = self.left.offset + row;
                if target < self.left_entries().len() && target != self.left.selected {
                    self.left.selected = target;
                    self.middle = Cursor::default();
                    self.right = Cursor::default();
                }
            }
            (View::Main, Panel::Middle) => {
                let Some(first) = row
                    .checked_sub(self.middle_context_rows(slot.content.width, slot.content.height))
                else {
                    return;
                };
                let target = self.middle.offset + first;
                if target < self.middle_causes().len() && target != self.middle.selected {
                    self.middle.selected = target;
                    self.right = Cursor::default();
                }
            }
            (View::Faq, Panel::Left) => {
                let target = self.faq.offset + row;
                if target < self.pack.faqs.len() {
                    self.faq.selected = target;
                    self.right = Cursor::default();
                }
            }
            (View::Codes, _) => {
                // The first row is the table's header.
                if let Some(target) = row.checked_sub(1).map(|r| self.codes.offset + r) {
                    if target < self.pack.codes.len() {
                        self.codes.selected = target;
                    }
                }
            }
            (_, _) => {
                let (_, owners) =
                    super::detail::rows(&self.detail_lines(), slot.content.width as usize);
                if let Some(&line) = owners.get(self.right.offset + row) {
                    self.right.selected = line;
                }
            }
        }
    }

    /// Rows of context above the causes in the middle panel, at a width.
    pub(super) fn middle_context_rows(&self, width: u16, height: u16) -> usize {
        let lines = super::view::middle_context(self);
        let rows = super::detail::rows(&lines, width as usize).0.len();
        rows.min(super::view::middle_context_cap(height))
    }
}
