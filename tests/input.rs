//! Input that keeps up and the keys users bring from other tools: Ctrl-N/P/J/K, Ctrl-W,
//! Ctrl-H, a huge paste in one go, Ctrl-Y copying the answer, Ctrl-T releasing the mouse.

use base64::Engine;
use posdesk::app::action::Effect;
use posdesk::app::clipboard::osc52;
use posdesk::app::input::{parse_inputs, Input};
use posdesk::app::screens::Troubleshoot;
use posdesk::app::theme::Theme;
use posdesk::app::{buffer_text, runtime, App, QUERY_LIMIT};
use posdesk::desk::Desk;

fn app() -> App {
    let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(Desk::new(pack), Theme::plain());
    app.resize(160, 40);
    app
}

fn press(app: &mut App, keys: &str) {
    app.handle_all(parse_inputs(keys).unwrap_or_else(|e| panic!("{e}")));
}

fn left_row(app: &App) -> usize {
    app.screen::<Troubleshoot>()
        .map(|t| t.left_row(app.desk()))
        .unwrap_or(usize::MAX)
}

/// Runs inputs through the same loop as the live app; returns the screen and the effects.
fn run(keys: &[Input]) -> (String, Vec<Effect>) {
    let mut app = app();
    let mut frontend = runtime::Offscreen::new(160, 40, keys.to_vec());
    let _ = runtime::run(&mut app, &mut frontend);
    let effects = frontend.effects.clone();
    (buffer_text(&frontend.into_frame()), effects)
}

#[test]
fn ctrl_n_p_j_k_move_in_lists() {
    let mut app = app();
    press(&mut app, "<C-n><C-n>");
    assert_eq!(left_row(&app), 2);
    press(&mut app, "<C-p>");
    assert_eq!(left_row(&app), 1);
    press(&mut app, "<C-j><C-j><C-k>");
    assert_eq!(left_row(&app), 2);
    assert_eq!(app.query(), "", "Ctrl-letters never type");
}

#[test]
fn ctrl_w_deletes_a_word_and_ctrl_h_a_character() {
    let mut app = app();
    press(&mut app, "51 yu e<C-w>");
    assert_eq!(app.query(), "51 yu ");
    press(&mut app, "<C-w>");
    assert_eq!(app.query(), "51 ");
    press(&mut app, "<C-h>");
    assert_eq!(app.query(), "51");
    press(&mut app, "<C-w>");
    assert_eq!(app.query(), "");
}

#[test]
fn a_huge_paste_is_one_query_change_capped_with_a_notice() {
    let paste = "余额不足".repeat(25_000); // 300 KB of UTF-8, 100,000 characters
    let mut app = app();
    let outcome = app.handle(&Input::Paste(paste));
    assert!(outcome.redraw);
    assert_eq!(app.query().chars().count(), QUERY_LIMIT);
    assert!(
        app.status().is_some_and(|s| s.contains("最多")),
        "{:?}",
        app.status()
    );
    // The same through `render`'s notation, and the screen says what happened.
    let keys = format!("<paste>{}</paste>", "yebz".repeat(25_000));
    let inputs = parse_inputs(&keys).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(inputs.len(), 1);
    let (screen, _) = run(&inputs);
    assert!(
        screen.contains(&format!("搜索最多 {QUERY_LIMIT} 个字")),
        "{screen}"
    );
}

#[test]
fn typing_then_enter_in_one_batch_opens_the_first_result() {
    // A fast typist's burst arrives as one batch: the search runs before Enter needs it.
    let (screen, _) = run(&parse_inputs("yebz<Enter>").unwrap_or_default());
    assert!(screen.contains("可能原因（3）"), "{screen}");
}

#[test]
fn ctrl_y_copies_the_answer_through_osc_52() {
    let inputs = parse_inputs("yebz<Enter><Enter><C-y>").unwrap_or_default();
    let (screen, effects) = run(&inputs);
    let copied = effects
        .iter()
        .find_map(|e| match e {
            Effect::Copy(text) => Some(text.clone()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no copy in {effects:?}"));
    for part in ["持卡人账户余额不足", "能否重试：", "解决步骤", "对顾客说"] {
        assert!(copied.contains(part), "the answer lacks {part}:\n{copied}");
    }
    assert!(
        !copied.contains("出处"),
        "sources are not part of the answer"
    );
    let sequence = osc52(&copied);
    let payload = sequence
        .strip_prefix("\u{1b}]52;c;")
        .and_then(|s| s.strip_suffix('\u{7}'))
        .unwrap_or_else(|| panic!("not an OSC 52 sequence: {sequence:?}"));
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(payload)
        .unwrap_or_default();
    assert_eq!(String::from_utf8(decoded).unwrap_or_default(), copied);
    assert!(screen.contains("已复制"), "{screen}");
}

#[test]
fn ctrl_t_releases_and_recaptures_the_mouse() {
    let (screen, effects) = run(&parse_inputs("<C-t>").unwrap_or_default());
    assert_eq!(effects, vec![Effect::MouseCapture(false)]);
    assert!(screen.contains("鼠标已释放"), "{screen}");
    let (_, effects) = run(&parse_inputs("<C-t><C-t>").unwrap_or_default());
    assert_eq!(
        effects,
        vec![Effect::MouseCapture(false), Effect::MouseCapture(true)]
    );
}

#[test]
fn ctrl_z_asks_to_suspend_and_the_screen_is_drawn_after() {
    let (_, effects) = run(&parse_inputs("<C-z>").unwrap_or_default());
    assert_eq!(effects, vec![Effect::Suspend]);
}

#[test]
fn selection_follows_the_item_not_the_row() {
    let mut app = app();
    // Select 余额不足 on the home list, search, clear the search: back on 余额不足.
    press(&mut app, "<Down>");
    let before = app
        .screen::<Troubleshoot>()
        .and_then(|t| t.left_item(app.desk()).map(|i| i.id().to_string()));
    assert_eq!(before.as_deref(), Some("insufficient-funds"));
    press(&mut app, "<Enter><Esc>");
    let after = app
        .screen::<Troubleshoot>()
        .and_then(|t| t.left_item(app.desk()).map(|i| i.id().to_string()));
    assert_eq!(after, before);
}

#[test]
fn a_reloaded_pack_keeps_the_selection_on_the_same_item() {
    let mut app = app();
    press(&mut app, "<Down><Down>");
    let selected = |app: &App| {
        app.screen::<Troubleshoot>()
            .and_then(|t| t.left_item(app.desk()).map(|i| i.id().to_string()))
    };
    assert_eq!(selected(&app).as_deref(), Some("wrong-pin"));
    // The same pack with 密码错误 moved to the top of the home list.
    let files: Vec<posdesk::ContentFile> = posdesk::load::embedded_files()
        .into_iter()
        .map(|mut file| {
            if file.path.ends_with("symptoms/wrong-pin.toml") {
                let text = String::from_utf8_lossy(&file.bytes).replace("rank = 3", "rank = 0");
                file.bytes = text.into_bytes();
            }
            file
        })
        .collect();
    let reloaded = posdesk::load_files(&files).unwrap_or_else(|e| panic!("{e}"));
    app.replace_desk(Desk::new(reloaded));
    assert_eq!(selected(&app).as_deref(), Some("wrong-pin"));
    assert_eq!(
        left_row(&app),
        0,
        "the item moved; the selection followed it"
    );
}
