//! The one loop: take what input is pending, handle it as a batch, carry out the effects,
//! draw if needed. The real terminal and the off-screen one are two [`Frontend`]s.

use super::action::Effect;
use super::input::Input;
use super::App;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::Terminal;
use std::io;

/// Where input comes from and frames and effects go.
pub trait Frontend {
    /// Waits for input, then takes everything else already pending; `None` at the end.
    fn next_batch(&mut self) -> io::Result<Option<Vec<Input>>>;
    fn draw(&mut self, app: &App) -> io::Result<()>;
    fn perform(&mut self, effect: &Effect, app: &mut App) -> io::Result<()>;
}

/// Runs the app until it quits or the input ends.
pub fn run(app: &mut App, frontend: &mut impl Frontend) -> io::Result<()> {
    app.settle();
    frontend.draw(app)?;
    while let Some(batch) = frontend.next_batch()? {
        let outcome = app.handle_all(batch);
        for effect in &outcome.effects {
            frontend.perform(effect, app)?;
        }
        if app.should_quit() {
            return Ok(());
        }
        if outcome.redraw {
            frontend.draw(app)?;
        }
    }
    Ok(())
}

/// An off-screen terminal fed from a list of input: `posdesk render`, snapshots, benches.
pub struct Offscreen {
    terminal: Terminal<TestBackend>,
    pending: Option<Vec<Input>>,
    frame: Buffer,
    /// The effects asked for, in order, for tests to inspect.
    pub effects: Vec<Effect>,
}

impl Offscreen {
    pub fn new(width: u16, height: u16, inputs: Vec<Input>) -> Offscreen {
        let max = super::MAX_RENDER_SIZE;
        let backend = TestBackend::new(width.min(max), height.min(max));
        // TestBackend's error type has no values: this cannot fail.
        let Ok(terminal) = Terminal::new(backend);
        let frame = Buffer::empty(terminal.backend().buffer().area);
        Offscreen {
            terminal,
            pending: Some(inputs),
            frame,
            effects: Vec::new(),
        }
    }

    pub fn size(&self) -> Rect {
        self.terminal.backend().buffer().area
    }

    /// The last frame drawn, whole (not the backend's copy, which only receives the cells
    /// a frame changed).
    pub fn into_frame(self) -> Buffer {
        self.frame
    }
}

impl Frontend for Offscreen {
    fn next_batch(&mut self) -> io::Result<Option<Vec<Input>>> {
        // All of it is pending at once, as a burst of keys or a paste would be.
        Ok(self.pending.take().filter(|inputs| !inputs.is_empty()))
    }

    fn draw(&mut self, app: &App) -> io::Result<()> {
        let Ok(completed) = self.terminal.draw(|f| app.draw(f));
        self.frame = completed.buffer.clone();
        Ok(())
    }

    fn perform(&mut self, effect: &Effect, _app: &mut App) -> io::Result<()> {
        self.effects.push(effect.clone());
        Ok(())
    }
}
