//! The content rules that keep advice safe (PRODUCT.md, "Safety rules"): one verdict per
//! code and cause that no sentence contradicts, discreet wording for risk cards, no promised
//! outcome while it is unknown, no split sales, aliases that find one item, steps that say
//! where they came from.

use super::parse::Draft;
use crate::advice::{contradiction, disclosing_word, promised_outcome, splits_sale};
use crate::diagnostic::{Diagnostic, Pos};
use crate::model::{CodeClass, Script, Solution, Text, Verdict, DISCREET_CODES};
use std::collections::{HashMap, HashSet};

pub fn check_rules(draft: &Draft, errors: &mut Vec<Diagnostic>) {
    let rules = Rules::new(draft);
    let lang = crate::i18n::lang();
    // The costliest rule on a core of its own.
    let found = std::thread::scope(|scope| {
        let wording = scope.spawn(|| {
            let _lang = crate::i18n::scoped(lang);
            let mut found = Vec::new();
            rules.wording_against_verdicts(&mut found);
            found
        });
        rules.other_rules(errors);
        wording.join()
    });
    match found {
        Ok(found) => errors.extend(found),
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

impl Rules<'_> {
    fn other_rules(&self, errors: &mut Vec<Diagnostic>) {
        let rules = self;
        rules.discreet_codes(errors);
        rules.customer_questions(errors);
        rules.success_codes(errors);
        rules.unknown_outcome_causes(errors);
        rules.codes_against_causes(errors);
        rules.unknown_outcome_scripts(errors);
        rules.split_sales(errors);
        rules.alias_collisions(errors);
        rules.step_sources(errors);
    }
}

struct Rules<'a> {
    draft: &'a Draft,
    declared: HashMap<&'a str, &'a Pos>,
    scripts: HashMap<&'a str, &'a Script>,
    solutions: HashMap<&'a str, &'a Solution>,
    causes: HashMap<&'a str, &'a crate::model::Cause>,
}

impl<'a> Rules<'a> {
    fn new(draft: &'a Draft) -> Rules<'a> {
        let mut declared = HashMap::new();
        for declaration in &draft.declarations {
            declared
                .entry(declaration.id.as_str())
                .or_insert(&declaration.pos);
        }
        // Lookups by id keep the rules linear in the size of the pack.
        let scripts = draft.scripts.iter().map(|s| (s.id.as_str(), s)).collect();
        let solutions = draft.solutions.iter().map(|s| (s.id.as_str(), s)).collect();
        let causes = draft.causes.iter().map(|c| (c.id.as_str(), c)).collect();
        Rules {
            draft,
            declared,
            scripts,
            solutions,
            causes,
        }
    }

    /// Where entry `index` of `key` was written, or where the item starts.
    fn at(&self, id: &str, key: &'static str, index: usize) -> Pos {
        self.draft
            .place_of(id, key, index)
            .or_else(|| self.declared.get(id).copied())
            .cloned()
            .unwrap_or_else(|| Pos::start_of("content"))
    }

    /// Where link `index` of an item's `field` was written.
    fn link_at(&self, from: &str, field: &str, index: usize) -> Pos {
        self.draft
            .links
            .iter()
            .filter(|l| l.from == from && l.field == field)
            .nth(index)
            .map(|l| l.pos.clone())
            .unwrap_or_else(|| self.at(from, "verdict", 0))
    }

    fn cause_script(&self, cause: &str) -> Option<&'a str> {
        self.causes.get(cause).and_then(|c| c.script.as_deref())
    }

