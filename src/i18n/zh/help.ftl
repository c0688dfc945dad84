# 帮助页（`planc --help`、`planc check -h` 等）的中文。
# 英文写在 src/cli/*.rs 里各命令、各选项的文档注释中；这里一条对应一条：
#   planc-命令          命令是做什么的
#   planc-命令-选项     选项的说明（选项名里的 _ 写作 -）
#   planc-命令-选项-值  `--format` 各个取值的说明
#   value 的各个属性    尖括号里的值名（`--config <文件>`）
# 默认值和可取值由程序按选项本身的定义补在后面（[默认：…] [可取：…]），这里不写。
# src/cli/help/tests.rs 检查这里和命令一一对应：命令多了选项而这里没有，测试不通过。

planc = 应急预案的编译器和检查器：检查预案写得对不对，把预案变成处置清单和岗位卡

help = 显示帮助
version = 显示版本号

value =
    .paths = 路径
    .file = 文件
    .format = 格式
    .codes = 检查代码
    .date = 日期
    .lang = 语言
    .dir = 文件夹
    .url = 网址
    .code = 检查代码
    .name = 名称
    .fact-value = 事实=值
    .time = 时间
    .rev = 版本
    .categories = 类别
    .port = 端口

planc-help = 显示本帮助，或所给命令的帮助

planc-check = 检查预案文件和文件夹（文件夹下的每个 `*.plan`），报告问题
planc-check-paths = 预案文件，或要在其中查找 `*.plan` 文件的文件夹
planc-check-format = 输出格式
planc-check-deny-warnings = 有警告时也以 1 退出
planc-check-config = 所有文件都用这个 planc.toml，而不是各文件上层最近的那个
planc-check-no-config = 不用任何 planc.toml：每项检查都按默认级别
planc-check-select = 只做这些检查（检查代码用逗号分隔，或写 ALL）；本来关闭的检查按警告报告
planc-check-warn = 把这些检查报告为警告
planc-check-error = 把这些检查报告为错误
planc-check-ignore = 关闭这些检查（优先于 --select、--warn 和 --error）
planc-check-baseline = 只报告这个基线文件里没有记录的问题
planc-check-write-baseline = 把所有问题记录到这个基线文件里，不报告
planc-check-today = 日期检查（future-date）所用的“今天”，写作 YYYY-MM-DD [默认：SOURCE_DATE_EPOCH，没有则取系统时钟]
planc-check-lang = 提示信息的语言（默认：planc.toml 里的 `lang`，没有则按系统语言）
planc-check-sarif-root = 用于 --format sarif：文件地址相对于这个文件夹（默认是当前文件夹），例如在子文件夹里运行时写仓库的根目录
planc-check-docs-url = 用于 --format sarif：存放 planc 文档副本的文件夹的地址（其下有 `checks/检查代码.md`），每条规则都链接到那里 [默认：planc.toml 里的 `docs-url`]

planc-fmt = 把预案文件改写成统一的格式，保留所有注释和文字
planc-fmt-paths = 预案文件，或要在其中查找 `*.plan` 文件的文件夹
planc-fmt-check = 不改文件：显示会改动的地方，有文件要改时以 1 退出
planc-fmt-fix = 同时把当作语法符号用的全角标点、弯引号和特殊空格换成应有的英文字符（字符串和注释里的不动）
planc-fmt-lang = planc 显示的文字的语言（默认：当前文件夹的 planc.toml 里的 `lang`，没有则按系统语言）

planc-explain = 解释一项检查：含义、为什么重要、示例和修改方法
planc-explain-code = 检查代码，例如 `orphan-role`
planc-explain-list = 列出所有检查及其默认级别和所查的问题
planc-explain-lang = 说明页的语言（默认：当前文件夹的 planc.toml 里的 `lang`，没有则按系统语言）

