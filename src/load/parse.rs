//! Turns one content file into items, recording where every id and link was written.

use super::fields::Fields;
use crate::diagnostic::{did_you_mean, Diagnostic, LineIndex, Pos};
use crate::model::{
    code_id, normalize_code, Cause, Code, CodeClass, Escalation, Faq, Kind, Location, PackInfo,
    Script, Solution, Source, Step, Symptom, Text, Verdict,
};
use std::collections::HashMap;
use toml::de::{DeTable, DeValue};

/// What a link must point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Item(Kind),
    Source,
}

/// One link as written, kept until every file is read so it can be checked.
#[derive(Debug, Clone)]
pub struct Link {
    pub from: Text,
    pub field: &'static str,
    pub target: Text,
    pub expects: Target,
    pub pos: Pos,
}

/// One declared id and where.
#[derive(Debug, Clone)]
pub struct Declaration {
    pub id: Text,
    pub kind: Option<Kind>,
    pub pos: Pos,
}

/// Everything read from the files so far.
#[derive(Debug, Default)]
pub struct Draft {
    pub info: Option<(PackInfo, Pos)>,
    pub sources: Vec<Source>,
    pub symptoms: Vec<Symptom>,
    pub causes: Vec<Cause>,
    pub solutions: Vec<Solution>,
    pub faqs: Vec<Faq>,
    pub codes: Vec<Code>,
    pub scripts: Vec<Script>,
    pub links: Vec<Link>,
    pub declarations: Vec<Declaration>,
    /// Where each text of an item was written, by item id and key (`say`, `aliases`,
    /// `step`…), one position per entry: the content rules point at the very line.
    pub places: Places,
    /// Steps written without `sources` of their own: (solution id, step position).
    pub steps_without_sources: Vec<(Text, Pos)>,
    /// The triage's questions, with where their parts were written.
    pub triage: Vec<(crate::model::Question, super::triage::QuestionPlaces)>,
}

/// Where the texts of items were written: one flat list of (key, place), each item's
/// entries side by side, found by id. (A map of lists per item cost a few allocations
/// per item, which a pack of a hundred thousand items felt.)
#[derive(Debug, Default)]
pub struct Places {
    items: HashMap<Text, (usize, usize)>,
    entries: Vec<(&'static str, Pos)>,
}

impl Places {
    /// Records the places of an item's `key`, one per entry, in order. An item's keys are
    /// recorded while it is read, so they land side by side; an id read again (a
    /// duplicate, reported elsewhere) starts afresh.
    fn record(&mut self, id: &Text, key: &'static str, positions: Vec<Pos>) {
        let end = self.entries.len();
        let range = self.items.entry(id.clone()).or_insert((end, end));
        if range.1 != end {
            *range = (end, end);
        }
        self.entries
            .extend(positions.into_iter().map(|pos| (key, pos)));
        range.1 = self.entries.len();
    }

    /// Where entry `index` of an item's `key` was written, if it was recorded.
    fn get(&self, id: &str, key: &str, index: usize) -> Option<&Pos> {
        let &(start, end) = self.items.get(id)?;
        self.entries
            .get(start..end)?
            .iter()
            .filter(|(k, _)| *k == key)
            .nth(index)
            .map(|(_, pos)| pos)
    }

    fn append(&mut self, later: Places) {
        let shift = self.entries.len();
        self.entries.extend(later.entries);
        self.items.extend(
            later
                .items
                .into_iter()
                .map(|(id, (start, end))| (id, (start + shift, end + shift))),
        );
    }
}

impl Draft {
    fn place(&mut self, id: &Text, key: &'static str, positions: Vec<Pos>) {
        self.places.record(id, key, positions);
    }

    /// Appends a draft read from later files, as if they had been read into this one.
    pub fn append(&mut self, later: Draft, errors: &mut Vec<Diagnostic>) {
        if let Some((info, pos)) = later.info {
            match &self.info {
                Some((_, first)) => errors.push(second_pack(&pos, first)),
                None => self.info = Some((info, pos)),
            }
        }
        self.sources.extend(later.sources);
        self.symptoms.extend(later.symptoms);
        self.causes.extend(later.causes);
        self.solutions.extend(later.solutions);
        self.faqs.extend(later.faqs);
        self.codes.extend(later.codes);
        self.scripts.extend(later.scripts);
        self.links.extend(later.links);
        self.declarations.extend(later.declarations);
        self.places.append(later.places);
        self.steps_without_sources
            .extend(later.steps_without_sources);
        self.triage.extend(later.triage);
    }

