//! Scope analysis: which names are locals, cells, free variables or globals in each scope.
//!
//! A first pass records, per function/class/comprehension scope, the names it binds, uses and
//! declares `global`/`nonlocal`. Resolution then follows CPython's symtable rules: a name bound
//! in a function is local; a name used but not bound is free when an enclosing function binds
//! it (class scopes are skipped), else global. Scopes are keyed by the address of their AST node.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};

use ruff_text_size::Ranged;

use super::{CompileError, LineIndex};

/// The deepest AST nesting the compiler accepts. CPython 3.11 refuses a few thousand levels
/// ("maximum recursion depth exceeded during compilation"); this keeps Rust recursion in the
/// compiler and the AST's drop well inside a 8 MB stack.
pub const MAX_AST_DEPTH: usize = 1500;

/// What kind of code a scope compiles to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// The module body.
    Module,
    /// A function or lambda.
    Function,
    /// A class body.
    Class,
    /// A comprehension or generator expression body.
    Comprehension,
}

/// How a name is accessed in a scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// A fast local slot.
    Local(u32),
    /// A cell slot (own cell or free variable).
    Deref(u32),
    /// A module global.
    Global,
    /// A class-body name (namespace, then globals, then builtins).
    Name,
}

/// A source range: 1-based (line, byte column) of its start and end.
type Span = ((u32, u32), (u32, u32));

/// One analysed scope.
#[derive(Debug)]
pub struct Scope {
    /// Kind of scope.
    pub kind: ScopeKind,
    /// Index of the enclosing scope.
    pub parent: Option<usize>,
    /// Parameter names, in slot order.
    pub params: Vec<String>,
    bound: Vec<String>,
    bound_set: HashSet<String>,
    used: HashSet<String>,
    globals: HashSet<String>,
    nonlocals: HashSet<String>,
    /// Where each name was first declared `nonlocal` (start and end line and column).
    nonlocal_at: HashMap<String, Span>,
    /// Names annotated in this scope (`x: int`), which cannot be declared global later.
    annotated: HashSet<String>,
    /// Local slot names (params first).
    pub varnames: Vec<String>,
    /// Own cells.
    pub cellvars: Vec<String>,
    /// Free variables.
    pub freevars: Vec<String>,
    /// Whether the scope contains `yield`.
    pub is_generator: bool,
    /// An `async def`, or a comprehension that awaits (`async for`, `await`, or an inner
    /// asynchronous comprehension): its code is a coroutine (an async generator with `yield`).
    pub is_coroutine: bool,
    /// Whether the scope's own code awaits (explicitly or an inner async comprehension).
    awaits: bool,
    /// Whether the body uses `super` or `__class__` (needs the class cell).
    pub uses_class_cell: bool,
}

impl Scope {
    fn new(kind: ScopeKind, parent: Option<usize>) -> Scope {
        Scope {
            kind,
            parent,
            params: Vec::new(),
            bound: Vec::new(),
            bound_set: HashSet::new(),
            used: HashSet::new(),
            globals: HashSet::new(),
            nonlocals: HashSet::new(),
            nonlocal_at: HashMap::new(),
            annotated: HashSet::new(),
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            awaits: false,
            uses_class_cell: false,
        }
    }

    fn bind(&mut self, name: &str) {
        if self.bound_set.insert(name.to_string()) {
            self.bound.push(name.to_string());
        }
    }

    /// How `name` is accessed in this scope.
    pub fn access(&self, name: &str) -> Access {
        if let Some(i) = self.cellvars.iter().position(|n| n == name) {
            return Access::Deref(idx(i));
        }
        if let Some(i) = self.freevars.iter().position(|n| n == name) {
            return Access::Deref(idx(self.cellvars.len() + i));
        }
        match self.kind {
            ScopeKind::Module => Access::Global,
            ScopeKind::Class => {
                if self.globals.contains(name) {
                    Access::Global
                } else {
                    Access::Name
                }
            }
            ScopeKind::Function | ScopeKind::Comprehension => {
                if let Some(i) = self.varnames.iter().position(|n| n == name) {
                    Access::Local(idx(i))
                } else {
                    Access::Global
                }
            }
        }
    }
}

