# str() of a KeyError shows its one argument's repr, for subclasses too (KeyError_str).
class NotFound(KeyError):
    pass
class Missing(NotFound):
    def __init__(self, key):
        super().__init__(key)
        self.key = key
for e in [KeyError("k"), NotFound("k"), Missing("a b"), NotFound(), NotFound("a", "b"), NotFound(3)]:
    print(str(e), repr(e), e.args)
try:
    raise Missing("user_id")
except KeyError as e:
    print(f"missing: {e}")
raise NotFound("last")
