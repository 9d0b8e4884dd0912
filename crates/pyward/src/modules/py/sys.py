"""sys: the sandbox's view of the interpreter (CPython 3.11's sys, the parts agents use).

Everything host-related goes through `_sandbox`: stdout/stderr write to the VM's output,
the recursion limit is capped by the embedder's, and there is no argv, path or environment.
"""

import _sandbox


class _StructSeq(tuple):
    """A tuple with named fields and CPython's `sys.name(field=value, ...)` repr."""

    _fields = ()
    _name = ''

    def __new__(cls, values):
        return tuple.__new__(cls, values)

    def __getattr__(self, name):
        fields = type(self)._fields
        if name in fields:
            return self[fields.index(name)]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __repr__(self):
        inner = ', '.join(f'{n}={v!r}' for n, v in zip(type(self)._fields, self))
        return f'{self._name}({inner})'

    __str__ = __repr__


class version_info(_StructSeq):
    _fields = ('major', 'minor', 'micro', 'releaselevel', 'serial')
    _name = 'sys.version_info'


class float_info(_StructSeq):
    _fields = ('max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig',
               'mant_dig', 'epsilon', 'radix', 'rounds')
    _name = 'sys.float_info'


class int_info(_StructSeq):
    _fields = ('bits_per_digit', 'sizeof_digit', 'default_max_str_digits',
               'str_digits_check_threshold')
    _name = 'sys.int_info'


class hash_info(_StructSeq):
    _fields = ('width', 'modulus', 'inf', 'nan', 'imag', 'algorithm', 'hash_bits',
               'seed_bits', 'cutoff')
    _name = 'sys.hash_info'


version_info = version_info((3, 11, 7, 'final', 0))
float_info = float_info((1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021,
                         -307, 15, 53, 2.220446049250313e-16, 2, 1))
int_info = int_info((30, 4, 4300, 640))
hash_info = hash_info((64, 2305843009213693951, 314159, 0, 1000003, 'siphash13', 64, 128, 0))

version = '3.11.7 (pyward)'
hexversion = 0x030B07F0
api_version = 1013
platform = 'pyward'
byteorder = 'little'
maxsize = 9223372036854775807
maxunicode = 1114111
argv = []
orig_argv = []
path = []
meta_path = []
builtin_module_names = ('builtins', 'sys')
executable = ''
prefix = ''
exec_prefix = ''
flags = None
dont_write_bytecode = True
float_repr_style = 'short'
copyright = 'pyward'


class _Implementation:
    name = 'pyward'
    cache_tag = None
    version = version_info

    def __repr__(self):
        return "namespace(name='pyward', cache_tag=None, version=" + repr(self.version) + ')'


implementation = _Implementation()


class _StdStream:
    """sys.stdout / sys.stderr: text written goes to the VM's output."""

    encoding = 'utf-8'
    errors = 'strict'
    newlines = None
    closed = False
    line_buffering = False

    def __init__(self, name, write, fileno):
        self.name = name
        self._write = write
        self._fileno = fileno
        self.mode = 'w'

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f'write() argument must be str, not {type(s).__name__}')
        return self._write(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def isatty(self):
        return False

    def writable(self):
        return True

    def readable(self):
        return False

    def seekable(self):
        return False

    def fileno(self):
        return self._fileno

    def __repr__(self):
        return f"<_io.TextIOWrapper name='{self.name}' mode='w' encoding='utf-8'>"


class _StdIn:
    """sys.stdin: the sandbox has no input."""

    name = '<stdin>'
    encoding = 'utf-8'
    closed = False

    def read(self, size=-1):
        return ''

    def readline(self, size=-1):
        return ''

    def readlines(self, hint=-1):
        return []

    def __iter__(self):
        return iter(())

    def isatty(self):
        return False

    def fileno(self):
        return 0

    def __repr__(self):
        return "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>"


stdout = _StdStream('<stdout>', _sandbox.write_out, 1)
stderr = _StdStream('<stderr>', _sandbox.write_err, 2)
stdin = _StdIn()
__stdout__ = stdout
__stderr__ = stderr
__stdin__ = stdin
modules = _sandbox.init_sys(stdout, stderr)

getrecursionlimit = _sandbox.getrecursionlimit
setrecursionlimit = _sandbox.setrecursionlimit
exc_info = _sandbox.exc_info


def exception():
    return exc_info()[1]


def getsizeof(obj, default=None):
    return _sandbox.getsizeof(obj)


def get_int_max_str_digits():
    return 4300


def intern(string):
    if not isinstance(string, str):
        raise TypeError(f'intern() argument must be str, not {type(string).__name__}')
    return string


def getdefaultencoding():
    return 'utf-8'


def getfilesystemencoding():
    return 'utf-8'


def exit(status=None):
    raise SystemExit(status)


def is_finalizing():
    return False


def displayhook(value):
    """Print repr(value) to stdout unless it is None (the interactive interpreter's hook)."""
    if value is None:
        return
    print(repr(value))


__displayhook__ = displayhook
