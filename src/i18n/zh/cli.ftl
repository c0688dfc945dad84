# 命令行本身做不了某件事时说的话：读写文件、render 和 simulate 的参数、基线文件。
# $path：用户给出的文件名。

cli-line = planc：{ $message }
# 参数的取值有问题。$option：`--set`、`--today` 等
option-problem = { $option }：{ $why }

# 读文件。$why：下面 read-* 或 io-* 中的一条
cannot-read = 无法读取 `{ $path }`：{ $why }
read-not-a-file = 它是{ $kind }，不是普通文件
read-not-utf8 = 它不是 UTF-8 编码的文本
read-link-target = 符号链接指向的文件：{ $why }
skipped-not-a-file = 已跳过 `{ $path }`：它是{ $kind }，不是普通文件
file-kind-folder = 文件夹
file-kind-fifo = 命名管道（FIFO）
file-kind-socket = 套接字
file-kind-device = 设备文件
file-kind-special = 特殊文件

# 操作系统报告的原因
io-not-found = 没有这个文件或文件夹
io-permission-denied = 没有权限
io-is-a-folder = 这是一个文件夹
io-not-a-folder = 路径中有一段不是文件夹
io-read-only-fs = 磁盘是只读的
io-disk-full = 磁盘已满
# $error：操作系统的原话
io-other = 系统报告：{ $error }

# 写文件
cannot-write = 无法写入 `{ $path }`：{ $why }
cannot-write-kept = 无法写入 `{ $path }`：{ $why }；原文件未改动
write-is-input = 它也是这次运行要读的文件（`{ $input }`），请换一个输出文件
write-not-a-file = 它是{ $kind }，不是普通文件（planc 只写普通文件）
write-read-only = 文件是只读的
write-no-name = 这不是一个文件名
write-no-temp = 它所在的文件夹里找不到可用的临时文件名

# render
render-docx-not-text = .docx 不是文本，不能直接显示：请加 `-o 文件名.docx`（或把输出重定向到文件）
render-docx-failed = 无法生成 .docx：{ $why }
role-wrong-kind = `{ $name }` 是{ $kind }，不是角色
role-unknown = 预案里没有名为 `{ $name }` 的角色
role-did-you-mean = { $why }；是不是想写 `{ $best }`？
role-list = { $why }；预案里的角色有：{ $roles }

# triggers
triggers-failed = 无法列出判定表：{ $why }
triggers-unknown = 触发条件 `{ $trigger }` 的条件无法确定：请先改正 `planc check` 报告的错误
triggers-too-large = 触发条件 `{ $trigger }` 的条件把引用的触发条件展开后超过 { $max } 种情形：请拆成几个较小的触发条件
triggers-too-many-steps = 各触发条件把事实划分得太细，{ $count } 步之内算不完
triggers-too-many-rows = 判定表会超过 { $count } 行：各触发条件相互独立地引用了太多事实，无法逐一列出所有组合

# simulate --set 事实=取值。$name：事实；$value：给出的取值。
set-twice = `{ $name }` 设了两次（`--set { $first }` 和 `--set { $second }`）：每个事实只设一次
set-no-fact-named = `--set { $setting }` 没有写事实名称：写成 `--set 事实=取值`，例如 `--set visitors=60`
set-label-twice = 有几个事实引号里的文字都是 `{ $name }`：请改写事实的名称（{ $facts }）
set-wrong-kind = `{ $name }` 是{ $kind }，不是事实：请设触发条件里用到的事实（{ $facts }）
set-unknown = 预案里没有事实 `{ $name }`：是不是想写 `{ $best }`？
set-unknown-list = 预案里没有事实 `{ $name }`：预案里的事实有：{ $facts }
set-no-facts = 无
set-flag-value = `{ $name }` 是是非型事实：`{ $name }={ $value }` 应写成 `{ $name }=true` 或 `{ $name }=false`
set-count-too-large = `{ $name }` 是计数型事实：`{ $name }={ $value }` 太大了（计数最大为 { $max }）
set-count-not-whole = `{ $name }` 是计数型事实：`{ $name }={ $value }` 应是整数，例如 `{ $name }=60`
set-number-bad = `{ $name }` 是数值型事实：`{ $name }={ $value }` 应是数字，例如 `{ $name }=0.5`（数字、小数点、数字）
set-number-missing = `{ $name }` 是数值型事实：请给出取值，例如 `--set { $name }=0.5`
set-count-missing = `{ $name }` 是计数型事实：请给出取值，例如 `--set { $name }=60`
set-variant-missing = `{ $name }` 是选项型事实：请给出其中一个选项，例如 `--set { $name }={ $variant }`
set-no-variant = `{ $name }` 没有 `{ $value }` 这个选项：请写 { $variants }
set-no-variant-close = `{ $name }` 没有 `{ $value }` 这个选项：是不是想写 `{ $best }`？可写 { $variants }
set-variant = `{ $name }`（{ $label }）

