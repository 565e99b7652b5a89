//! Loading a content pack: from the copy embedded in the binary or from a directory.
//!
//! A pack loads whole or not at all: any problem in any file returns every problem found
//! and no pack, so staff never work from half a knowledge base.

mod characters;
mod check;
pub(crate) mod fields;
mod parse;
mod rules;
mod triage;

pub use parse::is_kebab_id;

use crate::diagnostic::{Diagnostic, Diagnostics, Pos};
use crate::model::{Pack, Text};
use parse::Draft;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_pack.rs"));
}

/// One content file, as raw bytes: checking the text is UTF-8 is part of validation.
#[derive(Debug, Clone)]
pub struct ContentFile {
    /// The path shown in messages.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The files of the pack built into the binary, named as in the source tree.
pub fn embedded_files() -> Vec<ContentFile> {
    embedded::FILES
        .iter()
        .map(|(path, bytes)| ContentFile {
            path: format!("content/{path}"),
            bytes: bytes.to_vec(),
        })
        .collect()
}

/// The largest content file read, and the largest pack: generous (the shipped pack is
/// about 200 KB, a generated million-item pack about 400 MB), and a bound on what a
/// mistaken path can make posdesk read.
pub const MAX_FILE_BYTES: u64 = 64 << 20;
pub const MAX_PACK_BYTES: u64 = 1 << 30;

/// Every `*.toml` file below `dir`, in path order. Only regular files are taken; a link
/// is followed only while it stays inside `dir`; a file that looks like content but would
/// not be read (`faq.TOML`, `faq.toml.bak`) is an error, not silently dropped.
fn pack_paths(dir: &Path) -> Result<Vec<PathBuf>, Diagnostics> {
    let shown = dir.display().to_string();
    let root = match fs::canonicalize(dir) {
        Ok(root) if root.is_dir() => root,
        _ => {
            return Err(Diagnostics(vec![Pos::start_of(&shown).error(
                crate::t!("load.not_a_dir"),
                crate::t!("load.not_a_dir_hint"),
            )]))
        }
    };
    let mut walk = Walk {
        root: root.clone(),
        visited: vec![root],
        paths: Vec::new(),
        errors: Vec::new(),
    };
    walk.dir(dir);
    let Walk {
        mut paths, errors, ..
    } = walk;
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    if paths.is_empty() {
        return Err(Diagnostics(vec![Pos::start_of(&shown).error(
            crate::t!("load.no_files"),
            crate::t!("load.no_files_hint"),
        )]));
    }
    paths.sort();
    Ok(paths)
}

/// Reads every content file below `dir` (see [`pack_paths`]), whole.
pub fn read_dir_files(dir: &Path) -> Result<Vec<ContentFile>, Diagnostics> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let total = AtomicU64::new(0);
    for path in pack_paths(dir)? {
        match read_counted(&path, &total) {
            Ok(Some(bytes)) => files.push(ContentFile {
                path: path.display().to_string(),
                bytes,
            }),
            Ok(None) => break,
            Err(problem) => errors.push(problem),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(Diagnostics(errors))
    }
}

/// A file's bytes, counted against the pack's limit (`total`, shared by the readers).
/// The file that takes the pack over the limit is the error; files read after it are
/// `None`, as the pack is refused anyway.
fn read_counted(path: &Path, total: &AtomicU64) -> Result<Option<Vec<u8>>, Diagnostic> {
    let shown = path.display().to_string();
    if total.load(Ordering::Relaxed) > MAX_PACK_BYTES {
        return Ok(None);
    }
    let bytes =
        read_capped(path).map_err(|(message, hint)| Pos::start_of(&shown).error(message, hint))?;
    let before = total.fetch_add(bytes.len() as u64, Ordering::Relaxed);
    if before > MAX_PACK_BYTES {
        return Ok(None);
    }
    if before + bytes.len() as u64 > MAX_PACK_BYTES {
        return Err(Pos::start_of(&shown).error(
            crate::t!("load.pack_too_large", mib = MAX_PACK_BYTES >> 20),
            crate::t!("load.pack_too_large_hint"),
        ));
    }
    Ok(Some(bytes))
}

/// A file's bytes, at most [`MAX_FILE_BYTES`]: (message, hint) when it cannot be read.
fn read_capped(path: &Path) -> Result<Vec<u8>, (String, String)> {
    use std::io::Read;
    let cannot_read = |e: std::io::Error| {
        (
            crate::t!("load.cannot_read", error = e),
            crate::t!("load.cannot_read_hint").to_string(),
        )
    };
    let file = fs::File::open(path).map_err(cannot_read)?;
    // Sized from the file's length: the text is kept whole, so no slack from growing.
    let length = file.metadata().map_or(0, |m| m.len()).min(MAX_FILE_BYTES);
    let mut bytes = Vec::with_capacity(usize::try_from(length).unwrap_or(0) + 1);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err((
            crate::t!("load.file_too_large", mib = MAX_FILE_BYTES >> 20),
            crate::t!("load.file_too_large_hint").to_string(),
        ));
    }
    Ok(bytes)
}

