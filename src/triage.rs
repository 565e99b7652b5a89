//! Walking the guided triage: from a symptom's first question, a list of answers leads
//! to the next question or to an outcome, and narrows the symptom's causes on the way.
//! The path taken ([`Path`]) is a plain value that can be stored and counted.

use crate::diagnostic::{Diagnostic, Pos};
use crate::model::{Answer, Cause, Lead, Pack, Question, Symptom};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

/// The record of a triage: which symptom it started from and each answer given, with the
/// question it answered. Self-describing, so a case log can keep it and statistics can
/// count which answers lead to which cause.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Path {
    pub symptom: String,
    pub steps: Vec<PathStep>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathStep {
    pub question: String,
    /// 1-based, as the clerk chose it.
    pub answer: usize,
}

/// Where a cause stands after the answers so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// An answer points at it.
    Kept,
    /// Still possible; nothing said either way.
    Open,
    /// An answer rules it out.
    RuledOut,
}

impl Standing {
    /// How the screen and the report name it: 保留, 待查, 排除.
    pub fn label(self) -> &'static str {
        match self {
            Standing::Kept => crate::t!("triage.kept"),
            Standing::Open => crate::t!("triage.open"),
            Standing::RuledOut => crate::t!("triage.ruled_out"),
        }
    }
}

/// One cause still in the list, with the answer that decided its standing.
#[derive(Debug, Clone, Copy)]
pub struct InPlay<'p> {
    pub cause: &'p Cause,
    pub standing: Standing,
    /// The question and answer that kept it or ruled it out.
    pub because: Option<(&'p Question, &'p Answer)>,
}

/// Where the answers have led.
#[derive(Debug, Clone, Copy)]
pub enum Reached<'p> {
    /// A question to answer next.
    Question(&'p Question),
    /// The end: what the last answer leads to.
    Outcome(&'p Answer),
}

/// A triage after some answers.
#[derive(Debug, Clone)]
pub struct Walk<'p> {
    pub symptom: &'p Symptom,
    /// Each question answered and the answer chosen (1-based).
    pub taken: Vec<(&'p Question, usize, &'p Answer)>,
    pub reached: Reached<'p>,
    /// The causes, the ones to act on first: kept, then open (in the symptom's order),
    /// then the ruled-out ones with their reason.
    pub causes: Vec<InPlay<'p>>,
}

impl<'p> Walk<'p> {
    /// The cause to act on now: the first one an answer kept. None until an answer points
    /// at one, and none while a code is to be typed (the code decides).
    pub fn leading(&self) -> Option<&'p Cause> {
        if let Reached::Outcome(answer) = self.reached {
            if matches!(answer.leads_to, Lead::EnterCode) {
                return None;
            }
        }
        self.causes
            .iter()
            .find(|c| c.standing == Standing::Kept)
            .map(|c| c.cause)
    }

    /// The path as a record.
    pub fn path(&self) -> Path {
        Path {
            symptom: self.symptom.id.to_string(),
            steps: self
                .taken
                .iter()
                .map(|(question, answer, _)| PathStep {
                    question: question.id.to_string(),
                    answer: *answer,
                })
                .collect(),
        }
    }

    /// The question being asked, if the walk has not ended.
    pub fn question(&self) -> Option<&'p Question> {
        match self.reached {
            Reached::Question(question) => Some(question),
            Reached::Outcome(_) => None,
        }
    }
}

/// Why a walk cannot go on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TriageError {
    /// The pack has no triage.
    NoTriage,
    UnknownSymptom {
        given: String,
        near: Option<String>,
    },
    /// The symptom has no question that starts its triage.
    NoStart {
        symptom: String,
    },
    /// An answer number the question does not have.
    NoSuchAnswer {
        step: usize,
        given: usize,
        question: String,
        answers: usize,
    },
    /// More answers than questions: the walk had already ended.
    PastTheEnd {
        step: usize,
    },
    /// A `next` that names no question (a pack that bypassed lint).
    Broken {
        question: String,
    },
}

