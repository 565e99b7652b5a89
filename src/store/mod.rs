//! The case log: support calls as records that last, in one SQLite file (WAL mode, every
//! change its own transaction, synced before it is acknowledged) in the user's data
//! directory. Card numbers are masked and secrets refused before anything is written
//! ([`crate::card_data`]). The live app, the command line and the tests all use this.

use crate::card_data::{mask_card_numbers, secret_in};
use crate::triage::Path as TriagePath;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Duration;

mod quiz;
pub use quiz::{TraineeProgress, TRAINEE_NAME_CHARS};

/// The database file's name in the data directory.
pub const FILE_NAME: &str = "posdesk.db";
/// The environment variable that names the data directory.
pub const DATA_ENV: &str = "POSDESK_DATA";
/// The schema this build writes; a file with a higher one is refused, not touched.
pub const SCHEMA_VERSION: i64 = 2;
/// How long a write waits for another posdesk writing to the same file.
const BUSY_WAIT: Duration = Duration::from_secs(10);

/// Why the store could not do something, naming the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The file is not a posdesk database, or is damaged.
    Corrupt {
        path: PathBuf,
        reason: String,
    },
    /// Written by a newer posdesk.
    Newer {
        path: PathBuf,
        found: i64,
    },
    /// A note that looks like it holds a CVV or PIN.
    Secret {
        word: &'static str,
    },
    NoSuchCase(i64),
    /// A trainee's name that cannot be kept: empty, too long, or with control characters.
    BadName(String),
    Io {
        path: PathBuf,
        reason: String,
    },
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Corrupt { path, reason } => f.write_str(&crate::t!(
                "store.corrupt",
                path = path.display(),
                reason = reason
            )),
            StoreError::Newer { path, found } => f.write_str(&crate::t!(
                "store.newer",
                path = path.display(),
                found = found,
                known = SCHEMA_VERSION
            )),
            StoreError::Secret { word } => {
                let what = if PIN_WORDS.contains(word) {
                    crate::t!("store.secret_pin")
                } else {
                    crate::t!("store.secret_cvv")
                };
                f.write_str(&crate::t!("store.secret", what = what, word = word))
            }
            StoreError::NoSuchCase(id) => f.write_str(&crate::t!("store.no_case", id = id)),
            StoreError::BadName(why) => f.write_str(&crate::t!("store.bad_name", why = why)),
            StoreError::Io { path, reason } => f.write_str(&crate::t!(
                "store.io",
                path = path.display(),
                reason = reason
            )),
        }
    }
}

impl std::error::Error for StoreError {}

/// The words [`secret_in`] finds that name a PIN; any other names a security code.
const PIN_WORDS: [&str; 3] = ["密码", "pin", "验证码"]; // not UI: matched against the word found

/// How a case ended, or that it has not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Outcome {
    Open,
    /// Solved: by this cause (id).
    Resolved {
        cause: String,
    },
    /// Handed over: to this actor (`issuer`, `acquirer`, …).
    Escalated {
        to: String,
    },
}

/// One note, as typed (masked), with its time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub at: String,
    pub text: String,
}

/// One ticked step of a solution, with its time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tick {
    pub solution: String,
    /// 1-based.
    pub step: usize,
    pub at: String,
}

/// A case, self-describing so logs from many shops can be merged: the pack it was worked
/// with, ids, times with their zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub id: i64,
    pub opened_at: String,
    pub updated_at: String,
    pub pack: String,
    pub pack_version: String,
    pub symptom: Option<String>,
    pub code: Option<String>,
    pub triage: Option<TriagePath>,
    /// The cause on screen when the case was opened: whose steps the checklist shows.
    pub working_cause: Option<String>,
    pub shop: String,
    pub terminal: String,
    pub outcome: Outcome,
    pub closed_at: Option<String>,
    pub notes: Vec<Note>,
    pub ticks: Vec<Tick>,
}

/// What a new case starts with: what was on screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewCase {
    pub pack: String,
    pub pack_version: String,
    pub symptom: Option<String>,
    pub code: Option<String>,
    pub triage: Option<TriagePath>,
    pub cause: Option<String>,
}

/// A free-text field of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Shop,
    Terminal,
}

/// What a write did to the text it was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Saved {
    /// Card numbers masked before writing.
    pub masked: usize,
}

/// Outcomes counted per symptom and cause: how often a cause solved the symptom's cases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutcomeCount {
    pub symptom: String,
    pub cause: String,
    pub solved: u64,
    /// Closed cases of the symptom (solved by any cause, or escalated).
    pub closed: u64,
}

