# 规范包（src/profiles.rs）：各项检查依据的文件、诊断下方注明依据的一行，以及各规范包的检查，
# 每项检查一组（src/check/rules/<code>.rs）。

# $source：文件名，核实过条款时后接条款
report-source = 依据：{ $source }

document-gbt29639 = GB/T 29639-2020
document-management2024 = 《突发事件应急预案管理办法》（国办发〔2024〕5号）
document-safety2019 = 《生产安全事故应急预案管理办法》（2019年修正）
document-accident-report = 《生产安全事故报告和调查处理条例》
document-xinfang = 《信访工作条例》（2022年）
document-ics = 事故指挥系统（ICS/NIMS）惯例

missing-kind = 预案没有写明预案类型
    .label = 预案头里没有 `kind`
    .help = 在 `plan` 预案头里加上 `kind 综合`（综合应急预案）、`kind 专项`（专项应急预案）或 `kind 现场处置`（现场处置方案）

# $kind：专项应急预案……；$element：support……；$chinese：应急保障……
missing-element = 本{ $kind }缺少“{ $chinese }”要素（`{ $element }`）
    .label = { $kind }必须有这一要素
    .help = 加一个写明 `element { $element }` 的章节，或标题含“{ $chinese }”的章节
    .help-reporting = 在每个触发条件下都安排一个 `notify` 外部单位（`external`）的步骤，或加一个写明 `element reporting`、说明信息报告程序的章节
    .help-organization = 给各角色写上 `duty`（职责），或加一个写明 `element organization` 的章节
    .help-trigger = 加一个在 `{ $trigger }` 触发时执行、`notify` 外部单位（`external`）的步骤，或加一个写明 `element reporting` 的章节
missing-element-reporting = 本{ $kind }缺少“信息报告”要素（`reporting`）：没有章节说明信息报告程序，`{ $trigger }` 触发时也没有向外部单位报告的步骤

missing-approval = 预案没有写明批准人
    .label = 预案头里没有 `approver`
    .help = 在 `plan` 预案头里加上 `approver "……"`：批准并签发预案的人，例如 `approver "站长 张三"`

no-end-condition = 响应级别 `{ $level }` 没有写明响应结束条件
    .label = 没有 `until`
    .help = 用块写出结束条件：`level { $level } "……" {"{"} until "事态得到控制" {"}"}`

no-phone = 角色 `{ $role }` 负责有时限的步骤 `{ $step }`，却没有联系电话
    .label = 没有 `phone`
    .step = `{ $role }` 须按时完成这一步
    .help = 给 `{ $role }` 加上 `phone "……"`：能找到担任此角色的人的电话
    .help-deputy = 给 `{ $role }` 或其代理人 `{ $deputy }` 加上 `phone "……"`
no-phone-deputy = 角色 `{ $role }` 负责有时限的步骤 `{ $step }`，它和它的代理人 `{ $deputy }` 都没有联系电话

# $keyword：reviewed 或 date
review-overdue = 预案上次评估是 { $date }（`{ $keyword }`），应在 { $due } 前再次评估，今天（{ $today }）已经超期
    .label = 应在 { $due } 前评估
    .help = 对预案进行评估，需要时修订，并用 `reviewed` 记下评估日期

drill-frequency = 没有至少每 { $every } 一次的演练：{ $drills }
    .label = 每 { $every } 一次
    .label-none = 预案里没有 `drill`
    .label-never = 没有 `every`：只演练一次
    .help = 至少每 { $every } 演练一次：给 `drill` 写上 `every { $every }`
drill-frequency-none = 没有至少每 { $every } 一次的演练：预案里没有安排演练

drill-overdue = 演练 `{ $drill }` 已经超期：上次在 { $last }，应在 { $due } 前再次演练，今天（{ $today }）已经超过
    .label = 应在 { $due } 前演练
    .help = 组织 `{ $drill }` 演练，并在它的 `last` 里记下日期

# $triggers: the triggers named; $count: how many
when-triggers-fire = { $count ->
        [1] { $triggers } 触发时
       *[other] { $triggers } 中任一个触发时
    }

# $chain：时限逐个累加的步骤，从第一个开始
report-deadline = { $when }，第一次向外部单位报告的步骤 `{ $step }` 的时限是预案启动后 { $due }，超过了 { $within }：{ $chain }
    .due = `{ $step }` 的时限是预案启动后 { $due }
    .trigger = 由这个触发条件启动
    .label-none = 没有向外部单位报告的步骤
    .label-open = 没有时限
    .help = 把 `{ $step }` 的时限提前到预案启动后 { $within } 以内（`within … from` 会沿着这串步骤累加）
    .help-none = 加一个在 { $when }执行、`notify` 外部单位、时限为 `within { $within }` 的步骤
report-deadline-none = { $when }，没有在 { $within } 内向外部单位报告的步骤
report-deadline-open = { $when }，第一次向外部单位报告的步骤 `{ $step }` 没有时限；应在 { $within } 内完成

no-upward-report = { $when }，没有向外部单位报告的步骤
    .label = 没有通知上级
    .help = 加一个 `on { $on }` 的步骤，`notify` 上级单位（一个 `external`，例如 `external superior "上级主管部门"`）

unity-of-command = 角色 `{ $role }` 向 { $count } 个角色升级：{ $roles }
    .label = 有不止一个上级
    .edge = 升级到 `{ $to }`
    .help = `{ $role }` 只保留一个 `escalates to`；其他需要知情的可以用 `notify` 通知
