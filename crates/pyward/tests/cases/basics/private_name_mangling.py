# Names like __x inside a class body (and functions nested in it) are mangled to _Class__x:
# attributes, variables, parameters, def and class names (which keep their own __name__).
class Account:
    __count = 0
    def __init__(self, owner, balance):
        self.owner = owner
        self.__balance = balance
        Account.__count += 1
    def __validate(self, amt):
        if amt <= 0:
            raise ValueError("bad")
    def deposit(self, amt):
        self.__validate(amt)
        self.__balance += amt
        return self.__balance
    @property
    def balance(self):
        return self.__balance
    @classmethod
    def count(cls):
        return cls.__count
    class __Inner:
        pass
    def inner_name(self):
        return self.__Inner.__name__, self.__Inner.__qualname__
a = Account("ann", 10)
print(a.deposit(5), a.balance, Account.count(), a._Account__balance, sorted(k for k in vars(a)))
print(a.inner_name(), Account._Account__validate.__name__, Account._Account__validate.__qualname__)
print(hasattr(a, "__balance"), [n for n in dir(Account) if "Account" in n])
try:
    print(a.__balance)
except AttributeError as e:
    print("AttributeError:", e)
class Sub(Account):
    def peek(self):
        try:
            return self.__balance
        except AttributeError as e:
            return str(e)
print(Sub("b", 1).peek())
class _Hidden:
    def __init__(self):
        self.__x = 1
print(vars(_Hidden()))
class ___:
    def __init__(self):
        self.__y = 2
print(vars(___()))
def outside():
    __local = 5
    return __local
print(outside())
class M:
    def f(self):
        __tmp = [__q for __q in range(3)]
        g = lambda __p: __p + 1
        try:
            raise KeyError("k")
        except KeyError as __e:
            r = repr(__e)
        return __tmp, g(1), r
    def __private_method(self):
        return "pm"
    def call(self):
        return self.__private_method()
print(M().f(), M().call())
a.__balance = 99
print(a.__balance, a.balance)
