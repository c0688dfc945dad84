# 解析名称时发现的问题（model），由 duplicate-definition、undefined-name、
# wrong-kind、type-mismatch、missing-plan-header 报告。

duplicate-defined = { $what } 定义了两次
    .label = 这里又定义了一次
    .first = 第一次定义在这里
    .help = 删掉其中一个；或者给其中一个改名，并把引用它的地方一并改过来
duplicate-given = { $what } 写了两次
    .label = 这里又写了一次
    .first = 第一次写在这里
    .help = 只保留一处：这一项在每个块里只能写一次
duplicate-what-name = 名称 `{ $name }`
duplicate-what-variant = 选项 `{ $name }`
duplicate-what-attribute = { $block } `{ $name }` 的 `{ $keyword }`

undefined-name = `{ $name }` 没有定义
    .label = 这里应当是{ $expected }
    .help = 定义一个名为 `{ $name }` 的{ $expected }，或者改用已有的名称

wrong-kind = { $place }要的是{ $expected }，但 `{ $name }` 是{ $found }
    .label = 这里应当是{ $expected }
    .definition = `{ $name }` 在这里定义为{ $found }
    .help = 这里要写{ $expected }
    .help-owner = 负责人只能是本预案自己的角色；外部单位（公安、上级部门）可以用 `with` 配合，或用 `notify` 通知，但不能当负责人
    .help-deputy = 代理人是在本人不在时代为履职的，只能是本预案自己的角色；外部单位不能代理本单位的角色：写一个本单位的角色，外部单位用 `notify` 或 `escalates to` 通知
wrong-kind-in-condition = 条件
wrong-kind-in-statement = `{ $keyword }`

type-not-count = `{ $fact }` 是{ $type }，不是计数，不能和数字比较
type-not-one-of = `{ $fact }` 是{ $type }，不是选项型事实，不能用 `in {"{"} … {"}"}`
type-not-flag = `{ $fact }` 是{ $type }，不是是非型事实，本身不分真假
type-no-variant = `{ $fact }` 没有 `{ $variant }` 这个选项
type-mismatch-used = 这里用了 `{ $name }`
type-mismatch-fact = 这个事实在这里定义
type-help-flag = `{ $fact }` 只有是、否两种：写 `{ $fact }` 或 `not { $fact }`
type-help-use-in = 选项型事实用 `in` 判断，例如 `{ $fact } in {"{"} … {"}"}`
type-help-compare-count = 计数要和数字比较，例如 `{ $fact } >= 50`
type-help-count-bare = 要和数字比较，例如 `{ $fact } >= 1`
type-help-one-of-bare = 用 `in` 判断它的取值，例如 `{ $fact } in {"{"} … {"}"}`
type-help-variants = `{ $fact }` 的选项有：{ $variants }

missing-plan-header-none = 文件里没有预案头（`plan`）
    .label = 预案头应当写在文件开头
    .help = 在文件开头写上 `plan "<预案名称>" {"{"} issuer "…" date YYYY-MM-DD {"}"}`
missing-plan-header-extra = 一个文件只能写一份预案，这里出现了第二个 `plan`
    .label = 第二个预案头
    .first = 第一个预案头
    .help = 把两个预案头合并，或者把第二份预案移到单独的文件里
missing-plan-header-nested = 预案头（`plan`）要写在最外层，不能放在 `section` 里
    .label = 在 section 里面
    .help = 把 `plan` 移出 section，放到文件开头

# (v1) 步骤的时限：$step 步骤，$name 触发条件或级别
duplicate-what-deadline = 步骤 `{ $step }` 的通用时限（不带 for 的 `within`）
duplicate-what-deadline-for = 步骤 `{ $step }` 针对 `{ $name }` 的时限
# (v1) 计数型事实与小数比较；$value: 小数
type-count-decimal = `{ $fact }` 是计数型事实（整数），不能和小数 { $value } 比较
    .help = 改为和整数比较；如果它可以取小数，把它声明为 `fact { $fact } "…": number`
