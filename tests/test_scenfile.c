/* test_scenfile.c - the scenario file format: a full example, and every
 * error class with its exact message and line. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scen/printable.h"
#include "scen/number.h"
#include "scen/scenfile.h"

#define HEAD "[scenario]\ntitle = T\nkind = worker-pool\ndescription = D\n"

static char err[512];
static ps_params p;
static scenario_text text;

static int load(const char *ini)
{
    err[0] = '\0';
    return scenfile_load_string("s.ini", ini, &p, &text, err, sizeof err);
}

/* The file must fail with exactly this message. */
static void fails(const char *ini, const char *msg)
{
    ck_assert_int_eq(load(ini), -1);
    ck_assert_str_eq(err, msg);
}

START_TEST(full_example)
{
    const char *ini = "; a lecturer's pool\n"
                      "[scenario]\n"
                      "name = my-pool\n"
                      "title = Two workers, uneven jobs\n"
                      "kind = worker-pool\n"
                      "description = First line\n"
                      "    goes on here.\n"
                      "    |\n"
                      "    Second paragraph.\n"
                      "\n"
                      "[params]\n"
                      "workers = 2\n"
                      "jobs = 4\n"
                      "durations_ms = 100, 200 ; a comment\n"
                      "queue = 1\n"
                      "speed = 2.5\n"
                      "[code]\n"
                      "line.1 = for j := range jobs {\n"
                      "line.2 = |    work(j)\n"
                      "line.4 = }\n"
                      "line.3 = |\tdone()\n"
                      "map.job-started = 2\n"
                      "map.main.queue-send = 1\n"
                      "map.worker.queue-send = 3\n"
                      "map.say.1 = 4\n"
                      "map.w2.job-started = 4\n"
                      "map.w2.say.1 = 1\n";
    ck_assert_msg(load(ini) == 0, "%s", err);
    ck_assert_str_eq(p.name, "my-pool");
    ck_assert_str_eq(p.title, "Two workers, uneven jobs");
    ck_assert_int_eq(p.kind, SK_WORKER_POOL);
    ck_assert_int_eq(p.workers, 2);
    ck_assert_int_eq(p.jobs, 4);
    ck_assert_int_eq(p.queue_cap, 1);
    ck_assert_int_eq(p.speed_milli, 2500);
    ck_assert_int_eq(scenario_job_ns(&p, 1), 100000000);
    ck_assert_int_eq(scenario_job_ns(&p, 4), 200000000);
    ck_assert_str_eq(text.description, "First line goes on here.\nSecond paragraph.");
    ck_assert_int_eq(text.n_lines, 4);
    ck_assert_str_eq(text.lines[0], "for j := range jobs {");
    ck_assert_str_eq(text.lines[1], "    work(j)");
    ck_assert_str_eq(text.lines[2], "    done()");
    ck_assert_int_eq(scentext_line(&text, EV_JOB_STARTED, 1, -1), 2);
    ck_assert_int_eq(scentext_line(&text, EV_Q_SEND, 0, -1), 1);
    ck_assert_int_eq(scentext_line(&text, EV_Q_SEND, 2, -1), 3);
    ck_assert_int_eq(scentext_line(&text, EV_SAY, 0, 1), 4);
    ck_assert_int_eq(scentext_line(&text, EV_SAY, 0, 0), 0);
    ck_assert_int_eq(scentext_line(&text, EV_Q_RECV, 1, -1), 0);
    /* map.wN. is for worker N alone, over the role's and the kind's */
    ck_assert_int_eq(scentext_line(&text, EV_JOB_STARTED, 2, -1), 4);
    ck_assert_int_eq(scentext_line(&text, EV_JOB_STARTED, 3, -1), 2);
    ck_assert_int_eq(scentext_line(&text, EV_SAY, 2, 1), 1);
    ck_assert_int_eq(scentext_line(&text, EV_SAY, 1, 1), 4);
}
END_TEST

