//! The quiz screen (trainer mode): a trainee's name, then a round of questions generated
//! from the content, answered with number keys; each answer gets its feedback at once
//! (right or wrong, the right answer and why) and is kept in the store, so missed
//! questions come back sooner. The round ends with the trainee's weak areas.

use super::{Cx, DrawCx, Handled, Hint, Place, Request, Screen};
use crate::app::action::Action;
use crate::app::layout::{Areas, Panel, PanelSlot};
use crate::app::theme::Theme;
use crate::app::widgets::detail::{rows, DetailLine};
use crate::app::widgets::text::Piece;
use crate::app::widgets::{draw_rows, panel_title, LineCursor};
use crate::desk::Desk;
use crate::quiz::leitner::{plan, Round};
use crate::quiz::QuizQuestion;
use crate::report::quiz::{trainee_report, WeakArea};
use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use std::any::Any;

/// Where the trainee is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Stage {
    /// Typing the trainee's name.
    #[default]
    Name,
    Asking,
    /// The answer to a question (by index) was `chosen` (0-based; none when a reload
    /// took that choice away), and was right or not.
    Feedback {
        question: usize,
        chosen: Option<usize>,
        right: bool,
    },
    /// The round is over.
    Summary,
}

/// Weak areas listed at the end of a round.
const WEAK_SHOWN: usize = 5;

#[derive(Default)]
pub struct Quiz {
    stage: Stage,
    /// The trainee's name, as typed or confirmed.
    name: String,
    questions: Vec<QuizQuestion>,
    /// The pack the questions were made from (its generation): a reload makes them anew.
    made_from: u64,
    /// The text of the answer given, to find it again after a reload.
    chosen_text: String,
    round: Round,
    round_number: u32,
    /// The choice under the cursor, 0-based.
    choice: usize,
    /// Why progress is not kept, when it is not.
    unsaved: Option<String>,
    weak: Vec<WeakArea>,
    offset: usize,
}

fn line(pieces: Vec<Piece>, indent: usize) -> DetailLine {
    DetailLine::new(pieces, indent)
}

impl Quiz {
    fn current(&self) -> Option<&QuizQuestion> {
        let index = match self.stage {
            Stage::Feedback { question, .. } => question,
            Stage::Asking => self.round.current()?,
            Stage::Name | Stage::Summary => return None,
        };
        self.questions.get(index)
    }

    /// Starts a round for the trainee typed: a new round number in the store, the
    /// questions planned from the trainee's boxes.
    fn start_round(&mut self, cx: &mut Cx<'_>) {
        let name = self.name.trim().to_string();
        if name.is_empty() {
            cx.request(Request::Status(
                crate::t!("quiz.screen.name_first").to_string(),
            ));
            return;
        }
        let log = cx.desk.cases();
        let started = log.with(|store| {
            let round = store.start_round(&name)?;
            let progress = store.quiz_progress(&name)?;
            Ok::<_, crate::store::StoreError>((round, progress))
        });
        let (round, progress) = match started {
            Ok(Ok(found)) => {
                self.unsaved = None;
                found
            }
            // A name the store refuses is the trainee's to correct.
            Ok(Err(error @ crate::store::StoreError::BadName(_))) => {
                cx.request(Request::Status(error.to_string()));
                return;
            }
            Ok(Err(error)) => {
                self.unsaved = Some(error.to_string());
                (self.round_number + 1, Default::default())
            }
            Err(message) => {
                self.unsaved = Some(message);
                (self.round_number + 1, Default::default())
            }
        };
        let settings = cx.desk.quiz();
        self.name = name;
        self.round_number = round;
        self.weak.clear();
        self.questions = settings.questions(cx.desk.pack(), settings.round_seed(round));
        self.made_from = cx.desk.generation();
        let planned = plan(
            &self.questions,
            &progress,
            round,
            settings.count,
            settings.round_seed(round),
        );
        self.round = Round::new(planned);
        self.choice = 0;
        self.offset = 0;
        if self.round.is_over() {
            cx.request(Request::Status(
                crate::t!("quiz.screen.no_questions").to_string(),
            ));
            self.enter_summary(cx.desk);
        } else {
            self.stage = Stage::Asking;
        }
        if let Some(why) = &self.unsaved {
            cx.request(Request::Status(crate::t!(
                "quiz.screen.round_not_saved",
                why = why
            )));
        }
    }

