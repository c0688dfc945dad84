# The checks' own messages, one group per check (src/check/rules/<code>.rs).

escalation-cycle-self = role `{ $role }` escalates to itself
    .help = remove `escalates to { $role }` from `{ $role }`: a role cannot pass an escalation to itself
# $path: the roles of the loop, the first one again at the end
escalation-cycle = roles escalate to each other in a loop: { $path }
    .help = remove `escalates to { $next }` from `{ $top }`: { $why }
    .edge = `{ $from }` escalates to `{ $to }`
    .cut = `{ $from }` escalates to `{ $to }`: remove this edge
    .why-commander = `{ $top }` is the commander, so it escalates to no role
    .why-closest = `{ $top }` is the closest of these roles to the commander `{ $commander }`, so this edge leads back down
    .why-closest-top = `{ $top }` is the closest of these roles to the top role `{ $commander }`, so this edge leads back down
    .why-first = none of these roles reaches a commander; `{ $top }` is defined first, so it is taken for the top

step-cycle-self = step `{ $step }` comes after itself
    .help = remove `{ $step }` from the `after` of `{ $step }`: a step cannot wait for itself
step-cycle = steps wait for each other in a loop, so none of them can start: { $path }
    .help = remove `{ $before }` from the `after` of `{ $step }`: `{ $step }` is the first of these steps in the plan, and waiting for a later one closes the loop
    .wait = `{ $step }` waits for `{ $before }`
    .cut = `{ $step }` waits for `{ $before }`: remove this

trigger-cycle-self = the condition of trigger `{ $trigger }` names `{ $trigger }` itself
trigger-cycle = trigger conditions refer to each other in a loop: { $path }
    .use = `{ $namer }` uses `{ $named }` here
    .help = remove `{ $named }` from the condition of `{ $namer }` (write out what it stands for instead): a trigger cannot depend on itself, even through other triggers

# $kind: missing-owner-step, -routine or -drill
missing-owner = { $kind } `{ $name }` has no owner
    .label = nobody is responsible for this
    .help = add `owner <role>` to `{ $name }`: the one internal role that answers for it
missing-owner-step = step
missing-owner-routine = routine
missing-owner-drill = drill

no-response = trigger `{ $trigger }` sets nothing off
    .label = no step starts `on` this trigger
    .help = add `on { $trigger }` to the step that must start when it fires, or use `{ $trigger }` in another trigger's condition; if the plan does nothing about it, remove the trigger

unreachable-step-unstarted = step `{ $step }` can never run: it has neither `on` nor `after`
    .label = nothing starts this step
    .help = add `on <trigger>` to start it when the plan is set off, or `after <step>` to run it once another step is done
unreachable-step-trigger = step `{ $step }` can never run: its trigger `{ $trigger }` can never fire
unreachable-step-triggers = step `{ $step }` can never run: none of its triggers can ever fire
unreachable-step-after = step `{ $step }` can never run: it comes after `{ $before }`, which can never run
unreachable-step = step `{ $step }` can never run
    .label = this step never runs
    .trigger-needs = `{ $trigger }` can never fire: it needs `{ $needed }`, which never can
    .trigger = `{ $trigger }` can never fire
    .before = `{ $before }` never runs
    .help-trigger = correct the trigger's condition (see `unsatisfiable-trigger`), or start the step `on` a trigger that can fire
    .help-after = `after` waits for every step it names: make `{ $before }` able to run, or take it out of `after`
    .help = start it `on` a trigger that can fire

unsatisfiable-trigger = the condition of trigger `{ $trigger }` can never be true
    .condition = this is never true
    .label = this trigger can never fire
    .needs = needs `{ $literal }`
    .or = or `{ $literal }`
    .fires-only = `{ $trigger }` fires only when this is true
    .help-none = no situation makes this condition true: check its comparisons, `not`s and the triggers it names
    .help-count = no count makes `{ $literal }` true (counts are whole numbers from 0 to { $max }): correct it
    .help-one = `{ $literal }` is never true: correct it
    .help-all = no situation meets all the labelled parts at once: correct one of them, or join them with `or` if either should set the trigger off
    .help-any = no situation meets the labelled parts: whichever alternative holds, another labelled part rules it out; correct one of them