START_TEST(defaults_name_and_range)
{
    ck_assert_msg(load(HEAD "[params]\ndurations_ms = 200..800\nseed = 9\n") == 0, "%s", err);
    ck_assert_str_eq(p.name, "s");  /* the file name without .ini */
    ck_assert_int_eq(p.workers, 3); /* the kind's default */
    ck_assert_int_eq(p.job_ns, 200000000);
    ck_assert_int_eq(p.job_ns_max, 800000000);
    ck_assert_uint_eq(p.seed, 9);
    ck_assert_int_eq(text.n_lines, 0);
}
END_TEST

START_TEST(per_job_and_counters)
{
    ck_assert_msg(load("[scenario]\ntitle = T\nkind = errgroup\ndescription = D\n"
                       "[params]\njobs = 7\nfail_job = 7\n") == 0,
                  "%s", err);
    ck_assert_int_eq(p.workers, 7); /* one thread per job */
    ck_assert_int_eq(p.fail_job, 7);
    ck_assert_msg(load("[scenario]\ntitle = T\nkind = mutexes\ndescription = D\n"
                       "[params]\nworkers = 4\ncounters = x, y_2, x\n") == 0,
                  "%s", err);
    ck_assert_int_eq(p.n_names, 2);
    ck_assert_str_eq(p.names[1], "y_2");
    ck_assert_int_eq(p.n_targets, 3);
    ck_assert_int_eq(p.targets[2], 0);
}
END_TEST

START_TEST(unknown_key)
{
    fails(HEAD "[params]\nwrokers = 3\n",
          "s.ini:6: unknown key 'wrokers' in [params] (allowed: workers, jobs, job_ms, "
          "durations_ms, seed, queue, fail_job, counters, speed)");
    fails("[scenario]\ntitel = T\n",
          "s.ini:2: unknown key 'titel' in [scenario] (allowed: name, title, kind, description)");
    fails(HEAD "[code]\nlines.1 = x\n",
          "s.ini:6: unknown key 'lines.1' in [code] (allowed: code, line.N, map.KIND, "
          "map.main.KIND, map.worker.KIND, map.wN.KIND, map.say.N)");
    fails("workers = 3\n" HEAD,
          "s.ini:1: 'workers' is outside any section (allowed: sections scenario, params, code)");
}
END_TEST

START_TEST(unknown_section_and_syntax)
{
    fails(HEAD "[parms]\nworkers = 3\n",
          "s.ini:5: unknown section [parms] (allowed: scenario, params, code)");
    fails(HEAD "[params\n", "s.ini:5: expected '[section]' or 'key = value'");
    fails(HEAD "[params]\nworkers\n", "s.ini:6: expected '[section]' or 'key = value'");
}
END_TEST

START_TEST(unknown_kind)
{
    fails("[scenario]\nkind = pool\n",
          "s.ini:2: unknown kind 'pool' (allowed: worker-pool, waitgroup, waitgroup-workers, "
          "atomic-counters, race, mutexes, errgroup, backpressure, thread-per-job)");
}
END_TEST

START_TEST(missing_required)
{
    fails("; c\n[scenario]\ntitle = T\ndescription = D\n",
          "s.ini:2: missing required key 'kind' in [scenario] (required: title, kind, "
          "description)");
    fails("[scenario]\nkind = race\ndescription = D\n",
          "s.ini:1: missing required key 'title' in [scenario] (required: title, kind, "
          "description)");
    fails("[scenario]\nkind = race\ntitle = T\n",
          "s.ini:1: missing required key 'description' in [scenario] (required: title, kind, "
          "description)");
    fails("[params]\nworkers = 2\n",
          "s.ini:1: missing section [scenario] (required: title, kind, description)");
    fails("", "s.ini:1: missing section [scenario] (required: title, kind, description)");
}
END_TEST

