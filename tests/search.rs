//! Search over the default pack: Chinese, pinyin, codes.

use posdesk::model::Kind;
use posdesk::search::{Hit, SearchIndex};

fn pack() -> posdesk::Pack {
    posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"))
}

fn search(query: &str) -> Vec<Hit> {
    SearchIndex::new(pack()).search(query, 20)
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
    let index = SearchIndex::new(pack.clone());
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
    let index = SearchIndex::new(pack());
    assert!(index.search("顾客想退钱啊", 5).is_empty());
    let near: Vec<String> = index
        .suggest("顾客想退钱啊", 3)
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

/// The shipped pack and FAQ entries with these questions and answers, in this order:
/// what differs between them is only what a test is about.
fn with_faqs(entries: &[(&str, &str)]) -> posdesk::Pack {
    let mut files = posdesk::load::embedded_files();
    let mut faq = String::new();
    for (n, (question, answer)) in entries.iter().enumerate() {
        faq.push_str(&format!(
            "[[faq]]\nid = \"test-{n}\"\nquestion = \"{question}\"\nanswer = \"{answer}\"\ncauses = [\"payment-environment\"]\nsources = [\"posdesk-practice\"]\n\n"
        ));
    }
    files.push(posdesk::ContentFile {
        path: "test-faq.toml".into(),
        bytes: faq.into_bytes(),
    });
    posdesk::load_files(&files).unwrap_or_else(|e| panic!("{e}"))
}

/// Where two items are in the results for a query.
fn order(index: &SearchIndex, query: &str, ids: [&str; 2]) -> [usize; 2] {
    let hits = index.search(query, 100);
    ids.map(|id| {
        hits.iter()
            .position(|h| h.id == id)
            .unwrap_or_else(|| panic!("{query} does not find {id}"))
    })
}

#[test]
fn a_match_on_word_edges_beats_one_through_words() {
    // 认证 is a word of 身份认证, and cuts through 确认|证件.
    let index = SearchIndex::new(with_faqs(&[("先确认证件", "无"), ("先身份认证", "无")]));
    let [through, whole] = order(&index, "认证", ["test-0", "test-1"]);
    assert!(whole < through, "认证 whole in 身份认证 ranks first");
    // The same text, a word of it and a piece through two of its words.
    let index = SearchIndex::new(with_faqs(&[("账户余额", "无"), ("余额", "无")]));
    let scores = |query: &str| {
        index
            .search(query, 100)
            .into_iter()
            .find(|h| h.id == "test-0")
            .map(|h| h.score)
            .unwrap_or_else(|| panic!("{query} misses 账户余额"))
    };
    assert!(
        scores("余额") > scores("户余") + 10.0,
        "余额 is a word of 账户余额, 户余 cuts through two"
    );
    // By pinyin too: xtgz is 系统故障 (two words) here, and begins inside 重新 there.
    let index = SearchIndex::new(with_faqs(&[("重新提高做", "无"), ("系统故障", "无")]));
    let [through, whole] = order(&index, "xtgz", ["test-0", "test-1"]);
    assert!(whole < through, "系统故障 ranks above 重新提高做 for xtgz");
}

#[test]
fn a_match_early_in_a_body_beats_one_deep_in_a_long_body() {
    let long = "这是一段很长的说明文字，".repeat(8);
    let index = SearchIndex::new(with_faqs(&[
        ("甲", &format!("{long}最后才提到网络中断。")),
        ("乙", "网络中断时先查上一笔。"),
    ]));
    for query in ["网络中断", "wlzd"] {
        let [deep, early] = order(&index, query, ["test-0", "test-1"]);
        assert!(early < deep, "{query}");
    }
    // On the shipped pack: 系统故障 early in the bank-system cause's short text ranks
    // above the same words deep in the long introduction of 持卡人认证失败.
    assert_eq!(first("xtgz").id, "bank-system-issue");
}

#[test]
fn a_phrase_that_matches_nowhere_whole_is_read_as_its_words() {
    // 网络 and 故障 are both in the title, apart: 网络不稳定、支付平台故障.
    for query in ["网络故障", "wlgz", "WLGZ"] {
        assert_eq!(
            first(query).id,
            "payment-environment",
            "{query}: {:?}",
            search(query).iter().map(|h| &h.id).collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_code_typed_with_other_words_comes_first() {
    for query in [
        "应答码51",
        "返回码51",
        "51错误",
        "code51",
        "显示51",
        "51，余额",
    ] {
        assert_eq!(first(query).id, "code-51", "{query}");
    }
    assert_eq!(first("rc05").id, "code-05");
    // No code in it: nothing is put first.
    assert_ne!(first("余额").kind, Kind::Code);
}

#[test]
fn words_not_to_say_are_not_searched() {
    // 「您的卡被冻结了」 is an example of what not to say: it must not lead to a script.
    assert!(
        search("您的卡被冻结了")
            .iter()
            .all(|h| h.kind != Kind::Script),
        "{:?}",
        search("您的卡被冻结了")
    );
}

#[test]
fn everyday_words_of_a_phrase_are_not_required() {
    let ids: Vec<String> = search("没有签到").into_iter().map(|h| h.id).collect();
    assert!(
        ids.iter()
            .take(2)
            .any(|id| id == "sign-on-required" || id == "terminal-out-of-sync"),
        "{ids:?}"
    );
    // Pieces that meet only by chance far apart are dropped: every result of wlgz is
    // close to the best.
    let hits = search("wlgz");
    let best = hits.first().map_or(0.0, |h| h.score);
    assert!(hits.iter().all(|h| h.score >= best * 0.6), "{hits:?}");
}

#[test]
fn letters_typed_too_far_get_did_you_mean() {
    let index = SearchIndex::new(pack());
    assert!(index.search("shuabuliaoka", 5).is_empty());
    let near: Vec<String> = index
        .suggest("shuabuliaoka", 3)
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(
        near.first().map(String::as_str),
        Some("card-read-failed"),
        "{near:?}"
    );
}

#[test]
fn english_lines_with_capitals_are_found_whatever_case_is_typed() {
    let index = SearchIndex::new(pack());
    let lower = index.search("sorry", 5);
    let upper = index.search("SORRY", 5);
    assert!(!lower.is_empty());
    let ids = |hits: &[Hit]| hits.iter().map(|h| h.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&lower), ids(&upper));
    let first = lower.first().unwrap_or_else(|| panic!("nothing found"));
    assert!(first.text.contains("Sorry"), "{first:?}");
    // The positions point at the word as written.
    let matched: String = first
        .text
        .chars()
        .enumerate()
        .filter(|(i, _)| first.positions.contains(i))
        .map(|(_, c)| c)
        .collect();
    assert_eq!(matched, "Sorry");
}
