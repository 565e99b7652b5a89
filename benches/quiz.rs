//! The quiz: every question made from the shipped pack (what a round and a reload cost),
//! planning a round from a trainee's boxes, and one answer kept in the store (synced).

use criterion::{criterion_group, criterion_main, Criterion};
use posdesk::quiz::leitner::{plan, Progress};
use posdesk::quiz::{generate, QuizKind};
use posdesk::store::Store;
use std::collections::HashMap;
use std::hint::black_box;

fn quiz(c: &mut Criterion) {
    let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let mut group = c.benchmark_group("quiz");
    group.bench_function("generate-all", |b| b.iter(|| generate(&pack, black_box(7))));
    for kind in QuizKind::ALL {
        group.bench_function(format!("generate-{}", kind.key()), |b| {
            b.iter(|| posdesk::quiz::generate_kind(&pack, kind, black_box(7)))
        });
    }
    let questions = generate(&pack, 7);
    // A trainee who has seen every question, half of them missed.
    let progress: HashMap<String, Progress> = questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.key.clone(), Progress::after(None, i % 2 == 0, 3, true)))
        .collect();
    group.bench_function("plan-round", |b| {
        b.iter(|| plan(&questions, &progress, black_box(5), 10, 7))
    });
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = Store::open_in(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let round = store.start_round("张三").unwrap_or_else(|e| panic!("{e}"));
    let mut next = questions.iter().cycle();
    group.bench_function("record-answer", |b| {
        b.iter(|| {
            let question = next.next().unwrap_or_else(|| panic!("no question"));
            store.record_answer("张三", round, question, true, true)
        })
    });
    group.finish();
}

criterion_group!(benches, quiz);
criterion_main!(benches);
