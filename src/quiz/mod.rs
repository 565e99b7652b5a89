//! Trainer drills, generated from the content and never written by hand: each question
//! has one right answer taken from the pack and distractors taken from other items, so a
//! content edit changes the quiz with it. Which question comes when is Leitner scheduling
//! ([`leitner`]); progress lasts in the case log's store ([`crate::store`]).

mod generate;
pub mod leitner;
mod rng;

pub use generate::{generate, generate_kind};
pub use rng::Rng;

use serde::Serialize;

/// What a question drills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuizKind {
    /// A response code: may the clerk try again, and how.
    Verdict,
    /// A response code or cause: which line to say to the customer.
    CustomerLine,
    /// A symptom: what to check first.
    FirstCheck,
    /// A solution: its steps in order.
    StepOrder,
    /// A situation without a code: where the triage leads.
    Triage,
}

impl QuizKind {
    pub const ALL: [QuizKind; 5] = [
        QuizKind::Verdict,
        QuizKind::CustomerLine,
        QuizKind::FirstCheck,
        QuizKind::StepOrder,
        QuizKind::Triage,
    ];

    /// The name in keys, reports and `--kind`: `verdict`, `customer-line`.
    pub fn key(self) -> &'static str {
        match self {
            QuizKind::Verdict => "verdict",
            QuizKind::CustomerLine => "customer-line",
            QuizKind::FirstCheck => "first-check",
            QuizKind::StepOrder => "step-order",
            QuizKind::Triage => "triage",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            QuizKind::Verdict => crate::report::verdict_label(),
            QuizKind::CustomerLine => crate::report::card::say_label(),
            QuizKind::FirstCheck => crate::t!("quiz.kind.first_check"),
            QuizKind::StepOrder => crate::t!("quiz.kind.step_order"),
            QuizKind::Triage => crate::t!("quiz.kind.triage"),
        }
    }

    pub fn from_key(key: &str) -> Option<QuizKind> {
        QuizKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// One question, ready to ask.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuizQuestion {
    /// Stable across runs and seeds: `verdict:code-05`. Progress is kept by it.
    pub key: String,
    pub kind: QuizKind,
    /// The item the question is about (a code, symptom, cause, solution), for the report
    /// of weak areas.
    pub area: String,
    pub area_title: String,
    pub prompt: String,
    /// Lines shown between the prompt and the choices: lettered steps, the answers given
    /// in a triage.
    pub context: Vec<String>,
    /// Two to four choices, all different; exactly one is right.
    pub choices: Vec<String>,
    /// The right choice, 0-based.
    pub right: usize,
    /// Why, from the content: shown with the feedback.
    pub why: String,
}

impl QuizQuestion {
    pub fn right_choice(&self) -> &str {
        self.choices.get(self.right).map_or("", String::as_str)
    }

    /// The same question with its choices in another order (a missed question asked
    /// again is not answered by remembering where the right one stood).
    pub fn reshuffled(&self, seed: u64) -> QuizQuestion {
        let mut order: Vec<usize> = (0..self.choices.len()).collect();
        let mut rng = Rng::for_key(seed, &self.key);
        // Another order than the one shown, when there is one.
        for _ in 0..8 {
            rng.shuffle(&mut order);
            if order.iter().position(|&i| i == self.right) != Some(self.right) {
                break;
            }
        }
        QuizQuestion {
            choices: order
                .iter()
                .filter_map(|&i| self.choices.get(i).cloned())
                .collect(),
            right: order.iter().position(|&i| i == self.right).unwrap_or(0),
            ..self.clone()
        }
    }

    /// Whether a 1-based answer is the right one.
    pub fn is_right(&self, answer: usize) -> bool {
        answer == self.right + 1
    }
}

/// Choices per question at most (the right one and three distractors).
pub const MAX_CHOICES: usize = 4;

/// Questions per round unless told otherwise.
pub const ROUND_QUESTIONS: usize = 10;

/// How a trainer set up the drill (`posdesk quiz --trainee --seed --count --kind`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizSettings {
    /// Asked on the quiz screen when none is given.
    pub trainee: Option<String>,
    /// Fixes the distractors and their order; otherwise they change with each round.
    pub seed: Option<u64>,
    pub count: usize,
    /// Only these kinds; all when empty.
    pub kinds: Vec<QuizKind>,
}

impl Default for QuizSettings {
    fn default() -> QuizSettings {
        QuizSettings {
            trainee: None,
            seed: None,
            count: ROUND_QUESTIONS,
            kinds: Vec::new(),
        }
    }
}

impl QuizSettings {
    /// The seed of a trainee's round: the trainer's seed if given, moved on by the round so
    /// two rounds do not look alike.
    pub fn round_seed(&self, round: u32) -> u64 {
        self.seed.unwrap_or(0).wrapping_add(u64::from(round))
    }

    /// The questions of the kinds asked for.
    pub fn questions(&self, pack: &crate::model::Pack, seed: u64) -> Vec<QuizQuestion> {
        QuizKind::ALL
            .into_iter()
            .filter(|kind| self.kinds.is_empty() || self.kinds.contains(kind))
            .flat_map(|kind| generate_kind(pack, kind, seed))
            .collect()
    }
}
