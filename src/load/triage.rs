//! The guided triage in a pack (`[[question]]` entries, usually under `triage/`): reading
//! the questions, and the checks that keep the tree walkable — every target exists, no
//! loops, every question reachable and answerable, every answer leads somewhere.

use super::fields::Fields;
use super::parse::{checked_code, is_kebab_id, links, location, sources, Draft, Link, Target};
use super::rules::quoted;
use crate::diagnostic::{did_you_mean, Diagnostic, Pos};
use crate::model::{code_id, Answer, Kind, Lead, Question, Text};
use std::collections::{HashMap, HashSet};

/// Fewest and most answers a question may have: one answer is no question, and more
/// than six no longer fit a glance (or the number keys of a hurried clerk).
pub const MIN_ANSWERS: usize = 2;
pub const MAX_ANSWERS: usize = 6;

/// Where the parts of one question were written, for the checks.
#[derive(Debug, Clone)]
pub struct QuestionPlaces {
    pub id: Pos,
    pub answers: Vec<AnswerPlaces>,
    pub starts: Vec<Pos>,
    /// Answers as written, counting those that could not be read (a dead end).
    pub written: usize,
}

/// Where the parts of one answer were written.
#[derive(Debug, Clone)]
pub struct AnswerPlaces {
    pub table: Pos,
    pub next: Option<Pos>,
    pub note: Option<Pos>,
}

/// What a clerk may read out or act on must follow the pack's safety rules: no word that
/// discloses a lost, stolen or fraud card (a clerk never asks about one), no advice to
/// split a sale. Each problem is reported where the text was written.
fn check_spoken(text: &str, pos: &Pos, what: &str, errors: &mut Vec<Diagnostic>) {
    if let Some(word) = crate::advice::disclosing_word(text) {
        errors.push(pos.error(
            crate::t!("load.triage.discloses", what = what, word = quoted(word)),
            crate::t!("load.triage.discloses_hint"),
        ));
    }
    if let Some(phrase) = crate::advice::splits_sale(text) {
        errors.push(pos.error(
            crate::t!("load.triage.splits", what = what, phrase = quoted(phrase)),
            crate::t!("load.triage.splits_hint"),
        ));
    }
}

/// Reads one `[[question]]`.
pub fn read_question(mut fields: Fields<'_, '_>, draft: &mut Draft) {
    let start = fields.start().clone();
    let id = fields.text("id");
    if let Some((id, pos)) = &id {
        if !is_kebab_id(id) {
            fields.errors.push(pos.error(
                crate::t!("load.parse.bad_id", id = id),
                crate::t!("load.parse.bad_id_hint", example = "q-has-code"),
            ));
        }
    }
    let from = id.as_ref().map(|(id, _)| id.clone()).unwrap_or_default();
    let text = fields.text("text");
    if let Some((text, pos)) = &text {
        let what = crate::t!("load.triage.what_question", id = from);
        check_spoken(text, pos, &what, fields.errors);
    }
    let hint = fields.opt_text("hint").map(|(hint, pos)| {
        let what = crate::t!("load.triage.what_hint", id = from);
        check_spoken(&hint, &pos, &what, fields.errors);
        hint
    });
    let start_entries = fields.text_list("starts", false);
    let mut starts = Vec::new();
    let mut start_places = Vec::new();
    for (symptom, pos) in start_entries {
        draft.links.push(Link {
            from: from.clone(),
            field: "starts",
            target: symptom.clone(),
            expects: Target::Item(Kind::Symptom),
            pos: pos.clone(),
        });
        starts.push(symptom);
        start_places.push(pos);
    }
    let mut answers: Vec<Answer> = Vec::new();
    let mut answer_places = Vec::new();
    let tables = fields.table_list("answer");
    let written = tables.len();
    for (table, pos) in tables {
        let mut answer = Fields::new(
            table,
            pos.clone(),
            "[[question.answer]]",
            fields.file(),
            fields.errors,
        );
        if let Some((read, places)) = read_answer(&mut answer, draft, &from, &pos) {
            if answers.iter().any(|a| a.text == read.text) {
                answer.errors.push(pos.error(
                    crate::t!("load.triage.answer_twice", id = from, answer = read.text),
                    crate::t!("load.triage.answer_twice_hint"),
                ));
            }
            answers.push(read);
            answer_places.push(places);
        }
        answer.finish();
    }
    let sources = sources(&mut fields, draft, &from);
    fields.finish();
    if let (Some((id, id_pos)), Some((text, _))) = (id, text) {
        draft.triage.push((
            Question {
                id,
                text,
                hint,
                starts,
                answers,
                sources,
                location: location(&start),
            },
            QuestionPlaces {
                id: id_pos,
                answers: answer_places,
                starts: start_places,
                written,
            },
        ));
    }
}

