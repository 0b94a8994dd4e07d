//! The Sankey diagram of a [`FlowMatrix`]: origins on the left,
//! destinations on the right, one ribbon per pair, as wide as its count.
//! One plain function of the matrix ([`Sankey::of`]) groups the nodes and
//! merges the ribbons; [`Sankey::place`] puts them on a vertical scale of
//! any unit (eighths of a terminal row, SVG pixels). The Flows view and
//! `rivals export --format svg|mermaid-sankey` draw the same layout.

use super::{FlowMatrix, Range};
use crate::model::{Dataset, EventIx, OrgIx, PersonIx};
use std::sync::OnceLock;

/// Most nodes on each side: the smallest beyond are grouped as one
/// "others (N)" node, so the diagram reads at 80×24.
pub const MAX_NODES: usize = 8;

/// One node: an organization (or unknown), or the smallest ones grouped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// The organizations it stands for: one, or several for "others".
    pub orgs: Vec<Option<OrgIx>>,
    /// People out of it (left) or into it (right).
    pub count: u32,
}

/// The people named and the events of a ribbon's (or a node's) moves,
/// each sorted and once: a ribbon's are gathered with the layout, so that
/// saying what is selected costs next to nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Moves {
    pub people: Vec<PersonIx>,
    pub events: Vec<EventIx>,
}

impl Moves {
    /// The people and events of flows `ks` of `m`.
    fn of(m: &FlowMatrix, ks: &[usize]) -> Moves {
        if let [k] = ks {
            // One flow: its lists are sorted already.
            let f = &m.flows[*k].1;
            return Moves {
                people: f.people.clone(),
                events: f.events.clone(),
            };
        }
        Moves::merge(ks.iter().map(|&k| (&m.flows[k].1.people, &m.flows[k].1.events)))
    }

    /// The union of sorted lists.
    fn merge<'a>(parts: impl Iterator<Item = (&'a Vec<PersonIx>, &'a Vec<EventIx>)>) -> Moves {
        let mut moves = Moves::default();
        for (people, events) in parts {
            moves.people.extend(people);
            moves.events.extend(events);
        }
        for v in [&mut moves.people, &mut moves.events] {
            v.sort_unstable();
            v.dedup();
        }
        moves
    }
}

impl Node {
    /// Whether this node groups the smallest organizations.
    pub fn is_others(&self) -> bool {
        self.orgs.len() > 1
    }

    /// The node's name: the organization's, `?` for unknown, or
    /// `others (N)`.
    pub fn name<'a>(&self, ds: &'a Dataset) -> std::borrow::Cow<'a, str> {
        match self.orgs.as_slice() {
            [one] => one.map_or("?", |o| ds.org(o).name.as_str()).into(),
            many => format!("others ({})", many.len()).into(),
        }
    }
}

/// One ribbon: the people who moved from a left node to a right node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ribbon {
    /// Index of its origin in [`Sankey::left`].
    pub from: usize,
    /// Index of its destination in [`Sankey::right`].
    pub to: usize,
    /// People counted (`range.count`) and what the sources give: the
    /// flows' ranges added up, by the one rule of [`Range`].
    pub range: Range,
    /// The matrix flows it draws (indexes into [`FlowMatrix::flows`]).
    pub flows: Vec<usize>,
    /// Who moved along it and the events of their moves.
    pub moves: Moves,
}

/// The diagram: nodes on both sides, biggest first, and the ribbons.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sankey {
    pub left: Vec<Node>,
    pub right: Vec<Node>,
    /// Sorted by origin, then destination: the order j/k walk them in.
    pub ribbons: Vec<Ribbon>,
    /// People moved in all.
    pub total: u32,
    /// Each node's moves (left, then right), gathered the first time
    /// they are asked for.
    node_moves: Vec<OnceLock<Moves>>,
}

/// Where a node or a ribbon's end sits: `(top, bottom)` on the scale
/// given to [`Sankey::place`], top at 0.
pub type Span = (f64, f64);

/// A [`Sankey`] placed on a vertical scale.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Placed {
    pub left: Vec<Span>,
    pub right: Vec<Span>,
    /// Each ribbon's ends: on its origin and on its destination.
    pub ribbons: Vec<(Span, Span)>,
}