    /// The scripts a clerk reaches from a code: its own, and its causes'.
    fn code_scripts(&self, code: &'a crate::model::Code) -> Vec<(&'a str, String)> {
        let mut found: Vec<(&'a str, String)> = Vec::new();
        if let Some(script) = code.script.as_deref() {
            found.push((
                script,
                crate::t!("load.rules.holder_code", code = code.code),
            ));
        }
        for cause in &code.causes {
            if let Some(script) = self.cause_script(cause) {
                found.push((
                    script,
                    crate::t!("load.rules.via_cause", code = code.code, cause = cause),
                ));
            }
        }
        found
    }

    /// Pick-up and fraud codes are discreet, have a script, and reach discreet scripts only;
    /// discreet scripts never name the reason.
    fn discreet_codes(&self, errors: &mut Vec<Diagnostic>) {
        let mut reported: HashSet<&str> = HashSet::new();
        for code in &self.draft.codes {
            let must_be_discreet = DISCREET_CODES.contains(&code.code.as_str());
            if must_be_discreet && !code.discreet {
                errors.push(self.at(&code.id, "class", 0).error(
                    crate::t!("load.rules.not_discreet_code", code = code.code),
                    crate::t!("load.rules.not_discreet_code_hint"),
                ));
            }
            if !code.discreet {
                continue;
            }
            if code.script.is_none() {
                errors.push(self.at(&code.id, "class", 0).error(
                    crate::t!("load.rules.discreet_no_script", code = code.code),
                    crate::t!("load.rules.discreet_no_script_hint"),
                ));
            }
            for (script_id, via) in self.code_scripts(code) {
                let Some(script) = self.scripts.get(script_id) else {
                    continue;
                };
                if !script.discreet && reported.insert(script_id) {
                    errors.push(self.at(script_id, "say", 0).error(
                        crate::t!(
                            "load.rules.script_not_discreet",
                            script = script_id,
                            via = via
                        ),
                        crate::t!("load.rules.script_not_discreet_hint"),
                    ));
                }
            }
        }
        for script in self.draft.scripts.iter().filter(|s| s.discreet) {
            for (key, lines) in [("say", &script.say), ("say_en", &script.say_en)] {
                for (index, line) in lines.iter().enumerate() {
                    if let Some(word) = disclosing_word(line) {
                        errors.push(self.at(&script.id, key, index).error(
                            crate::t!("load.rules.discloses", script = script.id, word = word),
                            crate::t!("load.rules.discloses_hint"),
                        ));
                    }
                }
            }
        }
    }

    /// A clerk never asks a customer about a lost, stolen or fraud status: only the
    /// terminal's code can tell, and asking accuses.
    fn customer_questions(&self, errors: &mut Vec<Diagnostic>) {
        for cause in &self.draft.causes {
            for (index, question) in cause.questions.iter().enumerate() {
                if let Some(word) = disclosing_word(question) {
                    errors.push(self.at(&cause.id, "questions", index).error(
                        crate::t!("load.rules.asks_customer", cause = cause.id, word = word),
                        crate::t!("load.rules.asks_customer_hint"),
                    ));
                }
            }
        }
    }

    /// A class A code is a success: retrying it charges the customer again.
    fn success_codes(&self, errors: &mut Vec<Diagnostic>) {
        for code in &self.draft.codes {
            let v = &code.verdict;
            if code.class == CodeClass::A && (v.now || v.later || v.other) {
                errors.push(self.at(&code.id, "verdict", 0).error(
                    crate::t!("load.rules.success_retry", code = code.code),
                    crate::t!("load.rules.success_retry_hint"),
                ));
            }
        }
    }

    /// No sentence shown with a code or cause may contradict its verdict.
    fn wording_against_verdicts(&self, errors: &mut Vec<Diagnostic>) {
        for code in &self.draft.codes {
            let mut texts = vec![
                (code.id.as_str(), "meaning", 0, code.meaning.as_str()),
                (code.id.as_str(), "action", 0, code.action.as_str()),
            ];
            if let Some(script) = code.script.as_deref().and_then(|s| self.scripts.get(s)) {
                texts.extend(script_lines(script));
            }
            self.check_texts(
                &crate::t!("load.rules.holder_code", code = code.code),
                &code.verdict,
                texts,
                errors,
            );
        }
        for cause in &self.draft.causes {
            let mut texts = vec![(
                cause.id.as_str(),
                "description",
                0,
                cause.description.as_str(),
            )];
            texts.extend(indexed(&cause.id, "checks", &cause.checks));
            for solution in cause
                .solutions
                .iter()
                .filter_map(|id| self.solutions.get(id.as_str()))
            {
                texts.extend(step_lines(solution));
                texts.extend(indexed(&solution.id, "notes", &solution.notes));
                if let Some(escalate) = &solution.escalate {
                    texts.push((solution.id.as_str(), "escalate", 0, escalate.when.as_str()));
                    if let Some(how) = &escalate.how {
                        texts.push((solution.id.as_str(), "escalate", 1, how.as_str()));
                    }
                }
            }
            if let Some(script) = cause.script.as_deref().and_then(|s| self.scripts.get(s)) {
                texts.extend(script_lines(script));
            }
            self.check_texts(
                &crate::t!("load.rules.holder_cause", cause = cause.id),
                &cause.verdict,
                texts,
                errors,
            );
        }
    }

    fn check_texts(
        &self,
        holder: &str,
        verdict: &Verdict,
        texts: Vec<(&str, &'static str, usize, &str)>,
        errors: &mut Vec<Diagnostic>,
    ) {
        for (id, key, index, text) in texts {
            if let Some(claim) = contradiction(text, verdict) {
                errors.push(self.at(id, key, index).error(
                    crate::t!(
                        "load.rules.contradiction",
                        phrase = claim.phrase,
                        said = verdict_words(claim.part, claim.allowed),
                        holder = holder,
                        verdict_says = verdict_words(claim.part, claim.part.allowed_by(verdict))
                    ),
                    crate::t!("load.rules.contradiction_hint"),
                ));
            }
        }
    }

    /// A code whose outcome may be unknown leads only to causes that say so too: a cause
    /// without "check first" under it would read as a plain decline.
    fn unknown_outcome_causes(&self, errors: &mut Vec<Diagnostic>) {
        for code in self.draft.codes.iter().filter(|c| c.verdict.check_first) {
            for (index, id) in code.causes.iter().enumerate() {
                let Some(cause) = self.causes.get(id.as_str()) else {
                    continue;
                };
                if !cause.verdict.check_first {
                    let at = self.link_at(&code.id, "causes", index);
                    errors.push(at.error(
                        crate::t!("load.rules.unknown_cause", code = code.code, cause = id),
                        crate::t!("load.rules.unknown_cause_hint"),
                    ));
                }
            }
        }
    }

    /// A cause shown under a code may be stricter than the code, never looser: the same
    /// screen must not say 「不要」 for the code and 「可以」 for its cause.
    fn codes_against_causes(&self, errors: &mut Vec<Diagnostic>) {
        use crate::advice::RetryPart;
        for code in &self.draft.codes {
            for (index, id) in code.causes.iter().enumerate() {
                let Some(cause) = self.causes.get(id.as_str()) else {
                    continue;
                };
                let looser = [RetryPart::Now, RetryPart::Later, RetryPart::Other]
                    .into_iter()
                    .find(|part| {
                        part.allowed_by(&cause.verdict) && !part.allowed_by(&code.verdict)
                    });
                let Some(part) = looser else {
                    continue;
                };
                let at = self.link_at(&code.id, "causes", index);
                errors.push(at.error(
                    crate::t!(
                        "load.rules.looser_cause",
                        code = code.code,
                        no = verdict_words(part, false),
                        cause = id,
                        yes = yes_or_no(true)
                    ),
                    crate::t!("load.rules.looser_cause_hint"),
                ));
            }
        }
    }

    /// While the outcome is unknown, no customer line says how the sale ended.
    fn unknown_outcome_scripts(&self, errors: &mut Vec<Diagnostic>) {
        let mut unknown: Vec<(&str, String)> = Vec::new();
        for code in self.draft.codes.iter().filter(|c| c.verdict.check_first) {
            unknown.extend(self.code_scripts(code));
        }
        for cause in self.draft.causes.iter().filter(|c| c.verdict.check_first) {
            if let Some(script) = cause.script.as_deref() {
                unknown.push((
                    script,
                    crate::t!("load.rules.holder_cause", cause = cause.id),
                ));
            }
        }
        let mut reported: HashSet<(&str, &str, usize)> = HashSet::new();
        for (script_id, via) in unknown {
            let Some(script) = self.scripts.get(script_id) else {
                continue;
            };
            let lines = script
                .say
                .iter()
                .enumerate()
                .map(|(i, line)| ("say", i, line))
                .chain(
                    script
                        .say_en
                        .iter()
                        .enumerate()
                        .map(|(i, line)| ("say_en", i, line)),
                );
            for (key, index, line) in lines {
                let Some(promise) = promised_outcome(line) else {
                    continue;
                };
                if reported.insert((script_id, key, index)) {
                    errors.push(self.at(script_id, key, index).error(
                        crate::t!(
                            "load.rules.promises",
                            script = script_id,
                            promise = promise,
                            via = via
                        ),
                        crate::t!("load.rules.promises_hint", example = CHECKING_EXAMPLE),
                    ));
                }
            }
        }
    }

    /// Never one sale in several slips on the same card to get under a limit.
    fn split_sales(&self, errors: &mut Vec<Diagnostic>) {
        // Checked text by text as they are walked: a large pack's texts are not gathered.
        let mut check = |(id, key, index, text): Line<'_>| {
            if let Some(words) = splits_sale(text) {
                errors.push(self.at(id, key, index).error(
                    crate::t!("load.rules.split_sale", words = words),
                    crate::t!("load.rules.split_sale_hint", term = SPLIT_SALE_TERM),
                ));
            }
        };
        for code in &self.draft.codes {
            check((&code.id, "action", 0, code.action.as_str()));
        }
        for cause in &self.draft.causes {
            check((&cause.id, "description", 0, cause.description.as_str()));
            indexed(&cause.id, "checks", &cause.checks)
                .into_iter()
                .for_each(&mut check);
        }
        for solution in &self.draft.solutions {
            step_lines(solution).into_iter().for_each(&mut check);
            indexed(&solution.id, "notes", &solution.notes)
                .into_iter()
                .for_each(&mut check);
        }
        for script in &self.draft.scripts {
            script_lines(script).into_iter().for_each(&mut check);
        }
        for faq in &self.draft.faqs {
            check((&faq.id, "answer", 0, faq.answer.as_str()));
        }
    }

    /// An alias that is another item's title would send a clerk to the wrong item.
    fn alias_collisions(&self, errors: &mut Vec<Diagnostic>) {
        let mut titles: HashMap<String, &str> = HashMap::new();
        let mut add = |title: &str, id: &'a str| {
            titles.entry(fold(title)).or_insert(id);
        };
        for s in &self.draft.symptoms {
            add(&s.title, &s.id);
        }
        for c in &self.draft.causes {
            add(&c.title, &c.id);
        }
        for s in &self.draft.solutions {
            add(&s.title, &s.id);
        }
        for f in &self.draft.faqs {
            add(&f.question, &f.id);
        }
        for c in &self.draft.codes {
            add(&c.display, &c.id);
            add(&format!("{} {}", c.code, c.display), &c.id);
        }
        for s in &self.draft.scripts {
            add(&s.title, &s.id);
        }
        let aliases = self
            .draft
            .symptoms
            .iter()
            .map(|s| (&s.id, &s.aliases))
            .chain(self.draft.causes.iter().map(|c| (&c.id, &c.aliases)))
            .chain(self.draft.solutions.iter().map(|s| (&s.id, &s.aliases)))
            .chain(self.draft.faqs.iter().map(|f| (&f.id, &f.aliases)))
            .chain(self.draft.codes.iter().map(|c| (&c.id, &c.aliases)))
            .chain(self.draft.scripts.iter().map(|s| (&s.id, &s.aliases)));
        for (id, list) in aliases {
            for (index, alias) in list.iter().enumerate() {
                match titles.get(&fold(alias)) {
                    Some(owner) if *owner != id.as_str() => {
                        errors.push(self.at(id, "aliases", index).error(
                            crate::t!(
                                "load.rules.alias_title",
                                alias = alias,
                                id = id,
                                owner = owner
                            ),
                            crate::t!("load.rules.alias_title_hint", owner = owner, id = id),
                        ));
                    }
                    _ => {}
                }
            }
        }
    }

