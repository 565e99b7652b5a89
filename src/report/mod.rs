//! Items as printable documents: one description of what an item shows, rendered as
//! plain text (`show`, `code`), Markdown or HTML (`export`).

pub mod card;
pub mod cases;
pub mod handout;
mod html;
mod markdown;
pub mod quiz;
mod text;

pub use handout::{Handout, HandoutOptions, CHEAT_SHEET_ROWS};
pub use html::{cheat_sheet_html, handout_html, pack_html};
pub use markdown::{cheat_sheet_markdown, handout_markdown, pack_markdown};
pub use text::{answer_text, blocks_text, item_text};

use crate::model::{origin_label, Actor, Item, Kind, Pack, Text, Verdict};

/// A link to another item, as shown under an item.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkLine {
    pub kind: Kind,
    pub id: String,
    pub title: String,
}

/// One part of an item's page.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The item's heading.
    Heading {
        kind: Kind,
        id: String,
        title: String,
    },
    /// A labelled paragraph.
    Text { label: &'static str, text: String },
    /// A labelled list; numbered lists are steps to follow in order.
    List {
        label: &'static str,
        items: Vec<String>,
        numbered: bool,
    },
    /// A warning that must stand out (conflicting sources, discreet wording).
    Warning(String),
    Links {
        label: &'static str,
        links: Vec<LinkLine>,
    },
}

fn link(pack: &Pack, id: &str) -> Option<LinkLine> {
    let item = pack.item(id)?;
    Some(LinkLine {
        kind: item.kind(),
        id: id.to_string(),
        title: item.title(),
    })
}

fn links(pack: &Pack, ids: impl IntoIterator<Item = impl AsRef<str>>) -> Vec<LinkLine> {
    ids.into_iter()
        .filter_map(|id| link(pack, id.as_ref()))
        .collect()
}

fn push_links(blocks: &mut Vec<Block>, label: &'static str, links: Vec<LinkLine>) {
    if !links.is_empty() {
        blocks.push(Block::Links { label, links });
    }
}

fn push_list(
    blocks: &mut Vec<Block>,
    label: &'static str,
    items: &[impl AsRef<str>],
    numbered: bool,
) {
    if !items.is_empty() {
        blocks.push(Block::List {
            label,
            items: items.iter().map(|i| i.as_ref().to_string()).collect(),
            numbered,
        });
    }
}

fn push_text(blocks: &mut Vec<Block>, label: &'static str, text: Option<&str>) {
    if let Some(text) = text.filter(|t| !t.is_empty()) {
        blocks.push(Block::Text {
            label,
            text: text.to_string(),
        });
    }
}

/// The label every view puts before a verdict.
pub fn verdict_label() -> &'static str {
    crate::t!("report.verdict_label")
}

/// The label of the A-E class, which is background and never a verdict.
pub fn class_label() -> &'static str {
    crate::t!("report.class_label")
}

