//! The handout as trainers print it: contents first, the cheat sheet of the common codes
//! next, one section per symptom with its causes whole, appendices last; links only to
//! places it contains; source lines only when asked; pack text never becomes markup.

use posdesk::model::{Text, DISCREET_CODES};
use posdesk::report::{self, HandoutOptions, Sources};
use posdesk::Pack;
use std::collections::{HashMap, HashSet};
use std::process::{Command, Output};

fn pack() -> Pack {
    posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"))
}

fn with_sources() -> HandoutOptions {
    HandoutOptions {
        sources: Sources::Shown,
    }
}

fn targets<'a>(text: &'a str, open: &str, close: char) -> Vec<&'a str> {
    text.match_indices(open)
        .filter_map(|(at, _)| {
            let rest = text.get(at + open.len()..)?;
            rest.split(close).next()
        })
        .collect()
}

fn at(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("no {needle:?} in the handout"))
}

/// The HTML of one `<section class="…" id="…">` up to where the next section of the
/// same level starts (sections of a handout do not nest, but causes sit inside symptoms).
fn section<'a>(html: &'a str, class: &str, id: &str) -> &'a str {
    let open = format!("<section class=\"{class}\" id=\"{id}\">");
    let start = at(html, &open);
    let rest = html.get(start + open.len()..).unwrap_or_default();
    let end = [
        "<section class=\"symptom\"",
        "<section class=\"appendix\"",
        "<section class=\"cheat-sheet\"",
    ]
    .iter()
    .filter_map(|next| rest.find(next))
    .min()
    .unwrap_or(rest.len());
    rest.get(..end).unwrap_or(rest)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn contents_come_first_then_the_cheat_sheet_then_one_page_per_symptom() {
    let pack = pack();
    let html = report::pack_html(&pack);
    let contents = at(&html, "<section class=\"contents\"");
    let cheat = at(&html, "<section class=\"cheat-sheet\"");
    let first_symptom = at(&html, "<section class=\"symptom\"");
    let first_appendix = at(&html, "<section class=\"appendix\"");
    assert!(contents < cheat, "the contents are not first");
    assert!(
        html.get(..contents)
            .is_some_and(|head| !head.contains("<section")),
        "something comes before the contents"
    );
    assert!(
        cheat < first_symptom,
        "the cheat sheet comes after a symptom"
    );
    let last_symptom = html.rfind("<section class=\"symptom\"").unwrap_or(0);
    assert!(
        last_symptom < first_appendix,
        "an appendix among the symptoms"
    );

    // The contents name every symptom by number and title, most common first, and each
    // entry leads to that symptom's section.
    let listed = section(&html, "contents", "part_contents");
    let mut last = 0;
    for symptom in pack.symptoms_by_rank() {
        let entry = format!("<a href=\"#{}\">", symptom.id);
        let place = at(listed, &entry);
        assert!(place > last, "{} is out of home order", symptom.id);
        last = place;
        let line = listed.get(place..).and_then(|l| l.split("</li>").next());
        assert!(
            line.is_some_and(|l| l.contains(&escape(&symptom.title))),
            "{}: the contents entry lacks its title",
            symptom.id
        );
    }

    let markdown = report::pack_markdown(&pack);
    let toc = at(&markdown, "## 目录");
    let sheet = at(&markdown, "## <a id=\"part_cheat_sheet\"></a>");
    let symptoms: Vec<usize> = pack
        .symptoms
        .iter()
        .map(|s| at(&markdown, &format!("## <a id=\"{}\"></a>", s.id)))
        .collect();
    assert!(toc < sheet, "markdown: the contents are not first");
    assert!(
        symptoms.iter().all(|&s| sheet < s),
        "markdown: the cheat sheet comes after a symptom"
    );
}

