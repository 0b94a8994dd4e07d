//! The fields that say how faithfully a record follows its sources: an
//! offer's `outcome`, a board seat's direction, `beyond_sources`, and the
//! warning for a dispute only one source takes part in (one source's
//! ambiguous wording is `uncertain`, not `disputed`).

use super::super::{Dataset, EventKind, Outcome};
use super::position::{At, FileId};
use super::raw::RawEvent;
use super::validate::{Owner, Validator};

/// Checks the fidelity fields of event record `i` and returns its outcome.
pub(super) fn event(v: &mut Validator, e: &RawEvent, i: usize, owner: Owner) -> Option<Outcome> {
    let here = At {
        file: FileId::Events,
        rec: i,
        key: "beyond_sources",
    };
    v.not_blank(e.beyond_sources.as_deref(), here);
    if e.outcome.is_some() && e.kind != EventKind::Offer {
        v.report_key(
            here.key("outcome"),
            format!("{owner} has kind `{}`, but `outcome` is for offers", e.kind),
            "an outcome says how an offer or bid ended: make the event an `offer`, or remove `outcome`",
        );
    }
    if e.kind == EventKind::Board && e.from.is_none() && e.to.is_none() {
        v.report_key(
            here.key("kind"),
            format!("{owner} is a board seat but names no board"),
            "write `to: ORG` for a board joined, `from: ORG` for one left",
        );
    }
    e.outcome
}

/// Warns when an event's `disputed` block sets the event's value against
/// one alternative and both come from one source: the alternative cites
/// one source and the event cites no other, so no two sources disagree.
/// (Two alternatives from one article are a disagreement it reports:
/// "$100 million, said Musk; under $50 million, say others".) Event `i`
/// is record `i` of the file.
pub(super) fn lone_disputes(v: &mut Validator, ds: &Dataset) {
    for (i, e) in ds.events.iter().enumerate() {
        let Some(d) = e.disputed() else { continue };
        let [alt] = d.alternatives.as_slice() else {
            continue;
        };
        let Some(&only) = alt.sources.first() else {
            continue;
        };
        if alt.sources.iter().chain(&e.sources).any(|&s| s != only) {
            continue;
        }
        let f = v.file(FileId::Events);
        let d = f
            .err(
                f.key(i, "disputed"),
                format!(
                    "event `{}` is disputed, but only `{}` is cited: one source does not disagree with itself",
                    e.id,
                    ds.source(only).id
                ),
            )
            .hint("for one source's ambiguous or garbled wording write `uncertain:` (same fields); cite the other source if there is one")
            .warning();
        v.errors.push(d);
    }
}
