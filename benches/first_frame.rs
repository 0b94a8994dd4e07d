//! The whole-process measure the render and cache benches share: from
//! process start to the explorer's first frame on screen, with the real
//! binary in a 120x40 pseudo-terminal.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::Read;
use std::time::{Duration, Instant};

/// Time until the output holds the panes; `setup` adds arguments and
/// environment to the command.
pub fn first_frame(setup: impl FnOnce(&mut CommandBuilder)) -> Duration {
    let size = PtySize {
        rows: 40,
        cols: 120,
        pixel_width: 0,
        pixel_height: 0,
    };
    let pair = native_pty_system().openpty(size).unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_rivals"));
    cmd.env("TERM", "xterm-256color");
    setup(&mut cmd);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 65536];
    while !String::from_utf8_lossy(&seen).contains("3 Timeline") {
        let n = reader.read(&mut buf).unwrap();
        assert!(n > 0, "{}", String::from_utf8_lossy(&seen));
        seen.extend_from_slice(&buf[..n]);
    }
    let elapsed = start.elapsed();
    child.kill().unwrap();
    child.wait().unwrap();
    elapsed
}
