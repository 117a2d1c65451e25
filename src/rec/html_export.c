/* html_export.c - --export-html: one self-contained page that plays the
 * run's cast in a browser, offline from file://.
 *
 * The page inlines asciinema-player's bundle (its JavaScript and CSS, built
 * in from the npm package: html_player.h) and the cast itself, as a
 * JavaScript string.  Inline text must not close its element early, so the
 * cast's '<', '>' and '&' are written as \u escapes (the player's bundle is
 * checked for "</script" when it is embedded); U+2028 and U+2029, line ends
 * to older JavaScript, are escaped too.  The cast's markers (a step, a line
 * the program printed) become the page's chapters: a button each, the
 * player pauses at each (pauseOnMarkers), and "#marker=N" in the address
 * opens the page paused at chapter N (what tests/html.sh checks). */
#include "html_export.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outfile.h"
#include "version.h"

#if PS_HTML_PLAYER
#include "html_player.h"
#endif

#define HTML_CAST_MAX (512u << 20) /* a cast past this is no page a browser opens */

int html_export_available(void)
{
    return PS_HTML_PLAYER;
}

const char *html_export_player_version(void)
{
#if PS_HTML_PLAYER
    return html_player_version;
#else
    return NULL;
#endif
}

#if PS_HTML_PLAYER
/* The whole cast file into a NUL-terminated buffer (freed by the caller). */
static char *read_cast(const char *path, size_t *n, char *err, size_t len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, len, "cannot read the cast %s: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, used = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (used + 1 >= cap) {
            char *bigger = cap < HTML_CAST_MAX ? realloc(buf, cap * 2) : NULL;
            if (!bigger) {
                snprintf(err, len, "the cast %s is too big for a page (%zu bytes read)", path,
                         used);
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
        size_t k = fread(buf + used, 1, cap - used - 1, f);
        used += k;
        if (k == 0)
            break;
    }
    if (buf && ferror(f)) {
        snprintf(err, len, "cannot read the cast %s: %s", path, strerror(errno));
        free(buf);
        buf = NULL;
    } else if (!buf && !err[0]) {
        snprintf(err, len, "cannot read the cast %s: out of memory", path);
    }
    fclose(f);
    if (buf) {
        buf[used] = 0;
        *n = used;
    }
    return buf;
}

/* s as a JavaScript string literal's body, safe inside <script>. */
static void put_js_string(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c < 0x20 || c == '<' || c == '>' || c == '&')
            fprintf(f, "\\u%04x", c);
        else if (c == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                 ((unsigned char)s[i + 2] == 0xa8 || (unsigned char)s[i + 2] == 0xa9)) {
            fprintf(f, "\\u%04x", (unsigned)(0x2000 + ((unsigned char)s[i + 2] - 0x80)));
            i += 2;
        } else
            fputc(c, f);
    }
}

/* s as HTML text (a title). */
static void put_html(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&':
            fputs("&amp;", f);
            break;
        case '<':
            fputs("&lt;", f);
            break;
        case '>':
            fputs("&gt;", f);
            break;
        case '"':
            fputs("&quot;", f);
            break;
        default:
            if ((unsigned char)*s >= 0x20 || *s == '\t')
                fputc(*s, f);
        }
    }
}

static const char page_style[] =
    "body{margin:0 auto;max-width:72rem;padding:1rem 1.5rem;font:16px/1.45 system-ui,"
    "sans-serif;color:#1d1d1d;background:#fafafa}\n"
    "h1{font-size:1.5rem;margin:.2rem 0 .4rem}h2{font-size:1.1rem;margin:1.2rem 0 .4rem}\n"
    ".help{color:#444;margin:.2rem 0 .8rem}kbd{border:1px solid #bbb;border-radius:3px;"
    "padding:0 .3em;background:#fff;font-size:.9em}\n"
    "#chapters{padding-left:2.2rem;columns:22rem auto}#chapters li{break-inside:avoid}\n"
    "#chapters button{font:inherit;text-align:left;border:0;background:none;padding:.1rem "
    ".3rem;cursor:pointer;color:#0b4f9c}#chapters button:hover{text-decoration:underline}\n"
    "#chapters li.current button{background:#ffe98a;color:#000}\n"
    ".t{color:#777;font-variant-numeric:tabular-nums;margin-left:.4rem}\n"
    "footer{color:#777;font-size:.85rem;margin-top:1.5rem}\n";

