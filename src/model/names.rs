//! The names a plan defines and what each denotes: the one table every
//! reference is resolved with, kept in the model (`Model::symbols`) for the
//! later stages. A name of up to 16 bytes (nearly every one) is kept in the
//! table itself, so that resolving a reference reads no source text (in a
//! large plan, that read is a cache miss far more often than not). The
//! hash table holds only each name's index in a list of them: 36 bytes a
//! name in the list and 5 a slot in the table, where a table of the
//! entries themselves took 75 bytes a name.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::BuildHasher;

use foldhash::fast::FixedState;
use hashbrown::{HashTable, hash_table};

use super::{Kind, Symbol};
use crate::span::Span;

/// Where a name was first defined, its kind and what it denotes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Definition {
    span: Span,
    pub kind: Kind,
    pub symbol: Symbol,
}

impl Definition {
    pub fn new(span: Span, kind: Kind, symbol: Symbol) -> Self {
        Definition { span, kind, symbol }
    }

    pub fn span(&self) -> Span {
        self.span
    }
}

/// Every name a plan defines and what it denotes.
#[derive(Clone, Default)]
pub struct Names<'s> {
    /// Names of up to 16 bytes, zero-padded (a name has no NUL byte), in
    /// the order defined.
    short: Vec<([u8; 16], Definition)>,
    /// The index in `short` of each, by its name's hash (foldhash: fixed
    /// seed, fast on short keys): 4 bytes a slot, where an entry in the
    /// slot took 36 and a table is at most 7/8 full, most often half (75
    /// bytes a name: issue 19, memory per byte).
    table: HashTable<u32>,
    long: HashMap<&'s str, Definition, FixedState>,
}

fn hash(key: &[u8; 16]) -> u64 {
    FixedState::default().hash_one(key)
}

fn short_key(name: &str) -> Option<[u8; 16]> {
    let bytes = name.as_bytes();
    if bytes.len() > 16 || bytes.contains(&0) {
        return None;
    }
    let mut key = [0u8; 16];
    key[..bytes.len()].copy_from_slice(bytes);
    Some(key)
}

/// The name a short key holds (the bytes of a `&str`, zero-padded).
fn short_name(key: &[u8; 16]) -> &str {
    let len = key.iter().position(|&b| b == 0).unwrap_or(16);
    std::str::from_utf8(&key[..len]).unwrap_or_default()
}

impl<'s> Names<'s> {
    pub(super) fn with_capacity(capacity: usize) -> Self {
        Names {
            short: Vec::with_capacity(capacity),
            table: HashTable::with_capacity(capacity),
            long: HashMap::with_hasher(FixedState::default()),
        }
    }

    pub(super) fn definition(&self, name: &str) -> Option<&Definition> {
        match short_key(name) {
            Some(key) => {
                let at = self
                    .table
                    .find(hash(&key), |&i| self.short[i as usize].0 == key)?;
                Some(&self.short[*at as usize].1)
            }
            None => self.long.get(name),
        }
    }

    /// What `name` denotes, if it is defined.
    pub fn get(&self, name: &str) -> Option<&Symbol> {
        self.definition(name).map(|d| &d.symbol)
    }

    /// What `name` denotes and what kind of thing it is (a drill, where its
    /// symbol says only "routine"), for "`x` is a step, not a fact".
    pub fn lookup(&self, name: &str) -> Option<(Symbol, Kind)> {
        self.definition(name).map(|d| (d.symbol, d.kind))
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.definition(name).is_some()
    }

    /// Every name and what it denotes, in no order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Symbol)> {
        let short = self.short.iter().map(|(k, d)| (short_name(k), &d.symbol));
        short.chain(self.long.iter().map(|(k, d)| (*k, &d.symbol)))
    }

    pub fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Records the first definition of `name`; a later one gets the first back.
    pub(super) fn define(
        &mut self,
        name: &'s str,
        definition: Definition,
    ) -> Result<(), Definition> {
        let Some(key) = short_key(name) else {
            return match self.long.entry(name) {
                Entry::Occupied(first) => Err(*first.get()),
                Entry::Vacant(slot) => {
                    slot.insert(definition);
                    Ok(())
                }
            };
        };
        let short = &mut self.short;
        let found = self.table.entry(
            hash(&key),
            |&i| short[i as usize].0 == key,
            |&i| hash(&short[i as usize].0),
        );
        match found {
            hash_table::Entry::Occupied(first) => Err(short[*first.get() as usize].1),
            hash_table::Entry::Vacant(slot) => {
                slot.insert(short.len() as u32);
                short.push((key, definition));
                Ok(())
            }
        }
    }
}

/// Equal when they define the same names alike, in whatever order.
impl PartialEq for Names<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.long == other.long
            && self.short.len() == other.short.len()
            && (self.short.iter()).all(|(k, d)| other.definition(short_name(k)) == Some(d))
    }
}

/// Shown as a map of each name to its definition, in the order defined.
impl std::fmt::Debug for Names<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let short = self.short.iter().map(|(k, d)| (short_name(k), d));
        f.debug_map()
            .entries(short.chain(self.long.iter().map(|(k, d)| (*k, d))))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RoleId;

    fn def(start: usize) -> Definition {
        Definition::new(
            Span::new(start, start + 1),
            Kind::Role,
            Symbol::Role(RoleId(start as u32)),
        )
    }

    #[test]
    fn short_and_long_names_resolve_and_keep_their_first_definition() {
        let long = "a_name_longer_than_sixteen_bytes";
        let mut names = Names::with_capacity(4);
        for (i, name) in ["组长", "a", "ab", long, "1234567890123456"]
            .iter()
            .enumerate()
        {
            assert!(names.define(name, def(i)).is_ok(), "{name}");
        }
        assert_eq!(
            names.define("ab", def(9)).map_err(|d| d.span().start()),
            Err(2)
        );
        assert_eq!(
            names.define(long, def(9)).map_err(|d| d.span().start()),
            Err(3)
        );
        assert_eq!(names.definition("组长").map(|d| d.span().start()), Some(0));
        assert_eq!(names.definition(long).map(|d| d.span().start()), Some(3));
        assert_eq!(names.get("a"), Some(&Symbol::Role(RoleId(1))));
        let mut all: Vec<&str> = names.iter().map(|(name, _)| name).collect();
        all.sort_unstable();
        assert_eq!(all, ["1234567890123456", "a", long, "ab", "组长"]);
        assert_eq!(names.len(), 5);
        assert!(names.get("abc").is_none() && names.get("").is_none());
    }
}
