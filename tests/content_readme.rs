//! The complete example in content/README.md works as the README says: added to a copy of
//! the pack it is unreachable until linked, and then the pack loads with it.

use std::fs;
use std::path::Path;

fn example() -> String {
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("content/README.md"))
            .unwrap_or_else(|e| panic!("{e}"));
    let start = readme
        .find("```toml\n")
        .unwrap_or_else(|| panic!("no toml example"))
        + "```toml\n".len();
    let end = readme[start..]
        .find("```")
        .unwrap_or_else(|| panic!("unclosed example"))
        + start;
    readme[start..end].to_string()
}

#[test]
fn the_schema_example_loads_once_linked() {
    let _en = posdesk::i18n::scoped(posdesk::i18n::Lang::En);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    for file in &posdesk::load::embedded_files() {
        let path = root.join(file.path.trim_start_matches("content/"));
        fs::create_dir_all(path.parent().unwrap_or(root)).unwrap_or_else(|e| panic!("{e}"));
        fs::write(&path, &file.bytes).unwrap_or_else(|e| panic!("{e}"));
    }
    fs::write(root.join("causes/card-frozen.toml"), example()).unwrap_or_else(|e| panic!("{e}"));
    let errors = posdesk::load_dir(root).err().unwrap_or_default();
    assert!(
        errors
            .iter()
            .any(|d| d.message.contains("cause \"card-frozen\" is unreachable")),
        "{errors}"
    );

    let symptom = root.join("symptoms/please-contact-issuer.toml");
    let text = fs::read_to_string(&symptom).unwrap_or_default();
    fs::write(
        &symptom,
        text.replacen("causes = [", "causes = [\"card-frozen\", ", 1),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let pack = posdesk::load_dir(root).unwrap_or_else(|e| panic!("{e}"));
    assert!(pack.cause("card-frozen").is_some());
}
