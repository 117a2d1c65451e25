#include "bench.h"
int bench_model(const bench_ctx *c) { (void)c; return 0; }
