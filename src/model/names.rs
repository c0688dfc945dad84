//! The names a plan defines and what each denotes: the table every reference
//! is resolved with. A name of up to 16 bytes (nearly every one) is kept in
//! the table itself, so that resolving a reference reads no source text (in
//! a large plan, that read is a cache miss far more often than not).

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use foldhash::fast::FixedState;

use super::{Kind, Symbol};
use crate::span::Span;

#[derive(Debug, Clone, Copy)]
pub(super) struct Definition {
    /// Where the name was first defined.
    pub span: Span,
    pub kind: Kind,
    pub symbol: Symbol,
}

pub(super) struct Names<'s> {
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

impl<'s> Names<'s> {
    pub fn with_capacity(capacity: usize) -> Self {
        Names {
            short: HashMap::with_capacity_and_hasher(capacity, FixedState::default()),
            long: HashMap::with_hasher(FixedState::default()),
        }
    }

    pub fn get(&self, name: &str) -> Option<&Definition> {
        match short_key(name) {
            Some(key) => self.short.get(&key),
            None => self.long.get(name),
        }
    }

    /// Records the first definition of `name`; a later one gets the first back.
    pub fn define(&mut self, name: &'s str, definition: Definition) -> Result<(), Definition> {
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
        Definition {
            span: Span::new(start, start + 1),
            kind: Kind::Role,
            symbol: Symbol::Role(RoleId(start as u32)),
        }
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
        assert_eq!(names.define("ab", def(9)).map_err(|d| d.span.start), Err(2));
        assert_eq!(names.define(long, def(9)).map_err(|d| d.span.start), Err(3));
        assert_eq!(names.get("组长").map(|d| d.span.start), Some(0));
        assert_eq!(names.get(long).map(|d| d.span.start), Some(3));
        assert!(names.get("abc").is_none() && names.get("").is_none());
    }
}
