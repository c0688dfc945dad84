//! Which item of the old plan is which item of the new one.
//!
//! Items are paired per kind, in three rounds:
//! 1. by name;
//! 2. by content: an unpaired old item and an unpaired new item whose
//!    content (everything but the name, references compared through the
//!    pairs found so far) is the same are one item renamed. Repeated while it
//!    pairs more, since a rename can make the content of items referring to
//!    it equal;
//! 3. by label: what is still unpaired and has a label no other unpaired
//!    item of its kind on either side has is the same item renamed and
//!    changed.
//!
//! What is left unpaired was removed (old) or added (new).

use std::borrow::Cow;
use std::collections::HashMap;

use super::keys::{self, Side};
pub use crate::model::Kind;
use crate::model::{FactType, Model, Party, Symbol};

/// The pairs of one kind of item, as indexes both ways.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pairing {
    pub old_to_new: Vec<Option<u32>>,
    pub new_to_old: Vec<Option<u32>>,
}

impl Pairing {
    fn new(old: usize, new: usize) -> Pairing {
        Pairing {
            old_to_new: vec![None; old],
            new_to_old: vec![None; new],
        }
    }

    fn pair(&mut self, old: usize, new: usize) -> bool {
        if self.old_to_new[old].is_some() || self.new_to_old[new].is_some() {
            return false;
        }
        self.old_to_new[old] = Some(new as u32);
        self.new_to_old[new] = Some(old as u32);
        true
    }

    pub fn new_of(&self, old: usize) -> Option<usize> {
        self.old_to_new
            .get(old)
            .copied()
            .flatten()
            .map(|i| i as usize)
    }

    pub fn old_of(&self, new: usize) -> Option<usize> {
        self.new_to_old
            .get(new)
            .copied()
            .flatten()
            .map(|i| i as usize)
    }

    fn unpaired_old(&self) -> Vec<usize> {
        (0..self.old_to_new.len())
            .filter(|&i| self.old_to_new[i].is_none())
            .collect()
    }

    fn unpaired_new(&self) -> Vec<usize> {
        (0..self.new_to_old.len())
            .filter(|&i| self.new_to_old[i].is_none())
            .collect()
    }

    fn complete(&self) -> bool {
        self.old_to_new.iter().all(Option::is_some) || self.new_to_old.iter().all(Option::is_some)
    }
}

/// The kinds of item that are paired (a drill is a routine).
const KINDS: [Kind; 7] = [
    Kind::Role,
    Kind::External,
    Kind::Fact,
    Kind::Level,
    Kind::Trigger,
    Kind::Step,
    Kind::Routine,
];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matching {
    pub roles: Pairing,
    pub externals: Pairing,
    pub facts: Pairing,
    pub levels: Pairing,
    pub triggers: Pairing,
    pub steps: Pairing,
    pub routines: Pairing,
    /// Per old fact: its variants' partners in the new fact (empty when the
    /// fact is unpaired or not a `one_of` on both sides).
    pub variants: Vec<Pairing>,
}

impl Matching {
    pub fn of(&self, kind: Kind) -> &Pairing {
        match kind {
            Kind::Role => &self.roles,
            Kind::External => &self.externals,
            Kind::Fact => &self.facts,
            Kind::Level => &self.levels,
            Kind::Trigger => &self.triggers,
            Kind::Step => &self.steps,
            Kind::Routine | Kind::Drill => &self.routines,
        }
    }

    fn of_mut(&mut self, kind: Kind) -> &mut Pairing {
        match kind {
            Kind::Role => &mut self.roles,
            Kind::External => &mut self.externals,
            Kind::Fact => &mut self.facts,
            Kind::Level => &mut self.levels,
            Kind::Trigger => &mut self.triggers,
            Kind::Step => &mut self.steps,
            Kind::Routine | Kind::Drill => &mut self.routines,
        }
    }

    /// The new party an old party became, if it is still there.
    pub fn party(&self, old: Party) -> Option<Party> {
        match old {
            Party::Role(r) => self
                .roles
                .new_of(r.index())
                .map(|i| Party::Role(crate::model::RoleId(i as u32))),
            Party::External(e) => self
                .externals
                .new_of(e.index())
                .map(|i| Party::External(crate::model::ExternalId(i as u32))),
        }
    }
}

/// The number of items of a kind in a model.
pub fn count(model: &Model, kind: Kind) -> usize {
    match kind {
        Kind::Role => model.roles.len(),
        Kind::External => model.externals.len(),
        Kind::Fact => model.facts.len(),
        Kind::Level => model.levels.len(),
        Kind::Trigger => model.triggers.len(),
        Kind::Step => model.steps.len(),
        Kind::Routine | Kind::Drill => model.routines.len(),
    }
}

