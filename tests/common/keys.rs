//! Key sequences for tests and benches, written as text: characters are
//! typed as they are (`\n` is Enter, `\x1b` Esc, `\t` Tab, `\x7f`
//! Backspace), and `<Name>` names any other key: `<Down>`, `<PgDn>`,
//! `<BackTab>`, `<F1>`, `<C-d>` (Ctrl). `<` itself is `<lt>`.
//!
//! Shared by the unit tests (`src/tui/app/tests.rs`, `src/tui/ui/tests.rs`,
//! through `#[path]`) and the benches, so there is one notation.
#![allow(dead_code)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The key events `keys` stands for. Panics on an unknown `<Name>`: a typo
/// in a test should fail loudly.
pub fn parse(keys: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
        {
            out.push(named(&rest[1..end]));
            rest = &rest[end + 1..];
            continue;
        }
        out.push(typed(c));
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn typed(c: char) -> KeyEvent {
    let none = KeyModifiers::NONE;
    match c {
        '\n' | '\r' => KeyEvent::new(KeyCode::Enter, none),
        '\x1b' => KeyEvent::new(KeyCode::Esc, none),
        '\t' => KeyEvent::new(KeyCode::Tab, none),
        '\x7f' => KeyEvent::new(KeyCode::Backspace, none),
        c if c.is_uppercase() => KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT),
        c => KeyEvent::new(KeyCode::Char(c), none),
    }
}

fn named(name: &str) -> KeyEvent {
    let none = KeyModifiers::NONE;
    let code = match name {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "BackTab" => return KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        "Down" => KeyCode::Down,
        "Up" => KeyCode::Up,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "PgDn" => KeyCode::PageDown,
        "PgUp" => KeyCode::PageUp,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "Bksp" => KeyCode::Backspace,
        "Space" => KeyCode::Char(' '),
        "lt" => KeyCode::Char('<'),
        f if f.starts_with('F') && f[1..].parse::<u8>().is_ok() => KeyCode::F(f[1..].parse().unwrap_or(1)),
        c if c.starts_with("C-") && c.chars().count() == 3 => {
            let ch = c.chars().nth(2).unwrap_or(' ');
            return KeyEvent::new(KeyCode::Char(ch), KeyModifiers::CONTROL);
        }
        other => panic!("unknown key <{other}>"),
    };
    KeyEvent::new(code, none)
}
