//! The case panel in the app, off-screen, over a case log in a temporary directory: a new
//! case carries what was on screen, notes are masked or refused, steps are ticked, the
//! outcome re-ranks the causes of the symptom, and nothing is lost after a restart.

use posdesk::app::input::{parse_inputs, Input, MouseInput, MouseKind};
use posdesk::app::screens::Cases;
use posdesk::app::theme::Theme;
use posdesk::app::{buffer_text, App};
use posdesk::desk::Desk;
use posdesk::store::{Outcome, Store};

fn app(dir: &std::path::Path, width: u16, height: u16) -> App {
    let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let desk = Desk::new(pack).with_case_log(Some(dir.to_path_buf()));
    let mut app = App::new(desk, Theme::plain());
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

/// Times change from run to run: `2026-11-30 18:09` → `YYYY-MM-DD hh:mm`.
fn without_times(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if (0..4).all(|k| digit(i + k)) && chars.get(i + 4) == Some(&'-') && digit(i + 5) {
            out.push_str("YYYY");
            i += 4;
        } else if digit(i)
            && digit(i + 1)
            && chars.get(i + 2) == Some(&':')
            && digit(i + 3)
            && digit(i + 4)
        {
            out.push_str("hh:mm");
            i += 5;
        } else if digit(i)
            && digit(i + 1)
            && chars.get(i + 2) == Some(&'-')
            && digit(i + 3)
            && digit(i + 4)
        {
            out.push_str("MM-DD");
            i += 5;
        } else {
            if let Some(c) = chars.get(i) {
                out.push(*c);
            }
            i += 1;
        }
    }
    out
}

fn store(dir: &std::path::Path) -> Store {
    Store::open_in(dir).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_case_opened_from_the_triage_keeps_the_symptom_path_and_cause() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut app = app(dir.path(), 80, 24);
    press(&mut app, "<F2>31<C-a>");
    assert_eq!(app.screen_key(), "cases");
    let cases = store(dir.path()).cases(None, None, 10).unwrap_or_default();
    let case = cases.first().unwrap_or_else(|| panic!("no case"));
    assert_eq!(case.symptom.as_deref(), Some("cardholder-auth-failed"));
    assert_eq!(case.working_cause.as_deref(), Some("chip-cvm-failed"));
    let answers: Vec<usize> = case
        .triage
        .as_ref()
        .map(|p| p.steps.iter().map(|s| s.answer).collect())
        .unwrap_or_default();
    assert_eq!(answers, [3, 1]);
    assert_eq!(case.pack_version, app.desk().pack().info.version.as_str());
}

#[test]
fn fields_notes_and_ticks_are_saved_at_once_and_card_numbers_masked() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut app = app(dir.path(), 80, 24);
    // A case from the code 05 on the troubleshooting screen; the cursor is on 商户.
    press(&mut app, "05<C-a><Enter>一楼收银台<Enter>");
    press(&mut app, "<Down><Enter>T-42<Enter>");
    press(&mut app, "<End>卡号 6222 0212 3456 7890 128 刷不了<Enter>");
    assert!(
        app.status().is_some_and(|s| s.contains("卡号已隐去")),
        "{:?}",
        app.status()
    );
    press(&mut app, "<End>安全码 123<Enter>");
    assert!(
        app.status().is_some_and(|s| s.contains("没有保存")),
        "{:?}",
        app.status()
    );
    // Kept on disk at once: another process (the store opened afresh) sees it all.
    let case = store(dir.path())
        .cases(None, None, 1)
        .unwrap_or_default()
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no case"));
    assert_eq!(case.shop, "一楼收银台");
    assert_eq!(case.terminal, "T-42");
    assert_eq!(case.code.as_deref(), Some("05"));
    assert_eq!(case.notes.len(), 1);
    assert!(
        case.notes
            .iter()
            .all(|n| n.text.contains("卡号 622202*********0128 刷不了")),
        "{:?}",
        case.notes
    );
}

#[test]
fn the_outcome_ranks_the_causes_and_can_be_switched_off() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut app = app(dir.path(), 120, 40);
    // From the home list (持卡人认证失败 selected), a case; resolve it by 卡片状态异常.
    press(&mut app, "<C-a>");
    let text = screen(&app);
    let row = text
        .lines()
        .position(|l| l.contains("[ ] 已解决：卡片状态异常"))
        .unwrap_or_else(|| panic!("{text}"));
    app.handle(&Input::Mouse(MouseInput {
        kind: MouseKind::Click,
        column: 60,
        row: row as u16,
    }));
    press(&mut app, "<Enter>");
    let case = store(dir.path()).cases(None, None, 1).unwrap_or_default();
    assert_eq!(
        case.first().map(|c| c.outcome.clone()),
        Some(Outcome::Resolved {
            cause: "card-status-abnormal".into()
        }),
        "{}",
        screen(&app)
    );
    press(&mut app, "<F5>");
    let home = screen(&app);
    assert!(home.contains(" 1. 本店 1/1 卡片状态异常"), "{home}");
    press(&mut app, "<C-g>");
    let home = screen(&app);
    assert!(home.contains(" 1. 持卡人信息错误"), "{home}");
    assert!(!home.contains("本店 1/1"), "{home}");
}

