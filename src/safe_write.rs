//! The one way posdesk writes a file: never half-written, never through a planted link,
//! never over something that is not a file. A temporary file is created exclusively, with
//! a random name, in the target's own directory; it is written, synced, given the
//! target's permissions if the target exists, renamed over the target, and the directory
//! is synced. On every error the temporary file is removed and the target is untouched.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why a write was refused or failed, naming the path.
#[derive(Debug)]
pub struct WriteError {
    pub path: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::t!(
            "file.cannot_write",
            path = self.path.display(),
            reason = self.reason
        ))
    }
}

impl std::error::Error for WriteError {}

fn error(path: &Path, reason: impl Into<String>) -> WriteError {
    WriteError {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

/// Writes `bytes` to `path` safely (see the module's notes).
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let existing = match fs::symlink_metadata(path) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(error(path, e.to_string())),
    };
    if let Some(meta) = &existing {
        let kind = meta.file_type();
        if kind.is_symlink() {
            return Err(error(path, crate::t!("file.symlink")));
        }
        if !kind.is_file() {
            let why = if kind.is_dir() {
                crate::t!("file.is_dir")
            } else {
                crate::t!("file.not_regular")
            };
            return Err(error(path, why));
        }
    }
    let name = path
        .file_name()
        .ok_or_else(|| error(path, crate::t!("file.no_name")))?;
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    // Created with O_EXCL and a random name: a file or link planted beside the target
    // cannot be written through. Dropped on any error below, which deletes it.
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // A new file gets the mode any new file gets here (0666 less the umask), as an editor
    // would give it; the temporary name alone is not enough to keep it private.
    #[cfg(unix)]
    if existing.is_none() {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temporary = builder.tempfile_in(&dir).map_err(|e| {
        error(
            path,
            crate::t!("file.no_temporary", dir = dir.display(), error = e),
        )
    })?;
    temporary
        .write_all(bytes)
        .and_then(|()| temporary.as_file().sync_all())
        .map_err(|e| error(path, e.to_string()))?;
    if let Some(meta) = &existing {
        // An existing file keeps its permissions (a 0600 file stays private).
        fs::set_permissions(temporary.path(), meta.permissions())
            .map_err(|e| error(path, e.to_string()))?;
    }
    temporary
        .persist(path)
        .map_err(|e| error(path, e.error.to_string()))?;
    sync_dir(&dir).map_err(|e| error(path, crate::t!("file.dir_not_synced", error = e)))
}

/// Makes a rename durable: the directory entry itself is synced.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_new_file_gets_the_mode_of_any_new_file_and_an_old_one_keeps_its_own() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let plain = dir.path().join("plain.txt");
        fs::File::create(&plain).unwrap_or_else(|e| panic!("{e}"));
        let written = dir.path().join("handout.html");
        write_file(&written, b"<p>x</p>").unwrap_or_else(|e| panic!("{e}"));
        let mode = |p: &Path| {
            fs::metadata(p)
                .map(|m| m.permissions().mode() & 0o777)
                .unwrap_or_else(|e| panic!("{e}"))
        };
        assert_eq!(mode(&written), mode(&plain));
        fs::set_permissions(&written, fs::Permissions::from_mode(0o600))
            .unwrap_or_else(|e| panic!("{e}"));
        write_file(&written, b"<p>y</p>").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(mode(&written), 0o600);
    }
}
