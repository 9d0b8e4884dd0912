//! Bytecode verification: every operand is in range before the code first runs.
//!
//! The compiler's output passes here, and so does snapshot-loaded code, so the VM can treat an
//! out-of-range operand as an internal error rather than a crash. Stack depths and the kinds
//! of slots some instructions rely on are checked by `stack::analyze`.

use super::code::{Code, Const};
use super::opcode::Op;

/// Check operands and jump targets of `code` and of all nested code objects.
pub fn verify(code: &Code) -> Result<(), String> {
    let mut pending: Vec<&Code> = vec![code];
    while let Some(code) = pending.pop() {
        verify_code(code)?;
        for c in &code.consts {
            if let Const::Code(inner) = c {
                pending.push(inner);
            }
        }
    }
    Ok(())
}

/// Check one code object, not its nested code objects (snapshot loading verifies each code
/// of its table once, so shared nested codes are not re-verified per use).
pub fn verify_code(code: &Code) -> Result<(), String> {
    let n_ops = code.ops.len();
    if code.lines.len() != n_ops {
        return Err(format!("{}: line table length mismatch", code.name));
    }
    if !code.spans.is_empty() && code.spans.len() != n_ops {
        return Err(format!("{}: position table length mismatch", code.name));
    }
    // Parameters are the first locals: argument binding indexes locals by these counts.
    let params = u64::from(code.argcount)
        + u64::from(code.kwonlyargcount)
        + u64::from(code.flags.varargs)
        + u64::from(code.flags.varkeywords);
    if code.posonlyargcount > code.argcount || params > code.nlocals() as u64 {
        return Err(format!("{}: parameter counts out of range", code.name));
    }
    let in_range = |i: u32, len: usize, what: &str| -> Result<(), String> {
        if (i as usize) < len {
            Ok(())
        } else {
            Err(format!("{}: {what} {i} out of range", code.name))
        }
    };
    for op in &code.ops {
        match *op {
            Op::LoadConst(i) => in_range(i, code.consts.len(), "constant")?,
            Op::LoadFast(i) | Op::StoreFast(i) | Op::DeleteFast(i) => {
                in_range(i, code.nlocals(), "local")?;
            }
            Op::LoadDeref(i) | Op::StoreDeref(i) | Op::DeleteDeref(i) | Op::LoadClosure(i) => {
                in_range(i, code.ncells(), "cell")?;
            }
            Op::LoadGlobal(i)
            | Op::StoreGlobal(i)
            | Op::DeleteGlobal(i)
            | Op::LoadName(i)
            | Op::StoreName(i)
            | Op::DeleteName(i)
            | Op::LoadAttr(i)
            | Op::StoreAttr(i)
            | Op::DeleteAttr(i)
            | Op::LoadMethod(i)
            | Op::ImportName(i)
            | Op::ImportFrom(i)
            | Op::Unsupported(i) => in_range(i, code.names.len(), "name")?,
            Op::Jump(t)
            | Op::JumpIfFalse(t)
            | Op::JumpIfTrue(t)
            | Op::JumpIfFalseOrPop(t)
            | Op::JumpIfTrueOrPop(t)
            | Op::JumpIfNotNone(t)
            | Op::ForIter(t)
            | Op::CheckEgMatch(t)
            | Op::PrepReraiseStar(t)
            | Op::Send(t) => in_range(t, n_ops + 1, "jump target")?,
            Op::GetAwaitable(w) => in_range(w, 3, "await site")?,
            _ => {}
        }
    }
    for e in &code.exc_table {
        in_range(e.target, n_ops, "handler")?;
        if e.start > e.end || e.end as usize > n_ops {
            return Err(format!("{}: bad exception range", code.name));
        }
    }
    for p in code.cell_params.iter().flatten() {
        in_range(*p, code.nlocals(), "cell parameter")?;
    }
    if code.cell_params.len() != code.cellvars.len() {
        return Err(format!(
            "{}: cell parameter table length mismatch",
            code.name
        ));
    }
    super::stack::analyze(code).map(drop)
}
