//! The FAQ screen: the article's questions | the answer, with links to causes.

use super::{Cx, DrawCx, Handled, Hint, Place, Request, Screen};
use crate::app::action::Action;
use crate::app::layout::{Areas, Panel, PanelSlot, TWO_PANELS};
use crate::app::theme::Theme;
use crate::app::widgets::detail::{item_lines, DetailLine};
use crate::app::widgets::{draw_list, fit_list, panel_title};
use crate::desk::Desk;
use crate::model::{Faq as FaqItem, Item, Kind};
use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use ratatui::text::Line;
use std::any::Any;

#[derive(Default)]
pub struct Faq {
    place: Place,
}

impl Faq {
    fn ids(desk: &Desk) -> Vec<&str> {
        desk.pack().faqs.iter().map(|f| f.id.as_str()).collect()
    }

    fn selected<'d>(&self, desk: &'d Desk) -> Option<&'d FaqItem> {
        let ids = Self::ids(desk);
        desk.pack().faqs.get(self.place.left.resolve(&ids))
    }

    fn detail_lines(&self, desk: &Desk, theme: &Theme) -> Vec<DetailLine> {
        self.selected(desk)
            .map(|faq| item_lines(desk.pack(), Item::Faq(faq), theme))
            .unwrap_or_default()
    }

    fn move_selection(&mut self, panel: Panel, delta: isize, cx: &Cx<'_>) {
        match panel {
            Panel::Left => {
                let ids = Self::ids(cx.desk);
                self.place.left.move_by(delta, &ids);
                self.place.right = Default::default();
            }
            _ => {
                let len = self.detail_lines(cx.desk, cx.theme).len();
                self.place.right.move_by(delta, len);
            }
        }
    }
}

impl Screen for Faq {
    fn key(&self) -> &'static str {
        "faq"
    }

    fn title(&self) -> &'static str {
        crate::t!("screen.faq.title")
    }

    fn show_action(&self) -> Action {
        Action::ShowFaq
    }

    fn shows(&self, kind: Kind) -> bool {
        kind == Kind::Faq
    }

    fn show(&mut self, id: &str, cx: &mut Cx<'_>) {
        let ids = Self::ids(cx.desk);
        let row = ids.iter().position(|i| *i == id).unwrap_or(0);
        self.place.left = Default::default();
        self.place.left.select(row, &ids);
        self.place.right = Default::default();
        self.place.focus = Panel::Right;
    }

    fn handle(&mut self, action: Action, cx: &mut Cx<'_>) -> Handled {
        let focus = self.place.focus;
        let page = cx
            .areas
            .map_or(10, |a| a.body.height as usize)
            .saturating_sub(2)
            .max(1) as isize;
        match action {
            Action::SelectPrev => self.move_selection(focus, -1, cx),
            Action::SelectNext => self.move_selection(focus, 1, cx),
            Action::PageUp => self.move_selection(focus, -page, cx),
            Action::PageDown => self.move_selection(focus, page, cx),
            Action::SelectFirst => self.move_selection(focus, isize::MIN / 2, cx),
            Action::SelectLast => self.move_selection(focus, isize::MAX / 2, cx),
            Action::NextPanel | Action::PrevPanel => {
                self.place.focus = match focus {
                    Panel::Left => Panel::Right,
                    _ => Panel::Left,
                }
            }
            Action::Open => match focus {
                Panel::Left => {
                    cx.request(Request::PushHistory);
                    self.place.focus = Panel::Right;
                    self.place.right = Default::default();
                }
                _ => {
                    let link = self
                        .detail_lines(cx.desk, cx.theme)
                        .get(self.place.right.selected)
                        .and_then(|l| l.link.clone());
                    if let Some(id) = link {
                        cx.request(Request::Open(id));
                    }
                }
            },
            Action::Escape => self.place.focus = Panel::Left,
            _ => return Handled::Ignored,
        }
        Handled::Consumed
    }

    fn click(&mut self, slot: PanelSlot, at: Position, cx: &mut Cx<'_>) {
        self.place.focus = slot.panel;
        let Some(row) = slot.row_at(at) else { return };
        match slot.panel {
            Panel::Left => {
                let ids = Self::ids(cx.desk);
                let target = self.place.left.offset + row;
                if target < ids.len() {
                    self.place.left.select(target, &ids);
                    self.place.right = Default::default();
                }
            }
            _ => {
                let lines = self.detail_lines(cx.desk, cx.theme);
                if let Some(line) = self.place.right.line_at(&lines, slot.content, row) {
                    self.place.right.selected = line;
                }
            }
        }
    }

    fn scroll(&mut self, panel: Panel, delta: isize, cx: &mut Cx<'_>) {
        self.move_selection(panel, delta, cx);
    }

    fn settle(&mut self, cx: &mut Cx<'_>) {
        let Some(areas) = cx.areas else {
            return;
        };
        if let Some(slot) = areas.slot(Panel::Left) {
            let ids = Self::ids(cx.desk);
            let row = self.place.left.resolve(&ids);
            self.place.left.row = row;
            self.place.left.offset = fit_list(
                row,
                self.place.left.offset,
                ids.len(),
                slot.content.height as usize,
            );
        }
        if let Some(slot) = areas.slot(Panel::Right) {
            let lines = self.detail_lines(cx.desk, cx.theme);
            self.place.right.settle(&lines, slot.content);
        }
    }

    fn focus(&self) -> Panel {
        self.place.focus
    }

    fn panels(&self, width: u16) -> Vec<Panel> {
        if width >= TWO_PANELS {
            vec![Panel::Left, Panel::Right]
        } else {
            vec![self.place.focus]
        }
    }

    fn draw(&self, buffer: &mut Buffer, areas: &Areas, cx: &DrawCx<'_>) {
        let theme = cx.theme;
        let faqs = &cx.desk.pack().faqs;
        if let Some(slot) = areas.slot(Panel::Left) {
            let focused = self.place.focus == Panel::Left;
            panel_title(
                buffer,
                slot.title,
                crate::t!("screen.faq.list_title", count = faqs.len()),
                focused,
                theme,
            );
            let lines: Vec<Line<'static>> = faqs
                .iter()
                .map(|faq| Line::from(format!(" {}", faq.question)))
                .collect();
            let selected = self.place.left.resolve(&Self::ids(cx.desk));
            draw_list(
                buffer,
                slot.content,
                lines,
                selected,
                self.place.left.offset,
                focused,
                theme,
            );
        }
        if let Some(slot) = areas.slot(Panel::Right) {
            let focused = self.place.focus == Panel::Right;
            let title = crate::t!("screen.faq.answer").to_string();
            panel_title(buffer, slot.title, title, focused, theme);
            let lines = self.detail_lines(cx.desk, theme);
            self.place.right.draw(buffer, slot.content, &lines, focused);
        }
    }

    fn hints(&self) -> Vec<Hint> {
        super::panel_hints(self.place.focus)
    }

    fn breadcrumb(&self, cx: &DrawCx<'_>) -> Vec<String> {
        let mut crumbs = vec![self.title().to_string()];
        if let Some(faq) = self.selected(cx.desk) {
            crumbs.push(faq.question.to_string());
        }
        crumbs
    }

    fn answer(&self, desk: &Desk, _query: &str) -> Option<String> {
        self.selected(desk).map(|f| f.id.to_string())
    }

    fn place(&self) -> Place {
        self.place.clone()
    }

    fn restore(&mut self, place: Place, _cx: &mut Cx<'_>) {
        self.place = place;
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
