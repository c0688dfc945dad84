//! `planc check PATH...`

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use planc::config::{Config, Overrides};
use planc::diagnostic::{Code, Findings};
use planc::docs_url::{DocsUrl, DocsUrlError};
use planc::i18n::Message;
use planc::lang::Lang;
use planc::report::{self, FileReport, Summary};

use super::config::Configs;
use super::files::{self, Input};
use super::lang::{self, LangArg};
use super::read::{self, ReadError};
use super::terminal::human_options;
use super::{EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, Format, baseline};
use super::{say, write};

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Plan files, or folders to search for `*.plan` files.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit 1 when there are warnings, too.
    #[arg(long)]
    deny_warnings: bool,
    /// Use this planc.toml for every file instead of the nearest one above each file.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Use no planc.toml: every check at its default severity.
    #[arg(long)]
    no_config: bool,
    /// Run only these checks (comma-separated codes, or ALL); a check that is off becomes a warning.
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    select: Vec<String>,
    /// Report these checks as warnings.
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    warn: Vec<String>,
    /// Report these checks as errors.
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    error: Vec<String>,
    /// Turn these checks off (wins over --select, --warn and --error).
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    ignore: Vec<String>,
    /// Report only findings that are not recorded in this baseline file.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    baseline: Option<PathBuf>,
    /// Record every finding in this baseline file instead of reporting them.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Today's date for the date checks (future-date), as YYYY-MM-DD [default: SOURCE_DATE_EPOCH, else the clock]
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
    /// The language of the messages (default: `lang` in planc.toml, else the locale's).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// With --format sarif: file URIs relative to this folder (by default the
    /// working directory), e.g. the repository's root when run in a subfolder.
    #[arg(long, value_name = "DIR")]
    sarif_root: Option<PathBuf>,
    /// With --format sarif: the address of the folder holding your copy of planc's docs
    /// (`checks/CODE.md` below it), which every rule links to [default: `docs-url` in planc.toml]
    #[arg(long, value_name = "URL")]
    docs_url: Option<String>,
}

struct Checked {
    path: String,
    absolute: Option<PathBuf>,
    source: String,
    /// Packed until the report is written (see `Findings`).
    diagnostics: Findings,
}

pub fn run(args: CheckArgs) -> u8 {
    // Until the planc.toml of the files is read, the one of the working folder speaks.
    let early = || lang::choose(args.lang, lang::configured_here());
    let overrides = match overrides(&args) {
        Ok(o) => o,
        Err(message) => {
            say::trouble(early(), message);
            return EXIT_TROUBLE;
        }
    };
    let mut baseline = match &args.baseline {
        Some(path) => match baseline::read(path) {
            Ok(b) => Some(b),
            Err(message) => {
                say::trouble(early(), message);
                return EXIT_TROUBLE;
            }
        },
        None => None,
    };
    let mut configs = Configs::new(args.config.as_deref(), args.no_config, overrides)
        .speaking(args.lang.map(Lang::from));
    let inputs = files::collect(&args.paths, &mut configs);
    if !configs.errors.is_empty() {
        for error in &configs.errors {
            eprint!("{error}");
        }
        let lang = configs.errors_lang.unwrap_or_else(lang::from_locale);
        eprintln!("{}", Message::new("config-nothing-checked").text(lang));
        return EXIT_TROUBLE;
    }
    // The first planc.toml that names a language speaks for the whole report.
    // With none (no file found), the one of the working folder.
    let configured = inputs
        .iter()
        .find_map(|input| match input {
            Input::File { config, .. } => config.lang,
            _ => None,
        })
        .or_else(lang::configured_here);
    let lang = lang::choose(args.lang, configured);
    // Files named but not read, each told here: the summary counts them.
    let mut not_read = 0;
    for input in &inputs {
        not_read += usize::from(input.tell(lang));
    }
    if let Some(path) = &args.write_baseline
        && let Err(message) = write::not_an_input(path, &input_files(&inputs))
    {
        say::trouble(lang, message);
        return EXIT_TROUBLE;
    }
    let docs = match docs_url(args.docs_url.as_deref(), &inputs) {
        Ok(docs) => docs,
        Err(why) => {
            say::trouble(lang, say::option("--docs-url", why));
            eprintln!("{}", DocsUrlError::help_line().text(lang));
            return EXIT_TROUBLE;
        }
    };
    // Files are checked in parallel; `collect` keeps their order.
    let results: Vec<Result<Checked, Message>> = inputs
        .par_iter()
        .filter_map(|input| match input {
            Input::File { path, config } => Some(check_file(path, &config.config)),
            Input::Trouble { .. } | Input::Skipped { .. } => None,
        })
        .collect();
    let mut checked = Vec::new();
    for result in results {
        match result {
            Ok(c) => checked.push(c),
            Err(message) => {
                not_read += 1;
                say::trouble(lang, message);
            }
        }
    }
    if let Some(path) = &args.write_baseline {
        return match baseline::write(path, &checked_keys(&checked)) {
            Ok(message) => {
                say::trouble(lang, message);
                if not_read > 0 { EXIT_TROUBLE } else { EXIT_OK }
            }
            Err(message) => {
                say::trouble(lang, message);
                EXIT_TROUBLE
            }
        };
    }
    if let Some((base, path)) = baseline.as_mut().zip(args.baseline.as_ref()) {
        let mut hidden = 0;
        for c in &mut checked {
            let key = baseline::key(path, c.absolute.as_deref(), &c.path);
            hidden += base.take(&key, &mut c.diagnostics);
        }
        let applied = Message::new("baseline-applied")
            .with("hidden", hidden)
            .with("fixed", base.remaining());
        say::trouble(lang, applied);
    }
    let reports: Vec<FileReport<Findings>> = checked
        .iter()
        .map(|c| FileReport {
            path: &c.path,
            source: &c.source,
            diagnostics: &c.diagnostics,
        })
        .collect();
    // Each format is written as it is made: on a plan with many findings
    // the report is hundreds of megabytes, never held whole.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let _ = match args.format {
        Format::Json => report::json::write(&reports, lang, &mut out),
        Format::Human => {
            let options = human_options(&std::io::stdout(), lang, not_read);
            report::human::write(&reports, options, &mut out)
        }
        Format::Sarif => {
            let working_dir = std::env::current_dir().ok();
            let root = args.sarif_root.as_ref().map(|root| match &working_dir {
                Some(cwd) => cwd.join(root),
                None => root.clone(),
            });
            let lossy = |p: PathBuf| p.to_string_lossy().into_owned();
            let options = report::sarif::SarifOptions {
                working_dir: working_dir.map(lossy),
                root: root.map(lossy),
                lang,
                docs,
            };
            report::sarif::write(&reports, &options, &mut out)
        }
        Format::Github => report::github::write(&reports, lang, &mut out),
    };
    drop(out);
    let summary = Summary::of(&reports);
    if not_read > 0 {
        EXIT_TROUBLE
    } else if summary.errors > 0 || (args.deny_warnings && summary.warnings > 0) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