fn idx(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// All scopes of a module, and the AST node each belongs to.
pub struct ScopeTable {
    /// The scopes; index 0 is the module.
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    /// The mangled names that `def` and `class` statements inside classes bind.
    def_names: super::DefNames,
}

impl ScopeTable {
    /// The name a `def` or `class` statement binds: its own, or its mangled form inside a
    /// class.
    pub fn binding_name<'n, T>(&'n self, node: &T, name: &'n str) -> &'n str {
        self.def_names
            .get(&node_key(node))
            .map_or(name, String::as_str)
    }

    /// The scope index of a function, lambda, class or comprehension node.
    pub fn scope_of<T>(&self, node: &T) -> Option<usize> {
        self.by_node.get(&node_key(node)).copied()
    }
}

fn node_key<T>(node: &T) -> usize {
    std::ptr::from_ref(node) as usize
}

/// Analyse a module body.
pub fn analyse(
    body: &[Stmt],
    def_names: super::DefNames,
    lines: &LineIndex,
) -> Result<ScopeTable, CompileError> {
    let mut b = Builder {
        lines,
        table: ScopeTable {
            scopes: vec![Scope::new(ScopeKind::Module, None)],
            by_node: HashMap::new(),
            def_names,
        },
        current: 0,
        depth: 0,
        error: None,
    };
    for s in body {
        b.visit_stmt(s);
    }
    if let Some(e) = b.error {
        return Err(e);
    }
    resolve(&mut b.table)?;
    Ok(b.table)
}

struct Builder<'l> {
    lines: &'l LineIndex,
    table: ScopeTable,
    current: usize,
    depth: usize,
    error: Option<CompileError>,
}

