//! Questions from the pack: the right answer is the content's own, the distractors are
//! the same kind of text taken from other items, never the right one reworded.

use super::{QuizKind, QuizQuestion, Rng, MAX_CHOICES};
use crate::desk::rank::causes_for;
use crate::model::{Cause, Code, Item, Lead, Pack, Question, Verdict};
use crate::report::card::first_sentence;
use crate::triage::{self, Reached, Standing};
use std::collections::HashSet;

/// Every question the pack gives, kind by kind; `seed` picks distractors and their order.
pub fn generate(pack: &Pack, seed: u64) -> Vec<QuizQuestion> {
    QuizKind::ALL
        .into_iter()
        .flat_map(|kind| generate_kind(pack, kind, seed))
        .collect()
}

pub fn generate_kind(pack: &Pack, kind: QuizKind, seed: u64) -> Vec<QuizQuestion> {
    match kind {
        QuizKind::Verdict => verdicts(pack, seed),
        QuizKind::CustomerLine => customer_lines(pack, seed),
        QuizKind::FirstCheck => first_checks(pack, seed),
        QuizKind::StepOrder => step_orders(pack, seed),
        QuizKind::Triage => triages(pack, seed),
    }
}

/// A question before its choices are drawn.
struct Draft {
    kind: QuizKind,
    /// The part of the key after the kind: the item's id, or the triage's path.
    subject: String,
    area: String,
    area_title: String,
    prompt: String,
    context: Vec<String>,
    right: String,
    why: String,
    /// Whether a distractor may read much like the right answer: yes for verdicts and
    /// orders, whose choices share their form by design; no for free text, where a
    /// near-copy would be right too.
    near_copies: bool,
}

impl Draft {
    fn new(kind: QuizKind, item: Item<'_>, prompt: String, right: String, why: String) -> Draft {
        Draft {
            kind,
            subject: item.id().to_string(),
            area: item.id().to_string(),
            area_title: item.own_title(),
            prompt,
            context: Vec::new(),
            right,
            why,
            near_copies: false,
        }
    }

    /// Draws up to three distractors from `pool` (texts equal to the right one, blank or
    /// repeated are dropped) and shuffles them with the right answer. None when no
    /// distractor is left: a question with one choice drills nothing.
    fn ask(self, pool: impl IntoIterator<Item = String>, seed: u64) -> Option<QuizQuestion> {
        let key = format!("{}:{}", self.kind.key(), self.subject);
        let mut rng = Rng::for_key(seed, &key);
        let right_text = same_text(&self.right);
        let mut seen = HashSet::new();
        let mut pool: Vec<String> = pool
            .into_iter()
            .filter(|text| {
                let norm = same_text(text);
                !norm.is_empty()
                    && norm != right_text
                    && (self.near_copies || !similar(&norm, &right_text))
                    && seen.insert(norm)
            })
            .collect();
        // A fixed order first, so the seed alone decides the draw.
        pool.sort();
        rng.shuffle(&mut pool);
        pool.truncate(MAX_CHOICES - 1);
        if pool.is_empty() || right_text.is_empty() {
            return None;
        }
        let mut choices = pool;
        choices.push(self.right.clone());
        rng.shuffle(&mut choices);
        let right = choices.iter().position(|c| *c == self.right)?;
        Some(QuizQuestion {
            key,
            kind: self.kind,
            area: self.area,
            area_title: self.area_title,
            prompt: self.prompt,
            context: self.context,
            choices,
            right,
            why: self.why,
        })
    }
}

/// Whether two texts read much alike: half their pairs of neighbouring characters or more
/// in common (「屏幕或签购单上有没有两位应答码？」 and 「屏幕或签购单上看得到应答码吗？」).
fn similar(a: &str, b: &str) -> bool {
    let pairs = |text: &str| {
        let chars: Vec<char> = text.chars().collect();
        chars
            .windows(2)
            .filter_map(|pair| match pair {
                [x, y] => Some((*x, *y)),
                _ => None,
            })
            .collect::<HashSet<(char, char)>>()
    };
    let (a, b) = (pairs(a), pairs(b));
    let total = a.len() + b.len();
    // The Dice coefficient, 2 x common / total, at least one half.
    total > 0 && 4 * a.intersection(&b).count() >= total
}