/// Reads one answer; returns it with where its parts were written.
fn read_answer(
    fields: &mut Fields<'_, '_>,
    draft: &mut Draft,
    from: &Text,
    at: &Pos,
) -> Option<(Answer, AnswerPlaces)> {
    let errors_before = fields.errors.len();
    let text = fields.text("text");
    if let Some((text, pos)) = &text {
        let what = crate::t!("load.triage.what_answer", id = from);
        check_spoken(text, pos, &what, fields.errors);
    }
    let next = fields.opt_text("next");
    let code = fields.opt_text("code");
    let enter_code = fields.opt_bool("enter_code").unwrap_or(false);
    let causes = links(
        fields,
        draft,
        from,
        "causes",
        Target::Item(Kind::Cause),
        false,
    );
    let escalate = fields.opt_table("escalate");
    let rule_in = links(
        fields,
        draft,
        from,
        "rule_in",
        Target::Item(Kind::Cause),
        false,
    );
    let rule_out = links(
        fields,
        draft,
        from,
        "rule_out",
        Target::Item(Kind::Cause),
        false,
    );
    let note = fields.opt_text("note");
    if let Some((note, pos)) = &note {
        let what = crate::t!("load.triage.what_note", id = from);
        check_spoken(note, pos, &what, fields.errors);
    }
    let mut leads = Vec::new();
    let mut next_pos = None;
    if let Some((next, pos)) = next {
        next_pos = Some(pos);
        leads.push(Lead::Question(next));
    }
    if let Some((code, pos)) = code {
        if let Some(normal) = checked_code(&code, &pos, fields.errors) {
            let id = code_id(&normal);
            draft.links.push(Link {
                from: from.clone(),
                field: "code",
                target: id.as_str().into(),
                expects: Target::Item(Kind::Code),
                pos,
            });
            leads.push(Lead::Code(id.into()));
        }
    }
    if enter_code {
        leads.push(Lead::EnterCode);
    }
    if !causes.is_empty() {
        leads.push(Lead::Causes(causes));
    }
    if let Some((table, pos)) = escalate {
        let mut esc = Fields::new(
            table,
            pos,
            "[question.answer.escalate]",
            fields.file(),
            fields.errors,
        );
        let to = esc.actor("to");
        let how = esc.text("how");
        esc.finish();
        if let (Some(to), Some((how, _))) = (to, how) {
            leads.push(Lead::Escalate { to, how });
        }
    }
    let (text, _) = text?;
    let kept = rule_in.iter().chain(match leads.first() {
        Some(Lead::Causes(ids)) => ids.as_slice(),
        _ => &[],
    });
    if let Some(both) = kept.clone().find(|id| rule_out.contains(id)) {
        fields.errors.push(at.error(
            crate::t!(
                "load.triage.keeps_and_rules_out",
                answer = text,
                id = from,
                cause = both
            ),
            crate::t!("load.triage.keeps_and_rules_out_hint"),
        ));
    }
    if leads.len() > 1 {
        fields.errors.push(at.error(
            crate::t!(
                "load.triage.many_leads",
                answer = text,
                id = from,
                count = leads.len()
            ),
            crate::t!("load.triage.many_leads_hint"),
        ));
    }
    let Some(leads_to) = leads.into_iter().next() else {
        // A lead written wrongly is reported already; only a missing one is a dead end.
        if fields.errors.len() > errors_before {
            return None;
        }
        fields.errors.push(at.error(
            crate::t!("load.triage.dead_end", answer = text, id = from),
            crate::t!("load.triage.dead_end_hint"),
        ));
        return None;
    };
    let (note, note_pos) = match note {
        Some((note, pos)) => (Some(note), Some(pos)),
        None => (None, None),
    };
    Some((
        Answer {
            text,
            leads_to,
            rule_in,
            rule_out,
            note,
        },
        AnswerPlaces {
            table: at.clone(),
            next: next_pos,
            note: note_pos,
        },
    ))
}

