//! `_random`: the Mersenne Twister core behind the bundled `random.py`, bit-identical to
//! CPython's Modules/_randommodule.c (init_genrand, init_by_array, genrand_uint32, seeding
//! from ints and, in version 2, from str/bytes via SHA-512).
//!
//! The generator state is an ordinary Python list of 625 ints (624 words, then the index)
//! held by each `Random` instance, so it is traced, copied and snapshotted like any value.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};
use sha2::Digest;

use crate::exc::{self, PyResult, RunError};
use crate::natives;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::ops::int::{from_big, to_big};
use crate::vm::{Args, Vm};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

natives! {
    /// `_random` functions.
    RandomFn {
        Seed => "seed" => seed,
        Random => "random" => random,
        Getrandbits => "getrandbits" => getrandbits,
        Randbelow => "randbelow" => randbelow,
        Randbytes => "randbytes" => randbytes,
    }
}

/// Build the module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_module(vm, "_random")?;
    for f in [
        RandomFn::Seed,
        RandomFn::Random,
        RandomFn::Getrandbits,
        RandomFn::Randbelow,
        RandomFn::Randbytes,
    ] {
        super::set_attr(
            vm,
            m,
            f.name(),
            Value::Native(crate::builtins::Native::Random(f)),
        )?;
    }
    Ok(m)
}

/// The twister state, unpacked.
struct Mt {
    mt: [u32; N],
    index: usize,
}

