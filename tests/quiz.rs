//! The quiz: questions generated from the content (every code, script, symptom, solution
//! and triage outcome; exactly one right answer each, checked against the content itself,
//! never against the generator), Leitner progress in the store, and `posdesk quiz` as a
//! process.

use posdesk::model::{Item, Pack};
use posdesk::quiz::leitner::{plan, Progress};
use posdesk::quiz::{generate, generate_kind, QuizKind, QuizQuestion};
use posdesk::store::{Store, StoreError};
use proptest::prelude::*;
use std::collections::{HashMap, HashSet};
use std::process::{Command, Output};

fn pack() -> Pack {
    posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"))
}

fn same(a: &str, b: &str) -> bool {
    let norm = |t: &str| {
        t.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .trim_end_matches(['。', '.', '！', '!'])
            .to_string()
    };
    norm(a) == norm(b)
}

/// What the content says is right for a question, worked out from the pack and the key.
fn expected(pack: &Pack, question: &QuizQuestion) -> String {
    let subject = question
        .key
        .split_once(':')
        .map(|(_, rest)| rest)
        .unwrap_or_else(|| panic!("key without a kind: {}", question.key));
    match question.kind {
        QuizKind::Verdict => {
            let Some(Item::Code(code)) = pack.item(subject) else {
                panic!("{subject} is no code");
            };
            let v = &code.verdict;
            let yes = |b: bool| if b { "可以" } else { "不要" };
            let parts = format!(
                "同卡马上：{}；同卡稍后：{}；换卡或换方式：{}",
                yes(v.now),
                yes(v.later),
                yes(v.other)
            );
            if v.check_first {
                format!("先查上一笔结果，让冲正走完；{parts}")
            } else {
                parts
            }
        }
        QuizKind::CustomerLine => {
            let script = match pack.item(subject) {
                Some(Item::Code(code)) => pack.code_script(code),
                Some(Item::Cause(cause)) => cause.script.as_deref().and_then(|id| pack.script(id)),
                Some(Item::Script(script)) => Some(script),
                _ => None,
            };
            let script = script.unwrap_or_else(|| panic!("{subject} has no script"));
            script
                .say
                .first()
                .map(|s| s.to_string())
                .unwrap_or_default()
        }
        QuizKind::FirstCheck => {
            let symptom = pack.symptom(subject).unwrap_or_else(|| panic!("{subject}"));
            // The first question of its triage, as the app asks it.
            if let Some(start) = pack.triage_start(subject) {
                return start.text.to_string();
            }
            let cause = symptom
                .causes
                .first()
                .and_then(|id| pack.cause(id))
                .unwrap_or_else(|| panic!("{subject} has no cause"));
            cause
                .checks
                .first()
                .map(|c| c.to_string())
                .unwrap_or_default()
        }
        QuizKind::StepOrder => {
            let solution = pack
                .solution(subject)
                .unwrap_or_else(|| panic!("{subject}"));
            // The letters of the context, read back in the solution's order.
            solution
                .steps
                .iter()
                .map(|step| {
                    question
                        .context
                        .iter()
                        .find(|line| line.get(3..) == Some(step.text.as_str()))
                        .and_then(|line| line.get(..1))
                        .unwrap_or_else(|| panic!("step {} not shown", step.text))
                        .to_string()
                })
                .collect::<Vec<_>>()
                .join(" → ")
        }
        QuizKind::Triage => {
            let (symptom, path) = subject
                .split_once(':')
                .unwrap_or_else(|| panic!("{subject}"));
            let answers: Vec<usize> = path
                .split('.')
                .map(|a| a.parse().unwrap_or_else(|e| panic!("{a}: {e}")))
                .collect();
            let walk = posdesk::triage::walk(pack, Some(symptom), &answers)
                .unwrap_or_else(|e| panic!("{e:?}"));
            walk.leading()
                .map(|c| c.title.to_string())
                .unwrap_or_else(|| panic!("{subject} leads to no cause"))
        }
    }
}

