//! Building a dataset's derived indexes from its records.

use super::{Dataset, EventIx, EventKind, OrgIx, PersonIx, Support, flow};

impl Dataset {
    /// Builds the derived indexes; `events` must already be in date order.
    pub(super) fn index(&mut self) {
        self.index_ids();
        let (n_orgs, n_people) = (self.orgs.len(), self.people.len());
        self.org_events = vec![Vec::new(); n_orgs];
        self.person_events = vec![Vec::new(); n_people];
        self.org_people = vec![Vec::new(); n_orgs];
        self.org_children = vec![Vec::new(); n_orgs];
        self.group_members.clear();
        for (ix, e) in self.events.iter().enumerate() {
            let ix = ix as EventIx;
            if let Some(g) = e.part_of() {
                self.group_members.push((g, ix));
            }
            for (k, o) in e.all_orgs().enumerate() {
                // An organization named twice in one event lists it once.
                if !e.all_orgs().take(k).any(|x| x == o) {
                    self.org_events[o as usize].push(ix);
                }
            }
            let postings = match e.kind {
                _ if e.is_move() => [e.from, e.to],
                EventKind::Board => [e.from, e.to],
                EventKind::Founding | EventKind::Reorganization => [e.to, None],
                _ => [None, None],
            };
            for o in postings.into_iter().flatten() {
                self.org_people[o as usize].extend(&e.people);
            }
            for &p in &e.people {
                self.person_events[p as usize].push(ix);
            }
        }
        let last: Vec<Option<(OrgIx, bool)>> = (0..n_people).map(|p| self.last_org(p)).collect();
        self.person_last_org = last.iter().map(|l| l.map(|(o, _)| o)).collect();
        self.person_left = last.iter().map(|l| l.is_some_and(|(_, left)| left)).collect();
        for (p, last) in self.person_last_org.iter().enumerate() {
            if let Some(o) = last {
                self.org_people[*o as usize].push(p as PersonIx);
            }
        }
        self.orgs_by_name = (0..n_orgs as OrgIx).collect();
        self.orgs_by_name
            .sort_by_cached_key(|&o| self.orgs[o as usize].name.to_lowercase());
        for &o in &self.orgs_by_name {
            if let Some(parent) = self.orgs[o as usize].parent {
                self.org_children[parent as usize].push(o);
            }
        }
        self.group_members.sort_unstable();
        (self.org_moves, self.org_own_moves, self.group_ranges) = flow::org_moves(self);
        self.people_by_name = (0..n_people as PersonIx).collect();
        self.people_by_name
            .sort_by_cached_key(|&p| self.people[p as usize].name.to_lowercase());
        let mut rank = vec![0u32; n_people];
        for (r, &p) in self.people_by_name.iter().enumerate() {
            rank[p as usize] = r as u32;
        }
        for people in &mut self.org_people {
            people.sort_unstable_by_key(|&p| rank[p as usize]);
            people.dedup();
        }
        self.index_sources(&rank);
    }

    /// Fills [`Dataset::source_support`]; `rank` is each person's place in
    /// name order.
    fn index_sources(&mut self, rank: &[u32]) {
        let mut support = vec![Support::default(); self.sources.len()];
        let mut org_rank = vec![0u32; self.orgs.len()];
        for (r, &o) in self.orgs_by_name.iter().enumerate() {
            org_rank[o as usize] = r as u32;
        }
        for (ix, e) in self.events.iter().enumerate() {
            for s in e.cited_sources() {
                let Some(sup) = support.get_mut(s as usize) else {
                    continue;
                };
                sup.events.push(ix as EventIx);
                sup.people.extend(&e.people);
                sup.orgs.extend(e.all_orgs());
            }
        }
        for (p, person) in self.people.iter().enumerate() {
            for &s in &person.sources {
                if let Some(sup) = support.get_mut(s as usize) {
                    sup.people.push(p as PersonIx);
                }
            }
        }
        for (o, org) in self.orgs.iter().enumerate() {
            for &s in &org.sources {
                if let Some(sup) = support.get_mut(s as usize) {
                    sup.orgs.push(o as OrgIx);
                }
            }
        }
        for sup in &mut support {
            sup.events.dedup();
            sup.people.sort_unstable_by_key(|&p| rank[p as usize]);
            sup.people.dedup();
            sup.orgs.sort_unstable_by_key(|&o| org_rank[o as usize]);
            sup.orgs.dedup();
        }
        self.source_support = support;
    }

    /// Where person `p` was last seen, and whether they left it, by the one
    /// rule People, Detail and `rivals show` share: where their latest move
    /// or founding took them, or the organization they left when that is
    /// the last thing known. Offers, statements and every other event never
    /// place anyone (a bid someone turned down does not put them at the
    /// bidder), so someone with no move has no last seen.
    fn last_org(&self, p: usize) -> Option<(OrgIx, bool)> {
        self.person_events[p].iter().rev().find_map(|&e| {
            let e = &self.events[e as usize];
            if !e.is_move() && e.kind != EventKind::Founding {
                return None;
            }
            match (e.to, e.from) {
                (Some(to), _) => Some((to, false)),
                (None, Some(from)) if e.kind == EventKind::Departure => Some((from, true)),
                _ => None,
            }
        })
    }
}
