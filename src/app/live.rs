//! The app in a real terminal: the only module that knows crossterm. The terminal is
//! restored on quit, on error, on panic, on SIGTERM / SIGHUP / SIGINT and while suspended
//! (Ctrl-Z). Between events the app blocks: no timer, no redraw.

use super::action::Effect;
use super::clipboard::osc52;
use super::input::{Input, Key, KeyPress, Mods, MouseInput, MouseKind};
use super::runtime::{self, Frontend};
use super::theme::Theme;
use super::watch::Change;
use super::App;
use crate::desk::Desk;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

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

/// Raw mode, the alternate screen, bracketed paste, and the mouse if captured.
fn enter_terminal(mouse: bool) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

fn setup(mouse: bool) -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
    enter_terminal(mouse)?;
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

/// Stops the process as a shell's Ctrl-Z would, with the terminal restored; returns when
/// the shell continues it (`fg`).
#[cfg(unix)]
fn stop_process() -> io::Result<()> {
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)
}

#[cfg(not(unix))]
fn stop_process() -> io::Result<()> {
    Ok(())
}

/// How the live app starts: the settings a user chose (flags, config file).
pub struct Start {
    /// The screen to open on, by its key (`quiz`); empty or unknown: the first.
    pub screen: &'static str,
    pub theme: Theme,
    /// Whether the app takes the mouse (Ctrl-T switches it later).
    pub mouse: bool,
    /// The keys, when not the built-in ones.
    pub keymap: Option<super::keymap::Keymap>,
}

impl Default for Start {
    fn default() -> Start {
        Start {
            screen: "",
            theme: Theme::from_env(),
            mouse: true,
            keymap: None,
        }
    }
}

/// Runs the full-screen app until the user quits.
pub fn run(desk: Desk) -> io::Result<()> {
    run_on(desk, Start::default())
}

/// Runs the app as `start` says.
pub fn run_on(desk: Desk, start: Start) -> io::Result<()> {
    let theme = start.theme;
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(io::Error::other(crate::t!("live.needs_terminal")));
    }
    // The search index builds beside the first screen, which does not need it.
    let preparing = desk.clone();
    std::thread::spawn(move || preparing.prepare());
    let (sender, inbox) = mpsc::channel();
    // Edits of --content DIR reach the app as input; the built-in pack is not watched.
    // Without a watch (no inotify watches left, say) the app still runs, and says so.
    let mut unwatched = None;
    // The folder as an absolute path: the events name it so, and it is watched again by
    // that name when it is replaced.
    let content_dir = desk
        .content_dir()
        .map(|dir| std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf()));
    let watcher = content_dir.as_deref().and_then(|dir| {
        let changes = sender.clone();
        super::watch::watch(dir, move |change| {
            let _ = changes.send(Message::ContentChanged(change));
        })
        .map_err(|e| unwatched = Some(crate::t!("live.not_watched", error = e)))
        .ok()
        .zip(Some(dir.to_path_buf()))
    });
    // crossterm itself heeds NO_COLOR; the theme has decided already (`--color always`
    // overrides it).
    crossterm::style::force_color_output(theme.has_color());
    let mut app = match start.keymap {
        Some(keymap) => App::with_keymap(desk, keymap, theme),
        None => App::new(desk, theme),
    };
    app.show_screen(start.screen);
    app.set_mouse_captured(start.mouse);
    if let Some(message) = unwatched {
        app.say(message);
    }
    restore_on_signals()?;
    let terminal = setup(start.mouse)?;
    read_terminal(sender);
    let mut live = Live {
        terminal,
        inbox,
        watcher,
    };
    let result = live.size().and_then(|(w, h)| {
        app.resize(w, h);
        runtime::run(&mut app, &mut live)
    });
    restore_terminal();
    result
}

/// What wakes the app: the terminal's events (a burst at a time), or an edit of the
/// content directory.
enum Message {
    Terminal(io::Result<Vec<Event>>),
    ContentChanged(Change),
}

/// Reads the terminal on its own thread, blocking between events: the app waits on one
/// channel for keys and for edits, with no timer.
fn read_terminal(sender: mpsc::Sender<Message>) {
    std::thread::spawn(move || loop {
        let burst = event::read().and_then(|first| {
            // Everything already waiting comes along, so a burst is handled once.
            let mut burst = vec![first];
            while event::poll(Duration::ZERO)? {
                burst.push(event::read()?);
            }
            Ok(burst)
        });
        let failed = burst.is_err();
        if sender.send(Message::Terminal(burst)).is_err() || failed {
            return;
        }
    });
}

/// Adds a message's input to the batch; what changed in the content, if anything.
fn take(message: Message, batch: &mut Vec<Input>) -> io::Result<Option<Change>> {
    match message {
        Message::Terminal(events) => {
            batch.extend(events?.into_iter().filter_map(convert));
            Ok(None)
        }
        Message::ContentChanged(change) => Ok(Some(change)),
    }
}

/// The stronger of two changes: a replaced folder is also changed files.
fn merge(a: Option<Change>, b: Option<Change>) -> Option<Change> {
    match (a, b) {
        (Some(Change::Folder), _) | (_, Some(Change::Folder)) => Some(Change::Folder),
        (Some(Change::Files), _) | (_, Some(Change::Files)) => Some(Change::Files),
        (None, None) => None,
    }
}

