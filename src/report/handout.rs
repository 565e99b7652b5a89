//! The printed handout for trainers: contents, a one-page cheat sheet of the common codes,
//! one page per symptom with each of its causes whole (how to tell, steps, what to say),
//! then the FAQ and the full code table as appendices. Markdown and HTML both render this
//! one structure, so they cannot disagree on what a handout holds.
//!
//! On paper a link is just its words, so every reference names the place it points to by
//! its section number (「第2节」「附录二」); links in HTML are a convenience on top.

use super::card::{self, CardLine};
use super::{item_blocks_with, labels, Block, LinkLine, Sources};
use crate::model::{Actor, Code, Item, Kind, Pack, Verdict};
use std::collections::{HashMap, HashSet};

/// What goes into a handout.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HandoutOptions {
    /// Source lines on items and step origins, and the list of sources as an appendix.
    pub sources: Sources,
}

/// How many codes the cheat sheet holds: as many as fit one A4 page at the sheet's type
/// size with the shipped pack's texts (`tests/handout_print.rs` prints it and counts).
pub const CHEAT_SHEET_ROWS: usize = 16;

/// The anchor of the cheat sheet, and the prefix of its rows' anchors.
/// Anchors of the handout's own parts have an underscore, which no item id (kebab-case, the
/// loader checks) can have: an item called `faq` cannot take the FAQ's place.
const CHEAT_SHEET_ANCHOR: &str = "part_cheat_sheet";

/// Where a part of the handout stands in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    /// A numbered section: the cheat sheet and the symptoms.
    Section(usize),
    /// An appendix, counted from one.
    Appendix(usize),
}

impl Number {
    /// As a heading shows it: 「2」, 「附录二」.
    pub fn label(self) -> String {
        match self {
            Number::Section(n) => n.to_string(),
            Number::Appendix(n) => crate::t!("report.handout.appendix", n = numeral(n)),
        }
    }

    /// As a reference on paper names it: 「第2节」, 「附录二」.
    pub fn reference(self) -> String {
        match self {
            Number::Section(n) => crate::t!("report.handout.section", n = n),
            Number::Appendix(_) => self.label(),
        }
    }
}

/// How appendices are counted in the language (一, 二, … in Chinese); they are few, and
/// past the catalog's numerals they are counted in digits.
fn numeral(n: usize) -> String {
    crate::t!("report.handout.numerals")
        .split_whitespace()
        .nth(n)
        .map_or_else(|| n.to_string(), str::to_string)
}

/// A numbered part of the handout: the contents lists it, references name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub number: Number,
    /// The HTML id and Markdown anchor.
    pub anchor: String,
    pub title: String,
}

impl Heading {
    /// A part of the handout's own (cheat sheet, appendices), titled in the UI's words;
    /// a symptom's section is titled in the pack's. Only the handout's own anchors have
    /// an underscore.
    pub fn is_own_part(&self) -> bool {
        self.anchor.contains('_')
    }
}