impl fmt::Display for TriageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TriageError::NoTriage => f.write_str(crate::t!("triage.no_triage")),
            TriageError::UnknownSymptom { given, near } => match near {
                Some(near) => f.write_str(&crate::t!(
                    "triage.unknown_symptom_near",
                    given = given,
                    near = near
                )),
                None => f.write_str(&crate::t!("triage.unknown_symptom", given = given)),
            },
            TriageError::NoStart { symptom } => {
                f.write_str(&crate::t!("triage.no_start", symptom = symptom))
            }
            TriageError::NoSuchAnswer {
                step,
                given,
                question,
                answers,
            } => f.write_str(&crate::t!(
                "triage.no_such_answer",
                step = step,
                given = given,
                question = question,
                answers = answers
            )),
            TriageError::PastTheEnd { step } => f.write_str(&crate::t!(
                "triage.past_the_end",
                step = step,
                last = step.saturating_sub(1)
            )),
            TriageError::Broken { question } => {
                f.write_str(&crate::t!("triage.broken", question = question))
            }
        }
    }
}

impl std::error::Error for TriageError {}

/// The symptom a triage starts from when none is named: the first of the home list that
/// has a triage (「持卡人认证失败」 in the shipped pack).
pub fn default_symptom(pack: &Pack) -> Option<&Symptom> {
    (0..pack.symptoms.len())
        .filter_map(|place| pack.home_symptom(place))
        .find(|s| start_of(pack, &s.id).is_some())
}

/// The question a symptom's triage starts at.
pub fn start_of<'p>(pack: &'p Pack, symptom: &str) -> Option<&'p Question> {
    pack.triage_start(symptom)
}

pub fn question<'p>(pack: &'p Pack, id: &str) -> Option<&'p Question> {
    pack.question(id)
}

/// Finds a symptom by id or by its exact title.
fn find_symptom<'p>(pack: &'p Pack, given: &str) -> Result<&'p Symptom, TriageError> {
    let given = given.trim();
    let by_code = || {
        crate::model::normalize_code(given)
            .and_then(|code| pack.symptoms_with_code(&code).into_iter().next())
    };
    if let Some(symptom) = pack
        .symptom(given)
        .or_else(|| pack.symptoms.iter().find(|s| s.title == given))
        .or_else(|| {
            pack.symptoms.iter().find(|s| {
                s.title_en
                    .as_ref()
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case(given.trim()))
            })
        })
        .or_else(|| {
            pack.symptoms
                .iter()
                .find(|s| s.aliases.iter().any(|a| a == given))
        })
        .or_else(by_code)
    {
        return Ok(symptom);
    }
    let ids: Vec<&str> = pack.symptoms.iter().map(|s| s.id.as_str()).collect();
    Err(TriageError::UnknownSymptom {
        given: given.to_string(),
        near: crate::diagnostic::did_you_mean(given, &ids).map(str::to_string),
    })
}