/// The walk over a pack directory.
struct Walk {
    /// The pack directory, resolved: links may not lead out of it.
    root: PathBuf,
    /// Directories entered, resolved: a link back to one of them is a loop.
    visited: Vec<PathBuf>,
    paths: Vec<PathBuf>,
    errors: Vec<Diagnostic>,
}

impl Walk {
    fn error(&mut self, path: &Path, message: impl Into<String>, hint: impl Into<String>) {
        self.errors
            .push(Pos::start_of(&path.display().to_string()).error(message, hint));
    }

    fn dir(&mut self, dir: &Path) {
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(error) => {
                self.error(
                    dir,
                    crate::t!("load.cannot_list", error = error),
                    crate::t!("load.check_permissions"),
                );
                return;
            }
        };
        let mut entries: Vec<_> = entries.flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let name = entry.file_name().to_string_lossy().into_owned();
            // Hidden folders and files (.git, editor state) never hold content.
            if name.starts_with('.') {
                continue;
            }
            self.entry(&entry.path(), &name);
        }
    }

    fn entry(&mut self, path: &Path, name: &str) {
        let Ok(link_meta) = fs::symlink_metadata(path) else {
            self.error(
                path,
                crate::t!("load.cannot_stat"),
                crate::t!("load.check_permissions"),
            );
            return;
        };
        let looks_like_content = name.to_ascii_lowercase().contains(".toml");
        let meta = if link_meta.file_type().is_symlink() {
            let inside = fs::canonicalize(path)
                .ok()
                .filter(|target| target.starts_with(&self.root));
            match (inside, fs::metadata(path)) {
                (Some(_), Ok(meta)) => meta,
                (None, _) if !looks_like_content && !path.is_dir() => return,
                _ => {
                    self.error(
                        path,
                        crate::t!("load.link_outside"),
                        crate::t!("load.link_outside_hint"),
                    );
                    return;
                }
            }
        } else {
            link_meta
        };
        if meta.is_dir() {
            let resolved = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            if self.visited.contains(&resolved) {
                self.error(
                    path,
                    crate::t!("load.link_loop"),
                    crate::t!("load.link_loop_hint"),
                );
                return;
            }
            self.visited.push(resolved);
            self.dir(path);
            return;
        }
        if !looks_like_content {
            return;
        }
        if !name.ends_with(".toml") {
            self.error(
                path,
                crate::t!("load.wrong_extension"),
                crate::t!("load.wrong_extension_hint"),
            );
            return;
        }
        if !meta.is_file() {
            self.error(
                path,
                crate::t!("load.not_regular"),
                crate::t!("load.not_regular_hint"),
            );
            return;
        }
        self.paths.push(path.to_path_buf());
    }
}

/// Parses and validates files into a pack. Every problem of every file is reported.
pub fn load_files(files: &[ContentFile]) -> Result<Pack, Diagnostics> {
    let mut loading = Loading::default();
    for file in files {
        loading.add(&file.path, file.bytes.clone());
    }
    loading.finish()
}

/// A pack being loaded, a file at a time: a file's bytes are needed only while it is
/// parsed, so a large pack is never held twice.
#[derive(Default)]
struct Loading {
    draft: Draft,
    errors: Vec<Diagnostic>,
    unreadable: bool,
    first_file: Option<String>,
}

impl Loading {
    /// Reads one file. Its text is kept whole: the pack's strings are slices of it.
    fn add(&mut self, path: &str, bytes: Vec<u8>) {
        self.first_file.get_or_insert_with(|| path.to_string());
        match String::from_utf8(bytes) {
            Ok(text) => {
                let source = Text::whole(Arc::new(text));
                characters::check(path, &source, &mut self.errors);
                self.unreadable |=
                    !parse::parse_file(path, &source, &mut self.draft, &mut self.errors);
            }
            Err(error) => {
                let valid_up_to = error.utf8_error().valid_up_to();
                self.errors
                    .push(invalid_utf8(path, error.as_bytes(), valid_up_to));
                self.unreadable = true;
            }
        }
    }

    /// Appends what was loaded from later files.
    fn append(&mut self, later: Loading) {
        self.draft.append(later.draft, &mut self.errors);
        self.errors.extend(later.errors);
        self.unreadable |= later.unreadable;
        if self.first_file.is_none() {
            self.first_file = later.first_file;
        }
    }

