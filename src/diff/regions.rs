//! Where a trigger's condition changed: the regions of fact values where the
//! old condition holds and the new one does not, or the other way round,
//! exactly (`logic::regions`, the sweep `planc triggers` uses).
//!
//! Both conditions are put in one space of facts: the new plan's facts, then
//! the facts only the old plan has (or whose type changed). A `one_of` fact
//! keeps its new variants, then its "not known" value, then the variants only
//! the old fact had. The old condition's cubes are carried over into it.

use std::sync::Arc;

use serde::Serialize;

use super::Context;
use super::matching::Pairing;
use crate::logic::regions::{Diagram, Limits, Space, sample};
use crate::logic::sets::{Domain, FactSet, View};
use crate::logic::split::Point;
use crate::logic::{Cube, TABLE_MAX_ROWS, cut_order};
use crate::model::{FactId, FactType, Model, TriggerId};
use crate::render::Lang;
use crate::render::triggers::values;

/// A region of fact values where the trigger's condition changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Region {
    /// The facts it constrains (any value for the others), in the new
    /// plan's order (facts only the old plan has last).
    pub facts: Vec<RegionFact>,
    /// Whether the trigger fired here before, and whether it fires now.
    pub before: bool,
    pub after: bool,
    /// The trigger's level where it fires (`before` or `after`).
    pub level: Option<super::Item>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionFact {
    /// The fact's name and label (from the new plan, else the old one).
    pub name: String,
    pub label: String,
    /// Its values in the region, in words: `50–99`, `自残、自杀`.
    pub values: String,
    /// One value of the region, as `simulate --set` takes it (`visitors=50`);
    /// `None` when that value is "not known" (a `one_of` fact not set).
    pub example: Option<String>,
}

/// Where a combined fact comes from.
#[derive(Debug, Clone, Copy)]
enum Origin {
    New(FactId),
    OldOnly(FactId),
}

/// The facts of both plans as one space.
struct Combined {
    domains: Vec<Domain>,
    origins: Vec<Origin>,
    /// Per old fact: its combined index, and for a `one_of` fact the combined
    /// index of each old value (variants, then "not known").
    old: Vec<(u32, Option<Vec<u32>>)>,
    /// Per combined `one_of` fact of the new plan: the old-only variants
    /// appended after "not known" (old fact, old variant index).
    extra: Vec<Vec<(FactId, u32)>>,
    /// Per combined fact: for a `number` fact, the places it is counted in
    /// (the finer of both plans'; see `model::FactType::Number`).
    places: Vec<Option<u32>>,
    /// The places each plan counts its `number` facts in, by its fact.
    old_places: Vec<Option<u32>>,
    new_places: Vec<Option<u32>>,
}

/// The domain of a fact (a `one_of` fact may be unknown: one more value).
fn domain(ty: &FactType) -> Domain {
    match ty {
        FactType::Count | FactType::Number { .. } => Domain::Count,
        FactType::Flag => crate::logic::sets::FLAG,
        FactType::OneOf(v) => Domain::Variants(v.len() as u32 + 1),
    }
}

fn places(ty: &FactType) -> Option<u32> {
    match ty {
        FactType::Number { places } => Some(*places),
        _ => None,
    }
}

/// A set of a `number` fact's units at `from` places, counted at `to`
/// places (no fewer). A unit that is a multiple of ten is a limit's value;
/// the others stand for the values strictly between two limits
/// (`decimal::range_of_units`), which are more units at more places.
fn rescale(set: &FactSet, from: u32, to: u32) -> FactSet {
    let Some(k) = 10u64.checked_pow(to.saturating_sub(from)) else {
        return set.clone();
    };
    if k == 1 {
        return set.clone();
    }
    let ranges = set
        .ranges()
        .iter()
        .map(|&(a, b)| {
            let lo = match a % 10 {
                0 => a.saturating_mul(k),
                r => (a - r).saturating_mul(k).saturating_add(1),
            };
            let hi = match (b, b % 10) {
                (u64::MAX, _) => u64::MAX,
                (_, 0) => b.saturating_mul(k),
                (_, r) => (b - r + 10).saturating_mul(k).saturating_sub(1),
            };
            (lo, hi)
        })
        .collect();
    FactSet::counts(ranges)
}

fn variants(model: &Model, fact: FactId) -> Option<usize> {
    match &model.fact(fact).ty {
        FactType::OneOf(v) => Some(v.len()),
        _ => None,
    }
}

