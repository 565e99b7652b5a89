//! The live app in a pseudo-terminal: it draws, takes keys, quits on Ctrl-C, and leaves
//! the terminal as it found it, also when killed with SIGTERM. Every wait here waits for
//! output, with a time limit, never for a fixed time.
#![cfg(unix)]

use rexpect::session::PtySession;

const LIMIT_MS: u64 = 20_000;

/// Starts posdesk in a 120x30 pseudo-terminal; after it exits, the shell prints the
/// exit status and the terminal's mode.
fn start() -> PtySession {
    let binary = env!("CARGO_BIN_EXE_posdesk");
    let command = format!(
        "sh -c 'echo shell=$$; stty cols 120 rows 30; POSDESK_LANG=zh {binary}; echo \"exit=$?\"; stty -a | tr \" \" \"\\n\" | grep -x -e -icanon -e icanon'"
    );
    rexpect::spawn(&command, Some(LIMIT_MS))
        .unwrap_or_else(|e| panic!("cannot start posdesk in a pty: {e}"))
}

// The session decodes output byte by byte, so only ASCII is looked for: the first frame's
// search hint ends in "yebz"; after a pasted four-letter query the cursor, which sits
// where typing goes, moves four columns on, to row 2, column 12.
#[test]
fn takes_a_pasted_query_and_quits_restoring_the_terminal() {
    let mut session = start();
    session
        .exp_string("\u{1b}[?1049h")
        .unwrap_or_else(|e| panic!("no alternate screen: {e}"));
    session
        .exp_string("yebz")
        .unwrap_or_else(|e| panic!("no first frame: {e}"));
    session
        .send("\u{1b}[200~yebz\u{1b}[201~")
        .unwrap_or_else(|e| panic!("{e}"));
    session.flush().unwrap_or_else(|e| panic!("{e}"));
    session
        .exp_string("\u{1b}[2;12H")
        .unwrap_or_else(|e| panic!("the cursor did not follow the query: {e}"));
    session.send_control('c').unwrap_or_else(|e| panic!("{e}"));
    session
        .exp_string("\u{1b}[?1049l")
        .unwrap_or_else(|e| panic!("alternate screen not left: {e}"));
    session
        .exp_string("exit=0")
        .unwrap_or_else(|e| panic!("bad exit: {e}"));
    let (_, mode) = session
        .exp_regex("-?icanon")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(mode, "icanon", "the terminal was left in raw mode");
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut session = start();
    let (_, shell) = session
        .exp_regex("shell=[0-9]+")
        .unwrap_or_else(|e| panic!("{e}"));
    let shell: i32 = shell
        .trim_start_matches("shell=")
        .parse()
        .unwrap_or_else(|e| panic!("{e}"));
    session
        .exp_string("yebz")
        .unwrap_or_else(|e| panic!("no first frame: {e}"));
    let pid = find_posdesk(shell);
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status();
    assert!(status.is_ok_and(|s| s.success()));
    session
        .exp_string("\u{1b}[?1049l")
        .unwrap_or_else(|e| panic!("alternate screen not left: {e}"));
    session
        .exp_string("exit=143")
        .unwrap_or_else(|e| panic!("bad exit: {e}"));
    let (_, mode) = session
        .exp_regex("-?icanon")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(mode, "icanon", "the terminal was left in raw mode");
}

/// The posdesk process below the shell the session started.
fn find_posdesk(shell: i32) -> i32 {
    let children =
        std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap_or_default();
    children
        .split_whitespace()
        .filter_map(|pid| pid.parse::<i32>().ok())
        .find(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .is_ok_and(|comm| comm.trim() == "posdesk")
        })
        .unwrap_or_else(|| panic!("no posdesk process under {shell}: {children}"))
}

/// Ctrl-Z in an interactive shell: the terminal is given back (normal screen, cooked
/// mode) while the job is stopped, and `fg` brings the app back drawn in full.
#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    let binary = env!("CARGO_BIN_EXE_posdesk");
    let mut shell =
        rexpect::spawn_bash(Some(LIMIT_MS)).unwrap_or_else(|e| panic!("no shell in a pty: {e}"));
    shell
        .send_line("stty cols 120 rows 30")
        .unwrap_or_else(|e| panic!("{e}"));
    shell.wait_for_prompt().unwrap_or_else(|e| panic!("{e}"));
    shell
        .send_line(&format!("POSDESK_LANG=zh {binary}"))
        .unwrap_or_else(|e| panic!("{e}"));
    shell
        .exp_string("\u{1b}[?1049h")
        .unwrap_or_else(|e| panic!("no alternate screen: {e}"));
    shell
        .exp_string("yebz")
        .unwrap_or_else(|e| panic!("no first frame: {e}"));
    shell.send_control('z').unwrap_or_else(|e| panic!("{e}"));
    shell
        .exp_string("\u{1b}[?1049l")
        .unwrap_or_else(|e| panic!("the terminal was not given back: {e}"));
    shell
        .exp_regex("Stopped")
        .unwrap_or_else(|e| panic!("the job did not stop: {e}"));
    shell.wait_for_prompt().unwrap_or_else(|e| panic!("{e}"));
    // While stopped, the shell has a normal terminal.
    shell
        .send_line("stty -a | tr ' ' '\\n' | grep -x -e -icanon -e icanon")
        .unwrap_or_else(|e| panic!("{e}"));
    let (_, mode) = shell
        .exp_regex("-?icanon")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(mode.trim(), "icanon", "raw mode while suspended");
    shell.wait_for_prompt().unwrap_or_else(|e| panic!("{e}"));
    shell.send_line("fg").unwrap_or_else(|e| panic!("{e}"));
    shell
        .exp_string("\u{1b}[?1049h")
        .unwrap_or_else(|e| panic!("not back on the alternate screen: {e}"));
    shell
        .exp_string("yebz")
        .unwrap_or_else(|e| panic!("not redrawn after fg: {e}"));
    shell.send_control('c').unwrap_or_else(|e| panic!("{e}"));
    shell
        .exp_string("\u{1b}[?1049l")
        .unwrap_or_else(|e| panic!("alternate screen not left: {e}"));
    shell.wait_for_prompt().unwrap_or_else(|e| panic!("{e}"));
}