/// One code on the cheat sheet, its lines taken from the code's counter card so the sheet
/// says what the screen says (discreet wording included).
#[derive(Debug, Clone, PartialEq)]
pub struct CheatRow {
    pub anchor: String,
    pub code: String,
    /// What the terminal shows.
    pub display: String,
    pub means: String,
    pub verdict: Verdict,
    /// Double charge, success, discretion, a screen that says 「请重试」 when it should not.
    pub warnings: Vec<String>,
    pub first: String,
    pub say: Option<String>,
    /// The symptom sections that show this code.
    pub see: Vec<Number>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CheatSheet {
    pub heading: Heading,
    pub rows: Vec<CheatRow>,
    /// How many codes of the pack are only in the code table.
    pub left_out: usize,
    /// Where the rest are.
    pub table: Number,
    /// Printed alone (for the counter): no section numbers, no references to the rest.
    pub standalone: bool,
}

impl CheatSheet {
    /// The sheet to print alone: it names no section of a handout it is not part of.
    pub fn alone(mut self) -> CheatSheet {
        self.standalone = true;
        for row in &mut self.rows {
            row.see.clear();
        }
        self
    }
}

/// One cause as printed on a symptom's page: the whole cause, steps and customer lines
/// together.
#[derive(Debug, Clone, PartialEq)]
pub struct CausePart {
    pub anchor: String,
    /// 「原因 1」: its place in the symptom's list, most likely first.
    pub label: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SymptomPage {
    pub heading: Heading,
    /// Codes, description, warnings, the list of causes.
    pub blocks: Vec<Block>,
    pub causes: Vec<CausePart>,
}

/// An entry of an appendix: an FAQ entry, or a cause no symptom shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub anchor: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Appendix {
    pub heading: Heading,
    pub entries: Vec<Entry>,
}

/// One row of the full code table.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeRow {
    pub anchor: String,
    pub code: String,
    pub display: String,
    pub meaning: String,
    pub verdict: String,
    pub warnings: Vec<String>,
    /// The A-E class: background, never a verdict.
    pub class: String,
    pub who: String,
    pub see: Vec<Number>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CodeTable {
    pub heading: Heading,
    pub rows: Vec<CodeRow>,
    /// Codes whose sources disagree: the code and what they say.
    pub conflicts: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SourceList {
    pub heading: Heading,
    /// 「id title（origin）」, one per source.
    pub lines: Vec<String>,
}

/// A whole handout, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Handout {
    pub title: String,
    pub description: String,
    pub version: String,
    pub cheat_sheet: CheatSheet,
    pub symptoms: Vec<SymptomPage>,
    /// Causes that no symptom shows (reached from a code or the FAQ only); usually none.
    pub other_causes: Option<Appendix>,
    pub faq: Appendix,
    pub codes: CodeTable,
    pub sources: Option<SourceList>,
}

/// A group of lines on the contents page.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentsGroup<'a> {
    /// What the group is, where it needs saying.
    pub title: Option<&'static str>,
    pub headings: Vec<&'a Heading>,
}

impl Handout {
    /// Every numbered part, in order and grouped: what the contents page lists.
    pub fn contents(&self) -> Vec<ContentsGroup<'_>> {
        let mut appendices: Vec<&Heading> = Vec::new();
        appendices.extend(self.other_causes.iter().map(|appendix| &appendix.heading));
        appendices.push(&self.faq.heading);
        appendices.push(&self.codes.heading);
        appendices.extend(self.sources.iter().map(|list| &list.heading));
        vec![
            ContentsGroup {
                title: None,
                headings: vec![&self.cheat_sheet.heading],
            },
            ContentsGroup {
                title: Some(crate::t!("report.handout.by_symptom")),
                headings: self.symptoms.iter().map(|page| &page.heading).collect(),
            },
            ContentsGroup {
                title: Some(crate::t!("report.handout.appendices")),
                headings: appendices,
            },
        ]
    }
}

/// The codes staff meet most, for the cheat sheet, in code order: the codes the symptoms
/// show, taken round by round in home order (every symptom's first code, most common
/// symptom first, then every symptom's second code, …) until `limit`. A symptom lists its
/// codes most typical first, so the sheet follows the content and needs no list of its own.
pub fn cheat_sheet_codes(pack: &Pack, limit: usize) -> Vec<&Code> {
    let symptoms = pack.symptoms_by_rank();
    let rounds = symptoms.iter().map(|s| s.codes.len()).max().unwrap_or(0);
    let mut chosen: Vec<&Code> = Vec::new();
    'rounds: for round in 0..rounds {
        for symptom in &symptoms {
            if chosen.len() >= limit {
                break 'rounds;
            }
            let Some(code) = symptom.codes.get(round).and_then(|c| pack.code(c)) else {
                continue;
            };
            if !chosen.iter().any(|c| c.id == code.id) {
                chosen.push(code);
            }
        }
    }
    chosen.sort_by(|a, b| a.code.cmp(&b.code));
    chosen
}

/// The anchor of a cause printed on a symptom's page: a cause can be on several pages.
fn cause_anchor(symptom: &str, cause: &str) -> String {
    format!("{symptom}--{cause}")
}

fn cheat_anchor(code: &Code) -> String {
    format!("{CHEAT_SHEET_ANCHOR}-{}", code.code.to_ascii_lowercase())
}

