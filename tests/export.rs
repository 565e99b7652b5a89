//! Handouts link only to places they contain.

use std::collections::HashSet;

fn pack() -> posdesk::Pack {
    posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"))
}

fn targets<'a>(text: &'a str, open: &str, close: char) -> Vec<&'a str> {
    text.match_indices(open)
        .filter_map(|(at, _)| {
            let rest = text.get(at + open.len()..)?;
            rest.split(close).next()
        })
        .collect()
}

#[test]
fn every_markdown_link_has_its_anchor() {
    let markdown = posdesk::report::pack_markdown(&pack());
    let anchors: HashSet<&str> = targets(&markdown, "<a id=\"", '"').into_iter().collect();
    let links = targets(&markdown, "](#", ')');
    assert!(links.len() > 100, "{} links", links.len());
    for link in links {
        assert!(anchors.contains(link), "dangling link #{link}");
    }
}

#[test]
fn every_html_link_has_its_anchor() {
    let html = posdesk::report::pack_html(&pack());
    let anchors: HashSet<&str> = targets(&html, " id=\"", '"').into_iter().collect();
    for link in targets(&html, "href=\"#", '"') {
        assert!(anchors.contains(link), "dangling link #{link}");
    }
}

#[test]
fn the_handout_has_every_symptom_cause_faq_and_code() {
    let pack = pack();
    let markdown = posdesk::report::pack_markdown(&pack);
    for item in pack.items() {
        if matches!(item.kind(), posdesk::Kind::Solution | posdesk::Kind::Script) {
            continue;
        }
        assert!(
            markdown.contains(&format!("<a id=\"{}\"></a>", item.id())),
            "{} missing",
            item.id()
        );
    }
}
