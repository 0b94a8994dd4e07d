//! The complete default config file, commented: what `rivals config
//! --default` prints, and what a config file that changes nothing holds.

use super::keys::{KEY_FORMS, table_name};
use super::parse::unique;
use super::theme::COLOR_FORMS;
use crate::tui::keymap::{KEYMAP, Keymap};
use crate::tui::theme::{MODIFIERS, Preset, color_name};
use ratatui::style::Style;

/// `text` as `# ` comment lines of at most 78 columns.
fn comment(text: &str) -> String {
    let mut out = String::new();
    let mut line = String::from("#");
    for word in text.split_whitespace() {
        if line.len() + 1 + word.len() > 78 && line.len() > 1 {
            out.push_str(&line);
            out.push('\n');
            line = String::from("#");
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// `text` as a TOML basic string.
pub(super) fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// A style as the config writes it: `{ fg = "black", bg = "cyan", bold = true }`.
fn style_text(s: Style) -> String {
    let mut fields = Vec::new();
    if let Some(c) = s.fg {
        fields.push(format!("fg = {}", quoted(&color_name(c))));
    }
    if let Some(c) = s.bg {
        fields.push(format!("bg = {}", quoted(&color_name(c))));
    }
    for (name, m) in MODIFIERS {
        if s.add_modifier.contains(m) {
            fields.push(format!("{name} = true"));
        }
    }
    if fields.is_empty() {
        "{}".into()
    } else {
        format!("{{ {} }}", fields.join(", "))
    }
}

/// The complete default config, commented: every action with its keys and
/// every theme slot. Used as the config file, it changes nothing.
pub fn default_text() -> String {
    let keymap = Keymap::default();
    let mut out = comment(
        "rivals: the explorer's keys and colours. Read from \
         $XDG_CONFIG_HOME/rivals/config.toml (`rivals config --path` tells where), \
         or from the file given with --config FILE. Every value below is the \
         default, so this file changes nothing as it is: keep only the lines you change.",
    );
    out.push('\n');
    out.push_str(&comment(&format!(
        "[keys]: an action = the list of its keys, which replaces its default keys \
         in the help and every hint. Two actions cannot share a key where both work. \
         Each table below is where its keys work. Keys: {KEY_FORMS}."
    )));
    let mut sections = unique(KEYMAP.iter().map(|b| b.ctx.section()));
    // `[keys]` first: its lines must come before any `[keys.NAME]` table.
    sections.sort_by_key(Option::is_some);
    for section in sections {
        out.push('\n');
        out.push_str(&format!("{}\n", table_name(section)));
        let mut heading = None;
        for b in KEYMAP.iter().filter(|b| b.ctx.section() == section) {
            if heading != Some(b.ctx) {
                heading = Some(b.ctx);
                out.push_str(&format!("# {}\n", b.ctx.title(&keymap)));
            }
            let keys: Vec<String> = b.keys.iter().map(|k| quoted(&k.name())).collect();
            out.push_str(&format!(
                "{} = [{}]  # {}\n",
                b.action.name(),
                keys.join(", "),
                b.help
            ));
        }
    }
    let names: Vec<&str> = Preset::ALL.iter().map(|p| p.name()).collect();
    out.push('\n');
    out.push_str(&comment(&format!(
        "[theme]: name is one of {}. Each slot may be set to a colour for its text \
         (\"red\") or to a style, {{ fg, bg, {} }}, whose fields replace the theme's. \
         Colours: {COLOR_FORMS}. The slots below are the {} theme's: uncommented, \
         they would keep its colours whatever the name. With NO_COLOR or \
         --color never, no colour is used.",
        names.join(", "),
        MODIFIERS.map(|(n, _)| n).join(", "),
        Preset::Dark.name(),
    )));
    out.push_str(&format!("[theme]\nname = \"{}\"\n", Preset::Dark.name()));
    for (name, style) in Preset::Dark.theme().slots() {
        out.push_str(&format!("# {name} = {}\n", style_text(style)));
    }
    out
}
