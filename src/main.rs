use std::process::ExitCode;

/// mimalloc: loading a large dataset allocates millions of small strings,
/// which it does about twice as fast as the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    rivals::cli::main()
}
