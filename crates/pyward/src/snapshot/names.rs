//! Enum ids stored by name: builtin types and natives.
//!
//! `BuiltinType` and every `natives!` table serialize as their Python name, so adding,
//! removing or reordering variants elsewhere in a table is not a format change; an unknown
//! name on load is a clean error. The visitor borrows the name from the input (no allocation).

use std::fmt;
use std::marker::PhantomData;

use serde::Deserializer;
use serde::de::{self, Visitor};

/// Deserialize a name and look it up; `what` names the table in the error.
pub(crate) fn by_name<'de, D, T>(
    d: D,
    lookup: fn(&str) -> Option<T>,
    what: &'static str,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    d.deserialize_str(NameVisitor {
        lookup,
        what,
        marker: PhantomData,
    })
}

struct NameVisitor<T> {
    lookup: fn(&str) -> Option<T>,
    what: &'static str,
    marker: PhantomData<T>,
}

impl<T> Visitor<'_> for NameVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} name", self.what)
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<T, E> {
        (self.lookup)(name).ok_or_else(|| E::custom(format!("unknown {} {name:?}", self.what)))
    }
}
