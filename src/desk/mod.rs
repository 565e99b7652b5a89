//! The services the app uses, with no terminal in sight: the pack and its search index,
//! shared and swappable (a reload replaces the [`Desk`], screens keep ids, not rows), and
//! the ranking of causes.

mod rank;

pub use rank::causes_for;

use crate::model::Pack;
use crate::search::{Hit, SearchIndex, Typing};
use std::sync::Arc;

/// A loaded pack and its index. Cloning is cheap: both are shared.
#[derive(Clone)]
pub struct Desk {
    pack: Arc<Pack>,
    index: Arc<SearchIndex>,
}

impl Desk {
    pub fn new(pack: Pack) -> Desk {
        let pack = Arc::new(pack);
        let index = SearchIndex::new(Arc::clone(&pack));
        Desk {
            pack,
            index: Arc::new(index),
        }
    }

    pub fn pack(&self) -> &Pack {
        &self.pack
    }

    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.index.search(query, limit)
    }

    /// Search from a search box: `typing` carries what the previous query left in play.
    pub fn search_typed(&self, query: &str, limit: usize, typing: &mut Typing) -> Vec<Hit> {
        self.index.search_typed(query, limit, typing)
    }

    /// The nearest items for a query that found nothing ("did you mean").
    pub fn suggest(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.index.suggest(query, limit)
    }
}
