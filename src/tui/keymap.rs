//! The one keymap table: it drives key handling, the footer hints and the
//! help overlay, so they can never disagree. [`KEYMAP`] holds the default
//! keys; [`Keymap`] is the table with the keys in force, which the config
//! file may change (each action by its [`Action::name`]).

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
    /// Waiting for a mark's letter after `m` or `'`.
    Mark,
    /// The help overlay.
    Help,
    /// The Sources view.
    Sources,
    /// The Flows view.
    Flows,
    /// The Money view.
    Money,
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
    /// open it from `keymap`: `Search (/)`.
    pub fn title(self, keymap: &Keymap) -> String {
        let key = |a: Action| keymap.key_of(a, Ctx::Browse);
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
            Ctx::Mark => format!(
                "Marks ({} or {} then a letter)",
                key(Action::SetMark),
                key(Action::GoToMark)
            ),
            Ctx::Help => "Help".into(),
            Ctx::Sources => format!("Sources view ({})", key(Action::Sources)),
            Ctx::Flows => format!("Flows view ({})", key(Action::Flows)),
            Ctx::Money => format!("Money view ({})", key(Action::Money)),
        }
    }
}

impl Ctx {
    /// The config file's table for this context's bindings, under `[keys]`:
    /// `None` for browsing (and the timeline), whose actions sit in `[keys]`
    /// itself.
    pub fn section(self) -> Option<&'static str> {
        match self {
            Ctx::Browse | Ctx::Timeline => None,
            Ctx::Global => Some("anywhere"),
            Ctx::Search => Some("search_box"),
            Ctx::Popup => Some("lists"),
            Ctx::Chooser => Some("chooser"),
            Ctx::Prompt => Some("prompt"),
            Ctx::Help => Some("help_overlay"),
            Ctx::Mark => Some("mark"),
            Ctx::Sources => Some("sources_view"),
            Ctx::Flows => Some("flows_view"),
            Ctx::Money => Some("money_view"),
        }
    }

    /// Whether typing happens here, so a plain character cannot be a key.
    pub fn takes_text(self) -> bool {
        [Ctx::Search, Ctx::Prompt]
            .into_iter()
            .any(|typing| self.applies_in(typing))
    }
}

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Hand the terminal back and stop, like Ctrl-z in a shell.
    Suspend,
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
    Forward,
    SetMark,
    GoToMark,
    PeriodFilter,
    ClearFilter,
    Cancel,
    Accept,
    JumpPerson,
    JumpOrg,
    DeleteWord,
    ClearInput,
    ErrorsDown,
    ErrorsUp,
    /// Open the Sources view.
    Sources,
    /// Focus the Detail pane.
    FocusDetail,
    /// Toggle the Detail pane full screen.
    ZoomDetail,
    /// Cycle the Companies order.
    SortOrgs,
    Flows,
    Money,
    Left,
    Right,
    RollUp,
    LogScale,
}

impl Action {
    /// The action's name in the config file: `next_year`. The match is
    /// exhaustive, so a new action cannot go unnamed.
    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Suspend => "suspend",
            Action::NextPane => "next_pane",
            Action::PrevPane => "prev_pane",
            Action::Focus(Pane::Companies) => "focus_companies",
            Action::Focus(Pane::People) => "focus_people",
            Action::Focus(Pane::Timeline) => "focus_timeline",
            Action::Down => "down",
            Action::Up => "up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::First => "first",
            Action::Last => "last",
            Action::NextYear => "next_year",
            Action::PrevYear => "prev_year",
            Action::NextMonth => "next_month",
            Action::PrevMonth => "prev_month",
            Action::DatePrompt => "date_prompt",
            Action::Search => "search",
            Action::NextHit => "next_hit",
            Action::PrevHit => "prev_hit",
            Action::KindFilter => "kind_filter",
            Action::Help => "help",
            Action::Select => "select",
            Action::Back => "back",
            Action::ClearFilter => "clear_filter",
            Action::Cancel => "cancel",
            Action::Accept => "accept",
            Action::JumpPerson => "jump_person",
            Action::JumpOrg => "jump_org",
            Action::DeleteWord => "delete_word",
            Action::ClearInput => "clear_input",
            Action::Forward => "forward",
            Action::SetMark => "set_mark",
            Action::GoToMark => "go_to_mark",
            Action::PeriodFilter => "period_filter",
            Action::ErrorsDown => "errors_down",
            Action::ErrorsUp => "errors_up",
            Action::Sources => "open_sources",
            Action::SortOrgs => "sort_companies",
            Action::FocusDetail => "focus_detail",
            Action::ZoomDetail => "zoom_detail",
            Action::Flows => "flows",
            Action::Money => "money",
            Action::Left => "left",
            Action::Right => "right",
            Action::RollUp => "roll_up",
            Action::LogScale => "log_scale",
        }
    }
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
use Ctx::{
    Browse, Chooser, Flows as FlowsCtx, Global, Help as HelpCtx, Mark as MarkCtx, Money as MoneyCtx, Popup,
    Prompt, Search as SearchCtx, Sources as SourcesCtx, Timeline,
};

