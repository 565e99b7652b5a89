//! Reports in English: `posdesk show` / `code` text, the counter card, the Markdown and HTML
//! handouts carry English labels and headings around the pack's Chinese content, and keep
//! the same blocks, lines and layout as in Chinese.

use posdesk::i18n::{scoped, Catalog, Lang, EN_TEXT};
use posdesk::model::{Item, Pack};
use posdesk::report::{self, Block, HandoutOptions, Sources};

fn pack() -> Pack {
    posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"))
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

fn has_cjk(text: &str) -> bool {
    text.chars().any(is_cjk)
}

/// What `posdesk code 05` prints: the counter card, then the page.
fn code_text(pack: &Pack, code: &str) -> String {
    let Some(code) = pack.code(code) else {
        panic!("no code {code}");
    };
    let card = report::card::counter_card(pack, Item::Code(code));
    format!(
        "{}\n{}",
        report::card::card_text(&card),
        report::item_text(pack, Item::Code(code))
    )
}

#[test]
fn code_05_in_english_has_english_labels_around_the_chinese_content() {
    let pack = pack();
    let Some(code) = pack.code("05") else {
        panic!("no 05");
    };
    let zh = code_text(&pack, "05");
    let _en = scoped(Lang::En);
    let en = code_text(&pack, "05");
    for label in [
        "Means  ",
        "Retry  Same card now: No",
        "Do first  ",
        "Say  ",
        "[Response code] 05 ",
        "Terminal shows: ",
        "Meaning: ",
        "Retry?: Same card now: No; ",
        "What to do: ",
        "Class (background): C ",
        "Who acts: Clerk, Cardholder, Issuing bank",
        "Possible causes:\n",
        "Related symptoms:\n",
        "Sources: ",
    ] {
        assert!(en.contains(label), "no {label:?} in:\n{en}");
    }
    // The content stays as the pack has it.
    assert!(en.contains(code.meaning.as_str()), "{en}");
    assert!(en.contains(code.display.as_str()), "{en}");
    // Labels are English: on every labelled line, the words before the colon are.
    for line in en.lines() {
        if let Some((label, _)) = line.split_once(": ") {
            if !line.starts_with("  ") && !line.starts_with("! ") && !line.starts_with('[') {
                assert!(!has_cjk(label), "a Chinese label: {line}");
            }
        }
    }
    assert!(
        zh.contains("含义：") && zh.contains("【应答码】05 "),
        "{zh}"
    );
    assert_eq!(zh.lines().count(), en.lines().count(), "{zh}\n{en}");
}

#[test]
fn a_timeout_and_a_risk_card_keep_their_warnings_in_english() {
    let pack = pack();
    let _en = scoped(Lang::En);
    let timeout = code_text(&pack, "68");
    assert!(
        timeout.contains("!  Result unknown. Check the last sale's result first"),
        "{timeout}"
    );
    assert!(timeout.contains("double charge"), "{timeout}");
    assert!(timeout.contains("Same card now: No"), "{timeout}");
    let risk = code_text(&pack, "41");
    assert!(risk.contains("Risk card: "), "{risk}");
    assert!(risk.contains("Say in English:\n"), "{risk}");
    assert!(risk.contains("Don't say:\n"), "{risk}");
}

#[test]
fn every_item_keeps_the_same_blocks_and_lines_in_both_languages() {
    let pack = pack();
    let count = |item: Item<'_>| {
        (
            report::answer_text(&pack, item).lines().count(),
            report::item_text(&pack, item).lines().count(),
            report::card::counter_card(&pack, item).len(),
            report::item_blocks_with(&pack, item, Sources::Hidden).len(),
        )
    };
    let zh: Vec<_> = pack.items().map(count).collect();
    let en: Vec<_> = {
        let _en = scoped(Lang::En);
        pack.items().map(count).collect()
    };
    for ((item, zh), en) in pack.items().zip(&zh).zip(&en) {
        assert_eq!(zh, en, "{} differs (answer, page, card, blocks)", item.id());
    }
    // The answer is shorter than the page and is in English too.
    let _en = scoped(Lang::En);
    let Some(cause) = pack.causes.first() else {
        panic!("no cause");
    };
    let answer = report::answer_text(&pack, Item::Cause(cause));
    assert!(answer.contains("Retry?: "), "{answer}");
    assert!(answer.contains("Steps:\n"), "{answer}");
    assert!(!answer.contains("Sources: "), "{answer}");
    assert!(!answer.contains("Also called: "), "{answer}");
}

