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

/// Hash of a str's text (stable within and across runs).
pub fn str_hash(s: &str) -> i64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    let v = h.finish() as i64;
    if v == -1 { -2 } else { v }
}
