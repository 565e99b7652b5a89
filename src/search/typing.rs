//! What one query teaches the next: a clerk types a query a letter at a time, and every
//! document a longer query can match, the shorter one could match too. So a query that
//! extends the previous one examines only the documents the previous one left in play.

use super::candidates::DocSet;

/// The memory of one search box: hand the same `Typing` to every search made from it.
/// It belongs to one index; used with another, it is simply forgotten.
#[derive(Default)]
pub struct Typing {
    last: Option<Prior>,
}

impl Typing {
    pub fn new() -> Typing {
        Typing::default()
    }

    /// What the previous query left in play, if `query` extends it on the same index.
    pub(super) fn prior_for(&self, index: u64, query: &Key) -> Option<&Prior> {
        self.last
            .as_ref()
            .filter(|prior| prior.index == index && query.extends(&prior.key))
    }

    pub(super) fn remember(&mut self, prior: Prior) {
        self.last = Some(prior);
    }

    pub(super) fn forget(&mut self) {
        self.last = None;
    }
}

/// A query as matching sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Key {
    pub literal: String,
    pub pinyin: Vec<u8>,
    pub loose: Vec<u8>,
}

impl Key {
    /// Whether every document this query matches is one `earlier` matches too: its text
    /// holds the earlier text, and its pinyin (when it has any) the earlier pinyin.
    fn extends(&self, earlier: &Key) -> bool {
        self.literal.starts_with(&earlier.literal)
            && (self.pinyin.is_empty()
                || (!earlier.pinyin.is_empty() && self.pinyin.starts_with(&earlier.pinyin)))
    }

    /// The same for the fallback for hurried typing, which reads the loosened pinyin.
    pub fn extends_loosely(&self, earlier: &Key) -> bool {
        self.extends(earlier) && self.loose.starts_with(&earlier.loose)
    }
}

/// The documents a query left in play: those it matched, and those it never examined
/// because they could not reach the top.
pub(super) struct Prior {
    pub index: u64,
    pub key: Key,
    pub head: DocSet,
    pub body: DocSet,
    /// Documents the fallback for hurried typing could still match, when it ran.
    pub fuzzy: Option<DocSet>,
}
