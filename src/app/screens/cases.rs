//! The case log screen: support calls, newest first (typing on the list finds cases by
//! Chinese, pinyin or initials) | the selected case: shop and terminal references, the
//! steps of the cause being worked on as a checklist (Space ticks, with the time), the
//! outcome, and notes typed in place. Every change is written to the store at once; what
//! the screen shows is read back from it.

use super::{Cx, DrawCx, Handled, Hint, Place, Request, Screen};
use crate::app::action::Action;
use crate::app::layout::{Areas, Panel, PanelSlot, TWO_PANELS};
use crate::app::theme::Theme;
use crate::app::widgets::detail::{rows, DetailLine};
use crate::app::widgets::text::Piece;
use crate::app::widgets::{draw_list, fit_list, panel_title, pieces_line, LineCursor};
use crate::desk::Desk;
use crate::model::{Actor, Item};
use crate::store::{Case, Field, Outcome, Saved, StoreError};
use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use std::any::Any;

/// How many cases the list holds (the newest; finding reaches older ones).
const LIST_LIMIT: usize = 500;

/// What a row of the case panel is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Row {
    Info,
    Field(Field),
    Step { solution: String, step: usize },
    Outcome(Outcome),
    NewNote,
}

/// Text being typed into a field or a new note.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Editing {
    row: Row,
    text: String,
}

#[derive(Default)]
pub struct Cases {
    place: Place,
    /// The cases listed, as last read from the store.
    cases: Vec<Case>,
    /// What the list is narrowed to (typed on the list).
    filter: String,
    /// The list must be read again (a change, a new filter).
    stale: bool,
    editing: Option<Editing>,
    /// Why the store could not be read, shown instead of the list.
    problem: Option<String>,
}

impl Cases {
    fn ids(&self) -> Vec<String> {
        self.cases.iter().map(|c| c.id.to_string()).collect()
    }

    fn selected(&self) -> Option<&Case> {
        let ids = self.ids();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        self.cases.get(self.place.left.resolve(&refs))
    }

    fn reload(&mut self, desk: &Desk) {
        let filter = (!self.filter.is_empty()).then_some(self.filter.as_str());
        match desk
            .cases()
            .with(|store| store.cases(None, filter, LIST_LIMIT))
        {
            Ok(Ok(cases)) => {
                self.cases = cases;
                self.problem = None;
            }
            Ok(Err(error)) => self.problem = Some(error.to_string()),
            Err(message) => self.problem = Some(message),
        }
        self.stale = false;
    }

