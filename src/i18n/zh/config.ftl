# planc.toml 里的问题（`config::file`）。每个错误有一句话、标在所指文字下的标签，多数还有一条提示。

# $detail：TOML 读取器自己的话（只有英文）
config-not-toml = planc.toml 不是有效的 TOML：{ $detail }
    .label = 这里
config-unknown-key = planc.toml 里没有 `{ $name }` 这个键
    .label = planc 不认识这个键
# $keys：文件或表里可用的键
config-keys-file = planc.toml 可用的键有 { $keys }
config-keys-table = [{ $table }] { $count ->
        [1] 只有键
       *[other] 可用的键有
    } { $keys }
# $kind：下面 config-kind-* 中的一个
config-not-table = `{ $key }` 应当是一个表，不能是{ $kind }
    .label = 这里应当是表
    .help = 写成表：单独一行写 `[{ $key }]`
config-kind-string = 字符串
config-kind-integer = 数字
config-kind-float = 小数
config-kind-boolean = true 或 false
config-kind-datetime = 日期
config-kind-array = 数组
config-kind-table = 表
config-lang = `lang` 只能是 "zh" 或 "en"
    .label = planc 不支持这种语言
    .help = 中文写 `lang = "zh"`，英文写 `lang = "en"`
config-docs-url-not-string = `docs-url` 应当是加引号的网址
    .label = 不是字符串
config-docs-url-label = 不是文档文件夹的网址
config-unknown-check = [rules] 里的 `{ $name }` 不是 planc 的检查
    .label = 不是检查代码
    .kebab = 检查代码用小写字母和连字符书写：`{ $code }`
    .list = 运行 `planc explain --list` 可列出全部检查代码
config-severity = `{ $code }` 的级别只能是 "error"、"warning" 或 "off"
    .label = 不是级别
    .help = 例如 `{ $code } = "warning"`
config-syntax-error-fixed = `syntax-error` 始终是错误，不能改
    .label = 不能更改
    .help = 读不通的文件根本无法检查，请改正文件本身
config-limit = `limit` 应当是角色个数，1 或更大的整数
    .label = 不是正整数
    .help = 例如 `limit = 7`（默认值）
config-unknown-profile = planc.toml 里的 `{ $name }` 不是 planc 的规范
    .label = 没有这个名字的规范
config-profiles = 可用的规范有 { $names }
config-report-within = `report-within` 应当是时长，例如 "1h" 或 "15m"
    .label = 不是时长
    .help = 与预案里 `within` 的写法相同，加引号：`report-within = "1h"`
# $detail：通配符库自己的话（只有英文）
config-glob = `{ $glob }` 不是有效的通配符：{ $detail }
    .label = 通配符有误
    .help = 通配符可用 `*`、`**`、`?`、`[abc]` 和 `{"{"}a,b{"}"}`，例如 `drafts/**`
config-list-strings = `{ $key }` 里应当都是字符串
    .label = 不是字符串
    .help = 每一项都用英文双引号括起来
config-array = `{ $key }` 应当是字符串数组
    .label = 这里应当是数组
    .help = 例如 `{ $key } = ["..."]`
config-nothing-checked = planc：没有检查任何文件，请先改正 planc.toml
