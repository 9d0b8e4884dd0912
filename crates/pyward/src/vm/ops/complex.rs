//! `complex` in the VM: arithmetic operands, operators, equality, `complex()` and the
//! conversion cmath uses (`PyComplex_AsCComplex`).
//!
//! A complex is a heap object (`Object::Complex`: two doubles would make `Value` wider). An
//! instance of a user subclass of complex wraps one as its payload. Operators follow 3.11's
//! `complex_add`..`complex_pow`: the other operand must be an int, bool, float or complex
//! (widened with `TO_COMPLEX`); anything else leaves the operator unsupported.

use crate::bytecode::BinOp;
use crate::exc::messages::complex as msg;
use crate::exc::{self, PyResult, RunError};
use crate::types::BuiltinType;
use crate::types::complex::{Complex, PowError};
use crate::types::numtext::{ComplexTextError, parse_complex_text};
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::{Args, Vm};

use super::arith::int_to_f64;

impl Vm {
    /// A new complex object.
    pub fn new_complex(&mut self, c: Complex) -> PyResult<Value> {
        self.alloc(Object::Complex(c))
    }

    /// The value of a complex object (not of a subclass instance).
    #[inline]
    pub fn complex_of(&self, v: Value) -> Option<Complex> {
        match self.heap.get_obj(v) {
            Some(Object::Complex(c)) => Some(*c),
            _ => None,
        }
    }

    /// An int, bool or float operand as a double (`TO_COMPLEX` on a real); None for anything
    /// else, OverflowError for an int beyond the float range.
    fn real_operand(&self, v: Value) -> Option<PyResult<f64>> {
        match v {
            Value::Float(f) => Some(Ok(f)),
            Value::Int(i) => Some(Ok(i as f64)),
            Value::Bool(b) => Some(Ok(f64::from(u8::from(b)))),
            _ => match self.heap.get_obj(v) {
                Some(Object::BigInt(b)) => Some(int_to_f64(b)),
                _ => None,
            },
        }
    }

    /// A complex operand of a binary operator, or None when `v` is not a number.
    fn complex_operand(&self, v: Value) -> Option<PyResult<Complex>> {
        match self.complex_of(v) {
            Some(c) => Some(Ok(c)),
            None => self
                .real_operand(v)
                .map(|r| r.map(|x| Complex::new(x, 0.0))),
        }
    }

    /// `a op b` when either side is a complex; None when the operator or the other operand
    /// is not supported (the caller raises the usual TypeError).
    pub(crate) fn complex_binop(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
    ) -> PyResult<Option<Value>> {
        if self.complex_of(a).is_none() && self.complex_of(b).is_none() {
            return Ok(None);
        }
        if !matches!(
            op,
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv | BinOp::Pow
        ) {
            return Ok(None);
        }
        let (Some(x), Some(y)) = (self.complex_operand(a), self.complex_operand(b)) else {
            return Ok(None);
        };
        let r = complex_arith(op, x?, y?)?;
        self.new_complex(r).map(Some)
    }

    /// `x ** y` for floats whose result is complex: a negative finite base to a finite
    /// fractional power (float_pow hands these to complex_pow).
    pub(crate) fn float_pow_complex(&mut self, x: f64, y: f64) -> PyResult<Value> {
        let r = complex_arith(BinOp::Pow, Complex::new(x, 0.0), Complex::new(y, 0.0))?;
        self.new_complex(r)
    }

    /// `a == b` when either side is a complex (`complex_richcompare`): parts equal, or a
    /// zero imaginary part and a real part exactly equal to the int or float. None when
    /// neither side is a complex.
    pub(crate) fn complex_eq(&self, a: Value, b: Value) -> Option<bool> {
        let (c, other) = match (self.complex_of(a), self.complex_of(b)) {
            (Some(x), Some(y)) => return Some(x.re == y.re && x.im == y.im),
            (Some(c), None) => (c, b),
            (None, Some(c)) => (c, a),
            (None, None) => return None,
        };
        Some(c.im == 0.0 && super::compare::num_eq(self, Value::Float(c.re), other) == Some(true))
    }

    /// `-z`, `+z` and `abs(z)` for a complex `z`; None for other values.
    pub(crate) fn complex_unary(&mut self, op: ComplexUnary, v: Value) -> PyResult<Option<Value>> {
        let Some(c) = self.complex_of(v) else {
            return Ok(None);
        };
        Ok(Some(match op {
            ComplexUnary::Neg => self.new_complex(-c)?,
            ComplexUnary::Pos => v,
            ComplexUnary::Abs => match c.abs() {
                Some(r) => Value::Float(r),
                None => return Err(exc::overflow_error(msg::ABS_TOO_LARGE)),
            },
        }))
    }

    /// `__complex__` of a user instance (`try_complex_special_method`): its complex value,
    /// None when the class has no `__complex__`.
    fn complex_dunder(&mut self, v: Value) -> PyResult<Option<Complex>> {
        if !self.is_user_instance(v) {
            return Ok(self.complex_of(v));
        }
        let Some(r) = self.call_dunder(v, "__complex__", &[])? else {
            return Ok(None);
        };
        match self.complex_of(self.builtin_view(r)) {
            Some(c) => Ok(Some(c)),
            None => Err(exc::type_error(msg::dunder_returned_non_complex(
                &self.type_name(r),
            ))),
        }
    }

    /// Whether `v` has a float or index slot or is a complex (complex_new's number test).
    fn is_complex_number(&mut self, v: Value) -> PyResult<bool> {
        let view = self.builtin_view(v);
        if self.complex_of(view).is_some() || self.real_operand(view).is_some() {
            return Ok(true);
        }
        Ok(self.is_user_instance(v)
            && (self.user_dunder(v, "__float__")?.is_some()
                || self.user_dunder(v, "__index__")?.is_some()))
    }

