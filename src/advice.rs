//! Wording rules for advice that can cost a customer money: which retry a sentence
//! claims, which outcome a customer line promises, which words a discreet decline must
//! never use. The loader's lint rules and the tests read the content through these, so
//! the rules live in one place.

use crate::model::Verdict;

/// The part of a retry verdict a sentence speaks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryPart {
    /// The same card, right now.
    Now,
    /// The same card, after something has happened.
    Later,
    /// Another card or another payment method.
    Other,
}

impl RetryPart {
    pub fn label(self) -> &'static str {
        match self {
            RetryPart::Now => Verdict::now_label(),
            RetryPart::Later => Verdict::later_label(),
            RetryPart::Other => Verdict::other_label(),
        }
    }

    /// What the verdict says about this part.
    pub fn allowed_by(self, verdict: &Verdict) -> bool {
        match self {
            RetryPart::Now => verdict.now,
            RetryPart::Later => verdict.later,
            RetryPart::Other => verdict.other,
        }
    }
}

/// What a sentence says about retrying.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryClaim {
    pub part: RetryPart,
    pub allowed: bool,
    /// The words that make the claim, as written.
    pub phrase: String,
}

/// Words that tell the clerk to try the same card again at once.
const NOW_PHRASES: &[&str] = &[
    "马上再试",
    "马上重试",
    "立即重试",
    "立刻重试",
    "再试一次",
    "重试一次",
    "重新刷卡",
    "再刷一次",
    "重新读卡",
    "重新插卡",
    "再插一次",
    "重新输入密码",
    "重输",
    "重新刷一下",
    "再扫一次",
    "再挥一次",
    "再贴一次",
    "重新发起",
];

/// Words that only speak of retrying when they are negated: 「不要重试」.
const NEGATED_ONLY: &[&str] = &["重试", "再试", "再刷", "重刷"];

const LATER_PHRASES: &[&str] = &[
    "稍后重试",
    "稍后再试",
    "过一会再试",
    "过几分钟再试",
    "等几分钟再试",
    "改日再",
    "晚些再试",
];

const OTHER_PHRASES: &[&str] = &[
    "换一张卡",
    "换卡",
    "换其他",
    "其他支付方式",
    "其他方式付款",
    "换一种支付方式",
    "换个付款方式",
    "换个方式",
    "其他支付平台或银行卡",
    "换张卡",
    "用别的卡",
    "其他卡",
];

const NEGATIONS: &[&str] = &["不要", "别", "勿", "不能", "不可", "禁止", "不用", "不必"];

/// Words that hold a negation's characters without negating: 「要不要」 asks, 「别人」 is
/// someone else.
const NOT_NEGATIONS: &[&str] = &[
    "要不要",
    "别人",
    "别的",
    "不要紧",
    "能不能",
    "可不可以",
    "识别",
    "特别",
    "区别",
    "分别",
    "告别",
];

/// A 后 that ends a condition (「签到后」); these words hold a 后 that does not.
const NOT_CONDITIONS: &[&str] = &["然后", "最后", "后面", "随后"];

/// Whether the words before a phrase end in a condition: 「签到成功后再试一次」.
fn is_conditional(before: &str) -> bool {
    let mut plain = before.to_string();
    for word in NOT_CONDITIONS {
        plain = plain.replace(word, "");
    }
    plain.contains('后')
}

/// Whether the words before a phrase, in its clause, negate it: 「不要用同样的信息马上重试」.
fn is_negated(before: &str) -> bool {
    let mut plain = before.to_string();
    for word in NOT_NEGATIONS {
        plain = plain.replace(word, "");
    }
    NEGATIONS.iter().any(|n| plain.contains(n))
}

/// Words that make a retry phrase about repetition, not about one more try: 「不要反复重试」
/// does not forbid a single careful retry.
const REPETITION: &[&str] = &["反复", "多次", "连续", "一再"];

/// Clause punctuation: negation and conditions do not reach across it.
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | '！' | '？' | ',' | '.' | ';' | ':' | '!' | '?' | '、' | '\n'
    )
}

