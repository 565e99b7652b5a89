//! Which texts of an item are searched, and under which field name. The index keeps each
//! as the pack's own [`Text`], not a copy.

use super::FieldName;
use crate::model::{Item, Kind, Step, Text};

/// A text-bearing part of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Id,
    Title,
    Question,
    Codes,
    Code,
    Display,
    Category,
    OlderMeaning,
    International,
    Aliases,
    Description,
    Note,
    Checks,
    Questions,
    Steps,
    Notes,
    EscalateWhen,
    EscalateHow,
    Answer,
    Meaning,
    Action,
    Conflict,
    Say,
    SayEn,
    TitleEn,
}

/// The searched parts of each kind, with the field name each is matched as: short ones
/// (titles, aliases, codes, id) first, body text after. Not a script's `avoid` lines:
/// those are the words not to say, and a search for 卡被冻结 must not lead to them.
fn parts(kind: Kind) -> &'static [(FieldName, Part)] {
    use FieldName::{Alias, Body, Code, Id, Title};
    match kind {
        Kind::Symptom => &[
            (Id, Part::Id),
            (Title, Part::Title),
            (Title, Part::TitleEn),
            (Code, Part::Codes),
            (Alias, Part::Aliases),
            (Body, Part::Description),
            (Body, Part::Note),
        ],
        Kind::Cause => &[
            (Id, Part::Id),
            (Title, Part::Title),
            (Title, Part::TitleEn),
            (Alias, Part::Category),
            (Alias, Part::Aliases),
            (Body, Part::Description),
            (Body, Part::Checks),
            (Body, Part::Questions),
        ],
        Kind::Solution => &[
            (Id, Part::Id),
            (Title, Part::Title),
            (Title, Part::TitleEn),
            (Alias, Part::Aliases),
            (Body, Part::Steps),
            (Body, Part::Notes),
            (Body, Part::EscalateWhen),
            (Body, Part::EscalateHow),
        ],
        Kind::Faq => &[
            (Id, Part::Id),
            (Title, Part::Question),
            (Alias, Part::Aliases),
            (Body, Part::Answer),
        ],
        Kind::Code => &[
            (Id, Part::Id),
            (Code, Part::Code),
            (Title, Part::Display),
            (Alias, Part::OlderMeaning),
            (Alias, Part::International),
            (Alias, Part::Aliases),
            (Body, Part::Meaning),
            (Body, Part::Action),
            (Body, Part::Conflict),
        ],
        Kind::Script => &[
            (Id, Part::Id),
            (Title, Part::Title),
            (Title, Part::TitleEn),
            (Alias, Part::Aliases),
            (Body, Part::Say),
            (Body, Part::SayEn),
        ],
    }
}

/// The texts of one part: one, none or a list.
enum Texts<'a> {
    One(&'a Text),
    Maybe(Option<&'a Text>),
    List(&'a [Text]),
    Steps(&'a [Step]),
}

impl<'a> Texts<'a> {
    fn get(&self, index: usize) -> Option<&'a Text> {
        match *self {
            Texts::One(text) => (index == 0).then_some(text),
            Texts::Maybe(text) => text.filter(|_| index == 0),
            Texts::List(list) => list.get(index),
            Texts::Steps(steps) => steps.get(index).map(|step| &step.text),
        }
    }

    fn len(&self) -> usize {
        match self {
            Texts::One(_) => 1,
            Texts::Maybe(text) => usize::from(text.is_some()),
            Texts::List(list) => list.len(),
            Texts::Steps(steps) => steps.len(),
        }
    }
}

fn texts(item: Item<'_>, part: Part) -> Texts<'_> {
    match (item, part) {
        (_, Part::Id) => Texts::One(item.id_text()),
        (_, Part::Aliases) => Texts::List(item.aliases()),
        (_, Part::TitleEn) => Texts::Maybe(item.title_en()),
        (Item::Symptom(s), Part::Title) => Texts::One(&s.title),
        (Item::Symptom(s), Part::Codes) => Texts::List(&s.codes),
        (Item::Symptom(s), Part::Description) => Texts::One(&s.description),
        (Item::Symptom(s), Part::Note) => Texts::Maybe(s.note.as_ref()),
        (Item::Cause(c), Part::Title) => Texts::One(&c.title),
        (Item::Cause(c), Part::Category) => Texts::One(&c.category),
        (Item::Cause(c), Part::Description) => Texts::One(&c.description),
        (Item::Cause(c), Part::Checks) => Texts::List(&c.checks),
        (Item::Cause(c), Part::Questions) => Texts::List(&c.questions),
        (Item::Solution(s), Part::Title) => Texts::One(&s.title),
        (Item::Solution(s), Part::Steps) => Texts::Steps(&s.steps),
        (Item::Solution(s), Part::Notes) => Texts::List(&s.notes),
        (Item::Solution(s), Part::EscalateWhen) => {
            Texts::Maybe(s.escalate.as_ref().map(|e| &e.when))
        }
        (Item::Solution(s), Part::EscalateHow) => {
            Texts::Maybe(s.escalate.as_ref().and_then(|e| e.how.as_ref()))
        }
        (Item::Faq(f), Part::Question) => Texts::One(&f.question),
        (Item::Faq(f), Part::Answer) => Texts::One(&f.answer),
        (Item::Code(c), Part::Code) => Texts::One(&c.code),
        (Item::Code(c), Part::Display) => Texts::One(&c.display),
        (Item::Code(c), Part::OlderMeaning) => Texts::Maybe(c.older_meaning.as_ref()),
        (Item::Code(c), Part::International) => Texts::Maybe(c.international.as_ref()),
        (Item::Code(c), Part::Meaning) => Texts::One(&c.meaning),
        (Item::Code(c), Part::Action) => Texts::One(&c.action),
        (Item::Code(c), Part::Conflict) => Texts::Maybe(c.conflict.as_ref()),
        (Item::Script(s), Part::Title) => Texts::One(&s.title),
        (Item::Script(s), Part::Say) => Texts::List(&s.say),
        (Item::Script(s), Part::SayEn) => Texts::List(&s.say_en),
        _ => Texts::Maybe(None),
    }
}

/// The searched texts of an item, short fields first, each with its field name.
pub fn of(item: Item<'_>) -> impl Iterator<Item = (FieldName, &Text)> + '_ {
    parts(item.kind()).iter().flat_map(move |&(name, part)| {
        let texts = texts(item, part);
        (0..texts.len()).filter_map(move |index| Some((name, texts.get(index)?)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_is_searched_by_its_id_title_and_aliases_before_its_body_text() {
        let pack = crate::load::load_embedded().unwrap_or_default();
        assert!(!pack.is_empty());
        for item in pack.items() {
            let fields: Vec<(FieldName, &Text)> = of(item).collect();
            assert!(
                fields.contains(&(FieldName::Id, item.id_text())),
                "{}",
                item.id()
            );
            for alias in item.aliases() {
                assert!(fields.contains(&(FieldName::Alias, alias)), "{}", item.id());
            }
            let first_body = fields.iter().position(|(name, _)| *name == FieldName::Body);
            let last_head = fields
                .iter()
                .rposition(|(name, _)| *name != FieldName::Body);
            if let (Some(body), Some(head)) = (first_body, last_head) {
                assert!(head < body, "{}: body text before a short field", item.id());
            }
        }
    }
}
