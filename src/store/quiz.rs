//! Quiz progress per trainee, in the case log's file: the Leitner box of every question
//! a trainee has answered, and each answer with its time, one synced transaction each.

use super::{now, Store, StoreError};
use crate::quiz::leitner::Progress;
use crate::quiz::QuizQuestion;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use std::collections::HashMap;

/// The longest trainee name kept.
pub const TRAINEE_NAME_CHARS: usize = 40;

/// One question a trainee has answered, with its box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionProgress {
    pub key: String,
    pub kind: String,
    pub area: String,
    /// The area's title when the question was answered (the pack may have changed since).
    pub title: String,
    #[serde(flatten)]
    pub progress: Progress,
}

/// Everything kept of one trainee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TraineeProgress {
    pub name: String,
    pub rounds: u32,
    pub questions: Vec<QuestionProgress>,
}

/// A name as it is kept: trimmed, and refused when empty, too long or with control
/// characters (it is printed in reports and on screen).
fn trainee_name(name: &str) -> Result<&str, StoreError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::BadName(
            crate::t!("store.name.empty").to_string(),
        ));
    }
    if name.chars().count() > TRAINEE_NAME_CHARS {
        return Err(StoreError::BadName(crate::t!(
            "store.name.too_long",
            max = TRAINEE_NAME_CHARS
        )));
    }
    if name
        .chars()
        .any(|c| c.is_control() || crate::safe_text::is_unsafe(c))
    {
        return Err(StoreError::BadName(
            crate::t!("store.name.control").to_string(),
        ));
    }
    Ok(name)
}

