//! Messages as bytes, for `diagnostic::Findings`: a plan may have hundreds
//! of thousands of findings, each with three messages, and a `Message` with
//! its placeholders takes about a hundred bytes of heap where its bytes take
//! a dozen. Ids and placeholder names are written as small numbers of a
//! table (`Ids`), texts inline with their length, numbers as varints.

use super::{Arg, Message, Names};

/// The `&'static str`s (message ids, placeholder names) of one store, each
/// written as its number here. Found by address: the same literal at two
/// addresses gets two numbers, which read back as the same text.
#[derive(Debug, Default, Clone)]
pub(crate) struct Ids {
    table: Vec<&'static str>,
    numbers: foldhash::HashMap<(usize, usize), u32>,
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

/// Appends `message`: its id, its placeholders' count, then each one's name,
/// kind and value.
pub(crate) fn put_message(out: &mut Vec<u8>, ids: &mut Ids, message: &Message) {
    put_varint(out, ids.number(message.id));
    let args = message.args();
    put_varint(out, args.len() as u64);
    for (name, arg) in args {
        put_varint(out, ids.number(name));
        match arg {
            Arg::Text(text) => {
                out.push(TEXT);
                put_text(out, text);
            }
            Arg::Number(n) => {
                out.push(NUMBER);
                put_varint(out, *n);
            }
            Arg::Message(m) => {
                out.push(MESSAGE);
                put_message(out, ids, m);
            }
            Arg::Words(id) => {
                out.push(WORDS);
                put_varint(out, ids.number(id));
            }
            Arg::Names(names) | Arg::Path(names) => {
                out.push(if matches!(arg, Arg::Names(_)) {
                    NAMES
                } else {
                    PATH
                });
                put_varint(out, names.max as u64);
                put_varint(out, names.omitted as u64);
                put_varint(out, names.names.len() as u64);
                for name in &names.names {
                    put_text(out, name);
                }
            }
            Arg::Either(messages) => {
                out.push(EITHER);
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
    let id = ids.get(r.varint());
    let count = r.usize();
    let mut args = Vec::with_capacity(count.min(r.bytes.len()));
    for _ in 0..count {
        let name = ids.get(r.varint());
        let arg = match r.byte() {
            TEXT => Arg::Text(r.text().into()),
            NUMBER => Arg::Number(r.varint()),
            MESSAGE => Arg::Message(Box::new(take_message(r, ids))),
            WORDS => Arg::Words(ids.get(r.varint())),
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
