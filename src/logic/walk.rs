//! Walks over two cubes at once, for every kind of cube the logic keeps
//! (entries with their sets, atom ids, numbers in a lowering's table):
//! each is sorted by fact, and a fact appears once in a cube. The walks
//! were written once per kind (four merges and three subset tests).
//! Both are `#[inline]`: called from another module, the lowering's
//! instances were left as calls, and puzzle-24 took 2.7 % more
//! instructions.

/// Whether every value of cube `a` is in cube `b`: each fact `b`
/// constrains, `a` constrains to a subset (`subset`) of it.
#[inline]
pub fn within_by<T>(
    a: &[T],
    b: &[T],
    fact: impl Fn(&T) -> u32,
    subset: impl Fn(&T, &T) -> bool,
) -> bool {
    let mut i = 0;
    for y in b {
        let f = fact(y);
        while i < a.len() && fact(&a[i]) < f {
            i += 1;
        }
        match a.get(i) {
            Some(x) if fact(x) == f && subset(x, y) => {}
            _ => return false,
        }
    }
    true
}

/// Appends the conjunction of cubes `a` and `b` to `out`: the entries of
/// the facts only one of them constrains, and `meet(state, x, y)` of two
/// entries of one fact. False, and `out` as it was, when `meet` finds that
/// they share no value (`None`), or an entry has no fact (`fact` gives
/// `None`). `state` is what both may read and `meet` may add to.
#[inline]
pub fn meet_by<S, T: Clone>(
    state: &mut S,
    a: &[T],
    b: &[T],
    out: &mut Vec<T>,
    fact: impl Fn(&S, &T) -> Option<u32>,
    mut meet: impl FnMut(&mut S, &T, &T) -> Option<T>,
) -> bool {
    let start = out.len();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (&a[i], &b[j]);
        let (Some(fx), Some(fy)) = (fact(state, x), fact(state, y)) else {
            out.truncate(start);
            return false;
        };
        match fx.cmp(&fy) {
            std::cmp::Ordering::Less => {
                out.push(x.clone());
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(y.clone());
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                let Some(both) = meet(state, x, y) else {
                    out.truncate(start);
                    return false;
                };
                out.push(both);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    true
}