#[test]
fn cases_are_found_by_pinyin_and_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    {
        let mut app = app(dir.path(), 80, 24);
        press(&mut app, "<C-a><Enter>百货一楼<Enter><F5><Down><C-a>");
    }
    let mut app = app(dir.path(), 80, 24);
    press(&mut app, "<F6>");
    assert!(screen(&app).contains("记录（2）"));
    press(&mut app, "bhyl");
    let text = screen(&app);
    assert!(text.contains("记录（1）查找：bhyl"), "{text}");
    assert!(app.screen::<Cases>().is_some());
}

#[test]
fn without_a_data_directory_a_case_cannot_be_opened_and_says_why() {
    let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(Desk::new(pack), Theme::plain());
    app.resize(80, 24);
    press(&mut app, "<C-a>");
    assert!(
        app.status().is_some_and(|s| s.contains("--data")),
        "{:?}",
        app.status()
    );
}

#[test]
fn case_panel_at_80x24() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut app = app(dir.path(), 80, 24);
    press(&mut app, "<F2>31<C-a><Enter>一楼<Enter><Down><Down><Down> ");
    insta::assert_snapshot!(without_times(&screen(&app)));
}

#[test]
fn case_panel_at_120x40() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut app = app(dir.path(), 120, 40);
    press(
        &mut app,
        "<F2>31<C-a><Enter>一楼<Enter><End>顾客说别的卡也不行<Enter>",
    );
    insta::assert_snapshot!(without_times(&screen(&app)));
}

#[test]
fn the_cursor_sits_where_the_note_is_typed() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut app = app(dir.path(), 80, 24);
    press(&mut app, "<C-a><End>顾客说");
    let size = app.size();
    let mut buffer = ratatui::buffer::Buffer::empty(size);
    let cursor = app
        .draw_buffer(&mut buffer, size)
        .unwrap_or_else(|| panic!("no cursor"));
    let text = buffer_text(&buffer);
    let line = text
        .lines()
        .nth(usize::from(cursor.y))
        .unwrap_or_else(|| panic!("{text}"));
    // The cursor is right after the typed text (each Chinese character is two columns).
    assert!(line.contains("> 顾客说"), "{line}");
    let typed_end = line
        .find("顾客说")
        .map(|at| unicode_width::UnicodeWidthStr::width(&line[..at]) + 6)
        .unwrap_or(0);
    assert_eq!(usize::from(cursor.x), typed_end, "{line}");
}

#[test]
fn typing_on_a_field_starts_a_note_and_a_refused_note_stays_to_be_corrected() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut app = app(dir.path(), 80, 24);
    // The cursor starts on 商户: typing there is a note, the field stays empty.
    press(&mut app, "<C-a>顾客说刷了两次<Enter>");
    press(&mut app, "密码是 123456<Enter>");
    assert!(
        app.status().is_some_and(|s| s.contains("没有保存")),
        "{:?}",
        app.status()
    );
    assert!(screen(&app).contains("> 密码是 123456"), "{}", screen(&app));
    let case = store(dir.path())
        .cases(None, None, 1)
        .unwrap_or_default()
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no case"));
    assert!(case.shop.is_empty());
    assert_eq!(case.notes.len(), 1);
}

#[test]
fn keys_that_come_with_the_switch_to_the_log_see_its_list() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    {
        let mut app = app(dir.path(), 80, 24);
        press(&mut app, "<C-a><F5><Down><C-a>");
    }
    let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let desk = Desk::new(pack).with_case_log(Some(dir.path().to_path_buf()));
    let keys =
        parse_inputs("<F6><Down><Enter><End>第一条<Enter>").unwrap_or_else(|e| panic!("{e}"));
    let _ = posdesk::app::render_desk(desk, 80, 24, &keys, Theme::plain());
    let cases = store(dir.path()).cases(None, None, 10).unwrap_or_default();
    // The list is newest first: Down selected the first case opened.
    let first = cases
        .iter()
        .find(|c| c.id == 1)
        .unwrap_or_else(|| panic!("no #1"));
    assert_eq!(first.notes.len(), 1, "{cases:?}");
}

#[test]
fn a_case_from_the_causes_panel_keeps_the_symptom_on_the_left() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut app = app(dir.path(), 80, 24);
    // 余额不足 is second on the home list; its first cause is also one of 持卡人认证失败's.
    press(&mut app, "<Down><Tab><C-a>");
    let case = store(dir.path())
        .cases(None, None, 1)
        .unwrap_or_default()
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no case"));
    assert_eq!(case.symptom.as_deref(), Some("insufficient-funds"));
    assert_eq!(case.working_cause.as_deref(), Some("insufficient-balance"));
}
