//! posdesk: a help desk for failed card payments at Chinese POS terminals.
//!
//! The library is the core: the content model, loading and validation of content packs,
//! search, and plain-text and export formats. It knows nothing of terminals, so it can be
//! tested and benchmarked alone; the `posdesk` binary puts a command line on top.

pub mod advice;
#[cfg(feature = "tui")]
pub mod app;
pub mod card_data;
pub mod config;
pub mod desk;
pub mod diagnostic;
pub mod i18n;
pub mod load;
pub mod model;
pub mod quiz;
pub mod report;
pub mod safe_text;
pub mod safe_write;
pub mod search;
pub mod store;
pub mod text;
pub mod triage;

pub use diagnostic::{Diagnostic, Diagnostics};
pub use load::{load, load_dir, load_embedded, load_files, ContentFile};
pub use model::{Item, Kind, Pack};
