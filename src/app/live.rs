//! The app in a real terminal. The terminal is restored on quit, on error, on panic and
//! on SIGTERM / SIGHUP / SIGINT. Between events the app blocks: no timer, no redraw.

use super::state::App;
use super::theme::Theme;
use super::view::draw;
use crate::model::Pack;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use std::io::{self, IsTerminal, Stdout};

/// Puts the terminal back as it was. Safe to call more than once.
pub fn restore_terminal() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen
    );
    let _ = execute!(io::stdout(), crossterm::cursor::Show);
}

fn setup() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    Terminal::new(CrosstermBackend::new(io::stdout()))
}

#[cfg(unix)]
fn restore_on_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore_terminal();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

#[cfg(not(unix))]
fn restore_on_signals() -> io::Result<()> {
    Ok(())
}

/// Runs the full-screen app until the user quits.
pub fn run(pack: &Pack) -> io::Result<()> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(io::Error::other(
            "the full-screen app needs a terminal; use `posdesk render`, `posdesk search` or `posdesk code` instead",
        ));
    }
    let mut app = App::new(pack, Theme::from_env());
    restore_on_signals()?;
    let mut terminal = setup()?;
    let result = event_loop(&mut terminal, &mut app);
    restore_terminal();
    result
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App<'_>,
) -> io::Result<()> {
    terminal.draw(|frame| draw(frame, app))?;
    loop {
        // Blocks until something happens: an idle app uses no CPU.
        let event = event::read()?;
        let redraw = app.handle(&event);
        if app.should_quit() {
            return Ok(());
        }
        if redraw {
            terminal.draw(|frame| draw(frame, app))?;
        }
    }
}
