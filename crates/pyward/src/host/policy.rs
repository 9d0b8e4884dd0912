//! The OS policy: where the sandbox's clock comes from.
//!
//! This is the one place the library reads the host clock (monotonic, plus the wall-clock
//! time once at start), and only because the embedder's default policy asks for the real one.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// A monotonic clock the VM reads for the duration limit and `time` functions.
pub trait Clock: Send {
    /// Nanoseconds since an arbitrary fixed point.
    fn now_nanos(&mut self) -> u64;

    /// The Unix time, in nanoseconds, at which `now_nanos` read zero: the wall clock is
    /// this plus `now_nanos`. The default is a fixed date (2024-01-01T00:00:00Z), for
    /// policies that give the sandbox no access to the real date.
    fn epoch_nanos(&self) -> u64 {
        FIXED_EPOCH_NANOS
    }
}

/// 2024-01-01T00:00:00Z in nanoseconds since the Unix epoch.
pub const FIXED_EPOCH_NANOS: u64 = 1_704_067_200_000_000_000;

/// The host's real monotonic clock.
pub struct RealClock {
    start: Instant,
    epoch: u64,
}

impl RealClock {
    /// A clock starting now.
    #[expect(
        clippy::disallowed_methods,
        reason = "the default OS policy is the real clock"
    )]
    pub fn new() -> RealClock {
        let epoch = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(FIXED_EPOCH_NANOS, |d| {
                u64::try_from(d.as_nanos()).unwrap_or(FIXED_EPOCH_NANOS)
            });
        RealClock {
            start: Instant::now(),
            epoch,
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

    fn epoch_nanos(&self) -> u64 {
        self.epoch
    }
}
