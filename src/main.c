/* main.c - poolscope: a concurrency lecture with real threads. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "scen/catalog.h"
#include "app/gorun.h"
#include "app/headless.h"
#include "app/options.h"
#include "app/outputs.h"
#include "rec/html_export.h"
#include "tui/tui.h"
#include "tui/tui_cast.h"
#include "version.h"

/* NAME and title of each built-in, as --scenario NAME takes it. */
static int list_scenarios(void)
{
    char dir[4096], path[8192], title[128], desc[8];
    char **names;
    int n = catalog_dir(dir, sizeof dir) ? catalog_names(dir, &names) : -1;
    if (n < 0) {
        fprintf(stderr,
                "poolscope: the built-in scenarios are not installed (looked in %s and %s)\n",
                PS_DATADIR "/scenarios", PS_SOURCE_ASSETS "/scenarios");
        return 1;
    }
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        catalog_about(path, title, sizeof title, desc, sizeof desc);
        printf("%-20.*s %s\n", (int)(strlen(names[i]) - 3), names[i], title);
    }
    catalog_names_free(names, n);
    return 0;
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
        return list_scenarios();
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
    if (o.html_path && !html_export_available()) {
        fprintf(stderr, "poolscope: --export-html needs the asciinema player, which this build "
                        "does not have: install it (npm install -g asciinema-player@3) and "
                        "set up again (meson setup --reconfigure BUILD); --export-cast writes the "
                        "cast alone\n");
        return 2;
    }
    if (o.replay_path && !o.headless && (o.trace_path || o.cast_path || o.html_path))
        return outputs_export_replay(&o, stderr);
    if (!o.headless)
        return tui_run(&o);
    if (o.go_path)
        return gorun_headless(&o);
    return headless_run(&o, stdout); /* a recording */
}
