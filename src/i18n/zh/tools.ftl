# 检查之外的部分：抑制注释、读文件、格式化、报告末行。

suppression-unreadable = 这条 `planc:` 注释不是 planc 能识别的抑制写法
    .label = 不是 `planc: allow(代码) — 理由` 的格式
    .help = 写成 `# planc: allow(代码) — 理由`，例如 `# planc: allow(orphan-role) — 组长由上级任命`
suppression-unknown-code = `{ $name }` 不是 planc 的检查代码，这条抑制不起作用
    .label = 未知的代码
    .help = `planc explain --list` 列出全部代码
suppression-no-target = 这条抑制注释下一行不是预案条目，不起作用
    .label = 下一行没有条目
    .help = 把它写在所针对的角色、步骤、触发条件……的正上方一行（中间不要空行）
suppression-no-reason = 这条抑制注释没有写理由，不起作用
    .label = `)` 后面没有理由
    .help = 写明为什么可以接受：`# planc: allow(代码) — 理由`
suppression-unused = `allow({ $code })` 没有抑制任何问题：下面的条目没有 `{ $code }` 问题
    .label = 没有可抑制的问题
    .help = 删掉这条注释，或者从中删掉这个代码

file-not-utf8 = 文件不是有效的 UTF-8 编码：第 { $offset } 字节处有无效字节{ $more ->
        [0] {""}
       *[other] （另有 { $more } 处）
    }
    .label = 不是 UTF-8
    .help = 把文件另存为 UTF-8 编码（Word 或记事本：另存为… → 编码：UTF-8）
file-too-large = 文件有 { $size } 字节，超过了 planc 能读取的上限（{ $max } 字节）
    .label = 文件太大
    .help = 把预案拆成几个文件

fmt-too-deep = section 嵌套超过了 { $max } 层；planc fmt 不改动这个文件
    .label = 嵌套太深
    .help = 把其中一些 section 改为并列，而不是层层套在里面
fmt-bug = planc fmt 无法在不改变内容的前提下排版这个文件（{ $what }）；文件保持原样
    .label = 在这里
    .help = 这是 planc 的缺陷：请连同文件一起报告
fmt-bug-character = 出现了无法识别的字符
fmt-bug-read-back = 排版结果读不回来
fmt-bug-token = 排版结果会改变某个词或注释
fmt-bug-parse = 排版结果无法解析

report-files = 检查了 { $count } 个文件
report-clean = planc：{ $files }，没有发现问题
report-summary = planc：{ $files }，发现 { $errors } 个错误、{ $warnings } 个警告
# 命名了但没能读取的文件（上面已逐一说明）。$summary：上面一行
report-not-read = { $summary }；另有 { $count } 个文件无法读取，未检查
report-none-read = planc：没有检查任何文件：{ $count } 个文件无法读取

report-help = 提示：{ $help }

report-labels-not-drawn = { $help }（另有 { $count } 处未在此画出：`--format json` 列出全部）

fix-replace = 把 `{ $old }` 改为 `{ $new }`
fix-replace-character = 把 `{ $char }`（{ $what }）改为 `{ $ascii }`
fix-replace-all = 把字符串以外的 { $count } 个全角标点全部改为半角
fix-delete = 删掉 `{ $old }`
fix-quote = 给 `{ $text }` 加上英文双引号

# planc explain。$severity：error、warning 或 off，即 planc.toml 里的写法。
explain-default = 默认级别：**{ $severity ->
        [error] 错误
        [warning] 警告
       *[off] 关闭
    }**（`{ $severity }`）。{ $summary }。
explain-unknown = 没有代码为 `{ $name }` 的检查；`planc explain --list` 列出全部代码
explain-unknown-close = 没有代码为 `{ $name }` 的检查；是不是想写 { $codes }？
explain-list-code = 代码
explain-list-default = 默认
explain-list-finds = 查找的问题
# $profile：planc.toml 里的名称；$severity：error 或 warning；$source：文件和条款
explain-profile = 在 planc.toml 里启用 `profiles = ["{ $profile }"]` 时：**{ $severity ->
        [error] 错误
       *[warning] 警告
    }**（`{ $severity }`）。依据：{ $source }。
explain-list-profile = 规范包 `{ $profile }`（{ $document }）：

# planc fmt。$path：文件名；$count：文件数。
fmt-formatted = 已排版 { $path }
fmt-formatted-link = 已排版 { $path }（这是符号链接，改写的是它指向的 { $target }）
fmt-fixed = { $line }:{ $column }：`{ $found }` 改为 `{ $replacement }`
fmt-fixed-character = { $line }:{ $column }：`{ $found }`（{ $what }）改为 `{ $replacement }`
fmt-would-change = { $count } 个文件需要重新排版
fmt-changed = 重新排版了 { $count } 个文件
fmt-unchanged = { $count } 个已是规范格式
fmt-refused = { $count } 个有语法错误，未改动
fmt-trouble = { $count } 个无法读写
fmt-summary-separator = ，
fmt-left-as-it-is = `{ $path }` 有语法错误，文件未改动
fmt-would-fix = `{ $path }`：`planc fmt --fix` 可以改好其中 { $count } 处（粘贴来的全角标点、中文关键字、中文写法的时长和日期……）

# check --docs-url 和 planc.toml 里的 `docs-url`：SARIF 中各检查说明页的链接。$url：用户写的网址。
docs-url-not-web = `{ $url }` 不是网址：应以 `https://` 或 `http://` 开头
docs-url-no-host = `{ $url }` 在 `https://` 后面没有写服务器
docs-url-credentials = `{ $url }` 含有用户名或密码，每个 SARIF 文件都会把它带给读者
docs-url-space = `{ $url }` 含有空格或换行，网址里不能有
docs-url-character = `{ $url }` 含有 `{ $character }`，网址里不能有这个字符
docs-url-query = `{ $url }` 含有 `?` 或 `#`：各页面要接在网址末尾
docs-url-help = 请写存放 planc 文档（docs 文件夹）的网址，例如 `https://github.com/ORG/planc/blob/HEAD/docs/`

# render、graph、simulate、triggers：不生成输出的预案。
output-has-errors = planc：`{ $path }` 有错误，没有生成：请先改正
output-has-warnings = planc：`{ $path }` 有 { $count } 个警告，运行 `planc check { $path }` 可查看
