//! Watching `--content DIR` for edits: the operating system's notifications (inotify on
//! Linux), no polling, so an idle app with a watcher uses no CPU.

use notify::event::{CreateKind, ModifyKind, RemoveKind};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::path::Path;

/// Whether a file-system event can change the pack: a `.toml` file written, created,
/// removed or renamed, or a folder added or removed, outside hidden folders. Reads, the
/// swap, backup and probe files editors write beside, and `.git` are not.
fn matters(root: &Path, event: &notify::Event) -> bool {
    let folder = matches!(
        event.kind,
        EventKind::Create(CreateKind::Folder) | EventKind::Remove(RemoveKind::Folder)
    );
    match event.kind {
        EventKind::Access(_) | EventKind::Other | EventKind::Any => false,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => {
            event.paths.iter().any(|path| {
                // Hidden below the watched folder (which may itself sit in a hidden one).
                let inside = path.strip_prefix(root).unwrap_or(path);
                let hidden = inside.components().any(|part| {
                    part.as_os_str()
                        .to_str()
                        .is_some_and(|name| name.starts_with('.') && name != "." && name != "..")
                });
                !hidden && (folder || path.extension().is_some_and(|e| e == "toml"))
            })
        }
    }
}

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Files in the folder.
    Files,
    /// The folder itself was replaced (moved away, a new one put in its place): the watch
    /// must be set on the new one.
    Folder,
}

/// Whether an event is about the watched folder itself (seen from its parent).
fn replaced(root: &Path, event: &notify::Event) -> bool {
    matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(_))
    ) && event.paths.iter().any(|path| path == root)
}

/// Calls `changed` after each change under `dir` that can change the pack, and when `dir`
/// itself is replaced. The watch lasts as long as the returned watcher.
pub fn watch(
    dir: &Path,
    changed: impl Fn(Change) + Send + 'static,
) -> notify::Result<RecommendedWatcher> {
    let root = dir.to_path_buf();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if replaced(&root, &event) {
            changed(Change::Folder);
        } else if matters(&root, &event) {
            changed(Change::Files);
        }
    })?;
    watcher.watch(dir, RecursiveMode::Recursive)?;
    // The parent, for the folder itself being moved away and put back.
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        let _ = watcher.watch(parent, RecursiveMode::NonRecursive);
    }
    Ok(watcher)
}

/// Watches `dir` again, after it was replaced; false when it is not there (yet).
pub fn rewatch(watcher: &mut RecommendedWatcher, dir: &Path) -> bool {
    let _ = watcher.unwatch(dir);
    watcher.watch(dir, RecursiveMode::Recursive).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::AccessKind;
    use std::path::{Path, PathBuf};

    fn event(kind: EventKind, path: &str) -> notify::Event {
        notify::Event::new(kind).add_path(PathBuf::from(path))
    }

    #[test]
    fn toml_edits_matter_and_editor_files_do_not() {
        assert!(matters(
            Path::new("/tmp/.tmpAB/p"),
            &event(
                EventKind::Modify(ModifyKind::Any),
                "/tmp/.tmpAB/p/codes.toml"
            )
        ));
        assert!(matters(
            Path::new("/tmp/.tmpAB/p"),
            &event(
                EventKind::Create(CreateKind::Folder),
                "/tmp/.tmpAB/p/causes"
            )
        ));
        assert!(!matters(
            Path::new("/tmp/.tmpAB/p"),
            &event(
                EventKind::Modify(ModifyKind::Any),
                "/tmp/.tmpAB/p/.codes.toml.swp"
            )
        ));
        assert!(!matters(
            Path::new("/tmp/.tmpAB/p"),
            &event(
                EventKind::Create(CreateKind::File),
                "/tmp/.tmpAB/p/codes.toml~"
            )
        ));
        assert!(!matters(
            Path::new("/tmp/.tmpAB/p"),
            &event(
                EventKind::Access(AccessKind::Any),
                "/tmp/.tmpAB/p/codes.toml"
            )
        ));
        // vim's probe file, git's own files.
        assert!(!matters(
            Path::new("/tmp/.tmpAB/p"),
            &event(EventKind::Create(CreateKind::File), "/tmp/.tmpAB/p/4913")
        ));
        assert!(!matters(
            Path::new("/tmp/.tmpAB/p"),
            &event(
                EventKind::Modify(ModifyKind::Any),
                "/tmp/.tmpAB/p/.git/index"
            )
        ));
        assert!(!matters(
            Path::new("/tmp/.tmpAB/p"),
            &event(
                EventKind::Create(CreateKind::Folder),
                "/tmp/.tmpAB/p/.git/objects/ab"
            )
        ));
        assert!(matters(
            Path::new("/tmp/.tmpAB/p"),
            &event(
                EventKind::Modify(ModifyKind::Any),
                "/tmp/.tmpAB/p/causes/a.toml"
            )
        ));
    }
}
