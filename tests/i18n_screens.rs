//! The main screens in English: the frame (tabs, search line, panel titles, status bar),
//! the help, the problems list, the key table and the triage report speak English, and
//! the only Chinese left in the frame is the content's own (titles, answers).

mod common;

use common::{edit, pack_copy, press};
use posdesk::app::input::Input;
use posdesk::app::layout::Areas;
use posdesk::app::screens::{Cases, Quiz, Screen};
use posdesk::app::theme::Theme;
use posdesk::app::{buffer_text, App};
use posdesk::desk::Desk;
use posdesk::i18n::{scoped, Lang};
use posdesk::Pack;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::Terminal;

fn pack() -> Pack {
    posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"))
}

fn app(pack: &Pack, width: u16, height: u16) -> App {
    let mut app = App::new(Desk::new(pack.clone()), Theme::plain());
    app.resize(width, height);
    app
}

/// The app drawn as a terminal draws it.
fn draw(app: &App) -> Buffer {
    let size = app.size();
    let mut terminal =
        Terminal::new(TestBackend::new(size.width, size.height)).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|frame| app.draw(frame))
        .unwrap_or_else(|e| panic!("{e}"));
    terminal.backend().buffer().clone()
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// The text of part of the screen, a line per row, wide characters once.
fn region(buffer: &Buffer, area: Rect) -> String {
    let mut part = Buffer::empty(Rect::new(0, 0, area.width, area.height));
    for y in 0..area.height {
        for x in 0..area.width {
            if let (Some(from), Some(to)) =
                (buffer.cell((area.x + x, area.y + y)), part.cell_mut((x, y)))
            {
                *to = from.clone();
            }
        }
    }
    buffer_text(&part)
}

/// What the content says that the frame may show: titles, questions and answers, code
/// displays. Also the titles of the two screens whose words are moved elsewhere.
fn content_words(pack: &Pack) -> Vec<String> {
    let mut words: Vec<String> = pack.items().map(|item| item.title()).collect();
    words.extend(pack.codes.iter().map(|c| c.display.to_string()));
    words.extend(pack.faqs.iter().map(|f| f.question.to_string()));
    for question in &pack.triage {
        words.push(question.text.to_string());
        words.extend(question.answers.iter().map(|a| a.text.to_string()));
    }
    words.push(Cases::default().title().to_string());
    words.push(Quiz::default().title().to_string());
    words
}

