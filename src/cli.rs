//! Commands of the `posdesk` binary. Each loads the pack, does one thing, and maps the
//! outcome to an exit code: 0 done, 1 bad content or nothing found, 2 bad usage.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use posdesk::desk::Desk;
use posdesk::diagnostic::did_you_mean;
use posdesk::model::normalize_code;
use posdesk::quiz::{QuizKind, QuizSettings};
use posdesk::report::{HandoutOptions, Sources};
use posdesk::safe_text;
use posdesk::search::SearchIndex;
use posdesk::t;
use posdesk::{report, Item, Pack};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The command line. The doc comments here are for developers; what `--help`, the manual
/// pages and the completions show comes from the catalogs (`[help_cli]` in assets/i18n),
/// in the UI's language: see [`command`].
#[derive(Debug, Parser)]
#[command(name = "posdesk", version)]
pub struct Args {
    /// Colour in the full-screen app: auto (unless NO_COLOR is set), always or never.
    #[arg(long, global = true, value_enum)]
    color: Option<ColorChoice>,

    /// The language of screens, messages and reports: zh or en (default: $POSDESK_LANG,
    /// else the config's lang, else the locale, else zh). The content stays as written.
    #[arg(long, global = true, value_enum)]
    lang: Option<LangChoice>,

    /// Read settings from this file (default: $POSDESK_CONFIG, else config.toml in the
    /// user's config directory, e.g. ~/.config/posdesk/config.toml).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Load the knowledge pack from this directory instead of the built-in one.
    #[arg(long, global = true, value_name = "DIR")]
    content: Option<PathBuf>,

