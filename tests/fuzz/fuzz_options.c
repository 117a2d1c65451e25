/* fuzz_options.c - libFuzzer target for the command-line parser.
 * The input is split at NUL or newline bytes into argv[1..]. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app/options.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* 1 if err starts with file and ':', or, for a long path, "..." and its end */
static int names_file(const char *err, const char *file)
{
    size_t n = strlen(file);
    if (!n)
        return 0;
    if (!strncmp(err, file, n) && err[n] == ':')
        return 1;
    if (strncmp(err, "...", 3) != 0)
        return 0;
    for (size_t k = n; k >= 16; k--)
        if (!strncmp(err + 3, file + n - k, k) && err[3 + k] == ':')
            return 1;
    return 0;
}

/* 1 if err is a scenario file's error, whole (not cut off), naming a
 * --scenario FILE given: "FILE:LINE: ..." or "...END-OF-FILE:LINE: ..." for
 * a long path (regress/options/scenario-file-error, long-scenario-path; any
 * of them: "--record --scenario=x" makes x a file name to record to, and
 * only the parser knows, regress/options/scenario-as-a-value). */
static int file_error(const char *err, size_t cap, int argc, char **argv)
{
    if (strlen(err) >= cap - 1)
        return 0;
    for (int i = 1; i < argc; i++) {
        if (!strncmp(argv[i], "--scenario=", 11) && names_file(err, argv[i] + 11))
            return 1;
        if (!strcmp(argv[i], "--scenario") && i + 1 < argc && names_file(err, argv[i + 1]))
            return 1;
    }
    return 0;
}

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
    /* a usage error always says what was wrong: "poolscope: ...", or for a
     * scenario file "FILE:LINE: ..." / "FILE: cannot read ..." (the
     * finding in regress/options/scenario-file-error: both are right) */
    if (rc != 0 && (rc != 2 || (strncmp(err, "poolscope: ", 11) != 0 &&
                                !file_error(err, sizeof err, argc, argv))))
        abort();
    /* a scenario's parameters are in range; a Go program has none (its
     * constants come from its source and --set) */
    if (rc == 0 && !o.go_path && (o.params.workers < 1 || o.params.workers > PS_MAX_WORKERS))
        abort();
    free(buf);
    return 0;
}
