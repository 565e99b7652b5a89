//! The troubleshooting screen: symptoms (or search results) | causes of the selection |
//! how to tell, what to do, what to say.

use super::{Cx, DrawCx, Handled, Hint, ListMode, Place, Request, Screen};
use crate::app::action::Action;
use crate::app::layout::{Areas, Panel, PanelSlot, THREE_PANELS, TWO_PANELS};
use crate::app::theme::Theme;
use crate::app::widgets::card::fitted_card_lines;
use crate::app::widgets::detail::{item_lines, paragraph, rows, DetailLine};
use crate::app::widgets::text::{highlighted, truncate, width, Piece};
use crate::app::widgets::{
    draw_list, draw_rows, fit_list, fit_rows, panel_title, pieces_line, put, row,
};
use crate::desk::Desk;
use crate::model::{normalize_code, Cause, Item, Kind};
use crate::search::{Hit, Typing};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use std::any::Any;

/// How many results the left panel lists at most.
const RESULT_LIMIT: usize = 100;
/// How many "did you mean" items a query that found nothing gets.
const SUGGESTION_LIMIT: usize = 8;

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
    /// Where the query matched, when it was not in the title: a piece of the text and
    /// the matched characters in it.
    pub snippet: Option<(String, Vec<usize>)>,
}

/// A piece of `text` around the first matched character, with the matches in it.
fn snippet(text: &str, positions: &[usize]) -> Option<(String, Vec<usize>)> {
    const BEFORE: usize = 2;
    const AFTER: usize = 16;
    let first = *positions.iter().min()?;
    let chars: Vec<char> = text.chars().collect();
    let start = first.saturating_sub(BEFORE);
    let end = (first + AFTER).min(chars.len());
    let mut piece: String = chars.get(start..end)?.iter().collect();
    let lead = usize::from(start > 0);
    if start > 0 {
        piece.insert(0, '…');
    }
    if end < chars.len() {
        piece.push('…');
    }
    let shown = positions
        .iter()
        .filter(|&&p| p >= start && p < end)
        .map(|p| p - start + lead)
        .collect();
    Some((piece, shown))
}

#[derive(Default)]
pub struct Troubleshoot {
    place: Place,
    results: Vec<Hit>,
    /// The results are the nearest items to a query that found nothing.
    suggested: bool,
    /// What the search box's previous query left in play, for the next keystroke.
    typing: Typing,
}

impl Troubleshoot {
    pub fn mode(&self) -> &ListMode {
        &self.place.mode
    }

    pub fn focus(&self) -> Panel {
        self.place.focus
    }

    /// The entries of the left panel.
    pub fn left_entries(&self, desk: &Desk) -> Vec<Entry> {
        self.left_entries_in(desk, 0..usize::MAX)
    }

    /// How many entries the left panel has.
    fn left_len(&self, desk: &Desk) -> usize {
        match &self.place.mode {
            ListMode::Home => desk.pack().symptoms.len(),
            ListMode::Results => self.results.len(),
            ListMode::Pinned(_) => 1,
        }
    }

