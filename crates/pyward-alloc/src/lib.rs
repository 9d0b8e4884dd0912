//! The global allocator of the `pyward` command and of the benchmarks: mimalloc.
//!
//! The interpreter frees garbage in batches at each collection, which glibc's malloc serves
//! poorly (consolidation and bin searches took half of a string-splitting loop); the library
//! leaves the allocator to its embedder, and the command picks this one.
//!
//! The `mimalloc` crate's `MiMalloc` enters mimalloc by its aligned path for every
//! allocation, which costs about 25 instructions more a call than `mi_malloc` (a fifth of
//! the cost of restoring a small object from a snapshot). Every mimalloc block is aligned to
//! at least 8 bytes (its smallest size class), so an allocation that asks for no more than
//! that takes the plain path; a larger alignment takes the aligned one.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// Alignment every mimalloc block has: its word size, the smallest block.
const PLAIN_ALIGN: usize = 8;

/// mimalloc as the global allocator: `#[global_allocator] static A: Allocator = Allocator;`.
pub struct Allocator;

// SAFETY: each method forwards to the mimalloc function for the same request, which returns
// null or a block of at least `size` bytes aligned to `layout.align()`: by the plain path
// only when that alignment is at most `PLAIN_ALIGN`, which every mimalloc block meets.
// `dealloc` and `realloc` receive blocks these methods returned, as `GlobalAlloc` requires.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl; any size is a valid request to mimalloc.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator (the caller's contract), so from mimalloc.
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout`; the new block keeps its
        // alignment by the same rule as `alloc`.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks of every size and alignment the interpreter asks for come back aligned, hold
    /// their bytes through a realloc, and free.
    #[test]
    fn blocks_are_aligned_and_keep_their_bytes() {
        let a = Allocator;
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 3, 8, 13, 24, 100, 1000, 70_000] {
                let Ok(layout) = Layout::from_size_align(size, align) else {
                    continue;
                };
                // SAFETY: a nonzero size; the block is written within its size, then freed
                // with its layout.
                unsafe {
                    let p = a.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "size {size} align {align}");
                    p.write_bytes(0xab, size);
                    let q = a.realloc(p, layout, size * 2);
                    assert!(!q.is_null());
                    assert_eq!(q as usize % align, 0, "realloc size {size} align {align}");
                    assert_eq!(*q.add(size - 1), 0xab);
                    a.dealloc(q, Layout::from_size_align_unchecked(size * 2, align));
                    let z = a.alloc_zeroed(layout);
                    assert!(!z.is_null());
                    assert_eq!(z as usize % align, 0);
                    assert_eq!(*z.add(size - 1), 0);
                    a.dealloc(z, layout);
                }
            }
        }
    }
}
