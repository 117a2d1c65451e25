/* test_scenfile.c - the scenario file format: every error class, exactly. */
#include <check.h>

Suite *suite_make(void)
{
    return suite_create("scenfile");
}
