//! Private name mangling (CPython's `_Py_Mangle`): inside a class body, and every function
//! nested in it, an identifier `__spam` (two leading underscores, not two trailing, no dot)
//! becomes `_Class__spam`, where `Class` is the innermost class's name less its leading
//! underscores (a class named only underscores mangles nothing).
//!
//! Runs on the parsed module before scope analysis and rewrites in place the names CPython
//! mangles: variables, attributes, parameters, `global`/`nonlocal` names, `except ... as`
//! names and pattern captures. A `def` or `class` keeps its own name (its `__name__`), so the
//! mangled name it binds is returned by node instead (`DefNames`). Keyword arguments of calls
//! and imported module names are not mangled, as in CPython.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use ruff_python_ast::name::Name;
use ruff_python_ast::visitor::transformer::{self, Transformer};
use ruff_python_ast::{self as ast, ExceptHandler, Expr, Pattern, Stmt};

use super::scope::MAX_AST_DEPTH;

/// The mangled name a `def` or `class` statement binds, by the node's address (the key
/// `ScopeTable` uses), for those whose name mangling changes.
pub type DefNames = HashMap<usize, String>;

/// Mangle the private names in every class body of `body`.
pub fn mangle_module(body: &mut [Stmt]) -> DefNames {
    let defs = RefCell::new(HashMap::new());
    let m = Mangler {
        private: None,
        depth: Cell::new(0),
        defs: &defs,
    };
    m.visit_body(body);
    defs.into_inner()
}

/// `name` as CPython mangles it inside class `private`, or None when it stays as it is.
pub fn mangle(private: &str, name: &str) -> Option<String> {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return None;
    }
    let class = private.trim_start_matches('_');
    if class.is_empty() {
        return None;
    }
    Some(format!("_{class}{name}"))
}

struct Mangler<'d> {
    /// The innermost enclosing class's name, if any.
    private: Option<&'d str>,
    depth: Cell<usize>,
    defs: &'d RefCell<DefNames>,
}

impl Mangler<'_> {
    fn mangled(&self, name: &str) -> Option<String> {
        mangle(self.private?, name)
    }

    fn name(&self, n: &mut Name) {
        if let Some(m) = self.mangled(n.as_str()) {
            *n = Name::new(m);
        }
    }

    fn identifier(&self, id: &mut ast::Identifier) {
        self.name(&mut id.id);
    }

    fn def_name<T>(&self, node: &T, name: &str) {
        if let Some(m) = self.mangled(name) {
            self.defs
                .borrow_mut()
                .insert(std::ptr::from_ref(node) as usize, m);
        }
    }

    /// Count nesting; past the compiler's own depth limit stop descending (scope analysis
    /// reports the error).
    fn deeper(&self) -> bool {
        let d = self.depth.get() + 1;
        self.depth.set(d);
        d <= MAX_AST_DEPTH
    }

    fn shallower(&self) {
        self.depth.set(self.depth.get().saturating_sub(1));
    }
}

impl Transformer for Mangler<'_> {
    fn visit_stmt(&self, stmt: &mut Stmt) {
        if !self.deeper() {
            self.shallower();
            return;
        }
        match stmt {
            Stmt::ClassDef(c) => {
                self.def_name(&*c, c.name.as_str());
                // Decorators and bases run in the enclosing scope.
                for d in &mut c.decorator_list {
                    self.visit_decorator(d);
                }
                if let Some(args) = &mut c.arguments {
                    self.visit_arguments(args);
                }
                let class_name = c.name.as_str().to_string();
                let inner = Mangler {
                    private: Some(&class_name),
                    depth: Cell::new(self.depth.get()),
                    defs: self.defs,
                };
                inner.visit_body(&mut c.body);
            }
            Stmt::FunctionDef(f) => {
                self.def_name(&*f, f.name.as_str());
                transformer::walk_stmt(self, stmt);
            }
            Stmt::Global(g) => g.names.iter_mut().for_each(|n| self.identifier(n)),
            Stmt::Nonlocal(g) => g.names.iter_mut().for_each(|n| self.identifier(n)),
            _ => transformer::walk_stmt(self, stmt),
        }
        self.shallower();
    }

    fn visit_expr(&self, expr: &mut Expr) {
        if !self.deeper() {
            self.shallower();
            return;
        }
        match expr {
            Expr::Name(n) => self.name(&mut n.id),
            Expr::Attribute(a) => {
                self.identifier(&mut a.attr);
                transformer::walk_expr(self, expr);
            }
            _ => transformer::walk_expr(self, expr),
        }
        self.shallower();
    }

    fn visit_parameter(&self, parameter: &mut ast::Parameter) {
        self.identifier(&mut parameter.name);
        transformer::walk_parameter(self, parameter);
    }

    fn visit_except_handler(&self, handler: &mut ExceptHandler) {
        let ExceptHandler::ExceptHandler(h) = handler;
        if let Some(n) = &mut h.name {
            self.identifier(n);
        }
        transformer::walk_except_handler(self, handler);
    }

    fn visit_pattern(&self, pattern: &mut Pattern) {
        match pattern {
            Pattern::MatchAs(p) => {
                if let Some(n) = &mut p.name {
                    self.identifier(n);
                }
            }
            Pattern::MatchStar(p) => {
                if let Some(n) = &mut p.name {
                    self.identifier(n);
                }
            }
            Pattern::MatchMapping(p) => {
                if let Some(n) = &mut p.rest {
                    self.identifier(n);
                }
            }
            _ => {}
        }
        transformer::walk_pattern(self, pattern);
    }
}

#[cfg(test)]
mod tests {
    use super::mangle;

    #[test]
    fn mangles_like_cpython() {
        assert_eq!(
            mangle("Account", "__balance").as_deref(),
            Some("_Account__balance")
        );
        assert_eq!(mangle("_Private", "__x").as_deref(), Some("_Private__x"));
        assert_eq!(mangle("___", "__x"), None);
        assert_eq!(mangle("A", "__init__"), None);
        assert_eq!(mangle("A", "_x"), None);
        assert_eq!(mangle("A", "__a.b"), None);
    }
}
