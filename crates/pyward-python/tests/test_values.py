"""Values across the boundary: plain data both ways, Repr out, clear TypeErrors in."""

import collections
import enum

import pyward
import pytest


def roundtrip(value):
    return pyward.run("x", inputs={"x": value}).value


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        False,
        0,
        -7,
        2**63 - 1,
        -(2**63),
        2**63,
        -(2**200) + 3,
        1.5,
        float("inf"),
        -0.0,
        "",
        "héllo ✓",
        b"\x00\xff",
        [1, [2, [3]]],
        (1, "a", (None,)),
        {"b": 1, "a": [1, {"c": 2}]},
        {1, 2, 3},
        frozenset({"x"}),
        {(1, 2): frozenset({3})},
    ],
)
def test_plain_values_round_trip(value):
    out = roundtrip(value)
    assert out == value
    assert type(out) is type(value)


def test_dict_order_is_kept():
    assert list(roundtrip({"z": 1, "a": 2, "m": 3})) == ["z", "a", "m"]


def test_nan_round_trips():
    out = roundtrip(float("nan"))
    assert out != out


def test_subclasses_convert_as_their_base():
    class Color(enum.IntEnum):
        RED = 1

    Point = collections.namedtuple("Point", "x y")
    out = roundtrip([Color.RED, collections.OrderedDict(a=1), Point(1, 2), bytearray(b"ab")])
    assert out == [1, {"a": 1}, (1, 2), b"ab"]
    assert [type(v) for v in out] == [int, dict, tuple, bytes]


def test_sandbox_values_arrive_as_python_values():
    code = "import math\n{'big': 10**30, 'f': math.pi, 's': {1}, 'b': bytes([1]), 'n': None}"
    out = pyward.run(code).value
    assert out == {"big": 10**30, "f": 3.141592653589793, "s": {1}, "b": b"\x01", "n": None}


def test_non_plain_sandbox_values_arrive_as_repr():
    code = "class A:\n    def __repr__(self):\n        return 'A()'\n[A(), range(3), len]"
    out = pyward.run(code).value
    assert all(isinstance(v, pyward.Repr) for v in out)
    assert [(v.type_name, v.repr) for v in out] == [
        ("A", "A()"),
        ("range", "range(0, 3)"),
        ("builtin_function_or_method", "<built-in function len>"),
    ]
    assert repr(out[0]) == "A()"


def test_repr_values_are_hashable_dict_keys():
    out = pyward.run("class K:\n    def __repr__(self):\n        return 'K'\n{K(): 1}").value
    (key,) = out
    assert key == pyward.Repr("K", "K") and hash(key) == hash(pyward.Repr("K", "K"))


def test_no_last_expression_gives_none():
    assert pyward.run("x = 1").value is None


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        ({"cfg": {"items": [1, 2, object()]}}, "inputs['cfg']['items'][2]: cannot convert 'object'"),
        ({"f": len}, "inputs['f']: cannot convert 'builtin_function_or_method'"),
        ({"t": (1, {2: 3j})}, "inputs['t'][1][2]: cannot convert 'complex'"),
        ({"d": {object(): 1}}, "inputs['d'] (key #0): cannot convert 'object'"),
        ({"s": {1, 2.5, ...}}, "inputs['s'] (a set element): cannot convert 'ellipsis'"),
        ({"r": pyward.Repr("A", "A()")}, "inputs['r']: cannot convert 'Repr'"),
    ],
)
def test_unconvertible_inputs_name_their_path(inputs, message):
    with pytest.raises(TypeError) as info:
        pyward.run("1", inputs=inputs)
    assert str(info.value) == message


def test_self_containing_and_too_deep_inputs_are_refused():
    loop = []
    loop.append(loop)
    with pytest.raises(ValueError, match=r"^inputs\['x'\]\[0\]\[0\].*nested deeper than 1000"):
        pyward.run("1", inputs={"x": loop})
    deep = []
    for _ in range(5000):
        deep = [deep]
    with pytest.raises(ValueError, match="nested deeper than 1000"):
        pyward.run("1", inputs={"x": deep})


def test_deep_sandbox_result_is_a_recursion_error():
    with pytest.raises(pyward.ExecutionError) as info:
        pyward.run("x = []\nfor i in range(2000):\n    x = [x]\nx")
    assert info.value.type_name == "RecursionError"


def test_input_names_must_be_identifiers():
    with pytest.raises(pyward.UsageError, match="'1x' is not a Python identifier"):
        pyward.run("1", inputs={"1x": 1})
    with pytest.raises(TypeError, match="inputs: names must be str, not 'int'"):
        pyward.run("1", inputs={1: 1})
    with pytest.raises(TypeError, match="inputs must be a dict, not 'list'"):
        pyward.run("1", inputs=[("x", 1)])


def test_inputs_are_copies():
    data = {"items": [1, 2]}
    out = pyward.run("items.append(3)\nitems", inputs={"items": data["items"]}).value
    assert out == [1, 2, 3]
    assert data == {"items": [1, 2]}
