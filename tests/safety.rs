//! The safety rules for advice, checked on what staff actually see: every code's page, its
//! causes' pages and the scripts they reach, in the shipped pack.

use posdesk::advice::{contradiction, disclosing_word, promised_outcome, splits_sale};
use posdesk::model::{CodeClass, Item, Verdict, DISCREET_CODES};
use posdesk::report::{item_blocks, verdict_label, Block};
use posdesk::search::SearchIndex;
use posdesk::Pack;

fn pack() -> Pack {
    posdesk::load_embedded().unwrap_or_else(|d| panic!("the embedded pack does not load:\n{d}"))
}

/// The advice on an item's page: what to do, steps, notes, what to say. Not the terminal's
/// own display text, the older or international meanings, links or sources.
fn advice_lines(pack: &Pack, item: Item<'_>) -> Vec<String> {
    let mut lines = Vec::new();
    for block in item_blocks(pack, item) {
        match block {
            Block::Text {
                label: "怎么处理" | "含义" | "问题描述" | "何时升级",
                text,
            } => lines.push(text),
            Block::List {
                label: "如何判断" | "解决步骤" | "注意" | "对顾客说",
                items,
                ..
            } => lines.extend(items),
            _ => {}
        }
    }
    lines
}

fn customer_lines(pack: &Pack, item: Item<'_>) -> Vec<String> {
    item_blocks(pack, item)
        .into_iter()
        .filter_map(|block| match block {
            Block::List { label, items, .. } if label == "对顾客说" || label == "English" => {
                Some(items)
            }
            _ => None,
        })
        .flatten()
        .collect()
}

fn verdict_lines(pack: &Pack, item: Item<'_>) -> Vec<String> {
    item_blocks(pack, item)
        .into_iter()
        .filter_map(|block| match block {
            Block::Text { label, text } if label == verdict_label() => Some(text),
            _ => None,
        })
        .collect()
}

#[test]
fn every_code_has_one_verdict_that_nothing_shown_with_it_contradicts() {
    let pack = pack();
    assert!(pack.codes.len() >= 61);
    for code in &pack.codes {
        let page = Item::Code(code);
        assert_eq!(
            verdict_lines(&pack, page),
            vec![code.verdict.summary()],
            "code {} shows its verdict once, from the one field",
            code.code
        );
        for line in advice_lines(&pack, page) {
            assert_eq!(
                contradiction(&line, &code.verdict),
                None,
                "code {}: \"{line}\" contradicts {}",
                code.code,
                code.verdict.summary()
            );
        }
        for cause in code.causes.iter().filter_map(|id| pack.cause(id)) {
            for line in advice_lines(&pack, Item::Cause(cause)) {
                assert_eq!(
                    contradiction(&line, &cause.verdict),
                    None,
                    "code {} > cause {}: \"{line}\" contradicts {}",
                    code.code,
                    cause.id,
                    cause.verdict.summary()
                );
            }
        }
        // The class is background: its label never says what to do about a retry.
        assert!(!code.class.label().contains("重试"), "{}", code.code);
    }
}

#[test]
fn the_contradiction_check_can_fail() {
    let never_now = Verdict {
        now: false,
        later: false,
        after: None,
        other: true,
        check_first: true,
    };
    assert!(contradiction("请稍等，我马上再试一次", &never_now).is_some());
}

#[test]
fn class_a_codes_never_advise_paying_again() {
    let pack = pack();
    let successes: Vec<_> = pack
        .codes
        .iter()
        .filter(|c| c.class == CodeClass::A)
        .collect();
    for wanted in ["00", "A2", "A4", "A5", "A6"] {
        assert!(successes.iter().any(|c| c.code == wanted), "{wanted}");
    }
    for code in successes {
        let v = &code.verdict;
        assert!(!v.now && !v.later && !v.other, "code {}", code.code);
    }
}

