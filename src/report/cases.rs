//! The case log as text for people (`posdesk cases list|show`, `posdesk stats`) and as
//! data (`posdesk cases export`): JSON Lines, one case per line, for log shippers; CSV
//! with a UTF-8 byte order mark, so spreadsheet programs show the Chinese.

use crate::model::Pack;
use crate::store::{Case, Outcome, OutcomeCount};

/// A symptom's or cause's title, or the id when the pack does not have it.
fn title(pack: &Pack, id: &str) -> String {
    pack.item(id)
        .map_or_else(|| id.to_string(), |item| item.title().to_string())
}

/// How a case ended, in words.
pub fn outcome_text(pack: &Pack, outcome: &Outcome) -> String {
    match outcome {
        Outcome::Open => state_text(outcome).to_string(),
        Outcome::Resolved { cause } => {
            crate::t!("cases.outcome.resolved", cause = title(pack, cause))
        }
        Outcome::Escalated { to } => {
            let who = crate::model::Actor::from_key(to).map_or(to.as_str(), |a| a.label());
            crate::t!("cases.outcome.escalated", who = who)
        }
    }
}

/// How a case stands, in a word: open, resolved, escalated (the list's column). Words
/// for people only; the store keeps its own keys.
pub fn state_text(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Open => crate::t!("cases.state.open"),
        Outcome::Resolved { .. } => crate::t!("cases.state.resolved"),
        Outcome::Escalated { .. } => crate::t!("cases.state.escalated"),
    }
}

/// One line per case: number, time opened, outcome, symptom, shop.
pub fn list_text(pack: &Pack, cases: &[Case]) -> String {
    if cases.is_empty() {
        return format!("{}\n", crate::t!("cases.report.none"));
    }
    let mut out = String::new();
    for case in cases {
        let symptom = case.symptom.as_deref().map_or_else(
            || crate::t!("cases.report.no_symptom").to_string(),
            |s| title(pack, s),
        );
        let opened = case
            .opened_at
            .get(..16)
            .unwrap_or(&case.opened_at)
            .replace('T', " ");
        out += &format!(
            "#{:<5} {opened}  {:<14}  {symptom}",
            case.id,
            outcome_text(pack, &case.outcome)
        );
        if !case.shop.is_empty() {
            out += &format!("  {}", crate::t!("cases.report.shop", shop = case.shop));
        }
        out.push('\n');
    }
    out
}

/// A case in full.
pub fn case_text(pack: &Pack, case: &Case) -> String {
    let line = |text: String| text + "\n";
    let mut out = line(crate::t!("cases.report.heading", id = case.id));
    out += &line(crate::t!("cases.report.opened", at = case.opened_at));
    out += &line(crate::t!("cases.report.updated", at = case.updated_at));
    if let Some(closed) = &case.closed_at {
        out += &line(crate::t!("cases.report.closed", at = closed));
    }
    let outcome = outcome_text(pack, &case.outcome);
    out += &line(crate::t!("cases.report.outcome", outcome = outcome));
    if let Some(symptom) = &case.symptom {
        out += &line(crate::t!(
            "cases.report.symptom",
            title = title(pack, symptom),
            id = symptom
        ));
    }
    if let Some(code) = &case.code {
        out += &line(crate::t!("cases.report.code", code = code));
    }
    if let Some(path) = &case.triage {
        out += &line(crate::t!("cases.report.triage").to_string());
        for step in &path.steps {
            let asked = pack.question(&step.question);
            let answer = asked
                .and_then(|q| q.answers.get(step.answer.saturating_sub(1)))
                .map_or_else(|| step.answer.to_string(), |a| a.text.to_string());
            let question = asked.map_or_else(|| step.question.clone(), |q| q.text.to_string());
            out += &format!("  {question} -> {answer}\n");
        }
    }
    out += &line(crate::t!("cases.report.shop", shop = case.shop));
    out += &line(crate::t!("cases.report.terminal", terminal = case.terminal));
    out += &line(crate::t!(
        "cases.report.pack",
        pack = case.pack,
        version = case.pack_version
    ));
    if !case.ticks.is_empty() {
        out += &line(crate::t!("cases.report.ticks").to_string());
        for tick in &case.ticks {
            let tick = crate::t!(
                "cases.report.tick",
                solution = title(pack, &tick.solution),
                step = tick.step,
                at = tick.at
            );
            out += &format!("  [x] {tick}\n");
        }
    }
    if !case.notes.is_empty() {
        out += &line(crate::t!("cases.report.notes").to_string());
        for note in &case.notes {
            out += &format!("  {}  {}\n", note.at, note.text);
        }
    }
    out
}

