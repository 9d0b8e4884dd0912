import random
for s in [0, 1, 42, 2**32, 2**100 + 7, -5, 'hello', b'bytes', '', 3.5, 123456789]:
    random.seed(s)
    print(repr(s), [random.random() for _ in range(3)], random.getrandbits(8), random.getrandbits(70), random.randrange(1000))
random.seed(12345)
print([random.randint(1, 6) for _ in range(20)])
print([random.randrange(0, 100, 7) for _ in range(10)], random.randrange(10, 0, -3), random.randrange(10**30))
xs = list(range(20))
random.shuffle(xs)
print(xs)
print(random.choice('abcdef'), random.choice([1, 2, 3]), random.sample(range(100), 10), random.sample('abcdefgh', 3))
print(random.sample(range(10000), 5), random.sample(['a', 'b', 'c'], 3, counts=None))
print(random.choices('abc', k=5), random.choices(['x', 'y', 'z'], weights=[1, 5, 10], k=8), random.choices('ab', cum_weights=[1, 3], k=4))
print(random.uniform(1, 10), random.triangular(), random.triangular(0, 10, 2), random.gauss(), random.gauss(5, 2), random.normalvariate(0, 1))
print(random.expovariate(1.5), random.betavariate(2, 3), random.gammavariate(0.5, 1), random.gammavariate(3, 2), random.lognormvariate(0, 1))
print(random.vonmisesvariate(1, 2), random.paretovariate(3), random.weibullvariate(1, 2), random.randbytes(5))
r1 = random.Random(7)
r2 = random.Random(7)
print(r1.random() == r2.random(), r1.randint(0, 10**6), r2.randint(0, 10**6))
st = r1.getstate()
a = [r1.random() for _ in range(3)]
r1.setstate(st)
print(a == [r1.random() for _ in range(3)], len(st[1]), st[0])
r3 = random.Random('seed')
print(r3.random(), r3.sample(range(5), 5))
for call in [lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.randrange(1, 10, 0), lambda: random.choice([]),
             lambda: random.sample([1, 2], 3), lambda: random.sample({1, 2}, 1), lambda: random.getrandbits(-1),
             lambda: random.choices('ab', [1], k=2), lambda: random.choices('ab', [0, 0]), lambda: random.seed([1]), lambda: random.gammavariate(0, 1),
             lambda: random.randint(5, 1), lambda: random.choices('ab', weights=[1, 1], cum_weights=[1, 2])]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
random.seed(99)
print(random.getrandbits(0), random.getrandbits(32), random.getrandbits(33), random.getrandbits(64), random.getrandbits(1000) % 10**9)
