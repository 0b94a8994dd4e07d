//! Drives the real binary in a pseudo-terminal and reads the screen back
//! with a VT100 emulator.
#![allow(dead_code, clippy::unwrap_used)]

use portable_pty::{Child, CommandBuilder, PtyPair, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long to wait for the screen to show something.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// A running `rivals` in a pseudo-terminal.
pub struct Pty {
    pair: PtyPair,
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote.
    pub raw: Arc<Mutex<Vec<u8>>>,
}

impl Pty {
    /// Starts the binary with `args` in a `cols`x`rows` terminal.
    pub fn spawn(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(super::BIN);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("RIVALS_DATA");
        // No user config file: a test that wants one sets its own folder.
        cmd.env("XDG_CONFIG_HOME", "/nonexistent/rivals-tests");
        cmd.env("RIVALS_NO_CACHE", "1");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        let writer = pair.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Pty {
            pair,
            child,
            writer,
            parser,
            raw,
        }
    }

    /// The screen's text.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Whether the emulated terminal is on the alternate screen.
    pub fn alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    /// Whether the cursor is hidden, and whether mouse reporting is on.
    pub fn cursor_hidden_and_mouse(&self) -> (bool, bool) {
        let p = self.parser.lock().unwrap();
        let s = p.screen();
        (
            s.hide_cursor(),
            s.mouse_protocol_mode() != vt100::MouseProtocolMode::None,
        )
    }

    /// Sends bytes as if typed.
    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits until the screen satisfies `cond`, or fails showing it.
    pub fn wait_for(&self, what: &str, cond: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            // A screen read mid-redraw may satisfy `cond` with half a frame
            // (a new row before the status line under it): only a screen
            // that stays the same for a moment counts.
            if cond(&screen) {
                std::thread::sleep(Duration::from_millis(30));
                if self.screen() == screen {
                    return screen;
                }
            } else {
                std::thread::sleep(Duration::from_millis(20));
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}; screen:\n{screen}"
            );
        }
    }

    /// Waits until `text` is on screen.
    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    /// Resizes the terminal (the program gets SIGWINCH).
    pub fn resize(&self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .set_size(NonZeroU16::new(rows).unwrap(), NonZeroU16::new(cols).unwrap());
        self.pair
            .master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    /// CPU time the program has used so far, in clock ticks (Linux).
    pub fn cpu_ticks(&self) -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).unwrap();
        let after_name = &stat[stat.rfind(')').unwrap() + 2..];
        let fields: Vec<&str> = after_name.split(' ').collect();
        // utime and stime are fields 14 and 15 of stat; 12 and 13 after the name.
        fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
    }

    /// The child's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap()
    }

    /// Waits for the program to exit; returns whether it succeeded.
    pub fn wait_exit(&mut self) -> bool {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader drain the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                return status.success();
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "the program did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Runs `stty -a` on the same terminal after the program exited, to see
    /// whether it was left in raw mode.
    pub fn stty(&self) -> String {
        let before = self.raw.lock().unwrap().len();
        let mut child = self
            .pair
            .slave
            .spawn_command(CommandBuilder::new("stty").tap_arg("-a"))
            .unwrap();
        child.wait().unwrap();
        let start = Instant::now();
        loop {
            let out = String::from_utf8_lossy(&self.raw.lock().unwrap()[before..]).into_owned();
            if out.contains("icanon") || start.elapsed() > Duration::from_secs(5) {
                return out;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

trait TapArg {
    fn tap_arg(self, arg: &str) -> Self;
}

impl TapArg for CommandBuilder {
    fn tap_arg(mut self, arg: &str) -> Self {
        self.arg(arg);
        self
    }
}

/// Every colour-setting SGR sequence in `raw`, as written: 256-colour
/// (`38;5;N`, `48;5;N`), true colour (`38;2;R;G;B`, `48;2;…`), the
/// 16 basic and bright colours (`3X`, `4X`, `9X`, `10X`; `39`/`49` only
/// reset and are not counted). Parameters may be joined by `;` or `:`.
pub fn colour_codes(raw: &str) -> Vec<String> {
    let mut found = Vec::new();
    for seq in raw.split("\x1b[").skip(1) {
        let Some(end) = seq.find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':')) else {
            continue;
        };
        if !seq[end..].starts_with('m') {
            continue;
        }
        let params: Vec<u32> = seq[..end]
            .split([';', ':'])
            .map(|p| p.parse().unwrap_or(0))
            .collect();
        let mut i = 0;
        while i < params.len() {
            match params[i] {
                38 | 48 => {
                    found.push(format!("\\e[{}m", &seq[..end]));
                    // Skip the colour's own parameters.
                    i += if params.get(i + 1) == Some(&2) { 5 } else { 3 };
                    continue;
                }
                30..=37 | 40..=47 | 90..=97 | 100..=107 => {
                    found.push(format!("\\e[{}m", &seq[..end]));
                }
                _ => {}
            }
            i += 1;
        }
    }
    found
}

/// Asserts that the terminal was handed back as it was found.
pub fn assert_restored(pty: &Pty) {
    assert!(!pty.alternate_screen(), "still on the alternate screen");
    assert_eq!(
        pty.cursor_hidden_and_mouse(),
        (false, false),
        "cursor hidden or mouse still captured"
    );
    let stty = pty.stty();
    assert!(
        stty.contains(" icanon") && stty.contains(" echo"),
        "terminal left in raw mode:\n{stty}"
    );
}

impl Pty {
    /// Sends `signal` (a name such as `TERM`) with the shell's own `kill`.
    pub fn signal(&self, signal: &str) {
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("kill -{signal} {}", self.pid()))
            .status()
            .unwrap();
        assert!(status.success(), "kill -{signal} failed");
    }

    /// Waits for the program to exit; returns its exit code.
    pub fn wait_exit_code(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "the program did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether the program is stopped (job control), from `/proc` (Linux).
    pub fn stopped(&self) -> bool {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).unwrap();
        stat[stat.rfind(')').unwrap() + 2..].starts_with('T')
    }

    /// Waits until the program is stopped (`true`) or running (`false`).
    pub fn wait_stopped(&self, stopped: bool) {
        let start = Instant::now();
        while self.stopped() != stopped {
            assert!(
                start.elapsed() < TIMEOUT,
                "the program never became {}; screen:\n{}",
                if stopped { "stopped" } else { "running" },
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The cursor's (row, column) on the emulated screen.
    pub fn cursor(&self) -> (u16, u16) {
        self.parser.lock().unwrap().screen().cursor_position()
    }

    /// How many times the program wrote `needle`.
    pub fn count_raw(&self, needle: &str) -> usize {
        String::from_utf8_lossy(&self.raw.lock().unwrap())
            .matches(needle)
            .count()
    }
}

impl Pty {
    /// `stty -a` of the terminal while the program still holds it (a second
    /// session cannot attach to it, so this reads it by its device path).
    pub fn stty_live(&self) -> String {
        let tty = self.pair.master.tty_name().unwrap();
        let out = std::process::Command::new("stty")
            .arg("-a")
            .arg("-F")
            .arg(tty)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }
}

/// Asserts that the terminal was handed back as it was found, while the
/// program is still alive (stopped, for instance).
pub fn assert_restored_live(pty: &Pty) {
    // The program wrote the restoring bytes before it stopped, but the
    // reader thread may not have parsed them yet: give it a moment.
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while (pty.alternate_screen() || pty.cursor_hidden_and_mouse() != (false, false))
        && std::time::Instant::now() < deadline
    {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!pty.alternate_screen(), "still on the alternate screen");
    assert_eq!(
        pty.cursor_hidden_and_mouse(),
        (false, false),
        "cursor hidden or mouse still captured"
    );
    let stty = pty.stty_live();
    assert!(
        stty.contains(" icanon") && stty.contains(" echo"),
        "terminal left in raw mode:\n{stty}"
    );
}