    /// In a solution that mixes the article with added knowledge, every step says which
    /// it is, so a trainer can tell them apart.
    fn step_sources(&self, errors: &mut Vec<Diagnostic>) {
        let origins: HashMap<&str, &str> = self
            .draft
            .sources
            .iter()
            .map(|s| (s.id.as_str(), s.origin.as_str()))
            .collect();
        for (solution_id, pos) in &self.draft.steps_without_sources {
            let Some(solution) = self.solutions.get(solution_id.as_str()) else {
                continue;
            };
            let kinds: HashSet<&str> = solution
                .sources
                .iter()
                .filter_map(|id| origins.get(id.as_str()).copied())
                .collect();
            if kinds.len() > 1 {
                errors.push(pos.error(
                    crate::t!(
                        "load.rules.mixed_sources",
                        solution = solution_id,
                        kinds = sorted(&kinds).join(crate::t!("load.rules.and_sep"))
                    ),
                    crate::t!("load.rules.mixed_sources_hint"),
                ));
            }
        }
    }
}

/// What a verdict says of one part, in the UI's words: 同卡稍后「不要」, Same card later "no".
fn verdict_words(part: crate::advice::RetryPart, allowed: bool) -> String {
    crate::t!(
        "load.rules.verdict_words",
        part = part.label(),
        answer = yes_or_no(allowed)
    )
}

