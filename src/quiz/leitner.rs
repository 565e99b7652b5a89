//! Leitner boxes: a question answered right moves up a box and comes back after more
//! rounds; a miss sends it back to the first box, asked again in the same round and in
//! every round until it is known. Pure arithmetic over rounds, so it is tested alone.

use super::{QuizQuestion, Rng};
use serde::Serialize;
use std::collections::HashMap;

/// Boxes 1 (asked every round) to 5 (every 16th round).
pub const BOXES: u8 = 5;
/// A question missed in a round is asked again this many questions later.
pub const RETRY_AFTER: usize = 3;
/// How often one question can come back within a round.
pub const MAX_RETRIES: u8 = 2;

/// What a trainee has done with one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// 1 to [`BOXES`].
    pub box_number: u8,
    /// The round it was last answered in.
    pub last_round: u32,
    pub right: u32,
    pub wrong: u32,
}

impl Progress {
    /// Rounds between two askings of a question in a box: 1, 2, 4, 8, 16.
    pub fn interval(box_number: u8) -> u32 {
        1 << (box_number.clamp(1, BOXES) - 1)
    }

    /// Whether the question is due in `round`.
    pub fn is_due(&self, round: u32) -> bool {
        round.saturating_sub(self.last_round) >= Progress::interval(self.box_number)
    }

    /// The progress after an answer in `round`. Only the first answer of a round moves
    /// the box: a question missed and then answered right when it comes back stays in the
    /// first box, so it is asked again next round.
    pub fn after(
        previous: Option<Progress>,
        right: bool,
        round: u32,
        first_in_round: bool,
    ) -> Progress {
        let before = previous.unwrap_or(Progress {
            box_number: 1,
            last_round: round,
            right: 0,
            wrong: 0,
        });
        Progress {
            box_number: match (first_in_round, right) {
                (false, _) => before.box_number,
                (true, true) => (before.box_number + 1).min(BOXES),
                (true, false) => 1,
            },
            last_round: round,
            right: before.right.saturating_add(u32::from(right)),
            wrong: before.wrong.saturating_add(u32::from(!right)),
        }
    }
}

/// The questions of a round, in the order to ask them: the due ones from the lowest box
/// (the least known) first, then new ones; when fewer than `count` are due, the ones not
/// due fill the round, lowest box first. Ties are broken by the seed.
pub fn plan(
    questions: &[QuizQuestion],
    progress: &HashMap<String, Progress>,
    round: u32,
    count: usize,
    seed: u64,
) -> Vec<usize> {
    let mut order: Vec<usize> = (0..questions.len()).collect();
    Rng::new(seed ^ u64::from(round)).shuffle(&mut order);
    let standing = |at: &usize| {
        let seen = questions.get(*at).and_then(|q| progress.get(&q.key));
        match seen {
            // Due: by box, then seen longest ago.
            Some(p) if p.is_due(round) => (0, p.box_number, p.last_round),
            // New.
            None => (1, 0, 0),
            // Not due: only to fill the round, lowest box and longest ago first.
            Some(p) => (2, p.box_number, p.last_round),
        }
    };
    // A stable sort keeps the seeded order among equals.
    order.sort_by_key(standing);
    order.truncate(count);
    order
}

/// A round being asked: the planned questions, and the missed ones coming back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Round {
    /// Indexes into the question list, still to ask; the first is the one asked now.
    queue: Vec<usize>,
    /// How often each question came back in this round.
    retries: HashMap<usize, u8>,
    pub asked: usize,
    pub right: usize,
}

impl Round {
    pub fn new(planned: Vec<usize>) -> Round {
        Round {
            queue: planned,
            ..Round::default()
        }
    }

    /// Whether the question asked now was missed earlier in this round.
    pub fn is_retry(&self) -> bool {
        self.current()
            .is_some_and(|at| self.retries.contains_key(&at))
    }

    /// The question to ask now, if the round is not over.
    pub fn current(&self) -> Option<usize> {
        self.queue.first().copied()
    }

    pub fn remaining(&self) -> usize {
        self.queue.len()
    }

    pub fn is_over(&self) -> bool {
        self.queue.is_empty()
    }

