//! Checks across files: duplicate ids, dangling links, items nothing reaches.

use super::parse::{Draft, Target};
use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::model::{Kind, Text};
use std::collections::{HashMap, HashSet, VecDeque};

/// Runs every check; the structural ones and the content rules on two cores, as each
/// reads the draft only.
pub fn check_draft(draft: &Draft, errors: &mut Vec<Diagnostic>) {
    let lang = crate::i18n::lang();
    let found = std::thread::scope(|scope| {
        let rules = scope.spawn(move || {
            let _lang = crate::i18n::scoped(lang);
            let mut found = Vec::new();
            super::rules::check_rules(draft, &mut found);
            found
        });
        let declared = check_duplicates(draft, errors);
        check_links(draft, &declared, errors);
        check_reachable(draft, errors);
        super::triage::check_triage(draft, errors);
        rules.join()
    });
    match found {
        Ok(found) => errors.extend(found),
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// Ids are one namespace across kinds, since `posdesk show ID` takes any of them.
fn check_duplicates(draft: &Draft, errors: &mut Vec<Diagnostic>) -> HashMap<Text, Option<Kind>> {
    let mut first_seen = HashMap::new();
    let mut kinds = HashMap::new();
    for declaration in &draft.declarations {
        match first_seen.get(&declaration.id) {
            Some(first) => {
                let first: &crate::diagnostic::Pos = first;
                errors.push(declaration.pos.error(
                    crate::t!(
                        "load.check.duplicate_id",
                        id = declaration.id,
                        file = first.file,
                        line = first.line,
                        column = first.column
                    ),
                    crate::t!("load.check.duplicate_id_hint"),
                ));
            }
            None => {
                first_seen.insert(declaration.id.clone(), declaration.pos.clone());
                kinds.insert(declaration.id.clone(), declaration.kind);
            }
        }
    }
    kinds
}

fn check_links(
    draft: &Draft,
    declared: &HashMap<Text, Option<Kind>>,
    errors: &mut Vec<Diagnostic>,
) {
    for link in &draft.links {
        let found = declared.get(&link.target);
        let ok = match (link.expects, found) {
            (Target::Source, Some(None)) => true,
            (Target::Item(kind), Some(Some(found_kind))) => kind == *found_kind,
            _ => false,
        };
        if ok {
            continue;
        }
        let wanted = match link.expects {
            Target::Source => None,
            Target::Item(kind) => Some(kind),
        };
        let candidates: Vec<&str> = declared
            .iter()
            .filter(|(_, kind)| match link.expects {
                Target::Source => kind.is_none(),
                Target::Item(wanted) => **kind == Some(wanted),
            })
            .map(|(id, _)| id.as_str())
            .collect();
        let message = match found {
            Some(kind) => crate::t!(
                "load.check.wrong_kind",
                field = link.field,
                from = link.from,
                target = link.target,
                found = kind_name(*kind),
                wanted = kind_name(wanted)
            ),
            None => crate::t!(
                "load.check.no_target",
                field = link.field,
                from = link.from,
                target = link.target,
                wanted = kind_name(wanted)
            ),
        };
        let hint = match did_you_mean(&link.target, &candidates) {
            Some(close) => crate::t!("load.check.did_you_mean", close = close),
            None if link.expects == Target::Item(Kind::Code) => {
                crate::t!("load.check.no_code_hint").to_string()
            }
            None => crate::t!(
                "load.check.no_target_hint",
                wanted = kind_name(wanted),
                section = wanted.map_or("source", Kind::key)
            ),
        };
        errors.push(link.pos.error(message, hint));
    }
}

/// Symptoms, codes and FAQ entries are shown on their own; everything else must be
/// reachable from one of them, or staff could never find it.
fn check_reachable(draft: &Draft, errors: &mut Vec<Diagnostic>) {
    let mut edges: HashMap<&str, Vec<&str>> = HashMap::new();
    for link in &draft.links {
        if link.expects != Target::Source {
            edges
                .entry(link.from.as_str())
                .or_default()
                .push(link.target.as_str());
        }
    }
    let mut seen: HashSet<&str> = HashSet::new();
    let mut queue: VecDeque<&str> = draft
        .declarations
        .iter()
        .filter(|d| matches!(d.kind, Some(Kind::Symptom | Kind::Code | Kind::Faq)))
        .map(|d| d.id.as_str())
        .collect();
    while let Some(id) = queue.pop_front() {
        if !seen.insert(id) {
            continue;
        }
        for next in edges.get(id).into_iter().flatten() {
            queue.push_back(next);
        }
    }
    for declaration in &draft.declarations {
        let Some(kind) = declaration.kind else {
            continue;
        };
        if seen.contains(declaration.id.as_str()) {
            continue;
        }
        let hint = match kind {
            Kind::Cause => crate::t!("load.check.unreachable_cause_hint"),
            Kind::Solution => crate::t!("load.check.unreachable_solution_hint"),
            _ => crate::t!("load.check.unreachable_script_hint"),
        };
        errors.push(declaration.pos.error(
            crate::t!(
                "load.check.unreachable",
                kind = kind_name(Some(kind)),
                id = declaration.id
            ),
            hint,
        ));
    }
}

/// What a link points at, as a pack's author calls it: a source (`None`) or a kind of item.
pub(super) fn kind_name(kind: Option<Kind>) -> &'static str {
    match kind {
        None => crate::t!("load.kind.source"),
        Some(Kind::Symptom) => crate::t!("load.kind.symptom"),
        Some(Kind::Cause) => crate::t!("load.kind.cause"),
        Some(Kind::Solution) => crate::t!("load.kind.solution"),
        Some(Kind::Faq) => crate::t!("load.kind.faq"),
        Some(Kind::Code) => crate::t!("load.kind.code"),
        Some(Kind::Script) => crate::t!("load.kind.script"),
    }
}
