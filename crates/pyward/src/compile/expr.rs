//! Expression compilation: operators, literals, calls, comprehensions and f-strings.

use ruff_python_ast::{self as ast, Expr};

use super::scope::Access;
use super::stmt::FunctionBody;
use super::{CompileError, Compiler, Label};
use crate::bytecode::{BinOp, CmpOp, Const, Op, UnaryOp};

/// The bytecode operator of an AST operator.
pub(super) fn binop(op: ast::Operator) -> BinOp {
    match op {
        ast::Operator::Add => BinOp::Add,
        ast::Operator::Sub => BinOp::Sub,
        ast::Operator::Mult => BinOp::Mul,
        ast::Operator::MatMult => BinOp::MatMul,
        ast::Operator::Div => BinOp::TrueDiv,
        ast::Operator::Mod => BinOp::Mod,
        ast::Operator::Pow => BinOp::Pow,
        ast::Operator::LShift => BinOp::LShift,
        ast::Operator::RShift => BinOp::RShift,
        ast::Operator::BitOr => BinOp::Or,
        ast::Operator::BitXor => BinOp::Xor,
        ast::Operator::BitAnd => BinOp::And,
        ast::Operator::FloorDiv => BinOp::FloorDiv,
    }
}

/// What a comprehension builds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

impl<'src> Compiler<'src> {
    /// Compile an expression, leaving its value on the stack.
    pub(super) fn expr(&mut self, e: &'src Expr) -> Result<(), CompileError> {
        self.enter_depth()?;
        let outer = self.set_position(e);
        let r = self.expr_inner(e);
        self.restore_position(outer);
        self.leave_depth();
        r
    }

    pub(super) fn load_name(&mut self, name: &str) {
        match self.current_scope().access(name) {
            Access::Local(i) => self.emit(Op::LoadFast(i)),
            Access::Deref(i) => self.emit(Op::LoadDeref(i)),
            Access::Global => {
                let n = self.name_idx(name);
                self.emit(Op::LoadGlobal(n));
            }
            Access::Name => {
                let n = self.name_idx(name);
                self.emit(Op::LoadName(n));
            }
        }
    }