START_TEST(not_a_number)
{
    fails(HEAD "[params]\nworkers = many\n",
          "s.ini:6: workers = 'many' is not a whole number (allowed: 1..64)");
    fails(HEAD "[params]\njobs = 5x\n",
          "s.ini:6: jobs = '5x' is not a whole number (allowed: 0..10000000)");
    fails(HEAD "[params]\nspeed = fast\n",
          "s.ini:6: speed = 'fast' is not a number (allowed: 0.1..100)");
    fails(HEAD "[params]\ndurations_ms = 100, x\n",
          "s.ini:6: durations_ms = 'x' is not a whole number (allowed: 0..3600000)");
    fails(HEAD "[code]\nline.1 = a\nmap.job-started = one\n",
          "s.ini:7: map.job-started = 'one' is not a code line (allowed: 1..80)");
}
END_TEST

START_TEST(out_of_range)
{
    fails(HEAD "[params]\nworkers = 0\n", "s.ini:6: workers = 0 is out of range (allowed: 1..64)");
    fails(HEAD "[params]\nworkers = 100000\n",
          "s.ini:6: workers = 100000 is out of range (allowed: 1..64)");
    fails(HEAD "[params]\njob_ms = -5\n",
          "s.ini:6: job_ms = -5 is out of range (allowed: 0..3600000)");
    fails(HEAD "[params]\ndurations_ms = 100, -1\n",
          "s.ini:6: durations_ms = -1 is out of range (allowed: 0..3600000)");
    fails(HEAD "[params]\ndurations_ms = 800..200\n",
          "s.ini:6: durations_ms = 800..200: the range is empty (allowed: LO..HI with LO <= HI)");
    fails(HEAD "[params]\nqueue = 0\n", "s.ini:6: queue = 0 is out of range (allowed: 1..1000000)");
    fails(HEAD "[params]\nspeed = 1000\n",
          "s.ini:6: speed = 1000 is out of range (allowed: 0.1..100)");
    fails("[scenario]\ntitle = T\nkind = errgroup\ndescription = D\n[params]\njobs = 65\n",
          "s.ini:6: jobs = 65, but errgroup runs one thread per job (allowed: 1..64)");
    fails("[scenario]\ntitle = T\nkind = errgroup\ndescription = D\n[params]\n"
          "fail_job = 9\n",
          "s.ini:6: fail_job = 9 is not one of the 5 jobs (allowed: 0..5, 0 for none)");
    fails("[scenario]\ntitle = T\nkind = mutexes\ndescription = D\n[params]\n"
          "counters = a, b, c\n",
          "s.ini:6: counters = a, b, c: more than 2 distinct names (allowed: 1 or 2 names, one "
          "per thread, e.g. a, a, b)");
    fails("[scenario]\ntitle = T\nkind = mutexes\ndescription = D\n[params]\ncounters = a-b\n",
          "s.ini:6: counters = a-b: bad name 'a-b' (allowed: 1..15 letters, digits or _, "
          "separated by commas)");
}
END_TEST

START_TEST(not_for_this_kind_and_twice)
{
    fails(HEAD "[params]\nfail_job = 2\n",
          "s.ini:6: fail_job does not apply to kind worker-pool (allowed: workers, jobs, "
          "job_ms, durations_ms, seed, queue, speed)");
    fails(HEAD "[params]\njobs = 2\njobs = 3\n", "s.ini:7: jobs is set twice (first on line 6)");
    fails(HEAD "kind = race\n", "s.ini:5: kind is set twice (first on line 3)");
    fails(HEAD "[params]\nworkers = 2\n    3\n",
          "s.ini:7: a line starting with blank space continues 'workers' (allowed: only "
          "description continues; start the line in column 1)");
}
END_TEST

