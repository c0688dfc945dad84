//! The `planc` command. Only this binary (main.rs and cli/) prints or exits.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