/// Walks a symptom's triage (or the default one) through `answers` (1-based).
pub fn walk<'p>(
    pack: &'p Pack,
    symptom: Option<&str>,
    answers: &[usize],
) -> Result<Walk<'p>, TriageError> {
    if pack.triage.is_empty() {
        return Err(TriageError::NoTriage);
    }
    let symptom = match symptom {
        Some(given) => find_symptom(pack, given)?,
        None => default_symptom(pack).ok_or(TriageError::NoTriage)?,
    };
    let mut at = start_of(pack, &symptom.id).ok_or_else(|| TriageError::NoStart {
        symptom: symptom.id.to_string(),
    })?;
    let mut causes: Vec<InPlay<'p>> = symptom
        .causes
        .iter()
        .filter_map(|id| pack.cause(id))
        .map(|cause| InPlay {
            cause,
            standing: Standing::Open,
            because: None,
        })
        .collect();
    let mut taken = Vec::new();
    let mut reached = Reached::Question(at);
    for (index, &given) in answers.iter().enumerate() {
        let step = index + 1;
        if matches!(reached, Reached::Outcome(_)) {
            return Err(TriageError::PastTheEnd { step });
        }
        if at.answers.is_empty() {
            return Err(TriageError::Broken {
                question: at.id.to_string(),
            });
        }
        let Some(answer) = given.checked_sub(1).and_then(|i| at.answers.get(i)) else {
            return Err(TriageError::NoSuchAnswer {
                step,
                given,
                question: at.text.to_string(),
                answers: at.answers.len(),
            });
        };
        taken.push((at, given, answer));
        apply(pack, &mut causes, at, answer);
        reached = match &answer.leads_to {
            Lead::Question(next) => {
                at = question(pack, next).ok_or_else(|| TriageError::Broken {
                    question: at.id.to_string(),
                })?;
                Reached::Question(at)
            }
            _ => Reached::Outcome(answer),
        };
    }
    order(&mut causes);
    Ok(Walk {
        symptom,
        taken,
        reached,
        causes,
    })
}

