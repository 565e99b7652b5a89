//! The README's key table is the keymap's: made by `cargo run --example key-table`.

#[test]
fn the_readme_key_table_matches_the_keymap() {
    let pack = posdesk::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let app = posdesk::app::App::new(
        posdesk::desk::Desk::new(pack),
        posdesk::app::theme::Theme::plain(),
    );
    let readme = include_str!("../README.md");
    let start = "<!-- key-table:start -->\n";
    let table = readme
        .split_once(start)
        .and_then(|(_, rest)| rest.split_once("<!-- key-table:end -->"))
        .map(|(table, _)| table)
        .unwrap_or_else(|| panic!("no key table markers in the README"));
    assert_eq!(
        table,
        app.key_table(),
        "the README's key table is out of date: cargo run --example key-table"
    );
    // Every action bound in the keymap is in the table.
    for action in app.keymap().bound_actions() {
        let (_, desc) = app
            .keymap()
            .layers()
            .flat_map(|(_, bindings)| bindings.iter())
            .find(|b| b.action == action)
            .map(|b| ((), b.desc.clone()))
            .unwrap_or_else(|| panic!("{action:?} bound nowhere"));
        assert!(table.contains(&desc.replace('|', "\\|")), "{desc} missing");
    }
}
