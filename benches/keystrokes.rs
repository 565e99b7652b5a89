//! Search per keystroke, as a clerk types: every prefix of each query is searched in
//! turn from one search box (so a query reuses what the one before it left in play) and,
//! when it finds nothing, offered "did you mean", as the app does, on the shipped pack
//! and on generated packs of about 1k, 10k and 100k items (and a million with `-- 1m`).
//! Prints p50 and p95 per query.
//!
//! Run with `cargo bench --bench keystrokes`.

mod support;

use posdesk::desk::Desk;
use posdesk::search::Typing;
use std::hint::black_box;
use std::time::{Duration, Instant};

const QUERIES: &[&str] = &[
    "05",
    "51",
    "A0",
    "余额不足",
    "认证失败",
    "yebz",
    "yuebuzu",
    "rzsb",
    "yubuzu",
    "xtgz",
    "余额 不足",
    "密码错了",
    "顾客要退钱",
    "ckca",
];

/// How many times each prefix is searched, to steady the figures.
const ROUNDS: usize = 15;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(at).copied().unwrap_or_default()
}

fn measure(name: &str, desk: &Desk, queries: &[&str]) {
    // The index is built on first use; typing is measured on a built one.
    desk.prepare();
    let mut all: Vec<Duration> = Vec::new();
    print!("{name:>8}");
    let detail = std::env::var_os("POSDESK_BENCH_DETAIL").is_some();
    for query in queries {
        let chars: Vec<char> = query.chars().collect();
        let prefixes: Vec<String> = (1..=chars.len())
            .map(|end| chars.get(..end).unwrap_or_default().iter().collect())
            .collect();
        // Typed as a clerk types it: each round starts from an empty search box.
        let mut by_prefix: Vec<Vec<Duration>> = vec![Vec::new(); prefixes.len()];
        for _ in 0..ROUNDS {
            let mut typing = Typing::new();
            for (prefix, times) in prefixes.iter().zip(by_prefix.iter_mut()) {
                let start = Instant::now();
                let hits = desk.search_typed(prefix, 100, &mut typing);
                if hits.is_empty() {
                    black_box(desk.suggest(prefix, 8));
                }
                black_box(hits);
                times.push(start.elapsed());
            }
        }
        if detail {
            for (prefix, times) in prefixes.iter().zip(by_prefix.iter_mut()) {
                times.sort();
                eprintln!(
                    "{name} {prefix:>10} p50 {:.2} ms",
                    percentile(times, 0.5).as_secs_f64() * 1e3
                );
            }
        }
        let mut times: Vec<Duration> = by_prefix.into_iter().flatten().collect();
        times.sort();
        print!(
            "  {query} {:.2}/{:.2}",
            percentile(&times, 0.5).as_secs_f64() * 1e3,
            percentile(&times, 0.95).as_secs_f64() * 1e3
        );
        all.extend(times);
    }
    all.sort();
    println!(
        "\n{name:>8}  every keystroke: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        percentile(&all, 0.5).as_secs_f64() * 1e3,
        percentile(&all, 0.95).as_secs_f64() * 1e3,
        all.last().copied().unwrap_or_default().as_secs_f64() * 1e3
    );
}

fn main() {
    // `cargo bench` passes criterion's flags (`--bench`); other words pick the sizes
    // (`shipped`, `1k`, `10k`, `100k`, `1m`) and queries to run: `-- 100k yubuzu`.
    let picked: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let sizes = ["shipped", "1k", "10k", "100k", "1m"];
    let picked_sizes: Vec<&str> = sizes
        .iter()
        .copied()
        .filter(|s| picked.iter().any(|p| p == s))
        .collect();
    // A million items only when asked for by name (`-- 1m`): it takes minutes.
    let wanted =
        |size: &str| picked_sizes.contains(&size) || (picked_sizes.is_empty() && size != "1m");
    let queries: Vec<&str> = picked
        .iter()
        .map(String::as_str)
        .filter(|p| !sizes.contains(p))
        .collect();
    let queries = if queries.is_empty() {
        QUERIES.to_vec()
    } else {
        queries
    };
    let shipped = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    println!("query p50/p95 in ms, per keystroke (every prefix), {ROUNDS} rounds");
    if wanted("shipped") {
        measure("shipped", &Desk::new(shipped.clone()), &queries);
    }
    for (label, size) in [
        ("1k", 1_000),
        ("10k", 10_000),
        ("100k", 100_000),
        ("1m", 1_000_000),
    ] {
        if !wanted(label) {
            continue;
        }
        let files = support::generated_files(&shipped, size);
        let pack = posdesk::load_files(&files).unwrap_or_else(|e| panic!("{e}"));
        drop(files);
        measure(label, &Desk::new(pack), &queries);
    }
}