# simulate --start 时间。$text：给出的时间。
start-problem = --start { $why }
start-bad = `{ $text }` 不是开始时间：请写成 年-月-日T时:分，例如 2026-11-28T09:00
start-no-date = `{ $text }`：没有 { $date } 这一天
start-no-time = `{ $text }`：没有 { $time } 这个时刻
start-at = { $text }：{ $why }
start-too-late = 步骤 `{ $step }` 的时限是开始后 { $due }，晚于 planc 能计算的最后一天 9999-12-31：请选一个早一些的开始时间

# 基线文件（check --baseline、--write-baseline）
baseline-cannot-read = 无法读取基线文件 `{ $path }`：{ $why }
baseline-bad = 基线文件 `{ $path }`：{ $why }
baseline-cannot-write = 无法写入基线文件 `{ $path }`：{ $why }
baseline-written = 已把 { $files } 个文件的 { $findings } 个问题记入 `{ $path }`
baseline-applied = 基线文件里记录的问题有 { $hidden } 个未显示，{ $fixed } 个已不再出现

# 日期，如 `check --today` 的写法。$text：给出的日期。
date-bad = `{ $text }` 不是日期：请写成 年-月-日，例如 2026-11-28
date-no-such-day = `{ $text }`：没有这一天
source-date-epoch-bad = SOURCE_DATE_EPOCH=`{ $value }` 不是自 1970-01-01（UTC）起的秒数

# check --select、--warn、--error、--ignore。$flag：参数；$name：给出的代码。
override-syntax-error = { $flag } syntax-error：`syntax-error` 始终是错误（无法解析的文件没法检查）
override-unknown = { $flag } { $name }：没有这个代码的检查；`planc explain --list` 列出全部代码
override-unknown-close = { $flag } { $name }：没有这个代码的检查；是不是想写 { $codes }？

# 不能使用的基线文件。$error：JSON 读取器的原话。
baseline-not-ours = 不是 planc 的基线文件（{ $error }）
baseline-version = 基线文件是第 { $version } 版，这个 planc 只能读第 { $current } 版：请用 --write-baseline 重新生成

# planc diff
diff-needs-two = diff 需要两个文件：旧版和新版（或者 --git 版本号，再加要比较的路径）；现在给了 { $count } 个
diff-does-not-parse = `{ $path }` 有语法错误，无法比较：请先改正语法
diff-has-errors = `{ $path }` 有错误（运行 `planc check { $path }` 可查看）；无法解析的部分不参与比较
diff-no-category = 没有名为 `{ $name }` 的变化类别：是不是想写 `{ $best }`？
diff-no-category-list = 没有名为 `{ $name }` 的变化类别：类别有：{ $categories }
# planc diff --git。$said：git 的原话。
git-cannot-run = 无法运行 git：{ $why }
git-failed = `git { $command }` 执行失败：{ $said }
git-no-commit = `{ $rev }` 不是这个 git 仓库里的提交
git-no-ancestor = `{ $a }` 和 `{ $b }` 没有共同的祖先提交
git-no-repository = 不在 git 仓库里（{ $why }）

# planc serve
cannot-open = 无法打开 `{ $path }`：{ $why }
serve-not-a-folder = `{ $path }` 不是文件夹
serve-cannot-listen = 无法在 127.0.0.1 上监听：{ $why }
serve-started = planc serve：正在编辑 `{ $path }` 里的预案；按 Ctrl+C 停止
serve-no-browser = planc serve：无法打开浏览器：请自己在浏览器里打开 { $url }

# 命令行本身写错了（由 clap 发现）。$name：用户输入的原样。
usage-line = 用法：{ $usage }
usage-unknown-command = 没有 `{ $name }` 这个命令；`planc --help` 列出全部命令
usage-unknown-command-close = 没有 `{ $name }` 这个命令；是不是想写 `{ $best }`？
usage-unknown-option = 这里不认识 `{ $name }`；`--help` 列出可用的选项
usage-unknown-option-close = 这里不认识 `{ $name }`；是不是想写 `{ $best }`？
usage-choice = `{ $value }`
usage-bad-value = `{ $option }` 不能取 `{ $value }`：请写 { $choices }
usage-value-missing = `{ $option }` 后面要写一个值
usage-value-missing-choose = `{ $option }` 后面要写一个值：{ $choices }
usage-missing = 缺少 { $missing }
