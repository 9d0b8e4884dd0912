# InitVar[T] pseudo-fields: subscriptable, passed to __post_init__, left out of fields().
from dataclasses import dataclass, field, fields, InitVar, asdict
@dataclass
class Scaled:
    a: int
    scale: InitVar[int] = 1
    total: int = field(init=False, default=0)
    def __post_init__(self, scale):
        self.a *= scale
        self.total = self.a + 1
print(Scaled(2, 5), Scaled(3), [f.name for f in fields(Scaled)], asdict(Scaled(4, 2)))
print(InitVar[int], InitVar[list[str]], InitVar[int].type)
@dataclass
class Conn:
    host: str
    password: InitVar[str | None] = None
    def __post_init__(self, password):
        self.authed = password is not None
c = Conn("db", "pw")
print(c, c.authed, Conn("x").authed)
