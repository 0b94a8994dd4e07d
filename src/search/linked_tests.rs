//! Events found by the records they link (people, organizations, sources),
//! by their amounts and their disputes, on the embedded dataset.

use super::*;
use crate::model::Dataset;

fn embedded() -> (Dataset, SearchIndex) {
    let ds = Dataset::embedded().unwrap();
    let index = SearchIndex::new(&ds);
    (ds, index)
}

fn ids(index: &SearchIndex, ds: &Dataset, q: &str, n: usize) -> Vec<String> {
    index
        .search(ds, q, n)
        .iter()
        .map(|h| ds.id_of(h.target).to_string())
        .collect()
}

#[test]
fn an_event_is_found_by_its_people_and_its_own_words() {
    let (ds, index) = embedded();
    // Meta's signing bonuses (whose disputes quote Altman's nine-figure
    // offers) may come first.
    for q in [
        "sam altman nine figure",
        "sam altman offers",
        "sam altmn nine figure",
    ] {
        let hits = index.search(&ds, q, 5);
        let h = hits
            .iter()
            .find(|h| ds.id_of(h.target) == "altman-on-meta-offers");
        let h = h.unwrap_or_else(|| panic!("{q}"));
        assert!(hits.iter().take(2).any(|x| x == h), "{q}");
        let via: Vec<&str> = h.via.iter().map(|v| index.text(&ds, v.entry)).collect();
        assert_eq!(via, ["Sam Altman"], "{q}");
        assert_eq!(h.via[0].target, ds.lookup("sam-altman").unwrap());
        assert!(!h.via[0].indices.is_empty(), "{q}: the name is highlighted");
    }
    // A name alone still finds the person first.
    assert_eq!(ids(&index, &ds, "sam altman", 1), ["sam-altman"]);
    assert_eq!(ids(&index, &ds, "scale ai", 1), ["scale-ai"]);
}

#[test]
fn an_event_linking_two_named_records_ranks_above_each() {
    let (ds, index) = embedded();
    let top = ids(&index, &ds, "zuckerberg scale ai", 3);
    assert_eq!(top[0], "meta-invests-in-scale-ai", "{top:?}");
    let top = ids(&index, &ds, "larry page musk speciesist", 1);
    assert_eq!(top, ["page-calls-musk-speciesist"]);
    // Only linked records matched: ranked as linked, said how.
    let h = &index.search(&ds, "mark chen wired", 1)[0];
    assert_eq!(ds.id_of(h.target), "chen-break-in-memo");
    assert_eq!(h.field, Field::Summary, "Wired is in its summary too");
    assert_eq!(h.via.len(), 2, "via Mark Chen, Wired");
    let h = &index.search(&ds, "mark chen", 3)[1];
    assert_eq!(ds.id_of(h.target), "chen-break-in-memo");
    assert_eq!((h.field, h.via.len()), (Field::Linked, 1));
}

#[test]
fn amounts_and_disputes_are_searchable() {
    let (ds, index) = embedded();
    for q in ["14.9 billion", "$14.3B", "49%", "scale stake", "USD 14.3B"] {
        let top = ids(&index, &ds, q, 3);
        assert!(
            top.iter().any(|id| id == "meta-invests-in-scale-ai"),
            "{q}: {top:?}"
        );
    }
    let h = &index.search(&ds, "14.9 billion", 1)[0];
    assert_eq!(h.field, Field::Dispute);
    assert_eq!(index.text(&ds, h.entry), "$14.9 billion");
}

#[test]
fn the_syntax_works_on_linked_text() {
    let (ds, index) = embedded();
    let want = "altman-on-meta-offers";
    for q in [
        "'altman nine figure",
        "^sam nine figure",
        "nine figure altman$",
        "nine figure xyzzy | 'altman",
    ] {
        let top = ids(&index, &ds, q, 2);
        assert!(top.iter().any(|id| id == want), "{q}: {top:?}");
    }
    let h = &index.search(&ds, "^sam nine figure", 1)[0];
    assert_eq!(h.via.len(), 1, "via Sam Altman");
    let without = ids(&index, &ds, "nine figure !'altman", 50);
    assert!(!without.iter().any(|id| id == want), "{without:?}");
}

#[test]
fn linked_texts_are_not_copied_into_the_index() {
    let (ds, index) = embedded();
    assert!(index.entries.iter().all(|e| e.field != Field::Linked));
    let own: usize = index.entries.iter().map(|e| e.len as usize).sum();
    assert_eq!(own, index.folded.len());
    // Each link is one number: an event per person, organization and source.
    let links: usize = ds.events.iter().map(|e| e.people.len() + e.sources.len()).sum();
    assert!(index.linked.len() >= links && index.linked.len() <= links + 4 * ds.events.len());
}
