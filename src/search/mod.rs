//! One search index over every kind and field of a pack.
//!
//! A query matches a field literally (Chinese, codes, ids, English), by pinyin (full,
//! initials or mixed) or, when little else matched, fuzzily on titles. Every hit carries
//! the character positions it matched in the original text, so a view can highlight the
//! Chinese characters a pinyin query found.

mod pinyin;

use crate::model::{normalize_code, Item, Kind, Pack};
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use pinyin::Readings;
use serde::Serialize;

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

struct Doc {
    kind: Kind,
    id: String,
    title: String,
    code: Option<String>,
}

struct Field {
    doc: u32,
    name: FieldName,
    text: String,
    /// `text` with ASCII lower-cased: byte offsets are the same as in `text`.
    lower: String,
    symbols: Vec<u32>,
    /// Union of the first letters of all readings: a query whose first letter is not
    /// in it cannot match by pinyin.
    initials: u64,
}

/// A prepared query: what literal and pinyin matching compare against.
struct Term {
    literal: String,
    pinyin: Vec<u8>,
    chars: usize,
}

impl Term {
    fn new(text: &str) -> Option<Term> {
        let literal = text.trim().to_ascii_lowercase();
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
        Some(Term {
            literal,
            pinyin,
            chars,
        })
    }
}

struct FieldMatch {
    score: f64,
    positions: Vec<usize>,
}

/// The search index of one pack. Build it once; queries borrow it.
pub struct SearchIndex {
    docs: Vec<Doc>,
    fields: Vec<Field>,
    readings: Readings,
}

