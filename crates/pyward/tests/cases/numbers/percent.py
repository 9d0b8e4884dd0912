# printf-style %-formatting of ints and floats (the numeric conversions).
def t(s, f):
    try:
        print(s, "->", repr(f()))
    except Exception as e:
        print(s, "->", type(e).__name__, e)
for fmt in ['%d', '%5d', '%-5d|', '%05d', '%+d', '% d', '%x', '%#x', '%X', '%#o', '%e', '%.2e', '%f', '%.0f', '%#.0f', '%g', '%G', '%10.3f', '%-10.3f|', '%010.2f', '%r', '%s', '%i', '%u', '%.3g', '%#g']:
    for v in [0, 42, -42, 2**70, 3.14159, -0.0, 1e20, 1e-7, float('inf'), float('nan'), True, 65]:
        t(fmt + ' % ' + repr(v), lambda: fmt % v)
