//! A plan's findings, packed: from the rule that makes each one until the
//! report is written (issue 19, memory per finding). A `Diagnostic` is 120
//! bytes and its messages about 160 more on the heap; a finding of
//! `undefined-name` stands on 7.5 bytes of input, and ten bytes of memory
//! per byte of input leave it 75. Here each is written as bytes (`push`):
//! its code, severity, primary span as varints and its messages as
//! `i18n::packed` writes them, about 35 bytes, then its secondary labels;
//! the rare parts (the repair, the regulation cited) are kept as they are,
//! beside.
//! A finding is read back whole (`get`) only when it is reported, one at a
//! time; sorting, severities and suppressions read only its first bytes.

use std::borrow::Cow;

use super::{Code, Diagnostic, Label, More, Severity, Source};
use crate::i18n::packed::{Ids, Reader, put_message, put_varint, take_message};
use crate::span::Span;

/// The first chunk's size; each next one is twice the last, up to `CHUNK`:
/// a file with a handful of findings takes a few hundred bytes, and one
/// with hundreds of thousands grows by 64 KB at a time, never copying what
/// it holds (as a doubling vector would, holding both copies meanwhile).
const FIRST_CHUNK: usize = 256;
const CHUNK: usize = 64 * 1024;

// A record's first bytes: the code, the severity, the flags, then the
// primary span's start and length as varints.
const SEVERITY_AT: usize = 1;
const FLAGS_AT: usize = 2;
const SPAN_AT: usize = 3;
const HAS_HELP: u8 = 1;
/// The finding has its rare parts (`Diagnostic::more` is `Some`).
const HAS_MORE: u8 = 2;
/// Its secondary labels follow the help in the record: not rare enough to
/// be kept aside (every `unassigned-role` has one, and a `More` with its
/// labels took about 280 bytes).
const HAS_LABELS: u8 = 4;

const _: () = assert!(Code::ALL.len() <= 256);

#[cfg(test)]
mod tests;

/// Findings in the order they are pushed until sorted (`sort_by_position`):
/// records in chunks that never move, and their positions.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    /// Each finding's position: its chunk in the high 32 bits, its offset
    /// in the low ones. Positions grow in the order findings are pushed.
    order: Vec<u64>,
    records: Records,
}

/// The findings' bytes.
#[derive(Debug, Clone, Default)]
struct Records {
    chunks: Vec<Vec<u8>>,
    /// The rare parts of the findings that have them, by position.
    rare: foldhash::HashMap<u64, Box<More>>,
    ids: Ids,
    /// The record being written, before it is copied into a chunk.
    scratch: Vec<u8>,
}

fn split(position: u64) -> (usize, usize) {
    ((position >> 32) as usize, (position & 0xffff_ffff) as usize)
}

fn code_of(byte: u8) -> Code {
    Code::ALL
        .get(usize::from(byte))
        .copied()
        .unwrap_or(Code::SyntaxError)
}

fn severity_of(byte: u8) -> Severity {
    if byte == Severity::Error as u8 {
        Severity::Error
    } else {
        Severity::Warning
    }
}

/// Appends a span as its start and length (varints: most lengths are one byte).
fn put_span(out: &mut Vec<u8>, span: Span) {
    put_varint(out, span.start() as u64);
    put_varint(out, span.len() as u64);
}

/// Reads a span written by `put_span`.
fn take_span(r: &mut Reader) -> Span {
    let start = r.usize();
    Span::new(start, start.saturating_add(r.usize()))
}

impl Records {
    /// Writes `d` into a chunk; its position.
    fn write(&mut self, d: Diagnostic) -> u64 {
        self.write_with(d, [])
    }

