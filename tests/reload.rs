//! Hot reload of `--content DIR`: an edit shows at once with every list keeping its place,
//! a broken edit keeps the old content and lists the problem with file and line until it
//! is fixed. Once on the app itself, once in a pseudo-terminal with the real watcher (every
//! wait there waits for output, with a limit, never a fixed time).

use posdesk::app::input::{parse_inputs, Input};
use posdesk::app::screens::Troubleshoot;
use posdesk::app::theme::Theme;
use posdesk::app::{buffer_text, App};
use posdesk::desk::Desk;
use std::path::{Path, PathBuf};

/// A copy of the shipped pack in a temporary directory.
fn pack_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let to = dir.path().join("pack");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"), &to);
    (dir, to)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("{e}"));
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{e}")) {
        let entry = entry.unwrap_or_else(|e| panic!("{e}"));
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}

/// Saves a file as an editor would: a whole new file put in place.
fn edit(path: &Path, change: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    let changed = change(text.clone());
    assert_ne!(changed, text, "the edit changed nothing");
    posdesk::safe_write::write_file(path, changed.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
}

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

fn screen(app: &App) -> String {
    let size = app.size();
    let mut buffer = ratatui::buffer::Buffer::empty(size);
    app.draw_buffer(&mut buffer, size);
    buffer_text(&buffer)
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
    for input in parse_inputs("<Down><Down><Down>").unwrap_or_else(|e| panic!("{e}")) {
        app.handle(&input);
    }
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
    app.handle(&parse_inputs("<Esc>").unwrap_or_else(|e| panic!("{e}"))[0]);
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
fn a_removed_item_leaves_the_selection_on_a_neighbour_and_the_built_in_pack_ignores_reload() {
    let (_tmp, dir) = pack_copy();
    let mut app = app(&dir);
    app.handle(&Input::ContentChanged);
    assert_eq!(app.content_problems(), 0);
    let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let mut built_in = App::new(Desk::new(pack), Theme::plain());
    built_in.resize(80, 24);
    let outcome = built_in.handle(&Input::ContentChanged);
    assert!(built_in.status().is_none(), "{:?}", built_in.status());
    let _ = outcome;
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
            "sh -c 'stty cols 120 rows 30; {binary} --content {} --data {}; echo \"exit=$?\"'",
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
        let saved = Instant::now();
        retitle(&symptom, "ALPHA-RELOAD");
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
        session.send_control('c').unwrap_or_else(|e| panic!("{e}"));
        session
            .exp_string("exit=0")
            .unwrap_or_else(|e| panic!("bad exit: {e}"));
    }
}
