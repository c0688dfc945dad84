//! The allocator the benchmarks measure with: the one the `planc` binary
//! uses (`planc::allocator`), so that the figures are those of the program
//! people run; counting the bytes in use and their peak.

use std::alloc::{GlobalAlloc, Layout};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

static BASE: planc::allocator::Binary = planc::allocator::BINARY;

/// Install with `#[global_allocator] static ALLOCATOR: Counting = Counting;`.
pub struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn counted(grown: usize) {
    let now = IN_USE.fetch_add(grown, Ordering::Relaxed) + grown;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed to the base allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's layout, as `GlobalAlloc::alloc` requires.
        let p = unsafe { BASE.alloc(layout) };
        if !p.is_null() {
            counted(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        let p = unsafe { BASE.alloc_zeroed(layout) };
        if !p.is_null() {
            counted(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` with this layout.
        unsafe { BASE.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from `alloc` with this layout.
        let p = unsafe { BASE.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            // Counted as a new block while the old one is still held, as a
            // moving realloc holds both.
            counted(new_size);
            IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }
}

/// The most bytes in use while `f` runs and what it returns is dropped,
/// those in use before it included.
pub fn peak_during<T>(f: impl FnOnce() -> T) -> usize {
    PEAK.store(in_use(), Ordering::Relaxed);
    drop(black_box(f()));
    PEAK.load(Ordering::Relaxed)
}

/// The bytes in use now.
pub fn in_use() -> usize {
    IN_USE.load(Ordering::Relaxed)
}
