# An asynchronous comprehension needs an async function.
def f(x):
    return [i async for i in x]
