/* scenfile.h - scenarios as plain-text INI files a lecturer can read and edit.
 *
 * A file names a built-in kind and sets its parameters; it also holds the
 * paragraph a view shows, names the code listing (a file: assets/code/ for
 * the built-ins), and says which code line each event highlights.  The format is documented in
 * docs/scenarios.md.
 *
 * Loading starts from the kind's C defaults (scenario_defaults), then applies
 * the file's values; every error is "FILE:LINE: what is wrong (allowed: ...)".
 * The built-ins ship as assets/scenarios/NAME.ini with their listings in
 * assets/code/NAME.go: in the source tree, in the installed data directory,
 * and compiled into the program as a fallback.
 */
#ifndef PS_SCENFILE_H
#define PS_SCENFILE_H

#include <stddef.h>
#include <stdint.h>

#include "bus/event.h"
#include "rt/scenario.h"

#define SCENTEXT_DESC_LEN 2048
#define SCENTEXT_MAX_LINES 80 /* a scenario file's listing */
#define SCENTEXT_GO_LINES 400 /* a Go program's, shown as it is (scentext_from_go) */
#define SCENTEXT_LINE_LEN 160
#define SCENTEXT_PATH_LEN 512

/* Which threads a code-line mapping is for. */
enum { SCENTEXT_ANY = 0, SCENTEXT_MAIN, SCENTEXT_WORKER, SCENTEXT_ROLES };

typedef struct scenario_text {
    char source[SCENTEXT_PATH_LEN]; /* the file, or "<built-in>/NAME.ini" */
    /* the code file ("code = FILE") as found: a path, "<built-in>/FILE", or
     * "" when the listing is inline (line.N keys) or absent */
    char code_source[SCENTEXT_PATH_LEN];
    char description[SCENTEXT_DESC_LEN];
    int n_lines; /* code lines 1..n_lines (lines[0] is line 1) */
    char lines[SCENTEXT_GO_LINES][SCENTEXT_LINE_LEN];
    /* 1-based code line an event highlights, 0 for none: by role and kind,
     * and for say events by role and template index. */
    uint8_t line_of[SCENTEXT_ROLES][EV_KIND_COUNT];
    uint8_t say_line[SCENTEXT_ROLES][PS_MAX_SAYS];
    /* map.wN.: worker N alone, over its role's (row 0 unused) */
    uint8_t worker_line[PS_MAX_ACTORS][EV_KIND_COUNT];
    uint8_t worker_say[PS_MAX_ACTORS][PS_MAX_SAYS];
} scenario_text;

/* Loads the file at path over p (text may be NULL).  0, or -1 with the
 * message in err. */
int scenfile_load(const char *path, ps_params *p, scenario_text *text, char *err, size_t len);
/* The same from a string; label names it in messages. */
int scenfile_load_string(const char *label, const char *ini, ps_params *p, scenario_text *text,
                         char *err, size_t len);
/* --scenario's argument: a FILE (contains '/' or ends in .ini) or the NAME
 * of a built-in, whose file is found in the build tree, the installed data
 * directory or the program itself.  0; 1 if NAME is no built-in; -1 with
 * the message in err. */
int scenfile_resolve(const char *arg, ps_params *p, scenario_text *text, char *err, size_t len);
/* Where the built-in NAME's file is: a path into buf, or NULL if only the
 * embedded copy is available (or NAME is unknown). */
const char *scenfile_find(const char *name, char *buf, size_t len);
/* The embedded copy of a built-in's file, or NULL. */
const char *scenfile_embedded(const char *name);
/* The directory of the built-in Go scenarios (the .go files of assets/go, the
 * source tree's first from the build tree, else the installed one), or NULL. */
const char *scenfile_go_dir(char *buf, size_t len);
/* The embedded copy of a built-in code file ("worker-pool.go"), or NULL. */
const char *scenfile_embedded_code(const char *file);
/* The code line an event of this kind by this actor highlights (say events:
 * template index say), or 0. */
int scentext_line(const scenario_text *t, int kind, int actor, int say);
/* A Go program's source as the code panel's listing: tabs to four columns,
 * a line cut at SCENTEXT_LINE_LEN - 1 bytes (on a UTF-8 boundary), at most
 * SCENTEXT_GO_LINES lines; no event map (its events carry their lines). */
void scentext_from_go(scenario_text *t, const char *path, const char *src, size_t len);
/* The same for a loaded program, with each --set constant's line showing
 * the value set, marked ("const numJobs = 9  // --set, the file says 5"). */
struct goprog;
void scentext_from_goprog(scenario_text *t, const struct goprog *g);

/* The largest scenario or code file read (a lecture's is a few KB). */
#define SCENFILE_MAX_BYTES (1 << 20)

#endif
