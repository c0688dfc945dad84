//! The conditions of all triggers as one negation-normal-form DAG: atoms
//! (one fact in a set of values), `and`, `or`, true and false. Nodes are only
//! made by the constructors here, which simplify as they go, so that every
//! node but `FALSE` is satisfiable or undecided:
//!
//! - atoms of one fact under one `and`/`or` merge into one atom (set
//!   intersection / union); an empty atom is `FALSE`, a full one `TRUE`;
//! - a small node keeps its models exactly, as a DNF of cubes (a cube: one
//!   set per fact), so that an `and` of small nodes is decided by the product;
//! - a larger `and` is split into groups of children that share no fact (each
//!   decided alone), and only a group of children sharing facts is searched.
//!
//! Children always have smaller ids than their parents.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::Arc;

use foldhash::fast::FixedState;
use hashbrown::HashTable;

mod cubes;

pub use self::cubes::meet;
pub use super::nodes::*;
use super::search;
use super::sets::{Domain, FactSet};
use crate::model::Table;

/// A DNF kept exactly only while it stays this small.
const DNF_MAX_CUBES: usize = 16;
const DNF_MAX_ENTRIES: usize = 64;
/// A node's facts are listed only up to this many.
const FOOTPRINT_MAX: usize = 64;

pub struct Net {
    pub graph: Graph,
    pub budget: Budget,
    /// Every `and` and `or` made, by its kind and children: an equal one is
    /// the same node (as equal leaves share one atom). A condition that
    /// repeats a part (`… and (a or b) …`, every trigger naming the same
    /// group) kept a node, its models and its search per copy (issue 19,
    /// memory per byte).
    shared: HashTable<NodeId>,
    /// Every atom made, by its fact and set: an equal leaf, in this or any
    /// other trigger's condition, is the same node, and so are the parts
    /// made of equal atoms (pigeonhole triggers made each atom, and every
    /// part above it, once per trigger: issue 19, memory per byte).
    atoms: HashTable<NodeId>,
}

/// The key an atom of `fact` in `set` is shared by.
fn atom_hash(fact: u32, set: &FactSet) -> u64 {
    FixedState::with_seed(0).hash_one((fact, set))
}

/// The fact and set of a node that is an atom.
fn atom_of(node: &Node) -> Option<(u32, &FactSet)> {
    match node {
        Node::Atom { fact, set, .. } => Some((*fact, &**set)),
        _ => None,
    }
}

/// The key an `and` (`is_and`) or `or` of `kids` is shared by.
fn share_hash(is_and: bool, kids: &[NodeId]) -> u64 {
    FixedState::with_seed(0).hash_one((is_and, kids))
}

/// The kind and children of a node that is an `and` or an `or`.
fn connective_of(node: &Node) -> Option<(bool, &[NodeId])> {
    match node {
        Node::And(kids, _) => Some((true, kids)),
        Node::Or(kids, _) => Some((false, kids)),
        _ => None,
    }
}

