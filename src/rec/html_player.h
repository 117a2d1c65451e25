/* html_player.h - asciinema-player's bundle, inlined at build time
 * (tools/embed-player.py writes html_player.c when meson finds the npm
 * package; PS_HTML_PLAYER in version.h says whether it did). */
#ifndef PS_HTML_PLAYER_H
#define PS_HTML_PLAYER_H

#include <stddef.h>

extern const char html_player_version[];
extern const unsigned char html_player_js[]; /* asciinema-player.min.js */
extern const size_t html_player_js_len;
extern const unsigned char html_player_css[]; /* asciinema-player.css */
extern const size_t html_player_css_len;

#endif
