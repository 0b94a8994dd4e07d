//! Every style the TUI uses, by meaning. Colours appear nowhere else.
//!
//! The built-in themes ([`Preset`]) use only the 16 basic ANSI colours, so
//! they look the same in a plain 16-colour terminal, xterm-256color and
//! tmux; the config file may override any slot. The monochrome theme
//! (NO_COLOR, `--color never`) keeps every meaning with bold, reverse and
//! underline.

use ratatui::style::{Color, Modifier, Style};

/// Which characters borders, markers and arrows are drawn with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Glyphs {
    #[default]
    Unicode,
    /// Plain ASCII (`--ascii`), for terminals without Unicode: see
    /// [`super::ascii`].
    Ascii,
}

/// Semantic style slots.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub title_bar: Style,
    pub border: Style,
    pub border_focused: Style,
    /// A popup's title text (its key hints use `key`).
    pub popup_title: Style,
    pub selection: Style,
    pub selection_unfocused: Style,
    pub match_hit: Style,
    pub muted: Style,
    pub date: Style,
    pub kind: Style,
    pub person: Style,
    pub org: Style,
    pub amount: Style,
    pub disputed: Style,
    pub heading: Style,
    pub key: Style,
    pub error: Style,
    /// The borders, markers and arrows drawn: Unicode, or ASCII (`--ascii`).
    pub glyphs: Glyphs,
}

/// Lists every style slot of a theme, by config name, so that reading,
/// overriding and printing them cannot miss one: the destructuring fails
/// to compile when a field is added and not listed.
macro_rules! slots {
    ($($slot:ident),* $(,)?) => {
        impl Theme {
            /// Every style slot with its config name, in declaration order.
            pub fn slots(&self) -> Vec<(&'static str, Style)> {
                let Theme { $($slot),*, glyphs: _ } = *self;
                vec![$((stringify!($slot), $slot)),*]
            }

            /// The slot named `name`, to override.
            pub fn slot_mut(&mut self, name: &str) -> Option<&mut Style> {
                match name {
                    $(stringify!($slot) => Some(&mut self.$slot),)*
                    _ => None,
                }
            }
        }
    };
}

slots!(
    title_bar,
    border,
    border_focused,
    popup_title,
    selection,
    selection_unfocused,
    match_hit,
    muted,
    date,
    kind,
    person,
    org,
    amount,
    disputed,
    heading,
    key,
    error,
);

/// The built-in themes the config file names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// For dark backgrounds: the default.
    Dark,
    /// For light backgrounds.
    Light,
    /// Bright colours and bold, for low vision or washed-out screens.
    HighContrast,
}

impl Preset {
    /// Every preset, the default first.
    pub const ALL: [Preset; 3] = [Preset::Dark, Preset::Light, Preset::HighContrast];

    /// The name the config file uses: `dark`, `light`, `high-contrast`.
    pub fn name(self) -> &'static str {
        match self {
            Preset::Dark => "dark",
            Preset::Light => "light",
            Preset::HighContrast => "high-contrast",
        }
    }

    /// The preset named `name`, if any.
    pub fn parse(name: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.name() == name)
    }

    /// The preset's theme.
    pub fn theme(self) -> Theme {
        match self {
            Preset::Dark => Theme::color(),
            Preset::Light => Theme::light(),
            Preset::HighContrast => Theme::high_contrast(),
        }
    }
}

const BOLD: Modifier = Modifier::BOLD;