#[test]
fn every_symptom_has_exactly_one_section_with_its_causes_steps_and_lines_together() {
    let pack = pack();
    let html = report::pack_html(&pack);
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for id in targets(&html, "<section class=\"symptom\" id=\"", '"') {
        *seen.entry(id).or_default() += 1;
    }
    assert_eq!(
        seen.len(),
        pack.symptoms.len(),
        "symptom sections: {seen:?}"
    );
    for symptom in &pack.symptoms {
        assert_eq!(
            seen.get(symptom.id.as_str()),
            Some(&1),
            "{}: not exactly one section",
            symptom.id
        );
        // Each cause on the symptom's own page, with its first step and what to say.
        let page = section(&html, "symptom", &symptom.id);
        for cause in symptom.causes.iter().filter_map(|id| pack.cause(id)) {
            assert!(
                page.contains(&escape(&cause.title)),
                "{}: cause {} is not on its page",
                symptom.id,
                cause.id
            );
            let step = cause
                .solutions
                .iter()
                .filter_map(|id| pack.solution(id))
                .find_map(|s| s.steps.first());
            if let Some(step) = step {
                assert!(
                    page.contains(&escape(&step.text)),
                    "{}: the steps of {} are elsewhere",
                    symptom.id,
                    cause.id
                );
            }
            let say = cause
                .script
                .as_deref()
                .and_then(|id| pack.script(id))
                .and_then(|s| s.say.first());
            if let Some(say) = say {
                assert!(
                    page.contains(&escape(say)),
                    "{}: what to say for {} is elsewhere",
                    symptom.id,
                    cause.id
                );
            }
        }
    }

    let markdown = report::pack_markdown(&pack);
    for symptom in &pack.symptoms {
        let heading = format!("## <a id=\"{}\"></a>", symptom.id);
        assert_eq!(
            markdown.matches(&heading).count(),
            1,
            "markdown: {} not exactly once",
            symptom.id
        );
    }
}

#[test]
fn every_link_has_its_anchor_and_every_anchor_is_unique() {
    let pack = pack();
    for options in [HandoutOptions::default(), with_sources()] {
        let markdown = report::handout_markdown(&pack, options);
        let anchors: HashSet<&str> = targets(&markdown, "<a id=\"", '"').into_iter().collect();
        let links = targets(&markdown, "](#", ')');
        assert!(links.len() > 50, "{} links", links.len());
        for link in links {
            assert!(anchors.contains(link), "markdown: dangling link #{link}");
        }

        let html = report::handout_html(&pack, options);
        let ids = targets(&html, " id=\"", '"');
        let unique: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "an id twice");
        let links = targets(&html, "href=\"#", '"');
        assert!(links.len() > 50, "{} links", links.len());
        for link in links {
            assert!(unique.contains(link), "html: dangling link #{link}");
        }
    }
}

#[test]
fn references_name_the_section_they_lead_to() {
    // On paper a link is its words: each one says where its target is printed.
    let html = report::pack_html(&pack());
    // The contents list each section by its own number and title.
    let after_contents = html.find("<section class=\"cheat-sheet\"").unwrap_or(0);
    let links = html
        .get(after_contents..)
        .unwrap_or_default()
        .split("<a href=\"#")
        .skip(1);
    for link in links {
        let words = link
            .split_once("\">")
            .and_then(|(_, rest)| rest.split("</a>").next())
            .unwrap_or_default();
        assert!(
            words.contains('节') || words.contains("附录"),
            "a reference that names no section: {words}"
        );
    }
}

#[test]
fn the_cheat_sheet_holds_the_common_codes_and_says_only_discreet_lines_for_risk_cards() {
    let pack = pack();
    let html = report::cheat_sheet_html(&pack);
    let rows: Vec<&str> = html.split("<tr id=\"").skip(1).collect();
    assert!(
        (10..=report::CHEAT_SHEET_ROWS).contains(&rows.len()),
        "{} rows",
        rows.len()
    );
    let codes: Vec<&str> = rows
        .iter()
        .filter_map(|row| row.split("<td class=\"code\">").nth(1))
        .filter_map(|cell| cell.get(..2))
        .collect();
    assert_eq!(codes.len(), rows.len(), "a row without its code");
    // The most typical code of every symptom (the first it lists) is on the sheet.
    for symptom in pack.symptoms_by_rank() {
        if let Some(first) = symptom.codes.first() {
            assert!(
                codes.contains(&first.as_str()),
                "{}: {first} is not on the sheet",
                symptom.id
            );
        }
    }
    let discreet_lines: Vec<String> = pack
        .scripts
        .iter()
        .filter(|s| s.discreet)
        .filter_map(|s| s.say.first().map(|line| escape(line)))
        .collect();
    let mut discreet_rows = 0;
    for (code, row) in codes.iter().zip(&rows) {
        let say = row
            .rsplit("<td>")
            .next()
            .and_then(|cell| cell.split("</td>").next())
            .unwrap_or_default();
        assert!(!say.is_empty(), "{code}: nothing to say");
        let Some(entry) = pack.code(code) else {
            panic!("{code} is not a code of the pack");
        };
        if DISCREET_CODES.contains(code) || entry.discreet {
            discreet_rows += 1;
            assert!(
                discreet_lines.iter().any(|line| line == say),
                "{code}: {say} is not a discreet line"
            );
            for word in ["挂失", "被盗", "作弊", "没收"] {
                assert!(!say.contains(word), "{code} says {word} to the customer");
            }
            assert_eq!(posdesk::advice::disclosing_word(say), None, "{code}: {say}");
            assert!(row.contains("风险卡"), "{code}: no discretion warning");
        }
        if entry.verdict.check_first {
            assert!(
                row.contains("class=\"warning\"") && row.contains("先查"),
                "{code}: an unknown outcome without its warning"
            );
        }
    }
    assert!(discreet_rows > 0, "no pick-up code on the sheet to check");
    let markdown = report::cheat_sheet_markdown(&pack);
    let md_rows = markdown
        .lines()
        .filter(|l| l.starts_with("| <a id="))
        .count();
    assert_eq!(md_rows, rows.len(), "markdown and html differ");
}

