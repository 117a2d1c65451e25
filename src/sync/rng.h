/* rng.h - a small seeded pseudo-random generator (splitmix64).
 *
 * The whole state is one uint64_t that its thread owns (a goroutine keeps
 * its own, seeded from the run's --seed and its id), so the same seed gives
 * the same draws, hence the same select choices.  Splitmix64 (Steele, Lea
 * and Flood, "Fast splittable pseudorandom number generators", 2014) passes
 * BigCrush; rng_below maps a draw onto 0..n-1 without bias (Lemire,
 * "Fast random integer generation in an interval", 2019).  Not for
 * cryptography.
 */
#ifndef PS_RNG_H
#define PS_RNG_H

#include <stdint.h>

/* The next 64 random bits. */
static inline uint64_t rng_next(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

/* A state for stream 'stream' (a goroutine id) of seed 'seed': different
 * streams of one seed start at unrelated points of the sequence. */
static inline uint64_t rng_seed(uint64_t seed, uint64_t stream)
{
    uint64_t s = stream;
    uint64_t mixed = rng_next(&s);
    s = seed ^ mixed;
    return rng_next(&s);
}

/* Uniform in 0..n-1 (0 if n is 0): the high half of a 32x32 product, with
 * the draws that would favour the low values rejected. */
static inline uint32_t rng_below(uint64_t *state, uint32_t n)
{
    if (n == 0)
        return 0;
    uint64_t m = (rng_next(state) >> 32) * n;
    if ((uint32_t)m < n) {
        uint32_t floor = (uint32_t)(-n) % n; /* 2^32 mod n */
        while ((uint32_t)m < floor)
            m = (rng_next(state) >> 32) * n;
    }
    return (uint32_t)(m >> 32);
}

#endif
