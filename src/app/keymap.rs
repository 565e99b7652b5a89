//! Keys as data: `assets/keymap.toml` (embedded as the default) maps keys to actions, one
//! table per layer (a screen, an overlay) plus a global one. The help overlay and every
//! hint on screen are made from the same map, so a changed key shows itself everywhere.

use super::action::Action;
use super::input::KeyPress;
use crate::diagnostic::{did_you_mean, toml_syntax_error, Diagnostic, Diagnostics, LineIndex, Pos};
use crate::load::fields::Fields;
use crate::model::Text;
use toml::de::DeTable;

/// The layer every other layer falls back to.
pub const GLOBAL: &str = "global";

/// The keymap built into the binary.
pub const EMBEDDED: &str = include_str!("../../assets/keymap.toml");
pub const EMBEDDED_PATH: &str = "assets/keymap.toml";

/// One line of the keymap: keys, the action, what the help says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub keys: Vec<KeyPress>,
    pub action: Action,
    pub desc: String,
}

/// The bindings of every layer, in file order.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    layers: Vec<(String, Vec<Binding>)>,
}

impl Keymap {
    /// The embedded keymap. It is checked by the tests, so it always reads; an empty map
    /// would still leave Ctrl-C to the terminal's own handling.
    pub fn embedded(layers: &[&str]) -> Keymap {
        Keymap::parse(EMBEDDED_PATH, EMBEDDED, layers).unwrap_or_default()
    }

    /// Reads a keymap file. `layers` are the names a table may have besides `global`.
    /// Every problem is reported with its file, line and column.
    pub fn parse(path: &str, text: &str, layers: &[&str]) -> Result<Keymap, Diagnostics> {
        let source = Text::new(text);
        let text = source.as_str();
        let lines = LineIndex::new(path, text);
        let mut errors: Vec<Diagnostic> = Vec::new();
        let (document, syntax_errors) = DeTable::parse_recoverable(text);
        errors.extend(syntax_errors.iter().map(|e| toml_syntax_error(&lines, e)));
        let mut known: Vec<&str> = vec![GLOBAL];
        known.extend_from_slice(layers);
        let mut keymap = Keymap::default();
        if syntax_errors.is_empty() {
            for (key, value) in document.get_ref().iter() {
                let name = key.get_ref().as_ref();
                let pos = lines.pos(key.span().start);
                if !known.contains(&name) {
                    let hint = match did_you_mean(name, &known) {
                        Some(close) => crate::t!("keymap.did_you_mean_layer", close = close),
                        None => {
                            let layers: Vec<String> =
                                known.iter().map(|l| format!("[[{l}]]")).collect();
                            crate::t!(
                                "keymap.use_one_of",
                                names = layers.join(crate::t!("common.list_sep"))
                            )
                        }
                    };
                    errors.push(pos.error(crate::t!("keymap.unknown_layer", name = name), hint));
                    continue;
                }
                let Some(array) = value.get_ref().as_array() else {
                    errors.push(pos.error(
                        crate::t!("keymap.not_a_list", name = name),
                        crate::t!("keymap.not_a_list_hint", name = name),
                    ));
                    continue;
                };
                let mut bindings = Vec::new();
                for element in array.iter() {
                    let at = lines.pos(element.span().start);
                    let Some(table) = element.get_ref().as_table() else {
                        errors.push(at.error(
                            crate::t!("keymap.not_a_table", name = name),
                            crate::t!("keymap.not_a_table_hint", name = name),
                        ));
                        continue;
                    };
                    if let Some(binding) =
                        read_binding(table, at, name, (&lines, &source), &mut errors)
                    {
                        bindings.push(binding);
                    }
                }
                check_duplicates(name, &pos, &bindings, &keymap, &mut errors);
                keymap.layers.push((name.to_string(), bindings));
            }
        }
        if errors.is_empty() {
            Ok(keymap)
        } else {
            let mut diagnostics = Diagnostics(errors);
            diagnostics.sort();
            Err(diagnostics)
        }
    }

