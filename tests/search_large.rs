//! Search on a large generated pack (the benchmarks' generator): taking only the top
//! results, which skips body text that cannot rank, gives the same top results as
//! ranking everything, on both the one-thread and the two-thread paths.

#[path = "../benches/support/mod.rs"]
mod support;

use posdesk::search::{SearchIndex, Typing};

#[test]
fn the_top_results_do_not_depend_on_the_limit() {
    let shipped = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    for size in [400, 20_000] {
        let files = support::generated_files(&shipped, size);
        let pack = posdesk::load_files(&files).unwrap_or_else(|e| panic!("{e}"));
        let index = SearchIndex::new(pack.clone());
        for query in [
            "yebz",
            "yuebuzu",
            "余额不足",
            "51",
            "认证",
            "mima",
            "pos",
            "guoqi",
            "换卡",
            "a0",
            "c-12",
        ] {
            let all = index.search(query, 100_000);
            assert!(!all.is_empty(), "{query} finds nothing at {size}");
            for limit in [1, 5, 50] {
                let top = index.search(query, limit);
                let expected: Vec<(String, f64)> = all
                    .iter()
                    .take(limit)
                    .map(|h| (h.id.clone(), h.score))
                    .collect();
                let got: Vec<(String, f64)> = top.iter().map(|h| (h.id.clone(), h.score)).collect();
                assert_eq!(got, expected, "{query} at {size} items, limit {limit}");
            }
        }
    }
}

/// What a clerk types, keystroke by keystroke, backspaces and corrections included.
fn keystrokes(text: &str) -> Vec<String> {
    let mut typed = String::new();
    let mut states = Vec::new();
    for c in text.chars() {
        if c == '<' {
            typed.pop();
        } else {
            typed.push(c);
        }
        states.push(typed.clone());
    }
    states
}

#[test]
fn a_query_typed_a_key_at_a_time_finds_what_a_fresh_search_finds() {
    let shipped = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    // `<` is a backspace: the next query no longer extends the one before.
    let typed = [
        "yubuzu",
        "yebz<<bz",
        "ckca",
        "xtgz",
        "顾客要退钱",
        "余额 不足",
        "余额不足了",
        "05<1",
        "a0",
        "rzsb<<<<mima",
        "zhanghu yue",
        "yuebuzu'",
        "c-12<3",
        "POS",
    ];
    for size in [400, 20_000] {
        let files = support::generated_files(&shipped, size);
        let pack = posdesk::load_files(&files).unwrap_or_else(|e| panic!("{e}"));
        let index = SearchIndex::new(pack.clone());
        for text in typed {
            let mut typing = Typing::new();
            for query in keystrokes(text) {
                for limit in [3, 100] {
                    let fresh = index.search(&query, limit);
                    let typed = index.search_typed(&query, limit, &mut typing);
                    let ids = |hits: &[posdesk::search::Hit]| {
                        hits.iter()
                            .map(|h| (h.id.clone(), h.score, h.positions.clone()))
                            .collect::<Vec<_>>()
                    };
                    assert_eq!(
                        ids(&typed),
                        ids(&fresh),
                        "{query:?} typed as {text:?} at {size} items, limit {limit}"
                    );
                }
            }
        }
    }
}

/// A frame builds only the rows in view; far down a long home list, the rows drawn are
/// the ones there, and the selected one among them.
#[test]
fn far_down_a_long_home_list_the_selected_symptom_is_the_one_drawn() {
    use posdesk::app::input::parse_inputs;
    use posdesk::app::screens::Troubleshoot;
    use posdesk::app::theme::Theme;
    use posdesk::app::{buffer_text, runtime, App};
    use posdesk::desk::Desk;
    use posdesk::load::ContentFile;
    // Numbered symptoms after the shipped ones, each title told apart by its number.
    let mut many = String::new();
    for n in 0..3_000 {
        many.push_str(&format!(
            "[[symptom]]\nid = \"numbered-{n:04}\"\ntitle = \"编号现象{n:04}\"\nrank = {}\n\
             description = \"编号现象{n:04}的说明。\"\ncauses = [\"approved-with-notice\"]\n\
             sources = [\"facts-corrections\"]\n\n",
            1_000 + n
        ));
    }
    let mut files = posdesk::load::embedded_files();
    files.push(ContentFile {
        path: "content/symptoms/numbered.toml".to_string(),
        bytes: many.into_bytes(),
    });
    let pack = posdesk::load_files(&files).unwrap_or_else(|e| panic!("{e}"));
    let desk = Desk::new(pack);
    let total = desk.pack().symptoms.len();
    for keys in [
        "<End>",
        "<PageDown><PageDown><PageDown><Down><Down>",
        "<End><Up><Up><Up>",
    ] {
        let inputs = parse_inputs(keys).unwrap_or_else(|e| panic!("{e}"));
        let mut frontend = runtime::Offscreen::new(100, 30, inputs);
        let mut app = App::new(desk.clone(), Theme::plain());
        app.resize(100, 30);
        let _ = runtime::run(&mut app, &mut frontend);
        let screen = app
            .screen::<Troubleshoot>()
            .unwrap_or_else(|| panic!("no troubleshooting screen"));
        let row = screen.left_row(app.desk());
        let entries = screen.left_entries(app.desk());
        let title = |at: usize| entries.get(at).map(|e| e.title.clone()).unwrap_or_default();
        let frame = buffer_text(&frontend.into_frame());
        assert!(row > 40, "{keys}: row {row}");
        assert!(
            frame.contains(&title(row)),
            "{keys}: {} not drawn:\n{frame}",
            title(row)
        );
        assert!(
            !frame.contains(&title(0)),
            "{keys}: the list did not scroll:\n{frame}"
        );
        assert!(frame.contains(&format!("现象（{total}）")));
    }
}
