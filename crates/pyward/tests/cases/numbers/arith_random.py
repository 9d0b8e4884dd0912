# All operators over a random mix of ints, big ints, bools and floats (generated).
vals = [6, -5.6797130421219434e+19, -856356166119165511304942872946479708505912744980151271439912533416103295648469068654169962, 44.0, 4.975523180806294e-11, -15, -19, 1791874091148563997756118011944649928908242840190607413593036289619405032479612702506880886, 2, -8, 17, 1, 10, False]

ops = [('+', lambda a, b: a + b), ('-', lambda a, b: a - b), ('*', lambda a, b: a * b), ('/', lambda a, b: a / b),
       ('//', lambda a, b: a // b), ('%', lambda a, b: a % b), ('divmod', lambda a, b: divmod(a, b)),
       ('**', lambda a, b: a ** b if not (isinstance(b, int) and abs(b) > 3000 and abs(a) > 1) else 'skip'),
       ('<<', lambda a, b: a << b if not (isinstance(b, int) and b > 3000) else 'skip'), ('>>', lambda a, b: a >> b),
       ('&', lambda a, b: a & b), ('|', lambda a, b: a | b), ('^', lambda a, b: a ^ b),
       ('<', lambda a, b: a < b), ('<=', lambda a, b: a <= b), ('==', lambda a, b: a == b), ('!=', lambda a, b: a != b),
       ('>', lambda a, b: a > b), ('>=', lambda a, b: a >= b), ('pow3', lambda a, b: pow(a, b, 97))]
def run2(a, name, b, f):
    try:
        r = f(a, b)
        if type(r).__name__ == 'complex': r = 'complex'
        if r in ('complex','skip'): print(repr(a), name, repr(b), '->', r); return
        print(repr(a), name, repr(b), '->', repr(r))
    except Exception as e:
        if type(e).__name__ == 'NotImplementedError': print(repr(a), name, repr(b), '->', 'complex')
        else: print(repr(a), name, repr(b), '->', type(e).__name__, e)
def run1(name, a, f):
    try:
        print(name, repr(a), '->', repr(f(a)))
    except Exception as e:
        print(name, repr(a), '->', type(e).__name__, e)
for a in vals:
    for b in vals:
        for name, f in ops:
            run2(a, name, b, f)
for a in vals:
    for name, f in [('neg', lambda a: -a), ('pos', lambda a: +a), ('inv', lambda a: ~a), ('abs', lambda a: abs(a)), ('int', lambda a: int(a)), ('float', lambda a: float(a)), ('round', lambda a: round(a)), ('round2', lambda a: round(a, 2)), ('round-2', lambda a: round(a, -2)), ('hash', lambda a: hash(a)), ('str', lambda a: str(a)), ('bool', lambda a: bool(a))]:
        run1(name, a, f)
