//! The hand-written object table encoding: every compact kind round-trips, and crafted
//! tables (hostile counts, dangling ids, bad tags, impossible dict tables) are clean errors.

use num_bigint::BigInt;

use super::objects::{decode, encode, locate};
use super::{SnapshotError, malformed};
use crate::heap::{Account, Heap, LimitKind};
use crate::types::BuiltinType;
use crate::types::dict::Dict;
use crate::types::object::Object;
use crate::types::set::Set;
use crate::types::str::{Str, str_hash};
use crate::value::{ObjId, Value};

fn account() -> Account {
    Account::new(usize::MAX, u64::MAX)
}

/// Decode a table that is the whole input (in a snapshot, the rest of the state follows).
fn load(bytes: &[u8]) -> Result<Heap, SnapshotError> {
    load_under(bytes, account())
}

fn load_under(bytes: &[u8], account: Account) -> Result<Heap, SnapshotError> {
    let (table, rest) = locate(bytes)?;
    if !rest.is_empty() {
        return Err(malformed("trailing bytes after the table"));
    }
    decode(table, |n| Heap::restoring(n, Vec::new(), 0, 0, account)).map(|(heap, _)| heap)
}

fn dump(heap: &Heap) -> Vec<u8> {
    let r = encode(heap, Vec::new());
    assert!(r.is_ok(), "{r:?}");
    r.unwrap_or_default()
}

fn str_obj(s: &str) -> Object {
    Object::Str(Str::new(s.to_string()))
}

/// A heap holding one object of every compact kind, with awkward contents.
fn sample() -> (Heap, Vec<ObjId>) {
    let mut heap = Heap::new(account());
    let mut ids = Vec::new();
    let mut add = |heap: &mut Heap, o: Object| {
        let id = heap.alloc(o).unwrap_or(ObjId(0));
        ids.push(id);
        id
    };
    let text = add(&mut heap, str_obj("caf\u{e9} \u{1f600}"));
    add(&mut heap, str_obj(""));
    add(&mut heap, Object::Bytes(vec![0, 255, 7]));
    add(&mut heap, Object::ByteArray(Vec::new()));
    add(&mut heap, Object::BigInt(BigInt::from(i64::MAX) + 1));
    add(&mut heap, Object::BigInt(-(BigInt::from(3u8).pow(150))));
    let values = vec![
        Value::None,
        Value::Bool(true),
        Value::Bool(false),
        Value::Int(i64::MIN),
        Value::Int(i64::MAX),
        Value::Int(-1),
        Value::Int(300),
        Value::Float(f64::NAN),
        Value::Float(-0.0),
        Value::Float(f64::INFINITY),
        Value::Obj(text),
        Value::Type(BuiltinType::ValueError),
        Value::NotImplemented,
        Value::Ellipsis,
    ];
    let list = add(&mut heap, Object::List(values.clone()));
    add(
        &mut heap,
        Object::Tuple(vec![Value::Obj(list), Value::Obj(list)]),
    );
    add(&mut heap, Object::Tuple(Vec::new()));
    // A small dict without an index table, with a deleted entry in the middle.
    let mut small = Dict::new();
    for (i, v) in values.iter().enumerate() {
        small.insert_new(i as i64 * 7 - 3, Value::Int(i as i64), *v);
    }
    small.remove_at(2);
    add(&mut heap, Object::Dict(small));
    // A dict with an index table and deletions; keys must stay reachable by hash.
    let mut big = Dict::new();
    for i in 0..50i64 {
        big.insert_new(
            i.wrapping_mul(0x1e37_79b9_7f4a_7c15),
            Value::Int(i),
            Value::Int(-i),
        );
    }
    for pos in (0..50).step_by(3) {
        big.remove_at(pos);
    }
    add(&mut heap, Object::Dict(big));
    let mut emptied = Dict::new();
    emptied.insert_new(str_hash("x"), Value::Obj(text), Value::None);
    emptied.remove_at(0);
    add(&mut heap, Object::Dict(emptied));
    // Records: dicts of the same keys store them once (`SHARED_KEYS`), including around a
    // named value, a dict with a deletion (never shared from) and keys that only look equal.
    let record = |vals: [Value; 2]| {
        let mut d = Dict::new();
        d.insert_new(str_hash("x"), Value::Obj(text), vals[0]);
        d.insert_new(5, Value::Int(5), vals[1]);
        Object::Dict(d)
    };
    add(&mut heap, record([Value::Int(1), Value::Float(0.5)]));
    add(&mut heap, record([Value::Int(2), Value::None]));
    add(
        &mut heap,
        record([Value::Type(BuiltinType::ValueError), Value::Int(-7)]),
    );
    let mut holed = Dict::new();
    holed.insert_new(str_hash("x"), Value::Obj(text), Value::None);
    holed.insert_new(9, Value::Int(9), Value::None);
    holed.insert_new(5, Value::Int(5), Value::None);
    holed.remove_at(1);
    add(&mut heap, Object::Dict(holed));
    add(&mut heap, record([Value::Int(3), Value::Ellipsis]));
    for key in [0.0, -0.0, -0.0] {
        let mut d = Dict::new();
        d.insert_new(0, Value::Float(key), Value::Int(1));
        add(&mut heap, Object::Dict(d));
    }
    add(&mut heap, Object::Cell(Value::Unbound));
    add(&mut heap, Object::Cell(Value::Obj(list)));
    let mut set = Set::new();
    set.insert_new(5, Value::Int(5));
    add(&mut heap, Object::FrozenSet(set));
    (heap, ids)
}

