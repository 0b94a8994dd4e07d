use std::process::ExitCode;

fn main() -> ExitCode {
    rivals::cli::main()
}
