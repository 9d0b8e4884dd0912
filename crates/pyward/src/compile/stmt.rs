//! Statement compilation: assignment, control flow, exceptions, definitions and imports.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use super::scope::{Access, ScopeKind};
use super::{CompileError, Compiler, FBlock, LineIndex};
use crate::bytecode::{Const, Op};

/// CPython's limit on statically nested blocks (Python/compile.c CO_MAXBLOCKS).
const MAX_NESTED_BLOCKS: usize = 20;

impl<'src> Compiler<'src> {
    pub(super) fn body(&mut self, body: &'src [Stmt]) -> Result<(), CompileError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'src Stmt) -> Result<(), CompileError> {
        self.enter_depth()?;
        self.set_position(s);
        let r = self.stmt_inner(s);
        self.leave_depth();
        r.map_err(|e| e.span(self.lines.locate(s.start()), self.lines.locate(s.end())))
    }

    fn stmt_inner(&mut self, s: &'src Stmt) -> Result<(), CompileError> {
        match s {
            Stmt::Expr(e) => {
                self.expr(&e.value)?;
                let top_level = self.unit_ref().kind == ScopeKind::Module && self.units.len() == 1;
                match self.top_level {
                    super::TopLevel::Record if top_level => self.emit(Op::SetResult),
                    super::TopLevel::Display if top_level => {
                        // `sys.displayhook(value)`.
                        let sys = self.name_idx("sys");
                        let hook = self.name_idx("displayhook");
                        self.emit(Op::ImportName(sys));
                        self.emit(Op::LoadAttr(hook));
                        self.emit(Op::Swap);
                        self.emit(Op::Call(1));
                        self.emit(Op::Pop);
                    }
                    _ => self.emit(Op::Pop),
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Op::Dup);
                    }
                    self.store_target(t)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.store_target(&a.target)?;
                }
                self.class_annotation(a)?;
            }
            Stmt::Pass(_) | Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::If(i) => self.if_stmt(i)?,
            Stmt::While(w) => self.while_stmt(w)?,
            Stmt::For(f) => {
                if f.is_async {
                    self.check_async_allowed(s, "'async for' outside async function")?;
                    self.async_for_stmt(f)?;
                } else {
                    self.for_stmt(f)?;
                }
            }
            Stmt::Break(_) => self.break_continue(s, true)?,
            Stmt::Continue(_) => self.break_continue(s, false)?,
            Stmt::Return(r) => {
                if !matches!(self.unit_ref().kind, ScopeKind::Function) {
                    return Err(self.error_at(s, "'return' outside function"));
                }
                let scope = self.current_scope();
                if r.value.is_some() && scope.is_coroutine && scope.is_generator {
                    return Err(self.error_at(s, "'return' with value in async generator"));
                }
                match &r.value {
                    Some(v) => self.expr(v)?,
                    None => self.emit(Op::LoadNone),
                }
                // An error leaving the blocks points at the returned value, as compile.c's
                // location is then the value's.
                self.unwind_fblocks(true, None)
                    .map_err(|e| match &r.value {
                        Some(v) => e.span(self.lines.locate(v.start()), self.lines.locate(v.end())),
                        None => e,
                    })?;
                self.emit(Op::ReturnValue);
            }
            Stmt::FunctionDef(f) => self.function_def(f)?,
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
            }
            Stmt::Raise(r) => match (&r.exc, &r.cause) {
                (None, _) => self.emit(Op::Raise(0)),
                (Some(e), None) => {
                    self.expr(e)?;
                    self.emit(Op::Raise(1));
                }
                (Some(e), Some(c)) => {
                    self.expr(e)?;
                    self.expr(c)?;
                    self.emit(Op::Raise(2));
                }
            },
            Stmt::Assert(a) => {
                let ok = self.new_label();
                self.expr(&a.test)?;
                self.emit_jump(Op::JumpIfTrue, ok);
                // The AssertionError is raised at the test (CPython's position, for carets).
                let stmt = self.set_position(&*a.test);
                self.emit(Op::LoadAssertionError);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Op::Call(1));
                }
                self.emit(Op::Raise(1));
                self.restore_position(stmt);
                self.bind_label(ok);
            }
            Stmt::Try(t) => {
                self.check_block_nesting(s)?;
                self.check_handler_types(t)?;
                if t.finalbody.is_empty() {
                    if t.is_star {
                        self.try_star(t)?;
                    } else {
                        self.try_except(t)?;
                    }
                } else {
                    self.try_finally(t)?;
                }
            }
            Stmt::With(w) => {
                if w.is_async {
                    self.check_async_allowed(s, "'async with' outside async function")?;
                }
                self.check_block_nesting(s)?;
                self.with_stmt(&w.items, &w.body, w.is_async)?;
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let full = a.name.as_str();
                    let idx = self.name_idx(full);
                    self.emit(Op::ImportName(idx));
                    match &a.asname {
                        Some(alias) => {
                            self.store_name(alias.as_str());
                        }
                        None => {
                            // `import a.b` loads `a.b` but binds the top package `a`.
                            let top = full.split('.').next().unwrap_or(full);
                            if top != full {
                                self.emit(Op::Pop);
                                let t = self.name_idx(top);
                                self.emit(Op::ImportName(t));
                            }
                            self.store_name(top);
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                // A relative import names its module with its leading dots; importing it
                // raises ImportError when it runs, as CPython's does for a program that is not
                // in a package (the VM's import_statement).
                let dotted;
                let module = match (i.level, i.module.as_ref()) {
                    (0, m) => m.map_or("", |m| m.as_str()),
                    (level, m) => {
                        let dots = ".".repeat(usize::try_from(level).unwrap_or(1));
                        dotted = format!("{dots}{}", m.map_or("", |m| m.as_str()));
                        dotted.as_str()
                    }
                };
                if module == "__future__"
                    && !self
                        .future_stmts
                        .contains(&(std::ptr::from_ref(i) as usize))
                {
                    return Err(self.error_at(
                        s,
                        "from __future__ imports must occur at the beginning of the file",
                    ));
                }
                let idx = self.name_idx(module);
                self.emit(Op::ImportName(idx));
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        self.emit(Op::ImportStar);
                        return Ok(());
                    }
                    let n = self.name_idx(a.name.as_str());
                    self.emit(Op::ImportFrom(n));
                    let target = a.asname.as_ref().unwrap_or(&a.name);
                    self.store_name(target.as_str());
                }
                self.emit(Op::Pop);
            }
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::TypeAlias(_) => return Err(self.unsupported(s, "'type' statements")),
            Stmt::IpyEscapeCommand(_) => return Err(self.error_at(s, "invalid syntax")),
        }
        Ok(())
    }

    pub(super) fn unsupported<T: Ranged>(&self, node: &T, what: &str) -> CompileError {
        let (l, c) = self.line_col(node);
        CompileError {
            kind: "NotImplementedError",
            ..CompileError::syntax(format!("pyward does not support {what} yet")).at(l, c)
        }
    }

    /// `async for`/`async with` only inside an `async def` (CPython's compiler check).
    fn check_async_allowed(&self, s: &Stmt, msg: &str) -> Result<(), CompileError> {
        let u = self.unit_ref();
        if u.kind == ScopeKind::Function && self.current_scope().is_coroutine {
            Ok(())
        } else {
            Err(self.error_at(s, msg))
        }
    }

    fn check_block_nesting(&self, s: &Stmt) -> Result<(), CompileError> {
        let n = self.fblocks.last().map_or(0, Vec::len);
        if n >= MAX_NESTED_BLOCKS {
            return Err(self.error_at(s, "too many statically nested blocks"));
        }
        Ok(())
    }

    pub(super) fn push_fblock(&mut self, b: FBlock<'src>) {
        if let Some(f) = self.fblocks.last_mut() {
            f.push(b);
        }
    }

    pub(super) fn pop_fblock(&mut self) {
        if let Some(f) = self.fblocks.last_mut() {
            f.pop();
        }
    }

    /// Store the value on top of the stack into a name.
    pub(super) fn store_name(&mut self, name: &str) {
        match self.current_scope().access(name) {
            Access::Local(i) => self.emit(Op::StoreFast(i)),
            Access::Deref(i) => self.emit(Op::StoreDeref(i)),
            Access::Global => {
                let n = self.name_idx(name);
                self.emit(Op::StoreGlobal(n));
            }
            Access::Name => {
                let n = self.name_idx(name);
                self.emit(Op::StoreName(n));
            }
        }
    }

    pub(super) fn delete_name(&mut self, name: &str) {
        match self.current_scope().access(name) {
            Access::Local(i) => self.emit(Op::DeleteFast(i)),
            Access::Deref(i) => self.emit(Op::DeleteDeref(i)),
            Access::Global => {
                let n = self.name_idx(name);
                self.emit(Op::DeleteGlobal(n));
            }
            Access::Name => {
                let n = self.name_idx(name);
                self.emit(Op::DeleteName(n));
            }
        }
    }

    /// Store the value on top of the stack into an assignment target.
    pub(super) fn store_target(&mut self, t: &'src Expr) -> Result<(), CompileError> {
        self.enter_depth()?;
        let outer = self.set_position(t);
        let r = self.store_target_inner(t);
        self.restore_position(outer);
        self.leave_depth();
        r
    }

    fn store_target_inner(&mut self, t: &'src Expr) -> Result<(), CompileError> {
        match t {
            Expr::Name(n) => self.store_name(n.id.as_str()),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let n = self.name_idx(a.attr.as_str());
                self.emit(Op::StoreAttr(n));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::StoreSubscr);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                self.unpack_into(t, elts)?;
            }
            Expr::Starred(_) => {
                return Err(
                    self.error_at(t, "starred assignment target must be in a list or tuple")
                );
            }
            _ => return Err(self.error_at(t, "cannot assign to expression")),
        }
        Ok(())
    }

    fn unpack_into(&mut self, t: &Expr, elts: &'src [Expr]) -> Result<(), CompileError> {
        let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
        if elts
            .iter()
            .filter(|e| matches!(e, Expr::Starred(_)))
            .count()
            > 1
        {
            return Err(self.error_at(t, "multiple starred expressions in assignment"));
        }
        match star {
            None => self.emit(Op::UnpackSequence(super::to_u32(elts.len()))),
            Some(i) => {
                let after = elts.len() - i - 1;
                if i > 0xFFFF || after > 0xFFFF {
                    return Err(
                        self.error_at(t, "too many expressions in star-unpacking assignment")
                    );
                }
                self.emit(Op::UnpackEx(
                    super::to_u32(i) | (super::to_u32(after) << 16),
                ));
            }
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.store_target(&s.value)?,
                _ => self.store_target(e)?,
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'src Expr) -> Result<(), CompileError> {
        let outer = self.set_position(t);
        let r = self.delete_target_inner(t);
        self.restore_position(outer);
        r
    }

    fn delete_target_inner(&mut self, t: &'src Expr) -> Result<(), CompileError> {
        match t {
            Expr::Name(n) => self.delete_name(n.id.as_str()),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let n = self.name_idx(a.attr.as_str());
                self.emit(Op::DeleteAttr(n));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::DeleteSubscr);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete_target(e)?;
                }
            }
            _ => return Err(self.error_at(t, "cannot delete expression")),
        }
        Ok(())
    }

    fn aug_assign(&mut self, a: &'src ast::StmtAugAssign) -> Result<(), CompileError> {
        let op = super::expr::binop(a.op);
        match &*a.target {
            Expr::Name(n) => {
                self.load_name(n.id.as_str());
                self.expr(&a.value)?;
                self.emit(Op::InplaceOp(op));
                self.store_name(n.id.as_str());
            }
            // The target's load and store are at the target's position, the operation at
            // the statement's (as CPython places them, for a traceback's carets).
            Expr::Attribute(at) => {
                let stmt = self.set_position(at);
                self.expr(&at.value)?;
                self.emit(Op::Dup);
                let n = self.name_idx(at.attr.as_str());
                self.emit(Op::LoadAttr(n));
                self.restore_position(stmt);
                self.expr(&a.value)?;
                self.emit(Op::InplaceOp(op));
                self.emit(Op::Swap);
                self.set_position(at);
                self.emit(Op::StoreAttr(n));
                self.restore_position(stmt);
            }
            Expr::Subscript(s) => {
                let stmt = self.set_position(s);
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::Dup2);
                self.emit(Op::Subscr);
                self.restore_position(stmt);
                self.expr(&a.value)?;
                self.emit(Op::InplaceOp(op));
                self.emit(Op::Rot3);
                self.set_position(s);
                self.emit(Op::StoreSubscr);
                self.restore_position(stmt);
            }
            _ => {
                return Err(self.error_at(
                    &*a.target,
                    "'expression' is an illegal expression for augmented assignment",
                ));
            }
        }
        Ok(())
    }

    fn if_stmt(&mut self, i: &'src ast::StmtIf) -> Result<(), CompileError> {
        let end = self.new_label();
        let mut next = self.new_label();
        self.cond_jump(&i.test, false, next)?;
        self.body(&i.body)?;
        if !i.elif_else_clauses.is_empty() {
            self.emit_jump(Op::Jump, end);
        }
        let n = i.elif_else_clauses.len();
        for (k, clause) in i.elif_else_clauses.iter().enumerate() {
            self.bind_label(next);
            next = self.new_label();
            if let Some(test) = &clause.test {
                self.set_line(test);
                self.cond_jump(test, false, next)?;
            }
            self.body(&clause.body)?;
            if k + 1 < n {
                self.emit_jump(Op::Jump, end);
            }
        }
        self.bind_label(next);
        self.bind_label(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'src ast::StmtWhile) -> Result<(), CompileError> {
        let top = self.new_label();
        let orelse = self.new_label();
        let brk = self.new_label();
        self.bind_label(top);
        self.cond_jump(&w.test, false, orelse)?;
        self.push_fblock(FBlock::While { cont: top, brk });
        self.body(&w.body)?;
        self.pop_fblock();
        self.emit_jump(Op::Jump, top);
        self.bind_label(orelse);
        self.body(&w.orelse)?;
        self.bind_label(brk);
        Ok(())
    }

    fn for_stmt(&mut self, f: &'src ast::StmtFor) -> Result<(), CompileError> {
        let top = self.new_label();
        let orelse = self.new_label();
        let brk = self.new_label();
        self.expr(&f.iter)?;
        self.emit(Op::GetIter);
        self.bind_label(top);
        self.set_line(&*f.iter);
        self.emit_jump(Op::ForIter, orelse);
        self.unit().block_depth += 1;
        self.for_body(f, top, brk)?;
        self.bind_label(orelse);
        self.body(&f.orelse)?;
        self.bind_label(brk);
        Ok(())
    }

    /// A loop's target and body, with the iterator on the stack; loops back to `top`.
    fn for_body(
        &mut self,
        f: &'src ast::StmtFor,
        top: super::Label,
        brk: super::Label,
    ) -> Result<(), CompileError> {
        self.store_target(&f.target)?;
        self.push_fblock(FBlock::For { cont: top, brk });
        self.body(&f.body)?;
        self.pop_fblock();
        self.emit_jump(Op::Jump, top);
        self.unit().block_depth -= 1;
        Ok(())
    }

    fn break_continue(&mut self, s: &Stmt, is_break: bool) -> Result<(), CompileError> {
        let blocks = self.fblocks.last().cloned().unwrap_or_default();
        let pos = blocks
            .iter()
            .rposition(|b| matches!(b, FBlock::For { .. } | FBlock::While { .. }));
        // compile.c unwinds the block stack from the top: an except* block comes first.
        let above = pos.map_or(0, |p| p + 1);
        if blocks
            .get(above..)
            .is_some_and(|b| b.iter().any(|f| matches!(f, FBlock::ExceptStar)))
        {
            return Err(self.error_at(
                s,
                "'break', 'continue' and 'return' cannot appear in an except* block",
            ));
        }
        let Some(pos) = pos else {
            let what = if is_break {
                "'break' outside loop"
            } else {
                "'continue' not properly in loop"
            };
            return Err(self.error_at(s, what));
        };
        self.unwind_fblocks(false, Some(pos))?;
        match blocks.get(pos) {
            Some(FBlock::For { cont, brk }) => {
                if is_break {
                    self.emit(Op::Pop);
                    self.emit_jump(Op::Jump, *brk);
                } else {
                    self.emit_jump(Op::Jump, *cont);
                }
            }
            Some(FBlock::While { cont, brk }) => {
                self.emit_jump(Op::Jump, if is_break { *brk } else { *cont });
            }
            _ => {}
        }
        Ok(())
    }

    /// Emit the exit actions of every fblock above `stop` (all of them when `None`), innermost
    /// first. With `preserve_top`, a return value stays on top of the stack throughout.
    fn unwind_fblocks(
        &mut self,
        preserve_top: bool,
        stop: Option<usize>,
    ) -> Result<(), CompileError> {
        let blocks = self.fblocks.last().cloned().unwrap_or_default();
        let floor = stop.map_or(0, |p| p + 1);
        let saved_handlers = self.unit_ref().handler_stack.clone();
        let saved_fblocks = blocks.clone();
        // Values the blocks already unwound have taken off the stack: a `finally` body
        // emitted here runs above only the outer blocks' values (and the return value),
        // which is what its own handlers must keep.
        let start_depth = self.unit_ref().block_depth;
        let mut unwound = 0u32;
        for i in (floor..blocks.len()).rev() {
            // Code emitted for block i runs outside block i and everything inside it.
            if let Some(f) = self.fblocks.last_mut() {
                f.truncate(i);
            }
            match blocks[i] {
                FBlock::For { .. } => {
                    if preserve_top {
                        self.emit(Op::Swap);
                    }
                    self.emit(Op::Pop);
                }
                FBlock::While { .. } => {}
                FBlock::Finally { body, handler_len } => {
                    self.unit().handler_stack.truncate(handler_len);
                    self.unit().block_depth =
                        start_depth.saturating_sub(unwound) + u32::from(preserve_top);
                    if preserve_top {
                        self.push_fblock(FBlock::PopValue);
                    }
                    self.body(body)?;
                    if preserve_top {
                        self.pop_fblock();
                    }
                }
                FBlock::PopValue => {
                    if preserve_top {
                        self.emit(Op::Swap);
                    }
                    self.emit(Op::Pop);
                }
                FBlock::FinallyEnd => {
                    if preserve_top {
                        self.emit(Op::Swap);
                        self.emit(Op::Pop);
                        self.emit(Op::Swap);
                    } else {
                        self.emit(Op::Pop);
                    }
                    self.emit(Op::PopExcept);
                }
                FBlock::Handler { name, handler_len } => {
                    self.unit().handler_stack.truncate(handler_len);
                    if preserve_top {
                        self.emit(Op::Swap);
                    }
                    self.emit(Op::PopExcept);
                    if let Some(n) = name {
                        self.emit(Op::LoadNone);
                        self.store_name(n);
                        self.delete_name(n);
                    }
                }
                FBlock::ExceptStar => {
                    return Err(CompileError::syntax(
                        "'break', 'continue' and 'return' cannot appear in an except* block",
                    ));
                }
                FBlock::With {
                    handler_len,
                    is_async,
                } => {
                    self.unit().handler_stack.truncate(handler_len);
                    if preserve_top {
                        self.emit(Op::Swap);
                    }
                    self.emit_with_exit(is_async);
                }
            }
            unwound += blocks[i].stack_values();
        }
        self.unit().block_depth = start_depth;
        self.unit().handler_stack = saved_handlers;
        if let Some(f) = self.fblocks.last_mut() {
            *f = saved_fblocks;
        }
        Ok(())
    }

    /// The start of a `try` with handlers: the body under the handler, `else`, a jump to the
    /// end; then the handler's entry (`PushExcInfo`) under a cleanup handler that restores
    /// the saved exception. Returns the cleanup and end labels and the handler count outside
    /// the cleanup handler.
    pub(super) fn try_handler_entry(
        &mut self,
        t: &'src ast::StmtTry,
    ) -> Result<(super::Label, super::Label, usize), CompileError> {
        let handler = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_handler(handler);
        self.body(&t.body)?;
        self.pop_handler();
        self.body(&t.orelse)?;
        self.emit_jump(Op::Jump, end);

        self.bind_label(handler);
        self.emit(Op::PushExcInfo);
        self.unit().block_depth += 1;
        let handler_len = self.unit_ref().handler_stack.len();
        self.push_handler(cleanup);
        Ok((cleanup, end, handler_len))
    }

    /// CPython's POP_EXCEPT_AND_RERAISE: `( prev exc -- )` restore the saved exception and
    /// re-raise the current one.
    pub(super) fn emit_pop_except_reraise(&mut self) {
        self.emit(Op::Swap);
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
    }

    fn try_except(&mut self, t: &'src ast::StmtTry) -> Result<(), CompileError> {
        let (cleanup, end, handler_len) = self.try_handler_entry(t)?;
        let n = t.handlers.len();
        for (k, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h);
            let next = self.new_label();
            match &h.type_ {
                Some(ty) => {
                    // CheckExcMatch leaves the exception under its result, as CPython's
                    // CHECK_EXC_MATCH does: no Dup.
                    self.expr(ty)?;
                    self.emit(Op::CheckExcMatch);
                    self.emit_jump(Op::JumpIfFalse, next);
                }
                None => {
                    if k + 1 < n {
                        return Err(self.error_at(h, "default 'except:' must be last"));
                    }
                }
            }
            let name = h.name.as_ref().map(|n| n.as_str());
            match name {
                Some(nm) => self.store_name(nm),
                None => self.emit(Op::Pop),
            }
            self.push_fblock(FBlock::Handler { name, handler_len });
            self.body(&h.body)?;
            self.pop_fblock();
            // Leaving the handler is outside its cleanup range (see `FBlock::Handler`).
            self.pop_handler();
            self.emit(Op::PopExcept);
            self.clear_handler_name(name);
            self.emit_jump(Op::Jump, end);
            self.push_handler(cleanup);
            self.bind_label(next);
        }
        self.emit(Op::Reraise);
        self.pop_handler();
        self.unit().block_depth -= 1;
        self.bind_label(cleanup);
        self.emit_pop_except_reraise();
        self.bind_label(end);
        Ok(())
    }

    fn try_finally(&mut self, t: &'src ast::StmtTry) -> Result<(), CompileError> {
        let handler = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        let handler_len = self.unit_ref().handler_stack.len();
        self.push_fblock(FBlock::Finally {
            body: &t.finalbody,
            handler_len,
        });
        self.push_handler(handler);
        if t.handlers.is_empty() {
            self.body(&t.body)?;
            self.body(&t.orelse)?;
        } else if t.is_star {
            self.try_star(t)?;
        } else {
            self.try_except(t)?;
        }
        self.pop_handler();
        self.pop_fblock();
        self.body(&t.finalbody)?;
        self.emit_jump(Op::Jump, end);

        self.bind_label(handler);
        self.emit(Op::PushExcInfo);
        self.unit().block_depth += 1;
        self.push_handler(cleanup);
        self.unit().block_depth += 1;
        self.push_fblock(FBlock::FinallyEnd);
        self.body(&t.finalbody)?;
        self.pop_fblock();
        self.unit().block_depth -= 2;
        // Restoring the saved exception leaves the cleanup handler's range.
        self.pop_handler();
        self.emit_pop_except_reraise();
        self.bind_label(cleanup);
        self.emit_pop_except_reraise();
        self.bind_label(end);
        Ok(())
    }

    /// `async for`: `__anext__()` is awaited under a handler that ends the loop on
    /// StopAsyncIteration (`EndAsyncFor`); the body runs outside that handler.
    fn async_for_stmt(&mut self, f: &'src ast::StmtFor) -> Result<(), CompileError> {
        let top = self.new_label();
        let exhausted = self.new_label();
        let brk = self.new_label();
        self.expr(&f.iter)?;
        self.emit(Op::GetAiter);
        self.unit().block_depth += 1;
        self.bind_label(top);
        self.set_line(&*f.iter);
        self.push_handler(exhausted);
        self.emit(Op::GetAnext);
        self.emit(Op::LoadNone);
        self.emit_yield_from_loop();
        self.pop_handler();
        self.for_body(f, top, brk)?;
        self.bind_label(exhausted);
        self.emit(Op::EndAsyncFor);
        self.body(&f.orelse)?;
        self.bind_label(brk);
        Ok(())
    }

    /// Call the exit on the stack with three Nones (awaiting it for `async with`) and drop
    /// the result.
    fn emit_with_exit(&mut self, is_async: bool) {
        self.emit(Op::LoadNone);
        self.emit(Op::Dup);
        self.emit(Op::Dup);
        self.emit(Op::Call(3));
        if is_async {
            self.emit_await(2);
        }
        self.emit(Op::Pop);
    }

    fn with_stmt(
        &mut self,
        items: &'src [ast::WithItem],
        body: &'src [Stmt],
        is_async: bool,
    ) -> Result<(), CompileError> {
        let Some((item, rest)) = items.split_first() else {
            return self.body(body);
        };
        let handler = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        let suppress = self.new_label();
        self.expr(&item.context_expr)?;
        if is_async {
            self.emit(Op::BeforeAsyncWith);
            self.emit_await(1);
        } else {
            self.emit(Op::BeforeWith);
        }
        self.unit().block_depth += 1;
        let handler_len = self.unit_ref().handler_stack.len();
        self.push_handler(handler);
        match &item.optional_vars {
            Some(v) => self.store_target(v)?,
            None => self.emit(Op::Pop),
        }
        self.push_fblock(FBlock::With {
            handler_len,
            is_async,
        });
        if rest.is_empty() {
            self.body(body)?;
        } else {
            self.with_stmt(rest, body, is_async)?;
        }
        self.pop_fblock();
        self.pop_handler();
        self.emit_with_exit(is_async);
        self.emit_jump(Op::Jump, end);

        // Exceptional exit: [exit, exc] -> [exit, prev, exc].
        self.bind_label(handler);
        self.emit(Op::PushExcInfo);
        self.unit().block_depth += 1;
        self.push_handler(cleanup);
        self.emit(Op::WithExceptStart);
        if is_async {
            self.emit_await(2);
        }
        self.emit_jump(Op::JumpIfTrue, suppress);
        self.emit(Op::Reraise);
        self.bind_label(suppress);
        self.pop_handler();
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        self.emit(Op::Pop);
        self.emit_jump(Op::Jump, end);
        self.unit().block_depth -= 2;
        self.bind_label(cleanup);
        self.emit_pop_except_reraise();
        self.bind_label(end);
        Ok(())
    }

    fn function_def(&mut self, f: &'src ast::StmtFunctionDef) -> Result<(), CompileError> {
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        let (line, _) = self.line_col(f);
        let first_line = f
            .decorator_list
            .first()
            .map_or(line, |d| self.line_col(d).0);
        self.make_function(
            f,
            f.name.as_str(),
            Some(&f.parameters),
            f.returns.as_deref(),
            FunctionBody::Stmts(&f.body),
            first_line,
        )?;
        for _ in &f.decorator_list {
            self.emit(Op::Call(1));
        }
        let bound = self.scopes.binding_name(f, f.name.as_str()).to_string();
        self.store_name(&bound);
        Ok(())
    }

    /// A parameter name given twice is a SyntaxError at the second one, checked in CPython's
    /// symtable order (positional, keyword-only, then `*args` and `**kwargs`).
    fn check_duplicate_params(&self, p: &ast::Parameters) -> Result<(), CompileError> {
        let mut seen = std::collections::HashSet::new();
        let all = p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
            .map(|a| &a.parameter)
            .chain(p.vararg.as_deref())
            .chain(p.kwarg.as_deref());
        for param in all {
            let name = param.name.as_str();
            if !seen.insert(name) {
                return Err(self
                    .error_at(
                        &param.name,
                        format!("duplicate argument '{name}' in function definition"),
                    )
                    .from_symtable());
            }
        }
        Ok(())
    }

    /// Compile a function or lambda body and emit the code that builds the function object.
    pub(super) fn make_function<T>(
        &mut self,
        node: &'src T,
        name: &str,
        params: Option<&'src ast::Parameters>,
        returns: Option<&'src Expr>,
        body: FunctionBody<'src>,
        first_line: u32,
    ) -> Result<(), CompileError> {
        if let Some(p) = params {
            self.check_duplicate_params(p)?;
        }
        let mut flags = 0u32;
        let defaults: Vec<&'src Expr> = params
            .map(|p| {
                p.posonlyargs
                    .iter()
                    .chain(p.args.iter())
                    .filter_map(|a| a.default.as_deref())
                    .collect()
            })
            .unwrap_or_default();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple(super::to_u32(defaults.len())));
            flags |= 1;
        }
        let kwdefaults: Vec<(&str, &'src Expr)> = params
            .map(|ps| {
                ps.kwonlyargs
                    .iter()
                    .filter_map(|p| p.default.as_deref().map(|d| (p.parameter.name.as_str(), d)))
                    .collect()
            })
            .unwrap_or_default();
        if !kwdefaults.is_empty() {
            for (n, d) in &kwdefaults {
                self.load_const(Const::Str((*n).to_string()));
                self.expr(d)?;
            }
            self.emit(Op::BuildMap(super::to_u32(kwdefaults.len())));
            flags |= 2;
        }
        if self.function_annotations(params, returns)? {
            flags |= 8;
        }
        let Some(scope) = self.scopes.scope_of(node) else {
            return Err(CompileError::syntax("internal: function scope missing"));
        };
        let qualname = self.qualname_for(name);
        self.push_unit(scope, name.to_string(), qualname, first_line);
        {
            let u = self.unit();
            if let Some(params) = params {
                u.argcount = super::to_u32(params.posonlyargs.len() + params.args.len());
                u.posonlyargcount = super::to_u32(params.posonlyargs.len());
                u.kwonlyargcount = super::to_u32(params.kwonlyargs.len());
                u.flags.varargs = params.vararg.is_some();
                u.flags.varkeywords = params.kwarg.is_some();
            }
        }
        match body {
            FunctionBody::Stmts(stmts) => {
                if let Some(Stmt::Expr(e)) = stmts.first() {
                    if let Expr::StringLiteral(s) = &*e.value {
                        self.unit().doc = Some(s.value.iter().map(|p| &*p.value).collect());
                    }
                }
                self.body(stmts)?;
                self.emit(Op::LoadNone);
                self.emit(Op::ReturnValue);
            }
            FunctionBody::Expr(e) => {
                self.expr(e)?;
                self.emit(Op::ReturnValue);
            }
        }
        let code = self.pop_unit()?;
        self.emit_closure(&code.freevars)?;
        if !code.freevars.is_empty() {
            flags |= 4;
        }
        self.load_const(Const::Code(std::sync::Arc::new(code)));
        self.emit(Op::MakeFunction(flags));
        Ok(())
    }

    /// Push a tuple of the cells for `freevars`, taken from the current scope.
    pub(super) fn emit_closure(&mut self, freevars: &[String]) -> Result<(), CompileError> {
        if freevars.is_empty() {
            return Ok(());
        }
        for name in freevars {
            match self.current_scope().access(name) {
                Access::Deref(i) => self.emit(Op::LoadClosure(i)),
                _ => {
                    return Err(CompileError::syntax(format!(
                        "internal: no cell for '{name}'"
                    )));
                }
            }
        }
        self.emit(Op::BuildTuple(super::to_u32(freevars.len())));
        Ok(())
    }

    pub(super) fn qualname_for(&self, name: &str) -> String {
        let u = self.unit_ref();
        match u.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{name}", u.qualname),
            ScopeKind::Function | ScopeKind::Comprehension => {
                format!("{}.<locals>.{name}", u.qualname)
            }
        }
    }

    fn class_def(&mut self, c: &'src ast::StmtClassDef) -> Result<(), CompileError> {
        if c.type_params.is_some() {
            return Err(self.unsupported(c, "generic class syntax"));
        }
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        let name = c.name.as_str();
        let Some(scope) = self.scopes.scope_of(c) else {
            return Err(CompileError::syntax("internal: class scope missing"));
        };
        let qualname = self.qualname_for(name);
        let (line, _) = self.line_col(c);
        self.push_unit(scope, name.to_string(), qualname.clone(), line);
        // CPython: `__module__ = __name__`, read from the defining module's globals.
        let module_name = self.name_idx("__name__");
        self.emit(Op::LoadName(module_name));
        self.store_name("__module__");
        self.load_const(Const::Str(qualname));
        self.store_name("__qualname__");
        if let Some(Stmt::Expr(e)) = c.body.first() {
            if let Expr::StringLiteral(s) = &*e.value {
                let doc: String = s.value.iter().map(|p| &*p.value).collect();
                self.load_const(Const::Str(doc));
                self.store_name("__doc__");
            }
        }
        if has_annotations(&c.body) {
            self.emit(Op::BuildMap(0));
            self.store_name("__annotations__");
        }
        self.body(&c.body)?;
        match self
            .current_scope()
            .cellvars
            .iter()
            .position(|n| n == "__class__")
        {
            Some(i) => self.emit(Op::LoadClosure(super::to_u32(i))),
            None => self.emit(Op::LoadNone),
        }
        self.emit(Op::ReturnValue);
        let code = self.pop_unit()?;
        let has_closure = !code.freevars.is_empty();
        self.emit_closure(&code.freevars)?;
        self.load_const(Const::Code(std::sync::Arc::new(code)));
        self.emit(Op::MakeFunction(if has_closure { 4 } else { 0 }));
        self.load_const(Const::Str(name.to_string()));
        let mut nbases = 0u32;
        if let Some(args) = &c.arguments {
            self.check_keywords(&args.keywords)?;
            for b in &args.args {
                if matches!(b, Expr::Starred(_)) {
                    return Err(self.unsupported(b, "starred base classes"));
                }
                self.expr(b)?;
                nbases += 1;
            }
        }
        let mut flags = 0u32;
        if let Some(args) = c.arguments.as_ref().filter(|a| !a.keywords.is_empty()) {
            for k in &args.keywords {
                let Some(name) = &k.arg else {
                    return Err(self.unsupported(k, "'**' in class keywords"));
                };
                self.load_const(Const::Str(name.as_str().to_string()));
                self.expr(&k.value)?;
            }
            self.emit(Op::BuildMap(super::to_u32(args.keywords.len())));
            flags = 1 << 31;
        }
        self.set_line(c);
        self.emit(Op::BuildClass(nbases | flags));
        for _ in &c.decorator_list {
            self.emit(Op::Call(1));
        }
        let bound = self.scopes.binding_name(c, name).to_string();
        self.store_name(&bound);
        Ok(())
    }

    fn match_stmt(&mut self, m: &'src ast::StmtMatch) -> Result<(), CompileError> {
        self.match_statement(m)
    }
}

