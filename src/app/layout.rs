//! Where everything goes at a given terminal size. Drawing and mouse handling both ask
//! here, so a click always lands on what was drawn under it.

use super::widgets::text::width;
use ratatui::layout::{Position, Rect};

/// The panels of a screen, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Panel {
    #[default]
    Left,
    Middle,
    Right,
}

/// Below this size the app shows a "terminal too small" message instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// From these widths on, the main view shows three panels, and then two.
pub const THREE_PANELS: u16 = 110;
pub const TWO_PANELS: u16 = 70;

/// One panel on screen: its title row and the rows below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PanelSlot {
    pub panel: Panel,
    pub title: Rect,
    pub content: Rect,
}

impl PanelSlot {
    /// The content row under a point, counted from the top of the content.
    pub fn row_at(&self, at: Position) -> Option<usize> {
        self.content
            .contains(at)
            .then(|| usize::from(at.y - self.content.y))
    }

    fn contains(&self, at: Position) -> bool {
        self.title.contains(at) || self.content.contains(at)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Areas {
    /// Each screen's tab, by its place in the list of screens.
    pub tabs: Vec<(usize, Rect)>,
    pub tab_bar: Rect,
    pub query: Rect,
    /// Rows above the panels, the whole width: the counter card.
    pub banner: Rect,
    /// What the panels share, below the banner.
    pub body: Rect,
    pub panels: Vec<PanelSlot>,
    /// One-column gaps between panels.
    pub separators: Vec<Rect>,
    pub status: Rect,
}

impl Areas {
    pub fn tab_at(&self, at: Position) -> Option<usize> {
        self.tabs
            .iter()
            .find(|(_, area)| area.contains(at))
            .map(|(screen, _)| *screen)
    }

    pub fn panel_at(&self, at: Position) -> Option<PanelSlot> {
        self.panels.iter().find(|slot| slot.contains(at)).copied()
    }

    pub fn slot(&self, panel: Panel) -> Option<PanelSlot> {
        self.panels.iter().find(|slot| slot.panel == panel).copied()
    }
}

/// Relative widths of the panels shown.
fn shares(panels: &[Panel]) -> Vec<u32> {
    match panels.len() {
        3 => vec![27, 28, 45],
        2 if panels.first() == Some(&Panel::Left) && panels.get(1) == Some(&Panel::Right) => {
            vec![38, 62]
        }
        2 if panels.first() == Some(&Panel::Middle) => vec![40, 60],
        2 => vec![45, 55],
        _ => vec![100],
    }
}

/// Rows the lists keep below a banner, at the least.
const LIST_ROWS: u16 = 6;

/// Rows a banner has at a size, whatever it holds, so the lists below do not jump as the
/// selection moves from a short card to a long one: enough for a card (more where lines
/// wrap sooner) while the lists keep [`LIST_ROWS`] rows (a title and five entries). A
/// banner with nothing in it takes no rows.
pub fn banner_rows(size: Rect, rows: usize) -> u16 {
    if rows == 0 {
        return 0;
    }
    let card = if size.width >= THREE_PANELS { 7 } else { 11 };
    let below = size.height.saturating_sub(3);
    card.min(below.saturating_sub(LIST_ROWS))
}

/// The areas at a size, for a tab bar, a banner of `banner` rows and the panels a screen
/// shows, or `None` when the terminal is too small to be useful.
pub fn layout(
    size: Rect,
    tab_labels: &[String],
    banner: u16,
    panels_shown: &[Panel],
) -> Option<Areas> {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return None;
    }
    let row = |y: u16| Rect::new(size.x, size.y + y, size.width, 1);
    let tab_bar = row(0);
    let mut tabs = Vec::new();
    let mut x = size.x + 1;
    for (screen, label) in tab_labels.iter().enumerate() {
        let w = width(label) as u16;
        if x + w > size.right() {
            break;
        }
        tabs.push((screen, Rect::new(x, size.y, w, 1)));
        x += w + 1;
    }
    let banner = Rect::new(size.x, size.y + 2, size.width, banner);
    let body = Rect::new(
        size.x,
        banner.bottom(),
        size.width,
        size.height - 3 - banner.height,
    );
    let weights = shares(panels_shown);
    let gaps = panels_shown.len().saturating_sub(1) as u16;
    let room = u32::from(size.width - gaps);
    let total: u32 = weights.iter().sum();
    let mut panels = Vec::new();
    let mut separators = Vec::new();
    let mut x = size.x;
    for (index, (panel, weight)) in panels_shown.iter().zip(&weights).enumerate() {
        let last = index + 1 == panels_shown.len();
        let w = if last {
            size.right() - x
        } else {
            (room * weight / total.max(1)) as u16
        };
        let title = Rect::new(x, body.y, w, 1);
        let content = Rect::new(x, body.y + 1, w, body.height.saturating_sub(1));
        panels.push(PanelSlot {
            panel: *panel,
            title,
            content,
        });
        x += w;
        if !last {
            separators.push(Rect::new(x, body.y, 1, body.height));
            x += 1;
        }
    }
    Some(Areas {
        tabs,
        tab_bar,
        query: row(1),
        banner,
        body,
        panels,
        separators,
        status: row(size.height - 1),
    })
}