/// A verdict's answer, quoted as the messages quote it: 「可以」 or 「不要」, "yes" or "no".
fn yes_or_no(allowed: bool) -> String {
    crate::t!(
        "load.rules.quoted_answer",
        answer = if allowed {
            crate::t!("quiz.generate.allowed")
        } else {
            crate::t!("quiz.generate.not_allowed")
        }
    )
}

/// A phrase of the content (Chinese, as the rules match it), in the corner brackets every
/// language's message shows it in.
pub(super) fn quoted(phrase: &str) -> String {
    format!("「{phrase}」") // not UI: brackets around the content's words, in both languages
}

/// The example of wording for an unknown outcome, as a pack writes it.
const CHECKING_EXAMPLE: &str = "这笔交易的结果我先确认一下"; // not UI: content as a pack writes it
/// The acquirers' word for a split sale, which pack authors know it by.
const SPLIT_SALE_TERM: &str = "拆单"; // not UI: the trade's term, quoted

fn sorted<'s>(set: &HashSet<&'s str>) -> Vec<&'s str> {
    let mut list: Vec<&str> = set.iter().copied().collect();
    list.sort_unstable();
    list
}

/// Titles and aliases compared as a clerk would type them.
fn fold(text: &str) -> String {
    crate::model::fold_full_width(text)
        .trim()
        .to_lowercase()
        .replace(char::is_whitespace, "")
}

type Line<'t> = (&'t str, &'static str, usize, &'t str);

fn indexed<'t>(id: &'t str, key: &'static str, lines: &'t [Text]) -> Vec<Line<'t>> {
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| (id, key, i, line.as_str()))
        .collect()
}

fn step_lines(solution: &Solution) -> Vec<Line<'_>> {
    solution
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| (solution.id.as_str(), "step", i, step.text.as_str()))
        .collect()
}

fn script_lines(script: &Script) -> Vec<Line<'_>> {
    indexed(&script.id, "say", &script.say)
}
