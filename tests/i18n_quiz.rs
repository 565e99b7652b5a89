//! The quiz and the case log in English: the questions' template words are English (the
//! content stays as it is), every question still has exactly one right choice among
//! different ones, the case screen and reports speak English, and what the store keeps
//! does not depend on the language it was written in.

mod common;

use common::{press, screen};
use posdesk::app::input::{Input, MouseInput, MouseKind};
use posdesk::app::theme::Theme;
use posdesk::app::App;
use posdesk::desk::Desk;
use posdesk::i18n::{scoped, Lang};
use posdesk::model::{Item, Pack, Verdict};
use posdesk::quiz::leitner::plan;
use posdesk::quiz::{generate, QuizKind, QuizQuestion, QuizSettings};
use posdesk::report::cases::{case_text, list_text, outcome_text, stats_text};
use posdesk::report::quiz::{questions_text, reports_text, trainee_report};
use posdesk::store::{Outcome, Store};
use std::collections::HashMap;

fn pack() -> Pack {
    posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"))
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// Two choices are the same when they read the same: spaces and final stops aside.
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

/// A code's verdict as an English choice, written out here from the English labels.
fn english_verdict(verdict: &Verdict) -> String {
    let yes = |b: bool| if b { "yes" } else { "no" };
    let parts = format!(
        "{}: {}; {}: {}; {}: {}",
        Verdict::now_label(),
        yes(verdict.now),
        Verdict::later_label(),
        yes(verdict.later),
        Verdict::other_label(),
        yes(verdict.other)
    );
    if verdict.check_first {
        format!("{}; {parts}", Verdict::check_first_label())
    } else {
        parts
    }
}

/// What the English question must have as its one right choice: the verdict in English
/// words, the step order with an ASCII arrow, the content's own text otherwise (the same
/// as in Chinese).
fn expected_in_english(pack: &Pack, english: &QuizQuestion, chinese: &QuizQuestion) -> String {
    match english.kind {
        QuizKind::Verdict => {
            let subject = english.key.split_once(':').map_or("", |(_, s)| s);
            let Some(Item::Code(code)) = pack.item(subject) else {
                panic!("{subject} is no code");
            };
            english_verdict(&code.verdict)
        }
        QuizKind::StepOrder => chinese.right_choice().replace(" → ", " -> "),
        // A cause is named by its English title where the pack gives one.
        QuizKind::Triage => pack
            .causes
            .iter()
            .find(|c| c.title.as_str() == chinese.right_choice())
            .and_then(|c| c.title_en.as_ref())
            .map_or_else(|| chinese.right_choice().to_string(), |t| t.to_string()),
        // A customer line is said in English where the script has English lines.
        QuizKind::CustomerLine => pack
            .scripts
            .iter()
            .find(|s| s.say.first().map(|l| l.as_str()) == Some(chinese.right_choice()))
            .and_then(|s| s.say_en.first())
            .map_or_else(|| chinese.right_choice().to_string(), |l| l.to_string()),
        _ => chinese.right_choice().to_string(),
    }
}

/// The template words each kind of prompt has in English (around the content).
fn english_prompt(question: &QuizQuestion) -> bool {
    let p = &question.prompt;
    match question.kind {
        QuizKind::Verdict => {
            p.starts_with("Response code ") && p.ends_with("can the customer swipe again?")
        }
        QuizKind::CustomerLine => p.contains("what do you say") || p.contains("What do you say"),
        QuizKind::FirstCheck => {
            p.starts_with("Symptom \"") && p.ends_with("what do you check first?")
        }
        QuizKind::StepOrder => p.ends_with("in what order do you do these steps?"),
        QuizKind::Triage => p.ends_with("which cause do you work on first?"),
    }
}

#[test]
fn a_round_in_english_has_english_prompts_and_one_right_choice_each() {
    let pack = pack();
    let settings = QuizSettings::default();
    for seed in [0, 1, 7, 42, 1234] {
        let chinese = settings.questions(&pack, seed);
        let english = {
            let _en = scoped(Lang::En);
            settings.questions(&pack, seed)
        };
        // The same questions, with the same keys, in both languages: none lost to a
        // distractor that reads like the right answer in English only.
        let keys = |qs: &[QuizQuestion]| qs.iter().map(|q| q.key.clone()).collect::<Vec<_>>();
        assert_eq!(keys(&chinese), keys(&english), "seed {seed}");
        // A round as the quiz screen plans it, from the English questions.
        let round = plan(&english, &HashMap::new(), 1, settings.count, seed);
        assert_eq!(round.len(), settings.count);
        let _en = scoped(Lang::En);
        for (zh, en) in chinese.iter().zip(&english) {
            assert_ne!(zh.prompt, en.prompt, "{}: not translated", en.key);
            assert!(english_prompt(en), "{}: {}", en.key, en.prompt);
            assert!(
                en.kind.label().is_ascii(),
                "{}: {}",
                en.key,
                en.kind.label()
            );
            for fragment in [
                "能不能再刷",
                "对顾客说哪一句",
                "先查哪一项",
                "按什么顺序",
                "先按哪个原因",
            ] {
                assert!(!en.prompt.contains(fragment), "{}: {}", en.key, en.prompt);
            }
            let n = en.choices.len();
            assert!((2..=4).contains(&n), "{}: {n} choices", en.key);
            assert_eq!(n, zh.choices.len(), "{}", en.key);
            assert!(en.right < n, "{}", en.key);
            let right = expected_in_english(&pack, en, zh);
            let matching = en.choices.iter().filter(|c| same(c, &right)).count();
            assert_eq!(matching, 1, "{}: {right:?} in {:?}", en.key, en.choices);
            assert!(same(en.right_choice(), &right), "{}", en.key);
            for (i, a) in en.choices.iter().enumerate() {
                assert!(!a.trim().is_empty(), "{}: blank choice", en.key);
                for b in en.choices.iter().skip(i + 1) {
                    assert!(!same(a, b), "{}: {a:?} twice", en.key);
                }
            }
            if matches!(en.kind, QuizKind::Verdict | QuizKind::StepOrder) {
                for choice in &en.choices {
                    assert!(!choice.chars().any(is_cjk), "{}: {choice}", en.key);
                }
            }
            assert!(!en.why.trim().is_empty(), "{}: no why", en.key);
        }
    }
}

#[test]
fn a_printed_quiz_and_the_report_are_in_english() {
    let pack = pack();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let _en = scoped(Lang::En);
    let questions = generate(&pack, 3);
    let printed = questions_text(&questions);
    assert!(printed.contains("\nAnswers\n"), "{printed}");
    assert!(!printed.contains("答案"), "{printed}");
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let round = store.start_round("Wang").unwrap_or_else(|e| panic!("{e}"));
    for (i, question) in questions.iter().take(4).enumerate() {
        store
            .record_answer("Wang", round, question, i % 2 == 0, true)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let trainee = store
        .trainee("Wang")
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no trainee"));
    let text = reports_text(&[trainee_report(&pack, &trainee)]);
    assert!(
        text.starts_with("Trainee: Wang  rounds: 1, answers: 4, right: 2 (50%)"),
        "{text}"
    );
    assert!(text.contains("Weak areas"), "{text}");
    assert!(
        !text.contains("学员") && !text.contains("薄弱环节"),
        "{text}"
    );
}

/// What the store keeps of a question is the same whichever language asked it: a
/// triage's area title is content, not UI words.
#[test]
fn quiz_progress_is_stored_the_same_in_both_languages() {
    let pack = pack();
    let chinese = generate(&pack, 0);
    let english = {
        let _en = scoped(Lang::En);
        generate(&pack, 0)
    };
    for (zh, en) in chinese.iter().zip(&english) {
        assert_eq!(
            (&zh.key, &zh.area, &zh.area_title),
            (&en.key, &en.area, &en.area_title)
        );
    }
    assert!(chinese.iter().any(|q| q.kind == QuizKind::Triage));
}

fn app(dir: &std::path::Path, width: u16, height: u16) -> App {
    let desk = Desk::new(pack()).with_case_log(Some(dir.to_path_buf()));
    let mut app = App::new(desk, Theme::plain());
    app.resize(width, height);
    app
}

/// Clicks the first row of the screen that contains `text`, and presses Enter on it.
fn choose(app: &mut App, text: &str) {
    let shown = screen(app);
    let row = shown
        .lines()
        .position(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no {text:?} in\n{shown}"));
    app.handle(&Input::Mouse(MouseInput {
        kind: MouseKind::Click,
        column: 60,
        row: row as u16,
    }));
    press(app, "<Enter>");
}

#[test]
fn the_case_screen_speaks_english_and_stores_what_chinese_reads() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    {
        let _en = scoped(Lang::En);
        let mut app = app(dir.path(), 120, 40);
        press(&mut app, "<C-a>");
        assert_eq!(app.screen_key(), "cases");
        let shown = screen(&app);
        for words in [
            "Case #1",
            "Shop: ",
            "Terminal: ",
            "Outcome:",
            "Notes:",
            "[x] Open",
        ] {
            assert!(shown.contains(words), "no {words:?} in\n{shown}");
        }
        assert!(shown.contains("Cases (1)"), "{shown}");
        assert!(shown.contains("+ Add a note"), "{shown}");
        for words in ["结果：", "备注：", "商户：", "记录（", "处理中"] {
            assert!(!shown.contains(words), "{words:?} in\n{shown}");
        }
        choose(&mut app, "[ ] Resolved: Card status abnormal");
        assert!(
            app.status().is_some_and(|s| s == "Saved"),
            "{:?}",
            app.status()
        );
        let shown = screen(&app);
        assert!(
            shown.contains("[x] Resolved: Card status abnormal"),
            "{shown}"
        );
        assert!(shown.contains(" Resolved "), "the list's state: {shown}");
    }
    // Read back in Chinese: the stored outcome is the cause's id, shown in Chinese words.
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let cases = store
        .cases(None, None, 10)
        .unwrap_or_else(|e| panic!("{e}"));
    let case = cases.first().unwrap_or_else(|| panic!("no case"));
    assert_eq!(
        case.outcome,
        Outcome::Resolved {
            cause: "card-status-abnormal".into()
        }
    );
    let pack = pack();
    assert_eq!(outcome_text(&pack, &case.outcome), "已解决：卡片状态异常");
    let mut app = app(dir.path(), 120, 40);
    press(&mut app, "<F6>");
    let shown = screen(&app);
    assert!(shown.contains("[x] 已解决：卡片状态异常"), "{shown}");
    assert!(shown.contains("记录（1）"), "{shown}");
    // And the other way round: escalated in Chinese, read in English.
    store
        .set_outcome(
            case.id,
            &Outcome::Escalated {
                to: "issuer".into(),
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let _en = scoped(Lang::En);
    let again = store
        .case(case.id)
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no case"));
    assert_eq!(
        again.outcome,
        Outcome::Escalated {
            to: "issuer".into()
        }
    );
    assert!(outcome_text(&pack, &again.outcome).starts_with("Escalated: "));
}

#[test]
fn the_case_reports_speak_english() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    {
        let _en = scoped(Lang::En);
        let mut app = app(dir.path(), 120, 40);
        press(&mut app, "<C-a><Enter>Mall 1F<Enter>");
        choose(&mut app, "[ ] Resolved: Card status abnormal");
    }
    let pack = pack();
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let cases = store
        .cases(None, None, 10)
        .unwrap_or_else(|e| panic!("{e}"));
    let case = cases.first().unwrap_or_else(|| panic!("no case"));
    let counts = store.outcome_counts().unwrap_or_else(|e| panic!("{e}"));
    let _en = scoped(Lang::En);
    let full = case_text(&pack, case);
    for words in [
        "Case #1\n",
        "Opened: ",
        "Closed: ",
        "Outcome: Resolved: Card status abnormal\n",
        "Symptom: ",
        "Shop: Mall 1F\n",
        "Terminal: ",
        "Pack: ",
    ] {
        assert!(full.contains(words), "no {words:?} in\n{full}");
    }
    assert!(
        !full.contains("结果：") && !full.contains("商户："),
        "{full}"
    );
    let list = list_text(&pack, &cases);
    assert!(list.contains("Resolved: Card status abnormal"), "{list}");
    assert!(list.contains("  Shop: Mall 1F"), "{list}");
    assert_eq!(list_text(&pack, &[]), "No cases.\n");
    let stats = stats_text(&pack, &counts);
    assert!(stats.contains(": 1 closed\n"), "{stats}");
    assert_eq!(stats_text(&pack, &[]), "No resolved cases yet.\n");
}

/// A missed triage path is reported with its symptom in the UI's language, though the
/// store keeps the pack's own words.
#[test]
fn a_missed_triage_path_is_named_in_english() {
    let pack = pack();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let questions = generate(&pack, 0);
    let triage = questions
        .iter()
        .find(|q| q.kind == QuizKind::Triage)
        .unwrap_or_else(|| panic!("no triage question"));
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let round = store.start_round("Li").unwrap_or_else(|e| panic!("{e}"));
    store
        .record_answer("Li", round, triage, false, true)
        .unwrap_or_else(|e| panic!("{e}"));
    let trainee = store
        .trainee("Li")
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no trainee"));
    let symptom_id = triage.area.split(':').next().unwrap_or_default();
    let symptom = pack
        .symptom(symptom_id)
        .unwrap_or_else(|| panic!("no symptom {symptom_id}"));
    let english = symptom
        .title_en
        .as_ref()
        .map(|t| t.to_string())
        .unwrap_or_default();
    let chinese = reports_text(&[trainee_report(&pack, &trainee)]);
    assert!(
        chinese.contains(&format!("{}：", symptom.title)),
        "{chinese}"
    );
    let _en = scoped(Lang::En);
    let text = reports_text(&[trainee_report(&pack, &trainee)]);
    assert!(text.contains(&format!("{english}: ")), "{text}");
}