    /// This keymap with `overrides` merged over it: an action bound there takes the keys
    /// given there (in that layer) instead of its own, and no other binding of the layer
    /// keeps those keys; new layers and actions are added.
    pub fn merged(mut self, overrides: Keymap) -> Keymap {
        for (name, bindings) in overrides.layers {
            let index = match self.layers.iter().position(|(layer, _)| *layer == name) {
                Some(index) => index,
                None => {
                    self.layers.push((name.clone(), Vec::new()));
                    self.layers.len() - 1
                }
            };
            let Some((_, layer)) = self.layers.get_mut(index) else {
                continue;
            };
            // The actions the file binds lose their built-in keys once; then every binding
            // of the file is added (two bindings of one action both stay).
            let moved: Vec<Action> = bindings.iter().map(|b| b.action).collect();
            let mut replaced: Vec<Binding> = Vec::new();
            layer.retain(|old| {
                let keep = !moved.contains(&old.action);
                if !keep {
                    replaced.push(old.clone());
                }
                keep
            });
            for mut binding in bindings {
                if binding.desc.is_empty() {
                    if let Some(old) = replaced.iter().find(|old| old.action == binding.action) {
                        binding.desc = old.desc.clone();
                    }
                }
                let taken: Vec<KeyPress> = binding.keys.iter().map(|k| k.normalized()).collect();
                for old in layer.iter_mut() {
                    old.keys.retain(|k| !taken.contains(&k.normalized()));
                }
                layer.retain(|old| !old.keys.is_empty());
                layer.push(binding);
            }
        }
        self
    }

    /// The bindings of one layer, in file order.
    pub fn layer(&self, name: &str) -> &[Binding] {
        self.layers
            .iter()
            .find(|(layer, _)| layer == name)
            .map_or(&[], |(_, bindings)| bindings.as_slice())
    }

    /// The layers, in file order, with their bindings.
    pub fn layers(&self) -> impl Iterator<Item = (&str, &[Binding])> {
        self.layers.iter().map(|(n, b)| (n.as_str(), b.as_slice()))
    }

    /// What a key does in a layer: the layer's own binding first, then the global one.
    pub fn action(&self, layer: &str, key: KeyPress) -> Option<Action> {
        let key = key.normalized();
        let find = |bindings: &[Binding]| {
            bindings
                .iter()
                .find(|b| b.keys.iter().any(|k| k.normalized() == key))
                .map(|b| b.action)
        };
        find(self.layer(layer)).or_else(|| find(self.layer(GLOBAL)))
    }

    /// The first key bound to an action in a layer (or globally), as hints show it.
    pub fn hint(&self, layer: &str, action: Action) -> String {
        let find = |bindings: &[Binding]| {
            bindings
                .iter()
                .find(|b| b.action == action)
                .and_then(|b| b.keys.first())
                .map(|k| k.label())
        };
        find(self.layer(layer))
            .or_else(|| find(self.layer(GLOBAL)))
            .unwrap_or_else(|| "?".to_string())
    }

    /// Every action some key is bound to, in any layer.
    pub fn bound_actions(&self) -> Vec<Action> {
        let mut actions: Vec<Action> = Vec::new();
        for (_, bindings) in &self.layers {
            for binding in bindings {
                if !actions.contains(&binding.action) {
                    actions.push(binding.action);
                }
            }
        }
        actions
    }
}

