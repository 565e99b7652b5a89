//! Reads the fields of one TOML table, collecting every problem instead of stopping at the first.

use crate::diagnostic::{did_you_mean, Diagnostic, LineIndex, Pos};
use crate::model::{Actor, Text};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// The fields of one table (`[[cause]]`, a step, `[pack]`), read one by one.
/// Every key read is remembered, so [`Fields::finish`] can report the unknown ones.
pub struct Fields<'a, 'i> {
    table: &'a DeTable<'i>,
    lines: &'a LineIndex<'a>,
    /// The file's whole text: strings read are slices of it.
    source: &'a Text,
    section: String,
    start: Pos,
    known: Vec<&'static str>,
    pub errors: &'a mut Vec<Diagnostic>,
}

impl<'a, 'i> Fields<'a, 'i> {
    pub fn new(
        table: &'a DeTable<'i>,
        start: Pos,
        section: impl Into<String>,
        (lines, source): (&'a LineIndex<'a>, &'a Text),
        errors: &'a mut Vec<Diagnostic>,
    ) -> Self {
        Fields {
            table,
            lines,
            source,
            section: section.into(),
            start,
            known: Vec::new(),
            errors,
        }
    }

    /// The file being read, for reading a table inside this one.
    pub fn file(&self) -> (&'a LineIndex<'a>, &'a Text) {
        (self.lines, self.source)
    }

    /// Where the table starts: the place to report a missing key.
    pub fn start(&self) -> &Pos {
        &self.start
    }

    pub fn pos_of(&self, span: std::ops::Range<usize>) -> Pos {
        self.lines.pos(span.start)
    }

    fn get(&mut self, key: &'static str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.known.push(key);
        self.table.get(key)
    }

    fn wrong_type(&mut self, key: &str, value: &Spanned<DeValue<'_>>, wanted: &str, example: &str) {
        let pos = self.pos_of(value.span());
        self.errors.push(pos.error(
            crate::t!(
                "load.fields.wrong_type",
                key = key,
                section = self.section,
                wanted = wanted,
                found = type_name(value.get_ref())
            ),
            crate::t!("load.fields.wrong_type_hint", key = key, example = example),
        ));
    }

    fn missing(&mut self, key: &str, example: &str) {
        let error = self.start.error(
            crate::t!("load.fields.missing", section = self.section, key = key),
            crate::t!("load.fields.missing_hint", key = key, example = example),
        );
        self.errors.push(error);
    }

    fn empty(&mut self, key: &str, value: &Spanned<DeValue<'_>>, example: &str) {
        let pos = self.pos_of(value.span());
        self.errors.push(pos.error(
            crate::t!("load.fields.empty", key = key, section = self.section),
            crate::t!("load.fields.empty_hint", key = key, example = example),
        ));
    }

    /// An optional string; `Some("")` never comes back: empty text is reported.
    pub fn opt_text(&mut self, key: &'static str) -> Option<(Text, Pos)> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(text) if text.trim().is_empty() => {
                self.empty(key, value, "\"...\"");
                None
            }
            DeValue::String(text) => Some((self.source.slice_of(text), self.pos_of(value.span()))),
            _ => {
                self.wrong_type(key, value, crate::t!("load.fields.want_string"), "\"...\"");
                None
            }
        }
    }

    /// A required string; reported when missing, empty or not a string.
    pub fn text(&mut self, key: &'static str) -> Option<(Text, Pos)> {
        if self.table.get(key).is_none() {
            self.known.push(key);
            self.missing(key, "\"...\"");
            return None;
        }
        self.opt_text(key)
    }

    /// A list of strings; `required` reports a missing or empty list.
    pub fn text_list(&mut self, key: &'static str, required: bool) -> Vec<(Text, Pos)> {
        let Some(value) = self.get(key) else {
            if required {
                self.missing(key, "[\"...\"]");
            }
            return Vec::new();
        };
        let Some(array) = value.get_ref().as_array() else {
            self.wrong_type(
                key,
                value,
                crate::t!("load.fields.want_strings"),
                "[\"...\", \"...\"]",
            );
            return Vec::new();
        };
        if array.is_empty() && required {
            self.empty(key, value, "[\"...\"]");
        }
        let mut items = Vec::new();
        for element in array.iter() {
            match element.get_ref() {
                DeValue::String(text) if text.trim().is_empty() => {
                    let pos = self.pos_of(element.span());
                    self.errors.push(pos.error(
                        crate::t!("load.fields.empty_entry", key = key, section = self.section),
                        crate::t!("load.fields.empty_entry_hint"),
                    ));
                }
                DeValue::String(text) => {
                    items.push((self.source.slice_of(text), self.pos_of(element.span())))
                }
                other => {
                    let pos = self.pos_of(element.span());
                    self.errors.push(pos.error(
                        crate::t!(
                            "load.fields.not_strings",
                            key = key,
                            section = self.section,
                            found = type_name(other)
                        ),
                        crate::t!("load.fields.not_strings_hint"),
                    ));
                }
            }
        }
        items
    }

    /// One string or a list of strings: `on = "<F1>"` or `on = ["<Up>", "<C-p>"]`.
    /// (The keymap reads it; the core alone does not.)
    #[cfg_attr(not(feature = "tui"), allow(dead_code))]
    pub fn text_or_list(&mut self, key: &'static str) -> Vec<(Text, Pos)> {
        match self.table.get(key).map(|v| v.get_ref()) {
            Some(DeValue::String(_)) => self.text(key).into_iter().collect(),
            _ => self.text_list(key, true),
        }
    }

    pub fn opt_bool(&mut self, key: &'static str) -> Option<bool> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(flag) => Some(*flag),
            _ => {
                self.wrong_type(key, value, crate::t!("load.fields.want_bool"), "true");
                None
            }
        }
    }

    /// A required `true` or `false`.
    pub fn flag(&mut self, key: &'static str) -> Option<bool> {
        if self.table.get(key).is_none() {
            self.known.push(key);
            self.missing(key, "true");
            return None;
        }
        self.opt_bool(key)
    }

    pub fn opt_integer(&mut self, key: &'static str) -> Option<i64> {
        let value = self.get(key)?;
        let parsed = value.get_ref().as_integer().and_then(|integer| {
            i64::from_str_radix(integer.as_str().replace('_', "").as_str(), integer.radix()).ok()
        });
        if parsed.is_none() {
            self.wrong_type(key, value, crate::t!("load.fields.want_integer"), "10");
        }
        parsed
    }

    /// A required actor key such as `who = "clerk"`.
    pub fn actor(&mut self, key: &'static str) -> Option<Actor> {
        let (text, pos) = self.text(key)?;
        parse_actor(&text, &pos, key, self.errors)
    }

    pub fn actor_list(&mut self, key: &'static str, required: bool) -> Vec<Actor> {
        let entries = self.text_list(key, required);
        entries
            .iter()
            .filter_map(|(text, pos)| parse_actor(text, pos, key, self.errors))
            .collect()
    }

    /// An optional inline or sub-table, such as `escalate = { ... }`.
    pub fn opt_table(&mut self, key: &'static str) -> Option<(&'a DeTable<'i>, Pos)> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Table(table) => Some((table, self.pos_of(value.span()))),
            _ => {
                self.wrong_type(
                    key,
                    value,
                    crate::t!("load.fields.want_table"),
                    "{ when = \"...\", to = \"issuer\" }",
                );
                None
            }
        }
    }

    /// A required inline or sub-table; `example` shows a complete one in the hint.
    pub fn table(&mut self, key: &'static str, example: &str) -> Option<(&'a DeTable<'i>, Pos)> {
        if self.table.get(key).is_none() {
            self.known.push(key);
            self.missing(key, example);
            return None;
        }
        self.opt_table(key)
    }

    /// A required array of tables, such as the `[[solution.step]]` entries.
    pub fn table_list(&mut self, key: &'static str) -> Vec<(&'a DeTable<'i>, Pos)> {
        let Some(value) = self.get(key) else {
            self.missing(key, crate::t!("load.fields.example_entries"));
            return Vec::new();
        };
        let Some(array) = value.get_ref().as_array() else {
            self.wrong_type(
                key,
                value,
                crate::t!("load.fields.want_tables"),
                crate::t!("load.fields.example_section_entries"),
            );
            return Vec::new();
        };
        if array.is_empty() {
            self.empty(key, value, crate::t!("load.fields.example_section_entries"));
        }
        let mut tables = Vec::new();
        for element in array.iter() {
            match element.get_ref() {
                DeValue::Table(table) => tables.push((table, self.pos_of(element.span()))),
                other => {
                    let pos = self.pos_of(element.span());
                    self.errors.push(pos.error(
                        crate::t!(
                            "load.fields.not_tables",
                            key = key,
                            section = self.section,
                            found = type_name(other)
                        ),
                        crate::t!("load.fields.not_tables_hint"),
                    ));
                }
            }
        }
        tables
    }

    /// Reports every key that was never read: unknown keys, usually typos.
    pub fn finish(self) {
        for (key, _) in self.table.iter() {
            let name = key.get_ref().as_ref();
            if self.known.contains(&name) {
                continue;
            }
            let pos = self.lines.pos(key.span().start);
            let keys = self.known.join(crate::t!("common.list_sep"));
            let hint = match did_you_mean(name, &self.known) {
                Some(close) => {
                    crate::t!(
                        "load.fields.unknown_key_close_hint",
                        close = close,
                        keys = keys
                    )
                }
                None => crate::t!("load.fields.unknown_key_hint", keys = keys),
            };
            self.errors.push(pos.error(
                crate::t!(
                    "load.fields.unknown_key",
                    name = name,
                    section = self.section
                ),
                hint,
            ));
        }
    }
}

