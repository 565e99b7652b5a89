//! The whole pack as a Markdown handout.

use super::{handout_sections, item_blocks, Block};
use crate::model::{Actor, Kind, Pack};
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
    for block in blocks {
        let _ = match block {
            Block::Heading { id, title, .. } => {
                writeln!(out, "### {} {}\n", anchor(id), text(title))
            }
            Block::Text { label, text: body } => {
                writeln!(out, "**{}**：{}\n", text(label), text(body))
            }
            Block::List {
                label,
                items,
                numbered,
            } => {
                let _ = writeln!(out, "**{}**：\n", text(label));
                for (n, item) in items.iter().enumerate() {
                    let _ = if *numbered {
                        writeln!(out, "{}. {}", n + 1, text(item))
                    } else {
                        writeln!(out, "- {}", text(item))
                    };
                }
                writeln!(out)
            }
            Block::Warning(warning) => writeln!(out, "> **注意**：{}\n", text(warning)),
            Block::Links { label, links } => {
                let list: Vec<String> = links.iter().map(|l| link(&l.title, &l.id)).collect();
                writeln!(out, "**{}**：{}\n", text(label), list.join("，"))
            }
        };
    }
}

/// A printable handout: symptoms, causes with their steps and scripts, FAQ, the code
/// table and the sources, with links between them.
pub fn pack_markdown(pack: &Pack) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", text(&pack.info.name));
    if !pack.info.description.is_empty() {
        let _ = writeln!(out, "{}\n", text(&pack.info.description));
    }
    let _ = writeln!(out, "版本 {}\n", text(&pack.info.version));
    for (kind, items) in handout_sections(pack) {
        let _ = writeln!(out, "## {}\n", text(kind.label()));
        if kind == Kind::Code {
            code_table(&mut out, pack);
        }
        for item in items {
            write_blocks(&mut out, &item_blocks(pack, item));
        }
    }
    let _ = writeln!(out, "## 出处\n");
    for source in &pack.sources {
        let _ = writeln!(
            out,
            "- {} {}（{}）",
            text(&source.id),
            text(&source.title),
            text(&source.origin)
        );
    }
    out
}

fn code_table(out: &mut String, pack: &Pack) {
    let _ = writeln!(
        out,
        "| 应答码 | 终端显示 | 含义 | 能否重试 | 类别（背景） | 谁来处理 |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|");
    for code in &pack.codes {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            link(&code.code, &code.id),
            text(&code.display),
            text(&code.meaning),
            text(&code.verdict.summary()),
            code.class.letter(),
            text(&Actor::labels(&code.who_fixes))
        );
    }
    let _ = writeln!(out);
}
