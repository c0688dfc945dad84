//! The plan's content, item by item: sections, facts, the organisation, the
//! triggers, the response flows and the routines.

use super::{
    ACTS, EXTERNALS, Emitter, FACTS, Item, LEVELS, Rng, Role, STEPS_PER_ROLE, Step, words,
};

pub(super) struct Gen {
    pub rng: Rng,
    pub out: Emitter,
    pub roles: usize,
    pub steps: usize,
    pub triggers: usize,
    /// The next trigger that no step starts yet.
    pub unstarted: usize,
}

/// Roles per subsection, steps per subsection.
const ROLES_PER_SECTION: usize = 40;
const STEPS_PER_SECTION: usize = 60;
/// The widest the escalation tree gets (the spec's span of control).
const SPAN: usize = 7;

fn role_name(i: usize) -> String {
    if i % 3 == 1 {
        format!("处置组{i}")
    } else {
        format!("role_{i}")
    }
}
fn step_name(i: usize) -> String {
    format!("s{i}")
}
fn trigger_name(i: usize) -> String {
    format!("t{i}")
}

/// Minutes as a duration literal, largest units first.
fn duration(mut minutes: u64) -> String {
    let mut out = String::new();
    for (unit, size) in [("d", 1440), ("h", 60), ("m", 1)] {
        if minutes >= size {
            out.push_str(&format!("{}{unit}", minutes / size));
            minutes %= size;
        }
    }
    if out.is_empty() { "0m".into() } else { out }
}

impl Gen {
    pub fn plan(&mut self) {
        self.out.item(&Item::Comment(format!(
            "合成预案: {} 个角色, {} 个步骤, {} 个启动条件 (synthetic benchmark plan)",
            self.roles, self.steps, self.triggers
        )));
        self.out.item(&Item::Header);
        self.general();
        self.facts_and_levels();
        self.organisation();
        self.triggers();
        self.response();
        self.routines();
    }

    fn open(&mut self, title: String, paragraphs: usize) {
        self.open_element(title, paragraphs, None);
    }

    fn open_element(&mut self, title: String, paragraphs: usize, element: Option<&'static str>) {
        let texts = (0..paragraphs)
            .map(|i| {
                if i % 2 == 1 {
                    words::lines(&mut self.rng)
                } else {
                    words::paragraph(&mut self.rng)
                }
            })
            .collect();
        self.out.item(&Item::Open {
            title,
            texts,
            element,
        });
    }

    fn close(&mut self) {
        self.out.item(&Item::Close);
    }

    fn general(&mut self) {
        self.open_element("一、总则".into(), 0, Some("general"));
        for (i, title) in ["(一)目的", "(二)工作原则", "(三)适用范围"]
            .iter()
            .enumerate()
        {
            self.open((*title).into(), 1 + i);
            self.close();
        }
        self.close();
    }

    fn facts_and_levels(&mut self) {
        self.out.item(&Item::Comment("启动条件所依据的事实".into()));
        for &(name, label, ty) in FACTS {
            self.out.item(&Item::Fact { name, label, ty });
        }
        for &(name, label, until) in LEVELS {
            self.out.item(&Item::Level { name, label, until });
        }
    }

    /// The parent of role `i` in the escalation tree (breadth-first, at most `SPAN` children).
    fn parent(i: usize) -> usize {
        (i - 1) / SPAN
    }

    fn organisation(&mut self) {
        self.open_element("二、组织机构及职责".into(), 1, Some("organization"));
        // The leading group: a unit made of the top roles.
        let members: Vec<String> = (0..self.roles.min(SPAN + 1)).map(role_name).collect();
        self.out
            .item(&Item::Comment("领导小组由组长和各组负责人组成".into()));
        self.out.item(&Item::Role(Role {
            name: "group".into(),
            label: "应急处置领导小组".into(),
            holder: "全体成员".into(),
            phone: "值班室 0000-0000000".into(),
            deputy: None,
            duties: vec!["统一领导、指挥和协调应急处置工作".into()],
            escalates: vec![(role_name(0), None)],
            members,
        }));
        for i in 0..self.roles {
            if i % ROLES_PER_SECTION == 0 {
                if i > 0 {
                    self.close();
                }
                let n = i / ROLES_PER_SECTION + 1;
                self.open(format!("({})第{n}组工作机构", words::ordinal(n)), 0);
            }
            if self.rng.chance(10) {
                self.out.item(&Item::Comment(words::comment(&mut self.rng)));
            }
            let role = self.role(i);
            self.out.item(&Item::Role(role));
        }
        self.close();
        for &(name, label, phone) in EXTERNALS {
            self.out.item(&Item::External { name, label, phone });
        }
        self.close();
    }

