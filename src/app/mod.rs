//! The full-screen help desk: a thin terminal layer over the core. Input becomes actions
//! (through the keymap), screens and overlays handle them, effects go out through the
//! runtime, and drawing reads the state. The same loop ([`runtime::run`]) drives the real
//! terminal ([`live`]) and the off-screen one ([`render_screen`], `posdesk render`).

pub mod action;
mod chrome;
pub mod clipboard;
mod dispatch;
mod draw;
mod history;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod live;
pub mod overlays;
pub mod projector;
mod reload;
mod render;
pub mod runtime;
pub mod screens;
pub mod theme;
mod watch;
pub mod widgets;

use history::History;
use keymap::{Keymap, GLOBAL};
use layout::{layout, Areas, Panel};
use overlays::{Help, Overlay, OverlayCx};
use ratatui::layout::Rect;
use screens::{Cx, Screen};
use theme::Theme;

use crate::desk::Desk;

/// The largest off-screen terminal `render` draws.
pub const MAX_RENDER_SIZE: u16 = 1000;
/// The longest query, in characters: a longer paste is cut, with a notice.
pub const QUERY_LIMIT: usize = 200;

/// The app: its screens, overlays, query, history and the effects it asks for.
pub struct App {
    desk: Desk,
    keymap: Keymap,
    theme: Theme,
    screens: Vec<Box<dyn Screen>>,
    active: usize,
    overlays: Vec<Box<dyn Overlay>>,
    history: History,
    query: String,
    /// The query changed since it was last searched.
    query_pending: bool,
    size: Rect,
    /// A message for the status bar, until the next input.
    status: Option<String>,
    mouse_captured: bool,
    quit: bool,
    /// Projector mode: the theme to go back to when it is switched off.
    projector: Option<Theme>,
    /// Problems of the content at the last reload; the old pack is in use meanwhile.
    content_problems: usize,
    /// Each keymap layer and its title in the help.
    layers: Vec<(String, String)>,
}

/// Keymap layers besides `global`: every screen's and every overlay's.
pub fn keymap_layers() -> Vec<&'static str> {
    let mut layers: Vec<&'static str> = screens::all().iter().map(|s| s.key()).collect();
    layers.push(Help::default().key());
    layers.push(overlays::Problems::default().key());
    layers
}

impl App {
    /// The app over a desk, with the embedded keymap.
    pub fn new(desk: Desk, theme: Theme) -> App {
        let keymap = Keymap::embedded(&keymap_layers());
        App::with_keymap(desk, keymap, theme)
    }

    pub fn with_keymap(desk: Desk, keymap: Keymap, theme: Theme) -> App {
        let screens = screens::all();
        let mut layers = vec![(
            GLOBAL.to_string(),
            crate::t!("app.layer_global").to_string(),
        )];
        layers.extend(
            screens
                .iter()
                .map(|s| (s.key().to_string(), s.title().to_string())),
        );
        layers.push(("help".to_string(), crate::t!("app.layer_help").to_string()));
        App {
            desk,
            keymap,
            theme,
            screens,
            active: 0,
            overlays: Vec::new(),
            history: History::default(),
            query: String::new(),
            query_pending: false,
            size: Rect::default(),
            status: None,
            mouse_captured: true,
            quit: false,
            content_problems: 0,
            projector: None,
            layers,
        }
    }

    // ----- what tests, benches and the frontends read -----

    pub fn desk(&self) -> &Desk {
        &self.desk
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn help_open(&self) -> bool {
        self.overlays
            .iter()
            .any(|o| o.key() == Help::default().key())
    }

    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    pub fn mouse_captured(&self) -> bool {
        self.mouse_captured
    }

    /// Whether the app starts with the mouse (the live frontend captures it or not).
    pub fn set_mouse_captured(&mut self, captured: bool) {
        self.mouse_captured = captured;
    }

    /// The keymap layer name of the active screen: `troubleshoot`, `faq`, `codes`.
    pub fn screen_key(&self) -> &'static str {
        self.active_screen().map_or("", |s| s.key())
    }

    /// The panel with the focus on the active screen.
    pub fn focus(&self) -> Panel {
        self.active_screen().map_or(Panel::Left, |s| s.focus())
    }

    /// A screen by its type, to look at its state.
    pub fn screen<T: Screen>(&self) -> Option<&T> {
        self.screens
            .iter()
            .find_map(|s| s.as_any().downcast_ref::<T>())
    }

    /// Swaps in another pack (a reload): selections are ids, so each list keeps its place
    /// when the item is still there; a search runs again on the new index.
    pub fn replace_desk(&mut self, desk: Desk) {
        self.desk = desk;
        self.query_pending = !self.query.is_empty();
        self.settle();
    }

