//! Hot reload of `--content DIR`: an edit shows at once with every list keeping its place,
//! a broken edit keeps the old content and lists the problem with file and line until it
//! is fixed. Once on the app itself, once in a pseudo-terminal with the real watcher (every
//! wait there waits for output, with a limit, never a fixed time).

mod common;

use common::{edit, pack_copy, press, screen};
use posdesk::app::input::Input;
use posdesk::app::screens::Troubleshoot;
use posdesk::app::theme::Theme;
use posdesk::app::App;
use posdesk::desk::Desk;
use std::path::Path;

fn retitle(path: &Path, title: &str) {
    edit(path, |text| {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        if let Some(line) = lines.iter_mut().find(|l| l.starts_with("title = ")) {
            *line = format!("title = \"{title}\"");
        }
        lines.join("\n") + "\n"
    });
}

fn app(dir: &Path) -> App {
    let pack = posdesk::load_dir(dir).unwrap_or_else(|e| panic!("{e}"));
    let desk = Desk::new(pack).with_content_dir(Some(dir));
    let mut app = App::new(desk, Theme::plain());
    app.resize(100, 30);
    app
}

fn selected(app: &App) -> Option<String> {
    let screen = app.screen::<Troubleshoot>()?;
    screen
        .left_item(app.desk())
        .map(|item| item.id().to_string())
}