/// Where things are printed, for references between the parts.
struct Places {
    /// Symptom id to its section.
    symptoms: HashMap<String, Number>,
    /// Cause id to the anchors and sections where it is printed, in order.
    causes: HashMap<String, Vec<(String, Number)>>,
    /// Codes on the cheat sheet.
    cheat_sheet: HashSet<String>,
    cheat_number: Number,
    table_number: Number,
}

impl Places {
    /// A code as a reference: to its cheat-sheet row when it has one, else to the table.
    fn code(&self, code: &Code) -> LinkLine {
        let (anchor, place) = if self.cheat_sheet.contains(code.id.as_str()) {
            (cheat_anchor(code), self.cheat_number)
        } else {
            (code.id.to_string(), self.table_number)
        };
        LinkLine {
            kind: Kind::Code,
            id: anchor,
            title: crate::t!(
                "report.handout.see_code",
                code = code.code,
                display = code.display,
                place = place.reference()
            ),
        }
    }

    /// A cause as a reference to its first printing, naming every section it is in.
    fn cause(&self, pack: &Pack, id: &str) -> Option<LinkLine> {
        let cause = pack.cause(id)?;
        let printed = self.causes.get(id)?;
        let (anchor, _) = printed.first()?;
        let numbers: Vec<Number> = printed.iter().map(|(_, number)| *number).collect();
        Some(LinkLine {
            kind: Kind::Cause,
            id: anchor.clone(),
            title: crate::t!(
                "report.handout.see_cause",
                title = cause.shown_title(),
                places = see_line(&numbers)
            ),
        })
    }

    fn symptoms_showing(&self, pack: &Pack, code: &Code) -> Vec<Number> {
        pack.symptoms_with_code(&code.code)
            .iter()
            .filter_map(|s| self.symptoms.get(s.id.as_str()).copied())
            .collect()
    }
}

/// A symptom's causes, most likely first, each once.
fn causes_of<'a>(pack: &'a Pack, symptom: &crate::model::Symptom) -> Vec<&'a crate::model::Cause> {
    let mut causes: Vec<&crate::model::Cause> = Vec::new();
    for cause in symptom.causes.iter().filter_map(|id| pack.cause(id)) {
        if !causes.iter().any(|c| c.id == cause.id) {
            causes.push(cause);
        }
    }
    causes
}