/// Every binding, in the order the help overlay lists them. Hints show in
/// table order; when space is short, lower priorities go first.
pub const KEYMAP: &[Binding] = &[
    bind(&[ctrl('c')], Global, A::Quit, "quit from anywhere"),
    bind(&[ctrl('z')], Global, A::Suspend, "suspend to the shell (fg resumes)"),
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
    bind(&[ch('4')], Browse, A::FocusDetail, "focus Detail (then j/k scroll it)"),
    bind(&[ch('z')], Browse, A::ZoomDetail, "Detail full screen, or back"),
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
        &[ctrl('f')],
        Browse,
        A::Forward,
        "go forward again to where you went back from",
    ),
    bind(
        &[ch('m')],
        Browse,
        A::SetMark,
        "set a mark here: m then a letter (kept between runs)",
    ),
    bind(
        &[ch('\'')],
        Browse,
        A::GoToMark,
        "go to a mark: ' then its letter",
    ),
    bind(
        &[key(KeyCode::Esc), ch('x')],
        Browse,
        A::ClearFilter,
        "clear the filters (company, person, kind, period and source)",
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
        "jump the timeline to a date (2014, 2025-7, jul 2025) or keep it to a period (2025-06..2025-08)",
    )
    .hint("date", 3),
    bind(&[ch('S')], Browse, A::Sources, "open the Sources view: the articles, to filter by one"),
    bind(&[ch('s')], Browse, A::SortOrgs, "order Companies by name, arrivals, departures or net gain"),
    bind(&[ctrl('e')], Browse, A::ErrorsDown, "scroll the error panel down"),
    bind(&[ctrl('y')], Browse, A::ErrorsUp, "scroll the error panel up"),
    bind(&[ch('F')], Browse, A::Flows, "Flows view: who moved from where to where"),
    bind(&[ch('M')], Browse, A::Money, "Money view: every amount on one axis"),
    bind(&[ch(']')], Timeline, A::NextYear, "next year").hint("year", 6),
    bind(&[ch('[')], Timeline, A::PrevYear, "previous year"),
    bind(&[ch('}')], Timeline, A::NextMonth, "next month").hint("month", 6),
    bind(&[ch('{')], Timeline, A::PrevMonth, "previous month"),
    bind(
        &[ch('p')],
        Timeline,
        A::PeriodFilter,
        "keep the timeline to the selected event's month; again: its year; again: all time",
    )
    .hint("period", 6),
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
    bind(
        &[key(KeyCode::Enter)],
        Prompt,
        A::Accept,
        "jump to the date, or keep the timeline to a range: 2025-06..2025-08, from 2025-06 to 2025-08, from 2025, to jul 2025",
    )
    .hint("jump", 0),
    bind(&[key(KeyCode::Esc)], Prompt, A::Cancel, "cancel").hint("cancel", 0),
    bind(&[key(KeyCode::Esc)], MarkCtx, A::Cancel, "cancel").hint("cancel", 0),
    bind(
        &[key(KeyCode::Esc), ch('q'), ch('?'), key(KeyCode::F(1))],
        HelpCtx,
        A::Cancel,
        "close help",
    )
    .hint("close", 0),
    bind(&[key(KeyCode::Enter)], SourcesCtx, A::Accept, "filter every pane to what this source supports").hint("filter", 0),
    bind(&[key(KeyCode::Esc), ch('S'), ch('q')], SourcesCtx, A::Cancel, "back to the panes").hint("close", 0),
    bind(&[ch('j'), key(KeyCode::Down)], SourcesCtx, A::Down, "next source").hint("down", 2),
    bind(&[ch('k'), key(KeyCode::Up)], SourcesCtx, A::Up, "previous source").hint("up", 2),
    bind(&[ch('j'), key(KeyCode::Down)], HelpCtx, A::Down, "scroll down").hint("down", 1),
    bind(&[ch('k'), key(KeyCode::Up)], HelpCtx, A::Up, "scroll up").hint("up", 1),
    bind(&[key(KeyCode::Esc), ch('F')], FlowsCtx, A::Cancel, "back to the panes").hint("close", 0),
    bind(&[key(KeyCode::Enter)], FlowsCtx, A::Accept, "the cell's moves in the timeline (Bksp: back here)").hint("moves", 0),
    bind(&[ch('r')], FlowsCtx, A::RollUp, "roll child organizations into their parents, or not").hint("roll-up", 1),
    bind(&[ch('j'), key(KeyCode::Down)], FlowsCtx, A::Down, "next row (from)"),
    bind(&[ch('k'), key(KeyCode::Up)], FlowsCtx, A::Up, "previous row (from)"),
    bind(&[ch('l'), key(KeyCode::Right)], FlowsCtx, A::Right, "next column (to)"),
    bind(&[ch('h'), key(KeyCode::Left)], FlowsCtx, A::Left, "previous column (to)"),
    bind(&[key(KeyCode::PageDown)], FlowsCtx, A::PageDown, "a page of rows down"),
    bind(&[key(KeyCode::PageUp)], FlowsCtx, A::PageUp, "a page of rows up"),
    bind(&[key(KeyCode::Esc), ch('M')], MoneyCtx, A::Cancel, "back to the panes").hint("close", 0),
    bind(&[key(KeyCode::Enter)], MoneyCtx, A::Accept, "open the amount's event").hint("open", 0),
    bind(&[ch('L')], MoneyCtx, A::LogScale, "logarithmic or linear axis").hint("log scale", 1),
    bind(&[ch('j'), key(KeyCode::Down)], MoneyCtx, A::Down, "next amount"),
    bind(&[ch('k'), key(KeyCode::Up)], MoneyCtx, A::Up, "previous amount"),
    bind(&[key(KeyCode::PageDown)], MoneyCtx, A::PageDown, "page down"),
    bind(&[key(KeyCode::PageUp)], MoneyCtx, A::PageUp, "page up"),
    bind(&[ch('g'), key(KeyCode::Home)], MoneyCtx, A::First, "first amount"),
    bind(&[ch('G'), key(KeyCode::End)], MoneyCtx, A::Last, "last amount"),
];

