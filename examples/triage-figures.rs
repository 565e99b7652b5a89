//! Figures of a pack's triage: questions, answers, paths per symptom, the longest path.
//!
//! `cargo run --release --example triage-figures [-- DIR]`

use posdesk::triage::{all_paths, start_of};

fn main() -> std::process::ExitCode {
    let dir = std::env::args().nth(1);
    let pack = match posdesk::load(dir.as_deref().map(std::path::Path::new)) {
        Ok(pack) => pack,
        Err(errors) => {
            eprint!("{errors}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let answers: usize = pack.triage.iter().map(|q| q.answers.len()).sum();
    println!("questions {}, answers {answers}", pack.triage.len());
    let (mut total, mut longest) = (0, 0);
    for symptom in &pack.symptoms {
        let Some(start) = start_of(&pack, &symptom.id) else {
            println!("{:<28} no triage", symptom.id);
            continue;
        };
        let paths = all_paths(&pack, start, 64);
        let deepest = paths.iter().map(Vec::len).max().unwrap_or(0);
        println!(
            "{:<28} {:>3} paths, longest {deepest} questions",
            symptom.id,
            paths.len()
        );
        total += paths.len();
        longest = longest.max(deepest);
    }
    println!("paths {total}, longest {longest} questions");
    std::process::ExitCode::SUCCESS
}