/// The handout of a pack.
pub fn handout(pack: &Pack, options: HandoutOptions) -> Handout {
    let symptoms = pack.symptoms_by_rank();
    let cheat_number = Number::Section(1);
    let first_symptom = 2;
    let mut symptom_places = HashMap::new();
    let mut cause_places: HashMap<String, Vec<(String, Number)>> = HashMap::new();
    for (n, symptom) in symptoms.iter().enumerate() {
        let number = Number::Section(first_symptom + n);
        symptom_places.insert(symptom.id.to_string(), number);
        for cause in causes_of(pack, symptom) {
            cause_places
                .entry(cause.id.to_string())
                .or_default()
                .push((cause_anchor(&symptom.id, &cause.id), number));
        }
    }
    // Causes no symptom shows still get printed once, in an appendix before the FAQ.
    let unplaced: Vec<&crate::model::Cause> = pack
        .causes
        .iter()
        .filter(|c| !cause_places.contains_key(c.id.as_str()))
        .collect();
    let mut appendices = 0;
    let mut next_appendix = || {
        appendices += 1;
        Number::Appendix(appendices)
    };
    let other_number = (!unplaced.is_empty()).then(&mut next_appendix);
    if let Some(number) = other_number {
        for cause in &unplaced {
            cause_places.insert(cause.id.to_string(), vec![(cause.id.to_string(), number)]);
        }
    }
    let faq_number = next_appendix();
    let table_number = next_appendix();
    let sources_number = (options.sources == Sources::Shown).then(next_appendix);

    let mut places = Places {
        symptoms: symptom_places,
        causes: cause_places,
        cheat_sheet: HashSet::new(),
        cheat_number,
        table_number,
    };
    let chosen = cheat_sheet_codes(pack, CHEAT_SHEET_ROWS);
    places.cheat_sheet = chosen.iter().map(|c| c.id.to_string()).collect();
    let cheat_sheet = CheatSheet {
        heading: Heading {
            number: cheat_number,
            anchor: CHEAT_SHEET_ANCHOR.to_string(),
            title: crate::t!("report.handout.cheat_sheet").to_string(),
        },
        rows: chosen
            .iter()
            .map(|code| cheat_row(pack, &places, code))
            .collect(),
        left_out: pack.codes.len().saturating_sub(chosen.len()),
        table: places.table_number,
        standalone: false,
    };

    let symptom_pages = symptoms
        .iter()
        .enumerate()
        .map(|(n, symptom)| {
            let number = Number::Section(first_symptom + n);
            symptom_page(pack, &places, symptom, number, options)
        })
        .collect();

    let other_causes = other_number.map(|number| Appendix {
        heading: Heading {
            number,
            anchor: "part_other_causes".to_string(),
            title: crate::t!("report.handout.other_causes").to_string(),
        },
        entries: unplaced
            .iter()
            .map(|cause| Entry {
                anchor: cause.id.to_string(),
                title: cause.shown_title().to_string(),
                blocks: cause_blocks(pack, cause, options),
            })
            .collect(),
    });

    let faq = Appendix {
        heading: Heading {
            number: faq_number,
            anchor: "part_faq".to_string(),
            title: Kind::Faq.label().to_string(),
        },
        entries: pack
            .faqs
            .iter()
            .map(|faq| Entry {
                anchor: faq.id.to_string(),
                title: faq.question.to_string(),
                blocks: printed_blocks(pack, &places, Item::Faq(faq), options),
            })
            .collect(),
    };

    let codes = CodeTable {
        heading: Heading {
            number: places.table_number,
            anchor: "part_codes".to_string(),
            title: crate::t!("report.handout.code_table").to_string(),
        },
        rows: pack
            .codes
            .iter()
            .map(|code| CodeRow {
                anchor: code.id.to_string(),
                code: code.code.to_string(),
                display: code.display.to_string(),
                meaning: code.meaning.to_string(),
                verdict: code.verdict.summary(),
                warnings: card_warnings(&card::counter_card(pack, Item::Code(code))),
                class: format!("{} {}", code.class.letter(), code.class.label()),
                who: Actor::labels(&code.who_fixes),
                see: places.symptoms_showing(pack, code),
            })
            .collect(),
        conflicts: pack
            .codes
            .iter()
            .filter_map(|code| Some((code.code.to_string(), code.conflict.as_ref()?.to_string())))
            .collect(),
    };

    let sources = sources_number.map(|number| SourceList {
        heading: Heading {
            number,
            anchor: "part_sources".to_string(),
            title: super::sources_label().to_string(),
        },
        lines: pack
            .sources
            .iter()
            .map(|s| {
                crate::t!(
                    "report.handout.source_line",
                    id = s.id,
                    title = s.title,
                    origin = s.origin
                )
            })
            .collect(),
    });

    Handout {
        title: pack.info.name.to_string(),
        description: pack.info.description.to_string(),
        version: pack.info.version.to_string(),
        cheat_sheet,
        symptoms: symptom_pages,
        other_causes,
        faq,
        codes,
        sources,
    }
}

fn card_warnings(card: &[CardLine]) -> Vec<String> {
    card.iter()
        .filter(|line| line.warning)
        .map(|line| line.text.clone())
        .collect()
}

fn card_text(card: &[CardLine], label: &str) -> Option<String> {
    card.iter()
        .find(|line| line.label == label && !line.warning)
        .map(|line| line.text.clone())
}

fn cheat_row(pack: &Pack, places: &Places, code: &Code) -> CheatRow {
    let card = card::counter_card(pack, Item::Code(code));
    CheatRow {
        anchor: cheat_anchor(code),
        code: code.code.to_string(),
        display: code.display.to_string(),
        means: card_text(&card, card::means_label()).unwrap_or_default(),
        verdict: code.verdict.clone(),
        warnings: card_warnings(&card),
        first: card_text(&card, card::first_label()).unwrap_or_default(),
        say: card_text(&card, card::say_label()),
        see: places.symptoms_showing(pack, code),
    }
}

