//! Watching `--content DIR` for edits: the operating system's notifications (inotify on
//! Linux), no polling, so an idle app with a watcher uses no CPU.

use notify::event::{CreateKind, RemoveKind};
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

/// Calls `changed` after each change under `dir` that can change the pack. The watch
/// lasts as long as the returned watcher.
pub fn watch(
    dir: &Path,
    changed: impl Fn() + Send + 'static,
) -> notify::Result<RecommendedWatcher> {
    let root = dir.to_path_buf();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|e| matters(&root, &e)) {
            changed();
        }
    })?;
    watcher.watch(dir, RecursiveMode::Recursive)?;
    Ok(watcher)
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, ModifyKind};
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
