//! Random keys at random sizes never panic the app, and every screen has the right size.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use posdesk::app::theme::Theme;
use posdesk::app::{draw, App};
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn key_strategy() -> impl Strategy<Value = Event> {
    let codes = prop_oneof![
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::PageUp),
        Just(KeyCode::PageDown),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        Just(KeyCode::Backspace),
        (1u8..=5).prop_map(KeyCode::F),
        prop::sample::select(vec![
            'a', 'y', 'e', 'b', 'z', '0', '5', '1', '?', '余', '额', ' ', 'A', 'u', 'o', 'f'
        ])
        .prop_map(KeyCode::Char),
    ];
    let modifiers = prop_oneof![
        4 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::ALT),
        1 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::SHIFT),
    ];
    let key = (codes, modifiers).prop_map(|(code, modifiers)| {
        // Ctrl-C and Ctrl-Q quit; keep the run going to exercise more states.
        let modifiers = match code {
            KeyCode::Char('c' | 'q') => KeyModifiers::NONE,
            _ => modifiers,
        };
        Event::Key(KeyEvent::new(code, modifiers))
    });
    let mouse = (0u16..320, 0u16..110, 0u8..3).prop_map(|(column, row, kind)| {
        let kind = match kind {
            0 => MouseEventKind::Down(MouseButton::Left),
            1 => MouseEventKind::ScrollDown,
            _ => MouseEventKind::ScrollUp,
        };
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    });
    let resize = (0u16..=300, 0u16..=100).prop_map(|(w, h)| Event::Resize(w, h));
    prop_oneof![8 => key, 2 => mouse, 1 => resize]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    #[test]
    fn random_input_at_random_sizes_never_panics(
        width in 0u16..=300,
        height in 0u16..=100,
        events in proptest::collection::vec(key_strategy(), 0..40),
    ) {
        let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
        let mut app = App::new(&pack, Theme::colored());
        let Ok(mut terminal) = Terminal::new(TestBackend::new(width, height));
        let _ = terminal.draw(|frame| draw(frame, &mut app));
        for event in &events {
            if let Event::Resize(w, h) = event {
                terminal.backend_mut().resize(*w, *h);
                let _ = terminal.resize(ratatui::layout::Rect::new(0, 0, *w, *h));
            }
            app.handle(event);
            let Ok(frame) = terminal.draw(|frame| draw(frame, &mut app));
            prop_assert_eq!(frame.area, terminal.backend().buffer().area);
        }
    }
}
