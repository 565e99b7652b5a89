//! The handout as one self-contained HTML page, laid out for printing on A4: contents, the
//! cheat sheet on a page of its own, every symptom from a new page. No external asset (a
//! training room may have no network) and every text from the pack escaped.

use super::handout::{
    cheat_sheet_intro, handout, see_line, CheatRow, CheatSheet, CodeTable, Handout, HandoutOptions,
    Heading, Number,
};
use super::Block;
use crate::model::{Pack, Verdict};
use std::fmt::Write;

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The language of the pack's content, the page's own language.
const CONTENT_LANG: &str = "zh-CN";

/// The `lang` attribute of an element that holds the UI's words (labels, headings, the
/// notes the handout writes itself): none when the UI speaks the content's language.
fn ui_lang() -> String {
    let lang = crate::t!("report.html.ui_lang");
    if lang == CONTENT_LANG {
        String::new()
    } else {
        format!(" lang=\"{}\"", escape(lang))
    }
}

fn write_blocks(out: &mut String, blocks: &[Block]) {
    let ui = ui_lang();
    let colon = crate::t!("common.colon");
    let list_colon = colon.trim_end();
    for block in blocks {
        let _ = match block {
            Block::Heading { kind, id, title } => writeln!(
                out,
                "<h3 id=\"{}\"><span class=\"kind\"{ui}>{}</span> {}</h3>",
                escape(id),
                escape(kind.label()),
                escape(title)
            ),
            Block::Text { label, text } => writeln!(
                out,
                "<p><b{ui}>{}</b>{colon}{}</p>",
                escape(label),
                escape(text)
            ),
            Block::List {
                label,
                items,
                numbered,
            } => {
                let tag = if *numbered { "ol" } else { "ul" };
                let _ = writeln!(
                    out,
                    "<p class=\"list-label\"><b{ui}>{}</b>{list_colon}</p><{tag}>",
                    escape(label)
                );
                for item in items {
                    let _ = writeln!(out, "<li>{}</li>", escape(item));
                }
                writeln!(out, "</{tag}>")
            }
            Block::Warning(text) => {
                writeln!(out, "<p class=\"warning\"{ui}>! {}</p>", escape(text))
            }
            Block::Links { label, links } => {
                // The words say where the target is printed; the link is for screens.
                let list: Vec<String> = links
                    .iter()
                    .map(|l| format!("<a href=\"#{}\">{}</a>", escape(&l.id), escape(&l.title)))
                    .collect();
                writeln!(
                    out,
                    "<p><b{ui}>{}</b>{colon}{}</p>",
                    escape(label),
                    list.join(crate::t!("report.handout.link_sep"))
                )
            }
        };
    }
}

