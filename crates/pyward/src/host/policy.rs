//! The OS policy: where the sandbox's clock, sleep and randomness come from.
//!
//! This is the one place the library touches the host: it reads the host clock (monotonic,
//! for the duration limit and the default real clock, plus the wall-clock time once at
//! start) and draws OS entropy for unseeded random generators when the policy asks for it.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// What the sandbox sees of the host's operating system: clock, sleep and randomness.
/// Plain data, so a paused run or a session carries it (and a snapshot with it).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OsPolicy {
    /// Where `time.time()`, `time.monotonic()` and `datetime.now()` read the time.
    pub clock: ClockPolicy,
    /// How unseeded random generators (`random`, `uuid.uuid4`) are seeded.
    pub random: RandomPolicy,
    /// A cap on the total virtual time a run (or a session snippet) may sleep; past it the
    /// run ends with the duration limit. `None`: sleep is capped by the duration limit only
    /// (every second slept counts against it).
    pub max_sleep: Option<Duration>,
}

/// Where the sandbox's clock comes from. Whatever the policy, the duration limit is measured
/// on the host's real monotonic clock, and `time.sleep` advances the sandbox's clock without
/// blocking.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ClockPolicy {
    /// The host's real clock.
    #[default]
    Real,
    /// Frozen at this time since the Unix epoch; only `time.sleep` moves it.
    Frozen(Duration),
    /// Forwarded to the embedder as host calls: `time.time_ns` (answer: an int of
    /// nanoseconds since the Unix epoch) and `time.monotonic_ns` (an int of nanoseconds).
    Host,
}

/// How unseeded random generators are seeded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RandomPolicy {
    /// From the operating system's entropy source, like CPython.
    #[default]
    Entropy,
    /// From a stream derived from this seed: every run with the same seed draws the same
    /// numbers (each unseeded generator gets the next seed of the stream).
    Seed(u64),
}

impl OsPolicy {
    /// The real clock and OS entropy (the default).
    pub fn real() -> OsPolicy {
        OsPolicy::default()
    }

    /// A reproducible policy: the clock frozen at `unix_time` and random seeded with `seed`.
    pub fn deterministic(unix_time: Duration, seed: u64) -> OsPolicy {
        OsPolicy {
            clock: ClockPolicy::Frozen(unix_time),
            random: RandomPolicy::Seed(seed),
            max_sleep: None,
        }
    }
}

/// 256 bits of seed material for the `n`-th unseeded generator of a run.
pub(crate) fn seed_material(policy: RandomPolicy, n: u64) -> [u32; 8] {
    let mut out = [0u32; 8];
    match policy {
        RandomPolicy::Entropy => {
            let mut bytes = [0u8; 32];
            #[expect(
                clippy::disallowed_methods,
                reason = "the default OS policy seeds unseeded generators from OS entropy"
            )]
            let drawn = getrandom::getrandom(&mut bytes);
            if drawn.is_err() {
                // No entropy source (some sandboxed hosts): fall back to the clock and the
                // counter rather than fail the program.
                let t = RealClock::new();
                return splitmix_words(t.epoch ^ n.rotate_left(32));
            }
            for (w, chunk) in out.iter_mut().zip(bytes.chunks_exact(4)) {
                let mut word = [0u8; 4];
                word.copy_from_slice(chunk);
                *w = u32::from_le_bytes(word);
            }
        }
        RandomPolicy::Seed(seed) => {
            out = splitmix_words(seed ^ n.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        }
    }
    out
}

/// Eight words of SplitMix64 output from `state` (a well-mixed stream from any seed).
fn splitmix_words(mut state: u64) -> [u32; 8] {
    let mut out = [0u32; 8];
    for pair in out.chunks_exact_mut(2) {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        if let [lo, hi] = pair {
            *lo = (z & 0xffff_ffff) as u32;
            *hi = (z >> 32) as u32;
        }
    }
    out
}

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
