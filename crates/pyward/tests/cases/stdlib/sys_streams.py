import sys
import io
from contextlib import redirect_stdout

print(sys.version_info >= (3, 8), sys.version_info[:2], sys.version_info.major, sys.version_info.minor)
print(sys.version_info > (3, 11, 0), sys.version_info < (4,), tuple(sys.version_info)[:3])
print(sys.maxsize, sys.byteorder, type(sys.platform).__name__, sys.version.startswith('3.11'))
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.int_info.bits_per_digit)
print(sys.get_int_max_str_digits(), sys.intern('abc'), sys.getrecursionlimit())
sys.stdout.write('written directly\n')
n = sys.stdout.write('abc\n')
print(n)
print('to stderr', file=sys.stderr)
sys.stderr.write('err text\n')
print('to stdout', file=sys.stdout, flush=True)
buf = io.StringIO()
print('a', 1, 2.5, sep='-', end='!\n', file=buf)
print('second', file=buf)
print(repr(buf.getvalue()))


class Recorder:
    def __init__(self):
        self.calls = []

    def write(self, s):
        self.calls.append(s)


r = Recorder()
print('x', 'y', file=r)
print(r.calls)
try:
    print('x', file=5)
except Exception as e:
    print(type(e).__name__, e)
out = io.StringIO()
with redirect_stdout(out):
    print('captured')
    print('twice')
print('after', repr(out.getvalue()))
print('sys' in sys.modules, 'io' in sys.modules, sys.modules['io'] is io)
import json
print('json' in sys.modules)
try:
    raise KeyError('k')
except KeyError:
    et, ev, tb = sys.exc_info()
    print(et.__name__, repr(ev))
print(sys.exc_info())
print(sys.getsizeof(1) > 0, sys.getsizeof('abc') > sys.getsizeof(''), sys.getsizeof([]) > 0)


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


sys.setrecursionlimit(100)
print(sys.getrecursionlimit())
try:
    depth(200)
except RecursionError as e:
    print('RecursionError')
sys.setrecursionlimit(1000)
print(depth(500))
for bad in [0, 'x', 1.5]:
    try:
        sys.setrecursionlimit(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    sys.exit(3)
except SystemExit as e:
    print('exit', e.code)
