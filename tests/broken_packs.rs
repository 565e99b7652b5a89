//! A corpus of broken packs: each is the shipped pack with one thing broken (or a folder
//! that is no pack), and the diagnostic `posdesk lint` must give for it: the file, the
//! line where it applies, and words of the message. Nothing may hang, panic or pass.

use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

/// What to do to the copy of the shipped pack.
enum Change {
    /// Write this text to a file (relative path), replacing it if it exists.
    Text(&'static str, String),
    Bytes(&'static str, Vec<u8>),
    Remove(&'static str),
    Fifo(&'static str),
    Link(&'static str, &'static str),
    /// Remove everything: an empty folder.
    Empty,
    /// Lint a folder that does not exist.
    Missing,
}

struct Case {
    name: &'static str,
    changes: Vec<Change>,
    /// The file (relative to the pack) and line the diagnostic must name, if any.
    at: Option<(&'static str, usize)>,
    /// Words the diagnostic must hold.
    says: &'static str,
}

const FAQ_HEAD: &str = "[[faq]]\nid = \"faq-x\"\nquestion = \"问题？\"\nanswer = \"回答。\"\ncauses = [\"pin-problem\"]\nsources = [\"posdesk-practice\"]\n";

fn faq_with(line: &str) -> String {
    format!("[[faq]]\nid = \"faq-x\"\n{line}\nanswer = \"回答。\"\ncauses = [\"pin-problem\"]\nsources = [\"posdesk-practice\"]\n")
}

fn text(path: &'static str, body: impl Into<String>) -> Change {
    Change::Text(path, body.into())
}

fn case(
    name: &'static str,
    changes: Vec<Change>,
    at: Option<(&'static str, usize)>,
    says: &'static str,
) -> Case {
    Case {
        name,
        changes,
        at,
        says,
    }
}

fn cases() -> Vec<Case> {
    let x = "x.toml";
    vec![
        case("unclosed string", vec![text(x, faq_with("question = \"没有结尾"))], Some((x, 3)), ""),
        case("unclosed table header", vec![text(x, "[[faq]\nid = \"faq-x\"\n")], Some((x, 1)), ""),
        case("number where text belongs", vec![text(x, faq_with("question = 5"))], Some((x, 3)), "question"),
        case("text where a list belongs", vec![text(x, format!("{FAQ_HEAD}aliases = \"别名\"\n"))], Some((x, 7)), "aliases"),
        case("unknown key", vec![text(x, faq_with("questoin = \"问题？\""))], Some((x, 3)), "questoin"),
        case("duplicate id", vec![text(x, format!("{FAQ_HEAD}\n{FAQ_HEAD}"))], Some((x, 9)), "faq-x"),
        case("duplicate key", vec![text(x, format!("{FAQ_HEAD}answer = \"又一个\"\n"))], Some((x, 7)), ""),
        case("dangling link", vec![text(x, FAQ_HEAD.replace("pin-problem", "no-such-cause"))], Some((x, 5)), "no-such-cause"),
        case("missing required field", vec![text(x, FAQ_HEAD.replace("answer = \"回答。\"\n", ""))], Some((x, 1)), "answer"),
        case("empty text", vec![text(x, faq_with("question = \"\""))], Some((x, 3)), "question"),
        case("id not in kebab case", vec![text(x, FAQ_HEAD.replace("faq-x", "FAQ X"))], Some((x, 2)), "FAQ X"),
        case("invalid UTF-8", vec![Change::Bytes(x, b"[[faq]]\nid = \"\xff\xfe\"\n".to_vec())], Some((x, 2)), "UTF-8"),
        case("GBK text", vec![Change::Bytes(x, b"[[faq]]\nquestion = \"\xd3\xe0\xb6\xee\"\n".to_vec())], Some((x, 2)), "UTF-8"),
        case("byte order mark", vec![text(x, format!("\u{feff}{FAQ_HEAD}"))], Some((x, 1)), "zero-width"),
        case("NUL byte", vec![Change::Bytes(x, b"[[faq]]\nid = \"faq-x\"\x00\n".to_vec())], Some((x, 2)), "control"),
        case("escape sequence", vec![text(x, faq_with("question = \"\\u001b]0;标题\\u0007\""))], Some((x, 3)), "escape"),
        case("TOML escape \\e", vec![text(x, faq_with("question = \"\\e[2J清屏\""))], Some((x, 3)), "escape"),
        case("bidi override", vec![text(x, faq_with("question = \"\u{202e}反了\""))], Some((x, 3)), "bidi"),
        case("zero-width space", vec![text(x, faq_with("question = \"看\u{200b}不见\""))], Some((x, 3)), "zero-width"),
        case("C1 control", vec![text(x, faq_with("question = \"\\u009b2J\""))], Some((x, 3)), "C1"),
        case("deep nesting", vec![text(x, format!("{}{}", "a = ".to_string() + &"[".repeat(5000), "]".repeat(5000)))], Some((x, 1)), ""),
        case("integer overflow", vec![text("symptoms/wrong-pin.toml", std::fs::read_to_string(shipped("symptoms/wrong-pin.toml")).unwrap_or_default().replace("rank = 3", "rank = 99999999999999999999"))], Some(("symptoms/wrong-pin.toml", 4)), ""),
        case("single table for a list", vec![text(x, FAQ_HEAD.replace("[[faq]]", "[faq]"))], Some((x, 1)), "faq"),
        case("unknown kind of item", vec![text(x, FAQ_HEAD.replace("[[faq]]", "[[faqs]]"))], Some((x, 1)), "faqs"),
        case("unknown source", vec![text(x, FAQ_HEAD.replace("posdesk-practice", "no-such-source"))], Some((x, 6)), "no-such-source"),
        case("date instead of text", vec![text(x, faq_with("question = 2026-11-25"))], Some((x, 3)), "question"),
        case("link to the wrong kind", vec![text(x, FAQ_HEAD.replace("pin-problem", "wrong-pin"))], Some((x, 5)), "wrong-pin"),
        case("cause without verdict", vec![text("causes/pin-problem.toml", std::fs::read_to_string(shipped("causes/pin-problem.toml")).unwrap_or_default().replace("verdict = { now = true, later = false, other = true }\n", ""))], Some(("causes/pin-problem.toml", 3)), "verdict"),
        case("invalid response code", vec![text(x, "[[code]]\ncode = \"5\"\ndisplay = \"x\"\nmeaning = \"x\"\nclass = \"C\"\nverdict = { now = false, later = false, other = true }\naction = \"x\"\nwho_fixes = [\"clerk\"]\nsources = [\"facts-table\"]\n")], Some((x, 2)), "5"),
        case("split-sale advice", vec![text(x, faq_with("question = \"可以分开付款吗？\"").replace("回答。", "可以拆单，分几笔付。"))], Some((x, 4)), ""),
        case("alias equal to another title", vec![text(x, format!("{FAQ_HEAD}aliases = [\"密码输错\"]\n"))], Some((x, 7)), "密码输错"),
        case("empty pack.toml", vec![text("pack.toml", "")], None, "pack"),
        case("pack.toml removed", vec![Change::Remove("pack.toml")], None, "pack"),
        case("no symptoms", vec![Change::Remove("symptoms")], None, ""),
        case("FIFO named like content", vec![Change::Fifo("pipe.toml")], Some(("pipe.toml", 1)), "not a regular file"),
        case("link to /dev/zero", vec![Change::Link("zero.toml", "/dev/zero")], Some(("zero.toml", 1)), "outside"),
        case("link to /", vec![Change::Link("everything", "/")], Some(("everything", 1)), "outside"),
        case("link loop", vec![Change::Link("causes/again", "..")], Some(("causes/again", 1)), "loop"),
        case("dangling link file", vec![Change::Link("gone.toml", "nowhere.toml")], Some(("gone.toml", 1)), "outside"),
        case("upper-case extension", vec![text("faq2.TOML", FAQ_HEAD)], Some(("faq2.TOML", 1)), "lower case"),
        case("editor backup", vec![text("faq.toml.bak", FAQ_HEAD)], Some(("faq.toml.bak", 1)), "not read"),
        case("file over the size limit", vec![Change::Bytes("huge.toml", vec![b'#'; (64 << 20) + 1])], Some(("huge.toml", 1)), "MiB"),
        case("empty folder", vec![Change::Empty], None, "no .toml"),
        case("missing folder", vec![Change::Missing], None, "not a directory"),
    ]
}

fn shipped(relative: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("content")
        .join(relative)
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).into_iter().flatten().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            let _ = std::fs::create_dir_all(&target);
            copy_dir(&entry.path(), &target);
        } else {
            let _ = std::fs::copy(entry.path(), &target);
        }
    }
}

/// Runs `posdesk lint DIR` with a deadline: a loader that blocks (on a FIFO) fails the
/// test instead of hanging it. The output is read while it runs, so a long report cannot
/// fill the pipe.
fn lint(dir: &Path, name: &str) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_posdesk"))
        .env("POSDESK_LANG", "en")
        .arg("lint")
        .arg(dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run posdesk: {e}"));
    let pid = child.id();
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(child.wait_with_output());
    });
    match receive.recv_timeout(Duration::from_secs(20)) {
        Ok(Ok(output)) => output,
        Ok(Err(error)) => panic!("{name}: {error}"),
        Err(_) => {
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            panic!("{name}: posdesk lint {} did not finish", dir.display());
        }
    }
}

#[test]
fn every_broken_pack_is_reported_where_it_is_broken() {
    let all = cases();
    assert!(all.len() >= 40, "the corpus has {} cases", all.len());
    for case in all {
        let temp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mut dir = temp.path().join("pack");
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        copy_dir(&shipped(""), &dir);
        for change in &case.changes {
            match change {
                Change::Text(path, body) => {
                    let _ = std::fs::write(dir.join(path), body);
                }
                Change::Bytes(path, bytes) => {
                    let _ = std::fs::write(dir.join(path), bytes);
                }
                Change::Remove(path) => {
                    let target = dir.join(path);
                    let _ = std::fs::remove_dir_all(&target);
                    let _ = std::fs::remove_file(&target);
                }
                Change::Fifo(path) => {
                    let made = Command::new("mkfifo").arg(dir.join(path)).status();
                    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
                }
                Change::Link(path, target) => {
                    let _ = std::os::unix::fs::symlink(target, dir.join(path));
                }
                Change::Empty => {
                    let _ = std::fs::remove_dir_all(&dir);
                    let _ = std::fs::create_dir_all(&dir);
                }
                Change::Missing => dir = temp.path().join("no-such-pack"),
            }
        }
        let out = lint(&dir, case.name);
        let report = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}: lint passed or crashed:\n{report}",
            case.name
        );
        assert!(!report.contains("panicked"), "{}: {report}", case.name);
        if let Some((file, line)) = case.at {
            let place = format!("{}:{line}:", dir.join(file).display());
            assert!(
                report.contains(&place),
                "{}: no diagnostic at {place}:\n{report}",
                case.name
            );
        }
        assert!(
            report.contains(case.says),
            "{}: the report does not say {:?}:\n{report}",
            case.name,
            case.says
        );
    }
}

#[test]
fn windows_line_ends_and_a_file_of_comments_load() {
    let temp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dir = temp.path();
    copy_dir(&shipped(""), dir);
    let faq = std::fs::read_to_string(dir.join("faq.toml")).unwrap_or_default();
    let _ = std::fs::write(dir.join("faq.toml"), faq.replace('\n', "\r\n"));
    let _ = std::fs::write(dir.join("notes.toml"), "# only a comment\n");
    let out = lint(dir, "CRLF");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