/// Runs of Chinese in `text` that are not part of the content.
fn ui_chinese(text: &str, content: &[String]) -> Vec<String> {
    let mut runs: Vec<String> = Vec::new();
    let mut run = String::new();
    for c in text.chars().chain(std::iter::once('\n')) {
        if is_cjk(c) {
            run.push(c);
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    runs.into_iter()
        .filter(|run| !content.iter().any(|word| word.contains(run.as_str())))
        .collect()
}

/// The frame of a screen: tab bar, search line, each panel's title, the status bar.
fn frame_text(buffer: &Buffer, areas: &Areas) -> String {
    let mut parts = vec![
        region(buffer, areas.tab_bar),
        region(buffer, areas.query),
        region(buffer, areas.status),
    ];
    parts.extend(areas.panels.iter().map(|slot| region(buffer, slot.title)));
    parts.join("")
}

/// Each main screen in English at 80x24: the keys that reach it, and English words its
/// frame must show.
const SCREENS: [(&str, &[&str]); 9] = [
    (
        "",
        &[
            "Troubleshoot",
            "Triage",
            "FAQ",
            "Codes",
            // Every tab fits at 80 columns, the last ones too.
            " F6 ",
            " F7 ",
            "Search> Type a response code",
            "Symptoms (17)",
            "Causes (10)  Tab steps",
            "Enter open",
            "Tab panel",
            "Esc back",
        ],
    ),
    (
        "<Tab><Tab>",
        &["Check / Do / Say", "Up/Down move", "Enter follow link"],
    ),
    ("05", &["Results (", "Troubleshoot > Sear"]),
    ("zzzzqq", &["Nothing found"]),
    (
        "<F2>",
        &[
            "Triage: ",
            "Possible causes (10 left)",
            "Enter answer (1-9)",
            "Backspace undo",
            "Tab causes",
        ],
    ),
    ("<F2>1", &["Enter open", "Ctrl-R restart"]),
    ("<F2><Tab>", &["Esc back to question"]),
    ("<F3>", &["FAQ (8)", "Answer", "FAQ > "]),
    (
        "<F4>",
        &["Response codes (61)  Enter causes and what to do"],
    ),
];

#[test]
fn each_main_screen_has_an_english_frame_around_the_content() {
    let _en = scoped(Lang::En);
    let pack = pack();
    let content = content_words(&pack);
    for (keys, words) in SCREENS {
        let mut app = app(&pack, 80, 24);
        press(&mut app, keys);
        let buffer = draw(&app);
        let areas = app.areas().unwrap_or_else(|| panic!("{keys}: no layout"));
        let frame = frame_text(&buffer, &areas);
        let whole = buffer_text(&buffer);
        for word in words {
            assert!(frame.contains(word), "{keys}: no {word:?} in\n{whole}");
        }
        let chinese = ui_chinese(&frame, &content);
        assert!(chinese.is_empty(), "{keys}: {chinese:?} in\n{whole}");
    }
}

#[test]
fn the_code_table_heading_is_english_and_its_columns_line_up() {
    let _en = scoped(Lang::En);
    let pack = pack();
    let mut app = app(&pack, 80, 24);
    press(&mut app, "<F4>");
    let text = buffer_text(&draw(&app));
    let heading = text
        .lines()
        .find(|l| l.contains("Terminal shows"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(heading.starts_with(" Code Terminal shows"), "{heading}");
    assert!(
        heading.contains("Class") && heading.contains("Who fixes"),
        "{heading}"
    );
    let first = text
        .lines()
        .find(|l| l.starts_with(" 00 "))
        .unwrap_or_else(|| panic!("{text}"));
    // The display column starts under its heading.
    assert_eq!(
        first.find("交易成功"),
        heading.find("Terminal shows"),
        "{text}"
    );
}

#[test]
fn the_help_is_english_but_for_the_content() {
    let _en = scoped(Lang::En);
    let pack = pack();
    let content = content_words(&pack);
    let mut app = app(&pack, 100, 300);
    press(&mut app, "?");
    assert!(app.help_open());
    let buffer = draw(&app);
    let areas = app.areas().unwrap_or_else(|| panic!("no layout"));
    // The help's box: the middle four fifths of the body.
    let body = areas.body;
    let inner = Rect::new(
        body.x + body.width / 10,
        body.y,
        body.width - body.width / 5,
        body.height,
    );
    let help = region(&buffer, inner);
    for word in [
        "Keys (Esc, F1 or ? to close)",
        "Just type a response code",
        "[All screens]",
        "[Troubleshoot]",
        "[Triage]",
        "[Help]",
    ] {
        assert!(help.contains(word), "no {word:?} in\n{help}");
    }
    assert!(region(&buffer, areas.status).contains("Esc close help"));
    let chinese = ui_chinese(&help, &content);
    assert!(chinese.is_empty(), "{chinese:?} in\n{help}");
}

#[test]
fn status_messages_are_english() {
    let _en = scoped(Lang::En);
    let pack = pack();
    let mut app = app(&pack, 80, 24);
    press(&mut app, "<C-y>");
    let copied = app.status().unwrap_or_default().to_string();
    assert!(copied.starts_with("Copied the answer for \""), "{copied}");
    press(&mut app, "<F2>15");
    let ended = app.status().unwrap_or_default().to_string();
    assert!(ended.starts_with("Triage done: "), "{ended}");
    // Whole on the status bar at 80 columns.
    let text = buffer_text(&draw(&app));
    assert!(text.contains(&ended), "{text}");
    press(&mut app, "<C-t>");
    assert!(app
        .status()
        .is_some_and(|s| s.starts_with("Mouse released: ")));
    // The tab bar says so where there is room for its hint.
    app.resize(120, 30);
    assert!(buffer_text(&draw(&app))
        .lines()
        .next()
        .is_some_and(|l| l.contains("Mouse off")));
}

#[test]
fn a_broken_reload_is_told_in_english() {
    let _en = scoped(Lang::En);
    let (_tmp, dir) = pack_copy();
    let pack = posdesk::load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(Desk::new(pack).with_content_dir(Some(&dir)), Theme::plain());
    app.resize(100, 30);
    edit(&dir.join("causes/pin-locked.toml"), |text| {
        text + "\n[[cause]]\nid = \"unclosed\n"
    });
    app.handle(&Input::ContentChanged);
    assert!(app.problems_open());
    let text = buffer_text(&draw(&app));
    assert!(text.contains("Content problems: 1. Still using"), "{text}");
    assert!(
        text.contains("Content problems: 1; still using the content that last loaded"),
        "{text}"
    );
    press(&mut app, "<Down>");
    let text = buffer_text(&draw(&app));
    assert!(text.contains("Esc close (reloads when fixed)"), "{text}");
    press(&mut app, "<Esc>");
    let text = buffer_text(&draw(&app));
    assert!(
        text.contains("Problems: 1 (old content) | Trouble"),
        "{text}"
    );
}

#[test]
fn the_key_table_names_its_layers_in_english() {
    let table = {
        let _en = scoped(Lang::En);
        app(&pack(), 80, 24).key_table()
    };
    assert!(
        table.starts_with("| where | keys | does |\n|---|---|---|\n"),
        "{table}"
    );
    for layer in [
        "| All screens |",
        "| Troubleshoot |",
        "| Triage |",
        "| FAQ |",
        "| Codes |",
    ] {
        assert!(table.contains(layer), "no {layer} in\n{table}");
    }
    assert!(!table.contains("所有界面"), "{table}");
    // In Chinese it is the README's.
    let zh = app(&pack(), 80, 24).key_table();
    assert!(
        zh.contains("| 所有界面 |") && zh.contains("| 排查 |"),
        "{zh}"
    );
}

#[test]
fn the_triage_report_is_english_but_for_the_content() {
    let _en = scoped(Lang::En);
    let pack = pack();
    let walk = posdesk::triage::walk(&pack, None, &[3]).unwrap_or_else(|e| panic!("{e}"));
    let text = posdesk::triage::report_text(&walk.report(&pack));
    for word in [
        "Triage: ",
        "Question 2: ",
        "How to tell: ",
        "Possible causes:",
        "[kept] ",
        "[to check] ",
        "[ruled out] ",
    ] {
        assert!(text.contains(word), "no {word:?} in\n{text}");
    }
    for chinese in [
        "问诊：",
        "问题 ",
        "怎么看：",
        "可能原因：",
        "[保留]",
        "[待查]",
        "[排除]",
    ] {
        assert!(!text.contains(chinese), "{chinese:?} in\n{text}");
    }
    let ended = posdesk::triage::walk(&pack, None, &[1]).unwrap_or_else(|e| panic!("{e}"));
    let text = posdesk::triage::report_text(&ended.report(&pack));
    assert!(text.contains("\nOutcome: Response code 05: "), "{text}");
    assert!(text.contains("  Details: posdesk show "), "{text}");
}

#[test]
fn the_main_screen_in_english_at_80x24() {
    let _en = scoped(Lang::En);
    let app = app(&pack(), 80, 24);
    insta::assert_snapshot!(buffer_text(&draw(&app)));
}