    /// The case panel's rows.
    fn case_rows(&self, case: &Case, desk: &Desk, theme: &Theme) -> Vec<(Row, DetailLine)> {
        let pack = desk.pack();
        let title = |id: &str| {
            pack.item(id)
                .map_or_else(|| id.to_string(), |i| i.title().to_string())
        };
        let text = |s: String| Piece::new(s, theme.text());
        let label = |s: &str| Piece::new(s.to_string(), theme.label());
        let mut out: Vec<(Row, DetailLine)> = Vec::new();
        let opened = case
            .opened_at
            .get(..16)
            .unwrap_or(&case.opened_at)
            .replace('T', " ");
        out.push((
            Row::Info,
            DetailLine::new(
                vec![Piece::new(
                    crate::t!("cases.screen.heading", id = case.id, opened = opened),
                    theme.heading(),
                )],
                2,
            ),
        ));
        let mut about = Vec::new();
        if let Some(symptom) = &case.symptom {
            about.push(crate::t!("cases.screen.symptom", title = title(symptom)));
        }
        if let Some(code) = &case.code {
            about.push(crate::t!("cases.screen.code", code = code));
        }
        if let Some(path) = &case.triage {
            about.push(crate::t!("cases.screen.triage", n = path.steps.len()));
        }
        if !about.is_empty() {
            out.push((Row::Info, DetailLine::new(vec![text(about.join("  "))], 2)));
        }
        for (field, name, value) in [
            (Field::Shop, crate::t!("cases.screen.shop"), &case.shop),
            (
                Field::Terminal,
                crate::t!("cases.screen.terminal"),
                &case.terminal,
            ),
        ] {
            let shown = match &self.editing {
                Some(Editing {
                    row: Row::Field(f),
                    text,
                }) if *f == field => text.clone(),
                _ if value.is_empty() => crate::t!("cases.screen.fill_in").to_string(),
                _ => value.clone(),
            };
            out.push((
                Row::Field(field),
                DetailLine::new(vec![label(name), text(shown)], 4),
            ));
        }
        // The steps of the cause being worked on (or that solved it, or the symptom's
        // most likely one).
        let cause_id = match &case.outcome {
            Outcome::Resolved { cause } => Some(cause.clone()),
            _ => case.working_cause.clone(),
        }
        .or_else(|| {
            let symptom = case.symptom.as_deref().and_then(|s| pack.symptom(s))?;
            desk.ranked_causes(Item::Symptom(symptom))
                .first()
                .map(|c| c.id.to_string())
        });
        let cause = cause_id.as_deref().and_then(|id| pack.cause(id));
        if let Some(cause) = cause {
            out.push((
                Row::Info,
                DetailLine::new(
                    vec![
                        label(crate::t!("cases.screen.steps")),
                        text(crate::t!(
                            "cases.screen.steps_of",
                            cause = cause.shown_title()
                        )),
                    ],
                    2,
                ),
            ));
            for solution in cause.solutions.iter().filter_map(|id| pack.solution(id)) {
                for (n, step) in solution.steps.iter().enumerate() {
                    let tick = case
                        .ticks
                        .iter()
                        .find(|t| t.solution == solution.id.as_str() && t.step == n + 1);
                    let mark = if tick.is_some() { "[x] " } else { "[ ] " };
                    let mut pieces = vec![
                        Piece::new(mark, theme.label()),
                        Piece::new(
                            crate::t!("cases.screen.actor", who = step.who.label()),
                            theme.actor(step.who),
                        ),
                        text(step.text.to_string()),
                    ];
                    if let Some(tick) = tick {
                        let at = tick.at.get(11..16).unwrap_or(&tick.at);
                        pieces.push(Piece::new(format!("  {at}"), theme.dim()));
                    }
                    out.push((
                        Row::Step {
                            solution: solution.id.to_string(),
                            step: n + 1,
                        },
                        DetailLine::new(pieces, 4),
                    ));
                }
            }
        }
        out.push((
            Row::Info,
            DetailLine::new(vec![label(crate::t!("cases.screen.outcome"))], 2),
        ));
        let mut choices = vec![Outcome::Open];
        let mut causes: Vec<String> = cause_id.into_iter().collect();
        // In the pack's order, so the lines do not move under the cursor when an outcome
        // changes the ranking.
        if let Some(symptom) = case.symptom.as_deref().and_then(|s| pack.symptom(s)) {
            for c in crate::desk::causes_for(pack, Item::Symptom(symptom)) {
                if !causes.iter().any(|id| id == c.id.as_str()) {
                    causes.push(c.id.to_string());
                }
            }
        }
        choices.extend(causes.into_iter().map(|cause| Outcome::Resolved { cause }));
        choices.extend([Actor::Issuer, Actor::Acquirer, Actor::Network].map(|a| {
            Outcome::Escalated {
                to: a.key().to_string(),
            }
        }));
        for choice in choices {
            let mark = if choice == case.outcome {
                "[x] "
            } else {
                "[ ] "
            };
            let words = crate::report::cases::outcome_text(pack, &choice);
            out.push((
                Row::Outcome(choice),
                DetailLine::new(vec![Piece::new(mark, theme.label()), text(words)], 4),
            ));
        }
        out.push((
            Row::Info,
            DetailLine::new(vec![label(crate::t!("cases.screen.notes"))], 2),
        ));
        for note in &case.notes {
            let at = note.at.get(11..16).unwrap_or(&note.at);
            out.push((
                Row::Info,
                DetailLine::new(
                    vec![
                        Piece::new(format!("{at} "), theme.dim()),
                        text(note.text.clone()),
                    ],
                    8,
                ),
            ));
        }
        let new_note = match &self.editing {
            Some(Editing {
                row: Row::NewNote,
                text: typed,
            }) => vec![label("> "), text(typed.clone())],
            _ => vec![Piece::new(crate::t!("cases.screen.new_note"), theme.dim())],
        };
        out.push((Row::NewNote, DetailLine::new(new_note, 2)));
        out
    }

