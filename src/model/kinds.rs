//! The closed vocabularies of the format: organization and event kinds,
//! the outcome of an offer, and how often a recurring amount is paid.

use serde::{Deserialize, Serialize};

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize, schemars::JsonSchema)]
        #[serde(rename_all = "lowercase")]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every kind, in the order the format lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name used in YAML and on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the name used in YAML and on the command line.
            pub fn parse(text: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|k| k.as_str() == text)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// What sort of organization a record is.
    OrgKind {
        Lab => "lab",
        Company => "company",
        Startup => "startup",
        Investor => "investor",
        University => "university",
        Media => "media",
        Government => "government",
        Other => "other",
    }
}

vocabulary! {
    /// What sort of thing an event is.
    EventKind {
        Hire => "hire",
        Departure => "departure",
        Return => "return",
        Board => "board",
        Offer => "offer",
        Founding => "founding",
        Acquisition => "acquisition",
        Investment => "investment",
        Funding => "funding",
        Valuation => "valuation",
        Reorganization => "reorganization",
        Lawsuit => "lawsuit",
        Statement => "statement",
        Launch => "launch",
        Other => "other",
    }
}

impl EventKind {
    /// Whether the event moves people between organizations (a seat on a
    /// board, [`EventKind::Board`], never does).
    pub fn is_move(self) -> bool {
        matches!(self, EventKind::Hire | EventKind::Departure | EventKind::Return)
    }
}

vocabulary! {
    /// How an offer or bid ended, as the sources state it.
    Outcome {
        Accepted => "accepted",
        Declined => "declined",
        Withdrawn => "withdrawn",
        Pending => "pending",
        Unknown => "unknown",
    }
}

vocabulary! {
    /// How often a recurring amount is paid: `per: year` ("CHF 5M a year").
    Per {
        Year => "year",
        Month => "month",
    }
}
