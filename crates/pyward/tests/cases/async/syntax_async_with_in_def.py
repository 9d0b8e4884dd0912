# 'async with' outside an async function.
def f(x):
    async with x:
        pass
