//! One search index over every kind and field of a pack.
//!
//! A query matches a field literally (Chinese, codes, ids, English), by pinyin (full,
//! initials or mixed) or, when little else matched, fuzzily on titles. Every hit carries
//! the character positions it matched in the original text, so a view can highlight the
//! Chinese characters a pinyin query found.

mod bound;
mod candidates;
mod fields;
mod pinyin;
mod typing;
mod words;

pub use typing::Typing;

use crate::model::{normalize_code, Item, Kind, Pack};
use bound::{QueryShape, Reach, TopScores};
use candidates::{Candidates, DocSet, Zone};
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use pinyin::{Readings, Symbol, OTHER};
use serde::Serialize;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::sync::Arc;
use typing::{Key, Prior};
use words::{Edges, FieldEdges, Scratch, Words};

/// Which field of an item a match was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldName {
    Title,
    Alias,
    Code,
    Id,
    Body,
}

impl FieldName {
    fn weight(self) -> f64 {
        match self {
            FieldName::Title => 1.0,
            FieldName::Code => 1.0,
            FieldName::Alias => 0.9,
            FieldName::Id => 0.7,
            FieldName::Body => 0.5,
        }
    }
}

fn kind_bonus(kind: Kind) -> f64 {
    match kind {
        Kind::Symptom => 15.0,
        Kind::Cause => 12.0,
        Kind::Code => 8.0,
        Kind::Solution => 5.0,
        Kind::Script => 2.0,
        Kind::Faq => 0.0,
    }
}

/// One search result.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub kind: Kind,
    pub id: String,
    pub title: String,
    pub score: f64,
    /// The field the best match was in, its text, and the matched character positions.
    pub field: FieldName,
    pub text: String,
    pub positions: Vec<usize>,
    /// Matched character positions in `title`, for highlighting lists.
    pub title_positions: Vec<usize>,
}

/// What a scan over many documents reads of each one, kept apart from the rest in one
/// small record: a huge pack's scan then reads memory in order, not all over it.
struct DocScan {
    /// This document's fields: `fields[first_field..end_field]`; the short ones (title,
    /// aliases, codes, id) come first, body text from `body_field` on.
    first_field: u32,
    body_field: u32,
    end_field: u32,
    /// The letters of its titles and aliases and their spelling: the fallback for hurried
    /// typing skips a document lacking a letter of the query without reading a field.
    fuzzy_letters: u32,
    /// Where its titles' and aliases' spelling is in `SearchIndex::spelled`, all together.
    spelled_start: u32,
    spelled_end: u32,
    kind_bonus: f64,
    /// The length of its shortest title or alias, in characters: the fallback's match
    /// covers at most all of it.
    fuzzy_min_chars: u32,
    /// The best its short fields and its body text can score, for skipping it early.
    head_reach: Reach,
    body_reach: Reach,
}

impl DocScan {
    fn head_fields(&self) -> std::ops::Range<usize> {
        self.first_field as usize..self.body_field as usize
    }

    fn body_fields(&self) -> std::ops::Range<usize> {
        self.body_field as usize..self.end_field as usize
    }

    fn spelled(&self) -> std::ops::Range<usize> {
        self.spelled_start as usize..self.spelled_end as usize
    }
}

/// A position in one of the index's arenas, which stay far below 4 GiB.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// One searched text of a document. The text itself stays in the pack: the field shares
/// it (a [`Text`] is a slice of the pack's buffer), so a pack's text is held once.
struct Field {
    /// The text as written, the pack's own.
    text: crate::model::Text,
    /// It has capital letters: literal matching ignores ASCII case for it.
    capitals: bool,
    name: FieldName,
    zone: Zone,
    /// Where the field's symbols are in its zone's arena.
    symbols_start: u32,
    symbols_end: u32,
    /// Union of the first letters of all readings: a query whose first letter is not
    /// in it cannot match by pinyin.
    initials: u64,
    /// Titles and aliases only: where the text spelled out in loosened pinyin is in
    /// `spelled`, for the fallback that forgives hurried typing.
    spelled_start: u32,
    spelled_end: u32,
    /// The letters a-z in the text or its spelling: a query with another letter cannot
    /// match it even loosely, which the fallback checks before any work.
    letters: u32,
}

impl Field {
    fn symbols(&self) -> std::ops::Range<usize> {
        self.symbols_start as usize..self.symbols_end as usize
    }

    fn spelled(&self) -> std::ops::Range<usize> {
        self.spelled_start as usize..self.spelled_end as usize
    }
}

/// The letters a-z in a text, as a bit set.
fn letter_set(bytes: impl IntoIterator<Item = u8>) -> u32 {
    bytes
        .into_iter()
        .filter(u8::is_ascii_lowercase)
        .fold(0, |set, b| set | 1 << (b - b'a'))
}

/// Titles and aliases as runs of loosened pinyin (most common reading of each character),
/// back to back in document order, with the character each byte comes from (its place
/// in the field; a title is far shorter than 65,535 characters).
#[derive(Default)]
struct Spelled {
    text: Vec<u8>,
    owners: Vec<u16>,
}

/// The symbols of every field of one zone, back to back: a query reads them in document
/// order, so they are laid out in that order.
#[derive(Default)]
struct Arena {
    symbols: Vec<Symbol>,
    /// Where words begin and end, a bit per symbol.
    edges: Edges,
}

/// What matching reads of a field.
struct Text<'a> {
    /// As written; matching ignores ASCII case (`capitals` says whether it has to).
    /// Read only when a literal match is tried: a pinyin query rules most fields out by
    /// their initials alone, without touching their text.
    text: &'a crate::model::Text,
    capitals: bool,
    symbols: &'a [Symbol],
    initials: u64,
    edges: FieldEdges<'a>,
}

/// A prepared query: what literal and pinyin matching compare against.
struct Term {
    literal: String,
    /// `pinyin` loosened (no h after z, c, s), for the fallback for hurried typing.
    loose: Vec<u8>,
    /// Prepared once per query: building a finder costs more than one short search.
    finder: memchr::memmem::Finder<'static>,
    /// The same for the fallback's matcher, which allocates when built.
    skim: SkimMatcherV2,
    pinyin: Vec<u8>,
    chars: usize,
}

impl Term {
    fn key(&self) -> Key {
        Key {
            literal: self.literal.clone(),
            pinyin: self.pinyin.clone(),
            loose: self.loose.clone(),
        }
    }