impl Theme {
    /// The colour theme for dark backgrounds (preset `dark`).
    pub fn color() -> Self {
        Theme {
            title_bar: Style::new().fg(Color::Black).bg(Color::Cyan).add_modifier(BOLD),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan).add_modifier(BOLD),
            popup_title: Style::new().fg(Color::Reset).add_modifier(BOLD),
            selection: Style::new().fg(Color::Black).bg(Color::Cyan),
            selection_unfocused: Style::new().fg(Color::White).bg(Color::DarkGray),
            match_hit: Style::new()
                .fg(Color::Yellow)
                .add_modifier(BOLD | Modifier::UNDERLINED),
            muted: Style::new().fg(Color::DarkGray),
            date: Style::new().fg(Color::Blue),
            kind: Style::new().fg(Color::Magenta),
            person: Style::new().fg(Color::Green),
            org: Style::new().fg(Color::Cyan),
            amount: Style::new().fg(Color::Yellow),
            disputed: Style::new().fg(Color::Red).add_modifier(BOLD),
            heading: Style::new().add_modifier(BOLD),
            key: Style::new().fg(Color::Cyan).add_modifier(BOLD),
            error: Style::new().fg(Color::Red).add_modifier(BOLD),
            glyphs: Glyphs::Unicode,
        }
    }

    /// The colour theme for light backgrounds (preset `light`): no yellow
    /// or cyan text, which fade on white.
    pub fn light() -> Self {
        Theme {
            title_bar: Style::new().fg(Color::White).bg(Color::Blue).add_modifier(BOLD),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Blue).add_modifier(BOLD),
            popup_title: Style::new().fg(Color::Reset).add_modifier(BOLD),
            selection: Style::new().fg(Color::White).bg(Color::Blue),
            selection_unfocused: Style::new().fg(Color::Black).bg(Color::Gray),
            match_hit: Style::new()
                .fg(Color::Red)
                .add_modifier(BOLD | Modifier::UNDERLINED),
            muted: Style::new().fg(Color::DarkGray),
            date: Style::new().fg(Color::Blue),
            kind: Style::new().fg(Color::Magenta),
            person: Style::new().fg(Color::Green),
            org: Style::new().fg(Color::Blue),
            amount: Style::new().fg(Color::Red),
            disputed: Style::new().fg(Color::Red).add_modifier(BOLD),
            heading: Style::new().add_modifier(BOLD),
            key: Style::new().fg(Color::Blue).add_modifier(BOLD),
            error: Style::new().fg(Color::Red).add_modifier(BOLD),
            glyphs: Glyphs::Unicode,
        }
    }

    /// Bright colours on the terminal's background, nothing dim (preset
    /// `high-contrast`).
    pub fn high_contrast() -> Self {
        let bright = |c: Color| Style::new().fg(c).add_modifier(BOLD);
        Theme {
            title_bar: Style::new().fg(Color::Black).bg(Color::White).add_modifier(BOLD),
            border: Style::new().fg(Color::White),
            border_focused: bright(Color::LightYellow),
            popup_title: bright(Color::White),
            selection: Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(BOLD),
            selection_unfocused: Style::new().fg(Color::Black).bg(Color::White),
            match_hit: bright(Color::LightYellow).add_modifier(Modifier::UNDERLINED),
            muted: Style::new().fg(Color::White),
            date: bright(Color::LightCyan),
            kind: bright(Color::LightMagenta),
            person: bright(Color::LightGreen),
            org: bright(Color::LightCyan),
            amount: bright(Color::LightYellow),
            disputed: bright(Color::LightRed),
            heading: bright(Color::White).add_modifier(Modifier::UNDERLINED),
            key: bright(Color::LightYellow),
            error: bright(Color::LightRed),
            glyphs: Glyphs::Unicode,
        }
    }

    /// The monochrome theme: no colour at all.
    pub fn mono() -> Self {
        let plain = Style::new();
        Theme {
            title_bar: Style::new().add_modifier(Modifier::REVERSED | BOLD),
            border: plain,
            border_focused: Style::new().add_modifier(BOLD),
            popup_title: Style::new().add_modifier(BOLD),
            selection: Style::new().add_modifier(Modifier::REVERSED | BOLD),
            selection_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            match_hit: Style::new().add_modifier(BOLD | Modifier::UNDERLINED),
            muted: plain,
            date: plain,
            kind: plain,
            person: plain,
            org: plain,
            amount: plain,
            disputed: Style::new().add_modifier(BOLD),
            heading: Style::new().add_modifier(BOLD),
            key: Style::new().add_modifier(BOLD),
            error: Style::new().add_modifier(BOLD),
            glyphs: Glyphs::Unicode,
        }
    }

    /// The same theme drawn with `glyphs`.
    pub fn with_glyphs(self, glyphs: Glyphs) -> Self {
        Theme { glyphs, ..self }
    }

    /// The style of series `i` of a chart (the Sankey's origins): one of
    /// eight basic colours in turn, none when the theme has no colour
    /// (the chart then tells its series apart by pattern).
    pub fn series(&self, i: usize, has_color: bool) -> Style {
        const SERIES: [Color; 8] = [
            Color::Cyan,
            Color::Yellow,
            Color::Magenta,
            Color::Green,
            Color::Blue,
            Color::Red,
            Color::LightCyan,
            Color::LightMagenta,
        ];
        if has_color {
            Style::new().fg(SERIES[i % SERIES.len()])
        } else {
            Style::new()
        }
    }

    /// Whether any slot sets a colour (the monochrome theme sets none).
    pub fn has_color(&self) -> bool {
        self.slots()
            .iter()
            .any(|(_, s)| s.fg.is_some() || s.bg.is_some() || s.underline_color.is_some())
    }
}

