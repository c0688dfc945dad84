//! The Chinese page of every check, `zh/checks/<code>.md`: the title
//! `# <code>`, one line saying what the check finds, then the sections
//! `## 含义`, `## 为什么重要`, `## 示例` and `## 修改方法` (tests/registry.rs
//! checks the form, tests/doc_examples.rs that the example fires the check
//! and the fix does not). The English page is the rule's own `DOC`.
//!
//! The table follows `codes.rs`: a new check does not build until its
//! Chinese page exists.

use crate::diagnostic::Code;

macro_rules! declare_zh_pages {
    ($($variant:ident $name:literal $module:ident,)*) => {
        /// The Chinese page of `code`, as written in `zh/checks/<code>.md`.
        pub fn zh_page(code: Code) -> &'static str {
            match code {
                $(Code::$variant => include_str!(concat!("zh/checks/", $name, ".md")),)*
            }
        }
    };
}

for_each_code!(declare_zh_pages);
