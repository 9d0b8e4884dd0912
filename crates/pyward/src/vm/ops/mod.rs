//! Operations on values, grouped by family. Each is a `Vm` method so it can allocate and call
//! back into Python; the dispatch loop calls these when its inline fast paths do not apply.

pub mod arith;
pub mod attr;
pub mod bigcost;
pub mod class;
pub mod compare;
pub mod complex;
pub mod container;
pub mod convert;
pub mod dictview;
pub mod excattr;
pub mod format;
pub mod import;
pub mod int;
pub mod iter;
pub mod pattern;
pub mod percent;
pub mod range;
pub mod repr;
pub mod setops;
pub mod star;
pub mod subscr;
pub mod with;
