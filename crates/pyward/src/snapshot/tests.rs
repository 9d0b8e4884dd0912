//! Crafted inputs against the decoder's bounds: nesting of constants and code objects,
//! forward code references, unverifiable code, and the by-name enums.

use std::sync::Arc;

use super::codes::{CodeTable, CodeTableOut, DecodeGuard, EncodeGuard, MAX_CODE_DEPTH};
use crate::bytecode::{Code, CodeFlags, Const, Op};
use crate::types::BuiltinType;

/// A minimal valid code object with the given constants.
fn code(name: &str, consts: Vec<Const>) -> Code {
    Code {
        name: name.to_string(),
        qualname: name.to_string(),
        filename: Arc::from("t.py"),
        first_line: 1,
        ops: vec![Op::LoadNone, Op::ReturnValue],
        lines: vec![1, 1],
        spans: Vec::new(),
        consts,
        names: Vec::new(),
        varnames: Vec::new(),
        cellvars: Vec::new(),
        freevars: Vec::new(),
        cell_params: Vec::new(),
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        flags: CodeFlags::default(),
        exc_table: Vec::new(),
        doc: None,
    }
}

/// A chain of `n` codes, each holding the previous one as a constant, in table order.
fn chain(n: usize) -> Vec<Arc<Code>> {
    let mut out: Vec<Arc<Code>> = Vec::new();
    for i in 0..n {
        let consts = out.last().map(|c| vec![Const::Code(c.clone())]);
        out.push(Arc::new(code(&format!("c{i}"), consts.unwrap_or_default())));
    }
    out
}

fn encode_table(table: &[Arc<Code>]) -> Vec<u8> {
    let _guard = EncodeGuard::new(table);
    postcard::to_allocvec(&CodeTableOut(table)).unwrap_or_default()
}

