//! Synthetic datasets of any size in the real format, for benchmarks and
//! scale tests (`cargo run --release --example synth`). Deterministic for a
//! given seed; nothing large is ever committed. Behind the `synth` feature,
//! which the crate's own dev-dependency turns on for benches, tests and
//! examples, so it is not part of the library's surface for users.

use crate::model::{EventKind, FILES, Outcome};
use std::fmt::Write;
use std::path::Path;

/// How big a dataset to make.
#[derive(Clone, Copy, Debug)]
pub struct Spec {
    pub people: usize,
    pub orgs: usize,
    pub events: usize,
    pub seed: u64,
}

impl Spec {
    /// The reference "big" dataset: 50,000 people, 2,000 organizations,
    /// 100,000 events.
    pub const BIG: Spec = Spec {
        people: 50_000,
        orgs: 2_000,
        events: 100_000,
        seed: 1,
    };

    /// A dataset with `events` events and people and organizations in the
    /// same proportions as [`Spec::BIG`].
    pub fn scaled(events: usize) -> Spec {
        Spec {
            people: (events / 2).max(1),
            orgs: (events / 50).max(2),
            events,
            seed: 1,
        }
    }
}

/// SplitMix64: small, fast and good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const FIRST: &[&str] = &[
    "Alexandra",
    "Benjamin",
    "Chiara",
    "Dmitri",
    "Elena",
    "Farid",
    "Grace",
    "Hiroshi",
    "Ingrid",
    "Jamal",
    "Katarzyna",
    "Luis",
    "Mei",
    "Nikolai",
    "Olufemi",
    "Priya",
    "Quentin",
    "Rosa",
    "Sanjay",
    "Tamsin",
    "Ugo",
    "Valentina",
    "Wei",
    "Xavier",
    "Yasmin",
    "Zoltan",
    "Amara",
    "Bjorn",
    "Carmen",
    "Dev",
];
const LAST: &[&str] = &[
    "Abernathy",
    "Bianchi",
    "Castellanos",
    "Dubois",
    "Eriksen",
    "Fujimoto",
    "Gallagher",
    "Horvath",
    "Iyer",
    "Jankowski",
    "Kowalczyk",
    "Lindqvist",
    "Montgomery",
    "Nakamura",
    "Okonkwo",
    "Petrov",
    "Quintero",
    "Rasmussen",
    "Schneider",
    "Takahashi",
    "Umarov",
    "Vasquez",
    "Whitfield",
    "Xu",
    "Yamamoto",
    "Zielinski",
    "Achterberg",
    "Bergstrom",
    "Chakraborty",
    "Delacroix",
];
const ORG_A: &[&str] = &[
    "Quantum",
    "Deep",
    "Open",
    "Frontier",
    "Bright",
    "Neural",
    "Silent",
    "Vector",
    "Latent",
    "Sparse",
    "Recursive",
    "Northern",
    "Golden",
    "Parallel",
    "Emergent",
];
const ORG_B: &[&str] = &[
    "Horizon", "Mind", "Signal", "Forge", "Lattice", "Cortex", "Harbor", "Summit", "Tensor", "Circuit",
    "Meadow", "Beacon",
];
const ORG_C: &[&str] = &[
    "Labs",
    "AI",
    "Research",
    "Systems",
    "Capital",
    "Institute",
    "Technologies",
    "Ventures",
];
const REASONS: &[&str] = &[
    "a larger compute budget",
    "a disagreement over safety priorities",
    "an offer reportedly worth tens of millions",
    "the chance to lead a new research team",
    "frustration with repeated reorganizations",
    "a return to open research",
];

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn person_name(i: usize) -> String {
    format!(
        "{} {} {}",
        FIRST[i % FIRST.len()],
        LAST[(i / FIRST.len()) % LAST.len()],
        i
    )
}

fn person_id(i: usize) -> String {
    format!("p{i}")
}

fn org_name(i: usize) -> String {
    format!(
        "{} {} {} {}",
        ORG_A[i % ORG_A.len()],
        ORG_B[(i / ORG_A.len()) % ORG_B.len()],
        ORG_C[(i / 7) % ORG_C.len()],
        i
    )
}

fn org_id(i: usize) -> String {
    format!("o{i}")
}