    fn new(text: &str) -> Option<Term> {
        // Input methods in full-width mode type `ｙｅｂｚ` and `０５`: same meaning as ASCII.
        let literal = crate::model::fold_full_width(text)
            .trim()
            .to_ascii_lowercase();
        if literal.is_empty() {
            return None;
        }
        let pinyin: Vec<u8> = literal
            .bytes()
            .filter(|b| !matches!(b, b' ' | b'\''))
            .collect();
        let pinyin = if pinyin.iter().all(u8::is_ascii_alphanumeric) {
            pinyin
        } else {
            Vec::new()
        };
        let chars = literal.chars().count();
        let finder = memchr::memmem::Finder::new(literal.as_bytes()).into_owned();
        let loose = pinyin::loosen(&pinyin);
        Some(Term {
            literal,
            loose,
            finder,
            skim: SkimMatcherV2::default(),
            pinyin,
            chars,
        })
    }
}

/// A query without the punctuation people type around it: `05?`, `余额不足。`, `（05）`.
pub fn clean_query(query: &str) -> String {
    query
        .chars()
        .map(|c| match c {
            '?' | '？' | '。' | '，' | ',' | '！' | '!' | '、' | '；' | ';' | '：' | ':' | '“'
            | '”' | '"' | '（' | '）' | '(' | ')' | '「' | '」' | '《' | '》' | '…' | '.'
            | '～' | '~' => ' ',
            other => other,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// A word without the particles spoken after it: 余额不足了 → 余额不足, 密码错了吗 → 密码错.
fn drop_particles(word: &str) -> String {
    let mut text = word.to_string();
    while text.chars().count() > 1 && text.ends_with(PARTICLES) {
        text.pop();
    }
    text
}

/// Sounds spoken after a word that carry no meaning for search.
const PARTICLES: [char; 9] = ['了', '啦', '吗', '呢', '啊', '吧', '呀', '的', '么'];

/// A word that is nothing but particles (`吗`, `了吧`): no word at all to search for.
fn only_particles(word: &str) -> bool {
    word.chars().all(|c| PARTICLES.contains(&c))
}

/// Where a match is in a field's text, in characters.
#[derive(Debug, Clone)]
enum Span {
    Run { start: usize, len: usize },
    Scattered(Vec<usize>),
}

impl Span {
    fn start(&self) -> usize {
        match self {
            Span::Run { start, .. } => *start,
            Span::Scattered(positions) => positions.first().copied().unwrap_or(0),
        }
    }

    fn positions(self) -> Vec<usize> {
        match self {
            Span::Run { start, len } => (start..start + len).collect(),
            Span::Scattered(positions) => positions,
        }
    }
}

struct FieldMatch {
    score: f64,
    span: Span,
}

/// A document's best match while ranking: positions come later, for the few shown.
#[derive(Debug, Clone, Copy)]
struct Ranked {
    score: f64,
    doc: usize,
    field: usize,
}

/// Best first; among equals, the pack's order.
fn by_rank(a: &Ranked, b: &Ranked) -> std::cmp::Ordering {
    b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc))
}

/// The search index of one pack. Build it once; queries borrow it.
pub struct SearchIndex {
    /// Tells one index from another, so a [`Typing`] made on one is not used on another.
    id: u64,
    /// The pack, whose items are the documents, in [`Pack::items`] order.
    pack: Arc<Pack>,
    scans: Vec<DocScan>,
    /// The document of each response code.
    by_code: std::collections::HashMap<String, usize>,
    /// The letters that are whole syllables of some character (啊 a, 哦 o).
    single_letter_syllables: u64,
    fields: Vec<Field>,
    readings: Readings,
    candidates: Candidates,
    head: Arena,
    body: Arena,
    spelled: Spelled,
    words: Words,
}

impl SearchIndex {
    pub fn new(pack: impl Into<Arc<Pack>>) -> SearchIndex {
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let pack: Arc<Pack> = pack.into();
        let mut index = SearchIndex {
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            pack: Arc::clone(&pack),
            scans: Vec::with_capacity(pack.len()),
            by_code: Default::default(),
            single_letter_syllables: 0,
            fields: Vec::new(),
            readings: Readings::new(),
            candidates: Candidates::new(pack.len()),
            head: Arena::default(),
            body: Arena::default(),
            spelled: Spelled::default(),
            words: Words::new(
                pack.items()
                    .flat_map(|item| item.aliases())
                    .map(crate::model::Text::as_str),
            ),
        };
        index.reserve(&pack);
        for (doc, item) in pack.items().enumerate() {
            index.add_item(doc, item);
        }
        index.candidates.learn_syllables(&index.readings);
        index.single_letter_syllables = index.readings.single_letter_syllables();
        index.mark_words();
        index
    }

    /// Marks where words begin and end in every field, once every character is known.
    fn mark_words(&mut self) {
        let trie = self.words.trie(&self.readings);
        let mut scratch = Scratch::default();
        let mut head_edges = Edges::default();
        let mut body_edges = Edges::default();
        for field in &self.fields {
            let (arena, edges) = match field.zone {
                Zone::Head => (&self.head, &mut head_edges),
                Zone::Body => (&self.body, &mut body_edges),
            };
            let symbols = arena.symbols.get(field.symbols()).unwrap_or_default();
            trie.mark(self.written(field), symbols, edges, &mut scratch);
        }
        self.head.edges = head_edges;
        self.body.edges = body_edges;
    }

    /// Sizes the arenas for the whole pack before it is added: grown by doubling
    /// instead, a large pack's arenas briefly need up to three times their size.
    fn reserve(&mut self, pack: &Pack) {
        let (mut fields, mut head, mut body, mut spelled) = (0, 0, 0, 0);
        for item in pack.items() {
            for (name, text) in fields::of(item) {
                fields += 1;
                let chars = text.chars().count();
                match name {
                    FieldName::Body => body += chars,
                    FieldName::Title | FieldName::Alias => {
                        head += chars;
                        spelled += text.len() * 2;
                    }
                    _ => head += chars,
                }
            }
        }
        self.fields.reserve_exact(fields);
        self.scans.reserve_exact(pack.len());
        self.head.symbols.reserve_exact(head);
        self.body.symbols.reserve_exact(body);
        // About two letters of loosened pinyin per character, three bytes per character.
        self.spelled.text.reserve(spelled / 3);
        self.spelled.owners.reserve(spelled / 3);
    }

    pub fn len(&self) -> usize {
        self.scans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.scans.is_empty()
    }

    fn add_item(&mut self, doc: usize, item: Item<'_>) {
        let first_field = self.fields.len();
        let mut body_field = None;
        let spelled_start = self.spelled.text.len();
        let mut head_reach = Reach::default();
        let mut body_reach = Reach::default();
        let mut fuzzy_letters = 0;
        let mut fuzzy_min_chars = u32::MAX;
        for (name, text) in fields::of(item) {
            if name == FieldName::Body && body_field.is_none() {
                body_field = Some(self.fields.len());
            }
            let field = self.make_field(doc, name, text);
            let symbols = self.text_of(&field).symbols;
            let leading = symbols
                .first()
                .map_or(0, |&first| self.readings.initials(first));
            let reach = match field.zone {
                Zone::Head => &mut head_reach,
                Zone::Body => &mut body_reach,
            };
            reach.add(symbols.len(), leading, name.weight());
            if matches!(name, FieldName::Title | FieldName::Alias) {
                fuzzy_letters |= field.letters;
                fuzzy_min_chars = fuzzy_min_chars.min(offset(symbols.len().max(1)));
            }
            self.fields.push(field);
        }
        if let Item::Code(code) = item {
            self.by_code.insert(code.code.to_string(), doc);
        }
        self.scans.push(DocScan {
            first_field: offset(first_field),
            body_field: offset(body_field.unwrap_or(self.fields.len())),
            end_field: offset(self.fields.len()),
            fuzzy_letters,
            spelled_start: offset(spelled_start),
            spelled_end: offset(self.spelled.text.len()),
            kind_bonus: kind_bonus(item.kind()),
            fuzzy_min_chars,
            head_reach,
            body_reach,
        });
    }

    fn make_field(&mut self, doc: usize, name: FieldName, text: &crate::model::Text) -> Field {
        let zone = if name == FieldName::Body {
            Zone::Body
        } else {
            Zone::Head
        };
        let arena = match zone {
            Zone::Head => &mut self.head,
            Zone::Body => &mut self.body,
        };
        let capitals = text.bytes().any(|b| b.is_ascii_uppercase());
        let symbols_start = arena.symbols.len();
        for c in text.chars() {
            arena
                .symbols
                .push(self.readings.symbol(c.to_ascii_lowercase()));
        }
        let symbols = arena.symbols.get(symbols_start..).unwrap_or_default();
        let initials = symbols
            .iter()
            .fold(0, |mask, &s| mask | self.readings.initials(s));
        self.candidates.add(doc, zone, symbols, &self.readings);
        let spelled_start = self.spelled.text.len();
        if matches!(name, FieldName::Title | FieldName::Alias) {
            spell(&self.readings, symbols, &mut self.spelled);
        }
        let symbols_end = arena.symbols.len();
        let spelled = spelled_start..self.spelled.text.len();
        let letters = letter_set(text.bytes().map(|b| b.to_ascii_lowercase()))
            | letter_set(
                self.spelled
                    .text
                    .get(spelled.clone())
                    .unwrap_or_default()
                    .iter()
                    .copied(),
            );
        Field {
            text: text.clone(),
            capitals,
            name,
            zone,
            symbols_start: offset(symbols_start),
            symbols_end: offset(symbols_end),
            initials,
            spelled_start: offset(spelled.start),
            spelled_end: offset(spelled.end),
            letters,
        }
    }

    /// The item of a document.
    fn item(&self, doc: usize) -> Option<Item<'_>> {
        self.pack.item_at(doc)
    }

    /// A field's text as written.
    fn written<'a>(&self, field: &'a Field) -> &'a str {
        field.text.as_str()
    }

    fn text_of<'a>(&'a self, field: &'a Field) -> Text<'a> {
        let arena = match field.zone {
            Zone::Head => &self.head,
            Zone::Body => &self.body,
        };
        Text {
            text: &field.text,
            capitals: field.capitals,
            symbols: arena.symbols.get(field.symbols()).unwrap_or_default(),
            initials: field.initials,
            edges: arena.edges.field(field.symbols()),
        }
    }

    /// Ranked results for a query, best first, at most `limit`, as a clerk types it:
    /// punctuation is ignored (`05?`); when the whole query finds nothing, its words must
    /// all match (`余额 不足`); then a trailing particle is dropped (`余额不足了`).
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.search_typed(query, limit, &mut Typing::new())
    }

    /// [`search`](Self::search) for a query typed into a search box: `typing` remembers
    /// what the previous query left in play, so a query that extends it (`yeb` after
    /// `ye`) examines only those documents. The results are the same as `search`'s.
    pub fn search_typed(&self, query: &str, limit: usize, typing: &mut Typing) -> Vec<Hit> {
        let cleaned = clean_query(query);
        let hits = self.search_words(&cleaned, limit, typing);
        // A code typed with other words (应答码51, 51错误, code51): its entry first.
        match self.embedded_code(&cleaned) {
            Some(code) if normalize_code(&cleaned).is_none() => {
                let mut first = self.search_one(&code, 1, None);
                let code_id = first.first().map(|h| h.id.clone());
                first.extend(hits.into_iter().filter(|h| Some(&h.id) != code_id.as_ref()));
                first.truncate(limit);
                first
            }
            _ => hits,
        }
    }

    /// A known response code inside a longer query: a run of two letters or digits on
    /// its own, or two digits after letters (`code51`, `rc05`).
    fn embedded_code(&self, query: &str) -> Option<String> {
        let mut runs = Vec::new();
        let mut run = String::new();
        for c in crate::model::fold_full_width(query)
            .chars()
            .chain(std::iter::once(' '))
        {
            if c.is_ascii_alphanumeric() {
                run.push(c);
            } else if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        }
        runs.iter().find_map(|run| {
            let digits = run.trim_start_matches(|c: char| c.is_ascii_alphabetic());
            let candidate = if run.len() == 2 {
                run.as_str()
            } else if digits.len() == 2 && digits.len() < run.len() {
                digits
            } else {
                return None;
            };
            let code = normalize_code(candidate)?;
            self.by_code.contains_key(&code).then_some(code)
        })
    }

    /// The whole query, then its words, then the words it is made of.
    fn search_words(&self, cleaned: &str, limit: usize, typing: &mut Typing) -> Vec<Hit> {
        let hits = self.search_one(cleaned, limit, Some(typing));
        if !hits.is_empty() {
            return hits;
        }
        // Each word without the particles spoken after it; a word that is only a particle
        // (`余额不足 吗`) is no word to match.
        let words: Vec<String> = cleaned
            .split_whitespace()
            .filter(|w| !only_particles(w))
            .map(drop_particles)
            .collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        match words.as_slice() {
            [] => Vec::new(),
            [one] if *one == cleaned => self.search_split(one, limit),
            [one] => self.search_one(one, limit, None),
            many => self.search_all(many, limit),
        }
    }

    /// A query of one word that found nothing, read as the words it may be made of:
    /// Chinese by the word list (网络故障 → 网络 + 故障, which may be apart in a title),
    /// the initials of a four-character phrase as two words (`wlgz` → `wl` + `gz`), the
    /// commonest shape of a Chinese phrase; longer runs of letters are too loose to split.
    fn search_split(&self, word: &str, limit: usize) -> Vec<Hit> {
        let word = crate::model::fold_full_width(word).to_ascii_lowercase();
        let pieces: Vec<String> = if word.bytes().all(|b| b.is_ascii_lowercase()) {
            if word.len() != 4 {
                return Vec::new();
            }
            word.as_bytes()
                .chunks(2)
                .map(|pair| String::from_utf8_lossy(pair).into_owned())
                .collect()
        } else {
            self.words.split(&word)
        };
        // A lone character (要, 了) or an everyday word (没有, 可以) is too common to require.
        let pieces: Vec<&str> = pieces
            .iter()
            .map(String::as_str)
            .filter(|p| p.chars().count() > 1 && !self.words.is_filler(p))
            .collect();
        let hits = match pieces.as_slice() {
            [] => return Vec::new(),
            [one] if *one == word.as_str() => return Vec::new(),
            [one] => self.search_one(one, limit, None),
            many => self.search_all(many, limit),
        };
        // Pieces can meet by chance far apart in a long text: keep what is near the best.
        let best = hits.first().map_or(0.0, |h| h.score);
        hits.into_iter()
            .filter(|h| h.score >= best * SPLIT_KEEPS)
            .collect()
    }

    /// Items that share the most two-character pieces with a query that found nothing:
    /// the "did you mean" list (`顾客要退钱` → the refund item, through 退钱); for letters,
    /// what the longest start of the query finds (`shuabuliaoka` → 刷不了).
    pub fn suggest(&self, query: &str, limit: usize) -> Vec<Hit> {
        let chars: Vec<char> = clean_query(query)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        // Per document: how many pieces found it, their scores, and its best piece's match.
        let mut votes: HashMap<usize, (usize, f64, Ranked, usize)> = HashMap::new();
        let mut terms = Vec::new();
        // Chinese pieces only: letters already get the forgiving pinyin fallback, and
        // two letters match far too much to suggest anything.
        for pair in chars.windows(2).filter(|p| p.iter().all(|c| !c.is_ascii())) {
            let piece: String = pair.iter().collect();
            let Some(term) = Term::new(&piece) else {
                continue;
            };
            for entry in self.ranked(&term, &piece, 50, None, None) {
                match votes.entry(entry.doc) {
                    Entry::Occupied(mut vote) => {
                        let (count, score, _, _) = vote.get_mut();
                        *count += 1;
                        *score += entry.score;
                    }
                    Entry::Vacant(vote) => {
                        vote.insert((1, entry.score, entry, terms.len()));
                    }
                }
            }
            terms.push(term);
        }
        // Letters: a word typed a little too far (`shuabuliaoka`) or with a slip near
        // its end: the longest start of it that finds something.
        if terms.is_empty() && chars.iter().all(char::is_ascii_alphanumeric) {
            let shortest = (chars.len() * 3).div_ceil(4).max(4);
            for end in (shortest..chars.len()).rev() {
                let start: String = chars.get(..end).unwrap_or_default().iter().collect();
                let found = self.search_one(&start, limit, None);
                if !found.is_empty() {
                    return found;
                }
            }
        }
        let mut votes: Vec<_> = votes.into_values().collect();
        votes.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(b.1.total_cmp(&a.1))
                .then(a.2.doc.cmp(&b.2.doc))
        });
        votes
            .into_iter()
            .take(limit)
            .filter_map(|(_, _, entry, term)| self.hit(entry, terms.get(term)?))
            .collect()
    }

    /// Items every word matches, by the sum of their scores.
    fn search_all(&self, words: &[&str], limit: usize) -> Vec<Hit> {
        // Enough of each word's results that the intersection is not cut short.
        let wide = limit.saturating_mul(20).max(2_000);
        let terms: Vec<(Term, &str)> = words
            .iter()
            .filter_map(|w| Some((Term::new(w)?, *w)))
            .collect();
        // Only documents every word can match are ranked at all.
        let mut every: Option<DocSet> = None;
        for (term, _) in &terms {
            let symbols = self.query_symbols(term);
            let (mut can, _) = self.zone_candidates(Zone::Head, term, &symbols, None);
            can.union(&self.zone_candidates(Zone::Body, term, &symbols, None).0);
            // A Chinese word typed with a character missing still counts (its characters
            // anywhere in a title); pinyin typos do not, in a query of several words.
            can.union(&self.candidates.containing(Zone::Head, &symbols));
            match &mut every {
                Some(every) => every.intersect(&can),
                None => every = Some(can),
            }
        }
        let mut found: Option<HashMap<usize, Ranked>> = None;
        for (term, word) in &terms {
            let ranked = self.ranked(term, word, wide, None, every.as_ref());
            found = Some(match found {
                None => ranked.into_iter().map(|r| (r.doc, r)).collect(),
                Some(mut kept) => {
                    let mut both = HashMap::with_capacity(kept.len().min(ranked.len()));
                    for entry in ranked {
                        if let Some(mut first) = kept.remove(&entry.doc) {
                            first.score += entry.score;
                            both.insert(entry.doc, first);
                        }
                    }
                    both
                }
            });
        }
        let mut ranked: Vec<Ranked> = found.unwrap_or_default().into_values().collect();
        ranked.sort_by(by_rank);
        ranked.truncate(limit);
        let Some(((first, _), others)) = terms.split_first() else {
            return Vec::new();
        };
        ranked
            .into_iter()
            .filter_map(|entry| {
                let mut hit = self.hit(entry, first)?;
                for (term, _) in others {
                    for p in self.title_positions(&hit.title, term) {
                        if !hit.title_positions.contains(&p) {
                            hit.title_positions.push(p);
                        }
                    }
                }
                hit.title_positions.sort_unstable();
                Some(hit)
            })
            .collect()
    }

    /// Ranked results for one query as typed; with `typing`, reusing what the previous
    /// query left in play and remembering what this one leaves.
    fn search_one(&self, query: &str, limit: usize, typing: Option<&mut Typing>) -> Vec<Hit> {
        let Some(term) = Term::new(query) else {
            if let Some(typing) = typing {
                typing.forget();
            }
            return Vec::new();
        };
        self.ranked(&term, query, limit, typing, None)
            .into_iter()
            .filter_map(|entry| self.hit(entry, &term))
            .collect()
    }

    /// The best `limit` documents for a query, best first, bonuses included.
    fn ranked(
        &self,
        term: &Term,
        query: &str,
        limit: usize,
        typing: Option<&mut Typing>,
        within: Option<&DocSet>,
    ) -> Vec<Ranked> {
        let key = term.key();
        let prior = typing.as_deref().and_then(|t| t.prior_for(self.id, &key));
        // Where this query can match at all: what the previous query left in play, or
        // the documents the caller allows.
        let head_in = within.or(prior.map(|p| &p.head));
        let body_in = within.or(prior.map(|p| &p.body));
        let code = normalize_code(query)
            .filter(|_| term.chars <= 2)
            .and_then(|code| self.by_code.get(&code).copied());
        // At least three kept, whatever the limit: fewer than three matches is what calls
        // the fallback below, and skipping must not change that.
        let keep = limit.max(3);
        let (mut ranked, head, body) = self.rank(term, code, keep, head_in, body_in);
        let mut fuzzy = None;
        // Fuzzy matching is loose: only when exact and pinyin matching found little.
        if ranked.len() < 3 {
            let symbols = self.query_symbols(term);
            let literal = self.candidates.containing(Zone::Head, &symbols);
            let earlier = within.or(prior
                .filter(|p| key.extends_loosely(&p.key))
                .and_then(|p| p.fuzzy.as_ref()));
            let mut loose = literal.clone();
            if let Some(&first) = term.loose.first() {
                loose.union(&self.candidates.initial(Zone::Head, first));
            }
            if let Some(earlier) = earlier {
                loose.intersect(earlier);
            }
            let never = self.add_fuzzy(term, &loose, &literal, code, keep, &mut ranked);
            for doc in never {
                loose.remove(doc);
            }
            fuzzy = Some(loose);
        }
        if let Some(typing) = typing {
            typing.remember(Prior {
                index: self.id,
                key,
                head,
                body,
                fuzzy,
            });
        }
        for entry in &mut ranked {
            entry.score += self.bonus(entry.doc, code);
        }
        if limit == 0 {
            return Vec::new();
        }
        if ranked.len() > limit {
            ranked.select_nth_unstable_by(limit - 1, by_rank);
            ranked.truncate(limit);
        }
        ranked.sort_by(by_rank);
        ranked
    }

    /// What a document gets on top of its match: its kind's bonus, and more when it is
    /// the entry of the very code typed (`code`, that entry's document).
    fn bonus(&self, doc: usize, code: Option<usize>) -> f64 {
        let kind = self.scans.get(doc).map_or(0.0, |d| d.kind_bonus);
        kind + if code == Some(doc) {
            EXACT_CODE_BONUS
        } else {
            0.0
        }
    }

    fn query_symbols(&self, term: &Term) -> Vec<Option<Symbol>> {
        term.literal
            .chars()
            .map(|c| self.readings.lookup(c))
            .collect()
    }

    /// Documents of a zone that the query can match, and those it can match literally,
    /// within what the previous query left in play.
    fn zone_candidates(
        &self,
        zone: Zone,
        term: &Term,
        symbols: &[Option<Symbol>],
        in_play: Option<&DocSet>,
    ) -> (DocSet, DocSet) {
        let mut literal = self.candidates.literal(zone, symbols, &self.readings);
        if let Some(in_play) = in_play {
            literal.intersect(in_play);
        }
        let mut all = literal.clone();
        if !term.pinyin.is_empty() {
            let mut pinyin = self.candidates.pinyin(zone, &term.pinyin);
            if let Some(in_play) = in_play {
                pinyin.intersect(in_play);
            }
            all.union(&pinyin);
        }
        (all, literal)
    }

    /// What a query's best match can score, from its shape alone.
    fn shape(&self, term: &Term, symbols: &[Option<Symbol>]) -> QueryShape {
        let literal_first = symbols
            .first()
            .copied()
            .flatten()
            .map_or(0, |s| self.readings.initials(s));
        let pinyin_first = term.pinyin.first().copied().map_or(0, pinyin::letter_bit);
        QueryShape {
            chars: term.chars,
            literal_first,
            letters: term.pinyin.len(),
            pinyin_first,
            whole_possible: term.pinyin.len() > 1
                || pinyin_first & self.single_letter_syllables != 0,
        }
    }

    /// Each matching document's best field (score without bonuses), enough of them for
    /// the top `keep`; and the documents of each zone still in play for a longer query
    /// (those matched, and those skipped because they could not reach the top).
    /// Titles, aliases, codes and ids are matched first; body text only where it could
    /// still reach the top: at large sizes most candidates match only in bodies that rank
    /// too low.
    fn rank(
        &self,
        term: &Term,
        code: Option<usize>,
        keep: usize,
        head_in: Option<&DocSet>,
        body_in: Option<&DocSet>,
    ) -> (Vec<Ranked>, DocSet, DocSet) {
        let symbols = self.query_symbols(term);
        let shape = self.shape(term, &symbols);
        let (mut heads, head_literal) = self.zone_candidates(Zone::Head, term, &symbols, head_in);
        let docs: Vec<usize> = heads.iter().collect();
        let (ranked, missed) = self.best_heads(&docs, &head_literal, term, &shape, code, keep);
        for doc in missed {
            heads.remove(doc);
        }
        let mut top = TopScores::new(keep);
        for r in &ranked {
            top.push(r.score + self.bonus(r.doc, code));
        }
        let (mut bodies, body_literal) = self.zone_candidates(Zone::Body, term, &symbols, body_in);
        let any_literal = body_literal.iter().next().is_some();
        let best_possible_body =
            FieldName::Body.weight() * if any_literal { LITERAL_MAX } else { PINYIN_MAX };
        if best_possible_body + MAX_KIND_BONUS < top.threshold() {
            return (ranked, heads, bodies);
        }
        // Both lists are in document order: merge, keeping each document's best field.
        let mut merged = Vec::with_capacity(ranked.len());
        let mut body_missed = Vec::new();
        let mut head_ranked = ranked.into_iter().peekable();
        for doc in bodies.iter() {
            while let Some(head) = head_ranked.next_if(|h| h.doc < doc) {
                merged.push(head);
            }
            let head = head_ranked.next_if(|h| h.doc == doc);
            let Some(d) = self.scans.get(doc) else {
                continue;
            };
            let literal = body_literal.contains(doc);
            let head_score = head.as_ref().map_or(f64::NEG_INFINITY, |h| h.score);
            let bound = shape.best(&d.body_reach, literal);
            let bonus = self.bonus(doc, code);
            let body = if bound > head_score && bound + bonus >= top.threshold() {
                let found = self.best_field(doc, d.body_fields(), term, literal);
                match &found {
                    Some(b) => top.push(b.score + bonus),
                    None => body_missed.push(doc),
                }
                found
            } else {
                None
            };
            let best = match (head, body) {
                (Some(h), Some(b)) => Some(if b.score > h.score { b } else { h }),
                (h, b) => h.or(b),
            };
            merged.extend(best);
        }
        merged.extend(head_ranked);
        for doc in body_missed {
            bodies.remove(doc);
        }
        (merged, heads, bodies)
    }

    /// The best title, alias, code or id match of each document that could reach the
    /// top `keep`, in document order; and the documents examined that did not match.
    /// Large candidate lists are split across two threads: the machines this runs on
    /// have at least two cores, and a huge pack's query is otherwise all on one.
    fn best_heads(
        &self,
        docs: &[usize],
        literal: &DocSet,
        term: &Term,
        shape: &QueryShape,
        code: Option<usize>,
        keep: usize,
    ) -> (Vec<Ranked>, Vec<usize>) {
        let scan = |docs: &[usize]| -> (Vec<Ranked>, Vec<usize>) {
            let mut top = TopScores::new(keep);
            let mut ranked = Vec::new();
            let mut missed = Vec::new();
            for &doc in docs {
                let Some(d) = self.scans.get(doc) else {
                    continue;
                };
                let literal = literal.contains(doc);
                let bonus = self.bonus(doc, code);
                if shape.best(&d.head_reach, literal) + bonus < top.threshold() {
                    continue;
                }
                match self.best_field(doc, d.head_fields(), term, literal) {
                    Some(found) => {
                        top.push(found.score + bonus);
                        ranked.push(found);
                    }
                    None => missed.push(doc),
                }
            }
            (ranked, missed)
        };
        if docs.len() < PARALLEL_FROM {
            return scan(docs);
        }
        let (first, second) = docs.split_at(docs.len() / 2);
        std::thread::scope(|scope| {
            let other = scope.spawn(|| scan(second));
            let (mut ranked, mut missed) = scan(first);
            match other.join() {
                Ok((more, more_missed)) => {
                    ranked.extend(more);
                    missed.extend(more_missed);
                }
                Err(panic) => std::panic::resume_unwind(panic),
            }
            (ranked, missed)
        })
    }

    fn best_field(
        &self,
        doc: usize,
        fields: std::ops::Range<usize>,
        term: &Term,
        literal_possible: bool,
    ) -> Option<Ranked> {
        let mut best: Option<Ranked> = None;
        for field_index in fields {
            let Some(field) = self.fields.get(field_index) else {
                continue;
            };
            if let Some(found) = self.match_field(&self.text_of(field), term, literal_possible) {
                let mut score = found.score;
                // Deep in a long text, a match is less likely to be what the item is about.
                if field.name == FieldName::Body {
                    let depth = found.span.start().min(DEEP_IN_BODY) as f64;
                    score -= BODY_DEPTH * depth / DEEP_IN_BODY as f64;
                }
                let score = score * field.name.weight();
                if best.as_ref().is_none_or(|b| score > b.score) {
                    best = Some(Ranked {
                        score,
                        doc,
                        field: field_index,
                    });
                }
            }
        }
        best
    }

    fn hit(&self, entry: Ranked, term: &Term) -> Option<Hit> {
        let item = self.item(entry.doc)?;
        let title = item.title();
        let f = self.fields.get(entry.field)?;
        let text = self.text_of(f);
        let positions = self
            .match_field(&text, term, true)
            .or_else(|| self.fuzzy_field(f, term, true).ok())
            .map(|m| m.span.positions())
            .unwrap_or_default();
        let written = self.written(f);
        let title_positions = if f.name == FieldName::Title && written == title {
            positions.clone()
        } else {
            self.title_positions(&title, term)
        };
        Some(Hit {
            kind: item.kind(),
            id: item.id().to_string(),
            title,
            score: (entry.score * 10.0).round() / 10.0,
            field: f.name,
            text: written.to_string(),
            positions,
            title_positions,
        })
    }

    /// Where a term matches a title, for highlighting when the best match was elsewhere.
    fn title_positions(&self, title: &str, term: &Term) -> Vec<usize> {
        let written = crate::model::Text::new(title);
        let symbols: Vec<Symbol> = title
            .chars()
            .map(|c| {
                self.readings
                    .lookup(c.to_ascii_lowercase())
                    .unwrap_or(OTHER)
            })
            .collect();
        let text = Text {
            text: &written,
            capitals: title.bytes().any(|b| b.is_ascii_uppercase()),
            symbols: &symbols,
            initials: symbols
                .iter()
                .fold(0, |m, &s| m | self.readings.initials(s)),
            edges: words::none().field(0..0),
        };
        self.match_field(&text, term, true)
            .map(|m| m.span.positions())
            .unwrap_or_default()
    }

    /// `literal_possible` is false for documents the literal bitsets ruled out.
    fn match_field(
        &self,
        field: &Text<'_>,
        term: &Term,
        literal_possible: bool,
    ) -> Option<FieldMatch> {
        if literal_possible {
            let literal = match_literal(field, term);
            if literal.is_some() {
                return literal;
            }
        }
        let first = term.pinyin.first().copied().map_or(0, pinyin::letter_bit);
        if field.initials & first == 0 {
            return None;
        }
        let found = pinyin::find(&term.pinyin, field.symbols, &self.readings)?;
        let total = field.symbols.len().max(1) as f64;
        let whole = found.full_syllables as f64 / found.len.max(1) as f64;
        let mut score = 70.0 + 15.0 * whole + 10.0 * (found.len as f64 / total);
        if found.start == 0 {
            score += 10.0;
        }
        // A character read by a rare reading (度 as zhai) is a weak sign of what was meant.
        score -= 12.0 * found.rare_readings as f64;
        if found.len > 1 && !field.edges.whole_words(found.start, found.len) {
            score -= THROUGH_A_WORD;
        }
        Some(FieldMatch {
            score,
            span: Span::Run {
                start: found.start,
                len: found.len,
            },
        })
    }

    /// Titles and aliases holding the query's characters, or its loosened pinyin, in
    /// order and close together: the fallback for hurried typing (`yubuzu`, `zu` for `zhu`).
    /// `literal_possible` is false for documents that lack some character of the query.
    /// A miss says whether a longer query could still match the field.
    fn fuzzy_field(
        &self,
        field: &Field,
        term: &Term,
        literal_possible: bool,
    ) -> Result<FieldMatch, Miss> {
        if !matches!(field.name, FieldName::Title | FieldName::Alias) {
            return Err(Miss::Never);
        }
        // Both loose matches need every letter of the loosened query somewhere in the
        // field: a cheap test that spares most fields the real one.
        if letter_set(term.loose.iter().copied()) & !field.letters != 0 {
            return Err(Miss::Never);
        }
        if term.chars < 2 {
            return Err(Miss::NotYet);
        }
        let text = self.text_of(field);
        let coverage = |matched: usize| matched as f64 / text.symbols.len().max(1) as f64;
        let literal = literal_possible
            .then(|| term.skim.fuzzy_indices(text.text.as_str(), &term.literal))
            .flatten();
        let literal_in_order = literal.is_some();
        if let Some((_, positions)) = literal {
            if span(&positions) <= term.chars * 2 {
                return Ok(FieldMatch {
                    score: 30.0 + 20.0 * coverage(positions.len()),
                    span: Span::Scattered(positions),
                });
            }
        }
        let spelled = self.spelled.text.get(field.spelled()).unwrap_or_default();
        let spelled_in_order = !term.loose.is_empty() && is_subsequence(&term.loose, spelled);
        // Neither the characters nor the spelling in order: no longer query can match.
        let miss = if literal_in_order || spelled_in_order {
            Miss::NotYet
        } else {
            Miss::Never
        };
        if term.pinyin.len() < 3 || !spelled_in_order {
            return Err(miss);
        }
        let max_span = term.loose.len() + term.loose.len() / 2 + 2;
        let Some(indices) = tight_subsequence(spelled, &term.loose, max_span) else {
            return Err(miss);
        };
        let owners = self.spelled.owners.get(field.spelled()).unwrap_or_default();
        let mut positions: Vec<usize> = indices
            .iter()
            .filter_map(|&i| owners.get(i).map(|&o| o as usize))
            .collect();
        positions.dedup();
        Ok(FieldMatch {
            score: 20.0 + 20.0 * coverage(positions.len()),
            span: Span::Scattered(positions),
        })
    }

    fn spelled_in_order(&self, doc: &DocScan, term: &Term) -> bool {
        let spelled = self.spelled.text.get(doc.spelled());
        is_subsequence(&term.loose, spelled.unwrap_or_default())
    }

    /// Adds the fallback's matches among `candidates` to `ranked`; returns the documents
    /// that no longer query can match either.
    fn add_fuzzy(
        &self,
        term: &Term,
        candidates: &DocSet,
        literal: &DocSet,
        code: Option<usize>,
        keep: usize,
        ranked: &mut Vec<Ranked>,
    ) -> Vec<usize> {
        // Only the few documents ranked before the fallback can repeat.
        let already: Vec<usize> = ranked.iter().map(|r| r.doc).collect();
        let needed = letter_set(term.loose.iter().copied());
        let docs: Vec<usize> = candidates
            .iter()
            .filter(|doc| !already.contains(doc))
            .collect();
        let scan = |docs: &[usize]| -> (Vec<Ranked>, Vec<usize>) {
            let mut found = Vec::new();
            let mut never = Vec::new();
            let mut top = TopScores::new(keep);
            for r in ranked.iter() {
                top.push(r.score + self.bonus(r.doc, code));
            }
            for &doc in docs {
                let bonus = self.bonus(doc, code);
                let could = self.scans.get(doc).map_or(f64::NEG_INFINITY, |d| {
                    fuzzy_best(d, term, literal.contains(doc))
                });
                if could + bonus < top.threshold() {
                    continue;
                }
                let Some(d) = self
                    .scans
                    .get(doc)
                    .filter(|d| needed & !d.fuzzy_letters == 0)
                else {
                    never.push(doc);
                    continue;
                };
                let literal_possible = literal.contains(doc);
                // Without the characters, only the spelling can match: all of a document's
                // spelling in one run is one quick test before any field is looked at.
                if !literal_possible && (term.loose.is_empty() || !self.spelled_in_order(d, term)) {
                    never.push(doc);
                    continue;
                }
                let mut best: Option<Ranked> = None;
                let mut could_later = false;
                for i in d.head_fields() {
                    let Some(field) = self.fields.get(i) else {
                        continue;
                    };
                    match self.fuzzy_field(field, term, literal_possible) {
                        Ok(m) => {
                            let score = m.score * field.name.weight();
                            if best.as_ref().is_none_or(|b| score > b.score) {
                                best = Some(Ranked {
                                    score,
                                    doc,
                                    field: i,
                                });
                            }
                        }
                        Err(Miss::NotYet) => could_later = true,
                        Err(Miss::Never) => {}
                    }
                }
                match best {
                    Some(best) => {
                        top.push(best.score + bonus);
                        found.push(best);
                    }
                    None if !could_later => never.push(doc),
                    None => {}
                }
            }
            (found, never)
        };
        let (found, never) = if docs.len() < PARALLEL_FROM {
            scan(&docs)
        } else {
            let (first, second) = docs.split_at(docs.len() / 2);
            std::thread::scope(|scope| {
                let other = scope.spawn(|| scan(second));
                let (mut found, mut never) = scan(first);
                match other.join() {
                    Ok((more, more_never)) => {
                        found.extend(more);
                        never.extend(more_never);
                    }
                    Err(panic) => std::panic::resume_unwind(panic),
                }
                (found, never)
            })
        };
        ranked.extend(found);
        never
    }
}

