//! Search over the default pack: Chinese, pinyin, codes.

use posdesk::model::Kind;
use posdesk::search::{Hit, SearchIndex};

fn pack() -> posdesk::Pack {
    posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"))
}

fn search(query: &str) -> Vec<Hit> {
    SearchIndex::new(&pack()).search(query, 20)
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

#[test]
fn punctuation_and_spaces_in_a_query_are_how_people_type() {
    assert_eq!(first("05?").id, "code-05");
    assert_eq!(first("（51）").id, "code-51");
    // Words that do not stand together in any text must each match: 余额 … 不足.
    assert_eq!(first("余额 不足").id, "insufficient-funds");
    assert_eq!(first("不足 余额").id, "insufficient-funds");
    assert!(search("余额 签到").is_empty(), "every word must match");
}

#[test]
fn spoken_particles_at_the_end_are_dropped() {
    assert_eq!(first("余额不足了").id, "insufficient-funds");
    let hit = first("密码锁了吗");
    assert_eq!(hit.id, "pin-locked");
}

#[test]
fn a_near_miss_gets_did_you_mean() {
    let index = SearchIndex::new(&pack());
    assert!(index.search("顾客要退钱", 5).is_empty());
    let near: Vec<String> = index
        .suggest("顾客要退钱", 3)
        .iter()
        .map(|h| h.id.clone())
        .collect();
    assert!(
        near.first()
            .is_some_and(|id| id == "double-charge-or-refund" || id == "customer-charged-twice"),
        "{near:?}"
    );
    assert!(
        index.suggest("xyzzyq", 3).is_empty(),
        "letters get no guesses"
    );
}

#[test]
fn a_latin_match_inside_a_word_ranks_below_chinese_words() {
    // `xp` is 芯片 to a clerk, not the middle of "expired".
    assert_eq!(first("xp").id, "chip-cvm-failed");
}

#[test]
fn body_hits_carry_the_matched_text() {
    let hit = first("断电");
    assert_eq!(hit.field, posdesk::search::FieldName::Body);
    let chars: Vec<char> = hit.text.chars().collect();
    let shown: String = hit.positions.iter().filter_map(|&p| chars.get(p)).collect();
    assert_eq!(shown, "断电");
}

#[test]
fn particles_typed_as_their_own_word_are_not_required() {
    assert_eq!(first("余额不足 吗").id, "insufficient-funds");
    assert_eq!(first("余额 不足 了").id, "insufficient-funds");
    let ids: Vec<String> = search("密码 错了").into_iter().map(|h| h.id).collect();
    assert!(ids.contains(&"wrong-pin".to_string()), "{ids:?}");
}
