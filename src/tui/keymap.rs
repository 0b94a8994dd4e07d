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
    /// The jump chooser (its list keys are [`Ctx::Popup`]'s).
    Chooser,
    /// Typing a date to jump to.
    Prompt,
    /// The help overlay.
    Help,
}

impl Ctx {
    /// Whether bindings made for `self` apply in `ctx`: global ones
    /// everywhere, browsing ones on the timeline too, list ones in the
    /// chooser too.
    pub fn applies_in(self, ctx: Ctx) -> bool {
        self == Ctx::Global
            || self == ctx
            || (ctx == Ctx::Timeline && self == Ctx::Browse)
            || (ctx == Ctx::Chooser && self == Ctx::Popup)
    }

    /// Heading of this context in the help overlay, naming the keys that
    /// open it from the table: `Search (/)`.
    pub fn title(self) -> String {
        let key = |a: Action| key_of(a, Ctx::Browse);
        match self {
            Ctx::Global => "Anywhere".into(),
            Ctx::Browse => "Browsing".into(),
            Ctx::Timeline => "Timeline".into(),
            Ctx::Search => format!("Search ({})", key(Action::Search)),
            Ctx::Popup => format!(
                "Lists ({} on an event, {})",
                key(Action::Select),
                key(Action::KindFilter)
            ),
            Ctx::Chooser => format!("Jump chooser ({} on an event)", key(Action::Select)),
            Ctx::Prompt => format!("Date prompt ({})", key(Action::DatePrompt)),
            Ctx::Help => "Help".into(),
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
    ErrorsDown,
    ErrorsUp,
}

/// A binding's short label for the status line and popup titles, and how
/// much it matters when space is short (0 first; 0 is always shown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hint {
    pub label: &'static str,
    pub priority: u8,
}

/// One line of the keymap.
pub struct Binding {
    pub keys: &'static [Key],
    pub ctx: Ctx,
    pub action: Action,
    pub help: &'static str,
    /// Shown as a hint when the context is active, if set.
    pub hint: Option<Hint>,
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

impl Binding {
    /// The same binding, hinted as `label` with `priority`.
    const fn hint(self, label: &'static str, priority: u8) -> Binding {
        Binding {
            hint: Some(Hint { label, priority }),
            ..self
        }
    }
}

use Action as A;
use Ctx::{Browse, Chooser, Global, Help as HelpCtx, Popup, Prompt, Search as SearchCtx, Timeline};

/// Every binding, in the order the help overlay lists them. Hints show in
/// table order; when space is short, lower priorities go first.
pub const KEYMAP: &[Binding] = &[
    bind(&[ctrl('c')], Global, A::Quit, "quit from anywhere"),
    bind(&[ch('?'), key(KeyCode::F(1))], Browse, A::Help, "show this help").hint("keys", 0),
    bind(&[ch('q')], Browse, A::Quit, "quit").hint("quit", 2),
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
    bind(
        &[key(KeyCode::Enter)],
        Browse,
        A::Select,
        "filter by this company or person; on an event, jump to who or where",
    )
    .hint("select", 4),
    bind(
        &[key(KeyCode::Backspace), ctrl('o')],
        Browse,
        A::Back,
        "go back to where you were",
    ),
    bind(
        &[key(KeyCode::Esc), ch('x')],
        Browse,
        A::ClearFilter,
        "clear the filters",
    )
    .hint("clear", 5),
    bind(
        &[ch('/')],
        Browse,
        A::Search,
        "fuzzy search people, companies and events",
    )
    .hint("search", 1),
    bind(&[ch('n')], Browse, A::NextHit, "next search result"),
    bind(&[ch('N')], Browse, A::PrevHit, "previous search result"),
    bind(
        &[ch('f')],
        Browse,
        A::KindFilter,
        "filter the timeline by event kind",
    )
    .hint("kind", 3),
    bind(
        &[ch('t')],
        Browse,
        A::DatePrompt,
        "jump the timeline to a date (2014, 2025-06)",
    )
    .hint("date", 3),
    bind(&[ctrl('e')], Browse, A::ErrorsDown, "scroll the error panel down"),
    bind(&[ctrl('y')], Browse, A::ErrorsUp, "scroll the error panel up"),
    bind(&[ch(']')], Timeline, A::NextYear, "next year").hint("year", 6),
    bind(&[ch('[')], Timeline, A::PrevYear, "previous year"),
    bind(&[ch('}')], Timeline, A::NextMonth, "next month").hint("month", 6),
    bind(&[ch('{')], Timeline, A::PrevMonth, "previous month"),
    bind(
        &[key(KeyCode::Enter)],
        SearchCtx,
        A::Accept,
        "jump to the result in its pane",
    )
    .hint("jump", 0),
    bind(
        &[key(KeyCode::Esc)],
        SearchCtx,
        A::Cancel,
        "cancel and restore the view",
    )
    .hint("cancel", 0),
    bind(
        &[key(KeyCode::Down), ctrl('n'), ctrl('j')],
        SearchCtx,
        A::Down,
        "next result",
    )
    .hint("next", 2),
    bind(
        &[key(KeyCode::Up), ctrl('p'), ctrl('k')],
        SearchCtx,
        A::Up,
        "previous result",
    )
    .hint("previous", 2),
    bind(&[ctrl('w')], SearchCtx, A::DeleteWord, "delete the last word"),
    bind(&[ctrl('u')], SearchCtx, A::ClearInput, "clear the query").hint("clear", 3),
    bind(&[key(KeyCode::Enter)], Popup, A::Accept, "choose").hint("choose", 0),
    bind(&[key(KeyCode::Esc), ch('q')], Popup, A::Cancel, "close").hint("close", 0),
    bind(&[ch('j'), key(KeyCode::Down)], Popup, A::Down, "move down").hint("down", 2),
    bind(&[ch('k'), key(KeyCode::Up)], Popup, A::Up, "move up").hint("up", 2),
    bind(
        &[ch('p')],
        Chooser,
        A::JumpPerson,
        "jump to the event's first person",
    )
    .hint("person", 1),
    bind(
        &[ch('o')],
        Chooser,
        A::JumpOrg,
        "jump to the event's first organization",
    )
    .hint("company", 1),
    bind(&[key(KeyCode::Enter)], Prompt, A::Accept, "jump to the date").hint("jump", 0),
    bind(&[key(KeyCode::Esc)], Prompt, A::Cancel, "cancel").hint("cancel", 0),
    bind(
        &[key(KeyCode::Esc), ch('q'), ch('?'), key(KeyCode::F(1))],
        HelpCtx,
        A::Cancel,
        "close help",
    )
    .hint("close", 0),
    bind(&[ch('j'), key(KeyCode::Down)], HelpCtx, A::Down, "scroll down").hint("down", 1),
    bind(&[ch('k'), key(KeyCode::Up)], HelpCtx, A::Up, "scroll up").hint("up", 1),
];

/// The action bound to `key` in `ctx` (global bindings first). In the
/// timeline, browsing keys apply too; in the chooser, list keys.
pub fn action(key: Key, ctx: Ctx) -> Option<Action> {
    KEYMAP
        .iter()
        .filter(|b| b.ctx.applies_in(ctx))
        .find(|b| b.keys.contains(&key))
        .map(|b| b.action)
}

/// The binding of `action` in `ctx`, if any: the per-action lookup hints
/// and prompts name keys by, so they show the live binding.
pub fn binding(action: Action, ctx: Ctx) -> Option<&'static Binding> {
    KEYMAP
        .iter()
        .find(|b| b.action == action && b.ctx.applies_in(ctx))
}

/// How the first key bound to `action` in `ctx` is written, for prompts
/// and notes that name a key (empty if unbound).
pub fn key_of(action: Action, ctx: Ctx) -> String {
    binding(action, ctx)
        .and_then(|b| b.keys.first())
        .map_or_else(String::new, Key::label)
}

/// The keys of a binding joined for display: `j/↓`.
pub fn keys_label(b: &Binding) -> String {
    b.keys.iter().map(Key::label).collect::<Vec<_>>().join("/")
}

/// One hint as shown: the binding's first key and its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub key: String,
    pub label: &'static str,
}

