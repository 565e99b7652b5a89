//! One malformed pack per kind of error, each made from the real pack, each reported with
//! the right file, line and message, in one run, without a panic and without a pack.

use posdesk::{Diagnostic, Diagnostics};
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap_or_else(|e| panic!("{e}"));
    for entry in fs::read_dir(from)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
    {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}

/// A copy of the shipped pack, to break in one place.
struct Pack {
    _dir: TempDir,
    root: PathBuf,
}

impl Pack {
    fn new() -> Pack {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = dir.path().join("content");
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
            &root,
        );
        Pack { _dir: dir, root }
    }

    fn path(&self, file: &str) -> PathBuf {
        self.root.join(file)
    }

    /// Replaces the first occurrence of `from`; returns the 1-based line it is on.
    fn replace(&self, file: &str, from: &str, to: &str) -> usize {
        let path = self.path(file);
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        let at = text
            .find(from)
            .unwrap_or_else(|| panic!("{from} not in {file}"));
        let line = text[..at].matches('\n').count() + 1;
        fs::write(&path, text.replacen(from, to, 1)).unwrap_or_else(|e| panic!("{e}"));
        line
    }

    fn append(&self, file: &str, text: &str) -> usize {
        let path = self.path(file);
        let old = fs::read_to_string(&path).unwrap_or_default();
        let line = old.matches('\n').count() + 1;
        fs::write(&path, old + text).unwrap_or_else(|e| panic!("{e}"));
        line
    }

    /// The pack's problems, in English: the messages below are checked in their English words.
    fn errors(&self) -> Diagnostics {
        let _en = posdesk::i18n::scoped(posdesk::i18n::Lang::En);
        match posdesk::load_dir(&self.root) {
            Ok(_) => panic!("a broken pack loaded"),
            Err(diagnostics) => diagnostics,
        }
    }
}

fn find<'a>(errors: &'a Diagnostics, file: &str, line: usize, message: &str) -> &'a Diagnostic {
    errors
        .iter()
        .find(|d| d.file.ends_with(file) && d.line == line && d.message.contains(message))
        .unwrap_or_else(|| panic!("no `{message}` at {file}:{line} in:\n{errors}"))
}

#[test]
fn the_shipped_pack_is_clean() {
    let pack = Pack::new();
    assert!(posdesk::load_dir(&pack.root).is_ok());
}

#[test]
fn toml_syntax_error() {
    // In English; the pack's files are read on worker threads, which speak the process's
    // language (every test here checks English words).
    posdesk::i18n::set_lang(posdesk::i18n::Lang::En);
    let pack = Pack::new();
    let line = pack.replace(
        "causes/pos-settings.toml",
        "title = \"POS机设置问题或设备故障\"",
        "title = \"POS机设置问题",
    );
    let errors = pack.errors();
    let error = find(
        &errors,
        "causes/pos-settings.toml",
        line,
        "TOML syntax error",
    );
    assert!(error.column >= 1 && !error.hint.is_empty());
}

#[test]
fn invalid_utf8_names_the_line_of_the_bad_byte() {
    let pack = Pack::new();
    let path = pack.path("symptoms/over-limit.toml");
    let mut bytes = fs::read(&path).unwrap_or_default();
    // 「余额」 in GBK, as an editor that saves in the wrong encoding would write it, on line 3.
    let third_line = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(1)
        .map_or(0, |(i, _)| i + 1);
    bytes.splice(third_line..third_line, [0xD3, 0xE0, 0xB6, 0xEE, b'\n']);
    fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
    let errors = pack.errors();
    let error = find(&errors, "symptoms/over-limit.toml", 3, "invalid UTF-8");
    assert_eq!(error.column, 1);
    assert!(error.hint.contains("UTF-8"));
}

#[test]
fn unknown_key_suggests_the_right_one() {
    let pack = Pack::new();
    let line = pack.replace(
        "causes/card-status-abnormal.toml",
        "category = ",
        "categroy = ",
    );
    let errors = pack.errors();
    let error = find(
        &errors,
        "causes/card-status-abnormal.toml",
        line,
        "unknown key `categroy`",
    );
    assert_eq!(error.column, 1);
    assert!(error.hint.contains("did you mean `category`"), "{error}");
}

#[test]
fn unknown_section_is_reported() {
    let pack = Pack::new();
    let line = pack.append("faq.toml", "\n[[faqs]]\nid = \"x\"\n");
    let errors = pack.errors();
    let error = find(&errors, "faq.toml", line + 1, "unknown section `faqs`");
    assert!(error.hint.contains("[[faq]]"));
}

