//! The config file's `[keys]` table: each action's keys, checked as they
//! are read, then for two actions on one key.

use super::default_file::quoted;
use super::parse::{Reader, closest, unique};
use crate::tui::keymap::{Action, Binding, Ctx, KEYMAP, Key, keys_label};
use crossterm::event::KeyCode;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// How keys are written, for hints.
pub(super) const KEY_FORMS: &str = "one character (j, G, ?), a named key (Down, Up, Left, Right, \
     PageDown, PageUp, Home, End, Tab, Shift-Tab, Enter, Esc, Backspace, Delete, Insert, Space, \
     F1 to F24), or either after Ctrl- (Ctrl-d)";

type Entry<'a, 'i> = (&'a Spanned<std::borrow::Cow<'i, str>>, &'a Spanned<DeValue<'i>>);

impl Reader<'_> {
    /// `[keys]`: browsing actions, and one table per other context.
    pub(super) fn keys(&mut self, table: &DeTable<'_>) {
        for (key, value) in table {
            let name: &str = key.get_ref();
            match (section_ctx(name), value.get_ref()) {
                (Some(_), DeValue::Table(inner)) => {
                    for entry in inner {
                        self.bind(Some(name), entry);
                    }
                }
                (Some(ctx), _) => self.error(
                    value.span(),
                    format!("`{name}` is the table of keys {}, not an action", place(ctx)),
                    format!("write [keys.{name}] on a line of its own, with its actions below it"),
                ),
                (None, DeValue::Table(_)) => {
                    let tables = unique(KEYMAP.iter().filter_map(|b| b.ctx.section()));
                    self.error(
                        key.span(),
                        format!("unknown table [keys.{name}]"),
                        format!(
                            "the tables under [keys] are {}; browsing and timeline actions sit in [keys] itself",
                            tables.join(", ")
                        ),
                    );
                }
                (None, _) => self.bind(None, (key, value)),
            }
        }
    }

    /// One `action = ["key", ...]` line of the table `section` (`None`:
    /// `[keys]` itself).
    fn bind(&mut self, section: Option<&str>, (key, value): Entry<'_, '_>) {
        let name: &str = key.get_ref();
        let table = table_name(section);
        let Some(index) = KEYMAP
            .iter()
            .position(|b| b.ctx.section() == section && b.action.name() == name)
        else {
            let hint = unknown_action_hint(section, name);
            return self.error(key.span(), format!("unknown action `{name}` in {table}"), hint);
        };
        let b = &KEYMAP[index];
        let example = || {
            let keys: Vec<String> = b.keys.iter().map(|k| quoted(&k.name())).collect();
            format!("write it as {name} = [{}]", keys.join(", "))
        };
        let DeValue::Array(items) = value.get_ref() else {
            return self.error(value.span(), format!("`{name}` takes a list of keys"), example());
        };
        if items.is_empty() {
            return self.error(
                value.span(),
                format!("no keys for `{name}`"),
                "give at least one key; to keep the default keys, leave the action out",
            );
        }
        let mut keys = Vec::new();
        let before = self.problems.len();
        for item in items.iter() {
            let DeValue::String(text) = item.get_ref() else {
                self.error(item.span(), "a key is written as a string".into(), example());
                continue;
            };
            match Key::parse(text) {
                Ok(k) if b.ctx.takes_text() && !k.ctrl && matches!(k.code, KeyCode::Char(_)) => {
                    self.error(
                        item.span(),
                        format!("`{text}` cannot be a key {}: it is typed there", place(b.ctx)),
                        "bind a key with Ctrl- (Ctrl-n) or a named key (Esc, Down)",
                    );
                }
                Ok(k) if b.ctx.applies_in(Ctx::Mark) && k.mark_name().is_some() => {
                    self.error(
                        item.span(),
                        format!(
                            "`{text}` cannot be a key {}: a letter there names a mark",
                            place(Ctx::Mark)
                        ),
                        "bind a key that is not a letter (Esc, 1, Ctrl-g)",
                    );
                }
                Ok(k) => keys.push((k, item.span())),
                Err(why) => self.error(item.span(), why, format!("a key is {KEY_FORMS}")),
            }
        }
        if self.problems.len() == before {
            self.keymap.set(index, keys.iter().map(|(k, _)| *k).collect());
            self.written.push((index, keys));
        }
    }

    /// Reports the first key bound to two actions where both apply, at the
    /// place the file wrote it.
    pub(super) fn check_conflicts(&mut self) {
        let Some(c) = self.keymap.conflict() else {
            return;
        };
        let span = [c.second, c.first]
            .iter()
            .find_map(|i| {
                let (_, keys) = self.written.iter().find(|(w, _)| w == i)?;
                keys.iter().find(|(k, _)| *k == c.key).map(|(_, s)| s.clone())
            })
            .unwrap_or(0..0);
        let (first, second) = (&KEYMAP[c.first], &KEYMAP[c.second]);
        // Two bindings of one context meet there first (two `anywhere`
        // ones meet in every context: they are named by their own).
        let ctx = if first.ctx == second.ctx { first.ctx } else { c.ctx };
        self.error(
            span,
            format!(
                "`{}` is bound to both `{}` and `{}` {}",
                c.key.name(),
                qualified(first),
                qualified(second),
                place(ctx)
            ),
            format!(
                "give one of them another key (by default `{}` is {}, `{}` is {})",
                qualified(first),
                keys_label(first.keys),
                qualified(second),
                keys_label(second.keys)
            ),
        );
    }

    /// Reports each prompt, popup or view whose cancel (close) action the
    /// file left with only keys a terminal does not send: there would be
    /// no way out of it. Conflicts are checked first, so each key left
    /// reaches its action.
    pub(super) fn check_ways_out(&mut self) {
        let mut trapped = Vec::new();
        for (index, keys) in &self.written {
            let b = &KEYMAP[*index];
            if b.action != Action::Cancel || keys.iter().any(|(k, _)| sent_by_terminals(*k)) {
                continue;
            }
            let names: Vec<String> = keys.iter().map(|(k, _)| k.name()).collect();
            let span = keys.first().map_or(0..0, |(_, s)| s.clone());
            trapped.push((span, b.ctx, names.join(", ")));
        }
        for (span, ctx, names) in trapped {
            self.error(
                span,
                format!(
                    "`cancel` leaves {} with no way out: a terminal sends none of its keys ({names})",
                    what(ctx)
                ),
                "keep a key every terminal sends, such as Esc; Ctrl- goes with a letter (but i and m, \
                 sent as Tab and Enter), Space or a named key other than Esc, Enter, Tab, Shift-Tab and Backspace",
            );
        }
    }
}