/// The checks of the tree as a whole, once every file is read.
pub fn check_triage(draft: &Draft, errors: &mut Vec<Diagnostic>) {
    let mut first: HashMap<&str, &Pos> = HashMap::new();
    let item_ids: HashMap<&str, &Pos> = draft
        .declarations
        .iter()
        .map(|d| (d.id.as_str(), &d.pos))
        .collect();
    for (question, places) in &draft.triage {
        let id = question.id.as_str();
        if let Some(earlier) = first.get(id).or_else(|| item_ids.get(id)) {
            errors.push(places.id.error(
                crate::t!(
                    "load.check.duplicate_id",
                    id = id,
                    file = earlier.file,
                    line = earlier.line,
                    column = earlier.column
                ),
                crate::t!("load.triage.duplicate_id_hint"),
            ));
        } else {
            first.insert(id, &places.id);
        }
        let count = places.written;
        // No answers at all is reported as a missing `answer` already.
        if count > 0 && !(MIN_ANSWERS..=MAX_ANSWERS).contains(&count) {
            errors.push(places.id.error(
                crate::t!(
                    "load.triage.answer_count",
                    id = id,
                    count = count,
                    min = MIN_ANSWERS,
                    max = MAX_ANSWERS
                ),
                if count < MIN_ANSWERS {
                    crate::t!("load.triage.too_few_hint")
                } else {
                    crate::t!("load.triage.too_many_hint")
                },
            ));
        }
    }
    check_notes(draft, errors);
    check_targets(draft, &first, errors);
    check_cycles(draft, errors);
    check_reachable(draft, errors);
    check_starts(draft, errors);
}

/// A note is advice: it may not allow a retry that the verdict of a cause it points at
/// forbids (or forbid one it allows).
fn check_notes(draft: &Draft, errors: &mut Vec<Diagnostic>) {
    let verdicts: HashMap<&str, &crate::model::Verdict> = draft
        .causes
        .iter()
        .map(|c| (c.id.as_str(), &c.verdict))
        .chain(draft.codes.iter().map(|c| (c.id.as_str(), &c.verdict)))
        .collect();
    let code_causes: HashMap<&str, &[Text]> = draft
        .codes
        .iter()
        .map(|c| (c.id.as_str(), c.causes.as_slice()))
        .collect();
    for (question, places) in &draft.triage {
        for (answer, places) in question.answers.iter().zip(&places.answers) {
            let (Some(note), Some(pos)) = (&answer.note, &places.note) else {
                continue;
            };
            let mut pointed: Vec<&str> = answer.rule_in.iter().map(|id| id.as_str()).collect();
            match &answer.leads_to {
                Lead::Causes(ids) => pointed.extend(ids.iter().map(|id| id.as_str())),
                Lead::Code(code) => {
                    pointed.push(code.as_str());
                    if let Some(causes) = code_causes.get(code.as_str()) {
                        pointed.extend(causes.iter().map(|id| id.as_str()));
                    }
                }
                _ => {}
            }
            for id in pointed {
                let Some(verdict) = verdicts.get(id) else {
                    continue;
                };
                if let Some(claim) = crate::advice::contradiction(note, verdict) {
                    errors.push(pos.error(
                        crate::t!(
                            "load.triage.note_contradicts",
                            id = question.id,
                            phrase = quoted(&claim.phrase),
                            cause = id
                        ),
                        crate::t!("load.triage.note_contradicts_hint"),
                    ));
                }
            }
        }
    }
}

/// `next` must name a question.
fn check_targets(draft: &Draft, questions: &HashMap<&str, &Pos>, errors: &mut Vec<Diagnostic>) {
    let mut names: Vec<&str> = questions.keys().copied().collect();
    names.sort_unstable();
    for (question, places) in &draft.triage {
        for (answer, places) in question.answers.iter().zip(&places.answers) {
            let Lead::Question(next) = &answer.leads_to else {
                continue;
            };
            let (at, next_pos) = (&places.table, &places.next);
            if questions.contains_key(next.as_str()) {
                continue;
            }
            let hint = match did_you_mean(next, &names) {
                Some(close) => crate::t!("load.check.did_you_mean", close = close),
                None => crate::t!("load.triage.no_question_hint").to_string(),
            };
            errors.push(next_pos.as_ref().unwrap_or(at).error(
                crate::t!("load.triage.no_question", id = question.id, next = next),
                hint,
            ));
        }
    }
}

/// The questions an answer of `question` leads to.
fn nexts(question: &Question) -> impl Iterator<Item = &str> {
    question.answers.iter().filter_map(|a| match &a.leads_to {
        Lead::Question(next) => Some(next.as_str()),
        _ => None,
    })
}