    /// Takes an answer (1-based) to the question asked: feedback at once, kept in the
    /// store.
    fn answer(&mut self, answer: usize, cx: &mut Cx<'_>) {
        let Some(index) = self.round.current() else {
            return;
        };
        let Some(question) = self.questions.get(index) else {
            return;
        };
        if !(1..=question.choices.len()).contains(&answer) {
            cx.request(Request::Status(crate::t!(
                "quiz.screen.answer_with",
                n = question.choices.len()
            )));
            return;
        }
        let right = question.is_right(answer);
        let first = !self.round.is_retry();
        if self.unsaved.is_none() {
            let saved = cx.desk.cases().with(|store| {
                store.record_answer(&self.name, self.round_number, question, right, first)
            });
            let failed = match saved {
                Ok(Ok(_)) => None,
                Ok(Err(error)) => Some(error.to_string()),
                Err(message) => Some(message),
            };
            if let Some(why) = failed {
                cx.request(Request::Status(crate::t!(
                    "quiz.screen.answer_not_saved",
                    why = why
                )));
            }
        }
        self.chosen_text = question
            .choices
            .get(answer - 1)
            .cloned()
            .unwrap_or_default();
        self.round.answered(right);
        self.stage = Stage::Feedback {
            question: index,
            chosen: Some(answer - 1),
            right,
        };
        self.offset = 0;
    }

    /// After the feedback: the next question, or the end of the round with the trainee's
    /// weak areas.
    fn next(&mut self, cx: &mut Cx<'_>) {
        self.choice = 0;
        self.offset = 0;
        if self.round.is_over() {
            self.enter_summary(cx.desk);
            return;
        }
        self.stage = Stage::Asking;
        // A missed question comes back with its choices in another order.
        if self.round.is_retry() {
            let seed = cx.desk.quiz().round_seed(self.round_number) ^ self.round.asked as u64;
            if let Some(question) = self
                .round
                .current()
                .and_then(|at| self.questions.get_mut(at))
            {
                *question = question.reshuffled(seed);
            }
        }
    }

    /// The end of the round, with the trainee's weak areas as the store has them now.
    fn enter_summary(&mut self, desk: &Desk) {
        self.stage = Stage::Summary;
        let name = self.name.clone();
        self.weak = desk
            .cases()
            .with(|store| store.trainee(&name))
            .ok()
            .and_then(Result::ok)
            .flatten()
            .map(|t| trainee_report(desk.pack(), &t).weak)
            .unwrap_or_default();
        self.weak.truncate(WEAK_SHOWN);
    }

    /// The questions again after a reload, the round kept where the same questions still
    /// exist (by key).
    fn remake(&mut self, desk: &Desk) {
        if self.questions.is_empty() || self.made_from == desk.generation() {
            return;
        }
        let settings = desk.quiz();
        let fresh = settings.questions(desk.pack(), settings.round_seed(self.round_number));
        let keys: Vec<String> = self.questions.iter().map(|q| q.key.clone()).collect();
        let remap = |old: usize| {
            keys.get(old)
                .and_then(|key| fresh.iter().position(|q| &q.key == key))
        };
        self.round.remap(remap);
        // The answer given stays as it was judged; its choice is found again by its text
        // (the choices may have been drawn anew).
        if let Stage::Feedback {
            question, right, ..
        } = self.stage
        {
            self.stage = match remap(question) {
                Some(at) => Stage::Feedback {
                    question: at,
                    chosen: fresh
                        .get(at)
                        .and_then(|q| q.choices.iter().position(|c| *c == self.chosen_text)),
                    right,
                },
                None => Stage::Asking,
            };
        }
        self.questions = fresh;
        self.made_from = desk.generation();
        if self.stage == Stage::Asking && self.round.is_over() {
            self.enter_summary(desk);
        }
    }

