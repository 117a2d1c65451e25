/* fmt.h - Go's fmt formatting engine over the interpreter's values.
 *
 * Sprintf, Sprint and Sprintln as Go 1.19's fmt package does them (print.go
 * and format.go, ported rule for rule): every verb and flag, widths and
 * precisions (also from arguments, '*'), argument indexes, the error
 * strings (%!d(string=hi), %!(EXTRA ...), %!v(MISSING), %!(BADWIDTH),
 * %!(BADPREC), %!(NOVERB), %!d(BADINDEX)), maps printed sorted by key as
 * internal/fmtsort orders them, and the methods Go calls: Error() then
 * String() for %v %s %q %x %X (also on nested values reached through
 * exported fields, elements and map entries), GoString() for %#v.
 *
 * Not as Go (see fmt.c for why): Format (fmt.Formatter) methods are not
 * called; a panic inside String/Error propagates instead of printing
 * %!v(PANIC=String method: ...) (except Go's own special case, a nil
 * pointer receiver, which prints <nil> as Go does); addresses (%p, chan,
 * func, pointers below the top level) are the interpreter's, not Go's
 * 0xc000...; the order of map keys of different dynamic types in an
 * interface-keyed map follows the size and name of Go's type descriptors
 * (what Go's linker lays out), which matches Go for the common types.
 */
#ifndef PS_GO_FMT_H
#define PS_GO_FMT_H

#include <stddef.h>
#include <stdint.h>

#include "gbuf.h"
#include "value.h"

/* The flags of one verb (fmt's fmtFlags, width and precision). */
typedef struct fmt_flags {
    int wid, prec;
    unsigned char wid_present, prec_present;
    unsigned char minus, plus, sharp, space, zero;
    /* %+v and %#v: set by the verb, plus and sharp are then clear */
    unsigned char plus_v, sharp_v;
} fmt_flags;

/* Errorf's %w.  enabled (in): %w takes an error operand, as in Errorf;
 * with 0 (Sprintf) every %w is a bad verb, as in Go.  index (out): the
 * operand %w named, or -1 (none, or more than one: Go 1.19 then wraps
 * none and prints the second as %!w(...)). */
typedef struct fmt_wrap {
    int enabled;
    int index;
} fmt_wrap;

/* Sprintf(format, args...): appends to out.  args[i] is an operand's
 * interface box (NULL: a nil operand).  wrap may be NULL (Sprintf). */
void fmt_sprintf(struct gor *g, gbuf *out, const char *format, size_t flen, giface *const *args,
                 int nargs, fmt_wrap *wrap);
/* Sprint: spaces between operands when neither side is a string. */
void fmt_sprint(struct gor *g, gbuf *out, giface *const *args, int nargs);
/* Sprintln: spaces between all operands, and a newline. */
void fmt_sprintln(struct gor *g, gbuf *out, giface *const *args, int nargs);
/* One operand of static type t (words v) with one verb, as Printf would
 * print it (t an interface type: its dynamic value).  flags may be NULL. */
void fmt_value(struct gor *g, gbuf *out, const gtype *t, const gcell *v, int32_t verb,
               const fmt_flags *flags);

/* Appends Go's spelling of type t (%T). */
void fmt_type_name(gbuf *out, const gtype *t);

#endif
