//! Upper bounds on what a document can score for a query, and the running top scores
//! they are compared with: a huge pack's short query (`y`) matches most documents, but
//! only those that could still reach the top results are matched for real.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// What a zone of one document (its short fields, or its body text) can score at best:
/// gathered once at index time.
#[derive(Debug, Clone, Copy)]
pub struct Reach {
    /// The length of its shortest field, in characters: a match covers at most all of it.
    pub min_chars: u32,
    /// The first letters of the readings of every field's first character: a match at
    /// the start of a field scores more.
    pub leading: u64,
    /// The highest field weight among its fields.
    pub weight: f64,
}

impl Default for Reach {
    fn default() -> Reach {
        Reach {
            min_chars: u32::MAX,
            leading: 0,
            weight: 0.0,
        }
    }
}

impl Reach {
    pub fn add(&mut self, chars: usize, leading: u64, weight: f64) {
        self.min_chars = self
            .min_chars
            .min(u32::try_from(chars.max(1)).unwrap_or(u32::MAX));
        self.leading |= leading;
        self.weight = self.weight.max(weight);
    }
}

/// What a query's best match can score, from its shape alone.
#[derive(Debug, Clone, Copy)]
pub struct QueryShape {
    /// Characters of the literal query.
    pub chars: usize,
    /// The first letters of the readings of the query's first character; 0 when it has
    /// none (punctuation), which rules nothing out.
    pub literal_first: u64,
    /// The pinyin query's length in letters, 0 when it is no pinyin.
    pub letters: usize,
    /// The bit of the pinyin query's first letter.
    pub pinyin_first: u64,
    /// Whether every piece of a pinyin match can be a whole syllable.
    pub whole_possible: bool,
}

impl QueryShape {
    /// The highest score a match in a zone with this reach can get, before bonuses.
    /// Mirrors the scoring in `match_literal` and `match_field`, term by term.
    pub fn best(&self, reach: &Reach, literal_possible: bool) -> f64 {
        if reach.weight <= 0.0 {
            return f64::NEG_INFINITY;
        }
        let shortest = f64::from(reach.min_chars.max(1));
        let mut best = f64::NEG_INFINITY;
        if literal_possible {
            let starts = self.literal_first == 0 || reach.leading & self.literal_first != 0;
            let mut score = 100.0 + 20.0 * (self.chars as f64 / shortest).min(1.0);
            if starts {
                score += 15.0;
                if self.chars as f64 >= shortest {
                    score += 40.0;
                }
            }
            best = score;
        }
        if self.letters > 0 {
            let starts = reach.leading & self.pinyin_first != 0;
            let mut score = 70.0 + 10.0 * (self.letters as f64 / shortest).min(1.0);
            if self.whole_possible {
                score += 15.0;
            }
            if starts {
                score += 10.0;
            }
            best = best.max(score);
        }
        best * reach.weight
    }
}

/// The best `keep` scores seen so far: a document that cannot beat the lowest of them
/// need not be matched.
pub struct TopScores {
    keep: usize,
    heap: BinaryHeap<Reverse<Score>>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Score(f64);

impl Eq for Score {}

impl PartialOrd for Score {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Score {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

impl TopScores {
    pub fn new(keep: usize) -> TopScores {
        TopScores {
            keep,
            heap: BinaryHeap::with_capacity(keep.saturating_add(1).min(4096)),
        }
    }

    pub fn push(&mut self, score: f64) {
        if self.keep == 0 {
            return;
        }
        if self.heap.len() < self.keep {
            self.heap.push(Reverse(Score(score)));
        } else if self.heap.peek().is_some_and(|low| low.0 .0 < score) {
            self.heap.pop();
            self.heap.push(Reverse(Score(score)));
        }
    }

    /// A score below this cannot enter the top; equal ones still can (ties keep order).
    pub fn threshold(&self) -> f64 {
        if self.heap.len() < self.keep {
            return f64::NEG_INFINITY;
        }
        self.heap.peek().map_or(f64::NEG_INFINITY, |low| low.0 .0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_threshold_is_the_lowest_kept_score() {
        let mut top = TopScores::new(3);
        for score in [5.0, 1.0, 9.0] {
            top.push(score);
        }
        assert_eq!(top.threshold(), 1.0);
        top.push(7.0);
        assert_eq!(top.threshold(), 5.0);
        top.push(2.0);
        assert_eq!(top.threshold(), 5.0);
    }

    #[test]
    fn nothing_is_ruled_out_before_the_top_is_full() {
        let mut top = TopScores::new(2);
        top.push(100.0);
        assert_eq!(top.threshold(), f64::NEG_INFINITY);
    }
}
