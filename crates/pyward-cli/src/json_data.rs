//! `Data` ↔ JSON for `pyward serve` (docs/serve.md). JSON has no tuples, bytes, sets, big
//! ints or non-finite floats, so those travel as objects with one `$`-tagged key:
//! `{"$tuple": [...]}`, `{"$bytes": "<base64>"}`, `{"$set": [...]}`, `{"$frozenset": [...]}`,
//! `{"$int": "<decimal>"}` (any int outside ±(2^53 - 1), so JavaScript hosts lose nothing),
//! `{"$float": "nan" | "inf" | "-inf"}`, `{"$dict": [[k, v], ...]}` (a dict with a non-string
//! key or a key starting with `$`) and, coming out only, `{"$repr": {"type": T, "repr": R}}`.
//! A JSON integer is an int, a JSON number with a fraction or exponent a float.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use pyward::{BigInt, Data};
use serde_json::{Map, Value as Json};

/// The largest integer every JSON reader holds exactly (JavaScript's `Number`).
const MAX_SAFE: i64 = (1 << 53) - 1;

/// Data as JSON. Recursive: `Data` coming out of the sandbox nests at most
/// `pyward::MAX_DATA_DEPTH` deep.
pub fn to_json(d: &Data) -> Json {
    match d {
        Data::None => Json::Null,
        Data::Bool(b) => Json::Bool(*b),
        Data::Int(i) if (-MAX_SAFE..=MAX_SAFE).contains(i) => Json::from(*i),
        Data::Int(i) => tagged("$int", Json::String(i.to_string())),
        Data::BigInt(b) => tagged("$int", Json::String(b.to_string())),
        Data::Float(f) if f.is_finite() => Json::from(*f),
        Data::Float(f) => {
            let text = if f.is_nan() {
                "nan"
            } else if *f > 0.0 {
                "inf"
            } else {
                "-inf"
            };
            tagged("$float", Json::String(text.into()))
        }
        Data::Str(s) => Json::String(s.clone()),
        Data::Bytes(b) => tagged("$bytes", Json::String(BASE64.encode(b))),
        Data::List(items) => Json::Array(items.iter().map(to_json).collect()),
        Data::Tuple(items) => tagged("$tuple", Json::Array(items.iter().map(to_json).collect())),
        Data::Set(items) => tagged("$set", Json::Array(items.iter().map(to_json).collect())),
        Data::FrozenSet(items) => tagged(
            "$frozenset",
            Json::Array(items.iter().map(to_json).collect()),
        ),
        Data::Dict(pairs) => {
            let plain = pairs
                .iter()
                .all(|(k, _)| matches!(k, Data::Str(s) if !s.starts_with('$')));
            if plain {
                let mut m = Map::new();
                for (k, v) in pairs {
                    if let Data::Str(k) = k {
                        m.insert(k.clone(), to_json(v));
                    }
                }
                Json::Object(m)
            } else {
                let items = pairs
                    .iter()
                    .map(|(k, v)| Json::Array(vec![to_json(k), to_json(v)]))
                    .collect();
                tagged("$dict", Json::Array(items))
            }
        }
        Data::Repr { type_name, repr } => {
            let mut m = Map::new();
            m.insert("type".into(), Json::String(type_name.clone()));
            m.insert("repr".into(), Json::String(repr.clone()));
            tagged("$repr", Json::Object(m))
        }
    }
}

fn tagged(tag: &str, v: Json) -> Json {
    let mut m = Map::new();
    m.insert(tag.into(), v);
    Json::Object(m)
}

/// JSON as Data (the inverse of `to_json`; `$repr` cannot go in). serde_json's parser
/// already bounds the nesting (128 levels).
pub fn from_json(j: Json) -> Result<Data, String> {
    Ok(match j {
        Json::Null => Data::None,
        Json::Bool(b) => Data::Bool(b),
        Json::Number(n) => {
            if let Some(i) = n.as_i64() {
                Data::Int(i)
            } else if let Some(u) = n.as_u64() {
                Data::BigInt(BigInt::from(u))
            } else {
                Data::Float(n.as_f64().ok_or("number out of range")?)
            }
        }
        Json::String(s) => Data::Str(s),
        Json::Array(items) => Data::List(list(items)?),
        Json::Object(m) => {
            let tag = match m.iter().next() {
                Some((k, _)) if m.len() == 1 && k.starts_with('$') => Some(k.clone()),
                _ => None,
            };
            match tag {
                Some(tag) => {
                    let v = m.into_iter().next().map(|(_, v)| v).unwrap_or(Json::Null);
                    from_tagged(&tag, v)?
                }
                None => {
                    let mut pairs = Vec::with_capacity(m.len());
                    for (k, v) in m {
                        pairs.push((Data::Str(k), from_json(v)?));
                    }
                    Data::Dict(pairs)
                }
            }
        }
    })
}

