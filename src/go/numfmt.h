/* numfmt.h - Go's strconv: numbers to text and back, quoting, UTF-8.
 *
 * Every function gives the bytes Go 1.19's strconv gives.  Floats go
 * through strconv's own exact multi-precision decimal (decimal.go, ported):
 * the digits never depend on the C library or its locale, and the shortest
 * form is Go's (the shortest digits that read back as the same float; for
 * bitSize 32, the same float32).  Strings are byte arrays (not
 * NUL-terminated) that may hold any bytes, as Go strings do.
 */
#ifndef PS_GO_NUMFMT_H
#define PS_GO_NUMFMT_H

#include <stddef.h>
#include <stdint.h>

#include "gbuf.h"

/* ---- UTF-8, as Go's unicode/utf8 ---- */

#define NUMFMT_RUNE_ERROR 0xFFFD
#define NUMFMT_MAX_RUNE 0x10FFFF

/* Decodes the rune at s (n > 0 bytes): its width, and *r; an invalid or
 * short encoding is (U+FFFD, 1), as utf8.DecodeRune. */
int numfmt_utf8_decode(const char *s, size_t n, int32_t *r);
size_t numfmt_utf8_count(const char *s, size_t n);
int numfmt_utf8_valid(const char *s, size_t n);
int numfmt_rune_valid(int32_t r);

/* ---- integers ---- */

/* FormatInt/FormatUint in base 2..36 (lower-case digits).  -1 (nothing
 * written) for another base: Go panics there, the caller does. */
int numfmt_append_int(gbuf *b, int64_t v, int base);
int numfmt_append_uint(gbuf *b, uint64_t v, int base);

/* ---- floats ---- */

/* AppendFloat(f, fmt, prec, bitSize): fmt one of b e E f g G x X, prec -1
 * for the shortest that reads back, bitSize 32 or 64 (others: 64; Go
 * panics, the caller may).  An unknown fmt gives "%" fmt, as Go. */
void numfmt_append_float(gbuf *b, double f, char fmt, int prec, int bitsize);

/* ---- parsing ---- */

typedef enum numfmt_err {
    NUMFMT_OK = 0,
    NUMFMT_ESYNTAX, /* "invalid syntax" */
    NUMFMT_ERANGE,  /* "value out of range" */
    NUMFMT_EBASE,   /* "invalid base N" */
    NUMFMT_EBITSIZE /* "invalid bit size N" */
} numfmt_err;

/* ParseUint/ParseInt/Atoi with Go's results on error: 0 for syntax, the
 * bound for range (max, or min for a negative ParseInt). */
numfmt_err numfmt_parse_uint(const char *s, size_t n, int base, int bitsize, uint64_t *out);
numfmt_err numfmt_parse_int(const char *s, size_t n, int base, int bitsize, int64_t *out);
numfmt_err numfmt_atoi(const char *s, size_t n, int64_t *out);
/* ParseFloat: bitSize 32 rounds to float32 (the result is that float32 as a
 * double); out of range gives ±Inf and NUMFMT_ERANGE. */
numfmt_err numfmt_parse_float(const char *s, size_t n, int bitsize, double *out);
numfmt_err numfmt_parse_bool(const char *s, size_t n, int *out);

/* NumError.Error(): `strconv.FN: parsing "S": REASON`.  fn is "Atoi",
 * "ParseInt", ...; arg is the base or bit size the last two errors name. */
void numfmt_error_text(gbuf *b, const char *fn, const char *s, size_t n, numfmt_err e, int arg);
/* The reason alone ("invalid syntax", ...), for ErrSyntax/ErrRange values. */
const char *numfmt_err_reason(numfmt_err e);

/* ---- quoting ---- */

/* strconv.IsPrint and IsGraphic, from Go 1.19's own tables (exact). */
int numfmt_is_print(int32_t r);
int numfmt_is_graphic(int32_t r);

/* AppendQuote / AppendQuoteToASCII / AppendQuoteToGraphic. */
void numfmt_append_quote(gbuf *b, const char *s, size_t n);
void numfmt_append_quote_ascii(gbuf *b, const char *s, size_t n);
void numfmt_append_quote_graphic(gbuf *b, const char *s, size_t n);
/* AppendQuoteRune / AppendQuoteRuneToASCII / ...ToGraphic. */
void numfmt_append_quote_rune(gbuf *b, int32_t r);
void numfmt_append_quote_rune_ascii(gbuf *b, int32_t r);
void numfmt_append_quote_rune_graphic(gbuf *b, int32_t r);
int numfmt_can_backquote(const char *s, size_t n);

/* Unquote: the unquoted bytes appended to out, NUMFMT_OK or
 * NUMFMT_ESYNTAX (out is then left as it was). */
numfmt_err numfmt_unquote(gbuf *out, const char *s, size_t n);
/* UnquoteChar: the first character of s (quote is the enclosing quote, or
 * 0): its value, whether it needs UTF-8, and how many bytes it took. */
numfmt_err numfmt_unquote_char(const char *s, size_t n, char quote, int32_t *value, int *multibyte,
                               size_t *used);

#endif
