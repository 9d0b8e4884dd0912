import io

s = io.StringIO()
print(s.write('hello\n'), s.write('world'), s.tell(), s.getvalue())
s.seek(0)
print(repr(s.read(3)), repr(s.readline()), repr(s.readline()), repr(s.readline()), s.tell())
s.seek(2)
s.write('XY')
print(repr(s.getvalue()), s.tell())
s.seek(20)
s.write('!')
print(repr(s.getvalue()))
s = io.StringIO('a\nb\r\nc\rd')
print(s.readlines())
s = io.StringIO('a\nb\r\nc\rd', newline='')
print(list(s))
s = io.StringIO('a\nb\r\nc\rd', newline=None)
print(repr(s.getvalue()), s.readlines())
s = io.StringIO(newline='\r\n')
s.write('x\ny\n')
print(repr(s.getvalue()))
s = io.StringIO('line1\nline2\nline3\n')
for line in s:
    print(repr(line))
s.seek(0)
print(s.readlines(7), s.read(), repr(s.read()))
s = io.StringIO('abc')
print(s.seek(0, 2), s.tell(), s.truncate(1), repr(s.getvalue()), s.readable(), s.writable())
for bad in [lambda: s.seek(-1), lambda: s.seek(1, 1), lambda: s.write(5), lambda: s.seek(0, 5),
            lambda: io.StringIO(5), lambda: io.StringIO(newline='x')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
with io.StringIO('ctx') as f:
    print(f.read(), f.closed)
print(f.closed)
try:
    f.read()
except ValueError as e:
    print('ValueError', e)
s = io.StringIO()
s.writelines(['a', 'b', 'c'])
print(s.getvalue(), s.readline() == '')
big = io.StringIO()
for i in range(2000):
    big.write(str(i))
print(len(big.getvalue()))
b = io.BytesIO(b'ab\ncd')
print(b.read(1), b.readline(), b.read(), b.tell(), b.getvalue())
b = io.BytesIO()
print(b.write(b'xyz'), b.write(bytearray(b'!')), b.getvalue())
b.seek(1)
print(b.read(), list(io.BytesIO(b'1\n2\n')))
try:
    b.write('str')
except TypeError as e:
    print('TypeError', e)
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase))