/// An item's name and label.
pub fn named<'a>(model: &'a Model, kind: Kind, i: usize) -> &'a crate::model::Named {
    match kind {
        Kind::Role => &model.roles[i].named,
        Kind::External => &model.externals[i].named,
        Kind::Fact => &model.facts[i].named,
        Kind::Level => &model.levels[i].named,
        Kind::Trigger => &model.triggers[i].named,
        Kind::Step => &model.steps[i].named,
        Kind::Routine | Kind::Drill => &model.routines[i].named,
    }
}

fn symbol_index(symbol: Symbol, kind: Kind) -> Option<usize> {
    match (symbol, kind) {
        (Symbol::Role(r), Kind::Role) => Some(r.index()),
        (Symbol::External(e), Kind::External) => Some(e.index()),
        (Symbol::Fact(f), Kind::Fact) => Some(f.index()),
        (Symbol::Level(l), Kind::Level) => Some(l.0 as usize),
        (Symbol::Trigger(t), Kind::Trigger) => Some(t.index()),
        (Symbol::Step(s), Kind::Step) => Some(s.index()),
        (Symbol::Routine(r), Kind::Routine | Kind::Drill) => Some(r.0 as usize),
        _ => None,
    }
}

/// Pairs the items of two plans.
pub fn match_plans(old: &Model, new: &Model) -> Matching {
    let mut m = Matching::default();
    for kind in KINDS {
        let mut pairing = Pairing::new(count(old, kind), count(new, kind));
        for i in 0..count(old, kind) {
            let name = old.name(named(old, kind, i));
            if let Some(j) = new.symbols.get(name).and_then(|s| symbol_index(*s, kind)) {
                pairing.pair(i, j);
            }
        }
        *m.of_mut(kind) = pairing;
    }
    // Variants take part in the content of facts: pair them first.
    m.variants = variant_pairings(old, new, &m.facts);
    // Content rounds: bounded, since each pairs at least one more item.
    loop {
        let mut paired = false;
        for kind in KINDS {
            if !m.of(kind).complete() {
                paired |= pair_by_content(old, new, &mut m, kind);
            }
        }
        if !paired {
            break;
        }
        m.variants = variant_pairings(old, new, &m.facts);
    }
    for kind in KINDS {
        pair_by_label(old, new, m.of_mut(kind), kind);
    }
    m.variants = variant_pairings(old, new, &m.facts);
    m
}

fn variant_pairings(old: &Model, new: &Model, facts: &Pairing) -> Vec<Pairing> {
    (0..old.facts.len())
        .map(|i| {
            let Some(j) = facts.new_of(i) else {
                return Pairing::default();
            };
            let (FactType::OneOf(a), FactType::OneOf(b)) = (&old.facts[i].ty, &new.facts[j].ty)
            else {
                return Pairing::default();
            };
            let mut p = Pairing::new(a.len(), b.len());
            for (x, va) in a.iter().enumerate() {
                if let Some(y) = b.iter().position(|vb| vb.name == va.name) {
                    p.pair(x, y);
                }
            }
            for (x, va) in a.iter().enumerate() {
                let same: Vec<usize> = b
                    .iter()
                    .enumerate()
                    .filter(|(y, vb)| p.old_of(*y).is_none() && vb.label.value == va.label.value)
                    .map(|(y, _)| y)
                    .collect();
                if let [y] = same[..] {
                    p.pair(x, y);
                }
            }
            p
        })
        .collect()
}

/// One content round for one kind; whether it paired anything.
fn pair_by_content(old: &Model, new: &Model, m: &mut Matching, kind: Kind) -> bool {
    let (olds, news) = (m.of(kind).unpaired_old(), m.of(kind).unpaired_new());
    if olds.is_empty() || news.is_empty() {
        return false;
    }
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for &j in news.iter().rev() {
        by_key
            .entry(keys::content(new, Side::New, m, kind, j))
            .or_default()
            .push(j);
    }
    let pairs: Vec<(usize, usize)> = olds
        .iter()
        .filter_map(|&i| {
            let candidates = by_key.get_mut(&keys::content(old, Side::Old, m, kind, i))?;
            candidates.pop().map(|j| (i, j))
        })
        .collect();
    let pairing = m.of_mut(kind);
    pairs
        .iter()
        .fold(false, |any, &(i, j)| pairing.pair(i, j) | any)
}

/// Pairs unpaired items whose label is unique among the unpaired of their
/// kind on both sides.
fn pair_by_label(old: &Model, new: &Model, pairing: &mut Pairing, kind: Kind) {
    let (olds, news) = (pairing.unpaired_old(), pairing.unpaired_new());
    if olds.is_empty() || news.is_empty() {
        return;
    }
    let mut labels: HashMap<Cow<str>, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for &i in &olds {
        let label = old.label(named(old, kind, i));
        labels.entry(label).or_default().0.push(i);
    }
    for &j in &news {
        let label = new.label(named(new, kind, j));
        labels.entry(label).or_default().1.push(j);
    }
    for &i in &olds {
        let label = old.label(named(old, kind, i));
        if let Some((a, b)) = labels.get(&label)
            && let ([_], [j]) = (&a[..], &b[..])
        {
            pairing.pair(i, *j);
        }
    }
}