fn check_question(pack: &Pack, question: &QuizQuestion) {
    let n = question.choices.len();
    assert!((2..=4).contains(&n), "{}: {n} choices", question.key);
    assert!(question.right < n, "{}", question.key);
    let right = expected(pack, question);
    let matching: Vec<&String> = question
        .choices
        .iter()
        .filter(|c| same(c, &right))
        .collect();
    assert_eq!(
        matching.len(),
        1,
        "{}: {:?} in {:?}",
        question.key,
        right,
        question.choices
    );
    assert!(same(question.right_choice(), &right), "{}", question.key);
    for (i, a) in question.choices.iter().enumerate() {
        assert!(!a.trim().is_empty(), "{}: blank choice", question.key);
        for b in question.choices.iter().skip(i + 1) {
            assert!(!same(a, b), "{}: {a:?} twice", question.key);
        }
    }
    assert!(!question.why.trim().is_empty(), "{}: no why", question.key);
    // Free text: no wrong answer is a near copy of the right one (half its neighbouring
    // character pairs or more in common).
    if !matches!(question.kind, QuizKind::Verdict | QuizKind::StepOrder) {
        let pairs = |t: &str| {
            let c: Vec<char> = t.chars().filter(|c| !c.is_whitespace()).collect();
            c.windows(2)
                .map(|w| w.to_vec())
                .collect::<HashSet<Vec<char>>>()
        };
        let right_pairs = pairs(question.right_choice());
        for (i, choice) in question.choices.iter().enumerate() {
            if i == question.right {
                continue;
            }
            let other = pairs(choice);
            let common = right_pairs.intersection(&other).count();
            assert!(
                4 * common < right_pairs.len() + other.len(),
                "{}: {choice:?} reads like {:?}",
                question.key,
                question.right_choice()
            );
        }
    }
}

#[test]
fn every_question_has_exactly_one_right_answer_from_the_content() {
    let pack = pack();
    let questions = generate(&pack, 0);
    let keys: HashSet<&str> = questions.iter().map(|q| q.key.as_str()).collect();
    assert_eq!(keys.len(), questions.len(), "keys repeat");
    for question in &questions {
        check_question(&pack, question);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]
    #[test]
    fn any_seed_gives_one_right_answer_and_different_distractors(seed in any::<u64>()) {
        let pack = pack();
        for question in generate(&pack, seed) {
            check_question(&pack, &question);
        }
    }
}

#[test]
fn every_code_script_symptom_solution_and_triage_outcome_is_drilled() {
    let pack = pack();
    let questions = generate(&pack, 7);
    let keys: HashSet<&str> = questions.iter().map(|q| q.key.as_str()).collect();
    for code in &pack.codes {
        assert!(
            keys.contains(format!("verdict:{}", code.id).as_str()),
            "{}",
            code.code
        );
        if pack.code_script(code).is_some() {
            assert!(
                keys.contains(format!("customer-line:{}", code.id).as_str()),
                "{}",
                code.code
            );
        }
    }
    // Every script's first line is the right answer of some question.
    for script in pack.scripts.iter().filter(|s| !s.say.is_empty()) {
        let line = script.say.first().map(|s| s.as_str()).unwrap_or("");
        assert!(
            questions
                .iter()
                .any(|q| q.kind == QuizKind::CustomerLine && same(q.right_choice(), line)),
            "script {} is never asked",
            script.id
        );
    }
    for symptom in &pack.symptoms {
        let first = symptom.causes.first().and_then(|id| pack.cause(id));
        if pack.triage_start(&symptom.id).is_some() || first.is_some_and(|c| !c.checks.is_empty()) {
            assert!(
                keys.contains(format!("first-check:{}", symptom.id).as_str()),
                "{}",
                symptom.id
            );
        }
    }
    for solution in pack
        .solutions
        .iter()
        .filter(|s| (2..=6).contains(&s.steps.len()))
    {
        assert!(
            keys.contains(format!("step-order:{}", solution.id).as_str()),
            "{}",
            solution.id
        );
    }
    let mut outcomes = 0;
    for symptom in &pack.symptoms {
        let Some(start) = pack.triage_start(&symptom.id) else {
            continue;
        };
        for path in posdesk::triage::all_paths(&pack, start, posdesk::triage::MAX_DEPTH) {
            let walk = posdesk::triage::walk(&pack, Some(&symptom.id), &path)
                .unwrap_or_else(|e| panic!("{e:?}"));
            let handed_over = match walk.reached {
                posdesk::triage::Reached::Outcome(answer) => {
                    matches!(answer.leads_to, posdesk::model::Lead::Escalate { .. })
                }
                posdesk::triage::Reached::Question(_) => false,
            };
            // A wrong answer must be wrong for sure: only outcomes where an answer ruled a
            // cause out can be asked.
            let ruled_out = walk
                .causes
                .iter()
                .any(|c| c.standing == posdesk::triage::Standing::RuledOut);
            if walk.question().is_none() && walk.leading().is_some() && !handed_over && ruled_out {
                outcomes += 1;
                let dotted: Vec<String> = path.iter().map(|a| a.to_string()).collect();
                let key = format!("triage:{}:{}", symptom.id, dotted.join("."));
                assert!(keys.contains(key.as_str()), "{key}");
            }
        }
    }
    assert!(outcomes >= 5, "{outcomes} triage outcomes");
    for kind in QuizKind::ALL {
        let n = generate_kind(&pack, kind, 7).len();
        println!("{}: {n} questions", kind.key());
        assert!(n > 0, "no {} questions", kind.key());
    }
}

