//! `planc diff OLD NEW` and `planc diff --git REV [PATH...]`: what a revision
//! changes, compared on the compiled plans (src/diff), as text for people,
//! Markdown for a pull-request comment, or JSON.

use std::path::PathBuf;

use clap::ValueEnum;
use planc::diff::{self, Category, Change, FileDiff, Plan, Source};
use planc::escape::visible;
use planc::i18n::{Arg, Message};
use planc::pipeline::{self, CheckedBytes, Front};
use planc::render::Lang;

use super::lang::LangArg;
use super::output;
use super::read::{ReadError, cannot_read, read_limited};
use super::{EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE};
use super::{git, say};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Text for people, grouped by category.
    Human,
    /// Markdown for a pull-request comment: summary first, details folded.
    #[value(alias = "markdown")]
    Md,
    /// JSON (schema: docs/diff.md).
    Json,
}

#[derive(clap::Args)]
pub struct DiffArgs {
    /// The OLD and the NEW plan file; with --git, the files or folders to
    /// compare (by default every plan of the repository).
    paths: Vec<PathBuf>,
    /// Compare each plan as of this git revision with the working tree;
    /// `REV..REV2` compares two revisions, `REV...REV2` REV2 with where it
    /// left REV (what a pull request shows).
    #[arg(long, value_name = "REV")]
    git: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    format: DiffFormat,
    /// Exit 1 when a change of one of these categories is present
    /// (comma-separated, e.g. `deadline-loosened,step-removed`; `ALL`: any change).
    #[arg(long = "fail-on", value_name = "CATEGORIES", value_delimiter = ',')]
    fail_on: Vec<String>,
    /// Language of the words; by default the plan's own.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Write to this file (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// One side of one file: its name for the reader and its text.
#[derive(Clone)]
struct Side {
    display: String,
    text: String,
}

/// The two sides of one file; `None`: the plan is not on that side.
#[derive(Clone)]
struct Pair {
    old: Option<Side>,
    new: Option<Side>,
}

pub fn run(args: DiffArgs) -> u8 {
    let told = told_in(args.lang);
    let fail_on = match fail_on(&args.fail_on) {
        Ok(c) => c,
        Err(why) => {
            say::trouble(told, say::option("--fail-on", why));
            return EXIT_TROUBLE;
        }
    };
    let pairs = match &args.git {
        Some(spec) => git_pairs(spec, &args.paths, told),
        None => file_pairs(&args.paths, told),
    };
    let Ok((pairs, mut trouble)) = pairs else {
        return EXIT_TROUBLE;
    };
    let pairs = rejoin_moved(pairs);
    if let Some(output) = &args.output {
        let inputs: Vec<&std::path::Path> = match &args.git {
            None => args.paths.iter().map(PathBuf::as_path).collect(),
            Some(_) => Vec::new(),
        };
        if let Err(message) = super::write::not_an_input(output, &inputs) {
            say::trouble(told, message);
            return EXIT_TROUBLE;
        }
    }
    let mut lang = args.lang.map(Lang::from);
    let mut results: Vec<(&Pair, Vec<Change>)> = Vec::new();
    for pair in &pairs {
        match compare(pair, &mut lang, told) {
            Some(changes) => results.push((pair, changes)),
            None => trouble = true,
        }
    }
    // No plan read (none changed): `check`'s language.
    let lang = lang.unwrap_or(told);
    let empty = Side {
        display: String::new(),
        text: String::new(),
    };
    let names: Vec<(String, String)> = results
        .iter()
        .map(|(pair, _)| {
            let old = pair.old.as_ref().map(|s| s.display.as_str());
            let new = pair.new.as_ref().map(|s| s.display.as_str());
            (
                old.or(new).unwrap_or_default().to_string(),
                new.or(old).unwrap_or_default().to_string(),
            )
        })
        .collect();
    let files: Vec<FileDiff> = results
        .iter()
        .zip(&names)
        .map(|((pair, changes), (old_name, new_name))| FileDiff {
            old: Source {
                path: old_name,
                text: pair.old.as_ref().unwrap_or(&empty).text.as_str(),
            },
            new: Source {
                path: new_name,
                text: pair.new.as_ref().unwrap_or(&empty).text.as_str(),
            },
            changes,
        })
        .collect();
    let text = match args.format {
        DiffFormat::Human => diff::human::render(&files, lang),
        DiffFormat::Md => diff::markdown::render(&files, lang),
        DiffFormat::Json => diff::json::render(&files, lang),
    };
    let written = output::emit(&text, args.output.as_ref(), told);
    if written != EXIT_OK || trouble {
        return EXIT_TROUBLE;
    }
    let failing = files
        .iter()
        .flat_map(|f| f.changes.iter())
        .any(|c| fail_on.contains(&c.category));
    if failing { EXIT_FINDINGS } else { EXIT_OK }
}

/// A plan git saw deleted in one place and added in another (moved and
/// edited too much for git's similarity) is one plan moved: an added and a
/// removed plan with the same title, found once on each side, are compared.
fn rejoin_moved(pairs: Vec<Pair>) -> Vec<Pair> {
    let title = |side: &Side| {
        let front = pipeline::front(&side.text).ok()?;
        let header = front.model.header.as_ref()?;
        header.title.as_ref().map(|t| t.value.to_string())
    };
    let (mut kept, mut removed, mut added) = (Vec::new(), Vec::new(), Vec::new());
    for pair in pairs {
        match (&pair.old, &pair.new) {
            (Some(o), None) => removed.push((title(o), pair)),
            (None, Some(n)) => added.push((title(n), pair)),
            _ => kept.push(pair),
        }
    }
    let count = |list: &[(Option<String>, Pair)], t: &str| {
        list.iter().filter(|(u, _)| u.as_deref() == Some(t)).count()
    };
    let mut moved = Vec::new();
    let mut unmatched = Vec::new();
    for (t, pair) in &added {
        let at = t
            .as_deref()
            .filter(|t| count(&added, t) == 1 && count(&removed, t) == 1)
            .and_then(|t| removed.iter().position(|(u, _)| u.as_deref() == Some(t)));
        match at {
            Some(i) => moved.push((i, pair)),
            None => unmatched.push(pair),
        }
    }
    let mut removed: Vec<Option<Pair>> = removed.into_iter().map(|(_, p)| Some(p)).collect();
    for (i, pair) in moved {
        if let Some(old) = removed[i].take() {
            kept.push(Pair {
                old: old.old,
                new: pair.new.clone(),
            });
        }
    }
    kept.extend(removed.into_iter().flatten());
    kept.extend(unmatched.into_iter().cloned());
    kept.sort_by(|a, b| order_key(a).cmp(order_key(b)));
    kept
}

/// Pairs in the order of their new path (else old path).
fn order_key(pair: &Pair) -> &str {
    pair.new
        .as_ref()
        .or(pair.old.as_ref())
        .map_or("", |s| s.display.as_str())
}

/// The language the problems of a plan that cannot be compared are told in:
/// `check`'s (`--lang`, planc.toml, else the locale). So are the lines
/// planc prints when it cannot read or compare a file.
fn told_in(flag: Option<LangArg>) -> Lang {
    super::lang::choose(flag, super::lang::configured_here())
}

/// `--fail-on`: category names, or `ALL`.
fn fail_on(names: &[String]) -> Result<Vec<Category>, Message> {
    let mut out = Vec::new();
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        if name == "ALL" {
            out.extend_from_slice(Category::ALL);
            continue;
        }
        match Category::from_name(name) {
            Some(c) => out.push(c),
            None => {
                let known: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
                return Err(match planc::suggest::closest(name, &known) {
                    Some(best) => Message::new("diff-no-category")
                        .with("name", name)
                        .with("best", best),
                    None => Message::new("diff-no-category-list")
                        .with("name", name)
                        .with("categories", Arg::names(known, usize::MAX)),
                });
            }
        }
    }
    Ok(out)
}

