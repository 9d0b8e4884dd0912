//! Keccak-f[1600] and the SHA-3 / SHAKE sponge (FIPS 202), for `hashlib.sha3_*` and
//! `hashlib.shake_*`. The workspace has no SHA-3 crate, and the permutation is short.

const ROUND_CONSTANTS: [u64; 24] = [
    0x0000_0000_0000_0001,
    0x0000_0000_0000_8082,
    0x8000_0000_0000_808a,
    0x8000_0000_8000_8000,
    0x0000_0000_0000_808b,
    0x0000_0000_8000_0001,
    0x8000_0000_8000_8081,
    0x8000_0000_0000_8009,
    0x0000_0000_0000_008a,
    0x0000_0000_0000_0088,
    0x0000_0000_8000_8009,
    0x0000_0000_8000_000a,
    0x0000_0000_8000_808b,
    0x8000_0000_0000_008b,
    0x8000_0000_0000_8089,
    0x8000_0000_0000_8003,
    0x8000_0000_0000_8002,
    0x8000_0000_0000_0080,
    0x0000_0000_0000_800a,
    0x8000_0000_8000_000a,
    0x8000_0000_8000_8081,
    0x8000_0000_0000_8080,
    0x0000_0000_8000_0001,
    0x8000_0000_8000_8008,
];

/// Rotation offsets, in the lane order visited by the rho-pi step.
const RHO: [u32; 24] = [
    1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44,
];
/// Lane visiting order of the rho-pi step.
const PI: [usize; 24] = [
    10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1,
];

fn keccak_f(a: &mut [u64; 25]) {
    for rc in ROUND_CONSTANTS {
        // theta
        let mut c = [0u64; 5];
        for (x, cx) in c.iter_mut().enumerate() {
            *cx = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        }
        for x in 0..5 {
            let d = c[(x + 4) % 5] ^ c[(x + 1) % 5].rotate_left(1);
            for y in 0..5 {
                a[x + 5 * y] ^= d;
            }
        }
        // rho and pi
        let mut last = a[1];
        for (&j, &r) in PI.iter().zip(RHO.iter()) {
            let t = a[j];
            a[j] = last.rotate_left(r);
            last = t;
        }
        // chi
        for y in 0..5 {
            let row = [
                a[5 * y],
                a[5 * y + 1],
                a[5 * y + 2],
                a[5 * y + 3],
                a[5 * y + 4],
            ];
            for x in 0..5 {
                a[5 * y + x] = row[x] ^ (!row[(x + 1) % 5] & row[(x + 2) % 5]);
            }
        }
        // iota
        a[0] ^= rc;
    }
}

fn absorb_block(state: &mut [u64; 25], block: &[u8]) {
    for (lane, word) in state.iter_mut().zip(block.chunks_exact(8)) {
        let mut b = [0u8; 8];
        b.copy_from_slice(word);
        *lane ^= u64::from_le_bytes(b);
    }
    keccak_f(state);
}

/// The sponge with `rate` bytes per block and domain-separation byte `pad`, squeezed to
/// `out_len` bytes. `rate` is a multiple of 8 below 200.
pub fn sponge(data: &[u8], rate: usize, pad: u8, out_len: usize) -> Vec<u8> {
    let mut state = [0u64; 25];
    let mut chunks = data.chunks_exact(rate);
    for block in &mut chunks {
        absorb_block(&mut state, block);
    }
    let rest = chunks.remainder();
    let mut last = vec![0u8; rate];
    last[..rest.len()].copy_from_slice(rest);
    last[rest.len()] ^= pad;
    last[rate - 1] ^= 0x80;
    absorb_block(&mut state, &last);
    let mut out = Vec::with_capacity(out_len);
    loop {
        for lane in state.iter().take(rate / 8) {
            for b in lane.to_le_bytes() {
                if out.len() == out_len {
                    return out;
                }
                out.push(b);
            }
        }
        if out.len() == out_len {
            return out;
        }
        keccak_f(&mut state);
    }
}
