//! Language intelligence for editors, as pure functions over one file's text:
//! where a name is defined and used, hover text, completion, rename, outline,
//! highlighting and quick fixes. Positions are byte offsets and results are
//! spans; `crate::lsp` turns them into protocol positions (UTF-16).
//!
//! Everything reads the pipeline's own syntax tree and model (no second
//! parser). While the author types, the file often does not parse: the items
//! that did parse still resolve, and completion reads the raw tokens before
//! the cursor (`tokens`).

pub mod completion;
pub mod fixes;
pub mod highlight;
pub mod hover;
pub mod index;
pub mod rename;
pub mod symbols;
pub mod tokens;

use std::cell::OnceCell;

use crate::check;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::graph::Graphs;
use crate::logic::schedule::{Due, Occasion, Response, Schedule};
use crate::model::{self, FactId, FactType, Model, StepId, Symbol};
use crate::pipeline::{MAX_FILE_BYTES, check_resolved, check_source};
use crate::span::Span;
use crate::suppress::{self, Suppressions};
use crate::syntax;
use symbols::OutlineSymbol;

pub use index::{Key, Occurrence};
use tokens::{Token, TokenKind};

/// One file, parsed and resolved as far as it goes. The syntax tree is not
/// kept: what the features read of it (the names written, the outline, the
/// suppressions) is taken before the model is built from it, and the tree is
/// freed item by item as it is (as `planc check` does; on a large plan the
/// tree is the largest part).
pub struct Analysis<'s> {
    pub source: &'s str,
    pub model: Model<'s>,
    /// Every written name, sorted by position.
    pub occurrences: Vec<Occurrence>,
    /// The document outline.
    pub outline: Vec<OutlineSymbol<'s>>,
    /// The `planc:` comments that silence findings, and the malformed ones.
    suppressions: Suppressions,
    /// The raw tokens, made when first asked (highlighting, completion, a
    /// name in an item that does not parse): checking does not need them.
    tokens: OnceCell<Vec<Token>>,
    syntax_errors: Vec<Diagnostic>,
    /// What a hover on a step reads, worked out for the whole plan the first
    /// time one asks and kept with the analysis (the editor keeps the
    /// analysis until the text changes).
    schedule: OnceCell<Schedule>,
    dues: OnceCell<Vec<Option<Due>>>,
    every_trigger: OnceCell<Response>,
}

/// What a name resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Symbol(Symbol),
    /// The `index`th variant of a `one_of` fact.
    Variant {
        fact: FactId,
        index: usize,
    },
}

/// The kinds of names, for icons and colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    Role,
    External,
    Fact,
    Variant,
    Level,
    Trigger,
    Step,
    Routine,
    Drill,
}

impl NameKind {
    /// The keyword that defines such a name ("variant" for variants).
    pub fn word(self) -> &'static str {
        match self {
            NameKind::Role => "role",
            NameKind::External => "external",
            NameKind::Fact => "fact",
            NameKind::Variant => "variant",
            NameKind::Level => "level",
            NameKind::Trigger => "trigger",
            NameKind::Step => "step",
            NameKind::Routine => "routine",
            NameKind::Drill => "drill",
        }
    }

    pub fn article(self) -> &'static str {
        match self {
            NameKind::External => "an",
            _ => "a",
        }
    }
}

impl<'s> Analysis<'s> {
    pub fn new(source: &'s str) -> Self {
        if source.len() > MAX_FILE_BYTES {
            return Analysis {
                source,
                model: Model::default(),
                occurrences: Vec::new(),
                outline: Vec::new(),
                suppressions: Suppressions::default(),
                tokens: OnceCell::from(Vec::new()),
                syntax_errors: Vec::new(),
                schedule: OnceCell::new(),
                dues: OnceCell::new(),
                every_trigger: OnceCell::new(),
            };
        }
        let parsed = syntax::parse(source);
        // Kept as long as the document: without the room their growth left
        // (a quarter of them on average), before the model is built beside them.
        let mut occurrences = index::occurrences(&parsed.file);
        occurrences.shrink_to_fit();
        let mut outline = symbols::outline(&parsed.file);
        outline.shrink_to_fit();
        let suppressions = suppress::find(source, &parsed.file);
        let model = model::build_owned(parsed.file);
        Analysis {
            source,
            occurrences,
            outline,
            suppressions,
            tokens: OnceCell::new(),
            model,
            syntax_errors: parsed.diagnostics,
            schedule: OnceCell::new(),
            dues: OnceCell::new(),
            every_trigger: OnceCell::new(),
        }
    }

    /// Every token of the text, in order.
    pub fn tokens(&self) -> &[Token] {
        self.tokens.get_or_init(|| tokens::tokenize(self.source))
    }

    /// The plan's schedule.
    pub fn schedule(&self) -> &Schedule {
        self.schedule.get_or_init(|| Schedule::build(&self.model))
    }

    /// A step's latest due time from the moment the plan is set off.
    pub fn due(&self, step: StepId) -> Option<Due> {
        let dues = self
            .dues
            .get_or_init(|| self.schedule().dues(&self.model, Occasion::Otherwise));
        dues.get(step.index()).copied().flatten()
    }