START_TEST(code_section_errors)
{
    fails(HEAD "[code]\nline.0 = x\n",
          "s.ini:6: bad code line number 'line.0' (allowed: line.1..line.80)");
    fails(HEAD "[code]\nline.1 = x\nmap.job-begun = 1\n",
          "s.ini:7: unknown event kind 'job-begun' in 'map.job-begun' (allowed: thread-start, "
          "job-started, queue-send, ... as --log=events prints them)");
    fails(HEAD "[code]\nline.1 = x\nmap.job-started = 2\n",
          "s.ini:7: map to code line 2, which is not there (allowed: 1..1, the line.N keys)");
    fails(HEAD "[code]\nline.1 = x\nmap.say.8 = 1\n",
          "s.ini:7: bad say index in 'map.say.8' (allowed: map.say.0..map.say.7)");
    fails(HEAD "[code]\nline.1 = x\nmap.w65.job-started = 1\n",
          "s.ini:7: bad worker number in 'map.w65.job-started' (allowed: "
          "map.w1.KIND..map.w64.KIND)");
    fails(HEAD "[code]\nline.1 = x\nmap.w2job-started = 1\n",
          "s.ini:7: bad worker number in 'map.w2job-started' (allowed: map.w1.KIND..map.w64.KIND)");
}
END_TEST

START_TEST(line_too_long)
{
    char ini[1024];
    char longv[300];
    memset(longv, 'x', sizeof longv - 1);
    longv[sizeof longv - 1] = '\0';
    snprintf(ini, sizeof ini, HEAD "[code]\nline.1 = %s\nline.2 = y\n", longv);
    fails(ini, "s.ini:6: line longer than 198 characters (allowed: up to 198)");
}
END_TEST

START_TEST(first_error_wins)
{
    fails(HEAD "[params]\nworkers = 0\njobs = x\n",
          "s.ini:6: workers = 0 is out of range (allowed: 1..64)");
    /* a syntax error before a value error is the one reported */
    fails(HEAD "oops\n[params]\nworkers = 0\n", "s.ini:5: expected '[section]' or 'key = value'");
}
END_TEST