    fn expr_inner(&mut self, e: &'src Expr) -> Result<(), CompileError> {
        match e {
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        match b.op {
                            ast::BoolOp::And => self.emit_jump(Op::JumpIfFalseOrPop, end),
                            ast::BoolOp::Or => self.emit_jump(Op::JumpIfTrueOrPop, end),
                        }
                    }
                }
                self.bind_label(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Op::Dup);
                self.store_target(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Op::BinaryOp(binop(b.op)));
            }
            Expr::UnaryOp(u) => {
                if let (ast::UnaryOp::USub, Expr::NumberLiteral(n)) = (u.op, &*u.operand) {
                    if let Some(c) = negated_number(&n.value) {
                        self.load_const(c);
                        return Ok(());
                    }
                }
                self.expr(&u.operand)?;
                self.emit(Op::Unary(match u.op {
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                    ast::UnaryOp::Not => UnaryOp::Not,
                    ast::UnaryOp::UAdd => UnaryOp::Pos,
                    ast::UnaryOp::USub => UnaryOp::Neg,
                }));
            }
            Expr::Lambda(l) => {
                let (line, _) = self.line_col(l);
                let params = l.parameters.as_deref();
                self.make_function(
                    l,
                    "<lambda>",
                    params,
                    None,
                    FunctionBody::Expr(&l.body),
                    line,
                )?;
            }
            Expr::If(i) => {
                let orelse = self.new_label();
                let end = self.new_label();
                self.cond_jump(&i.test, false, orelse)?;
                self.expr(&i.body)?;
                self.emit_jump(Op::Jump, end);
                self.bind_label(orelse);
                self.expr(&i.orelse)?;
                self.bind_label(end);
            }
            Expr::Dict(d) => {
                if d.items.iter().any(|it| it.key.is_none()) {
                    self.emit(Op::BuildMap(0));
                    for it in &d.items {
                        match &it.key {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(&it.value)?;
                                self.emit(Op::MapAdd(1));
                            }
                            None => {
                                self.expr(&it.value)?;
                                self.emit(Op::DictUpdate(1));
                            }
                        }
                    }
                } else {
                    for it in &d.items {
                        if let Some(k) = &it.key {
                            self.expr(k)?;
                        }
                        self.expr(&it.value)?;
                    }
                    self.emit(Op::BuildMap(super::to_u32(d.items.len())));
                }
            }
            Expr::Set(s) => match const_elts(&s.elts) {
                // CPython folds three or more constants into a frozenset and merges it into
                // an empty set, which fixes the table layout (and so the iteration order).
                Some(items) if items.len() > 2 => {
                    self.emit(Op::BuildSet(0));
                    self.load_const(Const::FrozenSet(items));
                    self.emit(Op::SetUpdate(1));
                }
                _ => self.sequence(&s.elts, Op::BuildSet, Some(Op::SetUpdate(1)), false)?,
            },
            Expr::List(l) => self.sequence(&l.elts, Op::BuildList, None, false)?,
            Expr::Tuple(t) => {
                if let Some(c) = const_tuple(&t.elts) {
                    self.load_const(c);
                } else {
                    self.sequence(&t.elts, Op::BuildTuple, None, true)?;
                }
            }
            Expr::ListComp(c) => {
                self.comprehension(e, CompKind::List, &c.generators, &c.elt, None)?
            }
            Expr::SetComp(c) => {
                self.comprehension(e, CompKind::Set, &c.generators, &c.elt, None)?
            }
            Expr::DictComp(c) => {
                let Some(key) = c.key.as_deref() else {
                    // `{**x for x in y}`: CPython's parser refuses it, at the `**`.
                    let value_at = ruff_text_size::Ranged::start(&*c.value);
                    let star = self
                        .source
                        .get(..value_at.to_usize())
                        .and_then(|b| b.rfind("**"))
                        .and_then(|i| ruff_text_size::TextSize::try_from(i).ok())
                        .unwrap_or(value_at);
                    let (line, col) = self.lines.locate(star);
                    // The tokenizer's line, with its newline unless it has read past it.
                    let newline = self.lines.locate(value_at).0 == line;
                    let text = self
                        .source
                        .lines()
                        .nth(line.saturating_sub(1) as usize)
                        .map(|l| {
                            if newline {
                                format!("{l}\n")
                            } else {
                                l.to_string()
                            }
                        });
                    return Err(CompileError {
                        text,
                        ..CompileError::syntax(
                            "dict unpacking cannot be used in dict comprehension",
                        )
                        .span((line, col), (line, col.saturating_add(2)))
                    });
                };
                self.comprehension(e, CompKind::Dict, &c.generators, key, Some(&c.value))?;
            }
            Expr::Generator(c) => {
                self.comprehension(e, CompKind::Gen, &c.generators, &c.elt, None)?
            }
            Expr::Await(a) => {
                self.check_await_allowed(e)?;
                self.expr(&a.value)?;
                self.emit_await(0);
            }
            Expr::Yield(y) => {
                self.check_yield_allowed(e)?;
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.emit(Op::LoadNone),
                }
                if self.current_scope().is_coroutine {
                    self.emit(Op::YieldAsyncGen);
                } else {
                    self.emit(Op::YieldValue);
                }
            }
            Expr::YieldFrom(y) => {
                self.check_yield_allowed(e)?;
                if self.current_scope().is_coroutine {
                    return Err(self.error_at(e, "'yield from' inside async function"));
                }
                self.expr(&y.value)?;
                self.emit(Op::GetYieldFromIter);
                self.emit(Op::LoadNone);
                self.emit_yield_from_loop();
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => self.fstring(f)?,
            Expr::TString(_) => return Err(self.unsupported(e, "template strings")),
            Expr::StringLiteral(s) => {
                let text: String = s.value.iter().map(|p| &*p.value).collect();
                self.load_const(Const::Str(text));
            }
            Expr::BytesLiteral(b) => {
                let bytes: Vec<u8> = b.value.bytes().collect();
                self.load_const(Const::Bytes(bytes));
            }
            Expr::NumberLiteral(n) => {
                if let Some(digits) = oversized_decimal(&n.value) {
                    return Err(self.error_at(e, huge_literal_message(digits)));
                }
                let c =
                    number_const(&n.value).ok_or_else(|| self.unsupported(e, "complex numbers"))?;
                self.load_const(c);
            }
            Expr::BooleanLiteral(b) => self.load_const(Const::Bool(b.value)),
            Expr::NoneLiteral(_) => self.emit(Op::LoadNone),
            Expr::EllipsisLiteral(_) => self.load_const(Const::Ellipsis),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let n = self.name_idx(a.attr.as_str());
                self.emit(Op::LoadAttr(n));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::Subscr);
            }
            Expr::Starred(_) => return Err(self.error_at(e, "can't use starred expression here")),
            Expr::Name(n) => self.load_name(n.id.as_str()),
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.emit(Op::LoadNone),
                    }
                }
                match &s.step {
                    Some(st) => {
                        self.expr(st)?;
                        self.emit(Op::BuildSlice(3));
                    }
                    None => self.emit(Op::BuildSlice(2)),
                }
            }
            Expr::IpyEscapeCommand(_) => return Err(self.error_at(e, "invalid syntax")),
        }
        Ok(())
    }

    /// `await` needs a function; a plain `def` or lambda is the wrong kind (CPython's
    /// compiler_visit_expr1). Inside a comprehension it makes the comprehension async, which
    /// `comprehension` checks against its enclosing scope.
    fn check_await_allowed(&self, e: &Expr) -> Result<(), CompileError> {
        match self.unit_ref().kind {
            super::scope::ScopeKind::Comprehension => Ok(()),
            super::scope::ScopeKind::Function if self.current_scope().is_coroutine => Ok(()),
            super::scope::ScopeKind::Function => {
                Err(self.error_at(e, "'await' outside async function"))
            }
            _ => Err(self.error_at(e, "'await' outside function")),
        }
    }

    /// Await the value on top: `GetAwaitable` and the delegation loop.
    pub(super) fn emit_await(&mut self, site: u32) {
        self.emit(Op::GetAwaitable(site));
        self.emit(Op::LoadNone);
        self.emit_yield_from_loop();
    }

    /// `( receiver sent -- result )`: delegate to the receiver until it finishes, yielding
    /// what it yields (`yield from` and `await`).
    pub(super) fn emit_yield_from_loop(&mut self) {
        let top = self.new_label();
        let done = self.new_label();
        self.bind_label(top);
        self.emit_jump(Op::Send, done);
        self.emit(Op::YieldValue);
        self.emit_jump(Op::Jump, top);
        self.bind_label(done);
    }

    fn check_yield_allowed(&self, e: &Expr) -> Result<(), CompileError> {
        match self.unit_ref().kind {
            super::scope::ScopeKind::Function => Ok(()),
            super::scope::ScopeKind::Comprehension => Err(self
                .error_at(e, "'yield' inside list comprehension")
                .from_symtable()),
            _ => Err(self.error_at(e, "'yield' outside function")),
        }
    }

    /// Build a list/tuple/set display, with `*iterable` items expanded.
    fn sequence(
        &mut self,
        elts: &'src [Expr],
        build: fn(u32) -> Op,
        update: Option<Op>,
        to_tuple: bool,
    ) -> Result<(), CompileError> {
        if !elts.iter().any(|e| matches!(e, Expr::Starred(_))) {
            for el in elts {
                self.expr(el)?;
            }
            self.emit(build(super::to_u32(elts.len())));
            return Ok(());
        }
        let is_set = update.is_some();
        self.emit(if is_set {
            Op::BuildSet(0)
        } else {
            Op::BuildList(0)
        });
        for el in elts {
            match el {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(update.unwrap_or(Op::ListExtend(1)));
                }
                _ => {
                    self.expr(el)?;
                    self.emit(if is_set {
                        Op::SetAdd(1)
                    } else {
                        Op::ListAppend(1)
                    });
                }
            }
        }
        if to_tuple {
            self.emit(Op::ListToTuple);
        }
        Ok(())
    }

    /// Jump to `target` when the truth of `e` equals `jump_if`; otherwise fall through.
    pub(super) fn cond_jump(
        &mut self,
        e: &'src Expr,
        jump_if: bool,
        target: Label,
    ) -> Result<(), CompileError> {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                self.enter_depth()?;
                let r = self.cond_jump(&u.operand, !jump_if, target);
                self.leave_depth();
                return r;
            }
            Expr::BoolOp(b) => {
                self.enter_depth()?;
                let is_and = b.op == ast::BoolOp::And;
                let n = b.values.len();
                let skip = self.new_label();
                for (i, v) in b.values.iter().enumerate() {
                    let last = i + 1 == n;
                    if last {
                        self.cond_jump(v, jump_if, target)?;
                    } else if is_and == jump_if {
                        // and+jump-if-true / or+jump-if-false: a deciding operand skips the rest.
                        self.cond_jump(v, !jump_if, skip)?;
                    } else {
                        self.cond_jump(v, jump_if, target)?;
                    }
                }
                self.bind_label(skip);
                self.leave_depth();
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        self.emit_jump(
            if jump_if {
                Op::JumpIfTrue
            } else {
                Op::JumpIfFalse
            },
            target,
        );
        Ok(())
    }

    fn compare(&mut self, c: &'src ast::ExprCompare) -> Result<(), CompileError> {
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            if let (Some(op), Some(r)) = (c.ops.first(), c.comparators.first()) {
                self.expr(r)?;
                self.emit(cmp_op(*op));
            }
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for (i, (op, r)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
            self.expr(r)?;
            if i + 1 < n {
                self.emit(Op::Dup);
                self.emit(Op::Rot3);
                self.emit(cmp_op(*op));
                self.emit_jump(Op::JumpIfFalseOrPop, cleanup);
            } else {
                self.emit(cmp_op(*op));
            }
        }
        self.emit_jump(Op::Jump, end);
        self.bind_label(cleanup);
        self.emit(Op::Swap);
        self.emit(Op::Pop);
        self.bind_label(end);
        Ok(())
    }

    /// A keyword given twice in a call or class statement (compile.c
    /// `validate_keywords`).
    pub(super) fn check_keywords(&self, keywords: &[ast::Keyword]) -> Result<(), CompileError> {
        let mut seen: Vec<&str> = Vec::new();
        for k in keywords {
            if let Some(a) = &k.arg {
                if seen.contains(&a.as_str()) {
                    return Err(
                        self.error_at(k, format!("keyword argument repeated: {}", a.as_str()))
                    );
                }
                seen.push(a.as_str());
            }
        }
        Ok(())
    }

    /// A call. Its instructions are at the call's position (`expr` set it), which the
    /// arguments' own positions are restored to before the call instruction.
    fn call(&mut self, c: &'src ast::ExprCall) -> Result<(), CompileError> {
        let args = &c.arguments;
        let has_star = args.args.iter().any(|a| matches!(a, Expr::Starred(_)));
        let has_dstar = args.keywords.iter().any(|k| k.arg.is_none());
        self.check_keywords(&args.keywords)?;
        if !has_star && !has_dstar && args.keywords.is_empty() {
            if let Expr::Attribute(a) = &*c.func {
                self.expr(&a.value)?;
                let n = self.name_idx(a.attr.as_str());
                // At the attribute's position, as CPython's LOAD_METHOD (carets).
                let call = self.set_position(a);
                self.emit(Op::LoadMethod(n));
                self.restore_position(call);
                for arg in &args.args {
                    self.expr(arg)?;
                }
                self.emit(Op::CallMethod(super::to_u32(args.args.len())));
                return Ok(());
            }
        }
        self.expr(&c.func)?;
        if has_star || has_dstar {
            if let [Expr::Starred(s)] = &*args.args {
                // `f(*a)` alone passes `a` itself, as CPython does: CallEx iterates it and
                // words its error with the callee's name.
                self.expr(&s.value)?;
            } else if has_star {
                self.sequence(&args.args, Op::BuildTuple, None, true)?;
            } else {
                for arg in &args.args {
                    self.expr(arg)?;
                }
                self.emit(Op::BuildTuple(super::to_u32(args.args.len())));
            }
            if args.keywords.is_empty() {
                self.emit(Op::CallEx(0));
            } else {
                self.emit(Op::BuildMap(0));
                let mut after_dstar = false;
                for k in &args.keywords {
                    match &k.arg {
                        // After a `**`, a named keyword may repeat one of its keys: merge it
                        // as a one-item mapping so DictMerge reports the duplicate.
                        Some(name) if after_dstar => {
                            self.load_const(Const::Str(name.as_str().to_string()));
                            self.expr(&k.value)?;
                            self.emit(Op::BuildMap(1));
                            self.emit(Op::DictMerge(1));
                        }
                        Some(name) => {
                            self.load_const(Const::Str(name.as_str().to_string()));
                            self.expr(&k.value)?;
                            self.emit(Op::MapAdd(1));
                        }
                        None => {
                            after_dstar = true;
                            self.expr(&k.value)?;
                            self.emit(Op::DictMerge(1));
                        }
                    }
                }
                self.emit(Op::CallEx(1));
            }
            return Ok(());
        }
        for arg in &args.args {
            self.expr(arg)?;
        }
        let total = super::to_u32(args.args.len() + args.keywords.len());
        if args.keywords.is_empty() {
            self.emit(Op::Call(total));
        } else {
            let mut names = Vec::new();
            for k in &args.keywords {
                self.expr(&k.value)?;
                names.push(Const::Str(
                    k.arg.as_ref().map_or("", |a| a.as_str()).to_string(),
                ));
            }
            self.load_const(Const::Tuple(names));
            self.emit(Op::CallKw(total));
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        node: &'src Expr,
        kind: CompKind,
        generators: &'src [ast::Comprehension],
        elt: &'src Expr,
        value: Option<&'src Expr>,
    ) -> Result<(), CompileError> {
        let Some(first) = generators.first() else {
            return Err(self.error_at(node, "comprehension without generators"));
        };
        let Some(scope) = self.scopes.scope_of(node) else {
            return Err(CompileError::syntax(
                "internal: comprehension scope missing",
            ));
        };
        let is_async = self
            .scopes
            .scopes
            .get(scope)
            .is_some_and(|s| s.is_coroutine);
        // An awaited (list/set/dict) comprehension needs an awaiting scope; an async
        // generator expression does not (CPython's compiler_comprehension).
        if is_async && kind != CompKind::Gen {
            let ok = match self.unit_ref().kind {
                super::scope::ScopeKind::Comprehension => true,
                super::scope::ScopeKind::Function => self.current_scope().is_coroutine,
                _ => false,
            };
            if !ok {
                return Err(self.error_at(
                    node,
                    "asynchronous comprehension outside of an asynchronous function",
                ));
            }
        }
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let qualname = self.qualname_for(name);
        let (line, _) = self.line_col(node);
        self.push_unit(scope, name.to_string(), qualname, line);
        self.unit().argcount = 1;
        match kind {
            CompKind::List => self.emit(Op::BuildList(0)),
            CompKind::Set => self.emit(Op::BuildSet(0)),
            CompKind::Dict => self.emit(Op::BuildMap(0)),
            CompKind::Gen => {}
        }
        self.comp_generator(generators, 0, kind, elt, value)?;
        if kind == CompKind::Gen {
            self.emit(Op::LoadNone);
        }
        self.emit(Op::ReturnValue);
        let code = self.pop_unit()?;
        let has_closure = !code.freevars.is_empty();
        self.emit_closure(&code.freevars)?;
        self.load_const(Const::Code(std::sync::Arc::new(code)));
        self.emit(Op::MakeFunction(if has_closure { 4 } else { 0 }));
        self.expr(&first.iter)?;
        self.emit(if first.is_async {
            Op::GetAiter
        } else {
            Op::GetIter
        });
        self.emit(Op::Call(1));
        if is_async && kind != CompKind::Gen {
            self.emit_await(0);
        }
        Ok(())
    }

    fn comp_generator(
        &mut self,
        generators: &'src [ast::Comprehension],
        i: usize,
        kind: CompKind,
        elt: &'src Expr,
        value: Option<&'src Expr>,
    ) -> Result<(), CompileError> {
        let Some(g) = generators.get(i) else {
            return Ok(());
        };
        if i == 0 {
            self.emit(Op::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            self.emit(if g.is_async {
                Op::GetAiter
            } else {
                Op::GetIter
            });
        }
        let top = self.new_label();
        let end = self.new_label();
        self.bind_label(top);
        if g.is_async {
            // The iterators of this and the enclosing loops (and the result being built)
            // stay on the stack when StopAsyncIteration ends this loop.
            let built = u32::from(kind != CompKind::Gen);
            let saved = self.unit_ref().block_depth;
            self.unit().block_depth = built + super::to_u32(i + 1);
            self.push_handler(end);
            self.unit().block_depth = saved;
            self.emit(Op::GetAnext);
            self.emit(Op::LoadNone);
            self.emit_yield_from_loop();
            self.pop_handler();
        } else {
            self.emit_jump(Op::ForIter, end);
        }
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.cond_jump(cond, false, top)?;
        }
        if i + 1 < generators.len() {
            self.enter_depth()?;
            self.comp_generator(generators, i + 1, kind, elt, value)?;
            self.leave_depth();
        } else {
            let depth = super::to_u32(i + 2);
            match (kind, value) {
                (CompKind::Dict, Some(v)) => {
                    self.expr(elt)?;
                    self.expr(v)?;
                    self.emit(Op::MapAdd(depth));
                }
                (CompKind::Set, _) => {
                    self.expr(elt)?;
                    self.emit(Op::SetAdd(depth));
                }
                (CompKind::Gen, _) => {
                    self.expr(elt)?;
                    if self.current_scope().is_coroutine {
                        self.emit(Op::YieldAsyncGen);
                    } else {
                        self.emit(Op::YieldValue);
                    }
                    self.emit(Op::Pop);
                }
                _ => {
                    self.expr(elt)?;
                    self.emit(Op::ListAppend(depth));
                }
            }
        }
        self.emit_jump(Op::Jump, top);
        self.bind_label(end);
        if g.is_async {
            self.emit(Op::EndAsyncFor);
        }
        Ok(())
    }

    fn fstring(&mut self, f: &'src ast::ExprFString) -> Result<(), CompileError> {
        let mut parts = 0u32;
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => {
                    self.load_const(Const::Str(s.value.to_string()));
                    parts += 1;
                }
                ast::FStringPart::FString(fs) => {
                    parts += self.fstring_elements(&fs.elements)?;
                }
            }
        }
        if parts != 1 {
            self.emit(Op::BuildString(parts));
        }
        Ok(())
    }

    /// Emit the parts of f-string elements; returns how many values were pushed.
    fn fstring_elements(
        &mut self,
        elements: &'src ast::InterpolatedStringElements,
    ) -> Result<u32, CompileError> {
        let mut parts = 0u32;
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    self.load_const(Const::Str(l.value.to_string()));
                    parts += 1;
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => 0,
                        ast::ConversionFlag::Str => 1,
                        ast::ConversionFlag::Repr => 2,
                        ast::ConversionFlag::Ascii => 3,
                    };
                    if let Some(d) = &i.debug_text {
                        let text = format!(
                            "{}{}{}",
                            d.leading(),
                            self.source_of(&*i.expression),
                            d.trailing()
                        );
                        self.load_const(Const::Str(text));
                        parts += 1;
                        if conv == 0 && i.format_spec.is_none() {
                            conv = 2;
                        }
                    }
                    self.expr(&i.expression)?;
                    if let Some(spec) = &i.format_spec {
                        let n = self.fstring_elements(&spec.elements)?;
                        if n != 1 {
                            self.emit(Op::BuildString(n));
                        }
                        conv |= 4;
                    }
                    self.emit(Op::FormatValue(conv));
                    parts += 1;
                }
            }
        }
        Ok(parts)
    }
}