fn read_binding(
    table: &DeTable<'_>,
    at: Pos,
    layer: &str,
    file: (&LineIndex<'_>, &Text),
    errors: &mut Vec<Diagnostic>,
) -> Option<Binding> {
    let mut fields = Fields::new(table, at, format!("[[{layer}]]"), file, errors);
    let keys = fields.text_or_list("on");
    let run = fields.text("run");
    // Optional: an override without one keeps the help text of the binding it replaces.
    let desc = fields.opt_text("desc");
    fields.finish();
    let mut presses = Vec::new();
    for (written, pos) in keys {
        let name = written
            .strip_prefix('<')
            .and_then(|k| k.strip_suffix('>'))
            .unwrap_or(&written);
        match KeyPress::parse(name) {
            Ok(press) => presses.push(press),
            Err(message) => errors.push(pos.error(message, crate::t!("keymap.key_hint"))),
        }
    }
    let (run, run_pos) = run?;
    let Some(action) = Action::from_name(&run) else {
        let names: Vec<String> = Action::ALL.iter().map(|a| a.name()).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let hint = match did_you_mean(&run, &refs) {
            Some(close) => crate::t!("keymap.did_you_mean_action", close = close),
            None => crate::t!(
                "keymap.use_one_of",
                names = names.join(crate::t!("common.list_sep"))
            ),
        };
        errors.push(run_pos.error(crate::t!("keymap.unknown_action", run = run), hint));
        return None;
    };
    Some(Binding {
        keys: presses,
        action,
        desc: desc.map_or_else(|| built_in_desc(layer, action), |(d, _)| d.to_string()),
    })
}

/// The help text of an action in a layer, in the UI's language: the layer's own words,
/// else the global ones; empty for an action neither has (a merge then keeps the words of
/// the binding it replaces).
fn built_in_desc(layer: &str, action: Action) -> String {
    let name = action.name();
    [
        format!("keys.{layer}.{name}"),
        format!("keys.{GLOBAL}.{name}"),
    ]
    .iter()
    .find_map(|key| crate::i18n::lookup(key))
    .unwrap_or_default()
    .to_string()
}

/// One key, one action per layer: a second binding of the same key would never run.
fn check_duplicates(
    layer: &str,
    at: &Pos,
    bindings: &[Binding],
    keymap: &Keymap,
    errors: &mut Vec<Diagnostic>,
) {
    let mut seen: Vec<KeyPress> = Vec::new();
    for binding in bindings {
        for key in &binding.keys {
            let key = key.normalized();
            if seen.contains(&key) {
                errors.push(at.error(
                    crate::t!("keymap.bound_twice", key = key.label(), layer = layer),
                    crate::t!("keymap.bound_twice_hint"),
                ));
            }
            seen.push(key);
        }
    }
    if keymap.layers.iter().any(|(name, _)| name == layer) {
        errors.push(at.error(
            crate::t!("keymap.layer_twice", layer = layer),
            crate::t!("keymap.layer_twice_hint"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_move_an_action_to_other_keys_and_free_them() {
        let layers = ["quiz", "help"];
        let base = Keymap::parse(
            "base.toml",
            "[[global]]\non = \"<F7>\"\nrun = \"show_quiz\"\ndesc = \"练习\"\n\n[[global]]\non = [\"<F9>\", \"<C-q>\"]\nrun = \"quit\"\ndesc = \"退出\"\n",
            &layers,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let overrides = Keymap::parse(
            "mine.toml",
            "[[global]]\non = \"<F9>\"\nrun = \"show_quiz\"\ndesc = \"练习（F9）\"\n",
            &layers,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let merged = base.merged(overrides);
        let key = |text: &str| {
            crate::app::input::parse_inputs(text)
                .ok()
                .and_then(|inputs| match inputs.first() {
                    Some(crate::app::input::Input::Key(k)) => Some(*k),
                    _ => None,
                })
                .unwrap_or_else(|| panic!("{text}"))
        };
        assert_eq!(merged.action(GLOBAL, key("<F9>")), Some(Action::ShowQuiz));
        assert_eq!(merged.action(GLOBAL, key("<F7>")), None);
        assert_eq!(merged.action(GLOBAL, key("<C-q>")), Some(Action::Quit));
        // Two bindings of one action in the file: both keys work.
        let two = Keymap::parse(
            "two.toml",
            "[[global]]\non = \"<F10>\"\nrun = \"quit\"\n\n[[global]]\non = \"<F11>\"\nrun = \"quit\"\n",
            &layers,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let merged = merged.merged(two);
        assert_eq!(merged.action(GLOBAL, key("<F10>")), Some(Action::Quit));
        assert_eq!(merged.action(GLOBAL, key("<F11>")), Some(Action::Quit));
        assert_eq!(merged.action(GLOBAL, key("<C-q>")), None);
        assert_eq!(merged.action(GLOBAL, key("<F9>")), Some(Action::ShowQuiz));
    }
    use crate::app::input::{Key, Mods};

    const LAYERS: &[&str] = &[
        "troubleshoot",
        "triage",
        "faq",
        "codes",
        "cases",
        "quiz",
        "help",
    ];

    #[test]
    fn the_embedded_keymap_reads() {
        let parsed = Keymap::parse(EMBEDDED_PATH, EMBEDDED, LAYERS);
        assert!(parsed.is_ok(), "{parsed:?}");
    }

    #[test]
    fn screen_layers_come_before_global() {
        let keymap = Keymap::embedded(LAYERS);
        let ctrl_n = KeyPress::new(Key::Char('n'), Mods::CTRL);
        assert_eq!(keymap.action("faq", ctrl_n), Some(Action::SelectNext));
        let esc = KeyPress::plain(Key::Esc);
        assert_eq!(keymap.action("help", esc), Some(Action::CloseHelp));
        assert_eq!(keymap.action("troubleshoot", esc), Some(Action::Escape));
        assert_eq!(keymap.hint("troubleshoot", Action::SelectPrev), "Up");
    }
}
