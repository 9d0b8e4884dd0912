import re
tests = [
    (r"(\w)\1", "hello aabb"), (r"(?P<q>['\"]).*?(?P=q)", "say 'hi' and \"yo\""),
    (r"(?<=\$)\d+", "cost $45 and $7"), (r"(?<!\d)\d{2}(?!\d)", "1 22 333 44"),
    (r"\b(\w+)\s+\1\b", "the the cat sat sat"), (r"(?=(\d\d))", "12345"),
    (r"a$", "a\n"), (r"a$", "a\nb"), (r"^\d+$", "123\n"), (r"(a$)", "xa\n"), (r"a$\n", "a\n"),
    (r"$", "ab\n"), (r"(?m)a$", "a\na\n"), (r"a\Z", "a\n"), (r"x*$", "ab\n"),
    (r"(?>a+)b", "aaab"), (r"a++b", "aaab"), (r"(a)?(?(1)b|c)", "ab c"), (r"(?P<x>a)?(?(x)b|c)", "ab c"),
    (r"(?i)(ab)\1", "abAB"), (r"\b\w+\b", "héllo wörld"), (r"(?a)\b\w+\b", "héllo wörld"),
    (r"(?a)\w+(?=!)", "héllo! wörld!"), (r"(?<=é)\w", "éa"), (r"[\1]", "a\x01"), (r"\101", "A"),
    (r"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10", "abcdefghijj"), (r"(.)(?!\1)", "aab"),
    (r"(?:(a)|b)\1", "aa b"), (r"(\d+)(?=px)", "10px 20em 30px"),
]
for p, s in tests:
    try:
        print(p, re.findall(p, s), [m.span() for m in re.finditer(p, s)], re.sub(p, "<\\g<0>>", s), re.split(p, s))
        print(re.search(p, s), re.match(p, s), re.fullmatch(p, s))
    except re.error as e:
        print(p, "error", e)
for bad in [r"(a)\2", r"(?P=n)", r"(?P<n>a)(?P=m)", r"(a\1)", r"(?<=a+)b", r"(?<=a|bc)d", r"(?P<a>x)(?P<a>y)", r"(?(2)a|b)", r"a{3,2}", r"\8", r"(?P<1a>x)"]:
    try:
        re.compile(bad); print("ok", bad)
    except re.error as e:
        print("error", bad, e, e.pos)
print(re.sub(r"(?<=\d)(?=(\d{3})+$)", ",", "1234567"))
print(re.sub(r"(\w+)", lambda m: m.group(1).upper(), "ab cd ef"), re.subn("x*", "-", "abxd"))
print(re.split(r"\b", "a b"), re.split("", "abc"))
print(list(re.finditer(r"\d", "a1b2c3d4" * 10))[-1], len(re.findall(r"(\d)(\w)", "1a2b3c" * 100)))
print(re.compile(r"\d+").findall("a12b345c", 2), re.compile(r"\d+").findall("a12b345c", 2, 6), re.compile(r"^\d").search("a1", 1))
print(re.compile(r"(?<=a)b").match("ab", 1), re.compile(r"\bb").match("ab", 1), re.compile(r"$").search("ab\n", 0, 2))
print(re.sub(r"a", lambda m: None, "banana"), re.sub("(b)|a", r"[\1]", "ba"))
try:
    re.sub("a", lambda m: 1, "a")
except TypeError as e:
    print("TypeError", e)
