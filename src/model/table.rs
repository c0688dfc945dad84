//! The model's lists of items (roles, steps, triggers, …), indexed by their
//! ids and held in chunks of at most `Table::CHUNK`: the model of a large
//! plan grows a chunk at a time while `build_owned` frees the syntax tree a
//! chunk at a time, where one vector sized for every item at once was
//! reserved while the whole tree was still held (the two were the peak of
//! a large plan: issue 19, memory per byte). Read as one sequence.

use std::ops::{Index, IndexMut};

#[derive(Clone)]
pub struct Table<T> {
    /// Every chunk but the last holds exactly `CHUNK` items, so that the
    /// `i`th item is at `i / CHUNK`, `i % CHUNK`.
    chunks: Vec<Vec<T>>,
    len: usize,
    /// How many more items are expected (`reserve_exact`): a new chunk is
    /// sized for them, up to `CHUNK`, and never grows.
    expected: usize,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            chunks: Vec::new(),
            len: 0,
            expected: 0,
        }
    }
}

impl<T> Table<T> {
    /// Small enough that the first chunk of each list, allocated while the
    /// whole syntax tree is still held, weighs little beside it (1,024 took
    /// 53 KB for the triggers of a 147 KB plan: issue 19, memory per byte).
    pub const CHUNK: usize = 256;

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Expects `additional` more items: each chunk is then allocated once,
    /// at its size.
    pub fn reserve_exact(&mut self, additional: usize) {
        self.expected = additional;
    }

    pub fn push(&mut self, item: T) {
        match self.chunks.last_mut() {
            Some(chunk) if chunk.len() < Self::CHUNK => chunk.push(item),
            _ => {
                let mut chunk = Vec::with_capacity(self.expected.clamp(1, Self::CHUNK));
                chunk.push(item);
                self.chunks.push(chunk);
            }
        }
        self.expected = self.expected.saturating_sub(1);
        self.len += 1;
    }

    pub fn get(&self, i: usize) -> Option<&T> {
        self.chunks.get(i / Self::CHUNK)?.get(i % Self::CHUNK)
    }

    pub fn get_mut(&mut self, i: usize) -> Option<&mut T> {
        self.chunks
            .get_mut(i / Self::CHUNK)?
            .get_mut(i % Self::CHUNK)
    }

    pub fn first(&self) -> Option<&T> {
        self.get(0)
    }

    pub fn last(&self) -> Option<&T> {
        self.len.checked_sub(1).and_then(|i| self.get(i))
    }

    /// Keeps the first `len` items (scratch work undone, `logic::Net::truncate`).
    pub fn truncate(&mut self, len: usize) {
        if len >= self.len {
            return;
        }
        let chunks = len.div_ceil(Self::CHUNK);
        self.chunks.truncate(chunks);
        if let Some(last) = self.chunks.last_mut() {
            last.truncate(len - (chunks - 1) * Self::CHUNK);
        }
        self.len = len;
    }

    pub fn iter(&self) -> Iter<'_, T> {
        Iter {
            items: self.chunks.iter().flatten(),
            left: self.len,
        }
    }

    pub fn iter_mut(&mut self) -> IterMut<'_, T> {
        IterMut {
            items: self.chunks.iter_mut().flatten(),
            left: self.len,
        }
    }
}

impl<T> Index<usize> for Table<T> {
    type Output = T;

    fn index(&self, i: usize) -> &T {
        &self.chunks[i / Self::CHUNK][i % Self::CHUNK]
    }
}

impl<T> IndexMut<usize> for Table<T> {
    fn index_mut(&mut self, i: usize) -> &mut T {
        &mut self.chunks[i / Self::CHUNK][i % Self::CHUNK]
    }
}

impl<T> FromIterator<T> for Table<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut table = Table::default();
        for item in items {
            table.push(item);
        }
        table
    }
}

