# 各项检查自己的消息，每项检查一组（src/check/rules/<code>.rs）。

escalation-cycle-self = 角色 `{ $role }` 升级给了自己
    .help = 删掉 `{ $role }` 里的 `escalates to { $role }`：角色不能把事情升级给自己
escalation-cycle = 这几个角色互相升级，兜成了一个圈：{ $path }
    .help = 删掉 `{ $top }` 里的 `escalates to { $next }`：{ $why }
    .edge = `{ $from }` 升级至 `{ $to }`
    .cut = `{ $from }` 升级至 `{ $to }`：删掉这一条
    .why-commander = `{ $top }` 是总指挥，不应再升级给其他角色
    .why-closest = 这几个角色里 `{ $top }` 离总指挥 `{ $commander }` 最近，这一条反而往下绕回去了
    .why-closest-top = 这几个角色里 `{ $top }` 离最上级角色 `{ $commander }` 最近，这一条反而往下绕回去了
    .why-first = 这几个角色都到不了总指挥；`{ $top }` 定义在最前，按最上级处理

step-cycle-self = 步骤 `{ $step }` 要等它自己做完
    .help = 把 `{ $step }` 从 `{ $step }` 的 `after` 里删掉：步骤不能等自己
step-cycle = 这几个步骤互相等待，兜成了一个圈，哪一步都开始不了：{ $path }
    .help = 把 `{ $before }` 从 `{ $step }` 的 `after` 里删掉：`{ $step }` 在预案里排在最前，再去等后面的步骤就成了圈
    .wait = `{ $step }` 要等 `{ $before }` 做完
    .cut = `{ $step }` 要等 `{ $before }` 做完：删掉这一条
trigger-cycle-self = 触发条件 `{ $trigger }` 的条件里用到了它自己
trigger-cycle = 这几个触发条件互相引用，兜成了一个圈：{ $path }
    .use = `{ $namer }` 在这里用到了 `{ $named }`
    .help = 从 `{ $namer }` 的条件里去掉 `{ $named }`（改为直接写出它代表的情形）：触发条件不能依赖自己，绕几层也不行

missing-owner = { $kind } `{ $name }` 没有负责人
    .label = 没有人对这一项负责
    .help = 给 `{ $name }` 加上 `owner <角色>`：由本单位的一个角色对它负责
missing-owner-step = 步骤
missing-owner-routine = 日常工作
missing-owner-drill = 演练

no-response = 触发条件 `{ $trigger }` 启动后什么也不做
    .label = 没有任何步骤写了 `on` 这个触发条件
    .help = 在触发后要做的步骤里加上 `on { $trigger }`，或者在别的触发条件里用到 `{ $trigger }`；如果预案对它不做处置，就删掉这个触发条件

unreachable-step-unstarted = 步骤 `{ $step }` 永远不会执行：既没有 `on` 也没有 `after`
    .label = 没有东西启动这个步骤
    .help = 加上 `on <触发条件>`，预案启动时就执行；或者加上 `after <步骤>`，在另一步做完后执行
unreachable-step-trigger = 步骤 `{ $step }` 永远不会执行：它的触发条件 `{ $trigger }` 永远不会成立
unreachable-step-triggers = 步骤 `{ $step }` 永远不会执行：它的触发条件没有一个会成立
unreachable-step-after = 步骤 `{ $step }` 永远不会执行：它要等 `{ $before }`，而 `{ $before }` 永远不会执行
unreachable-step = 步骤 `{ $step }` 永远不会执行
    .label = 这个步骤不会执行
    .trigger-needs = `{ $trigger }` 永远不会成立：它要求 `{ $needed }` 成立，而后者永远不会成立
    .trigger = `{ $trigger }` 永远不会成立
    .before = `{ $before }` 不会执行
    .help-trigger = 改正这个触发条件的条件（见 `unsatisfiable-trigger`），或者改为 `on` 一个会成立的触发条件
    .help-after = `after` 要等列出的每一个步骤都做完：让 `{ $before }` 能够执行，或者把它从 `after` 里去掉
    .help = 改为 `on` 一个会成立的触发条件

