//! Where words begin and end in Chinese text. Chinese is written without spaces, so a
//! match of `xtgz` may be 系统故障 (two whole words) or four characters that straddle
//! words; the first is what a clerk meant. The words come from a list of the trade's
//! vocabulary (`assets/words.txt`) and the pack's own aliases, found with one automaton.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::collections::{BTreeSet, HashSet};

/// The trade's words, shipped with the program.
const GLOSSARY: &str = include_str!("../../assets/words.txt");

/// The longest word taken from a pack's aliases, in characters: longer runs are
/// phrases, whose inner edges would go unmarked.
const LONGEST_ALIAS_WORD: usize = 4;

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// The word list and its automaton.
pub struct Words {
    finder: Option<AhoCorasick>,
    list: HashSet<String>,
    /// The longest word, in characters.
    longest: usize,
}

impl Words {
    /// The glossary plus every run of two to four Chinese characters in `aliases`.
    pub fn new<'a>(aliases: impl IntoIterator<Item = &'a str>) -> Words {
        let mut words: BTreeSet<String> = GLOSSARY
            .lines()
            .filter(|line| !line.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
            .filter(|word| word.chars().count() >= 2)
            .map(str::to_string)
            .collect();
        for alias in aliases {
            let mut run = String::new();
            for c in alias.chars().chain(std::iter::once(' ')) {
                if is_han(c) {
                    run.push(c);
                    continue;
                }
                if (2..=LONGEST_ALIAS_WORD).contains(&run.chars().count()) {
                    words.insert(std::mem::take(&mut run));
                }
                run.clear();
            }
        }
        // A contiguous NFA builds in a fraction of a DFA's time and scans short texts
        // about as fast; start-up is what a clerk waits for.
        let finder = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&words)
            .ok();
        let longest = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
        Words {
            finder,
            list: words.into_iter().collect(),
            longest,
        }
    }

    /// A Chinese query cut into the words it is made of, longest known word first from
    /// the left (网络故障 → 网络, 故障); characters of no known word stay together.
    pub fn split(&self, text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut pieces: Vec<String> = Vec::new();
        let mut unknown = String::new();
        let mut at = 0;
        while let Some(&c) = chars.get(at) {
            let known = (2..=self.longest.min(chars.len() - at))
                .rev()
                .map(|len| {
                    chars
                        .get(at..at + len)
                        .unwrap_or_default()
                        .iter()
                        .collect::<String>()
                })
                .find(|word| self.list.contains(word));
            match known {
                Some(word) => {
                    if !unknown.is_empty() {
                        pieces.push(std::mem::take(&mut unknown));
                    }
                    at += word.chars().count();
                    pieces.push(word);
                }
                None => {
                    unknown.push(c);
                    at += 1;
                }
            }
        }
        if !unknown.is_empty() {
            pieces.push(unknown);
        }
        pieces
    }

    /// Appends to `edges` one bit per character of `text`: whether a word edge comes
    /// before it. The text is cut into the known words and single characters that make
    /// the fewest pieces, single characters counting more (银行|卡号, not 银行卡|号);
    /// text without Chinese is all edges (Latin words are told apart by their spaces).
    pub fn mark(&self, text: &str, edges: &mut Edges, scratch: &mut Scratch) {
        let chars = text.chars().count();
        let start = edges.len;
        edges.extend(chars, true);
        let Some(finder) = self.finder.as_ref().filter(|_| text.chars().any(is_han)) else {
            return;
        };
        // The character each byte begins, so the automaton's byte offsets can be read.
        scratch.char_of_byte.clear();
        for (index, c) in text.chars().enumerate() {
            let index = u32::try_from(index).unwrap_or(u32::MAX);
            scratch
                .char_of_byte
                .extend(std::iter::repeat_n(index, c.len_utf8()));
        }
        let char_at = |byte: usize| {
            scratch
                .char_of_byte
                .get(byte)
                .map_or(chars, |&c| c as usize)
        };
        scratch.words.clear();
        for found in finder.find_overlapping_iter(text) {
            scratch
                .words
                .push((char_at(found.start()), char_at(found.end())));
        }
        scratch.words.sort_unstable();
        // Cheapest cut of the rest of the text from each place, and the piece it starts with.
        scratch.cost.clear();
        scratch.cost.resize(chars + 1, 0);
        scratch.next.clear();
        scratch.next.resize(chars + 1, 0);
        for at in (0..chars).rev() {
            let mut best = (
                SINGLE + scratch.cost.get(at + 1).copied().unwrap_or(0),
                at + 1,
            );
            let first = scratch.words.partition_point(|&(s, _)| s < at);
            for &(_, end) in scratch
                .words
                .iter()
                .skip(first)
                .take_while(|(s, _)| *s == at)
            {
                let cost = WORD + scratch.cost.get(end).copied().unwrap_or(0);
                if cost < best.0 {
                    best = (cost, end);
                }
            }
            if let Some(slot) = scratch.cost.get_mut(at) {
                *slot = best.0;
            }
            if let Some(slot) = scratch.next.get_mut(at) {
                *slot = best.1;
            }
        }
        // Inside a word is no edge, except where a shorter word inside it begins or ends
        // (身份|认证 in 身份认证): a search for 认证 finds a whole word there.
        let mut at = 0;
        while at < chars {
            let end = scratch.next.get(at).copied().unwrap_or(chars).max(at + 1);
            for inside in at + 1..end.min(chars) {
                edges.set(start + inside, false);
            }
            let first = scratch.words.partition_point(|&(s, _)| s < at);
            for &(s, e) in scratch
                .words
                .iter()
                .skip(first)
                .take_while(|(s, _)| *s < end)
            {
                if e <= end && (s, e) != (at, end) {
                    edges.set(start + s, true);
                    if e < end {
                        edges.set(start + e, true);
                    }
                }
            }
            at = end;
        }
    }
}