#[test]
fn discreet_codes_are_answered_with_the_discreet_line_only() {
    let pack = pack();
    let questions = generate_kind(&pack, QuizKind::CustomerLine, 3);
    let discreet_lines: Vec<&str> = pack
        .scripts
        .iter()
        .filter(|s| s.discreet)
        .filter_map(|s| s.say.first().map(|l| l.as_str()))
        .collect();
    let mut asked = 0;
    for code in pack.codes.iter().filter(|c| c.discreet) {
        let key = format!("customer-line:{}", code.id);
        let Some(question) = questions.iter().find(|q| q.key == key) else {
            continue;
        };
        asked += 1;
        assert!(
            discreet_lines
                .iter()
                .any(|l| same(l, question.right_choice())),
            "{key}"
        );
        for (i, choice) in question.choices.iter().enumerate() {
            if i != question.right {
                assert!(
                    !discreet_lines.iter().any(|l| same(l, choice)),
                    "{key}: {choice}"
                );
            }
        }
        for word in ["挂失", "被盗", "被窃", "盗刷"] {
            assert!(!question.right_choice().contains(word), "{key} says {word}");
        }
    }
    assert!(asked >= 5, "only {asked} discreet codes asked");
}

#[test]
fn the_same_seed_gives_the_same_quiz_and_another_seed_another() {
    let pack = pack();
    assert_eq!(generate(&pack, 11), generate(&pack, 11));
    let a = generate(&pack, 11);
    let b = generate(&pack, 12);
    assert_eq!(a.len(), b.len());
    assert!(a.iter().zip(&b).any(|(x, y)| x.choices != y.choices));
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    (dir, store)
}

#[test]
fn progress_is_kept_per_trainee_and_missed_questions_come_first() {
    let pack = pack();
    let questions = generate(&pack, 1);
    let (dir, store) = store();
    let round = store.start_round("王芳").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(round, 1);
    let (missed, known) = (&questions[0], &questions[1]);
    store
        .record_answer("王芳", round, missed, false, true)
        .unwrap_or_else(|e| panic!("{e}"));
    let p = store
        .record_answer("王芳", round, known, true, true)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.box_number, 2);
    drop(store);
    // After a restart: the boxes are there, the other trainee has none.
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let progress = store
        .quiz_progress("王芳")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(progress.get(&missed.key).map(|p| p.box_number), Some(1));
    assert_eq!(progress.get(&known.key).map(|p| p.box_number), Some(2));
    assert!(store
        .quiz_progress("李雷")
        .unwrap_or_else(|e| panic!("{e}"))
        .is_empty());
    let round = store.start_round("王芳").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(round, 2);
    let planned = plan(&questions, &progress, round, 5, 9);
    assert_eq!(
        planned
            .first()
            .and_then(|i| questions.get(*i))
            .map(|q| &q.key),
        Some(&missed.key)
    );
    // The known one waits for its box (two rounds) behind new questions.
    assert!(!planned
        .iter()
        .any(|i| questions.get(*i).map(|q| &q.key) == Some(&known.key)));
    let report = posdesk::report::quiz::trainee_report(
        &pack,
        &store
            .trainee("王芳")
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("gone")),
    );
    assert_eq!((report.answered, report.right), (2, 1));
    assert_eq!(report.weak.len(), 1);
    assert_eq!(report.weak[0].area, missed.area);
}

