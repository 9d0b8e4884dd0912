//! `bytes` and `bytearray` helpers: repr in CPython's format.

/// `repr` of a bytes value: `b'...'` with CPython's quote choice and escapes
/// (Objects/bytesobject.c PyBytes_Repr). A `prefix` other than `b` selects bytearray's
/// escaping (Objects/bytearrayobject.c bytearray_repr), with the prefix still written as `b`.
pub fn bytes_repr(b: &[u8], prefix: &str) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            // bytearray_repr escapes every single quote, whichever quote it chose.
            b'\'' if prefix != "b" => out.push_str("\\'"),
            0x20..=0x7e => out.push(c as char),
            _ => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}