/// What a cut costs: a known word, and a character that is no part of one.
const WORD: u32 = 2;
const SINGLE: u32 = 3;

/// Buffers for [`Words::mark`], reused from one text to the next.
#[derive(Default)]
pub struct Scratch {
    char_of_byte: Vec<u32>,
    words: Vec<(usize, usize)>,
    cost: Vec<u32>,
    next: Vec<usize>,
}

/// One bit per character of every field of a zone, back to back like its symbols.
#[derive(Default)]
pub struct Edges {
    bits: Vec<u64>,
    len: usize,
}

impl Edges {
    fn extend(&mut self, count: usize, value: bool) {
        for _ in 0..count {
            if self.len.is_multiple_of(64) {
                self.bits.push(0);
            }
            let at = self.len;
            self.len += 1;
            self.set(at, value);
        }
    }

    fn set(&mut self, at: usize, value: bool) {
        if let Some(word) = self.bits.get_mut(at / 64) {
            if value {
                *word |= 1 << (at % 64);
            } else {
                *word &= !(1 << (at % 64));
            }
        }
    }

    /// The edges of one field: its characters are `range` of the zone's.
    pub fn field(&self, range: std::ops::Range<usize>) -> FieldEdges<'_> {
        FieldEdges { edges: self, range }
    }
}

/// The word edges of one field.
#[derive(Clone)]
pub struct FieldEdges<'a> {
    edges: &'a Edges,
    range: std::ops::Range<usize>,
}

impl FieldEdges<'_> {
    /// Whether a word edge comes before character `at`; the field's start and end are
    /// edges.
    pub fn before(&self, at: usize) -> bool {
        let global = self.range.start + at;
        if at == 0 || global >= self.range.end {
            return true;
        }
        self.edges
            .bits
            .get(global / 64)
            .is_none_or(|word| word & (1 << (global % 64)) != 0)
    }

    /// Whether a match of `len` characters from `start` begins and ends on word edges.
    pub fn whole_words(&self, start: usize, len: usize) -> bool {
        self.before(start) && self.before(start + len)
    }
}

/// Edges of a text on its own (a title being highlighted): every place is one.
pub fn none() -> &'static Edges {
    static NONE: Edges = Edges {
        bits: Vec::new(),
        len: 0,
    };
    &NONE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edges_of(text: &str, words: &Words) -> String {
        let mut edges = Edges::default();
        words.mark(text, &mut edges, &mut Scratch::default());
        let field = edges.field(0..text.chars().count());
        text.chars()
            .enumerate()
            .map(|(i, c)| {
                if i > 0 && field.before(i) {
                    format!("|{c}")
                } else {
                    c.to_string()
                }
            })
            .collect()
    }

    #[test]
    fn words_of_the_trade_are_marked() {
        let words = Words::new([]);
        assert_eq!(edges_of("持卡人认证失败", &words), "持卡人|认证|失败");
        assert_eq!(edges_of("银行系统故障", &words), "银行|系统|故障");
        // Overlapping words: the cut with the fewest pieces wins.
        assert_eq!(edges_of("银行卡号", &words), "银行|卡号");
        assert_eq!(edges_of("确认证件", &words), "确认|证件");
        // A compound keeps the edges of the words inside it.
        assert_eq!(edges_of("身份认证", &words), "身份|认证");
        // Where no word is known, every place is an edge.
        assert_eq!(edges_of("POS机", &words), "P|O|S|机");
    }

    #[test]
    fn aliases_add_words_and_phrases_do_not() {
        let words = Words::new(["刷不了", "这张卡刷了好几次都不行"]);
        assert_eq!(edges_of("刷不了", &words), "刷不了");
        assert!(edges_of("好几次都不行", &words).contains('|'));
    }

    #[test]
    fn a_query_splits_into_its_words() {
        let words = Words::new([]);
        assert_eq!(words.split("网络故障"), ["网络", "故障"]);
        assert_eq!(words.split("顾客要退钱"), ["顾客", "要退钱"]);
        assert_eq!(words.split("余额"), ["余额"]);
    }

    #[test]
    fn a_match_through_a_word_is_not_whole() {
        let words = Words::new([]);
        let mut edges = Edges::default();
        words.mark("持卡人认证失败", &mut edges, &mut Scratch::default());
        let field = edges.field(0..7);
        assert!(field.whole_words(3, 2), "认证");
        assert!(field.whole_words(3, 4), "认证失败");
        assert!(!field.whole_words(4, 2), "证失");
    }
}
