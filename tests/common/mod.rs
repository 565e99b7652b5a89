//! What the app tests share: typing keys into an app, reading its screen, and a copy of
//! the shipped pack to edit.
#![allow(dead_code)]

use posdesk::app::input::parse_inputs;
use posdesk::app::{buffer_text, App};
use std::path::{Path, PathBuf};

/// Types keys written as in `posdesk render --keys`.
pub fn press(app: &mut App, keys: &str) {
    for input in parse_inputs(keys).unwrap_or_else(|e| panic!("{e}")) {
        app.handle(&input);
    }
}

/// The screen as text, as drawn at the app's size.
pub fn screen(app: &App) -> String {
    let size = app.size();
    let mut buffer = ratatui::buffer::Buffer::empty(size);
    app.draw_buffer(&mut buffer, size);
    buffer_text(&buffer)
}

/// A copy of the shipped pack in a temporary directory (kept while the guard lives).
pub fn pack_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let to = dir.path().join("pack");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"), &to);
    (dir, to)
}

/// Copies a folder and everything in it.
pub fn copy_dir(from: &Path, to: &Path) {
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
pub fn edit(path: &Path, change: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    let changed = change(text.clone());
    assert_ne!(changed, text, "the edit changed nothing");
    posdesk::safe_write::write_file(path, changed.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
}