fn cmp_op(op: ast::CmpOp) -> Op {
    match op {
        ast::CmpOp::Eq => Op::Compare(CmpOp::Eq),
        ast::CmpOp::NotEq => Op::Compare(CmpOp::Ne),
        ast::CmpOp::Lt => Op::Compare(CmpOp::Lt),
        ast::CmpOp::LtE => Op::Compare(CmpOp::Le),
        ast::CmpOp::Gt => Op::Compare(CmpOp::Gt),
        ast::CmpOp::GtE => Op::Compare(CmpOp::Ge),
        ast::CmpOp::Is => Op::Is(false),
        ast::CmpOp::IsNot => Op::Is(true),
        ast::CmpOp::In => Op::In(false),
        ast::CmpOp::NotIn => Op::In(true),
    }
}

/// The digit count of a decimal int literal past CPython's 4300-digit conversion limit.
fn oversized_decimal(n: &ast::Number) -> Option<usize> {
    let ast::Number::Int(i) = n else { return None };
    if i.as_u64().is_some() {
        return None;
    }
    let text = i.to_string();
    if radix_prefix(&text).is_some() {
        return None;
    }
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    (digits > crate::types::int::MAX_STR_DIGITS).then_some(digits)
}

/// CPython's compile-time error for a too-long decimal literal.
fn huge_literal_message(digits: usize) -> String {
    format!(
        "{} - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
        crate::types::int::too_many_digits_from_str(digits)
    )
}