/// A side compiled, `Ok(None)` when absent, `Err` when it does not parse
/// (its problems shown on stderr).
fn front(side: &Option<Side>, told: Lang) -> Result<Option<Front<'_>>, ()> {
    let Some(side) = side else { return Ok(None) };
    pipeline::front(&side.text)
        .map(Some)
        .map_err(|diagnostics| {
            output::show_problems(&side.display, &side.text, &diagnostics, told);
            let why = Message::new("diff-does-not-parse")
                .with("path", visible(&side.display).into_owned());
            say::trouble(told, why);
        })
}

/// The changes of one file, or `None` when a side cannot be read (its
/// problems are shown on stderr). The first plan read sets the language
/// when `--lang` does not.
fn compare(pair: &Pair, lang: &mut Option<Lang>, told: Lang) -> Option<Vec<Change>> {
    let (old, new) = rayon::join(|| front(&pair.old, told), || front(&pair.new, told));
    let (old, new) = (old.ok()?, new.ok()?);
    for (side, front) in [(&pair.old, &old), (&pair.new, &new)] {
        if let (Some(side), Some(front)) = (side, front)
            && !front.model.problems.is_empty()
        {
            let why =
                Message::new("diff-has-errors").with("path", visible(&side.display).into_owned());
            say::trouble(told, why);
        }
    }
    let lang = *lang.get_or_insert_with(|| {
        new.as_ref()
            .or(old.as_ref())
            .map(|f| Lang::detect(&f.model))
            .unwrap_or(Lang::En)
    });
    Some(match (&old, &new) {
        (Some(o), Some(n)) => diff::compare(Plan::of(o), Plan::of(n), lang),
        (None, Some(n)) => vec![diff::plan_added(&n.model)],
        (Some(o), None) => vec![diff::plan_removed(&o.model)],
        (None, None) => Vec::new(),
    })
}

