import re
m = re.match(r"(\w+) (\w+)(?P<tail>!)?", "Hello World!x")
print(m, m.group(0), m.group(1, 2), m[2], m["tail"], m.groups(), m.groupdict(), m.span(2), m.start(), m.end(1), m.lastindex, m.lastgroup)
print(m.string, m.re.pattern, m.pos, m.endpos, m.expand(r"\2-\1 \g<tail>"), m.regs)
m = re.search(r"(a)(b)?", "xxa")
print(m.groups(), m.groups("-"), m.span(2), m.group(2), m.lastindex)
p = re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)", re.I | re.M)
print(p, p.pattern, p.flags, p.groups, p.groupindex, re.compile("a").flags, re.compile("(?i)a").flags, re.compile("a", re.A).flags)
print(p.search("on 2024-05 and", 3), p.search("on 2024-05", 4), p.match("2024-05x"), p.fullmatch("2024-05"), p.fullmatch("2024-05x"))
print(re.findall(r"x*", "axb"), re.findall(r"\d*", "a12b"), re.sub(r"x*", "-", "abxd"), re.split(r"x*", "axbc"))
print(re.findall(r"é+", "caféé é"), re.search(r"ü", "Grüße").span(), [m.span() for m in re.finditer(r"\w+", "日本 語x")])
print(re.findall(r"\w+", "naïve café", re.A), re.findall(r"\d", "١٢3"), re.findall(r"\d", "١٢3", re.ASCII), re.findall(r"\s", "a\x1cb c"))
print(re.sub(r"(\d+)", r"<\1>", "a1b22"), re.sub(r"(?P<n>\d)", r"\g<n>\g<0>", "x5"), re.subn(r"\s", "", " a b "), re.sub("a", r"\n", "bab"))
print(re.sub(r"\d", lambda m: str(int(m.group()) + 1), "a1b9"), re.sub(r"a|(b)", lambda m: m.group(1) or "A", "abc"))
print(re.split(r"(,)|;", "a,b;c"), re.split(r"\W+", "Words, words, words.", 1), re.split(r"z", "abc"))
print(re.escape("a.b*c?d[e]f{g}h|i^j$k\\l m-n#o&p~q"), re.escape("plain_123"))
print(re.findall(r"[a-c\]]+", "ab]cd"), re.findall(r"[\d.-]+", "1.5-2 x"), re.findall(r"a{2}", "aaaa"), re.findall(r"a{,2}", "aaa"), re.findall(r"x{a}", "x{a}"))
print(re.match(r"(?i:AB)c", "abc"), re.match(r"(?s).+", "a\nb").group(), re.findall(r"^a", "a\na", re.M), re.findall(r"a$", "a\na", re.M))
print(re.search(r"(?x) a \s+ b  # comment", "a   b").group(), re.search(r"a(?#note)b", "ab").group(), re.fullmatch("a|ab", "ab"))
print(re.match(r"\Aab\Z", "ab"), re.search(r"\bcat\b", "a cat!"), re.search(r"\Bat", "cat").span(), re.findall(r"\x41\u0042\n", "AB\n"))
for bad in [r"(a", r"a)", r"[a", r"*a", r"a**", r"\q", "a(?i)b"]:
    try:
        re.compile(bad)
        print("compiled", bad)
    except re.error as e:
        print("error", type(e).__name__, "needs backtracking" in str(e), e.pos)
for call in [lambda: re.sub(r"(a)", r"\2", "a"), lambda: re.sub(r"(?P<x>a)", r"\g<y>", "a"), lambda: m.group(5), lambda: m.group("nope"),
             lambda: re.match(1, "a"), lambda: re.match("a", 1), lambda: re.compile(re.compile("a"), re.I)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(issubclass(re.error, Exception), int(re.I), int(re.M), int(re.S), int(re.X), int(re.A), int(re.IGNORECASE | re.DOTALL))
