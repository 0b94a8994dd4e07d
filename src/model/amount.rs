//! Money as an article states it: an amount, the period it is spread
//! over, and how it is shown.

use super::Per;

/// Money as an article states it.
#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    /// Plain number in units of `currency` (14.3e9, not "14.3B").
    pub value: f64,
    /// ISO 4217 code, one of the known ones (so it is shared, not copied).
    pub currency: &'static str,
    /// The amount as the article words it.
    pub text: Option<String>,
    /// The same sum in a second currency, as the article states it
    /// (£400M, "about $660M at the time").
    pub equivalent: Option<Box<Amount>>,
    /// The value is a ceiling ("up to $1 billion").
    pub up_to: bool,
    /// The value is a floor ("more than $4.4 billion").
    pub at_least: bool,
    /// The sum is spread over this period ("$300M over four years").
    pub period: Option<Term>,
    /// The sum is paid again every year or month ("CHF 5M a year").
    pub per: Option<Per>,
}

/// A length of time an amount is spread over: `4 years`, `18 months`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    /// How many units (at least 1).
    pub n: u32,
    /// Whether the unit is the month (otherwise the year).
    pub months: bool,
}

impl std::fmt::Display for Term {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let unit = if self.months { "month" } else { "year" };
        let s = if self.n == 1 { "" } else { "s" };
        write!(f, "{} {unit}{s}", self.n)
    }
}

impl Term {
    /// Parses `N year(s)` or `N month(s)`.
    pub fn parse(text: &str) -> Option<Term> {
        let (n, unit) = text.trim().split_once(' ')?;
        let n: u32 = n.parse().ok().filter(|&n| n > 0)?;
        let months = match unit.trim() {
            "year" | "years" => false,
            "month" | "months" => true,
            _ => return None,
        };
        Some(Term { n, months })
    }
}

impl Amount {
    /// The value with what qualifies it: `up to USD 1B`, `CHF 5M a year`,
    /// `USD 300M over 4 years`, `GBP 400M ≈ USD 660M`.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        if self.up_to {
            out.push_str("up to ");
        }
        if self.at_least {
            out.push_str("more than ");
        }
        out.push_str(&self.normalized());
        if let Some(per) = self.per {
            out.push_str(&format!(" a {per}"));
        }
        if let Some(p) = self.period {
            out.push_str(&format!(" over {p}"));
        }
        if let Some(eq) = &self.equivalent {
            out.push_str(&format!(" ≈ {}", eq.normalized()));
        }
        out
    }

    /// The value for a tight place, with its bound: `USD 14.3B`, `up to
    /// USD 1B` (a ceiling), `≥ USD 4.4B` (a floor).
    pub fn short(&self) -> String {
        let bound = match (self.up_to, self.at_least) {
            (true, _) => "up to ",
            (false, true) => "≥ ",
            (false, false) => "",
        };
        format!("{bound}{}", self.normalized())
    }

    /// The value in a compact, normalized form: `USD 14.3B`, `GBP 400M`.
    pub fn normalized(&self) -> String {
        let v = self.value;
        let (scaled, suffix) = if v >= 1e12 {
            (v / 1e12, "T")
        } else if v >= 1e9 {
            (v / 1e9, "B")
        } else if v >= 1e6 {
            (v / 1e6, "M")
        } else if v >= 1e3 {
            (v / 1e3, "K")
        } else {
            (v, "")
        };
        let mut num = format!("{scaled:.2}");
        while num.contains('.') && (num.ends_with('0') || num.ends_with('.')) {
            num.pop();
        }
        format!("{} {num}{suffix}", self.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_normalize_compactly() {
        let a = |value| Amount {
            value,
            currency: "USD",
            text: None,
            equivalent: None,
            up_to: false,
            at_least: false,
            period: None,
            per: None,
        };
        assert_eq!(a(14.3e9).normalized(), "USD 14.3B");
        assert_eq!(a(100e6).normalized(), "USD 100M");
        assert_eq!(a(1.25e12).normalized(), "USD 1.25T");
        assert_eq!(a(950.0).normalized(), "USD 950");
        assert_eq!(a(0.0).normalized(), "USD 0");
    }

    #[test]
    fn a_recurring_amount_says_how_often() {
        let yearly = Amount {
            value: 5e6,
            currency: "CHF",
            text: None,
            equivalent: None,
            up_to: true,
            at_least: false,
            period: Some(Term { n: 4, months: false }),
            per: Some(Per::Year),
        };
        assert_eq!(yearly.describe(), "up to CHF 5M a year over 4 years");
    }
}
