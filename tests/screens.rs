//! Whole screens, as `posdesk render` prints them, kept as snapshots.

use posdesk::app::input::parse_inputs;
use posdesk::app::render_screen;

fn screen(width: u16, height: u16, keys: &str) -> String {
    let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let keys = parse_inputs(keys).unwrap_or_else(|e| panic!("{e}"));
    let text = render_screen(&pack, width, height, &keys);
    assert_eq!(text.lines().count(), height as usize);
    text
}

#[test]
fn counter_card_code_05_at_80x24() {
    insta::assert_snapshot!(screen(80, 24, "05"));
}

#[test]
fn counter_card_code_68_at_80x24() {
    insta::assert_snapshot!(screen(80, 24, "68"));
}

#[test]
fn counter_card_pinyin_at_80x24() {
    insta::assert_snapshot!(screen(80, 24, "yebz"));
}

#[test]
fn counter_card_selected_cause_at_80x24() {
    insta::assert_snapshot!(screen(80, 24, "05<Enter><Down>"));
}

#[test]
fn counter_card_code_68_at_60x20() {
    insta::assert_snapshot!(screen(60, 20, "68"));
}

#[test]
fn counter_card_code_05_at_60x20() {
    insta::assert_snapshot!(screen(60, 20, "05"));
}

#[test]
fn home_wide() {
    insta::assert_snapshot!(screen(160, 40, ""));
}

#[test]
fn home_medium() {
    insta::assert_snapshot!(screen(100, 30, ""));
}

#[test]
fn home_narrow() {
    insta::assert_snapshot!(screen(60, 20, ""));
}

#[test]
fn search_pinyin_initials() {
    insta::assert_snapshot!(screen(120, 30, "yebz"));
}

#[test]
fn code_opened_from_the_search() {
    insta::assert_snapshot!(screen(160, 40, "05<Enter>"));
}

#[test]
fn cause_details_side_by_side() {
    insta::assert_snapshot!(screen(160, 40, "<Down><Enter><Enter>"));
}

#[test]
fn code_table() {
    insta::assert_snapshot!(screen(120, 30, "<F4>"));
}

#[test]
fn faq() {
    insta::assert_snapshot!(screen(120, 30, "<F3><Down><Down>"));
}

#[test]
fn help() {
    insta::assert_snapshot!(screen(100, 30, "?"));
}

#[test]
fn too_small() {
    insta::assert_snapshot!(screen(30, 8, ""));
}

#[test]
fn nothing_found() {
    insta::assert_snapshot!(screen(100, 20, "xyzzyq"));
}

#[test]
fn triage_first_question_at_80x24() {
    insta::assert_snapshot!(screen(80, 24, "<F2>"));
}

#[test]
fn triage_no_code_chip_at_80x24() {
    insta::assert_snapshot!(screen(80, 24, "<F2>31"));
}

#[test]
fn triage_outcome_at_80x24() {
    insta::assert_snapshot!(screen(80, 24, "<F2>3111"));
}

#[test]
fn triage_no_code_chip_at_120x40() {
    insta::assert_snapshot!(screen(120, 40, "<F2>31"));
}

#[test]
fn triage_outcome_at_120x40() {
    insta::assert_snapshot!(screen(120, 40, "<F2>3112"));
}
