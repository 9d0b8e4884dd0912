//! `_hashlib`: one-shot digests behind the bundled `hashlib.py`, which keeps each hash
//! object's input and asks for the digest of all of it. MD5, SHA-1, SHA-2 and BLAKE2 come
//! from the RustCrypto crates; SHA-3 and SHAKE from `keccak.rs`.
//!
//! `digest(name, data, size, key, salt, person)`: `size` is the output length for BLAKE2
//! and SHAKE (ignored by the fixed-size hashes); `key`, `salt` and `person` are BLAKE2's
//! parameters, already checked by hashlib.py.

mod keccak;

use blake2::digest::core_api::{Block, Buffer, UpdateCore, VariableOutputCore};
use blake2::digest::generic_array::GenericArray;
use blake2::{Blake2bVarCore, Blake2sVarCore};
use sha2::Digest;

use crate::exc::{self, PyResult};
use crate::natives;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::{Args, Vm};

natives! {
    /// `_hashlib` functions.
    HashlibFn {
        Digest => "digest" => digest,
    }
}

/// Build the module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_module(vm, "_hashlib")?;
    super::set_attr(
        vm,
        m,
        HashlibFn::Digest.name(),
        Value::Native(crate::builtins::Native::Hashlib(HashlibFn::Digest)),
    )?;
    Ok(m)
}

/// The bytes of a bytes or bytearray argument.
pub(crate) fn bytes_of(vm: &Vm, v: Value) -> PyResult<&[u8]> {
    match vm.heap.get_obj(v) {
        Some(Object::Bytes(b) | Object::ByteArray(b)) => Ok(b),
        _ => Err(exc::type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn digest(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("digest", 6, 6)?;
    let name = match vm.heap.get_obj(args.pos[0]) {
        Some(Object::Str(s)) => s.s.clone(),
        _ => return Err(exc::type_error("digest name must be str")),
    };
    let size = vm.index_arg(args.pos[2], "digest")?;
    let size = usize::try_from(size).map_err(|_| exc::value_error("negative digest length"))?;
    vm.heap.account.check_fits(size)?;
    let data = bytes_of(vm, args.pos[1])?;
    let key = bytes_of(vm, args.pos[3])?;
    let salt = bytes_of(vm, args.pos[4])?;
    let person = bytes_of(vm, args.pos[5])?;
    let out = compute(&name, data, size, key, salt, person)
        .ok_or_else(|| exc::value_error(format!("unsupported hash type {name}")))?;
    vm.alloc(Object::Bytes(out))
}

fn compute(
    name: &str,
    data: &[u8],
    size: usize,
    key: &[u8],
    salt: &[u8],
    person: &[u8],
) -> Option<Vec<u8>> {
    Some(match name {
        "md5" => md5::Md5::digest(data).to_vec(),
        "sha1" => sha1::Sha1::digest(data).to_vec(),
        "sha224" => sha2::Sha224::digest(data).to_vec(),
        "sha256" => sha2::Sha256::digest(data).to_vec(),
        "sha384" => sha2::Sha384::digest(data).to_vec(),
        "sha512" => sha2::Sha512::digest(data).to_vec(),
        "sha512_224" => sha2::Sha512_224::digest(data).to_vec(),
        "sha512_256" => sha2::Sha512_256::digest(data).to_vec(),
        "blake2b" => blake2b(data, size, key, salt, person)?,
        "blake2s" => blake2s(data, size, key, salt, person)?,
        "sha3_224" => keccak::sponge(data, 144, 0x06, 28),
        "sha3_256" => keccak::sponge(data, 136, 0x06, 32),
        "sha3_384" => keccak::sponge(data, 104, 0x06, 48),
        "sha3_512" => keccak::sponge(data, 72, 0x06, 64),
        "shake_128" => keccak::sponge(data, 168, 0x1f, size),
        "shake_256" => keccak::sponge(data, 136, 0x1f, size),
        _ => return None,
    })
}

/// BLAKE2 with a `size`-byte digest, optional key (hashed as a zero-padded first block),
/// salt and personalisation, for one core type; `max` is its largest digest and key.
macro_rules! blake2_fn {
    ($fname:ident, $core:ty, $max:expr) => {
        fn $fname(
            data: &[u8],
            size: usize,
            key: &[u8],
            salt: &[u8],
            person: &[u8],
        ) -> Option<Vec<u8>> {
            const MAX: usize = $max;
            if size == 0
                || size > MAX
                || key.len() > MAX
                || salt.len() > MAX / 4
                || person.len() > MAX / 4
            {
                return None;
            }
            let block = 2 * MAX;
            let mut msg = Vec::with_capacity(data.len() + block);
            if !key.is_empty() {
                msg.extend_from_slice(key);
                msg.resize(block, 0);
            }
            msg.extend_from_slice(data);
            let mut core = <$core>::new_with_params(salt, person, key.len(), size);
            // BLAKE2 finalizes its last block with a flag, so at least one byte (or an
            // empty message) stays in the buffer.
            let tail_len = if msg.is_empty() {
                0
            } else {
                (msg.len() - 1) % block + 1
            };
            let (head, tail) = msg.split_at(msg.len() - tail_len);
            let blocks: Vec<Block<$core>> = head
                .chunks_exact(block)
                .map(GenericArray::clone_from_slice)
                .collect();
            core.update_blocks(&blocks);
            let mut buffer = Buffer::<$core>::try_new(tail).ok()?;
            let mut out = Default::default();
            core.finalize_variable_core(&mut buffer, &mut out);
            let out: &[u8] = &out;
            Some(out.get(..size)?.to_vec())
        }
    };
}

blake2_fn!(blake2b, Blake2bVarCore, 64);
blake2_fn!(blake2s, Blake2sVarCore, 32);
