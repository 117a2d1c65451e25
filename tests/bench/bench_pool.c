#include "bench.h"
int bench_pool(const bench_ctx *c) { (void)c; return 0; }
