//! Resource limits and their safe defaults.

use std::time::Duration;

/// Limits for one run. `Limits::default()` is bounded: a run with no settings cannot run or
/// grow without end.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Wall-clock time (None: unlimited).
    pub max_duration: Option<Duration>,
    /// Instructions' fuel: counted on calls and backward jumps (None: unlimited).
    pub max_fuel: Option<u64>,
    /// Live heap bytes.
    pub max_memory: usize,
    /// Number of heap allocations.
    pub max_allocations: u64,
    /// Python call depth (RecursionError beyond it).
    pub max_recursion: usize,
    /// Bytes of printed output.
    pub max_output: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_duration: Some(Duration::from_secs(30)),
            max_fuel: None,
            max_memory: 256 << 20,
            max_allocations: 100_000_000,
            max_recursion: 1000,
            max_output: 10 << 20,
        }
    }
}

impl Limits {
    /// No limits at all except call depth (for trusted benchmarks).
    pub fn unlimited() -> Limits {
        Limits {
            max_duration: None,
            max_fuel: None,
            max_memory: usize::MAX,
            max_allocations: u64::MAX,
            max_recursion: 1000,
            max_output: usize::MAX,
        }
    }
}

/// Parse a size such as `64MB`, `512k`, `1GB` or `1000` (binary units).
pub fn parse_size(s: &str) -> Option<usize> {
    let t = s.trim();
    let upper = t.to_ascii_uppercase();
    let (num, mult): (&str, u64) =
        if let Some(n) = upper.strip_suffix("GB").or_else(|| upper.strip_suffix('G')) {
            (n, 1 << 30)
        } else if let Some(n) = upper.strip_suffix("MB").or_else(|| upper.strip_suffix('M')) {
            (n, 1 << 20)
        } else if let Some(n) = upper.strip_suffix("KB").or_else(|| upper.strip_suffix('K')) {
            (n, 1 << 10)
        } else if let Some(n) = upper.strip_suffix('B') {
            (n, 1)
        } else {
            (upper.as_str(), 1)
        };
    let num = num.trim();
    if let Ok(v) = num.parse::<u64>() {
        return usize::try_from(v.checked_mul(mult)?).ok();
    }
    let f: f64 = num.parse().ok()?;
    if !(f.is_finite() && f >= 0.0) {
        return None;
    }
    let bytes = f * mult as f64;
    if bytes > usize::MAX as f64 {
        return None;
    }
    Some(bytes as usize)
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn parse_size_accepts_binary_suffixes() {
        assert_eq!(parse_size("64MB"), Some(64 << 20));
        assert_eq!(parse_size("1k"), Some(1024));
        assert_eq!(parse_size("1GB"), Some(1 << 30));
        assert_eq!(parse_size("123"), Some(123));
        assert_eq!(parse_size("1.5KB"), Some(1536));
        assert_eq!(parse_size("abc"), None);
        assert_eq!(parse_size("-1"), None);
    }
}
