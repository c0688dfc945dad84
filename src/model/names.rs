//! The names a plan defines and what each denotes: the one table every
//! reference is resolved with, kept in the model (`Model::symbols`) for the
//! later stages. A name of up to 16 bytes (nearly every one) is kept in the
//! table itself, so that resolving a reference reads no source text (in a
//! large plan, that read is a cache miss far more often than not); an entry
//! is 36 bytes, so that more of the table stays in the cache.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use foldhash::fast::FixedState;

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

/// Every name a plan defines and what it denotes (foldhash: fixed seed, fast
/// on short keys; its order is no order).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Names<'s> {
    /// Names of up to 16 bytes, zero-padded (a name has no NUL byte).
    short: HashMap<[u8; 16], Definition, FixedState>,
    long: HashMap<&'s str, Definition, FixedState>,
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
            short: HashMap::with_capacity_and_hasher(capacity, FixedState::default()),
            long: HashMap::with_hasher(FixedState::default()),
        }
    }

    pub(super) fn definition(&self, name: &str) -> Option<&Definition> {
        match short_key(name) {
            Some(key) => self.short.get(&key),
            None => self.long.get(name),
        }
    }

    /// What `name` denotes, if it is defined.
    pub fn get(&self, name: &str) -> Option<&Symbol> {
        self.definition(name).map(|d| &d.symbol)
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
        match short_key(name) {
            Some(key) => match self.short.entry(key) {
                Entry::Occupied(first) => Err(*first.get()),
                Entry::Vacant(slot) => {
                    slot.insert(definition);
                    Ok(())
                }
            },
            None => match self.long.entry(name) {
                Entry::Occupied(first) => Err(*first.get()),
                Entry::Vacant(slot) => {
                    slot.insert(definition);
                    Ok(())
                }
            },
        }
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
