/* session_go.h - a session over a Go program's run: the screen's way to run
 * PROGRAM.go (headless runs it with app/gorun.c).  Its goroutines are real
 * threads as in a live scenario; the program's output is kept while the
 * screen owns the terminal and written to stdout and stderr at the end. */
#ifndef PS_REC_SESSION_GO_H
#define PS_REC_SESSION_GO_H

#include "go/goprog.h"
#include "rt/run.h"
#include "session.h"

/* Runs g (owned by the session from here, even on failure) with the
 * engine options o and select's seed.  NULL with *err set. */
session *session_go_create(goprog *g, const char *path, const run_program_opts *o, uint64_t seed,
                           const char **err);
/* The parameters and layout every view of a Go program's run reads (its
 * name from path; main and the first PS_MAX_WORKERS goroutines in detail). */
void session_go_layout(ps_params *p, ps_layout *l, const char *path);
/* The program of a Go session, or NULL for any other session. */
const goprog *session_go_program(session *s);
/* The last at most cap - 1 bytes of what the program has written to its
 * stdout so far, NUL-terminated, from the start of a line when it can; 0 for
 * any other session. */
size_t session_go_output(session *s, char *buf, size_t cap);

/* Forgets what the program wrote so far (the screen switches to another
 * program: this one's output must not reach the terminal under it). */
void session_go_drop_output(session *s);

#endif
