//! The counter card: four to six short lines that answer at a glance what a code, symptom
//! or cause means, whether to try again, what to do first and what to say, with a warning
//! where a double charge or discretion is at stake. The full page follows it.

use crate::model::{CodeClass, Item, Pack, Script, Verdict};

/// One line of the card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardLine {
    pub label: &'static str,
    pub text: String,
    /// A line that must stand out: double charge, discretion, success.
    pub warning: bool,
}

impl CardLine {
    fn new(label: &'static str, text: impl Into<String>) -> CardLine {
        CardLine {
            label,
            text: text.into(),
            warning: false,
        }
    }

    fn warning(text: impl Into<String>) -> CardLine {
        CardLine {
            label: "!",
            text: text.into(),
            warning: true,
        }
    }
}

pub const MEANS: &str = "含义";
pub const RETRY: &str = "重试";
pub const FIRST: &str = "先做";
pub const SAY: &str = "对顾客说";
/// For a symptom: the most likely cause, whose answer the card gives.
pub const LIKELY: &str = "最可能";

/// The first sentence of a text: cards are for a glance. A long sentence is cut at its
/// first clause (；), which then ends with a full stop.
fn first_sentence(text: &str) -> String {
    let cut = |stops: &[char]| {
        text.char_indices()
            .find(|(_, c)| stops.contains(c))
            .map_or(text.len(), |(i, c)| i + c.len_utf8())
    };
    let sentence = text.get(..cut(&['。', '！', '!'])).unwrap_or(text).trim();
    if sentence.chars().count() <= 40 {
        return sentence.to_string();
    }
    let clause = text.get(..cut(&['；'])).unwrap_or(sentence).trim();
    match clause.strip_suffix('；') {
        Some(shorter) => format!("{shorter}。"),
        None => clause.to_string(),
    }
}

/// The verdict in a card's words: each part once, the condition in brackets.
pub fn verdict_line(verdict: &Verdict) -> String {
    verdict
        .parts()
        .iter()
        .map(|part| format!("{}：{}", part.label, part.answer))
        .collect::<Vec<_>>()
        .join("  ")
}

fn warnings(verdict: &Verdict, discreet: bool, success: bool) -> Vec<CardLine> {
    let mut lines = Vec::new();
    if success {
        lines.push(CardLine::warning(
            "交易已成功：不要再刷，也不要让顾客再付一次",
        ));
    }
    if verdict.check_first {
        lines.push(CardLine::warning(format!(
            "结果不明：{}，不要马上再刷，避免重复扣款",
            Verdict::CHECK_FIRST
        )));
    }
    if discreet {
        lines.push(CardLine::warning(
            "风险卡：只说交易没有通过，不说原因，不问顾客",
        ));
    }
    lines
}

fn say_line(pack: &Pack, script: Option<&str>) -> Option<CardLine> {
    let script: &Script = pack.script(script?)?;
    let first = script.say.first()?;
    Some(CardLine::new(SAY, first.clone()))
}

/// The card for an item, or none for kinds that have no answer of their own (FAQ, scripts).
pub fn counter_card(pack: &Pack, item: Item<'_>) -> Vec<CardLine> {
    match item {
        Item::Code(code) => {
            let cause = code.causes.first().and_then(|id| pack.cause(id));
            let mut lines = vec![
                CardLine::new(MEANS, first_sentence(&code.meaning)),
                CardLine::new(RETRY, verdict_line(&code.verdict)),
            ];
            // The warning stands by the verdict: where the screen is short, it is not cut.
            lines.extend(warnings(
                &code.verdict,
                code.discreet,
                code.class == CodeClass::A,
            ));
            lines.push(CardLine::new(FIRST, first_sentence(&code.action)));
            let script = code
                .script
                .as_deref()
                .or_else(|| cause.and_then(|c| c.script.as_deref()));
            lines.extend(say_line(pack, script));
            lines
        }
        Item::Cause(cause) => cause_card(pack, cause),
        Item::Symptom(symptom) => {
            // A symptom answers through its most likely cause.
            let Some(cause) = symptom.causes.first().and_then(|id| pack.cause(id)) else {
                return Vec::new();
            };
            let mut lines = vec![
                CardLine::new(
                    MEANS,
                    first_sentence(symptom.note.as_deref().unwrap_or(&symptom.description)),
                ),
                CardLine::new(LIKELY, cause.title.clone()),
            ];
            lines.extend(
                cause_card(pack, cause)
                    .into_iter()
                    .filter(|l| l.label != MEANS),
            );
            lines
        }
        Item::Solution(_) | Item::Faq(_) | Item::Script(_) => Vec::new(),
    }
}

fn cause_card(pack: &Pack, cause: &crate::model::Cause) -> Vec<CardLine> {
    let discreet = cause
        .script
        .as_deref()
        .and_then(|id| pack.script(id))
        .is_some_and(|s| s.discreet);
    let mut lines = vec![
        CardLine::new(MEANS, first_sentence(&cause.description)),
        CardLine::new(RETRY, verdict_line(&cause.verdict)),
    ];
    lines.extend(warnings(&cause.verdict, discreet, false));
    let first_step = cause
        .solutions
        .first()
        .and_then(|id| pack.solution(id))
        .and_then(|s| s.steps.first());
    if let Some(step) = first_step {
        lines.push(CardLine::new(FIRST, step.text.clone()));
    }
    lines.extend(say_line(pack, cause.script.as_deref()));
    lines
}

/// The card as plain text, for `show` and `code`.
pub fn card_text(lines: &[CardLine]) -> String {
    lines
        .iter()
        .map(|l| format!("{}  {}\n", l.label, l.text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timeout_card_warns_and_promises_nothing() {
        let pack = crate::load_embedded().unwrap_or_default();
        let Some(code) = pack.code("68") else {
            panic!("no 68");
        };
        let card = counter_card(&pack, Item::Code(code));
        let labels: Vec<&str> = card.iter().map(|l| l.label).collect();
        assert_eq!(labels, vec![MEANS, RETRY, "!", FIRST, SAY]);
        assert!(card
            .iter()
            .any(|l| l.warning && l.text.contains("重复扣款")));
        assert!(card.len() <= 6);
    }

    #[test]
    fn first_sentences_stop_at_the_first_full_stop() {
        assert_eq!(first_sentence("甲。乙。"), "甲。");
        assert_eq!(first_sentence("没有句号"), "没有句号");
        let long = format!("{}；后面", "很长".repeat(30));
        assert_eq!(first_sentence(&long), format!("{}。", "很长".repeat(30)));
    }
}
