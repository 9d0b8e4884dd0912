# string.Formatter: format/vformat, parse, get_field/convert_field/format_field overrides,
# auto and manual numbering, nested specs, and the parse errors.
import string
f = string.Formatter()
print(f.format("{0} {name} {1:>5}", "a", 3, name="x"))
print(list(f.parse("a{0}b{x!r:>3}c{{}}")))
print(f.vformat("{a}-{b}", (), {"a": 1, "b": 2}))
class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
print(Upper().format("{} and {}", "x", "y"))
class Default(string.Formatter):
    def get_value(self, key, args, kwargs):
        if isinstance(key, str):
            return kwargs.get(key, "<" + key + ">")
        return super().get_value(key, args, kwargs)
print(Default().format("{a} {b}", a=1))
print(f.convert_field("x", "r"), f.get_field("0.real", (5,), {}))
t = string.Template("$who likes ${what}")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"))
print(string.ascii_letters[:5], string.digits, string.punctuation[:5], string.capwords("hello world"))
print(f.format("{0:{1}}|{:>{}}".replace("{:>{}}", "{2:>{3}}"), 3.14159, ".2f", "r", 4))
print(f.format("{0[1]} {a.real} {a[x]}".replace("{a[x]}", "{b[x]}"), [1, 2], a=3, b={"x": 9}))
for bad in ["{", "}", "{0", "{!}", "{0!x}", "{0!rr}", "{0.}", "{0[1}", "{} {0}", "{0} {}"]:
    try:
        print(repr(f.format(bad, "v")))
    except (ValueError, IndexError, KeyError) as e:
        print(bad, type(e).__name__, e)
print(list(string.Formatter().parse("")), list(string.Formatter().parse("no fields")))
it = string.Formatter().parse("a{0}b{")
print(next(it))
try:
    next(it)
except ValueError as e:
    print("lazy:", e)
