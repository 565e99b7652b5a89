//! Drawing the app: a pure function of its state and the frame size.

use super::detail::{paragraph, rows, DetailLine};
use super::keys::BINDINGS;
use super::layout::{Areas, PanelSlot, MIN_HEIGHT, MIN_WIDTH, TABS};
use super::state::{App, Cursor, LeftMode, Panel, View};
use super::text::{highlighted, truncate, truncate_line, width, wrap, Piece};
use super::theme::Theme;
use crate::model::{normalize_code, Actor, Item, Kind};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};
use ratatui::Frame;

/// Draws the whole screen and places the cursor in the query line.
pub fn draw(frame: &mut Frame<'_>, app: &mut App<'_>) {
    let size = frame.area();
    app.resize(size.width, size.height);
    let buffer = frame.buffer_mut();
    let Some(areas) = app.areas() else {
        too_small(buffer, size);
        return;
    };
    draw_tabs(buffer, &areas, app);
    let cursor = draw_query(buffer, areas.query, app);
    match app.view {
        View::Main => draw_main(buffer, &areas, app),
        View::Faq => draw_faq(buffer, &areas, app),
        View::Codes => draw_codes(buffer, &areas, app),
    }
    for separator in &areas.separators {
        for y in separator.top()..separator.bottom() {
            put(
                buffer,
                Rect::new(separator.x, y, 1, 1),
                Line::styled("|", app.theme.dim()),
            );
        }
    }
    draw_status(buffer, areas.status, app);
    if app.help.is_some() {
        draw_help(buffer, areas.body, app);
    } else {
        frame.set_cursor_position(cursor);
    }
}

/// Writes one line into a one-row area, cut to its width.
fn put(buffer: &mut Buffer, area: Rect, line: Line<'static>) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let line = truncate_line(line, area.width as usize);
    buffer.set_line(area.x, area.y, &line, area.width);
}

fn row(area: Rect, index: usize) -> Option<Rect> {
    let y = area.y.checked_add(u16::try_from(index).ok()?)?;
    (y < area.bottom()).then(|| Rect::new(area.x, y, area.width, 1))
}

fn fill(buffer: &mut Buffer, area: Rect, style: Style) {
    buffer.set_style(area, style);
}

fn too_small(buffer: &mut Buffer, size: Rect) {
    let message = format!(
        "终端太小 / terminal too small: {}x{}, need at least {MIN_WIDTH}x{MIN_HEIGHT}",
        size.width, size.height
    );
    let lines = wrap(
        &[Piece::new(message, Style::default())],
        size.width as usize,
        0,
    );
    let top = size.height.saturating_sub(lines.len() as u16) / 2;
    for (index, line) in lines.into_iter().enumerate() {
        if let Some(area) = row(size, top as usize + index) {
            let pad = size.width.saturating_sub(line.width() as u16) / 2;
            put(
                buffer,
                Rect::new(area.x + pad, area.y, area.width - pad, 1),
                line,
            );
        }
    }
}

fn draw_tabs(buffer: &mut Buffer, areas: &Areas, app: &App<'_>) {
    put(
        buffer,
        areas.tab_bar,
        Line::styled(" posdesk", app.theme.heading()),
    );
    let name_width = width(" posdesk ") as u16;
    for ((view, area), (_, label)) in areas.tabs.iter().zip(TABS) {
        let shifted = Rect::new(area.x + name_width, area.y, area.width, 1);
        if shifted.right() <= areas.tab_bar.right() {
            put(
                buffer,
                shifted,
                Line::styled(label, app.theme.tab(*view == app.view)),
            );
        }
    }
    let hint = "F1 帮助  Ctrl-C 退出 ";
    let hint_width = width(hint) as u16;
    let last_tab = areas.tabs.last().map_or(0, |(_, a)| a.right() + name_width);
    if areas.tab_bar.width > hint_width && areas.tab_bar.right() - hint_width > last_tab + 1 {
        let area = Rect::new(
            areas.tab_bar.right() - hint_width,
            areas.tab_bar.y,
            hint_width,
            1,
        );
        put(buffer, area, Line::styled(hint, app.theme.dim()));
    }
}

