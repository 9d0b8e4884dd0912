//! `match` statements: each case copies the subject, runs the pattern's tests and captures,
//! and on failure jumps into a chain of `Pop`s that unwinds exactly the values the pattern
//! had pushed (CPython's fail_pop technique).

use ruff_python_ast::{self as ast, Pattern};

use super::{CompileError, Compiler, Label};
use crate::bytecode::{CmpOp, Const, Op};

impl<'src> Compiler<'src> {
    pub(super) fn match_statement(&mut self, m: &'src ast::StmtMatch) -> Result<(), CompileError> {
        let end = self.new_label();
        self.expr(&m.subject)?;
        for case in &m.cases {
            self.set_line(case);
            self.emit(Op::Dup);
            let mut fails: Vec<Label> = vec![self.new_label()];
            self.pattern(&case.pattern, 0, &mut fails)?;
            if let Some(g) = &case.guard {
                let f0 = fails[0];
                self.cond_jump(g, false, f0)?;
            }
            self.emit(Op::Pop);
            self.body(&case.body)?;
            self.emit_jump(Op::Jump, end);
            // The fail chain: label k pops k values, then falls through to label k-1.
            for k in (1..fails.len()).rev() {
                self.bind_label(fails[k]);
                self.emit(Op::Pop);
            }
            self.bind_label(fails[0]);
        }
        self.emit(Op::Pop);
        self.bind_label(end);
        Ok(())
    }

    /// The label that pops `n` values and fails the case.
    fn fail_label(&mut self, n: usize, fails: &mut Vec<Label>) -> Label {
        while fails.len() <= n {
            let l = self.new_label();
            fails.push(l);
        }
        fails[n]
    }

    /// Match the value on top of the stack (consuming it). `depth` values below it belong to
    /// enclosing patterns and must be popped on failure too.
    fn pattern(
        &mut self,
        p: &'src Pattern,
        depth: usize,
        fails: &mut Vec<Label>,
    ) -> Result<(), CompileError> {
        self.enter_depth()?;
        let r = self.pattern_inner(p, depth, fails);
        self.leave_depth();
        r
    }

    fn pattern_inner(
        &mut self,
        p: &'src Pattern,
        depth: usize,
        fails: &mut Vec<Label>,
    ) -> Result<(), CompileError> {
        match p {
            Pattern::MatchAs(a) => match (&a.pattern, &a.name) {
                (None, None) => self.emit(Op::Pop),
                (None, Some(n)) => self.store_name(n.as_str()),
                (Some(inner), name) => {
                    if let Some(n) = name {
                        self.emit(Op::Dup);
                        self.pattern(inner, depth + 1, fails)?;
                        self.store_name(n.as_str());
                    } else {
                        self.pattern(inner, depth, fails)?;
                    }
                }
            },
            Pattern::MatchValue(v) => {
                self.expr(&v.value)?;
                self.emit(Op::Compare(CmpOp::Eq));
                let f = self.fail_label(depth, fails);
                self.emit_jump(Op::JumpIfFalse, f);
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Const::None,
                    ast::Singleton::True => Const::Bool(true),
                    ast::Singleton::False => Const::Bool(false),
                });
                self.emit(Op::Is(false));
                let f = self.fail_label(depth, fails);
                self.emit_jump(Op::JumpIfFalse, f);
            }
            Pattern::MatchSequence(s) => {
                let star = s
                    .patterns
                    .iter()
                    .position(|q| matches!(q, Pattern::MatchStar(_)));
                if s.patterns
                    .iter()
                    .filter(|q| matches!(q, Pattern::MatchStar(_)))
                    .count()
                    > 1
                {
                    return Err(self.error_at(s, "multiple starred names in sequence pattern"));
                }
                let n = s.patterns.len() - usize::from(star.is_some());
                self.emit(Op::MatchSequence(super::to_u32(n), star.is_some()));
                let f = self.fail_label(depth + 1, fails);
                self.emit_jump(Op::JumpIfFalse, f);
                match star {
                    None => self.emit(Op::UnpackSequence(super::to_u32(n))),
                    Some(i) => {
                        let after = s.patterns.len() - i - 1;
                        self.emit(Op::UnpackEx(
                            super::to_u32(i) | (super::to_u32(after) << 16),
                        ));
                    }
                }
                let total = s.patterns.len();
                for (k, q) in s.patterns.iter().enumerate() {
                    let below = depth + (total - k - 1);
                    match q {
                        Pattern::MatchStar(st) => match &st.name {
                            Some(name) => self.store_name(name.as_str()),
                            None => self.emit(Op::Pop),
                        },
                        _ => self.pattern(q, below, fails)?,
                    }
                }
            }
            Pattern::MatchMapping(m) => {
                self.emit(Op::MatchMapping);
                let f = self.fail_label(depth + 1, fails);
                self.emit_jump(Op::JumpIfFalse, f);
                for k in &m.keys {
                    self.expr(k)?;
                }
                self.emit(Op::BuildTuple(super::to_u32(m.keys.len())));
                self.emit(Op::MatchKeys);
                self.emit(Op::Dup);
                self.emit(Op::LoadNone);
                self.emit(Op::Is(true));
                let f = self.fail_label(depth + 3, fails);
                self.emit_jump(Op::JumpIfFalse, f);
                let n = m.patterns.len();
                self.emit(Op::UnpackSequence(super::to_u32(n)));
                for (k, q) in m.patterns.iter().enumerate() {
                    self.pattern(q, depth + 2 + (n - k - 1), fails)?;
                }
                match &m.rest {
                    Some(r) => {
                        self.emit(Op::DictWithoutKeys);
                        self.store_name(r.as_str());
                    }
                    None => {
                        self.emit(Op::Pop);
                        self.emit(Op::Pop);
                    }
                }
            }
            Pattern::MatchClass(c) => {
                self.expr(&c.cls)?;
                let names: Vec<Const> = c
                    .arguments
                    .keywords
                    .iter()
                    .map(|k| Const::Str(k.attr.as_str().to_string()))
                    .collect();
                self.load_const(Const::Tuple(names));
                let npos = c.arguments.patterns.len();
                self.emit(Op::MatchClass(super::to_u32(npos)));
                self.emit(Op::Dup);
                self.emit(Op::LoadNone);
                self.emit(Op::Is(true));
                let f = self.fail_label(depth + 1, fails);
                self.emit_jump(Op::JumpIfFalse, f);
                let total = npos + c.arguments.keywords.len();
                self.emit(Op::UnpackSequence(super::to_u32(total)));
                let subs = c
                    .arguments
                    .patterns
                    .iter()
                    .chain(c.arguments.keywords.iter().map(|k| &k.pattern));
                for (k, q) in subs.enumerate() {
                    self.pattern(q, depth + (total - k - 1), fails)?;
                }
            }
            Pattern::MatchStar(_) => return Err(self.error_at(p, "can't use starred name here")),
            Pattern::MatchOr(o) => {
                let ok = self.new_label();
                for alt in &o.patterns {
                    let mut alt_fails: Vec<Label> = vec![self.new_label()];
                    self.emit(Op::Dup);
                    self.pattern(alt, 0, &mut alt_fails)?;
                    self.emit(Op::Pop);
                    self.emit_jump(Op::Jump, ok);
                    for k in (1..alt_fails.len()).rev() {
                        self.bind_label(alt_fails[k]);
                        self.emit(Op::Pop);
                    }
                    self.bind_label(alt_fails[0]);
                }
                let f = self.fail_label(depth + 1, fails);
                self.emit_jump(Op::Jump, f);
                self.bind_label(ok);
            }
        }
        Ok(())
    }
}
