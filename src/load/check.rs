//! Checks across files: duplicate ids, dangling links, items nothing reaches.

use super::parse::{Draft, Target};
use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::model::{Kind, Text};
use std::collections::{HashMap, HashSet, VecDeque};

/// Runs every check; the structural ones and the content rules on two cores, as each
/// reads the draft only.
pub fn check_draft(draft: &Draft, errors: &mut Vec<Diagnostic>) {
    let found = std::thread::scope(|scope| {
        let rules = scope.spawn(|| {
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
                    format!(
                        "duplicate id \"{}\": already used at {}:{}:{}",
                        declaration.id, first.file, first.line, first.column
                    ),
                    "give one of them another id and update the links to it",
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
            Target::Source => "source".to_string(),
            Target::Item(kind) => kind.key().to_string(),
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
            Some(kind) => format!(
                "`{}` of \"{}\" links to \"{}\", which is a {}, not a {wanted}",
                link.field,
                link.from,
                link.target,
                kind.map_or("source", Kind::key)
            ),
            None => format!(
                "`{}` of \"{}\" links to \"{}\", but no {wanted} has that id",
                link.field, link.from, link.target
            ),
        };
        let hint = match did_you_mean(&link.target, &candidates) {
            Some(close) => format!("did you mean \"{close}\"?"),
            None if link.expects == Target::Item(Kind::Code) => {
                "add a [[code]] entry for this code to codes.toml, or remove it".to_string()
            }
            None => {
                format!("write the id of an existing {wanted}, or add a [[{wanted}]] with this id")
            }
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
        let linked_from = match kind {
            Kind::Cause => "the `causes` of a symptom, code or FAQ entry",
            Kind::Solution => "the `solutions` of a cause",
            _ => "the `script` of a cause or code",
        };
        errors.push(declaration.pos.error(
            format!(
                "{} \"{}\" is unreachable: nothing staff can open links to it",
                kind.key(),
                declaration.id
            ),
            format!("add its id to {linked_from}, or delete it"),
        ));
    }
}
