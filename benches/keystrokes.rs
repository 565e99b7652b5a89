//! Search per keystroke, as a clerk types: every prefix of each query is searched (and,
//! when it finds nothing, offered "did you mean", as the app does), on the shipped pack
//! and on generated packs of about 1k, 10k and 100k items. Prints p50 and p95 per query.
//!
//! Run with `cargo bench --bench keystrokes`.

mod support;

use posdesk::desk::Desk;
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

fn measure(name: &str, desk: &Desk) {
    let mut all: Vec<Duration> = Vec::new();
    print!("{name:>8}");
    for query in QUERIES {
        let chars: Vec<char> = query.chars().collect();
        let mut times: Vec<Duration> = Vec::new();
        for end in 1..=chars.len() {
            let prefix: String = chars.get(..end).unwrap_or_default().iter().collect();
            for _ in 0..ROUNDS {
                let start = Instant::now();
                let hits = desk.search(&prefix, 100);
                if hits.is_empty() {
                    black_box(desk.suggest(&prefix, 8));
                }
                black_box(hits);
                times.push(start.elapsed());
            }
        }
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
    // `cargo bench` passes criterion's flags; this benchmark takes none.
    let shipped = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    println!("query p50/p95 in ms, per keystroke (every prefix), {ROUNDS} rounds");
    measure("shipped", &Desk::new(shipped.clone()));
    for size in [1_000, 10_000, 100_000] {
        let files = support::generated_files(&shipped, size);
        let pack = posdesk::load_files(&files).unwrap_or_else(|e| panic!("{e}"));
        let label = format!("{}k", size / 1000);
        measure(&label, &Desk::new(pack));
    }
}
