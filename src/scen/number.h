/* number.h - the one parser of numbers that people type (options, scenario
 * files): decimal only, the whole text, no sign but '-', no spaces.  strtoll
 * and strtod alone took "0x10" as 16 and " 5" as 5 while "5 " was refused. */
#ifndef PS_NUMBER_H
#define PS_NUMBER_H

/* A whole decimal number: [-]digits.  0 and *out, or -1. */
int number_parse_int(const char *s, long long *out);
/* A decimal with up to three places, [-]digits[.digits], in thousandths
 * (speed "0.5" is 500).  0 and *milli, or -1 (more places are refused, not
 * rounded). */
int number_parse_milli(const char *s, long long *milli);

#endif
