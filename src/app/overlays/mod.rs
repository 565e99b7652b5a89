//! Layers drawn over the screens that see input first: the help, and the problems of
//! content that failed to reload. The top layer answers whether it took the input.

mod help;
mod problems;

pub use help::Help;
pub use problems::Problems;

use super::action::Action;
use super::keymap::Keymap;
use super::screens::Hint;
use super::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// What an overlay did with an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layered {
    /// Taken; the overlay stays.
    Consumed,
    /// Taken, and the overlay closes.
    Close,
    /// The overlay closes and the input goes on to the screen below.
    CloseAndPass,
    /// Not for this overlay; it stays and the input goes on.
    Ignored,
}

/// What an overlay sees while it draws or settles.
pub struct OverlayCx<'a> {
    pub theme: &'a Theme,
    pub keymap: &'a Keymap,
    /// Each keymap layer with the title the help shows for it.
    pub layers: &'a [(String, String)],
}

pub trait Overlay {
    /// The keymap layer asked before the screen's and the global one.
    fn key(&self) -> &'static str;
    fn handle(&mut self, action: Action) -> Layered;
    fn text(&mut self, text: &str) -> Layered;
    fn click(&mut self) -> Layered;
    fn scroll(&mut self, delta: isize) -> Layered;
    /// Keeps the scroll position valid for the body area.
    fn settle(&mut self, body: Rect, cx: &OverlayCx<'_>);
    fn draw(&self, buffer: &mut Buffer, body: Rect, cx: &OverlayCx<'_>);
    fn hints(&self) -> Vec<Hint>;
}