    /// The screen's lines, and the line of each choice and of the name being typed.
    fn lines(&self, desk: &Desk, theme: &Theme) -> Built {
        let mut built = Built::default();
        let push = |built: &mut Built, pieces: Vec<Piece>, indent: usize| {
            built.lines.push(line(pieces, indent));
        };
        match self.stage {
            Stage::Name => {
                push(
                    &mut built,
                    vec![Piece::new(crate::t!("quiz.screen.intro"), theme.text())],
                    0,
                );
                push(&mut built, Vec::new(), 0);
                built.name_line = Some(built.lines.len());
                push(
                    &mut built,
                    vec![
                        Piece::new(crate::t!("quiz.screen.name"), theme.label()),
                        Piece::new(
                            crate::safe_text::for_terminal(&self.name).into_owned(),
                            theme.heading(),
                        ),
                    ],
                    10,
                );
                push(&mut built, Vec::new(), 0);
                push(
                    &mut built,
                    vec![Piece::new(crate::t!("quiz.screen.name_hint"), theme.dim())],
                    0,
                );
            }
            Stage::Asking | Stage::Feedback { .. } => {
                let Some(question) = self.current() else {
                    return built;
                };
                let done = self.round.asked;
                push(
                    &mut built,
                    vec![Piece::new(
                        crate::t!(
                            "quiz.screen.progress",
                            name = self.name,
                            round = self.round_number,
                            asked = done,
                            right = self.round.right,
                            left = self.round.remaining()
                        ),
                        theme.dim(),
                    )],
                    0,
                );
                push(
                    &mut built,
                    vec![
                        Piece::new(
                            crate::t!("quiz.screen.kind", kind = question.kind.label()),
                            theme.label(),
                        ),
                        Piece::new(question.prompt.clone(), theme.heading()),
                    ],
                    2,
                );
                for context in &question.context {
                    push(
                        &mut built,
                        vec![Piece::new(format!("  {context}"), theme.text())],
                        5,
                    );
                }
                let feedback = match self.stage {
                    Stage::Feedback { chosen, right, .. } => Some((chosen, right)),
                    _ => None,
                };
                for (n, choice) in question.choices.iter().enumerate() {
                    built.choices.push(built.lines.len());
                    let mut pieces = vec![
                        Piece::new(format!(" {} ", n + 1), theme.label()),
                        Piece::new(choice.clone(), theme.text()),
                    ];
                    if let Some((chosen, _)) = feedback {
                        // Marked in words as well as colour.
                        if n == question.right {
                            pieces.push(Piece::new(
                                crate::t!("quiz.screen.right_mark"),
                                theme.heading(),
                            ));
                        } else if Some(n) == chosen {
                            pieces.push(Piece::new(
                                crate::t!("quiz.screen.chosen_mark"),
                                theme.warning(),
                            ));
                        }
                    }
                    push(&mut built, pieces, 4);
                }
                if let Some((_, right)) = feedback {
                    push(&mut built, Vec::new(), 0);
                    if right {
                        push(
                            &mut built,
                            vec![Piece::new(crate::t!("quiz.screen.right"), theme.heading())],
                            0,
                        );
                    } else {
                        push(
                            &mut built,
                            vec![Piece::new(
                                crate::t!("quiz.screen.wrong", n = question.right + 1),
                                theme.warning(),
                            )],
                            0,
                        );
                    }
                    push(
                        &mut built,
                        vec![
                            Piece::new(crate::t!("quiz.screen.why"), theme.label()),
                            Piece::new(question.why.clone(), theme.text()),
                        ],
                        2,
                    );
                    push(
                        &mut built,
                        vec![Piece::new(
                            if self.round.is_over() {
                                crate::t!("quiz.screen.enter_result")
                            } else {
                                crate::t!("quiz.screen.enter_next")
                            },
                            theme.dim(),
                        )],
                        0,
                    );
                }
            }
            Stage::Summary => {
                let asked = self.round.asked;
                let percent = crate::report::quiz::percent(
                    u32::try_from(self.round.right).unwrap_or(u32::MAX),
                    u32::try_from(asked).unwrap_or(u32::MAX),
                );
                push(
                    &mut built,
                    vec![Piece::new(
                        crate::t!(
                            "quiz.screen.round_over",
                            name = self.name,
                            round = self.round_number,
                            asked = asked,
                            right = self.round.right,
                            percent = percent
                        ),
                        theme.heading(),
                    )],
                    0,
                );
                if let Some(why) = &self.unsaved {
                    push(
                        &mut built,
                        vec![Piece::new(
                            crate::t!("quiz.screen.progress_not_saved", why = why),
                            theme.warning(),
                        )],
                        0,
                    );
                }
                push(&mut built, Vec::new(), 0);
                if self.weak.is_empty() {
                    push(
                        &mut built,
                        vec![Piece::new(crate::t!("quiz.screen.no_misses"), theme.text())],
                        0,
                    );
                } else {
                    push(
                        &mut built,
                        vec![Piece::new(
                            crate::t!("quiz.screen.weak_heading"),
                            theme.label(),
                        )],
                        0,
                    );
                    for area in &self.weak {
                        push(
                            &mut built,
                            vec![Piece::new(
                                crate::t!(
                                    "quiz.screen.weak_area",
                                    label = area.label,
                                    title = area.title,
                                    wrong = area.wrong,
                                    right = area.right
                                ),
                                theme.text(),
                            )],
                            2,
                        );
                    }
                }
                push(&mut built, Vec::new(), 0);
                push(
                    &mut built,
                    vec![Piece::new(
                        crate::t!("quiz.screen.summary_hint"),
                        theme.dim(),
                    )],
                    0,
                );
                let _ = desk;
            }
        }
        // One column of margin, as the other panels have.
        for line in &mut built.lines {
            line.pieces.insert(0, Piece::new(" ", theme.text()));
            line.indent += 1;
        }
        built
    }