/// A loop would keep asking for ever: each is reported once, where it closes.
fn check_cycles(draft: &Draft, errors: &mut Vec<Diagnostic>) {
    let by_id: HashMap<&str, usize> = draft
        .triage
        .iter()
        .enumerate()
        .map(|(i, (q, _))| (q.id.as_str(), i))
        .collect();
    // 0 unseen, 1 on the current path, 2 done.
    let mut state = vec![0u8; draft.triage.len()];
    // From the starts first, so a loop is reported at the answer that leads back.
    let mut roots: Vec<usize> = (0..draft.triage.len())
        .filter(|&i| {
            draft
                .triage
                .get(i)
                .is_some_and(|(q, _)| !q.starts.is_empty())
        })
        .collect();
    roots.extend(0..draft.triage.len());
    for root in roots {
        if state.get(root) != Some(&0) {
            continue;
        }
        // An explicit stack, so a deep tree cannot overflow the real one.
        let mut stack: Vec<(usize, Vec<usize>)> = vec![(root, Vec::new())];
        let mut path: Vec<usize> = Vec::new();
        while let Some((at, _)) = stack.last() {
            let at = *at;
            if state.get(at) == Some(&0) {
                if let Some(s) = state.get_mut(at) {
                    *s = 1;
                }
                path.push(at);
                let children: Vec<usize> = draft
                    .triage
                    .get(at)
                    .map(|(q, _)| nexts(q).filter_map(|n| by_id.get(n).copied()).collect())
                    .unwrap_or_default();
                if let Some(top) = stack.last_mut() {
                    top.1 = children;
                }
            }
            let next = stack.last_mut().and_then(|(_, children)| children.pop());
            match next {
                Some(child) => match state.get(child) {
                    Some(0) => stack.push((child, Vec::new())),
                    Some(1) => {
                        let from = path.iter().position(|&p| p == child).unwrap_or(0);
                        let ids: Vec<&str> = path
                            .get(from..)
                            .unwrap_or_default()
                            .iter()
                            .chain(std::iter::once(&child))
                            .filter_map(|&i| draft.triage.get(i).map(|(q, _)| q.id.as_str()))
                            .collect();
                        if let Some((question, places)) = draft.triage.get(at) {
                            let pos = question
                                .answers
                                .iter()
                                .zip(&places.answers)
                                .find(|(a, _)| {
                                    matches!(&a.leads_to, Lead::Question(n) if by_id.get(n.as_str()) == Some(&child))
                                })
                                .map_or(&places.id, |(_, a)| a.next.as_ref().unwrap_or(&a.table));
                            let shown = if ids.len() > 8 {
                                let tail = ids.get(ids.len() - 3..).unwrap_or_default();
                                crate::t!(
                                    "load.triage.long_loop",
                                    head = ids.get(..3).unwrap_or_default().join(" -> "),
                                    count = ids.len(),
                                    tail = tail.join(" -> ")
                                )
                            } else {
                                ids.join(" -> ")
                            };
                            errors.push(pos.error(
                                crate::t!("load.triage.loops", path = shown),
                                crate::t!("load.triage.loops_hint"),
                            ));
                        }
                    }
                    _ => {}
                },
                None => {
                    if let Some(s) = state.get_mut(at) {
                        *s = 2;
                    }
                    path.pop();
                    stack.pop();
                }
            }
        }
    }
}

/// Every question must be reachable from a question that starts a symptom's triage.
fn check_reachable(draft: &Draft, errors: &mut Vec<Diagnostic>) {
    let by_id: HashMap<&str, &Question> = draft
        .triage
        .iter()
        .map(|(q, _)| (q.id.as_str(), q))
        .collect();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut queue: Vec<&str> = draft
        .triage
        .iter()
        .filter(|(q, _)| !q.starts.is_empty())
        .map(|(q, _)| q.id.as_str())
        .collect();
    while let Some(id) = queue.pop() {
        if !seen.insert(id) {
            continue;
        }
        if let Some(question) = by_id.get(id) {
            queue.extend(nexts(question));
        }
    }
    for (question, places) in &draft.triage {
        if !seen.contains(question.id.as_str()) {
            errors.push(places.id.error(
                crate::t!("load.triage.unreachable", id = question.id),
                crate::t!("load.triage.unreachable_hint"),
            ));
        }
    }
}

/// A symptom's triage starts at one question.
fn check_starts(draft: &Draft, errors: &mut Vec<Diagnostic>) {
    let mut started: HashMap<&str, &str> = HashMap::new();
    for (question, places) in &draft.triage {
        for (symptom, pos) in question.starts.iter().zip(&places.starts) {
            match started.get(symptom.as_str()) {
                Some(first) if *first != question.id.as_str() => errors.push(pos.error(
                    crate::t!("load.triage.second_start", symptom = symptom, first = first),
                    crate::t!("load.triage.second_start_hint"),
                )),
                Some(_) => {}
                None => {
                    started.insert(symptom.as_str(), question.id.as_str());
                }
            }
        }
    }
}
