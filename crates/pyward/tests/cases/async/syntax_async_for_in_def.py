# 'async for' outside an async function.
def f(x):
    async for i in x:
        pass
