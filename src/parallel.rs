//! Work shared out over the machine's cores: the parts of a large file
//! (`syntax`) and the checks of a large plan (`check::run`). The result never
//! depends on how many threads there are.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A limit set by the program (`set_threads`); 0: none.
static LIMIT: AtomicUsize = AtomicUsize::new(0);

/// How many threads may work at once: the limit the program set, else the
/// machine's parallelism (asked once).
pub fn threads() -> usize {
    static MACHINE: OnceLock<usize> = OnceLock::new();
    match LIMIT.load(Ordering::Relaxed) {
        0 => *MACHINE.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
        limit => limit,
    }
}

/// Sets how many threads may work at once (0: as many as the machine has).
/// The binary sets it from `PLANC_THREADS`; the benchmarks, to compare.
pub fn set_threads(limit: usize) {
    LIMIT.store(limit, Ordering::Relaxed);
}

/// `work(i)` for every `i` in `0..count`, on up to `threads` threads (the
/// calling one among them), each taking the next `i` when it is done; the
/// results in the order of `i`.
pub fn map<T: Send>(count: usize, threads: usize, work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    if threads < 2 || count < 2 {
        return (0..count).map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let take = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= count {
                return done;
            }
            done.push((i, work(i)));
        }
    };
    let mut done = std::thread::scope(|scope| {
        let others: Vec<_> = (1..threads.min(count)).map(|_| scope.spawn(take)).collect();
        let mut done = take();
        for other in others {
            // Work that panics would panic in one thread too: pass it on.
            done.extend(
                other
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
        }
        done
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, t)| t).collect()
}
