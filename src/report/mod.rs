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

fn push_verdict(blocks: &mut Vec<Block>, verdict: &Verdict) {
    push_text(blocks, verdict_label(), Some(&verdict.summary()));
}

/// A terminal display that says 「请重试」 where the verdict says not now: the one place
/// where the screen itself can lead a clerk into a double charge.
pub fn display_warning(code: &crate::model::Code) -> Option<String> {
    if !code.display.contains("重试") || code.verdict.now {
        return None;
    }
    Some(if code.verdict.check_first {
        format!(
            "屏幕上写着「{}」，但结果可能不明：先查上一笔，不要马上用同一张卡再刷。",
            code.display
        )
    } else {
        format!(
            "屏幕上写着「{}」，但不要马上用同一张卡再刷：按「{}」做。",
            code.display,
            verdict_label()
        )
    })
}

/// Where a step came from, for trainers: 「原文」, 「码表资料」 or 「补充」.
pub fn step_origin(pack: &Pack, sources: &[Text]) -> String {
    let mut labels: Vec<&str> = Vec::new();
    for id in sources {
        let label = pack.source(id).map_or("补充", |s| origin_label(&s.origin));
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels.join("、")
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
            push_text(&mut blocks, "应答码", Some(&s.codes.join("、")));
            push_text(&mut blocks, "问题描述", Some(&s.description));
            push_text(&mut blocks, "提示", s.note.as_deref());
            push_links(
                &mut blocks,
                "可能原因（按可能性排序）",
                links(pack, &s.causes),
            );
            let codes: Vec<String> = s.codes.iter().map(|c| crate::model::code_id(c)).collect();
            push_links(&mut blocks, "应答码", links(pack, &codes));
        }
        Item::Cause(c) => {
            push_text(&mut blocks, "分类", Some(&c.category));
            push_text(&mut blocks, "谁来处理", Some(&Actor::labels(&c.actors)));
            push_verdict(&mut blocks, &c.verdict);
            push_text(&mut blocks, "问题描述", Some(&c.description));
            push_list(&mut blocks, "如何判断", &c.checks, false);
            push_list(&mut blocks, "问顾客", &c.questions, false);
            for solution in c.solutions.iter().filter_map(|id| pack.solution(id)) {
                solution_blocks(&mut blocks, pack, solution, sources);
            }
            if let Some(script) = c.script.as_deref().and_then(|id| pack.script(id)) {
                script_blocks(&mut blocks, script);
            }
            // Solutions and the script are shown in full above; link onwards only.
            push_links(&mut blocks, "出现在", referrers(pack, item.id()));
        }
        Item::Solution(s) => {
            solution_blocks(&mut blocks, pack, s, sources);
            push_links(&mut blocks, "用于原因", referrers(pack, item.id()));
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
                blocks.push(Block::Warning(format!(
                    "网络或超时的情况下结果可能不明：{}，不要马上用同一张卡再刷。",
                    Verdict::check_first_label()
                )));
            }
            push_text(&mut blocks, "答", Some(&f.answer));
            push_links(&mut blocks, "相关原因", links(pack, &f.causes));
        }
        Item::Code(c) => {
            if c.discreet {
                blocks.push(Block::Warning(
                    "风险卡：不要告诉顾客具体原因，只说交易未通过，按收单机构的规定处理。"
                        .to_string(),
                ));
            }
            push_text(&mut blocks, "终端显示", Some(&c.display));
            if let Some(warning) = display_warning(c) {
                blocks.push(Block::Warning(warning));
            }
            push_text(&mut blocks, "含义", Some(&c.meaning));
            push_verdict(&mut blocks, &c.verdict);
            push_text(&mut blocks, "怎么处理", Some(&c.action));
            push_text(&mut blocks, "旧版含义", c.older_meaning.as_deref());
            push_text(
                &mut blocks,
                "国际含义（ISO 8583）",
                c.international.as_deref(),
            );
            push_text(
                &mut blocks,
                class_label(),
                Some(&format!("{} {}", c.class.letter(), c.class.label())),
            );
            push_text(&mut blocks, "谁来处理", Some(&Actor::labels(&c.who_fixes)));
            if let Some(conflict) = &c.conflict {
                blocks.push(Block::Warning(format!("各来源说法不一：{conflict}")));
            }
            if let Some(script) = c.script.as_deref().and_then(|id| pack.script(id)) {
                script_blocks(&mut blocks, script);
            }
            push_links(&mut blocks, "可能原因", links(pack, &c.causes));
            let symptoms = pack.symptoms_with_code(&c.code);
            push_links(
                &mut blocks,
                "相关现象",
                links(pack, symptoms.iter().map(|s| &s.id)),
            );
        }
        Item::Script(s) => {
            script_blocks(&mut blocks, s);
            push_links(&mut blocks, "用于", referrers(pack, item.id()));
        }
    }
    push_text(
        &mut blocks,
        aliases_label(),
        Some(&item.aliases().join("、")),
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
            Sources::Shown => format!(
                "【{}】{}（{}）",
                step.who.label(),
                step.text,
                step_origin(pack, &step.sources)
            ),
            Sources::Hidden => format!("【{}】{}", step.who.label(), step.text),
        })
        .collect();
    push_text(blocks, "解决方法", Some(&s.title));
    push_list(blocks, "解决步骤", &steps, true);
    push_list(blocks, "注意", &s.notes, false);
    if let Some(escalate) = &s.escalate {
        let mut text = format!("{}：找{}", escalate.when, escalate.to.label());
        if let Some(how) = &escalate.how {
            text.push('。');
            text.push_str(how);
        }
        push_text(blocks, "何时升级", Some(&text));
    }
}

fn script_blocks(blocks: &mut Vec<Block>, s: &crate::model::Script) {
    if s.discreet {
        blocks.push(Block::Warning("谨慎用语：不要说出具体原因。".to_string()));
    }
    push_list(blocks, "对顾客说", &s.say, false);
    push_list(blocks, "English", &s.say_en, false);
    push_list(blocks, "不要说", &s.avoid, false);
}

/// The titles of the source parts an item came from, for traceability.
pub fn source_titles(pack: &Pack, ids: &[Text]) -> String {
    ids.iter()
        .map(|id| {
            pack.source(id)
                .map_or(id.to_string(), |s| s.title.to_string())
        })
        .collect::<Vec<_>>()
        .join("；")
}
