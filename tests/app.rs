//! The full-screen app through its state machine and drawing code, off-screen.

use posdesk::app::input::{parse_inputs, Input, Key, KeyPress, MouseInput, MouseKind};
use posdesk::app::layout::Panel;
use posdesk::app::screens::{ListMode, Troubleshoot};
use posdesk::app::theme::Theme;
use posdesk::app::{render_buffer, App};
use posdesk::desk::Desk;
use posdesk::model::Kind;
use posdesk::Pack;
use ratatui::style::Modifier;

fn pack() -> Pack {
    posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"))
}

fn app(pack: &Pack, width: u16, height: u16) -> App {
    let mut app = App::new(Desk::new(pack.clone()), Theme::colored());
    app.resize(width, height);
    app
}

fn press(app: &mut App, keys: &str) {
    for input in parse_inputs(keys).unwrap_or_else(|e| panic!("{e}")) {
        app.handle(&input);
    }
}

fn click(app: &mut App, column: u16, row: u16, kind: MouseKind) {
    app.handle(&Input::Mouse(MouseInput { kind, column, row }));
}

/// The troubleshooting screen's state.
fn ts(app: &App) -> &Troubleshoot {
    app.screen::<Troubleshoot>()
        .unwrap_or_else(|| panic!("no troubleshooting screen"))
}

#[test]
fn home_lists_symptoms_most_common_first_and_selecting_one_shows_its_causes() {
    let pack = pack();
    let mut app = app(&pack, 160, 40);
    let entries = ts(&app).left_entries(app.desk());
    assert_eq!(
        entries.first().map(|e| e.id.as_str()),
        Some("cardholder-auth-failed")
    );
    assert!(entries.iter().all(|e| e.kind == Kind::Symptom));
    press(&mut app, "<Down>");
    let causes: Vec<String> = ts(&app)
        .middle_causes(app.desk())
        .iter()
        .map(|c| c.id.to_string())
        .collect();
    assert_eq!(
        causes,
        vec![
            "insufficient-balance",
            "funds-frozen-or-held",
            "transaction-limits"
        ]
    );
    assert_eq!(
        ts(&app).detail_item(app.desk()).map(|i| i.id().to_string()),
        Some("insufficient-balance".into())
    );
}

#[test]
fn enter_goes_deeper_and_esc_back_and_forward_retrace() {
    let pack = pack();
    let mut app = app(&pack, 160, 40);
    press(&mut app, "<Enter>");
    assert_eq!(app.focus(), Panel::Middle);
    press(&mut app, "<Down><Enter>");
    assert_eq!(app.focus(), Panel::Right);
    assert_eq!(
        ts(&app).selected_cause(app.desk()).map(|c| c.id.as_str()),
        Some("card-status-abnormal")
    );
    press(&mut app, "<Esc>");
    assert_eq!(app.focus(), Panel::Middle);
    press(&mut app, "<A-Right>");
    assert_eq!(app.focus(), Panel::Right);
    press(&mut app, "<C-o><C-o>");
    assert_eq!(app.focus(), Panel::Left);
    press(&mut app, "<C-f>");
    assert_eq!(app.focus(), Panel::Middle);
    press(&mut app, "<Esc><Esc><Esc>");
    assert_eq!(app.focus(), Panel::Left);
}

#[test]
fn following_a_link_opens_the_target_and_back_returns() {
    let pack = pack();
    let mut app = app(&pack, 160, 40);
    press(&mut app, "<Enter><Enter>");
    let lines = ts(&app).detail_lines(app.desk(), app.theme());
    let (line, target) = lines
        .iter()
        .enumerate()
        .find_map(|(n, l)| Some((n, l.link.clone()?)))
        .unwrap_or_else(|| panic!("the cause page has no link"));
    for _ in 0..line {
        press(&mut app, "<Down>");
    }
    assert_eq!(ts(&app).detail_line(), line);
    press(&mut app, "<Enter>");
    let opened = pack.item(&target).map(|i| i.kind());
    match opened {
        Some(Kind::Faq) => assert_eq!(app.screen_key(), "faq"),
        Some(Kind::Symptom) => assert_eq!(ts(&app).mode(), &ListMode::Home),
        _ => assert_eq!(ts(&app).mode(), &ListMode::Pinned(target.clone())),
    }
    press(&mut app, "<Esc>");
    assert_eq!(
        (app.screen_key(), app.focus()),
        ("troubleshoot", Panel::Right)
    );
    assert_eq!(ts(&app).mode(), &ListMode::Home);
}

