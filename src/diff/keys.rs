//! An item's content as a key, for finding renamed items: everything but its
//! name and where it is written, lists whose order means nothing sorted, and
//! references written as the pair they belong to (a reference to an unpaired
//! item never equals anything on the other side).

use std::fmt::Write;
use std::hash::{Hash, Hasher};

use super::matching::{Kind, Matching};
use crate::model::{Cond, Condition, FactType, Model, Party};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Old,
    New,
}

struct Key<'m> {
    side: Side,
    matching: &'m Matching,
    out: String,
}

impl Key<'_> {
    /// A reference to item `i` of `kind` on this side.
    fn reference(&self, kind: Kind, i: usize) -> String {
        let tag = kind as u8;
        let pairing = self.matching.of(kind);
        match self.side {
            Side::Old => match pairing.new_of(i) {
                Some(j) => format!("{tag}:{j}"),
                None => format!("{tag}:old{i}"),
            },
            Side::New => match pairing.old_of(i) {
                Some(_) => format!("{tag}:{i}"),
                None => format!("{tag}:new{i}"),
            },
        }
    }

    fn party(&self, party: Party) -> String {
        match party {
            Party::Role(r) => self.reference(Kind::Role, r.index()),
            Party::External(e) => self.reference(Kind::External, e.index()),
        }
    }

    /// A variant `v` of fact `fact` on this side.
    fn variant(&self, fact: usize, v: u32) -> String {
        let paired = match self.side {
            Side::Old => self
                .matching
                .variants
                .get(fact)
                .and_then(|p| p.new_of(v as usize)),
            Side::New => {
                let old_fact = self.matching.facts.old_of(fact);
                old_fact
                    .and_then(|f| self.matching.variants.get(f))
                    .and_then(|p| p.old_of(v as usize))
                    .map(|_| v as usize)
            }
        };
        match paired {
            Some(j) => format!("v{j}"),
            None => format!("v{:?}{v}", self.side),
        }
    }

    /// A field: length-prefixed, so that no two sequences of fields run together.
    fn field(&mut self, text: &str) {
        let _ = write!(self.out, "{}:{text};", text.len());
    }

    fn sorted(&mut self, mut items: Vec<String>) {
        items.sort_unstable();
        let _ = write!(self.out, "[{}]", items.len());
        for item in items {
            self.field(&item);
        }
    }

    fn optional(&mut self, value: Option<String>) {
        match value {
            Some(v) => self.field(&v),
            None => self.out.push('-'),
        }
    }
}

/// The content key of item `i` of `kind` in `model`, which is the `side` plan.
pub fn content(model: &Model, side: Side, matching: &Matching, kind: Kind, i: usize) -> String {
    let mut k = Key {
        side,
        matching,
        out: String::new(),
    };
    let strs = |v: &[crate::syntax::ast::Str]| -> Vec<String> {
        v.iter().map(|s| s.value.to_string()).collect()
    };
    match kind {
        Kind::Role => {
            let r = &model.roles[i];
            k.field(&model.label(&r.named));
            k.optional(r.holder.as_ref().map(|h| h.value.to_string()));
            k.sorted(strs(&r.phones));
            k.optional(r.deputy.map(|d| k.party(Party::Role(d.id))));
            k.sorted(strs(&r.duties));
            let escalations = r
                .escalations
                .iter()
                .map(|e| {
                    format!(
                        "{}@{:?}",
                        k.party(e.target.id),
                        e.within().map(|d| d.seconds)
                    )
                })
                .collect();
            k.sorted(escalations);
            k.sorted(r.members.iter().map(|m| k.party(m.id)).collect());
            k.sorted(strs(&r.texts));
        }
        Kind::External => {
            let e = &model.externals[i];
            k.field(&model.label(&e.named));
            k.optional(e.holder.as_ref().map(|h| h.value.to_string()));
            k.sorted(strs(&e.phones));
            k.sorted(strs(&e.texts));
        }
        Kind::Fact => {
            let f = &model.facts[i];
            k.field(&model.label(&f.named));
            match &f.ty {
                FactType::Count => k.field("count"),
                FactType::Number { .. } => k.field("number"),
                FactType::Flag => k.field("flag"),
                FactType::OneOf(variants) => k.sorted(
                    variants
                        .iter()
                        .map(|v| format!("{}={}", v.name, v.label.value))
                        .collect(),
                ),
            }
        }
        Kind::Level => {
            let l = &model.levels[i];
            k.field(&model.label(&l.named));
            k.optional(l.until.as_ref().map(|u| u.value.to_string()));
            k.sorted(strs(&l.texts));
        }
        Kind::Trigger => {
            let t = &model.triggers[i];
            k.field(&model.label(&t.named));
            k.optional(t.level.map(|l| k.reference(Kind::Level, l.id.0 as usize)));
            let shape = condition_hash(&k, &model.conditions.get(t.condition));
            k.field(&format!("{shape:016x}"));
        }
        Kind::Step => {
            let s = &model.steps[i];
            k.field(&model.label(&s.named));
            k.optional(s.owner.map(|o| k.reference(Kind::Role, o.id.index())));
            let on = model
                .on(s)
                .map(|t| k.reference(Kind::Trigger, t.id.index()));
            k.sorted(on.collect());
            let after = s
                .after
                .iter()
                .map(|a| k.reference(Kind::Step, a.id.index()));
            k.sorted(after.collect());
            k.sorted(s.with().iter().map(|p| k.party(p.id)).collect());
            let deadlines = s
                .deadlines()
                .iter()
                .map(|d| {
                    let mut only: Vec<String> = d
                        .only_for
                        .iter()
                        .map(|t| k.reference(Kind::Trigger, t.id.index()))
                        .collect();
                    only.sort_unstable();
                    let from = d.from.map(|f| k.reference(Kind::Step, f.id.index()));
                    format!("{}@{from:?}@{only:?}", d.within.seconds)
                })
                .collect();
            k.sorted(deadlines);
            k.sorted(s.notify().iter().map(|p| k.party(p.id)).collect());
            k.optional(s.until().map(|u| u.value.to_string()));
            k.optional(s.every().map(|d| d.seconds.to_string()));
            k.sorted(strs(s.texts()));
        }
        Kind::Routine | Kind::Drill => {
            let r = &model.routines[i];
            k.field(if r.drill { "drill" } else { "routine" });
            k.field(&model.label(&r.named));
            k.optional(r.owner.map(|o| k.reference(Kind::Role, o.id.index())));
            k.sorted(r.with.iter().map(|p| k.party(p.id)).collect());
            k.optional(r.every.map(|d| d.seconds.to_string()));
            k.optional(r.last.map(|d| d.to_string()));
            k.sorted(strs(&r.texts));
        }
    }
    k.out
}

