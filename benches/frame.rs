//! Time to draw one full frame of the app off-screen, at 160x40 and 300x100; to start
//! (load the embedded pack, draw the first frame; and the same with the search index,
//! which the app builds beside the first frame); and for input to settle: a 100 KB paste,
//! and a burst of 200 keys on a 100,000-item pack.

mod support;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
use posdesk::app::input::parse_inputs;
use posdesk::app::input::{Input, Key, KeyPress};
use posdesk::app::theme::Theme;
use posdesk::app::App;
use posdesk::desk::Desk;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::hint::black_box;

fn frames(c: &mut Criterion) {
    let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let mut group = c.benchmark_group("frame");
    for (width, height) in [(160u16, 40u16), (300, 100)] {
        for (screen, keys) in [("home", ""), ("search-yebz-details", "yebz<Enter><Enter>")] {
            let mut app = App::new(Desk::new(pack.clone()), Theme::colored());
            app.resize(width, height);
            app.handle_all(parse_inputs(keys).unwrap_or_default());
            let Ok(mut terminal) = Terminal::new(TestBackend::new(width, height));
            let name = format!("{width}x{height}");
            group.bench_with_input(BenchmarkId::new(screen, name), &(), |b, ()| {
                b.iter(|| {
                    // A full redraw: clear what the terminal shows so every cell is sent again.
                    let _ = terminal.clear();
                    let Ok(frame) = terminal.draw(|f| app.draw(f));
                    black_box(frame.area);
                })
            });
        }
    }
    group.finish();
}

fn startup(c: &mut Criterion) {
    for (name, with_index) in [
        ("startup: load + first frame 120x40", false),
        ("startup: load + index + first frame 120x40", true),
    ] {
        c.bench_function(name, |b| {
            b.iter(|| {
                let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
                let desk = Desk::new(pack);
                if with_index {
                    desk.prepare();
                }
                let mut app = App::new(desk, Theme::colored());
                app.resize(120, 40);
                let Ok(mut terminal) = Terminal::new(TestBackend::new(120, 40));
                let Ok(frame) = terminal.draw(|f| app.draw(f));
                black_box(frame.area);
            })
        });
    }
}

/// Handles a batch of input and draws the frame that follows, as the live loop does.
fn settle_and_draw(app: &mut App, inputs: Vec<Input>, terminal: &mut Terminal<TestBackend>) {
    app.handle_all(inputs);
    let Ok(frame) = terminal.draw(|f| app.draw(f));
    black_box(frame.area);
}

fn input(c: &mut Criterion) {
    let shipped = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let mut group = c.benchmark_group("input");
    group.sample_size(20);
    let desk = Desk::new(shipped.clone());
    let paste = "余额不足认证失败".repeat(4_300); // about 100 KB of UTF-8
    group.bench_function("paste 100 KB, shipped pack", |b| {
        b.iter_batched(
            || {
                let mut app = App::new(desk.clone(), Theme::colored());
                app.resize(120, 40);
                app
            },
            |mut app| {
                let Ok(mut terminal) = Terminal::new(TestBackend::new(120, 40));
                settle_and_draw(&mut app, vec![Input::Paste(paste.clone())], &mut terminal);
            },
            BatchSize::LargeInput,
        )
    });
    let files = support::generated_files(&shipped, 100_000);
    let big = Desk::new(posdesk::load_files(&files).unwrap_or_else(|e| panic!("{e}")));
    big.prepare();
    // 200 keys as a hurried clerk types them: a word, rubbed out, again, then arrows.
    let mut burst: Vec<Input> = Vec::new();
    for _ in 0..13 {
        burst.extend(
            "yuebuzu"
                .chars()
                .map(|c| Input::Key(KeyPress::plain(Key::Char(c)))),
        );
        burst.extend((0..7).map(|_| Input::Key(KeyPress::plain(Key::Backspace))));
    }
    burst.extend(
        "yebz"
            .chars()
            .map(|c| Input::Key(KeyPress::plain(Key::Char(c)))),
    );
    while burst.len() < 200 {
        burst.push(Input::Key(KeyPress::plain(Key::Down)));
    }
    let fresh = || {
        let mut app = App::new(big.clone(), Theme::colored());
        app.resize(120, 40);
        app
    };
    group.bench_function("burst of 200 keys, 100k pack, drained", |b| {
        b.iter_batched(
            fresh,
            |mut app| {
                let Ok(mut terminal) = Terminal::new(TestBackend::new(120, 40));
                settle_and_draw(&mut app, burst.clone(), &mut terminal);
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("burst of 200 keys, 100k pack, one key at a time", |b| {
        b.iter_batched(
            fresh,
            |mut app| {
                let Ok(mut terminal) = Terminal::new(TestBackend::new(120, 40));
                for input in &burst {
                    settle_and_draw(&mut app, vec![input.clone()], &mut terminal);
                }
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, frames, startup, input);
criterion_main!(benches);