/// The characters before `at` in the same clause, at most `limit` of them.
fn clause_before(chars: &[char], at: usize, limit: usize) -> String {
    let start = at.saturating_sub(limit);
    let before: &[char] = chars.get(start..at).unwrap_or_default();
    let from = before
        .iter()
        .rposition(|&c| is_clause_break(c))
        .map_or(0, |p| p + 1);
    before.get(from..).unwrap_or_default().iter().collect()
}

/// Every place `phrase` starts in `chars` (the characters of `text`), in characters.
fn find_all(text: &str, chars: &[char], phrase: &str) -> Vec<usize> {
    // Most phrases are absent from most texts: a substring search rules them out fast.
    if !text.contains(phrase) {
        return Vec::new();
    }
    let needle: Vec<char> = phrase.chars().collect();
    if needle.is_empty() || chars.len() < needle.len() {
        return Vec::new();
    }
    (0..=chars.len() - needle.len())
        .filter(|&i| chars.get(i..i + needle.len()) == Some(needle.as_slice()))
        .collect()
}

/// What `text` says about retrying, phrase by phrase.
///
/// A phrase after a negation in the same clause (「不要马上再试」) forbids; a phrase right
/// after a condition ending in 后 (「签到后再试一次」) speaks of later, not now; 「换卡片」 is
/// the bank replacing a card, not paying with another one.
pub fn retry_claims(text: &str) -> Vec<RetryClaim> {
    let chars: Vec<char> = text.chars().collect();
    let mut claims = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    // Longer, more specific tables first, so 「稍后再试」 is not also read as 「再试」.
    let tables: [(&[&str], RetryPart, bool); 4] = [
        (LATER_PHRASES, RetryPart::Later, false),
        (NOW_PHRASES, RetryPart::Now, false),
        (OTHER_PHRASES, RetryPart::Other, false),
        (NEGATED_ONLY, RetryPart::Now, true),
    ];
    for (phrases, part, only_when_negated) in tables {
        for phrase in phrases {
            let length = phrase.chars().count();
            for at in find_all(text, &chars, phrase) {
                let end = at + length;
                if taken.iter().any(|&(s, e)| at < e && s < end) {
                    continue;
                }
                if part == RetryPart::Other && chars.get(end) == Some(&'片') {
                    continue;
                }
                let before = clause_before(&chars, at, 6);
                // 「再决定是否重新发起」 asks; it does not advise.
                if before.ends_with("是否") {
                    taken.push((at, end));
                    continue;
                }
                let negated = is_negated(&clause_before(&chars, at, 10));
                // 「不要反复重试」 forbids repeating, not one careful retry.
                if negated && REPETITION.iter().any(|r| before.contains(r)) {
                    taken.push((at, end));
                    continue;
                }
                if only_when_negated && !negated {
                    continue;
                }
                let conditional = part == RetryPart::Now && is_conditional(&before);
                let part = if conditional && !negated {
                    RetryPart::Later
                } else {
                    part
                };
                taken.push((at, end));
                claims.push(RetryClaim {
                    part,
                    allowed: !negated,
                    phrase: chars.get(at..end).unwrap_or_default().iter().collect(),
                });
            }
        }
    }
    claims
}

/// English words that send the customer to pay with the same card again (for `say_en`).
const NOW_PHRASES_EN: &[&str] = &[
    "try again",
    "try it again",
    "swipe again",
    "swipe it again",
    "tap again",
    "pay again",
    "insert it again",
    "insert the card again",
    "enter it again",
    "enter the pin again",
    "once more",
];

/// English words that speak of another card or another way to pay.
const OTHER_PHRASES_EN: &[&str] = &[
    "another card",
    "another way",
    "another payment",
    "other payment",
    "different card",
];

/// Words around an English retry that put it off: "wait a few minutes and try again",
/// "try again later", "after the bank has reset it".
const LATER_WORDS_EN: &[&str] = &["wait", "later", "after", "once ", "when ", "until"];

