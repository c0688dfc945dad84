//! Finding cycles without recursion: strongly connected components with
//! Kosaraju's algorithm (iterative in petgraph), then one shortest cycle
//! through each component by breadth-first search.

use std::collections::VecDeque;

use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, EdgeIndex, EdgeReference, NodeIndex};
use petgraph::visit::{EdgeFiltered, EdgeRef};

/// One cycle per cyclic component of the subgraph of edges `keep` accepts:
/// its edges in cycle order, starting from the component's lowest node.
/// Components come in order of their lowest node, so output is deterministic.
pub fn cycles<N, E>(
    graph: &DiGraph<N, E, u32>,
    keep: impl Fn(&E) -> bool,
) -> Vec<Vec<EdgeIndex<u32>>> {
    let components = cyclic_components(graph, &keep);
    let mut in_component = vec![u32::MAX; graph.node_count()];
    for (i, c) in components.iter().enumerate() {
        for n in c {
            in_component[n.index()] = i as u32;
        }
    }
    components
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            shortest_cycle(graph, &keep, c[0], |n| in_component[n.index()] == i as u32)
        })
        .collect()
}

/// Whether each node is in a cycle of the edges `keep` accepts.
pub fn in_cycles<N, E>(graph: &DiGraph<N, E, u32>, keep: impl Fn(&E) -> bool) -> Vec<bool> {
    let mut in_cycle = vec![false; graph.node_count()];
    for node in cyclic_components(graph, &keep).into_iter().flatten() {
        in_cycle[node.index()] = true;
    }
    in_cycle
}

/// The components of the subgraph of edges `keep` accepts that hold a
/// cycle (more than one node, or one with a loop), each sorted, in order of
/// their lowest node.
fn cyclic_components<N, E>(
    graph: &DiGraph<N, E, u32>,
    keep: &impl Fn(&E) -> bool,
) -> Vec<Vec<NodeIndex<u32>>> {
    // Nearly every plan has no cycle: a topological sort shows it with a
    // count per node, before the components' far larger scratch (issue 19,
    // memory per byte).
    if acyclic(graph, keep) {
        return Vec::new();
    }
    // The kept edges seen through a filter, not copied into a graph of
    // their own (a loop of every role: issue 19, memory per byte). Kosaraju
    // is iterative in petgraph: safe on long chains.
    let kept = EdgeFiltered::from_fn(graph, |e: EdgeReference<'_, E, u32>| keep(e.weight()));
    let self_loop = |n: NodeIndex<u32>| graph.edges_connecting(n, n).any(|e| keep(e.weight()));
    let mut components: Vec<Vec<NodeIndex<u32>>> = kosaraju_scc(&kept)
        .into_iter()
        .filter(|c| c.len() > 1 || self_loop(c[0]))
        .map(|mut c| {
            c.sort();
            c
        })
        .collect();
    components.sort();
    components
}

/// Whether the edges `keep` accepts form no cycle (Kahn's algorithm: every
/// node is reached once all the edges into it are).
fn acyclic<N, E>(graph: &DiGraph<N, E, u32>, keep: &impl Fn(&E) -> bool) -> bool {
    let mut into = vec![0u32; graph.node_count()];
    for edge in graph.edge_references() {
        if keep(edge.weight()) {
            into[edge.target().index()] += 1;
        }
    }
    let mut ready: Vec<NodeIndex<u32>> = graph
        .node_indices()
        .filter(|n| into[n.index()] == 0)
        .collect();
    let mut seen = 0;
    while let Some(node) = ready.pop() {
        seen += 1;
        for edge in graph.edges(node) {
            if keep(edge.weight()) {
                let count = &mut into[edge.target().index()];
                *count -= 1;
                if *count == 0 {
                    ready.push(edge.target());
                }
            }
        }
    }
    seen == graph.node_count()
}

/// The shortest cycle through `start` of the edges `keep` accepts, within
/// the nodes `inside` accepts.
fn shortest_cycle<N, E>(
    graph: &DiGraph<N, E, u32>,
    keep: &impl Fn(&E) -> bool,
    start: NodeIndex<u32>,
    inside: impl Fn(NodeIndex<u32>) -> bool,
) -> Option<Vec<EdgeIndex<u32>>> {
    // parent[n] = the edge by which n was first reached
    let mut parent: Vec<Option<EdgeIndex<u32>>> = vec![None; graph.node_count()];
    let mut queue = VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        let mut out: Vec<_> = graph.edges(node).filter(|e| keep(e.weight())).collect();
        out.sort_by_key(|e| e.id());
        for edge in out {
            let target = edge.target();
            if target == start {
                let mut path = vec![edge.id()];
                let mut at = node;
                while at != start {
                    let e = parent[at.index()]?;
                    path.push(e);
                    at = graph.edge_endpoints(e)?.0;
                }
                path.reverse();
                return Some(path);
            }
            if inside(target) && parent[target.index()].is_none() {
                parent[target.index()] = Some(edge.id());
                queue.push_back(target);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_cycle_in_order() {
        let mut g: DiGraph<(), u8, u32> = DiGraph::new();
        let n: Vec<_> = (0..5).map(|_| g.add_node(())).collect();
        let a = g.add_edge(n[0], n[1], 0);
        let b = g.add_edge(n[1], n[2], 0);
        let c = g.add_edge(n[2], n[0], 0);
        g.add_edge(n[2], n[3], 0);
        let d = g.add_edge(n[4], n[4], 0);
        g.add_edge(n[3], n[4], 1); // filtered out below
        assert_eq!(cycles(&g, |w| *w == 0), vec![vec![a, b, c], vec![d]]);
    }

    #[test]
    fn long_chain_does_not_recurse() {
        let mut g: DiGraph<(), (), u32> = DiGraph::new();
        let nodes: Vec<_> = (0..200_000).map(|_| g.add_node(())).collect();
        for w in nodes.windows(2) {
            g.add_edge(w[0], w[1], ());
        }
        assert!(cycles(&g, |_| true).is_empty());
    }
}
