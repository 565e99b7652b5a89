//! The response-code table: every code with its display, class, verdict and who fixes it;
//! Enter opens the code with its causes on the troubleshooting screen.

use super::{Cx, DrawCx, Handled, Hint, Place, Request, Screen};
use crate::app::action::Action;
use crate::app::layout::{Areas, Panel, PanelSlot};
use crate::app::widgets::text::{truncate, width};
use crate::app::widgets::{draw_list, fit_list, panel_title, put, row};
use crate::desk::Desk;
use crate::model::{Actor, Code};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use std::any::Any;

#[derive(Default)]
pub struct Codes {
    place: Place,
}

impl Codes {
    fn ids(desk: &Desk) -> Vec<&str> {
        desk.pack().codes.iter().map(|c| c.id.as_str()).collect()
    }

    fn selected<'d>(&self, desk: &'d Desk) -> Option<&'d Code> {
        desk.pack()
            .codes
            .get(self.place.left.resolve(&Self::ids(desk)))
    }
}

impl Screen for Codes {
    fn key(&self) -> &'static str {
        "codes"
    }

    fn title(&self) -> &'static str {
        crate::t!("screen.codes.title")
    }

    fn show_action(&self) -> Action {
        Action::ShowCodes
    }

    fn handle(&mut self, action: Action, cx: &mut Cx<'_>) -> Handled {
        let ids = Self::ids(cx.desk);
        let page = cx
            .areas
            .map_or(10, |a| a.body.height as usize)
            .saturating_sub(2)
            .max(1) as isize;
        let delta = match action {
            Action::SelectPrev => -1,
            Action::SelectNext => 1,
            Action::PageUp => -page,
            Action::PageDown => page,
            Action::SelectFirst => isize::MIN / 2,
            Action::SelectLast => isize::MAX / 2,
            Action::Open => {
                if let Some(code) = self.selected(cx.desk) {
                    cx.request(Request::Open(code.id.to_string()));
                }
                return Handled::Consumed;
            }
            Action::TriageSymptom => {
                let code = self.selected(cx.desk).map(crate::model::Item::Code);
                super::start_triage_for(code, cx);
                return Handled::Consumed;
            }
            // One panel: nothing to move the focus to.
            Action::NextPanel | Action::PrevPanel | Action::Escape => return Handled::Consumed,
            _ => return Handled::Ignored,
        };
        self.place.left.move_by(delta, &ids);
        Handled::Consumed
    }

    fn click(&mut self, slot: PanelSlot, at: Position, cx: &mut Cx<'_>) {
        self.place.focus = slot.panel;
        // The first row is the table's header.
        let Some(row) = slot.row_at(at).and_then(|r| r.checked_sub(1)) else {
            return;
        };
        let ids = Self::ids(cx.desk);
        let target = self.place.left.offset + row;
        if target < ids.len() {
            self.place.left.select(target, &ids);
        }
    }

    fn scroll(&mut self, _panel: Panel, delta: isize, cx: &mut Cx<'_>) {
        let ids = Self::ids(cx.desk);
        self.place.left.move_by(delta, &ids);
    }

    fn settle(&mut self, cx: &mut Cx<'_>) {
        let Some(slot) = cx.areas.and_then(|a| a.slot(Panel::Left)) else {
            return;
        };
        let ids = Self::ids(cx.desk);
        let row = self.place.left.resolve(&ids);
        self.place.left.row = row;
        let height = (slot.content.height as usize).saturating_sub(1);
        self.place.left.offset = fit_list(row, self.place.left.offset, ids.len(), height);
    }

    fn focus(&self) -> Panel {
        self.place.focus
    }

    fn panels(&self, _width: u16) -> Vec<Panel> {
        vec![Panel::Left]
    }

    fn draw(&self, buffer: &mut Buffer, areas: &Areas, cx: &DrawCx<'_>) {
        let Some(slot) = areas.slot(Panel::Left) else {
            return;
        };
        let theme = cx.theme;
        let codes = &cx.desk.pack().codes;
        panel_title(
            buffer,
            slot.title,
            crate::t!(
                "screen.codes.panel_title",
                count = codes.len(),
                key = cx.keymap.hint(self.key(), Action::Open)
            ),
            self.place.focus == Panel::Left,
            theme,
        );
        let total = slot.content.width as usize;
        // code | display | class | verdict | who fixes | meaning, narrowest first to go.
        let display_width = (total * 30 / 100).clamp(8, 34);
        let retry_width = (total * 18 / 100).clamp(6, 24);
        let who_width = (total * 16 / 100).clamp(6, 24);
        // The code and class columns are as wide as their values, or their heading.
        let code_heading = crate::t!("screen.codes.code");
        let class_heading = crate::t!("screen.codes.class");
        let code_width = width(code_heading).max(3);
        let class_width = width(class_heading).max(4);
        let cell = |text: &str, w: usize| {
            let cut = truncate(text, w);
            let pad = w.saturating_sub(width(&cut));
            format!("{cut}{} ", " ".repeat(pad))
        };
        let header = format!(
            " {}{}{}{}{}{}",
            cell(code_heading, code_width),
            cell(crate::t!("screen.codes.display"), display_width),
            cell(class_heading, class_width),
            cell(crate::model::Verdict::short_heading(), retry_width),
            cell(crate::t!("screen.codes.who_fixes"), who_width),
            crate::report::card::means_label()
        );
        if let Some(target) = row(slot.content, 0) {
            put(buffer, target, Line::styled(header, theme.label()));
        }
        let body = Rect::new(
            slot.content.x,
            slot.content.y.saturating_add(1),
            slot.content.width,
            slot.content.height.saturating_sub(1),
        );
        let lines: Vec<Line<'static>> = codes
            .iter()
            .map(|code| {
                Line::from(vec![
                    Span::raw(" "),
                    Span::styled(cell(&code.code, code_width), theme.heading()),
                    Span::raw(cell(&code.display, display_width)),
                    Span::styled(
                        cell(code.class.letter(), class_width),
                        theme.class(code.class),
                    ),
                    Span::raw(cell(&code.verdict.short(), retry_width)),
                    Span::raw(cell(&Actor::labels(&code.who_fixes), who_width)),
                    Span::styled(code.meaning.clone(), theme.dim()),
                ])
            })
            .collect();
        let selected = self.place.left.resolve(&Self::ids(cx.desk));
        draw_list(
            buffer,
            body,
            lines,
            selected,
            self.place.left.offset,
            true,
            theme,
        );
    }

    fn hints(&self) -> Vec<Hint> {
        vec![
            Hint::new(
                &[Action::SelectPrev, Action::SelectNext],
                crate::t!("screen.common.select"),
            ),
            Hint::new(&[Action::Open], crate::t!("screen.common.open")),
            Hint::new(&[Action::Escape], crate::t!("screen.common.back")),
        ]
    }

    fn breadcrumb(&self, cx: &DrawCx<'_>) -> Vec<String> {
        let mut crumbs = vec![self.title().to_string()];
        if let Some(code) = self.selected(cx.desk) {
            crumbs.push(format!("{} {}", code.code, code.display));
        }
        crumbs
    }

    fn answer(&self, desk: &Desk, _query: &str) -> Option<String> {
        self.selected(desk).map(|c| c.id.to_string())
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