#[test]
fn bad_trainee_names_are_refused() {
    let (_dir, store) = store();
    for name in ["", "   ", "a\u{1b}[31m", &"长".repeat(41)] {
        assert!(
            matches!(store.start_round(name), Err(StoreError::BadName(_))),
            "{name:?}"
        );
    }
    assert_eq!(
        store
            .start_round(" 张三 ")
            .unwrap_or_else(|e| panic!("{e}")),
        1
    );
    assert_eq!(
        store.trainees().unwrap_or_else(|e| panic!("{e}")),
        vec!["张三".to_string()]
    );
}

#[test]
fn a_case_log_of_schema_1_gains_the_quiz_and_keeps_its_cases() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join(posdesk::store::FILE_NAME);
    {
        let conn = rusqlite::Connection::open(&path).unwrap_or_else(|e| panic!("{e}"));
        conn.execute_batch(
            "CREATE TABLE cases (id INTEGER PRIMARY KEY, opened_at TEXT NOT NULL, opened_ms INTEGER NOT NULL,
             updated_at TEXT NOT NULL, pack TEXT NOT NULL DEFAULT '', pack_version TEXT NOT NULL DEFAULT '',
             symptom TEXT, code TEXT, triage TEXT, working_cause TEXT, shop TEXT NOT NULL DEFAULT '',
             terminal TEXT NOT NULL DEFAULT '', outcome TEXT NOT NULL DEFAULT 'open', cause TEXT,
             escalated_to TEXT, closed_at TEXT, search TEXT NOT NULL DEFAULT '');
             CREATE TABLE notes (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL, at TEXT NOT NULL, text TEXT NOT NULL);
             CREATE TABLE ticks (case_id INTEGER NOT NULL, solution TEXT NOT NULL, step INTEGER NOT NULL, at TEXT NOT NULL,
             PRIMARY KEY (case_id, solution, step));
             INSERT INTO cases (opened_at, opened_ms, updated_at, shop) VALUES ('2026-11-01T10:00:00+08:00', 1, 'x', '百货');
             PRAGMA user_version = 1;",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let case = store
        .case(1)
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("case lost"));
    assert_eq!(case.shop, "百货");
    assert_eq!(
        store.start_round("张三").unwrap_or_else(|e| panic!("{e}")),
        1
    );
}

