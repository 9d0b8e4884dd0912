# The backslashreplace and namereplace codec error handlers (and their neighbours) on
# encode and decode.
for s, enc in [("héllo", "ascii"), ("日本", "ascii"), ("€x", "latin-1"), ("\U0001F600", "ascii"), ("a\x80", "ascii")]:
    for h in ["backslashreplace", "namereplace", "xmlcharrefreplace", "replace", "ignore"]:
        try:
            print(enc, h, s.encode(enc, h))
        except Exception as e:
            print(enc, h, type(e).__name__, e)
for b, h in [(b"a\xff\xfeb", "backslashreplace"), (b"\xe9t\xe9", "backslashreplace"), (b"\xff", "replace")]:
    try:
        print(b.decode("utf-8", h))
    except Exception as e:
        print(type(e).__name__, e)
print(str(b"a\xffb", "utf-8", "backslashreplace"), repr("é".encode("ascii", errors="namereplace")))
