import json
for s in ['{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d"}}', '  [1, "two", {"3": [4]}]  ', '"\\u00e9\\ud83d\\ude00\\n\\t\\/"',
          '12345678901234567890123', '-0', '-0.0', '1E5', 'NaN', '-Infinity', '[]', '{}', '{"a": 1, "a": 2}', '"\\"quoted\\""']:
    print(repr(json.loads(s)))
bad = ['', ' ', '[', '{', '{"a"', '{"a":1', '{"a":1,}', '[1,]', '[1 2]', '{1:2}', '"abc', '"a\\qb"', '"a\\u12"', '"a\x01"', 'nul',
       '01', '-', '1.', '1e', '[1,2', '{"a" 1}', 'tru', '[-]', '1 2', '\n\n  x', '\ufeff1', '{"a":1}x', "{'a': 1}", '[1,\n2,\n]']
for s in bad:
    try:
        print(repr(json.loads(s)))
    except json.JSONDecodeError as e:
        print("JSONDecodeError", e, "|", e.msg, e.pos, e.lineno, e.colno)
try:
    json.loads("[")
except ValueError as e:
    print("caught as ValueError:", type(e).__name__, isinstance(e, ValueError))
try:
    json.loads(1)
except TypeError as e:
    print("TypeError", e)
print(json.loads(b'{"x": [1]}'), json.loads(bytearray(b'2')))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": 2, "a": 3}', object_pairs_hook=list))
print(json.loads('[NaN, Infinity]', parse_constant=lambda s: "const:" + s))
print(json.loads('"a\tb"', strict=False))
try:
    json.loads('[' * 100000 + ']' * 100000)
except RecursionError as e:
    print("RecursionError", e)
try:
    json.loads('{"a":' * 100000 + '1' + '}' * 100000)
except RecursionError as e:
    print("RecursionError", e)
dec = json.JSONDecoder()
print(dec.raw_decode('[1, 2] tail'), dec.decode(' {"k": "v"} '))
print(json.loads(json.dumps({"round": [1, 2.25, "trip", None]})))