#[test]
fn missing_required_field_points_at_the_table() {
    let pack = Pack::new();
    pack.replace(
        "symptoms/wrong-pin.toml",
        "description = ",
        "# description = ",
    );
    let errors = pack.errors();
    find(
        &errors,
        "symptoms/wrong-pin.toml",
        1,
        "[[symptom]] has no `description`",
    );
}

#[test]
fn empty_required_field_is_reported() {
    let pack = Pack::new();
    let line = pack.replace(
        "causes/pin-problem.toml",
        "title = \"密码输错\"",
        "title = \"  \"",
    );
    let errors = pack.errors();
    find(
        &errors,
        "causes/pin-problem.toml",
        line,
        "`title` in [[cause]] is empty",
    );
}

#[test]
fn wrong_type_is_reported() {
    let pack = Pack::new();
    let line = pack.replace("codes.toml", "code = \"51\"", "code = 51");
    let errors = pack.errors();
    let error = find(
        &errors,
        "codes.toml",
        line,
        "`code` in [[code]] must be a string",
    );
    assert!(error.hint.contains("code = \"...\""), "{error}");
}

#[test]
fn duplicate_ids_name_both_places() {
    let pack = Pack::new();
    let text = fs::read_to_string(pack.path("causes/pin-problem.toml")).unwrap_or_default();
    fs::write(pack.path("causes/pin-problem-copy.toml"), text).unwrap_or_else(|e| panic!("{e}"));
    let errors = pack.errors();
    let error = find(
        &errors,
        "causes/pin-problem.toml",
        4,
        "duplicate id \"pin-problem\"",
    );
    assert!(
        error.message.contains("pin-problem-copy.toml:4:6"),
        "{error}"
    );
}

#[test]
fn dangling_link_is_reported_with_a_suggestion() {
    let pack = Pack::new();
    let line = pack.replace(
        "symptoms/insufficient-funds.toml",
        "\"transaction-limits\"",
        "\"transaction-limit\"",
    );
    let errors = pack.errors();
    let error = find(
        &errors,
        "symptoms/insufficient-funds.toml",
        line,
        "no cause has that id",
    );
    assert!(error.hint.contains("transaction-limits"), "{error}");
}

#[test]
fn link_to_the_wrong_kind_is_reported() {
    let pack = Pack::new();
    let line = pack.replace(
        "symptoms/insufficient-funds.toml",
        "\"transaction-limits\"",
        "\"respect-limits\"",
    );
    let errors = pack.errors();
    find(
        &errors,
        "symptoms/insufficient-funds.toml",
        line,
        "which is a solution, not a cause",
    );
}

#[test]
fn unreachable_items_are_reported() {
    let pack = Pack::new();
    let text = fs::read_to_string(pack.path("causes/pin-problem.toml")).unwrap_or_default();
    let renamed = text
        .replace("\"pin-problem\"", "\"pin-problem-2\"")
        .replace("\"pin-retry\"", "\"pin-retry-2\"")
        .replace("\"say-pin-retry\"", "\"say-pin-retry-2\"");
    fs::write(pack.path("causes/orphan.toml"), renamed).unwrap_or_else(|e| panic!("{e}"));
    let errors = pack.errors();
    let error = find(
        &errors,
        "causes/orphan.toml",
        4,
        "cause \"pin-problem-2\" is unreachable",
    );
    assert!(error.hint.contains("`causes` of a symptom"));
    assert!(errors.iter().any(|d| d
        .message
        .contains("solution \"pin-retry-2\" is unreachable")));
}

#[test]
fn malformed_codes_are_reported_with_the_fix() {
    let pack = Pack::new();
    let line = pack.replace(
        "symptoms/insufficient-funds.toml",
        "codes = [\"51\"]",
        "codes = [\"5\", \"5X1\"]",
    );
    let errors = pack.errors();
    let error = find(
        &errors,
        "symptoms/insufficient-funds.toml",
        line,
        "malformed response code \"5\"",
    );
    assert!(error.hint.contains("\"05\""), "{error}");
    find(
        &errors,
        "symptoms/insufficient-funds.toml",
        line,
        "malformed response code \"5X1\"",
    );
    let line = pack.replace("codes.toml", "code = \"A0\"", "code = \"a0\"");
    find(
        &pack.errors(),
        "codes.toml",
        line,
        "malformed response code \"a0\"",
    );
}

#[test]
fn bad_ids_actors_and_classes_are_reported() {
    let pack = Pack::new();
    let id_line = pack.replace(
        "causes/pin-problem.toml",
        "id = \"pin-retry\"",
        "id = \"Pin_Retry\"",
    );
    let actor_line = pack.replace(
        "causes/pin-problem.toml",
        "who = \"clerk\"",
        "who = \"clark\"",
    );
    let class_line = pack.replace("codes.toml", "class = \"A\"", "class = \"Z\"");
    let errors = pack.errors();
    find(
        &errors,
        "causes/pin-problem.toml",
        id_line,
        "not lower-case ASCII kebab-case",
    );
    let actor = find(
        &errors,
        "causes/pin-problem.toml",
        actor_line,
        "unknown actor \"clark\"",
    );
    assert!(actor.hint.contains("did you mean \"clerk\""));
    find(
        &errors,
        "codes.toml",
        class_line,
        "unknown code class \"Z\"",
    );
}