#[test]
fn discreet_codes_reach_only_discreet_words() {
    let pack = pack();
    for wanted in DISCREET_CODES {
        let code = pack
            .code(wanted)
            .unwrap_or_else(|| panic!("code {wanted} missing"));
        assert!(code.discreet, "code {wanted} is not discreet");
        let mut scripts: Vec<&str> = code.script.iter().map(|s| s.as_str()).collect();
        for cause in code.causes.iter().filter_map(|id| pack.cause(id)) {
            scripts.extend(cause.script.as_deref());
            for question in &cause.questions {
                assert_eq!(disclosing_word(question), None, "{}", cause.id);
            }
        }
        assert!(!scripts.is_empty(), "code {wanted} has nothing to say");
        for id in scripts {
            let script = pack
                .script(id)
                .unwrap_or_else(|| panic!("script {id} missing"));
            assert!(script.discreet, "code {wanted} reaches {id}, not discreet");
            for line in script.say.iter().chain(&script.say_en) {
                assert_eq!(disclosing_word(line), None, "{id}: {line}");
            }
        }
        for line in customer_lines(&pack, Item::Code(code)) {
            assert_eq!(disclosing_word(&line), None, "code {wanted}: {line}");
        }
    }
}

#[test]
fn no_cause_has_the_clerk_ask_about_a_lost_card() {
    let pack = pack();
    for cause in &pack.causes {
        for question in &cause.questions {
            assert_eq!(disclosing_word(question), None, "{}: {question}", cause.id);
        }
    }
}

#[test]
fn unknown_outcomes_are_checked_first_and_never_promised() {
    let pack = pack();
    for wanted in ["09", "68", "94", "98"] {
        let code = pack
            .code(wanted)
            .unwrap_or_else(|| panic!("code {wanted} missing"));
        assert!(code.verdict.check_first && !code.verdict.now, "{wanted}");
        let mut pages = vec![Item::Code(code)];
        pages.extend(code.causes.iter().filter_map(|id| pack.item(id)));
        for page in pages {
            for line in customer_lines(&pack, page) {
                assert_eq!(promised_outcome(&line), None, "{wanted}: {line}");
            }
        }
    }
    let timeout = pack
        .cause("unknown-outcome")
        .unwrap_or_else(|| panic!("no unknown-outcome cause"));
    let text = posdesk::report::item_text(&pack, Item::Cause(timeout));
    for must in ["冲正", "不要关机", "金额和时间", "上一位顾客", "参考号"] {
        assert!(text.contains(must), "the timeout flow does not say {must}");
    }
}

#[test]
fn no_advice_splits_a_sale() {
    let pack = pack();
    for item in pack.items() {
        for line in advice_lines(&pack, item) {
            assert_eq!(splits_sale(&line), None, "{}: {line}", item.id());
        }
    }
}

#[test]
fn corrected_codes_send_the_clerk_the_right_way() {
    let pack = pack();
    let causes = |code: &str| {
        pack.code(code)
            .map(|c| c.causes.clone())
            .unwrap_or_default()
    };
    assert_eq!(causes("36"), vec!["card-flagged"], "36 is a pick-up code");
    assert_eq!(
        causes("59"),
        vec!["card-verification-failed"],
        "59 neither re-reads nor retains"
    );
    assert!(causes("38").iter().any(|c| c == "pin-locked"));
    let v06 = pack.code("06").map(|c| c.verdict.clone());
    assert!(v06.is_some_and(|v| !v.now && v.later && v.other));
    // 14 and 65 show a script that fits them.
    for (code, wrong) in [("14", "状态问题"), ("65", "金额超过")] {
        let code = pack.code(code).unwrap_or_else(|| panic!("{code}"));
        for cause in code.causes.iter().filter_map(|id| pack.cause(id)) {
            let script = cause.script.as_deref().and_then(|id| pack.script(id));
            for line in script.map(|s| s.say.clone()).unwrap_or_default() {
                assert!(!line.contains(wrong), "{}: {line}", code.code);
            }
        }
    }
}