/// Draws the query line; returns where the text cursor goes.
fn draw_query(buffer: &mut Buffer, area: Rect, app: &App<'_>) -> Position {
    let prompt = " 搜索> ";
    let prompt_width = width(prompt);
    let room = (area.width as usize).saturating_sub(prompt_width + 1);
    // Show the end of a long query, where typing happens.
    let mut shown: Vec<char> = Vec::new();
    let mut used = 0;
    for c in app.query().chars().rev() {
        let w = super::text::char_width(c);
        if used + w > room {
            break;
        }
        used += w;
        shown.push(c);
    }
    let shown: String = shown.into_iter().rev().collect();
    let mut spans = vec![Span::styled(prompt, app.theme.heading())];
    if app.query().is_empty() {
        spans.push(Span::styled(
            "输入应答码、汉字或拼音，如 05、余额、yebz",
            app.theme.dim(),
        ));
    } else {
        spans.push(Span::raw(shown));
    }
    put(buffer, area, Line::from(spans));
    let x = area.x + (prompt_width + used).min(area.width.saturating_sub(1) as usize) as u16;
    Position::new(x, area.y)
}

fn panel_title(buffer: &mut Buffer, slot: &PanelSlot, title: String, app: &App<'_>) {
    let focused = app.focus == slot.panel;
    fill(buffer, slot.title, app.theme.panel_title(focused));
    put(
        buffer,
        slot.title,
        Line::styled(format!(" {title}"), app.theme.panel_title(focused)),
    );
}

fn kind_tag(kind: Kind) -> &'static str {
    match kind {
        Kind::Symptom => "现象",
        Kind::Cause => "原因",
        Kind::Solution => "方法",
        Kind::Faq => "问答",
        Kind::Code => "代码",
        Kind::Script => "话术",
    }
}

/// Draws a list whose rows are single lines; keeps the selection on screen.
fn draw_list(
    buffer: &mut Buffer,
    area: Rect,
    lines: Vec<Line<'static>>,
    cursor: &mut Cursor,
    focused: bool,
    theme: &Theme,
) {
    cursor.fit(lines.len(), area.height as usize);
    for (index, line) in lines.into_iter().enumerate().skip(cursor.offset) {
        let Some(target) = row(area, index - cursor.offset) else {
            break;
        };
        if index == cursor.selected {
            fill(buffer, target, theme.selected(focused));
        }
        put(buffer, target, line);
    }
}

fn draw_main(buffer: &mut Buffer, areas: &Areas, app: &mut App<'_>) {
    if let Some(slot) = areas.slot(Panel::Left) {
        let entries = app.left_entries();
        let title = match &app.left_mode {
            LeftMode::Home => format!("现象（{}）", entries.len()),
            LeftMode::Results if entries.is_empty() => "没有找到".to_string(),
            LeftMode::Results => format!("搜索结果（{}）", entries.len()),
            LeftMode::Pinned(_) => "已打开".to_string(),
        };
        panel_title(buffer, &slot, title, app);
        if entries.is_empty() && app.left_mode == LeftMode::Results {
            let mut hints = Vec::new();
            if let Some(notice) = unknown_code_notice(app) {
                hints.push(notice);
            }
            hints.push(paragraph(
                "",
                "换个说法试试：应答码（05）、屏幕上的字（认证失败）、拼音首字母（rzsb）。Esc 清空搜索。",
                &[],
                &app.theme,
            ));
            draw_rows(
                buffer,
                slot.content,
                &hints,
                None,
                &mut Cursor::default(),
                false,
            );
        }
        let show_kind = app.left_mode != LeftMode::Home;
        let lines: Vec<Line<'static>> = entries
            .iter()
            .map(|entry| {
                let mut pieces = vec![Piece::new(" ", app.theme.text())];
                if show_kind {
                    pieces.push(Piece::new(
                        format!("{} ", kind_tag(entry.kind)),
                        app.theme.dim(),
                    ));
                }
                pieces.extend(highlighted(
                    &entry.title,
                    &entry.highlight,
                    app.theme.text(),
                    app.theme.matched(),
                ));
                if !entry.codes.is_empty() {
                    pieces.push(Piece::new(
                        format!("  {}", entry.codes.join(" ")),
                        app.theme.dim(),
                    ));
                }
                pieces_line(pieces)
            })
            .collect();
        let focused = app.focus == Panel::Left;
        draw_list(
            buffer,
            slot.content,
            lines,
            &mut app.left,
            focused,
            &app.theme,
        );
    }
    if let Some(slot) = areas.slot(Panel::Middle) {
        let causes = app.middle_causes();
        panel_title(buffer, &slot, format!("可能原因（{}）", causes.len()), app);
        let context = middle_context(app);
        let (mut context_rows, _) = rows(&context, slot.content.width as usize);
        let cap = middle_context_cap(slot.content.height);
        if context_rows.len() > cap {
            context_rows.truncate(cap.saturating_sub(1));
            if cap > 0 {
                context_rows.push(Line::styled("  ..", app.theme.dim()));
            }
        }
        let taken = context_rows.len();
        for (index, line) in context_rows.into_iter().enumerate() {
            if let Some(target) = row(slot.content, index) {
                put(buffer, target, line);
            }
        }
        let list_area = Rect::new(
            slot.content.x,
            slot.content.y + taken as u16,
            slot.content.width,
            slot.content.height - taken as u16,
        );
        let room = slot.content.width as usize;
        let lines: Vec<Line<'static>> = causes
            .iter()
            .enumerate()
            .map(|(n, cause)| {
                let number = format!("{:>2}. ", n + 1);
                let actors: Vec<Piece> = cause
                    .actors
                    .iter()
                    .map(|actor| {
                        Piece::new(format!(" {}", actor.short_label()), app.theme.actor(*actor))
                    })
                    .collect();
                let actors_width: usize = actors.iter().map(|p| width(&p.text)).sum();
                // Who acts stays visible; the title gives way when the panel is narrow.
                let title_room = room.saturating_sub(width(&number) + actors_width);
                let mut pieces = vec![Piece::new(number, app.theme.dim())];
                if title_room >= 8 {
                    pieces.push(Piece::new(
                        truncate(&cause.title, title_room),
                        app.theme.text(),
                    ));
                    pieces.extend(actors);
                } else {
                    pieces.push(Piece::new(cause.title.clone(), app.theme.text()));
                }
                pieces_line(pieces)
            })
            .collect();
        let focused = app.focus == Panel::Middle;
        draw_list(
            buffer,
            list_area,
            lines,
            &mut app.middle,
            focused,
            &app.theme,
        );
    }
    if let Some(slot) = areas.slot(Panel::Right) {
        let title = match app.detail_item() {
            Some(Item::Cause(_)) => "怎么判断 / 怎么做 / 怎么说".to_string(),
            Some(item) => item.kind().label().to_string(),
            None => "详情".to_string(),
        };
        panel_title(buffer, &slot, title, app);
        draw_detail(buffer, slot, app);
    }
}