/* The page's own script: the player, its chapters, #marker=N. */
static const char page_script[] =
    "(function () {\n"
    "  'use strict';\n"
    "  var lines = cast.split('\\n'), head = JSON.parse(lines[0]), markers = [];\n"
    "  for (var i = 1; i < lines.length; i++) {\n"
    "    if (!lines[i]) continue;\n"
    "    var e = JSON.parse(lines[i]);\n"
    "    if (e[1] === 'm') markers.push({time: e[0], label: e[2]});\n"
    "  }\n"
    "  var el = document.getElementById('player');\n"
    "  var player = AsciinemaPlayer.create({data: cast}, el, {\n"
    "    cols: head.width, rows: head.height, pauseOnMarkers: true, preload: true,\n"
    "    fit: 'width', terminalFontFamily: 'DejaVu Sans Mono, Menlo, Consolas, monospace'\n"
    "  });\n"
    "  var list = document.getElementById('chapters'), items = [];\n"
    "  function clock(t) {\n"
    "    var s = Math.floor(t);\n"
    "    return Math.floor(s / 60) + ':' + ('0' + s % 60).slice(-2);\n"
    "  }\n"
    "  function current(i) {\n"
    "    items.forEach(function (li, k) { li.className = k === i ? 'current' : ''; });\n"
    "    document.body.setAttribute('data-chapter', String(i));\n"
    "  }\n"
    "  function go(i) {\n"
    "    return player.seek({marker: i}).then(function () {\n"
    "      player.pause();\n"
    "      current(i);\n"
    "      document.body.setAttribute('data-time', String(player.getCurrentTime()));\n"
    "    });\n"
    "  }\n"
    "  markers.forEach(function (m, i) {\n"
    "    var li = document.createElement('li'), b = document.createElement('button');\n"
    "    var t = document.createElement('span');\n"
    "    b.type = 'button';\n"
    "    b.textContent = m.label;\n"
    "    b.addEventListener('click', function () { go(i); history.replaceState(null, '', "
    "'#marker=' + i); });\n"
    "    t.className = 't';\n"
    "    t.textContent = clock(m.time);\n"
    "    li.appendChild(b);\n"
    "    li.appendChild(t);\n"
    "    list.appendChild(li);\n"
    "    items.push(li);\n"
    "  });\n"
    "  document.getElementById('count').textContent = markers.length + ' chapter' +\n"
    "    (markers.length === 1 ? '' : 's');\n"
    "  player.addEventListener('marker', function (ev) {\n"
    "    current(ev.index);\n"
    "    document.body.setAttribute('data-paused-at', String(ev.index));\n"
    "  });\n"
    "  function fromHash() {\n"
    "    var h = /^#marker=(\\d+)$/.exec(location.hash);\n"
    "    if (h && +h[1] < markers.length) return go(+h[1]);\n"
    "    if (location.hash === '#play') return player.play();\n"
    "    return Promise.resolve();\n"
    "  }\n"
    "  window.addEventListener('hashchange', fromHash);\n"
    "  fromHash().then(function () { document.body.setAttribute('data-ready', '1'); },\n"
    "    function (err) { document.body.setAttribute('data-error', String(err)); });\n"
    "})();\n";

static void write_page(FILE *f, const char *title, const char *cast, size_t n)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
          f);
    fprintf(f, "<meta name=\"generator\" content=\"poolscope %s, asciinema-player %s\">\n",
            PS_VERSION, html_player_version);
    fputs("<title>", f);
    put_html(f, title);
    fputs(" - poolscope</title>\n<style>\n", f);
    fwrite(html_player_css, 1, html_player_css_len, f);
    fprintf(f, "</style>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", page_style);
    put_html(f, title);
    fputs("</h1>\n<p class=\"help\">A lecture recorded with poolscope. <kbd>space</kbd> plays "
          "and pauses; the player stops at each chapter (a step, or a line the program "
          "printed) and <kbd>space</kbd> goes on. <kbd>[</kbd> <kbd>]</kbd> the previous and "
          "next chapter, <kbd>&larr;</kbd> <kbd>&rarr;</kbd> 5 s back and on, <kbd>,</kbd> "
          "<kbd>.</kbd> a frame back and on (paused), <kbd>f</kbd> full screen.</p>\n"
          "<div id=\"player\"></div>\n<h2>Chapters <span class=\"t\" id=\"count\"></span>"
          "</h2>\n<ol id=\"chapters\"></ol>\n"
          "<noscript><p>This page plays the lecture with JavaScript (it needs no network)."
          "</p></noscript>\n",
          f);
    fprintf(f,
            "<footer>poolscope %s &middot; asciinema-player %s (Apache-2.0), inlined: the "
            "page works offline</footer>\n<script>\n",
            PS_VERSION, html_player_version);
    fwrite(html_player_js, 1, html_player_js_len, f);
    fputs("\n</script>\n<script>\nvar cast = \"", f);
    put_js_string(f, cast, n);
    fprintf(f, "\";\n%s</script>\n</body>\n</html>\n", page_script);
}
#endif

int html_export_write(const char *cast_path, const char *html_path, const char *title, char *err,
                      size_t len)
{
    err[0] = 0;
#if !PS_HTML_PLAYER
    (void)cast_path;
    (void)title;
    snprintf(err, len,
             "cannot export HTML to %s: this build has no asciinema player (npm install -g "
             "asciinema-player@3, then meson setup --reconfigure)",
             html_path);
    return -1;
#else
    size_t n = 0;
    char *cast = read_cast(cast_path, &n, err, len);
    if (!cast)
        return -1;
    outfile of;
    if (outfile_open(&of, html_path)) {
        snprintf(err, len, "cannot export HTML to %s: %s", html_path, strerror(errno));
        free(cast);
        return -1;
    }
    write_page(of.f, title && title[0] ? title : "poolscope", cast, n);
    free(cast);
    int ok = !ferror(of.f);
    if (outfile_close(&of, ok) || !ok) {
        snprintf(err, len, "cannot export HTML to %s: %s", html_path,
                 errno ? strerror(errno) : "a write failed");
        return -1;
    }
    return 0;
#endif
}
