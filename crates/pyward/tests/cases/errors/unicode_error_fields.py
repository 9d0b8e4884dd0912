# Codec errors carry CPython's five args (encoding, object, start, end, reason) and build
# their message from those fields, also when constructed or changed by the program.
try:
    b"abc\xff".decode()
except UnicodeDecodeError as e:
    print(e.args, e.start, e.end, e.reason, e.encoding)
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(e.args, e.start, e.end, e.reason, e.encoding)
try:
    b"\xc3".decode("utf-8")
except UnicodeDecodeError as e:
    print(e.args, e)
print(b"a\xffb".decode("utf-8", errors="replace"), b"a\xffb".decode("utf-8", "ignore"), "é".encode("ascii", "replace"), "é".encode("ascii", "xmlcharrefreplace"), "é".encode("ascii", "backslashreplace"), b"\xff".decode("latin-1"))
e = UnicodeEncodeError("ascii", "é", 0, 1, "ordinal not in range(128)")
print(e)
e = UnicodeDecodeError("utf-8", b"ab\xff\xfe", 2, 4, "invalid continuation")
print(e, e.object, e.start)
e.reason = "changed"; e.start = 3
print(e, e.args)
e = UnicodeEncodeError("latin-1", "a\u20ac\U0001f600", 1, 3, "ordinal not in range(256)")
print(e)
e = UnicodeEncodeError("latin-1", "a\u20ac\U0001f600", 2, 3, "x"); print(e)
e = UnicodeEncodeError("latin-1", "a\u20ac\U0001f600", 1, 2, "x"); print(e)
try:
    "a€€b".encode("latin-1")
except UnicodeEncodeError as x:
    print(x, x.args, x.object[x.start:x.end])
try:
    b"ok\xe2\x82".decode()
except UnicodeError as x:
    print(x, x.args)
try:
    "x".encode("ascii").decode("utf-8") + b"\x80abc".decode("ascii")
except ValueError as x:
    print(type(x).__name__, x, x.args)
class MyDecodeError(UnicodeDecodeError):
    pass
print(MyDecodeError("ascii", b"\x80", 0, 1, "ordinal not in range(128)"))