/// An item's blocks as a handout prints them: no heading (the handout makes its own), no
/// aliases (words to search for), sources only when asked, and links turned into
/// references to where the handout prints their target.
fn printed_blocks(
    pack: &Pack,
    places: &Places,
    item: Item<'_>,
    options: HandoutOptions,
) -> Vec<Block> {
    item_blocks_with(pack, item, options.sources)
        .into_iter()
        .filter_map(|block| match block {
            Block::Heading { .. } => None,
            Block::Text { label, .. } if label == super::aliases_label() => None,
            Block::Links { label, links } => {
                let links: Vec<LinkLine> = links
                    .iter()
                    .filter_map(|link| match link.kind {
                        Kind::Cause => places.cause(pack, &link.id),
                        Kind::Code => pack.item(&link.id).and_then(|item| match item {
                            Item::Code(code) => Some(places.code(code)),
                            _ => None,
                        }),
                        // Everything else is on the page already or has no place of its
                        // own (solutions and scripts print inside their cause).
                        _ => None,
                    })
                    .collect();
                (!links.is_empty()).then_some(Block::Links { label, links })
            }
            other => Some(other),
        })
        .collect()
}

/// A cause whole: verdict, how to tell, steps, what to say; no links onwards (the page it
/// is on is where the reader came from).
fn cause_blocks(pack: &Pack, cause: &crate::model::Cause, options: HandoutOptions) -> Vec<Block> {
    let mut blocks: Vec<Block> = card_warnings(&card::counter_card(pack, Item::Cause(cause)))
        .into_iter()
        .map(Block::Warning)
        .collect();
    blocks.extend(
        item_blocks_with(pack, Item::Cause(cause), options.sources)
            .into_iter()
            .filter(|block| match block {
                Block::Heading { .. } | Block::Links { .. } => false,
                Block::Text { label, .. } => *label != super::aliases_label(),
                _ => true,
            }),
    );
    blocks
}

fn symptom_page(
    pack: &Pack,
    places: &Places,
    symptom: &crate::model::Symptom,
    number: Number,
    options: HandoutOptions,
) -> SymptomPage {
    let mut blocks = Vec::new();
    let codes: Vec<LinkLine> = symptom
        .codes
        .iter()
        .filter_map(|c| pack.code(c))
        .map(|code| places.code(code))
        .collect();
    if !codes.is_empty() {
        blocks.push(Block::Links {
            label: Kind::Code.label(),
            links: codes,
        });
    }
    blocks.push(Block::Text {
        label: labels::description(),
        text: symptom.description.to_string(),
    });
    if let Some(note) = symptom.note.as_deref().filter(|n| !n.is_empty()) {
        blocks.push(Block::Text {
            label: labels::note(),
            text: note.to_string(),
        });
    }
    blocks.extend(
        card_warnings(&card::counter_card(pack, Item::Symptom(symptom)))
            .into_iter()
            .map(Block::Warning),
    );
    let causes: Vec<&crate::model::Cause> = symptom
        .causes
        .iter()
        .filter_map(|id| pack.cause(id))
        .collect();
    if !causes.is_empty() {
        blocks.push(Block::List {
            label: crate::t!("report.handout.causes_below"),
            items: causes.iter().map(|c| c.shown_title().to_string()).collect(),
            numbered: true,
        });
    }
    if options.sources == Sources::Shown {
        blocks.push(Block::Text {
            label: super::sources_label(),
            text: super::source_titles(pack, &symptom.sources),
        });
    }
    SymptomPage {
        heading: Heading {
            number,
            anchor: symptom.id.to_string(),
            title: symptom.shown_title().to_string(),
        },
        blocks,
        causes: causes
            .iter()
            .enumerate()
            .map(|(n, cause)| CausePart {
                anchor: cause_anchor(&symptom.id, &cause.id),
                label: crate::t!("report.handout.cause_n", n = n + 1),
                title: cause.shown_title().to_string(),
                blocks: cause_blocks(pack, cause, options),
            })
            .collect(),
    }
}

/// Places as one reference: 「第2、7节」, 「第3节、附录一」.
pub fn see_line(places: &[Number]) -> String {
    let list_sep = crate::t!("common.list_sep");
    let sections: Vec<String> = places
        .iter()
        .filter_map(|number| match number {
            Number::Section(n) => Some(n.to_string()),
            Number::Appendix(_) => None,
        })
        .collect();
    let mut parts: Vec<String> = Vec::new();
    match sections.as_slice() {
        [] => {}
        [one] => parts.push(crate::t!("report.handout.section", n = one)),
        _ => parts.push(crate::t!(
            "report.handout.sections",
            list = sections.join(list_sep)
        )),
    }
    parts.extend(
        places
            .iter()
            .filter(|number| matches!(number, Number::Appendix(_)))
            .map(|number| number.label()),
    );
    parts.join(list_sep)
}