#[test]
fn every_error_of_every_file_comes_in_one_run() {
    let pack = Pack::new();
    let first = pack.replace(
        "causes/card-status-abnormal.toml",
        "category = ",
        "categroy = ",
    );
    let second = pack.replace("causes/card-status-abnormal.toml", "checks = ", "chekcs = ");
    let third = pack.replace(
        "symptoms/insufficient-funds.toml",
        "\"transaction-limits\"",
        "\"nowhere\"",
    );
    let errors = pack.errors();
    find(
        &errors,
        "causes/card-status-abnormal.toml",
        first,
        "unknown key `categroy`",
    );
    find(
        &errors,
        "causes/card-status-abnormal.toml",
        second,
        "unknown key `chekcs`",
    );
    find(
        &errors,
        "symptoms/insufficient-funds.toml",
        third,
        "links to \"nowhere\"",
    );
    let lines: Vec<String> = errors.iter().map(|d| d.to_string()).collect();
    for line in lines {
        let mut parts = line.splitn(4, ':');
        let (file, row, column) = (parts.next(), parts.next(), parts.next());
        assert!(file.is_some_and(|f| f.ends_with(".toml")), "{line}");
        assert!(
            row.and_then(|r| r.parse::<usize>().ok()).is_some(),
            "{line}"
        );
        assert!(
            column.and_then(|c| c.parse::<usize>().ok()).is_some(),
            "{line}"
        );
    }
}

#[test]
fn an_empty_or_missing_directory_is_an_error_not_a_panic() {
    let _en = posdesk::i18n::scoped(posdesk::i18n::Lang::En);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let errors = posdesk::load_dir(dir.path()).err().unwrap_or_default();
    assert!(errors
        .iter()
        .any(|d| d.message.contains("no .toml content files")));
    let errors = posdesk::load_dir(&dir.path().join("nope"))
        .err()
        .unwrap_or_default();
    assert!(errors.iter().any(|d| d.message.contains("not a directory")));
}

/// The 1-based line of the first `needle` in a file of the pack.
fn line_of(pack: &Pack, file: &str, needle: &str) -> usize {
    let text = fs::read_to_string(pack.path(file)).unwrap_or_else(|e| panic!("{e}"));
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in {file}"));
    text[..at].matches('\n').count() + 1
}

/// Breaks the shipped pack in one place and expects one rule's message at that line, or at
/// the line of `reported_at` in the broken file.
fn expect_rule(file: &str, from: &str, to: &str, reported_at: Option<&str>, message: &str) {
    let pack = Pack::new();
    let line = pack.replace(file, from, to);
    let at = reported_at.map_or(line, |needle| line_of(&pack, file, needle));
    find(&pack.errors(), file, at, message);
}

#[test]
fn a_cause_or_code_without_a_verdict_is_an_error() {
    expect_rule(
        "causes/pin-problem.toml",
        "verdict = { now = true, later = false, other = true }\n",
        "",
        Some("[[cause]]"),
        "[[cause]] has no `verdict`",
    );
    expect_rule(
        "codes.toml",
        "verdict = { now = false, later = false, other = false }\naction = \"无需处理",
        "action = \"无需处理",
        Some("[[code]]\ncode = \"00\""),
        "[[code]] has no `verdict`",
    );
}

#[test]
fn a_verdict_must_make_sense_on_its_own() {
    expect_rule(
        "causes/pin-problem.toml",
        "verdict = { now = true, later = false, other = true }",
        "verdict = { now = true, later = true, other = true }",
        None,
        "does not say after what",
    );
    expect_rule(
        "causes/unknown-outcome.toml",
        "verdict = { now = false, later = true,",
        "verdict = { now = true, later = true,",
        None,
        "allows the same card at once",
    );
}

#[test]
fn a_pick_up_code_must_be_discreet() {
    let pack = Pack::new();
    let text = fs::read_to_string(pack.path("codes.toml")).unwrap_or_default();
    let block = text.find("code = \"04\"").unwrap_or(0);
    let discreet = block + text[block..].find("discreet = true\n").unwrap_or(0);
    let class_line = text[..block + text[block..].find("class = ").unwrap_or(0)]
        .matches('\n')
        .count()
        + 1;
    let broken = format!(
        "{}{}",
        &text[..discreet],
        &text[discreet + "discreet = true\n".len()..]
    );
    fs::write(pack.path("codes.toml"), broken).unwrap_or_else(|e| panic!("{e}"));
    find(
        &pack.errors(),
        "codes.toml",
        class_line,
        "code 04 is a pick-up or fraud code but is not marked discreet",
    );
}