impl Shown {
    /// Columns taken by `key label`.
    pub fn width(&self) -> usize {
        crate::text::width(&self.key) + 1 + crate::text::width(self.label)
    }
}

/// The hints of `ctx` alone (not its parents'), in table order.
pub fn own_hints(ctx: Ctx) -> Vec<Shown> {
    prioritized(|b| b.ctx == ctx)
        .into_iter()
        .map(|(_, s)| s)
        .collect()
}

/// The hints live in `ctx`, in table order.
pub fn hints(ctx: Ctx) -> Vec<Shown> {
    prioritized(|b| b.ctx.applies_in(ctx))
        .into_iter()
        .map(|(_, s)| s)
        .collect()
}

/// The hints of `ctx` that always show (priority 0): for popup titles.
pub fn essential_hints(ctx: Ctx) -> Vec<Shown> {
    prioritized(|b| b.ctx.applies_in(ctx) && b.hint.is_some_and(|h| h.priority == 0))
        .into_iter()
        .map(|(_, s)| s)
        .collect()
}

/// The hints of the bindings kept, with their priorities, in table order.
fn prioritized(keep: impl Fn(&Binding) -> bool) -> Vec<(u8, Shown)> {
    KEYMAP
        .iter()
        .filter(|b| keep(b))
        .filter_map(|b| {
            let hint = b.hint?;
            let key = b.keys.first()?.label();
            Some((
                hint.priority,
                Shown {
                    key,
                    label: hint.label,
                },
            ))
        })
        .collect()
}