impl Store {
    /// A transaction that takes the write lock at once: two posdesk answering at the same
    /// time wait for each other (busy timeout) instead of failing on the upgrade.
    fn write_transaction(&self) -> Result<rusqlite::Transaction<'_>, StoreError> {
        rusqlite::Transaction::new_unchecked(&self.conn, rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| self.error(e))
    }

    /// Starts a new round for a trainee (added on first use); returns its number, from 1.
    /// A round counts once an answer is kept in it: one left at once is asked again.
    pub fn start_round(&self, trainee: &str) -> Result<u32, StoreError> {
        let name = trainee_name(trainee)?;
        let tx = self.write_transaction()?;
        tx.execute(
            "INSERT INTO trainees (name, rounds, created_at) VALUES (?1, 0, ?2)
             ON CONFLICT (name) DO NOTHING",
            params![name, now()],
        )
        .map_err(|e| self.error(e))?;
        let rounds: u32 = tx
            .query_row(
                "SELECT rounds FROM trainees WHERE name = ?1",
                params![name],
                |row| row.get(0),
            )
            .map_err(|e| self.error(e))?;
        tx.commit().map_err(|e| self.error(e))?;
        Ok(rounds.saturating_add(1))
    }

    /// Keeps an answer: the question's new box and the answer itself, together. A question
    /// asked again in the same round after a miss (`first_in_round` false) keeps its box.
    pub fn record_answer(
        &self,
        trainee: &str,
        round: u32,
        question: &QuizQuestion,
        right: bool,
        first_in_round: bool,
    ) -> Result<Progress, StoreError> {
        let name = trainee_name(trainee)?;
        let tx = self.write_transaction()?;
        let id: i64 = tx
            .query_row(
                "SELECT id FROM trainees WHERE name = ?1",
                params![name],
                |row| row.get(0),
            )
            .optional()
            .map_err(|e| self.error(e))?
            .ok_or_else(|| StoreError::BadName(crate::t!("store.name.not_started", name = name)))?;
        let previous = tx
            .query_row(
                "SELECT box, last_round, right, wrong FROM quiz_progress
                 WHERE trainee_id = ?1 AND key = ?2",
                params![id, question.key],
                progress_row,
            )
            .optional()
            .map_err(|e| self.error(e))?;
        let progress = Progress::after(previous, right, round, first_in_round);
        tx.execute(
            "INSERT INTO quiz_progress (trainee_id, key, kind, area, title, box, last_round, right, wrong)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (trainee_id, key) DO UPDATE SET kind = ?3, area = ?4, title = ?5,
                 box = ?6, last_round = ?7, right = ?8, wrong = ?9",
            params![
                id,
                question.key,
                question.kind.key(),
                question.area,
                question.area_title,
                progress.box_number,
                progress.last_round,
                progress.right,
                progress.wrong
            ],
        )
        .map_err(|e| self.error(e))?;
        tx.execute(
            "UPDATE trainees SET rounds = max(rounds, ?2) WHERE id = ?1",
            params![id, round],
        )
        .map_err(|e| self.error(e))?;
        tx.execute(
            "INSERT INTO quiz_answers (trainee_id, at, round, key, kind, area, right)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                id,
                now(),
                round,
                question.key,
                question.kind.key(),
                question.area,
                right
            ],
        )
        .map_err(|e| self.error(e))?;
        tx.commit().map_err(|e| self.error(e))?;
        Ok(progress)
    }

    /// A trainee's boxes by question key (empty for a new trainee), to plan a round.
    pub fn quiz_progress(&self, trainee: &str) -> Result<HashMap<String, Progress>, StoreError> {
        Ok(self
            .trainee(trainee)?
            .map(|t| {
                t.questions
                    .into_iter()
                    .map(|q| (q.key, q.progress))
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Deletes a trainee with every box and answer kept (overwritten in the file, as the
    /// store deletes); false when there was no such trainee.
    pub fn forget_trainee(&self, trainee: &str) -> Result<bool, StoreError> {
        let name = trainee_name(trainee)?;
        let tx = self.write_transaction()?;
        let id: Option<i64> = tx
            .query_row(
                "SELECT id FROM trainees WHERE name = ?1",
                params![name],
                |row| row.get(0),
            )
            .optional()
            .map_err(|e| self.error(e))?;
        let Some(id) = id else {
            return Ok(false);
        };
        for sql in [
            "DELETE FROM quiz_answers WHERE trainee_id = ?1",
            "DELETE FROM quiz_progress WHERE trainee_id = ?1",
            "DELETE FROM trainees WHERE id = ?1",
        ] {
            tx.execute(sql, params![id]).map_err(|e| self.error(e))?;
        }
        tx.commit().map_err(|e| self.error(e))?;
        Ok(true)
    }

    /// Every trainee's name, in the order they started.
    pub fn trainees(&self) -> Result<Vec<String>, StoreError> {
        let mut statement = self
            .conn
            .prepare("SELECT name FROM trainees ORDER BY id")
            .map_err(|e| self.error(e))?;
        let names = statement
            .query_map([], |row| row.get(0))
            .map_err(|e| self.error(e))?
            .collect::<Result<Vec<String>, _>>()
            .map_err(|e| self.error(e))?;
        Ok(names)
    }

    /// One trainee's progress, or none for a name never seen.
    pub fn trainee(&self, trainee: &str) -> Result<Option<TraineeProgress>, StoreError> {
        let name = trainee_name(trainee)?;
        let Some((id, rounds)) = self
            .conn
            .query_row(
                "SELECT id, rounds FROM trainees WHERE name = ?1",
                params![name],
                |row| Ok((row.get::<_, i64>(0)?, row.get::<_, u32>(1)?)),
            )
            .optional()
            .map_err(|e| self.error(e))?
        else {
            return Ok(None);
        };
        let mut statement = self
            .conn
            .prepare(
                "SELECT box, last_round, right, wrong, key, kind, area, title FROM quiz_progress
                 WHERE trainee_id = ?1 ORDER BY key",
            )
            .map_err(|e| self.error(e))?;
        let questions = statement
            .query_map(params![id], |row| {
                Ok(QuestionProgress {
                    progress: progress_row(row)?,
                    key: row.get(4)?,
                    kind: row.get(5)?,
                    area: row.get(6)?,
                    title: row.get(7)?,
                })
            })
            .map_err(|e| self.error(e))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.error(e))?;
        Ok(Some(TraineeProgress {
            name: name.to_string(),
            rounds,
            questions,
        }))
    }
}

fn progress_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Progress> {
    Ok(Progress {
        box_number: row.get(0)?,
        last_round: row.get(1)?,
        right: row.get(2)?,
        wrong: row.get(3)?,
    })
}
