/* check_main.c - the main() every Check runner shares: each test file
 * defines suite_make(), this runs it and exits non-zero on any failure. */
#include <check.h>
#include <stdlib.h>

Suite *suite_make(void);

int main(void)
{
    SRunner *sr = srunner_create(suite_make());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