    fn selected_line(&self, built: &Built) -> Option<usize> {
        match self.stage {
            Stage::Asking => built.choices.get(self.choice).copied(),
            _ => None,
        }
    }
}

#[derive(Default)]
struct Built {
    lines: Vec<DetailLine>,
    choices: Vec<usize>,
    name_line: Option<usize>,
}

impl Screen for Quiz {
    fn key(&self) -> &'static str {
        "quiz"
    }

    fn title(&self) -> &'static str {
        crate::t!("quiz.screen.title")
    }

    fn show_action(&self) -> Action {
        Action::ShowQuiz
    }

    fn handle(&mut self, action: Action, cx: &mut Cx<'_>) -> Handled {
        let choices = self.current().map_or(0, |q| q.choices.len());
        match (self.stage, action) {
            (Stage::Name, Action::Open) => self.start_round(cx),
            (Stage::Name, Action::DeleteChar) => {
                self.name.pop();
            }
            (Stage::Name, Action::DeleteWord | Action::ClearQuery) => self.name.clear(),
            (Stage::Asking, Action::SelectPrev) => self.choice = self.choice.saturating_sub(1),
            (Stage::Asking, Action::SelectNext) => {
                self.choice = (self.choice + 1).min(choices.saturating_sub(1));
            }
            (Stage::Asking, Action::SelectFirst) => self.choice = 0,
            (Stage::Asking, Action::SelectLast) => self.choice = choices.saturating_sub(1),
            (Stage::Asking, Action::Open) => self.answer(self.choice + 1, cx),
            (Stage::Feedback { .. }, Action::Open) => self.next(cx),
            (Stage::Summary, Action::Open | Action::RestartQuiz) => self.start_round(cx),
            (Stage::Asking | Stage::Feedback { .. }, Action::RestartQuiz) => self.start_round(cx),
            (Stage::Feedback { .. } | Stage::Summary, Action::SelectPrev | Action::PageUp) => {
                self.offset = self.offset.saturating_sub(1);
            }
            (Stage::Feedback { .. } | Stage::Summary, Action::SelectNext | Action::PageDown) => {
                self.offset += 1;
            }
            // Esc leaves the round for the name: another trainee, or the same again.
            (Stage::Asking | Stage::Feedback { .. } | Stage::Summary, Action::Escape) => {
                self.stage = Stage::Name;
                self.offset = 0;
            }
            _ => return Handled::Ignored,
        }
        Handled::Consumed
    }

    /// The name while it is typed; digits answer; any other typing is held back during a
    /// round (it would leave the quiz for the search).
    fn text(&mut self, text: &str, cx: &mut Cx<'_>) -> Handled {
        match self.stage {
            Stage::Name => {
                // The store judges the name on Enter (the same rules as the command
                // line); only its length is kept here, and said.
                let room =
                    crate::store::TRAINEE_NAME_CHARS.saturating_sub(self.name.chars().count());
                let typed: Vec<char> = text.chars().filter(|c| !c.is_control()).collect();
                if typed.len() > room {
                    cx.request(Request::Status(crate::t!(
                        "quiz.screen.name_too_long",
                        n = crate::store::TRAINEE_NAME_CHARS
                    )));
                }
                self.name.extend(typed.into_iter().take(room));
            }
            Stage::Asking => match super::typed_digit(text) {
                Some(answer) => self.answer(answer, cx),
                None => {
                    let choices = self.current().map_or(0, |q| q.choices.len());
                    cx.request(Request::Status(crate::t!(
                        "quiz.screen.answer_with",
                        n = choices
                    )));
                }
            },
            // A digit after the feedback goes on, as Enter does.
            Stage::Feedback { .. } if super::typed_digit(text).is_some() || text == " " => {
                self.next(cx)
            }
            Stage::Summary if text == " " => self.start_round(cx),
            Stage::Feedback { .. } | Stage::Summary => {
                cx.request(Request::Status(
                    crate::t!("quiz.screen.enter_to_go_on").to_string(),
                ));
            }
        }
        Handled::Consumed
    }

    fn takes_escape(&self) -> bool {
        self.stage != Stage::Name
    }

    fn click(&mut self, slot: PanelSlot, at: Position, cx: &mut Cx<'_>) {
        let Some(row) = slot.row_at(at) else { return };
        let built = self.lines(cx.desk, cx.theme);
        let cursor = LineCursor {
            selected: 0,
            offset: self.offset,
        };
        let clicked = cursor.line_at(&built.lines, slot.content, row);
        match self.stage {
            Stage::Asking => {
                if let Some(n) = built.choices.iter().position(|l| Some(*l) == clicked) {
                    self.choice = n;
                    self.answer(n + 1, cx);
                }
            }
            Stage::Feedback { .. } => self.next(cx),
            Stage::Name | Stage::Summary => {}
        }
    }

    fn scroll(&mut self, _panel: Panel, delta: isize, cx: &mut Cx<'_>) {
        match self.stage {
            Stage::Asking => {
                let choices = self.current().map_or(0, |q| q.choices.len());
                self.choice = self
                    .choice
                    .saturating_add_signed(delta)
                    .min(choices.saturating_sub(1));
            }
            _ => self.offset = self.offset.saturating_add_signed(delta),
        }
        let _ = cx;
    }

    fn settle(&mut self, cx: &mut Cx<'_>) {
        self.remake(cx.desk);
        if self.stage == Stage::Name && self.name.is_empty() {
            if let Some(trainee) = &cx.desk.quiz().trainee {
                self.name = trainee.clone();
            }
        }
        let choices = self.current().map_or(0, |q| q.choices.len());
        self.choice = self.choice.min(choices.saturating_sub(1));
        let Some(slot) = cx.areas.and_then(|a| a.slot(Panel::Left)) else {
            return;
        };
        let built = self.lines(cx.desk, cx.theme);
        let (wrapped, owners) = rows(&built.lines, slot.content.width as usize);
        let height = slot.content.height as usize;
        self.offset = match self.selected_line(&built) {
            Some(selected) => {
                crate::app::widgets::fit_rows(&owners, Some(selected), self.offset, height)
            }
            None => self.offset.min(wrapped.len().saturating_sub(height)),
        };
    }

    fn focus(&self) -> Panel {
        Panel::Left
    }

    fn panels(&self, _width: u16) -> Vec<Panel> {
        vec![Panel::Left]
    }

    fn draw(&self, buffer: &mut Buffer, areas: &Areas, cx: &DrawCx<'_>) {
        let Some(slot) = areas.slot(Panel::Left) else {
            return;
        };
        let title = match self.stage {
            Stage::Name => self.title().to_string(),
            _ => crate::t!("quiz.screen.panel_title", name = self.name),
        };
        panel_title(buffer, slot.title, title, true, cx.theme);
        let built = self.lines(cx.desk, cx.theme);
        let selected = self.selected_line(&built);
        draw_rows(
            buffer,
            slot.content,
            &built.lines,
            selected,
            self.offset,
            true,
        );
    }

    /// The real cursor after the name being typed, for input methods.
    fn cursor(&self, areas: &Areas, cx: &DrawCx<'_>) -> Option<Position> {
        if self.stage != Stage::Name {
            return None;
        }
        let slot = areas.slot(Panel::Left)?;
        let built = self.lines(cx.desk, cx.theme);
        let name_line = built.name_line?;
        let (wrapped, owners) = rows(&built.lines, slot.content.width as usize);
        let last = owners.iter().rposition(|&o| o == name_line)?;
        let shown = last.checked_sub(self.offset)?;
        let y = slot.content.y + u16::try_from(shown).ok()?;
        let x = slot.content.x + u16::try_from(wrapped.get(last)?.width()).ok()?;
        (y < slot.content.bottom()).then_some(Position::new(
            x.min(slot.content.right().saturating_sub(1)),
            y,
        ))
    }

    fn hints(&self) -> Vec<Hint> {
        match self.stage {
            Stage::Name => vec![
                Hint::new(&[Action::Open], crate::t!("quiz.hint.start")),
                Hint::new(&[Action::DeleteChar], crate::t!("quiz.hint.delete_char")),
            ],
            Stage::Asking => vec![
                Hint::new(
                    &[Action::SelectPrev, Action::SelectNext],
                    crate::t!("quiz.hint.select"),
                ),
                Hint::new(&[Action::Open], crate::t!("quiz.hint.answer")),
                Hint::new(&[Action::RestartQuiz], crate::t!("quiz.hint.restart")),
                Hint::new(&[Action::Escape], crate::t!("quiz.hint.trainee")),
            ],
            Stage::Feedback { .. } => vec![
                Hint::new(&[Action::Open], crate::t!("quiz.hint.next")),
                Hint::new(&[Action::Escape], crate::t!("quiz.hint.trainee")),
            ],
            Stage::Summary => vec![
                Hint::new(&[Action::Open], crate::t!("quiz.hint.again")),
                Hint::new(&[Action::Escape], crate::t!("quiz.hint.trainee")),
            ],
        }
    }

    fn breadcrumb(&self, _cx: &DrawCx<'_>) -> Vec<String> {
        let mut crumbs = vec![self.title().to_string()];
        if self.stage != Stage::Name {
            crumbs.push(self.name.clone());
            crumbs.push(crate::t!("quiz.screen.round", round = self.round_number));
        }
        if let Some(question) = self.current() {
            crumbs.push(question.kind.label().to_string());
        }
        crumbs
    }

    /// The item a question is about, once answered: Ctrl-Y copies its answer.
    fn answer(&self, desk: &Desk, _query: &str) -> Option<String> {
        match self.stage {
            Stage::Feedback { .. } => self
                .current()
                .filter(|q| desk.pack().item(&q.area).is_some())
                .map(|q| q.area.clone()),
            _ => None,
        }
    }

    /// A quiz is not a call: no case is opened from it.
    fn opens_cases(&self) -> bool {
        false
    }

    fn place(&self) -> Place {
        Place::default()
    }

    fn restore(&mut self, _place: Place, _cx: &mut Cx<'_>) {}

    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Quiz {
    /// The question on screen (asked or answered), for tests.
    pub fn question(&self) -> Option<&QuizQuestion> {
        self.current()
    }

    /// The round's number and its answers so far (asked, right), for tests.
    pub fn round_figures(&self) -> (u32, usize, usize) {
        (self.round_number, self.round.asked, self.round.right)
    }
}