    /// The response when every trigger fires.
    pub fn response_to_every_trigger(&self) -> &Response {
        self.every_trigger.get_or_init(|| {
            let every: Vec<_> = self.model.trigger_ids().collect();
            self.schedule().respond(&self.model, &every)
        })
    }

    /// The file's diagnostics, exactly as `planc check` reports them
    /// (`pipeline::check_source`), reusing this parse.
    pub fn diagnostics(&self, config: &Config) -> Vec<Diagnostic> {
        if self.source.len() > MAX_FILE_BYTES {
            return check_source(self.source, config);
        }
        if !self.syntax_errors.is_empty() {
            return check::finish(self.syntax_errors.clone(), config);
        }
        let graphs = Graphs::build(&self.model);
        check_resolved(self.suppressions.clone(), &self.model, &graphs, config)
    }

    /// Whether the whole file parsed: only then is every written name known.
    pub fn parses(&self) -> bool {
        self.syntax_errors.is_empty() && self.source.len() <= MAX_FILE_BYTES
    }

    /// What `key` names, if it is defined.
    pub fn resolve(&self, key: Key<'s>) -> Option<Target> {
        match key {
            Key::Name(name) => self.model.symbols.get(name).copied().map(Target::Symbol),
            Key::Variant { fact, variant } => {
                let Some(&Symbol::Fact(id)) = self.model.symbols.get(fact) else {
                    return None;
                };
                let FactType::OneOf(variants) = &self.model.fact(id).ty else {
                    return None;
                };
                let index = variants.iter().position(|v| v.name == variant)?;
                Some(Target::Variant { fact: id, index })
            }
        }
    }

    pub fn kind(&self, target: Target) -> NameKind {
        match target {
            Target::Variant { .. } => NameKind::Variant,
            Target::Symbol(symbol) => match symbol {
                Symbol::Role(_) => NameKind::Role,
                Symbol::External(_) => NameKind::External,
                Symbol::Fact(_) => NameKind::Fact,
                Symbol::Level(_) => NameKind::Level,
                Symbol::Trigger(_) => NameKind::Trigger,
                Symbol::Step(_) => NameKind::Step,
                Symbol::Routine(id) if self.model.routines[id.index()].drill => NameKind::Drill,
                Symbol::Routine(_) => NameKind::Routine,
            },
        }
    }

    /// The span of the name where `target` is defined.
    pub fn definition_span(&self, target: Target) -> Span {
        let m = &self.model;
        match target {
            Target::Variant { fact, index } => match &m.fact(fact).ty {
                FactType::OneOf(variants) => {
                    variants.get(index).map_or(Span::default(), |v| v.span)
                }
                _ => Span::default(),
            },
            Target::Symbol(symbol) => match symbol {
                Symbol::Role(id) => m.role(id).named.name_span,
                Symbol::External(id) => m.external(id).named.name_span,
                Symbol::Fact(id) => m.fact(id).named.name_span,
                Symbol::Level(id) => m.levels[id.index()].named.name_span,
                Symbol::Trigger(id) => m.trigger(id).named.name_span,
                Symbol::Step(id) => m.step(id).named.name_span,
                Symbol::Routine(id) => m.routines[id.index()].named.name_span,
            },
        }
    }

    /// The occurrence under the cursor at `offset` (a cursor just after a
    /// name counts as on it).
    pub fn occurrence_at(&self, offset: usize) -> Option<&Occurrence> {
        let i = self.occurrences.partition_point(|o| o.span.end() < offset);
        self.occurrences[i..]
            .iter()
            .take_while(|o| o.span.start() <= offset)
            .last()
    }

    /// The name under the cursor: an occurrence in the tree, or — inside an
    /// item that does not parse — a word that names something defined.
    pub fn key_at(&self, offset: usize) -> Option<Key<'s>> {
        if let Some(o) = self.occurrence_at(offset) {
            return Some(o.key(self.source));
        }
        let tokens = self.tokens();
        let token = tokens[tokens::at(tokens, offset)?];
        if token.kind != TokenKind::Name {
            return None;
        }
        let text = &self.source[token.span.range()];
        self.model
            .symbols
            .contains_key(text)
            .then_some(Key::Name(text))
    }

    /// Where the name under the cursor is defined.
    pub fn definition(&self, offset: usize) -> Option<Span> {
        let target = self.resolve(self.key_at(offset)?)?;
        Some(self.definition_span(target))
    }

    /// Every occurrence of the name under the cursor, in order; the
    /// definitions only when `include_definition`.
    pub fn references(&self, offset: usize, include_definition: bool) -> Vec<Span> {
        let Some(key) = self.key_at(offset) else {
            return Vec::new();
        };
        self.occurrences
            .iter()
            .filter(|o| o.key(self.source) == key && (include_definition || !o.definition))
            .map(|o| o.span)
            .collect()
    }

    /// The source text of a span.
    pub fn text(&self, span: Span) -> &'s str {
        self.source.get(span.range()).unwrap_or("")
    }
}

#[cfg(test)]
mod tests;