impl Builder<'_> {
    fn scope(&mut self) -> &mut Scope {
        // `current` always indexes an existing scope (the module scope is index 0).
        let i = if self.current < self.table.scopes.len() {
            self.current
        } else {
            0
        };
        &mut self.table.scopes[i]
    }

    fn enter<T>(&mut self, kind: ScopeKind, node: &T) -> usize {
        let parent = self.current;
        self.table.scopes.push(Scope::new(kind, Some(parent)));
        let id = self.table.scopes.len() - 1;
        self.table.by_node.insert(node_key(node), id);
        self.current = id;
        parent
    }

    fn bind(&mut self, name: &str) {
        self.scope().bind(name);
    }

    fn use_name(&mut self, name: &str) {
        self.scope().used.insert(name.to_string());
    }

    fn bind_target(&mut self, target: &Expr) {
        match target {
            Expr::Name(n) => self.bind(n.id.as_str()),
            Expr::Tuple(t) => t.elts.iter().for_each(|e| self.bind_target(e)),
            Expr::List(l) => l.elts.iter().for_each(|e| self.bind_target(e)),
            Expr::Starred(s) => self.bind_target(&s.value),
            _ => self.visit_expr(target),
        }
        // Sub-expressions of attribute/subscript targets are uses.
        if let Expr::Attribute(_) | Expr::Subscript(_) = target {
        } else {
            self.walk_target_subexprs(target);
        }
    }

    fn walk_target_subexprs(&mut self, target: &Expr) {
        match target {
            Expr::Tuple(t) => t.elts.iter().for_each(|e| self.walk_target_subexprs(e)),
            Expr::List(l) => l.elts.iter().for_each(|e| self.walk_target_subexprs(e)),
            Expr::Starred(s) => self.walk_target_subexprs(&s.value),
            Expr::Attribute(_) | Expr::Subscript(_) => self.visit_expr(target),
            _ => {}
        }
    }

    fn parameters(&mut self, params: &ast::Parameters) {
        let s = self.scope();
        for p in params.posonlyargs.iter().chain(params.args.iter()) {
            s.params.push(p.parameter.name.as_str().to_string());
        }
        // CPython's slot order: positional, keyword-only, then *args and **kwargs.
        for p in &params.kwonlyargs {
            s.params.push(p.parameter.name.as_str().to_string());
        }
        if let Some(v) = &params.vararg {
            s.params.push(v.name.as_str().to_string());
        }
        if let Some(k) = &params.kwarg {
            s.params.push(k.name.as_str().to_string());
        }
        let names = s.params.clone();
        for n in names {
            self.bind(&n);
        }
    }

    /// Visit defaults and annotations of a function in the enclosing scope.
    fn parameter_defaults(&mut self, params: &ast::Parameters) {
        for p in params
            .posonlyargs
            .iter()
            .chain(params.args.iter())
            .chain(params.kwonlyargs.iter())
        {
            if let Some(d) = &p.default {
                self.visit_expr(d);
            }
        }
    }

    fn comprehension(&mut self, node: &Expr, generators: &[ast::Comprehension], elts: &[&Expr]) {
        // The first iterable is evaluated in the enclosing scope.
        if let Some(first) = generators.first() {
            self.visit_expr(&first.iter);
        }
        let parent = self.enter(ScopeKind::Comprehension, node);
        self.scope().params.push(".0".to_string());
        self.bind(".0");
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.visit_expr(&g.iter);
            }
            self.bind_target(&g.target);
            for cond in &g.ifs {
                self.visit_expr(cond);
            }
        }
        for e in elts {
            self.visit_expr(e);
        }
        let is_genexp = matches!(node, Expr::Generator(_));
        if is_genexp {
            self.scope().is_generator = true;
        }
        // CPython's symtable: `async for` or an await makes the comprehension a coroutine,
        // and the enclosing code awaits a list/set/dict comprehension's result.
        let is_async = generators.iter().any(|g| g.is_async) || self.scope().awaits;
        self.scope().is_coroutine = is_async;
        self.current = parent;
        if is_async && !is_genexp {
            self.scope().awaits = true;
        }
    }

    /// Whether `name` is an iteration variable of the comprehensions around the current
    /// point (symtable.c `symtable_extend_namedexpr_scope`).
    fn rebinds_iteration_variable(&self, name: &str) -> bool {
        let mut i = self.current;
        while let Some(s) = self.table.scopes.get(i) {
            if s.kind != ScopeKind::Comprehension {
                return false;
            }
            if s.bound_set.contains(name) {
                return true;
            }
            match s.parent {
                Some(p) => i = p,
                None => return false,
            }
        }
        false
    }

    /// A walrus target binds in the nearest enclosing non-comprehension scope.
    fn bind_walrus(&mut self, name: &str) {
        let mut i = self.current;
        while let Some(s) = self.table.scopes.get(i) {
            if s.kind != ScopeKind::Comprehension {
                break;
            }
            if let Some(p) = s.parent {
                i = p;
            } else {
                break;
            }
        }
        if i == self.current {
            self.bind(name);
            return;
        }
        // A target declared `global` in the enclosing function stays global (CPython's
        // symtable_extend_namedexpr_scope checks the enclosing scope's DEF_GLOBAL).
        let global = self
            .table
            .scopes
            .get(i)
            .is_some_and(|s| s.kind == ScopeKind::Module || s.globals.contains(name));
        if let Some(s) = self.table.scopes.get_mut(i) {
            s.bind(name);
        }
        // In every comprehension between, the name is nonlocal (or global).
        let mut j = self.current;
        while j != i {
            if let Some(s) = self.table.scopes.get_mut(j) {
                if global {
                    s.globals.insert(name.to_string());
                } else {
                    s.nonlocals.insert(name.to_string());
                }
                s.used.insert(name.to_string());
                j = s.parent.unwrap_or(i);
            } else {
                break;
            }
        }
    }

    fn span<T: Ranged>(&self, node: &T) -> Span {
        (
            self.lines.locate(node.start()),
            self.lines.locate(node.end()),
        )
    }

    /// Record the first error, at `span`, as CPython's symtable raises it.
    fn fail_at(&mut self, (start, end): Span, msg: String) {
        if self.error.is_none() {
            self.error = Some(CompileError::syntax(msg).span(start, end).from_symtable());
        }
    }

    fn fail<T: Ranged>(&mut self, node: &T, msg: String) {
        let span = self.span(node);
        self.fail_at(span, msg);
    }

    /// CPython's symtable checks of a `global`/`nonlocal` declaration against what the
    /// scope did with the name before it (symtable.c `symtable_visit_stmt`).
    fn check_declaration(&mut self, s: &Stmt, name: &str, what: &str) {
        let sc = self.scope();
        if let Some(&at) = sc.nonlocal_at.get(name).filter(|_| what == "global") {
            self.fail_at(at, format!("name '{name}' is nonlocal and global"));
            return;
        }
        let msg = if sc.params.iter().any(|p| p == name) {
            format!("name '{name}' is parameter and {what}")
        } else if what == "nonlocal" && sc.globals.contains(name) {
            format!("name '{name}' is nonlocal and global")
        } else if sc.used.contains(name) {
            format!("name '{name}' is used prior to {what} declaration")
        } else if sc.annotated.contains(name) {
            format!("annotated name '{name}' can't be {what}")
        } else if sc.bound_set.contains(name) {
            format!("name '{name}' is assigned to before {what} declaration")
        } else {
            return;
        };
        self.fail(s, msg);
    }

    fn too_deep(&mut self) -> bool {
        if self.depth > MAX_AST_DEPTH {
            if self.error.is_none() {
                self.error = Some(CompileError::too_deep());
            }
            true
        } else {
            false
        }
    }
}

