def gen():
    yield 1
g = gen()
print(g.__name__, g.__qualname__, g.gi_running)
async def co(): pass
c = co()
print(c.__name__, c.cr_running)
c.close()
