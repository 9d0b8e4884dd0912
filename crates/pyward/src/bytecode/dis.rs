//! A human-readable listing of compiled code, for debugging and golden tests.

use std::fmt::Write;

use super::code::{Code, Const};

/// List `code` and every nested code object.
pub fn disassemble(code: &Code) -> String {
    let mut out = String::new();
    let mut pending = vec![code];
    while let Some(c) = pending.pop() {
        let _ = writeln!(
            out,
            "code {} ({}) args={} locals={:?} cells={:?} free={:?}",
            c.qualname, c.filename, c.argcount, c.varnames, c.cellvars, c.freevars
        );
        for (i, op) in c.ops.iter().enumerate() {
            let _ = writeln!(
                out,
                "  {i:4} L{:<4} {op:?}",
                c.lines.get(i).copied().unwrap_or(0)
            );
        }
        for e in &c.exc_table {
            let _ = writeln!(
                out,
                "  handler [{}, {}) -> {} depth {}",
                e.start, e.end, e.target, e.depth
            );
        }
        for k in c.consts.iter().rev() {
            if let Const::Code(inner) = k {
                pending.push(inner);
            }
        }
    }
    out
}
