//! Loading a content pack: from the copy embedded in the binary or from a directory.
//!
//! A pack loads whole or not at all: any problem in any file returns every problem found
//! and no pack, so staff never work from half a knowledge base.

mod characters;
mod check;
pub(crate) mod fields;
mod parse;
mod rules;

pub use parse::is_kebab_id;

use crate::diagnostic::{Diagnostic, Diagnostics, Pos};
use crate::model::Pack;
use parse::Draft;
use std::fs;
use std::path::{Path, PathBuf};

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

/// Reads every `*.toml` file below `dir`, in path order.
pub fn read_dir_files(dir: &Path) -> Result<Vec<ContentFile>, Diagnostics> {
    let shown = dir.display().to_string();
    if !dir.is_dir() {
        return Err(Diagnostics(vec![Pos::start_of(&shown).error(
            "not a directory with content files",
            "pass the folder that holds pack.toml, e.g. --content content",
        )]));
    }
    let mut paths = Vec::new();
    let mut errors = Vec::new();
    collect_toml(dir, &mut paths, &mut errors);
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let shown = path.display().to_string();
        match fs::read(&path) {
            Ok(bytes) => files.push(ContentFile { path: shown, bytes }),
            Err(error) => errors.push(Pos::start_of(&shown).error(
                format!("cannot read file: {error}"),
                "check the file's permissions",
            )),
        }
    }
    if files.is_empty() && errors.is_empty() {
        errors.push(Pos::start_of(&shown).error(
            "no .toml content files in this directory",
            "point --content at a pack folder (one with pack.toml), or copy content/ as a start",
        ));
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(Diagnostics(errors))
    }
}

fn collect_toml(dir: &Path, paths: &mut Vec<PathBuf>, errors: &mut Vec<Diagnostic>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            let shown = dir.display().to_string();
            errors.push(Pos::start_of(&shown).error(
                format!("cannot list directory: {error}"),
                "check its permissions",
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        // Hidden folders (.git, editor state) never hold content.
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect_toml(&path, paths, errors);
        } else if path.extension().is_some_and(|ext| ext == "toml") {
            paths.push(path);
        }
    }
}

/// Parses and validates files into a pack. Every problem of every file is reported.
pub fn load_files(files: &[ContentFile]) -> Result<Pack, Diagnostics> {
    let mut draft = Draft::default();
    let mut errors = Vec::new();
    let mut unreadable = false;
    for file in files {
        match std::str::from_utf8(&file.bytes) {
            Ok(text) => {
                characters::check(&file.path, text, &mut errors);
                unreadable |= !parse::parse_file(&file.path, text, &mut draft, &mut errors);
            }
            Err(error) => {
                errors.push(invalid_utf8(&file.path, &file.bytes, error.valid_up_to()));
                unreadable = true;
            }
        }
    }
    // Links into a file that could not be read would all look dangling: report the
    // file's own problem alone until it is fixed.
    if !unreadable {
        check::check_draft(&draft, &mut errors);
        if draft.symptoms.is_empty() && errors.is_empty() {
            let file = files.first().map_or("content", |f| f.path.as_str());
            errors.push(Pos::start_of(file).error(
                "the pack has no [[symptom]]: the home screen would be empty",
                "add a symptom file, e.g. copy content/symptoms/cardholder-auth-failed.toml",
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
        message: format!("invalid UTF-8 at byte {valid_up_to}"),
        hint: "save the file as UTF-8 (not GBK/GB2312)".to_string(),
    }
}

fn into_pack(draft: Draft) -> Pack {
    let mut pack = Pack {
        info: draft.info.map(|(info, _)| info).unwrap_or_default(),
        sources: draft.sources,
        symptoms: draft.symptoms,
        causes: draft.causes,
        solutions: draft.solutions,
        faqs: draft.faqs,
        codes: draft.codes,
        scripts: draft.scripts,
        ..Pack::default()
    };
    pack.codes.sort_by(|a, b| a.code.cmp(&b.code));
    pack.reindex();
    pack
}

/// The pack built into the binary.
pub fn load_embedded() -> Result<Pack, Diagnostics> {
    load_files(&embedded_files())
}

/// A pack from a directory.
pub fn load_dir(dir: &Path) -> Result<Pack, Diagnostics> {
    load_files(&read_dir_files(dir)?)
}

/// The pack named on the command line, or the embedded one.
pub fn load(content: Option<&Path>) -> Result<Pack, Diagnostics> {
    match content {
        Some(dir) => load_dir(dir),
        None => load_embedded(),
    }
}
