#include "outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int outfile_open(outfile *of, const char *path)
{
    struct stat st;
    memset(of, 0, sizeof(*of));
    size_t n = strlen(path);
    if (n + 16 > sizeof of->tmp) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(of->path, path, n + 1);
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        of->f = fopen(path, "w");
        return of->f ? 0 : -1;
    }
    memcpy(of->tmp, path, n);
    memcpy(of->tmp + n, ".XXXXXX", sizeof ".XXXXXX"); /* fits: n + 16 <= sizeof of->tmp */
    int fd = mkstemp(of->tmp);
    if (fd < 0)
        return -1;
    /* mkstemp makes it 0600; an export is as readable as fopen would make it */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    of->f = fdopen(fd, "w");
    if (!of->f) {
        int e = errno;
        close(fd);
        unlink(of->tmp);
        errno = e;
        return -1;
    }
    return 0;
}

int outfile_close(outfile *of, int ok)
{
    errno = 0;
    int bad = fflush(of->f) != 0 || ferror(of->f);
    int e = errno;
    bad |= fclose(of->f) != 0;
    if (!e)
        e = errno;
    of->f = NULL;
    if (of->tmp[0]) {
        if (ok && !bad && rename(of->tmp, of->path) != 0) {
            bad = 1;
            e = errno;
        }
        if (!ok || bad)
            unlink(of->tmp);
    }
    errno = e ? e : EIO;
    return bad ? -1 : 0;
}
