/* fuzz_recording.c - libFuzzer target for the recording reader: the input is
 * written to a private file and loaded like --replay FILE would. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_file.h"
#include "rec/replay.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_file("recording", "rec", data, size);
    if (!path)
        return 0;
    replay_data d;
    char err[512] = "";
    int rc = replay_load(&d, path, err, sizeof err);
    if (rc < 0 && !err[0])
        abort(); /* a refusal always says why */
    for (const char *c = err; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            abort(); /* a message goes to a terminal: no control bytes */
    if (rc >= 0) {
        model m;
        /* seeking to any point must work on whatever was accepted */
        if (model_init(&m, &d.layout) == 0) {
            replay_model_at(&d, d.n / 2, &m);
            replay_model_at(&d, d.n, &m);
            model_free(&m);
        }
        replay_free(&d);
    }
    return 0;
}