impl<'a> Visitor<'a> for Builder<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        self.depth += 1;
        if self.too_deep() {
            self.depth -= 1;
            return;
        }
        match stmt {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression);
                }
                self.parameter_defaults(&f.parameters);
                let name = self.table.binding_name(f, f.name.as_str()).to_string();
                self.bind(&name);
                let parent = self.enter(ScopeKind::Function, f);
                self.scope().is_coroutine = f.is_async;
                self.parameters(&f.parameters);
                for s in &f.body {
                    self.visit_stmt(s);
                }
                self.current = parent;
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression);
                }
                if let Some(args) = &c.arguments {
                    self.visit_arguments(args);
                }
                let name = self.table.binding_name(c, c.name.as_str()).to_string();
                self.bind(&name);
                let parent = self.enter(ScopeKind::Class, c);
                for s in &c.body {
                    self.visit_stmt(s);
                }
                self.current = parent;
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.check_declaration(stmt, n.as_str(), "global");
                    self.scope().globals.insert(n.as_str().to_string());
                }
            }
            Stmt::Nonlocal(g) => {
                let span = self.span(stmt);
                for n in &g.names {
                    self.check_declaration(stmt, n.as_str(), "nonlocal");
                    let sc = self.scope();
                    sc.nonlocal_at.entry(n.as_str().to_string()).or_insert(span);
                    sc.nonlocals.insert(n.as_str().to_string());
                }
                // Checked after the declaration's own checks, as symtable.c's analyze_name.
                if self.scope().kind == ScopeKind::Module {
                    self.fail(
                        stmt,
                        "nonlocal declaration not allowed at module level".into(),
                    );
                }
            }
            Stmt::Assign(a) => {
                self.visit_expr(&a.value);
                for t in &a.targets {
                    self.bind_target(t);
                }
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.value);
                if let Expr::Name(n) = &*a.target {
                    self.use_name(n.id.as_str());
                }
                self.bind_target(&a.target);
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    self.scope().annotated.insert(n.id.as_str().to_string());
                }
                // Class bodies evaluate simple-name annotations into `__annotations__`.
                if self.scope().kind == ScopeKind::Class && a.simple {
                    self.visit_expr(&a.annotation);
                }
                if let Some(v) = &a.value {
                    self.visit_expr(v);
                    self.bind_target(&a.target);
                } else if let Expr::Name(n) = &*a.target {
                    // A bare annotation still makes the name local in a function.
                    if self.scope().kind == ScopeKind::Function {
                        self.bind(n.id.as_str());
                    }
                }
            }
            Stmt::For(f) => {
                self.visit_expr(&f.iter);
                self.bind_target(&f.target);
                f.body.iter().for_each(|s| self.visit_stmt(s));
                f.orelse.iter().for_each(|s| self.visit_stmt(s));
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr);
                    if let Some(v) = &item.optional_vars {
                        self.bind_target(v);
                    }
                }
                w.body.iter().for_each(|s| self.visit_stmt(s));
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.bind_target(t);
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let name = match &a.asname {
                        Some(n) => n.as_str().to_string(),
                        None => a.name.as_str().split('.').next().unwrap_or("").to_string(),
                    };
                    self.bind(&name);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    let name = a.asname.as_ref().unwrap_or(&a.name).as_str().to_string();
                    if name != "*" {
                        self.bind(&name);
                    } else if self.scope().kind != ScopeKind::Module {
                        self.fail(a, "import * only allowed at module level".into());
                    }
                }
            }
            Stmt::Try(t) => {
                t.body.iter().for_each(|s| self.visit_stmt(s));
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty);
                    }
                    if let Some(n) = &h.name {
                        self.bind(n.as_str());
                    }
                    h.body.iter().for_each(|s| self.visit_stmt(s));
                }
                t.orelse.iter().for_each(|s| self.visit_stmt(s));
                t.finalbody.iter().for_each(|s| self.visit_stmt(s));
            }
            Stmt::Match(m) => {
                self.visit_expr(&m.subject);
                for case in &m.cases {
                    self.pattern(&case.pattern);
                    if let Some(g) = &case.guard {
                        self.visit_expr(g);
                    }
                    case.body.iter().for_each(|s| self.visit_stmt(s));
                }
            }
            _ => visitor::walk_stmt(self, stmt),
        }
        self.depth -= 1;
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        self.depth += 1;
        if self.too_deep() {
            self.depth -= 1;
            return;
        }
        match expr {
            Expr::Name(n) => {
                let name = n.id.as_str();
                if matches!(n.ctx, ast::ExprContext::Store | ast::ExprContext::Del) {
                    self.bind(name);
                } else {
                    self.use_name(name);
                    if name == "super" || name == "__class__" {
                        self.scope().uses_class_cell = true;
                    }
                }
            }
            Expr::Named(n) => {
                self.visit_expr(&n.value);
                if let Expr::Name(t) = &*n.target {
                    if self.rebinds_iteration_variable(t.id.as_str()) {
                        self.fail(
                            &*n.target,
                            format!(
                                "assignment expression cannot rebind comprehension iteration variable '{}'",
                                t.id
                            ),
                        );
                    }
                    self.bind_walrus(t.id.as_str());
                }
            }
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.parameter_defaults(p);
                }
                let parent = self.enter(ScopeKind::Function, l);
                if let Some(p) = &l.parameters {
                    self.parameters(p);
                }
                self.visit_expr(&l.body);
                self.current = parent;
            }
            Expr::ListComp(c) => self.comprehension(expr, &c.generators, &[&c.elt]),
            Expr::SetComp(c) => self.comprehension(expr, &c.generators, &[&c.elt]),
            Expr::Generator(c) => self.comprehension(expr, &c.generators, &[&c.elt]),
            Expr::DictComp(c) => match c.key.as_deref() {
                Some(k) => self.comprehension(expr, &c.generators, &[k, &c.value]),
                None => self.comprehension(expr, &c.generators, &[&c.value]),
            },
            Expr::Yield(_) | Expr::YieldFrom(_) => {
                self.scope().is_generator = true;
                visitor::walk_expr(self, expr);
            }
            Expr::Await(_) => {
                self.scope().awaits = true;
                visitor::walk_expr(self, expr);
            }
            _ => visitor::walk_expr(self, expr),
        }
        self.depth -= 1;
    }
}