/// The keymap in force: the table's bindings, each with its keys (the
/// defaults, or those the config file gave).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    /// The keys of `KEYMAP[i]`.
    keys: Vec<Vec<Key>>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            keys: KEYMAP.iter().map(|b| b.keys.to_vec()).collect(),
        }
    }
}

/// Two bindings that would share a key where both apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub key: Key,
    /// Indexes in [`KEYMAP`], in table order.
    pub first: usize,
    pub second: usize,
    /// Where both apply.
    pub ctx: Ctx,
}

/// The contexts a key is looked up in: every one in the table but
/// [`Ctx::Global`], whose bindings apply in all of them.
fn lookups() -> Vec<Ctx> {
    let mut out: Vec<Ctx> = Vec::new();
    for b in KEYMAP {
        if b.ctx != Global && !out.contains(&b.ctx) {
            out.push(b.ctx);
        }
    }
    out
}

impl Keymap {
    /// The bindings with their keys in force, in table order.
    pub fn bindings(&self) -> impl Iterator<Item = (&'static Binding, &[Key])> {
        KEYMAP.iter().zip(self.keys.iter().map(Vec::as_slice))
    }

    /// Binds `KEYMAP[index]` to `keys` instead of its defaults.
    pub fn set(&mut self, index: usize, keys: Vec<Key>) {
        if let Some(slot) = self.keys.get_mut(index) {
            *slot = keys;
        }
    }