/// Print first: A4 pages, the cheat sheet alone on its page, every symptom from a new
/// page, no cause block or table row cut in two where it can be helped. The font stack
/// names the CJK fonts of Linux, macOS and Windows in turn, so Chinese never falls back
/// to a font without it (boxes on paper).
const STYLE: &str = concat!(
    r#"
@page { size: A4; margin: 14mm 13mm 15mm 13mm;
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #555; } }
html { font-family: "#,
    r#""Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }"#, // not UI: font names
    r#"
body { font-size: 10pt; line-height: 1.45; color: #111; margin: 0; }
@media screen { body { max-width: 52em; margin: 2em auto; padding: 0 1em; } }
h1 { font-size: 20pt; margin: 0 0 .3em; }
h2 { font-size: 15pt; border-bottom: 2px solid #444; margin: 0 0 .6em; padding-bottom: .1em; break-after: avoid; }
h3 { font-size: 12pt; margin: 1em 0 .3em; break-after: avoid; }
p { margin: .25em 0; }
ol, ul { margin: .2em 0 .4em; padding-left: 1.8em; }
.list-label { break-after: avoid; }
.number { display: inline-block; min-width: 1.6em; margin-right: .4em; }
.kind { font-size: .8em; border: 1px solid #777; padding: 0 .3em; margin-right: .3em; }
.warning { border-left: 4px solid #b00; padding-left: .6em; font-weight: bold; }
.contents ul { list-style: none; padding-left: 0; }
.contents ul ul { padding-left: 1.5em; }
.contents li { margin: .15em 0; }
.contents a { color: inherit; text-decoration: none; }
.cheat-sheet, .symptom, .appendix { break-before: page; }
.cause, .entry { break-inside: avoid; border-top: 1px solid #bbb; padding-top: .3em; margin-top: .8em; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td, th { border: 1px solid #888; padding: .15em .3em; vertical-align: top; text-align: left; }
th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.cheat-sheet { page: cheat-sheet; break-after: page; font-size: 8pt; line-height: 1.3; }
@page cheat-sheet { margin: 10mm 10mm 12mm 10mm; }
.cheat { table-layout: fixed; }
.cheat col.code { width: 7%; } .cheat col.means { width: 20%; } .cheat col.verdict { width: 19%; }
.cheat col.first { width: 31%; } .cheat col.say { width: 23%; }
.cheat-sheet h2 { font-size: 13pt; margin-bottom: .3em; }
.cheat-sheet .intro { margin-bottom: .4em; }
.cheat td.code { font-size: 13pt; font-weight: bold; white-space: nowrap; text-align: center; }
.cheat td.code small { display: block; font-size: 7pt; font-weight: normal; }
.cheat .warning { border-left-width: 3px; padding-left: .3em; margin: 0 0 .15em; }
.cheat .no { font-weight: bold; }
.codes { font-size: 8.5pt; line-height: 1.35; table-layout: fixed; }
.codes col.code { width: 7%; } .codes col.display { width: 13%; } .codes col.meaning { width: 24%; }
.codes col.verdict { width: 27%; } .codes col.class { width: 11%; } .codes col.who { width: 10%; }
.codes col.see { width: 8%; }
a { color: inherit; }
"#
);

/// Added where the UI's words are not Chinese: Latin labels and notes run longer than
/// Chinese ones, so the cheat sheet gives the retry column more room and sets the UI's
/// words (the elements with a `lang`) a size smaller, to stay on one page.
const STYLE_LATIN_UI: &str = r#"
.cheat col.code { width: 6%; } .cheat col.means { width: 19%; } .cheat col.verdict { width: 25%; }
.cheat col.first { width: 29%; } .cheat col.say { width: 21%; }
.cheat td, .cheat [lang] { font-size: 7pt; line-height: 1.25; }
"#;

fn document(out: &mut String, title: &str, body: impl FnOnce(&mut String)) {
    // The page is in the content's language; the UI's words say where they differ.
    let latin_ui = if ui_lang().is_empty() {
        ""
    } else {
        STYLE_LATIN_UI
    };
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{CONTENT_LANG}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}{latin_ui}</style>\n</head>\n<body>",
        escape(title)
    );
    body(out);
    let _ = writeln!(out, "</body>\n</html>");
}

/// A heading's number and title as the contents and the heading show them: an appendix's
/// number is the UI's words, and so is the title of the handout's own parts.
fn heading_words(heading: &Heading) -> String {
    let ui = ui_lang();
    let title = if heading.is_own_part() && !ui.is_empty() {
        format!("<span{ui}>{}</span>", escape(&heading.title))
    } else {
        escape(&heading.title)
    };
    // A section's number is a number in any language; an appendix's is words.
    let number_lang = match heading.number {
        Number::Section(_) => "",
        Number::Appendix(_) => ui.as_str(),
    };
    format!(
        "<span class=\"number\"{number_lang}>{}</span> {title}",
        escape(&heading.number.label())
    )
}

/// A heading of a numbered part, with its anchor.
fn heading(out: &mut String, heading: &Heading) {
    let _ = writeln!(out, "<h2>{}</h2>", heading_words(heading));
}

/// The handout of the pack with its defaults: no source lines.
pub fn pack_html(pack: &Pack) -> String {
    handout_html(pack, HandoutOptions::default())
}

/// The whole handout: contents, cheat sheet, one page per symptom, appendices.
pub fn handout_html(pack: &Pack, options: HandoutOptions) -> String {
    let handout = handout(pack, options);
    let mut out = String::new();
    document(&mut out, &handout.title, |out| {
        contents(out, &handout);
        cheat_sheet(out, &handout.cheat_sheet);
        symptoms(out, &handout);
        appendices(out, &handout);
    });
    out
}

/// The cheat sheet alone, to print for the counter.
pub fn cheat_sheet_html(pack: &Pack) -> String {
    let sheet = handout(pack, HandoutOptions::default()).cheat_sheet.alone();
    let mut out = String::new();
    document(&mut out, &sheet.heading.title, |out| {
        cheat_sheet(out, &sheet);
    });
    out
}

fn contents(out: &mut String, handout: &Handout) {
    let _ = writeln!(
        out,
        "<section class=\"contents\" id=\"part_contents\">\n<h1>{}</h1>",
        escape(&handout.title)
    );
    if !handout.description.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(&handout.description));
    }
    let ui = ui_lang();
    let _ = writeln!(
        out,
        "<p{ui}>{}</p>\n<h2{ui}>{}</h2>\n<ul>",
        escape(&crate::t!(
            "report.handout.version",
            version = handout.version
        )),
        escape(crate::t!("report.handout.contents"))
    );
    for group in handout.contents() {
        let entries: String = group
            .headings
            .iter()
            .map(|h| {
                format!(
                    "<li><a href=\"#{}\">{}</a></li>\n",
                    escape(&h.anchor),
                    heading_words(h)
                )
            })
            .collect();
        match group.title {
            Some(title) if !ui.is_empty() => {
                let _ = writeln!(
                    out,
                    "<li><span{ui}>{}</span>\n<ul>\n{entries}</ul></li>",
                    escape(title)
                );
            }
            Some(title) => {
                let _ = writeln!(out, "<li>{}\n<ul>\n{entries}</ul></li>", escape(title));
            }
            None => out.push_str(&entries),
        }
    }
    let _ = writeln!(out, "</ul>\n</section>");
}

/// A table's header row: its cells' words, escaped.
fn header_cells(words: &[&str]) -> String {
    words
        .iter()
        .map(|word| format!("<th>{}</th>", escape(word)))
        .collect()
}

fn verdict_cell(verdict: &Verdict) -> String {
    verdict
        .parts()
        .iter()
        .map(|part| {
            let class = if part.allowed { "yes" } else { "no" };
            format!("<span class=\"{class}\">{}</span>", escape(&part.line()))
        })
        .collect::<Vec<_>>()
        .join("<br>")
}

fn cheat_row(out: &mut String, row: &CheatRow) {
    let warnings: String = row
        .warnings
        .iter()
        .map(|w| format!("<p class=\"warning\"{}>! {}</p>", ui_lang(), escape(w)))
        .collect();
    let see = see_line(&row.see);
    let ui = ui_lang();
    let _ = writeln!(
        out,
        "<tr id=\"{}\"><td class=\"code\">{}{}</td><td><b>{}</b><br>{}</td><td class=\"verdict\"{ui}>{}</td><td>{warnings}{}</td><td>{}</td></tr>",
        escape(&row.anchor),
        escape(&row.code),
        if see.is_empty() {
            String::new()
        } else {
            format!("<small{ui}>{}</small>", escape(&see))
        },
        escape(&row.display),
        escape(&row.means),
        verdict_cell(&row.verdict),
        escape(&row.first),
        row.say.as_deref().map(escape).unwrap_or_default(),
    );
}

fn cheat_sheet(out: &mut String, sheet: &CheatSheet) {
    let _ = writeln!(
        out,
        "<section class=\"cheat-sheet\" id=\"{}\">",
        escape(&sheet.heading.anchor)
    );
    if sheet.standalone {
        let _ = writeln!(
            out,
            "<h2{}>{}</h2>",
            ui_lang(),
            escape(&sheet.heading.title)
        );
    } else {
        heading(out, &sheet.heading);
    }
    let ui = ui_lang();
    let _ = writeln!(
        out,
        "<p class=\"intro\"{ui}>{}</p>\n<table class=\"cheat\">\n<colgroup><col class=\"code\"><col class=\"means\"><col class=\"verdict\"><col class=\"first\"><col class=\"say\"></colgroup>\n<thead{ui}><tr>{}</tr></thead>\n<tbody>",
        escape(&cheat_sheet_intro(sheet)),
        header_cells(&[
            crate::t!("report.handout.col_code"),
            crate::t!("report.handout.col_screen"),
            super::verdict_label(),
            super::card::first_label(),
            super::card::say_label(),
        ])
    );
    for row in &sheet.rows {
        cheat_row(out, row);
    }
    let _ = writeln!(out, "</tbody>\n</table>\n</section>");
}

fn symptoms(out: &mut String, handout: &Handout) {
    for page in &handout.symptoms {
        let _ = writeln!(
            out,
            "<section class=\"symptom\" id=\"{}\">",
            escape(&page.heading.anchor)
        );
        heading(out, &page.heading);
        write_blocks(out, &page.blocks);
        for cause in &page.causes {
            let _ = writeln!(
                out,
                "<section class=\"cause\" id=\"{}\">\n<h3><span class=\"kind\"{}>{}</span> {}</h3>",
                escape(&cause.anchor),
                ui_lang(),
                escape(&cause.label),
                escape(&cause.title)
            );
            write_blocks(out, &cause.blocks);
            let _ = writeln!(out, "</section>");
        }
        let _ = writeln!(out, "</section>");
    }
}

fn appendices(out: &mut String, handout: &Handout) {
    for appendix in handout.other_causes.iter().chain([&handout.faq]) {
        let _ = writeln!(
            out,
            "<section class=\"appendix\" id=\"{}\">",
            escape(&appendix.heading.anchor)
        );
        heading(out, &appendix.heading);
        for entry in &appendix.entries {
            let _ = writeln!(
                out,
                "<section class=\"entry\" id=\"{}\">\n<h3>{}</h3>",
                escape(&entry.anchor),
                escape(&entry.title)
            );
            write_blocks(out, &entry.blocks);
            let _ = writeln!(out, "</section>");
        }
        let _ = writeln!(out, "</section>");
    }
    code_table(out, &handout.codes);
    if let Some(list) = &handout.sources {
        let _ = writeln!(
            out,
            "<section class=\"appendix\" id=\"{}\">",
            escape(&list.heading.anchor)
        );
        heading(out, &list.heading);
        let _ = writeln!(out, "<ul>");
        for line in &list.lines {
            let _ = writeln!(out, "<li>{}</li>", escape(line));
        }
        let _ = writeln!(out, "</ul>\n</section>");
    }
}

fn code_table(out: &mut String, table: &CodeTable) {
    let _ = writeln!(
        out,
        "<section class=\"appendix\" id=\"{}\">",
        escape(&table.heading.anchor)
    );
    heading(out, &table.heading);
    let ui = ui_lang();
    let _ = writeln!(
        out,
        "<table class=\"codes\">\n<colgroup><col class=\"code\"><col class=\"display\"><col class=\"meaning\"><col class=\"verdict\"><col class=\"class\"><col class=\"who\"><col class=\"see\"></colgroup>\n<thead{ui}><tr>{}</tr></thead>\n<tbody>",
        header_cells(&[
            crate::t!("report.handout.col_code"),
            super::labels::display(),
            super::labels::meaning(),
            super::verdict_label(),
            super::class_label(),
            super::labels::who(),
            crate::t!("report.handout.col_see"),
        ])
    );
    for row in &table.rows {
        let warnings: String = row
            .warnings
            .iter()
            .map(|w| format!("<br><b>! {}</b>", escape(w)))
            .collect();
        let _ = writeln!(
            out,
            "<tr id=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td{ui}>{}{warnings}</td><td{ui}>{}</td><td{ui}>{}</td><td{ui}>{}</td></tr>",
            escape(&row.anchor),
            escape(&row.code),
            escape(&row.display),
            escape(&row.meaning),
            escape(&row.verdict),
            escape(&row.class),
            escape(&row.who),
            escape(&see_line(&row.see))
        );
    }
    let _ = writeln!(out, "</tbody>\n</table>");
    if !table.conflicts.is_empty() {
        let _ = writeln!(
            out,
            "<h3{ui}>{}</h3>\n<ul>",
            escape(crate::t!("report.handout.conflicts"))
        );
        let colon = crate::t!("common.colon");
        for (code, conflict) in &table.conflicts {
            let _ = writeln!(
                out,
                "<li><b>{}</b>{colon}{}</li>",
                escape(code),
                escape(conflict)
            );
        }
        let _ = writeln!(out, "</ul>");
    }
    let _ = writeln!(out, "</section>");
}
