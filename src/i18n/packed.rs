//! Messages as bytes, for `diagnostic::Findings`: a plan may have hundreds
//! of thousands of findings, each with three messages, and a `Message` with
//! its placeholders takes about a hundred bytes of heap where its bytes take
//! a few. What the findings of one kind share — the message's id, its
//! placeholders' names and kinds, the words without placeholders
//! (`Arg::Words`) — is its shape, written once in a table (`Ids`); each
//! message is its shape's number and then its values: texts inline with
//! their length, numbers as varints (an `undefined-name` finding's three
//! messages took 30 bytes, 17 so).

use super::{Arg, Message, Names};

/// The `&'static str`s (message ids, placeholder names) of one store, each
/// written as its number here, and the shapes of its messages. A text is
/// found by address: the same literal at two addresses gets two numbers,
/// which read back as the same text.
#[derive(Debug, Default, Clone)]
pub(crate) struct Ids {
    table: Vec<&'static str>,
    numbers: foldhash::HashMap<(usize, usize), u32>,
    /// Each shape: its id's number, its placeholders' count, then each
    /// one's name's number and kind, and a word's number (`WORDS`).
    shapes: Vec<Box<[u8]>>,
    shape_numbers: foldhash::HashMap<Box<[u8]>, u32>,
    /// The number of the shape of a message of a few placeholders, found by
    /// the addresses of its texts: one look-up where writing its shape took
    /// one per text and one for the shape.
    keyed: foldhash::HashMap<ShapeKey, u32>,
    /// The shape being written.
    scratch: Vec<u8>,
}

/// The most placeholders of a message whose shape is found by `ShapeKey`
/// (nearly every message has fewer).
const KEYED_ARGS: usize = 3;

/// A message's id, then each placeholder's name and its kind or words, as
/// addresses and lengths (a kind as its number with length `usize::MAX`,
/// which no text has).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct ShapeKey([(usize, usize); 1 + 2 * KEYED_ARGS]);

fn text_key(text: &str) -> (usize, usize) {
    (text.as_ptr() as usize, text.len())
}

impl ShapeKey {
    fn of(message: &Message) -> Option<ShapeKey> {
        let args = message.args();
        if args.len() > KEYED_ARGS {
            return None;
        }
        let mut key = [(0, 0); 1 + 2 * KEYED_ARGS];
        key[0] = text_key(message.id);
        for (i, (name, arg)) in args.iter().enumerate() {
            key[1 + 2 * i] = text_key(name);
            key[2 + 2 * i] = match arg {
                Arg::Words(words) => text_key(words),
                _ => (usize::from(kind_of(arg)), usize::MAX),
            };
        }
        Some(ShapeKey(key))
    }
}

impl Ids {
    fn number(&mut self, id: &'static str) -> u64 {
        let table = &mut self.table;
        let n = *self
            .numbers
            .entry((id.as_ptr() as usize, id.len()))
            .or_insert_with(|| {
                table.push(id);
                (table.len() - 1) as u32
            });
        u64::from(n)
    }

    /// The number of the shape in `scratch`.
    fn scratch_number(&mut self) -> u64 {
        let n = match self.shape_numbers.get(self.scratch.as_slice()) {
            Some(&n) => n,
            None => {
                let n = self.shapes.len() as u32;
                let shape: Box<[u8]> = self.scratch.as_slice().into();
                self.shapes.push(shape.clone());
                self.shape_numbers.insert(shape, n);
                n
            }
        };
        u64::from(n)
    }

    fn shape(&self, n: u64) -> &[u8] {
        usize::try_from(n)
            .ok()
            .and_then(|n| self.shapes.get(n))
            .map_or(&[], |s| &**s)
    }

    fn get(&self, n: u64) -> &'static str {
        usize::try_from(n)
            .ok()
            .and_then(|n| self.table.get(n))
            .copied()
            .unwrap_or_default()
    }
}

/// Appends `n` as a LEB128 varint (7 bits a byte, low first).
pub(crate) fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads bytes written by `put_varint` and `put_message`. Bytes are only
/// ever read as they were written by the same store, so a short read (which
/// cannot happen) gives zeros and empty texts rather than a panic.
pub(crate) struct Reader<'b> {
    pub(crate) bytes: &'b [u8],
    pub(crate) at: usize,
}

impl<'b> Reader<'b> {
    pub(crate) fn new(bytes: &'b [u8], at: usize) -> Self {
        Reader { bytes, at }
    }

    pub(crate) fn byte(&mut self) -> u8 {
        let b = self.bytes.get(self.at).copied().unwrap_or_default();
        self.at += 1;
        b
    }