unsatisfiable-trigger = 触发条件 `{ $trigger }` 的条件永远不会成立
    .condition = 这个条件永远不成立
    .label = 这个触发条件永远不会启动
    .needs = 要求 `{ $literal }`
    .or = 或者 `{ $literal }`
    .fires-only = 只有这里成立时 `{ $trigger }` 才会启动
    .help-none = 任何情况下这个条件都不成立：检查其中的比较、`not` 和引用的触发条件
    .help-count = 没有哪个数能让 `{ $literal }` 成立（计数是 0 到 { $max } 的整数）：请改正
    .help-one = `{ $literal }` 永远不成立：请改正
    .help-all = 标出的几处不可能同时成立：改正其中一处；如果任一处成立就应启动，用 `or` 连接
    .help-any = 标出的几处互相排斥：不论哪种情形成立，总有另一处把它排除；改正其中一处
unsatisfiable-trigger-undecided = 无法判断触发条件 `{ $trigger }` 的条件能否成立
    .label = 组合太多，无法判断
    .help = planc 在 { $bound } 步（条件每多一部分再加 8 步）处停止了搜索：把条件拆成几个较小的触发条件，互相引用

orphan-role = 角色 `{ $role }` 在预案里没有任何职责
    .label = 不负责任何事，不配合任何事，不接收通知，也没有人向它升级
    .help = 让 `{ $role }` 负责一个步骤，或者在步骤的 `with`、`notify` 里写上它，或者让某个角色升级给它；预案用不到它就删掉

unused-external = 外部单位 `{ $external }` 没有被用到
    .label = 这里定义了，但哪里都没用
    .help = 在预案需要它的地方写上 `{ $external }`（`escalates to { $external }`、`notify { $external }`、`with { $external }`），或者删掉它

unused-fact = 事实 `{ $fact }` 没有在任何条件里用到
    .label = 没有触发条件看这个事实
    .help = 写出依据它的触发条件（`trigger … when { $fact } …`），或者删掉这个事实

multiple-commanders = 没有指定总指挥，而最上级的角色有 { $count } 个：{ $roles }
    .none = 不向任何角色升级
    .outside = 只向预案外部升级，报给 { $externals }
    .help = 在预案头里写明由谁总指挥，例如 `commander { $role }`，其他角色都升级到它

no-escalation-path = 角色 `{ $role }` 升级不到{ $title } `{ $top }`
    .none = 不向任何其他角色升级
    .outside = 只向预案外部升级
    .external = `{ $external }` 在预案外部：升级到这里就断了
    .help = 在 `{ $role }` 里加上 `escalates to { $top }`，或者升级给一个能到达 `{ $top }` 的角色
    .leads-in = `{ $from }` 升级至 `{ $to }`，没有别的路到 `{ $top }`
no-escalation-path-loop = 角色 { $roles } 只在彼此之间升级，到不了{ $title } `{ $top }`
    .label = 这个圈里没有一个角色升级到 `{ $top }`
    .member = 同在这个圈里
    .help = 在其中一个角色里加上 `escalates to { $top }`，例如 `{ $role }`；这个圈本身另由 escalation-cycle 报告
no-escalation-path-commander = 总指挥
no-escalation-path-top = 最上级角色

deadline-inversion = 步骤 `{ $step }` 的时限是 { $mine }，比它要等的 `{ $carrier }`（{ $theirs }）还早{ $through }
    .label = `{ $step }` 的时限
    .carrier = 但它要等 `{ $carrier }` 做完，那一步可能要这么久
    .help = 时限都从预案启动时算起：给 `{ $step }` 至少 `within { $theirs }`，或者缩短 `{ $carrier }` 的时限
deadline-inversion-through = （经由 `{ $via }`）

span-of-control = 有 { $count } 个角色直接升级到 `{ $role }`，超过了 { $limit } 个：{ $roles }
    .label = 有 { $count } 个角色直接向它报告
    .reports = `{ $source }` 直接报告
    .help = 在中间设几个角色（副组长、办公室、工作组）来归口，再由它们升级到 `{ $role }`，使每个角色直接管的不超过 { $limit } 个；或者在 planc.toml 的 `[span-of-control]` 里调高 `limit`

unassigned-role = 角色 `{ $role }` 负责 { $count } 个步骤，但没有写明由谁担任
    .none = 没有写 `holder`
    .placeholder = 这是待填的空白，不是具体的人
    .step = 它负责步骤 `{ $step }`
    .help = 写明由谁担任 `{ $role }`：`holder "张三"`，或者写职务，如 `holder "办公室主任"`

no-deputy = 角色 `{ $role }` 有时限要完成，却没有代理人
    .label = 没有写 `deputy`
    .step = 它负责步骤 `{ $step }`，时限在此
    .help = 写明本人不在时由谁代为履职：在 `{ $role }` 里加上 `deputy <角色>`