fn pieces_line(pieces: Vec<Piece>) -> Line<'static> {
    Line::from(
        pieces
            .into_iter()
            .map(|p| Span::styled(p.text, p.style))
            .collect::<Vec<_>>(),
    )
}

/// At most a third of the middle panel goes to context, so the causes stay in view.
pub fn middle_context_cap(height: u16) -> usize {
    (height as usize / 3).max(2).min(height as usize)
}

/// When the query is a response code the pack does not know: what to do anyway. Sources
/// agree that an unknown code is a generic failure.
fn unknown_code_notice(app: &App<'_>) -> Option<DetailLine> {
    // Codes have a digit (05, A0); two letters are more likely the start of pinyin.
    let typed = app.query().trim();
    let looks_like_code = typed.chars().count() == 2 && typed.chars().any(|c| c.is_ascii_digit());
    let code = normalize_code(typed).filter(|_| looks_like_code)?;
    if app.pack.code(&code).is_some() {
        return None;
    }
    let advice = crate::advice::unknown_code_advice(&code).join(" ");
    Some(DetailLine {
        pieces: vec![Piece::new(format!("! {advice}"), app.theme.warning())],
        indent: 2,
        link: None,
    })
}

/// Short context above the causes: what the selected symptom, code or FAQ says.
pub fn middle_context(app: &App<'_>) -> Vec<DetailLine> {
    let theme = &app.theme;
    let mut lines: Vec<DetailLine> = Vec::new();
    if app.left_item().is_some() {
        lines.extend(unknown_code_notice(app));
    }
    match app.left_item() {
        Some(Item::Symptom(symptom)) => {
            if !symptom.codes.is_empty() {
                lines.push(paragraph("应答码", &symptom.codes.join("、"), &[], theme));
            }
            if let Some(note) = &symptom.note {
                lines.push(paragraph("先看", note, &[], theme));
            }
        }
        Some(Item::Code(code)) => {
            if code.discreet {
                lines.push(DetailLine {
                    pieces: vec![Piece::new(
                        "! 风险卡：只说交易未通过，不说原因",
                        theme.warning(),
                    )],
                    indent: 2,
                    link: None,
                });
            }
            lines.push(paragraph(
                &format!("{} 终端显示", code.code),
                &code.display,
                &[],
                theme,
            ));
            if let Some(warning) = crate::report::display_warning(code) {
                lines.push(DetailLine {
                    pieces: vec![Piece::new(format!("! {warning}"), theme.warning())],
                    indent: 2,
                    link: None,
                });
            }
            lines.push(paragraph(
                crate::report::VERDICT_LABEL,
                &code.verdict.summary(),
                &[],
                theme,
            ));
            lines.push(paragraph("怎么办", &code.action, &[], theme));
            lines.push(DetailLine {
                pieces: vec![
                    Piece::new(format!("{}：", crate::report::CLASS_LABEL), theme.label()),
                    Piece::new(
                        format!("{} {}", code.class.letter(), code.class.label()),
                        theme.class(code.class),
                    ),
                ],
                indent: 2,
                link: None,
            });
        }
        Some(Item::Faq(faq)) => lines.push(paragraph("答", &faq.answer, &[], theme)),
        Some(Item::Solution(solution)) => {
            lines.push(paragraph("解决方法", &solution.title, &[], theme))
        }
        Some(Item::Script(script)) => lines.push(paragraph("话术", &script.title, &[], theme)),
        Some(Item::Cause(_)) | None => {}
    }
    if !lines.is_empty() {
        lines.push(DetailLine {
            pieces: Vec::new(),
            indent: 0,
            link: None,
        });
    }
    lines
}