    /// The first key bound twice where both bindings apply, if any.
    pub fn conflict(&self) -> Option<Conflict> {
        for ctx in lookups() {
            let mut seen: Vec<(Key, usize)> = Vec::new();
            for (i, (b, keys)) in self.bindings().enumerate() {
                if !b.ctx.applies_in(ctx) {
                    continue;
                }
                for &key in keys {
                    if let Some(&(_, first)) = seen.iter().find(|(k, j)| *k == key && *j != i) {
                        return Some(Conflict {
                            key,
                            first,
                            second: i,
                            ctx,
                        });
                    }
                    seen.push((key, i));
                }
            }
        }
        None
    }

    /// The action bound to `key` in `ctx` (global bindings first). In the
    /// timeline, browsing keys apply too; in the chooser, list keys.
    pub fn action(&self, key: Key, ctx: Ctx) -> Option<Action> {
        self.bindings()
            .filter(|(b, _)| b.ctx.applies_in(ctx))
            .find(|(_, keys)| keys.contains(&key))
            .map(|(b, _)| b.action)
    }

    /// The binding of `action` in `ctx` and its keys, if any: the
    /// per-action lookup hints and prompts name keys by.
    pub fn binding(&self, action: Action, ctx: Ctx) -> Option<(&'static Binding, &[Key])> {
        self.bindings()
            .find(|(b, _)| b.action == action && b.ctx.applies_in(ctx))
    }

    /// How the first key bound to `action` in `ctx` is written, for prompts
    /// and notes that name a key (empty if unbound).
    pub fn key_of(&self, action: Action, ctx: Ctx) -> String {
        self.binding(action, ctx)
            .and_then(|(_, keys)| keys.first())
            .map_or_else(String::new, Key::label)
    }

    /// The hints of `ctx` alone (not its parents'), in table order.
    pub fn own_hints(&self, ctx: Ctx) -> Vec<Shown> {
        self.prioritized(|b| b.ctx == ctx)
            .into_iter()
            .map(|(_, s)| s)
            .collect()
    }

    /// The hints live in `ctx`, in table order.
    pub fn hints(&self, ctx: Ctx) -> Vec<Shown> {
        self.prioritized(|b| b.ctx.applies_in(ctx))
            .into_iter()
            .map(|(_, s)| s)
            .collect()
    }

    /// The hints of `ctx` that always show (priority 0): for popup titles.
    pub fn essential_hints(&self, ctx: Ctx) -> Vec<Shown> {
        self.prioritized(|b| b.ctx.applies_in(ctx) && b.hint.is_some_and(|h| h.priority == 0))
            .into_iter()
            .map(|(_, s)| s)
            .collect()
    }