fn parse_actor(text: &str, pos: &Pos, key: &str, errors: &mut Vec<Diagnostic>) -> Option<Actor> {
    let actor = Actor::from_key(text.trim());
    if actor.is_none() {
        let names: Vec<&str> = Actor::ALL.iter().map(|a| a.key()).collect();
        let shown = names.join(crate::t!("common.list_sep"));
        let hint = match did_you_mean(text.trim(), &names) {
            Some(close) => {
                crate::t!(
                    "load.fields.unknown_actor_close_hint",
                    close = close,
                    names = shown
                )
            }
            None => crate::t!("load.fields.unknown_actor_hint", names = shown),
        };
        errors.push(pos.error(
            crate::t!("load.fields.unknown_actor", key = key, text = text),
            hint,
        ));
    }
    actor
}

/// The name of a TOML value's type, as a message shows it.
fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(..) => crate::t!("load.toml_type.string"),
        DeValue::Integer(..) => crate::t!("load.toml_type.integer"),
        DeValue::Float(..) => crate::t!("load.toml_type.float"),
        DeValue::Boolean(..) => crate::t!("load.toml_type.boolean"),
        DeValue::Datetime(..) => crate::t!("load.toml_type.datetime"),
        DeValue::Array(..) => crate::t!("load.toml_type.array"),
        DeValue::Table(..) => crate::t!("load.toml_type.table"),
    }
}
