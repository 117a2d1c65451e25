/* fuzz_options.c - libFuzzer target for the command-line parser.
 * The input is split at NUL or newline bytes into argv[1..]. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app/options.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size + 1);
    char *argv[64];
    int argc = 1;
    if (!buf)
        return 0;
    memcpy(buf, data, size);
    buf[size] = '\0';
    argv[0] = "poolscope";
    char *start = buf;
    for (size_t i = 0; i <= size && argc < 63; i++) {
        if (i == size || buf[i] == '\n' || buf[i] == '\0') {
            buf[i] = '\0';
            argv[argc++] = start;
            start = buf + i + 1;
        }
    }
    argv[argc] = NULL;
    options o;
    char err[256];
    int rc = options_parse(&o, argc, argv, err, sizeof err);
    /* a usage error always says what was wrong: "poolscope: ..." */
    if (rc != 0 && (rc != 2 || strncmp(err, "poolscope: ", 11) != 0))
        abort();
    /* a run names its program (a built-in's, a .go file) or a recording */
    if (rc == 0 && o.action == ACT_RUN && !o.go_path && !o.replay_path)
        abort();
    free(buf);
    return 0;
}
