//! Where a traceback's carets put their `^` inside an expression's source text (CPython 3.11
//! traceback.c extract_anchors_from_line): at a binary operator, or at a subscript's
//! brackets; the rest of the expression gets `~`.

use ruff_python_ast::{Expr, Stmt};
use ruff_python_parser::parse_module;
use ruff_text_size::Ranged;

use super::{INLINE_PARSE_BYTES, prescan};

/// traceback.c IS_WHITESPACE.
fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\x0c')
}

/// Byte offsets in `segment` of the part marked with `^`: the operator of a binary operation
/// (one or two characters), or a subscript's `[...]`. None for any other expression, or for a
/// segment that is not one expression statement.
pub(crate) fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    // Parsed on this thread: small enough, and bracket nesting bounded (as `compile_source`).
    if segment.len() > INLINE_PARSE_BYTES || prescan(segment).is_err() {
        return None;
    }
    let module = parse_module(segment).ok()?.into_syntax();
    let [Stmt::Expr(stmt)] = module.body.as_slice() else {
        return None;
    };
    let bytes = segment.as_bytes();
    match &*stmt.value {
        Expr::BinOp(b) => {
            let (from, to) = (b.left.end().to_usize(), b.right.start().to_usize());
            let at = (from..to).find(|&i| bytes.get(i).is_some_and(|&c| !is_blank(c)))?;
            let two = at + 1 < to && bytes.get(at + 1).is_some_and(|&c| !is_blank(c));
            Some((at, at + 1 + usize::from(two)))
        }
        Expr::Subscript(s) => {
            let len = bytes.len();
            let mut left = s.value.end().to_usize();
            while left < len && bytes.get(left) != Some(&b'[') {
                left += 1;
            }
            // Past the slice's end (and the `]` right after it), to the `]` that closes it.
            let mut right = s.slice.end().to_usize() + 1;
            while right < len && bytes.get(right) != Some(&b']') {
                right += 1;
            }
            if right < len {
                right += 1;
            }
            Some((left, right))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::caret_anchors;

    #[test]
    fn binary_operators_and_subscripts_have_anchors() {
        assert_eq!(caret_anchors("1 +  None"), Some((2, 3)));
        assert_eq!(caret_anchors("1 // 0"), Some((2, 4)));
        assert_eq!(caret_anchors("a+\"x\""), Some((1, 2)));
        assert_eq!(caret_anchors("d[\"x\"]"), Some((1, 6)));
        assert_eq!(caret_anchors("[1][  5  ]"), Some((3, 10)));
        assert_eq!(caret_anchors("x[0][0][0]"), Some((7, 10)));
    }

    #[test]
    fn other_segments_have_none() {
        assert_eq!(caret_anchors("f(x)"), None);
        assert_eq!(caret_anchors("a.b"), None);
        assert_eq!(caret_anchors("f(1,"), None);
        assert_eq!(caret_anchors("x = 1"), None);
        assert_eq!(caret_anchors(&"(".repeat(300)), None);
    }
}
