//! Matching ASCII queries against Chinese text by pinyin.
//!
//! Every character is turned into a symbol whose readings are known: all pinyin readings
//! of a Chinese character (heteronyms included, primary reading first), the lower-case
//! character itself for ASCII letters and digits. A query matches a run of consecutive
//! characters when each character consumes either its whole reading or a prefix of it, so
//! full pinyin (`yuebuzu`), initials (`yebz`) and any mix (`yuebz`) all work.

use pinyin::ToPinyinMulti;
use std::collections::HashMap;

/// A distinct character of the indexed text: two bytes, as a pack's text holds far fewer
/// than 65,535 distinct characters.
pub type Symbol = u16;

/// The symbol of every character past the 65,534th distinct one (and of none): it has no
/// reading, so such characters are found literally only.
pub const OTHER: Symbol = Symbol::MAX;

/// The readings of every distinct character seen while indexing.
#[derive(Debug, Default)]
pub struct Readings {
    by_char: HashMap<char, Symbol>,
    /// Whether some character got [`OTHER`]: then a character not looked up may be one.
    overflowed: bool,
    readings: Vec<Vec<Box<[u8]>>>,
    /// For each symbol, the bitmask of the first letters of its readings.
    initials: Vec<u64>,
}

/// The bit of an ASCII letter or digit in a first-letter mask.
pub fn letter_bit(byte: u8) -> u64 {
    match byte {
        b'a'..=b'z' => 1 << (byte - b'a'),
        b'0'..=b'9' => 1 << (26 + byte - b'0'),
        _ => 0,
    }
}

impl Readings {
    pub fn new() -> Self {
        Readings::default()
    }

    /// The symbol for a character, registering its readings on first sight. Characters
    /// without a reading (punctuation) get a symbol too, so literal search can use them.
    pub fn symbol(&mut self, c: char) -> Symbol {
        if let Some(&symbol) = self.by_char.get(&c) {
            return symbol;
        }
        let Ok(symbol) = Symbol::try_from(self.readings.len()) else {
            self.overflowed = true;
            return OTHER;
        };
        if symbol == OTHER {
            self.overflowed = true;
            return OTHER;
        }
        let readings = readings_of(c);
        let mask = readings
            .iter()
            .filter_map(|r| r.first())
            .fold(0, |mask, &b| mask | letter_bit(b));
        self.readings.push(readings);
        self.initials.push(mask);
        self.by_char.insert(c, symbol);
        symbol
    }

    /// The symbol of a character seen while indexing; `None` if no text has it.
    pub fn lookup(&self, c: char) -> Option<Symbol> {
        match self.by_char.get(&c) {
            Some(&symbol) => Some(symbol),
            None => self.overflowed.then_some(OTHER),
        }
    }

    /// The most common reading of a character, first in the list.
    pub fn primary(&self, symbol: Symbol) -> Option<&[u8]> {
        self.readings.get(symbol as usize)?.first().map(|r| &r[..])
    }

    /// Every reading of every character seen.
    pub fn all(&self) -> impl Iterator<Item = &[u8]> {
        self.readings.iter().flatten().map(|r| &r[..])
    }

    /// The letters that are a whole reading of some Chinese character seen (阿 a, 哦 o):
    /// only these can match one character whole as a one-letter query.
    pub fn single_letter_syllables(&self) -> u64 {
        self.by_char
            .iter()
            .filter(|(c, _)| !c.is_ascii())
            .flat_map(|(_, &symbol)| self.readings(symbol))
            .filter(|reading| reading.len() == 1)
            .fold(0, |mask, reading| {
                mask | reading.first().copied().map_or(0, letter_bit)
            })
    }

    pub fn initials(&self, symbol: Symbol) -> u64 {
        self.initials.get(symbol as usize).copied().unwrap_or(0)
    }

    pub fn readings(&self, symbol: Symbol) -> &[Box<[u8]>] {
        self.readings
            .get(symbol as usize)
            .map_or(&[], Vec::as_slice)
    }
}

fn readings_of(c: char) -> Vec<Box<[u8]>> {
    if c.is_ascii_alphanumeric() {
        return vec![Box::from([c.to_ascii_lowercase() as u8])];
    }
    let Some(multi) = c.to_pinyin_multi() else {
        return Vec::new();
    };
    let mut readings: Vec<Box<[u8]>> = Vec::new();
    for reading in multi {
        let plain = reading.plain();
        // ü is typed as v on most keyboards, and often as u.
        let spellings = if plain.contains('ü') {
            vec![plain.replace('ü', "v"), plain.replace('ü', "u")]
        } else {
            vec![plain.to_string()]
        };
        for spelling in spellings {
            let bytes: Box<[u8]> = spelling.into_bytes().into_boxed_slice();
            if !readings.contains(&bytes) {
                readings.push(bytes);
            }
        }
    }
    readings
}

/// The longest reading of a character, in letters (zhuang, shuang).
const MAX_READING: usize = 6;

/// Pinyin as typed in a hurry by someone who does not tell z from zh, c from ch or s
/// from sh: every `h` after one of those is dropped, on both sides of a comparison.
pub fn loosen(spelling: &[u8]) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::with_capacity(spelling.len());
    for &byte in spelling {
        let after_zcs = matches!(out.last(), Some(b'z' | b'c' | b's'));
        if byte == b'h' && after_zcs {
            continue;
        }
        out.push(byte);
    }
    out
}