#[test]
fn typing_searches_without_a_mode_key_and_highlights_matches() {
    let pack = pack();
    let mut app = app(&pack, 160, 40);
    press(&mut app, "yebz");
    assert_eq!(app.query(), "yebz");
    assert_eq!(ts(&app).mode(), &ListMode::Results);
    let first = ts(&app)
        .left_entries(app.desk())
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no results"));
    assert_eq!(
        (first.title.as_str(), first.highlight.clone()),
        ("余额不足", vec![0, 1, 2, 3])
    );
    // The matched characters are drawn highlighted on the first result's row.
    let first_row = app
        .areas()
        .and_then(|a| a.slot(Panel::Left))
        .map_or(3, |slot| slot.content.y);
    let keys = parse_inputs("yebz").unwrap_or_default();
    let buffer = render_buffer(&pack, 160, 40, &keys, Theme::colored());
    let row: Vec<(String, bool)> = (0..20)
        .filter_map(|x| buffer.cell((x, first_row)))
        .map(|c| {
            (
                c.symbol().to_string(),
                c.modifier.contains(Modifier::UNDERLINED),
            )
        })
        .collect();
    let highlighted: String = row
        .iter()
        .filter(|(_, on)| *on)
        .map(|(s, _)| s.as_str())
        .collect();
    assert!(
        highlighted.contains("余") && highlighted.contains("足"),
        "{row:?}"
    );
    press(&mut app, "<Esc>");
    assert_eq!((app.query(), ts(&app).mode()), ("", &ListMode::Home));
}

#[test]
fn a_typed_code_comes_first() {
    let pack = pack();
    for (keys, id) in [("51", "code-51"), ("05", "code-05"), ("A0", "code-a0")] {
        let mut app = app(&pack, 160, 40);
        press(&mut app, keys);
        assert_eq!(
            ts(&app)
                .left_entries(app.desk())
                .first()
                .map(|e| e.id.clone()),
            Some(id.to_string()),
            "{keys}"
        );
    }
}

#[test]
fn backspace_and_ctrl_u_edit_the_query() {
    let pack = pack();
    let mut app = app(&pack, 160, 40);
    press(&mut app, "余额x<Backspace>");
    assert_eq!(app.query(), "余额");
    press(&mut app, "<C-u>");
    assert_eq!((app.query(), ts(&app).mode()), ("", &ListMode::Home));
}

#[test]
fn question_mark_opens_help_only_on_an_empty_query() {
    let pack = pack();
    let mut app = app(&pack, 160, 40);
    press(&mut app, "?");
    assert!(app.help_open());
    press(&mut app, "<Esc>");
    assert!(!app.help_open());
    press(&mut app, "a?");
    assert!(!app.help_open());
    assert_eq!(app.query(), "a?");
    press(&mut app, "<F1>");
    assert!(app.help_open());
}

#[test]
fn views_switch_with_function_keys_and_a_code_opens_with_its_causes() {
    let pack = pack();
    let mut app = app(&pack, 160, 40);
    press(&mut app, "<F3>");
    assert_eq!(app.screen_key(), "faq");
    press(&mut app, "<F4>");
    assert_eq!(app.screen_key(), "codes");
    press(&mut app, "<Down><Down><Down><Down><Down><Enter>");
    assert_eq!(app.screen_key(), "troubleshoot");
    assert_eq!(ts(&app).mode(), &ListMode::Pinned("code-05".into()));
    let causes: Vec<&str> = ts(&app)
        .middle_causes(app.desk())
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert!(causes.contains(&"issuer-identity-check"), "{causes:?}");
    press(&mut app, "<Esc>");
    assert_eq!(app.screen_key(), "codes");
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    let pack = pack();
    for keys in ["<C-c>", "abc<C-c>", "<F4><C-c>", "?<C-c>"] {
        let mut app = app(&pack, 100, 30);
        press(&mut app, keys);
        assert!(app.should_quit(), "{keys}");
    }
}

