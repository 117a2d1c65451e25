/* lib_natives.h - the C side of the library: each package's natives, by
 * member name, and what they share (errors, writers, refusals). */
#ifndef PS_GO_LIB_NATIVES_H
#define PS_GO_LIB_NATIVES_H

#include <stdlib.h>

#include "eval.h"
#include "gmap.h"
#include "gort.h"
#include "lib.h"

typedef struct golib_native {
    const char *name; /* a member's name as lib.c lists it ("Println", "*Mutex.Lock") */
    gnative_fn fn;
} golib_native;

/* The native of a package member, or NULL. */
gnative_fn lib_native(const char *pkg_path, const char *member);

/* An error value: *errors.errorString with msg, or (wrap) *fmt.wrapError
 * around wrapped. */
giface *lib_error_value(gor *g, uint64_t msg, giface *wrapped, int wrap);
/* The fd of an io.Writer that is *os.File, or -1. */
int lib_writer_fd(gor *g, uint64_t w);
struct gbuf;
/* The interface boxes of a ...any parameter's slice (in small when they
 * fit nsmall, else malloc'd: free *out unless it is small); their count. */
int lib_operands(const gcell *slot, giface ***out, giface **small, int nsmall);
/* Writes b to the io.Writer w (fd: lib_writer_fd's answer): res gets
 * (n, err). */
void lib_out_writer(gor *g, uint64_t w, int fd, struct gbuf *b, gcell *res);
/* Time.String of virtual time t into b; mono: 1 with its "m=+..." reading,
 * -1 when t can be a reading of Now (lib_time.c). */
void lib_time_string(gor *g, int64_t t, int mono, struct gbuf *b);
/* Duration.String of d into out; its length. */
size_t lib_duration_string(int64_t d, char out[40]);
/* Ends the program: a library feature poolscope lacks. */
_Noreturn void lib_unsupported(gor *g, const char *what);

extern const golib_native lib_fmt_natives[];
extern const golib_native lib_errors_natives[];
extern const golib_native lib_sync_natives[];
extern const golib_native lib_atomic_natives[];
extern const golib_native lib_time_natives[];
extern const golib_native lib_os_natives[];
extern const golib_native lib_context_natives[];
extern const golib_native lib_errgroup_natives[];
extern const golib_native lib_math_natives[];
extern const golib_native lib_strings_natives[];
extern const golib_native lib_strconv_natives[];
extern const golib_native lib_sort_natives[];
extern const golib_native lib_unicode_natives[];
extern const golib_native lib_utf8_natives[];
extern const golib_native lib_rand_natives[];
extern const golib_native lib_runtime_natives[];
extern const golib_native lib_log_natives[];

/* A slice of len zeroed words with room for cap. */
gslice *lib_slice_make(gor *g, int64_t len, int64_t cap);
/* s[off:off+n] sharing s's bytes (strings are immutable). */
uint64_t lib_substr(gor *g, const gstr *s, int64_t off, int64_t n);
/* A library type by package path and name (it exists once the program
 * imports the package), or NULL. */
gtype *lib_type(gvm *vm, const char *pkg, const char *name);

/* Rune classes (lib_unicode.c), shared by strings and unicode. */
int lib_rune_is_space(int32_t r);
int lib_rune_is_upper(int32_t r);
int lib_rune_is_lower(int32_t r);
int lib_rune_is_letter(int32_t r);
int lib_rune_is_digit(int32_t r);
int lib_rune_is_punct(int32_t r);
int32_t lib_rune_to_upper(int32_t r);
int32_t lib_rune_to_lower(int32_t r);

/* A native method of a library type made at run time (the receiver's
 * named type gets it): for types the program never declares. */
struct gfunc *lib_native_method(gvm *vm, gtype *recv, const char *name, gnative_fn fn, gtype *sig);
/* The context type, if the program imports context (eval_prepare). */
void lib_context_prepare(gvm *vm);

#endif