/// A skewed organization pick: organization 0 is in about 5% of events.
fn pick_org(rng: &mut Rng, n: usize) -> usize {
    if rng.chance(5) {
        0
    } else {
        let r = (rng.next() % 10_000) as f64 / 10_000.0;
        ((r * r) * n as f64) as usize % n
    }
}

/// The four files' text for `spec`.
pub fn generate(spec: Spec) -> [String; 4] {
    let mut rng = Rng(spec.seed);
    let (n_people, n_orgs) = (spec.people.max(1), spec.orgs.max(2));
    let sources = "- id: synth-a\n  title: \"Synthetic source A\"\n  language: en\n- id: synth-b\n  title: \"Synthetic source B\"\n  outlet: Generator\n  language: fr\n  published: 2025-06\n".to_string();
    // In this order: each draws from `rng` in turn.
    let orgs = organizations(&mut rng, n_orgs);
    let people = people(&mut rng, n_people);
    let mut events = String::with_capacity(spec.events * 330);
    for i in 0..spec.events {
        event(&mut events, &mut rng, i, n_people, n_orgs);
    }
    [sources, orgs, people, events]
}

/// The text of `organizations.yaml`.
fn organizations(rng: &mut Rng, n_orgs: usize) -> String {
    let mut orgs = String::with_capacity(n_orgs * 200);
    for i in 0..n_orgs {
        let _ = write!(orgs, "- id: {}\n  name: {}\n", org_id(i), quote(&org_name(i)));
        if rng.chance(30) {
            let _ = writeln!(
                orgs,
                "  aliases: [{}]",
                quote(&format!("{} Group", ORG_B[i % ORG_B.len()]))
            );
        }
        let kind = ["lab", "company", "startup", "investor", "university", "media"][rng.below(6)];
        let _ = writeln!(orgs, "  kind: {kind}");
        if i > 10 && rng.chance(10) {
            let _ = writeln!(orgs, "  parent: {}", org_id(rng.below(10)));
        }
        if rng.chance(50) {
            let _ = writeln!(orgs, "  founded: {}", 1970 + rng.below(55));
        }
        let _ = writeln!(
            orgs,
            "  summary: {}",
            quote(&format!(
                "A synthetic organization, number {i}, working on {}.",
                REASONS[i % REASONS.len()]
            ))
        );
        let _ = writeln!(orgs, "  sources: [synth-a]");
    }
    orgs
}

/// The text of `people.yaml`.
fn people(rng: &mut Rng, n_people: usize) -> String {
    let mut people = String::with_capacity(n_people * 160);
    for i in 0..n_people {
        let _ = write!(
            people,
            "- id: {}\n  name: {}\n",
            person_id(i),
            quote(&person_name(i))
        );
        if rng.chance(20) {
            let _ = writeln!(
                people,
                "  aliases: [{}]",
                quote(&format!(
                    "{}. {}",
                    &FIRST[i % FIRST.len()][..1],
                    LAST[(i / FIRST.len()) % LAST.len()]
                ))
            );
        }
        let _ = writeln!(people, "  summary: {}", quote(&format!("Researcher {i}.")));
        let _ = writeln!(people, "  sources: [synth-b]");
    }
    people
}

