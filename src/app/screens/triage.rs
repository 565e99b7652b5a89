//! The triage screen: one question at a time, large, with its answers (1-9 or arrows and
//! Enter) | the causes still in play, each with the answer that kept or ruled it out |
//! the selected cause in full (wide terminals). The counter card of the cause to act on
//! stays on top; every answer is a step in the history, so back undoes it.

use super::{Cx, DrawCx, Handled, Hint, Place, Request, Screen};
use crate::app::action::Action;
use crate::app::layout::{Areas, Panel, PanelSlot, THREE_PANELS, TWO_PANELS};
use crate::app::theme::Theme;
use crate::app::widgets::card::fitted_card_lines;
use crate::app::widgets::detail::{item_lines, DetailLine};
use crate::app::widgets::text::Piece;
use crate::app::widgets::{fit_rows, panel_title, LineCursor};
use crate::desk::Desk;
use crate::model::{Item, Lead};
use crate::triage::{self as walker, Path, Reached, Standing, Walk};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use std::any::Any;

#[derive(Default)]
pub struct Triage {
    place: Place,
    /// The symptom being triaged; empty: the pack's default (the first of the home list).
    symptom: String,
    /// The answers given so far, 1-based.
    answers: Vec<usize>,
    /// The answer under the cursor, 0-based.
    choice: usize,
    /// Whether the answers have reached an outcome (kept by settle, for the hints).
    ended: bool,
}

/// Rows the counter card may take on a short terminal: the question needs the rest (17
/// rows keep a question of two lines, its hint and four answers in view).
const CARD_ROWS_SHORT: u16 = 7;
const ROWS_FOR_THE_QUESTION: u16 = 17;

