def g2():
    try:
        yield 1
    finally:
        x = 5
gen = g2(); next(gen); gen.close()
print("closed")
def g3():
    try:
        yield 1
    finally:
        print("c3")
gen = g3(); next(gen)
try:
    gen.throw(ValueError("boom"))
except ValueError as e:
    print("got", e)
