//! Behaviour of the whole search on the embedded dataset.

use super::*;
use crate::model::Dataset;
use std::collections::HashSet;

fn top(index: &SearchIndex, ds: &Dataset, q: &str) -> String {
    match index.search(ds, q, 1).first() {
        Some(h) => ds.id_of(h.target).to_string(),
        None => "nothing".into(),
    }
}

fn embedded() -> (Dataset, SearchIndex) {
    let ds = Dataset::embedded().unwrap();
    let index = SearchIndex::new(&ds);
    (ds, index)
}

#[test]
fn typos_still_find_the_person_first() {
    let (ds, index) = embedded();
    assert_eq!(top(&index, &ds, "shngjia"), "shengjia-zhao");
    assert_eq!(top(&index, &ds, "zukerberg"), "mark-zuckerberg");
    assert_eq!(top(&index, &ds, "altman"), "sam-altman");
    assert_eq!(top(&index, &ds, "deepmind"), "deepmind");
    assert_eq!(top(&index, &ds, "twitter"), "x-corp");
    assert_eq!(
        top(&index, &ds, "ZUCK"),
        "mark-zuckerberg",
        "case does not matter"
    );
}

#[test]
fn the_issues_misspellings_find_the_name() {
    let (ds, index) = embedded();
    for (q, id) in [
        ("alexander wang", "alexandr-wang"),
        ("zuckerburg", "mark-zuckerberg"),
        ("sutskevar", "ilya-sutskever"),
        ("antrhopic", "anthropic"),
        ("deep mind", "deepmind"),
        ("sam altmann", "sam-altman"),
        ("sutsk", "ilya-sutskever"),
        ("musk", "elon-musk"),
        ("scaleai", "scale-ai"),
        ("open ai", "openai"),
        ("hassabis demis", "demis-hassabis"),
        ("will beat", "altman-missionaries"),
        ("broken into our home", "someone-broke-in"),
        ("SSI", "safe-superintelligence"),
    ] {
        assert_eq!(top(&index, &ds, q), id, "{q}");
    }
}

#[test]
fn hits_say_which_field_matched_how_and_with_how_many_typos() {
    let (ds, index) = embedded();
    let h = &index.search(&ds, "zuckerburg", 1)[0];
    assert_eq!((h.field, h.typos, h.quality), (Field::Name, 1, Quality::Word));
    assert_eq!(index.text(&ds, h.entry), "Mark Zuckerberg");
    assert_eq!(
        h.indices,
        (5..15).collect::<Vec<_>>(),
        "the typo'd word is highlighted"
    );
    let h = &index.search(&ds, "sutsk", 1)[0];
    assert_eq!((h.field, h.typos, h.quality), (Field::Name, 0, Quality::Prefix));
    assert_eq!(h.indices, (5..10).collect::<Vec<_>>());
    let h = &index.search(&ds, "Dennis", 1)[0];
    assert_eq!(
        (h.field, index.text(&ds, h.entry)),
        (Field::Alias, "Dennis Hassabis")
    );
    let h = &index.search(&ds, "simseo", 1)[0];
    assert!(matches!(h.target, Record::Source(_)));
    assert_eq!(h.field, Field::Outlet);
    let h = &index.search(&ds, "shngjia", 1)[0];
    assert_eq!(h.typos, 1);
}

#[test]
fn diacritics_and_case_are_folded_both_ways() {
    let (ds, index) = embedded();
    assert_eq!(top(&index, &ds, "ÁLTMAN"), "sam-altman");
    assert_eq!(top(&index, &ds, "Zückerberg"), "mark-zuckerberg");
}

#[test]
fn loose_letters_in_long_texts_are_not_matches() {
    let (ds, index) = embedded();
    // "ssi" is scattered through Demis Hassabis but is no word of his.
    let hits = index.search(&ds, "ssi", 50);
    assert!(hits.iter().all(|h| h.target
        != Record::Person(ds.lookup("demis-hassabis").map_or(0, |r| match r {
            Record::Person(p) => p,
            _ => 0,
        }))));
    // A summary whose letters happen to spell the query is not a hit.
    assert!(
        index
            .search(&ds, "gpt", 50)
            .iter()
            .all(|h| h.field != Field::Name || h.quality != Quality::Subsequence)
    );
}