#[test]
fn an_edit_shows_in_place_and_a_broken_one_keeps_the_old_content() {
    let (_tmp, dir) = pack_copy();
    let mut app = app(&dir);
    press(&mut app, "<Down><Down><Down>");
    let before = selected(&app);
    assert!(before.is_some());
    // A new title for the first symptom: shown, and the selection is the same item.
    let symptom = dir.join("symptoms/cardholder-auth-failed.toml");
    retitle(&symptom, "持卡人认证失败（培训版）");
    app.handle(&Input::ContentChanged);
    assert!(
        screen(&app).contains("持卡人认证失败（培训版）"),
        "{}",
        screen(&app)
    );
    assert_eq!(selected(&app), before);
    assert_eq!(app.content_problems(), 0);
    // A broken edit: the problem with its file and line, the old content still in use.
    let cause = dir.join("causes/pin-locked.toml");
    let good = std::fs::read_to_string(&cause).unwrap_or_else(|e| panic!("{e}"));
    edit(&cause, |text| text + "\n[[cause]]\nid = \"unclosed\n");
    app.handle(&Input::ContentChanged);
    let shown = screen(&app);
    assert!(app.problems_open());
    assert_eq!(app.content_problems(), 1);
    let line = good.lines().count() + 3;
    assert!(
        shown.contains(&format!("pin-locked.toml:{line}:")),
        "{shown}"
    );
    assert!(
        shown.contains("持卡人认证失败（培训版）"),
        "old content gone: {shown}"
    );
    // Closed, the screen still says the content is broken; fixed, all is well again.
    press(&mut app, "<Esc>");
    assert!(!app.problems_open());
    assert!(screen(&app).contains("内容有 1 个问题"), "{}", screen(&app));
    posdesk::safe_write::write_file(&cause, good.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    retitle(&symptom, "持卡人认证失败");
    app.handle(&Input::ContentChanged);
    assert!(!app.problems_open());
    assert_eq!(app.content_problems(), 0);
    assert!(!screen(&app).contains("培训版"));
    assert_eq!(selected(&app), before);
}

#[test]
fn a_moved_item_keeps_its_selection_and_a_removed_one_leaves_it_on_a_neighbour() {
    let (_tmp, dir) = pack_copy();
    // A symptom of the trainer's own, without a triage (a warning, not a problem).
    let extra = dir.join("symptoms/trainer-extra.toml");
    std::fs::write(
        &extra,
        "[[symptom]]\nid = \"trainer-extra\"\ntitle = \"培训用的现象\"\nrank = 4\ndescription = \"只在培训时用。\"\ncauses = [\"pin-problem\"]\nsources = [\"facts-table\"]\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut app = app(&dir);
    let row = app
        .desk()
        .pack()
        .symptoms_by_rank()
        .iter()
        .position(|s| s.id == "trainer-extra")
        .unwrap_or_else(|| panic!("the extra symptom is not listed"));
    press(&mut app, &"<Down>".repeat(row));
    assert_eq!(selected(&app).as_deref(), Some("trainer-extra"));
    // Moved to the top of the list: still the one selected.
    edit(&extra, |text| text.replace("rank = 4", "rank = 0"));
    app.handle(&Input::ContentChanged);
    assert_eq!(app.content_problems(), 0, "{}", screen(&app));
    assert_eq!(selected(&app).as_deref(), Some("trainer-extra"));
    // Removed: a neighbour is selected, and the list no longer shows it.
    std::fs::remove_file(&extra).unwrap_or_else(|e| panic!("{e}"));
    app.handle(&Input::ContentChanged);
    assert_eq!(app.content_problems(), 0, "{}", screen(&app));
    let now = selected(&app).unwrap_or_else(|| panic!("nothing selected after the removal"));
    assert_ne!(now, "trainer-extra");
    assert!(!screen(&app).contains("培训用的现象"));
}

#[test]
fn help_opened_and_closed_over_the_problems_leaves_them_listed() {
    let (_tmp, dir) = pack_copy();
    let mut app = app(&dir);
    edit(&dir.join("codes.toml"), |text| {
        text + "\n[[code]]\ncode = \"0\n"
    });
    app.handle(&Input::ContentChanged);
    assert!(app.problems_open());
    press(&mut app, "<F1>");
    assert!(app.help_open());
    press(&mut app, "<F1>");
    assert!(!app.help_open());
    assert!(app.problems_open(), "closing the help closed the problems");
}

#[test]
fn the_built_in_pack_ignores_a_reload() {
    let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(Desk::new(pack), Theme::plain());
    app.resize(80, 24);
    app.handle(&Input::ContentChanged);
    assert!(app.status().is_none(), "{:?}", app.status());
    assert_eq!(app.content_problems(), 0);
}

#[cfg(unix)]
mod live {
    use super::*;
    use rexpect::session::PtySession;
    use std::time::Instant;

    const LIMIT_MS: u64 = 20_000;

    fn start(dir: &Path, data: &Path) -> PtySession {
        let binary = env!("CARGO_BIN_EXE_posdesk");
        let command = format!(
            "sh -c 'stty cols 120 rows 30; POSDESK_LANG=zh {binary} --content {} --data {}; echo \"exit=$?\"'",
            dir.display(),
            data.display()
        );
        rexpect::spawn(&command, Some(LIMIT_MS))
            .unwrap_or_else(|e| panic!("cannot start posdesk in a pty: {e}"))
    }

    // Only ASCII is looked for in the output (the session decodes byte by byte).
    #[test]
    fn the_watcher_reloads_a_saved_file_and_reports_a_broken_one() {
        let (tmp, dir) = pack_copy();
        let mut session = start(&dir, tmp.path());
        session
            .exp_string("yebz")
            .unwrap_or_else(|e| panic!("no first frame: {e}"));
        let symptom = dir.join("symptoms/cardholder-auth-failed.toml");
        retitle(&symptom, "ALPHA-RELOAD");
        // From the moment the save is done (written, synced, renamed into place).
        let saved = Instant::now();
        session
            .exp_string("ALPHA-RELOAD")
            .unwrap_or_else(|e| panic!("the edit did not show: {e}"));
        println!("reload: file saved to new screen in {:?}", saved.elapsed());
        let cause = dir.join("causes/pin-locked.toml");
        let good = std::fs::read_to_string(&cause).unwrap_or_else(|e| panic!("{e}"));
        edit(&cause, |text| text + "\n[[cause]]\nid = \"unclosed\n");
        session
            .exp_string("pin-locked.toml:")
            .unwrap_or_else(|e| panic!("the problem was not shown: {e}"));
        posdesk::safe_write::write_file(&cause, good.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        retitle(&symptom, "7777788888");
        session
            .exp_string("7777788888")
            .unwrap_or_else(|e| panic!("the fixed pack did not load: {e}"));
        // The whole folder replaced (moved away, a copy put in its place): the new one
        // is watched.
        let old = dir.with_file_name("pack-before");
        std::fs::rename(&dir, &old).unwrap_or_else(|e| panic!("{e}"));
        session
            .exp_string(":1:1:")
            .unwrap_or_else(|e| panic!("the missing folder was not reported: {e}"));
        common::copy_dir(&old, &dir);
        // The copy loads (the status bar counts its items) before the next edit.
        let items = posdesk::load_dir(&dir)
            .unwrap_or_else(|e| panic!("{e}"))
            .len()
            .to_string();
        session
            .exp_string(&items)
            .unwrap_or_else(|e| panic!("the new folder did not load: {e}"));
        retitle(&symptom, "NEWFOLDER-XYZ");
        session
            .exp_string("NEWFOLDER-XYZ")
            .unwrap_or_else(|e| panic!("the replaced folder is not watched: {e}"));
        session.send_control('c').unwrap_or_else(|e| panic!("{e}"));
        session
            .exp_string("exit=0")
            .unwrap_or_else(|e| panic!("bad exit: {e}"));
    }
}
