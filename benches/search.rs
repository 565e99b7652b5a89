//! Search per query, index build, and pack load + validation, on the shipped pack and on
//! generated packs of 1,000, 10,000 and 100,000 items.

mod support;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use posdesk::search::SearchIndex;
use std::hint::black_box;
use std::time::Duration;

const QUERIES: [(&str, &str); 5] = [
    ("chinese", "余额不足"),
    ("initials", "yebz"),
    ("full-pinyin", "yuebuzu"),
    ("code", "51"),
    // A missing letter: found only by the fallback for hurried typing.
    ("hurried-pinyin", "yubuzu"),
];

fn shipped() -> posdesk::Pack {
    posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"))
}

fn search(c: &mut Criterion) {
    let shipped = shipped();
    let mut packs = vec![("shipped".to_string(), shipped.clone())];
    for size in [1_000, 10_000, 100_000] {
        let files = support::generated_files(&shipped, size);
        let pack = posdesk::load_files(&files).unwrap_or_else(|e| panic!("{e}"));
        packs.push((format!("{}", pack.len()), pack));
    }
    let mut group = c.benchmark_group("search");
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    for (name, pack) in &packs {
        let index = SearchIndex::new(pack.clone());
        for (label, query) in QUERIES {
            group.bench_with_input(BenchmarkId::new(label, name), &query, |b, query| {
                b.iter(|| black_box(index.search(black_box(query), 50)))
            });
        }
    }
    group.finish();
}

fn load(c: &mut Criterion) {
    let shipped = shipped();
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("shipped: parse + validate", |b| {
        let files = posdesk::load::embedded_files();
        b.iter(|| black_box(posdesk::load_files(&files).is_ok()))
    });
    group.bench_function("shipped: build search index", |b| {
        let shipped = std::sync::Arc::new(shipped.clone());
        b.iter(|| black_box(SearchIndex::new(std::sync::Arc::clone(&shipped)).len()))
    });
    let files = support::generated_files(&shipped, 100_000);
    let big = std::sync::Arc::new(posdesk::load_files(&files).unwrap_or_else(|e| panic!("{e}")));
    group.bench_function("100k: parse + validate", |b| {
        b.iter(|| black_box(posdesk::load_files(&files).is_ok()))
    });
    group.bench_function("100k: build search index", |b| {
        b.iter(|| black_box(SearchIndex::new(std::sync::Arc::clone(&big)).len()))
    });
    // One line of 200,000 list entries: lint must stay linear in the line's length.
    let mut long = posdesk::load::embedded_files();
    let aliases: Vec<String> = (0..200_000).map(|n| format!("\"别名{n}\"")).collect();
    long.push(posdesk::ContentFile {
        path: "long.toml".into(),
        bytes: format!(
            "[[faq]]\nid = \"faq-long\"\nquestion = \"很长？\"\nanswer = \"是。\"\ncauses = [\"pin-problem\"]\nsources = [\"posdesk-practice\"]\naliases = [{}]\n",
            aliases.join(", ")
        )
        .into_bytes(),
    });
    group.bench_function("one line of 200k list entries: parse + validate", |b| {
        b.iter(|| black_box(posdesk::load_files(&long).is_ok()))
    });
    group.finish();
}

criterion_group!(benches, search, load);
criterion_main!(benches);