/// What a slot holds, comparable across a round trip (dict index tables are rebuilt, so only
/// their size is compared; floats by bits).
fn summary(obj: &Object) -> String {
    let vals = |vs: &[Value]| -> String {
        vs.iter()
            .map(|v| match v {
                Value::Float(f) => format!("F{:x}", f.to_bits()),
                v => format!("{v:?}"),
            })
            .collect::<Vec<_>>()
            .join(",")
    };
    match obj {
        Object::Str(s) => format!("str {:?} {}", s.s, s.chars),
        Object::Dict(d) => {
            let (entries, indices, len) = d.raw_parts();
            let es: Vec<String> = entries
                .iter()
                .map(|e| match e.key {
                    Value::Unbound => "deleted".to_string(),
                    k => format!("{}:{k:?}={}", e.hash, vals(&[e.value])),
                })
                .collect();
            format!(
                "dict {len} {} v{} [{}]",
                indices.len(),
                d.version(),
                es.join(" ")
            )
        }
        Object::List(vs) => format!("list {}", vals(vs)),
        Object::Tuple(vs) => format!("tuple {}", vals(vs)),
        other => format!("{other:?}"),
    }
}

#[test]
fn every_compact_kind_round_trips() {
    let (heap, ids) = sample();
    let bytes = dump(&heap);
    let back = load(&bytes);
    assert!(back.is_ok(), "{back:?}", back = back.as_ref().err());
    let Ok(back) = back else { return };
    assert_eq!(back.objects().len(), heap.objects().len());
    for id in ids {
        assert_eq!(
            summary(back.get(id)),
            summary(heap.get(id)),
            "object {id:?}"
        );
    }
    assert_eq!(dump(&back), bytes, "re-encoding changed the bytes");
    // Each object is charged what a fresh allocation of it would be (the decoder sizes the
    // compact kinds itself), so frees and recharges later return exactly that.
    let sizes: usize = back.objects().flatten().map(Object::size_bytes).sum();
    assert_eq!(back.account.live_bytes, sizes);
}

/// The writer reserves from an estimate of each payload; values that encode longer than it
/// (named types, long varints) make it grow mid-table without losing a byte.
#[test]
fn payloads_longer_than_the_estimate_round_trip() {
    let mut heap = Heap::new(account());
    let mut ids = Vec::new();
    let named: Vec<Value> = (0..2000)
        .map(|i| match i % 3 {
            0 => Value::Type(BuiltinType::ValueError),
            1 => Value::Int(i64::MIN + i),
            _ => Value::Float(i as f64 * 0.5),
        })
        .collect();
    for _ in 0..5 {
        ids.push(heap.alloc(Object::List(named.clone())).unwrap_or(ObjId(0)));
        let mut d = Dict::new();
        for (i, v) in named.iter().take(300).enumerate() {
            d.insert_new(i as i64, *v, *v);
        }
        ids.push(heap.alloc(Object::Dict(d)).unwrap_or(ObjId(0)));
    }
    let bytes = dump(&heap);
    let Ok(back) = load(&bytes) else {
        panic!("the table does not load")
    };
    for id in ids {
        assert_eq!(
            summary(back.get(id)),
            summary(heap.get(id)),
            "object {id:?}"
        );
    }
    assert_eq!(dump(&back), bytes);
}