fn posdesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_posdesk"))
        .env("POSDESK_LANG", "zh")
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("POSDESK_DATA")
        .output()
        .unwrap_or_else(|e| panic!("cannot run posdesk: {e}"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_printed_quiz_is_the_same_for_the_same_seed_with_its_answer_key() {
    let a = posdesk(&["quiz", "--print", "--seed", "5", "--count", "8"]);
    let b = posdesk(&["quiz", "--print", "--seed", "5", "--count", "8"]);
    let c = posdesk(&["quiz", "--print", "--seed", "6", "--count", "8"]);
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert_eq!(stdout(&a), stdout(&b));
    assert_ne!(stdout(&a), stdout(&c));
    let text = stdout(&a);
    assert!(text.contains("答案"), "{text}");
    assert_eq!(
        text.matches("\n8. ").count(),
        2,
        "8 questions and 8 answers: {text}"
    );
    let json = posdesk(&[
        "quiz", "--print", "--seed", "5", "--count", "3", "--kind", "verdict", "--json",
    ]);
    let parsed: serde_json::Value =
        serde_json::from_slice(&json.stdout).unwrap_or_else(|e| panic!("{e}"));
    let list = parsed.as_array().unwrap_or_else(|| panic!("not a list"));
    assert_eq!(list.len(), 3);
    assert!(list
        .iter()
        .all(|q| q["kind"] == "verdict" && q["right"].as_u64().is_some()));
}

#[test]
fn the_report_names_weak_areas_in_text_and_json() {
    let pack = pack();
    let questions = generate_kind(&pack, QuizKind::Verdict, 0);
    let (dir, store) = store();
    let round = store.start_round("张三").unwrap_or_else(|e| panic!("{e}"));
    for (i, question) in questions.iter().take(6).enumerate() {
        store
            .record_answer("张三", round, question, i % 3 != 0, true)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    drop(store);
    let data = dir.path().to_string_lossy().into_owned();
    let text = posdesk(&["--data", &data, "quiz", "--report"]);
    assert!(
        text.status.success(),
        "{}",
        String::from_utf8_lossy(&text.stderr)
    );
    let text = stdout(&text);
    assert!(
        text.contains("学员：张三") && text.contains("答题 6 次，答对 4 次"),
        "{text}"
    );
    assert!(text.contains("薄弱环节"), "{text}");
    let missed = &questions[0];
    assert!(text.contains(&missed.area_title), "{text}");
    let json = posdesk(&[
        "--data",
        &data,
        "quiz",
        "--report",
        "--json",
        "--trainee",
        "张三",
    ]);
    let parsed: serde_json::Value =
        serde_json::from_slice(&json.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parsed[0]["answered"], 6);
    assert_eq!(parsed[0]["weak"].as_array().map(Vec::len), Some(2));
    assert_eq!(parsed[0]["weak"][0]["box"], 1);
    let nobody = posdesk(&["--data", &data, "quiz", "--report", "--trainee", "李四"]);
    assert_eq!(nobody.status.code(), Some(1));
}

#[test]
fn progress_boxes_do_not_overflow() {
    let mut p = Progress::after(None, true, u32::MAX - 1, true);
    for _ in 0..10 {
        p = Progress::after(Some(p), true, u32::MAX, true);
    }
    assert_eq!(p.box_number, posdesk::quiz::leitner::BOXES);
    assert!(!p.is_due(u32::MAX));
    let empty: HashMap<String, Progress> = HashMap::new();
    assert!(plan(&[], &empty, 1, 10, 0).is_empty());
}

/// A line that gives no reason fits any decline, and the lines of causes that share a
/// symptom may fit the same case: neither is ever offered as a wrong answer.
#[test]
fn no_wrong_customer_line_could_be_right() {
    let pack = pack();
    let generic: Vec<&str> = pack
        .scripts
        .iter()
        .filter(|s| s.discreet || s.generic)
        .filter_map(|s| s.say.first().map(|l| l.as_str()))
        .collect();
    assert!(generic.len() >= 2, "{generic:?}");
    for question in generate_kind(&pack, QuizKind::CustomerLine, 9) {
        let causes: Vec<String> = match pack.item(&question.area) {
            Some(Item::Code(code)) => code.causes.iter().map(|c| c.to_string()).collect(),
            Some(Item::Cause(cause)) => vec![cause.id.to_string()],
            _ => Vec::new(),
        };
        let siblings: Vec<&str> = pack
            .symptoms
            .iter()
            .filter(|s| {
                s.causes
                    .iter()
                    .any(|c| causes.iter().any(|own| own == c.as_str()))
            })
            .flat_map(|s| s.causes.iter())
            .filter_map(|c| pack.cause(c))
            .filter_map(|c| c.script.as_deref())
            .filter_map(|id| pack.script(id))
            .filter_map(|s| s.say.first().map(|l| l.as_str()))
            .collect();
        for (i, choice) in question.choices.iter().enumerate() {
            if i == question.right {
                continue;
            }
            assert!(
                !generic.iter().any(|g| same(g, choice)),
                "{}: generic {choice}",
                question.key
            );
            assert!(
                !siblings.iter().any(|g| same(g, choice)),
                "{}: sibling {choice}",
                question.key
            );
        }
    }
}

/// A wrong order never starts with the right first step: the first step decides.
#[test]
fn wrong_step_orders_start_with_another_step() {
    let pack = pack();
    for question in generate_kind(&pack, QuizKind::StepOrder, 4) {
        let first = |choice: &str| choice.split(" → ").next().unwrap_or("").to_string();
        let right = first(question.right_choice());
        for (i, choice) in question.choices.iter().enumerate() {
            if i != question.right {
                assert_ne!(first(choice), right, "{}: {choice}", question.key);
            }
        }
    }
}

#[test]
fn a_round_counts_once_answered_and_a_trainee_can_be_forgotten() {
    let pack = pack();
    let questions = generate(&pack, 2);
    let (dir, store) = store();
    assert_eq!(
        store.start_round("张三").unwrap_or_else(|e| panic!("{e}")),
        1
    );
    // Left without an answer: the same round again.
    assert_eq!(
        store.start_round("张三").unwrap_or_else(|e| panic!("{e}")),
        1
    );
    store
        .record_answer("张三", 1, &questions[0], false, true)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        store.start_round("张三").unwrap_or_else(|e| panic!("{e}")),
        2
    );
    store.start_round("李四").unwrap_or_else(|e| panic!("{e}"));
    drop(store);
    let data = dir.path().to_string_lossy().into_owned();
    let forgot = posdesk(&["--data", &data, "quiz", "--forget", "张三"]);
    assert!(
        forgot.status.success(),
        "{}",
        String::from_utf8_lossy(&forgot.stderr)
    );
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        store.trainees().unwrap_or_else(|e| panic!("{e}")),
        vec!["李四".to_string()]
    );
    assert!(store
        .quiz_progress("张三")
        .unwrap_or_else(|e| panic!("{e}"))
        .is_empty());
    let again = posdesk(&["--data", &data, "quiz", "--forget", "张三"]);
    assert_eq!(again.status.code(), Some(1));
    let bad = posdesk(&["--data", &data, "quiz", "--forget", "a\u{202e}b"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn reading_the_report_creates_no_log_and_json_needs_print_or_report() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().join("never");
    let data = data.to_string_lossy().into_owned();
    let report = posdesk(&["--data", &data, "quiz", "--report", "--json"]);
    assert!(report.status.success());
    assert_eq!(stdout(&report).trim(), "[]");
    assert!(
        !std::path::Path::new(&data).exists(),
        "the report created the data directory"
    );
    let usage = posdesk(&["quiz", "--json"]);
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn a_question_asked_again_has_its_choices_in_another_order() {
    let pack = pack();
    for question in generate(&pack, 3).iter().filter(|q| q.choices.len() > 2) {
        let again = question.reshuffled(5);
        assert_ne!(again.right, question.right, "{}", question.key);
        assert_eq!(again.right_choice(), question.right_choice());
        let mut a = again.choices.clone();
        let mut b = question.choices.clone();
        a.sort();
        b.sort();
        assert_eq!(a, b);
    }
}

/// A triage question's wrong answers are causes the answers ruled out, never one still open.
#[test]
fn triage_distractors_are_ruled_out_by_the_answers() {
    let pack = pack();
    for question in generate_kind(&pack, QuizKind::Triage, 5) {
        let subject = question.key.trim_start_matches("triage:");
        let (symptom, path) = subject
            .split_once(':')
            .unwrap_or_else(|| panic!("{subject}"));
        let answers: Vec<usize> = path
            .split('.')
            .map(|a| a.parse().unwrap_or_else(|e| panic!("{e}")))
            .collect();
        let walk = posdesk::triage::walk(&pack, Some(symptom), &answers)
            .unwrap_or_else(|e| panic!("{e:?}"));
        for (i, choice) in question.choices.iter().enumerate() {
            if i == question.right {
                continue;
            }
            let standing = walk
                .causes
                .iter()
                .find(|c| c.cause.title.as_str() == choice)
                .map(|c| c.standing);
            assert_eq!(
                standing,
                Some(posdesk::triage::Standing::RuledOut),
                "{}: {choice}",
                question.key
            );
        }
    }
}
