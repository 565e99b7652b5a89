//! The strings of a pack. Each is a slice of the content file it was read from, shared:
//! a pack of a hundred thousand items holds close to a million strings, and as slices
//! they cost no allocation each, and copying one (into a search index, a link) is free.

use serde::{Serialize, Serializer};
use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::{Arc, LazyLock};

/// An immutable string sharing its buffer: the text of one content file, or its own.
#[derive(Clone)]
pub struct Text {
    buffer: Arc<String>,
    /// Byte offsets into `buffer`, on character boundaries. Content files are capped far
    /// below 4 GiB, so four bytes each keep a `Text` as small as a pointer pair.
    start: u32,
    end: u32,
}

static EMPTY: LazyLock<Arc<String>> = LazyLock::new(|| Arc::new(String::new()));

impl Text {
    /// A text of its own (not part of a file).
    pub fn new(text: impl Into<String>) -> Text {
        Text::whole(Arc::new(text.into()))
    }

    /// A whole buffer, such as a content file's text, to take slices of.
    pub fn whole(buffer: Arc<String>) -> Text {
        let end = u32::try_from(buffer.len()).unwrap_or(0);
        Text {
            buffer,
            start: 0,
            end,
        }
    }

    /// `part` as a slice of this text when it lies inside it (a string the TOML parser
    /// borrowed from the file), else a copy (a string with escapes, decoded).
    pub fn slice_of(&self, part: &str) -> Text {
        let whole = self.as_str();
        let offset = (part.as_ptr() as usize).wrapping_sub(whole.as_ptr() as usize);
        let inside = offset <= whole.len() && whole.len() - offset >= part.len();
        let start = u32::try_from(offset)
            .ok()
            .and_then(|o| self.start.checked_add(o));
        let len = u32::try_from(part.len()).ok();
        match (inside, start, len) {
            (true, Some(start), Some(len)) if whole.is_char_boundary(offset) => Text {
                buffer: Arc::clone(&self.buffer),
                start,
                end: start + len,
            },
            _ => Text::new(part),
        }
    }

    pub fn as_str(&self) -> &str {
        self.buffer
            .get(self.start as usize..self.end as usize)
            .unwrap_or_default()
    }
}

impl Default for Text {
    fn default() -> Text {
        Text::whole(Arc::clone(&EMPTY))
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl Hash for Text {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Text) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::new(text)
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text::new(text)
    }
}

impl From<&String> for Text {
    fn from(text: &String) -> Text {
        Text::new(text.as_str())
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        text.as_str().to_string()
    }
}

impl From<Text> for std::borrow::Cow<'_, str> {
    fn from(text: Text) -> Self {
        std::borrow::Cow::Owned(text.as_str().to_string())
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_of_the_file_is_a_slice_of_it_and_anything_else_a_copy() {
        let file = Text::whole(Arc::new("title = \"余额不足\"".to_string()));
        let inside = file.get(9..21).unwrap_or_default();
        let slice = file.slice_of(inside);
        assert_eq!(slice, "余额不足");
        assert!(Arc::ptr_eq(&slice.buffer, &file.buffer));
        let decoded = String::from("余额不足");
        let copy = file.slice_of(&decoded);
        assert_eq!(copy, "余额不足");
        assert!(!Arc::ptr_eq(&copy.buffer, &file.buffer));
        let sub = slice.slice_of(slice.get(3..).unwrap_or_default());
        assert_eq!(sub, "额不足");
        assert!(Arc::ptr_eq(&sub.buffer, &file.buffer));
    }

    #[test]
    fn equal_texts_compare_hash_and_print_as_their_strings() {
        let a = Text::new("05");
        let b = Text::whole(Arc::new("code 05".to_string()));
        let b = b.slice_of(b.get(5..).unwrap_or_default());
        assert_eq!(a, b);
        assert_eq!(a, "05");
        assert_eq!(format!("{a} {b:?}"), "05 \"05\"");
        let set: std::collections::HashSet<Text> = [a, b].into_iter().collect();
        assert!(set.contains("05"));
        assert_eq!(Text::default(), "");
    }
}
