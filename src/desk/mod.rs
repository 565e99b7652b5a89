//! The services the app uses, with no terminal in sight: the pack and its search index,
//! shared and swappable (a reload replaces the [`Desk`], screens keep ids, not rows), and
//! the ranking of causes.

mod cases;
pub mod rank;

pub use cases::{CaseLog, Solved};
pub use rank::causes_for;

use crate::model::{Cause, Item, Pack};
use crate::quiz::QuizSettings;
use crate::search::{Hit, SearchIndex, Typing};
use std::sync::{Arc, OnceLock};

/// A loaded pack and its index. Cloning is cheap: both are shared.
///
/// The index is built on first use, not with the desk: the first screen needs none, and a
/// large pack's index takes longer to build than the pack to load. The app builds it on
/// another thread while the first screen is shown ([`Desk::prepare`]).
#[derive(Clone)]
pub struct Desk {
    pack: Arc<Pack>,
    index: Arc<OnceLock<SearchIndex>>,
    cases: Arc<CaseLog>,
    quiz: Arc<QuizSettings>,
    /// The directory the pack was read from, when it was not the built-in one: the one a
    /// reload reads again.
    content_dir: Option<Arc<std::path::Path>>,
    /// Counts the packs this desk has had: a screen that keeps something made from the pack
    /// compares it to know that a reload happened.
    generation: u64,
}

impl Desk {
    pub fn new(pack: Pack) -> Desk {
        Desk {
            pack: Arc::new(pack),
            index: Arc::default(),
            cases: Arc::new(CaseLog::new(None)),
            quiz: Arc::default(),
            content_dir: None,
            generation: 0,
        }
    }

    /// The same desk, keeping its case log in `dir`.
    pub fn with_case_log(self, dir: Option<std::path::PathBuf>) -> Desk {
        Desk {
            cases: Arc::new(CaseLog::new(dir)),
            ..self
        }
    }

    /// The same desk with a trainer's quiz settings.
    pub fn with_quiz(self, settings: QuizSettings) -> Desk {
        Desk {
            quiz: Arc::new(settings),
            ..self
        }
    }

    /// A desk over another pack (a reload), keeping the case log and the quiz settings.
    pub fn with_pack(&self, pack: Pack) -> Desk {
        Desk {
            pack: Arc::new(pack),
            index: Arc::default(),
            cases: Arc::clone(&self.cases),
            quiz: Arc::clone(&self.quiz),
            content_dir: self.content_dir.clone(),
            generation: self.generation + 1,
        }
    }

    /// The same desk, read from `dir` (and reloaded from it).
    pub fn with_content_dir(self, dir: Option<&std::path::Path>) -> Desk {
        Desk {
            content_dir: dir.map(Arc::from),
            ..self
        }
    }

    /// Which pack this is: 0 for the first, one more after each reload.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn content_dir(&self) -> Option<&std::path::Path> {
        self.content_dir.as_deref()
    }

    pub fn quiz(&self) -> &QuizSettings {
        &self.quiz
    }

    pub fn cases(&self) -> &CaseLog {
        &self.cases
    }

    /// The causes to show for an item, most likely first: the pack's order, with the causes
    /// that solved this symptom most often here first (when that ranking is on).
    pub fn ranked_causes<'a>(&'a self, item: Item<'a>) -> Vec<&'a Cause> {
        let mut causes = causes_for(&self.pack, item);
        if let Item::Symptom(symptom) = item {
            // A stable sort: causes with no outcomes keep the pack's order.
            causes.sort_by_key(|cause| {
                std::cmp::Reverse(
                    self.cases
                        .solved(&symptom.id, &cause.id)
                        .map_or(0, |s| s.solved),
                )
            });
        }
        causes
    }

    pub fn pack(&self) -> &Pack {
        &self.pack
    }

    /// The search index, built now if it is not yet (a search made meanwhile waits).
    fn index(&self) -> &SearchIndex {
        self.index
            .get_or_init(|| SearchIndex::new(Arc::clone(&self.pack)))
    }

    /// Builds the search index if it is not built yet, so that the first search does not wait.
    pub fn prepare(&self) {
        self.index();
    }

    /// Whether the search index is built.
    pub fn is_prepared(&self) -> bool {
        self.index.get().is_some()
    }

    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.index().search(query, limit)
    }

    /// Search from a search box: `typing` carries what the previous query left in play.
    pub fn search_typed(&self, query: &str, limit: usize, typing: &mut Typing) -> Vec<Hit> {
        self.index().search_typed(query, limit, typing)
    }

    /// The nearest items for a query that found nothing ("did you mean").
    pub fn suggest(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.index().suggest(query, limit)
    }
}