impl Triage {
    fn walk<'d>(&self, desk: &'d Desk) -> Option<Walk<'d>> {
        let symptom = (!self.symptom.is_empty()).then_some(self.symptom.as_str());
        walker::walk(desk.pack(), symptom, &self.answers).ok()
    }

    /// The item whose counter card and detail are shown: the cause selected in the
    /// middle panel, else the code an outcome leads to, else the cause to act on.
    /// Before any answer, the symptom; at the end, the code or the cause to act on; none
    /// while a code is to be typed or the case is handed over.
    fn shown_item<'d>(&self, walk: &Walk<'d>, desk: &'d Desk) -> Option<Item<'d>> {
        if self.place.focus != Panel::Left {
            if let Some(in_play) = walk.causes.get(self.place.middle.row) {
                return Some(Item::Cause(in_play.cause));
            }
        }
        if let Reached::Outcome(answer) = walk.reached {
            match &answer.leads_to {
                Lead::Code(id) => return desk.pack().item(id),
                Lead::EnterCode | Lead::Escalate { .. } => return None,
                Lead::Causes(_) | Lead::Question(_) => {}
            }
        }
        match walk.leading() {
            Some(cause) => Some(Item::Cause(cause)),
            None if walk.taken.is_empty() => Some(Item::Symptom(walk.symptom)),
            None => None,
        }
    }

    /// The question panel's lines, and which line each answer is on.
    fn question_lines(&self, walk: &Walk<'_>, desk: &Desk, theme: &Theme) -> QuestionLines {
        let mut lines = Vec::new();
        let mut answer_lines = Vec::new();
        // The last answer only: the whole path is in the status bar, and a long one would
        // push the question out of a short screen.
        if let Some((_, _, answer)) = walk.taken.last() {
            lines.push(line(
                vec![Piece::new(
                    crate::t!(
                        "screen.triage.answered",
                        n = walk.taken.len(),
                        answer = answer.text
                    ),
                    theme.dim(),
                )],
                2,
            ));
        }
        match walk.reached {
            Reached::Question(question) => {
                lines.push(line(
                    vec![Piece::new(
                        crate::t!(
                            "screen.triage.question",
                            n = walk.taken.len() + 1,
                            text = question.text
                        ),
                        theme.heading(),
                    )],
                    2,
                ));
                if let Some(hint) = &question.hint {
                    lines.push(line(
                        vec![
                            Piece::new(crate::t!("screen.triage.how_to_tell"), theme.label()),
                            Piece::new(hint.to_string(), theme.dim()),
                        ],
                        2,
                    ));
                }
                for (n, answer) in question.answers.iter().enumerate() {
                    answer_lines.push(lines.len());
                    lines.push(line(
                        vec![
                            Piece::new(format!(" {} ", n + 1), theme.label()),
                            Piece::new(answer.text.to_string(), theme.text()),
                        ],
                        4,
                    ));
                }
            }
            Reached::Outcome(answer) => {
                lines.push(line(
                    vec![Piece::new(
                        crate::t!("screen.triage.outcome"),
                        theme.heading(),
                    )],
                    2,
                ));
                let text = walker::outcome_line(desk.pack(), answer, walk.leading());
                lines.push(line(vec![Piece::new(text, theme.text())], 2));
                if let Some(note) = &answer.note {
                    lines.push(line(
                        vec![
                            Piece::new(crate::t!("screen.triage.note"), theme.label()),
                            Piece::new(note.to_string(), theme.warning()),
                        ],
                        2,
                    ));
                }
                if let Lead::Escalate { to, how } = &answer.leads_to {
                    lines.push(line(
                        vec![
                            Piece::new(
                                crate::t!("screen.triage.hand_over", to = to.label()),
                                theme.label(),
                            ),
                            Piece::new(how.to_string(), theme.text()),
                        ],
                        2,
                    ));
                }
                let next = match answer.leads_to {
                    Lead::EnterCode => crate::t!("screen.triage.next_enter_code"),
                    Lead::Escalate { .. } => crate::t!("screen.triage.next_escalate"),
                    Lead::Code(_) => crate::t!("screen.triage.next_code"),
                    _ => crate::t!("screen.triage.next_cause"),
                };
                lines.push(line(vec![Piece::new(next, theme.dim())], 2));
            }
        }
        // One column of margin, as the other panels have.
        for line in &mut lines {
            line.pieces.insert(0, Piece::new(" ", theme.text()));
            line.indent += 1;
        }
        QuestionLines {
            lines,
            answers: answer_lines,
        }
    }

    /// The causes panel: each cause with its standing and the answer behind it.
    fn cause_lines(walk: &Walk<'_>, theme: &Theme) -> Vec<DetailLine> {
        walk.causes
            .iter()
            .enumerate()
            .map(|(n, in_play)| {
                let label = in_play.standing.label();
                let style = match in_play.standing {
                    Standing::Kept => theme.heading(),
                    Standing::Open => theme.text(),
                    Standing::RuledOut => theme.dim(),
                };
                let title_style = if in_play.standing == Standing::RuledOut {
                    theme.dim()
                } else {
                    theme.text()
                };
                let mut pieces = vec![
                    Piece::new(format!("{:>2}. ", n + 1), theme.dim()),
                    Piece::new(crate::t!("screen.triage.standing", label = label), style),
                    Piece::new(in_play.cause.shown_title().to_string(), title_style),
                ];
                // The question is on the left: its number and the answer say enough.
                if let Some((question, answer)) = in_play.because {
                    let number = walk
                        .taken
                        .iter()
                        .position(|(q, _, _)| q.id == question.id)
                        .map_or(0, |i| i + 1);
                    pieces.push(Piece::new(
                        format!(
                            "  {}",
                            crate::t!(
                                "screen.triage.because",
                                number = number,
                                answer = answer.text
                            )
                        ),
                        theme.dim(),
                    ));
                }
                line(pieces, 4)
            })
            .collect()
    }

    fn choose(&mut self, number: usize, cx: &mut Cx<'_>) {
        let Some(walk) = self.walk(cx.desk) else {
            return;
        };
        let Some(question) = walk.question() else {
            return;
        };
        if number == 0 || number > question.answers.len() {
            cx.request(Request::Status(crate::t!(
                "screen.triage.only_answers",
                n = question.answers.len()
            )));
            return;
        }
        cx.request(Request::PushHistory);
        self.answers.push(number);
        self.choice = 0;
        self.place.middle = Default::default();
        self.place.right = Default::default();
        self.place.focus = Panel::Left;
    }

    /// Enter at the end: the code or the cause to act on opens where it belongs.
    fn open_outcome(&self, walk: &Walk<'_>, cx: &mut Cx<'_>) {
        let Reached::Outcome(answer) = walk.reached else {
            return;
        };
        let target = match &answer.leads_to {
            Lead::EnterCode => {
                cx.request(Request::Status(
                    crate::t!("screen.triage.type_the_code").to_string(),
                ));
                return;
            }
            Lead::Code(id) => Some(id.to_string()),
            _ => walk.leading().map(|c| c.id.to_string()),
        };
        if let Some(id) = target {
            cx.request(Request::Open(id));
        }
    }

    fn move_selection(&mut self, panel: Panel, delta: isize, cx: &Cx<'_>) {
        let Some(walk) = self.walk(cx.desk) else {
            return;
        };
        match panel {
            Panel::Left => {
                let count = walk.question().map_or(0, |q| q.answers.len());
                self.choice = step(self.choice, delta, count);
            }
            Panel::Middle => {
                self.place.middle.row = step(self.place.middle.row, delta, walk.causes.len());
                self.place.right = Default::default();
            }
            Panel::Right => {
                let len = self
                    .shown_item(&walk, cx.desk)
                    .map_or(0, |item| item_lines(cx.desk.pack(), item, cx.theme).len());
                self.place.right.move_by(delta, len);
            }
        }
    }

    fn cycle_panel(&mut self, delta: isize, width: u16) {
        let panels = if width >= THREE_PANELS {
            vec![Panel::Left, Panel::Middle, Panel::Right]
        } else {
            vec![Panel::Left, Panel::Middle]
        };
        let at = panels
            .iter()
            .position(|p| *p == self.place.focus)
            .unwrap_or(0) as isize;
        let count = panels.len() as isize;
        if let Some(panel) = panels.get((at + delta).rem_euclid(count) as usize) {
            self.place.focus = *panel;
        }
    }

    /// Keeps the answers to those the pack still has (after a reload), and names the
    /// symptom the triage is of, so that a reload cannot switch it to another tree.
    fn keep_valid(&mut self, desk: &Desk) {
        let pack = desk.pack();
        if walker::start_of(pack, &self.symptom).is_none() {
            self.symptom =
                walker::default_symptom(pack).map_or(String::new(), |s| s.id.to_string());
            self.answers.clear();
        }
        while !self.answers.is_empty() && self.walk(desk).is_none() {
            self.answers.pop();
        }
    }

    fn left_offset(&self, walk: &Walk<'_>, desk: &Desk, theme: &Theme, area: Rect) -> usize {
        let built = self.question_lines(walk, desk, theme);
        let (_, owners) = crate::app::widgets::detail::rows(&built.lines, area.width as usize);
        let selected = built.answers.get(self.choice).copied();
        fit_rows(
            &owners,
            selected,
            self.place.left.offset,
            area.height as usize,
        )
    }
}

