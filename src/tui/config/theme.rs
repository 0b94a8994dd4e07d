//! The config file's `[theme]` table: a built-in theme by name, then the
//! slots it overrides, each a colour or a style.

use super::parse::{Reader, closest};
use crate::tui::theme::{MODIFIERS, Preset, Theme};
use ratatui::style::{Color, Style};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// How colours are written, for hints and the default file.
pub(super) const COLOR_FORMS: &str = "a name (black, red, green, yellow, blue, magenta, cyan, \
     gray, dark_gray, light_red, light_green, light_yellow, light_blue, light_magenta, \
     light_cyan, white, reset), #RRGGBB, or a number from 0 to 255";

impl Reader<'_> {
    /// `[theme]`: a preset by `name`, then the slots it overrides.
    pub(super) fn theme(&mut self, table: &DeTable<'_>) -> Theme {
        let names: Vec<&str> = Preset::ALL.iter().map(|p| p.name()).collect();
        let mut theme = Preset::Dark.theme();
        for (_, value) in table.iter().filter(|(k, _)| &**k.get_ref() == "name") {
            match value.get_ref() {
                DeValue::String(s) => match Preset::parse(s) {
                    Some(p) => theme = p.theme(),
                    None => self.error(
                        value.span(),
                        format!("unknown theme `{s}`"),
                        format!("one of: {}", names.join(", ")),
                    ),
                },
                _ => self.error(
                    value.span(),
                    "`name` takes a theme's name, as a string".into(),
                    format!("one of: {}", names.join(", ")),
                ),
            }
        }
        let slots: Vec<&str> = theme.slots().iter().map(|(n, _)| *n).collect();
        for (key, value) in table.iter().filter(|(k, _)| &**k.get_ref() != "name") {
            let name: &str = key.get_ref();
            let Some(slot) = theme.slot_mut(name) else {
                let hint = match closest(name, slots.iter().copied()) {
                    Some(c) => format!("did you mean `{c}`?"),
                    None => format!("the slots are: name, {}", slots.join(", ")),
                };
                self.error(key.span(), format!("unknown theme slot `{name}`"), hint);
                continue;
            };
            match value.get_ref() {
                DeValue::String(_) => {
                    if let Some(c) = self.color(value) {
                        *slot = slot.fg(c);
                    }
                }
                DeValue::Table(fields) => *slot = self.style(*slot, fields),
                _ => self.error(
                    value.span(),
                    format!("`{name}` takes a colour or a style"),
                    format!("write {name} = \"red\" or {name} = {{ fg = \"red\", bold = true }}"),
                ),
            }
        }
        theme
    }

    /// A colour written as a string, if it is one.
    fn color(&mut self, value: &Spanned<DeValue<'_>>) -> Option<Color> {
        match value.get_ref() {
            DeValue::String(s) => match s.parse::<Color>() {
                Ok(c) => Some(c),
                Err(_) => {
                    self.error(
                        value.span(),
                        format!("`{s}` is not a colour"),
                        format!("a colour is {COLOR_FORMS}"),
                    );
                    None
                }
            },
            _ => {
                self.error(
                    value.span(),
                    "a colour is written as a string".into(),
                    format!("a colour is {COLOR_FORMS}"),
                );
                None
            }
        }
    }

    /// `base` with the fields of a `{ fg, bg, bold, ... }` table applied.
    fn style(&mut self, mut base: Style, fields: &DeTable<'_>) -> Style {
        for (key, value) in fields {
            let field: &str = key.get_ref();
            let modifier = MODIFIERS.iter().find(|(n, _)| *n == field).map(|(_, m)| *m);
            match (field, modifier, value.get_ref()) {
                ("fg", _, _) => base.fg = self.color(value).or(base.fg),
                ("bg", _, _) => base.bg = self.color(value).or(base.bg),
                (_, Some(m), DeValue::Boolean(true)) => base = base.add_modifier(m),
                (_, Some(m), DeValue::Boolean(false)) => base = base.remove_modifier(m),
                (_, Some(_), _) => self.error(
                    value.span(),
                    format!("`{field}` is true or false"),
                    format!("write {field} = true"),
                ),
                (_, None, _) => {
                    let names: Vec<&str> = ["fg", "bg"]
                        .into_iter()
                        .chain(MODIFIERS.iter().map(|(n, _)| *n))
                        .collect();
                    self.error(
                        key.span(),
                        format!("unknown style field `{field}`"),
                        format!("a style has: {}", names.join(", ")),
                    );
                }
            }
        }
        base
    }
}
