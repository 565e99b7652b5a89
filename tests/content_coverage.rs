//! The default pack carries every statement of the troubleshooting article, written
//! plainly, and none of its advertising; and every code of the facts table.

use posdesk::model::Item;
use posdesk::Pack;

fn pack() -> Pack {
    match posdesk::load_embedded() {
        Ok(pack) => pack,
        Err(diagnostics) => panic!("the embedded pack does not load:\n{diagnostics}"),
    }
}

/// Letters, digits and CJK only: punctuation and spacing differ between the article and
/// the pack without changing a statement.
fn normalize(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn pack_text(pack: &Pack) -> String {
    normalize(&serde_json::to_string(pack).unwrap_or_default())
}

/// The article's statements, disguised words written plainly (ka卡 → 卡, 信xi息 → 信息,
/// 身份F证号 → 身份证号, POSS号码 → 预留手机号码, 安全POSS → 安全隐患).
const ARTICLE_STATEMENTS: &[&str] = &[
    // Opening summary
    "卡片已损坏或过期",
    "输入的卡号或有效期有误",
    "银行系统故障或网络问题",
    "POS机本身存在技术问题",
    "建议检查卡片状态",
    "重新输入正确的卡信息",
    "并联系发卡银行和POS机服务提供商寻求帮助",
    "确保POS机处于正常工作状态，以提供准确的交易信息",
    "这种情况可能由多种因素引起",
    "了解这些原因有助于我们更好地解决问题",
    "确保交易的顺利进行",
    // 一、持卡人信息错误
    "持卡人的姓名、卡号或预留手机号码与系统中存储的信息不一致",
    "核对持卡人提供的信息是否准确无误",
    "确认输入的卡号是否为磁条卡或芯片卡，并对应正确的读取设备",
    "如果信息有误，请及时联系持卡人进行更正",
    // 二、卡片状态异常
    "卡片已损坏、过期或处于挂失状态",
    "检查卡片是否有明显的物理损坏，如划痕、破损等",
    "确认卡片是否在有效期内，如有需要请及时更换卡片",
    "如卡片已挂失，请联系银行或发卡机构获取相应证明",
    // 三、支付环境安全问题
    "当前支付环境存在安全隐患，如网络不稳定、支付平台故障等",
    "确保支付环境的稳定性，避免在网络高峰时段进行交易",
    "检查支付平台的运行状态，如有异常请及时联系技术支持",
    "可尝试更换其他支付平台或银行卡进行交易",
    // 四、POS机设置问题
    "POS机的设置与银行的要求不匹配，或存在故障",
    "核对POS机的设置，确保与银行的要求一致",
    "如果不确定如何操作，请联系POS机的售后服务人员进行检查和调整",
    "定期对POS机进行维护和升级，以确保其正常运行",
    // 五、持卡人账户余额不足
    "持卡人的银行账户余额不足以完成本次交易",
    "请持卡人查询账户余额，确认是否有足够的资金进行交易",
    "如余额不足，请等待持卡人充值后再进行交易",
    "如因余额不足导致交易失败，银行可能会收取相应的手续费，请持卡人注意",
    // Summary
    "涉及持卡人信息错误、卡片状态异常、支付环境安全问题、POS机设置问题以及持卡人账户余额不足等多个方面",
    "逐一排查并采取相应的解决措施",
    // Q&A: possible causes
    "信用卡可能因过期、损坏、未激活或账户异常而无法进行认证",
    "输入的持卡人信息与信用卡信息不匹配，例如姓名、身份证号等关键信息不正确",
    "网络环境不稳定或POS机设备故障可能导致认证失败",
    "银行系统维护或升级可能导致认证流程受阻",
    "包括但不限于交易限额、交易限制、交易被拒绝等",
    // Q&A: the answer
    "首先检查信用卡状态是否正常，确保卡片未过期、损坏且已激活，核对持卡人信息是否准确无误，检查网络环境是否稳定，尝试重新刷卡或更换POS机设备，如果问题仍然存在，可以联系发卡银行咨询具体原因",
    // FAQ 一 to 五
    "信用卡状态异常怎么办",
    "如果是信用卡状态异常导致认证失败，应尽快联系发卡银行处理卡片问题，确保卡片状态正常",
    "个人信息不匹配怎么办",
    "应核对输入的个人信息是否准确无误，包括姓名、身份证号等关键信息，如果信息有误，应更正相关信息后再进行交易",
    "交易环境问题如何解决",
    "可以尝试重新刷卡或更换网络环境进行交易，如果问题仍未解决，可以联系银行客服咨询具体原因",
    "银行系统问题如何应对",
    "如果怀疑是银行系统问题导致认证失败，可以联系银行客服咨询具体原因并等待银行处理，也可以关注银行公告或官方消息，了解相关情况",
    "在遇到认证失败问题时，还可以考虑检查交易限额、交易限制等因素，确保交易符合相关规定",
    "保持耐心和冷静，不要轻易放弃，积极与银行或相关部门联系寻求帮助",
    // Closing
    "需要根据具体情况进行排查和解决",
    "以便更好地解决问题并保障交易安全",
];

#[test]
fn every_article_statement_reaches_the_pack() {
    let text = pack_text(&pack());
    let missing: Vec<&&str> = ARTICLE_STATEMENTS
        .iter()
        .filter(|statement| !text.contains(&normalize(statement)))
        .collect();
    assert!(
        missing.is_empty(),
        "statements missing from the pack: {missing:#?}"
    );
}

#[test]
fn the_check_notices_a_statement_that_is_absent() {
    let text = pack_text(&pack());
    assert!(!text.contains(&normalize("持卡人的姓名与系统中存储的指纹不一致")));
}

const FORBIDDEN: &[&str] = &[
    // disguised words
    "ka卡",
    "信xi息",
    "身份F证",
    "POSS",
    // the closing advertising
    "拉卡拉",
    "盛付通",
    "瑞银信",
    "相关POS机产品",
    "免费办理",
    "支付牌照",
    "一清",
    "微信复制成功",
    "POS机办理网",
];

#[test]
fn no_disguised_word_or_advertising_remains() {
    let files = posdesk::load::embedded_files();
    assert!(!files.is_empty());
    for file in files {
        let text = String::from_utf8_lossy(&file.bytes);
        for word in FORBIDDEN {
            assert!(!text.contains(word), "{} contains \"{word}\"", file.path);
        }
    }
}

#[test]
fn every_article_item_records_its_part_of_the_article() {
    let pack = pack();
    for id in [
        "cardholder-info-mismatch",
        "card-status-abnormal",
        "payment-environment",
        "pos-settings",
        "insufficient-balance",
        "bank-system-issue",
        "transaction-limits",
    ] {
        let item = pack.item(id).unwrap_or_else(|| panic!("no item {id}"));
        assert!(
            item.sources().iter().any(|s| s.starts_with("article-")),
            "{id} does not trace back to the article"
        );
    }
    for faq in &pack.faqs {
        assert!(!faq.sources.is_empty(), "{} has no source", faq.id);
    }
}

/// Every code of the facts table (35 / 37 as two entries).
const FACT_CODES: &[&str] = &[
    "00", "01", "02", "03", "04", "05", "06", "07", "09", "12", "13", "14", "15", "19", "21", "22",
    "25", "30", "31", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "45", "51",
    "54", "55", "57", "58", "59", "61", "62", "63", "64", "65", "68", "75", "77", "79", "90", "91",
    "92", "94", "96", "97", "98", "99", "A0",
    // Added from the facts' "Corrections and additions".
    "67", "A2", "A4", "A5", "A6", "A7",
];

#[test]
fn every_fact_code_is_in_the_table_with_what_to_do() {
    let pack = pack();
    for wanted in FACT_CODES {
        let code = pack
            .code(wanted)
            .unwrap_or_else(|| panic!("code {wanted} is missing"));
        assert!(!code.display.is_empty() && !code.meaning.is_empty() && !code.action.is_empty());
        if code.class != posdesk::model::CodeClass::A {
            assert!(!code.causes.is_empty(), "code {wanted} links to no cause");
            assert!(
                !code.who_fixes.is_empty(),
                "code {wanted} says nobody fixes it"
            );
        }
    }
    assert_eq!(pack.codes.len(), FACT_CODES.len());
}

#[test]
fn conflicting_codes_say_so_and_05_covers_both_meanings_and_the_chip_case() {
    let pack = pack();
    for code in ["05", "59", "98", "45"] {
        assert!(
            pack.code(code).and_then(|c| c.conflict.as_ref()).is_some(),
            "{code} has no conflict note"
        );
    }
    let code_05 = pack
        .code("05")
        .map(|c| c.causes.clone())
        .unwrap_or_default();
    assert!(code_05.iter().any(|c| c == "issuer-identity-check"));
    assert!(code_05.iter().any(|c| c == "issuer-declined"));
    let symptom = pack
        .symptom("cardholder-auth-failed")
        .map(|s| s.causes.clone())
        .unwrap_or_default();
    assert!(
        symptom.iter().any(|c| c == "chip-cvm-failed"),
        "the no-code chip case is missing"
    );
}

#[test]
fn lost_stolen_and_fraud_codes_use_discreet_wording() {
    let pack = pack();
    for code in ["04", "07", "34", "35", "37", "41", "43"] {
        let entry = pack.code(code).unwrap_or_else(|| panic!("no code {code}"));
        assert!(entry.discreet, "{code} is not marked discreet");
        let script = entry.script.as_deref().and_then(|id| pack.script(id));
        let script = script.unwrap_or_else(|| panic!("{code} has no script"));
        assert!(script.discreet);
        let said = script.say.join("");
        for word in ["挂失", "被窃", "作弊", "盗"] {
            assert!(
                !said.contains(word),
                "discreet script for {code} says {word}"
            );
        }
    }
}

#[test]
fn every_cause_says_how_to_tell_who_acts_what_to_do_and_what_to_say() {
    let pack = pack();
    for cause in &pack.causes {
        assert!(!cause.checks.is_empty(), "{}", cause.id);
        assert!(!cause.actors.is_empty(), "{}", cause.id);
        let script = cause.script.as_deref().and_then(|id| pack.script(id));
        assert!(
            script.is_some_and(|s| !s.say.is_empty()),
            "{} has no script",
            cause.id
        );
        for id in &cause.solutions {
            match pack.item(id) {
                Some(Item::Solution(solution)) => assert!(!solution.steps.is_empty()),
                _ => panic!("{} links to a missing solution {id}", cause.id),
            }
        }
    }
}
