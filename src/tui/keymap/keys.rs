//! Keys as bound: the [`Key`] type, how a key is written in the config
//! file and shown in hints and help, and reading it back.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key as bound: a code and whether Ctrl is held. Shift is part of the
/// character (`G`), so it is not tracked separately.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

pub(super) const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

pub(super) const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

pub(super) const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

impl Key {
    /// The mark this key names in the mark prompt: a plain letter.
    pub fn mark_name(&self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if !self.ctrl && crate::tui::marks::is_mark_name(c) => Some(c),
            _ => None,
        }
    }

    /// The bound key for a terminal key event.
    pub fn from_event(e: &KeyEvent) -> Key {
        let ctrl = e.modifiers.contains(KeyModifiers::CONTROL);
        let code = match e.code {
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        Key { code, ctrl }
    }

    /// How the key is written in hints and help: `j`, `↓`, `Ctrl-d`.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Down => "↓".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Backspace => "Bksp".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl { format!("Ctrl-{base}") } else { base }
    }
}

/// Named keys as the config file writes them, with the other spellings
/// accepted (the help's labels among them).
const NAMED: &[(KeyCode, &str, &[&str])] = &[
    (KeyCode::Down, "Down", &["↓"]),
    (KeyCode::Up, "Up", &["↑"]),
    (KeyCode::Left, "Left", &["←"]),
    (KeyCode::Right, "Right", &["→"]),
    (KeyCode::PageDown, "PageDown", &["PgDn"]),
    (KeyCode::PageUp, "PageUp", &["PgUp"]),
    (KeyCode::Home, "Home", &[]),
    (KeyCode::End, "End", &[]),
    (KeyCode::Tab, "Tab", &[]),
    (KeyCode::BackTab, "Shift-Tab", &["S-Tab", "BackTab"]),
    (KeyCode::Enter, "Enter", &["Return"]),
    (KeyCode::Esc, "Esc", &["Escape"]),
    (KeyCode::Backspace, "Backspace", &["Bksp"]),
    (KeyCode::Delete, "Delete", &["Del"]),
    (KeyCode::Insert, "Insert", &["Ins"]),
    (KeyCode::Char(' '), "Space", &[]),
];

impl Key {
    /// How the config file writes the key: `j`, `Down`, `Ctrl-d`, `F1`.
    pub fn name(&self) -> String {
        let base = match self.code {
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Char(c) if c != ' ' => c.to_string(),
            code => NAMED
                .iter()
                .find(|(k, _, _)| *k == code)
                .map_or_else(|| self.label(), |(_, name, _)| (*name).to_string()),
        };
        if self.ctrl { format!("Ctrl-{base}") } else { base }
    }

    /// Reads a key as the config file or the help writes it: one
    /// character (`j`, `G`, `?`), a named key (`Down`, `PageUp`, `F5`,
    /// case ignored), either with a `Ctrl-` prefix.
    pub fn parse(text: &str) -> Result<Key, String> {
        let (ctrl, base) = match text.get(..5) {
            Some(p) if text.len() > 5 && p.eq_ignore_ascii_case("ctrl-") => (true, &text[5..]),
            _ => (false, text),
        };
        let mut chars = base.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() && !NAMED.iter().any(|(_, _, alt)| alt.contains(&base)) => {
                KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c })
            }
            _ => {
                let named = NAMED.iter().find(|(_, name, alt)| {
                    name.eq_ignore_ascii_case(base) || alt.iter().any(|a| a.eq_ignore_ascii_case(base))
                });
                let function = base
                    .strip_prefix(['F', 'f'])
                    .and_then(|n| n.parse::<u8>().ok())
                    .filter(|n| (1..=24).contains(n));
                match (named, function) {
                    (Some((code, _, _)), _) => *code,
                    (None, Some(n)) => KeyCode::F(n),
                    (None, None) => {
                        return Err(format!("`{text}` is not a key"));
                    }
                }
            }
        };
        Ok(Key { code, ctrl })
    }
}