#[test]
fn source_lines_only_when_asked() {
    let pack = pack();
    let origins = ["（原文）", "（码表资料）", "（补充）"];
    let plain_md = report::pack_markdown(&pack);
    let plain_html = report::pack_html(&pack);
    assert!(!plain_md.contains("**出处**"), "markdown has source lines");
    assert!(!plain_html.contains("<b>出处</b>"), "html has source lines");
    assert!(!plain_html.contains("id=\"part_sources\""));
    for origin in origins {
        assert!(!plain_html.contains(origin), "a step says {origin}");
        assert!(!plain_md.contains(origin), "a step says {origin}");
    }

    let traced_html = report::handout_html(&pack, with_sources());
    let traced_md = report::handout_markdown(&pack, with_sources());
    for symptom in &pack.symptoms {
        assert!(
            section(&traced_html, "symptom", &symptom.id).contains("<b>出处</b>"),
            "{}: no source line",
            symptom.id
        );
    }
    assert!(origins.iter().any(|o| traced_html.contains(o)));
    let sources = section(&traced_html, "appendix", "part_sources");
    for source in &pack.sources {
        assert!(
            sources.contains(&escape(&source.id)),
            "{} unlisted",
            source.id
        );
    }
    assert!(traced_md.contains("**出处**"));
    assert!(traced_md.contains("<a id=\"part_sources\"></a>"));
}

/// The shipped pack with markup in every kind of text the handout prints.
fn hostile_pack() -> Pack {
    let mut pack = pack();
    let first_code = pack
        .symptoms_by_rank()
        .first()
        .and_then(|s| s.codes.first().cloned());
    if let Some(symptom) = pack.symptoms.first_mut() {
        symptom.title = Text::new("<script>alert(1)</script>");
        symptom.description = Text::new("<img src=x onerror=alert(1)> [x](javascript:alert(1))");
    }
    if let Some(cause) = pack.causes.first_mut() {
        cause.title = Text::new("\"><iframe src=//evil>");
    }
    for script in &mut pack.scripts {
        script
            .say
            .insert(0, Text::new("</td></tr><script>x</script>"));
    }
    for code in &mut pack.codes {
        if Some(&code.code) == first_code.as_ref() {
            code.display = Text::new("<b onclick=alert(1)>05</b> | 表格 `代码`");
        }
    }
    if let Some(faq) = pack.faqs.first_mut() {
        faq.question = Text::new("![x](http://evil/x.png) <style>*{}</style>");
    }
    pack
}

/// Every tag of the page is one the handout writes itself, with its own attributes.
fn assert_only_own_markup(html: &str) {
    let tags: HashSet<&str> = [
        "html", "head", "meta", "title", "style", "body", "section", "h1", "h2", "h3", "p", "b",
        "ul", "ol", "li", "a", "span", "small", "br", "table", "colgroup", "col", "thead", "tbody",
        "tr", "th", "td",
    ]
    .into_iter()
    .collect();
    let attributes = ["lang=", "charset=", "class=", "id=", "href=\"#"];
    for (place, _) in html.match_indices('<') {
        let tag = html.get(place + 1..).unwrap_or_default();
        if tag.starts_with("!DOCTYPE") {
            continue;
        }
        let tag = tag.split('>').next().unwrap_or_default();
        let mut words = tag.trim_start_matches('/').split(' ');
        let name = words.next().unwrap_or_default();
        assert!(
            tags.contains(name),
            "a tag the handout does not write: <{tag}>"
        );
        for attribute in words {
            assert!(
                attributes.iter().any(|a| attribute.starts_with(a)),
                "an attribute the handout does not write: <{tag}>"
            );
        }
    }
}