    fn role(&mut self, i: usize) -> Role {
        let rng = &mut self.rng;
        let mut escalates = Vec::new();
        if i == 0 {
            escalates.push(("superior".to_string(), Some(duration(30))));
        } else {
            let within = rng
                .chance(50)
                .then(|| duration(5 * (1 + rng.below(6) as u64)));
            escalates.push((role_name(Self::parent(i)), within));
        }
        // A sibling acts for the holder, when there is one.
        let deputy = (i > 0 && i + 1 < self.roles && Self::parent(i + 1) == Self::parent(i))
            .then(|| role_name(i + 1));
        let duties = (0..1 + rng.below(3)).map(|_| words::duty(rng)).collect();
        Role {
            name: role_name(i),
            label: words::role_label(rng, i),
            holder: words::person(rng),
            phone: format!("0000-{:08}", rng.below(100_000_000)),
            deputy,
            duties,
            escalates,
            members: Vec::new(),
        }
    }

    fn triggers(&mut self) {
        self.open_element("三、预警与启动条件".into(), 1, Some("warning"));
        for i in 0..self.triggers {
            let when = self.condition(i);
            let level = self
                .rng
                .chance(60)
                .then(|| LEVELS[self.rng.below(LEVELS.len())].0);
            let label = words::event(&mut self.rng);
            self.out.item(&Item::Trigger {
                name: trigger_name(i),
                label,
                when,
                level,
            });
        }
        self.close();
    }

    /// A satisfiable condition. Triggers named in it come earlier (no cycles)
    /// and are only ever or-ed, so that no condition contradicts another.
    fn condition(&mut self, i: usize) -> String {
        let r = &mut self.rng;
        let n = 10 * (1 + r.below(20));
        let act = |r: &mut Rng| {
            let a = r.below(ACTS.len());
            let b = (a + 1 + r.below(ACTS.len() - 1)) % ACTS.len();
            format!("act in {{ {}, {} }}", ACTS[a].0, ACTS[b].0)
        };
        // The first triggers use every fact once.
        let form = if i < 7 { i } else { r.below(10) };
        match form {
            0 => format!("visitors >= {n}"),
            1 => format!("injured >= 1 or visitors > {}", n * 2),
            2 => format!("hours >= {} and not media", 1 + r.below(12)),
            3 => format!("media and visitors >= {n}"),
            4 => format!("cross_department and (visitors >= {n} or injured > 0)"),
            5 => act(r),
            // (v1) a decimal limit of a `number` fact
            6 | 9 => format!("loss >= {}.{}", r.below(100), 1 + r.below(9)),
            10 => format!("{} and visitors < {}", act(r), n + 500),
            7 => format!(
                "{} or {}",
                trigger_name(r.below(i)),
                trigger_name(r.below(i))
            ),
            _ => format!(
                "{} or hours > {}",
                trigger_name(r.below(i)),
                24 + r.below(48)
            ),
        }
    }

    fn response(&mut self) {
        self.open_element("四、应急处置程序".into(), 1, Some("response"));
        // Deadline of each step in minutes (also of those that do not write one).
        let mut deadline: Vec<u64> = Vec::with_capacity(self.steps);
        let mut flow_start = 0;
        for j in 0..self.steps {
            if j % STEPS_PER_SECTION == 0 {
                if j > 0 {
                    self.close();
                }
                let n = j / STEPS_PER_SECTION + 1;
                self.open(
                    format!("({})第{n}处置流程", words::ordinal(n)),
                    usize::from(n.is_multiple_of(4)),
                );
            }
            // A flow starts every 5 to 12 steps, on a trigger; every trigger starts at least one.
            let entry = j == 0 || j - flow_start >= 5 + self.rng.below(8);
            let step = self.step(j, entry, flow_start, &mut deadline);
            if entry {
                flow_start = j;
                self.out
                    .item(&Item::Comment(format!("处置流程 {}", step.label)));
            }
            self.out.item(&Item::Step(step));
        }
        self.close();
        self.close();
    }

