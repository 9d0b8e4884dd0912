class A:
    x: int
    y: str = "s"
    if True:
        z: "Fwd" = 3
print(A.__annotations__, A.y, hasattr(A, "x"))
class B:
    pass
print("__annotations__" in B.__dict__)
def f():
    T = list
    class C:
        items: T
    return C.__annotations__
print(f())
