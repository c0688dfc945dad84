//! Which language planc speaks: `--lang`, else `lang` in planc.toml, else
//! the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: Chinese when it is `zh*`).
//! What `render`, `graph`, `simulate` and `triggers` make of a plan is in
//! the plan's own language unless `--lang` says (`of_output`).
//! Only the binary reads the environment; the library is handed a `Lang`.

use clap::ValueEnum;
use planc::lang::Lang;
use planc::model::Model;

/// `--lang zh|en`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// The language of what planc says: the flag, else planc.toml's, else the locale's.
pub fn choose(flag: Option<LangArg>, configured: Option<Lang>) -> Lang {
    flag.map(Lang::from)
        .or(configured)
        .unwrap_or_else(from_locale)
}

/// The language of what `render`, `graph`, `simulate` and `triggers` make
/// of a plan, and of everything they say once the plan is read (the note on
/// its warnings, an unknown `--role` or `--set` fact, a file not written):
/// `--lang`, else the plan's own (Chinese when most of its labels are).
/// Before the plan is read they speak as `check` does (`choose`).
pub fn of_output(flag: Option<LangArg>, model: &Model) -> Lang {
    flag.map(Lang::from).unwrap_or_else(|| Lang::detect(model))
}

/// The language of the user's locale.
pub fn from_locale() -> Lang {
    let var = |name| std::env::var(name).ok();
    Lang::from_locale(
        var("LC_ALL").as_deref(),
        var("LC_MESSAGES").as_deref(),
        var("LANG").as_deref(),
    )
}

/// `lang` of the planc.toml that applies to the working folder, if it says.
pub fn configured_here() -> Option<Lang> {
    let dir = std::env::current_dir().ok()?;
    super::config::Configs::new(None, false, Default::default())
        .for_file(&dir.join("any.plan"))
        .lang
}
