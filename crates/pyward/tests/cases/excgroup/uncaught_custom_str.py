# str() of a group subclass heads its box; one exception may appear several times.
class MyEG(ExceptionGroup):
    def __str__(self):
        return "custom!"
e = ValueError("shared")
raise MyEG("m", [e, e, ExceptionGroup("x", [e])])