impl Sankey {
    /// The diagram of `m`: at most `max_nodes` nodes a side (the smallest
    /// grouped as "others"; unknown is never grouped), ribbons merged by
    /// node.
    pub fn of(ds: &Dataset, m: &FlowMatrix, max_nodes: usize) -> Sankey {
        let (left_nodes, left_of) = side(m, max_nodes, |t| t.0.count);
        let (right_nodes, right_of) = side(m, max_nodes, |t| t.1.count);
        // Each organization's place on the axis, `ds.orgs.len()` for unknown.
        let unknown = ds.orgs.len();
        let slot = |o: Option<OrgIx>| o.map_or(unknown, |o| (o as usize).min(unknown));
        let mut position = vec![usize::MAX; unknown + 1];
        for (i, &o) in m.axis.iter().enumerate() {
            position[slot(o)] = i;
        }
        let node = |of: &[usize], o: Option<OrgIx>| {
            let n = *of.get(position[slot(o)])?;
            (n != usize::MAX).then_some(n)
        };
        let mut keyed: Vec<(usize, usize, usize)> = m
            .flows
            .iter()
            .enumerate()
            .filter_map(|(k, ((a, b), _))| {
                let a = node(&left_of, *a)?;
                let b = node(&right_of, *b)?;
                Some((a, b, k))
            })
            .collect();
        keyed.sort_unstable();
        let mut ribbons: Vec<Ribbon> = Vec::new();
        for (from, to, k) in keyed {
            let f = &m.flows[k].1;
            match ribbons.last_mut() {
                Some(r) if (r.from, r.to) == (from, to) => {
                    r.range += f.range;
                    r.flows.push(k);
                }
                _ => ribbons.push(Ribbon {
                    from,
                    to,
                    range: f.range,
                    flows: vec![k],
                    moves: Moves::default(),
                }),
            }
        }
        for r in &mut ribbons {
            r.moves = Moves::of(m, &r.flows);
        }
        let total = m.flows.iter().map(|(_, f)| f.range.count).sum();
        let node_moves = (0..left_nodes.len() + right_nodes.len())
            .map(|_| OnceLock::new())
            .collect();
        Sankey {
            left: left_nodes,
            right: right_nodes,
            ribbons,
            total,
            node_moves,
        }
    }

    /// The people and events of the moves out of left node `n` (`left`)
    /// or into right node `n`: its ribbons' together, gathered once.
    pub fn node_moves(&self, left: bool, n: usize) -> Option<&Moves> {
        let slot = if left { n } else { self.left.len() + n };
        let cell = self.node_moves.get(slot)?;
        Some(cell.get_or_init(|| {
            let ribbons = self
                .ribbons
                .iter()
                .filter(|r| if left { r.from == n } else { r.to == n });
            Moves::merge(ribbons.map(|r| (&r.moves.people, &r.moves.events)))
        }))
    }

    /// Whether nothing moved.
    pub fn is_empty(&self) -> bool {
        self.ribbons.is_empty()
    }

    /// Places the nodes on a scale `height` high, `gap` between nodes,
    /// each node at least `min` high (shrunk if they cannot all fit). One
    /// scale for both sides: a ribbon is as thick at both ends, and a node
    /// raised to `min` holds its ribbons centred. Ribbons leave a node in
    /// the order of their destinations and reach one in the order of
    /// their origins, so they cross as little as they can.
    pub fn place(&self, height: f64, gap: f64, min: f64) -> Placed {
        let n = self.left.len().max(self.right.len()).max(1) as f64;
        let gap = gap.min(height / (2.0 * n)).max(0.0);
        let room = (height - gap * (n - 1.0)).max(0.0);
        let min = min.min(room / n).max(0.0);
        let scale = scale(&self.left, room, min).min(scale(&self.right, room, min));
        let left = stack(&self.left, scale, gap, min);
        let right = stack(&self.right, scale, gap, min);
        let mut ribbons = vec![((0.0, 0.0), (0.0, 0.0)); self.ribbons.len()];
        // Out of each left node, in destination order (ribbons are sorted so).
        let mut at: Vec<f64> = self
            .left
            .iter()
            .zip(&left)
            .map(|(node, &(top, bottom))| top + (bottom - top - f64::from(node.count) * scale) / 2.0)
            .collect();
        for (i, r) in self.ribbons.iter().enumerate() {
            let thick = f64::from(r.range.count) * scale;
            ribbons[i].0 = (at[r.from], at[r.from] + thick);
            at[r.from] += thick;
        }
        // Into each right node, in origin order.
        let mut at: Vec<f64> = self
            .right
            .iter()
            .zip(&right)
            .map(|(node, &(top, bottom))| top + (bottom - top - f64::from(node.count) * scale) / 2.0)
            .collect();
        let mut by_to: Vec<usize> = (0..self.ribbons.len()).collect();
        by_to.sort_by_key(|&i| (self.ribbons[i].to, self.ribbons[i].from));
        for i in by_to {
            let r = &self.ribbons[i];
            let thick = f64::from(r.range.count) * scale;
            ribbons[i].1 = (at[r.to], at[r.to] + thick);
            at[r.to] += thick;
        }
        Placed { left, right, ribbons }
    }
}

