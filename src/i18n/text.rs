//! The text of a placeholder (`Arg::Text`): a name, a keyword, a piece of
//! the plan. A check may give hundreds of thousands of findings, each
//! naming something, and nearly every name is short: a short text is held
//! in place, not in an allocation of its own.

use std::fmt;
use std::ops::Deref;

/// Bytes a text may have to be held in place.
const INLINE: usize = 22;

/// A text, held in place up to `INLINE` bytes (24 bytes in all either way).
#[derive(Clone, PartialEq, Eq)]
pub struct Text(Repr);

#[derive(Clone, PartialEq, Eq)]
enum Repr {
    /// `bytes[..len]` is the text; the rest are zeros, so equal texts are
    /// equal values.
    Inline {
        len: u8,
        bytes: [u8; INLINE],
    },
    Heap(Box<str>),
}

impl Text {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // The bytes were copied from a `str` at a char boundary.
            Repr::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..*len as usize]).unwrap_or_default()
            }
            Repr::Heap(s) => s,
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        if s.len() > INLINE {
            return Text(Repr::Heap(s.into()));
        }
        let mut bytes = [0; INLINE];
        bytes[..s.len()].copy_from_slice(s.as_bytes());
        Text(Repr::Inline {
            len: s.len() as u8,
            bytes,
        })
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        if s.len() > INLINE {
            return Text(Repr::Heap(s.into_boxed_str()));
        }
        Text::from(s.as_str())
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_texts_read_back_and_compare_by_their_words() {
        for s in [
            "",
            "r1",
            "值班室主任助理",
            "二十二个字节以上的一个很长的名字",
            "a`b",
        ] {
            let text = Text::from(s);
            assert_eq!(text.as_str(), s);
            assert_eq!(text, Text::from(s.to_string()));
        }
        assert_ne!(Text::from("ab"), Text::from("abc"));
        assert_eq!(size_of::<Text>(), 24);
    }
}
