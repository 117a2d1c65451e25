/* scenfile.h - a scenario's file as the code panel shows it.
 *
 * A scenario is a Go program (scen/catalog.h finds the built-ins).  Its
 * listing is the source as it runs: tabs to four columns, each --set
 * constant's line showing the value set.  Markers need no map: every event
 * of a Go program carries the source line it came from.
 */
#ifndef PS_SCENFILE_H
#define PS_SCENFILE_H

#include <stddef.h>
#include <stdint.h>

#define SCENTEXT_DESC_LEN 2048
#define SCENTEXT_GO_LINES 400 /* a program's lines listed (the rest is cut) */
#define SCENTEXT_LINE_LEN 160
#define SCENTEXT_PATH_LEN 512

typedef struct scenario_text {
    char source[SCENTEXT_PATH_LEN]; /* the program's file as given */
    char description[SCENTEXT_DESC_LEN];
    int n_lines; /* code lines 1..n_lines (lines[0] is line 1) */
    char lines[SCENTEXT_GO_LINES][SCENTEXT_LINE_LEN];
} scenario_text;

/* A Go program's source as the code panel's listing: tabs to four columns,
 * a line cut at SCENTEXT_LINE_LEN - 1 bytes (on a UTF-8 boundary), at most
 * SCENTEXT_GO_LINES lines. */
void scentext_from_go(scenario_text *t, const char *path, const char *src, size_t len);
/* The same for a loaded program, with each --set constant's line showing
 * the value set, marked ("const numJobs = 9  // --set, the file says 5"). */
struct goprog;
void scentext_from_goprog(scenario_text *t, const struct goprog *g);

/* The largest scenario file read (a lecture's is a few KB). */
#define SCENFILE_MAX_BYTES (1 << 20)

#endif
