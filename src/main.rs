//! Starts the command line (and, through it, the editor); all logic lives in the library.

fn main() -> std::process::ExitCode {
    monthly_return::cli::main()
}
