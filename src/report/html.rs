//! The whole pack as one printable HTML page.

use super::{handout_sections, item_blocks, Block};
use crate::model::{Actor, Kind, Pack};
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

fn write_blocks(out: &mut String, blocks: &[Block]) {
    let _ = writeln!(out, "<section class=\"item\">");
    for block in blocks {
        let _ = match block {
            Block::Heading { kind, id, title } => writeln!(
                out,
                "<h3 id=\"{}\"><span class=\"kind\">{}</span> {}</h3>",
                escape(id),
                kind.label(),
                escape(title)
            ),
            Block::Text { label, text } => writeln!(out, "<p><b>{label}</b>：{}</p>", escape(text)),
            Block::List {
                label,
                items,
                numbered,
            } => {
                let tag = if *numbered { "ol" } else { "ul" };
                let _ = writeln!(out, "<p><b>{label}</b>：</p><{tag}>");
                for item in items {
                    let _ = writeln!(out, "<li>{}</li>", escape(item));
                }
                writeln!(out, "</{tag}>")
            }
            Block::Warning(text) => writeln!(out, "<p class=\"warning\">{}</p>", escape(text)),
            Block::Links { label, links } => {
                let list: Vec<String> = links
                    .iter()
                    .map(|l| format!("<a href=\"#{}\">{}</a>", escape(&l.id), escape(&l.title)))
                    .collect();
                writeln!(out, "<p><b>{label}</b>：{}</p>", list.join("，"))
            }
        };
    }
    let _ = writeln!(out, "</section>");
}

const STYLE: &str =
    "body{font-family:sans-serif;max-width:52em;margin:2em auto;line-height:1.6;color:#222}\
h2{border-bottom:2px solid #888;margin-top:2em}.item{page-break-inside:avoid;margin-bottom:1.5em}\
.kind{font-size:.8em;color:#555;border:1px solid #999;padding:0 .3em}\
.warning{border-left:4px solid #b00;padding-left:.6em}table{border-collapse:collapse}\
td,th{border:1px solid #999;padding:.2em .4em;vertical-align:top}";

/// A self-contained page for printing handouts.
pub fn pack_html(pack: &Pack) -> String {
    let mut out = String::new();
    let title = escape(&pack.info.name);
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n<p>{}</p>",
        escape(&pack.info.description)
    );
    for (kind, items) in handout_sections(pack) {
        let _ = writeln!(out, "<h2>{}</h2>", kind.label());
        if kind == Kind::Code {
            code_table(&mut out, pack);
        }
        for item in items {
            write_blocks(&mut out, &item_blocks(pack, item));
        }
    }
    let _ = writeln!(out, "<h2>出处</h2>\n<ul>");
    for source in &pack.sources {
        let _ = writeln!(
            out,
            "<li><code>{}</code> {}（{}）</li>",
            escape(&source.id),
            escape(&source.title),
            escape(&source.origin)
        );
    }
    let _ = writeln!(out, "</ul>\n</body>\n</html>");
    out
}

fn code_table(out: &mut String, pack: &Pack) {
    let _ = writeln!(out, "<table>\n<tr><th>应答码</th><th>终端显示</th><th>含义</th><th>能否重试</th><th>类别（背景）</th><th>谁来处理</th></tr>");
    for code in &pack.codes {
        let _ = writeln!(
            out,
            "<tr><td><a href=\"#{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&code.id),
            escape(&code.code),
            escape(&code.display),
            escape(&code.meaning),
            escape(&code.verdict.summary()),
            code.class.letter(),
            Actor::labels(&code.who_fixes)
        );
    }
    let _ = writeln!(out, "</table>");
}
