"""pyward.Limits: the CLI's defaults, sizes as text, None lifts a limit."""

import pyward
import pytest


def test_defaults_match_the_pyward_command():
    limits = pyward.Limits()
    assert limits.duration == 30.0
    assert limits.memory == 256 * 1024 * 1024
    assert limits.allocations == 100_000_000
    assert limits.recursion == 1000
    assert limits.output == 10 * 1024 * 1024
    assert limits.fuel is None


def test_sizes_accept_text_with_binary_units():
    limits = pyward.Limits(memory="64MB", output="512k")
    assert limits.memory == 64 << 20
    assert limits.output == 512 << 10
    assert pyward.Limits(memory=1000).memory == 1000
    assert pyward.Limits(memory="1.5KB").memory == 1536


def test_none_lifts_a_limit():
    limits = pyward.Limits(duration=None, memory=None, allocations=None, output=None)
    assert (limits.duration, limits.memory, limits.allocations, limits.output) == (None,) * 4
    assert limits.recursion == 1000


def test_limits_compare_and_repr():
    assert pyward.Limits(memory="1MB") == pyward.Limits(memory=1 << 20)
    assert pyward.Limits() != pyward.Limits(fuel=10)
    assert repr(pyward.Limits(duration=1.5, fuel=7)) == (
        "Limits(duration=1.5, memory=268435456, allocations=100000000, "
        "recursion=1000, output=10485760, fuel=7)"
    )


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"memory": "lots"}, ValueError, "cannot parse memory size 'lots'"),
        ({"memory": -1}, ValueError, "memory must not be negative"),
        ({"memory": [1]}, TypeError, "memory must be bytes"),
        ({"duration": "10"}, TypeError, "duration must be seconds"),
        ({"duration": -1}, ValueError, "bad duration"),
        ({"duration": True}, TypeError, "duration must be seconds"),
        ({"recursion": 0}, ValueError, "recursion must be at least 1"),
        ({"recursion": None}, TypeError, "recursion must be an int"),
        ({"allocations": 1.5}, TypeError, "allocations must be an int"),
        ({"timeout": 1}, TypeError, "unexpected keyword argument 'timeout'"),
    ],
)
def test_bad_values_are_refused(kwargs, error, message):
    with pytest.raises(error, match=message):
        pyward.Limits(**kwargs)


def test_limits_are_immutable():
    limits = pyward.Limits()
    with pytest.raises(AttributeError):
        limits.memory = 1
