# from __future__ import annotations keeps every annotation as its source text, so
# forward references and undefined names in annotations do not fail.
from __future__ import annotations
from dataclasses import dataclass, field
@dataclass
class Node:
    value: int
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
    def add(self, child: Node) -> Node:
        self.children.append(child)
        return child
root = Node(1)
root.add(Node(2))
print(root, Node.__annotations__)
print(Node.add.__annotations__ if hasattr(Node.add, "__annotations__") else "none")
x: UndefinedThing = 5
print(x, __annotations__)
