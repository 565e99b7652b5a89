//! The guided triage in a pack (`[[question]]` entries, usually under `triage/`): reading
//! the questions, and the checks that keep the tree walkable — every target exists, no
//! loops, every question reachable and answerable, every answer leads somewhere.

use super::fields::Fields;
use super::parse::{is_kebab_id, links, location, sources, Draft, Link, Target};
use crate::diagnostic::{did_you_mean, Diagnostic, Pos};
use crate::model::{code_id, normalize_code, Answer, Kind, Lead, Question, Text};
use std::collections::{HashMap, HashSet};

/// Fewest and most answers a question may have: one answer is no question, and more
/// than six no longer fit a glance (or the number keys of a hurried clerk).
pub const MIN_ANSWERS: usize = 2;
pub const MAX_ANSWERS: usize = 6;

/// Words a question or answer must not hold: they may be read out to the customer, and
/// a clerk never asks about a lost or stolen card (discretion for pick-up codes).
const INDISCREET: [&str; 4] = ["挂失", "被盗", "作弊", "没收"];

/// Where the parts of one question were written, for the checks.
#[derive(Debug, Clone)]
pub struct QuestionPlaces {
    pub id: Pos,
    /// Each answer's table, and where its `next` target was written (if it has one).
    pub answers: Vec<(Pos, Option<Pos>)>,
    pub starts: Vec<Pos>,
    pub text: Pos,
    /// Answers as written, counting those that could not be read (a dead end).
    pub written: usize,
}

/// Reads one `[[question]]`.
pub fn read_question(mut fields: Fields<'_, '_>, draft: &mut Draft) {
    let start = fields.start().clone();
    let id = fields.text("id");
    if let Some((id, pos)) = &id {
        if !is_kebab_id(id) {
            fields.errors.push(pos.error(
                format!("id \"{id}\" is not lower-case ASCII kebab-case"),
                "use letters a-z, digits and single hyphens, like \"q-has-code\"",
            ));
        }
    }
    let from = id.as_ref().map(|(id, _)| id.clone()).unwrap_or_default();
    let text = fields.text("text");
    let hint = fields.opt_text("hint").map(|(t, _)| t);
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
    let mut answers = Vec::new();
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
        if let Some((read, next_pos)) = read_answer(&mut answer, draft, &from, &pos) {
            answers.push(read);
            answer_places.push((pos, next_pos));
        }
        answer.finish();
    }
    let sources = sources(&mut fields, draft, &from);
    fields.finish();
    if let (Some((id, id_pos)), Some((text, text_pos))) = (id, text) {
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
                text: text_pos,
                written,
            },
        ));
    }
}

/// Reads one answer; returns it with where its `next` was written.
fn read_answer(
    fields: &mut Fields<'_, '_>,
    draft: &mut Draft,
    from: &Text,
    at: &Pos,
) -> Option<(Answer, Option<Pos>)> {
    let errors_before = fields.errors.len();
    let text = fields.text("text");
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
    let note = fields.opt_text("note").map(|(t, _)| t);
    let mut leads = Vec::new();
    let mut next_pos = None;
    if let Some((next, pos)) = next {
        next_pos = Some(pos);
        leads.push(Lead::Question(next));
    }
    if let Some((code, pos)) = code {
        match normalize_code(&code) {
            Some(normal) => {
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
            None => fields.errors.push(pos.error(
                format!("\"{code}\" is not a response code"),
                "write the two characters shown on the terminal, like \"05\" or \"A0\"",
            )),
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
    if leads.len() > 1 {
        fields.errors.push(at.error(
            format!(
                "answer \"{text}\" of \"{from}\" leads to {} places at once",
                leads.len()
            ),
            "give each answer one of: next, code, enter_code = true, causes, escalate",
        ));
    }
    let Some(leads_to) = leads.into_iter().next() else {
        // A lead written wrongly is reported already; only a missing one is a dead end.
        if fields.errors.len() > errors_before {
            return None;
        }
        fields.errors.push(at.error(
            format!("answer \"{text}\" of \"{from}\" is a dead end: it leads nowhere"),
            "add one of: next = \"QUESTION-ID\", code = \"05\", enter_code = true, causes = [\"...\"], escalate = { to = \"issuer\", how = \"...\" }",
        ));
        return None;
    };
    Some((
        Answer {
            text,
            leads_to,
            rule_in,
            rule_out,
            note,
        },
        next_pos,
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
                format!(
                    "duplicate id \"{id}\": already used at {}:{}:{}",
                    earlier.file, earlier.line, earlier.column
                ),
                "give the question another id and update the `next` that lead to it",
            ));
        } else {
            first.insert(id, &places.id);
        }
        let count = places.written;
        if !(MIN_ANSWERS..=MAX_ANSWERS).contains(&count) {
            errors.push(places.id.error(
                format!(
                    "question \"{id}\" has {count} answer(s): a question needs {MIN_ANSWERS} to {MAX_ANSWERS}"
                ),
                if count < MIN_ANSWERS {
                    "add [[question.answer]] entries, or link the one answer's target directly"
                } else {
                    "merge answers, or split the question in two"
                },
            ));
        }
        let spoken =
            std::iter::once(&question.text).chain(question.answers.iter().map(|a| &a.text));
        for text in spoken {
            if let Some(word) = INDISCREET.iter().find(|w| text.contains(**w)) {
                errors.push(places.text.error(
                    format!("question \"{id}\" says 「{word}」 where the customer may hear it"),
                    "ask about what the screen or the card shows; the code's discreet script says what to tell the customer",
                ));
            }
        }
    }
    check_targets(draft, &first, errors);
    check_cycles(draft, errors);
    check_reachable(draft, errors);
    check_starts(draft, errors);
}

/// `next` must name a question.
fn check_targets(draft: &Draft, questions: &HashMap<&str, &Pos>, errors: &mut Vec<Diagnostic>) {
    let mut names: Vec<&str> = questions.keys().copied().collect();
    names.sort_unstable();
    for (question, places) in &draft.triage {
        for (answer, (at, next_pos)) in question.answers.iter().zip(&places.answers) {
            let Lead::Question(next) = &answer.leads_to else {
                continue;
            };
            if questions.contains_key(next.as_str()) {
                continue;
            }
            let hint = match did_you_mean(next, &names) {
                Some(close) => format!("did you mean \"{close}\"?"),
                None => "write the id of a [[question]], or add one with this id".to_string(),
            };
            errors.push(next_pos.as_ref().unwrap_or(at).error(
                format!(
                    "`next` of \"{}\" leads to \"{next}\", but no question has that id",
                    question.id
                ),
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
    for root in 0..draft.triage.len() {
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
                                .map_or(&places.id, |(_, (at, next))| next.as_ref().unwrap_or(at));
                            errors.push(pos.error(
                                format!("the triage loops: {}", ids.join(" -> ")),
                                "lead this answer to a later question, a code, causes or an escalation",
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
                format!(
                    "question \"{}\" is unreachable: no start leads to it",
                    question.id
                ),
                "lead an answer to it with next = \"...\", give it starts = [\"SYMPTOM-ID\"], or delete it",
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
                    format!("symptom \"{symptom}\" already starts at question \"{first}\""),
                    "list each symptom in the `starts` of one question",
                )),
                Some(_) => {}
                None => {
                    started.insert(symptom.as_str(), question.id.as_str());
                }
            }
        }
    }
}
