/* test_gocheck.c - the Go front end: lexer, parser and checker.
 *
 * Programs Go accepts must pass the checker; programs Go rejects must be
 * rejected at Go's line and column with Go's message (as go build, Go 1.19,
 * prints them); what poolscope does not provide is refused by name. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "go/check.h"

static int run_check(const char *src, go_diag *d)
{
    gprog p;
    memset(&p, 0, sizeof p);
    int rc = check_program(&p, "prog.go", src, strlen(src), d);
    check_free(&p);
    return rc;
}

static void expect_ok(const char *src)
{
    go_diag d;
    int rc = run_check(src, &d);
    ck_assert_msg(rc == 0, "rejected at %d:%d: %s", d.pos.line, d.pos.col, d.msg);
}

static void expect_error(const char *src, int line, int col, const char *msg)
{
    go_diag d;
    ck_assert_int_eq(run_check(src, &d), -1);
    ck_assert_msg(strstr(d.msg, msg) != NULL, "message '%s' lacks '%s'", d.msg, msg);
    ck_assert_msg(d.pos.line == line && d.pos.col == col, "at %d:%d, want %d:%d (%s)", d.pos.line,
                  d.pos.col, line, col, d.msg);
}

/* The lecture's worker pool, verbatim. */
static const char worker_pool[] =
    "package main\n\nimport (\n    \"fmt\"\n    \"time\"\n)\n\n"
    "func worker(id int, jobs <-chan int, results chan<- int) {\n"
    "    for j := range jobs {\n"
    "        fmt.Println(\"worker\", id, \"started  job\", j)\n"
    "        time.Sleep(time.Second)\n"
    "        fmt.Println(\"worker\", id, \"finished job\", j)\n"
    "        results <- j * 2\n    }\n}\n\n"
    "func main() {\n    const numJobs = 5\n"
    "    jobs := make(chan int, numJobs)\n    results := make(chan int, numJobs)\n"
    "    for w := 1; w <= 3; w++ {\n        go worker(w, jobs, results)\n    }\n"
    "    for j := 1; j <= numJobs; j++ {\n        jobs <- j\n    }\n    close(jobs)\n"
    "    for a := 1; a <= numJobs; a++ {\n        <-results\n    }\n}\n";

START_TEST(accepts_the_worker_pool)
{
    expect_ok(worker_pool);
}
END_TEST

START_TEST(accepts_the_language_of_teaching_programs)
{
    expect_ok(
        "package main\n"
        "import (\"fmt\"; \"sync\"; \"sync/atomic\"; \"errors\"; \"strings\")\n"
        "type Shape interface { Area() float64; Name() string }\n"
        "type Rect struct { W, H float64 }\n"
        "func (r Rect) Area() float64 { return r.W * r.H }\n"
        "func (r Rect) Name() string { return \"rect\" }\n"
        "type Counter struct { sync.Mutex; n map[string]int }\n"
        "func (c *Counter) Inc(k string) { c.Lock(); defer c.Unlock(); c.n[k]++ }\n"
        "type Color int\n"
        "const ( Red Color = iota; Green; Blue )\n"
        "var errBad = errors.New(\"bad\")\n"
        "func div(a, b int) (q int, err error) {\n"
        "  defer func() { if r := recover(); r != nil { err = errBad } }()\n"
        "  q = a / b\n  return\n}\n"
        "func main() {\n"
        "  var ops int64\n  var wg sync.WaitGroup\n"
        "  for i := 0; i < 3; i++ { wg.Add(1); go func() { atomic.AddInt64(&ops, 1); wg.Done() }() "
        "}\n"
        "  wg.Wait()\n"
        "  shapes := []Shape{Rect{2, 3}, &Rect{W: 1, H: 1}}\n"
        "  for _, s := range shapes { fmt.Printf(\"%s %.1f\\n\", s.Name(), s.Area()) }\n"
        "  c := Counter{n: map[string]int{}}\n  c.Inc(\"a\")\n"
        "  m := map[string][]int{\"x\": {1, 2}}\n  m[\"x\"] = append(m[\"x\"], 3)\n"
        "  if v, ok := m[\"y\"]; !ok { fmt.Println(len(v), ops, Blue) }\n"
        "  var x interface{} = 5\n"
        "  switch v := x.(type) { case int: fmt.Println(v + 1); case string: fmt.Println(v) }\n"
        "  sel := make(chan int)\n  done := make(chan struct{})\n"
        "  go func() { defer close(done); for v := range sel { _ = v } }()\n"
        "  select { case sel <- 1: default: }\n  close(sel)\n  <-done\n"
        "  q, err := div(1, 0)\n  fmt.Println(q, err, strings.ToUpper(\"ok\"))\n"
        "  var arr [3]int\n  p := &arr[1]\n  *p = 7\n  s := arr[:]\n"
        "  fmt.Println(s, cap(s), 1<<10, 'a', 2.5*3)\n"
        "outer:\n  for i := range s { for j := 0; j < i; j++ { if j == 1 { break outer }; continue "
        "outer } }\n"
        "}\n");
}
END_TEST