    /// Writes `d` with `labels` after its own secondary labels, each
    /// written as it comes: a loop's 20,000 labels are never held as
    /// `Label`s at once (about 120 bytes each, where their bytes take a
    /// dozen: issue 19, memory per byte).
    fn write_with(&mut self, d: Diagnostic, labels: impl IntoIterator<Item = Label>) -> u64 {
        let Diagnostic {
            code,
            severity,
            message,
            primary,
            help,
            more,
        } = d;
        let Records { scratch, ids, .. } = self;
        scratch.clear();
        scratch.push(code as u8);
        scratch.push(severity as u8);
        let help_flag = if help.is_some() { HAS_HELP } else { 0 };
        let mut labels = labels.into_iter().peekable();
        let mut more = match more {
            None if labels.peek().is_some() => Some(Box::default()),
            more => more,
        };
        let more_flag = if more.is_some() {
            HAS_MORE | HAS_LABELS
        } else {
            0
        };
        scratch.push(help_flag | more_flag);
        put_span(scratch, primary.span);
        put_message(scratch, ids, &message);
        put_message(scratch, ids, &primary.message);
        if let Some(help) = &help {
            put_message(scratch, ids, help);
        }
        if let Some(more) = &mut more {
            let secondary = std::mem::take(&mut more.secondary);
            let at = scratch.len();
            let mut count = 0;
            for label in secondary.into_iter().chain(labels) {
                put_span(scratch, label.span);
                put_message(scratch, ids, &label.message);
                count += 1;
            }
            // Their count before them, once they are counted.
            let mut counted = Vec::new();
            put_varint(&mut counted, count);
            scratch.splice(at..at, counted);
        }
        let position = self.place();
        if let Some(more) = more
            && (more.repair.is_some() || more.source.is_some())
        {
            self.rare.insert(position, more);
        }
        position
    }

    /// Copies `scratch` into the last chunk, or a new one if it does not
    /// fit; its position.
    fn place(&mut self) -> u64 {
        let len = self.scratch.len();
        let fits = self
            .chunks
            .last()
            .is_some_and(|c| c.capacity() - c.len() >= len);
        if !fits {
            let size = (FIRST_CHUNK << self.chunks.len().min(16)).min(CHUNK);
            self.chunks.push(Vec::with_capacity(size.max(len)));
        }
        let index = self.chunks.len() - 1;
        let chunk = &mut self.chunks[index];
        let offset = chunk.len();
        chunk.extend_from_slice(&self.scratch);
        if self.scratch.capacity() > CHUNK {
            // A record larger than a chunk (a loop's labels) is written
            // once: its room is not kept for the next.
            self.scratch = Vec::new();
        }
        ((index as u64) << 32) | offset as u64
    }

    fn reader(&self, position: u64, at: usize) -> Reader<'_> {
        let (chunk, offset) = split(position);
        Reader::new(&self.chunks[chunk], offset + at)
    }

    fn code_at(&self, position: u64) -> Code {
        code_of(self.reader(position, 0).byte())
    }

    fn severity_at(&self, position: u64) -> Severity {
        severity_of(self.reader(position, SEVERITY_AT).byte())
    }

    fn has_more(&self, position: u64) -> bool {
        self.reader(position, FLAGS_AT).byte() & HAS_MORE != 0
    }

    fn span_at(&self, position: u64) -> Span {
        take_span(&mut self.reader(position, SPAN_AT))
    }

    /// `Diagnostic::sort_key` of the finding at `position`.
    fn key_at(&self, position: u64) -> (usize, usize, Code) {
        let span = self.span_at(position);
        (span.start(), span.end(), self.code_at(position))
    }

    fn forget(&mut self, position: u64) {
        if self.has_more(position) {
            self.rare.remove(&position);
        }
    }

    /// Writes the finding at `position` of `from` again here, a message at
    /// a time (as `read` then `write` would, without the whole finding at
    /// once), its rare parts moved; its position here.
    fn write_from(&mut self, from: &mut Records, position: u64) -> u64 {
        let mut r = from.reader(position, 0);
        let Records { scratch, ids, .. } = self;
        scratch.clear();
        let head = [r.byte(), r.byte(), r.byte()];
        scratch.extend_from_slice(&head);
        let flags = head[FLAGS_AT];
        // The primary span, the message, the label and the help.
        put_span(scratch, take_span(&mut r));
        let messages = if flags & HAS_HELP != 0 { 3 } else { 2 };
        for _ in 0..messages {
            put_message(scratch, ids, &take_message(&mut r, &from.ids));
        }
        if flags & HAS_LABELS != 0 {
            let count = r.usize();
            put_varint(scratch, count as u64);
            for _ in 0..count {
                put_span(scratch, take_span(&mut r));
                put_message(scratch, ids, &take_message(&mut r, &from.ids));
            }
        }
        let rare = from.rare.remove(&position);
        let position = self.place();
        if let Some(more) = rare {
            self.rare.insert(position, more);
        }
        position
    }

    fn read(&self, position: u64) -> Diagnostic {
        let mut r = self.reader(position, 0);
        let code = code_of(r.byte());
        let severity = severity_of(r.byte());
        let flags = r.byte();
        let span = take_span(&mut r);
        let message = take_message(&mut r, &self.ids);
        let label = take_message(&mut r, &self.ids);
        let help = (flags & HAS_HELP != 0).then(|| take_message(&mut r, &self.ids));
        let mut secondary = Vec::new();
        if flags & HAS_LABELS != 0 {
            let count = r.usize();
            secondary.reserve_exact(count.min(r.bytes.len()));
            for _ in 0..count {
                let span = take_span(&mut r);
                secondary.push(Label::new(span, take_message(&mut r, &self.ids)));
            }
        }
        let more = match flags & HAS_MORE {
            0 => None,
            _ => {
                let mut more = self.rare.get(&position).cloned().unwrap_or_default();
                more.secondary = secondary;
                Some(more)
            }
        };
        Diagnostic {
            code,
            severity,
            message,
            primary: Label::new(span, label),
            help,
            more,
        }
    }
}