/// Appends event `i` to `events.yaml`'s text.
fn event(events: &mut String, rng: &mut Rng, i: usize, n_people: usize, n_orgs: usize) {
    let kind = EventKind::ALL[rng.below(EventKind::ALL.len())];
    let year = 1995 + rng.below(31);
    let date = match rng.below(10) {
        0 | 1 => format!("{year}"),
        2..=5 => format!("{year}-{:02}", 1 + rng.below(12)),
        _ => format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
    };
    let who = rng.below(n_people);
    let (from, to) = (pick_org(rng, n_orgs), pick_org(rng, n_orgs));
    // A move between two different organizations (the loader refuses a move to itself).
    let to = if to == from { (to + 1) % n_orgs } else { to };
    let _ = write!(
        events,
        "- id: e{i}\n  date: {date}\n  kind: {kind}\n  people: [{}",
        person_id(who)
    );
    for _ in 0..rng.below(2) {
        let other = rng.below(n_people);
        if other != who {
            let _ = write!(events, ", {}", person_id(other));
        }
    }
    events.push_str("]\n");
    // Every third group count is a lower bound, and one in two of those
    // disputed is disputed by count (decided by `i`: the random stream
    // stays the same).
    let mut count = None;
    if kind.is_move() && rng.chance(5) {
        let n = 5 + rng.below(16);
        count = Some(n);
        let _ = writeln!(events, "  count: {n}");
        if i.is_multiple_of(3) {
            events.push_str("  at_least: true\n");
        }
    }
    let _ = write!(events, "  from: {}\n  to: {}\n", org_id(from), org_id(to));
    if rng.chance(15) {
        let _ = writeln!(events, "  orgs: [{}]", org_id(rng.below(n_orgs)));
    }
    if rng.chance(10) {
        let _ = writeln!(events, "  role: {}", quote("Head of research"));
    }
    if rng.chance(10) {
        let value = (1 + rng.below(999)) as f64 * 10f64.powi(6 + rng.below(4) as i32);
        let currency = ["USD", "EUR", "GBP"][rng.below(3)];
        let _ = writeln!(
            events,
            "  amount: {{value: {value:e}, currency: {currency}, text: {}}}",
            quote("as reported")
        );
    }
    if rng.chance(10) {
        let _ = writeln!(
            events,
            "  quote: {}",
            quote("We will keep building, whatever the others pay.")
        );
    }
    let summary = format!("{} joined {}.", person_name(who), org_name(to));
    let _ = writeln!(events, "  summary: {}", quote(&summary));
    let _ = writeln!(events, "  sources: [synth-a]");
    // Every event with a count and an even number is disputed by count
    // whatever the draw (still made, so the random stream stays the same).
    if rng.chance(5) || (count.is_some() && i.is_multiple_of(2)) {
        let _ = writeln!(
            events,
            "  disputed:\n    note: {}\n    alternatives:\n      - {{value: {}, sources: [synth-b]}}",
            quote("Sources disagree on the date."),
            quote(&format!("{}", year + 1))
        );
        if let Some(n) = count.filter(|_| i.is_multiple_of(2)) {
            let _ = writeln!(events, "      - {{count: {}, sources: [synth-b]}}", n + 2);
        }
    }
    // The fidelity fields, on a fixed share of events (no draw from `rng`,
    // so the rest of a dataset is what it was before they existed).
    if kind == EventKind::Offer {
        let outcome = Outcome::ALL[i % Outcome::ALL.len()];
        let _ = writeln!(events, "  outcome: {outcome}");
    }
    if i % 20 == 3 {
        let _ = writeln!(
            events,
            "  uncertain:\n    note: {}\n    alternatives:\n      - {{value: {}, sources: [synth-a]}}",
            quote("The article's wording is garbled."),
            quote("as printed")
        );
    }
    if i % 10 == 7 {
        let _ = writeln!(
            events,
            "  beyond_sources: {}",
            quote("The month is general knowledge.")
        );
    }
}

/// Writes a generated dataset into folder `dir` (created if needed).
pub fn write(spec: Spec, dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, text) in FILES.iter().zip(generate(spec)) {
        std::fs::write(dir.join(name), text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Files, load};

    #[test]
    fn generated_datasets_are_valid_and_sized_as_asked() {
        let spec = Spec {
            people: 300,
            orgs: 40,
            events: 2_000,
            seed: 7,
        };
        let [s, o, p, e] = generate(spec);
        let files = Files {
            sources: &s,
            organizations: &o,
            people: &p,
            events: &e,
        };
        let ds = load("synth", &files, "").unwrap_or_else(|errs| panic!("{}", errs[0]));
        assert_eq!(
            (ds.orgs.len(), ds.people.len(), ds.events.len()),
            (40, 300, 2_000)
        );
        assert!(ds.org_events[0].len() > 100, "organization 0 is the busy one");
        let precisions: std::collections::HashSet<_> = ds.events.iter().map(|e| e.date.precision()).collect();
        assert_eq!(precisions.len(), 3);
        assert!(ds.events.iter().any(|e| e.count().is_some()));
        assert!(ds.events.iter().any(|e| e.count_at_least()));
        assert!(ds.events.iter().any(|e| e.count_disputed()));
        assert!(ds.events.iter().any(|e| e.amount().is_some()));
        assert!(ds.events.iter().any(|e| e.disputed().is_some()));
        assert!(ds.people.iter().any(|p| !p.aliases.is_empty()));
        assert_eq!(generate(spec), [s, o, p, e], "deterministic");
    }
}