/// The labels of an item's blocks. Views that keep or drop blocks by their label compare
/// with these (the words that made the label), never with the words themselves, so they
/// keep the same blocks in every language.
pub mod labels {
    pub fn description() -> &'static str {
        crate::t!("report.blocks.description")
    }
    pub fn note() -> &'static str {
        crate::t!("report.blocks.note")
    }
    pub fn likely_causes() -> &'static str {
        crate::t!("report.blocks.likely_causes")
    }
    pub fn category() -> &'static str {
        crate::t!("report.blocks.category")
    }
    pub fn who() -> &'static str {
        crate::t!("report.blocks.who")
    }
    pub fn how_to_tell() -> &'static str {
        crate::t!("report.blocks.how_to_tell")
    }
    pub fn ask() -> &'static str {
        crate::t!("report.blocks.ask")
    }
    pub fn appears_in() -> &'static str {
        crate::t!("report.blocks.appears_in")
    }
    pub fn used_for_causes() -> &'static str {
        crate::t!("report.blocks.used_for_causes")
    }
    pub fn answer() -> &'static str {
        crate::t!("report.blocks.answer")
    }
    pub fn related_causes() -> &'static str {
        crate::t!("report.blocks.related_causes")
    }
    pub fn display() -> &'static str {
        crate::t!("report.blocks.display")
    }
    pub fn meaning() -> &'static str {
        crate::t!("report.blocks.meaning")
    }
    pub fn action() -> &'static str {
        crate::t!("report.blocks.action")
    }
    pub fn older_meaning() -> &'static str {
        crate::t!("report.blocks.older_meaning")
    }
    pub fn international() -> &'static str {
        crate::t!("report.blocks.international")
    }
    pub fn possible_causes() -> &'static str {
        crate::t!("report.blocks.possible_causes")
    }
    pub fn related_symptoms() -> &'static str {
        crate::t!("report.blocks.related_symptoms")
    }
    pub fn used_in() -> &'static str {
        crate::t!("report.blocks.used_in")
    }
    pub fn steps() -> &'static str {
        crate::t!("report.blocks.steps")
    }
    pub fn notes() -> &'static str {
        crate::t!("report.blocks.notes")
    }
    pub fn escalate() -> &'static str {
        crate::t!("report.blocks.escalate")
    }
    pub fn say() -> &'static str {
        crate::t!("report.blocks.say")
    }
    /// What to say to a customer who needs English.
    pub fn say_en() -> &'static str {
        crate::t!("report.blocks.say_en")
    }
    pub fn avoid() -> &'static str {
        crate::t!("report.blocks.avoid")
    }
}

fn push_verdict(blocks: &mut Vec<Block>, verdict: &Verdict) {
    push_text(blocks, verdict_label(), Some(&verdict.summary()));
}

/// A terminal display that says 「请重试」 where the verdict says not now: the one place
/// where the screen itself can lead a clerk into a double charge.
pub fn display_warning(code: &crate::model::Code) -> Option<String> {
    // The pack's display text is Chinese, as the terminal shows it.
    let says_retry = code.display.contains("重试"); // not UI: matches the terminal's words
    if !says_retry || code.verdict.now {
        return None;
    }
    Some(if code.verdict.check_first {
        crate::t!(
            "report.blocks.display_warning_unknown",
            display = code.display
        )
    } else {
        crate::t!(
            "report.blocks.display_warning",
            display = code.display,
            verdict = verdict_label()
        )
    })
}

/// Where a step came from, for trainers: 「原文」, 「码表资料」 or 「补充」.
pub fn step_origin(pack: &Pack, sources: &[Text]) -> String {
    let mut labels: Vec<&str> = Vec::new();
    for id in sources {
        let label = pack
            .source(id)
            .map_or(crate::t!("origin.added"), |s| origin_label(&s.origin));
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels.join(crate::t!("common.list_sep"))
}

/// Whether a page says where each item and step came from. Trainers checking the content
/// want it; a handout for new staff reads better without it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sources {
    #[default]
    Hidden,
    Shown,
}

/// The label of an item's source line.
pub fn sources_label() -> &'static str {
    crate::t!("report.sources_label")
}

/// The label of an item's other names (words to search for, not to print).
pub fn aliases_label() -> &'static str {
    crate::t!("report.aliases_label")
}

/// What an item's page shows, with its links in both directions and its sources.
pub fn item_blocks(pack: &Pack, item: Item<'_>) -> Vec<Block> {
    item_blocks_with(pack, item, Sources::Shown)
}

