//! Every style the TUI uses, by meaning. Colours appear nowhere else.
//!
//! Only the 16 basic ANSI colours are used, so the theme looks the same in
//! a plain 16-colour terminal, xterm-256color and tmux. The monochrome
//! theme (NO_COLOR, `--no-color`) keeps every meaning with bold, reverse
//! and underline.

use ratatui::style::{Color, Modifier, Style};

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
}

const BOLD: Modifier = Modifier::BOLD;

impl Theme {
    /// The colour theme.
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
        }
    }

    /// Monochrome if `--no-color` was given or `NO_COLOR` is set and not empty.
    pub fn pick(no_color_flag: bool, no_color_env: Option<&str>) -> Self {
        if no_color_flag || no_color_env.is_some_and(|v| !v.is_empty()) {
            Theme::mono()
        } else {
            Theme::color()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_follows_the_convention() {
        assert_eq!(Theme::pick(false, None), Theme::color());
        assert_eq!(Theme::pick(false, Some("")), Theme::color());
        assert_eq!(Theme::pick(false, Some("1")), Theme::mono());
        assert_eq!(Theme::pick(true, None), Theme::mono());
    }
}
