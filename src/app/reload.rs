//! Hot reload of `--content DIR`: the files are read and checked again as a whole; a good
//! pack replaces the old one with every screen keeping its place (selections are ids), a
//! broken one leaves the old pack in use and lists its problems until they are fixed.

use super::action::Outcome;
use super::overlays::Problems;
use super::App;

/// The problems overlay's keymap layer.
const PROBLEMS: &str = "problems";

impl App {
    /// Reads the content directory again (nothing happens for the built-in pack).
    pub fn reload_content(&mut self) -> Outcome {
        let Some(dir) = self.desk.content_dir().map(std::path::Path::to_path_buf) else {
            return Outcome::nothing();
        };
        self.overlays.retain(|o| o.key() != PROBLEMS);
        match crate::load::load(Some(&dir)) {
            Ok(pack) => {
                let items = pack.len();
                let desk = self.desk.with_pack(pack);
                self.replace_desk(desk);
                self.content_problems = 0;
                self.status = Some(crate::t!("app.status.reloaded", items = items));
            }
            Err(diagnostics) => {
                self.overlays.push(Box::new(Problems::new(&diagnostics)));
                self.content_problems = diagnostics.len();
                self.status = Some(crate::t!("app.status.reload_failed", n = diagnostics.len()));
            }
        }
        Outcome::redraw()
    }

    /// How many problems the content had at the last reload (0: it loaded).
    pub fn content_problems(&self) -> usize {
        self.content_problems
    }

    /// Whether the list of the content's problems is open.
    pub fn problems_open(&self) -> bool {
        self.overlays.iter().any(|o| o.key() == PROBLEMS)
    }
}