/// The hints of `ctx` that fit in `width` columns when each takes its width
/// plus `gap`: the most important first, shown in table order. Priority-0
/// hints are kept even if they overflow.
pub fn fitting_hints(ctx: Ctx, width: usize, gap: usize) -> Vec<Shown> {
    let live = prioritized(|b| b.ctx.applies_in(ctx));
    let mut order: Vec<usize> = (0..live.len()).collect();
    order.sort_by_key(|&i| live[i].0);
    let mut keep = vec![false; live.len()];
    let mut used = 0;
    for i in order {
        let w = live[i].1.width() + gap;
        if live[i].0 == 0 || used + w <= width {
            keep[i] = true;
            used += w;
        }
    }
    live.into_iter()
        .zip(keep)
        .filter_map(|((_, s), k)| k.then_some(s))
        .collect()
}

/// One row of the help overlay.
#[derive(Clone, Copy)]
pub enum HelpRow {
    /// A context's heading.
    Heading(Ctx),
    /// A binding, with the first part of its help.
    Binding(&'static Binding, &'static str),
    /// The rest of a help text too long for one row.
    More(&'static str),
    /// A note on a context's other keys: (keys, what they do).
    Note(&'static str, &'static str),
    /// What the `≠` marker means.
    Disputed,
    Blank,
}

/// Columns the keys take in a help row.
pub const HELP_KEYS_WIDTH: usize = 20;

/// The help overlay's rows for an overlay `width` columns wide inside,
/// grouped by context, in table order; long help texts wrap at spaces.
pub fn help_rows(width: usize) -> Vec<HelpRow> {
    let room = width.saturating_sub(HELP_KEYS_WIDTH).max(10);
    let contexts = [
        Global, Browse, Timeline, SearchCtx, Popup, Chooser, Prompt, HelpCtx,
    ];
    let mut out = Vec::new();
    for ctx in contexts {
        out.push(HelpRow::Heading(ctx));
        for b in KEYMAP.iter().filter(|b| b.ctx == ctx) {
            let mut parts = wrap(b.help, room).into_iter();
            out.push(HelpRow::Binding(b, parts.next().unwrap_or_default()));
            out.extend(parts.map(HelpRow::More));
        }
        if ctx == SearchCtx {
            out.push(HelpRow::Note("other keys", "type the query"));
        }
        out.push(HelpRow::Blank);
    }
    out.push(HelpRow::Disputed);
    out
}

/// `text` cut at spaces into pieces of at most `width` columns (a longer
/// word stays whole).
fn wrap(text: &'static str, width: usize) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut rest = text;
    while crate::text::width(rest) > width {
        let mut spaces = rest.char_indices().filter(|&(_, c)| c == ' ').map(|(i, _)| i);
        let first = spaces.next();
        let fitting = first
            .into_iter()
            .chain(spaces)
            .take_while(|&i| crate::text::width(&rest[..i]) <= width)
            .last();
        let Some(cut) = fitting.or(first) else { break };
        out.push(&rest[..cut]);
        rest = &rest[cut + 1..];
    }
    out.push(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_where_it_could_apply() {
        let contexts = [Browse, Timeline, SearchCtx, Popup, Chooser, Prompt, HelpCtx];
        for ctx in contexts {
            let live: Vec<&Binding> = KEYMAP.iter().filter(|b| b.ctx.applies_in(ctx)).collect();
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
    fn hints_are_chosen_by_priority_and_keys_stays() {
        let label = |h: &[Shown]| {
            h.iter()
                .map(|s| format!("{} {}", s.key, s.label))
                .collect::<Vec<_>>()
        };
        let all = hints(Browse);
        assert_eq!(
            label(&all),
            [
                "? keys",
                "q quit",
                "Enter select",
                "Esc clear",
                "/ search",
                "f kind",
                "t date"
            ]
        );
        let narrow = fitting_hints(Browse, 30, 2);
        assert_eq!(label(&narrow), ["? keys", "q quit", "/ search"]);
        assert_eq!(
            label(&fitting_hints(Browse, 0, 2)),
            ["? keys"],
            "? keys always stays"
        );
        assert!(label(&hints(Timeline)).contains(&"] year".to_string()));
        assert_eq!(label(&own_hints(Chooser)), ["p person", "o company"]);
        assert!(label(&hints(Chooser)).contains(&"Enter choose".to_string()));
        assert!(!label(&hints(Popup)).contains(&"p person".to_string()));
        assert_eq!(
            binding(A::Accept, SearchCtx).map(|b| b.keys[0]),
            Some(key(KeyCode::Enter))
        );
    }

    #[test]
    fn headings_and_notes_name_keys_from_the_table() {
        assert_eq!(SearchCtx.title(), "Search (/)");
        assert_eq!(Popup.title(), "Lists (Enter on an event, f)");
        assert_eq!(Prompt.title(), "Date prompt (t)");
        assert_eq!(key_of(A::Help, Browse), "?");
        assert_eq!(key_of(A::JumpOrg, Browse), "", "unbound here");
    }

    #[test]
    fn long_help_wraps_at_spaces() {
        assert_eq!(
            wrap("filter by this company", 10),
            ["filter by", "this", "company"]
        );
        assert_eq!(wrap("short", 10), ["short"]);
        assert_eq!(wrap("unbreakable-word here", 5), ["unbreakable-word", "here"]);
        let rows = help_rows(74);
        assert!(rows.iter().any(|r| matches!(r, HelpRow::More(_))));
        assert!(help_rows(200).iter().all(|r| !matches!(r, HelpRow::More(_))));
    }

    #[test]
    fn every_mode_but_global_has_hints_and_a_way_out() {
        for ctx in [Browse, Timeline, SearchCtx, Popup, Chooser, Prompt, HelpCtx] {
            let hs = hints(ctx);
            assert!(
                hs.iter().any(|h| ["quit", "cancel", "close"].contains(&h.label)),
                "{ctx:?}: no way out in {hs:?}"
            );
        }
    }
}