#[test]
fn clicks_select_and_focus_and_the_wheel_scrolls_the_panel_under_the_pointer() {
    let pack = pack();
    let mut app = app(&pack, 160, 40);
    let areas = app.areas().unwrap_or_else(|| panic!("no layout at 160x40"));
    let left = areas
        .slot(Panel::Left)
        .unwrap_or_else(|| panic!("no left panel"));
    click(
        &mut app,
        left.content.x + 2,
        left.content.y + 2,
        MouseKind::Click,
    );
    assert_eq!(ts(&app).left_row(app.desk()), 2);
    assert_eq!(
        ts(&app)
            .left_entries(app.desk())
            .get(2)
            .map(|e| e.id.as_str()),
        Some("wrong-pin")
    );
    let middle = areas
        .slot(Panel::Middle)
        .unwrap_or_else(|| panic!("no middle panel"));
    click(
        &mut app,
        middle.content.x + 3,
        middle.content.bottom() - 1,
        MouseKind::ScrollDown,
    );
    // The wheel moves three rows, and stops at the last cause.
    let last = ts(&app).middle_causes(app.desk()).len().saturating_sub(1);
    assert_eq!(
        ts(&app).middle_row(app.desk()),
        last.min(3),
        "the wheel moves the panel under the pointer"
    );
    assert!(last >= 1, "wrong-pin has more than one cause");
    assert_eq!(
        app.focus(),
        Panel::Left,
        "the wheel does not take the focus"
    );
    let right = areas
        .slot(Panel::Right)
        .unwrap_or_else(|| panic!("no right panel"));
    click(
        &mut app,
        right.content.x + 1,
        right.content.y + 3,
        MouseKind::Click,
    );
    assert_eq!(app.focus(), Panel::Right);
    assert!(ts(&app).detail_line() > 0);
    let faq_tab = areas.tabs.get(1).map(|(_, a)| *a).unwrap_or_default();
    click(&mut app, faq_tab.x + 12, faq_tab.y, MouseKind::Click);
    assert_eq!(app.screen_key(), "faq");
}

#[test]
fn pasted_text_goes_to_the_query() {
    let pack = pack();
    let mut app = app(&pack, 160, 40);
    app.handle(&Input::Paste("认证失败\n".into()));
    assert_eq!(app.query(), "认证失败");
    assert_eq!(
        ts(&app)
            .left_entries(app.desk())
            .first()
            .map(|e| e.id.as_str()),
        Some("cardholder-auth-failed")
    );
}

#[test]
fn narrow_terminals_show_fewer_panels_and_tab_moves_between_them() {
    let pack = pack();
    let mut app = app(&pack, 60, 20);
    let panels = |app: &App| -> Vec<Panel> {
        app.areas()
            .map(|a| a.panels.iter().map(|s| s.panel).collect())
            .unwrap_or_default()
    };
    assert_eq!(panels(&app), vec![Panel::Left]);
    app.handle(&Input::Key(KeyPress::plain(Key::Tab)));
    assert_eq!(panels(&app), vec![Panel::Middle]);
    app.resize(100, 30);
    assert_eq!(panels(&app), vec![Panel::Middle, Panel::Right]);
    app.resize(160, 40);
    assert_eq!(panels(&app), vec![Panel::Left, Panel::Middle, Panel::Right]);
    app.resize(20, 5);
    assert!(app.areas().is_none());
}

#[test]
fn an_unknown_code_says_to_treat_it_as_a_generic_failure() {
    let pack = pack();
    let keys = parse_inputs("B7").unwrap_or_default();
    let screen = posdesk::app::render_screen(&pack, 100, 20, &keys);
    assert!(screen.contains("应答码 B7 不在码表中"), "{screen}");
    let keys = parse_inputs("51").unwrap_or_default();
    let screen = posdesk::app::render_screen(&pack, 100, 20, &keys);
    assert!(!screen.contains("不在码表中"), "{screen}");
    let keys = parse_inputs("yu").unwrap_or_default();
    let screen = posdesk::app::render_screen(&pack, 100, 20, &keys);
    assert!(
        !screen.contains("不在码表中"),
        "pinyin is not a code: {screen}"
    );
}