/// The shape of trigger `t`'s own condition (see `condition_hash`), on `side`.
pub fn condition_shape(model: &Model, side: Side, matching: &Matching, t: usize) -> u64 {
    let k = Key {
        side,
        matching,
        out: String::new(),
    };
    condition_hash(&k, &model.conditions.get(model.triggers[t].condition))
}

/// A hash of a condition's shape with its references as pairs: `and` and
/// `or` are unordered. Computed children first over the arena, so a deep
/// condition costs no recursion.
fn condition_hash(k: &Key, condition: &Condition) -> u64 {
    let mut hashes: Vec<u64> = Vec::with_capacity(condition.len());
    let hash = |parts: &dyn Fn(&mut std::hash::DefaultHasher)| {
        let mut h = std::hash::DefaultHasher::new();
        parts(&mut h);
        h.finish()
    };
    for node in condition.nodes() {
        let child = |c: &crate::model::CondId| hashes.get(c.0 as usize).copied().unwrap_or(0);
        let value = match &node {
            Cond::Compare {
                fact, op, value, ..
            } => hash(&|h| {
                (
                    0u8,
                    k.reference(Kind::Fact, fact.index()),
                    *op as u8,
                    *value,
                )
                    .hash(h)
            }),
            Cond::In { fact, variants, .. } => {
                let mut vs: Vec<String> = variants
                    .iter()
                    .map(|v| k.variant(fact.index(), *v))
                    .collect();
                vs.sort_unstable();
                hash(&|h| (1u8, k.reference(Kind::Fact, fact.index()), &vs).hash(h))
            }
            Cond::Flag { fact, .. } => {
                hash(&|h| (2u8, k.reference(Kind::Fact, fact.index())).hash(h))
            }
            Cond::Trigger { trigger, .. } => {
                hash(&|h| (3u8, k.reference(Kind::Trigger, trigger.index())).hash(h))
            }
            Cond::Not(c, _) => hash(&|h| (4u8, child(c)).hash(h)),
            Cond::And(cs, _) | Cond::Or(cs, _) => {
                let mut kids: Vec<u64> = cs.iter().map(child).collect();
                kids.sort_unstable();
                let tag = if matches!(node, Cond::And(..)) {
                    5u8
                } else {
                    6
                };
                hash(&|h| (tag, &kids).hash(h))
            }
            Cond::Unknown(_) => hash(&|h| 7u8.hash(h)),
        };
        hashes.push(value);
    }
    hashes.get(condition.root.0 as usize).copied().unwrap_or(0)
}
