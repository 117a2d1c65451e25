/* json.h - JSON string output, shared by the trace and cast writers. */
#ifndef PS_JSON_H
#define PS_JSON_H

#include <stddef.h>
#include <stdio.h>

/* Writes n bytes of s as a quoted JSON string: quotes, backslashes and
 * control bytes escaped, and each byte that is not part of valid UTF-8
 * written as U+FFFD, so that the output is always valid JSON. */
void json_put_string(FILE *f, const char *s, size_t n);

#endif
