# 语法错误（src/syntax/expected.rs、lower.rs、values.rs）。

syntax-unclosed-string = 字符串没有结束：这一行里没有结束引号
    .label = 字符串从这里开始
    .help = 在同一行补上结束的 `"`；如果文字要写好几行，改用多行字符串：行末写 `"""`，下面几行写正文，最后单独一行写 `"""`
syntax-unclosed-multiline = 这个多行字符串没有结束
    .label = 多行字符串从这里开始
    .help = 用单独一行 `"""` 结束它（缩进与正文一致）
syntax-multiline-open = 多行字符串开头的 `"""` 后面必须换行
    .label = `"""` 后面还有文字
    .help = 正文从下一行开始写：`"""`、换行、正文各行，最后单独一行 `"""`
syntax-too-deep = 这一条嵌套太深，planc 读不了（条件里的括号或 `not` 太多）
    .label = 从这里开始嵌套太深
    .help = 把条件拆成几个触发条件，再互相引用
syntax-expected = 这里应当是{ $expected }，却是 { $found }
    .label = 应当是{ $expected }
syntax-unexpected = 这里不应出现{ $found }
    .label = 这里不应出现

found-end-of-file = 文件结尾
found-keyword = 关键字 `{ $word }`
found-text = `{ $text }`
found-string = 一个字符串
found-end-of-line = 行尾
found-character = 字符 { $code }

expected-group = { $what }（{ $members }）
expected-member = { $word }
expected-step-attribute = 步骤的一项
expected-role-attribute = 角色的一项
expected-plan-attribute = 预案头的一项
expected-routine-attribute = 日常工作或演练的一项
expected-level-attribute = 级别属性
expected-external-attribute = 外部单位的一项
expected-item = 一个条目
expected-fact-type = 事实的类型
expected-name = 一个名称
expected-string = 用双引号括起来的文字
expected-closing-quote = 结束的 `"`
expected-integer = 一个整数
expected-date = 一个日期，如 `2015-09-11`
expected-duration = 一个时长，如 `10m`、`2h` 或 `1h30m`
expected-comparison = 一个比较符号（`>=`、`>`、`<=`、`<`、`==`、`!=`）
expected-close-brace = `{"}"}`
expected-open-brace = `{"{"}`
expected-close-paren = `)`
expected-colon = `:`
expected-end-of-file = 文件结尾
expected-keyword = `{ $keyword }`
expected-condition = 一个条件
expected-variant = 一个选项（名称加说明文字）

syntax-full-width = `{ $char }` 是{ $what }，不是语法符号；请改用英文半角的 `{ $ascii }`
syntax-reserved = `{ $word }` 是保留的关键字，不能用作名称；换一个名称，例如 `{ $word }_1` 或者中文名称
syntax-belongs-in-block = `{ $word }` 应当写在块（{"{"} … {"}"}）里面；上面那一条是不是少了 `{"{"}`？
syntax-missing-close-before = 这一行前面可能少了一个 `{"}"}`，用来结束上面的块
syntax-not-allowed = 这个块里不能写 `{ $word }`；各个块能写哪些语句，见 `planc explain syntax-error`
syntax-trailing-comma = 列表最后不要加逗号
syntax-missing-close = 少了一个 `{"}"}`
syntax-stray-close = 这个 `{"}"}` 没有对应的块，删掉它
syntax-duration-form = 时长是数字紧跟单位、中间不空格：`10m`、`2h`、`1h30m`、`1d`、`2w`、`6mo`、`1y`

char-comma = 中文逗号
char-semicolon = 中文分号
char-colon = 中文冒号
char-quote = 中文引号或全角引号
char-single-quote = 中文单引号
char-paren = 中文括号
char-brace = 全角花括号
char-equals = 全角等号
char-greater = 全角大于号
char-less = 全角小于号
char-nbsp = 不换行空格（U+00A0）
char-ideographic-space = 全角空格（U+3000）
char-special-space = 特殊宽度的空格
char-greater-equal = 数学符号“大于等于”
char-less-equal = 数学符号“小于等于”
char-not-equal = 数学符号“不等于”
char-enumeration-comma = 顿号

syntax-sections-too-deep = section 嵌套超过了 { $max } 层
    .label = 嵌套太深
    .help = 精简文档结构：预案的标题一般不超过三级
syntax-condition-too-deep = 这个条件的括号嵌套超过了 { $max } 层
    .label = 嵌套太深
    .help = 把条件拆成几个触发条件，再互相引用
syntax-unicode-escape = 无效的 Unicode 转义：{ $why }
    .label = 无效的转义
    .help = 写 `\u{"{"}`，跟 1 到 6 位十六进制数字（一个 Unicode 字符的码位），再写 `{"}"}`，例如 `\u{"{"}4E2D{"}"}`