#[test]
fn a_discreet_code_reaches_only_discreet_scripts_without_the_reason() {
    expect_rule(
        "causes/card-flagged.toml",
        "discreet = true\nsay = [\n  \"不好意思",
        "say = [\n  \"不好意思",
        Some("  \"不好意思，这笔交易没有通过银行的授权。\""),
        "is shown for a discreet code",
    );
    expect_rule(
        "causes/card-flagged.toml",
        "不好意思，这笔交易没有通过银行的授权。",
        "不好意思，这张卡已经挂失了。",
        None,
        "tells the customer \"挂失\"",
    );
    expect_rule(
        "causes/card-flagged.toml",
        "Sorry, the bank did not approve this payment.",
        "Sorry, this card was reported stolen.",
        None,
        "tells the customer \"stolen\"",
    );
}

#[test]
fn a_clerk_never_asks_about_a_lost_card() {
    expect_rule(
        "causes/pin-problem.toml",
        "questions = [\"这张卡的密码您记得吗？今天输错过吗？\"]",
        "questions = [\"这张卡挂失过吗？\"]",
        None,
        "ask the customer about \"挂失\"",
    );
}

#[test]
fn a_script_never_promises_an_unknown_outcome() {
    expect_rule(
        "causes/unknown-outcome.toml",
        "这笔交易的结果还没有确认，我先查一下，请您稍等。",
        "不好意思，交易没有成功，钱没扣。",
        None,
        "but the outcome of",
    );
}

#[test]
fn an_unknown_outcome_code_leads_only_to_causes_that_check_first() {
    expect_rule(
        "codes.toml",
        "causes = [\"unknown-outcome\"]\nconflict",
        "causes = [\"unknown-outcome\", \"bank-system-issue\"]\nconflict",
        None,
        "its cause \"bank-system-issue\" does not say check_first",
    );
}

#[test]
fn a_cause_under_a_code_may_not_allow_what_the_code_forbids() {
    let pack = Pack::new();
    pack.replace(
        "causes/card-status-abnormal.toml",
        "verdict = { now = false, later = false, other = true }",
        "verdict = { now = false, later = true, after = \"换新卡后\", other = true }",
    );
    let text = fs::read_to_string(pack.path("codes.toml")).unwrap_or_default();
    let block = text.find("code = \"54\"").unwrap_or(0);
    let causes = block + text[block..].find("causes = [").unwrap_or(0);
    let line = text[..causes].matches('\n').count() + 1;
    find(
        &pack.errors(),
        "codes.toml",
        line,
        "code 54 says Same card later \"no\" but its cause \"card-status-abnormal\" says \"yes\"",
    );
}

#[test]
fn a_class_a_code_never_allows_paying_again() {
    expect_rule(
        "codes.toml",
        "class = \"A\"\nverdict = { now = false, later = false, other = false }",
        "class = \"A\"\nverdict = { now = false, later = false, other = true }",
        Some("verdict = { now = false, later = false, other = true }"),
        "is class A (success) but its verdict allows paying again",
    );
}

#[test]
fn an_alias_that_is_another_items_title_is_an_error() {
    expect_rule(
        "causes/pin-problem.toml",
        "aliases = [\"密码输错了\",",
        "aliases = [\"余额不足\", \"密码输错了\",",
        None,
        "alias \"余额不足\" of \"pin-problem\" is the title of \"insufficient-funds\"",
    );
}

#[test]
fn wording_that_contradicts_the_verdict_is_an_error() {
    expect_rule(
        "causes/pin-locked.toml",
        "不要再试这张卡：密码已锁定，再输也不会通过。",
        "请顾客马上再试一次。",
        None,
        "but the verdict of cause \"pin-locked\"",
    );
}

#[test]
fn advice_to_split_a_sale_is_an_error() {
    expect_rule(
        "causes/insufficient-balance.toml",
        "也可以请顾客换一张卡或改用其他支付方式付这笔钱。",
        "也可以请顾客分开付款。",
        None,
        "splitting one sale",
    );
}

#[test]
fn steps_of_a_mixed_solution_say_where_they_came_from() {
    expect_rule(
        "causes/card-status-abnormal.toml",
        "text = \"检查卡片是否有明显的物理损坏，如划痕、破损等。\"\nsources = [\"article-part-2\"]",
        "text = \"检查卡片是否有明显的物理损坏，如划痕、破损等。\"",
        Some("[[solution.step]]\nwho = \"clerk\"\ntext = \"检查卡片"),
        "has no `sources`, and the solution mixes",
    );
}