/// Whether two texts have `run` Chinese characters in a row in common.
fn shares_a_run(a: &str, b: &str, run: usize) -> bool {
    let chinese = |text: &str| -> Vec<char> {
        text.chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .collect()
    };
    let (a, b) = (chinese(a), chinese(b));
    let runs: HashSet<&[char]> = a.windows(run).collect();
    b.windows(run).any(|w| runs.contains(w))
}

/// Two choices are the same when they read the same: spaces and final stops aside.
fn same_text(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .trim_end_matches(['。', '.', '！', '!'])
        .to_string()
}

/// A verdict as a choice: each part allowed or not, without the condition that would give
/// the code away (the feedback shows it).
fn verdict_choice(verdict: &Verdict) -> String {
    let answer = |allowed: bool| {
        if allowed {
            crate::t!("quiz.generate.allowed")
        } else {
            crate::t!("quiz.generate.not_allowed")
        }
    };
    let parts = [
        (Verdict::now_label(), verdict.now),
        (Verdict::later_label(), verdict.later),
        (Verdict::other_label(), verdict.other),
    ]
    .map(|(label, allowed)| {
        crate::t!(
            "quiz.generate.verdict_part",
            label = label,
            answer = answer(allowed)
        )
    })
    .join(crate::t!("common.clause_sep"));
    if verdict.check_first {
        [Verdict::check_first_label(), parts.as_str()].join(crate::t!("common.clause_sep"))
    } else {
        parts
    }
}

fn code_name(code: &Code) -> String {
    crate::t!(
        "quiz.generate.code_name",
        code = code.code,
        display = code.display
    )
}

fn verdicts(pack: &Pack, seed: u64) -> Vec<QuizQuestion> {
    let pool: Vec<String> = pack
        .codes
        .iter()
        .map(|c| verdict_choice(&c.verdict))
        .chain(pack.causes.iter().map(|c| verdict_choice(&c.verdict)))
        .collect();
    pack.codes
        .iter()
        .filter_map(|code| {
            let why = crate::t!(
                "quiz.generate.verdict_why",
                code = code_name(code),
                meaning = first_sentence(&code.meaning),
                retry = crate::report::verdict_label(),
                summary = code.verdict.summary(),
                action = code.action
            );
            let mut draft = Draft::new(
                QuizKind::Verdict,
                Item::Code(code),
                crate::t!("quiz.generate.verdict_prompt", code = code_name(code)),
                verdict_choice(&code.verdict),
                why,
            );
            draft.near_copies = true;
            draft.ask(pool.iter().cloned(), seed)
        })
        .collect()
}

/// The first line of every script but the ones excluded, as distractors. A generic
/// script (discreet ones included) is never one: its line (the sale did not go through, no
/// reason given) is safe to say for any decline, so it would be right too.
fn say_lines<'p>(
    pack: &'p Pack,
    excluded: &'p HashSet<&'p str>,
    english: bool,
) -> impl Iterator<Item = String> + 'p {
    pack.scripts
        .iter()
        .filter(move |s| !(excluded.contains(s.id.as_str()) || s.generic))
        .map(spoken)
        // All choices in one language, so none gives itself away.
        .filter(move |(_, in_english)| *in_english == english)
        .filter_map(|(lines, _)| lines.first().map(|line| line.to_string()))
}

/// The lines a script gives in the UI's language: its English ones in the English UI,
/// where it has them; and whether they are English.
fn spoken(script: &crate::model::Script) -> (&[crate::model::Text], bool) {
    if crate::i18n::lang() == crate::i18n::Lang::En && !script.say_en.is_empty() {
        (&script.say_en, true)
    } else {
        (&script.say, false)
    }
}

fn line_why(script: &crate::model::Script, discreet: bool) -> String {
    let (lines, english) = spoken(script);
    let mut why = crate::t!(
        "quiz.generate.line_why",
        title = script.shown_title(),
        say = lines.join(if english { " " } else { "" })
    );
    if discreet {
        why.push_str(crate::t!("quiz.generate.discreet_note"));
    }
    if let Some(avoid) = script.avoid.first() {
        why.push_str(&crate::t!("quiz.generate.note", note = avoid));
    }
    why
}

