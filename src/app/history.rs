//! Back and forward, like a browser's, over small descriptions of where the user was.

use super::screens::Place;

/// Where the user is: the active screen, the query and every screen's place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub active: usize,
    pub query: String,
    pub places: Vec<Place>,
}

/// How many steps back are kept.
const LIMIT: usize = 200;

#[derive(Debug, Default)]
pub struct History {
    back: Vec<Snapshot>,
    forward: Vec<Snapshot>,
}

impl History {
    /// Remembers `here` before a step; a new step forgets the way forward.
    pub fn push(&mut self, here: Snapshot) {
        if self.back.last() != Some(&here) {
            self.back.push(here);
            if self.back.len() > LIMIT {
                self.back.remove(0);
            }
        }
        self.forward.clear();
    }

    /// The step before, trading it for `here`.
    pub fn back(&mut self, here: Snapshot) -> Option<Snapshot> {
        let previous = self.back.pop()?;
        self.forward.push(here);
        Some(previous)
    }

    pub fn forward(&mut self, here: Snapshot) -> Option<Snapshot> {
        let next = self.forward.pop()?;
        self.back.push(here);
        Some(next)
    }

    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }
}
