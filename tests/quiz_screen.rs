//! The quiz screen off-screen, over a store in a temporary directory: a trainee's name,
//! questions answered with number keys, feedback at once, the round's end with weak
//! areas, progress kept, and the round kept across a reload of the content.

mod common;

use common::{press, screen};
use posdesk::app::input::Input;
use posdesk::app::screens::Quiz;
use posdesk::app::theme::Theme;
use posdesk::app::App;
use posdesk::desk::Desk;
use posdesk::quiz::QuizSettings;
use posdesk::store::Store;

fn app(dir: &std::path::Path, count: usize, width: u16, height: u16) -> App {
    let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let desk = Desk::new(pack)
        .with_case_log(Some(dir.to_path_buf()))
        .with_quiz(QuizSettings {
            seed: Some(0),
            count,
            ..Default::default()
        });
    let mut app = App::new(desk, Theme::plain());
    app.resize(width, height);
    app
}

fn quiz(app: &App) -> &Quiz {
    app.screen::<Quiz>()
        .unwrap_or_else(|| panic!("no quiz screen"))
}

/// The 1-based number of the right or of a wrong choice of the question on screen.
fn choice(app: &App, right: bool) -> usize {
    let question = quiz(app)
        .question()
        .unwrap_or_else(|| panic!("no question"));
    if right {
        question.right + 1
    } else {
        (0..question.choices.len())
            .find(|i| *i != question.right)
            .map_or(1, |i| i + 1)
    }
}

#[test]
fn a_round_of_questions_with_feedback_and_weak_areas() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut app = app(dir.path(), 3, 80, 24);
    press(&mut app, "<F7>");
    assert_eq!(app.screen_key(), "quiz");
    assert!(screen(&app).contains("学员姓名"), "{}", screen(&app));
    press(&mut app, "王芳<Enter>");
    let first = quiz(&app)
        .question()
        .cloned()
        .unwrap_or_else(|| panic!("no question"));
    insta::assert_snapshot!("quiz_question_at_80x24", screen(&app));
    // A wrong answer: feedback with the right one and why, and the question comes back.
    let wrong = choice(&app, false);
    press(&mut app, &wrong.to_string());
    let shown = screen(&app);
    assert!(shown.contains("答错了"), "{shown}");
    assert!(shown.contains("正确答案"), "{shown}");
    insta::assert_snapshot!("quiz_feedback_at_80x24", shown);
    press(&mut app, "<Enter>");
    let right = choice(&app, true);
    press(&mut app, &right.to_string());
    assert!(screen(&app).contains("答对了"), "{}", screen(&app));
    // Until the round is over: the missed question is asked again within it.
    let mut asked_again = false;
    for _ in 0..10 {
        press(&mut app, "<Enter>");
        if screen(&app).contains("轮结束") {
            break;
        }
        asked_again |= quiz(&app).question().map(|q| &q.key) == Some(&first.key);
        let right = choice(&app, true);
        press(&mut app, &right.to_string());
    }
    assert!(asked_again, "the missed question did not come back");
    let end = screen(&app);
    assert!(end.contains("轮结束") && end.contains("薄弱环节"), "{end}");
    assert!(end.contains(&first.area_title), "{end}");
    // Kept in the store: the missed question in the first box.
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let progress = store
        .quiz_progress("王芳")
        .unwrap_or_else(|e| panic!("{e}"));
    // Missed, then right when it came back: still in the first box, asked next round.
    assert_eq!(progress.get(&first.key).map(|p| p.box_number), Some(1));
    assert_eq!(progress.get(&first.key).map(|p| p.wrong), Some(1));
    // The next round asks the least known first.
    press(&mut app, "<Enter>");
    assert_eq!(quiz(&app).round_figures().0, 2);
    assert_eq!(quiz(&app).question().map(|q| &q.key), Some(&first.key));
    // Another trainee's round ends with their own weak areas, not the first one's.
    press(&mut app, "<Esc><C-u>李雷<Enter>");
    for _ in 0..10 {
        if screen(&app).contains("轮结束") {
            break;
        }
        let right = choice(&app, true);
        press(&mut app, &format!("{right}<Enter>"));
    }
    let end = screen(&app);
    assert!(
        end.contains("李雷") && end.contains("还没有答错过的题"),
        "{end}"
    );
}

#[test]
fn full_width_digits_from_an_input_method_answer() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut app = app(dir.path(), 3, 80, 24);
    press(&mut app, "<F7>王芳<Enter>");
    let right = choice(&app, true);
    let wide = char::from_u32(0xFF10 + right as u32).unwrap_or('0');
    press(&mut app, &wide.to_string());
    assert!(screen(&app).contains("答对了"), "{}", screen(&app));
}