    /// The entries of the left panel in `places`: a frame builds only those in view,
    /// which on a pack of many thousand symptoms is what keeps drawing fast.
    fn left_entries_in(&self, desk: &Desk, places: std::ops::Range<usize>) -> Vec<Entry> {
        let pack = desk.pack();
        let (skip, take) = (places.start, places.end.saturating_sub(places.start));
        let entry = |item: Item<'_>, highlight: Vec<usize>| Entry {
            kind: item.kind(),
            id: item.id().to_string(),
            title: item.title(),
            highlight,
            codes: match item {
                Item::Symptom(s) => s.codes.iter().map(|c| c.to_string()).collect(),
                _ => Vec::new(),
            },
            snippet: None,
        };
        match &self.place.mode {
            ListMode::Home => (skip..skip.saturating_add(take))
                .map_while(|place| pack.home_symptom(place))
                .map(|s| entry(Item::Symptom(s), Vec::new()))
                .collect(),
            ListMode::Results => self
                .results
                .iter()
                .skip(skip)
                .take(take)
                .filter_map(|hit| {
                    let mut found = entry(pack.item(&hit.id)?, hit.title_positions.clone());
                    // A match deep in the text says where it is, so the word typed shows.
                    // Found in a text or an alias rather than the title: show what matched.
                    if matches!(
                        hit.field,
                        crate::search::FieldName::Body | crate::search::FieldName::Alias
                    ) {
                        found.snippet = snippet(&hit.text, &hit.positions);
                    }
                    Some(found)
                })
                .collect(),
            ListMode::Pinned(id) => pack
                .item(id)
                .map(|i| entry(i, Vec::new()))
                .into_iter()
                .skip(skip)
                .take(take)
                .collect(),
        }
    }

    fn left_ids<'d>(&'d self, desk: &'d Desk) -> Vec<&'d str> {
        let pack = desk.pack();
        match &self.place.mode {
            ListMode::Home => pack
                .symptoms_by_rank()
                .into_iter()
                .map(|s| s.id.as_str())
                .collect(),
            ListMode::Results => self.results.iter().map(|h| h.id.as_str()).collect(),
            ListMode::Pinned(id) => pack.item(id).map(|i| i.id()).into_iter().collect(),
        }
    }

    /// The row selected in the left panel.
    pub fn left_row(&self, desk: &Desk) -> usize {
        self.place.left.resolve(&self.left_ids(desk))
    }

    /// The row selected in the middle panel.
    pub fn middle_row(&self, desk: &Desk) -> usize {
        let causes = self.middle_causes(desk);
        let ids: Vec<&str> = causes.iter().map(|c| c.id.as_str()).collect();
        self.place.middle.resolve(&ids)
    }

    /// The logical line under the cursor in the detail panel.
    pub fn detail_line(&self) -> usize {
        self.place.right.selected
    }

    /// The item selected in the left panel.
    pub fn left_item<'d>(&self, desk: &'d Desk) -> Option<Item<'d>> {
        let ids = self.left_ids(desk);
        let id = ids.get(self.place.left.resolve(&ids))?.to_string();
        desk.pack().item(&id)
    }

    /// The causes the middle panel lists for the left selection.
    pub fn middle_causes<'d>(&self, desk: &'d Desk) -> Vec<&'d Cause> {
        self.left_item(desk)
            .map(|item| desk.ranked_causes(item))
            .unwrap_or_default()
    }

    /// The cause selected in the middle panel.
    pub fn selected_cause<'d>(&self, desk: &'d Desk) -> Option<&'d Cause> {
        let causes = self.middle_causes(desk);
        let ids: Vec<&str> = causes.iter().map(|c| c.id.as_str()).collect();
        causes.get(self.place.middle.resolve(&ids)).copied()
    }

    /// What the detail panel shows: the selected cause, or the left item when it has none.
    pub fn detail_item<'d>(&self, desk: &'d Desk) -> Option<Item<'d>> {
        self.selected_cause(desk)
            .map(Item::Cause)
            .or_else(|| self.left_item(desk))
    }

    pub fn detail_lines(&self, desk: &Desk, theme: &Theme) -> Vec<DetailLine> {
        self.detail_item(desk)
            .map(|item| item_lines(desk.pack(), item, theme))
            .unwrap_or_default()
    }

    fn move_selection(&mut self, panel: Panel, delta: isize, cx: &Cx<'_>) {
        match panel {
            Panel::Left => {
                let ids = self.left_ids(cx.desk);
                let mut left = self.place.left.clone();
                left.move_by(delta, &ids);
                self.place.left = left;
                self.place.middle = Default::default();
                self.place.right = Default::default();
            }
            Panel::Middle => {
                let causes = self.middle_causes(cx.desk);
                let ids: Vec<&str> = causes.iter().map(|c| c.id.as_str()).collect();
                self.place.middle.move_by(delta, &ids);
                self.place.right = Default::default();
            }
            Panel::Right => {
                let len = self.detail_lines(cx.desk, cx.theme).len();
                self.place.right.move_by(delta, len);
            }
        }
    }

    fn cycle_panel(&mut self, step: isize) {
        let panels = [Panel::Left, Panel::Middle, Panel::Right];
        let at = panels
            .iter()
            .position(|p| *p == self.place.focus)
            .unwrap_or(0) as isize;
        let next = (at + step).rem_euclid(panels.len() as isize) as usize;
        if let Some(panel) = panels.get(next) {
            self.place.focus = *panel;
        }
    }

    /// Enter: go one step deeper, or follow the link under the cursor.
    fn open(&mut self, cx: &mut Cx<'_>) {
        match self.place.focus {
            Panel::Left => {
                if self.left_item(cx.desk).is_none() {
                    return;
                }
                cx.request(Request::PushHistory);
                self.place.focus = if self.middle_causes(cx.desk).is_empty() {
                    Panel::Right
                } else {
                    Panel::Middle
                };
                self.place.middle = Default::default();
                self.place.right = Default::default();
            }
            Panel::Middle => {
                if self.selected_cause(cx.desk).is_some() {
                    cx.request(Request::PushHistory);
                    self.place.focus = Panel::Right;
                    self.place.right = Default::default();
                }
            }
            Panel::Right => {
                let link = self
                    .detail_lines(cx.desk, cx.theme)
                    .get(self.place.right.selected)
                    .and_then(|l| l.link.clone());
                if let Some(id) = link {
                    cx.request(Request::Open(id));
                }
            }
        }
    }

    /// Rows a page moves: the height of the body.
    fn page(cx: &Cx<'_>) -> isize {
        let rows = cx.areas.map_or(10, |a| a.body.height as usize);
        rows.saturating_sub(2).max(1) as isize
    }

    /// The rows of the middle panel the causes start below, at a width and height.
    fn context_rows(&self, desk: &Desk, theme: &Theme, query: &str, slot: &PanelSlot) -> usize {
        let lines = self.middle_context(desk, theme, query);
        let count = rows(&lines, slot.content.width as usize).0.len();
        count.min(middle_context_cap(slot.content.height))
    }

    /// Short context above the causes: what the selected symptom, code or FAQ says.
    fn middle_context(&self, desk: &Desk, theme: &Theme, query: &str) -> Vec<DetailLine> {
        let mut lines: Vec<DetailLine> = Vec::new();
        let left = self.left_item(desk);
        if left.is_some() {
            lines.extend(unknown_code_notice(desk, theme, query));
        }
        match left {
            Some(Item::Symptom(symptom)) => {
                if !symptom.codes.is_empty() {
                    let codes = symptom.codes.join(crate::t!("common.list_sep"));
                    let label = crate::t!("screen.troubleshoot.codes");
                    lines.push(paragraph(label, &codes, &[], theme));
                }
            }
            // The counter card above says what a code means and what to do.
            Some(Item::Code(_)) => {}
            Some(Item::Faq(faq)) => lines.push(paragraph(
                crate::t!("screen.troubleshoot.answer"),
                &faq.answer,
                &[],
                theme,
            )),
            Some(Item::Solution(solution)) => lines.push(paragraph(
                crate::t!("screen.troubleshoot.solution"),
                solution.shown_title(),
                &[],
                theme,
            )),
            Some(Item::Script(script)) => lines.push(paragraph(
                crate::t!("screen.troubleshoot.script"),
                script.shown_title(),
                &[],
                theme,
            )),
            Some(Item::Cause(_)) | None => {}
        }
        if !lines.is_empty() {
            lines.push(DetailLine {
                pieces: Vec::new(),
                indent: 0,
                link: None,
            });
        }
        lines
    }

    fn draw_left(&self, buffer: &mut Buffer, slot: PanelSlot, cx: &DrawCx<'_>) {
        let theme = cx.theme;
        let len = self.left_len(cx.desk);
        let selected = self.left_row(cx.desk);
        let height = slot.content.height as usize;
        let first = fit_list(selected, self.place.left.offset, len, height);
        let entries = self.left_entries_in(cx.desk, first..first + height);
        let mode = &self.place.mode;
        let title = match mode {
            ListMode::Home => crate::t!("screen.troubleshoot.symptoms", count = len),
            ListMode::Results if len == 0 => crate::t!("screen.troubleshoot.nothing_found").into(),
            ListMode::Results if self.suggested => {
                crate::t!("screen.troubleshoot.did_you_mean", count = len)
            }
            ListMode::Results => crate::t!("screen.troubleshoot.results", count = len),
            ListMode::Pinned(_) => crate::t!("screen.troubleshoot.opened").into(),
        };
        let focused = self.place.focus == Panel::Left;
        panel_title(buffer, slot.title, title, focused, theme);
        if len == 0 && *mode == ListMode::Results {
            let mut hints = Vec::new();
            if let Some(notice) = unknown_code_notice(cx.desk, theme, cx.query) {
                hints.push(notice);
            }
            hints.push(paragraph(
                "",
                crate::t!("screen.troubleshoot.try_other_words"),
                &[],
                theme,
            ));
            draw_rows(buffer, slot.content, &hints, None, 0, false);
        }
        let show_kind = *mode != ListMode::Home;
        let room = slot.content.width as usize;
        let lines: Vec<Line<'static>> = entries
            .iter()
            .map(|entry| {
                let mut pieces = vec![Piece::new(" ", theme.text())];
                if show_kind {
                    pieces.push(Piece::new(
                        format!("{} ", kind_tag(entry.kind)),
                        theme.dim(),
                    ));
                }
                // With a snippet, the title gives it room: the word typed must show.
                let title = match &entry.snippet {
                    Some(_) => truncate(&entry.title, room * 2 / 5),
                    None => entry.title.clone(),
                };
                pieces.extend(highlighted(
                    &title,
                    &entry.highlight,
                    theme.text(),
                    theme.matched(),
                ));
                if !entry.codes.is_empty() {
                    pieces.push(Piece::new(
                        format!("  {}", entry.codes.join(" ")),
                        theme.dim(),
                    ));
                }
                if let Some((text, matched)) = &entry.snippet {
                    pieces.push(Piece::new("  ", theme.dim()));
                    pieces.extend(highlighted(text, matched, theme.dim(), theme.matched()));
                }
                pieces_line(pieces)
            })
            .collect();
        // Only the rows in view were built: the selection counts from the first of them.
        draw_list(
            buffer,
            slot.content,
            lines,
            selected.saturating_sub(first),
            0,
            focused,
            theme,
        );
    }

    fn draw_middle(
        &self,
        buffer: &mut Buffer,
        slot: PanelSlot,
        right_hidden: bool,
        cx: &DrawCx<'_>,
    ) {
        let theme = cx.theme;
        let causes = self.middle_causes(cx.desk);
        let focused = self.place.focus == Panel::Middle;
        // When the steps are off screen, the title says how to get to them.
        let title = if right_hidden && !causes.is_empty() {
            crate::t!(
                "screen.troubleshoot.causes_and_key",
                count = causes.len(),
                key = cx.keymap.hint(self.key(), Action::NextPanel)
            )
        } else {
            crate::t!("screen.troubleshoot.causes", count = causes.len())
        };
        panel_title(buffer, slot.title, title, focused, theme);
        let context = self.middle_context(cx.desk, theme, cx.query);
        let (mut context_rows, _) = rows(&context, slot.content.width as usize);
        let cap = middle_context_cap(slot.content.height);
        if context_rows.len() > cap {
            context_rows.truncate(cap.saturating_sub(1));
            if cap > 0 {
                context_rows.push(Line::styled("  ..", theme.dim()));
            }
        }
        let taken = context_rows.len();
        for (index, line) in context_rows.into_iter().enumerate() {
            if let Some(target) = row(slot.content, index) {
                put(buffer, target, line);
            }
        }
        let list_area = Rect::new(
            slot.content.x,
            slot.content.y + taken as u16,
            slot.content.width,
            slot.content.height - taken as u16,
        );
        let room = slot.content.width as usize;
        let symptom = match self.left_item(cx.desk) {
            Some(Item::Symptom(symptom)) => Some(symptom.id.as_str()),
            _ => None,
        };
        let lines: Vec<Line<'static>> = causes
            .iter()
            .enumerate()
            .map(|(n, cause)| {
                // What the case log says: how often this cause solved the symptom here.
                let here = symptom
                    .and_then(|s| cx.desk.cases().solved(s, &cause.id))
                    .map(|s| {
                        let here = crate::t!(
                            "screen.troubleshoot.here",
                            solved = s.solved,
                            closed = s.closed
                        );
                        format!("{here} ")
                    });
                let number = format!("{:>2}. {}", n + 1, here.unwrap_or_default());
                let actors: Vec<Piece> = cause
                    .actors
                    .iter()
                    .map(|actor| {
                        Piece::new(format!(" {}", actor.short_label()), theme.actor(*actor))
                    })
                    .collect();
                let actors_width: usize = actors.iter().map(|p| width(&p.text)).sum();
                // The title comes first: who acts is shown only when the whole title fits
                // beside it (it is on the card and the page too).
                let title_room = room.saturating_sub(width(&number));
                let mut pieces = vec![Piece::new(number, theme.dim())];
                pieces.push(Piece::new(cause.shown_title().clone(), theme.text()));
                if width(cause.shown_title()) + actors_width <= title_room {
                    pieces.extend(actors);
                }
                pieces_line(pieces)
            })
            .collect();
        let selected = self.middle_row(cx.desk);
        draw_list(
            buffer,
            list_area,
            lines,
            selected,
            self.place.middle.offset,
            focused,
            theme,
        );
    }

    fn draw_right(&self, buffer: &mut Buffer, slot: PanelSlot, cx: &DrawCx<'_>) {
        let title = match self.detail_item(cx.desk) {
            Some(Item::Cause(_)) => crate::t!("screen.common.detail_title").to_string(),
            Some(item) => item.kind().label().to_string(),
            None => crate::t!("screen.troubleshoot.details").to_string(),
        };
        let focused = self.place.focus == Panel::Right;
        panel_title(buffer, slot.title, title, focused, cx.theme);
        let lines = self.detail_lines(cx.desk, cx.theme);
        self.place.right.draw(buffer, slot.content, &lines, focused);
    }
}

