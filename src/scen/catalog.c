/* catalog.c - the built-in scenarios (see catalog.h). */
#include "catalog.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "version.h"

/* 1 if this program runs from the build tree (then the source tree's files
 * are the current ones, not an older installed copy). */
static int catalog_in_build_tree(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return 0;
    exe[n] = '\0';
    size_t k = strlen(PS_BUILD_ROOT);
    return !strncmp(exe, PS_BUILD_ROOT, k) && exe[k] == '/';
}

const char *catalog_dir(char *buf, size_t len)
{
    const char *dirs[2] = {PS_DATADIR, PS_SOURCE_ASSETS};
    int first = catalog_in_build_tree();
    for (int i = 0; i < 2; i++) {
        snprintf(buf, len, "%s/scenarios", dirs[(first + i) % 2]);
        char probe[PATH_MAX + 32];
        snprintf(probe, sizeof probe, "%s/" CATALOG_DEFAULT ".go", buf);
        if (access(probe, R_OK) == 0)
            return buf;
    }
    return NULL;
}

/* A built-in's name: letters, digits and '-', as the files are named. */
static int catalog_plain(const char *s, size_t n)
{
    if (!n || n > 64)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_'))
            return 0;
    return 1;
}

const char *catalog_find(const char *name, char *buf, size_t len)
{
    size_t n = strlen(name);
    if (n > 3 && !strcmp(name + n - 3, ".go"))
        n -= 3;
    char dir[PATH_MAX];
    if (!catalog_plain(name, n) || !catalog_dir(dir, sizeof dir))
        return NULL;
    if ((size_t)snprintf(buf, len, "%s/%.*s.go", dir, (int)n, name) >= len)
        return NULL;
    return access(buf, R_OK) == 0 ? buf : NULL;
}

static int catalog_by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void catalog_names_free(char **names, int n)
{
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

int catalog_names(const char *dir, char ***names)
{
    *names = NULL;
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    char **out = calloc(CATALOG_MAX, sizeof *out);
    int k = 0;
    struct dirent *e;
    while (out && (e = readdir(d)) && k < CATALOG_MAX) {
        size_t len = strlen(e->d_name);
        if (len <= 3 || e->d_name[0] == '.' || strcmp(e->d_name + len - 3, ".go") != 0)
            continue;
        if (!(out[k] = strdup(e->d_name))) {
            catalog_names_free(out, k);
            out = NULL;
            break;
        }
        k++;
    }
    closedir(d);
    if (!out)
        return -1;
    qsort(out, (size_t)k, sizeof out[0], catalog_by_name);
    *names = out;
    return k;
}

/* dst = src cut to fit n bytes. */
static void catalog_put(char *dst, size_t n, const char *src)
{
    if (!n)
        return;
    size_t k = strlen(src);
    k = k < n ? k : n - 1;
    memcpy(dst, src, k);
    dst[k] = 0;
}

int catalog_about(const char *path, char *title, size_t tlen, char *desc, size_t dlen)
{
    catalog_put(title, tlen, "");
    catalog_put(desc, dlen, "");
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[512];
    size_t o = 0;
    int first = 1;
    while (fgets(line, sizeof line, f) && strncmp(line, "package ", 8) != 0) {
        line[strcspn(line, "\r\n")] = 0;
        if (strncmp(line, "//", 2) != 0 || !strncmp(line, "// poolscope:", 13))
            continue;
        const char *text = line + 2 + (line[2] == ' ');
        if (first)
            catalog_put(title, tlen, text);
        else if (*text && o + 2 < dlen) {
            o += (size_t)snprintf(desc + o, dlen - o, "%s%s", o ? " " : "", text);
            o = o < dlen ? o : dlen - 1; /* cut: the rest does not fit */
        }
        first = 0;
    }
    fclose(f);
    return 0;
}