/// How the config file writes a colour: `dark_gray`, `#FF8800`, `208`.
pub fn color_name(c: Color) -> String {
    let mut out = String::new();
    for (i, ch) in c.to_string().chars().enumerate() {
        if ch.is_ascii_uppercase() && i > 0 && !matches!(c, Color::Rgb(..)) {
            out.push('_');
        }
        out.push(if matches!(c, Color::Rgb(..)) {
            ch
        } else {
            ch.to_ascii_lowercase()
        });
    }
    out
}

/// The text modifiers a slot may set, by config name.
pub const MODIFIERS: [(&str, Modifier); 6] = [
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("crossed_out", Modifier::CROSSED_OUT),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_have_colour_and_mono_has_none() {
        for p in Preset::ALL {
            assert_eq!(Preset::parse(p.name()), Some(p));
            assert!(p.theme().has_color(), "{}", p.name());
        }
        assert!(!Theme::mono().has_color());
        assert_eq!(Preset::parse("solarized"), None);
    }

    #[test]
    fn light_avoids_faint_colours_and_high_contrast_anything_dim() {
        let faint = [
            Color::Yellow,
            Color::Cyan,
            Color::LightYellow,
            Color::LightCyan,
            Color::White,
        ];
        // Text on the terminal's own (light) background, not on a bar.
        for (name, s) in Theme::light().slots().into_iter().filter(|(_, s)| s.bg.is_none()) {
            assert!(!s.fg.is_some_and(|c| faint.contains(&c)), "light {name}");
        }
        for (name, s) in Theme::high_contrast().slots() {
            assert!(
                s.fg != Some(Color::DarkGray) && s.bg != Some(Color::DarkGray),
                "{name}"
            );
            assert!(!s.add_modifier.contains(Modifier::DIM), "{name}");
        }
    }

    #[test]
    fn colour_names_read_back() {
        for c in [
            Color::DarkGray,
            Color::LightCyan,
            Color::Reset,
            Color::Rgb(255, 136, 0),
            Color::Indexed(208),
        ] {
            assert_eq!(color_name(c).parse::<Color>(), Ok(c), "{}", color_name(c));
        }
        assert_eq!(color_name(Color::DarkGray), "dark_gray");
        assert_eq!(color_name(Color::Rgb(255, 136, 0)), "#FF8800");
    }

    #[test]
    fn every_slot_is_listed_once_and_overridable() {
        let mut t = Theme::color();
        let names: Vec<&str> = t.slots().iter().map(|(n, _)| *n).collect();
        assert_eq!(names.len(), 17);
        for n in &names {
            let slot = t.slot_mut(n);
            assert!(slot.is_some(), "{n}");
            if let Some(s) = slot {
                *s = Style::new().fg(Color::Indexed(1));
            }
        }
        assert!(t.slots().iter().all(|(_, s)| s.fg == Some(Color::Indexed(1))));
        assert!(t.slot_mut("glyphs").is_none());
    }
}