impl SearchIndex {
    pub fn new(pack: &Pack) -> SearchIndex {
        let mut index = SearchIndex {
            docs: Vec::with_capacity(pack.len()),
            fields: Vec::new(),
            readings: Readings::new(),
        };
        for item in pack.items() {
            index.add_item(item);
        }
        index
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    fn add_item(&mut self, item: Item<'_>) {
        let doc = u32::try_from(self.docs.len()).unwrap_or(u32::MAX);
        let title = item.title();
        let mut code = None;
        let mut fields: Vec<(FieldName, &str)> = vec![(FieldName::Id, item.id())];
        match item {
            Item::Symptom(s) => {
                fields.push((FieldName::Title, &s.title));
                fields.extend(s.aliases.iter().map(|a| (FieldName::Alias, a.as_str())));
                fields.extend(s.codes.iter().map(|c| (FieldName::Code, c.as_str())));
                fields.push((FieldName::Body, &s.description));
                fields.extend(s.note.iter().map(|n| (FieldName::Body, n.as_str())));
            }
            Item::Cause(c) => {
                fields.push((FieldName::Title, &c.title));
                fields.push((FieldName::Alias, &c.category));
                fields.push((FieldName::Body, &c.description));
                fields.extend(
                    c.checks
                        .iter()
                        .chain(&c.questions)
                        .map(|t| (FieldName::Body, t.as_str())),
                );
            }
            Item::Solution(s) => {
                fields.push((FieldName::Title, &s.title));
                fields.extend(
                    s.steps
                        .iter()
                        .map(|step| (FieldName::Body, step.text.as_str())),
                );
                fields.extend(s.notes.iter().map(|n| (FieldName::Body, n.as_str())));
                if let Some(escalate) = &s.escalate {
                    fields.push((FieldName::Body, &escalate.when));
                    fields.extend(escalate.how.iter().map(|h| (FieldName::Body, h.as_str())));
                }
            }
            Item::Faq(f) => {
                fields.push((FieldName::Title, &f.question));
                fields.push((FieldName::Body, &f.answer));
            }
            Item::Code(c) => {
                code = Some(c.code.clone());
                fields.push((FieldName::Code, &c.code));
                fields.push((FieldName::Title, &c.display));
                fields.push((FieldName::Body, &c.meaning));
                fields.extend(
                    c.older_meaning
                        .iter()
                        .map(|t| (FieldName::Alias, t.as_str())),
                );
                fields.extend(
                    c.international
                        .iter()
                        .map(|t| (FieldName::Alias, t.as_str())),
                );
                fields.push((FieldName::Body, &c.action));
                fields.extend(c.conflict.iter().map(|t| (FieldName::Body, t.as_str())));
            }
            Item::Script(s) => {
                fields.push((FieldName::Title, &s.title));
                fields.extend(
                    s.say
                        .iter()
                        .chain(&s.avoid)
                        .map(|t| (FieldName::Body, t.as_str())),
                );
            }
        }
        for (name, text) in fields {
            let symbols: Vec<u32> = text.chars().map(|c| self.readings.symbol(c)).collect();
            let initials = symbols
                .iter()
                .fold(0, |mask, &s| mask | self.readings.initials(s));
            self.fields.push(Field {
                doc,
                name,
                text: text.to_string(),
                lower: text.to_ascii_lowercase(),
                symbols,
                initials,
            });
        }
        self.docs.push(Doc {
            kind: item.kind(),
            id: item.id().to_string(),
            title,
            code,
        });
    }

    /// Ranked results for a query, best first, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let Some(term) = Term::new(query) else {
            return Vec::new();
        };
        let mut best: Vec<Option<(f64, usize, Vec<usize>)>> = Vec::new();
        best.resize_with(self.docs.len(), || None);
        let mut matched = 0usize;
        for (field_index, field) in self.fields.iter().enumerate() {
            if let Some(found) = self.match_field(field, &term) {
                let doc = field.doc as usize;
                let score = found.score * field.name.weight();
                if let Some(slot) = best.get_mut(doc) {
                    match slot {
                        Some((old, _, _)) if *old >= score => {}
                        _ => {
                            if slot.is_none() {
                                matched += 1;
                            }
                            *slot = Some((score, field_index, found.positions));
                        }
                    }
                }
            }
        }
        // Fuzzy matching is slow and loose: only when exact and pinyin found little.
        if matched < 3 {
            self.fuzzy_titles(&term, &mut best);
        }
        let code = normalize_code(query).filter(|_| query.trim().len() <= 2);
        let mut hits: Vec<(f64, usize, usize, Vec<usize>)> = best
            .into_iter()
            .enumerate()
            .filter_map(|(doc, found)| {
                let (score, field, positions) = found?;
                let d = self.docs.get(doc)?;
                let mut total = score + kind_bonus(d.kind);
                if let Some(code) = &code {
                    if d.code.as_ref() == Some(code) {
                        total += 1000.0;
                    }
                }
                Some((total, doc, field, positions))
            })
            .collect();
        let by_rank = |a: &(f64, usize, usize, Vec<usize>), b: &(f64, usize, usize, Vec<usize>)| {
            b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
        };
        if hits.len() > limit && limit > 0 {
            hits.select_nth_unstable_by(limit - 1, by_rank);
            hits.truncate(limit);
        }
        hits.sort_by(by_rank);
        hits.truncate(limit);
        hits.into_iter()
            .filter_map(|(score, doc, field, positions)| {
                self.hit(score, doc, field, positions, &term)
            })
            .collect()
    }

    fn hit(
        &self,
        score: f64,
        doc: usize,
        field: usize,
        positions: Vec<usize>,
        term: &Term,
    ) -> Option<Hit> {
        let d = self.docs.get(doc)?;
        let f = self.fields.get(field)?;
        let title_positions = if f.name == FieldName::Title && f.text == d.title {
            positions.clone()
        } else {
            self.title_positions(&d.title, term)
        };
        Some(Hit {
            kind: d.kind,
            id: d.id.clone(),
            title: d.title.clone(),
            score: (score * 10.0).round() / 10.0,
            field: f.name,
            text: f.text.clone(),
            positions,
            title_positions,
        })
    }

    /// Where a term matches a title, for highlighting when the best match was elsewhere.
    fn title_positions(&self, title: &str, term: &Term) -> Vec<usize> {
        let symbols: Vec<u32> = title.chars().map(|c| self.readings.lookup(c)).collect();
        let field = Field {
            doc: 0,
            name: FieldName::Title,
            text: title.to_string(),
            lower: title.to_ascii_lowercase(),
            initials: symbols
                .iter()
                .fold(0, |m, &s| m | self.readings.initials(s)),
            symbols,
        };
        self.match_field(&field, term)
            .map(|m| m.positions)
            .unwrap_or_default()
    }

    fn match_field(&self, field: &Field, term: &Term) -> Option<FieldMatch> {
        let literal = match_literal(field, term);
        if literal.is_some() {
            return literal;
        }
        if term.pinyin.is_empty() {
            return None;
        }
        let first = term.pinyin.first().copied().map_or(0, pinyin::letter_bit);
        if field.initials & first == 0 {
            return None;
        }
        let found = pinyin::find(&term.pinyin, &field.symbols, &self.readings)?;
        let total = field.symbols.len().max(1) as f64;
        let whole = found.full_syllables as f64 / found.len.max(1) as f64;
        let mut score = 70.0 + 15.0 * whole + 10.0 * (found.len as f64 / total);
        if found.start == 0 {
            score += 10.0;
        }
        Some(FieldMatch {
            score,
            positions: (found.start..found.start + found.len).collect(),
        })
    }

    fn fuzzy_titles(&self, term: &Term, best: &mut [Option<(f64, usize, Vec<usize>)>]) {
        if term.chars < 2 {
            return;
        }
        let matcher = SkimMatcherV2::default();
        for (field_index, field) in self.fields.iter().enumerate() {
            if !matches!(field.name, FieldName::Title | FieldName::Alias) {
                continue;
            }
            let Some(slot) = best.get_mut(field.doc as usize) else {
                continue;
            };
            if slot.is_some() {
                continue;
            }
            let Some((_, positions)) = matcher.fuzzy_indices(&field.lower, &term.literal) else {
                continue;
            };
            // Scattered letters across a long title are noise, not a match.
            let spread = positions
                .last()
                .zip(positions.first())
                .map_or(0, |(l, f)| l - f + 1);
            if spread > term.chars * 2 {
                continue;
            }
            let coverage = term.chars as f64 / field.text.chars().count().max(1) as f64;
            *slot = Some((
                (30.0 + 20.0 * coverage) * field.name.weight(),
                field_index,
                positions,
            ));
        }
    }
}

fn match_literal(field: &Field, term: &Term) -> Option<FieldMatch> {
    let byte_start = memchr::memmem::find(field.lower.as_bytes(), term.literal.as_bytes())?;
    let start = field.lower.get(..byte_start)?.chars().count();
    let total = field.lower.chars().count().max(1);
    let mut score = 100.0 + 20.0 * (term.chars as f64 / total as f64);
    if start == 0 {
        score += 15.0;
        if term.chars == total {
            score += 40.0;
        }
    }
    Some(FieldMatch {
        score,
        positions: (start..start + term.chars).collect(),
    })
}