    /// Keep the case log in this directory (default: $POSDESK_DATA, else the user's data
    /// directory, e.g. ~/.local/share/posdesk).
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

/// The root's catalog path: `help_cli.root.about`, `help_cli.root.color`, ...; a
/// subcommand's is its name (`help_cli.lint.format`), a nested one's its names joined
/// by dots (`help_cli.cases.list.since`).
const HELP_ROOT: &str = "root";

/// The command line with every text of its help in the UI's language: for parsing (so
/// `--help` and usage errors speak it), completions and manual pages.
pub fn command() -> clap::Command {
    localized(Args::command())
}

/// Reads the command line with the localized help.
pub fn parse(args: Vec<std::ffi::OsString>) -> Result<Args, clap::Error> {
    let matches = command().try_get_matches_from(args)?;
    Args::from_arg_matches(&matches)
}

/// A command tree with its about, long about, after-help and every argument's help
/// taken from the catalog, then built, with clap's own `--help`, `--version` and `help`
/// texts replaced too. A text the catalog lacks keeps what the doc comment says (a test
/// checks that none is lacking).
fn localized(command: clap::Command) -> clap::Command {
    let mut command = localize_tree(command, HELP_ROOT);
    command.build();
    localize_built_ins(command)
}

/// The catalog key of one text of a command's help: `help_cli.<path>.<part>`.
fn help_key(path: &str, part: &str) -> String {
    format!("help_cli.{path}.{part}")
}

/// The catalog path of a subcommand of the command at `path`.
fn sub_path(path: &str, name: &str) -> String {
    if path == HELP_ROOT {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

fn localize_tree(command: clap::Command, path: &str) -> clap::Command {
    let text = |part: &str| posdesk::i18n::lookup(&help_key(path, part));
    let mut command = command;
    if let Some(about) = text("about") {
        command = command.about(about);
    }
    if let Some(long_about) = text("long_about") {
        command = command.long_about(long_about);
    }
    if let Some(after) = text("after_help") {
        command = command.after_long_help(after);
    }
    command
        .mut_args(|arg| {
            let id = arg.get_id().as_str().to_string();
            let arg = match text(&id) {
                Some(help) => arg.help(help),
                None => arg,
            };
            match text(&format!("{id}_long")) {
                Some(long_help) => arg.long_help(long_help),
                None => arg,
            }
        })
        .mut_subcommands(|sub| {
            let path = sub_path(path, sub.get_name());
            localize_tree(sub, &path)
        })
}

/// What clap adds when the command is built: `-h/--help`, `-V/--version`, the `help`
/// subcommand.
fn localize_built_ins(command: clap::Command) -> clap::Command {
    command
        .mut_args(|arg| match arg.get_id().as_str() {
            "help" if arg.get_long_help().is_some() => arg
                .help(t!("help_cli.common.help_more"))
                .long_help(t!("help_cli.common.help_summary")),
            "help" => arg.help(t!("help_cli.common.help")),
            "version" => arg.help(t!("help_cli.common.version")),
            _ => arg,
        })
        .mut_subcommands(|sub| {
            let sub = if sub.get_name() == "help" {
                sub.about(t!("help_cli.common.help_command"))
                    .mut_args(|arg| match arg.get_id().as_str() {
                        "subcommand" => arg.help(t!("help_cli.common.help_subcommand")),
                        _ => arg,
                    })
            } else {
                sub
            };
            localize_built_ins(sub)
        })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LangChoice {
    Zh,
    En,
}

impl LangChoice {
    fn lang(self) -> posdesk::i18n::Lang {
        match self {
            LangChoice::Zh => posdesk::i18n::Lang::Zh,
            LangChoice::En => posdesk::i18n::Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    fn setting(self) -> posdesk::config::Color {
        match self {
            ColorChoice::Auto => posdesk::config::Color::Auto,
            ColorChoice::Always => posdesk::config::Color::Always,
            ColorChoice::Never => posdesk::config::Color::Never,
        }
    }
}

/// The app's theme for a colour setting.
fn theme_for(color: posdesk::config::Color) -> posdesk::app::theme::Theme {
    posdesk::app::theme::Theme::for_choice(match color {
        posdesk::config::Color::Auto => None,
        posdesk::config::Color::Always => Some(true),
        posdesk::config::Color::Never => Some(false),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LintFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a content pack: syntax, keys, ids, links, codes. Exit 1 lists every problem.
    Lint {
        /// The pack directory (default: --content, or the built-in pack).
        dir: Option<PathBuf>,
        /// text: `FILE:LINE:COL: message` lines; json: one object with every problem and
        /// warning (file, line, column, message, hint) and the pack's counts.
        #[arg(long, value_enum, default_value_t = LintFormat::Text)]
        format: LintFormat,
    },
    /// Shell completions: `posdesk completions bash > /etc/bash_completion.d/posdesk`.
    Completions {
        /// The shell to write completions for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The manual page (roff): `posdesk man > posdesk.1`; with --dir, a page for every
    /// command (posdesk.1, posdesk-quiz.1, ...) written into DIR.
    Man {
        /// Write a page for every command into this directory.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// The settings: `--print` shows each in effect and where it came from (flag,
    /// environment, config file line, default); `--init` writes a commented config file.
    Config {
        /// Show each setting in effect, where it came from, and any problem with it.
        #[arg(long, conflicts_with = "init")]
        print: bool,
        /// Write a config file with every key commented out and explained.
        #[arg(long)]
        init: bool,
        /// With --init: replace a config file that is there.
        #[arg(long, requires = "init")]
        force: bool,
    },
    /// Search every kind of item: Chinese, pinyin (full or initials), codes, ids.
    Search {
        /// What to look for, e.g. 余额, yebz, yuebuzu, 51.
        query: String,
        /// Print a JSON array of results.
        #[arg(long)]
        json: bool,
        /// How many results at most.
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..))]
        limit: u16,
    },
    /// Print one item in full, with its links.
    Show {
        /// The item's id (see `posdesk search`), or a response code.
        id: String,
    },
    /// What a response code means and what to do.
    Code {
        /// The two-character code shown by the terminal, e.g. 05, 51, A0.
        code: String,
    },
    /// Run the app off-screen at a size, type KEYS, and print the final screen as text.
    Render {
        /// The terminal size, WIDTHxHEIGHT, e.g. 120x40.
        #[arg(long, value_name = "WxH", value_parser = parse_size)]
        size: (u16, u16),
        /// Keys to type: characters and names like <Enter> <Esc> <Tab> <Down> <F1> <C-c>,
        /// and <paste>TEXT</paste> for one bracketed paste.
        #[arg(long, default_value = "")]
        keys: String,
        /// Read the keys from a file instead (`-` for standard input): for long pastes that
        /// do not fit on a command line.
        #[arg(long, value_name = "FILE", conflicts_with = "keys")]
        keys_file: Option<PathBuf>,
    },
    /// Guided triage: the next question for a symptom, or the outcome and the path taken.
    Triage {
        /// The symptom's id or title (default: the first symptom of the home list).
        symptom: Option<String>,
        /// The answers so far, by number: 2,1,3.
        #[arg(long, value_delimiter = ',', value_name = "N,N,...")]
        answers: Vec<usize>,
        /// Print the question or outcome, the path and the causes as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The case log of support calls: list, show, export, purge.
    Cases {
        #[command(subcommand)]
        command: CasesCommand,
    },
    /// Outcomes from the case log: how often each cause solved each symptom.
    Stats {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Trainer drills generated from the content: the quiz screen for a trainee, a printed
    /// quiz with its answer key (--print), or the trainees' weak areas (--report).
    Quiz {
        /// The trainee whose progress is kept (the quiz screen asks when not given).
        #[arg(long, value_name = "NAME")]
        trainee: Option<String>,
        /// The same seed gives the same questions, distractors and order.
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
        /// Questions per round (or printed).
        #[arg(long, default_value_t = 10, value_name = "N",
              value_parser = clap::value_parser!(u16).range(1..=1000))]
        count: u16,
        /// Only these kinds of question.
        #[arg(long, value_enum, value_delimiter = ',', value_name = "KIND,...")]
        kind: Vec<QuizKindArg>,
        /// Print the questions and the answer key instead of asking them (nothing is kept).
        #[arg(long, conflicts_with = "report")]
        print: bool,
        /// Each trainee's weak areas (one trainee's with --trainee).
        #[arg(long)]
        report: bool,
        /// With --print or --report: JSON.
        #[arg(long)]
        json: bool,
        /// Delete everything kept of a trainee (boxes and answers).
        #[arg(long, value_name = "NAME", conflicts_with_all = ["print", "report"])]
        forget: Option<String>,
    },
    /// The whole pack as a printable handout (md, html) or as data (json). The handout
    /// holds contents, a one-page cheat sheet of the common codes, one page per symptom
    /// with its causes, steps and what to say, then the FAQ and the code table.
    Export {
        /// md or html: a handout to print; json: the whole pack as data.
        #[arg(long, value_enum)]
        format: Format,
        /// Write to this file instead of standard output (`-` is standard output). The
        /// file is replaced whole or not at all; a link, device or directory is refused.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Show where every item and step came from, and list the sources (md, html).
        #[arg(long)]
        sources: bool,
        /// Only the one-page cheat sheet of the common codes, to print for the counter
        /// (md, html).
        #[arg(long, conflicts_with = "sources")]
        cheat_sheet: bool,
    },
}

#[derive(Debug, Subcommand)]
enum CasesCommand {
    /// Cases, newest first.
    List {
        /// Only cases opened on or after this day (YYYY-MM-DD, local time).
        #[arg(long, value_name = "DATE", value_parser = parse_day)]
        since: Option<i64>,
        /// Only cases whose shop, terminal, symptom, code or notes contain this (Chinese,
        /// pinyin or initials).
        #[arg(long)]
        search: Option<String>,
        /// How many cases at most.
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// One case in full.
    Show {
        /// The case's number (see `posdesk cases list`).
        id: i64,
    },
    /// Every case as JSON Lines or CSV.
    Export {
        /// jsonl: one JSON object a line; csv: for a spreadsheet.
        #[arg(long, value_enum)]
        format: CaseFormat,
        /// Only cases opened on or after this day (YYYY-MM-DD, local time).
        #[arg(long, value_name = "DATE", value_parser = parse_day)]
        since: Option<i64>,
        /// Write to this file (safely replaced) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Delete cases opened more than DAYS days ago.
    Purge {
        /// At least 1: cases of today are never purged.
        #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..))]
        older_than: u32,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum QuizKindArg {
    Verdict,
    CustomerLine,
    FirstCheck,
    StepOrder,
    Triage,
}

impl QuizKindArg {
    fn kind(self) -> QuizKind {
        match self {
            QuizKindArg::Verdict => QuizKind::Verdict,
            QuizKindArg::CustomerLine => QuizKind::CustomerLine,
            QuizKindArg::FirstCheck => QuizKind::FirstCheck,
            QuizKindArg::StepOrder => QuizKind::StepOrder,
            QuizKindArg::Triage => QuizKind::Triage,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum CaseFormat {
    Jsonl,
    Csv,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Md,
    Html,
    Json,
}

pub fn run(args: Args) -> ExitCode {
    // A language asked for by name must be one posdesk speaks, as with --lang.
    if let Some(value) = std::env::var_os(posdesk::i18n::LANG_ENV).filter(|v| !v.is_empty()) {
        let value = value.to_string_lossy();
        if posdesk::i18n::Lang::parse(&value).is_none() {
            print_err(&format!(
                "posdesk: {}\n",
                t!(
                    "cli.bad_lang_env",
                    var = posdesk::i18n::LANG_ENV,
                    value = value
                )
            ));
            return ExitCode::from(2);
        }
    }
    let resolved = crate::settings::Effective::resolve(
        args.config.as_deref(),
        args.content.as_deref(),
        args.data.as_deref(),
        args.color.map(ColorChoice::setting),
        args.lang.map(LangChoice::lang),
    );
    if let Some(Command::Config { print, init, force }) = &args.command {
        return config_command(args.config.as_deref(), &resolved, *print, *init, *force);
    }
    let effective = match resolved {
        Ok(effective) => effective,
        Err(diagnostics) => {
            print_err(&diagnostics.to_string());
            return fail(&t!("cli.config_problems_which", n = diagnostics.len()));
        }
    };
    posdesk::i18n::set_lang(effective.lang.value);
    // The theme and keys named in the settings are read now: a mistake in them stops
    // every command, not only the full-screen app.
    let looks = match Looks::load(&effective) {
        Ok(looks) => looks,
        Err(problems) => return looks_failed(&problems),
    };
    let content = effective.content.value.as_deref();
    let data = effective.data.value.as_deref();
    match args.command {
        None => with_desk_or_pack(content, |pack| {
            let desk = Desk::new(pack)
                .with_content_dir(content)
                .with_case_log(posdesk::store::data_dir(data))
                .with_quiz(live_quiz(QuizSettings::default()));
            live(desk, "", &effective, &looks)
        }),
        Some(Command::Config { .. }) => ExitCode::SUCCESS,
        Some(Command::Render {
            size,
            keys,
            keys_file,
        }) => {
            let keys = match keys_file.as_deref().map(read_keys).transpose() {
                Ok(from_file) => from_file.unwrap_or(keys),
                Err(message) => return fail(&message),
            };
            with_desk_or_pack(content, |pack| {
                // Off-screen runs keep cases and quiz answers only where told to.
                let desk = Desk::new(pack).with_case_log(effective.chosen_data());
                render(desk, size, &keys, looks.keymap.clone())
            })
        }
        Some(Command::Lint { dir, format }) => lint(dir.as_deref().or(content), format),
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut command(), "posdesk", &mut out);
            write_out(&out)
        }
        Some(Command::Man { dir: None }) => {
            let mut out = Vec::new();
            match clap_mangen::Man::new(command()).render(&mut out) {
                Ok(()) => write_out(&out),
                Err(error) => fail(&error.to_string()),
            }
        }
        Some(Command::Man { dir: Some(dir) }) => man_pages(&dir),
        Some(Command::Search { query, json, limit }) => with_desk_or_pack(content, |pack| {
            search(pack, &query, json, usize::from(limit))
        }),
        Some(Command::Show { id }) => with_pack(content, |pack| show(pack, &id)),
        Some(Command::Code { code }) => with_pack(content, |pack| code_command(pack, &code)),
        Some(Command::Triage {
            symptom,
            answers,
            json,
        }) => with_pack(content, |pack| {
            triage(pack, symptom.as_deref(), &answers, json)
        }),
        Some(Command::Cases { command }) => with_pack(content, |pack| cases(pack, data, command)),
        Some(Command::Stats { json }) => with_pack(content, |pack| stats(pack, data, json)),
        Some(Command::Quiz {
            trainee,
            seed,
            count,
            kind,
            print,
            report,
            json,
            forget,
        }) => {
            if json && !(print || report) {
                print_err(&format!("posdesk: {}\n", t!("cli.json_needs_print")));
                return ExitCode::from(2);
            }
            if let Some(name) = forget {
                return quiz_forget(data, &name);
            }
            let settings = QuizSettings {
                trainee,
                seed,
                count: usize::from(count),
                kinds: kind.into_iter().map(QuizKindArg::kind).collect(),
            };
            if report {
                with_pack(content, |pack| quiz_report(pack, data, &settings, json))
            } else if print {
                with_pack(content, |pack| quiz_print(pack, &settings, json))
            } else {
                with_desk_or_pack(content, |pack| {
                    let desk = Desk::new(pack)
                        .with_content_dir(content)
                        .with_case_log(posdesk::store::data_dir(data))
                        .with_quiz(live_quiz(settings));
                    live(desk, "quiz", &effective, &looks)
                })
            }
        }
        Some(Command::Export {
            format,
            output,
            sources,
            cheat_sheet,
        }) => {
            let handout = if cheat_sheet {
                HandoutKind::CheatSheet
            } else {
                HandoutKind::Whole(HandoutOptions {
                    sources: if sources {
                        Sources::Shown
                    } else {
                        Sources::Hidden
                    },
                })
            };
            if matches!(format, Format::Json) && (sources || cheat_sheet) {
                print_err(&format!("posdesk: {}\n", t!("cli.json_not_a_handout")));
                return ExitCode::from(2);
            }
            with_pack(content, |pack| {
                export(pack, format, handout, output.as_deref())
            })
        }
    }
}

/// A manual page for posdesk and each of its commands, written into `dir` (safely).
fn man_pages(dir: &Path) -> ExitCode {
    fn pages(command: clap::Command, out: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
        for sub in command
            .get_subcommands()
            .filter(|s| !s.is_hide_set())
            .cloned()
        {
            pages(sub, out)?;
        }
        let man = clap_mangen::Man::new(command);
        let mut page = Vec::new();
        man.render(&mut page)?;
        out.push((man.get_filename(), page));
        Ok(())
    }
    let command = localized(Args::command().disable_help_subcommand(true));
    let mut rendered = Vec::new();
    if let Err(error) = pages(command, &mut rendered) {
        return fail(&error.to_string());
    }
    if let Err(error) = std::fs::create_dir_all(dir) {
        return fail(&t!(
            "cli.cannot_create",
            path = dir.display(),
            error = error
        ));
    }
    for (name, page) in &rendered {
        if let Err(error) = posdesk::safe_write::write_file(&dir.join(name), page) {
            return fail(&error.to_string());
        }
    }
    print_out(&format!(
        "{}\n",
        t!(
            "cli.wrote_man_pages",
            n = rendered.len(),
            dir = dir.display()
        )
    ))
}

/// The theme and keys the settings name, read and checked.
struct Looks {
    theme: posdesk::app::theme::Theme,
    keymap: Option<posdesk::app::keymap::Keymap>,
}

impl Looks {
    /// Every problem of the theme and keymap files named, each with file and line.
    fn load(effective: &crate::settings::Effective) -> Result<Looks, Vec<String>> {
        let color = theme_for(effective.color.value).has_color();
        let mut problems = Vec::new();
        let theme = posdesk::app::theme::Theme::named(&effective.theme.value, color)
            .map_err(|d| {
                problems.push(format!(
                    "{d}posdesk: {}",
                    t!(
                        "cli.theme_unusable",
                        theme = effective.theme.value,
                        origin = effective.theme.origin
                    )
                ))
            })
            .ok();
        let keymap = match &effective.keymap.value {
            Some(path) => read_keymap(path)
                .map(Some)
                .map_err(|problem| {
                    problems.push(t!(
                        "cli.from_origin",
                        problem = problem,
                        origin = effective.keymap.origin
                    ))
                })
                .ok(),
            None => Some(None),
        };
        match (theme, keymap) {
            (Some(theme), Some(keymap)) if problems.is_empty() => Ok(Looks { theme, keymap }),
            _ => Err(problems),
        }
    }
}

fn looks_failed(problems: &[String]) -> ExitCode {
    for problem in problems {
        print_err(&format!("{problem}\n"));
    }
    ExitCode::FAILURE
}

/// The full-screen app with the settings in effect (theme, mouse, keys).
fn live(
    desk: Desk,
    screen: &'static str,
    effective: &crate::settings::Effective,
    looks: &Looks,
) -> ExitCode {
    let start = posdesk::app::live::Start {
        screen,
        theme: looks.theme.clone(),
        mouse: effective.mouse.value,
        keymap: looks.keymap.clone(),
    };
    match posdesk::app::live::run_on(desk, start) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(&error.to_string()),
    }
}

/// A keymap file merged over the built-in keys; its problems with file and line.
fn read_keymap(path: &Path) -> Result<posdesk::app::keymap::Keymap, String> {
    use posdesk::app::keymap::Keymap;
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "posdesk: {}",
            t!("cli.cannot_read_keymap", path = shown, error = e)
        )
    })?;
    let layers = posdesk::app::keymap_layers();
    Keymap::parse(&shown, &text, &layers)
        .map(|overrides| Keymap::embedded(&layers).merged(overrides))
        .map_err(|d| {
            format!(
                "{d}posdesk: {}",
                t!("cli.keymap_problems", path = shown, n = d.len())
            )
        })
}

/// `posdesk config --print | --init [--force]`.
fn config_command(
    flag: Option<&Path>,
    resolved: &Result<crate::settings::Effective, posdesk::Diagnostics>,
    print: bool,
    init: bool,
    force: bool,
) -> ExitCode {
    if init {
        let Some(chosen) = posdesk::config::config_path(flag) else {
            return fail(t!("cli.no_config_dir"));
        };
        let path = chosen.value;
        if path.exists() && !force {
            return fail(&t!("cli.config_exists", path = path.display()));
        }
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            if let Err(error) = std::fs::create_dir_all(parent) {
                return fail(&t!(
                    "cli.cannot_create",
                    path = parent.display(),
                    error = error
                ));
            }
        }
        return match posdesk::safe_write::write_file(
            &path,
            posdesk::config::default_file().as_bytes(),
        ) {
            Ok(()) => print_out(&format!("{}\n", t!("cli.wrote", path = path.display()))),
            Err(error) => fail(&error.to_string()),
        };
    }
    match resolved {
        Ok(effective) if print => {
            let printed = print_out(&effective.describe());
            // What the settings name must be usable: the pack's folder, the theme, the keys.
            let mut problems = Looks::load(effective).err().unwrap_or_default();
            if let Some(dir) = &effective.content.value {
                if !dir.is_dir() {
                    problems.push(format!(
                        "posdesk: {}",
                        t!(
                            "cli.content_not_a_folder",
                            dir = dir.display(),
                            origin = effective.content.origin
                        )
                    ));
                }
            }
            if problems.is_empty() {
                printed
            } else {
                looks_failed(&problems)
            }
        }
        Ok(_) => {
            print_err(&format!(
                "posdesk: {}\n",
                t!("cli.config_needs_print_or_init")
            ));
            ExitCode::from(2)
        }
        Err(diagnostics) => {
            print_err(&diagnostics.to_string());
            fail(&t!("cli.config_problems", n = diagnostics.len()))
        }
    }
}

/// Prints text for people to standard output, through the one terminal-safe printer:
/// no escape sequence from a pack or an argument reaches the terminal.
fn print_out(text: &str) -> ExitCode {
    write_out(safe_text::for_terminal(text).as_bytes())
}

/// Prints JSON exactly: its readers are programs, and JSON escapes control characters.
fn print_json(text: &str) -> ExitCode {
    write_out(text.as_bytes())
}

/// Writes to standard output; a closed pipe (`posdesk export | head`) is not an error.
fn write_out(bytes: &[u8]) -> ExitCode {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            print_err(&format!(
                "posdesk: {}\n",
                t!("cli.cannot_write_output", error = error)
            ));
            ExitCode::FAILURE
        }
    }
}

/// Prints text for people to standard error, through the terminal-safe printer.
fn print_err(text: &str) {
    let mut stderr = io::stderr().lock();
    let _ = stderr.write_all(safe_text::for_terminal(text).as_bytes());
}

fn fail(message: &str) -> ExitCode {
    print_err(&format!("posdesk: {message}\n"));
    ExitCode::FAILURE
}

fn with_pack(content: Option<&Path>, command: impl FnOnce(&Pack) -> ExitCode) -> ExitCode {
    with_desk_or_pack(content, |pack| command(&pack))
}

/// The pack, owned: the app and `render` share it behind a `Desk` without a copy.
fn with_desk_or_pack(content: Option<&Path>, command: impl FnOnce(Pack) -> ExitCode) -> ExitCode {
    match posdesk::load(content) {
        Ok(pack) => command(pack),
        Err(diagnostics) => {
            print_err(&diagnostics.to_string());
            fail(&t!("cli.pack_problems", n = diagnostics.len()))
        }
    }
}

/// `lint --format json`: what a script or an editor reads.
#[derive(serde::Serialize)]
struct LintReport<'a> {
    pack: String,
    ok: bool,
    problems: &'a [posdesk::Diagnostic],
    warnings: &'a [posdesk::Diagnostic],
    items: usize,
    triage_questions: usize,
}

fn lint(dir: Option<&Path>, format: LintFormat) -> ExitCode {
    let shown = dir.map_or(t!("cli.built_in_pack").to_string(), |d| {
        d.display().to_string()
    });
    if format == LintFormat::Json {
        let loaded = posdesk::load(dir);
        let warnings = loaded
            .as_ref()
            .map(posdesk::triage::warnings)
            .unwrap_or_default();
        let report = LintReport {
            pack: shown,
            ok: loaded.is_ok(),
            problems: loaded.as_ref().err().map_or(&[], |d| d.0.as_slice()),
            warnings: &warnings,
            items: loaded.as_ref().map_or(0, Pack::len),
            triage_questions: loaded.as_ref().map_or(0, |p| p.triage.len()),
        };
        let printed = match serde_json::to_string_pretty(&report) {
            Ok(text) => print_json(&format!("{text}\n")),
            Err(error) => return fail(&error.to_string()),
        };
        return if loaded.is_ok() {
            printed
        } else {
            ExitCode::FAILURE
        };
    }
    match posdesk::load(dir) {
        Ok(pack) => {
            let warnings = posdesk::triage::warnings(&pack);
            let listed: String = warnings.iter().map(|w| format!("{w}\n")).collect();
            let noted = match warnings.len() {
                0 => String::new(),
                n => t!("cli.lint_warnings", n = n),
            };
            let summary = t!(
                "cli.lint_ok",
                pack = shown,
                symptoms = pack.symptoms.len(),
                causes = pack.causes.len(),
                solutions = pack.solutions.len(),
                faqs = pack.faqs.len(),
                codes = pack.codes.len(),
                scripts = pack.scripts.len(),
                items = pack.len(),
                questions = pack.triage.len(),
                warnings = noted
            );
            print_out(&format!("{listed}{summary}\n"))
        }
        Err(diagnostics) => {
            let _ = print_out(&diagnostics.to_string());
            fail(&t!(
                "cli.lint_problems",
                pack = shown,
                n = diagnostics.len()
            ))
        }
    }
}

/// A day as the Unix milliseconds of its local midnight.
fn parse_day(text: &str) -> Result<i64, String> {
    use chrono::TimeZone;
    let day = chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| t!("cli.not_a_day", text = text))?;
    let midnight = day
        .and_hms_opt(0, 0, 0)
        .ok_or_else(|| t!("cli.no_local_midnight", text = text))?;
    chrono::Local
        .from_local_datetime(&midnight)
        .earliest()
        .map(|t| t.timestamp_millis())
        .ok_or_else(|| t!("cli.no_local_midnight", text = text))
}

fn open_store(data: Option<&Path>) -> Result<posdesk::store::Store, String> {
    let dir = posdesk::store::data_dir(data).ok_or(t!("cli.no_data_dir"))?;
    posdesk::store::Store::open_in(&dir).map_err(|e| e.to_string())
}

fn cases(pack: &Pack, data: Option<&Path>, command: CasesCommand) -> ExitCode {
    use posdesk::report::cases as text;
    let store = match open_store(data) {
        Ok(store) => store,
        Err(message) => return fail(&message),
    };
    match command {
        CasesCommand::List {
            since,
            search,
            limit,
        } => match store.cases(since, search.as_deref(), limit) {
            Ok(found) => print_out(&text::list_text(pack, &found)),
            Err(error) => fail(&error.to_string()),
        },
        CasesCommand::Show { id } => match store.case(id) {
            Ok(Some(case)) => print_out(&text::case_text(pack, &case)),
            Ok(None) => fail(&t!("cli.no_case", id = id)),
            Err(error) => fail(&error.to_string()),
        },
        CasesCommand::Export {
            format,
            since,
            output,
        } => {
            let found = match store.cases(since, None, usize::MAX) {
                Ok(found) => found,
                Err(error) => return fail(&error.to_string()),
            };
            let bytes = match format {
                CaseFormat::Jsonl => text::jsonl(&found),
                CaseFormat::Csv => text::csv(&found),
            }
            .into_bytes();
            match output.as_deref() {
                None => write_out(&bytes),
                Some(path) if path == Path::new("-") => write_out(&bytes),
                Some(path) => match posdesk::safe_write::write_file(path, &bytes) {
                    Ok(()) => {
                        print_err(&format!(
                            "posdesk: {}\n",
                            t!("cli.wrote_cases", n = found.len(), path = path.display())
                        ));
                        ExitCode::SUCCESS
                    }
                    Err(error) => fail(&error.to_string()),
                },
            }
        }
        CasesCommand::Purge { older_than } => match store.purge_older_than(older_than) {
            Ok(count) => print_out(&format!(
                "{}\n",
                t!("cli.purged", n = count, days = older_than)
            )),
            Err(error) => fail(&error.to_string()),
        },
    }
}

fn stats(pack: &Pack, data: Option<&Path>, json: bool) -> ExitCode {
    let counts = match open_store(data).and_then(|s| s.outcome_counts().map_err(|e| e.to_string()))
    {
        Ok(counts) => counts,
        Err(message) => return fail(&message),
    };
    if json {
        return match serde_json::to_string_pretty(&counts) {
            Ok(text) => print_json(&(text + "\n")),
            Err(error) => fail(&t!("cli.cannot_write_json", error = error)),
        };
    }
    print_out(&posdesk::report::cases::stats_text(pack, &counts))
}

/// The quiz in the live app: without a seed, each start draws other distractors (`render`
/// and tests keep the fixed default).
fn live_quiz(settings: QuizSettings) -> QuizSettings {
    let clock = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    QuizSettings {
        seed: settings.seed.or(Some(clock)),
        ..settings
    }
}

/// A paper quiz: the planned questions of a first round, with the answer key.
fn quiz_print(pack: &Pack, settings: &QuizSettings, json: bool) -> ExitCode {
    let seed = settings.round_seed(1);
    let questions = settings.questions(pack, seed);
    let order =
        posdesk::quiz::leitner::plan(&questions, &Default::default(), 1, settings.count, seed);
    let chosen: Vec<&posdesk::quiz::QuizQuestion> =
        order.iter().filter_map(|i| questions.get(*i)).collect();
    if chosen.is_empty() {
        return fail(t!("cli.no_quiz_questions"));
    }
    if chosen.len() < settings.count {
        print_err(&format!(
            "posdesk: {}\n",
            t!("cli.fewer_questions", n = chosen.len())
        ));
    }
    if json {
        match serde_json::to_string_pretty(&chosen) {
            Ok(text) => print_json(&format!("{text}\n")),
            Err(error) => fail(&error.to_string()),
        }
    } else {
        let owned: Vec<posdesk::quiz::QuizQuestion> = chosen.into_iter().cloned().collect();
        print_out(&report::quiz::questions_text(&owned))
    }
}

/// Deletes a trainee's progress.
fn quiz_forget(data: Option<&Path>, name: &str) -> ExitCode {
    if !log_exists(data) {
        return fail(&no_trainee(name));
    }
    let store = match open_store(data) {
        Ok(store) => store,
        Err(message) => return fail(&message),
    };
    match store.forget_trainee(name) {
        Ok(true) => print_out(&format!(
            "{}\n",
            t!("cli.trainee_forgotten", name = name.trim())
        )),
        Ok(false) => fail(&no_trainee(name)),
        Err(error) => bad_name(&error).unwrap_or_else(|| fail(&error.to_string())),
    }
}

/// That no trainee of this name has taken the quiz (the name quoted as typed).
fn no_trainee(name: &str) -> String {
    t!("cli.no_trainee", name = format!("{name:?}"))
}

/// A trainee name given on the command line that cannot be kept: a usage error.
fn bad_name(error: &posdesk::store::StoreError) -> Option<ExitCode> {
    match error {
        posdesk::store::StoreError::BadName(_) => {
            print_err(&format!("posdesk: {error}\n"));
            Some(ExitCode::from(2))
        }
        _ => None,
    }
}

/// Whether the data directory holds a log at all (reading never creates one).
fn log_exists(data: Option<&Path>) -> bool {
    posdesk::store::data_dir(data).is_some_and(|dir| dir.join(posdesk::store::FILE_NAME).exists())
}

/// The trainees' weak areas from the store.
fn quiz_report(pack: &Pack, data: Option<&Path>, settings: &QuizSettings, json: bool) -> ExitCode {
    if !log_exists(data) {
        return match (&settings.trainee, json) {
            (Some(name), _) => fail(&no_trainee(name)),
            (None, true) => print_json("[]\n"),
            (None, false) => print_out(&format!("{}\n", t!("cli.no_trainees"))),
        };
    }
    let store = match open_store(data) {
        Ok(store) => store,
        Err(message) => return fail(&message),
    };
    let names = match &settings.trainee {
        Some(name) => vec![name.clone()],
        None => match store.trainees() {
            Ok(names) => names,
            Err(error) => return fail(&error.to_string()),
        },
    };
    let mut reports = Vec::new();
    for name in &names {
        match store.trainee(name) {
            Ok(Some(trainee)) => reports.push(report::quiz::trainee_report(pack, &trainee)),
            Ok(None) => return fail(&no_trainee(name)),
            Err(error) => return bad_name(&error).unwrap_or_else(|| fail(&error.to_string())),
        }
    }
    if json {
        match serde_json::to_string_pretty(&reports) {
            Ok(text) => print_json(&format!("{text}\n")),
            Err(error) => fail(&error.to_string()),
        }
    } else if reports.is_empty() {
        print_out(&format!("{}\n", t!("cli.no_trainees")))
    } else {
        print_out(&report::quiz::reports_text(&reports))
    }
}

fn triage(pack: &Pack, symptom: Option<&str>, answers: &[usize], json: bool) -> ExitCode {
    let walk = match posdesk::triage::walk(pack, symptom, answers) {
        Ok(walk) => walk,
        Err(error) => return fail(&error.to_string()),
    };
    let report = walk.report(pack);
    if json {
        return match serde_json::to_string_pretty(&report) {
            Ok(text) => print_json(&(text + "\n")),
            Err(error) => fail(&t!("cli.cannot_write_json", error = error)),
        };
    }
    print_out(&posdesk::triage::report_text(&report))
}

fn search(pack: Pack, query: &str, json: bool, limit: usize) -> ExitCode {
    let index = SearchIndex::new(pack);
    let hits = index.search(query, limit);
    if json {
        let printed = match serde_json::to_string_pretty(&hits) {
            Ok(text) => print_json(&(text + "\n")),
            Err(error) => return fail(&t!("cli.cannot_write_json", error = error)),
        };
        // Nothing found is exit 1, as everywhere; the empty list is still printed.
        return if hits.is_empty() {
            ExitCode::FAILURE
        } else {
            printed
        };
    }
    if hits.is_empty() {
        let near: Vec<String> = index
            .suggest(query, 5)
            .iter()
            .map(|h| t!("cli.title_and_id", title = h.title, id = h.id))
            .collect();
        let message = if near.is_empty() {
            t!("cli.nothing_matches", query = query)
        } else {
            t!(
                "cli.nothing_matches_near",
                query = query,
                near = near.join(t!("common.list_sep"))
            )
        };
        print_err(&format!("posdesk: {message}\n"));
        return ExitCode::FAILURE;
    }
    let mut out = String::new();
    for hit in &hits {
        out.push_str(&format!(
            "{:>7.1}  {:<8} {:<32} {}\n",
            hit.score,
            hit.kind.key(),
            hit.id,
            hit.title
        ));
    }
    print_out(&out)
}

fn show(pack: &Pack, id: &str) -> ExitCode {
    let wanted = id.trim();
    if let Some(item) = pack.item(wanted) {
        return print_out(&report::item_text(pack, item));
    }
    if let Some(code) = pack.code(wanted) {
        return print_out(&report::item_text(pack, Item::Code(code)));
    }
    let ids: Vec<&str> = pack.items().map(|item| item.id()).collect();
    let message = match did_you_mean(wanted, &ids) {
        Some(close) => t!("cli.no_item_close", id = wanted, close = close),
        None => {
            // A miss only: the index shares the pack, so it takes a copy here.
            let hits = SearchIndex::new(pack.clone()).search(wanted, 3);
            if hits.is_empty() {
                t!("cli.no_item", id = wanted)
            } else {
                let found: Vec<String> = hits
                    .iter()
                    .map(|h| t!("cli.id_and_title", id = h.id, title = h.title))
                    .collect();
                t!(
                    "cli.no_item_found",
                    id = wanted,
                    found = found.join(t!("common.list_sep"))
                )
            }
        }
    };
    fail(&message)
}

fn code_command(pack: &Pack, typed: &str) -> ExitCode {
    let Some(normal) = normalize_code(typed) else {
        return fail(&t!("cli.not_a_code", typed = typed));
    };
    match pack.code(&normal) {
        Some(code) => {
            // The counter card first: the answer at a glance, then the whole page.
            let card = report::card::counter_card(pack, Item::Code(code));
            let text = format!(
                "{}\n{}",
                report::card::card_text(&card),
                report::item_text(pack, Item::Code(code))
            );
            print_out(&text)
        }
        None => {
            let advice = posdesk::advice::unknown_code_advice(&normal).join("\n  ");
            fail(&t!("cli.unknown_code", code = normal, advice = advice))
        }
    }
}

fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let usage = || t!("cli.not_a_size", text = text);
    let (w, h) = text.trim().split_once(['x', 'X']).ok_or_else(usage)?;
    let w: u16 = w.trim().parse().map_err(|_| usage())?;
    let h: u16 = h.trim().parse().map_err(|_| usage())?;
    let max = posdesk::app::MAX_RENDER_SIZE;
    if w > max || h > max {
        return Err(t!("cli.size_too_large", w = w, h = h, max = max));
    }
    Ok((w, h))
}

/// Keys from a file or standard input; one trailing newline (from an editor) is not a key.
fn read_keys(path: &Path) -> Result<String, String> {
    let text = if path == Path::new("-") {
        let mut text = String::new();
        io::Read::read_to_string(&mut io::stdin(), &mut text)
            .map_err(|e| t!("cli.cannot_read_keys_stdin", error = e))?;
        text
    } else {
        std::fs::read_to_string(path)
            .map_err(|e| t!("cli.cannot_read_keys", path = path.display(), error = e))?
    };
    Ok(text
        .strip_suffix('\n')
        .map(|t| t.strip_suffix('\r').unwrap_or(t))
        .unwrap_or(&text)
        .to_string())
}

fn render(
    desk: Desk,
    (width, height): (u16, u16),
    keys: &str,
    keymap: Option<posdesk::app::keymap::Keymap>,
) -> ExitCode {
    use posdesk::app::{buffer_text, render_app, theme::Theme, App};
    // Text has no colours: the plain theme; the user's keys, as the live app has them.
    let app = match keymap {
        Some(keymap) => App::with_keymap(desk, keymap, Theme::plain()),
        None => App::new(desk, Theme::plain()),
    };
    match posdesk::app::input::parse_inputs(keys) {
        Ok(inputs) => print_out(&buffer_text(&render_app(app, width, height, &inputs))),
        Err(message) => fail(&message),
    }
}

/// Which handout `export` makes.
#[derive(Debug, Clone, Copy)]
enum HandoutKind {
    Whole(HandoutOptions),
    CheatSheet,
}

fn export(pack: &Pack, format: Format, handout: HandoutKind, output: Option<&Path>) -> ExitCode {
    let text = match (format, handout) {
        (Format::Md, HandoutKind::Whole(options)) => report::handout_markdown(pack, options),
        (Format::Md, HandoutKind::CheatSheet) => report::cheat_sheet_markdown(pack),
        (Format::Html, HandoutKind::Whole(options)) => report::handout_html(pack, options),
        (Format::Html, HandoutKind::CheatSheet) => report::cheat_sheet_html(pack),
        (Format::Json, _) => match serde_json::to_string_pretty(pack) {
            Ok(text) => text + "\n",
            Err(error) => return fail(&t!("cli.cannot_write_json", error = error)),
        },
    };
    // Handouts are read by people, in a terminal too: no control character survives.
    // JSON is exact.
    let bytes = match format {
        Format::Json => text.into_bytes(),
        Format::Md | Format::Html => safe_text::for_terminal(&text).into_owned().into_bytes(),
    };
    match output {
        None => write_out(&bytes),
        Some(path) if path == Path::new("-") => write_out(&bytes),
        Some(path) => match posdesk::safe_write::write_file(path, &bytes) {
            Ok(()) => {
                print_err(&format!(
                    "posdesk: {}\n",
                    t!("cli.wrote", path = path.display())
                ));
                ExitCode::SUCCESS
            }
            Err(error) => fail(&error.to_string()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use posdesk::i18n::{scoped, Catalog, Lang, EN_TEXT, ZH_TEXT};

    /// The catalog keys the help of a command tree needs: every command's about, every
    /// argument's help, and the long texts the root (or a doc comment) has.
    fn needed(command: &clap::Command, path: &str, into: &mut Vec<String>) {
        into.push(help_key(path, "about"));
        if path == HELP_ROOT || command.get_long_about().is_some() {
            into.push(help_key(path, "long_about"));
        }
        if path == HELP_ROOT || command.get_after_long_help().is_some() {
            into.push(help_key(path, "after_help"));
        }
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            into.push(help_key(path, id));
            if arg.get_long_help().is_some() {
                into.push(help_key(path, &format!("{id}_long")));
            }
        }
        for sub in command.get_subcommands() {
            needed(sub, &sub_path(path, sub.get_name()), into);
        }
    }

    #[test]
    fn every_command_and_argument_has_its_help_in_both_catalogs() {
        let mut keys = Vec::new();
        needed(&Args::command(), HELP_ROOT, &mut keys);
        assert!(keys.len() > 60, "{keys:?}");
        for (name, text) in [("zh", ZH_TEXT), ("en", EN_TEXT)] {
            let catalog = Catalog::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            let missing: Vec<&String> = keys.iter().filter(|k| catalog.get(k).is_none()).collect();
            assert!(missing.is_empty(), "not in {name}.toml: {missing:?}");
        }
    }

    #[test]
    fn the_localized_command_is_whole_in_both_languages() {
        for lang in Lang::ALL {
            let _lang = scoped(lang);
            let mut command = command();
            let short = command.render_help().to_string();
            let help = command.render_long_help().to_string();
            let lint = command
                .find_subcommand_mut("lint")
                .map(|lint| lint.render_help().to_string())
                .unwrap_or_default();
            let (about, exit_codes, lint_about) = match lang {
                Lang::Zh => ("刷卡失败求助台", "退出码：", "检查内容包"),
                Lang::En => (
                    "Help desk for failed card payments",
                    "Exit codes:",
                    "Check a content pack",
                ),
            };
            assert!(short.contains(about), "{short}");
            assert!(help.contains(exit_codes), "{help}");
            assert!(lint.contains(lint_about), "{lint}");
            assert!(!help.contains("help_cli."), "{help}");
        }
        // Parsing goes through the same command.
        let parsed = parse(vec!["posdesk".into(), "code".into(), "05".into()]);
        assert!(matches!(
            parsed,
            Ok(Args {
                command: Some(Command::Code { .. }),
                ..
            })
        ));
    }
}
