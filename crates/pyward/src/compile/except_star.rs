//! `try`/`except*` (PEP 654), compiled as CPython 3.11 compiles it (compiler_try_star_except).
//!
//! The handler keeps `[prev, orig, raised, exc]` on the stack: the previously handled
//! exception, the original exception, a list collecting what the clauses raise, and what is
//! still unmatched. Each clause's `CheckEgMatch` splits its part off `exc` (or jumps on when
//! nothing matches); an exception escaping a clause body is appended to the list. At the end
//! the unmatched rest joins the list and `PrepReraiseStar` works out what to raise: re-raised
//! parts keep the original nesting, new exceptions are grouped with them.

use ruff_python_ast::{self as ast, Expr};

use super::{CompileError, Compiler, FBlock};
use crate::bytecode::Op;

impl<'src> Compiler<'src> {
    pub(super) fn try_star(&mut self, t: &'src ast::StmtTry) -> Result<(), CompileError> {
        let (cleanup, end, _) = self.try_handler_entry(t)?;
        let nothing = self.new_label();
        // [prev, exc] -> [prev, orig, [], exc]
        self.emit(Op::Dup);
        self.emit(Op::BuildList(0));
        self.emit(Op::Swap);
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h);
            let next = self.new_label();
            let raised = self.new_label();
            let Some(ty) = &h.type_ else {
                return Err(self.error_at(h, "expected one or more exception types"));
            };
            self.expr(ty)?;
            self.emit_jump(Op::CheckEgMatch, next);
            let name = h.name.as_ref().map(|n| n.as_str());
            match name {
                Some(nm) => self.store_name(nm),
                None => self.emit(Op::Pop),
            }
            // [prev, orig, list, rest]: an exception from the body joins the list.
            self.unit().block_depth += 3;
            self.push_handler(raised);
            self.push_fblock(FBlock::ExceptStar);
            self.body(&h.body)?;
            self.pop_fblock();
            self.pop_handler();
            self.unit().block_depth -= 3;
            self.clear_handler_name(name);
            self.emit_jump(Op::Jump, next);
            self.bind_label(raised);
            self.clear_handler_name(name);
            self.emit(Op::ListAppend(2));
            self.bind_label(next);
        }
        // The unmatched rest (None when everything matched) joins the list.
        self.emit(Op::ListAppend(1));
        self.emit_jump(Op::PrepReraiseStar, nothing);
        self.pop_handler();
        self.emit_pop_except_reraise();
        self.bind_label(nothing);
        self.emit(Op::PopExcept);
        self.emit_jump(Op::Jump, end);
        self.unit().block_depth -= 1;
        self.bind_label(cleanup);
        self.emit_pop_except_reraise();
        self.bind_label(end);
        Ok(())
    }

    /// `name = None; del name` after an `except ... as name` body.
    pub(super) fn clear_handler_name(&mut self, name: Option<&str>) {
        if let Some(nm) = name {
            self.emit(Op::LoadNone);
            self.store_name(nm);
            self.delete_name(nm);
        }
    }

    /// CPython's parser refuses `except A, B:` (and `except* A, B:`) without parentheses.
    pub(super) fn check_handler_types(&self, t: &ast::StmtTry) -> Result<(), CompileError> {
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            if let Some(Expr::Tuple(tuple)) = h.type_.as_deref() {
                if !tuple.parenthesized {
                    // CPython's parser raises this one, with the source line as `text`.
                    let mut e =
                        self.error_at(tuple, "multiple exception types must be parenthesized");
                    let (line, _) = self.lines.locate(ruff_text_size::Ranged::start(tuple));
                    e.text = self
                        .source
                        .lines()
                        .nth(line.saturating_sub(1) as usize)
                        .map(|l| format!("{l}\n"));
                    return Err(e);
                }
            }
        }
        Ok(())
    }
}