impl Findings {
    pub fn new() -> Findings {
        Findings::default()
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Adds `d` after the others.
    pub fn push(&mut self, d: Diagnostic) {
        let position = self.records.write(d);
        self.order.push(position);
    }

    /// Adds `d` with `labels` after its own secondary labels, written one
    /// by one (as `push(d.with_labels(labels))`, for a finding with very
    /// many labels: a loop as long as the plan).
    pub fn push_with_labels(&mut self, d: Diagnostic, labels: impl IntoIterator<Item = Label>) {
        let position = self.records.write_with(d, labels);
        self.order.push(position);
    }

    /// The `i`th finding, read back whole.
    pub fn get(&self, i: usize) -> Option<Diagnostic> {
        self.order.get(i).map(|&p| self.records.read(p))
    }

    /// The `i`th finding's code and primary span, without reading the rest.
    pub fn code_and_span(&self, i: usize) -> Option<(Code, Span)> {
        self.order
            .get(i)
            .map(|&p| (self.records.code_at(p), self.records.span_at(p)))
    }

    /// Every finding in order, each read back as it is reached.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Diagnostic> + '_ {
        self.order.iter().map(|&p| self.records.read(p))
    }

    /// The bytes its findings are written in.
    pub fn packed_bytes(&self) -> usize {
        self.records.chunks.iter().map(Vec::len).sum()
    }

