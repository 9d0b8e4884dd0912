import math
print(math.gcd(), math.gcd(12), math.gcd(12, 18), math.gcd(-12, 18, 30), math.gcd(0, 0), math.gcd(2**100, 6**50), math.gcd(True, 4))
print(math.lcm(), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(-4, 6), math.lcm(2**70, 3**40))
print([math.factorial(n) for n in range(12)], math.factorial(30), len(str(math.factorial(1000))))
print(math.comb(10, 3), math.comb(5, 7), math.comb(100, 50), math.comb(10**20, 2), math.comb(0, 0), math.comb(7, 0))
print(math.perm(5), math.perm(5, 2), math.perm(5, 0), math.perm(3, 5), math.perm(10**12, 3), math.perm(6, None))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**40), math.isqrt(2**201 + 7), math.isqrt(True))
print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod(range(1, 21)), math.prod([1.5, 2]), math.prod([2, 3], start=10), math.prod(['a', 3]))
print(math.prod([]), math.prod((x for x in [2, 2, 2])), math.prod([[1], 2]))
for call in [lambda: math.factorial(-1), lambda: math.factorial(2.0), lambda: math.factorial(10**20), lambda: math.factorial('5'),
             lambda: math.gcd(1.5), lambda: math.gcd(2, 'a'), lambda: math.lcm(2, 1.0), lambda: math.comb(-1, 2), lambda: math.comb(3, -1),
             lambda: math.comb(1.0, 2), lambda: math.comb(5), lambda: math.perm(3, -1), lambda: math.perm(-3), lambda: math.perm(5, 2, 1),
             lambda: math.isqrt(-1), lambda: math.isqrt(1.5), lambda: math.prod(1), lambda: math.prod(), lambda: math.factorial()]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
