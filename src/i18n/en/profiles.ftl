# Profiles (src/profiles.rs): the documents their checks rest on, the line
# that cites one under a finding, and the profiles' checks, one group per
# check (src/check/rules/<code>.rs).

# $source: the document, then the clause when verified
report-source = source: { $source }

document-gbt29639 = GB/T 29639-2020
document-management2024 = 突发事件应急预案管理办法 (国办发〔2024〕5号)
document-safety2019 = 生产安全事故应急预案管理办法 (2019)
document-accident-report = 生产安全事故报告和调查处理条例
document-xinfang = 信访工作条例 (2022)
document-ics = ICS/NIMS practice

missing-kind = the plan does not say which kind of plan it is
    .label = no `kind` in this header
    .help = add `kind comprehensive` (综合应急预案), `kind special` (专项应急预案) or `kind onsite` (现场处置方案) to the `plan` header

# $kind: 专项应急预案 …; $element: support …; $chinese: 应急保障 …
missing-element = this { $kind } has no `{ $element }` element ({ $chinese })
    .label = a { $kind } requires it
    .help = add a section with `element { $element }`, or one whose title contains { $chinese }
    .help-reporting = add a step that `notify`s an outside authority (an `external`) under every trigger, or a section with `element reporting` describing how information is reported
    .help-organization = give the roles their `duty`, or add a section with `element organization`
    .help-trigger = add a step that runs when `{ $trigger }` fires and `notify`s an outside authority (an `external`), or a section with `element reporting`
missing-element-reporting = this { $kind } has no `reporting` element (信息报告): no section says how information is reported, and when `{ $trigger }` fires no step notifies an outside authority

missing-approval = the plan names no approver
    .label = no `approver` in this header
    .help = add `approver "…"` to the `plan` header: who approved and signed the plan (批准人), e.g. `approver "站长 张三"`

no-end-condition = level `{ $level }` does not say when its response ends
    .label = no `until`
    .help = write the end condition in a block: `level { $level } "…" {"{"} until "事态得到控制" {"}"}`

no-phone = role `{ $role }` owns step `{ $step }`, which has a deadline, but has no phone
    .label = no `phone`
    .step = `{ $role }` must do this in time
    .help = add `phone "…"` to `{ $role }`: the number that reaches whoever holds it
    .help-deputy = add `phone "…"` to `{ $role }` or to its deputy `{ $deputy }`
no-phone-deputy = role `{ $role }` owns step `{ $step }`, which has a deadline, but neither it nor its deputy `{ $deputy }` has a phone

# $keyword: reviewed or date
review-overdue = the plan was last evaluated on { $date } (`{ $keyword }`): the next evaluation was due by { $due }, before today ({ $today })
    .label = evaluation due by { $due }
    .help = evaluate the plan, revise it where needed, and record the date with `reviewed`

drill-frequency = no drill is held at least every { $every }: { $drills }
    .label = every { $every }
    .label-none = no `drill` in this plan
    .label-never = no `every`: held once
    .help = hold a drill at least every { $every }: `every { $every }` on a `drill`
drill-frequency-none = no drill is held at least every { $every }: the plan has no drill

drill-overdue = drill `{ $drill }` is overdue: last held on { $last }, next due by { $due }, before today ({ $today })
    .label = next due by { $due }
    .help = hold `{ $drill }` and record the date in its `last`

# $triggers: the triggers named; $count: how many
when-triggers-fire = when { $count ->
        [1] { $triggers } fires
       *[other] any of { $triggers } fires
    }

# $chain: the steps whose deadlines add up, first first
report-deadline = { $when }, the first report to an outside authority, `{ $step }`, is due { $due } after the plan is set off, later than { $within }: { $chain }
    .due = `{ $step }` is due { $due } after the plan is set off
    .trigger = set off by this trigger
    .label-none = no step reports to an outside authority
    .label-open = no deadline
    .help = bring the deadline of `{ $step }` within { $within } of the moment the plan is set off (`within … from` adds up along the chain)
    .help-none = add a step that runs { $when }, `notify`s an outside authority and is due `within { $within }`
report-deadline-none = { $when }, no step reports to an outside authority within { $within }
report-deadline-open = { $when }, the first report to an outside authority, `{ $step }`, has no deadline; it must be due within { $within }

no-upward-report = { $when }, no step reports to an outside authority
    .label = nobody outside is told
    .help = add a step with `on { $on }` that `notify`s the authority above (an `external`, e.g. `external superior "上级主管部门"`)

unity-of-command = role `{ $role }` escalates to { $count ->
        [one] { $count } role
       *[other] { $count } roles
    }: { $roles }
    .label = more than one supervisor
    .edge = escalates to `{ $to }`
    .help = keep one `escalates to` for `{ $role }`; the others can be told through `notify`