/// What one answer does to the causes: rules some in or out; an answer that ends the
/// triage with causes (or a code) keeps those, on top, and leaves the rest as they were
/// (only an explicit `rule_out` rules a cause out, so every 排除 has its reason).
fn apply<'p>(
    pack: &'p Pack,
    causes: &mut Vec<InPlay<'p>>,
    question: &'p Question,
    answer: &'p Answer,
) {
    let because = Some((question, answer));
    let set = |id: &str, standing: Standing, causes: &mut Vec<InPlay<'p>>| match causes
        .iter_mut()
        .find(|c| c.cause.id == id)
    {
        Some(in_play) => {
            in_play.standing = standing;
            in_play.because = because;
        }
        None => {
            if let Some(cause) = pack.cause(id) {
                causes.push(InPlay {
                    cause,
                    standing,
                    because,
                });
            }
        }
    };
    for id in &answer.rule_out {
        set(id, Standing::RuledOut, causes);
    }
    let pointed: Vec<&str> = match &answer.leads_to {
        Lead::Causes(ids) => ids.iter().map(|id| id.as_str()).collect(),
        Lead::Code(code) => match pack.item(code) {
            Some(crate::model::Item::Code(code)) => {
                code.causes.iter().map(|id| id.as_str()).collect()
            }
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    let kept: Vec<&str> = answer
        .rule_in
        .iter()
        .map(|id| id.as_str())
        .chain(pointed.iter().copied())
        .collect();
    // Kept causes go to the top in the order the answer names them. A cause an earlier
    // answer ruled out stays out unless this answer rules it in by name.
    for id in kept.iter().rev() {
        let ruled_out = causes
            .iter()
            .any(|c| c.cause.id == *id && c.standing == Standing::RuledOut);
        if ruled_out && !answer.rule_in.iter().any(|r| r == *id) {
            continue;
        }
        set(id, Standing::Kept, causes);
        if let Some(at) = causes.iter().position(|c| c.cause.id == *id) {
            let moved = causes.remove(at);
            causes.insert(0, moved);
        }
    }
}

/// Kept first, then open, then ruled out; each group keeps its order.
fn order(causes: &mut [InPlay<'_>]) {
    causes.sort_by_key(|c| match c.standing {
        Standing::Kept => 0,
        Standing::Open => 1,
        Standing::RuledOut => 2,
    });
}

/// The most paths [`all_paths`] lists.
pub const MAX_PATHS: usize = 100_000;

/// Every way through a question and below it, as answer lists: for tests and figures.
/// Stops descending at `max_depth` answers, and stops at [`MAX_PATHS`] paths (shared
/// subtrees multiply them).
pub fn all_paths(pack: &Pack, start: &Question, max_depth: usize) -> Vec<Vec<usize>> {
    let mut found = Vec::new();
    let mut stack: Vec<(&Question, Vec<usize>)> = vec![(start, Vec::new())];
    while let Some((at, answers)) = stack.pop() {
        if found.len() >= MAX_PATHS {
            break;
        }
        for (index, answer) in at.answers.iter().enumerate() {
            let mut path = answers.clone();
            path.push(index + 1);
            match &answer.leads_to {
                Lead::Question(next) if path.len() < max_depth => {
                    if let Some(next) = question(pack, next) {
                        stack.push((next, path));
                    }
                }
                _ => found.push(path),
            }
        }
    }
    found.sort();
    found
}

/// What lint warns about in a pack's triage (the pack loads anyway): symptoms the
/// triage does not cover, and causes no answer ever points at.
pub fn warnings(pack: &Pack) -> Vec<Diagnostic> {
    if pack.triage.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let place = |location: &crate::model::Location| Pos {
        file: location.file.clone(),
        line: u32::try_from(location.line).unwrap_or(u32::MAX),
        column: 1,
    };
    for symptom in &pack.symptoms {
        if start_of(pack, &symptom.id).is_none() {
            found.push(place(&symptom.location).error(
                crate::t!("triage.warn_no_triage", symptom = symptom.id),
                crate::t!("triage.warn_no_triage_fix"),
            ));
        }
    }
    for question in pack.triage.iter().filter(|q| !q.starts.is_empty()) {
        let depth = deepest(pack, question);
        if depth > MAX_DEPTH {
            found.push(place(&question.location).error(
                crate::t!(
                    "triage.warn_too_deep",
                    question = question.id,
                    depth = depth,
                    max = MAX_DEPTH
                ),
                crate::t!("triage.warn_too_deep_fix"),
            ));
        }
    }
    let mut reached: HashSet<&str> = HashSet::new();
    for question in &pack.triage {
        for answer in &question.answers {
            reached.extend(answer.rule_in.iter().map(|id| id.as_str()));
            match &answer.leads_to {
                Lead::Causes(ids) => reached.extend(ids.iter().map(|id| id.as_str())),
                Lead::Code(code) => {
                    if let Some(crate::model::Item::Code(code)) = pack.item(code) {
                        reached.extend(code.causes.iter().map(|id| id.as_str()));
                    }
                }
                _ => {}
            }
        }
    }
    for cause in &pack.causes {
        if !reached.contains(cause.id.as_str()) {
            found.push(place(&cause.location).error(
                crate::t!("triage.warn_unreached", cause = cause.id),
                crate::t!("triage.warn_unreached_fix"),
            ));
        }
    }
    found
}

/// More questions in a row than this is a warning.
pub const MAX_DEPTH: usize = 6;

/// The most questions a walk from `start` can ask (each question counted once per path;
/// a loop, which lint reports, is not followed twice).
fn deepest(pack: &Pack, start: &Question) -> usize {
    let by_id: std::collections::HashMap<&str, &Question> =
        pack.triage.iter().map(|q| (q.id.as_str(), q)).collect();
    let mut memo: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    // Post-order over an explicit stack: a deep chain cannot overflow the real one.
    let mut stack: Vec<(&Question, bool)> = vec![(start, false)];
    let mut on_path: HashSet<&str> = HashSet::new();
    while let Some((question, expanded)) = stack.pop() {
        let id = question.id.as_str();
        if expanded {
            on_path.remove(id);
            let below = question
                .answers
                .iter()
                .filter_map(|a| match &a.leads_to {
                    Lead::Question(next) => memo.get(next.as_str()).copied(),
                    _ => None,
                })
                .max()
                .unwrap_or(0);
            memo.insert(id, below + 1);
            continue;
        }
        if memo.contains_key(id) || !on_path.insert(id) {
            continue;
        }
        stack.push((question, true));
        for answer in &question.answers {
            if let Lead::Question(next) = &answer.leads_to {
                if let Some(next) = by_id.get(next.as_str()) {
                    if !memo.contains_key(next.id.as_str()) && !on_path.contains(next.id.as_str()) {
                        stack.push((next, false));
                    }
                }
            }
        }
    }
    memo.get(start.id.as_str()).copied().unwrap_or(0)
}

/// Why a cause stands where it does, in a clerk's words: 「问题」答「回答」.
pub fn reason(question: &Question, answer: &Answer) -> String {
    crate::t!(
        "triage.reason",
        question = question.text,
        answer = answer.text
    )
}

/// What an outcome asks of the clerk, in one line.
pub fn outcome_line(pack: &Pack, answer: &Answer, leading: Option<&Cause>) -> String {
    match &answer.leads_to {
        Lead::EnterCode => crate::t!("triage.enter_code").to_string(),
        Lead::Code(id) => match pack.item(id) {
            Some(crate::model::Item::Code(code)) => {
                crate::t!("triage.code", code = code.code, meaning = code.meaning)
            }
            _ => crate::t!("triage.code_id", id = id),
        },
        Lead::Causes(_) | Lead::Question(_) => match leading {
            Some(cause) => crate::t!("triage.start_with", title = cause.shown_title()),
            None => crate::t!("triage.check_each").to_string(),
        },
        Lead::Escalate { to, how } => crate::t!("triage.hand_over", to = to.label(), how = how),
    }
}

/// A walk as data, for `posdesk triage --json` and for records.
#[derive(Debug, Clone, Serialize)]
pub struct WalkReport {
    pub symptom: ItemRef,
    pub path: Path,
    pub answered: Vec<AnsweredStep>,
    /// The question to answer next, when the triage has not ended.
    pub question: Option<QuestionReport>,
    pub outcome: Option<OutcomeReport>,
    pub causes: Vec<CauseReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemRef {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnsweredStep {
    pub question: String,
    pub question_text: String,
    pub answer: usize,
    pub answer_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuestionReport {
    pub id: String,
    pub text: String,
    pub hint: Option<String>,
    pub answers: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OutcomeReport {
    /// `causes`, `code`, `enter_code` or `escalate`.
    pub kind: &'static str,
    /// What to do, in one line.
    pub text: String,
    /// The cause to act on first, if any.
    pub leading: Option<ItemRef>,
    /// The code it leads to, for a `code` outcome.
    pub code: Option<String>,
    /// Who takes over, for an `escalate` outcome.
    pub escalate_to: Option<crate::model::Actor>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CauseReport {
    pub id: String,
    pub title: String,
    pub standing: Standing,
    /// The answer that kept or ruled it out.
    pub because: Option<String>,
}

impl Walk<'_> {
    pub fn report(&self, pack: &Pack) -> WalkReport {
        let leading = self.leading();
        let item_ref = |id: &str, title: &str| ItemRef {
            id: id.to_string(),
            title: title.to_string(),
        };
        WalkReport {
            symptom: item_ref(&self.symptom.id, self.symptom.shown_title()),
            path: self.path(),
            answered: self
                .taken
                .iter()
                .map(|(question, number, answer)| AnsweredStep {
                    question: question.id.to_string(),
                    question_text: question.text.to_string(),
                    answer: *number,
                    answer_text: answer.text.to_string(),
                })
                .collect(),
            question: self.question().map(|question| QuestionReport {
                id: question.id.to_string(),
                text: question.text.to_string(),
                hint: question.hint.as_ref().map(|h| h.to_string()),
                answers: question
                    .answers
                    .iter()
                    .map(|a| a.text.to_string())
                    .collect(),
            }),
            outcome: match self.reached {
                Reached::Question(_) => None,
                Reached::Outcome(answer) => Some(OutcomeReport {
                    kind: match answer.leads_to {
                        Lead::Causes(_) | Lead::Question(_) => "causes",
                        Lead::Code(_) => "code",
                        Lead::EnterCode => "enter_code",
                        Lead::Escalate { .. } => "escalate",
                    },
                    text: outcome_line(pack, answer, leading),
                    leading: leading.map(|c| item_ref(&c.id, c.shown_title())),
                    code: match &answer.leads_to {
                        Lead::Code(id) => match pack.item(id) {
                            Some(crate::model::Item::Code(code)) => Some(code.code.to_string()),
                            _ => None,
                        },
                        _ => None,
                    },
                    escalate_to: match &answer.leads_to {
                        Lead::Escalate { to, .. } => Some(*to),
                        _ => None,
                    },
                    note: answer.note.as_ref().map(|n| n.to_string()),
                }),
            },
            causes: self
                .causes
                .iter()
                .map(|in_play| CauseReport {
                    id: in_play.cause.id.to_string(),
                    title: in_play.cause.shown_title().to_string(),
                    standing: in_play.standing,
                    because: in_play.because.map(|(q, a)| reason(q, a)),
                })
                .collect(),
        }
    }
}

/// The report as text for people: the path, then the question or the outcome, then the
/// causes with their standing.
pub fn report_text(report: &WalkReport) -> String {
    let mut out = format!(
        "{}\n",
        crate::t!("triage.report_heading", symptom = report.symptom.title)
    );
    for (n, step) in report.answered.iter().enumerate() {
        out += &format!(
            "  {}. {} -> {} {}\n",
            n + 1,
            step.question_text,
            step.answer,
            step.answer_text
        );
    }
    if let Some(question) = &report.question {
        let n = report.answered.len() + 1;
        out += &format!(
            "\n{}\n",
            crate::t!("triage.report_question", n = n, text = question.text)
        );
        if let Some(hint) = &question.hint {
            out += &format!("  {}\n", crate::t!("triage.report_hint", hint = hint));
        }
        for (n, answer) in question.answers.iter().enumerate() {
            out += &format!("  {} {answer}\n", n + 1);
        }
    }
    if let Some(outcome) = &report.outcome {
        out += &format!(
            "\n{}\n",
            crate::t!("triage.report_outcome", text = outcome.text)
        );
        if let Some(note) = &outcome.note {
            out += &format!("  {}\n", crate::t!("triage.report_note", note = note));
        }
        if let Some(leading) = &outcome.leading {
            out += &format!(
                "  {}\n",
                crate::t!("triage.report_details", id = leading.id)
            );
        }
    }
    if !report.causes.is_empty() {
        out += &format!("\n{}\n", crate::t!("triage.report_causes"));
        for cause in &report.causes {
            let standing = cause.standing.label();
            out += &format!("  [{standing}] {} ({})", cause.title, cause.id);
            if let Some(because) = &cause.because {
                out += &format!("  {because}");
            }
            out.push('\n');
        }
    }
    out
}

/// The symptom whose triage fits an item on screen: the symptom itself, or the first
/// symptom with a triage (in home order) that lists the code, or shares a cause with the
/// item.
pub fn symptom_for<'p>(pack: &'p Pack, item: crate::model::Item<'p>) -> Option<&'p Symptom> {
    use crate::model::Item;
    let with_triage = |s: &&Symptom| start_of(pack, &s.id).is_some();
    let causes: Vec<&str> = match item {
        Item::Symptom(symptom) => return Some(symptom).filter(with_triage),
        Item::Code(code) => {
            if let Some(symptom) = pack
                .symptoms_with_code(&code.code)
                .into_iter()
                .find(with_triage)
            {
                return Some(symptom);
            }
            code.causes.iter().map(|c| c.as_str()).collect()
        }
        other => crate::desk::causes_for(pack, other)
            .iter()
            .map(|c| c.id.as_str())
            .collect(),
    };
    (0..pack.symptoms.len())
        .filter_map(|place| pack.home_symptom(place))
        .filter(with_triage)
        .find(|s| s.causes.iter().any(|c| causes.contains(&c.as_str())))
}
