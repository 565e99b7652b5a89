//! The handout as Markdown: the same parts as the HTML page (contents, cheat sheet, one
//! section per symptom, appendices), for wikis and editors; page breaks are left to HTML.

use super::handout::{
    cheat_sheet_intro, handout, see_line, CheatRow, CheatSheet, CodeTable, Handout, HandoutOptions,
    Heading,
};
use super::Block;
use crate::model::{Pack, Verdict};
use std::fmt::Write;

/// Ids are kebab-case (the loader checks), so they go into anchors and links as they
/// are; HTML-escaped all the same.
fn anchor(id: &str) -> String {
    format!("<a id=\"{}\"></a>", super::html::escape(id))
}

/// Pack text as Markdown that shows it and does nothing else: every character that
/// Markdown would read as markup is backslash-escaped, and `<`, `>`, `&` become HTML
/// entities, so no tag, link, image or script in a pack survives into a handout. Line
/// breaks become spaces: a text cannot start a heading, a list or a table row.
pub fn text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 8);
    for c in raw.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '{' | '}' | '#' | '+' | '-' | '.'
            | '!' | '|' | '~' | ':' | '=' => {
                out.push('\\');
                out.push(c);
            }
            other => out.push(other),
        }
    }
    out
}

/// A link to an item of the pack: only ever to an anchor of the pack's own ids.
fn link(title: &str, id: &str) -> String {
    format!("[{}](#{})", text(title), super::html::escape(id))
}

fn write_blocks(out: &mut String, blocks: &[Block]) {
    let colon = crate::t!("common.colon");
    let list_colon = colon.trim_end();
    for block in blocks {
        let _ = match block {
            Block::Heading { id, title, .. } => {
                writeln!(out, "### {} {}\n", anchor(id), text(title))
            }
            Block::Text { label, text: body } => {
                writeln!(out, "**{}**{colon}{}\n", text(label), text(body))
            }
            Block::List {
                label,
                items,
                numbered,
            } => {
                let _ = writeln!(out, "**{}**{list_colon}\n", text(label));
                for (n, item) in items.iter().enumerate() {
                    let _ = if *numbered {
                        writeln!(out, "{}. {}", n + 1, text(item))
                    } else {
                        writeln!(out, "- {}", text(item))
                    };
                }
                writeln!(out)
            }
            Block::Warning(warning) => writeln!(
                out,
                "> **! {}**{colon}{}\n",
                text(crate::t!("report.markdown.warning")),
                text(warning)
            ),
            Block::Links { label, links } => {
                let list: Vec<String> = links.iter().map(|l| link(&l.title, &l.id)).collect();
                writeln!(
                    out,
                    "**{}**{colon}{}\n",
                    text(label),
                    list.join(crate::t!("report.handout.link_sep"))
                )
            }
        };
    }
}

/// A heading of a numbered part, with its anchor.
fn heading(out: &mut String, heading: &Heading) {
    let _ = writeln!(
        out,
        "## {} {} {}\n",
        anchor(&heading.anchor),
        text(&heading.number.label()),
        text(&heading.title)
    );
}

/// The handout of the pack with its defaults: no source lines.
pub fn pack_markdown(pack: &Pack) -> String {
    handout_markdown(pack, HandoutOptions::default())
}

/// The whole handout: contents, cheat sheet, one section per symptom, appendices.
pub fn handout_markdown(pack: &Pack, options: HandoutOptions) -> String {
    let handout = handout(pack, options);
    let mut out = String::new();
    contents(&mut out, &handout);
    cheat_sheet(&mut out, &handout.cheat_sheet);
    symptoms(&mut out, &handout);
    appendices(&mut out, &handout);
    out
}

/// The cheat sheet alone.
pub fn cheat_sheet_markdown(pack: &Pack) -> String {
    let sheet = handout(pack, HandoutOptions::default()).cheat_sheet.alone();
    let mut out = String::new();
    cheat_sheet(&mut out, &sheet);
    out
}

fn contents(out: &mut String, handout: &Handout) {
    let _ = writeln!(out, "# {}\n", text(&handout.title));
    if !handout.description.is_empty() {
        let _ = writeln!(out, "{}\n", text(&handout.description));
    }
    let _ = writeln!(
        out,
        "{}\n",
        text(&crate::t!(
            "report.handout.version",
            version = handout.version
        ))
    );
    let _ = writeln!(out, "## {}\n", text(crate::t!("report.handout.contents")));
    for group in handout.contents() {
        let indent = match group.title {
            Some(title) => {
                let _ = writeln!(out, "- {}", text(title));
                "  "
            }
            None => "",
        };
        for h in group.headings {
            let _ = writeln!(
                out,
                "{indent}- {}",
                link(&format!("{} {}", h.number.label(), h.title), &h.anchor)
            );
        }
    }
    let _ = writeln!(out);
}

