//! The `posdesk` command line.

mod cli;
mod settings;

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    posdesk::i18n::set_lang(settings::early_lang(&args));
    match cli::parse(args) {
        Ok(args) => cli::run(args),
        Err(error) => {
            // Usage errors repeat what was typed: shown through the terminal-safe printer.
            let text = error.render().to_string();
            let safe = posdesk::safe_text::for_terminal(&text);
            let written = if error.use_stderr() {
                std::io::stderr().lock().write_all(safe.as_bytes())
            } else {
                std::io::stdout().lock().write_all(safe.as_bytes())
            };
            drop(written);
            ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
        }
    }
}