    pub(crate) fn varint(&mut self) -> u64 {
        let mut n = 0u64;
        let mut shift = 0;
        loop {
            let b = self.byte();
            if shift < 64 {
                n |= u64::from(b & 0x7f) << shift;
            }
            if b & 0x80 == 0 {
                return n;
            }
            shift += 7;
        }
    }

    pub(crate) fn usize(&mut self) -> usize {
        usize::try_from(self.varint()).unwrap_or(usize::MAX)
    }

    pub(crate) fn text(&mut self) -> &'b str {
        let len = self.usize();
        let end = self.at.saturating_add(len).min(self.bytes.len());
        let start = self.at.min(end);
        self.at = end;
        std::str::from_utf8(&self.bytes[start..end]).unwrap_or_default()
    }
}

fn put_text(out: &mut Vec<u8>, text: &str) {
    put_varint(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

// The kinds of placeholder, as written.
const TEXT: u8 = 0;
const NUMBER: u8 = 1;
const MESSAGE: u8 = 2;
const WORDS: u8 = 3;
const NAMES: u8 = 4;
const PATH: u8 = 5;
const EITHER: u8 = 6;

fn kind_of(arg: &Arg) -> u8 {
    match arg {
        Arg::Text(_) => TEXT,
        Arg::Number(_) => NUMBER,
        Arg::Message(_) => MESSAGE,
        Arg::Words(_) => WORDS,
        Arg::Names(_) => NAMES,
        Arg::Path(_) => PATH,
        Arg::Either(_) => EITHER,
    }
}

/// The number of `message`'s shape, written into the table if new.
fn shape_number(ids: &mut Ids, message: &Message) -> u64 {
    let Some(key) = ShapeKey::of(message) else {
        return written_shape(ids, message);
    };
    if let Some(&n) = ids.keyed.get(&key) {
        return u64::from(n);
    }
    let n = written_shape(ids, message);
    ids.keyed.insert(key, n as u32);
    n
}

/// `shape_number`, by writing the shape.
fn written_shape(ids: &mut Ids, message: &Message) -> u64 {
    let args = message.args();
    let mut shape = std::mem::take(&mut ids.scratch);
    shape.clear();
    put_varint(&mut shape, ids.number(message.id));
    put_varint(&mut shape, args.len() as u64);
    for (name, arg) in args {
        put_varint(&mut shape, ids.number(name));
        shape.push(kind_of(arg));
        if let Arg::Words(id) = arg {
            put_varint(&mut shape, ids.number(id));
        }
    }
    ids.scratch = shape;
    ids.scratch_number()
}

/// Appends `message`: its shape's number, then the value of each
/// placeholder but words (`Arg::Words`, part of the shape).
pub(crate) fn put_message(out: &mut Vec<u8>, ids: &mut Ids, message: &Message) {
    put_varint(out, shape_number(ids, message));
    for (_, arg) in message.args() {
        match arg {
            Arg::Text(text) => put_text(out, text),
            Arg::Number(n) => put_varint(out, *n),
            Arg::Message(m) => put_message(out, ids, m),
            Arg::Words(_) => {}
            Arg::Names(names) | Arg::Path(names) => {
                put_varint(out, names.max as u64);
                put_varint(out, names.omitted as u64);
                put_varint(out, names.names.len() as u64);
                for name in &names.names {
                    put_text(out, name);
                }
            }
            Arg::Either(messages) => {
                put_varint(out, messages.len() as u64);
                for m in messages {
                    put_message(out, ids, m);
                }
            }
        }
    }
}

/// Reads a message written by `put_message` with the same `ids`.
pub(crate) fn take_message(r: &mut Reader, ids: &Ids) -> Message {
    let mut shape = Reader::new(ids.shape(r.varint()), 0);
    let id = ids.get(shape.varint());
    let count = shape.usize();
    let mut args = Vec::with_capacity(count.min(shape.bytes.len()));
    for _ in 0..count {
        let name = ids.get(shape.varint());
        let arg = match shape.byte() {
            TEXT => Arg::Text(r.text().into()),
            NUMBER => Arg::Number(r.varint()),
            MESSAGE => Arg::Message(Box::new(take_message(r, ids))),
            WORDS => Arg::Words(ids.get(shape.varint())),
            kind @ (NAMES | PATH) => {
                let max = r.usize();
                let omitted = r.usize();
                let count = r.usize();
                let names = (0..count).map(|_| r.text().to_string()).collect();
                let names = Box::new(Names {
                    names,
                    omitted,
                    max,
                });
                if kind == NAMES {
                    Arg::Names(names)
                } else {
                    Arg::Path(names)
                }
            }
            _ => {
                let count = r.usize();
                Arg::Either((0..count).map(|_| take_message(r, ids)).collect())
            }
        };
        args.push((name, arg));
    }
    Message::with_args(id, args.into_boxed_slice())
}