/// Draws logical lines wrapped to the area, scrolled so the selected line is visible.
fn draw_rows(
    buffer: &mut Buffer,
    area: Rect,
    lines: &[DetailLine],
    selected: Option<usize>,
    cursor: &mut Cursor,
    focused: bool,
) {
    let (wrapped, owners) = rows(lines, area.width as usize);
    let height = area.height as usize;
    if let Some(selected) = selected {
        let first = owners.iter().position(|&o| o == selected);
        let last = owners.iter().rposition(|&o| o == selected);
        if let (Some(first), Some(last)) = (first, last) {
            if first < cursor.offset {
                cursor.offset = first;
            } else if last >= cursor.offset + height {
                cursor.offset = (last + 1).saturating_sub(height).min(first);
            }
        }
    }
    cursor.offset = cursor.offset.min(wrapped.len().saturating_sub(height));
    for (index, (line, owner)) in wrapped
        .into_iter()
        .zip(owners)
        .enumerate()
        .skip(cursor.offset)
    {
        let Some(target) = row(area, index - cursor.offset) else {
            break;
        };
        if focused && Some(owner) == selected {
            buffer.set_style(
                target,
                Style::default().add_modifier(ratatui::style::Modifier::REVERSED),
            );
        }
        put(buffer, target, line);
    }
}

fn draw_detail(buffer: &mut Buffer, slot: PanelSlot, app: &mut App<'_>) {
    let lines = app.detail_lines();
    let mut cursor = app.right;
    cursor.selected = cursor.selected.min(lines.len().saturating_sub(1));
    let focused = app.focus == Panel::Right;
    draw_rows(
        buffer,
        slot.content,
        &lines,
        Some(cursor.selected),
        &mut cursor,
        focused,
    );
    app.right = cursor;
}

fn draw_faq(buffer: &mut Buffer, areas: &Areas, app: &mut App<'_>) {
    if let Some(slot) = areas.slot(Panel::Left) {
        panel_title(
            buffer,
            &slot,
            format!("常见问题（{}）", app.pack.faqs.len()),
            app,
        );
        let lines: Vec<Line<'static>> = app
            .pack
            .faqs
            .iter()
            .map(|faq| Line::from(format!(" {}", faq.question)))
            .collect();
        let focused = app.focus == Panel::Left;
        draw_list(
            buffer,
            slot.content,
            lines,
            &mut app.faq,
            focused,
            &app.theme,
        );
    }
    if let Some(slot) = areas.slot(Panel::Right) {
        panel_title(buffer, &slot, "回答".to_string(), app);
        draw_detail(buffer, slot, app);
    }
}