/// What an item's page shows, with or without where it came from.
pub fn item_blocks_with(pack: &Pack, item: Item<'_>, sources: Sources) -> Vec<Block> {
    let mut blocks = vec![Block::Heading {
        kind: item.kind(),
        id: item.id().to_string(),
        title: item.title(),
    }];
    match item {
        Item::Symptom(s) => {
            let list_sep = crate::t!("common.list_sep");
            push_text(
                &mut blocks,
                Kind::Code.label(),
                Some(&s.codes.join(list_sep)),
            );
            push_text(&mut blocks, labels::description(), Some(&s.description));
            push_text(&mut blocks, labels::note(), s.note.as_deref());
            push_links(&mut blocks, labels::likely_causes(), links(pack, &s.causes));
            let codes: Vec<String> = s.codes.iter().map(|c| crate::model::code_id(c)).collect();
            push_links(&mut blocks, Kind::Code.label(), links(pack, &codes));
        }
        Item::Cause(c) => {
            push_text(&mut blocks, labels::category(), Some(&c.category));
            push_text(&mut blocks, labels::who(), Some(&Actor::labels(&c.actors)));
            push_verdict(&mut blocks, &c.verdict);
            push_text(&mut blocks, labels::description(), Some(&c.description));
            push_list(&mut blocks, labels::how_to_tell(), &c.checks, false);
            push_list(&mut blocks, labels::ask(), &c.questions, false);
            for solution in c.solutions.iter().filter_map(|id| pack.solution(id)) {
                solution_blocks(&mut blocks, pack, solution, sources);
            }
            if let Some(script) = c.script.as_deref().and_then(|id| pack.script(id)) {
                script_blocks(&mut blocks, script);
            }
            // Solutions and the script are shown in full above; link onwards only.
            push_links(
                &mut blocks,
                labels::appears_in(),
                referrers(pack, item.id()),
            );
        }
        Item::Solution(s) => {
            solution_blocks(&mut blocks, pack, s, sources);
            push_links(
                &mut blocks,
                labels::used_for_causes(),
                referrers(pack, item.id()),
            );
        }
        Item::Faq(f) => {
            // The article's answers predate the reversal rules: where a linked cause's
            // outcome may be unknown, say so beside the answer.
            let unknown = f
                .causes
                .iter()
                .filter_map(|id| pack.cause(id))
                .any(|c| c.verdict.check_first);
            if unknown {
                blocks.push(Block::Warning(crate::t!(
                    "report.blocks.faq_unknown_warning",
                    check = Verdict::check_first_label()
                )));
            }
            push_text(&mut blocks, labels::answer(), Some(&f.answer));
            push_links(
                &mut blocks,
                labels::related_causes(),
                links(pack, &f.causes),
            );
        }
        Item::Code(c) => {
            if c.discreet {
                blocks.push(Block::Warning(
                    crate::t!("report.blocks.discreet_code").to_string(),
                ));
            }
            push_text(&mut blocks, labels::display(), Some(&c.display));
            if let Some(warning) = display_warning(c) {
                blocks.push(Block::Warning(warning));
            }
            push_text(&mut blocks, labels::meaning(), Some(&c.meaning));
            push_verdict(&mut blocks, &c.verdict);
            push_text(&mut blocks, labels::action(), Some(&c.action));
            push_text(
                &mut blocks,
                labels::older_meaning(),
                c.older_meaning.as_deref(),
            );
            push_text(
                &mut blocks,
                labels::international(),
                c.international.as_deref(),
            );
            push_text(
                &mut blocks,
                class_label(),
                Some(&format!("{} {}", c.class.letter(), c.class.label())),
            );
            push_text(
                &mut blocks,
                labels::who(),
                Some(&Actor::labels(&c.who_fixes)),
            );
            if let Some(conflict) = &c.conflict {
                blocks.push(Block::Warning(crate::t!(
                    "report.blocks.conflict",
                    conflict = conflict
                )));
            }
            if let Some(script) = c.script.as_deref().and_then(|id| pack.script(id)) {
                script_blocks(&mut blocks, script);
            }
            push_links(
                &mut blocks,
                labels::possible_causes(),
                links(pack, &c.causes),
            );
            let symptoms = pack.symptoms_with_code(&c.code);
            push_links(
                &mut blocks,
                labels::related_symptoms(),
                links(pack, symptoms.iter().map(|s| &s.id)),
            );
        }
        Item::Script(s) => {
            script_blocks(&mut blocks, s);
            push_links(&mut blocks, labels::used_in(), referrers(pack, item.id()));
        }
    }
    push_text(
        &mut blocks,
        aliases_label(),
        Some(&item.aliases().join(crate::t!("common.list_sep"))),
    );
    if sources == Sources::Shown {
        push_text(
            &mut blocks,
            sources_label(),
            Some(&source_titles(pack, item.sources())),
        );
    }
    blocks
}

