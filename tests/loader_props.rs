//! Whatever bytes a content file holds, loading reports problems and never panics.

use posdesk::ContentFile;
use proptest::prelude::*;

fn shipped_file(name: &str) -> Vec<u8> {
    posdesk::load::embedded_files()
        .into_iter()
        .find(|f| f.path.ends_with(name))
        .map(|f| f.bytes)
        .unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let files = vec![ContentFile { path: "random.toml".into(), bytes }];
        let result = posdesk::load_files(&files);
        if let Err(diagnostics) = result {
            for d in diagnostics.iter() {
                prop_assert!(d.line >= 1 && d.column >= 1);
            }
        }
    }

    #[test]
    fn a_damaged_real_file_never_panics_the_loader(
        cut in 0usize..4000,
        junk in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        let mut bytes = shipped_file("causes/card-flagged.toml");
        let at = cut.min(bytes.len());
        bytes.splice(at..at, junk);
        let mut files = posdesk::load::embedded_files();
        if let Some(file) = files.iter_mut().find(|f| f.path.ends_with("causes/card-flagged.toml")) {
            file.bytes = bytes;
        }
        let _ = posdesk::load_files(&files);
    }

    #[test]
    fn toml_shaped_text_never_panics_the_loader(text in "(\\[\\[(cause|symptom|code|solution)\\]\\]\n|[a-z_]{1,8} = (\"[^\"\n]{0,8}\"|[0-9]{1,3}|\\[\\]|true|\\{\\})\n){0,12}") {
        let files = vec![ContentFile { path: "shaped.toml".into(), bytes: text.into_bytes() }];
        let _ = posdesk::load_files(&files);
    }
}
