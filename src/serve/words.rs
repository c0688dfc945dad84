//! The fixed words of the pages, from the message files (`serve.ftl`): the
//! list page and the editor's shell are written with them, and the editor's
//! script gets them as a table.

use serde_json::{Map, Value};

use crate::i18n::{Message, msg};
use crate::lang::Lang;

/// The words the editor's script shows, by id.
fn script_words() -> [Message; 21] {
    [
        msg!("serve-save"),
        msg!("serve-print"),
        msg!("serve-word"),
        msg!("serve-exercise"),
        msg!("serve-preview"),
        msg!("serve-problems"),
        msg!("serve-no-problems"),
        msg!("serve-saved"),
        msg!("serve-unsaved"),
        msg!("serve-saving"),
        msg!("serve-checking"),
        msg!("serve-fix"),
        msg!("serve-reload"),
        msg!("serve-overwrite"),
        msg!("serve-run"),
        msg!("serve-start"),
        msg!("serve-unknown"),
        msg!("serve-exercise-intro"),
        msg!("serve-readonly"),
        msg!("serve-save-failed"),
        msg!("serve-offline"),
    ]
}

/// `{"serve-save": "保存", …}`.
pub fn table(lang: Lang) -> Value {
    let mut map = Map::new();
    for word in script_words() {
        map.insert(word.id().to_string(), Value::String(word.text(lang)));
    }
    Value::Object(map)
}