    /// Where entry `index` of an item's `key` was written, if it was recorded.
    pub fn place_of(&self, id: &str, key: &'static str, index: usize) -> Option<&Pos> {
        self.places.get(id, key, index)
    }
}

/// The verdict as written in content, for the hint of a missing one.
pub const VERDICT_EXAMPLE: &str =
    "{ now = false, later = true, after = \"持卡人联系发卡行后\", other = true }"; // not UI: content as a pack writes it

/// What may have to happen before the same card is tried again, as a pack writes it: the
/// example in the hint of a verdict that leaves it out.
const AFTER_EXAMPLE: &str = "重新签到后"; // not UI: content as a pack writes it

const SECTIONS: [&str; 9] = [
    "pack", "source", "symptom", "cause", "solution", "faq", "code", "script", "question",
];

/// Reads one file's text into the draft. Problems go to `errors`; the file's good
/// parts are still read so that one run reports as much as it can. Returns false when
/// the file is not valid TOML and so was not read at all.
pub fn parse_file(
    path: &str,
    source: &Text,
    draft: &mut Draft,
    errors: &mut Vec<Diagnostic>,
) -> bool {
    let text = source.as_str();
    let lines = LineIndex::new(path, text);
    let file = (&lines, source);
    let (document, syntax_errors) = DeTable::parse_recoverable(text);
    if !syntax_errors.is_empty() {
        errors.extend(
            syntax_errors
                .iter()
                .map(|e| crate::diagnostic::toml_syntax_error(&lines, e)),
        );
        return false;
    }
    let document = document.get_ref();
    for (key, value) in document.iter() {
        let name = key.get_ref().as_ref();
        let pos = lines.pos(key.span().start);
        if name == "pack" {
            match value.get_ref() {
                DeValue::Table(table) => read_pack_info(table, pos, file, draft, errors),
                _ => errors.push(pos.error(
                    crate::t!("load.parse.pack_not_table"),
                    crate::t!("load.parse.pack_not_table_hint"),
                )),
            }
            continue;
        }
        if !SECTIONS.contains(&name) {
            let hint = match did_you_mean(name, &SECTIONS) {
                Some(close) => crate::t!("load.parse.unknown_section_close_hint", close = close),
                None => {
                    let sections: Vec<String> = SECTIONS
                        .iter()
                        .skip(1)
                        .map(|section| format!("[[{section}]]"))
                        .collect();
                    crate::t!(
                        "load.parse.unknown_section_hint",
                        sections = sections.join(crate::t!("common.list_sep"))
                    )
                }
            };
            errors.push(pos.error(crate::t!("load.parse.unknown_section", name = name), hint));
            continue;
        }
        let Some(array) = value.get_ref().as_array() else {
            errors.push(pos.error(
                crate::t!("load.parse.not_array", name = name),
                crate::t!("load.parse.not_array_hint", name = name),
            ));
            continue;
        };
        for element in array.iter() {
            let at = lines.pos(element.span().start);
            let Some(table) = element.get_ref().as_table() else {
                errors.push(at.error(
                    crate::t!("load.parse.entry_not_table", name = name),
                    crate::t!("load.parse.entry_not_table_hint", name = name),
                ));
                continue;
            };
            let fields = Fields::new(table, at, format!("[[{name}]]"), file, errors);
            match name {
                "source" => read_source(fields, draft),
                "symptom" => read_symptom(fields, draft),
                "cause" => read_cause(fields, draft),
                "solution" => read_solution(fields, draft),
                "faq" => read_faq(fields, draft),
                "code" => read_code(fields, draft),
                "question" => super::triage::read_question(fields, draft),
                _ => read_script(fields, draft),
            }
        }
    }
    true
}

pub(super) fn location(pos: &Pos) -> Location {
    Location {
        file: pos.file.clone(),
        line: pos.line as usize,
    }
}

fn read_pack_info(
    table: &DeTable<'_>,
    pos: Pos,
    file: (&LineIndex<'_>, &Text),
    draft: &mut Draft,
    errors: &mut Vec<Diagnostic>,
) {
    if let Some((_, first)) = &draft.info {
        errors.push(second_pack(&pos, first));
        return;
    }
    let mut fields = Fields::new(table, pos.clone(), "[pack]", file, errors);
    let name = fields.text("name").map(|(t, _)| t).unwrap_or_default();
    let version = fields.text("version").map(|(t, _)| t).unwrap_or_default();
    let description = fields
        .opt_text("description")
        .map(|(t, _)| t)
        .unwrap_or_default();
    fields.finish();
    draft.info = Some((
        PackInfo {
            name,
            version,
            description,
        },
        pos,
    ));
}

fn second_pack(pos: &Pos, first: &Pos) -> Diagnostic {
    pos.error(
        crate::t!(
            "load.parse.second_pack",
            file = first.file,
            line = first.line
        ),
        crate::t!("load.parse.second_pack_hint"),
    )
}

/// Reads `id` and checks its form; every item kind has one.
fn read_id(
    fields: &mut Fields<'_, '_>,
    kind: Option<Kind>,
    draft: &mut Draft,
) -> Option<(Text, Pos)> {
    let (id, pos) = fields.text("id")?;
    if !is_kebab_id(&id) {
        fields.errors.push(pos.error(
            crate::t!("load.parse.bad_id", id = id),
            crate::t!("load.parse.bad_id_hint", example = "card-expired"),
        ));
    }
    draft.declarations.push(Declaration {
        id: id.clone(),
        kind,
        pos: pos.clone(),
    });
    Some((id, pos))
}

pub fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

pub(super) fn links(
    fields: &mut Fields<'_, '_>,
    draft: &mut Draft,
    from: &Text,
    key: &'static str,
    expects: Target,
    required: bool,
) -> Vec<Text> {
    let entries = fields.text_list(key, required);
    entries
        .into_iter()
        .map(|(target, pos)| {
            draft.links.push(Link {
                from: from.clone(),
                field: key,
                target: target.clone(),
                expects,
                pos,
            });
            target
        })
        .collect()
}

fn one_link(
    fields: &mut Fields<'_, '_>,
    draft: &mut Draft,
    from: &Text,
    key: &'static str,
    expects: Target,
    required: bool,
) -> Option<Text> {
    let found = if required {
        fields.text(key)
    } else {
        fields.opt_text(key)
    };
    let (target, pos) = found?;
    draft.links.push(Link {
        from: from.clone(),
        field: key,
        target: target.clone(),
        expects,
        pos,
    });
    Some(target)
}

pub(super) fn sources(fields: &mut Fields<'_, '_>, draft: &mut Draft, from: &Text) -> Vec<Text> {
    links(fields, draft, from, "sources", Target::Source, true)
}

fn text(fields: &mut Fields<'_, '_>, key: &'static str) -> Text {
    fields.text(key).map(|(t, _)| t).unwrap_or_default()
}

fn opt_text(fields: &mut Fields<'_, '_>, key: &'static str) -> Option<Text> {
    fields.opt_text(key).map(|(t, _)| t)
}

fn texts(fields: &mut Fields<'_, '_>, key: &'static str, required: bool) -> Vec<Text> {
    fields
        .text_list(key, required)
        .into_iter()
        .map(|(t, _)| t)
        .collect()
}

/// A list of texts whose positions the content rules need.
fn placed_texts(
    fields: &mut Fields<'_, '_>,
    draft: &mut Draft,
    from: &Text,
    key: &'static str,
    required: bool,
) -> Vec<Text> {
    let entries = fields.text_list(key, required);
    draft.place(
        from,
        key,
        entries.iter().map(|(_, pos)| pos.clone()).collect(),
    );
    entries.into_iter().map(|(t, _)| t).collect()
}

/// A required text whose position the content rules need.
fn placed_text(
    fields: &mut Fields<'_, '_>,
    draft: &mut Draft,
    from: &Text,
    key: &'static str,
) -> Text {
    match fields.text(key) {
        Some((text, pos)) => {
            draft.place(from, key, vec![pos]);
            text
        }
        None => Text::default(),
    }
}

/// The retry verdict of a code or cause: required, checked for sense on its own.
fn read_verdict(fields: &mut Fields<'_, '_>, draft: &mut Draft, from: &Text) -> Option<Verdict> {
    let (table, pos) = fields.table("verdict", VERDICT_EXAMPLE)?;
    draft.place(from, "verdict", vec![pos.clone()]);
    let mut part = Fields::new(table, pos.clone(), "verdict", fields.file(), fields.errors);
    let now = part.flag("now");
    let later = part.flag("later");
    let after = part.opt_text("after");
    let other = part.flag("other");
    let check_first = part.opt_bool("check_first").unwrap_or(false);
    part.finish();
    let (now, later, other) = (now?, later?, other?);
    match (&after, later) {
        (None, true) => fields.errors.push(pos.error(
            crate::t!("load.parse.after_missing"),
            crate::t!("load.parse.after_missing_hint", example = AFTER_EXAMPLE),
        )),
        (Some((_, at)), false) => fields.errors.push(at.error(
            crate::t!("load.parse.after_not_later"),
            crate::t!("load.parse.after_not_later_hint"),
        )),
        _ => {}
    }
    if check_first && now {
        fields.errors.push(pos.error(
            crate::t!("load.parse.check_first_now"),
            crate::t!("load.parse.check_first_now_hint"),
        ));
    }
    Some(Verdict {
        now,
        later,
        after: after.map(|(t, _)| t),
        other,
        check_first,
    })
}

fn read_source(mut fields: Fields<'_, '_>, draft: &mut Draft) {
    let start = fields.start().clone();
    let id = read_id(&mut fields, None, draft);
    let title = text(&mut fields, "title");
    let origin = fields.text("origin");
    if let Some((origin, pos)) = &origin {
        if !["article", "facts", "posdesk"].contains(&origin.as_str()) {
            fields.errors.push(pos.error(
                crate::t!("load.parse.unknown_origin", origin = origin),
                crate::t!("load.parse.unknown_origin_hint"),
            ));
        }
    }
    fields.finish();
    if let Some((id, _)) = id {
        draft.sources.push(Source {
            id,
            title,
            origin: origin.map(|(o, _)| o).unwrap_or_default(),
            location: location(&start),
        });
    }
}

fn read_symptom(mut fields: Fields<'_, '_>, draft: &mut Draft) {
    let start = fields.start().clone();
    let id = read_id(&mut fields, Some(Kind::Symptom), draft);
    let from = id.as_ref().map(|(id, _)| id.clone()).unwrap_or_default();
    let title = text(&mut fields, "title");
    let title_en = opt_text(&mut fields, "title_en");
    let description = text(&mut fields, "description");
    let code_entries = fields.text_list("codes", false);
    let mut codes = Vec::new();
    for (code, pos) in code_entries {
        if let Some(code) = checked_code(&code, &pos, fields.errors) {
            draft.links.push(Link {
                from: from.clone(),
                field: "codes",
                target: code_id(&code).into(),
                expects: Target::Item(Kind::Code),
                pos,
            });
            codes.push(Text::new(code));
        }
    }
    let aliases = placed_texts(&mut fields, draft, &from, "aliases", false);
    let causes = links(
        &mut fields,
        draft,
        &from,
        "causes",
        Target::Item(Kind::Cause),
        true,
    );
    let rank = fields.opt_integer("rank").unwrap_or(100);
    let note = opt_text(&mut fields, "note");
    let sources = sources(&mut fields, draft, &from);
    fields.finish();
    if let Some((id, _)) = id {
        draft.symptoms.push(Symptom {
            id,
            title,
            title_en,
            description,
            codes,
            aliases,
            causes,
            rank,
            note,
            sources,
            location: location(&start),
        });
    }
}

fn read_cause(mut fields: Fields<'_, '_>, draft: &mut Draft) {
    let start = fields.start().clone();
    let id = read_id(&mut fields, Some(Kind::Cause), draft);
    let from = id.as_ref().map(|(id, _)| id.clone()).unwrap_or_default();
    let title = text(&mut fields, "title");
    let title_en = opt_text(&mut fields, "title_en");
    let category = text(&mut fields, "category");
    let description = placed_text(&mut fields, draft, &from, "description");
    let checks = placed_texts(&mut fields, draft, &from, "checks", true);
    let questions = placed_texts(&mut fields, draft, &from, "questions", false);
    let verdict = read_verdict(&mut fields, draft, &from);
    let aliases = placed_texts(&mut fields, draft, &from, "aliases", false);
    let actors = fields.actor_list("actors", true);
    let solutions = links(
        &mut fields,
        draft,
        &from,
        "solutions",
        Target::Item(Kind::Solution),
        true,
    );
    let script = one_link(
        &mut fields,
        draft,
        &from,
        "script",
        Target::Item(Kind::Script),
        true,
    );
    let sources = sources(&mut fields, draft, &from);
    fields.finish();
    if let (Some((id, _)), Some(verdict)) = (id, verdict) {
        draft.causes.push(Cause {
            id,
            title,
            title_en,
            category,
            description,
            checks,
            questions,
            actors,
            solutions,
            script,
            verdict,
            aliases,
            sources,
            location: location(&start),
        });
    }
}

fn read_solution(mut fields: Fields<'_, '_>, draft: &mut Draft) {
    let start = fields.start().clone();
    let id = read_id(&mut fields, Some(Kind::Solution), draft);
    let from = id.as_ref().map(|(id, _)| id.clone()).unwrap_or_default();
    let title = text(&mut fields, "title");
    let title_en = opt_text(&mut fields, "title_en");
    let mut steps = Vec::new();
    let mut step_places = Vec::new();
    let mut own_sources = Vec::new();
    for (table, pos) in fields.table_list("step") {
        let mut step = Fields::new(
            table,
            pos.clone(),
            "[[solution.step]]",
            fields.file(),
            fields.errors,
        );
        let who = step.actor("who");
        let text = step.text("text");
        let step_sources = links(&mut step, draft, &from, "sources", Target::Source, false);
        step.finish();
        if let (Some(who), Some((text, text_pos))) = (who, text) {
            step_places.push(text_pos);
            own_sources.push((step_sources.is_empty(), pos));
            steps.push(Step {
                who,
                text,
                sources: step_sources,
            });
        }
    }
    draft.place(&from, "step", step_places);
    let mut escalate = None;
    if let Some((table, pos)) = fields.opt_table("escalate") {
        let mut esc = Fields::new(
            table,
            pos,
            "[solution.escalate]",
            fields.file(),
            fields.errors,
        );
        let when = esc.text("when");
        let to = esc.actor("to");
        let how = esc.opt_text("how");
        esc.finish();
        let places = when.iter().chain(&how).map(|(_, p)| p.clone()).collect();
        draft.place(&from, "escalate", places);
        let how = how.map(|(t, _)| t);
        if let (Some((when, _)), Some(to)) = (when, to) {
            escalate = Some(Escalation { when, to, how });
        }
    }
    let notes = placed_texts(&mut fields, draft, &from, "notes", false);
    let aliases = placed_texts(&mut fields, draft, &from, "aliases", false);
    let sources = sources(&mut fields, draft, &from);
    fields.finish();
    // A step without sources of its own comes from wherever its solution came from.
    for (step, (bare, pos)) in steps.iter_mut().zip(own_sources) {
        if bare {
            step.sources = sources.clone();
            draft.steps_without_sources.push((from.clone(), pos));
        }
    }
    if let Some((id, _)) = id {
        draft.solutions.push(Solution {
            id,
            title,
            title_en,
            steps,
            escalate,
            notes,
            aliases,
            sources,
            location: location(&start),
        });
    }
}

fn read_faq(mut fields: Fields<'_, '_>, draft: &mut Draft) {
    let start = fields.start().clone();
    let id = read_id(&mut fields, Some(Kind::Faq), draft);
    let from = id.as_ref().map(|(id, _)| id.clone()).unwrap_or_default();
    let question = text(&mut fields, "question");
    let answer = placed_text(&mut fields, draft, &from, "answer");
    let causes = links(
        &mut fields,
        draft,
        &from,
        "causes",
        Target::Item(Kind::Cause),
        true,
    );
    let aliases = placed_texts(&mut fields, draft, &from, "aliases", false);
    let sources = sources(&mut fields, draft, &from);
    fields.finish();
    if let Some((id, _)) = id {
        draft.faqs.push(Faq {
            id,
            question,
            answer,
            causes,
            aliases,
            sources,
            location: location(&start),
        });
    }
}

/// Checks a code as written in content: exactly two characters, digits or capitals.
pub(super) fn checked_code(code: &str, pos: &Pos, errors: &mut Vec<Diagnostic>) -> Option<String> {
    let well_formed = code.len() == 2
        && code
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase());
    if well_formed {
        return Some(code.to_string());
    }
    let hint = match normalize_code(code) {
        Some(fixed) => crate::t!("load.parse.code_fix_hint", fixed = fixed),
        None => crate::t!("load.parse.code_form_hint").to_string(),
    };
    errors.push(pos.error(crate::t!("load.parse.bad_code", code = code), hint));
    None
}

fn read_code(mut fields: Fields<'_, '_>, draft: &mut Draft) {
    let start = fields.start().clone();
    let code = match fields.text("code") {
        Some((code, pos)) => checked_code(&code, &pos, fields.errors).map(|code| (code, pos)),
        None => None,
    };
    let id = code.as_ref().map(|(code, _)| Text::new(code_id(code)));
    if let (Some(id), Some((_, pos))) = (&id, &code) {
        draft.declarations.push(Declaration {
            id: id.clone(),
            kind: Some(Kind::Code),
            pos: pos.clone(),
        });
    }
    let from = id.clone().unwrap_or_default();
    let display = text(&mut fields, "display");
    let meaning = placed_text(&mut fields, draft, &from, "meaning");
    let older_meaning = opt_text(&mut fields, "older_meaning");
    let international = opt_text(&mut fields, "international");
    let class = match fields.text("class") {
        Some((class, pos)) => {
            draft.place(&from, "class", vec![pos.clone()]);
            let parsed = CodeClass::from_key(class.trim());
            if parsed.is_none() {
                fields.errors.push(pos.error(
                    crate::t!("load.parse.unknown_class", class = class),
                    crate::t!("load.parse.unknown_class_hint"),
                ));
            }
            parsed
        }
        None => None,
    };
    let verdict = read_verdict(&mut fields, draft, &from);
    let action = placed_text(&mut fields, draft, &from, "action");
    // A success code has nothing to fix; every failure must say who fixes it and why.
    let failure = class.is_some_and(|c| c != CodeClass::A);
    let who_fixes = fields.actor_list("who_fixes", failure);
    let causes = links(
        &mut fields,
        draft,
        &from,
        "causes",
        Target::Item(Kind::Cause),
        failure,
    );
    let script = one_link(
        &mut fields,
        draft,
        &from,
        "script",
        Target::Item(Kind::Script),
        false,
    );
    let conflict = opt_text(&mut fields, "conflict");
    let discreet = fields.opt_bool("discreet").unwrap_or(false);
    let aliases = placed_texts(&mut fields, draft, &from, "aliases", false);
    let sources = sources(&mut fields, draft, &from);
    fields.finish();
    if let (Some(id), Some((code, _)), Some(class), Some(verdict)) = (id, code, class, verdict) {
        draft.codes.push(Code {
            id,
            code: Text::new(code),
            display,
            meaning,
            older_meaning,
            international,
            class,
            verdict,
            action,
            who_fixes,
            causes,
            script,
            conflict,
            discreet,
            aliases,
            sources,
            location: location(&start),
        });
    }
}

fn read_script(mut fields: Fields<'_, '_>, draft: &mut Draft) {
    let start = fields.start().clone();
    let id = read_id(&mut fields, Some(Kind::Script), draft);
    let from = id.as_ref().map(|(id, _)| id.clone()).unwrap_or_default();
    let title = text(&mut fields, "title");
    let title_en = opt_text(&mut fields, "title_en");
    let say = placed_texts(&mut fields, draft, &from, "say", true);
    let say_en = placed_texts(&mut fields, draft, &from, "say_en", false);
    let avoid = texts(&mut fields, "avoid", false);
    let discreet = fields.opt_bool("discreet").unwrap_or(false);
    let generic = discreet || fields.opt_bool("generic").unwrap_or(false);
    let aliases = placed_texts(&mut fields, draft, &from, "aliases", false);
    let sources = sources(&mut fields, draft, &from);
    fields.finish();
    if let Some((id, _)) = id {
        draft.scripts.push(Script {
            id,
            title,
            title_en,
            say,
            say_en,
            avoid,
            discreet,
            generic,
            aliases,
            sources,
            location: location(&start),
        });
    }
}
