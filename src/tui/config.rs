//! The config file: `[keys]` rebinds the keymap's actions, `[theme]` picks
//! a built-in theme and overrides its slots.
//!
//! The file is read with the `toml` crate's spanned parser, so every
//! problem (a syntax error, an unknown action, a key or colour that does
//! not parse, a wrong type, two actions on one key) is reported as
//! `FILE:LINE:COL: error: ...` with a hint, before the explorer starts.

use super::keymap::{Binding, Ctx, KEYMAP, Key, Keymap, keys_label};
use super::theme::{MODIFIERS, Preset, Theme, color_name};
use crate::model::Diagnostic;
use ratatui::style::{Color, Style};
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// What a config file sets: the key bindings and the theme.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub keymap: Keymap,
    /// The chosen theme with the file's overrides; used when colour is on.
    pub theme: Theme,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            keymap: Keymap::default(),
            theme: Preset::Dark.theme(),
        }
    }
}

/// Where the config file is looked for when `--config` is not given:
/// `$XDG_CONFIG_HOME/rivals/config.toml` (by default
/// `~/.config/rivals/config.toml`), or the platform's config folder on
/// Windows. `None` if there is no home folder to start from.
pub fn default_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .ok()
        .map(|s| s.config_dir().join("rivals").join("config.toml"))
}

/// Reads the config: the file `explicit` names (which must exist), else
/// the one at [`default_path`] if there is one, else the defaults.
pub fn load(explicit: Option<&Path>) -> Result<Config, Vec<Diagnostic>> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match default_path() {
            Some(p) if p.is_file() => p,
            _ => return Ok(Config::default()),
        },
    };
    let shown = path.display().to_string();
    let text = read(&path).map_err(|why| {
        vec![
            Diagnostic::file(&shown, format!("cannot read the config file: {why}"))
                .hint("check the path given to --config, or see `rivals config --path`"),
        ]
    })?;
    parse(&shown, &text)
}

/// Largest config file read: far more than a complete one takes.
const MAX_BYTES: u64 = 1 << 20;

/// The text of the file at `path`, refusing one past [`MAX_BYTES`] (so
/// `--config /dev/zero` stops at once) or not in UTF-8.
fn read(path: &Path) -> Result<String, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!("it is larger than {} KiB", MAX_BYTES >> 10));
    }
    String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string())
}

/// Reads a config file's `text`, naming `file` in messages; every problem
/// found, in file order.
pub fn parse(file: &str, text: &str) -> Result<Config, Vec<Diagnostic>> {
    let mut r = Reader {
        file,
        text,
        problems: Vec::new(),
        keymap: Keymap::default(),
        written: Vec::new(),
    };
    let root = match DeTable::parse(text) {
        Ok(root) => root,
        Err(e) => {
            let first = e.message().lines().next().unwrap_or_default().trim();
            r.error(
                e.span().unwrap_or(0..0),
                format!("not valid TOML: {first}"),
                "see `rivals config --default` for a complete example",
            );
            return Err(r.problems);
        }
    };
    let mut theme = Preset::Dark.theme();
    for (key, value) in root.get_ref() {
        match (&**key.get_ref(), value.get_ref()) {
            ("keys", DeValue::Table(t)) => r.keys(t),
            ("theme", DeValue::Table(t)) => theme = r.theme(t),
            (name @ ("keys" | "theme"), _) => r.error(
                value.span(),
                format!("`{name}` must be a table"),
                format!("write [{name}] on a line of its own, with its settings below it"),
            ),
            (other, _) => r.error(
                key.span(),
                format!("unknown setting `{other}`"),
                "a config file has a [keys] table and a [theme] table",
            ),
        }
    }
    if r.problems.is_empty() {
        r.check_conflicts();
    }
    if r.problems.is_empty() {
        Ok(Config {
            keymap: r.keymap,
            theme,
        })
    } else {
        r.problems.sort_by_key(|d| (d.line, d.col));
        Err(r.problems)
    }
}

/// How keys are written, for hints.
const KEY_FORMS: &str = "one character (j, G, ?), a named key (Down, Up, Left, Right, \
     PageDown, PageUp, Home, End, Tab, Shift-Tab, Enter, Esc, Backspace, Delete, Insert, Space, \
     F1 to F24), or either after Ctrl- (Ctrl-d)";

/// How colours are written, for hints and the default file.
const COLOR_FORMS: &str = "a name (black, red, green, yellow, blue, magenta, cyan, \
     gray, dark_gray, light_red, light_green, light_yellow, light_blue, light_magenta, \
     light_cyan, white, reset), #RRGGBB, or a number from 0 to 255";

/// The config file being read: what it set so far and what is wrong.
struct Reader<'t> {
    file: &'t str,
    text: &'t str,
    problems: Vec<Diagnostic>,
    keymap: Keymap,
    /// The bindings the file set: index in [`KEYMAP`], each key with where
    /// it is written.
    written: Vec<(usize, Vec<Written>)>,
}

/// A key as the file wrote it, and where.
type Written = (Key, Range<usize>);