    fn step(&mut self, j: usize, entry: bool, flow_start: usize, deadline: &mut Vec<u64>) -> Step {
        let rng = &mut self.rng;
        let owner_index = j / STEPS_PER_ROLE;
        let owner = role_name(owner_index);
        let mut on = Vec::new();
        let mut after: Vec<usize> = Vec::new();
        if entry {
            let t = if self.unstarted < self.triggers {
                self.unstarted += 1;
                self.unstarted - 1
            } else {
                rng.below(self.triggers)
            };
            on.push(trigger_name(t));
            // (v1) now and then a level, for every trigger of it
            if rng.chance(10) {
                on.push(LEVELS[rng.below(LEVELS.len())].0.to_string());
            }
            if rng.chance(15) {
                on.push(trigger_name(rng.below(self.triggers)));
                on.dedup();
            }
            if j > 0 && rng.chance(10) {
                after.push(rng.below(j));
            }
        } else {
            after.push(j - 1);
            // Fan-in: also wait for an earlier step of this flow or of another.
            if rng.chance(25) {
                let from = if rng.chance(50) {
                    flow_start
                } else {
                    j.saturating_sub(200)
                };
                let k = from + rng.below(j - from);
                if k != j - 1 {
                    after.push(k);
                }
            }
        }
        let before = after.iter().map(|&k| deadline[k]).max().unwrap_or(0);
        let minutes = before + [5, 10, 15, 30, 60][rng.below(5)];
        deadline.push(minutes);
        let mut with = Vec::new();
        if rng.chance(40) {
            with.push(role_name((owner_index + 1 + rng.below(3)) % self.roles));
        }
        // Every external takes part in the first steps, then now and then.
        if j < EXTERNALS.len() || rng.chance(10) {
            with.push(EXTERNALS[j % EXTERNALS.len()].0.to_string());
        }
        let mut notify = Vec::new();
        if j == 0 {
            notify.push("group".to_string());
        }
        if owner_index > 0 && rng.chance(60) {
            notify.push(role_name(Self::parent(owner_index)));
        }
        if rng.chance(5) {
            notify.push("superior".into());
        }
        // One plain deadline: from the start or (v1) from the step it waits for;
        // now and then (v1) another for one trigger only.
        let mut within = Vec::new();
        match after.first() {
            Some(&before_step) if rng.chance(15) => within.push(format!(
                "{} from {}",
                duration([10, 30, 60][rng.below(3)]),
                step_name(before_step)
            )),
            _ if rng.chance(75) => within.push(duration(minutes)),
            _ => {}
        }
        if rng.chance(10) {
            within.push(format!(
                "{} for {}",
                duration([5, 15][rng.below(2)]),
                trigger_name(rng.below(self.triggers))
            ));
        }
        let every = rng.chance(8).then(|| duration([30, 60][rng.below(2)]));
        Step {
            name: step_name(j),
            label: words::action(rng),
            owner,
            on: on.clone(),
            after: after.into_iter().map(step_name).collect(),
            with,
            within,
            every,
            notify,
            until: rng.chance(10).then(|| "突发事件消除".to_string()),
            text: rng.chance(20).then(|| words::paragraph(rng)),
        }
    }

    fn routines(&mut self) {
        self.open_element("五、预防与日常工作".into(), 1, Some("management"));
        let count = (self.roles / 20).max(2);
        for i in 0..count {
            let drill = i == 0 || self.rng.chance(20);
            let owner = role_name(self.rng.below(self.roles));
            let with = vec![role_name(self.rng.below(self.roles))];
            let (label, every) = if drill {
                ("应急演练".to_string(), "1y")
            } else {
                (
                    words::routine(&mut self.rng),
                    ["1w", "1mo", "3mo", "10wd"][self.rng.below(4)],
                )
            };
            // (v1) when it was last done
            let last = self.rng.chance(50).then(|| {
                format!(
                    "2025-{:02}-{:02}",
                    1 + self.rng.below(12),
                    1 + self.rng.below(28)
                )
            });
            let name = if drill {
                format!("drill_{i}")
            } else {
                format!("routine_{i}")
            };
            self.out.item(&Item::Routine {
                drill,
                name,
                label,
                owner,
                with,
                every,
                last,
            });
        }
        self.close();
    }
}
