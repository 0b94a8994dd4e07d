//! Writes a synthetic dataset of any size in the real format:
//! `cargo run --release --example synth -- --people N --orgs N --events N --out DIR`.

use clap::Parser;
use rivals::synth::{Spec, write};
use std::path::PathBuf;

/// Generate a synthetic rivals dataset.
#[derive(Parser)]
struct Args {
    #[arg(long, default_value_t = Spec::BIG.people)]
    people: usize,
    #[arg(long, default_value_t = Spec::BIG.orgs)]
    orgs: usize,
    #[arg(long, default_value_t = Spec::BIG.events)]
    events: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    #[arg(long)]
    out: PathBuf,
}

fn main() -> std::io::Result<()> {
    let a = Args::parse();
    write(
        Spec {
            people: a.people,
            orgs: a.orgs,
            events: a.events,
            seed: a.seed,
        },
        &a.out,
    )?;
    println!(
        "wrote {} people, {} organizations, {} events to {}",
        a.people,
        a.orgs,
        a.events,
        a.out.display()
    );
    Ok(())
}
