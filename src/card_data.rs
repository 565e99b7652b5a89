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

/// Masks every card number in `text`: `6222 0212 3456 7890 123` → `622202*********0123`.
/// Digits that are not a card number (a phone number, an amount, a terminal id) are left
/// as they are.
pub fn mask_card_numbers(text: &str) -> Masked {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut masked = 0;
    let mut at = 0;
    while at < chars.len() {
        let starts_run = chars.get(at).is_some_and(char::is_ascii_digit)
            && !at
                .checked_sub(1)
                .and_then(|i| chars.get(i))
                .is_some_and(char::is_ascii_digit);
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

/// The longest card number starting at `start`, as its end and digits: 13-19 digits,
/// single spaces or dashes allowed between them. A run of digits is taken whole up to a
/// separator, so a longer number (an order number) is never read as a card inside it, but
/// a card number followed by other groups (`… 1111 2 次`) still is.
fn card_at(chars: &[char], start: usize) -> Option<(usize, Vec<u32>)> {
    let mut digits = Vec::new();
    // Where each group of digits ends: (position after it, digits so far).
    let mut group_ends = Vec::new();
    let mut at = start;
    while let Some(c) = chars.get(at) {
        if let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) {
            digits.push(d);
            at += 1;
            if !chars.get(at).is_some_and(char::is_ascii_digit) {
                group_ends.push((at, digits.len()));
            }
            if digits.len() > 19 {
                break;
            }
        } else if matches!(c, ' ' | '-') && chars.get(at + 1).is_some_and(char::is_ascii_digit) {
            at += 1;
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
const SECRET_WORDS: [&str; 9] = [
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

/// Why a text may not be stored: it looks like it holds a CVV or a PIN (a word naming one,
/// then three to six digits close after it).
pub fn secret_in(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    for word in SECRET_WORDS {
        let mut from = 0;
        while let Some(found) = lower.get(from..).and_then(|rest| rest.find(word)) {
            let after = from + found + word.len();
            let tail: String = lower.get(after..).unwrap_or("").chars().take(8).collect();
            let digits: String = tail
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(char::is_ascii_digit)
                .collect();
            let gap = tail.chars().take_while(|c| !c.is_ascii_digit()).count();
            if (3..=6).contains(&digits.len()) && gap <= 4 {
                return Some(word);
            }
            from = after;
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
        assert_eq!(secret_in("终端号 12345678"), None);
    }
}