/// A customer-line question about an item whose script is `script`; `excluded` lists
/// the scripts that would fit it too.
fn line_question(
    pack: &Pack,
    item: Item<'_>,
    prompt: String,
    script: &crate::model::Script,
    excluded: &HashSet<&str>,
    discreet: bool,
    seed: u64,
) -> Option<QuizQuestion> {
    let (lines, english) = spoken(script);
    let right = lines.first()?;
    Draft::new(
        QuizKind::CustomerLine,
        item,
        prompt,
        right.to_string(),
        line_why(script, discreet),
    )
    .ask(say_lines(pack, excluded, english), seed)
}

/// The scripts that may fit the same situation as these causes: their own, and those of
/// every cause that shares a symptom with one of them (「把卡插进来」 and 「再插一次卡」
/// are both right when a card was not read).
fn related_scripts<'p>(pack: &'p Pack, causes: &[crate::model::Text]) -> HashSet<&'p str> {
    let wanted: HashSet<&str> = causes.iter().map(|c| c.as_str()).collect();
    pack.symptoms
        .iter()
        .filter(|s| s.causes.iter().any(|c| wanted.contains(c.as_str())))
        .flat_map(|s| s.causes.iter())
        .map(|c| c.as_str())
        .chain(wanted.iter().copied())
        .filter_map(|id| pack.cause(id))
        .filter_map(|c| c.script.as_deref())
        .collect()
}

fn customer_lines(pack: &Pack, seed: u64) -> Vec<QuizQuestion> {
    let mut questions = Vec::new();
    let mut asked: HashSet<&str> = HashSet::new();
    for code in &pack.codes {
        let Some(script) = pack.code_script(code) else {
            continue;
        };
        let mut excluded = related_scripts(pack, &code.causes);
        excluded.insert(script.id.as_str());
        let prompt = crate::t!("quiz.generate.line_prompt_code", code = code_name(code));
        let discreet = code.discreet || script.discreet;
        let item = Item::Code(code);
        if let Some(q) = line_question(pack, item, prompt, script, &excluded, discreet, seed) {
            asked.insert(script.id.as_str());
            questions.push(q);
        }
    }
    for cause in &pack.causes {
        let Some(script) = cause.script.as_deref().and_then(|id| pack.script(id)) else {
            continue;
        };
        let mut excluded = related_scripts(pack, std::slice::from_ref(&cause.id));
        excluded.insert(script.id.as_str());
        let prompt = crate::t!(
            "quiz.generate.line_prompt_cause",
            cause = cause.shown_title()
        );
        let item = Item::Cause(cause);
        if let Some(q) = line_question(pack, item, prompt, script, &excluded, script.discreet, seed)
        {
            asked.insert(script.id.as_str());
            questions.push(q);
        }
    }
    // A script no code or cause uses is still drilled, by its own title.
    for script in pack
        .scripts
        .iter()
        .filter(|s| !asked.contains(s.id.as_str()))
    {
        let excluded: HashSet<&str> = [script.id.as_str()].into();
        let prompt = crate::t!(
            "quiz.generate.line_prompt_script",
            title = script.shown_title()
        );
        let item = Item::Script(script);
        questions.extend(line_question(
            pack,
            item,
            prompt,
            script,
            &excluded,
            script.discreet,
            seed,
        ));
    }
    questions
}

fn first_check_of(cause: &Cause) -> Option<&str> {
    cause.checks.first().map(|c| c.as_str())
}

/// The questions of a triage tree, from its first.
fn tree_questions<'p>(pack: &'p Pack, start: &'p Question) -> HashSet<&'p str> {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut stack = vec![start];
    while let Some(question) = stack.pop() {
        if !seen.insert(question.id.as_str()) {
            continue;
        }
        for answer in &question.answers {
            if let Lead::Question(next) = &answer.leads_to {
                stack.extend(pack.question(next));
            }
        }
    }
    seen
}