/// One JSON object per line.
pub fn jsonl(cases: &[Case]) -> String {
    cases
        .iter()
        .filter_map(|case| serde_json::to_string(case).ok())
        .map(|line| line + "\n")
        .collect()
}

const CSV_COLUMNS: [&str; 15] = [
    "id",
    "opened_at",
    "updated_at",
    "closed_at",
    "pack",
    "pack_version",
    "symptom",
    "code",
    "triage",
    "shop",
    "terminal",
    "outcome",
    "cause_or_escalated_to",
    "ticks",
    "notes",
];

/// CSV (RFC 4180, every field quoted), with a byte order mark.
pub fn csv(cases: &[Case]) -> String {
    let mut out = String::from("\u{feff}");
    out += &CSV_COLUMNS.join(",");
    out += "\r\n";
    for case in cases {
        let (outcome, detail) = match &case.outcome {
            Outcome::Open => ("open", String::new()),
            Outcome::Resolved { cause } => ("resolved", cause.clone()),
            Outcome::Escalated { to } => ("escalated", to.clone()),
        };
        let triage = case.triage.as_ref().map_or(String::new(), |path| {
            path.steps
                .iter()
                .map(|s| format!("{}={}", s.question, s.answer))
                .collect::<Vec<_>>()
                .join(" > ")
        });
        let ticks: Vec<String> = case
            .ticks
            .iter()
            .map(|t| format!("{}#{}@{}", t.solution, t.step, t.at))
            .collect();
        let notes: Vec<String> = case
            .notes
            .iter()
            .map(|n| format!("{} {}", n.at, n.text))
            .collect();
        let fields = [
            case.id.to_string(),
            case.opened_at.clone(),
            case.updated_at.clone(),
            case.closed_at.clone().unwrap_or_default(),
            case.pack.clone(),
            case.pack_version.clone(),
            case.symptom.clone().unwrap_or_default(),
            case.code.clone().unwrap_or_default(),
            triage,
            case.shop.clone(),
            case.terminal.clone(),
            outcome.to_string(),
            detail,
            ticks.join("; "),
            notes.join("\n"),
        ];
        let quoted: Vec<String> = fields
            .iter()
            .map(|f| format!("\"{}\"", spreadsheet_safe(f).replace('"', "\"\"")))
            .collect();
        out += &quoted.join(",");
        out += "\r\n";
    }
    out
}

/// A field a spreadsheet will not run as a formula: one starting with `=`, `+`, `-`, `@`
/// (or a tab or carriage return) gets a leading apostrophe, as OWASP advises for CSV.
fn spreadsheet_safe(field: &str) -> std::borrow::Cow<'_, str> {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{field}"))
    } else {
        std::borrow::Cow::Borrowed(field)
    }
}

/// The outcome figures: per symptom, each cause and how often it solved the case.
pub fn stats_text(pack: &Pack, counts: &[OutcomeCount]) -> String {
    if counts.is_empty() {
        return format!("{}\n", crate::t!("cases.report.no_stats"));
    }
    let mut out = String::new();
    let mut last = "";
    for count in counts {
        if count.symptom != last {
            out += &crate::t!(
                "cases.report.stats_symptom",
                title = title(pack, &count.symptom),
                id = count.symptom,
                closed = count.closed
            );
            out.push('\n');
            last = &count.symptom;
        }
        out += &format!(
            "  {}/{}  {} ({})\n",
            count.solved,
            count.closed,
            title(pack, &count.cause),
            count.cause
        );
    }
    out
}