#[test]
fn records_store_their_keys_once() {
    let records = |n: i64| {
        let mut heap = Heap::new(account());
        let a = heap.alloc(str_obj("id")).unwrap_or(ObjId(0));
        let b = heap.alloc(str_obj("name")).unwrap_or(ObjId(0));
        for i in 0..n {
            let mut d = Dict::new();
            d.insert_new(str_hash("id"), Value::Obj(a), Value::Int(i));
            d.insert_new(str_hash("name"), Value::Obj(b), Value::Float(0.5));
            let _ = heap.alloc(Object::Dict(d));
        }
        dump(&heap)
    };
    let (one, many) = (records(1), records(101));
    // Each further record: a kind byte, count, index size, version and two values (an int
    // of one byte and a float); no keys or hashes.
    assert_eq!(many.len() - one.len(), 100 * (1 + 3 + 2 + 9));
    let Ok(heap) = load(&many) else {
        panic!("the records do not load")
    };
    let first = summary(heap.get(ObjId(2)));
    assert!(first.contains(":Obj(ObjId(0))=Int(0)"), "{first}");
    let last = summary(heap.get(ObjId(102)));
    assert!(last.contains(":Obj(ObjId(1))=F"), "{last}");
    assert!(last.contains(":Obj(ObjId(0))=Int(100)"), "{last}");
}

