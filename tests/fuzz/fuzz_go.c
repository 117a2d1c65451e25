/* fuzz_go.c - libFuzzer target for the Go front end: the input is lexed,
 * parsed and checked as poolscope PROGRAM.go does before running it.  It
 * must end in success (a main function) or one diagnostic with a position
 * inside the input and a message, never a crash, a hang or a leak. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "go/check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gprog p;
    memset(&p, 0, sizeof p);
    go_diag d;
    int rc = check_program(&p, "fuzz.go", (const char *)data, size, &d);
    if (rc == 0 && !p.main_fn)
        abort();
    if (rc != 0) {
        if (!memchr(d.msg, 0, sizeof d.msg) || !d.msg[0])
            abort();
        if (d.pos.line < 0 || d.pos.col < 0)
            abort();
    }
    check_free(&p);
    return 0;
}
