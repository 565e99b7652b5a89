//! The keymap file: every action has a key, the help lists exactly the keymap, hints follow
//! a changed key, and a broken keymap is reported with its file and line.

use posdesk::app::action::Action;
use posdesk::app::input::{parse_inputs, KeyPress};
use posdesk::app::keymap::{Keymap, EMBEDDED, EMBEDDED_PATH};
use posdesk::app::theme::Theme;
use posdesk::app::{buffer_text, keymap_layers, runtime, App};
use posdesk::desk::Desk;

fn desk() -> Desk {
    Desk::new(posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}")))
}

fn embedded() -> Keymap {
    Keymap::parse(EMBEDDED_PATH, EMBEDDED, &keymap_layers()).unwrap_or_else(|e| panic!("{e}"))
}

fn screen(app: App, width: u16, height: u16, keys: &str) -> String {
    let mut app = app;
    let inputs = parse_inputs(keys).unwrap_or_else(|e| panic!("{e}"));
    let mut frontend = runtime::Offscreen::new(width, height, inputs);
    app.resize(width, height);
    let _ = runtime::run(&mut app, &mut frontend);
    buffer_text(&frontend.into_frame())
}

#[test]
fn every_action_has_a_key_in_the_embedded_keymap() {
    let bound = embedded().bound_actions();
    let missing: Vec<String> = Action::ALL
        .iter()
        .filter(|a| !bound.contains(a))
        .map(|a| a.name())
        .collect();
    assert!(missing.is_empty(), "actions with no key: {missing:?}");
}

#[test]
fn the_help_lists_exactly_the_keymap() {
    let keymap = embedded();
    let text = screen(App::new(desk(), Theme::plain()), 160, 200, "<F1>");
    let mut expected = 0;
    for (_, bindings) in keymap.layers() {
        for binding in bindings {
            for key in &binding.keys {
                let row = format!("{:<12}{}", key.label(), binding.desc);
                assert!(text.contains(&row), "the help misses `{row}`:\n{text}");
                expected += 1;
            }
        }
    }
    // Binding rows are the ones indented under a [layer] heading with a 12-column key.
    let listed = text
        .lines()
        .filter(|line| {
            keymap.layers().any(|(_, bindings)| {
                bindings.iter().any(|b| {
                    b.keys
                        .iter()
                        .any(|k| line.contains(&format!("{:<12}{}", k.label(), b.desc)))
                })
            })
        })
        .count();
    assert_eq!(
        listed, expected,
        "the help lists other keys than the keymap:\n{text}"
    );
}

#[test]
fn a_changed_key_shows_itself_in_the_hints_and_the_help() {
    let changed = EMBEDDED.replacen(
        "on = [\"<Up>\", \"<C-p>\", \"<C-k>\"]",
        "on = [\"<C-p>\", \"<Up>\", \"<C-k>\"]",
        1,
    );
    let keymap = Keymap::parse("my-keymap.toml", &changed, &keymap_layers())
        .unwrap_or_else(|e| panic!("{e}"));
    let app = App::with_keymap(desk(), keymap, Theme::plain());
    let text = screen(app, 160, 40, "");
    assert!(text.contains("Ctrl-P/Down 选择"), "{text}");
    let plain = screen(App::new(desk(), Theme::plain()), 160, 40, "");
    assert!(plain.contains("Up/Down 选择"), "{plain}");
}

#[test]
fn a_broken_keymap_names_the_file_and_line() {
    let _en = posdesk::i18n::scoped(posdesk::i18n::Lang::En);
    let broken = EMBEDDED
        .replacen("run = \"select_next\"", "run = \"selct_next\"", 1)
        .replacen("on = \"<PageUp>\"", "on = \"<PgUpp>\"", 1);
    let line_of = |needle: &str| {
        broken
            .find(needle)
            .map(|at| broken[..at].matches('\n').count() + 1)
            .unwrap_or(0)
    };
    let errors = match Keymap::parse("my-keymap.toml", &broken, &keymap_layers()) {
        Ok(_) => panic!("a broken keymap was read"),
        Err(errors) => errors,
    };
    let text = errors.to_string();
    let action_line = line_of("selct_next");
    assert!(
        text.contains(&format!("my-keymap.toml:{action_line}:7: unknown action \"selct_next\" (fix: did you mean \"select_next\"?)")),
        "{text}"
    );
    let key_line = line_of("<PgUpp>");
    assert!(
        text.contains(&format!(
            "my-keymap.toml:{key_line}:6: unknown key name <PgUpp>"
        )),
        "{text}"
    );
    let syntax = Keymap::parse("k.toml", "[[global]\non = 1", &keymap_layers());
    assert!(syntax.is_err_and(|e| e.to_string().starts_with("k.toml:1:")));
    let layer = Keymap::parse(
        "k.toml",
        "[[gloabl]]\non = \"<F1>\"\nrun = \"help\"\ndesc = \"x\"\n",
        &keymap_layers(),
    );
    assert!(layer.is_err_and(|e| e.to_string().contains("did you mean [[global]]?")));
}

#[test]
fn keys_bound_twice_in_a_layer_are_an_error() {
    let _en = posdesk::i18n::scoped(posdesk::i18n::Lang::En);
    let doubled = format!("{EMBEDDED}\n[[global]]\non = \"<C-n>\"\nrun = \"open\"\ndesc = \"x\"\n");
    let errors = Keymap::parse("k.toml", &doubled, &keymap_layers());
    assert!(errors.is_err_and(|e| e.to_string().contains("key Ctrl-N is bound twice")));
    let _ = KeyPress::parse("C-n");
}