/// The highest score the fallback for hurried typing can give a document, before
/// bonuses: mirrors the scores in `fuzzy_field`, where a match covers at most one
/// character per letter (or per character) of the query.
fn fuzzy_best(doc: &DocScan, term: &Term, literal_possible: bool) -> f64 {
    let shortest = f64::from(doc.fuzzy_min_chars.max(1));
    let by_spelling = 20.0 + 20.0 * (term.loose.len() as f64 / shortest).min(1.0);
    let by_characters = 30.0 + 20.0 * (term.chars as f64 / shortest).min(1.0);
    let best = if literal_possible {
        by_characters.max(by_spelling)
    } else {
        by_spelling
    };
    best * FieldName::Title.weight().max(FieldName::Alias.weight())
}

/// Why the fallback for hurried typing found nothing in a field.
enum Miss {
    /// Nor will any query that extends this one.
    Never,
    /// A longer query might still match.
    NotYet,
}

/// Whether `needle` occurs in `hay` in order, gaps allowed.
fn is_subsequence(needle: &[u8], hay: &[u8]) -> bool {
    // Titles are short: a plain walk beats a search per letter.
    let mut wanted = needle.iter().peekable();
    for byte in hay {
        if wanted.next_if_eq(&byte).is_some() && wanted.peek().is_none() {
            return true;
        }
    }
    wanted.peek().is_none()
}

