//! Which documents can possibly match a query, from bitsets built at index time, so a
//! query only examines those documents instead of every field of the pack.
//!
//! - literal: a document must contain every character of the query;
//! - pinyin: a match spanning two or more characters starts with a pair of adjacent
//!   characters whose first letters are the query's first letter and the letter where the
//!   second syllable begins; a match inside one character needs only the first letter.

use super::pinyin::{letter_bit, Readings, Symbol};

/// A set of document numbers.
#[derive(Debug, Clone, Default)]
pub struct DocSet {
    words: Vec<u64>,
}

impl DocSet {
    pub fn with_capacity(docs: usize) -> DocSet {
        DocSet {
            words: vec![0; docs.div_ceil(64)],
        }
    }

    pub fn insert(&mut self, doc: usize) {
        if let Some(word) = self.words.get_mut(doc / 64) {
            *word |= 1 << (doc % 64);
        }
    }

    pub fn remove(&mut self, doc: usize) {
        if let Some(word) = self.words.get_mut(doc / 64) {
            *word &= !(1 << (doc % 64));
        }
    }

    pub fn contains(&self, doc: usize) -> bool {
        self.words
            .get(doc / 64)
            .is_some_and(|word| word & (1 << (doc % 64)) != 0)
    }

    pub fn intersect(&mut self, other: &DocSet) {
        for (word, other) in self.words.iter_mut().zip(&other.words) {
            *word &= other;
        }
    }

    pub fn union(&mut self, other: &DocSet) {
        for (word, other) in self.words.iter_mut().zip(&other.words) {
            *word |= other;
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(i, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                if rest == 0 {
                    return None;
                }
                let bit = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                Some(i * 64 + bit)
            })
        })
    }
}

/// Letters and digits: 36 first letters.
const LETTERS: usize = 36;

fn letter_index(byte: u8) -> Option<usize> {
    let bit = letter_bit(byte);
    (bit != 0).then(|| bit.trailing_zeros() as usize)
}

/// The letters in a first-letter mask, by index.
fn bits(mask: u64) -> impl Iterator<Item = usize> {
    let mut rest = mask & ((1 << LETTERS) - 1);
    std::iter::from_fn(move || {
        if rest == 0 {
            return None;
        }
        let bit = rest.trailing_zeros() as usize;
        rest &= rest - 1;
        Some(bit)
    })
}

/// Where in a document a field is: short fields (title, aliases, codes, id) are searched
/// first and apart from body text, so a query examines few documents' bodies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Head,
    Body,
}

/// The bitsets of one zone of every document.
#[derive(Debug, Default)]
struct ZoneSets {
    /// Documents containing each symbol (a lower-cased character).
    by_symbol: Vec<DocSet>,
    /// Documents with a character whose reading starts with each letter.
    by_initial: Vec<DocSet>,
    /// Documents with two adjacent characters starting with each pair of letters.
    by_pair: Vec<Option<DocSet>>,
    /// Documents with three adjacent characters starting with a triple of letters, the
    /// triples hashed into a few buckets: a pinyin query of three or more syllables
    /// rules out most documents that have its pairs only far apart.
    by_triple: Vec<Option<DocSet>>,
    /// Documents with two adjacent characters, the pairs hashed into a few buckets: a
    /// literal query rules out documents that have its characters but not side by side.
    by_symbol_pair: Vec<Option<DocSet>>,
    /// Documents with a character whose reading begins with two letters next to one
    /// whose reading begins with a third, hashed: full pinyin (`yubu`) rules out the
    /// many documents that have only the initials (一边 for `yb`).
    by_syllable_pair: Vec<Option<DocSet>>,
}

impl ZoneSets {
    fn new(docs: usize) -> ZoneSets {
        ZoneSets {
            by_symbol: Vec::new(),
            by_initial: (0..LETTERS).map(|_| DocSet::with_capacity(docs)).collect(),
            by_pair: (0..LETTERS * LETTERS).map(|_| None).collect(),
            by_triple: (0..BUCKETS).map(|_| None).collect(),
            by_symbol_pair: (0..BUCKETS).map(|_| None).collect(),
            by_syllable_pair: (0..BUCKETS).map(|_| None).collect(),
        }
    }
}

