"""pyward: run the Python code that LLM agents write, in a sandbox inside this process.

    >>> import pyward
    >>> pyward.run("print(6 * 7)").stdout
    '42\\n'

The interpreter is pyward's own (written in Rust): sandboxed code sees no host objects,
files, network or environment, only the values and tools you hand in, under hard limits.
"""

from ._describe import describe
from . import _errors
from ._errors import *  # noqa: F403 (the exception classes; their list is _errors.__all__)
from ._pyward import Limits, Program, Result, __version__, run

__all__ = [
    *_errors.__all__,
    "Limits",
    "Program",
    "Result",
    "__version__",
    "describe",
    "run",
]