#[test]
fn typing_during_a_question_stays_in_the_quiz() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut app = app(dir.path(), 5, 80, 24);
    press(&mut app, "<F7>李雷<Enter>");
    let key = quiz(&app).question().map(|q| q.key.clone());
    press(&mut app, "yebz9");
    assert_eq!(app.screen_key(), "quiz");
    assert_eq!(app.query(), "");
    assert_eq!(quiz(&app).question().map(|q| q.key.clone()), key);
    assert!(
        app.status().is_some_and(|s| s.contains("回答")),
        "{:?}",
        app.status()
    );
    // Arrows and Enter answer too.
    press(&mut app, "<Down><Enter>");
    assert_eq!(quiz(&app).round_figures().1, 1);
    // Esc leaves the round for the name; another trainee starts their own first round.
    press(&mut app, "<Esc><C-u>韩梅梅<Enter>");
    assert_eq!(quiz(&app).round_figures(), (1, 0, 0));
}

#[test]
fn the_cursor_follows_the_name_being_typed() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut app = app(dir.path(), 5, 80, 24);
    press(&mut app, "<F7>张");
    let size = app.size();
    let mut buffer = ratatui::buffer::Buffer::empty(size);
    let one = app
        .draw_buffer(&mut buffer, size)
        .unwrap_or_else(|| panic!("no cursor"));
    press(&mut app, "三");
    let two = app
        .draw_buffer(&mut buffer, size)
        .unwrap_or_else(|| panic!("no cursor"));
    assert_eq!(one.y, two.y);
    assert_eq!(two.x, one.x + 2, "a Chinese character is two columns");
}

/// Changes what the terminal shows for a code (its `display`) in the pack's code table.
fn redisplay(codes: &std::path::Path, code: &str, display: &str) {
    common::edit(codes, |text| {
        let mut out = Vec::new();
        let mut in_code = false;
        for line in text.lines() {
            if line.starts_with("code = ") {
                in_code = line == format!("code = \"{code}\"");
            }
            if in_code && line.starts_with("display = ") {
                out.push(format!("display = \"{display}\""));
            } else {
                out.push(line.to_string());
            }
        }
        out.join("\n") + "\n"
    });
}

#[test]
fn a_reload_keeps_the_round_and_shows_the_new_text() {
    let (_tmp, pack_dir) = common::pack_copy();
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pack = posdesk::load_dir(&pack_dir).unwrap_or_else(|e| panic!("{e}"));
    let desk = Desk::new(pack)
        .with_content_dir(Some(&pack_dir))
        .with_case_log(Some(data.path().to_path_buf()))
        .with_quiz(QuizSettings {
            seed: Some(0),
            count: 5,
            kinds: vec![posdesk::quiz::QuizKind::Verdict],
            ..Default::default()
        });
    let mut app = App::new(desk, Theme::plain());
    app.resize(100, 30);
    press(&mut app, "<F7>王芳<Enter>");
    let question = quiz(&app)
        .question()
        .cloned()
        .unwrap_or_else(|| panic!("no question"));
    let code = question
        .area
        .strip_prefix("code-")
        .unwrap_or_else(|| panic!("not about a code: {}", question.key))
        .to_ascii_uppercase();
    // Several reloads in a row, each with other text: each one shows.
    let codes = pack_dir.join("codes.toml");
    for display in ["培训改过一", "培训改过二", "培训改过三"] {
        redisplay(&codes, &code, display);
        app.handle(&Input::ContentChanged);
        assert_eq!(quiz(&app).question().map(|q| &q.key), Some(&question.key));
        assert!(screen(&app).contains(display), "{}", screen(&app));
    }
    // A wrong answer stays wrong across a reload that draws other choices.
    let wrong = choice(&app, false);
    press(&mut app, &wrong.to_string());
    assert!(screen(&app).contains("答错了"));
    redisplay(&codes, &code, "培训改过四");
    app.handle(&Input::ContentChanged);
    let shown = screen(&app);
    assert!(
        shown.contains("答错了") && !shown.contains("答对了"),
        "{shown}"
    );
    assert!(shown.contains("培训改过四"), "{shown}");
}

#[test]
fn without_a_data_directory_the_quiz_runs_and_says_so() {
    let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(Desk::new(pack), Theme::plain());
    app.resize(80, 24);
    press(&mut app, "<F7>王芳<Enter>");
    assert!(quiz(&app).question().is_some());
    assert!(
        app.status().is_some_and(|s| s.contains("没有保存")),
        "{:?}",
        app.status()
    );
}

#[test]
fn every_size_draws_every_stage() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (w, h) in [(40, 10), (60, 20), (80, 24), (120, 40), (200, 60), (1, 1)] {
        let mut app = app(dir.path(), 2, w, h);
        press(&mut app, "<F7>");
        let _ = screen(&app);
        press(&mut app, "王<Enter>");
        let _ = screen(&app);
        press(&mut app, "1");
        let _ = screen(&app);
        press(&mut app, "<Enter>1<Enter>1<Enter>1<Enter>");
        let _ = screen(&app);
    }
}

#[test]
fn no_case_is_opened_from_the_quiz() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut app = app(dir.path(), 3, 80, 24);
    press(&mut app, "<F7>王芳<Enter><C-a>");
    assert_eq!(app.screen_key(), "quiz");
    assert!(
        app.status().is_some_and(|s| s.contains("不新建记录")),
        "{:?}",
        app.status()
    );
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert!(store
        .cases(None, None, 10)
        .unwrap_or_else(|e| panic!("{e}"))
        .is_empty());
}
