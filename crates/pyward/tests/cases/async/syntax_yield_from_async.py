# 'yield from' inside an async function.
async def f(x):
    yield from x
