/* Built-in `hiredis`, pipelined commands (aspects/hiredis.yaml): a command
 * queued with redisAppendCommand or redisAppendCommandArgv is a client span
 * from then until redisGetReply returns its reply (replies come in the order
 * the commands were queued), with the attributes, status and
 * db.client.operation.duration of redisCommand's (hiredis.h). The span is a
 * child of the span current when the command was queued, never current
 * itself. A command whose reply is never read ends at redisFree, with
 * error.type `_OTHER`.
 *
 * C and C++; included in place of orch/weave.h by units whose calls the
 * aspect wove. */
#ifndef ORCH_INTEGRATIONS_HIREDIS_PIPELINE_H
#define ORCH_INTEGRATIONS_HIREDIS_PIPELINE_H

#include "hiredis.h"

#pragma GCC system_header

#include <pthread.h>

/* A queued command waiting for its reply: one list for the whole program
 * (weak symbols, shared by every unit including this header), oldest first. */
typedef struct orch_redis_queued {
  struct orch_redis_queued *next;
  const redisContext *c;
  orch_op op;
} orch_redis_queued;
__attribute__((weak)) orch_redis_queued *orch_redis_queue;
__attribute__((weak)) pthread_mutex_t orch_redis_queue_mutex = PTHREAD_MUTEX_INITIALIZER;

/* The oldest command of `c` still waiting, taken out of the queue; NULL if none. */
static __inline__ orch_redis_queued *orch_redis_dequeue(const redisContext *c) {
  orch_redis_queued **p, *q = ORCH_W_NULL;
  pthread_mutex_lock(&orch_redis_queue_mutex);
  for (p = &orch_redis_queue; *p; p = &(*p)->next) {
    if ((*p)->c == c) {
      q = *p;
      *p = q->next;
      break;
    }
  }
  pthread_mutex_unlock(&orch_redis_queue_mutex);
  return q;
}

/* After an append that returned `rc`: the command waits for its reply, or
 * (not queued) its span ends now, failed. */
static __inline__ int orch_redis_queued_after(orch_redis_queued *q, redisContext *c, int rc) {
  orch_redis_queued **p;
  if (!q) return rc;
  if (rc != REDIS_OK) {
    orch_redis_end(&q->op, c, ORCH_W_NULL);
    free(q);
    return rc;
  }
  pthread_mutex_lock(&orch_redis_queue_mutex);
  for (p = &orch_redis_queue; *p;) p = &(*p)->next;
  *p = q; /* the newest last: replies come in order */
  pthread_mutex_unlock(&orch_redis_queue_mutex);
  return rc;
}

static __inline__ orch_redis_queued *orch_redis_queued_new(void) {
  return (orch_redis_queued *)calloc(1, sizeof(orch_redis_queued));
}

static __inline__ int orch_redisAppendCommand(redisContext *c, const char *format, ...) {
  orch_redis_queued *q = orch_redis_queued_new();
  va_list ap;
  int rc;
  if (q) {
    q->c = c;
    orch_redis_begin(&q->op, c, format, format ? strcspn(format, " \t") : 0, orch_redis_format_arguments(format), 1);
  }
  va_start(ap, format);
  rc = redisvAppendCommand(c, format, ap);
  va_end(ap);
  return orch_redis_queued_after(q, c, rc);
}

static __inline__ int orch_redisAppendCommandArgv(redisContext *c, int argc, const char **argv,
                                                  const size_t *argvlen) {
  orch_redis_queued *q = orch_redis_queued_new();
  if (q) {
    q->c = c;
    orch_redis_begin(&q->op, c, argc > 0 ? argv[0] : ORCH_W_NULL,
                     argc > 0 ? (argvlen ? argvlen[0] : strlen(argv[0])) : 0, argc > 0 ? argc - 1 : 0, 1);
  }
  return orch_redis_queued_after(q, c, redisAppendCommandArgv(c, argc, argv, argvlen));
}

static __inline__ int orch_redisGetReply(redisContext *c, void **reply) {
  const int rc = redisGetReply(c, reply);
  orch_redis_queued *q = orch_redis_dequeue(c);
  if (q) {
    orch_redis_end(&q->op, c, rc == REDIS_OK && reply ? (const redisReply *)*reply : ORCH_W_NULL);
    free(q);
  }
  return rc;
}

static __inline__ void orch_redisFree(redisContext *c) {
  orch_redis_queued *q;
  while ((q = orch_redis_dequeue(c))) {
    orch_db_end(&q->op, "_OTHER", ORCH_W_NULL, "the connection was closed before the command's reply was read");
    free(q);
  }
  redisFree(c);
}

#endif
