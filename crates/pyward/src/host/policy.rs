//! The OS policy: where the sandbox's clock comes from.
//!
//! This is the one place the library reads the host clock, and only because the embedder's
//! default policy asks for the real one.

use std::time::Instant;

/// A monotonic clock the VM reads for the duration limit and `time` functions.
pub trait Clock: Send {
    /// Nanoseconds since an arbitrary fixed point.
    fn now_nanos(&mut self) -> u64;
}

/// The host's real monotonic clock.
pub struct RealClock {
    start: Instant,
}

impl RealClock {
    /// A clock starting now.
    #[expect(
        clippy::disallowed_methods,
        reason = "the default OS policy is the real clock"
    )]
    pub fn new() -> RealClock {
        RealClock {
            start: Instant::now(),
        }
    }
}

impl Default for RealClock {
    fn default() -> RealClock {
        RealClock::new()
    }
}

impl Clock for RealClock {
    fn now_nanos(&mut self) -> u64 {
        u64::try_from(self.start.elapsed().as_nanos()).unwrap_or(u64::MAX)
    }
}
