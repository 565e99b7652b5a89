//! An item's page as styled logical lines for the right-hand panel, some of them links.
//! Built from the same blocks as `posdesk show`, so the app and the CLI never disagree.

use super::text::{highlighted, wrap, Piece};
use crate::app::theme::Theme;
use crate::model::{Item, Pack};
use crate::report::{item_blocks, Block};
use ratatui::text::Line;

/// One logical line: wrapped to the panel's width when drawn.
#[derive(Debug, Clone)]
pub struct DetailLine {
    pub pieces: Vec<Piece>,
    /// Continuation rows start this many columns in.
    pub indent: usize,
    /// The id this line leads to, when it is a link.
    pub link: Option<String>,
}

impl DetailLine {
    pub(crate) fn new(pieces: Vec<Piece>, indent: usize) -> DetailLine {
        DetailLine {
            pieces,
            indent,
            link: None,
        }
    }
}

/// Colours `【收银员】` style prefixes by who acts. The prefixes are the content's, which
/// is written in Chinese: they are matched against the Chinese labels in either language.
fn step_pieces(text: &str, theme: &Theme) -> Vec<Piece> {
    // A step reads "【收银员】…" or "[Clerk] …": the report's own template, so the actor is
    // coloured in either language.
    match crate::report::split_step(text) {
        Some((actor, who, rest)) => vec![
            Piece::new(who, theme.actor(actor)),
            Piece::new(rest, theme.text()),
        ],
        None => vec![Piece::new(text, theme.text())],
    }
}

pub fn item_lines(pack: &Pack, item: Item<'_>, theme: &Theme) -> Vec<DetailLine> {
    let mut lines = Vec::new();
    for block in item_blocks(pack, item) {
        match block {
            Block::Heading { kind, title, .. } => {
                lines.push(DetailLine::new(
                    vec![Piece::new(
                        format!("[{}] {title}", kind.label()),
                        theme.heading(),
                    )],
                    2,
                ));
            }
            Block::Text { label, text } => {
                let style = match &item {
                    Item::Code(code) if label == crate::report::class_label() => {
                        theme.class(code.class)
                    }
                    _ => theme.text(),
                };
                lines.push(DetailLine::new(
                    vec![
                        Piece::new(
                            format!("{label}{}", crate::t!("common.colon")),
                            theme.label(),
                        ),
                        Piece::new(text, style),
                    ],
                    2,
                ));
            }
            Block::List {
                label,
                items,
                numbered,
            } => {
                lines.push(DetailLine::new(
                    vec![Piece::new(
                        format!("{label}{}", crate::t!("common.colon")),
                        theme.label(),
                    )],
                    0,
                ));
                for (n, entry) in items.iter().enumerate() {
                    let marker = if numbered {
                        format!("{:>2}. ", n + 1)
                    } else {
                        "  - ".to_string()
                    };
                    let mut pieces = vec![Piece::new(marker, theme.dim())];
                    pieces.extend(step_pieces(entry, theme));
                    lines.push(DetailLine::new(pieces, 4));
                }
            }
            Block::Warning(text) => {
                lines.push(DetailLine::new(
                    vec![Piece::new(format!("! {text}"), theme.warning())],
                    2,
                ));
            }
            Block::Links { label, links } => {
                lines.push(DetailLine::new(
                    vec![Piece::new(
                        format!("{label}{}", crate::t!("common.colon")),
                        theme.label(),
                    )],
                    0,
                ));
                for link in links {
                    let mut line = DetailLine::new(
                        vec![
                            Piece::new("  > ", theme.dim()),
                            Piece::new(link.title.clone(), theme.link()),
                            Piece::new(format!(" ({})", link.kind.label()), theme.dim()),
                        ],
                        4,
                    );
                    line.link = Some(link.id.clone());
                    lines.push(line);
                }
            }
        }
    }
    lines
}

/// Plain wrapped text as logical lines, for short context paragraphs.
pub fn paragraph(label: &str, text: &str, highlight: &[usize], theme: &Theme) -> DetailLine {
    let mut pieces = Vec::new();
    if !label.is_empty() {
        pieces.push(Piece::new(
            format!("{label}{}", crate::t!("common.colon")),
            theme.label(),
        ));
    }
    pieces.extend(highlighted(text, highlight, theme.text(), theme.matched()));
    DetailLine::new(pieces, 0)
}

/// The rows of logical lines at a width, and which logical line each row belongs to.
pub fn rows(lines: &[DetailLine], width: usize) -> (Vec<Line<'static>>, Vec<usize>) {
    let mut rows = Vec::new();
    let mut owners = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        for row in wrap(&line.pieces, width, line.indent) {
            rows.push(row);
            owners.push(index);
        }
    }
    (rows, owners)
}