#[test]
fn one_hit_per_record_and_indices_point_at_matched_chars() {
    let (ds, index) = embedded();
    let hits = index.search(&ds, "musk", 50);
    let targets: HashSet<_> = hits.iter().map(|h| h.target).collect();
    assert_eq!(targets.len(), hits.len());
    let h = &hits[0];
    let chars: Vec<char> = index.text(&ds, h.entry).chars().collect();
    let matched: String = h.indices.iter().map(|&i| chars[i].to_ascii_lowercase()).collect();
    assert_eq!(matched, "musk");
    assert!(index.search(&ds, "", 10).is_empty());
    assert!(index.search(&ds, "qqqqxxzz", 10).is_empty());
    assert!(index.search(&ds, "!?", 10).is_empty());
}

#[test]
fn narrowing_gives_the_same_results_as_a_fresh_search() {
    let (ds, index) = embedded();
    let mut session = Session::default();
    let never = || false;
    for q in [
        "m",
        "me",
        "met",
        "meta",
        "meta s",
        "meta sup",
        "meta supe ",
        "sutskevar",
    ] {
        let narrowed = index.search_in(&ds, q, 20, &mut session, &never).unwrap();
        assert_eq!(narrowed, index.search(&ds, q, 20), "{q}");
    }
    // A query that does not extend the last one starts afresh.
    let other = index.search_in(&ds, "altman", 5, &mut session, &never).unwrap();
    assert_eq!(other, index.search(&ds, "altman", 5));
}

#[test]
fn a_cancelled_search_returns_nothing_and_keeps_the_session() {
    let (ds, index) = embedded();
    let mut session = Session::default();
    index.search_in(&ds, "me", 5, &mut session, &|| false).unwrap();
    assert!(index.search_in(&ds, "met", 5, &mut session, &|| true).is_none());
    assert_eq!(session.needle, b"me");
}

#[test]
fn scores_fall_with_rank() {
    let (ds, index) = embedded();
    for q in ["a", "openai", "zuck", "meta sup"] {
        let hits = index.search(&ds, q, 200);
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score), "{q}");
    }
}

/// Ids of the records `q` finds, best first.
fn ids(index: &SearchIndex, ds: &Dataset, q: &str) -> Vec<String> {
    index
        .search(ds, q, 500)
        .iter()
        .map(|h| ds.id_of(h.target).to_string())
        .collect()
}

/// Whether some text of `id`'s record contains `needle`, case folded:
/// for an event, also the names, aliases and titles of what it links.
fn mentions(index: &SearchIndex, ds: &Dataset, id: &str, needle: &str) -> bool {
    let Some(r) = ds.lookup(id) else { return false };
    let linked: Vec<usize> = match r {
        crate::model::Record::Event(i) => index.linked_slots(ds, i),
        _ => Vec::new(),
    };
    (0..index.entries.len() as u32)
        .filter(|&e| {
            let entry = &index.entries[e as usize];
            entry.target == r
                || (linked.contains(&index.slot(entry.target))
                    && matches!(entry.field, Field::Name | Field::Alias | Field::Title))
        })
        .any(|e| index.text(ds, e).to_lowercase().contains(needle))
}

#[test]
fn spaces_mean_and_and_bars_mean_or() {
    let (ds, index) = embedded();
    for id in ids(&index, &ds, "musk openai") {
        assert!(
            mentions(&index, &ds, &id, "musk") && mentions(&index, &ds, &id, "openai"),
            "{id}"
        );
    }
    let either = ids(&index, &ds, "altman | hassabis");
    assert_eq!(either[..2], ["sam-altman", "demis-hassabis"]);
    assert!(either.len() > ids(&index, &ds, "hassabis").len());
    assert!(
        either
            .iter()
            .all(|id| mentions(&index, &ds, id, "altman") || mentions(&index, &ds, id, "hassabis"))
    );
    // A plain term keeps its typo tolerance next to the others.
    assert_eq!(top(&index, &ds, "zukerberg 'mark"), "mark-zuckerberg");
}

