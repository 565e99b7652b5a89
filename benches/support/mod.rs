//! Generates large, realistic content packs for benchmarks: every text is drawn from the
//! shipped pack, recombined, so search sees the same mix of Chinese, codes and ids.

use posdesk::{ContentFile, Pack};
use std::fmt::Write;

fn quoted(text: &str) -> String {
    format!("{text:?}")
}

fn verdict_toml(verdict: &posdesk::model::Verdict) -> String {
    let after = verdict
        .after
        .as_deref()
        .map(|a| format!(", after = {}", quoted(a)))
        .unwrap_or_default();
    format!(
        "{{ now = {}, later = {}{after}, other = {}, check_first = {} }}",
        verdict.now, verdict.later, verdict.other, verdict.check_first
    )
}

/// A pack of about `items` items (a quarter each symptoms, causes, solutions and scripts)
/// as TOML files, as a trainer would write them, plus the shipped FAQ and codes.
pub fn generated_files(shipped: &Pack, items: usize) -> Vec<ContentFile> {
    let groups = (items / 4).max(1);
    let mut files: Vec<ContentFile> = posdesk::load::embedded_files()
        .into_iter()
        .filter(|f| f.path.ends_with("pack.toml"))
        .collect();
    let causes = &shipped.causes;
    let symptoms = &shipped.symptoms;
    // Discreet codes need discreet scripts on every cause they reach; the generated causes
    // are ordinary, so the generated table leaves those codes out.
    let codes: Vec<&posdesk::model::Code> = shipped.codes.iter().filter(|c| !c.discreet).collect();
    let mut text = String::new();
    for group in 0..groups {
        let cause = &causes[group % causes.len()];
        let other = &causes[(group / causes.len() + group) % causes.len()];
        let symptom = &symptoms[group % symptoms.len()];
        // Each cause keeps its own verdict, solution and script, so the content rules hold.
        let Some(script) = cause.script.as_deref().and_then(|id| shipped.script(id)) else {
            continue;
        };
        let Some(solution) = cause.solutions.first().and_then(|id| shipped.solution(id)) else {
            continue;
        };
        let code = codes[(group * 13) % codes.len()];
        let _ = write!(
            text,
            "[[symptom]]\nid = \"s-{group}\"\ntitle = {}\nrank = {group}\ncodes = [{}]\naliases = [{}]\ndescription = {}\ncauses = [\"c-{group}\"]\nsources = [\"posdesk-practice\"]\n\n",
            quoted(&format!("{}（{}）", symptom.title, other.category)),
            quoted(&code.code),
            quoted(&other.title),
            quoted(&format!("{}{}", symptom.description, other.description)),
        );
        let checks: Vec<String> = cause.checks.iter().map(|c| quoted(c)).collect();
        let _ = write!(
            text,
            "[[cause]]\nid = \"c-{group}\"\ntitle = {}\ncategory = {}\ndescription = {}\nchecks = [{}]\nverdict = {}\nactors = [\"clerk\"]\nsolutions = [\"sol-{group}\"]\nscript = \"say-{group}\"\nsources = [\"posdesk-practice\"]\n\n",
            quoted(&format!("{}与{}", cause.title, other.title)),
            quoted(&cause.category),
            quoted(&cause.description),
            checks.join(", "),
            verdict_toml(&cause.verdict),
        );
        let _ = write!(
            text,
            "[[solution]]\nid = \"sol-{group}\"\ntitle = {}\nsources = [\"posdesk-practice\"]\n",
            quoted(&solution.title)
        );
        for step in &solution.steps {
            let _ = write!(
                text,
                "[[solution.step]]\nwho = \"{}\"\ntext = {}\n",
                step.who.key(),
                quoted(&step.text)
            );
        }
        let say: Vec<String> = script.say.iter().map(|s| quoted(s)).collect();
        let _ = write!(
            text,
            "\n[[script]]\nid = \"say-{group}\"\ntitle = {}\nsay = [{}]\nsources = [\"posdesk-practice\"]\n\n",
            quoted(&script.title),
            say.join(", ")
        );
        // Files of about a hundred groups, like a large hand-kept pack.
        if group % 100 == 99 || group + 1 == groups {
            files.push(ContentFile {
                path: format!("generated/part-{:05}.toml", group / 100),
                bytes: std::mem::take(&mut text).into_bytes(),
            });
        }
    }
    // The code table, so code queries have their entries.
    let mut table = String::new();
    for code in codes {
        // A code links to a generated cause whose verdict fits it, as its real causes do.
        let group = (0..groups)
            .find(|g| {
                causes.get(g % causes.len()).is_some_and(|c| {
                    let (cause, code) = (&c.verdict, &code.verdict);
                    // The cause may be stricter than the code, never looser.
                    cause.check_first == code.check_first
                        && (!cause.now || code.now)
                        && (!cause.later || code.later)
                        && (!cause.other || code.other)
                })
            })
            .unwrap_or(0);
        let _ = write!(
            table,
            "[[code]]\ncode = \"{}\"\ndisplay = {}\nmeaning = {}\nclass = \"{}\"\nverdict = {}\naction = {}\nwho_fixes = [\"clerk\"]\ncauses = [\"c-{group}\"]\nsources = [\"facts-table\"]\n\n",
            code.code,
            quoted(&code.display),
            quoted(&code.meaning),
            code.class.letter(),
            verdict_toml(&code.verdict),
            quoted(&code.action),
        );
    }
    files.push(ContentFile {
        path: "generated/codes.toml".into(),
        bytes: table.into_bytes(),
    });
    files
}
