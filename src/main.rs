//! The `planc` command. Only this binary (main.rs and cli/) prints or exits.

mod cli;

#[global_allocator]
static ALLOCATOR: planc::allocator::Binary = planc::allocator::BINARY;

fn main() -> std::process::ExitCode {
    cli::main()
}
