//! The `planc` command. Only this binary (main.rs and cli/) prints or exits.

mod cli;

/// jemalloc on Unix (see Cargo.toml for why); the system's elsewhere.
#[cfg(unix)]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