impl Mt {
    fn init_genrand(s: u32) -> Mt {
        let mut mt = [0u32; N];
        mt[0] = s;
        for i in 1..N {
            let prev = mt[i - 1];
            mt[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        Mt { mt, index: N }
    }

    fn init_by_array(key: &[u32]) -> Mt {
        let mut s = Mt::init_genrand(19_650_218);
        let mt = &mut s.mt;
        let (mut i, mut j) = (1usize, 0usize);
        let klen = key.len().max(1);
        for _ in 0..N.max(klen) {
            let prev = mt[i - 1];
            let kj = key.get(j).copied().unwrap_or(0);
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(kj)
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        s
    }

    fn next_u32(&mut self) -> u32 {
        let mt = &mut self.mt;
        if self.index >= N {
            let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
            self.index = 0;
        }
        let mut y = mt.get(self.index).copied().unwrap_or(0);
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for k > 0, as little-endian 32-bit words.
    fn bits(&mut self, k: u64) -> BigInt {
        if k <= 32 {
            return BigInt::from(self.next_u32() >> (32 - k));
        }
        let words = k.div_ceil(32);
        let mut out = Vec::with_capacity(usize::try_from(words).unwrap_or(0));
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left = left.saturating_sub(32);
        }
        BigInt::from_slice(Sign::Plus, &out)
    }

    /// CPython's `_randbelow_with_getrandbits(n)`, n > 0.
    fn below(&mut self, n: &BigInt) -> BigInt {
        let k = n.bits();
        loop {
            let r = self.bits(k);
            if &r < n {
                return r;
            }
        }
    }
}

fn bad_state() -> RunError {
    exc::type_error("invalid random state")
}

/// Read the state list of a `Random` instance.
fn load(vm: &Vm, state: Value) -> PyResult<Mt> {
    let Some(Object::List(items)) = vm.heap.get_obj(state) else {
        return Err(bad_state());
    };
    if items.len() != N + 1 {
        return Err(bad_state());
    }
    let mut mt = [0u32; N];
    for (slot, v) in mt.iter_mut().zip(items.iter()) {
        match v {
            Value::Int(i) => *slot = u32::try_from(*i).map_err(|_| bad_state())?,
            _ => return Err(bad_state()),
        }
    }
    let index = match items.get(N) {
        Some(Value::Int(i)) => usize::try_from(*i).map_err(|_| bad_state())?.min(N),
        _ => return Err(bad_state()),
    };
    Ok(Mt { mt, index })
}

/// Write the state back (in place: the list keeps its identity and size).
fn store(vm: &mut Vm, state: Value, s: &Mt) -> PyResult<()> {
    let Value::Obj(id) = state else {
        return Err(bad_state());
    };
    let Object::List(items) = vm.heap.get_mut(id) else {
        return Err(bad_state());
    };
    items.clear();
    items.extend(s.mt.iter().map(|&w| Value::Int(i64::from(w))));
    items.push(Value::Int(s.index as i64));
    Ok(())
}

/// Run `f` on the state of `args.pos[0]`, saving it afterwards.
fn with_state<R>(vm: &mut Vm, args: &Args, f: impl FnOnce(&mut Mt) -> R) -> PyResult<R> {
    let state = args.get(0).ok_or_else(bad_state)?;
    let mut s = load(vm, state)?;
    let r = f(&mut s);
    store(vm, state, &s)?;
    Ok(r)
}

/// 32-bit little-endian words of |n| (at least one).
fn key_words(n: &BigInt) -> Vec<u32> {
    let mut key = n.magnitude().to_u32_digits();
    if key.is_empty() {
        key.push(0);
    }
    key
}

fn seed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("seed", 2, 2)?;
    let a = args.pos[1];
    let key = match a {
        // Unseeded: seed material from the OS policy (entropy, or a seeded stream).
        Value::None => {
            let n = vm.host.seeds_drawn;
            vm.host.seeds_drawn = n.saturating_add(1);
            crate::host::policy::seed_material(vm.host.policy.random, n).to_vec()
        }
        Value::Float(_) => {
            let h = vm.hash(a)?;
            key_words(&BigInt::from(h).abs())
        }
        _ => {
            if let Some(n) = to_big(vm, a) {
                key_words(&n)
            } else {
                let bytes: Vec<u8> = match vm.heap.get_obj(a) {
                    Some(Object::Str(s)) => s.s.as_bytes().to_vec(),
                    Some(Object::Bytes(b) | Object::ByteArray(b)) => b.clone(),
                    _ => {
                        let h = vm.hash(a)?;
                        return with_state(vm, &args, |s| {
                            *s = Mt::init_by_array(&key_words(&BigInt::from(h).abs()));
                        })
                        .map(|()| Value::None);
                    }
                };
                // Version 2: int.from_bytes(a + sha512(a).digest()), big-endian.
                let mut all = bytes.clone();
                all.extend_from_slice(&sha2::Sha512::digest(&bytes));
                key_words(&BigInt::from_bytes_be(Sign::Plus, &all))
            }
        }
    };
    with_state(vm, &args, |s| *s = Mt::init_by_array(&key))?;
    Ok(Value::None)
}

fn random(vm: &mut Vm, args: Args) -> PyResult<Value> {
    with_state(vm, &args, Mt::random).map(Value::Float)
}

fn getrandbits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("getrandbits", 2, 2)?;
    let k = to_big(vm, args.pos[1]).ok_or_else(|| {
        exc::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(args.pos[1])
        ))
    })?;
    if k.is_negative() {
        return Err(exc::value_error("number of bits must be non-negative"));
    }
    if k.is_zero() {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64().filter(|&k| k < (1u64 << 40)) else {
        return Err(exc::overflow_error("getrandbits() argument too large"));
    };
    vm.heap
        .account
        .check_fits(usize::try_from(k / 8).unwrap_or(usize::MAX))?;
    let r = with_state(vm, &args, |s| s.bits(k))?;
    from_big(vm, r)
}

fn randbelow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("randbelow", 2, 2)?;
    let n = to_big(vm, args.pos[1]).ok_or_else(|| exc::type_error("randbelow needs an int"))?;
    if !n.is_positive() {
        return Ok(Value::Int(0));
    }
    let r = with_state(vm, &args, |s| s.below(&n))?;
    from_big(vm, r)
}

fn randbytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("randbytes", 2, 2)?;
    let n = vm.index_arg(args.pos[1], "randbytes")?;
    let n = usize::try_from(n).map_err(|_| exc::value_error("negative argument not allowed"))?;
    vm.heap.account.check_fits(n)?;
    let k = (n as u64).saturating_mul(8);
    let r = if k == 0 {
        BigInt::zero()
    } else {
        with_state(vm, &args, |s| s.bits(k))?
    };
    let (_, mut bytes) = r.to_bytes_le();
    bytes.resize(n, 0);
    vm.alloc(Object::Bytes(bytes))
}
