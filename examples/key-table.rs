//! Prints the README's key table, made from `assets/keymap.toml`:
//! `cargo run --example key-table`, then paste it between the README's key-table markers
//! (`tests/readme_keys.rs` fails until they agree).

fn main() {
    let pack = posdesk::load_embedded().unwrap_or_default();
    let app = posdesk::app::App::new(
        posdesk::desk::Desk::new(pack),
        posdesk::app::theme::Theme::plain(),
    );
    print!("{}", app.key_table());
}
