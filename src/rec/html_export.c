/* html_export.c - --export-html: this build has no player inlined yet, so
 * the option says so (main.c) and exits 2. */
#include "html_export.h"

#include <stdio.h>

int html_export_available(void)
{
    return 0;
}

int html_export_write(const char *cast_path, const char *html_path, const char *title, char *err,
                      size_t len)
{
    (void)cast_path;
    (void)title;
    snprintf(err, len, "cannot export HTML to %s: this build has no asciinema player", html_path);
    return -1;
}
