//! `import`: only pyward's own modules exist; anything else is ModuleNotFoundError.

use crate::exc::{self, PyResult};
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// The `import` statement's module: a relative one (`from . import x`, compiled with its
    /// leading dots) fails, as a sandboxed program is in no package.
    pub(crate) fn import_statement(&mut self, name: Value) -> PyResult<Value> {
        if self.str_of(name).is_some_and(|t| t.starts_with('.')) {
            return Err(exc::import_error(
                "attempted relative import with no known parent package",
            ));
        }
        self.import_module(name)
    }

    /// Import a (possibly dotted) module by name and return it.
    pub(crate) fn import_module(&mut self, name: Value) -> PyResult<Value> {
        let text = self.str_of(name).unwrap_or("").to_string();
        if let Some(&m) = self.modules.get(&text) {
            return Ok(m);
        }
        // A submodule's package is imported first, and gets the submodule as an attribute
        // (`__import__('.x')` names no package: no such module).
        let parent = match text.rsplit_once('.') {
            Some((p, _)) if !p.is_empty() => {
                let p = self.new_str(p)?;
                Some(self.import_module(p)?)
            }
            _ => None,
        };
        match crate::modules::create(self, &text)? {
            Some(m) => {
                if let (Some(p), Some((_, child))) = (parent, text.rsplit_once('.')) {
                    if matches!(self.heap.get_obj(p), Some(Object::Module(_))) {
                        crate::modules::set_attr(self, p, child, m)?;
                    }
                }
                self.register_module(&text, m)?;
                Ok(m)
            }
            None => {
                // importlib's _find_and_load_unlocked: a submodule of a plain module.
                let msg = match text.rsplit_once('.') {
                    Some((p, _)) if crate::modules::is_plain_module(p) => {
                        format!("No module named '{text}'; '{p}' is not a package")
                    }
                    _ => format!("No module named '{text}'"),
                };
                Err(exc::named_error(
                    crate::types::BuiltinType::ModuleNotFoundError,
                    msg,
                    &text,
                    Value::None,
                ))
            }
        }
    }

    /// Call `module.func(*args)` of a (bundled) module, importing it on first use: the VM's
    /// way into behaviour written in Python (`int | None` builds a `types.UnionType`).
    pub(crate) fn call_module_fn(
        &mut self,
        module: &str,
        func: &str,
        args: &[Value],
    ) -> PyResult<Value> {
        let name = self.new_str(module)?;
        let m = self.import_module(name)?;
        let f = self.intern(func)?;
        let f = self.getattr(m, f)?;
        self.call(f, args)
    }

    /// Record an imported module, in `sys.modules` too once that exists.
    fn register_module(&mut self, name: &str, m: Value) -> PyResult<()> {
        self.modules.insert(name.to_string(), m);
        if !matches!(self.modules_dict, Value::None) {
            let k = self.new_str(name)?;
            self.dict_set(self.modules_dict, k, m)?;
        }
        Ok(())
    }

    /// `from module import name`.
    pub(crate) fn import_from(&mut self, module: Value, name: Value) -> PyResult<Value> {
        let attr = self.str_of(name).unwrap_or("").to_string();
        if let Some(v) = self.getattr_opt(module, &attr)? {
            return Ok(v);
        }
        let mname = match self.heap.get_obj(module) {
            Some(Object::Module(m)) => m.name.clone(),
            _ => "?".into(),
        };
        // A submodule imported by its dotted name.
        let full = format!("{mname}.{attr}");
        if let Some(m) = crate::modules::create(self, &full)? {
            self.register_module(&full, m)?;
            return Ok(m);
        }
        Err(exc::import_error(format!(
            "cannot import name '{attr}' from '{mname}' (unknown location)"
        )))
    }

    /// `from module import *`.
    pub(crate) fn import_star(&mut self, module: Value, globals: Value) -> PyResult<()> {
        let d = match self.heap.get_obj(module) {
            Some(Object::Module(m)) => m.dict,
            _ => return Ok(()),
        };
        for (k, v) in self.dict_items(d)? {
            if self.str_of(k).is_some_and(|s| !s.starts_with('_')) {
                self.dict_set(globals, k, v)?;
            }
        }
        Ok(())
    }
}