fn combine(old: &Model, new: &Model, facts: &Pairing, pairings: &[Pairing]) -> Combined {
    let mut c = Combined {
        domains: Vec::new(),
        origins: Vec::new(),
        old: vec![(0, None); old.facts.len()],
        extra: vec![Vec::new(); new.facts.len()],
        places: Vec::new(),
        old_places: old.facts.iter().map(|f| places(&f.ty)).collect(),
        new_places: new.facts.iter().map(|f| places(&f.ty)).collect(),
    };
    for (j, fact) in new.facts.iter().enumerate() {
        c.origins.push(Origin::New(FactId(j as u32)));
        c.domains.push(domain(&fact.ty));
        c.places.push(places(&fact.ty));
    }
    for (i, fact) in old.facts.iter().enumerate() {
        let same_type = facts.new_of(i).filter(|&j| {
            std::mem::discriminant(&fact.ty) == std::mem::discriminant(&new.facts[j].ty)
        });
        let Some(j) = same_type else {
            let k = c.domains.len() as u32;
            c.origins.push(Origin::OldOnly(FactId(i as u32)));
            c.domains.push(domain(&fact.ty));
            c.places.push(places(&fact.ty));
            let map = variants(old, FactId(i as u32)).map(|n| (0..=n as u32).collect());
            c.old[i] = (k, map);
            continue;
        };
        if let (Some(a), Some(b)) = (places(&fact.ty), c.places[j]) {
            c.places[j] = Some(a.max(b));
        }
        let Some(n_old) = variants(old, FactId(i as u32)) else {
            c.old[i] = (j as u32, None);
            continue;
        };
        let n_new = variants(new, FactId(j as u32)).unwrap_or(0) as u32;
        let mut map = Vec::with_capacity(n_old + 1);
        for v in 0..n_old {
            let paired = pairings.get(i).and_then(|p| p.new_of(v));
            map.push(match paired {
                Some(w) => w as u32,
                None => {
                    c.extra[j].push((FactId(i as u32), v as u32));
                    n_new + c.extra[j].len() as u32
                }
            });
        }
        map.push(n_new);
        if let Domain::Variants(n) = &mut c.domains[j] {
            *n = n_new + 1 + c.extra[j].len() as u32;
        }
        c.old[i] = (j as u32, Some(map));
    }
    c
}

/// A set of variants carried into a domain of `n` values, through `map`.
fn remap_variants(set: &FactSet, map: Option<&[u32]>, n: u32, from: u32) -> FactSet {
    let members: Vec<u32> = (0..from)
        .filter(|&v| set.contains(Point::Variant(v)))
        .map(|v| map.map_or(v, |m| m.get(v as usize).copied().unwrap_or(v)))
        .collect();
    FactSet::variants(n, &members)
}

impl Combined {
    fn old_cube(&self, cube: &Cube, old_domains: &[Domain]) -> Cube {
        let mut out: Cube = cube
            .iter()
            .map(|(f, set)| {
                let (g, map) = &self.old[*f as usize];
                let set = match (set.view(), self.domains[*g as usize]) {
                    (View::Variants(_), Domain::Variants(n)) => {
                        let from = match old_domains[*f as usize] {
                            Domain::Variants(m) => m,
                            Domain::Count => 0,
                        };
                        Arc::new(remap_variants(set, map.as_deref(), n, from))
                    }
                    _ => self.counted(set, self.old_places[*f as usize], *g),
                };
                (*g, set)
            })
            .collect();
        out.sort_by_key(|(f, _)| *f);
        out
    }

    /// A set of a side's fact counted as combined fact `g` counts it.
    fn counted(&self, set: &Arc<FactSet>, from: Option<u32>, g: u32) -> Arc<FactSet> {
        match (from, self.places[g as usize]) {
            (Some(a), Some(b)) if a != b => Arc::new(rescale(set, a, b)),
            _ => set.clone(),
        }
    }

    fn new_cube(&self, cube: &Cube, new_domains: &[Domain]) -> Cube {
        cube.iter()
            .map(|(f, set)| {
                let grown = !self.extra[*f as usize].is_empty();
                match (grown, new_domains[*f as usize], self.domains[*f as usize]) {
                    (true, Domain::Variants(from), Domain::Variants(n)) => {
                        (*f, Arc::new(remap_variants(set, None, n, from)))
                    }
                    _ => (*f, self.counted(set, self.new_places[*f as usize], *f)),
                }
            })
            .collect()
    }
}

/// The facts of both plans in one space, built once, when a condition
/// changed.
pub(super) struct Both {
    combined: Combined,
}

impl Both {
    pub fn new(cx: &Context) -> Both {
        Both {
            combined: combine(cx.old, cx.new, &cx.m.facts, &cx.m.variants),
        }
    }

