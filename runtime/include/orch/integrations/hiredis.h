/* Built-in `hiredis` (aspects/hiredis.yaml): the program's calls of
 * redisCommand and redisCommandArgv go to the wrappers below, each a client
 * span named by the command (GET, SET, ...; "redis" for others) with the
 * OpenTelemetry database semantic conventions' attributes (v1.33):
 * db.system.name=redis, db.operation.name (the command), db.query.text (the
 * command with every argument replaced by `?`), server.address, server.port
 * (TCP connections). An error reply sets status ERROR with its message and
 * db.response.status_code / error.type (its prefix: ERR, WRONGTYPE...); a
 * failed connection (no reply) too, error.type being hiredis's error code.
 *
 * C and C++; included in place of orch/weave.h by units whose calls the aspect
 * wove. */
#ifndef ORCH_INTEGRATIONS_HIREDIS_H
#define ORCH_INTEGRATIONS_HIREDIS_H

#include "metrics.h"
#include "sites.h"

#pragma GCC system_header

#include <ctype.h>
#include <stdarg.h>
#include <hiredis/hiredis.h>

#define ORCH_REDIS_SITE(name) ORCH_CLIENT_SITE(name, "redisCommand")
static orch_site orch_redis_sites[] = {
    ORCH_REDIS_SITE("GET"),   ORCH_REDIS_SITE("SET"),    ORCH_REDIS_SITE("DEL"),   ORCH_REDIS_SITE("EXISTS"),
    ORCH_REDIS_SITE("INCR"),  ORCH_REDIS_SITE("DECR"),   ORCH_REDIS_SITE("EXPIRE"), ORCH_REDIS_SITE("MGET"),
    ORCH_REDIS_SITE("MSET"),  ORCH_REDIS_SITE("HGET"),   ORCH_REDIS_SITE("HSET"),  ORCH_REDIS_SITE("HGETALL"),
    ORCH_REDIS_SITE("LPUSH"), ORCH_REDIS_SITE("RPUSH"),  ORCH_REDIS_SITE("LPOP"),  ORCH_REDIS_SITE("RPOP"),
    ORCH_REDIS_SITE("LRANGE"), ORCH_REDIS_SITE("SADD"),  ORCH_REDIS_SITE("SMEMBERS"), ORCH_REDIS_SITE("PING"),
    ORCH_REDIS_SITE("redis")};
#undef ORCH_REDIS_SITE

/* The command's words: the name upper-cased into op (at most 31 letters),
 * the whole with each argument as `?` into text (at most 255 bytes). */
static __inline__ void orch_redis_describe(const char *command, size_t command_len, int arguments, char op[32],
                                           char text[256]) {
  size_t n = 0, o = 0;
  int i;
  while (n < command_len && n < 31 && !isspace((unsigned char)command[n])) {
    op[n] = (char)toupper((unsigned char)command[n]);
    ++n;
  }
  op[n] = '\0';
  memcpy(text, op, n);
  o = n;
  for (i = 0; i < arguments && o + 2 < 256; ++i) {
    text[o++] = ' ';
    text[o++] = '?';
  }
  text[o] = '\0';
}

/* The arguments of a format string: its words after the command. */
static __inline__ int orch_redis_format_arguments(const char *format) {
  int words = 0, in_word = 0;
  for (; format && *format; ++format) {
    if (isspace((unsigned char)*format)) in_word = 0;
    else if (!in_word) in_word = 1, ++words;
  }
  return words > 0 ? words - 1 : 0;
}

/* Starts the span and the measurement of a command; a detached span
 * (orch_w_start_detached_at) for a command whose reply is read later. */
static __inline__ void orch_redis_begin(orch_op *o, redisContext *c, const char *command, size_t command_len,
                                        int arguments, int detached) {
  char text[256];
  orch_redis_describe(command ? command : "", command ? command_len : 0, arguments, o->name, text);
  if (detached) orch_w_start_detached_at(&o->span, ORCH_SITE_NAMED(orch_redis_sites, o->name));
  else orch_w_start_at(&o->span, ORCH_SITE_NAMED(orch_redis_sites, o->name));
  orch_op_begin(o);
  if (!orch_op_wanted(o)) return;
  orch_op_str(o, "db.system.name", "redis");
  if (o->name[0]) orch_op_str(o, "db.operation.name", o->name);
  orch_w_attr_cstr(&o->span, "db.query.text", text);
  if (c && c->connection_type == REDIS_CONN_TCP && c->tcp.host) {
    orch_op_str(o, "server.address", c->tcp.host);
    orch_op_i64(o, "server.port", c->tcp.port);
  }
}

static __inline__ void orch_redis_end(orch_op *o, redisContext *c, const redisReply *reply) {
  char code[32];
  size_t n = 0;
  if (!reply) {
    snprintf(code, sizeof code, "%d", c ? c->err : 0);
    orch_db_end(o, code, ORCH_W_NULL, c ? c->errstr : ORCH_W_NULL);
  } else if (reply->type == REDIS_REPLY_ERROR) {
    while (reply->str && n < 31 && reply->str[n] && !isspace((unsigned char)reply->str[n])) {
      code[n] = reply->str[n];
      ++n;
    }
    code[n] = '\0';
    orch_db_end(o, code, code, reply->str);
  } else {
    orch_db_end(o, ORCH_W_NULL, ORCH_W_NULL, ORCH_W_NULL);
  }
}

static __inline__ void *orch_redisCommand(redisContext *c, const char *format, ...) {
  orch_op op;
  va_list ap;
  void *reply;
  orch_redis_begin(&op, c, format, format ? strcspn(format, " \t") : 0, orch_redis_format_arguments(format), 0);
  va_start(ap, format);
  reply = redisvCommand(c, format, ap);
  va_end(ap);
  orch_redis_end(&op, c, (const redisReply *)reply);
  return reply;
}

static __inline__ void *orch_redisCommandArgv(redisContext *c, int argc, const char **argv, const size_t *argvlen) {
  orch_op op;
  void *reply;
  orch_redis_begin(&op, c, argc > 0 ? argv[0] : ORCH_W_NULL,
                   argc > 0 ? (argvlen ? argvlen[0] : strlen(argv[0])) : 0, argc > 0 ? argc - 1 : 0, 0);
  reply = redisCommandArgv(c, argc, argv, argvlen);
  orch_redis_end(&op, c, (const redisReply *)reply);
  return reply;
}

#endif
