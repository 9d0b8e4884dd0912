//! Integer functions of `math`: gcd, lcm, factorial, comb, perm, isqrt, prod.
//!
//! Results can be huge, so each estimates its size in bits first and asks the heap account
//! whether it fits before computing anything.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::int_arg;
use crate::bytecode::BinOp;
use crate::exc::{self, PyResult};
use crate::value::Value;
use crate::vm::ops::int::from_big;
use crate::vm::{Args, Vm};

/// Refuse a result of about `bits` bits unless the heap could hold it.
fn check_bits(vm: &Vm, bits: u64) -> PyResult<()> {
    let bytes = usize::try_from(bits / 8).unwrap_or(usize::MAX);
    vm.heap.account.check_fits(bytes.saturating_mul(2))
}

pub(super) fn gcd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("gcd")?;
    let mut g = BigInt::zero();
    for &v in &args.pos {
        let b = int_arg(vm, v)?;
        g = g.gcd(&b);
    }
    from_big(vm, g)
}

pub(super) fn lcm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("lcm")?;
    let mut l = BigInt::one();
    for &v in &args.pos {
        let b = int_arg(vm, v)?;
        if l.is_zero() {
            continue;
        }
        if b.is_zero() {
            l = BigInt::zero();
            continue;
        }
        check_bits(vm, l.bits().saturating_add(b.bits()))?;
        l = l.lcm(&b);
    }
    from_big(vm, l.abs())
}

/// Product of lo..=hi by binary splitting (fast for big factorials).
fn range_product(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut p = BigInt::one();
        for i in lo..=hi {
            p *= i;
        }
        return p;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid + 1, hi)
}

/// Bits of n! (an upper bound): n * log2(n).
fn factorial_bits(n: u64) -> u64 {
    let lg = 64 - u64::from(n.leading_zeros());
    n.saturating_mul(lg)
}

pub(super) fn factorial(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = super::one(&args, "factorial")?;
    let n = int_arg(vm, v)?;
    if n.is_negative() {
        return Err(exc::value_error(
            "factorial() not defined for negative values",
        ));
    }
    let Some(n) = n.to_u64().filter(|&n| n <= i64::MAX as u64) else {
        return Err(exc::overflow_error(
            "factorial() argument should not exceed 9223372036854775807",
        ));
    };
    check_bits(vm, factorial_bits(n))?;
    from_big(vm, range_product(2, n))
}

/// Validate comb/perm arguments: both non-negative ints.
fn nk(vm: &mut Vm, n: Value, k: Value) -> PyResult<(BigInt, BigInt)> {
    let n = int_arg(vm, n)?;
    let k = int_arg(vm, k)?;
    if n.is_negative() {
        return Err(exc::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(exc::value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

/// n * (n-1) * ... * (n-k+1) for big n and small k.
fn falling(vm: &Vm, n: &BigInt, k: u64) -> PyResult<BigInt> {
    check_bits(vm, n.bits().saturating_mul(k))?;
    let mut p = BigInt::one();
    let mut f = n.clone();
    for _ in 0..k {
        p *= &f;
        f -= 1;
    }
    Ok(p)
}

pub(super) fn comb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("comb")?;
    if args.pos.len() != 2 {
        return Err(exc::type_error(format!(
            "comb expected 2 arguments, got {}",
            args.pos.len()
        )));
    }
    let (n, k) = nk(vm, args.pos[0], args.pos[1])?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64() else {
        return Err(exc::overflow_error(format!(
            "min(n - k, k) must not exceed {}",
            i64::MAX
        )));
    };
    check_bits(vm, n.bits().saturating_mul(k))?;
    // C(n, i+1) = C(n, i) * (n - i) / (i + 1): exact at every step.
    let mut c = BigInt::one();
    let mut top = n.clone();
    for i in 1..=k {
        c *= &top;
        c /= i;
        top -= 1;
    }
    from_big(vm, c)
}

pub(super) fn perm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("perm")?;
    args.arity("perm", 1, 2)?;
    let kv = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(v),
    };
    let Some(kv) = kv else {
        let n = int_arg(vm, args.pos[0])?;
        if n.is_negative() {
            return Err(exc::value_error(
                "factorial() not defined for negative values",
            ));
        }
        let Some(n) = n.to_u64() else {
            return Err(exc::overflow_error(format!(
                "n must not exceed {}",
                i64::MAX
            )));
        };
        check_bits(vm, factorial_bits(n))?;
        return from_big(vm, range_product(2, n));
    };
    let (n, k) = nk(vm, args.pos[0], kv)?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64() else {
        return Err(exc::overflow_error(format!(
            "k must not exceed {}",
            i64::MAX
        )));
    };
    let p = falling(vm, &n, k)?;
    from_big(vm, p)
}

pub(super) fn isqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = super::one(&args, "isqrt")?;
    let n = int_arg(vm, v)?;
    if n.is_negative() {
        return Err(exc::value_error("isqrt() argument must be nonnegative"));
    }
    from_big(vm, n.sqrt())
}

pub(super) fn prod(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let start = args.take_kw("start").unwrap_or(Value::Int(1));
    args.no_kwargs("prod")?;
    if args.pos.len() != 1 {
        return Err(exc::type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.pos.len()
        )));
    }
    let items = vm.collect_iterable(args.pos[0])?;
    let mut acc = start;
    for v in items {
        acc = vm.binop(BinOp::Mul, acc, v)?;
    }
    Ok(acc)
}
