//! The triage screen in the app, off-screen: F2 opens it, number keys and Enter answer,
//! back undoes an answer, a symptom starts its own tree, the leading cause's counter card
//! stays on top at 80x24.

use posdesk::app::input::{parse_inputs, Input, MouseInput, MouseKind};
use posdesk::app::screens::Triage;
use posdesk::app::theme::Theme;
use posdesk::app::{buffer_text, render_screen, App};
use posdesk::desk::Desk;
use posdesk::Pack;

fn pack() -> Pack {
    posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"))
}

fn app(pack: &Pack, width: u16, height: u16) -> App {
    let mut app = App::new(Desk::new(pack.clone()), Theme::plain());
    app.resize(width, height);
    app
}

fn press(app: &mut App, keys: &str) {
    for input in parse_inputs(keys).unwrap_or_else(|e| panic!("{e}")) {
        app.handle(&input);
    }
}

fn screen(app: &App) -> String {
    let size = app.size();
    let mut buffer = ratatui::buffer::Buffer::empty(size);
    app.draw_buffer(&mut buffer, size);
    buffer_text(&buffer)
}

fn path(app: &App) -> Vec<usize> {
    app.screen::<Triage>()
        .and_then(|t| t.path(app.desk()))
        .map(|p| p.steps.iter().map(|s| s.answer).collect())
        .unwrap_or_default()
}

#[test]
fn f2_opens_the_first_question_and_digits_answer() {
    let pack = pack();
    let mut app = app(&pack, 80, 24);
    press(&mut app, "<F2>");
    assert_eq!(app.screen_key(), "triage");
    let text = screen(&app);
    assert!(
        text.contains("问题 1  屏幕或签购单上有没有两位应"),
        "{text}"
    );
    assert!(text.contains(" 1 有，是05"), "{text}");
    press(&mut app, "3");
    assert_eq!(path(&app), [3]);
    assert!(screen(&app).contains("这张卡刚才是怎么读的？"));
    // Arrows and Enter answer too.
    press(&mut app, "<Down><Enter>");
    assert_eq!(path(&app), [3, 2]);
    assert_eq!(app.screen_key(), "triage");
}

#[test]
fn a_code_typed_on_a_question_is_searched_not_answered() {
    let pack = pack();
    let mut app = app(&pack, 80, 24);
    press(&mut app, "<F2>51");
    assert!(path(&app).is_empty());
    assert_eq!(app.screen_key(), "troubleshoot");
    assert_eq!(app.query(), "51");
}

#[test]
fn a_stray_digit_after_the_outcome_is_held_back() {
    let pack = pack();
    let mut app = app(&pack, 80, 24);
    press(&mut app, "<F2>11");
    assert_eq!(path(&app), [1]);
    assert_eq!(app.screen_key(), "triage");
    assert!(app.query().is_empty());
    assert!(screen(&app).contains("05 持卡人认证失败"));
    assert!(app.status().is_some_and(|s| s.contains("Backspace 撤销")));
}

#[test]
fn esc_in_the_causes_panel_returns_to_the_question_without_undoing() {
    let pack = pack();
    let mut app = app(&pack, 80, 24);
    press(&mut app, "<F2>31<Tab><Down><Esc>");
    assert_eq!(path(&app), [3, 1]);
    assert_eq!(app.focus(), posdesk::app::layout::Panel::Left);
    press(&mut app, "<Esc>");
    assert_eq!(path(&app), [3]);
}

#[test]
fn before_any_answer_the_card_is_the_symptoms_and_a_code_to_type_shows_none() {
    let pack = pack();
    let mut app = app(&pack, 80, 24);
    press(&mut app, "<F2>");
    let text = screen(&app);
    assert!(!text.contains("先查："), "{text}");
    press(&mut app, "2");
    let text = screen(&app);
    assert!(!text.contains("先查："), "{text}");
    assert!(!text.contains("对顾客说"), "{text}");
}

#[test]
fn f2_on_the_code_table_starts_the_codes_symptom() {
    let pack = pack();
    let mut app = app(&pack, 80, 24);
    press(&mut app, "<F4>");
    for _ in 0..80 {
        let text = screen(&app);
        if text
            .lines()
            .any(|l| l.contains(" 51 ") && l.contains("余额"))
        {
            break;
        }
        press(&mut app, "<Down>");
    }
    press(&mut app, "<F2>");
    assert_eq!(app.screen_key(), "triage");
    assert!(screen(&app).contains("问诊：余额不足"), "{}", screen(&app));
}

