//! `str`: UTF-8 text with its code-point length cached, so ASCII strings index in O(1).

use std::cell::OnceCell;
use std::hash::{Hash, Hasher};

/// A Python str.
#[derive(Debug)]
pub struct Str {
    /// The text.
    pub s: String,
    /// Number of code points.
    pub chars: usize,
    hash: OnceCell<i64>,
}

impl Str {
    /// Wrap a Rust string.
    pub fn new(s: String) -> Str {
        let chars = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        Str {
            s,
            chars,
            hash: OnceCell::new(),
        }
    }

    /// An empty str, for a snapshot to fill where it lies (`restore_text`).
    pub(crate) const fn empty() -> Str {
        Str {
            s: String::new(),
            chars: 0,
            hash: OnceCell::new(),
        }
    }

    /// Set an `empty` str's text in place: building a `Str` and moving it into the heap
    /// costs a copy the CPU cannot forward from the stores that built it. `ascii` says the
    /// text is known to be ASCII (else it is counted).
    #[inline(always)]
    pub(crate) fn restore_text(&mut self, text: &str, ascii: bool) {
        // A fresh allocation of the exact size (cheaper than growing the empty string).
        self.s = text.to_owned();
        self.chars = if ascii || text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
    }

    /// Whether every code point is ASCII (so byte offsets are char offsets).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.chars == self.s.len()
    }

    /// The hash, computed once. Python randomises str hashes, so any stable hash is faithful.
    pub fn hash(&self) -> i64 {
        *self.hash.get_or_init(|| str_hash(&self.s))
    }

    /// The code point at index `i` (0-based, in range).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.s.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.s.chars().nth(i)
        }
    }

    /// Byte offset of code point index `i` (clamped to the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.s.len())
        } else {
            self.s
                .char_indices()
                .nth(i)
                .map_or(self.s.len(), |(b, _)| b)
        }
    }

    /// The substring of code points `[start, end)`.
    pub fn substring(&self, start: usize, end: usize) -> &str {
        if start >= end {
            return "";
        }
        let a = self.byte_offset(start);
        let b = self.byte_offset(end);
        self.s.get(a..b).unwrap_or("")
    }
}

// Snapshots store only the text: the code-point count and the hash are recomputed on load.
impl serde::Serialize for Str {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.s)
    }
}

impl<'de> serde::Deserialize<'de> for Str {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Str, D::Error> {
        String::deserialize(d).map(Str::new)
    }
}

/// Hash of a str's text (stable within and across runs).
///
/// SipHash-1-3 with zero keys, from the `siphasher` crate rather than std's `DefaultHasher`
/// (whose algorithm may change between Rust releases): dicts and sets in a snapshot store
/// their keys' hashes, so the hash must be the same in every build that loads it. The values
/// equal `DefaultHasher::new()`'s today, so str set order did not change.
pub fn str_hash(s: &str) -> i64 {
    let mut h = siphasher::sip::SipHasher13::new_with_keys(0, 0);
    s.hash(&mut h);
    let v = h.finish() as i64;
    if v == -1 { -2 } else { v }
}
