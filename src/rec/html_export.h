#ifndef PS_HTML_EXPORT_H
#define PS_HTML_EXPORT_H
#include <stddef.h>
/* 1 if this build inlined asciinema-player (meson found the npm package). */
int html_export_available(void);
/* Its version ("3.18.0"), or NULL. */
const char *html_export_player_version(void);
/* Writes html_path: a page that plays the cast at cast_path, titled title.
 * 0, or -1 with err set (naming the file). */
int html_export_write(const char *cast_path, const char *html_path, const char *title, char *err,
                      size_t len);
#endif
