//! Diagnostics as data: a stable code, a severity, a message, a primary label,
//! secondary labels and a help line. Every stage produces these; `report`
//! turns them into text. Their words are `Message`s (ids of the message files
//! in `i18n/`): the language is chosen when they are shown, never here.

use serde::Serialize;

mod findings;

pub use crate::i18n::{Arg, Message};
use crate::lang::Lang;
use crate::span::Span;
pub use findings::{Findings, Listing};

/// Declares `Code` from the rows of `codes.rs`.
macro_rules! declare_code {
    ($($variant:ident $name:literal $module:ident,)*) => {
        /// Every diagnostic code planc can emit, one per rule (see `codes.rs`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }
        }
    };
}

for_each_code!(declare_code);

impl Code {
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == name)
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A span with a short message, shown under the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: Message,
}

impl Label {
    pub fn new(span: Span, message: Message) -> Self {
        Label { span, message }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: Message,
    pub primary: Label,
    pub help: Option<Message>,
    /// The parts most findings lack (`secondary`, `repair`, `source`), in
    /// one allocation, none without: a plan may have hundreds of thousands
    /// of findings, and each is held until the report is written.
    more: Option<Box<More>>,
}

// A finding stays small: its rare parts behind one pointer.
const _: () = assert!(std::mem::size_of::<Diagnostic>() <= 120);

#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct More {
    /// Further labelled spans: the other definition, the other edges of a cycle.
    secondary: Vec<Label>,
    /// The edit that fixes it, when that is mechanical (the editor offers it
    /// as a quick fix, `planc fmt --fix` applies it).
    repair: Option<Repair>,
    /// (v1) The regulation a profile's finding rests on (see `profiles`):
    /// filled in from the profiles' table when the severities are applied
    /// (`check::finish`); a rule that cites a clause of its own sets it.
    source: Option<Source>,
}

pub use crate::profiles::{Clause, Source};

/// A mechanical fix: what it does, in words, and its replacements of spans
/// of the file, in order and not overlapping (an empty span inserts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    pub title: Message,
    pub edits: Vec<(Span, String)>,
    /// The fix is what the author meant, not a guess ("did you mean"):
    /// `planc fmt --fix` applies only these; the editor offers every one.
    pub certain: bool,
}

impl Repair {
    /// Replaces `span` with `text`.
    pub fn replace(title: Message, span: Span, text: impl Into<String>) -> Repair {
        Repair {
            title,
            edits: vec![(span, text.into())],
            certain: true,
        }
    }
}

/// A diagnostic's words in one language, as the reports show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiagnosticText {
    pub message: String,
    /// The primary label first, then the secondary ones.
    pub labels: Vec<(Span, String)>,
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic labelled at `primary`. Its severity is an error until the
    /// pipeline applies the rule's configured severity (`check::apply_severities`).
    pub fn new(code: Code, message: Message, primary: Label) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            message,
            primary,
            help: None,
            more: None,
        }
    }

    fn more(&mut self) -> &mut More {
        self.more.get_or_insert_default()
    }

    /// Further labelled spans: the other definition, the other edges of a cycle.
    pub fn secondary(&self) -> &[Label] {
        self.more.as_deref().map_or(&[], |m| &m.secondary)
    }

    pub fn secondary_mut(&mut self) -> &mut [Label] {
        match self.more.as_deref_mut() {
            Some(m) => &mut m.secondary,
            None => &mut [],
        }
    }

    /// The edit that fixes it, when that is mechanical (the editor offers it
    /// as a quick fix, `planc fmt --fix` applies it).
    pub fn repair(&self) -> Option<&Repair> {
        self.more.as_deref().and_then(|m| m.repair.as_ref())
    }

    pub fn set_repair(&mut self, repair: Option<Repair>) {
        if repair.is_some() || self.more.is_some() {
            self.more().repair = repair;
        }
    }

    /// Sets the regulation its finding rests on (`source`).
    pub fn set_source(&mut self, source: Option<Source>) {
        if source.is_some() || self.more.is_some() {
            self.more().source = source;
        }
    }

    pub fn with_label(mut self, label: Label) -> Self {
        self.more().secondary.push(label);
        self
    }

    pub fn with_labels(mut self, labels: impl IntoIterator<Item = Label>) -> Self {
        let mut labels = labels.into_iter().peekable();
        if labels.peek().is_some() {
            self.more().secondary.extend(labels);
        }
        self
    }

    pub fn with_help(mut self, help: Message) -> Self {
        self.help = Some(help);
        self
    }

    pub fn with_repair(mut self, repair: Repair) -> Self {
        self.more().repair = Some(repair);
        self
    }

    /// Cites `clause` of the document of the profile the code belongs to,
    /// for a rule whose findings rest on different clauses.
    pub fn with_clause(mut self, clause: Clause) -> Self {
        let source = crate::profiles::cited(self.code, &[]).map(|(profile, _)| Source {
            profile,
            clause: Some(clause),
        });
        self.set_source(source);
        self
    }

    /// The regulation its finding rests on, if any (`source`).
    pub fn source(&self) -> Option<Source> {
        self.more.as_deref().and_then(|m| m.source)
    }

    /// Its message, labels and help in `lang`.
    pub fn text(&self, lang: Lang) -> DiagnosticText {
        DiagnosticText {
            message: self.message.text(lang),
            labels: std::iter::once(&self.primary)
                .chain(self.secondary())
                .map(|l| (l.span, l.message.text(lang)))
                .collect(),
            help: self.help.as_ref().map(|h| h.text(lang)),
        }
    }

    /// Sort key: position in the file, then code.
    pub fn sort_key(&self) -> (usize, usize, Code) {
        (
            self.primary.span.start(),
            self.primary.span.end(),
            self.code,
        )
    }
}
