/* catalog.h - the built-in scenarios: the Go programs of assets/scenarios.
 *
 * A scenario is a .go file.  The built-ins are found in the source tree
 * when poolscope runs from its build tree, else in the installed data
 * directory (then the other); --scenario NAME, --list and the picker read
 * them from there.  A program's title and paragraph are its leading
 * comment, before `package` (docs/scenarios.md).
 */
#ifndef PS_CATALOG_H
#define PS_CATALOG_H

#include <stddef.h>

#define CATALOG_DEFAULT "worker-pool" /* the scenario poolscope runs when given none */
#define CATALOG_MAX 256               /* .go files listed from one directory */

/* The directory of the built-ins into buf, or NULL if neither is there. */
const char *catalog_dir(char *buf, size_t len);
/* The built-in NAME ("race" or "race.go"): its path into buf, or NULL (no
 * such built-in, or a name that is no plain file name). */
const char *catalog_find(const char *name, char *buf, size_t len);
/* The .go files of dir, sorted by name (at most CATALOG_MAX): a malloc'd
 * array of malloc'd names (catalog_names_free); the count, or -1. */
int catalog_names(const char *dir, char ***names);
void catalog_names_free(char **names, int n);
/* The title (the leading comment's first line) and paragraph (the lines
 * after it, joined by blanks; directives "// poolscope:" left out) of the
 * program at path.  0, or -1 if it cannot be read (title and desc "").
 * A file without a leading comment has an empty title. */
int catalog_about(const char *path, char *title, size_t tlen, char *desc, size_t dlen);

#endif
