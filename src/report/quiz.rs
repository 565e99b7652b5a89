//! A trainee's weak areas: how each kind of question went, and the items whose questions
//! were missed, the least known first. Plain text for a trainer, JSON for a spreadsheet.

use crate::model::Pack;
use crate::quiz::leitner::BOXES;
use crate::quiz::{QuizKind, QuizQuestion};
use crate::store::TraineeProgress;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraineeReport {
    pub name: String,
    pub rounds: u32,
    pub answered: u32,
    pub right: u32,
    pub kinds: Vec<KindReport>,
    /// Areas with misses, the least known first.
    pub weak: Vec<WeakArea>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindReport {
    pub kind: String,
    pub label: String,
    /// Questions of the kind the trainee has seen.
    pub questions: usize,
    pub answered: u32,
    pub right: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeakArea {
    pub kind: String,
    pub label: String,
    pub area: String,
    pub title: String,
    pub wrong: u32,
    pub right: u32,
    /// The lowest Leitner box of its questions: 1 is not known yet.
    #[serde(rename = "box")]
    pub box_number: u8,
}

/// The share right, rounded to a whole percent (the report and the quiz screen agree).
pub fn percent(right: u32, answered: u32) -> u32 {
    (right * 100 + answered / 2)
        .checked_div(answered)
        .unwrap_or(0)
}

/// The report of one trainee, with titles from the pack (an item since removed keeps its
/// id).
pub fn trainee_report(pack: &Pack, trainee: &TraineeProgress) -> TraineeReport {
    let mut kinds: BTreeMap<&str, KindReport> = BTreeMap::new();
    let mut areas: BTreeMap<(&str, &str), WeakArea> = BTreeMap::new();
    for question in &trainee.questions {
        let label =
            QuizKind::from_key(&question.kind).map_or(question.kind.as_str(), |k| k.label());
        let p = question.progress;
        let kind = kinds.entry(&question.kind).or_insert_with(|| KindReport {
            kind: question.kind.clone(),
            label: label.to_string(),
            questions: 0,
            answered: 0,
            right: 0,
        });
        kind.questions += 1;
        kind.answered += p.right + p.wrong;
        kind.right += p.right;
        let area = areas
            .entry((&question.kind, &question.area))
            .or_insert_with(|| WeakArea {
                kind: question.kind.clone(),
                label: label.to_string(),
                area: question.area.clone(),
                title: pack
                    .item(&question.area)
                    .map(|item| item.title())
                    .or_else(|| {
                        (!question.title.is_empty())
                            .then(|| path_title(pack, &question.area, &question.title))
                    })
                    .unwrap_or_else(|| question.area.clone()),
                wrong: 0,
                right: 0,
                box_number: BOXES,
            });
        area.wrong += p.wrong;
        area.right += p.right;
        area.box_number = area.box_number.min(p.box_number);
    }
    let mut weak: Vec<WeakArea> = areas.into_values().filter(|a| a.wrong > 0).collect();
    weak.sort_by(|a, b| {
        (a.box_number, std::cmp::Reverse(a.wrong), &a.kind, &a.area).cmp(&(
            b.box_number,
            std::cmp::Reverse(b.wrong),
            &b.kind,
            &b.area,
        ))
    });
    // Kinds in the quiz's own order.
    let mut kinds: Vec<KindReport> = kinds.into_values().collect();
    kinds.sort_by_key(|k| QuizKind::from_key(&k.kind));
    TraineeReport {
        name: trainee.name.clone(),
        rounds: trainee.rounds,
        answered: kinds.iter().map(|k| k.answered).sum(),
        right: kinds.iter().map(|k| k.right).sum(),
        kinds,
        weak,
    }
}

/// The reports as plain text, one block per trainee.
pub fn reports_text(reports: &[TraineeReport]) -> String {
    let mut out = String::new();
    for report in reports {
        let trainee = crate::t!(
            "quiz.report.trainee",
            name = report.name,
            rounds = report.rounds,
            answered = report.answered,
            right = report.right,
            percent = percent(report.right, report.answered)
        );
        out.push_str(&format!("{trainee}\n"));
        for kind in &report.kinds {
            let line = crate::t!(
                "quiz.report.kind",
                label = kind.label,
                questions = kind.questions,
                answered = kind.answered,
                percent = percent(kind.right, kind.answered)
            );
            out.push_str(&format!("  {line}\n"));
        }
        if report.weak.is_empty() {
            out.push_str(&format!("  {}\n", crate::t!("quiz.report.no_misses")));
        } else {
            let heading = crate::t!("quiz.report.weak_heading", boxes = BOXES);
            out.push_str(&format!("  {heading}\n"));
            for area in &report.weak {
                let line = crate::t!(
                    "quiz.report.weak_area",
                    label = area.label,
                    title = area.title,
                    wrong = area.wrong,
                    right = area.right,
                    box_number = area.box_number
                );
                out.push_str(&format!("  - {line}\n"));
            }
        }
        out.push('\n');
    }
    out
}

/// Questions as a paper quiz: each with its lettered context and numbered choices, and
/// the answer key at the end.
pub fn questions_text(questions: &[QuizQuestion]) -> String {
    let mut out = String::new();
    for (n, question) in questions.iter().enumerate() {
        out.push_str(&format!(
            "{}. [{}] {}\n",
            n + 1,
            question.kind.label(),
            question.prompt
        ));
        for line in &question.context {
            out.push_str(&format!("     {line}\n"));
        }
        for (i, choice) in question.choices.iter().enumerate() {
            out.push_str(&format!("   {}) {choice}\n", i + 1));
        }
        out.push('\n');
    }
    out.push_str(&format!("{}\n", crate::t!("quiz.report.answers")));
    for (n, question) in questions.iter().enumerate() {
        let answer = crate::t!(
            "quiz.report.answer",
            n = n + 1,
            choice = question.right + 1,
            text = question.right_choice(),
            why = question.why
        );
        out.push_str(&format!("{answer}\n"));
    }
    out
}
/// A triage area's stored title ("symptom：answer → answer", in the pack's words) with the
/// symptom named in the UI's language.
fn path_title(pack: &Pack, area: &str, title: &str) -> String {
    let symptom = area.split_once(':').and_then(|(id, _)| pack.symptom(id));
    let separator = "\u{ff1a}"; // not UI: the stored title's own separator (：)
    match symptom.and_then(|s| {
        let rest = title.strip_prefix(s.title.as_str())?;
        Some((s, rest.strip_prefix(separator)?))
    }) {
        Some((symptom, path)) => format!(
            "{}{}{path}",
            symptom.shown_title(),
            crate::t!("common.colon")
        ),
        None => title.to_string(),
    }
}