fn list(items: Vec<Json>) -> Result<Vec<Data>, String> {
    items.into_iter().map(from_json).collect()
}

fn from_tagged(tag: &str, v: Json) -> Result<Data, String> {
    let want_array = |v: Json| match v {
        Json::Array(items) => list(items),
        _ => Err(format!("{tag} wants an array")),
    };
    let want_str = |v: Json| match v {
        Json::String(s) => Ok(s),
        _ => Err(format!("{tag} wants a string")),
    };
    Ok(match tag {
        "$tuple" => Data::Tuple(want_array(v)?),
        "$set" => Data::Set(want_array(v)?),
        "$frozenset" => Data::FrozenSet(want_array(v)?),
        "$bytes" => {
            let s = want_str(v)?;
            Data::Bytes(BASE64.decode(s).map_err(|e| format!("$bytes: {e}"))?)
        }
        "$int" => {
            let s = want_str(v)?;
            let b: BigInt = s
                .trim()
                .parse()
                .map_err(|_| format!("$int: bad integer {s:?}"))?;
            Data::from(b)
        }
        "$float" => match want_str(v)?.as_str() {
            "nan" => Data::Float(f64::NAN),
            "inf" => Data::Float(f64::INFINITY),
            "-inf" => Data::Float(f64::NEG_INFINITY),
            other => return Err(format!("$float: expected nan, inf or -inf, got {other:?}")),
        },
        "$dict" => {
            let Json::Array(items) = v else {
                return Err("$dict wants an array of [key, value] pairs".into());
            };
            let mut pairs = Vec::with_capacity(items.len());
            for item in items {
                match item {
                    Json::Array(kv) if kv.len() == 2 => {
                        let mut it = kv.into_iter();
                        let (Some(k), Some(v)) = (it.next(), it.next()) else {
                            return Err("$dict wants [key, value] pairs".into());
                        };
                        pairs.push((from_json(k)?, from_json(v)?));
                    }
                    _ => return Err("$dict wants [key, value] pairs".into()),
                }
            }
            Data::Dict(pairs)
        }
        other => {
            return Err(format!(
                "unknown tag {other} (use $dict for keys starting with $)"
            ));
        }
    })
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "a test fails by panicking")]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_through_json() {
        let values = vec![
            Data::None,
            Data::Bool(true),
            Data::Int(5),
            Data::Int(i64::MAX),
            Data::BigInt("-123456789012345678901234567890".parse().unwrap()),
            Data::Float(1.0),
            Data::Float(f64::INFINITY),
            Data::Str("s".into()),
            Data::Bytes(vec![0, 255]),
            Data::List(vec![Data::Int(1)]),
            Data::Tuple(vec![]),
            Data::Set(vec![Data::Int(1)]),
            Data::FrozenSet(vec![]),
            Data::Dict(vec![(Data::Str("a".into()), Data::Int(1))]),
            Data::Dict(vec![(Data::Int(1), Data::Int(2))]),
            Data::Dict(vec![(Data::Str("$x".into()), Data::Int(2))]),
        ];
        for v in values {
            let text = to_json(&v).to_string();
            let back = from_json(serde_json::from_str(&text).unwrap()).unwrap();
            assert_eq!(back, v, "{text}");
        }
        let nan = from_json(to_json(&Data::Float(f64::NAN))).unwrap();
        assert!(matches!(nan, Data::Float(f) if f.is_nan()));
        assert_eq!(
            to_json(&Data::Int(1 << 60)).to_string(),
            r#"{"$int":"1152921504606846976"}"#
        );
        assert!(from_json(serde_json::json!({"$nope": 1})).is_err());
    }
}