START_TEST(rejects_as_go_does)
{
    expect_error("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\"\n}\n", 6,
                 18,
                 "syntax error: unexpected newline in argument list; possibly missing comma or )");
    expect_error("package main\n\nfunc main() {\n\tx := 1\n}\n", 4, 2, "x declared but not used");
    expect_error("package main\n\nimport \"os\"\n\nfunc main() {\n}\n", 3, 8,
                 "\"os\" imported but not used");
    expect_error("package main\n\nfunc main() {\n\tvar s string = 1 + \"a\"\n\t_ = s\n}\n", 4, 17,
                 "(mismatched types untyped int and untyped string)");
    expect_error("package main\n\nfunc main() {\n\tfoo()\n}\n", 4, 2, "undefined: foo");
    expect_error(
        "package main\n\nfunc f() int {\n\tfor {\n\t\tbreak\n\t}\n}\n\nfunc main() { f() }\n", 7, 1,
        "missing return");
    expect_error("package main\n\nfunc main() {\n\tvar b int8 = 300\n\t_ = b\n}\n", 4, 15, "300");
}
END_TEST

START_TEST(refuses_what_it_lacks_by_name)
{
    expect_error("package main\n\nimport \"net/http\"\n\nfunc main() { http.Get(\"x\") }\n", 3, 8,
                 "poolscope does not support net/http");
    expect_error(
        "package main\n\nfunc Max[T int | float64](a, b T) T { return a }\n\nfunc main() {}\n", 3,
        6, "poolscope does not support generics");
}
END_TEST

START_TEST(limits_are_named)
{
    /* 5000 nested parentheses: refused with the limit, no C stack overflow */
    size_t n = 5000;
    char *src = malloc(64 + 2 * n);
    ck_assert_ptr_nonnull(src);
    size_t k = (size_t)sprintf(src, "package main\nvar x = ");
    for (size_t i = 0; i < n; i++)
        src[k++] = '(';
    src[k++] = '1';
    for (size_t i = 0; i < n; i++)
        src[k++] = ')';
    strcpy(src + k, "\nfunc main() {}\n");
    go_diag d;
    ck_assert_int_eq(run_check(src, &d), -1);
    ck_assert_msg(strstr(d.msg, "limit") != NULL, "%s", d.msg);
    free(src);
}
END_TEST

Suite *suite_make(void)
{
    Suite *s = suite_create("gocheck");
    TCase *tc = tcase_create("front end");
    tcase_add_test(tc, accepts_the_worker_pool);
    tcase_add_test(tc, accepts_the_language_of_teaching_programs);
    tcase_add_test(tc, rejects_as_go_does);
    tcase_add_test(tc, refuses_what_it_lacks_by_name);
    tcase_add_test(tc, limits_are_named);
    suite_add_tcase(s, tc);
    return s;
}