#[test]
fn article_answers_about_the_network_warn_to_check_first() {
    let pack = pack();
    let faq = pack
        .faq("faq-environment")
        .unwrap_or_else(|| panic!("no faq-environment"));
    let warned = item_blocks(&pack, Item::Faq(faq))
        .into_iter()
        .any(|b| matches!(b, Block::Warning(text) if text.contains(Verdict::check_first_label())));
    assert!(warned);
}

#[test]
fn foreign_cards_have_an_english_line() {
    let pack = pack();
    let cause = pack
        .cause("foreign-card-not-enabled")
        .unwrap_or_else(|| panic!("no foreign-card cause"));
    let script = cause.script.as_deref().and_then(|id| pack.script(id));
    assert!(script.is_some_and(|s| !s.say_en.is_empty()));
}

#[test]
fn steps_say_whether_they_are_the_article_or_added() {
    let pack = pack();
    let solution = pack
        .solution("check-card-status")
        .unwrap_or_else(|| panic!("no check-card-status"));
    let text = posdesk::report::item_text(&pack, Item::Solution(solution));
    assert!(text.contains("确认卡片是否在有效期内，如有需要请及时更换卡片。（原文）"));
    assert!(text.contains("本次付款请顾客换一张卡或改用其他支付方式。（补充）"));
    let fee = pack
        .solution("top-up-or-pay-otherwise")
        .map(|s| s.notes.join(""));
    assert!(fee.is_some_and(|n| n.contains("原文说法，未经核实")));
}

fn first(query: &str) -> String {
    let pack = pack();
    SearchIndex::new(pack.clone())
        .search(query, 5)
        .first()
        .map(|hit| hit.id.clone())
        .unwrap_or_default()
}

#[test]
fn colloquial_words_find_the_right_item_first() {
    let cases: &[(&str, &[&str])] = &[
        (
            "扣了两次",
            &["double-charge-or-refund", "customer-charged-twice"],
        ),
        (
            "退款",
            &["double-charge-or-refund", "customer-charged-twice"],
        ),
        ("卡过期", &["card-expired-or-invalid"]),
        ("断网", &["payment-environment"]),
        ("外国卡", &["foreign-card", "foreign-card-not-enabled"]),
        ("Visa", &["foreign-card", "foreign-card-not-enabled"]),
        ("密码锁了", &["pin-locked"]),
        ("刷不出", &["card-read-error", "card-read-failed"]),
        ("闪付", &["contactless-failed", "contactless-payment"]),
        ("付款码", &["qr-payment-failed", "qr-payment-problem"]),
        ("卡里有钱", &["funds-frozen-or-held"]),
        ("没反应", &["unknown-outcome", "timeout-or-duplicate"]),
        ("机器坏了", &["pos-settings"]),
        ("mmsl", &["pin-locked"]),
        (
            "tuikuan",
            &["double-charge-or-refund", "customer-charged-twice"],
        ),
        ("A7", &["code-a7"]),
        ("67", &["code-67"]),
        ("A2", &["code-a2"]),
    ];
    for (query, wanted) in cases {
        let found = first(query);
        assert!(
            wanted.contains(&found.as_str()),
            "{query} finds {found} first"
        );
    }
}

#[test]
fn an_unknown_code_is_not_sent_to_the_issuer() {
    let letter = posdesk::advice::unknown_code_advice("B7").join("");
    assert!(letter.contains("POS服务商"));
    assert!(letter.contains("不要先让顾客去找发卡行"));
    let digits = posdesk::advice::unknown_code_advice("88");
    assert!(digits.join("").contains("查明是发卡行拒绝后"));
    let to_customer: Vec<&String> = digits
        .iter()
        .filter(|l| l.starts_with("对顾客说"))
        .collect();
    assert_eq!(to_customer.len(), 1);
    for line in to_customer {
        assert_eq!(promised_outcome(line), None, "{line}");
    }
}
