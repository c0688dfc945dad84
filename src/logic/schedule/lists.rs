//! Many short lists of steps (who waits for a step, which steps a trigger
//! starts) in two vectors: a plan has 100,000s of steps, and one allocation
//! per list costs more than the lists' work.

use crate::model::StepId;

/// Lists of steps in one vector (a plan has 100,000s of steps, so not one
/// allocation each): list `i` is `items[start[i]..start[i + 1]]`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Lists {
    start: Vec<u32>,
    /// Every list's steps, list after list.
    pub(crate) items: Vec<StepId>,
}

impl Lists {
    /// `lists` lists from the pairs `(list, step)` that `pairs` gives (called
    /// twice: to count, then to fill). Each list keeps the order the pairs
    /// come in; a step given twice in a row for one list is kept once.
    pub(crate) fn build<I: Iterator<Item = (usize, StepId)>>(
        lists: usize,
        pairs: impl Fn() -> I,
    ) -> Lists {
        let mut start = vec![0u32; lists + 1];
        // The last step counted per list, to count a repeat once.
        let mut last = vec![u32::MAX; lists];
        for (l, s) in pairs() {
            if l < lists && std::mem::replace(&mut last[l], s.0) != s.0 {
                start[l + 1] += 1;
            }
        }
        for i in 0..lists {
            start[i + 1] += start[i];
        }
        let mut fill = start[..lists].to_vec();
        let mut items = vec![StepId(0); start[lists] as usize];
        for (l, s) in pairs() {
            if l < lists {
                let at = fill[l] as usize;
                if at == start[l] as usize || items[at - 1] != s {
                    items[at] = s;
                    fill[l] += 1;
                }
            }
        }
        Lists { start, items }
    }

    /// List `i` (empty past the last).
    pub(crate) fn get(&self, i: usize) -> &[StepId] {
        match (self.start.get(i), self.start.get(i + 1)) {
            (Some(&from), Some(&to)) => &self.items[from as usize..to as usize],
            _ => &[],
        }
    }
}