fn draw_codes(buffer: &mut Buffer, areas: &Areas, app: &mut App<'_>) {
    let Some(slot) = areas.slot(Panel::Left) else {
        return;
    };
    panel_title(
        buffer,
        &slot,
        format!(
            "应答码（{}）  Enter 打开原因和处理方法",
            app.pack.codes.len()
        ),
        app,
    );
    let total = slot.content.width as usize;
    // code | display | class | retry | who fixes | meaning, narrowest first to go.
    let display_width = (total * 30 / 100).clamp(8, 34);
    let retry_width = (total * 18 / 100).clamp(6, 24);
    let who_width = (total * 16 / 100).clamp(6, 24);
    let cell = |text: &str, w: usize| {
        let cut = truncate(text, w);
        let pad = w.saturating_sub(width(&cut));
        format!("{cut}{} ", " ".repeat(pad))
    };
    let header = format!(
        " {}{}{}{}{}{}",
        cell("码", 3),
        cell("终端显示", display_width),
        cell("类别", 4),
        cell("能否重试", retry_width),
        cell("谁来处理", who_width),
        "含义"
    );
    if let Some(target) = row(slot.content, 0) {
        put(buffer, target, Line::styled(header, app.theme.label()));
    }
    let body = Rect::new(
        slot.content.x,
        slot.content.y.saturating_add(1),
        slot.content.width,
        slot.content.height.saturating_sub(1),
    );
    let lines: Vec<Line<'static>> = app
        .pack
        .codes
        .iter()
        .map(|code| {
            Line::from(vec![
                Span::raw(" "),
                Span::styled(cell(&code.code, 3), app.theme.heading()),
                Span::raw(cell(&code.display, display_width)),
                Span::styled(cell(code.class.letter(), 4), app.theme.class(code.class)),
                Span::raw(cell(&code.verdict.short(), retry_width)),
                Span::raw(cell(&Actor::labels(&code.who_fixes), who_width)),
                Span::styled(code.meaning.clone(), app.theme.dim()),
            ])
        })
        .collect();
    draw_list(buffer, body, lines, &mut app.codes, true, &app.theme);
}

fn draw_status(buffer: &mut Buffer, area: Rect, app: &App<'_>) {
    fill(buffer, area, app.theme.status());
    let crumbs = app.breadcrumb().join(" > ");
    let hints = match (app.view, app.focus) {
        (_, _) if app.help_open() => "Esc 关闭帮助",
        (View::Codes, _) => "Up/Down 选择  Enter 打开  Esc 返回",
        (_, Panel::Right) => "Up/Down 移动  Enter 跟随链接  Esc 返回  Tab 面板",
        (_, _) => "Up/Down 选择  Enter 打开  Tab 面板  Esc 返回  F1 帮助",
    };
    let hint_width = width(hints);
    let room = area.width as usize;
    let crumb_room = room.saturating_sub(hint_width + 3);
    let crumbs = if crumb_room >= 8 {
        truncate(&crumbs, crumb_room)
    } else {
        truncate(&crumbs, room.saturating_sub(1))
    };
    put(
        buffer,
        area,
        Line::styled(format!(" {crumbs}"), app.theme.status()),
    );
    if crumb_room >= 8 {
        let x = area.right().saturating_sub(hint_width as u16 + 1);
        put(
            buffer,
            Rect::new(x, area.y, hint_width as u16 + 1, 1),
            Line::styled(hints, app.theme.status()),
        );
    }
}

/// Every key binding, from the one key table, over the body.
fn draw_help(buffer: &mut Buffer, body: Rect, app: &mut App<'_>) {
    let area = Rect::new(
        body.x + body.width / 10,
        body.y,
        body.width - body.width / 5,
        body.height,
    );
    Clear.render(area, buffer);
    let inner = Rect::new(
        area.x + 2,
        area.y + 1,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    let border = Line::styled("-".repeat(area.width as usize), app.theme.dim());
    put(
        buffer,
        Rect::new(area.x, area.y, area.width, 1),
        border.clone(),
    );
    put(
        buffer,
        Rect::new(area.x, area.bottom() - 1, area.width, 1),
        border,
    );
    let mut lines: Vec<DetailLine> = vec![
        DetailLine {
            pieces: vec![Piece::new("按键（Esc、F1 或 ? 关闭）", app.theme.heading())],
            indent: 0,
            link: None,
        },
        paragraph(
            "",
            "直接输入汉字、拼音或应答码即可搜索，不需要先按别的键。",
            &[],
            &app.theme,
        ),
        paragraph(
            "",
            "? 在搜索为空时打开帮助。鼠标：点击选择，滚轮滚动指针下的面板。",
            &[],
            &app.theme,
        ),
    ];
    for binding in BINDINGS {
        lines.push(DetailLine {
            pieces: vec![
                Piece::new(format!("{:<12}", binding.label), app.theme.label()),
                Piece::new(binding.help, app.theme.text()),
            ],
            indent: 12,
            link: None,
        });
    }
    let mut cursor = app.help.unwrap_or_default();
    draw_rows(buffer, inner, &lines, None, &mut cursor, false);
    if let Some(help) = &mut app.help {
        help.offset = cursor.offset;
    }
}
