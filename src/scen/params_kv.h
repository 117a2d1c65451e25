/* params_kv.h - ps_params as "key=value" lines, and back.
 *
 * Recordings (and anything else that must rebuild a run) store the resolved
 * parameters this way.  Every field is listed once, in params_kv.c's table:
 * a new ps_params field needs one line there and nothing else.
 */
#ifndef PS_PARAMS_KV_H
#define PS_PARAMS_KV_H

#include <stddef.h>

#include "rt/scenario.h"

/* Calls fn(ctx, key, value) for every field, "kind" first; the value has no
 * newline (text fields escape '\n' and '\\' as "\n" and "\\"). */
void params_kv_each(const ps_params *p, void (*fn)(void *ctx, const char *key, const char *value),
                    void *ctx);
/* Sets one field from its text.  0, or -1 with a message (naming the key and
 * the value) in err. */
int params_kv_set(ps_params *p, const char *key, const char *value, char *err, size_t len);

#endif
