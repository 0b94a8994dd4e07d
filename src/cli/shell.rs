//! Shell integration: completion scripts and the manual page, generated
//! from the same argument definitions the parser uses.

use super::Cli;
use clap::CommandFactory;
use clap_complete::Shell;

/// The completion script for `shell`.
pub fn completions(shell: Shell) -> String {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "rivals", &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// The manual page, in roff.
pub fn man() -> Result<String, std::io::Error> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut buf)?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
}
