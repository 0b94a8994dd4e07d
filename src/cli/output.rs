//! Writing the command line's output: all at once, and every failure to
//! write reported with exit status 1, except a closed pipe (`| head`),
//! which stays quiet.

use crate::model::Diagnostic;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

/// Writes `text` to standard output and says how the program should exit.
pub fn stdout(text: &str) -> ExitCode {
    if text.is_empty() {
        return ExitCode::SUCCESS;
    }
    match write_stdout(text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let why = if e.raw_os_error() == Some(EBADF) {
                "standard output is closed".to_string()
            } else {
                e.to_string()
            };
            error(&Diagnostic::file("rivals", format!("cannot write output: {why}")));
            ExitCode::from(1)
        }
    }
}

/// `EBADF`, the error for a closed descriptor (the same on every Unix).
const EBADF: i32 = 9;

#[cfg(unix)]
fn write_stdout(text: &str) -> io::Result<()> {
    use std::os::fd::AsFd;
    let mut file = std::fs::File::from(io::stdout().as_fd().try_clone_to_owned()?);
    if was_closed(&file) {
        return Err(io::Error::from_raw_os_error(EBADF));
    }
    file.write_all(text.as_bytes())
}

/// Whether standard output was closed when the program started (`>&-`):
/// the Rust runtime then puts `/dev/null` opened read-write in its place,
/// which a shell's `>/dev/null` (write-only) never does.
#[cfg(target_os = "linux")]
fn was_closed(file: &std::fs::File) -> bool {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let (Ok(out), Ok(null)) = (file.metadata(), std::fs::metadata("/dev/null")) else {
        return false;
    };
    if !out.file_type().is_char_device() || out.rdev() != null.rdev() {
        return false;
    }
    const ACCESS_MODE: u32 = 0o3;
    const READ_WRITE: u32 = 0o2;
    std::fs::read_to_string("/proc/self/fdinfo/1")
        .ok()
        .and_then(|info| {
            let flags = info.lines().find_map(|l| l.strip_prefix("flags:"))?;
            u32::from_str_radix(flags.trim(), 8).ok()
        })
        .is_some_and(|flags| flags & ACCESS_MODE == READ_WRITE)
}

/// Elsewhere the runtime's stand-in cannot be told from a redirection.
#[cfg(all(unix, not(target_os = "linux")))]
fn was_closed(_file: &std::fs::File) -> bool {
    false
}

#[cfg(not(unix))]
fn write_stdout(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Makes writing past the file size limit (`ulimit -f`) an error the
/// program handles instead of a signal (SIGXFSZ) that kills it: a cache
/// image that does not fit is then just not written, and output that does
/// not fit fails with exit status 1.
#[cfg(unix)]
pub fn survive_file_size_limit() {
    use std::sync::{Arc, atomic::AtomicBool};
    let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, Arc::new(AtomicBool::new(false)));
}

/// Prints a problem on standard error. If even that cannot be written,
/// there is nowhere left to say so: the exit status still tells.
pub fn error(problem: &Diagnostic) {
    errors(std::slice::from_ref(problem));
}

/// Prints problems on standard error, in one buffered write rather than
/// one per piece of each message (a check can print thousands).
pub fn errors(problems: &[Diagnostic]) {
    let mut out = io::BufWriter::new(io::stderr().lock());
    for problem in problems {
        if writeln!(out, "{problem}").is_err() {
            return;
        }
    }
    let _ = out.flush();
}

/// Prints a plain line on standard error, such as a summary.
pub fn note(line: &str) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

/// Handles what `clap` stopped on: help and version go to standard output
/// (exit 0, or 1 if they cannot be written), usage errors to standard
/// error with exit status 2.
pub fn clap_stop(e: &clap::Error) -> ExitCode {
    if e.use_stderr() {
        let _ = e.print();
        return ExitCode::from(2);
    }
    let styled = e.render();
    let color = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    if color {
        stdout(&styled.ansi().to_string())
    } else {
        stdout(&styled.to_string())
    }
}
