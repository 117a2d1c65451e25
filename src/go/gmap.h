/* gmap.h - Go maps, and the hash and equality of every comparable type.
 *
 * A map keeps its entries in insertion order (an array of positions, each
 * with a sequence number) with an open-addressing index over them.  Each
 * entry's key and value words are one gor_alloc block that is never freed:
 * a pointer that gmap_lookup, gmap_assign or gmap_next returned stays a
 * pointer to valid words forever, even in a racy program.  A deleted
 * entry's block is zeroed and may be reused by a later insertion into the
 * same map, so such a pointer names the entry only until it is deleted.
 *
 * Iteration (gmap_next) goes by sequence number, so it stays valid while
 * the map changes, as Go's range does: an entry deleted before it is
 * reached is not produced, an entry inserted during the loop may be.  The
 * order is insertion order (Go's is random: no program may rely on it).
 *
 * Every operation takes the map's lock, so two goroutines racing on a map
 * never corrupt it.  Like Go's runtime, a write that overlaps another write
 * (or a read or iteration step that overlaps a write) in time ends the
 * program with "fatal error: concurrent map writes" (or "... map read and
 * map write", "... map iteration and map write"): a writer raises a flag
 * before it takes the lock and lowers it after; see gmap.c.  Only truly
 * overlapping operations are caught, so a program whose map use is
 * properly synchronized never is; a racy one is caught only sometimes, as
 * in Go.
 */
#ifndef PS_GO_GMAP_H
#define PS_GO_GMAP_H

#include <stdint.h>

#include "value.h"

typedef struct gmap gmap;

/* A map of type map_type (a GK_MAP, possibly named), room for about hint
 * entries (make's size hint; the caller has refused a negative one). */
gmap *gmap_new(struct gor *g, const gtype *map_type, int64_t hint);
/* len(m); 0 for the nil map (NULL). */
int64_t gmap_len(const gmap *m);
/* The value words of key (key_type->size words at key), or NULL if absent
 * or m is nil.  Panics (a key of interface type holding an unhashable
 * value) as Go does. */
gcell *gmap_lookup(struct gor *g, gmap *m, const gcell *key);
/* m[key]'s value words, inserting key with the zero value if absent.  m is
 * not nil (the caller panics "assignment to entry in nil map" first). */
gcell *gmap_assign(struct gor *g, gmap *m, const gcell *key);
/* delete(m, key); no effect on a nil map or an absent key. */
void gmap_delete(struct gor *g, gmap *m, const gcell *key);
/* Iteration: pos 0 first; the next entry at or after pos (its words in
 * *key and *val) and the pos to pass next time, or -1 at the end. */
int64_t gmap_next(struct gor *g, gmap *m, int64_t pos, gcell **key, gcell **val);
/* A map holds nothing but program memory (gor_alloc), so there is
 * nothing to free; kept so that callers need not know. */
void gmap_free(gmap *m);

/* The hash of a value of comparable type t (words v): equal values hash
 * equal (+0 and -0 too); a NaN hashes at random, as in Go.  Panics
 * "hash of unhashable type T" for an interface holding an uncomparable T. */
uint64_t gvalue_hash(struct gor *g, const gtype *t, const gcell *v);
/* a == b for a comparable type t: strings by content, floats by value
 * (+0 == -0, NaN != NaN), interfaces by dynamic type then value, structs
 * without their blank fields.  Panics "comparing uncomparable type T" when
 * two interfaces hold the same uncomparable T. */
int gvalue_equal(struct gor *g, const gtype *t, const gcell *a, const gcell *b);

/* The parts of a complex64/complex128 value.  types.h gives complex no
 * layout yet (types.c makes it one word): two words (real, imaginary) when
 * the type has size 2, else the word points to two such words (NULL is
 * 0+0i). */
void gvalue_complex(const gtype *t, const gcell *v, double *re, double *im);

#endif
