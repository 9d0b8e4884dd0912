# A from __future__ import after other statements is a SyntaxError.
import math
from __future__ import annotations
print(math.pi)