    /// The hints of the bindings kept, with their priorities, in table order.
    fn prioritized(&self, keep: impl Fn(&Binding) -> bool) -> Vec<(u8, Shown)> {
        self.bindings()
            .filter(|(b, _)| keep(b))
            .filter_map(|(b, keys)| {
                let hint = b.hint?;
                let key = keys.first()?.label();
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

    /// The hints of `ctx` that fit in `width` columns when each takes its
    /// width plus `gap`: the most important first, shown in table order.
    /// Priority-0 hints are kept even if they overflow.
    pub fn fitting_hints(&self, ctx: Ctx, width: usize, gap: usize) -> Vec<Shown> {
        let live = self.prioritized(|b| b.ctx.applies_in(ctx));
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

    /// The help overlay's rows for an overlay `width` columns wide inside,
    /// grouped by context, in table order; long help texts wrap at spaces.
    pub fn help_rows(&self, width: usize) -> Vec<HelpRow<'_>> {
        let room = width.saturating_sub(HELP_KEYS_WIDTH).max(10);
        let contexts = [
            Global, Browse, Timeline, SearchCtx, Popup, Chooser, Prompt, MarkCtx, HelpCtx, FlowsCtx, MoneyCtx,
        ];
        let mut out = Vec::new();
        for ctx in contexts {
            out.push(HelpRow::Heading(ctx));
            for (b, keys) in self.bindings().filter(|(b, _)| b.ctx == ctx) {
                let mut parts = wrap(b.help, room).into_iter();
                out.push(HelpRow::Binding(keys, parts.next().unwrap_or_default()));
                out.extend(parts.map(HelpRow::More));
            }
            if ctx == SearchCtx {
                out.push(HelpRow::Note("other keys", "type the query"));
                out.extend(SYNTAX_NOTES.iter().map(|&(k, t)| HelpRow::Note(k, t)));
            }
            if ctx == MarkCtx {
                out.push(HelpRow::Note("a-z, A-Z", "the mark's letter"));
            }
            out.push(HelpRow::Blank);
        }
        out.push(HelpRow::Disputed);
        out
    }
}

/// Keys joined for display: `j/↓`.
pub fn keys_label(keys: &[Key]) -> String {
    keys.iter().map(Key::label).collect::<Vec<_>>().join("/")
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

/// One row of the help overlay.
#[derive(Clone, Copy)]
pub enum HelpRow<'a> {
    /// A context's heading.
    Heading(Ctx),
    /// A binding's keys, with the first part of its help.
    Binding(&'a [Key], &'static str),
    /// The rest of a help text too long for one row.
    More(&'static str),
    /// A note on a context's other keys: (keys, what they do).
    Note(&'static str, &'static str),
    /// What the `≠` marker means.
    Disputed,
    Blank,
}

/// The search syntax, noted under the search keys.
const SYNTAX_NOTES: [(&str, &str); 4] = [
    ("a b  /  a | b", "both terms  /  either"),
    ("'a  ^a  a$", "exact, start, end of a text"),
    ("!a  !^a  !a$", "leave out what matches"),
    ("Aa", "with a capital, case counts"),
];

/// Columns the keys take in a help row.
pub const HELP_KEYS_WIDTH: usize = 20;

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
        assert_eq!(Keymap::default().conflict(), None);
        let mut km = Keymap::default();
        let search = KEYMAP.iter().position(|b| b.action == A::Search);
        let kind = KEYMAP.iter().position(|b| b.action == A::KindFilter);
        let (Some(search), Some(kind)) = (search, kind) else {
            panic!("search and kind_filter are in the table")
        };
        km.set(search, vec![ch('f')]);
        assert_eq!(
            km.conflict(),
            Some(Conflict {
                key: ch('f'),
                first: search,
                second: kind,
                ctx: Browse
            })
        );
    }

    #[test]
    fn config_names_are_unique_and_never_a_section() {
        let sections: Vec<&str> = lookups()
            .iter()
            .chain([&Global])
            .filter_map(|c| c.section())
            .collect();
        for (i, a) in KEYMAP.iter().enumerate() {
            assert!(
                !sections.contains(&a.action.name()),
                "{} is a section",
                a.action.name()
            );
            for b in &KEYMAP[..i] {
                assert!(
                    a.ctx.section() != b.ctx.section() || a.action != b.action,
                    "{} twice in one table",
                    a.action.name()
                );
            }
        }
    }

    #[test]
    fn keys_read_back_as_written_and_as_shown() {
        for b in KEYMAP {
            for k in b.keys {
                assert_eq!(Key::parse(&k.name()), Ok(*k), "{}", k.name());
                assert_eq!(Key::parse(&k.label()), Ok(*k), "{}", k.label());
            }
        }
        assert_eq!(Key::parse("ctrl-D"), Ok(ctrl('d')));
        assert_eq!(Key::parse("pagedown"), Ok(key(KeyCode::PageDown)));
        assert_eq!(Key::parse("F12"), Ok(key(KeyCode::F(12))));
        assert_eq!(Key::parse("Ctrl--"), Ok(ctrl('-')));
        assert!(Key::parse("Ctrl-").is_err());
        assert!(Key::parse("Hyper-x").is_err());
        assert!(Key::parse("F99").is_err());
        assert!(Key::parse("").is_err());
    }

    #[test]
    fn every_binding_has_help_and_keys() {
        for b in KEYMAP {
            assert!(!b.help.is_empty() && !b.keys.is_empty(), "{:?}", b.action);
        }
    }

    #[test]
    fn keys_resolve_per_context() {
        let km = Keymap::default();
        assert_eq!(km.action(ch('j'), Browse), Some(A::Down));
        assert_eq!(km.action(ch(']'), Browse), None);
        assert_eq!(km.action(ch(']'), Timeline), Some(A::NextYear));
        assert_eq!(km.action(ch('j'), Timeline), Some(A::Down));
        assert_eq!(km.action(ch('j'), SearchCtx), None, "letters are typed in search");
        assert_eq!(km.action(ctrl('c'), SearchCtx), Some(A::Quit));
        let e = KeyEvent::new(KeyCode::Char('D'), KeyModifiers::CONTROL);
        assert_eq!(Key::from_event(&e), ctrl('d'));
        assert_eq!(ctrl('d').label(), "Ctrl-d");
    }

    #[test]
    fn the_readme_documents_every_browsing_and_search_key() {
        let readme = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/guide.md"));
        for b in KEYMAP
            .iter()
            .filter(|b| matches!(b.ctx, Global | Browse | Timeline | SearchCtx))
        {
            assert!(readme.contains(b.help), "docs/guide.md lacks `{}`", b.help);
            for k in b.keys {
                assert!(
                    readme.contains(&format!("`{}`", k.label())),
                    "docs/guide.md lacks key {}",
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
        let km = Keymap::default();
        let all = km.hints(Browse);
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
        let narrow = km.fitting_hints(Browse, 30, 2);
        assert_eq!(label(&narrow), ["? keys", "q quit", "/ search"]);
        assert_eq!(
            label(&km.fitting_hints(Browse, 0, 2)),
            ["? keys"],
            "? keys always stays"
        );
        assert!(label(&km.hints(Timeline)).contains(&"] year".to_string()));
        assert_eq!(label(&km.own_hints(Chooser)), ["p person", "o company"]);
        assert!(label(&km.hints(Chooser)).contains(&"Enter choose".to_string()));
        assert!(!label(&km.hints(Popup)).contains(&"p person".to_string()));
        assert_eq!(
            km.binding(A::Accept, SearchCtx).map(|(_, keys)| keys[0]),
            Some(key(KeyCode::Enter))
        );
    }

    #[test]
    fn headings_and_notes_name_keys_from_the_table() {
        let km = Keymap::default();
        assert_eq!(SearchCtx.title(&km), "Search (/)");
        assert_eq!(Popup.title(&km), "Lists (Enter on an event, f)");
        assert_eq!(Prompt.title(&km), "Date prompt (t)");
        assert_eq!(km.key_of(A::Help, Browse), "?");
        assert_eq!(km.key_of(A::JumpOrg, Browse), "", "unbound here");
    }

    #[test]
    fn long_help_wraps_at_spaces() {
        assert_eq!(
            wrap("filter by this company", 10),
            ["filter by", "this", "company"]
        );
        assert_eq!(wrap("short", 10), ["short"]);
        assert_eq!(wrap("unbreakable-word here", 5), ["unbreakable-word", "here"]);
        let km = Keymap::default();
        let rows = km.help_rows(74);
        assert!(rows.iter().any(|r| matches!(r, HelpRow::More(_))));
        assert!(km.help_rows(200).iter().all(|r| !matches!(r, HelpRow::More(_))));
    }

    #[test]
    fn every_mode_but_global_has_hints_and_a_way_out() {
        for ctx in lookups() {
            let hs = Keymap::default().hints(ctx);
            assert!(
                hs.iter().any(|h| ["quit", "cancel", "close"].contains(&h.label)),
                "{ctx:?}: no way out in {hs:?}"
            );
        }
    }
}
