"""collections.abc: the ABCs of _collections_abc, the very same classes (collections' own
classes derive from those, and isinstance() must agree whichever name a program uses)."""

from _collections_abc import *