    fn current_rows(&self, desk: &Desk, theme: &Theme) -> Vec<(Row, DetailLine)> {
        self.selected()
            .map(|case| self.case_rows(case, desk, theme))
            .unwrap_or_default()
    }

    /// Writes one change to the store, says what happened, and reads the list again.
    /// Returns whether it was saved.
    fn save(
        &mut self,
        cx: &mut Cx<'_>,
        change: impl FnOnce(&crate::store::Store, i64) -> Result<Saved, StoreError>,
    ) -> bool {
        let Some(id) = self.selected().map(|c| c.id) else {
            return false;
        };
        let (saved, message) = match cx.desk.cases().with(|store| change(store, id)) {
            Ok(Ok(saved)) if saved.masked > 0 => (
                true,
                crate::t!("cases.screen.saved_masked", n = saved.masked),
            ),
            Ok(Ok(_)) => (true, crate::t!("cases.screen.saved").to_string()),
            Ok(Err(error)) => (false, crate::t!("cases.screen.not_saved", why = error)),
            Err(message) => (false, crate::t!("cases.screen.not_saved", why = message)),
        };
        cx.request(Request::Status(message));
        self.reload(cx.desk);
        saved
    }

    fn activate(&mut self, cx: &mut Cx<'_>) {
        if let Some(editing) = self.editing.take() {
            let text = editing.text.clone();
            let saved = match &editing.row {
                Row::Field(field) => {
                    let field = *field;
                    self.save(cx, |store, id| store.set_field(id, field, &text))
                }
                Row::NewNote if !text.trim().is_empty() => {
                    self.save(cx, |store, id| store.add_note(id, &text))
                }
                _ => true,
            };
            // A refused text stays in the editor, to be corrected rather than retyped.
            if !saved {
                self.editing = Some(editing);
            }
            return;
        }
        let rows = self.current_rows(cx.desk, cx.theme);
        let Some((row, _)) = rows.get(self.place.right.selected) else {
            return;
        };
        match row.clone() {
            Row::Field(field) => {
                let current = self.selected().map_or(String::new(), |case| match field {
                    Field::Shop => case.shop.clone(),
                    Field::Terminal => case.terminal.clone(),
                });
                self.editing = Some(Editing {
                    row: Row::Field(field),
                    text: current,
                });
            }
            Row::NewNote => {
                self.editing = Some(Editing {
                    row: Row::NewNote,
                    text: String::new(),
                })
            }
            Row::Step { solution, step } => {
                self.toggle(cx, solution, step);
            }
            Row::Outcome(outcome) => {
                self.save(cx, |store, id| {
                    store.set_outcome(id, &outcome).map(|()| Saved::default())
                });
                cx.desk.cases().outcomes_changed();
            }
            Row::Info => {}
        }
    }

    fn toggle(&mut self, cx: &mut Cx<'_>, solution: String, step: usize) {
        self.save(cx, |store, id| {
            store
                .toggle_step(id, &solution, step)
                .map(|_| Saved::default())
        });
    }

    fn move_selection(&mut self, panel: Panel, delta: isize, cx: &Cx<'_>) {
        match panel {
            Panel::Left => {
                let ids = self.ids();
                let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
                self.place.left.move_by(delta, &refs);
                self.place.right = LineCursor::default();
            }
            _ => {
                let len = self.current_rows(cx.desk, cx.theme).len();
                self.place.right.move_by(delta, len);
            }
        }
    }
}