escape-open = `\u` 后面应当是 `{"{"}`
escape-close = 少了 `{"}"}`
escape-digits = 应当是 1 到 6 位十六进制数字
escape-scalar = 不是有效的 Unicode 字符
syntax-unknown-escape = 字符串里有未知的转义 `\{ $escape }`
    .label = 未知的转义
    .help = 可用的转义有 `\"`、`\\`、`\n`、`\t` 和 `\u{"{"}…{"}"}`；反斜杠本身要写成 `\\`
syntax-no-such-date = `{ $date }` 不是一个存在的日期
    .label = 没有这一天
    .help = 日期写成 年-月-日，例如 `2015-09-11`
syntax-invalid-duration = 时长 `{ $duration }` 写得不对：{ $why }
    .label = 无效的时长
    .help = 单位从大到小、每种最多一次：`y`（年）、`mo`（月）、`w`（周）、`d`（天）、`h`（小时）、`m`（分钟）、`s`（秒），例如 `1h30m`
duration-number-too-large = 数字太大
duration-missing-unit = 缺少单位
duration-unit-twice = 单位 `{ $unit }` 写了两次
duration-unit-order = `{ $unit }` 写在了更小的单位后面
duration-too-long = 时长太长
syntax-number-too-large = 数字 `{ $number }` 太大
    .label = 超出了 64 位整数的范围
    .help = 数字最大到 { $max }

# (v1) $number: 所写的小数
syntax-decimal-too-precise = 小数 `{ $number }` 的小数点后超过 18 位
    .help = 小数点后最多写 18 位
# (v1) $name: 所写的词；$names: 可用的词
syntax-unknown-kind = `{ $name }` 不是预案类别
    .label = 不是预案类别
    .help = 请写 { $names } 之一
syntax-unknown-element = `{ $name }` 不是预案要素
    .label = 不是预案要素
    .help = 请写 { $names } 之一
# (v1) 多行字符串
syntax-multiline-indent = 多行字符串的这一行比结尾的 `"""` 缩进得少
    .label = 缩进比结尾的 `"""` 少
    .help = 正文每一行的缩进至少要和结尾 `"""` 所在行一样（空格或制表符也要一致）

# 文件里有 `planc fmt --fix` 能改好的全角字符时，语法错误的提示。
syntax-fmt-fix = { $help }；{ $count ->
        [1] 也可以用 `planc fmt --fix` 自动改好
       *[other] 用 `planc fmt --fix` 可以一次改好本文件全部 { $count } 个全角字符
    }

# 用中文输入法打字或从 Word 粘贴时常见的笔误（src/syntax/slips/）。
# $found：原来的写法；$written：预案语言的写法。
slip-keyword = 预案里 `{ $word }` 要写作 `{ $keyword }`
    .label = 改为 `{ $keyword }`
    .help = 关键字用英文写（生成的检查单会印成中文）：把 `{ $word }` 改为 `{ $keyword }`
slip-colon = `{ $keyword }` 后面不加 `{ $char }`
    .label = 删掉这个 `{ $char }`
    .help = 关键字后面直接写值：删掉 `{ $char }`，写成 `{ $example }`
slip-separator = 语句之间不用 `{ $char }` 分隔
    .label = 语句以 `;` 或换行结束
    .help = 把 `{ $char }` 改为 `;`，或者把下一条语句另起一行
slip-list-comma = 列表里的各项用英文逗号 `,` 分隔，不用 `{ $char }`
    .label = 改为 `,`
    .help = 把 `{ $char }` 改为英文半角逗号 `,`，如 `on a, b`
slip-duration = 时长 `{ $found }` 要写作 `{ $written }`
    .label = 改为 `{ $written }`
    .help = 时长写成整数加英文单位，中间不空格：`s` 秒、`m` 分钟、`h` 小时、`d` 天、`w` 周、`mo` 月、`y` 年（如 `1h30m`）
slip-date = 日期 `{ $found }` 要写作 `{ $written }`
    .label = 改为 `{ $written }`
    .help = 日期按“年-月-日”写，用 `-` 连接，月、日各写两位：`{ $date }`
slip-operator = 条件里 `{ $found }` 要写作 `{ $written }`
    .label = 改为 `{ $written }`
    .help = 比较用英文半角符号写：`>=`、`<=`、`>`、`<`、`==`、`!=`
slip-unquoted = `{ $text }` 要加英文双引号
    .label = 文字没有加引号
    .help = `{ $keyword }` 的值是文字，要放在英文双引号里：`{ $keyword } "{ $text }"`
slip-comment = 注释以 `#` 开头，不是 `//`
    .label = 改为 `#`
    .help = 把 `//` 改为 `#`：一行里 `#` 后面的内容都是注释
slip-unclosed = `{ $keyword }`“{ $title }”没有结束：到文件末尾也没有它的 `{"}"}`
    .label = 这个 `{"{"}` 没有对应的 `{"}"}`
    .end = 文件到这里结束，仍在它里面
    .help = 在 `{ $keyword }`“{ $title }”结束的地方加上 `{"}"}`