/// One side's nodes, biggest first ("others" and unknown last), and the
/// node of each axis organization (`usize::MAX` for none on this side).
fn side(m: &FlowMatrix, max_nodes: usize, count: fn(&(Range, Range)) -> u32) -> (Vec<Node>, Vec<usize>) {
    let mut order: Vec<usize> = (0..m.axis.len()).filter(|&i| count(&m.totals[i]) > 0).collect();
    // Busiest first; the matrix's order among equals.
    order.sort_by_key(|&i| (std::cmp::Reverse(count(&m.totals[i])), i));
    let max_nodes = max_nodes.max(2);
    let known = order.iter().filter(|&&i| m.axis[i].is_some()).count();
    let unknown = order.len() - known;
    // Keep the biggest known ones; group the rest if more than one is left.
    let keep = if order.len() <= max_nodes {
        known
    } else {
        max_nodes.saturating_sub(1 + unknown)
    };
    let mut nodes: Vec<Node> = Vec::new();
    let mut node_of = vec![usize::MAX; m.axis.len()];
    let mut others: Option<usize> = None;
    let mut kept = 0;
    for &i in &order {
        let o = m.axis[i];
        let grouped = o.is_some() && kept >= keep;
        if o.is_some() && !grouped {
            kept += 1;
        }
        let at = match (grouped, others) {
            (true, Some(at)) => at,
            _ => {
                nodes.push(Node {
                    orgs: Vec::new(),
                    count: 0,
                });
                if grouped {
                    others = Some(nodes.len() - 1);
                }
                nodes.len() - 1
            }
        };
        nodes[at].orgs.push(o);
        nodes[at].count += count(&m.totals[i]);
        node_of[i] = at;
    }
    // "others" and unknown go last, whatever their size.
    let mut perm: Vec<usize> = (0..nodes.len()).collect();
    perm.sort_by_key(|&n| (nodes[n].is_others() || nodes[n].orgs == [None], n));
    let mut new_index = vec![0; nodes.len()];
    for (new, &old) in perm.iter().enumerate() {
        new_index[old] = new;
    }
    let sorted: Vec<Node> = perm.iter().map(|&n| nodes[n].clone()).collect();
    for n in &mut node_of {
        if *n != usize::MAX {
            *n = new_index[*n];
        }
    }
    (sorted, node_of)
}

/// Units per person so that `nodes`, each at least `min`, fill `room`.
fn scale(nodes: &[Node], room: f64, min: f64) -> f64 {
    let total: f64 = nodes.iter().map(|n| f64::from(n.count)).sum();
    if total <= 0.0 {
        return 0.0;
    }
    let mut scale = room / total;
    // Nodes raised to `min` take room from the rest: settle in a few rounds.
    for _ in 0..nodes.len() {
        let (small, rest): (Vec<&Node>, Vec<&Node>) =
            nodes.iter().partition(|n| f64::from(n.count) * scale < min);
        let rest_total: f64 = rest.iter().map(|n| f64::from(n.count)).sum();
        let left = room - min * small.len() as f64;
        let next = if rest_total > 0.0 {
            (left / rest_total).max(0.0)
        } else {
            scale
        };
        if (next - scale).abs() < 1e-9 {
            break;
        }
        scale = next;
    }
    scale
}

/// The nodes stacked from the top, `gap` apart.
fn stack(nodes: &[Node], scale: f64, gap: f64, min: f64) -> Vec<Span> {
    let mut y = 0.0;
    nodes
        .iter()
        .map(|n| {
            let h = (f64::from(n.count) * scale).max(min);
            let span = (y, y + h);
            y += h + gap;
            span
        })
        .collect()
}

#[cfg(test)]
#[path = "sankey_tests.rs"]
mod tests;