/// Table cells keep to one line: the parts of a cell are joined by line-break tags.
fn cell(parts: &[String]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join("<br>")
}

fn verdict_parts(verdict: &Verdict) -> Vec<String> {
    verdict
        .parts()
        .iter()
        .map(|part| text(&part.line()))
        .collect()
}

fn cheat_row(out: &mut String, row: &CheatRow) {
    let mut first: Vec<String> = row
        .warnings
        .iter()
        .map(|w| format!("**\\! {}**", text(w)))
        .collect();
    first.push(text(&row.first));
    let _ = writeln!(
        out,
        "| {}**{}**<br>{} | {} | {} | {} | {} |",
        anchor(&row.anchor),
        text(&row.code),
        text(&see_line(&row.see)),
        cell(&[format!("**{}**", text(&row.display)), text(&row.means)]),
        cell(&verdict_parts(&row.verdict)),
        cell(&first),
        text(row.say.as_deref().unwrap_or_default())
    );
}

fn cheat_sheet(out: &mut String, sheet: &CheatSheet) {
    if sheet.standalone {
        let _ = writeln!(out, "## {}\n", text(&sheet.heading.title));
    } else {
        heading(out, &sheet.heading);
    }
    let _ = writeln!(out, "{}\n", text(&cheat_sheet_intro(sheet)));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
        text(crate::t!("report.handout.col_code")),
        text(crate::t!("report.handout.col_screen")),
        text(super::verdict_label()),
        text(super::card::first_label()),
        text(super::card::say_label())
    );
    for row in &sheet.rows {
        cheat_row(out, row);
    }
    let _ = writeln!(out);
}

fn symptoms(out: &mut String, handout: &Handout) {
    for page in &handout.symptoms {
        heading(out, &page.heading);
        write_blocks(out, &page.blocks);
        for cause in &page.causes {
            let _ = writeln!(
                out,
                "### {} {} {}\n",
                anchor(&cause.anchor),
                text(&cause.label),
                text(&cause.title)
            );
            write_blocks(out, &cause.blocks);
        }
    }
}

fn appendices(out: &mut String, handout: &Handout) {
    for appendix in handout.other_causes.iter().chain([&handout.faq]) {
        heading(out, &appendix.heading);
        for entry in &appendix.entries {
            let _ = writeln!(
                out,
                "### {} {}\n",
                anchor(&entry.anchor),
                text(&entry.title)
            );
            write_blocks(out, &entry.blocks);
        }
    }
    code_table(out, &handout.codes);
    if let Some(list) = &handout.sources {
        heading(out, &list.heading);
        for line in &list.lines {
            let _ = writeln!(out, "- {}", text(line));
        }
        let _ = writeln!(out);
    }
}

fn code_table(out: &mut String, table: &CodeTable) {
    heading(out, &table.heading);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|",
        text(crate::t!("report.handout.col_code")),
        text(super::labels::display()),
        text(super::labels::meaning()),
        text(super::verdict_label()),
        text(super::class_label()),
        text(super::labels::who()),
        text(crate::t!("report.handout.col_see"))
    );
    for row in &table.rows {
        let mut verdict = vec![text(&row.verdict)];
        verdict.extend(row.warnings.iter().map(|w| format!("**\\! {}**", text(w))));
        let _ = writeln!(
            out,
            "| {}{} | {} | {} | {} | {} | {} | {} |",
            anchor(&row.anchor),
            text(&row.code),
            text(&row.display),
            text(&row.meaning),
            cell(&verdict),
            text(&row.class),
            text(&row.who),
            text(&see_line(&row.see))
        );
    }
    let _ = writeln!(out);
    if !table.conflicts.is_empty() {
        let _ = writeln!(out, "### {}\n", text(crate::t!("report.handout.conflicts")));
        let colon = crate::t!("common.colon");
        for (code, conflict) in &table.conflicts {
            let _ = writeln!(out, "- **{}**{colon}{}", text(code), text(conflict));
        }
        let _ = writeln!(out);
    }
}