/// The case log.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// The data directory: `--data DIR`, else `POSDESK_DATA`, else the user's data directory.
pub fn data_dir(flag: Option<&Path>) -> Option<PathBuf> {
    if let Some(dir) = flag {
        return Some(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(DATA_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "posdesk").map(|d| d.data_dir().to_path_buf())
}

/// Now, with the local zone: `2026-11-30T17:45:00.123+08:00`.
pub fn now() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, false)
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

impl Store {
    /// Opens (or creates) the case log in a data directory.
    pub fn open_in(dir: &Path) -> Result<Store, StoreError> {
        if dir.exists() && !dir.is_dir() {
            return Err(StoreError::Io {
                path: dir.to_path_buf(),
                reason: crate::t!("store.not_a_dir").to_string(),
            });
        }
        std::fs::create_dir_all(dir).map_err(|e| StoreError::Io {
            path: dir.to_path_buf(),
            reason: e.to_string(),
        })?;
        Store::open(&dir.join(FILE_NAME))
    }

    /// Opens (or creates) a case log file. A file that is not one, or is newer, is
    /// refused and left untouched.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let corrupt = |e: rusqlite::Error| StoreError::Corrupt {
            path: path.to_path_buf(),
            reason: e.to_string(),
        };
        let existed = path.exists();
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| StoreError::Io {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        conn.busy_timeout(BUSY_WAIT).map_err(corrupt)?;
        // Reading the version first touches the file's header: a file that is not a
        // database fails here, before anything is written to it.
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .map_err(corrupt)?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::Newer {
                path: path.to_path_buf(),
                found: version,
            });
        }
        if existed && version == 0 {
            let tables: i64 = conn
                .query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))
                .map_err(corrupt)?;
            if tables > 0 {
                return Err(StoreError::Corrupt {
                    path: path.to_path_buf(),
                    reason: crate::t!("store.other_program").to_string(),
                });
            }
        }
        // The file reads as a database: a failure from here on is about writing it.
        let unwritable = |e: rusqlite::Error| StoreError::Io {
            path: path.to_path_buf(),
            reason: crate::t!("store.unwritable", error = e),
        };
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(unwritable)?;
        // FULL: a change is on disk before it is acknowledged, even if the machine stops.
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(unwritable)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(unwritable)?;
        // Deleted cases (purge) are overwritten, not left in the file's free pages.
        conn.pragma_update(None, "secure_delete", "ON")
            .map_err(unwritable)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.migrate(version)?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn error(&self, e: rusqlite::Error) -> StoreError {
        StoreError::Io {
            path: self.path.clone(),
            reason: e.to_string(),
        }
    }

    /// Brings the schema up to [`SCHEMA_VERSION`], one step at a time, each step in a
    /// transaction with the version it reaches.
    fn migrate(&mut self, from: i64) -> Result<(), StoreError> {
        for (version, sql) in MIGRATIONS.iter().enumerate() {
            let version = version as i64 + 1;
            if version <= from {
                continue;
            }
            let path = self.path.clone();
            let io = |e: rusqlite::Error| StoreError::Io {
                path: path.clone(),
                reason: e.to_string(),
            };
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(io)?;
            // Another posdesk may have migrated meanwhile.
            let now: i64 = tx
                .query_row("PRAGMA user_version", [], |row| row.get(0))
                .map_err(io)?;
            if now < version {
                tx.execute_batch(sql).map_err(io)?;
                tx.pragma_update(None, "user_version", version)
                    .map_err(io)?;
            }
            tx.commit().map_err(io)?;
        }
        Ok(())
    }

    /// Opens a case with what was on screen; returns its number.
    pub fn new_case(&self, new: &NewCase) -> Result<i64, StoreError> {
        let triage = new
            .triage
            .as_ref()
            .and_then(|path| serde_json::to_string(path).ok());
        let at = now();
        self.conn
            .execute(
                "INSERT INTO cases (opened_at, opened_ms, updated_at, pack, pack_version, symptom, code, triage, working_cause, outcome)
                 VALUES (?1, ?2, ?1, ?3, ?4, ?5, ?6, ?7, ?8, 'open')",
                params![
                    at,
                    now_ms(),
                    new.pack,
                    new.pack_version,
                    new.symptom,
                    new.code,
                    triage,
                    new.cause
                ],
            )
            .map_err(|e| self.error(e))?;
        let id = self.conn.last_insert_rowid();
        self.reindex(id)?;
        Ok(id)
    }

    /// Sets the shop or terminal reference (masked).
    pub fn set_field(&self, id: i64, field: Field, text: &str) -> Result<Saved, StoreError> {
        let (text, saved) = checked(text)?;
        let column = match field {
            Field::Shop => "shop",
            Field::Terminal => "terminal",
        };
        // The field and the search text are written together.
        let tx = self
            .conn
            .unchecked_transaction()
            .map_err(|e| self.error(e))?;
        let changed = self
            .conn
            .execute(
                &format!("UPDATE cases SET {column} = ?1, updated_at = ?2 WHERE id = ?3"),
                params![text, now(), id],
            )
            .map_err(|e| self.error(e))?;
        if changed == 0 {
            return Err(StoreError::NoSuchCase(id));
        }
        self.reindex(id)?;
        tx.commit().map_err(|e| self.error(e))?;
        Ok(saved)
    }

    /// Adds a note (masked; refused if it looks like a CVV or PIN).
    pub fn add_note(&self, id: i64, text: &str) -> Result<Saved, StoreError> {
        let (text, saved) = checked(text)?;
        self.exists(id)?;
        let at = now();
        // One transaction: the note and the case's search text are written together.
        let tx = self
            .conn
            .unchecked_transaction()
            .map_err(|e| self.error(e))?;
        tx.execute(
            "INSERT INTO notes (case_id, at, text) VALUES (?1, ?2, ?3)",
            params![id, at, text],
        )
        .map_err(|e| self.error(e))?;
        // The note's words join the search text; the rest of it stays as it is.
        tx.execute(
            "UPDATE cases SET updated_at = ?1, search = search || ' ' || ?2 WHERE id = ?3",
            params![at, searchable(&text), id],
        )
        .map_err(|e| self.error(e))?;
        tx.commit().map_err(|e| self.error(e))?;
        Ok(saved)
    }

    /// Ticks a step, or unticks it; returns whether it is ticked now.
    pub fn toggle_step(&self, id: i64, solution: &str, step: usize) -> Result<bool, StoreError> {
        self.exists(id)?;
        let step = i64::try_from(step).unwrap_or(i64::MAX);
        let tx = self
            .conn
            .unchecked_transaction()
            .map_err(|e| self.error(e))?;
        let removed = self
            .conn
            .execute(
                "DELETE FROM ticks WHERE case_id = ?1 AND solution = ?2 AND step = ?3",
                params![id, solution, step],
            )
            .map_err(|e| self.error(e))?;
        let at = now();
        if removed == 0 {
            self.conn
                .execute(
                    "INSERT INTO ticks (case_id, solution, step, at) VALUES (?1, ?2, ?3, ?4)",
                    params![id, solution, step, at],
                )
                .map_err(|e| self.error(e))?;
        }
        self.touch(id, &at)?;
        tx.commit().map_err(|e| self.error(e))?;
        Ok(removed == 0)
    }

    /// Records how the case ended (or reopens it).
    pub fn set_outcome(&self, id: i64, outcome: &Outcome) -> Result<(), StoreError> {
        let at = now();
        let (state, cause, to) = match outcome {
            Outcome::Open => ("open", None, None),
            Outcome::Resolved { cause } => ("resolved", Some(cause.as_str()), None),
            Outcome::Escalated { to } => ("escalated", None, Some(to.as_str())),
        };
        let closed = (state != "open").then_some(at.as_str());
        let changed = self
            .conn
            .execute(
                "UPDATE cases SET outcome = ?1, cause = ?2, escalated_to = ?3, closed_at = ?4, updated_at = ?5 WHERE id = ?6",
                params![state, cause, to, closed, at, id],
            )
            .map_err(|e| self.error(e))?;
        if changed == 0 {
            return Err(StoreError::NoSuchCase(id));
        }
        Ok(())
    }

    fn exists(&self, id: i64) -> Result<(), StoreError> {
        let found: Option<i64> = self
            .conn
            .query_row("SELECT id FROM cases WHERE id = ?1", [id], |row| row.get(0))
            .optional()
            .map_err(|e| self.error(e))?;
        found.map(|_| ()).ok_or(StoreError::NoSuchCase(id))
    }

    fn touch(&self, id: i64, at: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE cases SET updated_at = ?1 WHERE id = ?2",
                params![at, id],
            )
            .map_err(|e| self.error(e))?;
        Ok(())
    }

    /// Keeps the case's search text (its words, their pinyin and initials) current.
    fn reindex(&self, id: i64) -> Result<(), StoreError> {
        let Some(case) = self.case(id)? else {
            return Ok(());
        };
        let mut words = vec![case.shop.clone(), case.terminal.clone()];
        words.extend(case.symptom.clone());
        words.extend(case.code.clone());
        words.extend(case.notes.iter().map(|n| n.text.clone()));
        self.conn
            .execute(
                "UPDATE cases SET search = ?1 WHERE id = ?2",
                params![searchable(&words.join(" ")), id],
            )
            .map_err(|e| self.error(e))?;
        Ok(())
    }

    /// One case with its notes and ticks.
    pub fn case(&self, id: i64) -> Result<Option<Case>, StoreError> {
        let found = self
            .conn
            .query_row(
                &format!("SELECT {CASE_COLUMNS} FROM cases WHERE id = ?1"),
                [id],
                case_row,
            )
            .optional()
            .map_err(|e| self.error(e))?;
        let Some(mut case) = found else {
            return Ok(None);
        };
        self.fill(&mut case)?;
        Ok(Some(case))
    }

    fn fill(&self, case: &mut Case) -> Result<(), StoreError> {
        let mut notes = self
            .conn
            .prepare_cached("SELECT at, text FROM notes WHERE case_id = ?1 ORDER BY id")
            .map_err(|e| self.error(e))?;
        case.notes = notes
            .query_map([case.id], |row| {
                Ok(Note {
                    at: row.get(0)?,
                    text: row.get(1)?,
                })
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.error(e))?;
        let mut ticks = self
            .conn
            .prepare_cached(
                "SELECT solution, step, at FROM ticks WHERE case_id = ?1 ORDER BY solution, step",
            )
            .map_err(|e| self.error(e))?;
        case.ticks = ticks
            .query_map([case.id], |row| {
                Ok(Tick {
                    solution: row.get(0)?,
                    step: usize::try_from(row.get::<_, i64>(1)?).unwrap_or(0),
                    at: row.get(2)?,
                })
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.error(e))?;
        Ok(())
    }

    /// Cases newest first: all, or those opened since a time (Unix milliseconds), or
    /// those whose words, pinyin or initials contain `query`; at most `limit`.
    pub fn cases(
        &self,
        since_ms: Option<i64>,
        query: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Case>, StoreError> {
        let pattern = query
            .map(|q| q.trim().to_lowercase())
            .filter(|q| !q.is_empty())
            .map(|q| format!("%{}%", q.replace(['%', '_', '\\'], "")));
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut statement = self
            .conn
            .prepare_cached(&format!(
                "SELECT {CASE_COLUMNS} FROM cases
                 WHERE (?1 IS NULL OR opened_ms >= ?1) AND (?2 IS NULL OR search LIKE ?2)
                 ORDER BY id DESC LIMIT ?3"
            ))
            .map_err(|e| self.error(e))?;
        let mut cases: Vec<Case> = statement
            .query_map(params![since_ms, pattern, limit], case_row)
            .and_then(Iterator::collect)
            .map_err(|e| self.error(e))?;
        for case in &mut cases {
            self.fill(case)?;
        }
        Ok(cases)
    }

    /// Deletes cases opened more than `days` days ago; returns how many.
    pub fn purge_older_than(&self, days: u32) -> Result<usize, StoreError> {
        let cutoff = now_ms() - i64::from(days) * 86_400_000;
        self.conn
            .execute("DELETE FROM cases WHERE opened_ms < ?1", [cutoff])
            .map_err(|e| self.error(e))
    }

    /// How often each cause solved each symptom's cases.
    pub fn outcome_counts(&self) -> Result<Vec<OutcomeCount>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT c.symptom, c.cause, count(*),
                        (SELECT count(*) FROM cases d WHERE d.symptom = c.symptom AND d.outcome != 'open')
                 FROM cases c
                 WHERE c.outcome = 'resolved' AND c.symptom IS NOT NULL AND c.cause IS NOT NULL
                 GROUP BY c.symptom, c.cause
                 ORDER BY c.symptom, count(*) DESC, c.cause",
            )
            .map_err(|e| self.error(e))?;
        let counts = statement
            .query_map([], |row| {
                Ok(OutcomeCount {
                    symptom: row.get(0)?,
                    cause: row.get(1)?,
                    solved: u64::try_from(row.get::<_, i64>(2)?).unwrap_or(0),
                    closed: u64::try_from(row.get::<_, i64>(3)?).unwrap_or(0),
                })
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.error(e))?;
        Ok(counts)
    }
}

/// Masks card numbers; refuses secrets. Control, bidi and zero-width characters become
/// spaces: they would garble a terminal or a spreadsheet that shows the case later.
fn checked(text: &str) -> Result<(String, Saved), StoreError> {
    if let Some(word) = secret_in(text) {
        return Err(StoreError::Secret { word });
    }
    let clean: String = text
        .chars()
        .map(|c| {
            if crate::safe_text::is_unsafe(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let masked = mask_card_numbers(clean.trim());
    Ok((
        masked.text,
        Saved {
            masked: masked.masked,
        },
    ))
}

/// What a text is found by: its words lower-cased, their full pinyin and initials.
fn searchable(text: &str) -> String {
    format!("{} {}", text.to_lowercase(), spelled(text))
}

/// Full pinyin and initials of the Chinese characters of a text, for searching.
fn spelled(text: &str) -> String {
    use pinyin::ToPinyin;
    let mut full = String::new();
    let mut initials = String::new();
    for c in text.chars() {
        if let Some(reading) = c.to_pinyin() {
            full.push_str(reading.plain());
            initials.push_str(reading.plain().get(..1).unwrap_or(""));
        } else if !c.is_alphanumeric() {
            full.push(' ');
            initials.push(' ');
        }
    }
    format!("{full} {initials}")
}

const CASE_COLUMNS: &str = "id, opened_at, updated_at, pack, pack_version, symptom, code, triage, shop, terminal, outcome, cause, escalated_to, closed_at, working_cause"; // not UI: SQL columns

fn case_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Case> {
    let triage: Option<String> = row.get(7)?;
    let state: String = row.get(10)?;
    let cause: Option<String> = row.get(11)?;
    let to: Option<String> = row.get(12)?;
    let outcome = match (state.as_str(), cause, to) {
        ("resolved", Some(cause), _) => Outcome::Resolved { cause },
        ("escalated", _, Some(to)) => Outcome::Escalated { to },
        _ => Outcome::Open,
    };
    Ok(Case {
        id: row.get(0)?,
        opened_at: row.get(1)?,
        updated_at: row.get(2)?,
        pack: row.get(3)?,
        pack_version: row.get(4)?,
        symptom: row.get(5)?,
        code: row.get(6)?,
        triage: triage.and_then(|t| serde_json::from_str(&t).ok()),
        shop: row.get(8)?,
        terminal: row.get(9)?,
        outcome,
        closed_at: row.get(13)?,
        working_cause: row.get(14)?,
        notes: Vec::new(),
        ticks: Vec::new(),
    })
}

/// The schema, one step per version.
const MIGRATIONS: [&str; 2] = [
    "
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    opened_at TEXT NOT NULL,
    opened_ms INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    pack TEXT NOT NULL DEFAULT '',
    pack_version TEXT NOT NULL DEFAULT '',
    symptom TEXT,
    code TEXT,
    triage TEXT,
    working_cause TEXT,
    shop TEXT NOT NULL DEFAULT '',
    terminal TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'resolved', 'escalated')),
    cause TEXT,
    escalated_to TEXT,
    closed_at TEXT,
    search TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cases_opened ON cases (opened_ms);
CREATE INDEX cases_symptom ON cases (symptom, outcome);
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX notes_case ON notes (case_id);
CREATE TABLE ticks (
    case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    solution TEXT NOT NULL,
    step INTEGER NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (case_id, solution, step)
);
",
    "
CREATE TABLE trainees (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    rounds INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE TABLE quiz_progress (
    trainee_id INTEGER NOT NULL REFERENCES trainees (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    kind TEXT NOT NULL,
    area TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    box INTEGER NOT NULL CHECK (box BETWEEN 1 AND 5),
    last_round INTEGER NOT NULL,
    right INTEGER NOT NULL DEFAULT 0,
    wrong INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (trainee_id, key)
);
CREATE TABLE quiz_answers (
    id INTEGER PRIMARY KEY,
    trainee_id INTEGER NOT NULL REFERENCES trainees (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    round INTEGER NOT NULL,
    key TEXT NOT NULL,
    kind TEXT NOT NULL,
    area TEXT NOT NULL,
    right INTEGER NOT NULL
);
CREATE INDEX quiz_answers_trainee ON quiz_answers (trainee_id, kind);
",
];
