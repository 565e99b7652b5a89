//! The whole pack as a Markdown handout.

use super::{handout_sections, item_blocks, Block};
use crate::model::{Actor, Kind, Pack};
use std::fmt::Write;

fn anchor(id: &str) -> String {
    format!("<a id=\"{id}\"></a>")
}

fn escape_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn write_blocks(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        let _ = match block {
            Block::Heading { id, title, .. } => writeln!(out, "### {} {title}\n", anchor(id)),
            Block::Text { label, text } => writeln!(out, "**{label}**：{text}\n"),
            Block::List {
                label,
                items,
                numbered,
            } => {
                let _ = writeln!(out, "**{label}**：\n");
                for (n, item) in items.iter().enumerate() {
                    let _ = if *numbered {
                        writeln!(out, "{}. {item}", n + 1)
                    } else {
                        writeln!(out, "- {item}")
                    };
                }
                writeln!(out)
            }
            Block::Warning(text) => writeln!(out, "> **注意**：{text}\n"),
            Block::Links { label, links } => {
                let list: Vec<String> = links
                    .iter()
                    .map(|l| format!("[{}](#{})", l.title, l.id))
                    .collect();
                writeln!(out, "**{label}**：{}\n", list.join("，"))
            }
        };
    }
}

/// A printable handout: symptoms, causes with their steps and scripts, FAQ, the code
/// table and the sources, with links between them.
pub fn pack_markdown(pack: &Pack) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", pack.info.name);
    if !pack.info.description.is_empty() {
        let _ = writeln!(out, "{}\n", pack.info.description);
    }
    let _ = writeln!(out, "版本 {}\n", pack.info.version);
    for (kind, items) in handout_sections(pack) {
        let _ = writeln!(out, "## {}\n", kind.label());
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
            "- `{}` {}（{}）",
            source.id, source.title, source.origin
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
            "| [{}](#{}) | {} | {} | {} | {} | {} |",
            code.code,
            code.id,
            escape_cell(&code.display),
            escape_cell(&code.meaning),
            escape_cell(&code.verdict.summary()),
            code.class.letter(),
            Actor::labels(&code.who_fixes)
        );
    }
    let _ = writeln!(out);
}
