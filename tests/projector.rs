//! Projector mode: one panel, rows spaced out with margins, high contrast; clicks land on
//! what is drawn under them; switching it off gives the screen back as it was.

mod common;

use common::{press, screen};
use posdesk::app::input::{Input, MouseInput, MouseKind};
use posdesk::app::screens::Troubleshoot;
use posdesk::app::theme::Theme;
use posdesk::app::App;
use posdesk::desk::Desk;

fn app(width: u16, height: u16) -> App {
    let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(Desk::new(pack), Theme::colored());
    app.resize(width, height);
    app
}

#[test]
fn one_panel_spaced_rows_and_high_contrast_then_back() {
    let mut app = app(160, 64);
    let before = screen(&app);
    assert!(
        before.contains(" | ") || before.contains('|'),
        "three panels have separators"
    );
    press(&mut app, "<F8>");
    assert!(app.projector());
    assert!(app.theme().is_high_contrast());
    let shown = screen(&app);
    let lines: Vec<&str> = shown.lines().collect();
    assert!(!shown.contains('|'), "one panel only: {shown}");
    // Every other row is blank, and text starts after the margin.
    assert!(
        lines.iter().skip(1).step_by(2).all(|l| l.trim().is_empty()),
        "{shown}"
    );
    assert!(
        lines.iter().all(|l| l.is_empty() || l.starts_with("  ")),
        "{shown}"
    );
    // Tab moves the focus: the next panel takes the whole width instead.
    press(&mut app, "<Tab>");
    assert!(screen(&app).contains("可能原因"), "{}", screen(&app));
    press(&mut app, "<S-Tab><F8>");
    assert!(!app.projector());
    assert!(!app.theme().is_high_contrast());
    // All but the status bar, which says the mode was left.
    let body = |text: &str| text.lines().rev().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&screen(&app)), body(&before));
    assert!(app.status().is_some_and(|s| s.contains("投影")));
}

#[test]
fn a_click_selects_the_row_drawn_under_it() {
    let mut app = app(120, 64);
    press(&mut app, "<F8>");
    let shown = screen(&app);
    // The third symptom of the list, wherever it is drawn.
    let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let third = pack.symptoms_by_rank()[2].title.to_string();
    let row = shown
        .lines()
        .position(|l| l.trim_start().starts_with(&third))
        .unwrap_or_else(|| panic!("{third} not shown: {shown}"));
    app.handle(&Input::Mouse(MouseInput {
        kind: MouseKind::Click,
        column: 6,
        row: row as u16,
    }));
    let selected = app
        .screen::<Troubleshoot>()
        .and_then(|s| s.left_item(app.desk()))
        .map(|i| i.title());
    assert_eq!(selected.as_deref(), Some(third.as_str()));
}

#[test]
fn below_sixty_rows_nothing_is_spaced_out_so_nothing_drops_off() {
    let mut app = app(120, 40);
    let before = screen(&app);
    press(&mut app, "<F8>");
    let shown = screen(&app);
    // The counter card keeps every line it had.
    for label in ["含义", "最可能"] {
        assert_eq!(
            before.contains(label),
            shown.contains(label),
            "{label}: {shown}"
        );
    }
    let blank_rows = shown.lines().filter(|l| l.trim().is_empty()).count();
    assert!(blank_rows < 20, "rows spaced out at 40 rows: {shown}");
}

#[test]
fn every_size_draws_in_projector_mode() {
    for (w, h) in [(1, 1), (40, 10), (60, 20), (80, 24), (120, 40), (200, 60)] {
        let mut app = app(w, h);
        press(&mut app, "<F8>05<Tab><F7>");
        let _ = screen(&app);
    }
}