impl Net {
    pub fn new(domains: Vec<Domain>) -> Net {
        let facts = domains.len();
        let constant = |sat, cubes| Info::kept(sat, cubes, Footprint::Small(Box::new([])));
        Net {
            graph: Graph {
                nodes: Table::from(vec![Node::False, Node::True]),
                infos: Table::from(vec![
                    constant(Sat::No, Packed::default()),
                    constant(Sat::Yes, Packed::one_empty()),
                ]),
                domains,
                first_use: vec![u32::MAX; facts],
                cube_only: 0,
            },
            budget: Budget::default(),
            shared: HashTable::new(),
            atoms: HashTable::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.graph.nodes.len()
    }

    /// Drops every node made after the net had `len` nodes (scratch work).
    pub fn truncate(&mut self, len: usize) {
        for id in len..self.graph.nodes.len() {
            let node = &self.graph.nodes[id];
            if let Node::Atom { leaf: false, .. } = node {
                self.graph.cube_only -= 1;
            }
            if let Some((is_and, kids)) = connective_of(node) {
                let hash = share_hash(is_and, kids);
                if let Ok(entry) = self.shared.find_entry(hash, |&s| s as usize == id) {
                    entry.remove();
                }
            }
            if let Some((fact, set)) = atom_of(node) {
                let hash = atom_hash(fact, set);
                if let Ok(entry) = self.atoms.find_entry(hash, |&s| s as usize == id) {
                    entry.remove();
                }
            }
        }
        self.graph.nodes.truncate(len);
        // The infos of the nodes left: up to the newest `and` or `or`.
        let infos = (self.graph.nodes.iter().rev())
            .find_map(|node| match node {
                Node::And(_, at) | Node::Or(_, at) => Some(*at as usize + 1),
                _ => None,
            })
            .unwrap_or(2);
        self.graph.infos.truncate(infos);
        for first in &mut self.graph.first_use {
            if *first as usize >= len && *first != u32::MAX {
                *first = u32::MAX;
            }
        }
    }

    fn push(&mut self, node: Node) -> NodeId {
        let id = self.graph.nodes.len() as NodeId;
        self.graph.nodes.push(node);
        id
    }

    pub fn atom(&mut self, fact: u32, set: FactSet) -> NodeId {
        let domain = self.graph.domains[fact as usize];
        if set.is_empty() {
            return FALSE;
        }
        if set.is_full(domain) {
            return TRUE;
        }
        let hash = atom_hash(fact, &set);
        let Some(id) = self.find_atom(hash, fact, &set) else {
            return self.push_atom(hash, fact, Arc::new(set), true);
        };
        if let Some(Node::Atom {
            leaf: leaf @ false, ..
        }) = self.graph.nodes.get_mut(id as usize)
        {
            *leaf = true;
            self.graph.cube_only -= 1;
        }
        id
    }

    /// The atom of `fact` in `set`, made if there is none: an entry of a
    /// kept DNF (never empty nor every value).
    fn intern(&mut self, fact: u32, set: &Arc<FactSet>) -> NodeId {
        let hash = atom_hash(fact, set);
        match self.find_atom(hash, fact, set) {
            Some(id) => id,
            None => {
                self.graph.cube_only += 1;
                self.push_atom(hash, fact, Arc::clone(set), false)
            }
        }
    }

    fn find_atom(&self, hash: u64, fact: u32, set: &FactSet) -> Option<NodeId> {
        let nodes = &self.graph.nodes;
        let same = |&s: &NodeId| atom_of(&nodes[s as usize]) == Some((fact, set));
        self.atoms.find(hash, same).copied()
    }

    fn push_atom(&mut self, hash: u64, fact: u32, set: Arc<FactSet>, leaf: bool) -> NodeId {
        let id = self.graph.nodes.len() as NodeId;
        self.push(Node::Atom {
            fact,
            id,
            set,
            leaf,
        });
        let nodes = &self.graph.nodes;
        self.atoms.insert_unique(hash, id, |&s| {
            atom_of(&nodes[s as usize]).map_or(0, |(f, set)| atom_hash(f, set))
        });
        let first = &mut self.graph.first_use[fact as usize];
        *first = (*first).min(id);
        id
    }

    /// `dnf` with each set it made (`FRESH`) an atom.
    fn settle(&mut self, mut dnf: Packed) -> Packed {
        let fresh = std::mem::take(&mut dnf.fresh);
        let mut made: Vec<NodeId> = vec![FRESH; fresh.len()];
        for e in dnf.entries.iter_mut() {
            if *e & FRESH == 0 {
                continue;
            }
            let at = (*e & !FRESH) as usize;
            if let (Some(m), Some((fact, set))) = (made.get_mut(at), fresh.get(at)) {
                if *m == FRESH {
                    *m = self.intern(*fact, set);
                }
                *e = *m;
            }
        }
        dnf
    }

    pub fn and(&mut self, children: Vec<NodeId>) -> NodeId {
        self.connective(children, true)
    }

    pub fn or(&mut self, children: Vec<NodeId>) -> NodeId {
        self.connective(children, false)
    }

    /// `and` (`is_and`) or `or` of `children`, simplified.
    fn connective(&mut self, children: Vec<NodeId>, is_and: bool) -> NodeId {
        let (absorbing, neutral) = if is_and { (FALSE, TRUE) } else { (TRUE, FALSE) };
        // Atoms grouped by fact, in order of first appearance; other children once each.
        let mut by_fact: Vec<(u32, Vec<NodeId>)> = Vec::new();
        let mut fact_slot: HashMap<u32, usize> = HashMap::new();
        let mut others: Vec<NodeId> = Vec::new();
        let mut seen: std::collections::HashSet<NodeId> = Default::default();
        for c in children {
            if c == absorbing {
                return absorbing;
            }
            if c == neutral || !seen.insert(c) {
                continue;
            }
            match self.graph.node(c) {
                Node::Atom { fact, .. } => {
                    let slot = *fact_slot.entry(*fact).or_insert_with(|| {
                        by_fact.push((*fact, Vec::new()));
                        by_fact.len() - 1
                    });
                    by_fact[slot].1.push(c);
                }
                _ => others.push(c),
            }
        }
        let mut kids = Vec::with_capacity(by_fact.len() + others.len());
        for (fact, atoms) in by_fact {
            if atoms.len() == 1 {
                kids.push(atoms[0]);
                continue;
            }
            let domain = self.graph.domains[fact as usize];
            let sets: Vec<Arc<FactSet>> = atoms
                .iter()
                .filter_map(|&a| match self.graph.node(a) {
                    Node::Atom { set, .. } => Some(set.clone()),
                    _ => None,
                })
                .collect();
            let merged = if is_and {
                FactSet::intersect_all(sets.iter().map(|s| &**s), domain)
            } else {
                FactSet::union_all(sets.iter().map(|s| &**s), domain)
            };
            match self.atom(fact, merged) {
                c if c == absorbing => return absorbing,
                c if c == neutral => {}
                c => kids.push(c),
            }
        }
        kids.extend(others);
        match kids.len() {
            0 => return neutral,
            1 => return kids[0],
            _ => {}
        }
        let hash = share_hash(is_and, &kids);
        let nodes = &self.graph.nodes;
        let same = |&s: &NodeId| connective_of(&nodes[s as usize]) == Some((is_and, &kids[..]));
        if let Some(&id) = self.shared.find(hash, same) {
            return id;
        }

        let dnf = if is_and {
            self.dnf_product(&kids)
        } else {
            self.dnf_union(&kids)
        };
        let sat = match &dnf {
            Some(cubes) if cubes.len() == 0 => return FALSE,
            Some(cubes) if cubes.holds_always => return TRUE,
            Some(_) => Sat::Yes,
            None if is_and => self.and_sat(&kids),
            None if kids.iter().any(|&k| self.graph.sat(k) == Sat::Yes) => Sat::Yes,
            None => Sat::Unknown,
        };
        if sat == Sat::No {
            return FALSE;
        }
        let footprint = self.footprint(&kids);
        let info = match dnf {
            Some(dnf) => Info::kept(sat, self.settle(dnf), footprint),
            None => Info::unkept(sat, footprint),
        };
        let at = self.graph.infos.len() as InfoId;
        self.graph.infos.push(info);
        let node = if is_and {
            Node::And(kids.into(), at)
        } else {
            Node::Or(kids.into(), at)
        };
        let id = self.push(node);
        let nodes = &self.graph.nodes;
        self.shared.insert_unique(hash, id, |&s| {
            connective_of(&nodes[s as usize]).map_or(0, |(a, k)| share_hash(a, k))
        });
        id
    }

    fn footprint(&self, kids: &[NodeId]) -> Footprint {
        let mut facts: Vec<u32> = Vec::new();
        // The range of every fact seen, kept once the list is given up.
        let (mut lo, mut hi, mut big) = (u32::MAX, 0, false);
        for &k in kids {
            match self.graph.facts(k) {
                Facts::Small(f) => {
                    if let (Some(&first), Some(&last)) = (f.first(), f.last()) {
                        (lo, hi) = (lo.min(first), hi.max(last));
                    }
                    if !big {
                        facts.extend_from_slice(f);
                    }
                }
                Facts::Big { lo: l, hi: h } => {
                    (lo, hi, big) = (lo.min(l), hi.max(h), true);
                }
            }
            if !big && facts.len() > 4 * FOOTPRINT_MAX {
                facts.sort_unstable();
                facts.dedup();
                big = facts.len() > FOOTPRINT_MAX;
            }
        }
        facts.sort_unstable();
        facts.dedup();
        if big || facts.len() > FOOTPRINT_MAX {
            Footprint::Big { lo, hi }
        } else {
            Footprint::Small(facts.into())
        }
    }

    /// Decides an `and` too large for its DNF: children that share no fact
    /// are independent, so each group of children linked by shared facts is
    /// decided alone, and only groups of several children are searched.
    fn and_sat(&mut self, kids: &[NodeId]) -> Sat {
        let mut group: Vec<usize> = (0..kids.len()).collect();
        fn find(group: &mut [usize], mut i: usize) -> usize {
            while group[i] != i {
                group[i] = group[group[i]];
                i = group[i];
            }
            i
        }
        fn join(group: &mut [usize], a: usize, b: usize) {
            let (a, b) = (find(group, a), find(group, b));
            if a != b {
                group[a.max(b)] = a.min(b);
            }
        }
        // Children with too many facts to list are put in one group, with
        // every child naming a fact they might mention.
        let big: Vec<usize> = (0..kids.len())
            .filter(|&i| matches!(self.graph.facts(kids[i]), Facts::Big { .. }))
            .collect();
        let newest_big = big.iter().map(|&i| kids[i]).max();
        // The facts a big child may mention lie in its range and were first
        // used before it: a fact outside either bound is not shared.
        let (mut big_lo, mut big_hi) = (u32::MAX, 0);
        for &i in &big {
            if let Facts::Big { lo, hi } = self.graph.facts(kids[i]) {
                (big_lo, big_hi) = (big_lo.min(lo), big_hi.max(hi));
            }
        }
        for w in big.windows(2) {
            join(&mut group, w[0], w[1]);
        }
        let mut owner: HashMap<u32, usize> = HashMap::new();
        for (i, &k) in kids.iter().enumerate() {
            let Facts::Small(facts) = self.graph.facts(k) else {
                continue;
            };
            for &f in facts.iter() {
                if let Some(&o) = owner.get(&f) {
                    join(&mut group, i, o);
                } else {
                    owner.insert(f, i);
                }
                if let Some(newest) = newest_big
                    && (big_lo..=big_hi).contains(&f)
                    && self.graph.first_use[f as usize] < newest
                {
                    join(&mut group, i, big[0]);
                }
            }
        }
        // The children by group (groups in order of their first child),
        // in order within each: a list per child held 24 bytes each
        // (issue 19, memory per byte).
        for i in 0..kids.len() {
            group[i] = find(&mut group, i);
        }
        let mut by_group: Vec<u32> = (0..kids.len() as u32).collect();
        by_group.sort_by_key(|&i| group[i as usize]);
        let mut result = Sat::Yes;
        let mut goals: Vec<NodeId> = Vec::new();
        for members in by_group.chunk_by(|&a, &b| group[a as usize] == group[b as usize]) {
            goals.clear();
            goals.extend(members.iter().map(|&i| kids[i as usize]));
            let sat = match goals.as_slice() {
                [one] => self.graph.sat(*one),
                _ => search::solve(&self.graph, &mut self.budget, &goals),
            };
            match sat {
                Sat::No => return Sat::No,
                Sat::Unknown => result = Sat::Unknown,
                Sat::Yes => {}
            }
        }
        result
    }
}
