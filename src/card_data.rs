//! Card data rules for anything posdesk stores or exports (PCI DSS): a card number (a run
//! of 13-19 digits, spaces or dashes allowed between them, that passes the Luhn check) is
//! masked to its first six and last four digits; text that looks like a CVV or a PIN is
//! refused, never stored.

/// Text with its card numbers masked, and how many were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Masked {
    pub text: String,
    pub masked: usize,
}

/// A digit as typed: ASCII or full-width (what a Chinese input method in 全角 mode gives).
fn digit_of(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// What may stand between the groups of a card number as people write it.
fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '_' | '\u{3000}' | '－' | '．')
}

/// At most this many separators between two groups (`4111  1111`).
const MAX_GAP: usize = 3;

/// Masks every card number in `text`: `6222 0212 3456 7890 123` → `622202*********0123`.
/// Digits that are not a card number (a phone number, an amount, a terminal id) are left
/// as they are.
pub fn mask_card_numbers(text: &str) -> Masked {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut masked = 0;
    let mut at = 0;
    while at < chars.len() {
        let starts_run = chars.get(at).copied().and_then(digit_of).is_some()
            && at
                .checked_sub(1)
                .and_then(|i| chars.get(i))
                .copied()
                .and_then(digit_of)
                .is_none();
        if starts_run {
            if let Some((end, digits)) = card_at(&chars, at) {
                out.push_str(&masked_digits(&digits));
                masked += 1;
                at = end;
                continue;
            }
        }
        if let Some(c) = chars.get(at) {
            out.push(*c);
        }
        at += 1;
    }
    Masked { text: out, masked }
}

/// The longest card number starting at `start`, as its end and digits: 13-19 digits, a
/// few separators allowed between groups. A run of digits is taken whole up to a
/// separator, so a longer number (an order number) is never read as a card inside it, but
/// a card number followed by other groups (`… 1111 2 次`) still is.
fn card_at(chars: &[char], start: usize) -> Option<(usize, Vec<u32>)> {
    let mut digits = Vec::new();
    // Where each group of digits ends: (position after it, digits so far).
    let mut group_ends = Vec::new();
    let mut at = start;
    while let Some(&c) = chars.get(at) {
        if let Some(d) = digit_of(c) {
            digits.push(d);
            at += 1;
            if chars.get(at).copied().and_then(digit_of).is_none() {
                group_ends.push((at, digits.len()));
            }
            if digits.len() > 19 {
                break;
            }
        } else if is_separator(c) {
            let gap = chars
                .get(at..)
                .unwrap_or_default()
                .iter()
                .take_while(|c| is_separator(**c))
                .count();
            let after = chars.get(at + gap).copied().and_then(digit_of);
            if gap > MAX_GAP || after.is_none() {
                break;
            }
            at += gap;
        } else {
            break;
        }
    }
    group_ends
        .iter()
        .rev()
        .filter(|(_, count)| (13..=19).contains(count))
        .find_map(|&(end, count)| {
            let card = digits.get(..count)?;
            luhn(card).then(|| (end, card.to_vec()))
        })
}

/// The Luhn check digit test.
pub fn luhn(digits: &[u32]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 {
                    doubled - 9
                } else {
                    doubled
                }
            } else {
                d
            }
        })
        .sum();
    !digits.is_empty() && sum.is_multiple_of(10)
}

fn masked_digits(digits: &[u32]) -> String {
    let len = digits.len();
    digits
        .iter()
        .enumerate()
        .map(|(i, d)| {
            if i < 6 || i + 4 >= len {
                char::from_digit(*d, 10).unwrap_or('*')
            } else {
                '*'
            }
        })
        .collect()
}

/// Words that name a card's security code or a PIN.
const SECRET_WORDS: [&str; 11] = [
    "cvv2",
    "cvc2",
    "cvv",
    "cvc",
    "cvn",
    "pin",
    "安全码",
    "校验码",
    "密码",
    "验证码",
    "背面三位",
];

/// Digits of a secret next to its word: three to six, single spaces allowed between them.
fn secret_digits(chars: impl Iterator<Item = char>) -> usize {
    let mut count = 0;
    let mut space = false;
    for c in chars {
        if digit_of(c).is_some() {
            count += 1;
            space = false;
        } else if c == ' ' && count > 0 && !space {
            space = true;
        } else {
            break;
        }
    }
    count
}

/// Why a text may not be stored: it looks like it holds a CVV or a PIN (a word naming one
/// with three to six digits close after it, or just before it: 「密码是123456」,
/// 「123456是密码」, 「CVV２: １２３」).
pub fn secret_in(text: &str) -> Option<&'static str> {
    let lower: Vec<char> = text.to_lowercase().chars().collect();
    let joined: String = lower.iter().collect();
    for word in SECRET_WORDS {
        let word_len = word.chars().count();
        let mut from = 0;
        while let Some(found) = joined.get(from..).and_then(|rest| rest.find(word)) {
            let byte_at = from + found;
            let at = joined
                .get(..byte_at)
                .map_or(0, |before| before.chars().count());
            // After the word: a few words (是, :, 为) then the digits.
            let after = lower.get(at + word_len..).unwrap_or_default();
            let gap = after
                .iter()
                .take(6)
                .take_while(|c| digit_of(**c).is_none())
                .count();
            let digits_after = secret_digits(after.iter().skip(gap).copied());
            // Before it: the digits, then a few words.
            let before = lower.get(..at).unwrap_or_default();
            let back_gap = before
                .iter()
                .rev()
                .take(3)
                .take_while(|c| digit_of(**c).is_none())
                .count();
            let digits_before = secret_digits(before.iter().rev().skip(back_gap).copied());
            // A longer number is not a secret (a terminal id, an amount with its word).
            let is_secret = |n: usize| (3..=6).contains(&n);
            let is_cvv = !matches!(word, "密码" | "pin" | "验证码");
            if is_secret(digits_after) || (is_secret(digits_before) && (is_cvv || back_gap <= 2)) {
                return Some(word);
            }
            from = byte_at + word.len();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_number_is_masked_in_any_spacing() {
        for written in [
            "4111111111111111",
            "4111 1111 1111 1111",
            "4111-1111-1111-1111",
            "4111 1111 1111 1111 2",
            "4111  1111  1111  1111",
            "4111.1111.1111.1111",
            "4111_1111_1111_1111",
            "４１１１１１１１１１１１１１１１",
            "411111111111111１",
        ] {
            let masked = mask_card_numbers(&format!("卡号 {written} 刷不了"));
            assert!(
                masked.text.starts_with("卡号 411111******1111"),
                "{}",
                masked.text
            );
            assert_eq!(masked.masked, 1);
        }
    }

    #[test]
    fn other_digits_are_left_alone() {
        for text in [
            "电话 13800138000",
            "金额 1234567890123 元",
            "订单 41111111111111112222",
            "终端 12345678",
        ] {
            assert_eq!(mask_card_numbers(text).text, text);
        }
    }

    #[test]
    fn secrets_are_recognized() {
        assert_eq!(secret_in("CVV 123"), Some("cvv"));
        assert_eq!(secret_in("顾客说密码是 654321"), Some("密码"));
        assert_eq!(secret_in("密码错了三次"), None);
        for secret in [
            "密码是１２３４５６",
            "CVV １２３",
            "cvv2 123",
            "CVV2: 123",
            "123456是密码",
            "密码是12 34 56",
        ] {
            assert!(secret_in(secret).is_some(), "{secret}");
        }
        assert_eq!(secret_in("密码错误 55，终端号 12345678"), None);
        assert_eq!(secret_in("终端号 12345678"), None);
    }
}