struct QuestionLines {
    lines: Vec<DetailLine>,
    /// The line of each answer.
    answers: Vec<usize>,
}

fn line(pieces: Vec<Piece>, indent: usize) -> DetailLine {
    DetailLine::new(pieces, indent)
}

/// `at` moved by `delta` within `0..count`.
fn step(at: usize, delta: isize, count: usize) -> usize {
    if count == 0 {
        return 0;
    }
    (at as isize)
        .saturating_add(delta)
        .clamp(0, count as isize - 1) as usize
}

impl Screen for Triage {
    fn key(&self) -> &'static str {
        "triage"
    }

    fn title(&self) -> &'static str {
        crate::t!("screen.triage.title")
    }

    fn show_action(&self) -> Action {
        Action::ShowTriage
    }

    /// Starts the triage of a symptom from its first question (back returns to the
    /// answers before).
    fn show(&mut self, id: &str, cx: &mut Cx<'_>) {
        self.symptom = id.to_string();
        self.answers.clear();
        self.choice = 0;
        self.place = Place::default();
        self.keep_valid(cx.desk);
    }

    fn handle(&mut self, action: Action, cx: &mut Cx<'_>) -> Handled {
        let focus = self.place.focus;
        let page = cx
            .areas
            .map_or(10, |a| a.body.height as isize)
            .saturating_sub(2)
            .max(1);
        let width = cx.areas.map_or(80, |a| a.tab_bar.width);
        match action {
            Action::SelectPrev => self.move_selection(focus, -1, cx),
            Action::SelectNext => self.move_selection(focus, 1, cx),
            Action::PageUp => self.move_selection(focus, -page, cx),
            Action::PageDown => self.move_selection(focus, page, cx),
            Action::SelectFirst => self.move_selection(focus, isize::MIN / 2, cx),
            Action::SelectLast => self.move_selection(focus, isize::MAX / 2, cx),
            Action::NextPanel => self.cycle_panel(1, width),
            Action::PrevPanel => self.cycle_panel(-1, width),
            Action::Open => {
                let Some(walk) = self.walk(cx.desk) else {
                    return Handled::Consumed;
                };
                match focus {
                    Panel::Left if walk.question().is_some() => {
                        let choice = self.choice + 1;
                        self.choose(choice, cx);
                    }
                    Panel::Left => self.open_outcome(&walk, cx),
                    Panel::Middle => {
                        if let Some(in_play) = walk.causes.get(self.place.middle.row) {
                            cx.request(Request::Open(in_play.cause.id.to_string()));
                        }
                    }
                    Panel::Right => {
                        let link = self
                            .shown_item(&walk, cx.desk)
                            .map(|item| item_lines(cx.desk.pack(), item, cx.theme))
                            .and_then(|lines| {
                                lines
                                    .get(self.place.right.selected)
                                    .and_then(|l| l.link.clone())
                            });
                        if let Some(id) = link {
                            cx.request(Request::Open(id));
                        }
                    }
                }
            }
            Action::RestartTriage => {
                if !self.answers.is_empty() {
                    cx.request(Request::PushHistory);
                    self.answers.clear();
                    self.choice = 0;
                    self.place.middle = Default::default();
                }
                self.place.focus = Panel::Left;
            }
            Action::Escape => self.place.focus = Panel::Left,
            _ => return Handled::Ignored,
        }
        Handled::Consumed
    }

    /// A digit that names an answer answers the question. Any other text is left to the
    /// search: a code typed on the question (`05`, `51`: a first digit with no such
    /// answer), or at the end where a code is to be typed. Once the triage has ended
    /// otherwise, a stray digit is held back (it would open another code's card).
    fn text(&mut self, text: &str, cx: &mut Cx<'_>) -> Handled {
        let Some(walk) = self.walk(cx.desk) else {
            return Handled::Ignored;
        };
        let Some(digit) = super::typed_digit(text) else {
            return Handled::Ignored;
        };
        match walk.reached {
            Reached::Question(question) if (1..=question.answers.len()).contains(&digit) => {
                self.choose(digit, cx);
                Handled::Consumed
            }
            Reached::Question(_) => Handled::Ignored,
            Reached::Outcome(answer) if matches!(answer.leads_to, Lead::EnterCode) => {
                Handled::Ignored
            }
            Reached::Outcome(_) => {
                cx.request(Request::Status(
                    crate::t!("screen.triage.has_outcome").to_string(),
                ));
                Handled::Consumed
            }
        }
    }

    fn takes_escape(&self) -> bool {
        self.place.focus != Panel::Left
    }

    fn click(&mut self, slot: PanelSlot, at: Position, cx: &mut Cx<'_>) {
        self.place.focus = slot.panel;
        let Some(row) = slot.row_at(at) else { return };
        let Some(walk) = self.walk(cx.desk) else {
            return;
        };
        match slot.panel {
            Panel::Left => {
                let built = self.question_lines(&walk, cx.desk, cx.theme);
                let cursor = LineCursor {
                    selected: 0,
                    offset: self.left_offset(&walk, cx.desk, cx.theme, slot.content),
                };
                let clicked = cursor.line_at(&built.lines, slot.content, row);
                if let Some(n) = built.answers.iter().position(|l| Some(*l) == clicked) {
                    self.choice = n;
                    self.choose(n + 1, cx);
                }
            }
            Panel::Middle => {
                let lines = Self::cause_lines(&walk, cx.theme);
                if let Some(line) = self
                    .place
                    .middle_cursor()
                    .line_at(&lines, slot.content, row)
                {
                    self.place.middle.row = line;
                    self.place.right = Default::default();
                }
            }
            Panel::Right => {
                if let Some(item) = self.shown_item(&walk, cx.desk) {
                    let lines = item_lines(cx.desk.pack(), item, cx.theme);
                    if let Some(line) = self.place.right.line_at(&lines, slot.content, row) {
                        self.place.right.selected = line;
                    }
                }
            }
        }
    }

    fn scroll(&mut self, panel: Panel, delta: isize, cx: &mut Cx<'_>) {
        self.move_selection(panel, delta, cx);
    }

    fn settle(&mut self, cx: &mut Cx<'_>) {
        self.keep_valid(cx.desk);
        let Some(walk) = self.walk(cx.desk) else {
            return;
        };
        let answers = walk.question().map_or(0, |q| q.answers.len());
        self.ended = walk.question().is_none();
        self.choice = self.choice.min(answers.saturating_sub(1));
        self.place.middle.row = self
            .place
            .middle
            .row
            .min(walk.causes.len().saturating_sub(1));
        let Some(areas) = cx.areas else {
            return;
        };
        if let Some(slot) = areas.slot(Panel::Left) {
            self.place.left.offset = self.left_offset(&walk, cx.desk, cx.theme, slot.content);
        }
        if let Some(slot) = areas.slot(Panel::Middle) {
            let lines = Self::cause_lines(&walk, cx.theme);
            let mut cursor = self.place.middle_cursor();
            cursor.settle(&lines, slot.content);
            self.place.middle.offset = cursor.offset;
        }
        if let Some(slot) = areas.slot(Panel::Right) {
            if let Some(item) = self.shown_item(&walk, cx.desk) {
                let lines = item_lines(cx.desk.pack(), item, cx.theme);
                self.place.right.settle(&lines, slot.content);
            }
        }
    }

    fn banner_rows(&self, size: Rect, rows: usize) -> u16 {
        let steady = crate::app::layout::banner_rows(size, rows);
        if size.height < 32 {
            steady
                .min(CARD_ROWS_SHORT)
                .min(size.height.saturating_sub(ROWS_FOR_THE_QUESTION))
        } else {
            steady
        }
    }

    fn banner(&self, cx: &DrawCx<'_>, width: usize, max_rows: usize) -> Vec<DetailLine> {
        let Some(walk) = self.walk(cx.desk) else {
            return Vec::new();
        };
        let Some(item) = self.shown_item(&walk, cx.desk) else {
            return Vec::new();
        };
        let card = crate::report::card::counter_card(cx.desk.pack(), item);
        let title = match (item, walk.leading()) {
            (Item::Cause(cause), Some(leading)) if cause.id == leading.id => {
                crate::t!("screen.triage.check_first", title = cause.shown_title())
            }
            _ => item.title().to_string(),
        };
        fitted_card_lines(&title, &card, cx.theme, width, max_rows)
    }

    fn focus(&self) -> Panel {
        self.place.focus
    }

    fn panels(&self, width: u16) -> Vec<Panel> {
        if width >= THREE_PANELS {
            vec![Panel::Left, Panel::Middle, Panel::Right]
        } else if width >= TWO_PANELS {
            vec![Panel::Left, Panel::Middle]
        } else if self.place.focus == Panel::Left {
            vec![Panel::Left]
        } else {
            vec![Panel::Middle]
        }
    }

    fn draw(&self, buffer: &mut Buffer, areas: &Areas, cx: &DrawCx<'_>) {
        let theme = cx.theme;
        let Some(walk) = self.walk(cx.desk) else {
            if let Some(slot) = areas.panels.first() {
                panel_title(buffer, slot.title, self.title().to_string(), true, theme);
                let lines = vec![line(
                    vec![Piece::new(
                        crate::t!("screen.triage.no_questions"),
                        theme.text(),
                    )],
                    0,
                )];
                crate::app::widgets::draw_rows(buffer, slot.content, &lines, None, 0, false);
            }
            return;
        };
        if let Some(slot) = areas.slot(Panel::Left) {
            let focused = self.place.focus == Panel::Left;
            let title = crate::t!(
                "screen.triage.panel_title",
                symptom = walk.symptom.shown_title()
            );
            panel_title(buffer, slot.title, title, focused, theme);
            let built = self.question_lines(&walk, cx.desk, theme);
            let selected = built.answers.get(self.choice).copied();
            crate::app::widgets::draw_rows(
                buffer,
                slot.content,
                &built.lines,
                selected,
                self.place.left.offset,
                focused,
            );
        }
        if let Some(slot) = areas.slot(Panel::Middle) {
            let focused = self.place.focus == Panel::Middle;
            let open = walk
                .causes
                .iter()
                .filter(|c| c.standing != Standing::RuledOut)
                .count();
            let title = crate::t!("screen.triage.causes_left", open = open);
            panel_title(buffer, slot.title, title, focused, theme);
            let lines = Self::cause_lines(&walk, theme);
            self.place
                .middle_cursor()
                .draw(buffer, slot.content, &lines, focused);
        }
        if let Some(slot) = areas.slot(Panel::Right) {
            let focused = self.place.focus == Panel::Right;
            panel_title(
                buffer,
                slot.title,
                crate::t!("screen.common.detail_title").to_string(),
                focused,
                theme,
            );
            if let Some(item) = self.shown_item(&walk, cx.desk) {
                let lines = item_lines(cx.desk.pack(), item, theme);
                self.place.right.draw(buffer, slot.content, &lines, focused);
            }
        }
    }

    fn hints(&self) -> Vec<Hint> {
        match self.place.focus {
            Panel::Left if self.ended => vec![
                Hint::new(&[Action::Open], crate::t!("screen.common.open")),
                Hint::new(&[Action::Back], crate::t!("screen.triage.undo")),
                Hint::new(&[Action::RestartTriage], crate::t!("screen.triage.restart")),
                Hint::new(&[Action::NextPanel], crate::t!("screen.triage.causes")),
            ],
            Panel::Left => vec![
                Hint::new(
                    &[Action::SelectPrev, Action::SelectNext],
                    crate::t!("screen.common.select"),
                ),
                Hint::new(&[Action::Open], crate::t!("screen.triage.answer")),
                Hint::new(&[Action::Back], crate::t!("screen.triage.undo")),
                Hint::new(&[Action::NextPanel], crate::t!("screen.triage.causes")),
            ],
            _ => vec![
                Hint::new(
                    &[Action::SelectPrev, Action::SelectNext],
                    crate::t!("screen.common.select"),
                ),
                Hint::new(&[Action::Open], crate::t!("screen.common.open")),
                Hint::new(
                    &[Action::Escape],
                    crate::t!("screen.triage.back_to_question"),
                ),
            ],
        }
    }

    fn breadcrumb(&self, cx: &DrawCx<'_>) -> Vec<String> {
        let mut crumbs = vec![self.title().to_string()];
        if let Some(walk) = self.walk(cx.desk) {
            crumbs.push(walk.symptom.shown_title().to_string());
            crumbs.extend(walk.taken.iter().map(|(_, _, a)| a.text.to_string()));
        }
        crumbs
    }

    /// A case opened here keeps the symptom, the path, the code the path led to and the
    /// cause to act on.
    fn case_context(&self, desk: &Desk, _query: &str) -> crate::store::NewCase {
        let Some(walk) = self.walk(desk) else {
            return crate::store::NewCase::default();
        };
        let code = match walk.reached {
            Reached::Outcome(answer) => match &answer.leads_to {
                Lead::Code(id) => match desk.pack().item(id) {
                    Some(Item::Code(code)) => Some(code.code.to_string()),
                    _ => None,
                },
                _ => None,
            },
            Reached::Question(_) => None,
        };
        crate::store::NewCase {
            symptom: Some(walk.symptom.id.to_string()),
            code,
            triage: Some(walk.path()),
            cause: walk.leading().map(|c| c.id.to_string()),
            ..Default::default()
        }
    }

    fn answer(&self, desk: &Desk, _query: &str) -> Option<String> {
        let walk = self.walk(desk)?;
        self.shown_item(&walk, desk)
            .map(|item| item.id().to_string())
    }

    fn place(&self) -> Place {
        let mut place = self.place.clone();
        place.answers = Some((self.symptom.clone(), self.answers.clone()));
        place
    }

    fn restore(&mut self, place: Place, cx: &mut Cx<'_>) {
        if let Some((symptom, answers)) = &place.answers {
            self.symptom = symptom.clone();
            self.answers = answers.clone();
        }
        self.place = place;
        self.keep_valid(cx.desk);
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Triage {
    /// The path taken so far, as a record (the symptom resolved, question ids filled in).
    pub fn path(&self, desk: &Desk) -> Option<Path> {
        self.walk(desk).map(|walk| walk.path())
    }
}

impl Place {
    /// The middle panel's selection as a cursor over wrapped lines.
    fn middle_cursor(&self) -> LineCursor {
        LineCursor {
            selected: self.middle.row,
            offset: self.middle.offset,
        }
    }
}