    fn finish(self) -> Result<Pack, Diagnostics> {
        let Loading {
            draft,
            mut errors,
            unreadable,
            first_file,
        } = self;
        // Links into a file that could not be read would all look dangling: report the
        // file's own problem alone until it is fixed.
        if !unreadable {
            check::check_draft(&draft, &mut errors);
            if draft.symptoms.is_empty() && errors.is_empty() {
                let file = first_file.as_deref().unwrap_or("content");
                errors.push(Pos::start_of(file).error(
                    crate::t!("load.no_symptom"),
                    crate::t!("load.no_symptom_hint"),
                ));
            }
        }
        if !errors.is_empty() {
            let mut diagnostics = Diagnostics(errors);
            diagnostics.sort();
            return Err(diagnostics);
        }
        Ok(into_pack(draft))
    }
}

fn invalid_utf8(path: &str, bytes: &[u8], valid_up_to: usize) -> Diagnostic {
    let valid = bytes.get(..valid_up_to).unwrap_or_default();
    let line = 1 + memchr::memchr_iter(b'\n', valid).count();
    let line_start = memchr::memrchr(b'\n', valid).map_or(0, |i| i + 1);
    let column = 1 + String::from_utf8_lossy(valid.get(line_start..).unwrap_or_default())
        .chars()
        .count();
    Diagnostic {
        file: path.to_string(),
        line,
        column,
        message: crate::t!("load.invalid_utf8", byte = valid_up_to),
        hint: crate::t!("load.invalid_utf8_hint").to_string(),
    }
}

fn into_pack(draft: Draft) -> Pack {
    // What only the checks needed: a large pack's is hundreds of thousands of small
    // allocations, freed on another core while the pack goes on to be shown.
    let checked = (
        draft.links,
        draft.declarations,
        draft.places,
        draft.steps_without_sources,
    );
    if checked.0.len() > FREE_ASIDE_FROM {
        std::thread::spawn(move || drop(checked));
    }
    let mut pack = Pack {
        info: draft.info.map(|(info, _)| info).unwrap_or_default(),
        sources: draft.sources,
        symptoms: draft.symptoms,
        causes: draft.causes,
        solutions: draft.solutions,
        faqs: draft.faqs,
        codes: draft.codes,
        scripts: draft.scripts,
        triage: draft
            .triage
            .into_iter()
            .map(|(question, _)| question)
            .collect(),
        ..Pack::default()
    };
    pack.codes.sort_by(|a, b| a.code.cmp(&b.code));
    pack.reindex();
    pack
}

/// The number of links from which the checks' records are freed on another thread.
const FREE_ASIDE_FROM: usize = 50_000;

/// The pack built into the binary.
pub fn load_embedded() -> Result<Pack, Diagnostics> {
    load_files(&embedded_files())
}

/// A pack from a directory: its files are read and parsed on every core, a file at a
/// time, and put together in path order, so the pack is the same as one read in order.
pub fn load_dir(dir: &Path) -> Result<Pack, Diagnostics> {
    let paths = pack_paths(dir)?;
    let readers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, paths.len().max(1));
    let (next, total) = (AtomicUsize::new(0), AtomicU64::new(0));
    let (paths, next, total) = (&paths, &next, &total);
    // The readers write their messages in the language of the thread that asked.
    let lang = crate::i18n::lang();
    let mut loading = Loading::default();
    let mut unread = Vec::new();
    std::thread::scope(|scope| {
        let (sender, read) = std::sync::mpsc::channel();
        for _ in 0..readers {
            let sender = sender.clone();
            scope.spawn(move || {
                let _lang = crate::i18n::scoped(lang);
                loop {
                    let at = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = paths.get(at) else { break };
                    let loaded = read_counted(path, total).map(|bytes| {
                        bytes.map(|bytes| {
                            let mut file = Loading::default();
                            file.add(&path.display().to_string(), bytes);
                            file
                        })
                    });
                    if sender.send((at, loaded)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        // Each file is appended as soon as those before it are in: the pack comes out in
        // path order, and a file's own draft is freed right after it is read.
        let mut waiting = std::collections::BTreeMap::new();
        let mut wanted = 0;
        for (at, loaded) in read {
            waiting.insert(at, loaded);
            while let Some(loaded) = waiting.remove(&wanted) {
                match loaded {
                    Ok(Some(file)) => loading.append(file),
                    Ok(None) => {}
                    Err(problem) => unread.push(problem),
                }
                wanted += 1;
            }
        }
    });
    if !unread.is_empty() {
        return Err(Diagnostics(unread));
    }
    loading.finish()
}

/// The pack named on the command line, or the embedded one.
pub fn load(content: Option<&Path>) -> Result<Pack, Diagnostics> {
    match content {
        Some(dir) => load_dir(dir),
        None => load_embedded(),
    }
}
