//! Why a condition is unsatisfiable: either it names unsatisfiable triggers
//! and would be satisfiable without them, or a minimal set of its own leaves
//! contradict one another (deletion-based: free each leaf in turn and keep it
//! freed if the condition stays unsatisfiable).

use super::Unsat;
use super::convert::{self, NEG, POS};
use super::net::{FALSE, Net, NodeId};
use crate::model::{Cond, FactId, Model, Ref, TriggerId};
use crate::span::Span;
use crate::syntax::ast::CmpOp;

/// Conditions with more leaves than this are not minimised (each try
/// rebuilds the condition): their diagnostic labels the whole condition.
const CORE_MAX_LEAVES: usize = 32;

/// One leaf of a contradiction.
#[derive(Debug, Clone, PartialEq)]
pub struct CoreLeaf {
    pub span: Span,
    /// What the leaf asks for, with the `not`s above it applied: `visitors < 50`.
    pub literal: String,
    /// Whether the condition needs it (only `and`s above it), rather than it
    /// being one alternative of an `or`.
    pub necessary: bool,
    /// The trigger it names, if it names one.
    pub trigger: Option<TriggerId>,
    /// Whether it compares a count (so the range of counts may explain it).
    pub count: bool,
    /// The fact it reads, if it reads one.
    pub fact: Option<FactId>,
}

/// Why side `side` (0: the condition, 1: its negation) of `trigger`'s root
/// is `FALSE`; `bad(u)` says whether a named trigger `u` is itself so.
pub(super) fn explain(
    net: &mut Net,
    model: &Model,
    trigger: TriggerId,
    roots: &[[NodeId; 2]],
    side: usize,
    bad: &dyn Fn(TriggerId) -> bool,
) -> Unsat {
    let cond = &model.condition(trigger);
    let named = |u: TriggerId, positive: bool| roots[u.index()][usize::from(!positive)];
    let polarity = if side == 0 { POS } else { NEG };
    let still_unsat = |net: &mut Net, free: &[bool]| {
        let len = net.len();
        let root = convert::convert(net, model, cond, polarity, free, &named)[side];
        net.truncate(len);
        root == FALSE
    };

    let mut free = vec![false; cond.len()];
    let mut because_of = Vec::new();
    for (i, node) in cond.nodes().enumerate() {
        if let Cond::Trigger { trigger: u, span } = &node
            && bad(*u)
        {
            free[i] = true;
            because_of.push(Ref {
                id: *u,
                span: *span,
            });
        }
    }
    if !because_of.is_empty() && !still_unsat(net, &free) {
        return Unsat {
            because_of,
            core: vec![],
        };
    }

    let mut leaves: Vec<_> = convert::leaves(cond)
        .into_iter()
        .filter(|(id, ..)| !free[id.0 as usize])
        .collect();
    if leaves.len() > CORE_MAX_LEAVES {
        return Unsat {
            because_of: vec![],
            core: vec![],
        };
    }
    leaves.sort_by_key(|(id, ..)| cond.node(*id).span().start());
    for (id, ..) in &leaves {
        free[id.0 as usize] = true;
        if !still_unsat(net, &free) {
            free[id.0 as usize] = false;
        }
    }
    let core = leaves
        .iter()
        .filter(|(id, ..)| !free[id.0 as usize])
        .map(|&(id, positive, necessary)| {
            let node = cond.node(id);
            CoreLeaf {
                span: node.span(),
                literal: literal(model, &node, positive),
                necessary,
                trigger: match &node {
                    Cond::Trigger { trigger, .. } => Some(*trigger),
                    _ => None,
                },
                count: matches!(node, Cond::Compare { .. }),
                fact: match &node {
                    Cond::Compare { fact, .. }
                    | Cond::In { fact, .. }
                    | Cond::Flag { fact, .. } => Some(*fact),
                    _ => None,
                },
            }
        })
        .collect();
    Unsat {
        because_of: vec![],
        core,
    }
}

/// A leaf as plan text, with `positive == false` meaning under a `not`.
fn literal(model: &Model, node: &Cond, positive: bool) -> String {
    let not = if positive { "" } else { "not " };
    match node {
        Cond::Compare {
            fact,
            op,
            value,
            decimal,
            ..
        } => {
            let op = if positive { *op } else { negate(*op) };
            format!(
                "{} {} {}",
                model.name(&model.fact(*fact).named),
                op.as_str(),
                Cond::number(*value, *decimal)
            )
        }
        Cond::In { fact, variants, .. } => {
            let fact = model.fact(*fact);
            let names: Vec<&str> = match &fact.ty {
                crate::model::FactType::OneOf(all) => variants
                    .iter()
                    .filter_map(|&v| all.get(v as usize).map(|v| v.name))
                    .collect(),
                _ => vec![],
            };
            format!(
                "{not}{} in {{ {} }}",
                model.name(&fact.named),
                names.join(", ")
            )
        }
        Cond::Flag { fact, .. } => format!("{not}{}", model.name(&model.fact(*fact).named)),
        Cond::Trigger { trigger, .. } => {
            format!("{not}{}", model.name(&model.trigger(*trigger).named))
        }
        _ => String::new(),
    }
}

fn negate(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Ge => CmpOp::Lt,
        CmpOp::Gt => CmpOp::Le,
        CmpOp::Le => CmpOp::Gt,
        CmpOp::Lt => CmpOp::Ge,
        CmpOp::Eq => CmpOp::Ne,
        CmpOp::Ne => CmpOp::Eq,
    }
}
