//! Shared fixtures for the integration tests.
#![allow(dead_code, clippy::unwrap_used)]

pub mod keys;
pub mod pty;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_rivals");

/// The binary, with no dataset from the environment, no colour and no cache.
pub fn rivals() -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env_remove("RIVALS_DATA")
        .env("NO_COLOR", "1")
        .env("RIVALS_NO_CACHE", "1");
    cmd
}

/// [`Command::output`] with a time limit: a run still going after `limit`
/// is killed and the test fails instead of hanging.
pub trait OutputWithin {
    fn output_within(&mut self, limit: Duration) -> std::io::Result<Output>;
}

impl OutputWithin for Command {
    fn output_within(&mut self, limit: Duration) -> std::io::Result<Output> {
        let mut child = self
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let drain = |mut from: Box<dyn Read + Send>| {
            std::thread::spawn(move || {
                let mut bytes = Vec::new();
                from.read_to_end(&mut bytes).map(|_| bytes)
            })
        };
        let stdout = drain(Box::new(child.stdout.take().unwrap()));
        let stderr = drain(Box::new(child.stderr.take().unwrap()));
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait()? {
                break status;
            }
            if started.elapsed() > limit {
                let _ = child.kill();
                let _ = child.wait();
                panic!("still running after {limit:?}: {self:?}");
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        Ok(Output {
            status,
            stdout: stdout.join().unwrap()?,
            stderr: stderr.join().unwrap()?,
        })
    }
}

pub const SOURCES: &str = "- id: s1\n  title: First article\n  language: fr\n";
pub const ORGS: &str = "\
- id: meta
  name: Meta
  kind: company
  summary: Social networks.
  sources: [s1]
- id: openai
  name: OpenAI
  kind: lab
  summary: Lab.
  sources: [s1]
";
pub const PEOPLE: &str = "\
- id: sam-altman
  name: Sam Altman
  summary: Runs OpenAI.
  sources: [s1]
";
pub const EVENTS: &str = r#"- id: late-2023
  date: 2023-12-31
  kind: hire
  people: [sam-altman]
  from: openai
  to: meta
  summary: Last day of 2023.
  sources: [s1]
- id: jan-2024
  date: 2024-01
  kind: statement
  summary: January 2024.
  sources: [s1]
- id: year-2023
  date: 2023
  kind: founding
  to: openai
  summary: Some time in 2023.
  sources: [s1]
- id: nov-2023
  date: 2023-11-05
  kind: offer
  from: meta
  summary: November 2023, with a comma, and "quotes".
  sources: [s1]
"#;

/// Writes a dataset folder from the four files' text.
pub fn write_dataset(dir: &Path, sources: &str, orgs: &str, people: &str, events: &str) {
    std::fs::create_dir_all(dir).unwrap();
    for (name, text) in [
        ("sources.yaml", sources),
        ("organizations.yaml", orgs),
        ("people.yaml", people),
        ("events.yaml", events),
    ] {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

/// A temporary folder holding the small valid fixture dataset.
pub fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_dataset(dir.path(), SOURCES, ORGS, PEOPLE, EVENTS);
    dir
}

/// The cells of a CSV line (RFC 4180, no line breaks inside cells).
pub fn csv_cells(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(String::new()),
            (c, _) => out.last_mut().unwrap().push(c),
        }
    }
    assert!(!quoted, "unclosed quote in {line}");
    out
}

#[test]
#[should_panic(expected = "still running after")]
fn a_run_past_its_limit_is_killed_and_fails_the_test() {
    let _ = Command::new("sleep")
        .arg("30")
        .output_within(Duration::from_millis(200));
}

#[test]
fn a_run_within_its_limit_gives_its_output() {
    let out = Command::new("sh")
        .args(["-c", "echo out; echo err >&2; exit 3"])
        .output_within(Duration::from_secs(20))
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert_eq!((&out.stdout[..], &out.stderr[..]), (&b"out\n"[..], &b"err\n"[..]));
}