/// Appends a text spelled out in loosened pinyin.
fn spell(readings: &Readings, symbols: &[Symbol], spelled: &mut Spelled) {
    for (position, &symbol) in symbols.iter().enumerate() {
        let Some(reading) = readings.primary(symbol) else {
            continue;
        };
        for byte in pinyin::loosen(reading) {
            spelled.text.push(byte);
            spelled
                .owners
                .push(u16::try_from(position).unwrap_or(u16::MAX));
        }
    }
}

/// The shortest stretch of `hay` that holds `needle` in order, at most `max_span` long:
/// the positions it used. Hurried typing drops letters but rarely scatters them.
fn tight_subsequence(hay: &[u8], needle: &[u8], max_span: usize) -> Option<Vec<usize>> {
    let first = *needle.first()?;
    let mut best: Option<Vec<usize>> = None;
    // One buffer for every start: most starts fail, and they should not allocate.
    let mut positions = Vec::with_capacity(needle.len());
    for start in memchr::memchr_iter(first, hay) {
        positions.clear();
        let limit = (start + max_span).min(hay.len());
        let mut at = start;
        for &wanted in needle {
            let found = hay
                .get(at..limit)
                .and_then(|rest| rest.iter().position(|&b| b == wanted));
            match found {
                Some(offset) => {
                    positions.push(at + offset);
                    at += offset + 1;
                }
                None => break,
            }
        }
        if positions.len() == needle.len()
            && best.as_ref().is_none_or(|b| span(&positions) < span(b))
        {
            best = Some(positions.clone());
        }
    }
    best
}

