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

pub fn means_label() -> &'static str {
    crate::t!("card.means")
}

pub fn retry_label() -> &'static str {
    crate::t!("card.retry")
}

pub fn first_label() -> &'static str {
    crate::t!("card.first")
}

pub fn say_label() -> &'static str {
    crate::t!("card.say")
}

/// For a symptom: the most likely cause, whose answer the card gives.
pub fn likely_label() -> &'static str {
    crate::t!("card.likely")
}

/// The first sentence of a text: cards are for a glance. A long sentence is cut at its
/// first clause (；), which then ends with a full stop.
pub fn first_sentence(text: &str) -> String {
    let end = text
        .char_indices()
        .find(|(_, c)| matches!(c, '。' | '！' | '!'))
        .map_or(text.len(), |(i, c)| i + c.len_utf8());
    let sentence = text.get(..end).unwrap_or(text).trim();
    if sentence.chars().count() <= 40 {
        return sentence.to_string();
    }
    match sentence.split_once('；') {
        Some((clause, _)) => format!("{clause}。"), // not UI: ends a clause of the pack's text
        None => sentence.to_string(),
    }
}

/// How much a line matters when the screen is short: lower stays longer. A warning and
/// the verdict are the last to go.
pub fn priority(label: &str) -> u8 {
    let ranked = [
        ("!", 0),
        (retry_label(), 1),
        (say_label(), 3),
        (first_label(), 4),
        (likely_label(), 5),
    ];
    ranked
        .iter()
        .find(|(name, _)| *name == label)
        .map_or(6, |(_, rank)| *rank)
}

/// The verdict in a card's words: each part once, the condition in brackets.
pub fn verdict_line(verdict: &Verdict) -> String {
    verdict
        .parts()
        .iter()
        .map(crate::model::VerdictPart::line)
        .collect::<Vec<_>>()
        .join("  ")
}

fn warnings(verdict: &Verdict, discreet: bool, success: bool) -> Vec<CardLine> {
    let mut lines = Vec::new();
    if success {
        lines.push(CardLine::warning(crate::t!("card.more.success")));
    }
    if verdict.check_first {
        lines.push(CardLine::warning(crate::t!(
            "card.more.unknown",
            check = Verdict::check_first_label()
        )));
    }
    if discreet {
        lines.push(CardLine::warning(crate::t!("card.more.discreet")));
    }
    lines
}

fn say_line(script: Option<&Script>) -> Option<CardLine> {
    let script = script?;
    let english = crate::i18n::lang() == crate::i18n::Lang::En;
    let first = match script.say_en.first() {
        Some(line) if english => line,
        _ => script.say.first()?,
    };
    Some(CardLine::new(say_label(), first.clone()))
}

/// The card for an item, or none for kinds that have no answer of their own (FAQ, scripts).
pub fn counter_card(pack: &Pack, item: Item<'_>) -> Vec<CardLine> {
    match item {
        Item::Code(code) => {
            let mut lines = vec![
                CardLine::new(means_label(), first_sentence(&code.meaning)),
                CardLine::new(retry_label(), verdict_line(&code.verdict)),
            ];
            lines.extend(warnings(
                &code.verdict,
                code.discreet,
                code.class == CodeClass::A,
            ));
            // The screen's own 「请重试」 where the verdict says not now (an unknown outcome
            // already has its warning).
            if !code.verdict.check_first {
                lines.extend(super::display_warning(code).map(CardLine::warning));
            }
            // The whole action: its later sentences carry rules (no split sales, the chip
            // kernel's own message).
            lines.push(CardLine::new(first_label(), code.action.clone()));
            lines.extend(say_line(pack.code_script(code)));
            lines
        }
        Item::Cause(cause) => cause_card(pack, cause),
        Item::Symptom(symptom) => {
            // A symptom's causes differ in what to do: the card names the most likely one
            // and warns for any of them; the verdict comes with the cause the clerk picks.
            let causes: Vec<&crate::model::Cause> = symptom
                .causes
                .iter()
                .filter_map(|id| pack.cause(id))
                .collect();
            let mut lines = vec![CardLine::new(
                means_label(),
                first_sentence(symptom.note.as_deref().unwrap_or(&symptom.description)),
            )];
            if let Some(cause) = causes.first() {
                lines.push(CardLine::new(likely_label(), cause.shown_title().clone()));
            }
            let unknown = causes.iter().any(|c| c.verdict.check_first);
            let discreet = causes.iter().any(|c| cause_is_discreet(pack, c))
                || symptom
                    .codes
                    .iter()
                    .any(|code| pack.code(code).is_some_and(|c| c.discreet));
            if unknown {
                lines.push(CardLine::warning(crate::t!(
                    "card.more.maybe_unknown",
                    check = Verdict::check_first_label()
                )));
            }
            if discreet {
                lines.push(CardLine::warning(crate::t!("card.more.maybe_discreet")));
            }
            lines
        }
        Item::Solution(_) | Item::Faq(_) | Item::Script(_) => Vec::new(),
    }
}

fn cause_is_discreet(pack: &Pack, cause: &crate::model::Cause) -> bool {
    cause
        .script
        .as_deref()
        .and_then(|id| pack.script(id))
        .is_some_and(|s| s.discreet)
}

fn cause_card(pack: &Pack, cause: &crate::model::Cause) -> Vec<CardLine> {
    let discreet = cause_is_discreet(pack, cause);
    let mut lines = vec![
        CardLine::new(means_label(), first_sentence(&cause.description)),
        CardLine::new(retry_label(), verdict_line(&cause.verdict)),
    ];
    lines.extend(warnings(&cause.verdict, discreet, false));
    let first_step = cause
        .solutions
        .first()
        .and_then(|id| pack.solution(id))
        .and_then(|s| s.steps.first());
    if let Some(step) = first_step {
        lines.push(CardLine::new(first_label(), step.text.clone()));
    }
    lines.extend(say_line(
        cause.script.as_deref().and_then(|id| pack.script(id)),
    ));
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
        assert_eq!(
            labels,
            vec![
                means_label(),
                retry_label(),
                "!",
                first_label(),
                say_label()
            ]
        );
        assert!(card
            .iter()
            .any(|l| l.warning && l.text.contains("重复扣款")));
        assert!(card.len() <= 6);
    }

    #[test]
    fn first_sentences_stop_at_the_first_full_stop() {
        assert_eq!(first_sentence("甲。乙。"), "甲。");
        assert_eq!(first_sentence("没有句号"), "没有句号");
        let long = format!("{}；后面。另一句；还有", "很长".repeat(30));
        assert_eq!(first_sentence(&long), format!("{}。", "很长".repeat(30)));
        // A 「；」 in a later sentence does not stretch the first.
        assert_eq!(first_sentence("短句。后面；还有"), "短句。");
    }
}
