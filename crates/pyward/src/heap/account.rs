//! Memory and allocation accounting: the budget the heap charges every allocation to.

use crate::exc::{PyResult, RunError};

/// Which resource limit was breached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LimitKind {
    /// Wall-clock duration.
    Duration,
    /// Instruction fuel.
    Fuel,
    /// Live heap bytes.
    Memory,
    /// Number of allocations.
    Allocations,
    /// Bytes of printed output.
    Output,
}

/// Live bytes and allocation counts against their limits.
#[derive(Clone, Debug)]
pub struct Account {
    /// Bytes currently charged.
    pub live_bytes: usize,
    /// Peak of `live_bytes`.
    pub peak_bytes: usize,
    /// Allocations made so far.
    pub allocations: u64,
    /// Limit on `live_bytes`.
    pub max_bytes: usize,
    /// Limit on `allocations`.
    pub max_allocations: u64,
}

impl Account {
    /// A fresh account with the given limits.
    pub fn new(max_bytes: usize, max_allocations: u64) -> Account {
        Account {
            live_bytes: 0,
            peak_bytes: 0,
            allocations: 0,
            max_bytes,
            max_allocations,
        }
    }

    /// Whether `bytes` more would still fit (used to refuse big results before building them).
    pub fn check_fits(&self, bytes: usize) -> PyResult<()> {
        match self.live_bytes.checked_add(bytes) {
            Some(total) if total <= self.max_bytes => Ok(()),
            _ => Err(RunError::Limit(LimitKind::Memory)),
        }
    }

    /// Charge a new allocation.
    pub fn charge_alloc(&mut self, bytes: usize) -> PyResult<()> {
        self.allocations = self.allocations.saturating_add(1);
        if self.allocations > self.max_allocations {
            return Err(RunError::Limit(LimitKind::Allocations));
        }
        self.charge_growth(bytes)
    }

    /// Charge growth of an existing object.
    pub fn charge_growth(&mut self, bytes: usize) -> PyResult<()> {
        self.check_fits(bytes)?;
        self.live_bytes = self.live_bytes.saturating_add(bytes);
        self.peak_bytes = self.peak_bytes.max(self.live_bytes);
        Ok(())
    }

    /// `charge_growth` for a snapshot's decoder, whose errors are small.
    #[inline(always)]
    pub(crate) fn grow_restored(&mut self, bytes: usize) -> Result<(), LimitKind> {
        match self.live_bytes.checked_add(bytes) {
            Some(total) if total <= self.max_bytes => {
                self.live_bytes = total;
                self.peak_bytes = self.peak_bytes.max(total);
                Ok(())
            }
            _ => Err(LimitKind::Memory),
        }
    }

    /// Return bytes of a freed or shrunk object.
    pub fn release(&mut self, bytes: usize) {
        self.live_bytes = self.live_bytes.saturating_sub(bytes);
    }
}