/// The radix of a `0x`/`0o`/`0b` literal's text.
fn radix_prefix(text: &str) -> Option<u32> {
    let b = text.as_bytes();
    match (b.first(), b.get(1).map(u8::to_ascii_lowercase)) {
        (Some(b'0'), Some(b'x')) => Some(16),
        (Some(b'0'), Some(b'o')) => Some(8),
        (Some(b'0'), Some(b'b')) => Some(2),
        _ => None,
    }
}

/// A big int literal's constant: decimal digits, or `0x`/`0o`/`0b` and digits without
/// underscores (parsed with its radix when loaded). None past the decimal digit limit.
fn big_literal(text: &str, negative: bool) -> Option<Const> {
    let sign = if negative { "-" } else { "" };
    let body = match radix_prefix(text) {
        Some(_) => {
            let (prefix, digits) = text.split_at(2);
            let digits: String = digits.chars().filter(|&c| c != '_').collect();
            format!("{sign}{prefix}{digits}")
        }
        None => {
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            if digits.len() > crate::types::int::MAX_STR_DIGITS {
                return None;
            }
            format!("{sign}{digits}")
        }
    };
    Some(Const::BigInt(body))
}

fn number_const(n: &ast::Number) -> Option<Const> {
    match n {
        ast::Number::Int(i) => match i.as_i64() {
            Some(v) => Some(Const::Int(v)),
            None => big_literal(&i.to_string(), false),
        },
        ast::Number::Float(f) => Some(Const::Float(*f)),
        ast::Number::Complex { imag, .. } => Some(Const::Imag(*imag)),
    }
}