no-drill = 预案没有安排演练
    .label = 这份预案里没有任何 `drill`
    .help = 安排一次预案演练，例如 `drill annual_drill "应急演练" {"{"} owner office; every 1y {"}"}`

disjoint-after = 步骤 `{ $step }` 要等 `{ $first }` 和 `{ $second }`，而这两步不会在同一情形下执行：`{ $first }` 只在 { $first_triggers } 时执行，`{ $second }` 只在 { $second_triggers } 时执行{ $apart }
    .label = 只有事态先后经历这两种情形，这一步才会执行
    .label-many = 只有事态先后经历所有这些情形，这一步才会执行
    .on = 它由 { $triggers } 启动
    .after = `{ $before }` 只在 { $triggers } 时执行
    .help = 如果 `{ $step }` 分属不同情形，请每种情形各写一个步骤，各自 `after` 本情形的步骤；如果事态预计会从一种情形发展到另一种，原写法没有问题（可用 `# planc: allow(disjoint-after)` 允许这条警告）
disjoint-after-on = 步骤 `{ $step }` 由 { $own } 启动，却要等 `{ $before }`，而那一步只在 { $triggers } 时执行：两者不会同时成立{ $apart }
disjoint-after-many = 步骤 `{ $step }` 要等 { $steps }，而这些步骤不会都在同一情形下执行{ $apart }
disjoint-after-apart = ；区别在于 { $facts }

# (v1) $step: 步骤；$anchor: 时限起算的步骤
anchor-not-before = 步骤 `{ $step }` 的时限从 `{ $anchor }` 起算，但 `{ $anchor }` 不一定在它之前完成
    .label = 不是它等待的步骤
    .anchor = `{ $anchor }` 在这里定义
    .help = 给步骤 `{ $step }` 加上 `after { $anchor }`，或者改为从它等待的步骤起算
    .help-itself = 时限应从它 `after` 的某个步骤起算，或从预案启动时起算（不带 from 的 `within`）
anchor-not-before-itself = 步骤 `{ $step }` 的时限从它自己起算

# (v1) $keyword: reviewed 或 revision；$date: 所写日期；$today: 今天
future-date = `{ $keyword } { $date }` 晚于今天（{ $today }）：这里记录的是已经发生的事
    .label = 晚于今天
    .help = 写实际发生的日期（检查年份）；如果今天不是 { $today }，用 `planc check --today YYYY-MM-DD` 指定日期
# $name: 日常工作或演练
future-date-last = `{ $name }` 的 `last { $date }` 晚于今天（{ $today }）：它记录的是上次完成的日期

# 评审类检查（issue 15）。事实的取值按预案里的写法给出。
review-value = `{ $fact }` = { $value }
review-not-known = `{ $fact }` 未知
review-and = { $first }，{ $rest }
review-nothing = 没有事实
review-range-count = `{ $fact }` 是计数：从 0 起的任意整数
review-range-number = `{ $fact }` 是数值：从 0 起的任意数
review-range-flag = `{ $fact }` 是标志：是或否
review-range-one-of = `{ $fact }` 取 { $variants } 之一，或者尚未知道

self-deputy-self = 角色 `{ $role }` 是它自己的代理人
    .label = 这个角色把自己写成了代理人
    .help = 在 `deputy` 里写上 `{ $role }` 本人不在时代为履职的角色（副组长、办公室副主任），或者删掉这一行 `deputy`
self-deputy = 角色 `{ $role }` 经过一串代理人又代理回了自己：{ $path }
    .edge = `{ $from }` 的代理人是 `{ $to }`
    .help = 这一串里的人都不在时，谁也代理不了谁：让这一串止于一个代理人在串外、或者没有代理人的角色

deputy-same-holder = 角色 `{ $role }` 和它的代理人 `{ $deputy }` 都由“{ $holder }”担任
    .label = 代理人 `{ $deputy }` 由同一个人担任
    .principal = `{ $role }` 由“{ $holder }”担任
    .named = 在这里写为代理人
    .help = 代理人是在本人不在时顶上的，必须是另一个人：写明由谁担任 `{ $deputy }`，或者给 `{ $role }` 另找一个代理人

unassigned-deputy = `{ $role }` 的代理人 `{ $deputy }` 没有写明由谁担任
    .acts = 代理 `{ $role }`，而 `{ $role }` 负责步骤
    .help = 写明由谁担任 `{ $deputy }`：`holder "李四"`，或者写职务，如 `holder "副站长"`

