//! Search on a large generated pack (the benchmarks' generator): taking only the top
//! results, which skips body text that cannot rank, gives the same top results as
//! ranking everything, on both the one-thread and the two-thread paths.

#[path = "../benches/support/mod.rs"]
mod support;

use posdesk::search::SearchIndex;

#[test]
fn the_top_results_do_not_depend_on_the_limit() {
    let shipped = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    for size in [400, 20_000] {
        let files = support::generated_files(&shipped, size);
        let pack = posdesk::load_files(&files).unwrap_or_else(|e| panic!("{e}"));
        let index = SearchIndex::new(&pack);
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