START_TEST(files_and_resolve)
{
    char path[] = "/tmp/poolscope-test-XXXXXX.ini";
    int fd = mkstemps(path, 4);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs(HEAD "[params]\nworkers = 7\n", f);
    fclose(f);
    ck_assert_msg(scenfile_resolve(path, &p, &text, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(p.workers, 7);
    ck_assert_str_eq(text.source, path);
    f = fopen(path, "w");
    fputs(HEAD "[params]\nworkers = 0\n", f);
    fclose(f);
    ck_assert_int_eq(scenfile_resolve(path, &p, &text, err, sizeof err), -1);
    char want[600];
    snprintf(want, sizeof want, "%s:6: workers = 0 is out of range (allowed: 1..64)", path);
    ck_assert_str_eq(err, want);
    unlink(path);
    ck_assert_int_eq(scenfile_resolve(path, &p, &text, err, sizeof err), -1);
    snprintf(want, sizeof want, "%s: cannot read the scenario file: No such file or directory",
             path);
    ck_assert_str_eq(err, want);
    ck_assert_int_eq(scenfile_resolve("no-such-scenario", &p, &text, err, sizeof err), 1);
    ck_assert_msg(scenfile_resolve("errgroup", &p, &text, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(p.fail_job, 3);
    ck_assert_int_gt(text.n_lines, 20);
    ck_assert_int_gt(scentext_line(&text, EV_CANCEL, 4, -1), 0);
}
END_TEST

/* A file in dir with this text; its path into path. */
static void write_file(const char *dir, const char *name, const char *text, char *path, size_t len)
{
    snprintf(path, len, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

/* "code = FILE" next to the scenario file: tabs, CRLF, line numbers as in
 * an editor, trailing blank lines dropped. */
START_TEST(code_file_next_to_ini)
{
    char dir[] = "/tmp/poolscope-code-XXXXXX", ini[600], go[600], want[800];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    write_file(dir, "my.go", "func main() {\r\n\tgo f()\r\n\r\n\tx\ty\n}\n\n\n", go, sizeof go);
    write_file(dir, "my.ini", HEAD "[code]\ncode = my.go\nmap.thread-start = 2\n", ini, sizeof ini);
    ck_assert_msg(scenfile_resolve(ini, &p, &text, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(text.n_lines, 5);
    ck_assert_str_eq(text.lines[0], "func main() {");
    ck_assert_str_eq(text.lines[1], "    go f()");
    ck_assert_str_eq(text.lines[2], "");
    ck_assert_str_eq(text.lines[3], "    x   y"); /* a tab goes to the next multiple of 4 */
    ck_assert_str_eq(text.lines[4], "}");
    ck_assert_str_eq(text.code_source, go);
    ck_assert_int_eq(scentext_line(&text, EV_THREAD_START, 1, -1), 2);
    /* errors in the code file name the code file and its line */
    char lines[120 * 7] = "";
    for (int i = 0; i < 81; i++)
        strcat(lines, "x\n");
    write_file(dir, "my.go", lines, go, sizeof go);
    ck_assert_int_eq(scenfile_resolve(ini, &p, &text, err, sizeof err), -1);
    snprintf(want, sizeof want, "%s:81: the listing has more than 80 lines (allowed: up to 80)",
             go);
    ck_assert_str_eq(err, want);
    memset(lines, 'y', 170);
    strcpy(lines + 170, "\n");
    write_file(dir, "my.go", lines, go, sizeof go);
    ck_assert_int_eq(scenfile_resolve(ini, &p, &text, err, sizeof err), -1);
    snprintf(want, sizeof want, "%s:1: line longer than 159 characters (allowed: up to 159)", go);
    ck_assert_str_eq(err, want);
    write_file(dir, "my.go", "\n\n", go, sizeof go);
    ck_assert_int_eq(scenfile_resolve(ini, &p, &text, err, sizeof err), -1);
    snprintf(want, sizeof want, "%s: the code file is empty (allowed: 1..80 lines of code)", go);
    ck_assert_str_eq(err, want);
    unlink(go);
    ck_assert_int_eq(scenfile_resolve(ini, &p, &text, err, sizeof err), -1);
    snprintf(want, sizeof want,
             "%s:6: cannot read code file 'my.go': No such file or directory (allowed: a file "
             "next to the scenario file, or a built-in's, e.g. worker-pool.go)",
             ini);
    ck_assert_str_eq(err, want);
    /* a copied built-in .ini keeps its listing: a bare name falls back to the built-ins' */
    write_file(dir, "my.ini", HEAD "[code]\ncode = worker-pool.go\n", ini, sizeof ini);
    ck_assert_msg(scenfile_resolve(ini, &p, &text, err, sizeof err) == 0, "%s", err);
    ck_assert_str_eq(text.lines[19], "        jobs <- j");
    unlink(ini);
    rmdir(dir);
}
END_TEST

START_TEST(code_key_errors)
{
    fails(HEAD "[code]\ncode = nope.go\n",
          "s.ini:6: cannot read code file 'nope.go': No such file or directory (allowed: a file "
          "next to the scenario file, or a built-in's, e.g. worker-pool.go)");
    fails(HEAD "[code]\nline.1 = x\ncode = worker-pool.go\n",
          "s.ini:6: line.1 and 'code = worker-pool.go' both give the listing (allowed: one of "
          "them)");
    fails(HEAD "[code]\ncode = worker-pool.go\ncode = race.go\n",
          "s.ini:7: code is set twice (first on line 6)");
    fails(HEAD "[code]\ncode = worker-pool.go\nmap.job-started = 30\n",
          "s.ini:7: map to code line 30, which is not there (allowed: 1..27, the lines of "
          "worker-pool.go)");
    /* the built-in listing, by its bare name, from any directory */
    ck_assert_msg(load(HEAD "[code]\ncode = worker-pool.go\nmap.main.queue-send = 20\n") == 0, "%s",
                  err);
    ck_assert_int_eq(text.n_lines, 27);
    ck_assert_str_eq(text.lines[19], "        jobs <- j");
    ck_assert_int_eq(scentext_line(&text, EV_Q_SEND, 0, -1), 20);
}
END_TEST

/* One sanitizer for text from files: control bytes show as '?', the rest
 * (UTF-8 too) stays; a scenario file's message quoting one shows it so. */
START_TEST(printable_control_bytes)
{
    char s[] = "a\033c\tb\x7f\xc3\xa9 ~";
    ck_assert_str_eq(printable_fix(s), "a?c?b?\xc3\xa9 ~");
    ck_assert_int_eq(printable_char('\n'), '?');
    ck_assert_int_eq(printable_char(' '), ' ');
    ck_assert_int_eq(printable_char(0xc3), 0xc3);
    ps_params p;
    char err[256];
    ck_assert_int_ne(
        scenfile_load_string("esc.ini", "[scenario]\nkind = \033]0;x\n", &p, NULL, err, sizeof err),
        0);
    ck_assert_ptr_null(strchr(err, '\033'));
    ck_assert_ptr_nonnull(strstr(err, "unknown kind '?]0;x'"));
}
END_TEST

/* One decimal parser: "0x10", " 5", "5 ", "+5", "1e1" are no numbers. */
START_TEST(numbers_are_decimal)
{
    long long v;
    ck_assert_int_eq(number_parse_int("42", &v), 0);
    ck_assert_int_eq(v, 42);
    ck_assert_int_eq(number_parse_int("-9223372036854775808", &v), 0);
    ck_assert_int_eq(number_parse_int("9223372036854775808", &v), -1);
    const char *bad[] = {"0x10", " 5", "5 ", "+5", "", "-", "1e1", "5.0"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(number_parse_int(bad[i], &v) == -1, "'%s' parsed", bad[i]);
    ck_assert_int_eq(number_parse_milli("0.5", &v), 0);
    ck_assert_int_eq(v, 500);
    ck_assert_int_eq(number_parse_milli("100", &v), 0);
    ck_assert_int_eq(v, 100000);
    ck_assert_int_eq(number_parse_milli("0.125", &v), 0);
    ck_assert_int_eq(v, 125);
    const char *badm[] = {"0x10", " 1", "1 ", ".5", "5.", "0.0001", "1e1", "inf", "nan"};
    for (size_t i = 0; i < sizeof badm / sizeof badm[0]; i++)
        ck_assert_msg(number_parse_milli(badm[i], &v) == -1, "'%s' parsed", badm[i]);
}
END_TEST

Suite *suite_make(void)
{
    Suite *s = suite_create("scenfile");
    TCase *tc = tcase_create("scenfile");
    tcase_add_test(tc, full_example);
    tcase_add_test(tc, printable_control_bytes);
    tcase_add_test(tc, defaults_name_and_range);
    tcase_add_test(tc, per_job_and_counters);
    tcase_add_test(tc, unknown_key);
    tcase_add_test(tc, unknown_section_and_syntax);
    tcase_add_test(tc, unknown_kind);
    tcase_add_test(tc, missing_required);
    tcase_add_test(tc, not_a_number);
    tcase_add_test(tc, out_of_range);
    tcase_add_test(tc, not_for_this_kind_and_twice);
    tcase_add_test(tc, code_section_errors);
    tcase_add_test(tc, line_too_long);
    tcase_add_test(tc, first_error_wins);
    tcase_add_test(tc, files_and_resolve);
    tcase_add_test(tc, code_file_next_to_ini);
    tcase_add_test(tc, code_key_errors);
    tcase_add_test(tc, numbers_are_decimal);
    suite_add_tcase(s, tc);
    return s;
}
