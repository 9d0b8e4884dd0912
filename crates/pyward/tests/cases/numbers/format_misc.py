# f-strings and str.format with numeric specs, nested widths, and errors.
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

x = 1234567.891
n = -9876543210
w = 12
p = 3
t("f1", lambda: f"{x:>{w}.{p}f}|{n:,}|{n:_x}|{x:e}|{x:%}")
t("f2", lambda: f"{x:,.2f} {-x:08.3f} {42:+d} {8:#o} {255:#X} {9731:c}")
t("f3", lambda: f"{n:=+12,d}|{n:^+15_}|{0.000123:g}|{0.000123:.0%}")
t("f4", lambda: f"{True:d} {False:5} {True:>5} {True:x} {True!r:>6}")
t("f5", lambda: f"{2**100:,} {2**100:e} {-(2**64):#b}")
t("f6", lambda: f"{float('nan'):+08.2f} {float('-inf'):010} {-0.0:z.2f} {-0.001:z.1f} {0.0:z}")
t("e1", lambda: f"{1.5:d}")
t("e2", lambda: f"{15:.2d}")
t("e3", lambda: f"{15:,x}")
t("e4", lambda: f"{15:+c}")
t("e5", lambda: f"{15:#c}")
t("e6", lambda: f"{15:z}")
t("e7", lambda: f"{15:,_}")
t("e8", lambda: f"{15:_,}")
t("e9", lambda: f"{1.5:,n}")
t("e10", lambda: f"{15:xx}")
t("e11", lambda: f"{-1:c}")
t("e12", lambda: f"{0x110000:c}")
t("e13", lambda: f"{2**1024:f}")
t("e14", lambda: f"{15:.}")
t("e15", lambda: f"{1.5:s}")
t("e16", lambda: format(1.5, "99999999999999999999999"))
t("e17", lambda: format(3, "\u00e9"))
for v in [0, 7, -7, 123456789, 0.5, -1234.5678, 1e-10, 1e21]:
    print([format(v, s) for s in ["", "010", "010,", "<10", "^+10", "=10", "x<10", "0=10,", "0<10", "*^11,"]])
