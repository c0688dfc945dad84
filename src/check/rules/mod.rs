//! One rule per file. Add a rule: a row in `src/codes.rs` (its code, string
//! and file name), then its file here with `pub const RULE: Rule`, and run
//! `cargo test` (the registry test checks docs pages). The modules and `ALL`
//! below are generated from that table.

use super::Rule;

/// Declares a module per row of `codes.rs` and the registry `ALL`, and
/// checks at compile time that each file's `RULE` carries its row's code.
macro_rules! declare_rules {
    ($($variant:ident $name:literal $module:ident,)*) => {
        $(pub mod $module;)*

        /// Every rule, in the order of the spec's table.
        pub static ALL: &[&Rule] = &[$(&$module::RULE,)*];

        $(const _: () = assert!(
            $module::RULE.code as u8 == crate::diagnostic::Code::$variant as u8,
            concat!("src/check/rules/", stringify!($module), ".rs: RULE.code is not ", $name),
        );)*
    };
}

for_each_code!(declare_rules);