planc-render = 把预案生成处置清单和岗位卡（Markdown、HTML、JSON 或 Word）
planc-render-file = 预案文件
planc-render-format = 输出格式
planc-render-format-md = GitHub 风格的 Markdown，每个触发条件一张任务清单
planc-render-format-html = 一个独立的、可打印的 HTML 网页
planc-render-format-json = 编译后的预案（格式见 docs/render-json.md）
planc-render-format-docx = Word 文档（.docx），Word 和 WPS 都能打开；输出到终端时要写 `-o 文件`
planc-render-role = 只生成这个岗位的岗位卡（写岗位的名称、标签或负责人）
planc-render-output = 写到这个文件（写完整后才替换），而不是标准输出
planc-render-lang = 标题和固定文字的语言；默认与预案本身相同

planc-graph = 画出上报关系图（加 --steps 则画处置流程图），格式为 DOT 或 Mermaid
planc-graph-file = 预案文件
planc-graph-format = 输出格式
planc-graph-format-dot = Graphviz（`dot -Tsvg`、`dot -Tpng`）
planc-graph-format-mermaid = Mermaid 流程图
planc-graph-steps = 画处置流程图（触发条件 → 步骤），而不是上报关系图
planc-graph-output = 写到这个文件（写完整后才替换），而不是标准输出
planc-graph-lang = 固定文字的语言；默认与预案本身相同

planc-simulate = 桌面推演：按给出的事实，看哪些触发条件成立、哪些步骤要做、最晚何时完成
planc-simulate-file = 预案文件
planc-simulate-set = 事件的一个事实：`visitors=60`、`act=self_harm`、`cross_department=true`（只写标志名即为 true）。没给的事实按 0 或 false 算；没给的 `one_of` 事实视为尚不知道
planc-simulate-start = 预案启动的时刻，用来把时限显示成钟点：2026-11-28T09:00
planc-simulate-format = 输出格式
planc-simulate-format-text = 给人看的文字
planc-simulate-format-json = JSON（格式见 docs/render-json.md）
planc-simulate-output = 写到这个文件（写完整后才替换），而不是标准输出
planc-simulate-lang = 固定文字的语言；默认与预案本身相同

planc-triggers = 预案的判定表：事实取值在各个范围时，哪些触发条件成立、启动哪一级响应
planc-triggers-file = 预案文件
planc-triggers-format = 输出格式
planc-triggers-format-md = Markdown 表格，表头用预案的语言
planc-triggers-format-json = 数据形式的判定表（格式见 docs/triggers.md）
planc-triggers-output = 写到这个文件（写完整后才替换），而不是标准输出
planc-triggers-lang = 标题和固定文字的语言；默认与预案本身相同

planc-diff = 修订改变了什么：谁做什么、何时做、最晚何时完成（比较编译后的预案）
planc-diff-paths = 旧预案文件和新预案文件；用 --git 时，是要比较的文件或文件夹（默认是仓库里的所有预案）
planc-diff-git = 把每个预案在这个 git 版本时的样子与工作区比较；`版本..版本2` 比较两个版本，`版本...版本2` 比较版本2 与它从版本分出的地方（即合并请求显示的改动）
planc-diff-format = 输出格式
planc-diff-format-human = 给人看的文字，按类别分组
planc-diff-format-md = 用于合并请求评论的 Markdown：先摘要，细节折叠
planc-diff-format-json = JSON（格式见 docs/diff.md）
planc-diff-fail-on = 出现这些类别的改动时以 1 退出（用逗号分隔，例如 `deadline-loosened,step-removed`；`ALL`：任何改动）
planc-diff-lang = 文字的语言；默认与预案本身相同
planc-diff-output = 写到这个文件（写完整后才替换），而不是标准输出

planc-lsp = 为编辑器运行语言服务器（通过标准输入输出的 Language Server Protocol）
planc-lsp-stdio = 通过标准输入输出通信（唯一的方式；接受此选项是因为 vscode-languageclient 等编辑器客户端会传它）
planc-lsp-lang = 提示信息的语言（默认：当前文件夹的 planc.toml 里的 `lang`，没有则按系统语言）

planc-serve = 在浏览器里编辑一个文件夹中的预案（127.0.0.1 上的本地网页）
planc-serve-dir = 要编辑的预案所在的文件夹（默认：当前文件夹）
planc-serve-port = 127.0.0.1 上的端口（默认 8765，被占用时另找一个空闲的；0：任意空闲端口）
planc-serve-no-open = 不打开浏览器
