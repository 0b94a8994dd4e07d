//! What the keymap shows: the footer and popup hints of a context, and the
//! rows of the help overlay.

use super::keys::Key;
use super::table::{Binding, Ctx, Keymap};
use Ctx::{
    Browse, Chooser, Flows as FlowsCtx, Global, Help as HelpCtx, HelpFilter, Mark as MarkCtx,
    Money as MoneyCtx, Popup, Prompt, Search as SearchCtx, Timeline,
};

impl Keymap {
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
    /// A non-empty `filter` keeps the bindings and notes whose keys or
    /// description contain it (ignoring case), under their headings.
    pub fn help_rows(&self, width: usize, filter: &str) -> Vec<HelpRow<'_>> {
        let room = width.saturating_sub(HELP_KEYS_WIDTH).max(10);
        let needle = filter.to_lowercase();
        let keep = |keys: &str, text: &str| {
            needle.is_empty()
                || keys.to_lowercase().contains(&needle)
                || text.to_lowercase().contains(&needle)
        };
        let contexts = [
            Global, Browse, Timeline, SearchCtx, Popup, Chooser, Prompt, MarkCtx, HelpCtx, HelpFilter,
            FlowsCtx, MoneyCtx,
        ];
        let mut out = Vec::new();
        for ctx in contexts {
            let mut group = Vec::new();
            for (b, keys) in self.bindings().filter(|(b, _)| b.ctx == ctx) {
                if !keep(&keys_label(keys), b.help) {
                    continue;
                }
                let mut parts = wrap(b.help, room).into_iter();
                group.push(HelpRow::Binding(keys, parts.next().unwrap_or_default()));
                group.extend(parts.map(HelpRow::More));
            }
            let notes: &[(&'static str, &'static str)] = match ctx {
                SearchCtx => &SEARCH_NOTES,
                MarkCtx => &[("a-z, A-Z", "the mark's letter")],
                HelpFilter => &[("other keys", "type what the keys or their description contain")],
                _ => &[],
            };
            group.extend(
                notes
                    .iter()
                    .filter(|(k, t)| keep(k, t))
                    .map(|&(k, t)| HelpRow::Note(k, t)),
            );
            if needle.is_empty() || !group.is_empty() {
                out.push(HelpRow::Heading(ctx));
                out.extend(group);
                out.push(HelpRow::Blank);
            }
        }
        if keep("", DISPUTED_HELP) {
            out.push(HelpRow::Disputed);
        }
        if keep("", UNCERTAIN_HELP) {
            out.push(HelpRow::Uncertain);
        }
        if out.is_empty() {
            out.push(HelpRow::NoMatch);
        }
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
    /// What the `≠` marker means ([`DISPUTED_HELP`]).
    Disputed,
    /// What the `~` marker means ([`UNCERTAIN_HELP`]).
    Uncertain,
    /// Nothing contains the filter's text.
    NoMatch,
    Blank,
}

/// What the help says of the `≠` marker.
pub const DISPUTED_HELP: &str = "marks an event whose facts the sources dispute";

/// The help overlay's line on the `~` marker.
pub const UNCERTAIN_HELP: &str = "marks an event with one source's ambiguous or garbled reading";

/// The notes under the search keys: typing, then the search syntax.
const SEARCH_NOTES: [(&str, &str); 5] = [
    ("other keys", "type the query"),
    ("a b  /  a | b", "both terms  /  either"),
    ("'a  ^a  a$", "exact, start, end of a text"),
    ("!a  !^a  !a$", "leave out what matches"),
    ("Aa", "with a capital, case counts"),
];

/// Columns the keys take in a help row.
pub const HELP_KEYS_WIDTH: usize = 20;

/// `text` cut at spaces into pieces of at most `width` columns (a longer
/// word stays whole).
pub(super) fn wrap(text: &'static str, width: usize) -> Vec<&'static str> {
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
