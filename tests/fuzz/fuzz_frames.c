/* fuzz_frames.c - libFuzzer target for what a recording makes the screen do:
 * the input is loaded like --replay FILE, then every event is folded into a
 * model and frames are drawn by the real screen code (tui_draw on a private
 * ncurses screen, as --export-cast draws them) into /dev/null.  The reader
 * target (fuzz_recording.c) stops at the model; this one reaches the
 * drawing maths (sparklines, bars, lanes) with whatever values a file holds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_file.h"
#include "rec/cast_export.h"
#include "rec/replay.h"
#include "rec/session.h"
#include "tui/tui_cast.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setenv("TERM", TUI_CAST_TERM, 1);
    const char *path = fuzz_file("frames", "rec", data, size);
    if (!path)
        return 0;
    replay_data d;
    char err[512] = "";
    if (replay_load(&d, path, err, sizeof err) < 0)
        return 0;
    session s = {.params = d.params, .layout = d.layout};
    cast_view v;
    cast_opts co = {.pace = PACE_LECTURE, .speed_milli = 1000, .cols = 80, .rows = 24};
    void *ctx = tui_cast_maker.make(&v, &s, &co);
    if (ctx) {
        cast_export *x =
            cast_export_open("/dev/null", &d.params, &d.layout, &v, &co, err, sizeof err);
        for (size_t i = 0; x && i < d.n; i++)
            cast_export_event(x, &d.events[i]);
        if (x)
            cast_export_close(x, err, sizeof err);
        tui_cast_maker.free_ctx(ctx);
    }
    replay_free(&d);
    return 0;
}
