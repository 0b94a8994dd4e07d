//! The table itself: the contexts a binding applies in ([`Ctx`]), the
//! default bindings ([`KEYMAP`]), and the keymap in force ([`Keymap`]) with
//! its lookups and conflict check.

use super::actions::Action;
use super::keys::{Key, ch, ctrl, key};
use crate::tui::pane::Pane;
use crossterm::event::KeyCode;

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
    /// Typing the help overlay's filter (`/` in help).
    HelpFilter,
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
            Ctx::HelpFilter => format!(
                "Help filter ({} in help)",
                keymap.key_of(Action::Search, Ctx::Help)
            ),
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
            Ctx::HelpFilter => Some("help_filter"),
            Ctx::Mark => Some("mark"),
            Ctx::Sources => Some("sources_view"),
            Ctx::Flows => Some("flows_view"),
            Ctx::Money => Some("money_view"),
        }
    }

    /// Whether typing happens here, so a plain character cannot be a key.
    pub fn takes_text(self) -> bool {
        [Ctx::Search, Ctx::Prompt, Ctx::HelpFilter]
            .into_iter()
            .any(|typing| self.applies_in(typing))
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
    Browse, Chooser, Flows as FlowsCtx, Global, Help as HelpCtx, HelpFilter, Mark as MarkCtx,
    Money as MoneyCtx, Popup, Prompt, Search as SearchCtx, Sources as SourcesCtx, Timeline,
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
    bind(&[ch('E')], Browse, A::ErrorsToggle, "hide or show the error panel"),
    bind(&[ch('F')], Browse, A::Flows, "Flows view: who moved from where to where"),
    bind(&[ch('M')], Browse, A::Money, "Money view: every amount on one axis"),
    bind(
        &[ch('c')],
        Browse,
        A::Children,
        "company filter (or Companies figures): with children, or alone",
    )
    .hint("children", 7),
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
        &[ch('P')],
        Timeline,
        A::Precise,
        "in a month or day period: hide the events dated only to its year or month, or show them again",
    ),
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
        "clear the filter, then close help",
    )
    .hint("close", 0),
    bind(&[key(KeyCode::Enter)], SourcesCtx, A::Accept, "filter every pane to what this source supports").hint("filter", 0),
    bind(&[key(KeyCode::Esc), ch('S'), ch('q')], SourcesCtx, A::Cancel, "back to the panes").hint("close", 0),
    bind(&[ch('j'), key(KeyCode::Down)], SourcesCtx, A::Down, "next source").hint("down", 2),
    bind(&[ch('k'), key(KeyCode::Up)], SourcesCtx, A::Up, "previous source").hint("up", 2),
    bind(&[ch('j'), key(KeyCode::Down)], HelpCtx, A::Down, "scroll down").hint("down", 1),
    bind(&[ch('k'), key(KeyCode::Up)], HelpCtx, A::Up, "scroll up").hint("up", 1),
    bind(&[key(KeyCode::PageDown)], HelpCtx, A::PageDown, "page down"),
    bind(&[key(KeyCode::PageUp)], HelpCtx, A::PageUp, "page up"),
    bind(&[ctrl('d')], HelpCtx, A::HalfPageDown, "half a page down"),
    bind(&[ctrl('u')], HelpCtx, A::HalfPageUp, "half a page up"),
    bind(&[ch('g'), key(KeyCode::Home)], HelpCtx, A::First, "top"),
    bind(&[ch('G'), key(KeyCode::End)], HelpCtx, A::Last, "bottom"),
    bind(&[ch('/')], HelpCtx, A::Search, "filter the keys by text"),
    bind(&[key(KeyCode::Enter)], HelpFilter, A::Accept, "keep the filter and scroll again").hint("keep", 0),
    bind(&[key(KeyCode::Esc)], HelpFilter, A::Cancel, "clear the filter").hint("cancel", 0),
    bind(&[key(KeyCode::Down)], HelpFilter, A::Down, "scroll down").hint("down", 1),
    bind(&[key(KeyCode::Up)], HelpFilter, A::Up, "scroll up").hint("up", 1),
    bind(&[key(KeyCode::PageDown)], HelpFilter, A::PageDown, "page down"),
    bind(&[key(KeyCode::PageUp)], HelpFilter, A::PageUp, "page up"),
    bind(&[ctrl('w')], HelpFilter, A::DeleteWord, "delete the last word"),
    bind(&[ctrl('u')], HelpFilter, A::ClearInput, "clear the text"),
    bind(&[key(KeyCode::Esc), ch('F')], FlowsCtx, A::Cancel, "back to the panes").hint("close", 0),
    bind(&[key(KeyCode::Enter)], FlowsCtx, A::Accept, "the cell's (ribbon's, node's) moves in the timeline (Bksp: back here)").hint("moves", 0),
    bind(&[ch('r')], FlowsCtx, A::RollUp, "roll child organizations into their parents, or not").hint("roll-up", 1),
    bind(&[ch('v')], FlowsCtx, A::Sankey, "the matrix or the Sankey diagram").hint("sankey", 1),
    bind(&[ch(']')], FlowsCtx, A::NextYear, "next period: all time, then each year with moves").hint("year", 2),
    bind(&[ch('[')], FlowsCtx, A::PrevYear, "previous period"),
    bind(&[ch('t')], FlowsCtx, A::DatePrompt, "count the moves of a period you type (2025, 2024..2025, from 2023)").hint("period", 3),
    bind(&[ch('p')], FlowsCtx, A::Play, "play the years one after another (any key stops)").hint("play", 3),
    bind(&[ch('j'), key(KeyCode::Down)], FlowsCtx, A::Down, "next row (from); in the Sankey, next ribbon"),
    bind(&[ch('k'), key(KeyCode::Up)], FlowsCtx, A::Up, "previous row (from); in the Sankey, previous ribbon"),
    bind(&[ch('l'), key(KeyCode::Right)], FlowsCtx, A::Right, "next column (to); in the Sankey, next node (a ribbon's destination)"),
    bind(&[ch('h'), key(KeyCode::Left)], FlowsCtx, A::Left, "previous column (to); in the Sankey, previous node (a ribbon's origin)"),
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
pub(super) fn lookups() -> Vec<Ctx> {
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
}