/// Whether an English clause negates: "do not", "don't", "never", "no".
fn negates_en(clause: &str) -> bool {
    clause
        .split(|c: char| !(c.is_ascii_alphabetic() || c == '\'' || c == '\u{2019}'))
        .any(|word| {
            matches!(word, "not" | "never" | "no")
                || word.ends_with("n't")
                || word.ends_with("n\u{2019}t")
        })
}

/// The retry claims of an English sentence, read as [`retry_claims`] reads Chinese: a
/// negation in the same clause forbids, a word of waiting makes it later.
fn retry_claims_en(text: &str) -> Vec<RetryClaim> {
    let mut claims = Vec::new();
    // Every text of a pack is checked at each start: Chinese ones have nothing to read here.
    if !text.bytes().any(|b| b.is_ascii_alphabetic()) {
        return claims;
    }
    let lower = text.to_lowercase();
    for (phrases, part) in [
        (NOW_PHRASES_EN, RetryPart::Now),
        (OTHER_PHRASES_EN, RetryPart::Other),
    ] {
        for phrase in phrases {
            for (at, _) in lower.match_indices(phrase) {
                let clause_start = lower
                    .get(..at)
                    .and_then(|before| before.rfind(['.', ';', ':', '!', '?', ',']))
                    .map_or(0, |i| i + 1);
                let before = lower.get(clause_start..at).unwrap_or_default();
                let after = lower.get(at + phrase.len()..).unwrap_or_default();
                let after = after
                    .split(['.', ';', '!', '?', ','])
                    .next()
                    .unwrap_or_default();
                let negated = negates_en(before);
                let later = LATER_WORDS_EN
                    .iter()
                    .any(|w| before.contains(w) || after.contains(w));
                let part = if part == RetryPart::Now && later && !negated {
                    RetryPart::Later
                } else {
                    part
                };
                claims.push(RetryClaim {
                    part,
                    allowed: !negated,
                    phrase: text
                        .get(at..at + phrase.len())
                        .unwrap_or(phrase)
                        .to_string(),
                });
            }
        }
    }
    claims
}

/// The first claim in `text` that the verdict contradicts.
pub fn contradiction(text: &str, verdict: &Verdict) -> Option<RetryClaim> {
    let mut claims = retry_claims(text);
    claims.extend(retry_claims_en(text));
    claims.into_iter().find(|claim| {
        let allowed = claim.part.allowed_by(verdict);
        match claim.part {
            // 「稍后不要再试」 is rare and harmless; only a promised later retry can mislead.
            RetryPart::Later => claim.allowed && !allowed,
            _ => claim.allowed != allowed,
        }
    })
}

/// Words that tell a customer how a sale ended. While the outcome is unknown, none of them
/// may be said: a customer told "it failed" pays again and is charged twice.
const OUTCOME_PROMISES: &[&str] = &[
    "没有成功",
    "没成功",
    "交易失败",
    "失败了",
    "没有扣款",
    "没扣款",
    "没扣钱",
    "没有扣钱",
    "不会扣款",
    "不会扣钱",
    "已经成功",
    "付款成功",
    "支付成功",
    "扣款成功",
    "已经扣款",
    "已经扣了",
    "没有通过",
    "没通过",
    "没有付成功",
    "付款失败",
    "支付失败",
    "不成功",
    "未成功",
    "payment failed",
    "has failed",
    "was not charged",
    "were not charged",
    "did not go through",
    "went through",
    "was successful",
];

/// Words that turn a promise into a condition or a check: 「如果已经扣了」「确认是否成功」.
const NOT_A_PROMISE: &[&str] = &["是否", "如果", "万一", "假如", "要是", "确认", "查"];

/// The first outcome a customer line promises, if any.
pub fn promised_outcome(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    OUTCOME_PROMISES.iter().copied().find(|phrase| {
        find_all(&lower, &chars, phrase).into_iter().any(|at| {
            let before = clause_before(&chars, at, 4);
            // 「有没有扣款」 asks; it does not promise.
            let question = before.ends_with('有');
            !question && !NOT_A_PROMISE.iter().any(|w| before.contains(w))
        })
    })
}