/// The bitsets of one index.
#[derive(Debug, Default)]
pub struct Candidates {
    docs: usize,
    /// Whether the hashed pair and triple sets are kept: they pay for their building
    /// only in packs large enough that scanning the candidates is what takes time.
    fine: bool,
    head: ZoneSets,
    body: ZoneSets,
    /// Every prefix of every reading seen: a query's first syllable must be one.
    syllable_prefixes: std::collections::HashSet<Box<[u8]>>,
}

impl Candidates {
    pub fn new(docs: usize) -> Candidates {
        Candidates {
            docs,
            fine: docs >= FINE_FROM,
            head: ZoneSets::new(docs),
            body: ZoneSets::new(docs),
            syllable_prefixes: Default::default(),
        }
    }

    fn zone(&self, zone: Zone) -> &ZoneSets {
        match zone {
            Zone::Head => &self.head,
            Zone::Body => &self.body,
        }
    }

    /// Records the symbols of one field of document `doc`.
    pub fn add(&mut self, doc: usize, zone: Zone, symbols: &[Symbol], readings: &Readings) {
        let docs = self.docs;
        let fine = self.fine;
        let sets = match zone {
            Zone::Head => &mut self.head,
            Zone::Body => &mut self.body,
        };
        let mut previous_mask = 0u64;
        let mut before_previous_mask = 0u64;
        let mut previous_symbol: Option<Symbol> = None;
        for &symbol in symbols {
            let index = symbol as usize;
            if sets.by_symbol.len() <= index {
                sets.by_symbol.resize_with(index + 1, DocSet::default);
            }
            if let Some(set) = sets.by_symbol.get_mut(index) {
                if set.words.is_empty() {
                    *set = DocSet::with_capacity(docs);
                }
                set.insert(doc);
            }
            let mask = readings.initials(symbol);
            if let Some(previous) = previous_symbol.filter(|_| fine) {
                insert(
                    &mut sets.by_symbol_pair,
                    symbol_pair_bucket(previous, symbol),
                    doc,
                    docs,
                );
                for reading in readings.readings(previous) {
                    let (Some(&a), Some(&b)) = (reading.first(), reading.get(1)) else {
                        continue;
                    };
                    for letter in bits(mask) {
                        insert(
                            &mut sets.by_syllable_pair,
                            syllable_pair_bucket(a, b, letter),
                            doc,
                            docs,
                        );
                    }
                }
            }
            for letter in bits(mask) {
                if let Some(set) = sets.by_initial.get_mut(letter) {
                    set.insert(doc);
                }
                for first in bits(previous_mask) {
                    insert(&mut sets.by_pair, first * LETTERS + letter, doc, docs);
                    for zeroth in bits(if fine { before_previous_mask } else { 0 }) {
                        insert(
                            &mut sets.by_triple,
                            triple_bucket(zeroth, first, letter),
                            doc,
                            docs,
                        );
                    }
                }
            }
            before_previous_mask = previous_mask;
            previous_mask = mask;
            previous_symbol = Some(symbol);
        }
    }

    /// Remembers the prefixes of every reading, once the readings are all known.
    pub fn learn_syllables(&mut self, readings: &Readings) {
        for reading in readings.all() {
            for end in 1..=reading.len() {
                if let Some(prefix) = reading.get(..end) {
                    self.syllable_prefixes.insert(Box::from(prefix));
                }
            }
        }
    }