unsatisfiable-trigger-undecided = could not decide whether the condition of trigger `{ $trigger }` can ever be true
    .label = too many combinations to decide
    .help = planc stopped its search at the bound of { $bound } steps (plus 8 for each part of the plan's conditions): split the condition into smaller triggers that name one another

orphan-role = role `{ $role }` has no part in the plan
    .label = owns nothing, takes part in nothing, is told nothing and is escalated to by no one
    .help = give `{ $role }` a step to own, or name it in a step's `with` or `notify`, or have a role escalate to it; if the plan does not need it, remove it

unused-external = external `{ $external }` is never referenced
    .label = defined here, used nowhere
    .help = name `{ $external }` where the plan relies on it (`escalates to { $external }`, `notify { $external }`, `with { $external }`), or remove it

unused-fact = fact `{ $fact }` is used in no condition
    .label = no trigger looks at this fact
    .help = write the trigger that depends on it (`trigger … when { $fact } …`), or remove the fact

# $count: how many roles; $roles: their names
multiple-commanders = no commander is declared and { $count } roles are at the top: { $roles }
    .none = escalates to no role
    .outside = escalates only outside the plan, to { $externals }
    .help = declare who is in charge in the plan header, e.g. `commander { $role }`, and have the other roles escalate to it

# $title: no-escalation-path-commander or -top
no-escalation-path = role `{ $role }` cannot reach { $title } `{ $top }`
    .none = escalates to no other role
    .outside = escalates only outside the plan
    .external = `{ $external }` is outside the plan: the escalation stops there
    .help = add `escalates to { $top }` to `{ $role }`, or an `escalates to` a role that reaches `{ $top }`
    .leads-in = `{ $from }` escalates to `{ $to }` and has no other way to `{ $top }`
no-escalation-path-loop = roles { $roles } escalate only to each other and cannot reach { $title } `{ $top }`
    .label = no role of this loop escalates to `{ $top }`
    .member = part of the same loop
    .help = add `escalates to { $top }` to one of them, e.g. `{ $role }`; the loop itself is reported as escalation-cycle
no-escalation-path-commander = the commander
no-escalation-path-top = the top role

# $through: deadline-inversion-through or nothing
deadline-inversion = step `{ $step }` is due within { $mine }, sooner than `{ $carrier }` ({ $theirs }), which it comes after{ $through }
    .label = `{ $step }` is due within this
    .carrier = but it waits for `{ $carrier }`, which may take this long
    .help = deadlines count from the moment the plan is set off: give `{ $step }` at least `within { $theirs }`, or shorten the deadline of `{ $carrier }`
deadline-inversion-through = {" "}through `{ $via }`

span-of-control = { $count } roles escalate directly to `{ $role }`, more than { $limit }: { $roles }
    .label = { $count } roles report directly to this role
    .reports = `{ $source }` reports directly
    .help = group these roles under a few intermediate roles (a deputy, an office, a working group) that escalate to `{ $role }`, so that no one has more than { $limit } direct reports; or raise `limit` under `[span-of-control]` in planc.toml

# $count: how many steps it owns
unassigned-role = role `{ $role }` owns { $count ->
        [one] a step
       *[other] { $count } steps
    } but no one is named to hold it
    .none = no `holder` is given
    .placeholder = a blank to fill in, not a person
    .step = it owns step `{ $step }`
    .help = write who holds `{ $role }`: `holder "张三"`, or a post such as `holder "办公室主任"`

no-deputy = role `{ $role }` has a deadline to meet but no deputy
    .label = no `deputy` is named
    .step = it owns step `{ $step }`, due within this
    .help = name who acts when the holder is unavailable: `deputy <role>` in `{ $role }`

no-drill = the plan has no drill
    .label = no `drill` is scheduled in this plan
    .help = schedule an exercise of the plan, e.g. `drill annual_drill "应急演练" {"{"} owner office; every 1y {"}"}`

# $apart: disjoint-after-apart or nothing; $first_triggers, $own, $triggers: trigger names
disjoint-after = step `{ $step }` waits for `{ $first }` and `{ $second }`, which never run in the same situation: `{ $first }` runs only under { $first_triggers } and `{ $second }` only under { $second_triggers }{ $apart }
    .label = this step runs only if the incident passes through both situations
    .label-many = this step runs only if the incident passes through all these situations
    .on = it starts on { $triggers }
    .after = `{ $before }` runs only under { $triggers }
    .help = if `{ $step }` belongs to each situation on its own, write one step per situation, each `after` the step of its own situation; if the incident is expected to pass from one situation to the other, the plan is right as written (allow this warning with `# planc: allow(disjoint-after)`)
disjoint-after-on = step `{ $step }` starts on { $own } but waits for `{ $before }`, which runs only under { $triggers }: these never hold at the same time{ $apart }
disjoint-after-many = step `{ $step }` waits for { $steps }, which never all run in the same situation{ $apart }
disjoint-after-apart = ; they differ in { $facts }

# (v1) $step: the step; $anchor: the step its deadline is measured from
anchor-not-before = the deadline of step `{ $step }` is measured from `{ $anchor }`, which need not be done before it
    .label = not a step it waits for
    .anchor = `{ $anchor }` is defined here
    .help = add `after { $anchor }` to step `{ $step }`, or measure the deadline from a step it comes after
    .help-itself = measure the deadline from a step it comes `after`, or from the moment the plan is set off (a plain `within`)
anchor-not-before-itself = the deadline of step `{ $step }` is measured from `{ $step }` itself

# (v1) $keyword: reviewed or revision; $date: the date written; $today: today's date
future-date = `{ $keyword } { $date }` lies after today ({ $today }): it records something already done
    .label = after today
    .help = write the date it really happened (check the year); if today is not { $today }, give the date with `planc check --today YYYY-MM-DD`
# $name: the routine or drill
future-date-last = `last { $date }` of `{ $name }` lies after today ({ $today }): it says when it was last done

# The reviewer's checks (issue 15). Values of facts are written as the plan writes them.
# $values, $ranges: review-* messages joined by review-and.
review-value = `{ $fact }` = { $value }
review-not-known = `{ $fact }` not known
review-and = { $first }, { $rest }
review-nothing = no fact
review-range-count = `{ $fact }` is a count: a whole number from 0 up
review-range-number = `{ $fact }` is a number: any value from 0 up
review-range-flag = `{ $fact }` is a flag: true or false
review-range-one-of = `{ $fact }` is one of { $variants }, or not known yet

self-deputy-self = role `{ $role }` is its own deputy
    .label = the role names itself as deputy
    .help = name as `deputy` the role that acts for `{ $role }` when its holder is away (a 副组长, the office's deputy head), or remove the `deputy` line
# $path: the roles of the loop, the first one again at the end
self-deputy = role `{ $role }` is its own deputy through a chain of deputies: { $path }
    .edge = `{ $from }` names `{ $to }` as deputy
    .help = when every role in the chain is away, no one acts for any of them: end the chain at a role whose deputy is someone outside it, or that has no deputy

deputy-same-holder = role `{ $role }` and its deputy `{ $deputy }` are both held by "{ $holder }"
    .label = the deputy `{ $deputy }` is held by the same person
    .principal = `{ $role }` is held by "{ $holder }"
    .named = named as deputy here
    .help = a deputy stands in when the holder is away, so it must be someone else: write who holds `{ $deputy }`, or name another role as the deputy of `{ $role }`

# The primary label is unassigned-role.none or unassigned-role.placeholder.
unassigned-deputy = `{ $deputy }`, the deputy of `{ $role }`, has no one named to hold it
    .acts = acts for `{ $role }`, which owns steps
    .help = write who holds `{ $deputy }`: `holder "李四"`, or a post such as `holder "副站长"`

notify-owner = step `{ $step }` notifies its own owner `{ $role }`
    .label = the owner is told of its own step
    .owner = `{ $role }` owns this step
    .help = notify whoever must know that the step is done (the commander, the role above, an outside authority); if someone else was meant, name them

unused-level = level `{ $level }` is set by no trigger
    .label = no trigger has this level
    .help = give the triggers that start this response `level { $level }`, or remove the level

always-true-trigger = the condition of trigger `{ $trigger }` holds whatever the facts are: the plan would always be set off
    .condition = this is always true
    .label = this trigger always fires
    .every = `{ $literal }` holds for every value
    .or = or `{ $literal }`
    .help-none = whatever the facts are, it holds. A trigger says when to start the response; one that always holds starts it when nothing has happened: { $fix }
    .help-one = { $ranges }, and every such value makes `{ $literal }` true. A trigger says when to start the response; one that always holds starts it when nothing has happened: { $fix }
    .help-many = { $ranges }; for every value, one of the labelled parts is true. A trigger says when to start the response; one that always holds starts it when nothing has happened: { $fix }
    .fix-count = correct the threshold (`>= 0` holds for every count: was `> 0` or `>= 5` meant?)
    .fix-other = check the `or`s and `not`s (was `and` meant?)
always-true-trigger-undecided = could not decide whether the condition of trigger `{ $trigger }` always holds
    .label = too many combinations to decide
    .help = planc stopped its search at the bound of { $bound } steps: split the condition into smaller triggers that name one another

# $alone, $both: level-order.at or level-order.anywhere
level-order = whenever trigger `{ $less }` (level { $less_level }) fires, `{ $severe }` (level { $severe_level }) fires too, so level { $less_level } is never the response level
    .less = holds only where `{ $severe }` holds too
    .severe = holds for more values than `{ $less }`
    .at = at { $values }
    .anywhere = whatever the facts
    .help = { $alone }, `{ $severe }` ({ $severe_level }) fires and `{ $less }` ({ $less_level }) does not; { $both }, both fire. Level { $less_level } never decides the response, though it is meant for smaller incidents: the more severe level usually needs the higher threshold — swap the thresholds, or the levels
    .help-alone = { $alone }, `{ $severe }` ({ $severe_level }) fires and `{ $less }` ({ $less_level }) does not. Level { $less_level } never decides the response, though it is meant for smaller incidents: the more severe level usually needs the higher threshold — swap the thresholds, or the levels
level-order-undecided = could not decide whether the levels of trigger `{ $trigger }` and the others are in order
    .label = too many combinations to decide
    .help = planc stopped comparing the triggers' conditions at the bound of { $bound } steps: split large conditions into smaller triggers

# $hole: trigger-gap-hole or trigger-gap-hole-one; $others: the other facts' values (review-*)
trigger-gap = `{ $fact }` { $hole } sets off no trigger, though { $x } sets off `{ $below }` and { $z } sets off `{ $above }`
    .below = holds at `{ $fact }` = { $x }, not at { $y }
    .above = holds again from `{ $fact }` = { $z }
    .help = x = { $x }, y = { $y }, z = { $z }: a range that sets off nothing between two that do is usually a slip — let one range end where the next begins, or write a trigger for `{ $fact }` { $hole } if something is meant to happen there
trigger-gap-with = `{ $fact }` { $hole } sets off no trigger (with { $others }), though { $x } sets off `{ $below }` and { $z } sets off `{ $above }`
trigger-gap-hole = from { $from } to { $to }
trigger-gap-hole-one = { $value }
trigger-gap-hole-number = from { $from } to { $to } ({ $ends ->
        [both] both included
        [from] { $from } included, { $to } not
        [to] { $to } included, { $from } not
       *[neither] neither included
    })
trigger-gap-undecided = could not decide whether the triggers leave a gap between their ranges
    .label = too many combinations to decide
    .help = planc stopped at the bound of { $bound } steps: split large conditions into smaller triggers
