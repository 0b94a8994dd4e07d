//! The config file against hostile places and files: a FIFO, a folder or a
//! dangling symlink where the file should be, a relative HOME, and many
//! mistakes at once, run as the real binary.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::OutputWithin;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// `rivals` with HOME and XDG_CONFIG_HOME in `home`.
fn rivals(home: &Path) -> Command {
    let mut cmd = common::rivals();
    cmd.env("XDG_CONFIG_HOME", home).env("HOME", home);
    cmd
}

/// Runs `cmd`, stopped if it hangs: exit code, stdout and stderr.
fn run(cmd: &mut Command) -> (Option<i32>, String, String) {
    let out = cmd.output_within(Duration::from_secs(20)).unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn a_fifo_given_with_config_is_refused_at_once() {
    let home = tempfile::tempdir().unwrap();
    let fifo = home.path().join("config.toml");
    mkfifo(&fifo);
    for args in [&["config"][..], &[]] {
        let (code, _, err) = run(rivals(home.path()).args(args).arg("--config").arg(&fifo));
        assert_eq!(code, Some(1), "{args:?}: {err}");
        assert!(
            err.starts_with(&format!(
                "{}: error: cannot read the config file: it is a FIFO (named pipe), not a regular file; \
                 check the path given to --config, or see `rivals config --path`\n",
                fifo.display()
            )),
            "{err}"
        );
    }
}

#[cfg(unix)]
#[test]
fn something_other_than_a_file_at_the_default_path_is_an_error() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("rivals/config.toml");
    std::fs::create_dir_all(&file).unwrap();
    let folder = (file.clone(), "it is a folder, not a file".to_string());
    let fifo_home = tempfile::tempdir().unwrap();
    let fifo = fifo_home.path().join("rivals/config.toml");
    std::fs::create_dir_all(fifo.parent().unwrap()).unwrap();
    mkfifo(&fifo);
    let fifo = (fifo, "it is a FIFO (named pipe), not a regular file".to_string());
    let link_home = tempfile::tempdir().unwrap();
    let link = link_home.path().join("rivals/config.toml");
    std::fs::create_dir_all(link.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink("gone.toml", &link).unwrap();
    let link = (
        link.clone(),
        "it is a symlink to gone.toml, which does not exist".to_string(),
    );
    for (path, why) in [folder, fifo, link] {
        let home = path.parent().unwrap().parent().unwrap();
        let expected = format!(
            "{}: error: cannot read the config file: {why}; fix it or remove it \
             (without a file there, the defaults apply)\n",
            path.display()
        );
        let (code, out, err) = run(rivals(home).arg("config"));
        assert_eq!((code, out.as_str()), (Some(1), ""), "{why}");
        assert_eq!(err, format!("{expected}1 problem found; nothing was loaded\n"));
        // The explorer refuses to start, before it looks for a terminal.
        let (code, _, err) = run(&mut rivals(home));
        assert_eq!(code, Some(1), "{why}");
        assert_eq!(err, expected);
        // Where it is looked for is still known.
        let (code, out, _) = run(rivals(home).args(["config", "--path"]));
        assert_eq!((code, out), (Some(0), format!("{}\n", path.display())));
    }
}

#[test]
fn config_prints_every_mistake_in_file_order_and_a_count() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("rivals/config.toml");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(
        &file,
        "[keys]\nquitt = [\"q\"]\ndown = [\"Hyper-x\"]\n[theme]\nname = \"solarized\"\n",
    )
    .unwrap();
    let (code, out, err) = run(rivals(home.path()).arg("config"));
    assert_eq!((code, out.as_str()), (Some(1), ""));
    let heads: Vec<&str> = err.lines().filter(|l| !l.starts_with("  hint:")).collect();
    let at = |rest: &str| format!("{}:{rest}", file.display());
    assert_eq!(
        heads,
        [
            at("2:1: error: unknown action `quitt` in [keys]").as_str(),
            at("3:9: error: `Hyper-x` is not a key").as_str(),
            at("5:8: error: unknown theme `solarized`").as_str(),
            "3 problems found; nothing was loaded",
        ]
    );
}

#[test]
fn a_relative_home_gives_no_config_path() {
    let cwd = tempfile::tempdir().unwrap();
    // A config that would stop the explorer, where a relative HOME leads.
    let file = cwd.path().join("rel/.config/rivals/config.toml");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, "[keys]\nquitt = [\"q\"]\n").unwrap();
    let rivals = || {
        let mut cmd = common::rivals();
        cmd.current_dir(cwd.path())
            .env("HOME", "rel")
            .env_remove("XDG_CONFIG_HOME");
        cmd
    };
    let why =
        "the config folder would be relative (rel/.config/): set HOME or XDG_CONFIG_HOME to an absolute path";
    let (code, out, err) = run(rivals().args(["config", "--path"]));
    assert_eq!((code, out.as_str()), (Some(1), ""));
    assert_eq!(
        err,
        format!("rivals: error: no config file path: {why}; give a file with --config FILE\n")
    );
    let (code, out, err) = run(rivals().arg("config"));
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert_eq!(
        out,
        format!("no config file is read ({why}): the defaults are in use\n")
    );
    // The explorer runs on the defaults: it gets as far as wanting a
    // terminal.
    let (code, _, err) = run(&mut rivals());
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("needs a terminal"), "{err}");
}