impl Builder<'_> {
    fn pattern(&mut self, p: &ast::Pattern) {
        self.depth += 1;
        if self.too_deep() {
            self.depth -= 1;
            return;
        }
        match p {
            ast::Pattern::MatchValue(v) => self.visit_expr(&v.value),
            ast::Pattern::MatchSingleton(_) => {}
            ast::Pattern::MatchSequence(s) => s.patterns.iter().for_each(|q| self.pattern(q)),
            ast::Pattern::MatchMapping(m) => {
                m.keys.iter().for_each(|k| self.visit_expr(k));
                m.patterns.iter().for_each(|q| self.pattern(q));
                if let Some(r) = &m.rest {
                    self.bind(r.as_str());
                }
            }
            ast::Pattern::MatchClass(c) => {
                self.visit_expr(&c.cls);
                c.arguments.patterns.iter().for_each(|q| self.pattern(q));
                c.arguments
                    .keywords
                    .iter()
                    .for_each(|k| self.pattern(&k.pattern));
            }
            ast::Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.bind(n.as_str());
                }
            }
            ast::Pattern::MatchAs(a) => {
                if let Some(q) = &a.pattern {
                    self.pattern(q);
                }
                if let Some(n) = &a.name {
                    self.bind(n.as_str());
                }
            }
            ast::Pattern::MatchOr(o) => o.patterns.iter().for_each(|q| self.pattern(q)),
        }
        self.depth -= 1;
    }
}

