//! Plain text for the terminal: `posdesk show` and `posdesk code`.

use super::{item_blocks, labels, Block};
use crate::model::{Item, Pack};
use std::fmt::Write;

/// An item's page as plain text.
pub fn item_text(pack: &Pack, item: Item<'_>) -> String {
    blocks_text(&item_blocks(pack, item))
}

/// The answer to an item, as plain text to paste into a chat or a ticket: what it means,
/// the retry verdict, what to do and what to say; no links or sources.
pub fn answer_text(pack: &Pack, item: Item<'_>) -> String {
    let kept: Vec<Block> = item_blocks(pack, item)
        .into_iter()
        .filter(|block| match block {
            Block::Heading { .. } | Block::Warning(_) => true,
            Block::Text { label, .. } => [
                super::verdict_label(),
                labels::meaning(),
                labels::description(),
                labels::action(),
                labels::answer(),
                labels::display(),
            ]
            .contains(label),
            Block::List { label, .. } => [
                labels::how_to_tell(),
                labels::steps(),
                labels::say(),
                labels::say_en(),
            ]
            .contains(label),
            Block::Links { .. } => false,
        })
        .collect();
    blocks_text(&kept)
}

pub fn blocks_text(blocks: &[Block]) -> String {
    let colon = crate::t!("common.colon");
    // Before a list, the colon ends the line.
    let list_colon = colon.trim_end();
    let mut out = String::new();
    for block in blocks {
        // Writing to a String cannot fail.
        let _ = match block {
            Block::Heading { kind, id, title } => {
                let heading = crate::t!(
                    "report.text.heading",
                    kind = kind.label(),
                    title = title,
                    id = id
                );
                writeln!(out, "{heading}")
            }
            Block::Text { label, text } => writeln!(out, "{label}{colon}{text}"),
            Block::List {
                label,
                items,
                numbered,
            } => {
                let _ = writeln!(out, "{label}{list_colon}");
                for (n, item) in items.iter().enumerate() {
                    let _ = if *numbered {
                        writeln!(out, "  {}. {item}", n + 1)
                    } else {
                        writeln!(out, "  - {item}")
                    };
                }
                Ok(())
            }
            Block::Warning(text) => writeln!(out, "! {text}"),
            Block::Links { label, links } => {
                let _ = writeln!(out, "{label}{list_colon}");
                for link in links {
                    let _ = writeln!(
                        out,
                        "  > {}  ({}: {})",
                        link.title,
                        link.kind.key(),
                        link.id
                    );
                }
                Ok(())
            }
        };
    }
    out
}
