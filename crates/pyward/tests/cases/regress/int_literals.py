# Big int literals in every radix, with underscores and signs (a hex literal past i64 once
# failed to load as a constant), and the compile-time 4300-digit limit through exec/eval.
print(0xFFFFFFFFFFFFFFFFFFFFF)
print(0XFFFF_FFFF_FFFF_FFFF_FFFF)
print(-0b1111111111111111111111111111111111111111111111111111111111111111111111)
print(0o7777777777777777777777777777777)
print(1_000_000_000_000_000_000_000, -1_000_000_000_000_000_000_000)
print(-9223372036854775808, 9223372036854775808, 18446744073709551616)
print((0xFFFFFFFFFFFFFFFFFFFF, -0x1_0000_0000_0000_0000), [0x1_0000_0000_0000_0000])
print(len(str(eval("0x" + "f" * 3000))))
print(eval("1" + "0" * 4299) == 10 ** 4299)
for src in ["x = " + "7" * 4301, "x = -" + "1" * 5000, "y = [1, " + "2" * 4400 + "]"]:
    try:
        exec(src)
    except SyntaxError as e:
        print(type(e).__name__, e.args[0])
try:
    eval("9" * 100000)
except SyntaxError as e:
    print(e.args[0])