/// What to check first for a symptom: the first question of its triage (the app asks it
/// first too), or without a triage the first check of its most likely cause. Distractors
/// are the first questions (or checks) of symptoms that share no cause with it.
fn first_checks(pack: &Pack, seed: u64) -> Vec<QuizQuestion> {
    pack.symptoms
        .iter()
        .filter_map(|symptom| {
            let own: HashSet<&str> = symptom.causes.iter().map(|c| c.as_str()).collect();
            let unrelated: Vec<&crate::model::Symptom> = pack
                .symptoms
                .iter()
                .filter(|other| !other.causes.iter().any(|c| own.contains(c.as_str())))
                .collect();
            let prompt = crate::t!(
                "quiz.generate.first_check_prompt",
                symptom = symptom.shown_title()
            );
            if let Some(start) = pack.triage_start(&symptom.id) {
                let tree = tree_questions(pack, start);
                // Not a question about reading the code (it fits any symptom), nor one
                // that asks about the same thing in other words (three characters in a
                // row in common: 「刚才做的是」, 「签购单」).
                let reads_code = |q: &Question| {
                    q.answers
                        .iter()
                        .any(|a| matches!(a.leads_to, Lead::Code(_) | Lead::EnterCode))
                };
                let pool = unrelated
                    .iter()
                    .filter_map(|other| pack.triage_start(&other.id))
                    .filter(|q| !tree.contains(q.id.as_str()) && !reads_code(q))
                    .filter(|q| !shares_a_run(&q.text, &start.text, 3))
                    .map(|q| q.text.to_string());
                let why = match &start.hint {
                    Some(hint) => crate::t!(
                        "quiz.generate.first_check_why_hint",
                        question = start.text,
                        hint = hint
                    ),
                    None => crate::t!("quiz.generate.first_check_why", question = start.text),
                };
                let draft = Draft::new(
                    QuizKind::FirstCheck,
                    Item::Symptom(symptom),
                    prompt,
                    start.text.to_string(),
                    why,
                );
                return draft.ask(pool, seed);
            }
            let causes = causes_for(pack, Item::Symptom(symptom));
            let likely = causes.first()?;
            let right = first_check_of(likely)?;
            let pool = unrelated
                .iter()
                .filter_map(|other| other.causes.first().and_then(|id| pack.cause(id)))
                .filter_map(|c| first_check_of(c).map(str::to_string));
            let why = crate::t!(
                "quiz.generate.first_check_why_likely",
                cause = likely.shown_title(),
                description = first_sentence(&likely.description)
            );
            Draft::new(
                QuizKind::FirstCheck,
                Item::Symptom(symptom),
                prompt,
                right.to_string(),
                why,
            )
            .ask(pool, seed)
        })
        .collect()
}

/// The most steps a step-order question lists (lettered A to F).
const MAX_ORDER_STEPS: usize = 6;
const LETTERS: [char; MAX_ORDER_STEPS] = ['A', 'B', 'C', 'D', 'E', 'F'];

