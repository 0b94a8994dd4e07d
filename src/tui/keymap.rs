//! The one keymap table: it drives key handling, the footer hints and the
//! help overlay, so they can never disagree.

use super::app::Pane;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key as bound: a code and whether Ctrl is held. Shift is part of the
/// character (`G`), so it is not tracked separately.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

impl Key {
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

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ctx {
    /// Everywhere, in every mode.
    Global,
    /// Browsing the panes.
    Browse,
    /// Browsing, with the timeline focused.
    Timeline,
    /// Typing a fuzzy search.
    Search,
    /// A popup list: the jump chooser or the kind filter.
    Popup,
    /// Typing a date to jump to.
    Prompt,
    /// The help overlay.
    Help,
}

impl Ctx {
    /// Heading of this context in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Ctx::Global => "Anywhere",
            Ctx::Browse => "Browsing",
            Ctx::Timeline => "Timeline",
            Ctx::Search => "Search (/)",
            Ctx::Popup => "Choosers (Enter on an event, f)",
            Ctx::Prompt => "Date prompt (t)",
            Ctx::Help => "Help",
        }
    }
}

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,
    NextPane,
    PrevPane,
    Focus(Pane),
    Down,
    Up,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    First,
    Last,
    NextYear,
    PrevYear,
    NextMonth,
    PrevMonth,
    DatePrompt,
    Search,
    NextHit,
    PrevHit,
    KindFilter,
    Help,
    Select,
    Back,
    ClearFilter,
    Cancel,
    Accept,
    JumpPerson,
    JumpOrg,
    DeleteWord,
    ClearInput,
}

/// One line of the keymap.
pub struct Binding {
    pub keys: &'static [Key],
    pub ctx: Ctx,
    pub action: Action,
    pub help: &'static str,
    /// Short label for the footer, for the few bindings shown there.
    pub hint: Option<&'static str>,
}

const fn bind(keys: &'static [Key], ctx: Ctx, action: Action, help: &'static str) -> Binding {
    Binding {
        keys,
        ctx,
        action,
        help,
        hint: None,
    }
}

const fn hinted(
    keys: &'static [Key],
    ctx: Ctx,
    action: Action,
    help: &'static str,
    hint: &'static str,
) -> Binding {
    Binding {
        keys,
        ctx,
        action,
        help,
        hint: Some(hint),
    }
}

use Action as A;
use Ctx::{Browse, Global, Help as HelpCtx, Popup, Prompt, Search as SearchCtx, Timeline};