#[test]
fn exact_anchored_and_excluded_terms() {
    let (ds, index) = embedded();
    let exact = ids(&index, &ds, "'superintell");
    assert!(exact.contains(&"meta-superintelligence-labs".to_string()));
    assert!(exact.iter().all(|id| mentions(&index, &ds, id, "superintell")));
    assert!(ids(&index, &ds, "'zukerberg").is_empty(), "exact means no typos");
    // Events match through the records they link, ranked below them.
    assert_eq!(ids(&index, &ds, "^meta labs$")[0], "meta-superintelligence-labs");
    let meta = ids(&index, &ds, "^meta$");
    assert_eq!(meta[0], "meta");
    assert!(meta[1..].iter().all(|id| {
        ds.lookup(id)
            .is_some_and(|r| matches!(r, crate::model::Record::Event(_)))
    }));
    assert_eq!(top(&index, &ds, "^meta"), "meta");
    let sam = ids(&index, &ds, "sam");
    let not_named_sam = ids(&index, &ds, "sam !^sam");
    assert!(sam.contains(&"sam-altman".to_string()));
    assert!(!not_named_sam.contains(&"sam-altman".to_string()));
    assert!(!not_named_sam.is_empty());
    for id in ids(&index, &ds, "'openai !musk") {
        assert!(!mentions(&index, &ds, &id, "musk"), "{id}");
    }
    let excluded = ids(&index, &ds, "'openai !'musk");
    assert_eq!(excluded, ids(&index, &ds, "'openai !musk"));
    assert!(!ids(&index, &ds, "meta !labs$").contains(&"meta-superintelligence-labs".to_string()));
}

#[test]
fn smart_case_and_folding_in_exact_terms() {
    let (ds, index) = embedded();
    assert_eq!(top(&index, &ds, "^Meta$"), "meta");
    assert!(ids(&index, &ds, "^META$").is_empty(), "upper case counts");
    let folded = ids(&index, &ds, "'openai");
    let cased = ids(&index, &ds, "'OpenAI");
    assert!(cased.iter().all(|id| folded.contains(id)));
    assert!(ids(&index, &ds, "'Openai").len() < folded.len());
    assert!(!ids(&index, &ds, "'OPENAI").contains(&"openai".to_string()));
    assert_eq!(top(&index, &ds, "'zhāo"), top(&index, &ds, "'zhao"));
}

#[test]
fn queries_of_only_operators_or_exclusions_find_nothing() {
    let (ds, index) = embedded();
    for q in [
        "!",
        "'",
        "^",
        "!'",
        "!^",
        "^$",
        "|",
        "! ' ^",
        "!musk",
        "!^sam !openai",
    ] {
        assert!(index.search(&ds, q, 10).is_empty(), "{q}");
    }
}

#[test]
fn highlights_show_what_each_term_matched() {
    let (ds, index) = embedded();
    let h = &index.search(&ds, "meta 'labs", 1)[0];
    assert_eq!(index.text(&ds, h.entry), "Meta Superintelligence Labs");
    let chars: Vec<char> = index.text(&ds, h.entry).chars().collect();
    let lit: String = h.indices.iter().map(|&i| chars[i]).collect();
    assert_eq!(lit, "MetaLabs");
    let h = &index.search(&ds, "^Meta$", 1)[0];
    assert_eq!(h.indices, [0, 1, 2, 3]);
    assert_eq!(h.quality, Quality::Exact);
}

#[test]
fn narrowing_with_operators_gives_the_same_results() {
    let (ds, index) = embedded();
    let mut session = Session::default();
    let never = || false;
    // Words first (exact terms tested on what they found), then exact
    // terms alone (scanned, then narrowed as they grow).
    for typed in ["meta 'sup !wang", "'sup !wang | ^Meta labs$"] {
        for end in 1..=typed.len() {
            let q = &typed[..end];
            let narrowed = index.search_in(&ds, q, 50, &mut session, &never).unwrap();
            assert_eq!(narrowed, index.search(&ds, q, 50), "{q}");
        }
    }
    assert!(
        index
            .search_in(&ds, "meta 'supe", 5, &mut session, &|| true)
            .is_none()
    );
}

#[test]
fn a_query_is_read_up_to_its_length_limit() {
    let (ds, index) = embedded();
    let padded = format!("zukerberg{}'no-such-text", " ".repeat(query::MAX_QUERY_CHARS));
    assert_eq!(index.search(&ds, &padded, 5), index.search(&ds, "zukerberg ", 5));
    assert!(!index.search(&ds, &padded, 5).is_empty());
    // One long word: no typo automaton, no match, and no panic.
    assert!(index.search(&ds, &"zuckerburg".repeat(13_000), 5).is_empty());
}
