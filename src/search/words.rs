//! Where words begin and end in Chinese text. Chinese is written without spaces, so a
//! match of `xtgz` may be 系统故障 (two whole words) or four characters that straddle
//! words; the first is what a clerk meant. The words come from a list of the trade's
//! vocabulary (`assets/words.txt`) and the pack's own aliases, found with a trie over
//! the index's character symbols.

use super::pinyin::{Readings, Symbol, OTHER};
use std::collections::{BTreeSet, HashSet};

/// The trade's words, shipped with the program.
const GLOSSARY: &str = include_str!("../../assets/words.txt");

/// The longest word taken from a pack's aliases, in characters: longer runs are
/// phrases, whose inner edges would go unmarked.
const LONGEST_ALIAS_WORD: usize = 4;

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// The word list.
pub struct Words {
    list: HashSet<String>,
    /// Everyday words (没有, 可以): words for cutting text, too common to require.
    fillers: HashSet<String>,
    /// The longest word, in characters.
    longest: usize,
}

impl Words {
    /// The glossary plus every run of two to four Chinese characters in `aliases`.
    pub fn new<'a>(aliases: impl IntoIterator<Item = &'a str>) -> Words {
        let mut words: BTreeSet<String> = BTreeSet::new();
        let mut fillers = HashSet::new();
        let mut in_fillers = false;
        for line in GLOSSARY.lines().map(str::trim) {
            if line == "[filler]" {
                in_fillers = true;
                continue;
            }
            if line.starts_with('#') {
                continue;
            }
            for word in line.split_whitespace().filter(|w| w.chars().count() >= 2) {
                words.insert(word.to_string());
                if in_fillers {
                    fillers.insert(word.to_string());
                }
            }
        }
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
        let longest = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
        Words {
            list: words.into_iter().collect(),
            fillers,
            longest,
        }
    }

    /// The words as a trie over the symbols of an index's characters; a word with a
    /// character no text has cannot occur and is left out.
    pub fn trie(&self, readings: &Readings) -> Trie {
        let mut trie = Trie::default();
        for word in &self.list {
            let symbols: Option<Vec<Symbol>> = word
                .chars()
                .map(|c| readings.lookup(c).filter(|&s| s != OTHER))
                .collect();
            if let Some(symbols) = symbols {
                trie.insert(&symbols);
            }
        }
        trie
    }

    /// Whether a word is an everyday one, too common to require in a search.
    pub fn is_filler(&self, word: &str) -> bool {
        self.fillers.contains(word)
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
}

/// Words as paths of character symbols.
#[derive(Default)]
pub struct Trie {
    /// Per symbol, the node its words start at, plus one (0: no word starts with it).
    roots: Vec<u32>,
    nodes: Vec<Node>,
}

#[derive(Default)]
struct Node {
    /// Following symbols and their nodes, sorted by symbol.
    next: Vec<(Symbol, u32)>,
    /// A word ends here.
    word: bool,
}

impl Trie {
    fn insert(&mut self, symbols: &[Symbol]) {
        let Some((&first, rest)) = symbols.split_first() else {
            return;
        };
        let slot = first as usize;
        if self.roots.len() <= slot {
            self.roots.resize(slot + 1, 0);
        }
        let mut node = match self.roots.get(slot).copied() {
            Some(plus_one) if plus_one > 0 => plus_one as usize - 1,
            _ => {
                self.nodes.push(Node::default());
                let created = self.nodes.len() - 1;
                if let Some(root) = self.roots.get_mut(slot) {
                    *root = u32::try_from(created + 1).unwrap_or(0);
                }
                created
            }
        };
        for &symbol in rest {
            let existing = self.nodes.get(node).and_then(|n| {
                n.next
                    .binary_search_by_key(&symbol, |&(s, _)| s)
                    .ok()
                    .and_then(|at| n.next.get(at))
                    .map(|&(_, child)| child as usize)
            });
            node = match existing {
                Some(child) => child,
                None => {
                    self.nodes.push(Node::default());
                    let created = self.nodes.len() - 1;
                    if let Some(n) = self.nodes.get_mut(node) {
                        let at = n.next.partition_point(|&(s, _)| s < symbol);
                        n.next
                            .insert(at, (symbol, u32::try_from(created).unwrap_or(u32::MAX)));
                    }
                    created
                }
            };
        }
        if let Some(n) = self.nodes.get_mut(node) {
            n.word = true;
        }
    }

    /// Every word in `symbols`, as (first, end) character places.
    fn find(&self, symbols: &[Symbol], found: &mut Vec<(usize, usize)>) {
        found.clear();
        for first in 0..symbols.len() {
            let root = symbols
                .get(first)
                .and_then(|&s| self.roots.get(s as usize))
                .copied()
                .unwrap_or(0);
            if root == 0 {
                continue;
            }
            let mut node = self.nodes.get(root as usize - 1);
            let mut end = first + 1;
            while let Some(n) = node {
                if n.word {
                    found.push((first, end));
                }
                let Some(&symbol) = symbols.get(end) else {
                    break;
                };
                node = n
                    .next
                    .binary_search_by_key(&symbol, |&(s, _)| s)
                    .ok()
                    .and_then(|at| n.next.get(at))
                    .and_then(|&(_, child)| self.nodes.get(child as usize));
                end += 1;
            }
        }
    }

    /// Appends to `edges` one bit per character of a text (its symbols): whether a word
    /// edge comes before it. The text is cut into the known words and single characters
    /// that make the fewest pieces, single characters counting more (银行|卡号, not
    /// 银行卡|号); text without Chinese is all edges (Latin words are told apart by their
    /// spaces).
    pub fn mark(&self, text: &str, symbols: &[Symbol], edges: &mut Edges, scratch: &mut Scratch) {
        let chars = symbols.len();
        let start = edges.len;
        edges.extend(chars, true);
        if !text.chars().any(is_han) {
            return;
        }
        self.find(symbols, &mut scratch.words);
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

/// Buffers for [`Trie::mark`], reused from one text to the next.
#[derive(Default)]
pub struct Scratch {
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

    fn mark(text: &str, words: &Words) -> Edges {
        let mut readings = Readings::new();
        let symbols: Vec<Symbol> = text.chars().map(|c| readings.symbol(c)).collect();
        let mut edges = Edges::default();
        words
            .trie(&readings)
            .mark(text, &symbols, &mut edges, &mut Scratch::default());
        edges
    }

    fn edges_of(text: &str, words: &Words) -> String {
        let edges = mark(text, words);
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
        let edges = mark("持卡人认证失败", &words);
        let field = edges.field(0..7);
        assert!(field.whole_words(3, 2), "认证");
        assert!(field.whole_words(3, 4), "认证失败");
        assert!(!field.whole_words(4, 2), "证失");
    }
}