fn step_orders(pack: &Pack, seed: u64) -> Vec<QuizQuestion> {
    pack.solutions
        .iter()
        .filter(|s| (2..=MAX_ORDER_STEPS).contains(&s.steps.len()))
        .filter_map(|solution| {
            let texts: Vec<&str> = solution.steps.iter().map(|s| s.text.as_str()).collect();
            // Steps that read the same cannot be told apart in order.
            if texts.iter().collect::<HashSet<_>>().len() != texts.len() {
                return None;
            }
            let mut rng = Rng::for_key(seed, &format!("shown:{}", solution.id));
            // How the steps are shown: never already in order.
            let mut shown: Vec<usize> = (0..texts.len()).collect();
            while shown.iter().enumerate().all(|(i, at)| i == *at) {
                rng.shuffle(&mut shown);
            }
            let letter_of = |step: usize| {
                shown
                    .iter()
                    .position(|at| *at == step)
                    .and_then(|place| LETTERS.get(place))
                    .copied()
                    .unwrap_or('?')
            };
            let order = |steps: &[usize]| {
                steps
                    .iter()
                    .map(|step| letter_of(*step).to_string())
                    .collect::<Vec<_>>()
                    .join(crate::t!("quiz.generate.order_sep"))
            };
            let in_order: Vec<usize> = (0..texts.len()).collect();
            // Every wrong order starts with another step: the first step decides, so no
            // two orders that differ only in later steps (often interchangeable) compete.
            let mut pool = Vec::new();
            for _ in 0..24 {
                let mut other = in_order.clone();
                rng.shuffle(&mut other);
                if other.first() != Some(&0) {
                    pool.push(order(&other));
                }
            }
            let mut draft = Draft::new(
                QuizKind::StepOrder,
                Item::Solution(solution),
                crate::t!(
                    "quiz.generate.step_order_prompt",
                    title = solution.shown_title()
                ),
                order(&in_order),
                texts
                    .iter()
                    .enumerate()
                    .map(|(i, text)| format!("{}. {text}", i + 1))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            draft.near_copies = true;
            draft.context = shown
                .iter()
                .zip(LETTERS)
                .filter_map(|(at, letter)| texts.get(*at).map(|t| format!("{letter}  {t}")))
                .collect();
            draft.ask(pool, seed)
        })
        .collect()
}

/// Why a triage leads to its cause: the answer that kept it, what the cause is, and the
/// outcome's note.
fn triage_why(walk: &triage::Walk<'_>, leading: &Cause, last: &crate::model::Answer) -> String {
    let description = first_sentence(&leading.description);
    let mut why = walk
        .causes
        .iter()
        .find(|c| c.cause.id == leading.id)
        .and_then(|c| c.because)
        .map(|(question, answer)| {
            crate::t!(
                "quiz.generate.triage_why_because",
                reason = triage::reason(question, answer),
                cause = leading.shown_title(),
                description = description
            )
        })
        .unwrap_or_else(|| {
            crate::t!(
                "quiz.generate.triage_why",
                cause = leading.shown_title(),
                description = description
            )
        });
    if let Some(note) = &last.note {
        why.push_str(&crate::t!("quiz.generate.note", note = note));
    }
    why
}

fn triages(pack: &Pack, seed: u64) -> Vec<QuizQuestion> {
    let mut questions = Vec::new();
    for symptom in &pack.symptoms {
        let Some(start) = pack.triage_start(&symptom.id) else {
            continue;
        };
        for answers in triage::all_paths(pack, start, triage::MAX_DEPTH) {
            let Ok(walk) = triage::walk(pack, Some(&symptom.id), &answers) else {
                continue;
            };
            let (Reached::Outcome(last), Some(leading)) = (walk.reached, walk.leading()) else {
                continue;
            };
            // A hand-over is not a cause to pick: the answer is who takes it.
            if matches!(last.leads_to, Lead::Escalate { .. }) {
                continue;
            }
            // Wrong for sure: only the causes an answer ruled out. A cause still open, or
            // one of another symptom, may fit the same answers (every card failing points
            // at the bank and at the POS alike), so neither is offered as wrong.
            let pool: Vec<String> = walk
                .causes
                .iter()
                .filter(|c| c.standing == Standing::RuledOut)
                .map(|c| c.cause.shown_title().to_string())
                .collect();
            let mut draft = Draft::new(
                QuizKind::Triage,
                Item::Symptom(symptom),
                crate::t!(
                    "quiz.generate.triage_prompt",
                    symptom = symptom.shown_title()
                ),
                leading.shown_title().to_string(),
                triage_why(&walk, leading, last),
            );
            draft.subject = format!(
                "{}:{}",
                symptom.id,
                answers
                    .iter()
                    .map(|a| a.to_string())
                    .collect::<Vec<_>>()
                    .join(".")
            );
            // Each path is its own area: the report says which answers were missed.
            draft.area = draft.subject.clone();
            // Kept in the store as the area's title: content, the same in every language.
            draft.area_title = format!(
                "{}：{}", // not UI: a stored title, content only, the same in every language
                symptom.title,
                walk.taken
                    .iter()
                    .map(|(_, _, answer)| answer.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" → ")
            );
            draft.context = walk
                .taken
                .iter()
                .map(|(question, _, answer)| {
                    crate::t!(
                        "quiz.generate.triage_step",
                        question = question.text,
                        answer = answer.text
                    )
                })
                .collect();
            questions.extend(draft.ask(pool, seed));
        }
    }
    questions
}