/// Words that split one sale into several slips (拆单), which acquirer rules forbid.
const SPLIT_SALE: &[&str] = &[
    "分开付款",
    "分开刷",
    "拆单",
    "拆成几笔",
    "拆开刷",
    "分几笔",
    "分成几笔",
    "分成两笔",
    "分成多笔",
    "分多笔",
    "分笔",
    "分两次刷",
    "分两笔",
    "分两次",
];

/// The first words in `text` that advise splitting one sale; a negated one 「不要拆单」 is
/// the rule itself, not advice to break it.
pub fn splits_sale(text: &str) -> Option<&'static str> {
    let chars: Vec<char> = text.chars().collect();
    SPLIT_SALE.iter().copied().find(|phrase| {
        find_all(text, &chars, phrase).into_iter().any(|at| {
            // 「不要把这笔金额在同一张卡上拆成几笔」: the negation can stand far back.
            !is_negated(&clause_before(&chars, at, 16))
        })
    })
}

/// Words a discreet decline never says to the customer (lost, stolen, fraud, pick-up).
const DISCREET_WORDS: &[&str] = &[
    "挂失",
    "被盗",
    "被窃",
    "盗刷",
    "偷",
    "作弊",
    "没收",
    "吞卡",
    "伪卡",
    "欺诈",
    "风险卡",
    "黑名单",
    "留卡",
    "收回",
    "扣卡",
    "扣下",
    "可疑",
    "报失",
    "丢失",
    "遗失",
    "有风险",
    "冒用",
    "盗用",
];

const DISCREET_WORDS_EN: &[&str] = &[
    "stolen",
    "reported lost",
    "lost card",
    "card was lost",
    "fraud",
    "pick up the card",
    "pick-up",
    "confiscat",
    "retain",
    "blacklist",
    "suspicious",
    "lost",
    "keep your card",
    "keep the card",
    "hold your card",
    "risk",
];

/// The first word in a customer line that gives away a lost, stolen or fraud reason.
pub fn disclosing_word(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    DISCREET_WORDS
        .iter()
        .chain(DISCREET_WORDS_EN)
        .copied()
        .find(|word| lower.contains(word))
}

