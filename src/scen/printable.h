/* printable.h - text read from files (scenario files, code listings,
 * recordings) made safe to print on a terminal.  A control byte in a quoted
 * value would be obeyed, not shown (ESC c resets the terminal), so each one
 * shows as '?'.  Every message or listing that quotes a file goes through
 * here, in this layer, the lowest that reads such files.  (JSON output
 * escapes control bytes instead: rec/json.h.)
 */
#ifndef PS_PRINTABLE_H
#define PS_PRINTABLE_H

/* c itself, or '?' for a control byte (below 0x20, and DEL). */
int printable_char(int c);
/* Replaces every control byte of s in place; returns s. */
char *printable_fix(char *s);

#endif