#[test]
fn steps_name_who_acts_in_either_language() {
    let pack = pack();
    let step_of = |pack: &Pack| {
        let blocks = report::item_blocks(pack, Item::Cause(&pack.causes[0]));
        blocks
            .into_iter()
            .find_map(|block| match block {
                Block::List {
                    numbered: true,
                    items,
                    ..
                } => items.into_iter().next(),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no steps"))
    };
    let zh = step_of(&pack);
    let Some((_, who, _)) = report::split_step(&zh) else {
        panic!("not a step: {zh}");
    };
    assert!(who.starts_with('【'), "{who}");
    let _en = scoped(Lang::En);
    let en = step_of(&pack);
    let Some((actor, who, rest)) = report::split_step(&en) else {
        panic!("not a step: {en}");
    };
    assert_eq!(who, format!("[{}] ", actor.label()));
    assert!(has_cjk(rest) && !has_cjk(who), "{en}");
    assert_eq!(report::split_step("[Nobody] text"), None);
}

#[test]
fn the_markdown_handout_in_english_has_english_headings() {
    let pack = pack();
    let options = HandoutOptions {
        sources: Sources::Shown,
    };
    let zh = report::handout_markdown(&pack, options);
    let _en = scoped(Lang::En);
    let en = report::handout_markdown(&pack, options);
    for heading in [
        "## Contents\n",
        "- By symptom \\(each on a new page, most common first\\)\n",
        "- Appendices\n",
        "1 Common response codes at a glance\n",
        "Appendix 1 FAQ\n",
        "Appendix 2 Response code table\n",
        "Appendix 3 Sources\n",
        "| Code | Screen / meaning | Retry? | Do first | Say |\n",
        "| Code | Terminal shows | Meaning | Retry? | Class \\(background\\) | Who acts | See |\n",
        "Cause 1 ",
        "**Description**: ",
        "**Likely causes \\(most likely first, each explained below\\)**:\n",
        "(see section ",
    ] {
        assert!(en.contains(heading), "no {heading:?}");
    }
    assert!(zh.contains("## 目录\n") && zh.contains("附录一 常见问题"));
    // Headings of the handout's own parts are all English.
    for line in en.lines().filter(|l| l.starts_with("## ")) {
        if line.contains("part_") || line == "## Contents" {
            assert!(!has_cjk(line), "{line}");
        }
    }
    assert_eq!(
        zh.lines().filter(|l| l.starts_with('#')).count(),
        en.lines().filter(|l| l.starts_with('#')).count()
    );
    // A table row keeps its column count in English too.
    for line in en.lines().filter(|l| l.starts_with("| ")) {
        let cells = line.matches(" | ").count();
        assert!(cells == 4 || cells == 6, "{line}");
    }
}

/// Every tag is one the handout writes, and every element opened is closed.
fn assert_well_formed(html: &str) {
    let void = ["meta", "br", "col"];
    let mut open: Vec<String> = Vec::new();
    for (place, _) in html.match_indices('<') {
        let tag = html.get(place + 1..).unwrap_or_default();
        if tag.starts_with("!DOCTYPE") {
            continue;
        }
        let tag = tag.split('>').next().unwrap_or_default();
        let mut words = tag.split(' ');
        let name = words.next().unwrap_or_default();
        for attribute in words {
            assert!(
                ["lang=\"", "charset=\"", "class=\"", "id=\"", "href=\"#"]
                    .iter()
                    .any(|a| attribute.starts_with(a)),
                "<{tag}>"
            );
        }
        if let Some(closing) = name.strip_prefix('/') {
            assert_eq!(open.pop().as_deref(), Some(closing), "at <{tag}>");
        } else if !void.contains(&name) {
            open.push(name.to_string());
        }
    }
    assert!(open.is_empty(), "left open: {open:?}");
}

#[test]
fn the_html_handout_in_english_has_english_headings_marked_as_english() {
    let pack = pack();
    let zh = report::pack_html(&pack);
    let _en = scoped(Lang::En);
    let en = report::pack_html(&pack);
    assert_well_formed(&en);
    assert_well_formed(&report::cheat_sheet_html(&pack));
    for part in [
        // The page is the pack's, in Chinese; the UI's words say they are English.
        "<html lang=\"zh-CN\">",
        "<h2 lang=\"en\">Contents</h2>",
        "<span lang=\"en\">By symptom (each on a new page, most common first)</span>",
        "<span class=\"number\">1</span> <span lang=\"en\">Common response codes at a glance</span>",
        "<span class=\"number\" lang=\"en\">Appendix 1</span> <span lang=\"en\">FAQ</span>",
        "<span lang=\"en\">Response code table</span>",
        "<thead lang=\"en\"><tr><th>Code</th><th>Screen / meaning</th><th>Retry?</th><th>Do first</th><th>Say</th></tr></thead>",
        "<th>Class (background)</th><th>Who acts</th><th>See</th>",
        "<p class=\"intro\" lang=\"en\">When the screen",
        "<span class=\"kind\" lang=\"en\">Cause 1</span>",
        "<b lang=\"en\">Description</b>: ",
        "<p class=\"warning\" lang=\"en\">! ",
    ] {
        assert!(en.contains(part), "no {part}");
    }
    assert!(
        !zh.contains("lang=\"en\""),
        "the Chinese page marks nothing"
    );
    let symptom = pack.symptoms_by_rank()[0];
    assert!(
        en.contains(&format!(
            "<h2><span class=\"number\">2</span> {}</h2>",
            symptom.title_en.as_ref().unwrap_or(&symptom.title)
        )),
        "a symptom's title is the pack's English one"
    );
    let sheet = report::cheat_sheet_html(&pack);
    // Alone, the sheet names no part of a handout it is not in.
    let references = sheet
        .match_indices("section ")
        .filter(|(at, _)| !sheet[..*at].ends_with('<'))
        .count();
    assert!(!sheet.contains("Appendix") && references == 0, "{sheet}");
}

#[test]
fn the_english_words_of_reports_promise_no_more_than_the_chinese() {
    let catalog = Catalog::parse(EN_TEXT).unwrap_or_else(|e| panic!("{e}"));
    let mine = [
        "model.",
        "kind.",
        "actor.",
        "class.",
        "origin.",
        "card.more.",
        "report.",
    ];
    let mut checked = 0;
    for key in catalog
        .keys()
        .filter(|k| mine.iter().any(|m| k.starts_with(m)))
    {
        let text = catalog.get(key).unwrap_or_default().to_lowercase();
        for banned in [
            "not charged",
            "no charge",
            "right away",
            "immediately",
            "split",
            "try again now",
            "failed",
        ] {
            assert!(!text.contains(banned), "{key}: {text}");
        }
        assert!(text.is_ascii(), "{key} is not ASCII: {text}");
        checked += 1;
    }
    assert!(checked > 90, "{checked}");
}

/// Prints a page to PDF with headless Chromium and gives the text of each page; None (after
/// a loud note) where Chromium or poppler is missing, unless CI or POSDESK_BROWSER_TESTS=1
/// requires them, as in tests/handout_print.rs.
#[cfg(unix)]
fn printed_pages(name: &str, html: &str) -> Option<Vec<String>> {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let on_path = |name: &str| {
        std::env::var_os("PATH").and_then(|path| {
            std::env::split_paths(&path)
                .map(|dir| dir.join(name))
                .find(|candidate| candidate.is_file())
        })
    };
    let chromium = on_path("chromium").or_else(|| on_path("chromium-browser"));
    let (Some(chromium), Some(_), Some(_)) = (chromium, on_path("pdftotext"), on_path("pdfinfo"))
    else {
        let required = std::env::var_os("CI").is_some_and(|v| !v.is_empty())
            || std::env::var("POSDESK_BROWSER_TESTS").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "the English print test needs chromium and poppler-utils"
        );
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            b"\n!!! SKIPPED: the English print test needs chromium and poppler-utils\n",
        );
        return None;
    };
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let page = dir.path().join(format!("{name}.html"));
    let pdf = dir.path().join(format!("{name}.pdf"));
    std::fs::write(&page, html).unwrap_or_else(|e| panic!("{e}"));
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start chromium: {e}"));
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > Duration::from_secs(180) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("chromium did not print {name}");
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(error) => panic!("cannot wait for chromium: {error}"),
        }
    };
    assert!(
        status.success() && pdf.is_file(),
        "chromium failed on {name}"
    );
    let out = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftotext: {e}"));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Some(pages)
}

#[cfg(unix)]
#[test]
fn the_english_cheat_sheet_still_prints_on_one_a4_page() {
    let pack = pack();
    let _en = scoped(Lang::En);
    let Some(alone) = printed_pages("cheat-sheet", &report::cheat_sheet_html(&pack)) else {
        return;
    };
    assert_eq!(
        alone.len(),
        1,
        "the English cheat sheet needs {} pages",
        alone.len()
    );
    let Some(handout) = printed_pages("handout", &report::pack_html(&pack)) else {
        return;
    };
    let squeeze = |text: &str| text.split_whitespace().collect::<String>();
    let sheet_pages = handout
        .iter()
        .filter(|page| squeeze(page).contains("Screen/meaning"))
        .count();
    assert_eq!(sheet_pages, 1, "the handout's cheat sheet runs over a page");
}
