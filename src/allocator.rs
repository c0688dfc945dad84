//! The allocator the `planc` binary installs: jemalloc on Unix (see
//! Cargo.toml for why), the system's elsewhere. Named here, once, so that
//! the binary, `examples/stage` and the benchmarks measure the same one; the
//! library itself never installs an allocator.

#[cfg(unix)]
pub type Binary = tikv_jemallocator::Jemalloc;
#[cfg(not(unix))]
pub type Binary = std::alloc::System;

#[cfg(unix)]
pub const BINARY: Binary = tikv_jemallocator::Jemalloc;
#[cfg(not(unix))]
pub const BINARY: Binary = std::alloc::System;