    /// `PyNumber_Float(v)` for a value that passed `is_complex_number` and is not a complex.
    fn number_as_f64(&mut self, v: Value) -> PyResult<f64> {
        match crate::builtins::construct(self, BuiltinType::Float, Args::positional(&[v]))? {
            Value::Float(f) => Ok(f),
            _ => Err(RunError::Internal("float() returned a non-float")),
        }
    }

    /// `PyComplex_AsCComplex`: a complex (or a subclass's value), `__complex__`, else the
    /// value as a float with a zero imaginary part ("must be real number, not str").
    pub fn as_complex(&mut self, v: Value) -> PyResult<Complex> {
        if let Some(c) = self.complex_dunder(v)? {
            return Ok(c);
        }
        let view = self.builtin_view(v);
        if let Some(c) = self.complex_of(view) {
            return Ok(c);
        }
        if !self.is_complex_number(v)? {
            return Err(exc::type_error(msg::must_be_real(&self.type_name(v))));
        }
        Ok(Complex::new(self.number_as_f64(v)?, 0.0))
    }

    /// `complex(real=0, imag=0)` and `complex(text)` (3.11's complex_new_impl).
    pub(crate) fn complex_new(&mut self, mut args: Args) -> PyResult<Value> {
        let mut real = args.take_kw("real");
        let mut imag = args.take_kw("imag");
        let npos = args.pos.len();
        let given =
            npos + args.kw.len() + usize::from(real.is_some()) + usize::from(imag.is_some());
        if given > 2 {
            let kind = if npos == 0 { "keyword " } else { "" };
            return Err(exc::type_error(format!(
                "complex() takes at most 2 {kind}arguments ({given} given)"
            )));
        }
        if let Some((k, _)) = args.kw.first() {
            return Err(exc::type_error(format!(
                "'{k}' is an invalid keyword argument for complex()"
            )));
        }
        for (i, (name, slot)) in [("real", &mut real), ("imag", &mut imag)]
            .into_iter()
            .enumerate()
        {
            if let Some(v) = args.get(i) {
                if slot.is_some() {
                    return Err(exc::type_error(format!(
                        "argument for complex() given by name ('{name}') and position ({})",
                        i + 1
                    )));
                }
                *slot = Some(v);
            }
        }
        let r = real.unwrap_or(Value::Int(0));
        if imag.is_none() && self.complex_of(r).is_some() {
            return Ok(r);
        }
        if let Some(text) = self.str_of(r).map(str::to_owned) {
            if imag.is_some() {
                return Err(exc::type_error(msg::STRING_WITH_SECOND_ARG));
            }
            return self.complex_from_text(r, &text);
        }
        if let Some(i) = imag {
            if self.str_of(i).is_some() {
                return Err(exc::type_error(msg::SECOND_ARG_STRING));
            }
        }
        let from_dunder = self.complex_dunder(r)?;
        let cr_complex = from_dunder.or_else(|| self.complex_of(self.builtin_view(r)));
        if cr_complex.is_none() && !self.is_complex_number(r)? {
            return Err(exc::type_error(msg::bad_first_arg(&self.type_name(r))));
        }
        if let Some(i) = imag {
            if !self.is_complex_number(i)? {
                return Err(exc::type_error(msg::bad_second_arg(&self.type_name(i))));
            }
        }
        let cr = match cr_complex {
            Some(c) => c,
            None => Complex::new(self.number_as_f64(r)?, 0.0),
        };
        // complex_new_impl's correction for parts that are themselves complex.
        let (mut re, mut im) = (cr.re, cr.im);
        if let Some(i) = imag {
            let ci = match self.complex_of(self.builtin_view(i)) {
                Some(ci) => {
                    re -= ci.im;
                    ci.re
                }
                None => self.number_as_f64(i)?,
            };
            im = if cr_complex.is_some() { ci + cr.im } else { ci };
        }
        self.new_complex(Complex::new(re, im))
    }

    /// `complex(text)`; `arg` (the str) is quoted in the underscore error.
    fn complex_from_text(&mut self, arg: Value, text: &str) -> PyResult<Value> {
        match parse_complex_text(text) {
            Ok((re, im)) => self.new_complex(Complex::new(re, im)),
            Err(ComplexTextError::Malformed) => Err(exc::value_error(msg::MALFORMED_STRING)),
            Err(ComplexTextError::BadUnderscore) => {
                let r = self.repr(arg)?;
                Err(exc::value_error(msg::cannot_convert(&r)))
            }
        }
    }
}

/// A unary operation on a complex.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ComplexUnary {
    /// `-z`
    Neg,
    /// `+z`
    Pos,
    /// `abs(z)`
    Abs,
}

/// `x op y` with 3.11's errors (the caller checked the operator is arithmetic).
fn complex_arith(op: BinOp, x: Complex, y: Complex) -> PyResult<Complex> {
    Ok(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => x
            .checked_div(y)
            .ok_or_else(|| exc::zero_division_error(msg::DIVISION_BY_ZERO))?,
        BinOp::Pow => x.pow(y).map_err(|e| match e {
            PowError::ZeroToNegative => exc::zero_division_error(msg::ZERO_TO_NEGATIVE_POWER),
            PowError::Overflow => exc::overflow_error(msg::EXPONENTIATION_OVERFLOW),
        })?,
        _ => {
            return Err(RunError::Internal(
                "complex_arith: not an arithmetic operator",
            ));
        }
    })
}
