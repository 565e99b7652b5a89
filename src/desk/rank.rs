//! Which causes to show for an item, most likely first. Today the order is the content's;
//! this is the one place where outcome statistics will re-rank it.

use crate::model::{Cause, Item, Pack, Text};

/// The causes of a symptom, FAQ entry or code in the pack's order; a cause stands for
/// itself; a solution or script lists the causes that use it.
pub fn causes_for<'a>(pack: &'a Pack, item: Item<'a>) -> Vec<&'a Cause> {
    let by_ids = |ids: &'a [Text]| {
        ids.iter()
            .filter_map(|id| pack.cause(id))
            .collect::<Vec<_>>()
    };
    match item {
        Item::Symptom(s) => by_ids(&s.causes),
        Item::Cause(c) => vec![c],
        Item::Faq(f) => by_ids(&f.causes),
        Item::Code(c) => by_ids(&c.causes),
        Item::Solution(_) | Item::Script(_) => pack
            .links_to(item.id())
            .into_iter()
            .filter_map(|linked| match linked {
                Item::Cause(c) => Some(c),
                _ => None,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_symptom_lists_its_causes_in_order() {
        let pack = crate::load_embedded().unwrap_or_default();
        let Some(symptom) = pack.symptom("insufficient-funds") else {
            panic!("no insufficient-funds");
        };
        let ids: Vec<&str> = causes_for(&pack, Item::Symptom(symptom))
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(ids.first(), Some(&"insufficient-balance"));
        assert_eq!(ids.len(), symptom.causes.len());
    }
}