fn overrides(args: &CheckArgs) -> Result<Overrides, Message> {
    let list = |flag: &str, values: &[String]| -> Result<Vec<Code>, Message> {
        let mut out = Vec::new();
        for value in values {
            out.extend(Overrides::codes(flag, value)?);
        }
        Ok(out)
    };
    Ok(Overrides {
        select: if args.select.is_empty() {
            None
        } else {
            Some(list("--select", &args.select)?)
        },
        warn: list("--warn", &args.warn)?,
        error: list("--error", &args.error)?,
        ignore: list("--ignore", &args.ignore)?,
        today: Some(super::today::today(args.today.as_deref())?),
    })
}

/// Where SARIF's links point: `--docs-url`, else the first planc.toml that
/// names a `docs-url`, else the docs of this build (Cargo.toml's `repository`).
fn docs_url(flag: Option<&str>, inputs: &[Input]) -> Result<Option<DocsUrl>, Message> {
    if let Some(text) = flag {
        return DocsUrl::parse(text)
            .map(Some)
            .map_err(|why| why.message(text));
    }
    let configured = inputs.iter().find_map(|input| match input {
        Input::File { config, .. } => config.docs_url.clone(),
        _ => None,
    });
    Ok(configured.or_else(DocsUrl::of_this_build))
}

fn checked_keys(checked: &[Checked]) -> Vec<(Option<&Path>, &str, &Findings)> {
    checked
        .iter()
        .map(|c| (c.absolute.as_deref(), c.path.as_str(), &c.diagnostics))
        .collect()
}

/// The files this run reads: every plan, and the planc.toml of each.
fn input_files(inputs: &[Input]) -> Vec<&Path> {
    let mut files = Vec::new();
    for input in inputs {
        if let Input::File { path, config } = input {
            files.push(path.as_path());
            files.extend(config.file.as_deref());
        }
    }
    files
}

/// Reads and checks one file; `Err` when it cannot be read. A file larger
/// than planc reads is reported as a finding, unread.
fn check_file(path: &Path, config: &Config) -> Result<Checked, Message> {
    let checked = match read::read_limited(path) {
        Ok(bytes) => planc::pipeline::check_read(bytes, config),
        Err(ReadError::TooLarge(len)) => planc::pipeline::CheckedPacked::too_large(len, config),
        Err(e) => return Err(read::cannot_read(&super::shown(path), e.message())),
    };
    Ok(Checked {
        path: files::display(path),
        absolute: path.canonicalize().ok(),
        source: checked.source,
        diagnostics: checked.diagnostics,
    })
}
