//! Search over the default pack: Chinese, pinyin, codes.

use posdesk::model::Kind;
use posdesk::search::{Hit, SearchIndex};

fn search(query: &str) -> Vec<Hit> {
    let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    SearchIndex::new(&pack).search(query, 20)
}

fn first(query: &str) -> Hit {
    search(query)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("\"{query}\" finds nothing"))
}

#[test]
fn pinyin_initials_find_insufficient_funds_first() {
    let hit = first("yebz");
    assert_eq!((hit.kind, hit.title.as_str()), (Kind::Symptom, "余额不足"));
    assert_eq!(hit.title_positions, vec![0, 1, 2, 3]);
}

#[test]
fn full_and_spaced_and_mixed_pinyin_find_the_same() {
    for query in ["yuebuzu", "yu e bu zu", "YueBuZu", "yuebz"] {
        assert_eq!(first(query).id, "insufficient-funds", "{query}");
    }
}

#[test]
fn chinese_finds_cardholder_auth_failed_first() {
    let hit = first("认证失败");
    assert_eq!(
        (hit.kind, hit.id.as_str()),
        (Kind::Symptom, "cardholder-auth-failed")
    );
    assert_eq!(first("余额").id, "insufficient-funds");
}

#[test]
fn an_exact_code_ranks_first() {
    for (query, id) in [
        ("51", "code-51"),
        ("05", "code-05"),
        ("A0", "code-a0"),
        ("a0", "code-a0"),
        (" 55 ", "code-55"),
    ] {
        assert_eq!(first(query).id, id, "{query}");
    }
    let hits = search("51");
    assert_eq!(
        hits.get(1).map(|h| h.id.as_str()),
        Some("insufficient-funds")
    );
}

#[test]
fn guoqi_finds_the_expired_card_items() {
    let hits = search("guoqi");
    let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    for id in ["card-expired-or-invalid", "code-54", "code-33"] {
        assert!(ids.contains(&id), "guoqi misses {id}: {ids:?}");
    }
    let top = hits.first().map(|h| (h.kind, h.title_positions.clone()));
    assert_eq!(
        top,
        Some((Kind::Symptom, vec![0, 1])),
        "过期 should be highlighted in the title"
    );
}

#[test]
fn titles_rank_above_body_text_and_symptoms_above_faq() {
    let hits = search("认证失败");
    let symptom = hits.iter().position(|h| h.kind == Kind::Symptom);
    let faq = hits.iter().position(|h| h.kind == Kind::Faq);
    assert!(symptom < faq, "{hits:#?}");
}

#[test]
fn ids_and_aliases_are_searchable() {
    assert_eq!(first("card-status-abnormal").id, "card-status-abnormal");
    assert_eq!(first("不予承兑").kind, Kind::Symptom);
}

#[test]
fn a_query_that_matches_nothing_returns_nothing() {
    for query in ["xyzzyq", "qqqqqq", "火星人", "", "   "] {
        assert!(
            search(query).is_empty(),
            "\"{query}\" found {:?}",
            search(query)
        );
    }
}

#[test]
fn positions_point_at_the_matched_characters() {
    for hit in search("yebz") {
        let chars: Vec<char> = hit.text.chars().collect();
        for &p in &hit.positions {
            assert!(p < chars.len(), "{hit:?}");
        }
    }
    let hit = first("余额");
    let title: Vec<char> = hit.title.chars().collect();
    let shown: String = hit
        .title_positions
        .iter()
        .filter_map(|&p| title.get(p))
        .collect();
    assert_eq!(shown, "余额");
}

#[test]
fn limit_is_respected() {
    let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let index = SearchIndex::new(&pack);
    assert_eq!(index.search("卡", 3).len(), 3);
    assert!(index.search("卡", 200).len() > 3);
}

#[test]
fn full_width_input_finds_the_same_as_ascii() {
    assert_eq!(first("０５").id, "code-05");
    assert_eq!(first("Ａ０").id, "code-a0");
    assert_eq!(first("ｙｅｂｚ").id, "insufficient-funds");
}

#[test]
fn a_lone_digit_means_the_code_with_its_leading_zero() {
    assert_eq!(first("5").id, "code-05");
}

#[test]
fn hurried_pinyin_still_finds_the_symptom() {
    // a missing letter, zh for z, z for zh, ch for c
    for (query, id) in [
        ("yubuzu", "insufficient-funds"),
        ("yuebuzhu", "insufficient-funds"),
        ("renzenshibai", "cardholder-auth-failed"),
        ("mimachuo", "wrong-pin"),
    ] {
        assert_eq!(first(query).id, id, "{query}");
    }
}

#[test]
fn rare_readings_rank_below_common_ones() {
    // 重 is read zhong first, chong second: both find 重复, the common one scores higher.
    let common = first("zhongfu");
    let rare = first("chongfu");
    assert_eq!(common.id, rare.id);
    assert!(
        common.score > rare.score,
        "{} vs {}",
        common.score,
        rare.score
    );
}