/// Whether every terminal sends `key` as itself. Without the kitty
/// keyboard protocol, Ctrl with Esc, Enter, Tab, Shift-Tab or Backspace
/// arrives as the plain key (or not at all), and Ctrl-i and Ctrl-m as Tab
/// and Enter.
fn sent_by_terminals(key: Key) -> bool {
    !key.ctrl
        || !matches!(
            key.code,
            KeyCode::Esc
                | KeyCode::Enter
                | KeyCode::Tab
                | KeyCode::BackTab
                | KeyCode::Backspace
                | KeyCode::Char('i' | 'm')
        )
}

/// The context whose `[keys.NAME]` table is `name`.
fn section_ctx(name: &str) -> Option<Ctx> {
    KEYMAP.iter().map(|b| b.ctx).find(|c| c.section() == Some(name))
}

/// `[keys]` or `[keys.NAME]`.
pub(super) fn table_name(section: Option<&str>) -> String {
    section.map_or_else(|| "[keys]".to_string(), |s| format!("[keys.{s}]"))
}

/// An action as the file names it: `next_year`, `search_box.cancel`.
fn qualified(b: &Binding) -> String {
    match b.ctx.section() {
        Some(s) => format!("{s}.{}", b.action.name()),
        None => b.action.name().to_string(),
    }
}

/// Where a context's keys work, in words.
fn place(ctx: Ctx) -> &'static str {
    match ctx {
        Ctx::Global => "anywhere",
        Ctx::Browse => "while browsing",
        Ctx::Timeline => "in the timeline",
        Ctx::Search => "in the search box",
        Ctx::Popup => "in lists",
        Ctx::Chooser => "in the jump chooser",
        Ctx::Prompt => "in the date prompt",
        Ctx::Help => "in the help overlay",
        Ctx::HelpFilter => "in the help overlay's filter",
        Ctx::Mark => "after m or ' (marks)",
        Ctx::Sources => "in the Sources view",
        Ctx::Flows => "in the Flows view",
        Ctx::Money => "in the Money view",
    }
}

/// What a context is, in words, for the prompts, popups and views.
fn what(ctx: Ctx) -> &'static str {
    match ctx {
        Ctx::Global | Ctx::Browse | Ctx::Timeline => "the panes",
        Ctx::Search => "the search box",
        Ctx::Popup => "the lists",
        Ctx::Chooser => "the jump chooser",
        Ctx::Prompt => "the date prompt",
        Ctx::Help => "the help overlay",
        Ctx::HelpFilter => "the help overlay's filter",
        Ctx::Mark => "the mark prompt (after m or ')",
        Ctx::Sources => "the Sources view",
        Ctx::Flows => "the Flows view",
        Ctx::Money => "the Money view",
    }
}

/// Why `name` is not an action of `section`: it lives in other tables, or
/// is a typo of one here.
fn unknown_action_hint(section: Option<&str>, name: &str) -> String {
    let elsewhere = unique(
        KEYMAP
            .iter()
            .filter(|b| b.action.name() == name)
            .map(|b| table_name(b.ctx.section())),
    );
    if !elsewhere.is_empty() {
        return format!("`{name}` is set in {}", elsewhere.join(", "));
    }
    let here: Vec<&str> = KEYMAP
        .iter()
        .filter(|b| b.ctx.section() == section)
        .map(|b| b.action.name())
        .collect();
    match closest(name, here.iter().copied()) {
        Some(c) => format!("did you mean `{c}`?"),
        None => format!("the actions here are: {}", here.join(", ")),
    }
}