    /// The round over a new list of questions (after a reload): each index mapped, the
    /// questions that are gone dropped.
    pub fn remap(&mut self, map: impl Fn(usize) -> Option<usize>) {
        self.queue = self.queue.iter().filter_map(|at| map(*at)).collect();
        self.retries = self
            .retries
            .iter()
            .filter_map(|(at, n)| map(*at).map(|to| (to, *n)))
            .collect();
    }

    /// Takes the answer to the current question: a miss comes back a few questions later
    /// (at most [`MAX_RETRIES`] times).
    pub fn answered(&mut self, right: bool) {
        if self.queue.is_empty() {
            return;
        }
        let question = self.queue.remove(0);
        self.asked += 1;
        if right {
            self.right += 1;
            return;
        }
        let retries = self.retries.entry(question).or_insert(0);
        if *retries < MAX_RETRIES {
            *retries += 1;
            let at = RETRY_AFTER.min(self.queue.len());
            self.queue.insert(at, question);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(key: &str) -> QuizQuestion {
        QuizQuestion {
            key: key.to_string(),
            kind: super::super::QuizKind::Verdict,
            area: key.to_string(),
            area_title: key.to_string(),
            prompt: String::new(),
            context: Vec::new(),
            choices: vec!["a".into(), "b".into()],
            right: 0,
            why: String::new(),
        }
    }

    #[test]
    fn right_answers_climb_the_boxes_and_a_miss_falls_to_the_first() {
        let mut p = Progress::after(None, true, 1, true);
        assert_eq!(p.box_number, 2);
        for round in 2..10 {
            p = Progress::after(Some(p), true, round, true);
        }
        assert_eq!(p.box_number, BOXES);
        p = Progress::after(Some(p), false, 10, true);
        assert_eq!((p.box_number, p.right, p.wrong), (1, 9, 1));
        assert!(p.is_due(11));
        // Right when it came back in the same round: still in the first box.
        let again = Progress::after(Some(p), true, 10, false);
        assert_eq!((again.box_number, again.right), (1, 10));
    }

    #[test]
    fn higher_boxes_wait_longer() {
        let p = Progress {
            box_number: 3,
            last_round: 10,
            right: 2,
            wrong: 0,
        };
        assert!(!p.is_due(13));
        assert!(p.is_due(14));
        assert_eq!(Progress::interval(0), 1);
        assert_eq!(Progress::interval(9), 16);
    }

    #[test]
    fn a_round_asks_missed_and_due_questions_before_known_ones() {
        let questions: Vec<QuizQuestion> = ["known", "missed", "new", "later"]
            .iter()
            .map(|k| question(k))
            .collect();
        let mut progress = HashMap::new();
        progress.insert(
            "known".to_string(),
            Progress {
                box_number: 4,
                last_round: 5,
                right: 3,
                wrong: 0,
            },
        );
        progress.insert("missed".to_string(), Progress::after(None, false, 5, true));
        progress.insert(
            "later".to_string(),
            Progress {
                box_number: 2,
                last_round: 4,
                right: 1,
                wrong: 0,
            },
        );
        let planned = plan(&questions, &progress, 6, 4, 1);
        let keys: Vec<&str> = planned
            .iter()
            .filter_map(|i| questions.get(*i))
            .map(|q| q.key.as_str())
            .collect();
        assert_eq!(keys, vec!["missed", "later", "new", "known"]);
        assert_eq!(plan(&questions, &progress, 6, 2, 1).len(), 2);
    }

    #[test]
    fn a_miss_comes_back_in_the_same_round_twice_at_most() {
        let mut round = Round::new(vec![0, 1, 2, 3, 4]);
        round.answered(false);
        assert_eq!(round.queue, vec![1, 2, 3, 0, 4]);
        for _ in 0..3 {
            round.answered(true);
        }
        assert_eq!(round.current(), Some(0));
        round.answered(false);
        round.answered(true);
        assert_eq!(round.current(), Some(0));
        round.answered(false);
        assert!(round.is_over());
        assert_eq!((round.asked, round.right), (7, 4));
    }
}
