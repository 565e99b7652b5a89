//! Watching `--content DIR` for edits: the operating system's notifications (inotify on
//! Linux), no polling, so an idle app with a watcher uses no CPU.

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::path::Path;

/// Whether a file-system event can change the pack: a `.toml` file written, created,
/// removed or renamed, or a folder added or removed. Reads, and the swap and backup
/// files editors write beside, are not.
fn matters(event: &notify::Event) -> bool {
    match event.kind {
        EventKind::Access(_) | EventKind::Other | EventKind::Any => false,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => {
            event.paths.iter().any(|path| {
                path.extension().is_some_and(|e| e == "toml") || path.extension().is_none()
            })
        }
    }
}

/// Calls `changed` after each change under `dir` that can change the pack. The watch
/// lasts as long as the returned watcher.
pub fn watch(
    dir: &Path,
    changed: impl Fn() + Send + 'static,
) -> notify::Result<RecommendedWatcher> {
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|e| matters(&e)) {
            changed();
        }
    })?;
    watcher.watch(dir, RecursiveMode::Recursive)?;
    Ok(watcher)
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, CreateKind, ModifyKind};
    use std::path::PathBuf;

    fn event(kind: EventKind, path: &str) -> notify::Event {
        notify::Event::new(kind).add_path(PathBuf::from(path))
    }

    #[test]
    fn toml_edits_matter_and_editor_files_do_not() {
        assert!(matters(&event(
            EventKind::Modify(ModifyKind::Any),
            "p/codes.toml"
        )));
        assert!(matters(&event(
            EventKind::Create(CreateKind::Folder),
            "p/causes"
        )));
        assert!(!matters(&event(
            EventKind::Modify(ModifyKind::Any),
            "p/.codes.toml.swp"
        )));
        assert!(!matters(&event(
            EventKind::Create(CreateKind::File),
            "p/codes.toml~"
        )));
        assert!(!matters(&event(
            EventKind::Access(AccessKind::Any),
            "p/codes.toml"
        )));
    }
}