/// How many characters a scattered match spreads over.
fn span(positions: &[usize]) -> usize {
    positions
        .last()
        .zip(positions.first())
        .map_or(0, |(last, first)| last - first + 1)
}

/// The highest score `match_literal` gives.
const LITERAL_MAX: f64 = 175.0;
/// The highest score a pinyin match gets in `match_field`.
const PINYIN_MAX: f64 = 105.0;
/// Candidate lists from this long on are scanned on two threads.
const PARALLEL_FROM: usize = 8192;
/// What a match loses when it begins or ends inside a word (证失 in 认证失败): the
/// clerk typed a word, and it is elsewhere.
const THROUGH_A_WORD: f64 = 12.0;
/// What a match in body text loses, at most, for being far from the text's start, and
/// the depth in characters at which it loses all of that.
const BODY_DEPTH: f64 = 20.0;
const DEEP_IN_BODY: usize = 60;
/// A phrase searched as its words keeps results scoring at least this share of the best.
const SPLIT_KEEPS: f64 = 0.6;
/// The highest `kind_bonus`.
const MAX_KIND_BONUS: f64 = 15.0;
/// What the item of the very code typed gets on top of its score.
const EXACT_CODE_BONUS: f64 = 1000.0;

/// Where `needle` (lower-case) first occurs in `hay`, ASCII case ignored: for the few
/// texts with capitals (English lines, codes), which the index does not copy lower-cased.
fn find_ignoring_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

fn match_literal(field: &Text<'_>, term: &Term) -> Option<FieldMatch> {
    let text = field.text.as_str();
    let byte_start = if field.capitals {
        find_ignoring_case(text.as_bytes(), term.literal.as_bytes())?
    } else {
        term.finder.find(text.as_bytes())?
    };
    let start = text.get(..byte_start)?.chars().count();
    let total = field.symbols.len().max(1);
    let mut score = 100.0 + 20.0 * (term.chars as f64 / total as f64);
    // Letters inside an English word (`xp` in "expired") are no match a clerk meant: a
    // Latin match must begin a word, or it ranks below pinyin matches of Chinese words.
    let inside_word = text.get(..byte_start).is_some_and(|before| {
        before
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric())
    }) && term.literal.bytes().all(|b| b.is_ascii_alphanumeric());
    if inside_word {
        score -= 30.0;
    }
    if start == 0 {
        score += 15.0;
        if term.chars == total {
            score += 40.0;
        }
    }
    // One character is where typing starts, not a word typed.
    if term.chars > 1 && !field.edges.whole_words(start, term.chars) {
        score -= THROUGH_A_WORD;
    }
    Some(FieldMatch {
        score,
        span: Span::Run {
            start,
            len: term.chars,
        },
    })
}