impl Screen for Cases {
    fn key(&self) -> &'static str {
        "cases"
    }

    fn title(&self) -> &'static str {
        crate::t!("cases.screen.title")
    }

    fn show_action(&self) -> Action {
        Action::ShowCases
    }

    /// Shows a case by its number, with the cursor on its first field.
    fn show(&mut self, id: &str, cx: &mut Cx<'_>) {
        self.filter.clear();
        self.editing = None;
        self.reload(cx.desk);
        self.place.left = Default::default();
        self.place.left.id = Some(id.to_string());
        self.place.focus = Panel::Right;
        let rows = self.current_rows(cx.desk, cx.theme);
        self.place.right = LineCursor {
            selected: rows
                .iter()
                .position(|(row, _)| *row == Row::Field(Field::Shop))
                .unwrap_or(0),
            offset: 0,
        };
    }

    fn handle(&mut self, action: Action, cx: &mut Cx<'_>) -> Handled {
        if self.stale {
            self.reload(cx.desk);
        }
        let focus = self.place.focus;
        if self.editing.is_some() {
            match action {
                Action::Open => self.activate(cx),
                Action::Escape => self.editing = None,
                Action::DeleteChar => {
                    if let Some(editing) = &mut self.editing {
                        editing.text.pop();
                    }
                }
                Action::ClearQuery => {
                    if let Some(editing) = &mut self.editing {
                        editing.text.clear();
                    }
                }
                _ => return Handled::Ignored,
            }
            return Handled::Consumed;
        }
        let page = cx
            .areas
            .map_or(10, |a| a.body.height as isize)
            .saturating_sub(2)
            .max(1);
        match action {
            Action::SelectPrev => self.move_selection(focus, -1, cx),
            Action::SelectNext => self.move_selection(focus, 1, cx),
            Action::PageUp => self.move_selection(focus, -page, cx),
            Action::PageDown => self.move_selection(focus, page, cx),
            Action::SelectFirst => self.move_selection(focus, isize::MIN / 2, cx),
            Action::SelectLast => self.move_selection(focus, isize::MAX / 2, cx),
            Action::NextPanel | Action::PrevPanel => {
                self.place.focus = match focus {
                    Panel::Left => Panel::Right,
                    _ => Panel::Left,
                }
            }
            Action::Open if focus == Panel::Left => self.place.focus = Panel::Right,
            Action::Open => self.activate(cx),
            Action::Escape if focus != Panel::Left => self.place.focus = Panel::Left,
            Action::Escape => {
                self.filter.clear();
                self.stale = true;
            }
            Action::DeleteChar if focus == Panel::Left && !self.filter.is_empty() => {
                self.filter.pop();
                self.stale = true;
            }
            _ => return Handled::Ignored,
        }
        Handled::Consumed
    }

    /// Typing goes into the field or note being edited; on the case panel it starts a
    /// note (Space on a step ticks it); on the list it finds cases.
    fn text(&mut self, text: &str, cx: &mut Cx<'_>) -> Handled {
        let clean: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        if let Some(editing) = &mut self.editing {
            editing.text.push_str(&clean);
            return Handled::Consumed;
        }
        if self.place.focus == Panel::Left {
            if self.problem.is_some() && self.cases.is_empty() {
                return Handled::Ignored;
            }
            self.filter.push_str(&clean);
            self.stale = true;
            return Handled::Consumed;
        }
        let rows = self.current_rows(cx.desk, cx.theme);
        let row = rows
            .get(self.place.right.selected)
            .map(|(row, _)| row.clone());
        match row {
            Some(Row::Step { solution, step }) if clean == " " => {
                self.toggle(cx, solution, step);
            }
            _ if clean.trim().is_empty() => {}
            // Typing is a note, wherever the cursor is: a field changes only with Enter.
            _ => {
                self.editing = Some(Editing {
                    row: Row::NewNote,
                    text: clean,
                });
                self.place.right.selected = rows.len().saturating_sub(1);
            }
        }
        Handled::Consumed
    }

    fn takes_escape(&self) -> bool {
        self.editing.is_some() || self.place.focus != Panel::Left || !self.filter.is_empty()
    }

    fn click(&mut self, slot: PanelSlot, at: Position, cx: &mut Cx<'_>) {
        self.place.focus = slot.panel;
        let Some(row) = slot.row_at(at) else { return };
        match slot.panel {
            Panel::Left => {
                let ids = self.ids();
                let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
                let target = self.place.left.offset + row;
                if target < refs.len() {
                    self.place.left.select(target, &refs);
                    self.place.right = LineCursor::default();
                }
            }
            _ => {
                let lines: Vec<DetailLine> = self
                    .current_rows(cx.desk, cx.theme)
                    .into_iter()
                    .map(|(_, l)| l)
                    .collect();
                if let Some(line) = self.place.right.line_at(&lines, slot.content, row) {
                    self.place.right.selected = line;
                }
            }
        }
    }

    fn scroll(&mut self, panel: Panel, delta: isize, cx: &mut Cx<'_>) {
        self.move_selection(panel, delta, cx);
    }

    fn settle(&mut self, cx: &mut Cx<'_>) {
        if self.stale || (self.cases.is_empty() && self.problem.is_none()) {
            self.reload(cx.desk);
        }
        let ids = self.ids();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let row = self.place.left.resolve(&refs);
        self.place.left.row = row;
        self.place.left.id = refs.get(row).map(|id| id.to_string());
        let Some(areas) = cx.areas else {
            return;
        };
        if let Some(slot) = areas.slot(Panel::Left) {
            self.place.left.offset = fit_list(
                row,
                self.place.left.offset,
                refs.len(),
                slot.content.height as usize,
            );
        }
        if let Some(slot) = areas.slot(Panel::Right) {
            let lines: Vec<DetailLine> = self
                .current_rows(cx.desk, cx.theme)
                .into_iter()
                .map(|(_, l)| l)
                .collect();
            self.place.right.settle(&lines, slot.content);
        }
    }

    fn focus(&self) -> Panel {
        self.place.focus
    }

    fn panels(&self, width: u16) -> Vec<Panel> {
        if width >= TWO_PANELS {
            vec![Panel::Left, Panel::Right]
        } else {
            vec![self.place.focus]
        }
    }

    fn draw(&self, buffer: &mut Buffer, areas: &Areas, cx: &DrawCx<'_>) {
        let theme = cx.theme;
        let pack = cx.desk.pack();
        if let Some(slot) = areas.slot(Panel::Left) {
            let focused = self.place.focus == Panel::Left;
            let title = if self.filter.is_empty() {
                crate::t!("cases.screen.list_title", n = self.cases.len())
            } else {
                crate::t!(
                    "cases.screen.list_title_found",
                    n = self.cases.len(),
                    filter = self.filter
                )
            };
            panel_title(buffer, slot.title, title, focused, theme);
            let lines: Vec<ratatui::text::Line<'static>> = match &self.problem {
                Some(problem) => vec![pieces_line(vec![Piece::new(
                    format!(" {problem}"),
                    theme.warning(),
                )])],
                None if self.cases.is_empty() && !self.filter.is_empty() => {
                    vec![pieces_line(vec![Piece::new(
                        format!(
                            " {}",
                            crate::t!("cases.screen.not_found", filter = self.filter)
                        ),
                        theme.dim(),
                    )])]
                }
                None if self.cases.is_empty() => vec![pieces_line(vec![Piece::new(
                    format!(" {}", crate::t!("cases.screen.empty")),
                    theme.dim(),
                )])],
                None => self
                    .cases
                    .iter()
                    .map(|case| {
                        let at = case
                            .opened_at
                            .get(5..16)
                            .unwrap_or(&case.opened_at)
                            .replace('T', " ");
                        let state = crate::report::cases::state_text(&case.outcome);
                        let about = case
                            .symptom
                            .as_deref()
                            .and_then(|s| pack.item(s))
                            .map_or_else(|| case.shop.clone(), |i| i.title().to_string());
                        pieces_line(vec![
                            Piece::new(format!(" #{} ", case.id), theme.label()),
                            Piece::new(format!("{at} {state} "), theme.dim()),
                            Piece::new(about, theme.text()),
                        ])
                    })
                    .collect(),
            };
            let selected = self.place.left.row;
            draw_list(
                buffer,
                slot.content,
                lines,
                selected,
                self.place.left.offset,
                focused,
                theme,
            );
        }
        if let Some(slot) = areas.slot(Panel::Right) {
            let focused = self.place.focus == Panel::Right;
            panel_title(
                buffer,
                slot.title,
                crate::t!("cases.screen.case_title").to_string(),
                focused,
                theme,
            );
            let lines: Vec<DetailLine> = self
                .current_rows(cx.desk, theme)
                .into_iter()
                .map(|(_, l)| l)
                .collect();
            self.place.right.draw(buffer, slot.content, &lines, focused);
        }
    }

    /// The cursor sits at the end of the text being typed, so input methods work.
    fn cursor(&self, areas: &Areas, cx: &DrawCx<'_>) -> Option<Position> {
        self.editing.as_ref()?;
        let slot = areas.slot(Panel::Right)?;
        let rows_here = self.current_rows(cx.desk, cx.theme);
        let editing_row = &self.editing.as_ref()?.row;
        let line = rows_here.iter().position(|(row, _)| row == editing_row)?;
        let lines: Vec<DetailLine> = rows_here.into_iter().map(|(_, l)| l).collect();
        let (wrapped, owners) = rows(&lines, slot.content.width as usize);
        let last = owners.iter().rposition(|&o| o == line)?;
        let shown = last.checked_sub(self.place.right.offset)?;
        let y = slot.content.y + u16::try_from(shown).ok()?;
        let x = slot.content.x + u16::try_from(wrapped.get(last)?.width()).ok()?;
        (y < slot.content.bottom()).then_some(Position::new(
            x.min(slot.content.right().saturating_sub(1)),
            y,
        ))
    }

    fn hints(&self) -> Vec<Hint> {
        if self.editing.is_some() {
            return vec![
                Hint::new(&[Action::Open], crate::t!("cases.hint.save")),
                Hint::new(&[Action::Escape], crate::t!("cases.hint.cancel")),
                Hint::new(&[Action::DeleteChar], crate::t!("cases.hint.delete_char")),
            ];
        }
        match self.place.focus {
            Panel::Left => vec![
                Hint::new(
                    &[Action::SelectPrev, Action::SelectNext],
                    crate::t!("cases.hint.select"),
                ),
                Hint::new(&[Action::Open], crate::t!("cases.hint.open")),
                Hint::new(&[Action::NewCase], crate::t!("cases.hint.new_case")),
            ],
            _ => vec![
                Hint::new(
                    &[Action::SelectPrev, Action::SelectNext],
                    crate::t!("cases.hint.move"),
                ),
                Hint::new(&[Action::Open], crate::t!("cases.hint.edit")),
                Hint::new(&[Action::Escape], crate::t!("cases.hint.back")),
            ],
        }
    }

    fn breadcrumb(&self, _cx: &DrawCx<'_>) -> Vec<String> {
        let mut crumbs = vec![self.title().to_string()];
        if let Some(case) = self.selected() {
            crumbs.push(format!("#{}", case.id));
        }
        crumbs
    }

    fn answer(&self, _desk: &Desk, _query: &str) -> Option<String> {
        let case = self.selected()?;
        match &case.outcome {
            Outcome::Resolved { cause } => Some(cause.clone()),
            _ => case.working_cause.clone().or_else(|| case.symptom.clone()),
        }
    }

    fn place(&self) -> Place {
        self.place.clone()
    }

    fn restore(&mut self, place: Place, cx: &mut Cx<'_>) {
        self.place = place;
        self.editing = None;
        // Read now, so keys that come with the switch see the list (and another posdesk's
        // changes show).
        self.reload(cx.desk);
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