    /// Documents whose zone contains every character of a query, as symbols (`None`
    /// stands for a character no document has). Adjacent characters of the query must be
    /// adjacent in the document too, which the pairs of their first letters tell cheaply.
    pub fn literal(&self, zone: Zone, symbols: &[Option<Symbol>], readings: &Readings) -> DocSet {
        let sets = self.zone(zone);
        let empty = || DocSet::with_capacity(self.docs);
        let mut result: Option<DocSet> = None;
        for symbol in symbols {
            let set = symbol.and_then(|s| sets.by_symbol.get(s as usize));
            let Some(set) = set.filter(|set| !set.words.is_empty()) else {
                return empty();
            };
            match &mut result {
                Some(result) => result.intersect(set),
                None => result = Some(set.clone()),
            }
        }
        let Some(mut result) = result else {
            return empty();
        };
        for pair in symbols.windows(2) {
            let (Some(Some(a)), Some(Some(b))) = (pair.first(), pair.get(1)) else {
                continue;
            };
            if self.fine {
                match sets.by_symbol_pair.get(symbol_pair_bucket(*a, *b)) {
                    Some(Some(set)) => result.intersect(set),
                    _ => return empty(),
                }
            }
            let (first, second) = (readings.initials(*a), readings.initials(*b));
            if first == 0 || second == 0 {
                continue;
            }
            let mut adjacent = empty();
            for x in bits(first) {
                for y in bits(second) {
                    if let Some(Some(set)) = sets.by_pair.get(x * LETTERS + y) {
                        adjacent.union(set);
                    }
                }
            }
            result.intersect(&adjacent);
        }
        result
    }

    /// Documents whose zone has every character of a query, anywhere: what the fallback
    /// for hurried typing can match by characters (`余不足` in 余额不足).
    pub fn containing(&self, zone: Zone, symbols: &[Option<Symbol>]) -> DocSet {
        let sets = self.zone(zone);
        let mut result: Option<DocSet> = None;
        for symbol in symbols {
            let set = symbol.and_then(|s| sets.by_symbol.get(s as usize));
            let Some(set) = set.filter(|set| !set.words.is_empty()) else {
                return DocSet::with_capacity(self.docs);
            };
            match &mut result {
                Some(result) => result.intersect(set),
                None => result = Some(set.clone()),
            }
        }
        result.unwrap_or_else(|| DocSet::with_capacity(self.docs))
    }

    /// Documents with a character in the zone whose reading starts with `letter`.
    pub fn initial(&self, zone: Zone, letter: u8) -> DocSet {
        letter_index(letter)
            .and_then(|i| self.zone(zone).by_initial.get(i))
            .cloned()
            .unwrap_or_else(|| DocSet::with_capacity(self.docs))
    }

    /// Documents whose zone a pinyin query can match. A match reads the query as
    /// consecutive characters, each taking a prefix of one of its readings; so the query
    /// splits into syllable prefixes, and the first letters of each two neighbouring
    /// pieces must be a pair of adjacent characters in the document. Every way to split
    /// the query is tried, up to a limit past which only the first pair is required.
    pub fn pinyin(&self, zone: Zone, query: &[u8]) -> DocSet {
        let sets = self.zone(zone);
        let mut result = DocSet::with_capacity(self.docs);
        let mut splits = Vec::new();
        if !self.split(query, 0, &mut Vec::new(), &mut splits) {
            return self.pinyin_first_pair(zone, query);
        }
        for starts in splits {
            let letters: Vec<usize> = starts
                .iter()
                .filter_map(|&at| query.get(at).copied().and_then(letter_index))
                .collect();
            if letters.len() != starts.len() {
                continue;
            }
            if let [only] = letters[..] {
                if let Some(set) = sets.by_initial.get(only) {
                    result.union(set);
                }
                continue;
            }
            let mut chain: Option<DocSet> = None;
            for triple in letters.windows(3).filter(|_| self.fine) {
                let (Some(&a), Some(&b), Some(&c)) = (triple.first(), triple.get(1), triple.get(2))
                else {
                    continue;
                };
                let Some(Some(set)) = sets.by_triple.get(triple_bucket(a, b, c)) else {
                    chain = Some(DocSet::with_capacity(self.docs));
                    break;
                };
                match &mut chain {
                    Some(chain) => chain.intersect(set),
                    None => chain = Some(set.clone()),
                }
            }
            // A piece of two letters or more names its syllable's start more closely.
            for (&at, &next_at) in starts
                .iter()
                .zip(starts.iter().skip(1))
                .filter(|_| self.fine)
            {
                if next_at < at + 2 {
                    continue;
                }
                let (Some(&a), Some(&b), Some(letter)) = (
                    query.get(at),
                    query.get(at + 1),
                    query.get(next_at).copied().and_then(letter_index),
                ) else {
                    continue;
                };
                let Some(Some(set)) = sets
                    .by_syllable_pair
                    .get(syllable_pair_bucket(a, b, letter))
                else {
                    chain = Some(DocSet::with_capacity(self.docs));
                    break;
                };
                match &mut chain {
                    Some(chain) => chain.intersect(set),
                    None => chain = Some(set.clone()),
                }
            }
            for pair in letters.windows(2) {
                let (Some(&a), Some(&b)) = (pair.first(), pair.get(1)) else {
                    continue;
                };
                let Some(Some(set)) = sets.by_pair.get(a * LETTERS + b) else {
                    chain = Some(DocSet::with_capacity(self.docs));
                    break;
                };
                match &mut chain {
                    Some(chain) => chain.intersect(set),
                    None => chain = Some(set.clone()),
                }
            }
            if let Some(chain) = chain {
                result.union(&chain);
            }
        }
        result
    }