fn decode_table(bytes: &[u8]) -> Result<(), String> {
    let _guard = DecodeGuard::new();
    postcard::from_bytes::<CodeTable>(bytes)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[test]
fn code_chains_decode_up_to_the_depth_limit() {
    let ok = chain(MAX_CODE_DEPTH as usize);
    assert_eq!(decode_table(&encode_table(&ok)), Ok(()));
    let deep = chain(MAX_CODE_DEPTH as usize + 1);
    assert!(decode_table(&encode_table(&deep)).is_err());
}

#[test]
fn a_code_cannot_refer_to_itself_or_a_later_code() {
    let table = chain(3);
    let mut bytes = encode_table(&table);
    // The last code's constant is `Code(1)` (encoded as the bytes 10, 1: variant, index).
    let at = bytes.windows(2).rposition(|w| w == [10, 1]);
    assert!(at.is_some(), "no code reference found in {bytes:?}");
    if let Some(b) = at.and_then(|i| bytes.get_mut(i + 1)) {
        *b = 2;
    }
    assert!(decode_table(&bytes).is_err());
}

#[test]
fn unverifiable_code_is_refused() {
    let mut bad = code("bad", Vec::new());
    bad.ops = vec![Op::LoadConst(3), Op::ReturnValue];
    assert!(decode_table(&encode_table(&[Arc::new(bad)])).is_err());
    let mut params = code("params", Vec::new());
    params.argcount = 2;
    assert!(decode_table(&encode_table(&[Arc::new(params)])).is_err());
}

#[test]
fn deeply_nested_constants_are_refused_without_recursing() {
    // `Const::Tuple` is variant 8; `[8, 1]` opens a one-item tuple, `[0]` is None.
    let nested = |depth: usize| {
        let mut b = [8u8, 1].repeat(depth);
        b.push(0);
        b
    };
    let decode = |b: &[u8]| {
        let _guard = DecodeGuard::new();
        postcard::from_bytes::<Const>(b).map(drop)
    };
    assert!(decode(&nested(100)).is_ok());
    assert!(decode(&nested(1_000_000)).is_err());
}

#[test]
fn builtin_types_round_trip_by_name() {
    for &t in BuiltinType::ALL {
        let bytes = postcard::to_allocvec(&t).unwrap_or_default();
        assert_eq!(postcard::from_bytes::<BuiltinType>(&bytes).ok(), Some(t));
    }
    let unknown = postcard::to_allocvec("NoSuchType").unwrap_or_default();
    assert!(postcard::from_bytes::<BuiltinType>(&unknown).is_err());
}

/// Bytecode a snapshot can carry but the compiler never emits: a handler before the
/// instruction that raises, so the exceptions themselves loop. Found by fuzz_snapshot as a
/// hang; each handled exception now costs fuel like a backward jump.
#[test]
fn a_loop_made_of_exceptions_runs_out_of_fuel() {
    use crate::bytecode::ExcEntry;
    let mut looping = code("looping", Vec::new());
    // 0-1 raise None (a TypeError); the handler at 2 pops it and raises again at 4, and
    // that raise's handler is 2 again.
    looping.ops = vec![
        Op::LoadNone,
        Op::Raise(1),
        Op::Pop,
        Op::LoadNone,
        Op::Raise(1),
    ];
    looping.lines = vec![1; 5];
    looping.exc_table = vec![
        ExcEntry {
            start: 0,
            end: 2,
            target: 2,
            depth: 0,
        },
        ExcEntry {
            start: 3,
            end: 5,
            target: 2,
            depth: 0,
        },
    ];
    assert_eq!(crate::bytecode::verify::verify_code(&looping), Ok(()));
    assert_runs_out_of_fuel(looping);
}

/// Run `looping` with 10,000 fuel: it must end in the fuel limit, not hang.
fn assert_runs_out_of_fuel(looping: crate::bytecode::Code) {
    use crate::exc::RunError;
    use crate::heap::LimitKind;
    let name = looping.name.clone();
    let mut vm = crate::vm::Vm::new(crate::host::limits::Limits {
        max_fuel: Some(10_000),
        ..crate::host::limits::Limits::default()
    });
    let got = vm.run_module(&Arc::new(looping));
    assert!(
        matches!(got, Err(RunError::Limit(LimitKind::Fuel))),
        "{name}: {got:?}"
    );
}

/// Crafted code (a snapshot's code table is untrusted) can jump backwards through
/// instructions the compiler only emits with forward targets: `or`'s `JumpIfTrueOrPop`,
/// `JumpIfNotNone` and a `for` loop's exit. Found by fuzz_snapshot as a hang; each now
/// charges fuel on a backward target like `Jump` does.
#[test]
fn backward_jumps_through_forward_only_instructions_run_out_of_fuel() {
    let loops: [(&str, Vec<Op>); 3] = [
        ("or", vec![Op::LoadInt(1), Op::JumpIfTrueOrPop(0)]),
        ("not_none", vec![Op::LoadInt(1), Op::JumpIfNotNone(0)]),
        // An exhausted iterator: `for` exits to its own start, which builds another.
        (
            "for_exit",
            vec![Op::BuildList(0), Op::GetIter, Op::ForIter(0), Op::Pop],
        ),
    ];
    for (name, ops) in loops {
        let mut looping = code(name, Vec::new());
        looping.lines = vec![1; ops.len()];
        looping.ops = ops;
        assert_runs_out_of_fuel(looping);
    }
}

/// An idle VM after running `src`.
fn vm_after(src: &str) -> crate::vm::Vm {
    let mut vm = crate::vm::Vm::new(crate::host::limits::Limits::default());
    let Ok(code) = crate::syntax::compile_source(src, "t.py", true) else {
        panic!("does not compile")
    };
    assert!(vm.run_module(&code).is_ok());
    vm
}

fn dump_of(vm: &crate::vm::Vm) -> Vec<u8> {
    let Ok(bytes) = super::dump(vm) else {
        panic!("dump failed")
    };
    bytes
}

/// A bundled module's code is stored by name, and loads as the process's own compiled copy
/// (the same `Arc`), not as a decoded duplicate.
#[test]
fn bundled_module_code_loads_as_the_process_copy() {
    use crate::host::limits::Limits;
    use crate::modules::bundled;
    use crate::types::object::Object;
    let vm = vm_after("import json\ndef mine(x):\n    return json.dumps(x)\n");
    let bytes = dump_of(&vm);
    let Ok(back) = super::load(&bytes, Limits::default()) else {
        panic!("load failed")
    };
    let (mut shared, mut own) = (0, 0);
    for obj in back.heap.objects().flatten() {
        if let Object::Function(f) = obj {
            match bundled::code_name(&f.code) {
                Some((module, n, fingerprint)) => {
                    let Some(copy) = bundled::code_named(module, n, fingerprint) else {
                        panic!("{module} #{n} is not in the registry")
                    };
                    assert!(Arc::ptr_eq(&copy, &f.code), "{}", f.code.qualname);
                    shared += 1;
                }
                None => {
                    assert_eq!(f.code.qualname, "mine");
                    own += 1;
                }
            }
        }
    }
    assert!(shared > 10, "only {shared} bundled functions");
    assert_eq!(own, 1);
}

/// The same shape as `codes::EntryIn`: postcard writes an enum as its variant number.
#[derive(serde::Serialize)]
#[allow(clippy::large_enum_variant, reason = "a test value")]
enum Entry {
    #[allow(dead_code, reason = "only the by-name variant is crafted here")]
    Code(Code),
    Bundled(String, u32, u64),
}

/// A bundled code named by an unknown module or number, or with the fingerprint of other
/// compiled code (a snapshot from another build), is refused, and the load says which module.
#[test]
fn unknown_bundled_codes_are_refused() {
    use crate::modules::bundled;
    let Some((_, _, fp)) = bundled::compiled("json")
        .ok()
        .and_then(|root| bundled::code_name(&root))
    else {
        panic!("json has no name")
    };
    let table = |module: &str, n: u32, fp: u64| {
        postcard::to_allocvec(&vec![Entry::Bundled(module.to_string(), n, fp)]).unwrap_or_default()
    };
    let bad = [
        ("json", u32::MAX, fp),
        ("no_such_module", 0, fp),
        ("math", 0, fp),
        ("json", 0, fp ^ 1),
    ];
    for (module, n, fp) in bad {
        assert!(
            decode_table(&table(module, n, fp)).is_err(),
            "{module} #{n} loaded"
        );
        assert_eq!(super::codes::take_stale_module().as_deref(), Some(module));
    }
    assert_eq!(decode_table(&table("json", 0, fp)), Ok(()));
    assert_eq!(super::codes::take_stale_module(), None);
}

/// A generator marked running must be on the frame stack: an idle VM holding one is refused.
#[test]
fn a_running_generator_without_a_frame_is_refused() {
    use crate::host::limits::Limits;
    use crate::types::generator::GenState;
    use crate::types::object::Object;
    use crate::value::ObjId;
    let mut vm = vm_after("def g():\n    yield 1\nit = g()\n");
    assert!(super::load(&dump_of(&vm), Limits::default()).is_ok());
    let generator = (0..vm.heap.objects().len())
        .find(|&i| matches!(vm.heap.slot_at(i), Some(Some(Object::Generator(_)))))
        .unwrap_or_default();
    if let Object::Generator(g) = vm.heap.get_mut(ObjId(generator as u32)) {
        g.state = GenState::Running;
        g.frame = None;
    } else {
        panic!("no generator in the heap")
    }
    match super::load(&dump_of(&vm), Limits::default()) {
        Err(e) => assert!(
            e.to_string().contains("running generator without a frame"),
            "{e}"
        ),
        Ok(_) => panic!("a running generator without a frame loaded"),
    }
}
