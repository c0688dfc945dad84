//! Finding and reading `planc.toml`: the nearest one above each checked file
//! (walking up from the file's folder, no higher than the root of its
//! repository; no merging — the nearest wins whole), or the one given with
//! `--config` for every file. The command line's severity overrides are
//! applied over whichever file applies.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use planc::config::{Config, ConfigFile, Overrides};
use planc::docs_url::DocsUrl;
use planc::lang::Lang;
use planc::report;

pub const FILE_NAME: &str = "planc.toml";

/// What marks the root of a repository: the search for `planc.toml` stops
/// there (as mypy's and black's do), so a file above the project, in a home
/// or temporary folder, never changes how its plans are checked.
const REPOSITORY_MARKERS: &[&str] = &[".git", ".hg"];

/// A configuration as it applies to files: the effective settings and the
/// folder walk's filter, with globs relative to `dir`.
pub struct Loaded {
    /// The folder of the planc.toml; `None` for the built-in defaults.
    pub dir: Option<PathBuf>,
    /// The planc.toml itself (an input of the run, never an output).
    pub file: Option<PathBuf>,
    pub config: Config,
    /// `lang` of the planc.toml, if it says.
    pub lang: Option<Lang>,
    /// `docs-url` of the planc.toml, if it says.
    pub docs_url: Option<DocsUrl>,
    include: GlobSet,
    exclude: GlobSet,
}

impl Loaded {
    fn new(path: Option<PathBuf>, file: ConfigFile, overrides: &Overrides) -> Loaded {
        let mut config = file.config;
        let profiles = config.profiles.clone();
        overrides.apply(&mut config, |code| {
            planc::check::default_severity(code, &profiles)
        });
        Loaded {
            dir: path
                .as_ref()
                .and_then(|p| p.parent().map(Path::to_path_buf)),
            file: path,
            config,
            lang: file.lang,
            docs_url: file.docs_url,
            include: globs(&file.include),
            exclude: globs(&file.exclude),
        }
    }

    /// The path globs are matched against: relative to the config's folder
    /// when below it, else as given.
    fn relative<'p>(&self, path: &'p Path) -> &'p Path {
        self.dir
            .as_ref()
            .and_then(|dir| path.strip_prefix(dir).ok())
            .unwrap_or(path)
    }

    /// Whether a folder walk checks this file (absolute path).
    pub fn includes_file(&self, path: &Path) -> bool {
        let rel = self.relative(path);
        self.include.is_match(rel) && !self.exclude.is_match(rel)
    }

    /// Whether a folder walk enters this folder (absolute path).
    pub fn includes_dir(&self, path: &Path) -> bool {
        !self.exclude.is_match(self.relative(path))
    }
}

/// Globs were checked when the file was read; one that fails here is dropped.
fn globs(patterns: &[String]) -> GlobSet {
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        if let Ok(glob) = GlobBuilder::new(p).build() {
            builder.add(glob);
        }
    }
    builder.build().unwrap_or_else(|_| GlobSet::empty())
}

/// Every configuration met so far, by folder.
pub struct Configs {
    overrides: Overrides,
    fixed: Option<Arc<Loaded>>,
    default: Arc<Loaded>,
    by_dir: HashMap<PathBuf, Arc<Loaded>>,
    /// Rendered problems of config files that could not be used.
    pub errors: Vec<String>,
    /// `--lang`, which those problems are told in (else the file's own
    /// `lang`, else the locale's).
    lang: Option<Lang>,
    /// The language the last of `errors` was told in.
    pub errors_lang: Option<Lang>,
}

impl Configs {
    /// Discovery, or one file for all (`--config`), or none (`--no-config`).
    pub fn new(fixed: Option<&Path>, no_config: bool, overrides: Overrides) -> Configs {
        let default = Arc::new(Loaded::new(None, ConfigFile::default(), &overrides));
        let mut configs = Configs {
            overrides,
            fixed: None,
            default: default.clone(),
            by_dir: HashMap::new(),
            errors: Vec::new(),
            lang: None,
            errors_lang: None,
        };
        if let Some(path) = fixed {
            configs.fixed = Some(configs.load(path).unwrap_or(default));
        } else if no_config {
            configs.fixed = Some(default);
        }
        configs
    }

    /// Tells the problems of config files in `lang` (`--lang`). Set it
    /// before the first file is looked up.
    pub fn speaking(mut self, lang: Option<Lang>) -> Configs {
        self.lang = lang;
        self
    }

    /// The configuration of files in `dir`.
    pub fn for_dir(&mut self, dir: &Path) -> Arc<Loaded> {
        if let Some(fixed) = &self.fixed {
            return fixed.clone();
        }
        let Ok(dir) = dir.canonicalize() else {
            return self.default.clone();
        };
        let mut visited = Vec::new();
        let mut at = Some(dir.as_path());
        let found = loop {
            let Some(current) = at else {
                break self.default.clone();
            };
            if let Some(known) = self.by_dir.get(current) {
                break known.clone();
            }
            visited.push(current.to_path_buf());
            let candidate = current.join(FILE_NAME);
            if candidate.is_file() {
                break self
                    .load(&candidate)
                    .unwrap_or_else(|| self.default.clone());
            }
            if REPOSITORY_MARKERS
                .iter()
                .any(|marker| current.join(marker).exists())
            {
                break self.default.clone();
            }
            at = current.parent();
        };
        for dir in visited {
            self.by_dir.insert(dir, found.clone());
        }
        found
    }

    /// The configuration of a file given on the command line.
    pub fn for_file(&mut self, file: &Path) -> Arc<Loaded> {
        let parent = match file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        self.for_dir(parent)
    }

    fn load(&mut self, path: &Path) -> Option<Arc<Loaded>> {
        let shown = display(path);
        let text = match super::read::read_text_limited(path) {
            Ok(text) => text,
            Err(e) => {
                let lang = self.lang.unwrap_or_else(super::lang::from_locale);
                self.errors_lang = Some(lang);
                let shown = super::shown(Path::new(&shown));
                let why = super::read::cannot_read(&shown, e.message());
                self.errors
                    .push(format!("{}\n", super::say::line(lang, why)));
                return None;
            }
        };
        match planc::config::parse(&text) {
            Ok(file) => Some(Arc::new(Loaded::new(
                path.canonicalize().ok(),
                file,
                &self.overrides,
            ))),
            Err(errors) => {
                let lang = self
                    .lang
                    .or_else(|| planc::config::declared_lang(&text))
                    .unwrap_or_else(super::lang::from_locale);
                self.errors_lang = Some(lang);
                let options = super::terminal::human_options(&std::io::stderr(), lang, 0);
                self.errors.push(report::config_errors::render(
                    &shown, &text, &errors, options,
                ));
                None
            }
        }
    }
}

/// A path as shown to the user: relative to the working directory when below it.
pub fn display(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let shown = cwd
        .as_ref()
        .and_then(|cwd| path.strip_prefix(cwd).ok())
        .unwrap_or(path);
    shown.to_string_lossy().into_owned()
}