#[test]
fn back_undoes_one_answer_and_forward_redoes_it() {
    let pack = pack();
    let mut app = app(&pack, 80, 24);
    press(&mut app, "<F2>311");
    assert_eq!(path(&app), [3, 1, 1]);
    press(&mut app, "<Backspace>");
    assert_eq!(path(&app), [3, 1]);
    press(&mut app, "<Esc>");
    assert_eq!(path(&app), [3]);
    press(&mut app, "<A-Right>");
    assert_eq!(path(&app), [3, 1]);
    press(&mut app, "<C-r>");
    assert!(path(&app).is_empty());
    press(&mut app, "<Backspace>");
    assert_eq!(path(&app), [3, 1]);
}

#[test]
fn the_leading_causes_counter_card_is_on_top_at_80x24() {
    let pack = pack();
    let mut app = app(&pack, 80, 24);
    press(&mut app, "<F2>3");
    let text = screen(&app);
    let top: Vec<&str> = text.lines().take(9).collect();
    assert!(
        top.iter().any(|l| l.contains("先查：芯片卡本地验证未通过")),
        "{text}"
    );
    assert!(top.iter().any(|l| l.contains("对顾客说")), "{text}");
    assert!(text.contains("排除 发卡行身份认证未通过"), "{text}");
}

#[test]
fn an_outcome_opens_its_cause_with_enter() {
    let pack = pack();
    let mut app = app(&pack, 80, 24);
    press(&mut app, "<F2>3112");
    let text = screen(&app);
    assert!(
        text.contains("先按这个原因处理：支付环境安全问题"),
        "{text}"
    );
    press(&mut app, "<Enter>");
    assert_eq!(app.screen_key(), "troubleshoot");
    assert!(screen(&app).contains("[原因] 支付环境安全问题"));
    // Back returns to the outcome, answers kept.
    press(&mut app, "<A-Left>");
    assert_eq!(app.screen_key(), "triage");
    assert_eq!(path(&app), [3, 1, 1, 2]);
}

#[test]
fn a_code_outcome_leaves_typing_to_the_search() {
    let pack = pack();
    let mut app = app(&pack, 80, 24);
    press(&mut app, "<F2>2");
    assert!(screen(&app).contains("输入屏幕或签购单上的应答码"));
    press(&mut app, "51");
    assert_eq!(app.screen_key(), "troubleshoot");
    assert_eq!(app.query(), "51");
}

#[test]
fn f2_on_a_symptom_starts_its_own_tree() {
    let pack = pack();
    let mut app = app(&pack, 80, 24);
    // The second symptom of the home list is 余额不足.
    press(&mut app, "<Down><F2>");
    assert_eq!(app.screen_key(), "triage");
    let text = screen(&app);
    assert!(text.contains("问诊：余额不足"), "{text}");
    assert!(text.contains("问题 1  顾客认为卡里的钱"), "{text}");
    // From a searched code, the symptom that shows the code.
    press(&mut app, "<F5>55<F2>");
    assert!(screen(&app).contains("问诊：密码错误"), "{}", screen(&app));
}

#[test]
fn clicking_an_answer_answers_it() {
    let pack = pack();
    let mut app = app(&pack, 80, 24);
    press(&mut app, "<F2>");
    let text = screen(&app);
    let row = text
        .lines()
        .position(|l| l.contains(" 3 没有，只有"))
        .unwrap_or_else(|| panic!("{text}"));
    app.handle(&Input::Mouse(MouseInput {
        kind: MouseKind::Click,
        column: 4,
        row: row as u16,
    }));
    assert_eq!(path(&app), [3]);
}

#[test]
fn every_size_draws_without_a_panic() {
    let pack = pack();
    for (width, height) in [
        (40, 10),
        (60, 20),
        (80, 24),
        (100, 30),
        (120, 40),
        (200, 60),
    ] {
        let keys = parse_inputs("<F2>31<Tab><Down><Tab><Down>").unwrap_or_else(|e| panic!("{e}"));
        let text = render_screen(&pack, width, height, &keys);
        assert_eq!(text.lines().count(), height as usize);
    }
}