    /// Every key binding as a Markdown table (layer, keys, what it does), as the README
    /// shows it: made from the keymap, like the help.
    pub fn key_table(&self) -> String {
        let mut out = format!("{}\n|---|---|---|\n", crate::t!("app.key_table_header"));
        for (layer, title) in &self.layers {
            for binding in self.keymap.layer(layer) {
                let keys: Vec<String> = binding
                    .keys
                    .iter()
                    .map(|k| format!("`{}`", k.label()))
                    .collect();
                out.push_str(&format!(
                    "| {title} | {} | {} |\n",
                    keys.join(" "),
                    binding.desc.replace('|', "\\|")
                ));
            }
        }
        out
    }

    /// A message for the status bar, until the next input.
    pub fn say(&mut self, message: String) {
        self.status = Some(message);
    }

    /// Switches to a screen by its key (`quiz`); an unknown key changes nothing.
    pub fn show_screen(&mut self, key: &str) {
        if let Some(index) = self.screens.iter().position(|s| s.key() == key) {
            self.active = index;
            self.settle();
        }
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        self.settle();
    }

    pub fn size(&self) -> Rect {
        self.size
    }

    fn active_screen(&self) -> Option<&dyn Screen> {
        self.screens.get(self.active).map(|s| s.as_ref())
    }

    fn tab_labels(&self) -> Vec<String> {
        self.screens
            .iter()
            .map(|s| {
                format!(
                    " {} {} ",
                    self.keymap.hint(GLOBAL, s.show_action()),
                    s.title()
                )
            })
            .collect()
    }

    /// Where everything goes at the current size (the same for drawing and the mouse);
    /// in projector mode, at the size the app lays out at.
    pub fn areas(&self) -> Option<Areas> {
        self.areas_at(self.layout_size(self.size).0)
    }

    /// The size the app lays out at on a terminal of `size`, and the rows each of its rows
    /// takes there (projector mode spaces them out).
    fn layout_size(&self, size: Rect) -> (Rect, u16) {
        if self.projector.is_some() {
            projector::logical(size)
        } else {
            (size, 1)
        }
    }

    pub fn projector(&self) -> bool {
        self.projector.is_some()
    }

    /// Switches projector mode on (high contrast, one panel, large spacing) or off.
    pub fn toggle_projector(&mut self) {
        match self.projector.take() {
            Some(theme) => self.theme = theme,
            None => {
                let contrast = self.theme.high_contrast();
                self.projector = Some(std::mem::replace(&mut self.theme, contrast));
            }
        }
        self.settle();
    }

    fn areas_at(&self, size: Rect) -> Option<Areas> {
        let screen = self.active_screen()?;
        let mut panels = screen.panels(size.width);
        // On a projector only the panel in focus is shown, the whole width.
        if self.projector.is_some() {
            let focus = screen.focus();
            if panels.contains(&focus) {
                panels = vec![focus];
            } else {
                panels.truncate(1);
            }
        }
        let banner = self.banner_lines(size);
        let rows = widgets::detail::rows(&banner, size.width as usize).0.len();
        layout(
            size,
            &self.tab_labels(),
            screen.banner_rows(size, rows),
            &panels,
        )
    }

    /// The active screen's banner (the counter card) at a size, as it is drawn.
    pub(crate) fn banner_lines(&self, size: Rect) -> Vec<widgets::detail::DetailLine> {
        let cx = screens::DrawCx {
            desk: &self.desk,
            theme: &self.theme,
            keymap: &self.keymap,
            query: &self.query,
        };
        self.active_screen()
            .map(|s| {
                let room = usize::from(s.banner_rows(size, usize::MAX));
                s.banner(&cx, size.width as usize, room)
            })
            .unwrap_or_default()
    }

    /// Makes the state ready to draw: pending search run, selections valid, scroll
    /// positions fitted to the current size.
    pub fn settle(&mut self) {
        self.flush_query();
        // The outcome figures that rank causes: read here, so drawing only reads memory.
        self.desk.cases().load_counts();
        let areas = self.areas();
        let mut cx = Cx::new(&self.desk, &self.theme, &self.query, areas.as_ref());
        if let Some(screen) = self.screens.get_mut(self.active) {
            screen.settle(&mut cx);
        }
        if let Some(areas) = &areas {
            let ocx = OverlayCx {
                theme: &self.theme,
                keymap: &self.keymap,
                layers: &self.layers,
            };
            for overlay in &mut self.overlays {
                overlay.settle(areas.body, &ocx);
            }
        }
    }
}

pub use render::{buffer_text, render_app, render_buffer, render_desk, render_screen};