    /// Every finding's severity in order, without reading the rest.
    pub fn severities(&self) -> impl Iterator<Item = Severity> + '_ {
        self.order.iter().map(|&p| self.records.severity_at(p))
    }

    /// All of them as diagnostics, for the callers that keep them (the
    /// editor, the outputs of a valid plan, tests).
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.iter().collect()
    }

    /// Keeps the findings for which `keep` gives true, given each one's
    /// index; the bytes of the others stay until the store is dropped
    /// (they are few, or the store is about to be reported).
    pub fn retain_indices(&mut self, mut keep: impl FnMut(usize) -> bool) {
        let Findings { order, records } = self;
        let mut i = 0;
        order.retain(|&p| {
            i += 1;
            keep(i - 1) || {
                records.forget(p);
                false
            }
        });
    }

    /// Keeps the findings for which `keep` gives true, each read back whole.
    pub fn retain(&mut self, mut keep: impl FnMut(&Diagnostic) -> bool) {
        let Findings { order, records } = self;
        order.retain(|&p| {
            keep(&records.read(p)) || {
                records.forget(p);
                false
            }
        });
    }

    /// Gives each finding the severity `severity` gives its code, dropping
    /// those it gives none, and the regulation `cited` gives its code when
    /// it cites none of its own (`check::finish`).
    pub fn settle(
        &mut self,
        mut severity: impl FnMut(Code) -> Option<Severity>,
        mut cited: impl FnMut(Code) -> Option<Source>,
    ) {
        let Findings { order, records } = self;
        order.retain(|&p| {
            let code = records.code_at(p);
            let Some(s) = severity(code) else {
                records.forget(p);
                return false;
            };
            let (chunk, offset) = split(p);
            let record = &mut records.chunks[chunk][offset..];
            record[SEVERITY_AT] = s as u8;
            let own = records.rare.get(&p).and_then(|m| m.source);
            if own.is_none()
                && let Some(source) = cited(code)
            {
                record[FLAGS_AT] |= HAS_MORE;
                records.rare.entry(p).or_default().source = Some(source);
            }
            true
        });
    }

    /// Sorts by `Diagnostic::sort_key`, those with equal keys in the order
    /// they were pushed (as a stable sort of the diagnostics would), by
    /// sorting their positions alone.
    pub fn sort_by_position(&mut self) {
        let Findings { order, records } = self;
        if !order.is_sorted_by_key(|&p| records.key_at(p)) {
            order.sort_unstable_by_key(|&p| (records.key_at(p), p));
        }
    }

    /// Moves `other`'s findings after these, in their order (written again
    /// with this store's numbers for ids).
    pub fn append(&mut self, other: Findings) {
        let Findings {
            order,
            records: mut from,
        } = other;
        self.order.reserve_exact(order.len());
        for p in order {
            let position = self.records.write_from(&mut from, p);
            self.order.push(position);
        }
    }
}

impl Extend<Diagnostic> for Findings {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, iter: I) {
        for d in iter {
            self.push(d);
        }
    }
}

impl FromIterator<Diagnostic> for Findings {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Findings {
        let mut findings = Findings::new();
        findings.extend(iter);
        findings
    }
}

impl From<Vec<Diagnostic>> for Findings {
    fn from(diagnostics: Vec<Diagnostic>) -> Findings {
        diagnostics.into_iter().collect()
    }
}

/// What a report lists: diagnostics held whole (a slice, a vector) or
/// packed (`Findings`), each read in order as it is written.
pub trait Listing: Sync {
    fn len(&self) -> usize;

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every finding in order.
    fn each(&self) -> Box<dyn Iterator<Item = Cow<'_, Diagnostic>> + '_>;

    /// Every finding's severity in order.
    fn severities(&self) -> Box<dyn Iterator<Item = Severity> + '_> {
        Box::new(self.each().map(|d| d.severity))
    }
}

impl Listing for [Diagnostic] {
    fn len(&self) -> usize {
        <[Diagnostic]>::len(self)
    }

    fn each(&self) -> Box<dyn Iterator<Item = Cow<'_, Diagnostic>> + '_> {
        Box::new(self.iter().map(Cow::Borrowed))
    }
}

impl<const N: usize> Listing for [Diagnostic; N] {
    fn len(&self) -> usize {
        N
    }

    fn each(&self) -> Box<dyn Iterator<Item = Cow<'_, Diagnostic>> + '_> {
        Box::new(self.iter().map(Cow::Borrowed))
    }
}

impl Listing for Vec<Diagnostic> {
    fn len(&self) -> usize {
        Vec::len(self)
    }

    fn each(&self) -> Box<dyn Iterator<Item = Cow<'_, Diagnostic>> + '_> {
        Box::new(self.iter().map(Cow::Borrowed))
    }
}

impl Listing for Findings {
    fn len(&self) -> usize {
        Findings::len(self)
    }

    fn each(&self) -> Box<dyn Iterator<Item = Cow<'_, Diagnostic>> + '_> {
        Box::new(self.iter().map(Cow::Owned))
    }

    fn severities(&self) -> Box<dyn Iterator<Item = Severity> + '_> {
        Box::new(Findings::severities(self))
    }
}