fn referrers(pack: &Pack, id: &str) -> Vec<LinkLine> {
    pack.links_to(id)
        .into_iter()
        .map(|item| LinkLine {
            kind: item.kind(),
            id: item.id().to_string(),
            title: item.title(),
        })
        .collect()
}

fn solution_blocks(
    blocks: &mut Vec<Block>,
    pack: &Pack,
    s: &crate::model::Solution,
    sources: Sources,
) {
    // With sources, each step says where it came from, so a trainer can tell the
    // article's words from knowledge added to it.
    let steps: Vec<String> = s
        .steps
        .iter()
        .map(|step| match sources {
            Sources::Shown => crate::t!(
                "report.blocks.step_sourced",
                who = step.who.label(),
                text = step.text,
                origin = step_origin(pack, &step.sources)
            ),
            Sources::Hidden => crate::t!(
                "report.blocks.step",
                who = step.who.label(),
                text = step.text
            ),
        })
        .collect();
    push_text(blocks, Kind::Solution.label(), Some(s.shown_title()));
    push_list(blocks, labels::steps(), &steps, true);
    push_list(blocks, labels::notes(), &s.notes, false);
    if let Some(escalate) = &s.escalate {
        let text = match &escalate.how {
            Some(how) => crate::t!(
                "report.blocks.escalate_how",
                when = escalate.when,
                to = escalate.to.label(),
                how = how
            ),
            None => crate::t!(
                "report.blocks.escalate_to",
                when = escalate.when,
                to = escalate.to.label()
            ),
        };
        push_text(blocks, labels::escalate(), Some(&text));
    }
}

/// A step as [`item_blocks`] writes it, split into who acts (「【收银员】」 as shown) and
/// the rest, for views that colour the actor; None for text that is not such a step.
pub fn split_step(text: &str) -> Option<(Actor, &str, &str)> {
    let template = crate::t!("report.blocks.step");
    let (before, rest) = template.split_once("{who}")?;
    let (between, _) = rest.split_once("{text}")?;
    Actor::ALL.into_iter().find_map(|actor| {
        let who_len = before.len() + actor.label().len() + between.len();
        let shown = text.get(..who_len)?;
        let matches = shown.strip_prefix(before)?.strip_suffix(between)? == actor.label();
        matches.then(|| (actor, shown, text.get(who_len..).unwrap_or_default()))
    })
}

fn script_blocks(blocks: &mut Vec<Block>, s: &crate::model::Script) {
    if s.discreet {
        blocks.push(Block::Warning(
            crate::t!("report.blocks.discreet_script").to_string(),
        ));
    }
    // The English UI puts the English lines first: its reader may not read the Chinese
    // ones, which stay for a customer who speaks Chinese.
    if crate::i18n::lang() == crate::i18n::Lang::En {
        push_list(blocks, labels::say_en(), &s.say_en, false);
        push_list(blocks, labels::say(), &s.say, false);
    } else {
        push_list(blocks, labels::say(), &s.say, false);
        push_list(blocks, labels::say_en(), &s.say_en, false);
    }
    push_list(blocks, labels::avoid(), &s.avoid, false);
}

/// The titles of the source parts an item came from, for traceability.
pub fn source_titles(pack: &Pack, ids: &[Text]) -> String {
    ids.iter()
        .map(|id| {
            pack.source(id)
                .map_or(id.to_string(), |s| s.title.to_string())
        })
        .collect::<Vec<_>>()
        .join(crate::t!("common.clause_sep"))
}