type Entry<'a, 'i> = (&'a Spanned<std::borrow::Cow<'i, str>>, &'a Spanned<DeValue<'i>>);

impl Reader<'_> {
    fn error(&mut self, span: Range<usize>, message: String, hint: impl Into<String>) {
        let at = position(self.text, span.start);
        self.problems
            .push(Diagnostic::at(self.file, at, message).hint(hint));
    }

    /// `[keys]`: browsing actions, and one table per other context.
    fn keys(&mut self, table: &DeTable<'_>) {
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
    fn check_conflicts(&mut self) {
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

    /// `[theme]`: a preset by `name`, then the slots it overrides.
    fn theme(&mut self, table: &DeTable<'_>) -> Theme {
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

/// The context whose `[keys.NAME]` table is `name`.
fn section_ctx(name: &str) -> Option<Ctx> {
    KEYMAP.iter().map(|b| b.ctx).find(|c| c.section() == Some(name))
}

/// `[keys]` or `[keys.NAME]`.
fn table_name(section: Option<&str>) -> String {
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

/// The items in first-seen order, each once.
fn unique<T: PartialEq>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut out = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// The candidate a misspelt `name` most likely meant, if any is close.
fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::jaro_winkler(name, c), c))
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

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
fn quoted(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::Action;
    use crossterm::event::KeyCode;

    fn errors(text: &str) -> Vec<String> {
        match parse("config.toml", text) {
            Ok(_) => Vec::new(),
            Err(ds) => ds.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn the_default_file_changes_nothing_even_uncommented() {
        let text = default_text();
        assert_eq!(parse("c", &text), Ok(Config::default()));
        let uncommented: String = text
            .lines()
            .map(|l| l.strip_prefix("# ").filter(|r| r.contains(" = {")).unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(uncommented.contains("\ntitle_bar = {"));
        assert_eq!(parse("c", &uncommented), Ok(Config::default()));
        for b in KEYMAP {
            assert!(text.contains(b.help), "{}", b.help);
        }
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        assert_eq!(parse("c", ""), Ok(Config::default()));
    }

    #[test]
    fn a_partial_file_changes_only_what_it_says() {
        let text = "[keys]\nquit = [\"Q\", \"Ctrl-q\"]\n[keys.search_box]\ncancel = [\"Ctrl-g\"]\n\
                    [theme]\nname = \"light\"\ndate = \"#FF8800\"\nkey = { bg = \"black\", italic = true, bold = false }\n";
        let Ok(c) = parse("c", text) else {
            panic!("{:?}", parse("c", text))
        };
        let k = |c: char| Key {
            code: KeyCode::Char(c),
            ctrl: false,
        };
        assert_eq!(c.keymap.action(k('Q'), Ctx::Browse), Some(Action::Quit));
        assert_eq!(c.keymap.action(k('q'), Ctx::Browse), None, "q no longer quits");
        assert_eq!(c.keymap.key_of(Action::Cancel, Ctx::Search), "Ctrl-g");
        assert_eq!(
            c.keymap.key_of(Action::Cancel, Ctx::Prompt),
            "Esc",
            "other tables keep theirs"
        );
        assert_eq!(c.keymap.key_of(Action::Down, Ctx::Browse), "j");
        let light = Theme::light();
        assert_eq!(c.theme.date, light.date.fg(Color::Rgb(255, 136, 0)));
        assert_eq!(c.theme.key.bg, Some(Color::Black));
        assert_eq!(c.theme.key.fg, light.key.fg, "fields not given stay");
        assert!(
            c.theme
                .key
                .add_modifier
                .contains(ratatui::style::Modifier::ITALIC)
        );
        assert!(!c.theme.key.add_modifier.contains(ratatui::style::Modifier::BOLD));
        assert_eq!(c.theme.person, light.person);
    }

    #[test]
    fn mistakes_are_reported_at_their_line_and_column() {
        assert_eq!(
            errors("[keys]\nquit = [\"q\"\n"),
            [
                "config.toml:2:12: error: not valid TOML: unclosed array, expected `]`\n  hint: see `rivals config --default` for a complete example"
            ]
        );
        assert_eq!(
            errors("[keys]\nquitt = [\"q\"]\n"),
            ["config.toml:2:1: error: unknown action `quitt` in [keys]\n  hint: did you mean `quit`?"]
        );
        assert_eq!(
            errors("[keys]\ncancel = [\"q\"]\n"),
            [
                "config.toml:2:1: error: unknown action `cancel` in [keys]\n  hint: `cancel` is set in [keys.search_box], [keys.lists], [keys.prompt], [keys.mark], [keys.help_overlay], [keys.sources_view], [keys.flows_view], [keys.money_view]"
            ]
        );
        assert_eq!(
            errors("[keys]\ndown = [\"j\", \"Hyper-x\"]\n"),
            [format!(
                "config.toml:2:14: error: `Hyper-x` is not a key\n  hint: a key is {KEY_FORMS}"
            )]
        );
        assert_eq!(
            errors("[keys]\ndown = \"j\"\n"),
            [
                "config.toml:2:8: error: `down` takes a list of keys\n  hint: write it as down = [\"j\", \"Down\"]"
            ]
        );
        assert_eq!(
            errors("[theme]\nname = \"solarized\"\ndate = \"blu\"\nkey = 3\n"),
            [
                "config.toml:2:8: error: unknown theme `solarized`\n  hint: one of: dark, light, high-contrast".to_string(),
                format!("config.toml:3:8: error: `blu` is not a colour\n  hint: a colour is {COLOR_FORMS}"),
                "config.toml:4:7: error: `key` takes a colour or a style\n  hint: write key = \"red\" or key = { fg = \"red\", bold = true }".into(),
            ]
        );
        assert_eq!(
            errors("[theme]\nborder = { fg = \"red\", blink = true }\n"),
            [
                "config.toml:2:24: error: unknown style field `blink`\n  hint: a style has: fg, bg, bold, dim, italic, underlined, reversed, crossed_out"
            ]
        );
        assert_eq!(
            errors("[keys.timeline]\nnext_year = [\"]\"]\n"),
            [
                "config.toml:1:7: error: unknown table [keys.timeline]\n  hint: the tables under [keys] are anywhere, search_box, lists, chooser, prompt, mark, help_overlay, sources_view, flows_view, money_view; browsing and timeline actions sit in [keys] itself"
            ]
        );
        assert_eq!(
            errors("colour = 1\n"),
            [
                "config.toml:1:1: error: unknown setting `colour`\n  hint: a config file has a [keys] table and a [theme] table"
            ]
        );
        assert_eq!(
            errors("[keys.search_box]\naccept = [\"a\"]\n"),
            [
                "config.toml:2:11: error: `a` cannot be a key in the search box: it is typed there\n  hint: bind a key with Ctrl- (Ctrl-n) or a named key (Esc, Down)"
            ]
        );
    }

    #[test]
    fn two_actions_on_one_key_name_both() {
        assert_eq!(
            errors("[keys]\nsearch = [\"/\", \"f\"]\n"),
            [
                "config.toml:2:16: error: `f` is bound to both `search` and `kind_filter` while browsing\n  hint: give one of them another key (by default `search` is /, `kind_filter` is f)"
            ]
        );
        // Timeline keys meet browsing keys there.
        let e = errors("[keys]\nnext_year = [\"j\"]\n");
        assert!(
            e[0].starts_with(
                "config.toml:2:14: error: `j` is bound to both `down` and `next_year` in the timeline"
            ),
            "{e:?}"
        );
        // Keys anywhere meet every context's.
        let e = errors("[keys.anywhere]\nquit = [\"Ctrl-u\"]\n");
        assert!(e[0].starts_with("config.toml:2:9: error: `Ctrl-u` is bound to both `anywhere.quit` and `half_page_up` while browsing"), "{e:?}");
        // Swapping two keys is fine.
        assert!(errors("[keys]\nsearch = [\"f\"]\nkind_filter = [\"/\"]\n").is_empty());
    }

    #[test]
    fn hostile_text_is_reported_harmlessly() {
        // TOML escapes, so the parsed names and values hold the raw bytes.
        let e = errors("[keys]\n\"\\u001b]0;owned\\u0007\" = [\"q\"]\n[theme]\ndate = \"\\u001b[31m\"\n");
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(
            e.iter().all(|l| !l.contains('\u{1b}') && !l.contains('\u{7}')),
            "{e:?}"
        );
    }

    proptest::proptest! {
        /// Any mix of config fragments, well-formed or not, parses or gives
        /// positioned errors; it never panics.
        #[test]
        fn never_panics(parts in proptest::collection::vec(proptest::sample::select(vec![
            "[keys]\n", "[keys.search_box]\n", "[keys.anywhere]\n", "[theme]\n", "[keys.lists]\n",
            "quit = [\"Q\"]\n", "down = [\"j\", \"Ctrl-x\"]\n", "accept = [\"Ctrl-a\"]\n",
            "name = \"light\"\n", "date = \"#zz\"\n", "key = { fg = \"red\", bold = 1 }\n",
            "search = []\n", "x = 1\n", "= \n", "\"\u{1b}\" = 2\n", "[[keys]]\n", "help = [\"F0\"]\n",
            "cancel = [\"Esc\", \"Esc\"]\n", "muted = { bg = \"255\" }\n", "é = \"→\"\n",
        ]), 0..12)) {
            let text: String = parts.concat();
            match parse("c", &text) {
                Ok(_) => {}
                Err(problems) => {
                    proptest::prop_assert!(!problems.is_empty());
                    proptest::prop_assert!(problems.iter().all(|d| d.line >= 1 && d.col >= 1 && d.hint.is_some()));
                }
            }
        }
    }

    #[test]
    fn positions_count_characters() {
        assert_eq!(position("a\nβc", 4), (2, 2));
        assert_eq!(position("", 0), (1, 1));
        assert_eq!(position("ab", 99), (1, 3));
    }
}
