# 多条消息共用的词语。Fluent 语法：`{ $name }` 是占位符；
# 字面的花括号写作 {"{"} 或 {"}"}。

list-separator = 、
# $list：列出的名称；$more：未列出的个数
list-more = { $list } 以及另外 { $more } 个
# $head、$tail：长链条的两端；$more：中间省略的个数
path-more = { $head } → …（中间另有 { $more } 个）→ { $tail }
list-or = {" 或 "}

did-you-mean = 是不是想写 `{ $name }`？

# 名称被定义成了什么
kind-role = 角色
kind-external = 外部单位
kind-fact = 事实
kind-level = 响应级别
kind-trigger = 触发条件
kind-step = 步骤
kind-routine = 日常工作
kind-drill = 演练

# 这个位置要的是什么
want-role = 本单位的角色
want-party = 角色或外部单位
want-step = 步骤
want-level = 响应级别
want-count-fact = 计数型事实
want-one-of-fact = 选项型事实（one_of）
want-trigger-or-flag = 触发条件或是非型事实（flag）

# 事实的类型
type-count = 计数型事实（count）
type-flag = 是非型事实（flag）
type-one-of = 选项型事实（one_of）

# (v1)
type-number = 数值型事实（number）
want-occasion = 触发条件或级别