#[test]
fn a_body_hit_shows_where_it_matched_and_a_miss_offers_near_items() {
    let pack = pack();
    let inputs = parse_inputs("断电").unwrap_or_default();
    let screen = posdesk::app::render_screen(&pack, 120, 30, &inputs);
    assert!(screen.contains("…不要断电"), "{screen}");
    let inputs = parse_inputs("顾客想退钱啊").unwrap_or_default();
    let screen = posdesk::app::render_screen(&pack, 80, 24, &inputs);
    assert!(screen.contains("没有找到，你是不是要找"), "{screen}");
    assert!(screen.contains("顾客说"), "{screen}");
}

#[test]
fn the_counter_card_answers_a_code_at_80x24_without_another_key() {
    let pack = pack();
    for code in ["05", "51", "55", "68", "36", "94", "A0", "14", "61", "96"] {
        let inputs = parse_inputs(code).unwrap_or_default();
        let screen = posdesk::app::render_screen(&pack, 80, 24, &inputs);
        for label in ["含义", "重试", "先做"] {
            assert!(screen.contains(label), "{code} has no {label}:\n{screen}");
        }
        assert!(
            screen.contains("同卡马上："),
            "{code}: no verdict\n{screen}"
        );
    }
}

#[test]
fn on_a_short_screen_the_warning_is_the_last_line_of_the_card_to_go() {
    let pack = pack();
    for (size, code, warning) in [
        ((100, 12), "41", "风险卡"),
        ((100, 12), "68", "结果不明"),
        ((40, 14), "36", "风险卡"),
        ((40, 10), "68", "结果不明"),
    ] {
        let inputs = parse_inputs(code).unwrap_or_default();
        let screen = posdesk::app::render_screen(&pack, size.0, size.1, &inputs);
        assert!(screen.contains(warning), "{code} at {size:?}:\n{screen}");
    }
}

#[test]
fn a_guess_gets_no_card_and_an_unknown_code_is_said_to_be_unknown() {
    let pack = pack();
    for keys in ["应答码B7", "B7 交易失败", "B7？", "（B7）"] {
        let inputs = parse_inputs(keys).unwrap_or_default();
        let screen = posdesk::app::render_screen(&pack, 80, 24, &inputs);
        assert!(screen.contains("应答码 B7 不在码表中"), "{keys}:\n{screen}");
        assert!(
            !screen.contains("重试      同卡"),
            "{keys} shows a card:\n{screen}"
        );
    }
}

#[test]
fn a_symptom_card_names_its_likely_cause_and_warns_for_all_of_them() {
    let pack = pack();
    let inputs = parse_inputs("<Down><Down><Down>").unwrap_or_default();
    let screen = posdesk::app::render_screen(&pack, 100, 30, &inputs);
    assert!(screen.contains("交易超时或重复交易"), "{screen}");
    assert!(screen.contains("最可能"), "{screen}");
    assert!(screen.contains("结果可能不明"), "{screen}");
}

#[test]
fn the_first_screen_is_drawn_without_the_search_index_which_the_first_search_builds() {
    let desk = Desk::new(pack());
    let home = posdesk::app::render_desk(desk.clone(), 80, 24, &[], Theme::colored());
    assert!(posdesk::app::buffer_text(&home).contains("持卡人认证失败"));
    assert!(
        !desk.is_prepared(),
        "the first screen built the search index"
    );
    let keys = parse_inputs("yebz").unwrap_or_else(|e| panic!("{e}"));
    let found = posdesk::app::render_desk(desk.clone(), 80, 24, &keys, Theme::colored());
    assert!(desk.is_prepared());
    assert!(posdesk::app::buffer_text(&found).contains("余额不足"));
}