#[test]
fn rebuilt_dict_tables_find_every_live_key() {
    let (heap, _) = sample();
    let Ok(back) = load(&dump(&heap)) else {
        panic!("the sample does not load")
    };
    let mut checked = 0;
    for obj in back.objects().flatten() {
        if let Object::Dict(d) = obj {
            for (pos, e) in d.raw_parts().0.iter().enumerate() {
                if !matches!(e.key, Value::Unbound) {
                    assert_eq!(d.find(e.hash, |k| k.is(e.key)), Some(pos));
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 40, "only {checked} keys checked");
}

/// A table of `kinds` followed by `payload`, with no str text.
fn table(kinds: &[u8], payload: &[u8]) -> Vec<u8> {
    table_text(kinds, &[], payload)
}

/// A table of `kinds`, the `payload` and then the strs' `text`.
fn table_text(kinds: &[u8], text: &[u8], payload: &[u8]) -> Vec<u8> {
    let mut b = vec![u8::try_from(kinds.len()).unwrap_or(0)];
    b.extend_from_slice(kinds);
    b.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    b.extend_from_slice(payload);
    b.push(u8::try_from(text.len()).unwrap_or(0));
    b.extend_from_slice(text);
    b
}

// Kinds and value tags, as objects.rs numbers them.
const FREE: u8 = 0;
const STR: u8 = 1;
const BIGINT: u8 = 4;
const LIST: u8 = 5;
const DICT: u8 = 7;
const OTHER: u8 = 9;
const V_NONE: u8 = 0;
const V_UNBOUND: u8 = 6;
/// An int in `w` bytes: `V_INT + w`.
const V_INT: u8 = 8;
/// An object id in `w` bytes: `V_OBJ + w`.
const V_OBJ: u8 = 17;

/// A dict {1: None}, then a dict of `n` Nones sharing its keys.
fn keyed_then_shared(n: u8) -> Vec<u8> {
    let mut p = vec![1, 0, 0, V_INT + 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, V_NONE];
    p.extend_from_slice(&[n, 0x80, 0]);
    p.extend(std::iter::repeat_n(V_NONE, usize::from(n)));
    table(&[DICT, DICT], &p)
}

fn err_of(bytes: &[u8]) -> String {
    match load(bytes) {
        Ok(_) => "loaded".to_string(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn crafted_tables_are_clean_errors() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("a list of one None", table(&[LIST], &[1, V_NONE]), "loaded"),
        ("a free slot", table(&[FREE], &[]), "loaded"),
        (
            "id of a free slot",
            table(&[LIST, FREE], &[1, V_OBJ + 1, 1]),
            "dangling",
        ),
        (
            "id past the end",
            table(&[LIST], &[1, V_OBJ + 1, 9]),
            "dangling",
        ),
        (
            "id in four bytes past the end",
            table(&[LIST], &[1, V_OBJ + 4, 0xff, 0xff, 0xff, 0xff]),
            "dangling",
        ),
        ("id 0 in no bytes", table(&[LIST], &[1, V_OBJ]), "loaded"),
        (
            "unbound in a list",
            table(&[LIST], &[1, V_UNBOUND]),
            "unbound",
        ),
        ("bad value tag", table(&[LIST], &[1, 200]), "bad value tag"),
        (
            "a tag one past the object ids",
            table(&[LIST], &[1, V_OBJ + 5, 0, 0, 0, 0, 0]),
            "bad value tag",
        ),
        ("bad kind", table(&[77], &[]), "bad object kind"),
        ("truncated list", table(&[LIST], &[3, V_NONE]), "truncated"),
        (
            "an int cut short by the end",
            table(&[LIST], &[1, V_INT + 8, 1, 2, 3]),
            "truncated",
        ),
        (
            "an int of eight bytes at the very end",
            table(&[LIST], &[1, V_INT + 8, 1, 2, 3, 4, 5, 6, 7, 8]),
            "loaded",
        ),
        ("trailing bytes", table(&[LIST], &[0, 0]), "trailing"),
        (
            "not UTF-8",
            table_text(&[STR], &[0xff, 0xfe], &[2]),
            "UTF-8",
        ),
        ("a str", table_text(&[STR, STR], b"abc", &[1, 2]), "loaded"),
        (
            "a str past the text",
            table_text(&[STR], b"ab", &[3]),
            "past the end",
        ),
        (
            "a str splitting a character",
            table_text(&[STR, STR], "\u{e9}".as_bytes(), &[1, 1]),
            "splits",
        ),
        (
            "text no str takes",
            table_text(&[STR], b"abc", &[2]),
            "left over",
        ),
        ("small big int", table(&[BIGINT], &[1, 5]), "small int"),
        (
            "overlong varint",
            table(
                &[LIST],
                &[
                    0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0,
                ],
            ),
            "bad varint",
        ),
        (
            "varint past 64 bits",
            table(
                &[LIST],
                &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 2],
            ),
            "bad varint",
        ),
        // Dicts: entry count, index bits, version, then entries.
        (
            "dict table of 2^40 slots",
            table(&[DICT], &[0, 40, 0]),
            "index table",
        ),
        (
            "dict table of 4 slots",
            table(&[DICT], &[0, 2, 0]),
            "index table",
        ),
        (
            "dict table far larger than its entries",
            table(
                &[DICT],
                &[1, 10, 0, V_INT + 1, 4, 0, 0, 0, 0, 0, 0, 0, 0, V_NONE],
            ),
            "index table",
        ),
        (
            "a full dict table (no empty slot)",
            {
                let mut p = vec![8, 3, 0];
                for i in 0..8u8 {
                    p.extend_from_slice(&[V_INT + 1, i * 2, i, 0, 0, 0, 0, 0, 0, 0, V_NONE]);
                }
                table(&[DICT], &p)
            },
            "index table",
        ),
        (
            "a dict sharing the keys of no dict",
            table(&[DICT], &[1, 0x80, 0, V_NONE]),
            "shares keys",
        ),
        (
            "a dict sharing the keys of a dict of another size",
            keyed_then_shared(2),
            "shares keys",
        ),
        (
            "a dict sharing the keys of the dict before",
            keyed_then_shared(1),
            "loaded",
        ),
        (
            "a deleted dict entry is only its key",
            table(&[DICT], &[1, 0, 0, V_UNBOUND]),
            "loaded",
        ),
    ];
    for (what, bytes, want) in cases {
        let got = err_of(&bytes);
        assert!(got.contains(want), "{what}: got {got:?}, want {want:?}");
    }
}

#[test]
fn hostile_counts_reserve_nothing_and_fail() {
    // Counts far beyond the input: each must fail before reserving anything.
    let huge = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f];
    let mut slots = huge.to_vec();
    slots.push(LIST);
    assert!(err_of(&slots).contains("truncated"));
    // The payloads' length, the strs' text length, then a list's and a dict's element counts.
    let mut payload_len = vec![1, LIST];
    payload_len.extend_from_slice(&[0xff; 8]);
    assert!(err_of(&payload_len).contains("truncated"));
    let mut text = table(&[STR], &[]);
    text.pop();
    text.extend_from_slice(&huge);
    assert!(err_of(&text).contains("truncated"));
    for kind in [LIST, DICT] {
        assert!(
            err_of(&table(&[kind], &huge)).contains("truncated"),
            "kind {kind}"
        );
    }
    // A str's length past its text.
    assert!(err_of(&table(&[STR], &huge)).contains("past the end"));
    // Bytes between the payloads and the text, or after the text.
    let mut after = table(&[FREE], &[]);
    after.push(0);
    assert!(err_of(&after).contains("trailing bytes"));
    let mut between = table(&[LIST], &[0, 0]);
    assert!(err_of(&between).contains("trailing bytes"));
    between.truncate(between.len() - 2);
    assert!(err_of(&between).contains("truncated"));
}

#[test]
fn other_kinds_cannot_smuggle_compact_ones() {
    let list = postcard::to_allocvec(&Object::List(vec![Value::Obj(ObjId(99))]));
    let Ok(list) = list else { return };
    assert!(err_of(&table(&[OTHER], &list)).contains("wrong kind"));
    let freed = postcard::to_allocvec(&Object::Freed).unwrap_or_default();
    assert!(err_of(&table(&[OTHER], &freed)).contains("wrong kind"));
}

#[test]
fn objects_are_charged_while_decoding() {
    let (heap, _) = sample();
    let bytes = dump(&heap);
    let got = load_under(&bytes, Account::new(1024, u64::MAX));
    assert_eq!(got.err(), Some(SnapshotError::Limit(LimitKind::Memory)));
}