/// `planc diff OLD NEW`: two files.
fn file_pairs(paths: &[PathBuf], told: Lang) -> Result<(Vec<Pair>, bool), ()> {
    let [old, new] = paths else {
        say::trouble(
            told,
            Message::new("diff-needs-two").with("count", paths.len()),
        );
        return Err(());
    };
    let read = |path: &PathBuf| -> Result<Side, ()> {
        let display = path.to_string_lossy().into_owned();
        side(display, read_limited(path), told)
    };
    let pair = Pair {
        old: Some(read(old)?),
        new: Some(read(new)?),
    };
    Ok((vec![pair], false))
}

/// A side from its bytes; bytes that are not UTF-8, or too many, are
/// reported as `check` reports them.
fn side(display: String, bytes: Result<Vec<u8>, ReadError>, told: Lang) -> Result<Side, ()> {
    let config = planc::config::Config::default();
    let checked = match bytes {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => return Ok(Side { display, text }),
            Err(e) => pipeline::check_bytes(e.as_bytes(), &config),
        },
        Err(ReadError::TooLarge(len)) => CheckedBytes::too_large(len, &config),
        Err(e) => {
            say::trouble(told, cannot_read(&visible(&display), e.message()));
            return Err(());
        }
    };
    output::show_problems(&display, &checked.source, &checked.diagnostics, told);
    Err(())
}

/// `planc diff --git REV [PATH...]`: every plan the revisions changed, and
/// whether some could not be read.
fn git_pairs(spec: &str, paths: &[PathBuf], told: Lang) -> Result<(Vec<Pair>, bool), ()> {
    let fail = |why: Message| {
        say::trouble(told, say::option(&format!("--git {spec}"), why));
    };
    let (root, prefix) = git::top().map_err(fail)?;
    let revs = git::resolve(spec).map_err(fail)?;
    let entries = git::changed_plans(&revs, paths).map_err(fail)?;
    let at = |rev: Option<&String>, path: &str| -> Result<Side, ()> {
        let display = git::display(path, &prefix);
        let bytes = match rev {
            Some(rev) => Ok(git::show(rev, path).map_err(fail)?),
            None => read_limited(&git::in_tree(&root, path)),
        };
        side(display, bytes, told)
    };
    let old = Some(&revs.old);
    let new = revs.new.as_ref();
    let mut pairs = Vec::new();
    let mut trouble = false;
    for entry in entries {
        let pair = match &entry {
            git::Entry::Changed { old: a, new: b } => at(old, a).and_then(|o| {
                Ok(Pair {
                    old: Some(o),
                    new: Some(at(new, b)?),
                })
            }),
            git::Entry::Added(b) => at(new, b).map(|n| Pair {
                old: None,
                new: Some(n),
            }),
            git::Entry::Removed(a) => at(old, a).map(|o| Pair {
                old: Some(o),
                new: None,
            }),
        };
        match pair {
            Ok(p) => pairs.push(p),
            Err(()) => trouble = true,
        }
    }
    Ok((pairs, trouble))
}