/// Decide locals, cells and free variables for every scope.
fn resolve(table: &mut ScopeTable) -> Result<(), CompileError> {
    let n = table.scopes.len();
    // Locals first: params, then other bound names, excluding global/nonlocal declarations.
    for s in &mut table.scopes {
        if matches!(s.kind, ScopeKind::Function | ScopeKind::Comprehension) {
            let mut names = s.params.clone();
            for b in &s.bound {
                if !s.globals.contains(b) && !s.nonlocals.contains(b) && !names.contains(b) {
                    names.push(b.clone());
                }
            }
            s.varnames = names;
        }
    }
    // Then free variables: walk each scope's uses up the chain of function scopes.
    for i in 1..n {
        let (used, nonlocals, kind) = {
            let s = &table.scopes[i];
            let mut used: Vec<String> = s.used.iter().cloned().collect();
            used.sort();
            let mut nl: Vec<String> = s.nonlocals.iter().cloned().collect();
            nl.sort();
            (used, nl, s.kind)
        };
        for name in &nonlocals {
            if !bind_free(table, i, name) {
                let mut e = CompileError::syntax(format!("no binding for nonlocal '{name}' found"));
                if let Some(&(start, end)) = table.scopes[i].nonlocal_at.get(name) {
                    e = e.span(start, end);
                }
                return Err(e.from_symtable());
            }
        }
        for name in used {
            let s = &table.scopes[i];
            if s.globals.contains(&name) || s.nonlocals.contains(&name) {
                continue;
            }
            let locally_bound = match kind {
                ScopeKind::Class => false,
                _ => s.bound_set.contains(&name),
            };
            if locally_bound || (kind == ScopeKind::Class && s.bound_set.contains(&name)) {
                continue;
            }
            bind_free(table, i, &name);
        }
        if table.scopes[i].uses_class_cell && table.scopes[i].kind != ScopeKind::Class {
            bind_free(table, i, "__class__");
        }
    }
    Ok(())
}

/// Make `name` free in scope `i` if an enclosing function binds it. Returns whether found.
fn bind_free(table: &mut ScopeTable, i: usize, name: &str) -> bool {
    let mut chain = vec![i];
    let mut cur = table.scopes[i].parent;
    while let Some(p) = cur {
        let s = &table.scopes[p];
        match s.kind {
            ScopeKind::Module => return false,
            ScopeKind::Class => {
                if name == "__class__" {
                    // The implicit class cell lives in the class scope.
                    if !s.cellvars.iter().any(|c| c == "__class__") {
                        table.scopes[p].cellvars.push("__class__".to_string());
                    }
                    for &c in &chain {
                        add_free(&mut table.scopes[c], name);
                    }
                    return true;
                }
            }
            ScopeKind::Function | ScopeKind::Comprehension => {
                if s.globals.contains(name) {
                    return false;
                }
                let binds = s.bound_set.contains(name) && !s.nonlocals.contains(name);
                if binds {
                    if !s.cellvars.iter().any(|c| c == name) {
                        table.scopes[p].cellvars.push(name.to_string());
                    }
                    for &c in &chain {
                        add_free(&mut table.scopes[c], name);
                    }
                    return true;
                }
            }
        }
        chain.push(p);
        cur = table.scopes[p].parent;
    }
    false
}

fn add_free(s: &mut Scope, name: &str) {
    if s.kind == ScopeKind::Class && name != "__class__" {
        // Class bodies see enclosing function locals through the free list too.
    }
    if !s.freevars.iter().any(|f| f == name) && !s.cellvars.iter().any(|c| c == name) {
        s.freevars.push(name.to_string());
    }
}