/// How long a save's burst of file events may take to end before the pack is read:
/// editors write a file in several steps (a temporary file, a rename).
const SAVE_QUIET: Duration = Duration::from_millis(50);
const SAVE_LONGEST: Duration = Duration::from_millis(500);

struct Live {
    terminal: Terminal<CrosstermBackend<Stdout>>,
    inbox: mpsc::Receiver<Message>,
    /// The content folder's watch, and the folder.
    watcher: Option<(notify::RecommendedWatcher, std::path::PathBuf)>,
}

impl Live {
    fn size(&self) -> io::Result<(u16, u16)> {
        let size = self.terminal.size()?;
        Ok((size.width, size.height))
    }
}

impl Frontend for Live {
    fn next_batch(&mut self) -> io::Result<Option<Vec<Input>>> {
        // Blocks until something happens: an idle app uses no CPU. Then everything that
        // is already waiting is taken too, so a burst of keys is searched and drawn once.
        let Ok(first) = self.inbox.recv() else {
            return Ok(None);
        };
        let mut batch: Vec<Input> = Vec::new();
        let mut changed = take(first, &mut batch)?;
        while let Ok(message) = self.inbox.try_recv() {
            changed = merge(changed, take(message, &mut batch)?);
        }
        if let Some(change) = changed {
            // Wait for the save to finish (events stop coming), within a limit.
            let deadline = Instant::now() + SAVE_LONGEST;
            while let Some(left) = deadline
                .checked_duration_since(Instant::now())
                .filter(|left| !left.is_zero())
            {
                match self.inbox.recv_timeout(SAVE_QUIET.min(left)) {
                    Ok(message) => {
                        changed = merge(changed, take(message, &mut batch)?);
                    }
                    Err(_) => break,
                }
            }
            // A folder put in place of the old one is watched from now on.
            if merge(changed, Some(change)) == Some(Change::Folder) {
                if let Some((watcher, dir)) = &mut self.watcher {
                    super::watch::rewatch(watcher, dir);
                }
            }
            batch.push(Input::ContentChanged);
        }
        Ok(Some(batch))
    }

    fn draw(&mut self, app: &App) -> io::Result<()> {
        self.terminal.draw(|frame| app.draw(frame))?;
        Ok(())
    }

    fn perform(&mut self, effect: &Effect, app: &mut App) -> io::Result<()> {
        match effect {
            Effect::Quit => {}
            Effect::Copy(text) => {
                let mut out = io::stdout();
                out.write_all(osc52(text).as_bytes())?;
                out.flush()?;
            }
            Effect::MouseCapture(true) => execute!(io::stdout(), EnableMouseCapture)?,
            Effect::MouseCapture(false) => execute!(io::stdout(), DisableMouseCapture)?,
            Effect::Suspend => {
                restore_terminal();
                stop_process()?;
                // Continued: take the terminal again and draw everything anew. A new
                // `Terminal` has empty buffers, so the next frame repaints every cell
                // (ratatui's `clear` would ask the terminal where its cursor is).
                enter_terminal(app.mouse_captured())?;
                execute!(io::stdout(), terminal::Clear(terminal::ClearType::All))?;
                self.terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
                let (w, h) = self.size()?;
                app.resize(w, h);
            }
        }
        Ok(())
    }
}

/// A terminal event as the app's own input; events the app has no use for are dropped.
fn convert(event: Event) -> Option<Input> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let mods = Mods {
                ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
                alt: key.modifiers.contains(KeyModifiers::ALT),
                shift: key.modifiers.contains(KeyModifiers::SHIFT),
            };
            let key = match key.code {
                KeyCode::Char(c) => Key::Char(c),
                KeyCode::Enter => Key::Enter,
                KeyCode::Esc => Key::Esc,
                KeyCode::Tab => Key::Tab,
                KeyCode::BackTab => Key::BackTab,
                KeyCode::Backspace => Key::Backspace,
                KeyCode::Delete => Key::Delete,
                KeyCode::Insert => Key::Insert,
                KeyCode::Up => Key::Up,
                KeyCode::Down => Key::Down,
                KeyCode::Left => Key::Left,
                KeyCode::Right => Key::Right,
                KeyCode::PageUp => Key::PageUp,
                KeyCode::PageDown => Key::PageDown,
                KeyCode::Home => Key::Home,
                KeyCode::End => Key::End,
                KeyCode::F(n) => Key::F(n),
                _ => return None,
            };
            Some(Input::Key(KeyPress::new(key, mods)))
        }
        Event::Mouse(mouse) => {
            let kind = match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => MouseKind::Click,
                MouseEventKind::ScrollDown => MouseKind::ScrollDown,
                MouseEventKind::ScrollUp => MouseKind::ScrollUp,
                _ => return None,
            };
            Some(Input::Mouse(MouseInput {
                kind,
                column: mouse.column,
                row: mouse.row,
            }))
        }
        Event::Paste(text) => Some(Input::Paste(text)),
        Event::Resize(width, height) => Some(Input::Resize(width, height)),
        _ => None,
    }
}