/// Every binding, in the order the help overlay lists them.
pub const KEYMAP: &[Binding] = &[
    bind(&[ctrl('c')], Global, A::Quit, "quit from anywhere"),
    hinted(
        &[ch('?'), key(KeyCode::F(1))],
        Browse,
        A::Help,
        "show this help",
        "help",
    ),
    hinted(&[ch('q')], Browse, A::Quit, "quit", "quit"),
    bind(
        &[key(KeyCode::Tab), ch('l')],
        Browse,
        A::NextPane,
        "focus the next pane",
    ),
    bind(
        &[key(KeyCode::BackTab), ch('h')],
        Browse,
        A::PrevPane,
        "focus the previous pane",
    ),
    bind(&[ch('1')], Browse, A::Focus(Pane::Companies), "focus Companies"),
    bind(&[ch('2')], Browse, A::Focus(Pane::People), "focus People"),
    bind(&[ch('3')], Browse, A::Focus(Pane::Timeline), "focus Timeline"),
    bind(&[ch('j'), key(KeyCode::Down)], Browse, A::Down, "move down"),
    bind(&[ch('k'), key(KeyCode::Up)], Browse, A::Up, "move up"),
    bind(&[key(KeyCode::PageDown)], Browse, A::PageDown, "page down"),
    bind(&[key(KeyCode::PageUp)], Browse, A::PageUp, "page up"),
    bind(&[ctrl('d')], Browse, A::HalfPageDown, "half a page down"),
    bind(&[ctrl('u')], Browse, A::HalfPageUp, "half a page up"),
    bind(&[ch('g'), key(KeyCode::Home)], Browse, A::First, "first row"),
    bind(&[ch('G'), key(KeyCode::End)], Browse, A::Last, "last row"),
    hinted(
        &[key(KeyCode::Enter)],
        Browse,
        A::Select,
        "filter by this company or person; on an event, jump to who or where",
        "select",
    ),
    bind(
        &[key(KeyCode::Backspace), ctrl('o')],
        Browse,
        A::Back,
        "go back to where you were",
    ),
    hinted(
        &[key(KeyCode::Esc), ch('x')],
        Browse,
        A::ClearFilter,
        "clear the filters",
        "clear",
    ),
    hinted(
        &[ch('/')],
        Browse,
        A::Search,
        "fuzzy search people, companies and events",
        "search",
    ),
    bind(&[ch('n')], Browse, A::NextHit, "next search result"),
    bind(&[ch('N')], Browse, A::PrevHit, "previous search result"),
    hinted(
        &[ch('f')],
        Browse,
        A::KindFilter,
        "filter the timeline by event kind",
        "kind",
    ),
    hinted(
        &[ch('t')],
        Browse,
        A::DatePrompt,
        "jump the timeline to a date (2014, 2025-06)",
        "date",
    ),
    bind(&[ch(']')], Timeline, A::NextYear, "next year"),
    bind(&[ch('[')], Timeline, A::PrevYear, "previous year"),
    bind(&[ch('}')], Timeline, A::NextMonth, "next month"),
    bind(&[ch('{')], Timeline, A::PrevMonth, "previous month"),
    bind(
        &[key(KeyCode::Enter)],
        SearchCtx,
        A::Accept,
        "jump to the result in its pane",
    ),
    bind(
        &[key(KeyCode::Esc)],
        SearchCtx,
        A::Cancel,
        "cancel and restore the view",
    ),
    bind(
        &[key(KeyCode::Down), ctrl('n'), ctrl('j')],
        SearchCtx,
        A::Down,
        "next result",
    ),
    bind(
        &[key(KeyCode::Up), ctrl('p'), ctrl('k')],
        SearchCtx,
        A::Up,
        "previous result",
    ),
    bind(&[ctrl('w')], SearchCtx, A::DeleteWord, "delete the last word"),
    bind(&[ctrl('u')], SearchCtx, A::ClearInput, "clear the query"),
    bind(&[key(KeyCode::Enter)], Popup, A::Accept, "choose"),
    bind(&[key(KeyCode::Esc), ch('q')], Popup, A::Cancel, "close"),
    bind(&[ch('j'), key(KeyCode::Down)], Popup, A::Down, "move down"),
    bind(&[ch('k'), key(KeyCode::Up)], Popup, A::Up, "move up"),
    bind(
        &[ch('p')],
        Popup,
        A::JumpPerson,
        "jump to the event's first person",
    ),
    bind(
        &[ch('o')],
        Popup,
        A::JumpOrg,
        "jump to the event's first organization",
    ),
    bind(&[key(KeyCode::Enter)], Prompt, A::Accept, "jump to the date"),
    bind(&[key(KeyCode::Esc)], Prompt, A::Cancel, "cancel"),
    bind(
        &[key(KeyCode::Esc), ch('q'), ch('?'), key(KeyCode::F(1))],
        HelpCtx,
        A::Cancel,
        "close help",
    ),
    bind(&[ch('j'), key(KeyCode::Down)], HelpCtx, A::Down, "scroll down"),
    bind(&[ch('k'), key(KeyCode::Up)], HelpCtx, A::Up, "scroll up"),
];

/// The action bound to `key` in `ctx` (global bindings first). In the
/// timeline, browsing keys apply too.
pub fn action(key: Key, ctx: Ctx) -> Option<Action> {
    let applies = |b: &Binding| b.ctx == Global || b.ctx == ctx || (ctx == Timeline && b.ctx == Browse);
    KEYMAP
        .iter()
        .filter(|b| applies(b))
        .find(|b| b.keys.contains(&key))
        .map(|b| b.action)
}