/// What staff do with a response code that is not in the pack: nothing is promised, and
/// the customer is not sent to the issuer by default.
pub fn unknown_code_advice(code: &str) -> Vec<String> {
    let mut lines = vec![
        crate::t!("advice.unknown", code = code),
        crate::t!(
            "advice.retry",
            label = crate::report::verdict_label(),
            summary = Verdict::for_unknown_code().summary()
        ),
        crate::t!("advice.check_first").to_string(),
        crate::t!("advice.classes").to_string(),
    ];
    if code.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
        lines.push(crate::t!("advice.letter_code").to_string());
    } else {
        lines.push(crate::t!("advice.ask_acquirer").to_string());
    }
    lines.push(crate::t!(
        "advice.say",
        label = crate::report::card::say_label()
    ));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everyday_ways_of_giving_the_reason_away_are_caught() {
        for line in [
            "不好意思，这张卡已经报失，是丢失卡。",
            "银行要求我们把卡扣下。",
            "这张卡有风险。",
            "Sorry, this card is lost.",
            "We must keep your card.",
        ] {
            assert!(disclosing_word(line).is_some(), "{line}");
        }
        assert_eq!(
            disclosing_word("不好意思，这笔交易没有通过银行的授权。"),
            None
        );
    }

    fn claims(text: &str) -> Vec<(RetryPart, bool)> {
        retry_claims(text)
            .into_iter()
            .map(|c| (c.part, c.allowed))
            .collect()
    }

    fn english_claims(text: &str) -> Vec<(RetryPart, bool)> {
        retry_claims_en(text)
            .into_iter()
            .map(|c| (c.part, c.allowed))
            .collect()
    }

    #[test]
    fn reads_english_retry_claims() {
        assert_eq!(
            english_claims("Please swipe again now."),
            vec![(RetryPart::Now, true)]
        );
        assert_eq!(
            english_claims("Please try it again right away."),
            vec![(RetryPart::Now, true)]
        );
        assert_eq!(
            english_claims("Please do not try it again for now."),
            vec![(RetryPart::Now, false)]
        );
        assert_eq!(
            english_claims("Please don't pay again until we know."),
            vec![(RetryPart::Now, false)]
        );
        assert_eq!(
            english_claims("You can wait a few minutes and try again."),
            vec![(RetryPart::Later, true)]
        );
        assert_eq!(
            english_claims("If that does not work, could you use another card?"),
            vec![(RetryPart::Other, true)]
        );
        let pin_locked = Verdict {
            now: false,
            later: false,
            other: true,
            ..Verdict::for_unknown_code()
        };
        assert!(contradiction("Please try it again right away.", &pin_locked).is_some());
        assert!(contradiction("Please do not try it again for now.", &pin_locked).is_none());
    }

    #[test]
    fn reads_retry_claims() {
        assert_eq!(claims("我马上再试一次"), vec![(RetryPart::Now, true)]);
        assert_eq!(claims("不要马上再试"), vec![(RetryPart::Now, false)]);
        assert_eq!(claims("不要重试。"), vec![(RetryPart::Now, false)]);
        assert_eq!(claims("签到成功后再试一次"), vec![(RetryPart::Later, true)]);
        assert_eq!(claims("请稍后再试"), vec![(RetryPart::Later, true)]);
        assert_eq!(claims("请顾客换一张卡"), vec![(RetryPart::Other, true)]);
        assert_eq!(claims("如有需要请及时更换卡片"), vec![]);
        assert_eq!(claims("不要反复重试同一张卡"), vec![]);
        assert_eq!(claims("交易超时，请重试"), vec![]);
        assert_eq!(claims("您看要不要换一张卡"), vec![(RetryPart::Other, true)]);
        assert_eq!(claims("然后马上再试"), vec![(RetryPart::Now, true)]);
        assert_eq!(claims("可以反复重新读卡"), vec![(RetryPart::Now, true)]);
        assert_eq!(claims("识别不了就重新插卡"), vec![(RetryPart::Now, true)]);
        assert_eq!(claims("换张卡再付"), vec![(RetryPart::Other, true)]);
        assert_eq!(
            claims("不要用同样的信息马上重试"),
            vec![(RetryPart::Now, false)]
        );
    }

    #[test]
    fn finds_contradictions() {
        let no_now = Verdict {
            now: false,
            later: true,
            after: Some("签到后".into()),
            other: true,
            check_first: false,
        };
        assert!(contradiction("我马上再试一次", &no_now).is_some());
        assert!(contradiction("签到后再试一次", &no_now).is_none());
        let success = Verdict {
            now: false,
            later: false,
            after: None,
            other: false,
            check_first: false,
        };
        assert!(contradiction("请顾客换卡", &success).is_some());
    }

    #[test]
    fn finds_promises_and_disclosures() {
        assert_eq!(promised_outcome("交易没有成功"), Some("没有成功"));
        assert_eq!(promised_outcome("我查一下有没有扣款"), None);
        assert_eq!(promised_outcome("结果还没确认"), None);
        assert_eq!(promised_outcome("这笔没有通过"), Some("没有通过"));
        assert_eq!(
            promised_outcome("Sorry, the payment failed."),
            Some("payment failed")
        );
        assert_eq!(promised_outcome("so you are not charged twice"), None);
        assert_eq!(disclosing_word("这张卡挂失了"), Some("挂失"));
        assert_eq!(
            disclosing_word("The card was reported Stolen"),
            Some("stolen")
        );
        assert_eq!(disclosing_word("这笔交易没有通过"), None);
        assert_eq!(splits_sale("可以分开付款"), Some("分开付款"));
        assert_eq!(splits_sale("不能把一笔拆成几笔刷"), None);
    }
}