/// A pinyin match: the characters it covers, how many consumed a whole syllable, and how
/// many were read by a rare reading (a heteronym's second or later reading).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PinyinMatch {
    pub start: usize,
    pub len: usize,
    pub full_syllables: usize,
    pub rare_readings: usize,
}

impl PinyinMatch {
    /// Whole syllables make a match more certain; rare readings make it less.
    pub fn quality(&self) -> isize {
        self.full_syllables as isize * 2 - self.rare_readings as isize * 3
    }

    fn is_perfect(&self) -> bool {
        self.full_syllables == self.len && self.rare_readings == 0
    }
}

/// Finds the best pinyin match of `query` (lower-case ASCII letters and digits) in a
/// sequence of symbols: the best quality, and among equals the earliest.
pub fn find(query: &[u8], symbols: &[Symbol], readings: &Readings) -> Option<PinyinMatch> {
    let first = *query.first()?;
    let bit = letter_bit(first);
    if bit == 0 || query.len() > 64 {
        return None;
    }
    // The letters where a second character's reading can begin: a start whose next
    // character begins with none of them must take the whole query in one character.
    let second = query
        .iter()
        .skip(1)
        .take(MAX_READING)
        .fold(0, |mask, &b| mask | letter_bit(b));
    let mut best: Option<PinyinMatch> = None;
    for start in 0..symbols.len() {
        let symbol = symbols.get(start).copied().unwrap_or(OTHER);
        if readings.initials(symbol) & bit == 0 {
            continue;
        }
        if query.len() > 1 {
            let next = symbols.get(start + 1).map_or(0, |&s| readings.initials(s));
            let whole_in_one = || {
                readings
                    .readings(symbol)
                    .iter()
                    .any(|r| r.starts_with(query))
            };
            if next & second == 0 && !whole_in_one() {
                continue;
            }
        }
        let mut found = None;
        descend(
            query,
            symbols,
            start,
            PinyinMatch {
                start,
                len: 0,
                full_syllables: 0,
                rare_readings: 0,
            },
            readings,
            &mut found,
        );
        if let Some(candidate) = found {
            if best.is_none_or(|b| candidate.quality() > b.quality()) {
                best = Some(candidate);
            }
            if candidate.is_perfect() {
                break;
            }
        }
    }
    best
}

/// Depth-first over the ways the next characters can consume the query; keeps the way
/// of the best quality. The query's length bounds the depth.
fn descend(
    query: &[u8],
    symbols: &[Symbol],
    at: usize,
    so_far: PinyinMatch,
    readings: &Readings,
    best: &mut Option<PinyinMatch>,
) {
    if query.is_empty() {
        if best.is_none_or(|b| so_far.quality() > b.quality()) {
            *best = Some(so_far);
        }
        return;
    }
    let Some(&symbol) = symbols.get(at) else {
        return;
    };
    for (rank, reading) in readings.readings(symbol).iter().enumerate() {
        let common = reading
            .iter()
            .zip(query)
            .take_while(|(a, b)| a == b)
            .count();
        for taken in (1..=common).rev() {
            let next = PinyinMatch {
                start: so_far.start,
                len: so_far.len + 1,
                full_syllables: so_far.full_syllables + usize::from(taken == reading.len()),
                rare_readings: so_far.rare_readings + usize::from(rank > 0),
            };
            let rest = query.get(taken..).unwrap_or_default();
            descend(rest, symbols, at + 1, next, readings, best);
            if best.is_some_and(|b| b.is_perfect()) {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn symbols(text: &str, readings: &mut Readings) -> Vec<Symbol> {
        text.chars().map(|c| readings.symbol(c)).collect()
    }

    #[test]
    fn full_initials_and_mixed_pinyin_match() {
        let mut readings = Readings::new();
        let text = symbols("持卡人账户余额不足", &mut readings);
        for query in ["yuebuzu", "yebz", "yuebz", "yue", "ye"] {
            let found = find(query.as_bytes(), &text, &readings);
            assert_eq!(found.map(|m| m.start), Some(5), "{query}");
        }
        assert!(find(b"xyzq", &text, &readings).is_none());
    }

    #[test]
    fn heteronyms_and_u_umlaut_are_readable() {
        let mut readings = Readings::new();
        let text = symbols("银行", &mut readings);
        assert!(find(b"yinhang", &text, &readings).is_some());
        assert!(find(b"yh", &text, &readings).is_some());
        let green = symbols("绿", &mut readings);
        assert!(find(b"lv", &green, &readings).is_some());
    }

    #[test]
    fn loosening_drops_the_h_of_zh_ch_sh_only() {
        assert_eq!(loosen(b"zhongshenghuo"), b"zongsenghuo".to_vec());
        assert_eq!(loosen(b"zu"), b"zu".to_vec());
    }

    #[test]
    fn punctuation_breaks_a_run() {
        let mut readings = Readings::new();
        let text = symbols("余，额", &mut readings);
        assert!(find(b"ye", &text, &readings).is_none());
    }
}
