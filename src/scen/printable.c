#include "printable.h"

int printable_char(int c)
{
    return (c >= 0 && c < 0x20) || c == 0x7f ? '?' : c;
}

char *printable_fix(char *s)
{
    for (char *c = s; *c; c++)
        *c = (char)printable_char((unsigned char)*c);
    return s;
}
