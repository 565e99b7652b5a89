//! Random keys, pastes, clicks and resizes at random sizes never panic the app, and every
//! screen has the right size.

use posdesk::app::input::{Input, Key, KeyPress, Mods, MouseInput, MouseKind};
use posdesk::app::theme::Theme;
use posdesk::app::App;
use posdesk::desk::Desk;
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn input_strategy() -> impl Strategy<Value = Input> {
    let keys = prop_oneof![
        Just(Key::Enter),
        Just(Key::Esc),
        Just(Key::Tab),
        Just(Key::BackTab),
        Just(Key::Up),
        Just(Key::Down),
        Just(Key::Left),
        Just(Key::Right),
        Just(Key::PageUp),
        Just(Key::PageDown),
        Just(Key::Home),
        Just(Key::End),
        Just(Key::Backspace),
        (1u8..=5).prop_map(Key::F),
        prop::sample::select(vec![
            'a', 'y', 'e', 'b', 'z', '0', '5', '1', '?', '余', '额', ' ', 'A', 'u', 'o', 'f', 'n',
            'p', 'w', 'h', 'j', 'k', 't'
        ])
        .prop_map(Key::Char),
    ];
    let mods = prop_oneof![
        4 => Just(Mods::NONE),
        1 => Just(Mods { alt: true, ..Mods::NONE }),
        1 => Just(Mods::CTRL),
        1 => Just(Mods { shift: true, ..Mods::NONE }),
    ];
    let key = (keys, mods).prop_map(|(key, mods)| {
        // Ctrl-C and Ctrl-Q quit, Ctrl-Z suspends: keep the run going to reach more states.
        let mods = match key {
            Key::Char('c' | 'q' | 'z') => Mods::NONE,
            _ => mods,
        };
        Input::Key(KeyPress::new(key, mods))
    });
    let mouse = (0u16..320, 0u16..110, 0u8..3).prop_map(|(column, row, kind)| {
        let kind = match kind {
            0 => MouseKind::Click,
            1 => MouseKind::ScrollDown,
            _ => MouseKind::ScrollUp,
        };
        Input::Mouse(MouseInput { kind, column, row })
    });
    let paste = "[a-z余额认证失败\\n\\t ]{0,30}".prop_map(Input::Paste);
    let resize = (0u16..=300, 0u16..=100).prop_map(|(w, h)| Input::Resize(w, h));
    prop_oneof![8 => key, 2 => mouse, 1 => paste, 1 => resize]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    #[test]
    fn random_input_at_random_sizes_never_panics(
        width in 0u16..=300,
        height in 0u16..=100,
        inputs in proptest::collection::vec(input_strategy(), 0..40),
    ) {
        let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
        let mut app = App::new(Desk::new(pack), Theme::colored());
        app.resize(width, height);
        let Ok(mut terminal) = Terminal::new(TestBackend::new(width, height));
        let _ = terminal.draw(|frame| app.draw(frame));
        for input in &inputs {
            if let Input::Resize(w, h) = input {
                terminal.backend_mut().resize(*w, *h);
                let _ = terminal.resize(ratatui::layout::Rect::new(0, 0, *w, *h));
            }
            app.handle(input);
            let Ok(frame) = terminal.draw(|frame| app.draw(frame));
            prop_assert_eq!(frame.area, terminal.backend().buffer().area);
        }
    }
}
