//! Synthetic plans for benchmarks and tests: the same plan written as planc
//! source, as TOML (`[[role]]`, `[[step]]` tables) and as JSON, so that the
//! three can be timed on the same content.
//!
//! The shape follows the bundled plans, scaled up: a header, facts and levels,
//! an organisation of `roles` roles whose `escalates to` edges form a tree at
//! most 7 wide (about five deep at benchmark sizes), a few externals, about one
//! trigger per four roles with conditions over six facts, ten steps per role
//! in response flows (`on` a trigger, then `after` chains with fan-ins and
//! deadlines that never shrink along an `after` edge), routines and drills,
//! all inside nested `section`s, with Chinese labels, texts and comments.
//!
//! Everything is a pure function of `(roles, seed)`. The plan is meant to
//! compile with no errors and, with the checks of the spec, no warnings.
//!
//! Shared by `benches/` and `tests/` through `#[path]`, so it never enters
//! the library.

mod emit;
mod plan;
mod revise;
mod words;

use emit::Emitter;
pub use emit::Forms;
use plan::Gen;
#[allow(unused_imports)]
pub use revise::{Revised, revise};

/// A plan in the three forms, with its counts.
pub struct Plan {
    pub planc: String,
    pub toml: String,
    pub json: String,
    pub roles: usize,
    pub steps: usize,
    pub triggers: usize,
}

/// The roles to generate for a planc source of about `bytes` bytes.
pub fn roles_for_bytes(bytes: usize, seed: u64) -> usize {
    const PROBE: usize = 400;
    let probe = generate(PROBE, seed, Forms::PLANC);
    (bytes * PROBE / probe.planc.len()).max(8)
}

/// Steps per role.
pub const STEPS_PER_ROLE: usize = 10;

/// Generates the plan with `roles` roles (and ten times as many steps).
pub fn generate(roles: usize, seed: u64, forms: Forms) -> Plan {
    let roles = roles.max(8);
    let mut g = Gen {
        rng: Rng(seed ^ 0x9E37_79B9_7F4A_7C15),
        out: Emitter::new(forms),
        roles,
        steps: roles * STEPS_PER_ROLE,
        triggers: (roles / 4).max(6),
        unstarted: 0,
    };
    g.plan();
    let (planc, toml, json) = g.out.finish();
    Plan {
        roles: g.roles,
        steps: g.steps,
        triggers: g.triggers,
        planc,
        toml,
        json,
    }
}

/// SplitMix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// One item of the plan, handed to the three writers.
pub(crate) enum Item {
    Header,
    Comment(String),
    Open {
        title: String,
        texts: Vec<String>,
        /// (v1) The required element the section is, if written.
        element: Option<&'static str>,
    },
    Close,
    Fact {
        name: &'static str,
        label: &'static str,
        ty: &'static str,
    },
    Level {
        name: &'static str,
        label: &'static str,
        /// (v1) When a response at this level ends.
        until: &'static str,
    },
    Trigger {
        name: String,
        label: String,
        when: String,
        level: Option<&'static str>,
    },
    Role(Role),
    External {
        name: &'static str,
        label: &'static str,
        phone: &'static str,
    },
    Step(Step),
    Routine {
        drill: bool,
        name: String,
        label: String,
        owner: String,
        with: Vec<String>,
        every: &'static str,
        /// (v1) When it was last done.
        last: Option<String>,
    },
}

pub(crate) struct Role {
    pub name: String,
    pub label: String,
    pub holder: String,
    pub phone: String,
    pub deputy: Option<String>,
    pub duties: Vec<String>,
    pub escalates: Vec<(String, Option<String>)>,
    pub members: Vec<String>,
}

pub(crate) struct Step {
    pub name: String,
    pub label: String,
    pub owner: String,
    pub on: Vec<String>,
    pub after: Vec<String>,
    pub with: Vec<String>,
    /// What follows each `within`: `30m`, (v1) `1h from s3`, `15m for t2`.
    pub within: Vec<String>,
    /// (v1) `every D`: repeated while the response lasts.
    pub every: Option<String>,
    pub notify: Vec<String>,
    pub until: Option<String>,
    pub text: Option<String>,
}

/// The six facts: every trigger condition is written over them.
const FACTS: &[(&str, &str, &str)] = &[
    ("visitors", "到场上访人数", "count"),
    ("injured", "受伤人数", "count"),
    ("hours", "事态持续小时数", "count"),
    ("media", "媒体已介入", "flag"),
    ("cross_department", "需要跨部门协调", "flag"),
    ("act", "过激行为", "one_of"),
    ("loss", "直接经济损失(万元)", "number"),
];
const ACTS: &[(&str, &str)] = &[
    ("self_harm", "自残"),
    ("suicide", "自杀"),
    ("violence", "暴力冲击"),
    ("blockade", "堵塞交通"),
    ("sit_in", "静坐"),
];
const LEVELS: &[(&str, &str, &str)] = &[
    ("I", "特别重大", "经上级确认事态得到控制,由上级宣布终止"),
    ("II", "重大", "事态得到控制,次生危害消除,由组长宣布终止"),
    ("III", "较大", "现场秩序恢复正常,由副组长宣布终止"),
    ("IV", "一般", "现场处置完毕"),
];
const EXTERNALS: &[(&str, &str, &str)] = &[
    ("superior", "上级主管部门", "0000-12345678"),
    ("police", "公安机关", "110"),
    ("hospital", "急救中心", "120"),
    ("fire_brigade", "消防救援队", "119"),
    ("media_office", "新闻宣传部门", "0000-87654321"),
];
