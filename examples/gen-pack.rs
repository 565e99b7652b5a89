//! Writes a generated content pack of about ITEMS items to DIR, the same packs the
//! benchmarks measure: `cargo run --release --example gen-pack -- 100000 /tmp/pack-100k`,
//! then `posdesk --content /tmp/pack-100k` (or `lint`, `render`, `search`).

#[path = "../benches/support/mod.rs"]
mod support;

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(items), Some(dir)) = (
        args.first()
            .and_then(|n| n.replace('_', "").parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: gen-pack ITEMS DIR   (e.g. gen-pack 100000 /tmp/pack-100k)");
        return ExitCode::from(2);
    };
    let shipped = match posdesk::load_embedded() {
        Ok(pack) => pack,
        Err(diagnostics) => {
            eprint!("{diagnostics}");
            return ExitCode::FAILURE;
        }
    };
    let dir = Path::new(dir);
    let files = support::generated_files(&shipped, items);
    let count = files.len();
    for file in files {
        let relative = file.path.trim_start_matches("content/");
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            if let Err(error) = std::fs::create_dir_all(parent) {
                eprintln!("gen-pack: cannot create {}: {error}", parent.display());
                return ExitCode::FAILURE;
            }
        }
        if let Err(error) = posdesk::safe_write::write_file(&path, &file.bytes) {
            eprintln!("gen-pack: {error}");
            return ExitCode::FAILURE;
        }
    }
    eprintln!("gen-pack: wrote {count} files to {}", dir.display());
    ExitCode::SUCCESS
}
