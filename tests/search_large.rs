//! Search on a large generated pack (the benchmarks' generator): taking only the top
//! results, which skips body text that cannot rank, gives the same top results as
//! ranking everything, on both the one-thread and the two-thread paths.

#[path = "../benches/support/mod.rs"]
mod support;

use posdesk::search::{SearchIndex, Typing};

#[test]
fn the_top_results_do_not_depend_on_the_limit() {
    let shipped = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    for size in [400, 20_000] {
        let files = support::generated_files(&shipped, size);
        let pack = posdesk::load_files(&files).unwrap_or_else(|e| panic!("{e}"));
        let index = SearchIndex::new(pack.clone());
        for query in [
            "yebz",
            "yuebuzu",
            "余额不足",
            "51",
            "认证",
            "mima",
            "pos",
            "guoqi",
            "换卡",
            "a0",
            "c-12",
        ] {
            let all = index.search(query, 100_000);
            assert!(!all.is_empty(), "{query} finds nothing at {size}");
            for limit in [1, 5, 50] {
                let top = index.search(query, limit);
                let expected: Vec<(String, f64)> = all
                    .iter()
                    .take(limit)
                    .map(|h| (h.id.clone(), h.score))
                    .collect();
                let got: Vec<(String, f64)> = top.iter().map(|h| (h.id.clone(), h.score)).collect();
                assert_eq!(got, expected, "{query} at {size} items, limit {limit}");
            }
        }
    }
}

/// What a clerk types, keystroke by keystroke, backspaces and corrections included.
fn keystrokes(text: &str) -> Vec<String> {
    let mut typed = String::new();
    let mut states = Vec::new();
    for c in text.chars() {
        if c == '<' {
            typed.pop();
        } else {
            typed.push(c);
        }
        states.push(typed.clone());
    }
    states
}

#[test]
fn a_query_typed_a_key_at_a_time_finds_what_a_fresh_search_finds() {
    let shipped = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    // `<` is a backspace: the next query no longer extends the one before.
    let typed = [
        "yubuzu",
        "yebz<<bz",
        "ckca",
        "xtgz",
        "顾客要退钱",
        "余额 不足",
        "余额不足了",
        "05<1",
        "a0",
        "rzsb<<<<mima",
        "zhanghu yue",
        "yuebuzu'",
        "c-12<3",
        "POS",
    ];
    for size in [400, 20_000] {
        let files = support::generated_files(&shipped, size);
        let pack = posdesk::load_files(&files).unwrap_or_else(|e| panic!("{e}"));
        let index = SearchIndex::new(pack.clone());
        for text in typed {
            let mut typing = Typing::new();
            for query in keystrokes(text) {
                for limit in [3, 100] {
                    let fresh = index.search(&query, limit);
                    let typed = index.search_typed(&query, limit, &mut typing);
                    let ids = |hits: &[posdesk::search::Hit]| {
                        hits.iter()
                            .map(|h| (h.id.clone(), h.score, h.positions.clone()))
                            .collect::<Vec<_>>()
                    };
                    assert_eq!(
                        ids(&typed),
                        ids(&fresh),
                        "{query:?} typed as {text:?} at {size} items, limit {limit}"
                    );
                }
            }
        }
    }
}
