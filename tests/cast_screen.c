/* cast_screen.c CAST SECONDS - the screen an asciicast v2 shows at a time:
 * its "o" events up to SECONDS (inclusive) fed to libvterm, at the header's
 * width and height, printed as text rows (trailing blanks cut).  What
 * tests/html.sh compares the web player's terminal with. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vterm.h>

/* The JSON string starting at *p (at its opening quote) decoded as UTF-8
 * into out; *p is left after its closing quote.  -1 if malformed. */
static int json_string(const char **p, char *out, size_t cap, size_t *n)
{
    const char *s = *p;
    size_t k = 0;
    if (*s++ != '"')
        return -1;
    while (*s && *s != '"') {
        unsigned long c = (unsigned char)*s++;
        if (c == '\\') {
            char e = *s++;
            const char *simple = strchr("\"\\/bfnrt", e);
            if (e && simple && e != 'u') {
                static const char to[] = "\"\\/\b\f\n\r\t";
                c = (unsigned char)to[simple - "\"\\/bfnrt"];
            } else if (e == 'u') {
                if (sscanf(s, "%4lx", &c) != 1)
                    return -1;
                s += 4;
                if (c >= 0xd800 && c < 0xdc00 && s[0] == '\\' && s[1] == 'u') {
                    unsigned long lo;
                    if (sscanf(s + 2, "%4lx", &lo) != 1)
                        return -1;
                    c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
                    s += 6;
                }
                /* UTF-8 */
                char b[4];
                int m = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
                if (m == 1)
                    b[0] = (char)c;
                else {
                    for (int i = m - 1; i > 0; i--, c >>= 6)
                        b[i] = (char)(0x80 | (c & 0x3f));
                    b[0] = (char)((m == 2 ? 0xc0 : m == 3 ? 0xe0 : 0xf0) | c);
                }
                if (k + (size_t)m > cap)
                    return -1;
                memcpy(out + k, b, (size_t)m);
                k += (size_t)m;
                continue;
            } else {
                return -1;
            }
        }
        if (k + 1 > cap)
            return -1;
        out[k++] = (char)c;
    }
    if (*s != '"')
        return -1;
    *p = s + 1;
    *n = k;
    return 0;
}

static int header_int(const char *line, const char *key)
{
    const char *p = strstr(line, key);
    return p ? atoi(p + strlen(key)) : 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: cast_screen CAST SECONDS\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    double until = atof(argv[2]);
    size_t cap = 1 << 20;
    char *line = malloc(cap), *bytes = malloc(cap);
    if (!line || !bytes || !fgets(line, (int)cap, f)) {
        fprintf(stderr, "%s: no header\n", argv[1]);
        return 2;
    }
    int cols = header_int(line, "\"width\": "), rows = header_int(line, "\"height\": ");
    if (cols <= 0 || rows <= 0) {
        fprintf(stderr, "%s: no width and height in the header\n", argv[1]);
        return 2;
    }
    VTerm *vt = vterm_new(rows, cols);
    vterm_set_utf8(vt, 1);
    VTermScreen *scr = vterm_obtain_screen(vt);
    vterm_screen_reset(scr, 1);
    int ln = 1;
    while (fgets(line, (int)cap, f)) {
        ln++;
        char *p = line, kind;
        double t;
        int used = 0;
        if (sscanf(p, "[%lf, \"%c\", %n", &t, &kind, &used) != 2 || !used)
            continue;
        if (t > until)
            break;
        const char *s = p + used;
        size_t n;
        if (json_string(&s, bytes, cap, &n)) {
            fprintf(stderr, "%s:%d: a malformed string\n", argv[1], ln);
            return 2;
        }
        if (kind == 'o')
            vterm_input_write(vt, bytes, n);
    }
    for (int r = 0; r < rows; r++) {
        char out[8192];
        size_t k = 0, end = 0;
        for (int c = 0; c < cols; c++) {
            VTermScreenCell cell;
            vterm_screen_get_cell(scr, (VTermPos){r, c}, &cell);
            if (cell.width == 0)
                continue; /* the right half of a wide character */
            uint32_t ch = cell.chars[0] ? cell.chars[0] : ' ';
            char b[4];
            int m = ch < 0x80 ? 1 : ch < 0x800 ? 2 : ch < 0x10000 ? 3 : 4;
            if (m == 1)
                b[0] = (char)ch;
            else {
                uint32_t v = ch;
                for (int i = m - 1; i > 0; i--, v >>= 6)
                    b[i] = (char)(0x80 | (v & 0x3f));
                b[0] = (char)((m == 2 ? 0xc0 : m == 3 ? 0xe0 : 0xf0) | v);
            }
            if (k + 4 >= sizeof out)
                break;
            memcpy(out + k, b, (size_t)m);
            k += (size_t)m;
            if (ch != ' ')
                end = k;
        }
        printf("%.*s\n", (int)end, out);
    }
    vterm_free(vt);
    free(line);
    free(bytes);
    fclose(f);
    return 0;
}
