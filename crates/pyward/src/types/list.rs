//! `list` helpers shared by the VM and builtins.
