#ifndef PS_HTML_EXPORT_H
#define PS_HTML_EXPORT_H
#include <stddef.h>
int html_export_available(void);
int html_export_write(const char *cast_path, const char *html_path, const char *title, char *err,
                      size_t len);
#endif