/// The line under the cheat sheet's heading: how to read it and where the rest is.
pub fn cheat_sheet_intro(sheet: &CheatSheet) -> String {
    if sheet.standalone {
        return crate::t!(
            "report.handout.intro_alone",
            now = Verdict::now_label(),
            later = Verdict::later_label(),
            other = Verdict::other_label(),
            shown = sheet.rows.len(),
            rest = sheet.left_out,
        );
    }
    crate::t!(
        "report.handout.intro",
        now = Verdict::now_label(),
        later = Verdict::later_label(),
        other = Verdict::other_label(),
        shown = sheet.rows.len(),
        rest = sheet.left_out,
        place = sheet.table.reference(),
        table = crate::t!("report.handout.code_table"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack() -> Pack {
        crate::load_embedded().unwrap_or_default()
    }

    #[test]
    fn the_cheat_sheet_takes_every_symptoms_first_code_before_any_second() {
        let pack = pack();
        let chosen = cheat_sheet_codes(&pack, CHEAT_SHEET_ROWS);
        assert_eq!(chosen.len(), CHEAT_SHEET_ROWS);
        for symptom in pack.symptoms_by_rank() {
            if let Some(first) = symptom.codes.first() {
                assert!(
                    chosen.iter().any(|c| &c.code == first),
                    "{}: its first code {first} is missing",
                    symptom.id
                );
            }
        }
        let mut sorted: Vec<&str> = chosen.iter().map(|c| c.code.as_str()).collect();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), chosen.len(), "a code twice");
    }

    #[test]
    fn a_limit_below_the_symptom_count_keeps_the_most_common_symptoms_codes() {
        let pack = pack();
        let chosen = cheat_sheet_codes(&pack, 2);
        let first_two: Vec<&str> = pack
            .symptoms_by_rank()
            .iter()
            .filter_map(|s| s.codes.first())
            .take(2)
            .map(|c| c.as_str())
            .collect();
        let mut got: Vec<&str> = chosen.iter().map(|c| c.code.as_str()).collect();
        got.sort_unstable();
        let mut want = first_two;
        want.sort_unstable();
        assert_eq!(got, want);
    }

    #[test]
    fn a_cause_no_symptom_shows_gets_an_appendix_and_the_faq_points_there() {
        let mut pack = pack();
        let Some(cause) = pack.faqs.first().and_then(|f| f.causes.first().cloned()) else {
            panic!("no FAQ with a cause");
        };
        for symptom in &mut pack.symptoms {
            symptom.causes.retain(|c| *c != cause);
        }
        let handout = handout(&pack, HandoutOptions::default());
        let Some(other) = &handout.other_causes else {
            panic!("no appendix for {cause}");
        };
        assert!(other.entries.iter().any(|e| e.anchor == cause.as_str()));
        let reference = other.heading.number.reference();
        let links: Vec<&LinkLine> = handout
            .faq
            .entries
            .iter()
            .flat_map(|entry| &entry.blocks)
            .filter_map(|block| match block {
                Block::Links { links, .. } => Some(links),
                _ => None,
            })
            .flatten()
            .filter(|link| link.id == cause.as_str())
            .collect();
        assert!(!links.is_empty(), "the FAQ lost its link to {cause}");
        assert!(links.iter().all(|l| l.title.contains(&reference)));
        assert_eq!(handout.faq.heading.number, Number::Appendix(2));
    }

    #[test]
    fn places_read_as_one_reference() {
        let places = [Number::Section(2), Number::Appendix(1), Number::Section(7)];
        assert_eq!(see_line(&places), "第2、7节、附录一");
        assert_eq!(see_line(&[]), "");
    }

    #[test]
    fn appendices_are_counted_in_chinese() {
        assert_eq!(Number::Appendix(2).label(), "附录二");
        assert_eq!(Number::Section(7).reference(), "第7节");
        assert_eq!(Number::Appendix(12).label(), "附录12");
    }
}