/// What a function's body is: statements, or a lambda's single expression.
#[derive(Clone, Copy)]
pub(super) enum FunctionBody<'a> {
    /// A `def` body.
    Stmts(&'a [Stmt]),
    /// A lambda body.
    Expr(&'a Expr),
}

impl<'src> Compiler<'src> {
    /// `x: T` in a class body or at module level: `__annotations__['x'] = T` (after any
    /// assignment, as CPython).
    fn class_annotation(&mut self, a: &'src ast::StmtAnnAssign) -> Result<(), CompileError> {
        if !matches!(self.unit_ref().kind, ScopeKind::Class | ScopeKind::Module) || !a.simple {
            return Ok(());
        }
        let Expr::Name(n) = &*a.target else {
            return Ok(());
        };
        self.annotation_value(&a.annotation)?;
        self.load_name("__annotations__");
        self.load_const(Const::Str(n.id.to_string()));
        self.emit(Op::StoreSubscr);
        Ok(())
    }
}

impl<'src> Compiler<'src> {
    /// Push an annotation's value: the evaluated expression, or its source text under
    /// `from __future__ import annotations`.
    fn annotation_value(&mut self, e: &'src Expr) -> Result<(), CompileError> {
        if self.future_annotations {
            let text = self
                .source
                .get(e.range().start().to_usize()..e.range().end().to_usize())
                .unwrap_or("")
                .trim()
                .to_string();
            self.load_const(Const::Str(text));
            Ok(())
        } else {
            self.expr(e)
        }
    }

    /// Push a dict of a function's parameter and return annotations (in CPython's order:
    /// positional, positional-only, `*args`, keyword-only, `**kwargs`, return); false when
    /// there are none.
    fn function_annotations(
        &mut self,
        params: Option<&'src ast::Parameters>,
        returns: Option<&'src Expr>,
    ) -> Result<bool, CompileError> {
        let mut items: Vec<(&'src str, &'src Expr)> = Vec::new();
        if let Some(p) = params {
            for a in p.args.iter().chain(p.posonlyargs.iter()) {
                if let Some(ann) = a.parameter.annotation.as_deref() {
                    items.push((a.parameter.name.as_str(), ann));
                }
            }
            if let Some(v) = &p.vararg {
                if let Some(ann) = v.annotation.as_deref() {
                    items.push((v.name.as_str(), ann));
                }
            }
            for a in &p.kwonlyargs {
                if let Some(ann) = a.parameter.annotation.as_deref() {
                    items.push((a.parameter.name.as_str(), ann));
                }
            }
            if let Some(k) = &p.kwarg {
                if let Some(ann) = k.annotation.as_deref() {
                    items.push((k.name.as_str(), ann));
                }
            }
        }
        if let Some(r) = returns {
            items.push(("return", r));
        }
        if items.is_empty() {
            return Ok(false);
        }
        for (name, ann) in &items {
            self.load_const(Const::Str((*name).to_string()));
            self.annotation_value(ann)?;
        }
        self.emit(Op::BuildMap(super::to_u32(items.len())));
        Ok(true)
    }

    /// A module with annotated names gets its `__annotations__` dict first (CPython's
    /// SETUP_ANNOTATIONS).
    pub(super) fn module_annotations(&mut self, body: &'src [Stmt]) {
        if has_annotations(body) {
            self.emit(Op::BuildMap(0));
            self.store_name("__annotations__");
        }
    }
}

/// The `from __future__ import ...` statements that open a module (after its docstring):
/// whether `annotations` is among the features, and the statements' addresses. An unknown
/// feature is a SyntaxError, as in CPython.
pub(super) fn future_features(
    body: &[Stmt],
    source: &str,
) -> Result<(bool, Vec<usize>), CompileError> {
    const KNOWN: &[&str] = &[
        "nested_scopes",
        "generators",
        "division",
        "absolute_import",
        "with_statement",
        "print_function",
        "unicode_literals",
        "barry_as_FLUFL",
        "generator_stop",
        "annotations",
    ];
    let mut annotations = false;
    let mut stmts = Vec::new();
    let mut rest = body;
    if let Some((Stmt::Expr(e), tail)) = rest.split_first() {
        if matches!(&*e.value, Expr::StringLiteral(_)) {
            rest = tail;
        }
    }
    for s in rest {
        let Stmt::ImportFrom(i) = s else { break };
        if i.level != 0 || i.module.as_ref().map(|m| m.as_str()) != Some("__future__") {
            break;
        }
        for a in &i.names {
            let name = a.name.as_str();
            if name == "braces" {
                let (l, c) = LineIndex::new(source).locate(s.range().start());
                return Err(CompileError::syntax("not a chance")
                    .at(l, c)
                    .from_symtable());
            }
            if !KNOWN.contains(&name) {
                let (l, c) = LineIndex::new(source).locate(s.range().start());
                return Err(
                    CompileError::syntax(format!("future feature {name} is not defined"))
                        .at(l, c)
                        .from_symtable(),
                );
            }
            annotations |= name == "annotations";
        }
        stmts.push(std::ptr::from_ref(i) as usize);
    }
    Ok((annotations, stmts))
}

/// Whether a class body has a simple-name annotation outside nested scopes (CPython's
/// `find_ann`), so it needs an `__annotations__` dict.
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(a) => a.simple && matches!(&*a.target, Expr::Name(_)),
        Stmt::If(i) => {
            has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body))
        }
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| match h {
                    ast::ExceptHandler::ExceptHandler(h) => has_annotations(&h.body),
                })
        }
        _ => false,
    })
}
