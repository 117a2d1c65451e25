/* main.c - poolscope: a concurrency lecture with real threads. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rt/scenario.h"
#include "app/gorun.h"
#include "app/headless.h"
#include "app/options.h"
#include "app/outputs.h"
#include "tui/tui.h"
#include "tui/tui_cast.h"
#include "version.h"

static void list_scenarios(void)
{
    for (const scenario_def *const *d = scenario_all(); *d; d++)
        printf("%-20s %s\n", (*d)->name, (*d)->summary);
}

int main(int argc, char **argv)
{
    options o;
    char err[1024]; /* a scenario file's error names the file: room for a long path */
    if (options_parse(&o, argc, argv, err, sizeof err) != 0) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    switch (o.action) {
    case ACT_HELP:
        fputs(options_usage(), stdout);
        return 0;
    case ACT_VERSION:
        printf("poolscope %s\n", PS_VERSION);
        return 0;
    case ACT_LIST:
        list_scenarios();
        return 0;
    case ACT_RUN:
        break;
    }
    if (o.headless && o.start_mode == PACER_PAUSE) {
        fprintf(stderr, "poolscope: --paused needs the screen (nothing could resume it): "
                        "drop --headless, or use --step for a stepped headless run\n");
        return 2;
    }
    /* casts are drawn by the screen's own code (before any output opens) */
    outputs_set_cast_view(&tui_cast_maker);
    if (o.replay_path && !o.headless && (o.trace_path || o.cast_path))
        return outputs_export_replay(&o, stderr);
    if (o.go_path && !o.headless)
        return tui_run(&o);
    if (o.go_path)
        return gorun_headless(&o);
    if (!o.headless)
        return tui_run(&o);
    return headless_run(&o, stdout);
}
