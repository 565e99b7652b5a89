//! The line breaker over random Chinese and Latin text: widths respected, nothing lost,
//! no line starting with closing punctuation or ending with an opening one, no Latin word
//! or number split (unless it is longer than a whole line).

use posdesk::app::widgets::text::{width, wrap, Piece};
use proptest::prelude::*;
use ratatui::style::Style;

const CLOSING: &str = "，。、：；！？）」』》】";
const OPENING: &str = "（「『《【";

fn text_strategy() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        4 => "[持卡人认证失败余额不足请在机上签到交易]{1,6}",
        2 => "[a-zA-Z0-9]{1,6}",
        1 => Just(" ".to_string()),
        2 => prop::sample::select(CLOSING.chars().map(String::from).collect::<Vec<_>>()),
        1 => prop::sample::select(OPENING.chars().map(String::from).collect::<Vec<_>>()),
    ];
    proptest::collection::vec(pieces, 1..20).prop_map(|parts| parts.concat())
}

fn plain(line: &ratatui::text::Line<'_>) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn wrapping_follows_the_rules(text in text_strategy(), max in 4usize..40) {
        let lines: Vec<String> = wrap(&[Piece::new(text.clone(), Style::default())], max, 0)
            .iter()
            .map(plain)
            .collect();
        for line in &lines {
            prop_assert!(width(line) <= max, "{line:?} is wider than {max}");
        }
        let joined: String = lines.concat().replace(' ', "");
        prop_assert_eq!(joined, text.replace(' ', ""), "text was lost: {:?}", lines);
        // Which breaks fell on a space of the text (dropped from the next line's start).
        let chars: Vec<char> = text.chars().collect();
        let mut at = 0;
        let mut at_space = Vec::new();
        for line in &lines {
            at += line.chars().count();
            let skipped = chars.get(at..).unwrap_or_default().iter().take_while(|c| **c == ' ').count();
            at_space.push(skipped > 0);
            at += skipped;
        }
        for (index, pair) in lines.windows(2).enumerate() {
            let (this, next) = (&pair[0], &pair[1]);
            let spaced = at_space.get(index).copied().unwrap_or(false);
            let alone = this.trim().chars().count() <= 1;
            let next_first = next.chars().next().unwrap_or(' ');
            let this_last = this.chars().last().unwrap_or(' ');
            prop_assert!(alone || !CLOSING.contains(next_first), "{next:?} starts with closing punctuation after {this:?}");
            prop_assert!(alone || !OPENING.contains(this_last), "{this:?} ends with an opening bracket");
            if !spaced && this_last.is_ascii_alphanumeric() && next_first.is_ascii_alphanumeric() {
                let whole_line_word = this.trim().chars().all(|c| c.is_ascii_alphanumeric());
                prop_assert!(whole_line_word, "a Latin word is split: {this:?} | {next:?}");
            }
        }
    }
}