    /// Collects the ways to split `query[from..]` into syllable prefixes, as the start of
    /// each piece. Returns false when there are too many ways to try them all.
    fn split(
        &self,
        query: &[u8],
        from: usize,
        starts: &mut Vec<usize>,
        found: &mut Vec<Vec<usize>>,
    ) -> bool {
        if from >= query.len() {
            found.push(starts.clone());
            return found.len() <= MAX_SPLITS;
        }
        starts.push(from);
        for end in from + 1..=(from + 6).min(query.len()) {
            let fits = query
                .get(from..end)
                .is_some_and(|piece| self.syllable_prefixes.contains(piece));
            if fits && !self.split(query, end, starts, found) {
                return false;
            }
        }
        starts.pop();
        true
    }

    /// The weaker test for queries with very many splits: only the first two pieces.
    fn pinyin_first_pair(&self, zone: Zone, query: &[u8]) -> DocSet {
        let sets = self.zone(zone);
        let mut result = DocSet::with_capacity(self.docs);
        let Some(first) = query.first().copied().and_then(letter_index) else {
            return result;
        };
        if self.syllable_prefixes.contains(query) {
            if let Some(set) = sets.by_initial.get(first) {
                result.union(set);
            }
        }
        for split in 1..query.len().min(7) {
            let Some(head) = query.get(..split) else {
                break;
            };
            if !self.syllable_prefixes.contains(head) {
                continue;
            }
            let next = query.get(split).copied().and_then(letter_index);
            if let Some(Some(set)) = next.and_then(|next| sets.by_pair.get(first * LETTERS + next))
            {
                result.union(set);
            }
        }
        result
    }
}

/// The pack size from which the hashed pair and triple sets are built.
const FINE_FROM: usize = 2048;

/// How many buckets the hashed pairs and triples are spread over: enough to rule out
/// most documents, few enough that a huge pack's sets stay small (64 KiB per bucket at
/// a million documents).
const BUCKETS: usize = 512;

fn triple_bucket(a: usize, b: usize, c: usize) -> usize {
    spread((a * LETTERS + b) * LETTERS + c)
}

fn syllable_pair_bucket(a: u8, b: u8, next: usize) -> usize {
    spread(((usize::from(a) << 16) | (usize::from(b) << 8) | next) ^ 0x5bd1)
}

fn symbol_pair_bucket(a: Symbol, b: Symbol) -> usize {
    spread((usize::from(a) << 20) ^ usize::from(b))
}

/// A value spread evenly over the buckets (Fibonacci hashing).
fn spread(value: usize) -> usize {
    let mixed = (value as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> 32) as usize % BUCKETS
}

fn insert(slots: &mut [Option<DocSet>], slot: usize, doc: usize, docs: usize) {
    if let Some(slot) = slots.get_mut(slot) {
        slot.get_or_insert_with(|| DocSet::with_capacity(docs))
            .insert(doc);
    }
}

/// How many ways to split a pinyin query are tried before falling back to the first pair.
const MAX_SPLITS: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docset_iterates_what_was_inserted() {
        let mut set = DocSet::with_capacity(200);
        for doc in [0, 63, 64, 199] {
            set.insert(doc);
        }
        assert_eq!(set.iter().collect::<Vec<_>>(), vec![0, 63, 64, 199]);
        let mut other = DocSet::with_capacity(200);
        other.insert(64);
        set.intersect(&other);
        assert_eq!(set.iter().collect::<Vec<_>>(), vec![64]);
    }
}