impl Screen for Troubleshoot {
    fn key(&self) -> &'static str {
        "troubleshoot"
    }

    fn title(&self) -> &'static str {
        crate::t!("screen.troubleshoot.title")
    }

    fn show_action(&self) -> Action {
        Action::ShowTroubleshoot
    }

    fn searches(&self) -> bool {
        true
    }

    fn shows(&self, kind: Kind) -> bool {
        kind != Kind::Faq
    }

    fn show(&mut self, id: &str, cx: &mut Cx<'_>) {
        let Some(item) = cx.desk.pack().item(id) else {
            return;
        };
        self.results.clear();
        self.suggested = false;
        self.place.right = Default::default();
        self.place.middle = Default::default();
        match item {
            Item::Symptom(symptom) => {
                self.place.mode = ListMode::Home;
                let ids = self.left_ids(cx.desk);
                let row = ids.iter().position(|i| *i == symptom.id).unwrap_or(0);
                let mut left = Default::default();
                crate::app::widgets::Selection::select(&mut left, row, &ids);
                self.place.left = left;
                self.place.focus = Panel::Middle;
            }
            other => {
                self.place.mode = ListMode::Pinned(other.id().to_string());
                self.place.left = Default::default();
                self.place.focus = if other.kind() == Kind::Cause {
                    Panel::Right
                } else {
                    Panel::Middle
                };
            }
        }
        self.place.base = self.place.mode.clone();
    }

    fn handle(&mut self, action: Action, cx: &mut Cx<'_>) -> Handled {
        let focus = self.place.focus;
        match action {
            Action::SelectPrev => self.move_selection(focus, -1, cx),
            Action::SelectNext => self.move_selection(focus, 1, cx),
            Action::PageUp => self.move_selection(focus, -Self::page(cx), cx),
            Action::PageDown => self.move_selection(focus, Self::page(cx), cx),
            Action::SelectFirst => self.move_selection(focus, isize::MIN / 2, cx),
            Action::SelectLast => self.move_selection(focus, isize::MAX / 2, cx),
            Action::NextPanel => self.cycle_panel(1),
            Action::PrevPanel => self.cycle_panel(-1),
            Action::Open => self.open(cx),
            Action::TriageSymptom => {
                let item = self
                    .left_item(cx.desk)
                    .or_else(|| self.detail_item(cx.desk));
                super::start_triage_for(item, cx);
            }
            // Reached only with an empty query and no history: back to the list.
            Action::Escape => self.place.focus = Panel::Left,
            _ => return Handled::Ignored,
        }
        Handled::Consumed
    }

    fn query_edited(&mut self, was_empty: bool) {
        if was_empty {
            self.place.base = match &self.place.mode {
                ListMode::Results => ListMode::Home,
                other => other.clone(),
            };
        }
        self.place.focus = Panel::Left;
        self.place.left = Default::default();
        self.place.middle = Default::default();
        self.place.right = Default::default();
    }

    fn search(&mut self, query: &str, desk: &Desk) {
        if query.trim().is_empty() {
            self.results.clear();
            self.place.mode = self.place.base.clone();
            if query.is_empty() {
                return;
            }
        }
        self.results = desk.search_typed(query, RESULT_LIMIT, &mut self.typing);
        self.suggested = self.results.is_empty();
        if self.suggested {
            self.results = desk.suggest(query, SUGGESTION_LIMIT);
        }
        self.place.mode = ListMode::Results;
    }

    fn click(&mut self, slot: PanelSlot, at: Position, cx: &mut Cx<'_>) {
        self.place.focus = slot.panel;
        let Some(row) = slot.row_at(at) else { return };
        match slot.panel {
            Panel::Left => {
                let ids = self.left_ids(cx.desk);
                let target = self.place.left.offset + row;
                if target < ids.len() && target != self.place.left.resolve(&ids) {
                    let mut left = self.place.left.clone();
                    left.select(target, &ids);
                    self.place.left = left;
                    self.place.middle = Default::default();
                    self.place.right = Default::default();
                }
            }
            Panel::Middle => {
                let context = self.context_rows(cx.desk, cx.theme, cx.query, &slot);
                let Some(first) = row.checked_sub(context) else {
                    return;
                };
                let causes = self.middle_causes(cx.desk);
                let ids: Vec<&str> = causes.iter().map(|c| c.id.as_str()).collect();
                let target = self.place.middle.offset + first;
                if target < ids.len() && target != self.place.middle.resolve(&ids) {
                    self.place.middle.select(target, &ids);
                    self.place.right = Default::default();
                }
            }
            Panel::Right => {
                let lines = self.detail_lines(cx.desk, cx.theme);
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
        let Some(areas) = cx.areas else {
            return;
        };
        if let Some(slot) = areas.slot(Panel::Left) {
            let ids = self.left_ids(cx.desk);
            let len = ids.len();
            let row = self.place.left.resolve(&ids);
            self.place.left.row = row;
            self.place.left.offset = fit_list(
                row,
                self.place.left.offset,
                len,
                slot.content.height as usize,
            );
        }
        if let Some(slot) = areas.slot(Panel::Middle) {
            let causes = self.middle_causes(cx.desk);
            let ids: Vec<&str> = causes.iter().map(|c| c.id.as_str()).collect();
            let row = self.place.middle.resolve(&ids);
            let taken = self.context_rows(cx.desk, cx.theme, cx.query, &slot);
            let height = (slot.content.height as usize).saturating_sub(taken);
            self.place.middle.row = row;
            self.place.middle.offset = fit_list(row, self.place.middle.offset, ids.len(), height);
        }
        if let Some(slot) = areas.slot(Panel::Right) {
            let lines = self.detail_lines(cx.desk, cx.theme);
            self.place.right.selected =
                self.place.right.selected.min(lines.len().saturating_sub(1));
            let (_, owners) = rows(&lines, slot.content.width as usize);
            self.place.right.offset = fit_rows(
                &owners,
                Some(self.place.right.selected),
                self.place.right.offset,
                slot.content.height as usize,
            );
        }
    }

    /// The counter card of what the eye is on: the list's item, or the chosen cause. A
    /// "did you mean" list gets none until the clerk moves into it: a guess is no answer.
    fn banner(&self, cx: &DrawCx<'_>, width: usize, max_rows: usize) -> Vec<DetailLine> {
        let item = match self.place.focus {
            Panel::Left if self.suggested => None,
            Panel::Left => self.left_item(cx.desk),
            _ => self.detail_item(cx.desk),
        };
        let Some(item) = item else {
            return Vec::new();
        };
        let card = crate::report::card::counter_card(cx.desk.pack(), item);
        fitted_card_lines(&item.title(), &card, cx.theme, width, max_rows)
    }

    fn focus(&self) -> Panel {
        self.place.focus
    }

    fn panels(&self, width: u16) -> Vec<Panel> {
        if width >= THREE_PANELS {
            vec![Panel::Left, Panel::Middle, Panel::Right]
        } else if width >= TWO_PANELS {
            match self.place.focus {
                Panel::Left => vec![Panel::Left, Panel::Middle],
                _ => vec![Panel::Middle, Panel::Right],
            }
        } else {
            vec![self.place.focus]
        }
    }

    fn draw(&self, buffer: &mut Buffer, areas: &Areas, cx: &DrawCx<'_>) {
        if let Some(slot) = areas.slot(Panel::Left) {
            self.draw_left(buffer, slot, cx);
        }
        if let Some(slot) = areas.slot(Panel::Middle) {
            let right_hidden = areas.slot(Panel::Right).is_none();
            self.draw_middle(buffer, slot, right_hidden, cx);
        }
        if let Some(slot) = areas.slot(Panel::Right) {
            self.draw_right(buffer, slot, cx);
        }
    }

    fn hints(&self) -> Vec<Hint> {
        super::panel_hints(self.place.focus)
    }

    fn breadcrumb(&self, cx: &DrawCx<'_>) -> Vec<String> {
        let mut crumbs = vec![self.title().to_string()];
        if self.place.mode == ListMode::Results {
            crumbs.push(crate::t!(
                "screen.troubleshoot.search_crumb",
                query = cx.query
            ));
        }
        let left = self.left_item(cx.desk);
        if let Some(item) = left {
            crumbs.push(item.title());
        }
        if self.place.focus != Panel::Left {
            if let Some(cause) = self.selected_cause(cx.desk) {
                if left.map(|i| i.id()) != Some(cause.id.as_str()) {
                    crumbs.push(cause.shown_title().to_string());
                }
            }
        }
        crumbs
    }

    /// What has the focus is what is copied: the list's item, or the cause and its page.
    /// The symptom is the one on the left (or the one its item belongs to), the cause the
    /// one selected beside it, the code the one searched.
    fn case_context(&self, desk: &Desk, _query: &str) -> crate::store::NewCase {
        let pack = desk.pack();
        let left = self.left_item(desk);
        let symptom = match left {
            Some(Item::Symptom(symptom)) => Some(symptom),
            Some(other) => crate::triage::symptom_for(pack, other),
            None => None,
        };
        let cause = match (self.place.focus, left) {
            (_, Some(Item::Cause(cause))) => Some(cause),
            (Panel::Left, _) => None,
            _ => self.selected_cause(desk),
        };
        crate::store::NewCase {
            symptom: symptom.map(|s| s.id.to_string()),
            code: match left {
                Some(Item::Code(code)) => Some(code.code.to_string()),
                _ => None,
            },
            cause: cause.map(|c| c.id.to_string()),
            ..Default::default()
        }
    }

    fn answer(&self, desk: &Desk, _query: &str) -> Option<String> {
        let item = match self.place.focus {
            Panel::Left => self.left_item(desk),
            _ => self.detail_item(desk),
        };
        item.map(|item| item.id().to_string())
    }

    fn place(&self) -> Place {
        self.place.clone()
    }

    fn restore(&mut self, place: Place, cx: &mut Cx<'_>) {
        self.results.clear();
        self.suggested = false;
        if place.mode == ListMode::Results {
            self.search(cx.query, cx.desk);
        }
        self.place = place;
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn warning_line(text: String, theme: &Theme) -> DetailLine {
    DetailLine {
        pieces: vec![Piece::new(text, theme.warning())],
        indent: 2,
        link: None,
    }
}

fn kind_tag(kind: Kind) -> &'static str {
    match kind {
        Kind::Symptom => crate::t!("screen.troubleshoot.tag_symptom"),
        Kind::Cause => crate::t!("screen.troubleshoot.tag_cause"),
        Kind::Solution => crate::t!("screen.troubleshoot.tag_solution"),
        Kind::Faq => crate::t!("screen.troubleshoot.tag_faq"),
        Kind::Code => crate::t!("screen.troubleshoot.tag_code"),
        Kind::Script => crate::t!("screen.troubleshoot.tag_script"),
    }
}

/// At most a third of the middle panel goes to context, so the causes stay in view.
pub fn middle_context_cap(height: u16) -> usize {
    (height as usize / 3).max(2).min(height as usize)
}

/// When the query is a response code the pack does not know: what to do anyway.
fn unknown_code_notice(desk: &Desk, theme: &Theme, query: &str) -> Option<DetailLine> {
    // A code is two letters or digits standing on their own (`B7`, `应答码B7`, `B7？`), with
    // a digit: two letters alone are more likely the start of pinyin.
    let cleaned = crate::model::fold_full_width(&crate::search::clean_query(query));
    let code = cleaned
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|run| run.len() == 2 && run.bytes().any(|b| b.is_ascii_digit()))
        .filter_map(normalize_code)
        .find(|code| desk.pack().code(code).is_none())?;
    let advice = crate::advice::unknown_code_advice(&code).join(" ");
    Some(warning_line(format!("! {advice}"), theme))
}
