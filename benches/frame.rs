//! Time to draw one full frame of the app off-screen, at 160x40 and 300x100, and to
//! start: load the embedded pack, build the index, draw the first frame.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use posdesk::app::input::parse_inputs;
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
    c.bench_function("startup: load + index + first frame 120x40", |b| {
        b.iter(|| {
            let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
            let mut app = App::new(Desk::new(pack), Theme::colored());
            app.resize(120, 40);
            let Ok(mut terminal) = Terminal::new(TestBackend::new(120, 40));
            let Ok(frame) = terminal.draw(|f| app.draw(f));
            black_box(frame.area);
        })
    });
}

criterion_group!(benches, frames, startup);
criterion_main!(benches);
