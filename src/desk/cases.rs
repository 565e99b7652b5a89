//! The case log as a service of the desk: opened on first use (an app that never opens a
//! case never creates a file), shared by every screen, and the outcome figures it keeps
//! for ranking causes ("solved 12 of 20 here").

use crate::store::{OutcomeCount, Store, FILE_NAME};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

/// How often a cause solved a symptom's cases, and how many of its cases were closed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Solved {
    pub solved: u64,
    pub closed: u64,
}

pub struct CaseLog {
    /// The data directory; none when there is no place to keep cases.
    dir: Option<PathBuf>,
    store: Mutex<Option<Result<Store, String>>>,
    /// Outcomes by (symptom, cause), read once and after every outcome recorded.
    counts: Mutex<Option<HashMap<(String, String), Solved>>>,
    /// Whether outcomes re-rank the causes (the user can switch it off).
    ranking: AtomicBool,
}

impl CaseLog {
    pub fn new(dir: Option<PathBuf>) -> CaseLog {
        CaseLog {
            dir,
            store: Mutex::new(None),
            counts: Mutex::new(None),
            ranking: AtomicBool::new(true),
        }
    }

    /// Runs `f` with the store, opening it first if need be. The error names the file.
    pub fn with<R>(&self, f: impl FnOnce(&Store) -> R) -> Result<R, String> {
        let mut slot = self
            .store
            .lock()
            .map_err(|_| crate::t!("desk.unavailable").to_string())?;
        if slot.is_none() {
            let opened = match &self.dir {
                Some(dir) => Store::open_in(dir).map_err(|e| e.to_string()),
                None => Err(crate::t!("desk.no_data_dir").to_string()),
            };
            *slot = Some(opened);
        }
        match slot.as_ref() {
            Some(Ok(store)) => Ok(f(store)),
            Some(Err(message)) => Err(message.clone()),
            None => Err(crate::t!("desk.unavailable").to_string()),
        }
    }

    /// Reads the outcome figures if a case log exists (none is created for it); again
    /// after [`CaseLog::outcomes_changed`].
    pub fn load_counts(&self) {
        let Ok(mut counts) = self.counts.lock() else {
            return;
        };
        if counts.is_some() {
            return;
        }
        let exists = self
            .dir
            .as_ref()
            .is_some_and(|dir| dir.join(FILE_NAME).exists());
        let read: Vec<OutcomeCount> = if exists {
            self.with(|store| store.outcome_counts().unwrap_or_default())
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        *counts = Some(
            read.into_iter()
                .map(|c| {
                    (
                        (c.symptom, c.cause),
                        Solved {
                            solved: c.solved,
                            closed: c.closed,
                        },
                    )
                })
                .collect(),
        );
    }

    /// Forgets the figures, so they are read again.
    pub fn outcomes_changed(&self) {
        if let Ok(mut counts) = self.counts.lock() {
            *counts = None;
        }
        self.load_counts();
    }

    /// How often `cause` solved `symptom` here, when ranking by outcomes is on.
    pub fn solved(&self, symptom: &str, cause: &str) -> Option<Solved> {
        if !self.ranking() {
            return None;
        }
        let counts = self.counts.lock().ok()?;
        counts
            .as_ref()?
            .get(&(symptom.to_string(), cause.to_string()))
            .copied()
    }

    pub fn ranking(&self) -> bool {
        self.ranking.load(Ordering::Relaxed)
    }

    pub fn set_ranking(&self, on: bool) {
        self.ranking.store(on, Ordering::Relaxed);
    }
}