notify-owner = 步骤 `{ $step }` 通知了它自己的负责人 `{ $role }`
    .label = 负责人被通知自己做的步骤
    .owner = 这个步骤由 `{ $role }` 负责
    .help = 通知需要知道这一步已经完成的人（总指挥、上一级角色、外部单位）；如果本意是别人，就写上那个人

unused-level = 级别 `{ $level }` 没有任何触发条件使用
    .label = 没有触发条件是这个级别
    .help = 给应当启动这一级响应的触发条件加上 `level { $level }`，或者删掉这个级别

always-true-trigger = 触发条件 `{ $trigger }` 的条件不论事实如何都成立：预案会一直处于启动状态
    .condition = 这个条件永远成立
    .label = 这个触发条件总是启动
    .every = `{ $literal }` 对任何取值都成立
    .or = 或者 `{ $literal }`
    .help-none = 不论事实如何，它都成立。触发条件说的是何时启动响应；一个总成立的触发条件，什么都没发生时也会启动：{ $fix }
    .help-one = { $ranges }，其中每一个取值都使 `{ $literal }` 成立。触发条件说的是何时启动响应；一个总成立的触发条件，什么都没发生时也会启动：{ $fix }
    .help-many = { $ranges }；不论取什么值，标出的几处总有一处成立。触发条件说的是何时启动响应；一个总成立的触发条件，什么都没发生时也会启动：{ $fix }
    .fix-count = 改正阈值（`>= 0` 对任何计数都成立：本意是 `> 0` 还是 `>= 5`？）
    .fix-other = 检查其中的 `or` 和 `not`（本意是不是 `and`？）
always-true-trigger-undecided = 无法判断触发条件 `{ $trigger }` 的条件是否总成立
    .label = 组合太多，无法判断
    .help = planc 在 { $bound } 步处停止了搜索：把条件拆成几个较小的触发条件，互相引用

level-order = 触发条件 `{ $less }`（{ $less_level } 级）启动时，`{ $severe }`（{ $severe_level } 级）总是同时启动，所以 { $less_level } 级永远不会成为响应级别
    .less = 只在 `{ $severe }` 成立时才成立
    .severe = 成立的范围比 `{ $less }` 更大
    .at = 在 { $values } 时
    .anywhere = 不论事实如何
    .help = { $alone }，`{ $severe }`（{ $severe_level } 级）启动而 `{ $less }`（{ $less_level } 级）不启动；{ $both }，两者都启动。{ $less_level } 级本是为较小的事件设的，却从不决定响应级别：更严重的级别通常要求更高的阈值——把阈值或者级别对调过来
    .help-alone = { $alone }，`{ $severe }`（{ $severe_level } 级）启动而 `{ $less }`（{ $less_level } 级）不启动。{ $less_level } 级本是为较小的事件设的，却从不决定响应级别：更严重的级别通常要求更高的阈值——把阈值或者级别对调过来
level-order-undecided = 无法判断触发条件 `{ $trigger }` 与其他触发条件的级别是否排列得当
    .label = 组合太多，无法判断
    .help = planc 比较各触发条件时在 { $bound } 步处停止了：把较大的条件拆成几个较小的触发条件

trigger-gap = `{ $fact }` 为 { $hole } 时不启动任何触发条件，而 { $x } 时启动 `{ $below }`，{ $z } 时启动 `{ $above }`
    .below = `{ $fact }` = { $x } 时成立，{ $y } 时不成立
    .above = 从 `{ $fact }` = { $z } 起又成立
    .help = x = { $x }，y = { $y }，z = { $z }：两段都会启动、中间一段却什么都不启动，通常是笔误——让一段的终点接上下一段的起点；如果 `{ $fact }` 为 { $hole } 时确实另有处置，就为它写一个触发条件
trigger-gap-with = `{ $fact }` 为 { $hole } 时不启动任何触发条件（{ $others } 时），而 { $x } 时启动 `{ $below }`，{ $z } 时启动 `{ $above }`
trigger-gap-hole = { $from } 到 { $to }
trigger-gap-hole-one = { $value }
trigger-gap-hole-number = { $from } 到 { $to }（{ $ends ->
        [both] 含两端
        [from] 含 { $from }，不含 { $to }
        [to] 含 { $to }，不含 { $from }
       *[neither] 不含两端
    }）
trigger-gap-undecided = 无法判断各触发条件的范围之间是否留有空档
    .label = 组合太多，无法判断
    .help = planc 在 { $bound } 步处停止了：把较大的条件拆成几个较小的触发条件