/// The keys of a binding joined for display: `j/↓`.
pub fn keys_label(b: &Binding) -> String {
    b.keys.iter().map(Key::label).collect::<Vec<_>>().join("/")
}

/// Footer hints for browsing: `/ search  ? help  q quit`.
pub fn hints() -> Vec<(String, &'static str)> {
    KEYMAP
        .iter()
        .filter_map(|b| b.hint.map(|h| (b.keys[0].label(), h)))
        .collect()
}

/// One row of the help overlay.
#[derive(Clone, Copy)]
pub enum HelpRow {
    /// A context's heading.
    Heading(Ctx),
    Binding(&'static Binding),
    /// A note on a context's other keys: (keys, what they do).
    Note(&'static str, &'static str),
    /// What the `≠` marker means.
    Disputed,
    Blank,
}

/// The help overlay's rows, grouped by context, in table order.
pub fn help_rows() -> Vec<HelpRow> {
    let contexts = [Global, Browse, Timeline, SearchCtx, Popup, Prompt, HelpCtx];
    let mut out = Vec::new();
    for ctx in contexts {
        out.push(HelpRow::Heading(ctx));
        out.extend(KEYMAP.iter().filter(|b| b.ctx == ctx).map(HelpRow::Binding));
        if ctx == SearchCtx {
            out.push(HelpRow::Note("other keys", "type the query"));
        }
        out.push(HelpRow::Blank);
    }
    out.push(HelpRow::Disputed);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_where_it_could_apply() {
        let contexts = [Browse, Timeline, SearchCtx, Popup, Prompt, HelpCtx];
        for ctx in contexts {
            let live: Vec<&Binding> = KEYMAP
                .iter()
                .filter(|b| b.ctx == Global || b.ctx == ctx || (ctx == Timeline && b.ctx == Browse))
                .collect();
            let mut seen: Vec<Key> = Vec::new();
            for b in live {
                for k in b.keys {
                    assert!(!seen.contains(k), "{} bound twice in {ctx:?}", k.label());
                    seen.push(*k);
                }
            }
        }
    }

    #[test]
    fn every_binding_has_help_and_keys() {
        for b in KEYMAP {
            assert!(!b.help.is_empty() && !b.keys.is_empty(), "{:?}", b.action);
        }
    }

    #[test]
    fn keys_resolve_per_context() {
        assert_eq!(action(ch('j'), Browse), Some(A::Down));
        assert_eq!(action(ch(']'), Browse), None);
        assert_eq!(action(ch(']'), Timeline), Some(A::NextYear));
        assert_eq!(action(ch('j'), Timeline), Some(A::Down));
        assert_eq!(action(ch('j'), SearchCtx), None, "letters are typed in search");
        assert_eq!(action(ctrl('c'), SearchCtx), Some(A::Quit));
        let e = KeyEvent::new(KeyCode::Char('D'), KeyModifiers::CONTROL);
        assert_eq!(Key::from_event(&e), ctrl('d'));
        assert_eq!(ctrl('d').label(), "Ctrl-d");
    }

    #[test]
    fn the_readme_documents_every_browsing_and_search_key() {
        let readme = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"));
        for b in KEYMAP
            .iter()
            .filter(|b| matches!(b.ctx, Global | Browse | Timeline | SearchCtx))
        {
            assert!(readme.contains(b.help), "README lacks `{}`", b.help);
            for k in b.keys {
                assert!(
                    readme.contains(&format!("`{}`", k.label())),
                    "README lacks key {}",
                    k.label()
                );
            }
        }
    }

    #[test]
    fn hints_come_from_the_table() {
        let hints = hints();
        assert!(hints.contains(&("/".to_string(), "search")));
        assert!(hints.contains(&("?".to_string(), "help")));
    }
}
