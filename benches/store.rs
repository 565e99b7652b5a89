//! The case log: one change written and synced (a note, a tick, a field), and finding
//! cases among 1,000 by pinyin. Percentiles and the 100,000-case figures come from
//! `cargo run --release --example store-figures`.

use criterion::{criterion_group, criterion_main, Criterion};
use posdesk::store::{Field, NewCase, Store};
use std::hint::black_box;

fn writes(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    // Changes go round many cases, so that each holds a call's worth of notes, not
    // thousands.
    let ids: Vec<i64> = (0..2000)
        .map(|_| {
            store
                .new_case(&NewCase::default())
                .unwrap_or_else(|e| panic!("{e}"))
        })
        .collect();
    let mut next = ids.iter().copied().cycle();
    let mut group = c.benchmark_group("case-write");
    group.bench_function("note", |b| {
        b.iter(|| store.add_note(next.next().unwrap_or(0), black_box("顾客说别的卡也刷不了")))
    });
    group.bench_function("tick", |b| {
        b.iter(|| {
            store.toggle_step(
                next.next().unwrap_or(0),
                black_box("retry-chip-verification"),
                1,
            )
        })
    });
    group.bench_function("field", |b| {
        b.iter(|| {
            store.set_field(
                next.next().unwrap_or(0),
                Field::Shop,
                black_box("百货一楼 收银3号"),
            )
        })
    });
    group.finish();
}

fn finding(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    for n in 0..1000 {
        let id = store
            .new_case(&NewCase::default())
            .unwrap_or_else(|e| panic!("{e}"));
        let _ = store.set_field(id, Field::Shop, &format!("百货{n}号"));
    }
    let mut group = c.benchmark_group("case-find-1000");
    group.bench_function("newest-500", |b| b.iter(|| store.cases(None, None, 500)));
    group.bench_function("pinyin", |b| {
        b.iter(|| store.cases(None, Some(black_box("baihuo42")), 50))
    });
    group.finish();
}

criterion_group!(benches, writes, finding);
criterion_main!(benches);