fn negated_number(n: &ast::Number) -> Option<Const> {
    match n {
        ast::Number::Int(i) => match i.as_i64().and_then(i64::checked_neg) {
            Some(v) => Some(Const::Int(v)),
            None => {
                // `-9223372036854775808` fits i64 although its magnitude does not.
                if i.as_u64() == Some(1u64 << 63) {
                    Some(Const::Int(i64::MIN))
                } else {
                    big_literal(&i.to_string(), true)
                }
            }
        },
        ast::Number::Float(f) => Some(Const::Float(-f)),
        // `-1j` is `(-0-1j)`, which an imaginary constant cannot hold: negate at run time.
        ast::Number::Complex { .. } => None,
    }
}

/// A tuple display of literals only, folded into one constant.
fn const_tuple(elts: &[Expr]) -> Option<Const> {
    const_elts(elts).map(Const::Tuple)
}

/// The constant values of a display of literals only (negated numbers included).
fn const_elts(elts: &[Expr]) -> Option<Vec<Const>> {
    let mut out = Vec::with_capacity(elts.len());
    for e in elts {
        out.push(match e {
            Expr::NumberLiteral(n) => number_const(&n.value)?,
            Expr::StringLiteral(s) => Const::Str(s.value.iter().map(|p| &*p.value).collect()),
            Expr::BooleanLiteral(b) => Const::Bool(b.value),
            Expr::NoneLiteral(_) => Const::None,
            Expr::UnaryOp(u) => match (u.op, &*u.operand) {
                (ast::UnaryOp::USub, Expr::NumberLiteral(n)) => negated_number(&n.value)?,
                _ => return None,
            },
            _ => return None,
        });
    }
    Some(out)
}