#[test]
fn pack_text_never_becomes_markup() {
    let pack = hostile_pack();
    for options in [HandoutOptions::default(), with_sources()] {
        let html = report::handout_html(&pack, options);
        assert_only_own_markup(&html);
        assert!(html.contains("&lt;script&gt;"), "the text itself is kept");
        assert_only_own_markup(&report::cheat_sheet_html(&pack));

        let markdown = report::handout_markdown(&pack, options);
        for (place, _) in markdown.match_indices('<') {
            let tag = markdown.get(place..).unwrap_or_default();
            assert!(
                ["<a id=\"", "</a>", "<br>"]
                    .iter()
                    .any(|own| tag.starts_with(own)),
                "markdown: live markup at {:.40}",
                tag
            );
        }
        for target in markdown.split("](").skip(1) {
            assert!(
                target.starts_with('#'),
                "a link leaves the handout: {target:.40}"
            );
        }
        assert!(!markdown.contains("`代码`"), "markdown keeps code spans");
        // A pipe in a cell would split the row: every table row keeps its column count.
        for line in markdown.lines().filter(|l| l.starts_with("| ")) {
            let cells = line.matches(" | ").count();
            assert!(
                cells == 4 || cells == 6,
                "a row with {cells} separators: {line:.60}"
            );
        }
    }
}

#[test]
fn the_html_is_laid_out_for_a4_self_contained_and_in_chinese() {
    let html = report::pack_html(&pack());
    for needed in [
        "<html lang=\"zh-CN\">",
        "<meta charset=\"utf-8\">",
        "@page",
        "size: A4",
        "break-before: page",
        "break-inside: avoid",
        "\"Noto Sans CJK SC\"",
        "\"Source Han Sans SC\"",
        "\"PingFang SC\"",
        "\"Microsoft YaHei\"",
        "\"WenQuanYi Micro Hei\"",
        "sans-serif",
    ] {
        assert!(html.contains(needed), "no {needed}");
    }
    for external in [
        "http://", "https://", "src=", "url(", "@import", "<link", "<script",
    ] {
        assert!(!html.contains(external), "an external asset: {external}");
    }
}

fn posdesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_posdesk"))
        .env("POSDESK_LANG", "zh")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run posdesk: {e}"))
}

#[test]
fn export_takes_sources_and_cheat_sheet_and_keeps_json_as_data() {
    let plain = posdesk(&["export", "--format", "md"]);
    assert_eq!(plain.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("**出处**"));
    let traced = posdesk(&["export", "--format", "md", "--sources"]);
    assert_eq!(traced.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&traced.stdout).contains("**出处**"));

    let sheet = posdesk(&["export", "--format", "html", "--cheat-sheet"]);
    assert_eq!(sheet.status.code(), Some(0));
    let sheet = String::from_utf8_lossy(&sheet.stdout);
    assert!(sheet.contains("<section class=\"cheat-sheet\""));
    assert!(!sheet.contains("<section class=\"symptom\""));

    for flag in ["--sources", "--cheat-sheet"] {
        let out = posdesk(&["export", "--format", "json", flag]);
        assert_eq!(out.status.code(), Some(2), "json with {flag}");
        assert!(out.stdout.is_empty());
    }
    let json = posdesk(&["export", "--format", "json"]);
    let value: serde_json::Value =
        serde_json::from_slice(&json.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert!(value.get("sources").is_some(), "json lost its sources");
}

/// The handout's own parts cannot take an item's place: an anchor shaped like an item id
/// (kebab-case) is one of the pack's items; the parts' anchors are shaped otherwise.
#[test]
fn only_items_have_anchors_shaped_like_item_ids() {
    let pack = pack();
    let html = posdesk::report::pack_html(&pack);
    let kebab = |id: &str| {
        id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
    };
    let ids = targets(&html, " id=\"", '"');
    assert!(ids.len() > 50, "{} ids", ids.len());
    for id in ids {
        if kebab(id) {
            assert!(
                pack.item(id).is_some(),
                "{id} looks like an item id but is no item"
            );
        }
    }
}

/// Printed alone for the counter, the cheat sheet names no section of a handout it is not
/// part of.
#[test]
fn the_cheat_sheet_alone_refers_to_no_section() {
    let pack = pack();
    for sheet in [
        posdesk::report::cheat_sheet_html(&pack),
        posdesk::report::cheat_sheet_markdown(&pack),
    ] {
        assert!(sheet.contains("常见应答码速查"));
        assert!(!sheet.contains("附录"), "{sheet}");
        let refers = sheet.match_indices('第').any(|(at, _)| {
            sheet
                .get(at + '第'.len_utf8()..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| c.is_ascii_digit())
        });
        assert!(!refers, "a section number in the sheet alone");
        assert!(
            !sheet.contains("href=\"#"),
            "a link to a section not printed"
        );
    }
}