impl<T> From<Vec<T>> for Table<T> {
    fn from(items: Vec<T>) -> Self {
        let mut table = Table::default();
        table.reserve_exact(items.len());
        for item in items {
            table.push(item);
        }
        table
    }
}

/// The items in order.
pub struct Iter<'a, T> {
    items: std::iter::Flatten<std::slice::Iter<'a, Vec<T>>>,
    left: usize,
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        let item = self.items.next()?;
        self.left -= 1;
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl<T> DoubleEndedIterator for Iter<'_, T> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let item = self.items.next_back()?;
        self.left -= 1;
        Some(item)
    }
}

impl<T> ExactSizeIterator for Iter<'_, T> {}

impl<T> Clone for Iter<'_, T> {
    fn clone(&self) -> Self {
        Iter {
            items: self.items.clone(),
            left: self.left,
        }
    }
}

/// The items in order, to change.
pub struct IterMut<'a, T> {
    items: std::iter::Flatten<std::slice::IterMut<'a, Vec<T>>>,
    left: usize,
}

impl<'a, T> Iterator for IterMut<'a, T> {
    type Item = &'a mut T;

    fn next(&mut self) -> Option<&'a mut T> {
        let item = self.items.next()?;
        self.left -= 1;
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl<T> ExactSizeIterator for IterMut<'_, T> {}

impl<'a, T> IntoIterator for &'a Table<T> {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;

    fn into_iter(self) -> Iter<'a, T> {
        self.iter()
    }
}

impl<'a, T> IntoIterator for &'a mut Table<T> {
    type Item = &'a mut T;
    type IntoIter = IterMut<'a, T>;

    fn into_iter(self) -> IterMut<'a, T> {
        self.iter_mut()
    }
}

impl<T: PartialEq> PartialEq for Table<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Table<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_across_chunks_are_indexed_and_listed_in_order() {
        let c = Table::<u32>::CHUNK;
        let n = 2 * c + 5;
        let mut table = Table::default();
        table.reserve_exact(n);
        for i in 0..n as u32 {
            table.push(i);
        }
        assert_eq!(table.len(), n);
        assert_eq!(table.chunks.len(), 3);
        // Each chunk allocated at its size: the last holds the 5 left over.
        assert_eq!(table.chunks[2].capacity(), 5);
        assert_eq!(table[c], c as u32);
        assert_eq!(table.get(n - 1), Some(&(n as u32 - 1)));
        assert_eq!(table.get(n), None);
        assert_eq!(table.last(), Some(&(n as u32 - 1)));
        assert!(table.iter().copied().eq(0..n as u32));
        assert!(table.iter().rev().copied().eq((0..n as u32).rev()));
        assert_eq!(table.iter().skip(c - 24).len(), n - (c - 24));
        table[2 * c] = 7;
        assert_eq!(table.iter_mut().nth(2 * c).copied(), Some(7));
        assert_eq!(Table::from(vec![1, 2]), [1, 2].into_iter().collect());
    }

    #[test]
    fn truncated_tables_keep_their_first_items_and_grow_again() {
        let c = Table::<u32>::CHUNK;
        let (whole, half) = (2 * c + c / 2, c + c / 2);
        let mut table: Table<u32> = (0..whole as u32).collect();
        table.truncate(3 * c);
        assert_eq!(table.len(), whole);
        table.truncate(half);
        assert_eq!(table.len(), half);
        assert_eq!(table.chunks.len(), 2);
        assert_eq!(table.get(half), None);
        assert!(table.iter().copied().eq(0..half as u32));
        table.push(7);
        assert_eq!((table.len(), table[half]), (half + 1, 7));
        table.truncate(c);
        assert_eq!(
            (table.chunks.len(), table.last()),
            (1, Some(&(c as u32 - 1)))
        );
        table.push(8);
        assert_eq!((table.len(), table[c]), (c + 1, 8));
        table.truncate(0);
        assert!(table.is_empty() && table.chunks.is_empty());
        table.push(9);
        assert_eq!(table[0], 9);
    }
}
