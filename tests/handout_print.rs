//! The handout as a printer gets it: headless Chromium prints the HTML to an A4 PDF and
//! poppler reads it back. The cheat sheet must be one page, every symptom must start a
//! page, and the Chinese must be real text in a CJK font, not boxes.
//!
//! Needs `chromium`, `pdfinfo`, `pdftotext` and `pdftoppm` (Debian: chromium,
//! poppler-utils, fonts-noto-cjk). Without them the tests say so loudly and pass, so
//! `cargo test` works on a fresh laptop; with `CI` set or `POSDESK_BROWSER_TESTS=1` a
//! missing tool is a failure. `cargo test --test handout_print -- --nocapture` prints the
//! page counts and sizes.
#![cfg(unix)]

use posdesk::report;
use std::io::Write;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Long enough for a cold start on a slow CI machine; printing takes a few seconds.
const PRINT_DEADLINE: Duration = Duration::from_secs(180);

struct Tools {
    chromium: PathBuf,
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// The browser and poppler, or `None` (after a loud note) where they may be missing.
fn tools() -> Option<Tools> {
    let chromium = ["chromium", "chromium-browser"]
        .iter()
        .find_map(|name| on_path(name));
    let missing: Vec<&str> = ["pdfinfo", "pdftotext", "pdftoppm"]
        .into_iter()
        .filter(|name| on_path(name).is_none())
        .chain(chromium.is_none().then_some("chromium"))
        .collect();
    let Some(chromium) = chromium.filter(|_| missing.is_empty()) else {
        let required = std::env::var_os("CI").is_some_and(|v| !v.is_empty())
            || std::env::var("POSDESK_BROWSER_TESTS").is_ok_and(|v| v == "1");
        let message = format!(
            "the handout print test needs {} (Debian: apt-get install chromium fonts-noto-cjk poppler-utils)",
            missing.join(", ")
        );
        if required {
            panic!("{message}; CI or POSDESK_BROWSER_TESTS=1 requires it");
        }
        // Straight to the process's stderr: the test harness would hold back eprintln!.
        let _ = writeln!(std::io::stderr(), "\n!!! SKIPPED: {message}\n");
        return None;
    };
    Some(Tools { chromium })
}

/// Prints an HTML page to PDF with headless Chromium, waiting at most [`PRINT_DEADLINE`].
fn print_to_pdf(tools: &Tools, dir: &Path, name: &str, html: &str) -> PathBuf {
    let page = dir.join(format!("{name}.html"));
    let pdf = dir.join(format!("{name}.pdf"));
    std::fs::write(&page, html).unwrap_or_else(|e| panic!("cannot write {name}.html: {e}"));
    let profile = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let log_path = dir.join(format!("{name}.chromium.log"));
    let log = std::fs::File::create(&log_path).unwrap_or_else(|e| panic!("{e}"));
    let mut child = Command::new(&tools.chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        // Its own process group, so a hung browser goes with its helpers.
        .process_group(0)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", tools.chromium.display()));
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > PRINT_DEADLINE => {
                let _ = Command::new("kill")
                    .args(["-KILL", "--", &format!("-{}", child.id())])
                    .status();
                let _ = child.wait();
                panic!(
                    "chromium did not print {name} within {PRINT_DEADLINE:?}: {}",
                    std::fs::read_to_string(&log_path).unwrap_or_default()
                );
            }
            // Poll: the deadline above bounds the wait, not a guess at how long it takes.
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(error) => panic!("cannot wait for chromium: {error}"),
        }
    };
    assert!(
        status.success() && pdf.is_file(),
        "chromium failed to print {name} ({status}): {}",
        std::fs::read_to_string(&log_path).unwrap_or_default()
    );
    pdf
}

fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[] })
        .output()
        .unwrap_or_else(|e| panic!("cannot run {tool}: {e}"));
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn info(pdf: &Path, field: &str) -> String {
    poppler("pdfinfo", &[], pdf)
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{field}:")))
        .map(|value| value.trim().to_string())
        .unwrap_or_else(|| panic!("pdfinfo gives no {field}"))
}

fn page_count(pdf: &Path) -> usize {
    info(pdf, "Pages")
        .parse()
        .unwrap_or_else(|e| panic!("pdfinfo pages: {e}"))
}

/// The text of every page, in order (pdftotext ends each page with a form feed).
fn pages(pdf: &Path) -> Vec<String> {
    let text = poppler("pdftotext", &[], pdf);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// The handout's Chinese as text: what a reader of the PDF (and a search in it) gets.
fn assert_chinese_text(text: &str) {
    assert!(
        text.contains("持卡人认证失败") && text.contains("常见应答码速查"),
        "the PDF's text is not the Chinese of the handout: {:.200}",
        text
    );
    assert!(
        !text.contains('\u{fffd}'),
        "replacement characters in the PDF"
    );
}

/// A grey-scale page as pdftoppm renders it (binary PGM): width, height, pixels.
fn render_gray(pdf: &Path, width: usize, height: usize) -> Vec<u8> {
    let out = Command::new("pdftoppm")
        .args([
            "-r", "72", "-gray", "-f", "1", "-l", "1", "-x", "0", "-y", "0",
        ])
        .args(["-W", &width.to_string(), "-H", &height.to_string()])
        .arg(pdf)
        .output()
        .unwrap_or_else(|e| panic!("cannot run pdftoppm: {e}"));
    assert!(out.status.success(), "pdftoppm failed");
    // "P5\n<width> <height>\n255\n" and then one byte per pixel.
    let mut fields = 0;
    let mut in_field = false;
    let mut start = None;
    for (at, byte) in out.stdout.iter().enumerate() {
        let space = byte.is_ascii_whitespace();
        if in_field && space {
            fields += 1;
            if fields == 4 {
                start = Some(at + 1);
                break;
            }
        }
        in_field = !space;
    }
    let pixels = start
        .and_then(|start| out.stdout.get(start..))
        .unwrap_or_default();
    assert_eq!(pixels.len(), width * height, "not a {width}x{height} PGM");
    pixels.to_vec()
}

#[test]
fn the_font_stack_draws_chinese_glyphs_not_boxes() {
    // A font without CJK still yields the right text in pdftotext (the PDF maps its
    // missing-glyph boxes back to the characters), so look at the ink instead: two
    // different characters in the handout's own stylesheet must draw different shapes.
    // Missing glyphs are the same box twice.
    let Some(tools) = tools() else { return };
    let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let sheet = report::cheat_sheet_html(&pack);
    let style = sheet
        .split_once("<style>")
        .and_then(|(_, rest)| rest.split_once("</style>"))
        .map(|(style, _)| style)
        .unwrap_or_else(|| panic!("the handout has no stylesheet"));
    // One character per 150 pt cell at 72 dpi: a point is a pixel, both cells align.
    let cell = 150;
    let probe = format!(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><style>{style}</style>\
<style>@page {{ size: A4; margin: 0; }} body {{ margin: 0; }} \
p {{ font-size: 120pt; line-height: 1; margin: 0; white-space: nowrap; }} \
span {{ display: inline-block; width: {cell}pt; }}</style></head>\
<body><p><span>持</span><span>卡</span></p></body></html>"
    );
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pdf = print_to_pdf(&tools, dir.path(), "glyphs", &probe);
    let (width, height) = (2 * cell, 170);
    let pixels = render_gray(&pdf, width, height);
    let ink = |x: usize, y: usize| pixels.get(y * width + x).is_some_and(|&p| p < 128);
    let count = |left: usize| {
        (0..height)
            .flat_map(|y| (0..cell).map(move |x| (x, y)))
            .filter(|&(x, y)| ink(left + x, y))
            .count()
    };
    let (first, second) = (count(0), count(cell));
    assert!(
        first > 200 && second > 200,
        "no glyphs drawn: {first} and {second} dark pixels"
    );
    // The fewest pixels the two cells differ in, over small shifts (a box drawn twice
    // can sit a pixel apart).
    let shift = 4;
    let differ = (0..=2 * shift)
        .flat_map(|dx| (0..=2 * shift).map(move |dy| (dx, dy)))
        .map(|(dx, dy)| {
            (shift..height - shift)
                .flat_map(|y| (shift..cell - shift).map(move |x| (x, y)))
                .filter(|&(x, y)| ink(x, y) != ink(cell + x + dx - shift, y + dy - shift))
                .count()
        })
        .min()
        .unwrap_or(0);
    println!("glyph probe: 持 {first} dark pixels, 卡 {second}, at least {differ} differ");
    assert!(
        differ * 4 > first.max(second),
        "持 and 卡 print as the same shape ({differ} of {} pixels differ): boxes, no CJK font of the stack is installed",
        first.max(second)
    );
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect()
}

#[test]
fn the_cheat_sheet_prints_on_one_a4_page() {
    let Some(tools) = tools() else { return };
    let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pdf = print_to_pdf(
        &tools,
        dir.path(),
        "cheat-sheet",
        &report::cheat_sheet_html(&pack),
    );
    let count = page_count(&pdf);
    println!(
        "cheat sheet alone: {count} page(s), {}",
        info(&pdf, "Page size")
    );
    assert!(info(&pdf, "Page size").contains("A4"), "not A4");
    assert_eq!(count, 1, "the cheat sheet needs {count} pages");
    assert_chinese_text(&poppler("pdftotext", &[], &pdf));
}

#[test]
fn the_handout_prints_with_a_one_page_cheat_sheet_and_a_page_per_symptom() {
    let Some(tools) = tools() else { return };
    let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let html = report::pack_html(&pack);
    let markdown = report::pack_markdown(&pack);
    let pdf = print_to_pdf(&tools, dir.path(), "handout", &html);
    let pages = pages(&pdf);
    assert_eq!(
        pages.len(),
        page_count(&pdf),
        "pdftotext and pdfinfo disagree"
    );
    assert_chinese_text(&pages.concat());

    // The cheat sheet's table header is printed once: a table running onto a second page
    // would repeat it there.
    let header = "屏幕显示·含义";
    let sheet_pages: Vec<usize> = (0..pages.len())
        .filter(|&n| pages.get(n).is_some_and(|p| squeeze(p).contains(header)))
        .collect();
    assert_eq!(sheet_pages.len(), 1, "cheat sheet on pages {sheet_pages:?}");

    // Every symptom starts a page of its own (its number and title first), in home order,
    // right after the sheet.
    let mut starts = Vec::new();
    for symptom in pack.symptoms_by_rank() {
        let title = squeeze(&symptom.title);
        let start = pages.iter().position(|page| {
            page.lines()
                .find(|line| !line.trim().is_empty())
                .is_some_and(|first| {
                    squeeze(first).trim_start_matches(|c: char| c.is_ascii_digit()) == title
                })
        });
        let Some(start) = start else {
            panic!("{}: no page starts with its title", symptom.id);
        };
        starts.push(start);
    }
    assert!(
        starts.windows(2).all(|w| w[0] < w[1]),
        "symptoms out of order: {starts:?}"
    );
    assert_eq!(
        starts.first().copied(),
        sheet_pages.first().map(|n| n + 1),
        "the first symptom does not follow the one-page cheat sheet"
    );

    println!(
        "handout: {} A4 pages (contents 1, cheat sheet 1, symptoms from page {} to {}, appendices to the end); html {} bytes, markdown {} bytes",
        pages.len(),
        starts.first().map_or(0, |n| n + 1),
        starts.last().map_or(0, |n| n + 1),
        html.len(),
        markdown.len()
    );
}
