/* orch_w_ctx_bundle / orch_w_ctx_start / orch_w_ctx_created in a C unit, with
 * pthread_create in the shape the rewrite emits. Each scenario returns 0 or the
 * line of the first failed check (ctx_bundle_test.cpp runs them). Allocations
 * are counted through -Wl,--wrap=malloc,--wrap=free: only this unit's calls,
 * that is the bundle's. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "orch/weave.h"

#define CHECK(cond)                                                                                \
  do {                                                                                             \
    if (!(cond)) return __LINE__;                                                                  \
  } while (0)

void *__real_malloc(size_t size);
void __real_free(void *p);
static long live_allocations;

void *__wrap_malloc(size_t size) {
  void *p = __real_malloc(size);
  if (p) __atomic_add_fetch(&live_allocations, 1, __ATOMIC_RELAXED);
  return p;
}
void __wrap_free(void *p) {
  if (p) __atomic_sub_fetch(&live_allocations, 1, __ATOMIC_RELAXED);
  __real_free(p);
}
static long live(void) { return __atomic_load_n(&live_allocations, __ATOMIC_RELAXED); }

static orch_site outer_site = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "outer", "outer", __FILE__, __LINE__, 0, NULL, NULL, 0};

/* What the new thread saw. */
typedef struct seen {
  int has_context;
  orch_span_context ctx;
  int exit_early;
} seen;

static void *record_context(void *data) {
  seen *s = (seen *)data;
  s->has_context = orch_current_context(&s->ctx);
  if (s->exit_early) pthread_exit(data);
  return data;
}

/* The rewrite's shape for pthread_create(t, attr, start, data). */
static int create(pthread_t *t, const pthread_attr_t *attr, void *(*start)(void *), void *data) {
  return __extension__({
    void *__orch_b = orch_w_ctx_bundle(start, data);
    __orch_b ? orch_w_ctx_created(pthread_create(t, attr, orch_w_ctx_start, __orch_b), __orch_b)
             : pthread_create(t, attr, start, data);
  });
}

static int same_ids(const orch_span_context *a, const orch_span_context *b) {
  return memcmp(a->trace_id, b->trace_id, 16) == 0 && memcmp(a->span_id, b->span_id, 8) == 0;
}

/* Runs `record_context` on a new thread under a span; checks what it saw. */
static int run_under_span(int exit_early) {
  __attribute__((cleanup(orch_w_end))) orch_span span = orch_w_start(&outer_site);
  orch_span_context outer;
  seen s;
  pthread_t t;
  void *result = NULL;
  long before;
  CHECK(span.rec != NULL);
  CHECK(orch_current_context(&outer) == 1);
  memset(&s, 0, sizeof s);
  s.exit_early = exit_early;
  before = live();
  CHECK(create(&t, NULL, record_context, &s) == 0);
  CHECK(pthread_join(t, &result) == 0);
  CHECK(result == &s);
  CHECK(s.has_context == 1);
  CHECK(same_ids(&s.ctx, &outer));
  CHECK(s.ctx.is_remote == 0);
  CHECK(live() == before); /* the thread freed the bundle */
  return 0;
}

int ctx_bundle_thread_runs_under_the_span(void) { return run_under_span(0); }

int ctx_bundle_pthread_exit_frees_the_bundle(void) { return run_under_span(1); }

int ctx_bundle_failed_create_frees_the_bundle(void) {
  __attribute__((cleanup(orch_w_end))) orch_span span = orch_w_start(&outer_site);
  pthread_attr_t attr;
  pthread_t t;
  seen s;
  long before;
  int rc;
  CHECK(span.rec != NULL);
  memset(&s, 0, sizeof s);
  CHECK(pthread_attr_init(&attr) == 0);
  /* No such stack can be mapped: pthread_create fails with EAGAIN. */
  CHECK(pthread_attr_setstacksize(&attr, (size_t)1 << 50) == 0);
  before = live();
  {
    void *bundle = orch_w_ctx_bundle(record_context, &s);
    CHECK(bundle != NULL);
    CHECK(live() == before + 1);
    rc = orch_w_ctx_created(pthread_create(&t, &attr, orch_w_ctx_start, bundle), bundle);
  }
  pthread_attr_destroy(&attr);
  CHECK(rc != 0);
  CHECK(live() == before);
  return 0;
}

int ctx_bundle_nothing_without_a_span(void) {
  seen s;
  pthread_t t;
  long before = live();
  memset(&s, 0, sizeof s);
  CHECK(orch_w_ctx_bundle(record_context, &s) == NULL);
  CHECK(live() == before);
  CHECK(create(&t, NULL, record_context, &s) == 0);
  CHECK(pthread_join(t, NULL) == 0);
  CHECK(s.has_context == 0);
  return 0;
}
