/* A price cache in Redis: a value stored and read back, a counter, a command
   on the wrong type (an error reply), and a server that is not there; then
   commands pipelined (queued, their replies read later, one never read). */
#include <hiredis/hiredis.h>
#include <stdio.h>
#include <stdlib.h>

static void cache_show(const char *what, redisReply *reply) {
  if (!reply) printf("%s: no reply\n", what);
  else if (reply->type == REDIS_REPLY_ERROR) printf("%s: error %s\n", what, reply->str);
  else if (reply->type == REDIS_REPLY_STRING || reply->type == REDIS_REPLY_STATUS) printf("%s: %s\n", what, reply->str);
  else printf("%s: %lld\n", what, reply->integer);
  if (reply) freeReplyObject(reply);
}

static void cache_prices(redisContext *c) {
  const char *argv[] = {"SET", "price:7", "12.5"};
  cache_show("set", redisCommand(c, "SET price:%d %s", 42, "9.90"));
  cache_show("get", redisCommand(c, "GET price:%d", 42));
  cache_show("set argv", redisCommandArgv(c, 3, argv, NULL));
  cache_show("incr", redisCommand(c, "INCR hits"));
  cache_show("wrong type", redisCommand(c, "LPUSH price:42 x"));
}

static int cache_count(int n) { return n + 1; }

static void cache_pipeline(redisContext *c) {
  const char *argv[] = {"GET", "price:7"};
  void *reply = NULL;
  int i, read = 0;
  redisAppendCommand(c, "SET stock:%d %d", 7, 3);
  redisAppendCommandArgv(c, 2, argv, NULL);
  redisAppendCommand(c, "LPUSH price:42 y");
  for (i = 0; i < 3 && redisGetReply(c, &reply) == REDIS_OK; ++i) {
    read = cache_count(read);
    cache_show("pipelined", (redisReply *)reply);
  }
  redisAppendCommand(c, "PING");
  printf("pipelined replies read: %d\n", read);
}

int main(void) {
  const char *port = getenv("REDIS_PORT");
  redisContext *c = redisConnect("127.0.0.1", port ? atoi(port) : 6379);
  if (!c || c->err) return 1;
  cache_prices(c);
  cache_pipeline(c);
  redisFree(c);
  c = redisConnect("127.0.0.1", 1);
  cache_show("unreachable", c && !c->err ? redisCommand(c, "PING") : NULL);
  if (c) redisFree(c);
  return 0;
}
