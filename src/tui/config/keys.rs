//! The config file's `[keys]` table: each action's keys, checked as they
//! are read, then for two actions on one key.

use super::default_file::quoted;
use super::parse::{Reader, closest, unique};
use crate::tui::keymap::{Binding, Ctx, KEYMAP, Key, keys_label};
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
                Ok(k)
                    if b.ctx.takes_text()
                        && !k.ctrl
                        && matches!(k.code, crossterm::event::KeyCode::Char(_)) =>
                {
                    self.error(
                        item.span(),
                        format!("`{text}` cannot be a key {}: it is typed there", place(b.ctx)),
                        "bind a key with Ctrl- (Ctrl-n) or a named key (Esc, Down)",
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
        self.error(
            span,
            format!(
                "`{}` is bound to both `{}` and `{}` {}",
                c.key.name(),
                qualified(first),
                qualified(second),
                place(c.ctx)
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