    /// The regions where old trigger `i` and new trigger `j` differ, or
    /// `None` when that cannot be worked out exactly (a condition not known,
    /// or past the sweep's bounds).
    pub fn regions(&self, cx: &Context, i: usize, j: usize) -> Option<Vec<Region>> {
        let (old_conditions, new_conditions) = (cx.old_conditions, cx.new_conditions);
        let old = old_conditions.dnf(TriggerId(i as u32))?;
        let new = new_conditions.dnf(TriggerId(j as u32))?;
        let c = &self.combined;
        let old: Vec<Cube> = old
            .iter()
            .map(|cube| c.old_cube(cube, &old_conditions.domains))
            .collect();
        let new: Vec<Cube> = new
            .iter()
            .map(|cube| c.new_cube(cube, &new_conditions.domains))
            .collect();
        let dnfs: [&[Cube]; 2] = [&old, &new];
        let mut space = Space::full(c.domains.clone());
        space.order = cut_order(&c.domains, &dnfs);
        // The key: bit 0 the old condition holds, bit 1 the new one.
        let mut key = |holding: &[u32]| holding.iter().map(|&k| 1u32 << k).sum();
        let diagram = Diagram::build(space, &dnfs, &mut key, Limits::DEFAULT).ok()?;
        let rows = diagram.rows(TABLE_MAX_ROWS).ok()?;
        let level = |model: &Model, t: usize| {
            model.triggers[t]
                .level
                .map(|l| super::Item::of(model, super::matching::Kind::Level, l.id.index()))
        };
        let (old_level, new_level) = (level(cx.old, i), level(cx.new, j));
        Some(
            rows.into_iter()
                .filter(|row| row.key == 1 || row.key == 2)
                .map(|row| Region {
                    facts: row
                        .region
                        .iter()
                        .map(|(f, set)| self.fact(cx, *f, set, &row.region))
                        .collect(),
                    before: row.key == 1,
                    after: row.key == 2,
                    level: if row.key == 1 {
                        old_level.clone()
                    } else {
                        new_level.clone()
                    },
                })
                .collect(),
        )
    }

    fn fact(&self, cx: &Context, f: u32, set: &FactSet, region: &[(u32, FactSet)]) -> RegionFact {
        let example = sample(region)
            .into_iter()
            .find(|(g, _)| *g == f)
            .map(|(_, p)| p);
        let (model, id, extra): (&Model, FactId, &[(FactId, u32)]) =
            match self.combined.origins[f as usize] {
                Origin::New(id) => (cx.new, id, &self.combined.extra[id.index()]),
                Origin::OldOnly(id) => (cx.old, id, &[]),
            };
        let fact = model.fact(id);
        let n = variants(model, id).unwrap_or(0) as u32;
        // The values the fact's own model knows (its variants and "not
        // known"), in its words; the old-only variants after them.
        let own = match &fact.ty {
            FactType::OneOf(_) => remap_variants(set, None, n + 1, n + 1),
            _ => set.clone(),
        };
        let mut words = Vec::new();
        match self.combined.places[f as usize] {
            Some(places) => words.extend(set.ranges().iter().map(|&(a, b)| {
                let (lower, upper) = crate::decimal::range_of_units(a, b, places);
                crate::decimal::range_words(lower, upper)
            })),
            None if !own.is_empty() => words.push(values(model, id, &own, cx.lang)),
            None => {}
        }
        for (k, &(old_fact, v)) in extra.iter().enumerate() {
            if set.contains(Point::Variant(n + 1 + k as u32))
                && let FactType::OneOf(vs) = &cx.old.fact(old_fact).ty
            {
                words.push(vs[v as usize].label.value.trim().to_string());
            }
        }
        let number = self.combined.places[f as usize];
        let example = example.and_then(|p| match (p, &fact.ty) {
            (Point::Count(v), _) if let Some(places) = number => {
                Some(crate::decimal::Decimal::from_scaled(v, places).to_string())
            }
            (Point::Count(v), _) => Some(v.to_string()),
            (Point::Variant(v), FactType::Flag) => Some((v == 1).to_string()),
            (Point::Variant(v), FactType::OneOf(vs)) => {
                vs.get(v as usize).map(|x| x.name.to_string())
            }
            _ => None,
        });
        RegionFact {
            name: model.name(&fact.named).to_string(),
            label: crate::render::view::clean(&model.label(&fact.named)),
            values: words.join(if cx.lang == Lang::Zh { "、" } else { ", " }),
            example: example.map(|e| format!("{}={e}", model.name(&fact.named))),
        }
    }
}
