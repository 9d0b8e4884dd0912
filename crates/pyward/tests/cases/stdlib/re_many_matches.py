import re
s = "ab cd, ef " * 20000
print(len(re.findall(r"\w+", s)), re.findall(r"(\w)(\w)", s)[-1], len(re.split(r"[ ,]+", s)))
out, n = re.subn(r"(\w)(\w)", r"\2\1", s)
print(n, out[:30])
print(len(re.sub(r"\w+", lambda m: m.group().upper() * 2, s)), re.sub(r"\w+", lambda m: m.group().upper(), s)[:20])
print(len(re.sub("", "-", "abc" * 1000)), re.sub("", "-", "abc"), re.split(r"(,)", "a,b,c", maxsplit=1))
it = re.finditer(r"\d+", "1 22 333 " * 5000)
print(next(it), next(it).span(), sum(len(m.group()) for m in it))
print(re.findall(r"(\d)|x", "1x2x"), re.findall(r"é(.)", "éaéb é"), re.split(r"é", "aébéc"))
print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "héllo wörld"), re.subn(r"ö", "o", "öö ö", count=2))
print(re.compile(r"\w+").findall("aa bb cc", 3, 6), re.compile(r"\w").split("a b", 1), re.split(r"x", "axbxc", -1))
try:
    re.sub("a", lambda m: 5, "xaya")
except TypeError as e:
    print(e)
