// The HTTP client's plain-socket transport for http:// endpoints against a
// scripted loopback server: keep-alive, servers that close, response framing,
// Retry-After, unreachable collectors, fork and descriptors; and that libcurl
// is loaded for https:// only.
#include "export/http_client.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <dirent.h>
#include <fstream>
#include <sstream>

#include "export/http_plain.h"
#include "local_http_sink.h"

namespace orch::test {
namespace {

using namespace std::chrono;
using Reply = LocalHttpSink::Reply;
using Action = LocalHttpSink::Action;
using Framing = LocalHttpSink::Framing;

rt::HttpClient::Options options_for(const std::string &url) {
  rt::HttpClient::Options options;
  options.url = url;
  options.header_lines = {"Content-Type: application/x-protobuf", "api-key: s3cret"};
  options.user_agent = "orch-test";
  return options;
}

bool libcurl_loaded() {
  std::ifstream maps("/proc/self/maps");
  std::stringstream text;
  text << maps.rdbuf();
  return text.str().find("libcurl") != std::string::npos;
}

// A transport error after the connection was made: worth retrying, but the
// collector is there.
void expect_transport_error_after_connecting(const rt::HttpResponse &r) {
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(r.transport_retryable);
  EXPECT_FALSE(r.unreachable);
}

// A port on 127.0.0.1 where nothing listens.
int closed_port() {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  bind(fd, reinterpret_cast<sockaddr *>(&addr), len);
  getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

TEST(PlainHttpUrl, ParsesHostPortAndPath) {
  rt::PlainHttpTarget t;
  ASSERT_TRUE(rt::parse_plain_http_url("HTTP://collector:4318/v1/traces?x=1#frag", t));
  EXPECT_EQ(t.host, "collector");
  EXPECT_EQ(t.port, "4318");
  EXPECT_EQ(t.host_header, "collector:4318");
  EXPECT_EQ(t.path, "/v1/traces?x=1");
  ASSERT_TRUE(rt::parse_plain_http_url("http://[::1]:9/", t));
  EXPECT_EQ(t.host, "::1");
  EXPECT_EQ(t.port, "9");
  ASSERT_TRUE(rt::parse_plain_http_url("http://h", t));
  EXPECT_EQ(t.port, "80");
  EXPECT_EQ(t.path, "/");
  EXPECT_FALSE(rt::parse_plain_http_url("https://h/", t));
  EXPECT_FALSE(rt::parse_plain_http_url("http://user:pw@h/", t));  // credentials: libcurl's job
}

TEST(PlainHttp, PostsTheHeadersAndReusesOneConnection) {
  LocalHttpSink sink;
  rt::HttpClient client(options_for(sink.url()));
  for (int i = 0; i < 5; ++i) {
    const rt::HttpResponse &r = client.post("body" + std::to_string(i), seconds(5), seconds(5));
    ASSERT_EQ(r.status, 200) << r.transport_error;
  }
  EXPECT_EQ(sink.connection_count(), 1u);
  const auto requests = sink.requests();
  ASSERT_EQ(requests.size(), 5u);
  const std::string &head = requests[0].head;
  EXPECT_TRUE(head.starts_with("POST /v1/traces HTTP/1.1\r\n")) << head;
  EXPECT_NE(head.find("\r\nHost: 127.0.0.1:" + std::to_string(sink.port()) + "\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("\r\nUser-Agent: orch-test\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("\r\nContent-Type: application/x-protobuf\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("\r\napi-key: s3cret\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("\r\nContent-Length: 5"), std::string::npos) << head;
  EXPECT_EQ(requests[4].body, "body4");
}

// RFC 6761: localhost names are the loopback addresses, whatever the
// resolver's configuration says (the default endpoint's host).
TEST(PlainHttp, LocalhostNamesAreTheLoopbackAddresses) {
  LocalHttpSink sink;
  for (const std::string host : {"localhost", "LOCALHOST.", "collector.localhost"}) {
    rt::HttpClient client(options_for("http://" + host + ":" + std::to_string(sink.port()) + "/v1/traces"));
    const rt::HttpResponse &r = client.post("body", seconds(5), seconds(5));
    EXPECT_EQ(r.status, 200) << host << ": " << r.transport_error;
  }
  EXPECT_EQ(sink.requests().size(), 3u);
}

TEST(PlainHttp, AServerThatClosesAfterEachAnswerStillGetsEveryRequest) {
  LocalHttpSink sink;
  sink.script({{.close_after = true}, {.close_after = true}, {.close_after = true}});
  rt::HttpClient client(options_for(sink.url()));
  for (int i = 0; i < 3; ++i) {
    const rt::HttpResponse &r = client.post("x", seconds(5), seconds(5));
    ASSERT_EQ(r.status, 200) << i << ": " << r.transport_error;
  }
  EXPECT_EQ(sink.request_count(), 3u);
  EXPECT_EQ(sink.connection_count(), 3u);
}

TEST(PlainHttp, ARequestOnAStaleConnectionIsSentOnceMoreOnAFreshOne) {
  LocalHttpSink sink;
  // The second request's connection is dropped before any answer.
  sink.script({{}, {Action::CloseMidRequest}, {.body = "second"}});
  rt::HttpClient client(options_for(sink.url()));
  ASSERT_EQ(client.post("a", seconds(5), seconds(5)).status, 200);
  const rt::HttpResponse &r = client.post("b", seconds(5), seconds(5));
  EXPECT_EQ(r.status, 200) << r.transport_error;
  EXPECT_EQ(r.body, "second");
  EXPECT_EQ(sink.connection_count(), 2u);
  // Only once: a fresh connection dropped the same way is an error.
  sink.script({{Action::CloseMidRequest}, {Action::CloseMidRequest}});
  expect_transport_error_after_connecting(client.post("c", seconds(5), seconds(5)));
}

TEST(PlainHttp, ReadsChunkedAndUntilCloseBodies) {
  LocalHttpSink sink;
  const std::string text = "partial success: 3 spans rejected";
  sink.script({{.body = text, .framing = Framing::Chunked},
               {.body = "after chunked"},
               {.body = "until close", .framing = Framing::UntilClose},
               {}});
  rt::HttpClient client(options_for(sink.url()));
  EXPECT_EQ(client.post("x", seconds(5), seconds(5)).body, text);
  EXPECT_EQ(client.post("x", seconds(5), seconds(5)).body, "after chunked");
  EXPECT_EQ(sink.connection_count(), 1u);  // the chunked answer was read to its end
  EXPECT_EQ(client.post("x", seconds(5), seconds(5)).body, "until close");
  EXPECT_EQ(client.post("x", seconds(5), seconds(5)).status, 200);
  EXPECT_EQ(sink.connection_count(), 2u);
}

TEST(PlainHttp, KeepsOnlyTheFirst64KiBOfABody) {
  LocalHttpSink sink;
  sink.script({{.status = 500, .body = std::string(100000, 'e'), .framing = Framing::Chunked}, {}});
  rt::HttpClient client(options_for(sink.url()));
  const rt::HttpResponse &r = client.post("x", seconds(5), seconds(5));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.size(), rt::kMaxBodyBytes);
  EXPECT_EQ(client.post("x", seconds(5), seconds(5)).status, 200);
  EXPECT_EQ(sink.connection_count(), 1u);
}

TEST(PlainHttp, ReportsRetryAfterOfA429) {
  LocalHttpSink sink;
  sink.script({{Action::Respond, 429, "retry-after:  7\r\n"}, {}});
  rt::HttpClient client(options_for(sink.url()));
  const rt::HttpResponse &r = client.post("x", seconds(5), seconds(5));
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.retry_after, "7");
  EXPECT_EQ(client.post("x", seconds(5), seconds(5)).retry_after, "");
}

TEST(PlainHttp, RefusedConnectionIsUnreachableAtOnce) {
  rt::HttpClient client(options_for("http://127.0.0.1:" + std::to_string(closed_port()) + "/v1/traces"));
  const auto start = steady_clock::now();
  const rt::HttpResponse &r = client.post("x", seconds(10), seconds(10));
  EXPECT_LT(steady_clock::now() - start, milliseconds(500));
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(r.unreachable);
  EXPECT_TRUE(r.transport_retryable);
  EXPECT_NE(r.transport_error.find("Connection refused"), std::string::npos) << r.transport_error;
}

TEST(PlainHttp, LocalhostTriesEveryAddress) {
  // localhost is ::1 and 127.0.0.1; the sink listens on the latter only.
  LocalHttpSink sink;
  rt::HttpClient client(options_for("http://localhost:" + std::to_string(sink.port()) + "/v1/traces"));
  const rt::HttpResponse &r = client.post("x", seconds(5), seconds(5));
  EXPECT_EQ(r.status, 200) << r.transport_error;
}

TEST(PlainHttp, UnresolvableHostIsUnreachableWithinTheConnectTimeout) {
  rt::HttpClient client(options_for("http://no-such-host.invalid:4318/v1/traces"));
  const auto start = steady_clock::now();
  const rt::HttpResponse &r = client.post("x", seconds(10), milliseconds(300));
  EXPECT_LT(steady_clock::now() - start, milliseconds(1500));
  EXPECT_TRUE(r.unreachable) << r.transport_error;
  EXPECT_TRUE(r.transport_retryable);
}

TEST(PlainHttp, GarbageIsARetryableTransportError) {
  LocalHttpSink sink;
  sink.script({{Action::Garbage}});
  rt::HttpClient client(options_for(sink.url()));
  expect_transport_error_after_connecting(client.post("x", seconds(5), seconds(5)));
}

TEST(PlainHttp, ASilentCollectorTimesOutWithoutBeingUnreachable) {
  LocalHttpSink sink;
  sink.script({{Action::NeverAnswer}});
  rt::HttpClient client(options_for(sink.url()));
  const auto start = steady_clock::now();
  const rt::HttpResponse &r = client.post("x", milliseconds(300), milliseconds(300));
  const auto took = steady_clock::now() - start;
  EXPECT_GE(took, milliseconds(290));
  EXPECT_LT(took, milliseconds(1000));
  EXPECT_FALSE(r.unreachable);
  EXPECT_TRUE(r.transport_retryable);
  EXPECT_NE(r.transport_error.find("timed out"), std::string::npos) << r.transport_error;
}

TEST(PlainHttp, TheConnectionIsCloseOnExecAndAForkedChildOpensItsOwn) {
  LocalHttpSink sink;
  rt::HttpClient client(options_for(sink.url()));
  ASSERT_EQ(client.post("parent", seconds(5), seconds(5)).status, 200);
  // Every socket of this process other than the sink's is the client's.
  int sockets = 0;
  DIR *dir = opendir("/proc/self/fd");
  while (const dirent *e = readdir(dir)) {
    const int fd = atoi(e->d_name);
    int type = 0;
    socklen_t len = sizeof type;
    if (e->d_name[0] == '.' || fd == dirfd(dir) || getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) != 0) continue;
    ++sockets;
    EXPECT_TRUE(fcntl(fd, F_GETFD) & FD_CLOEXEC) << "socket " << fd;
  }
  closedir(dir);
  EXPECT_GE(sockets, 2);

  const pid_t child = fork();
  if (child == 0) _exit(client.post("child", seconds(5), seconds(5)).status == 200 ? 0 : 1);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(sink.connection_count(), 2u);
  ASSERT_EQ(client.post("parent again", seconds(5), seconds(5)).status, 200);
  EXPECT_EQ(sink.connection_count(), 2u);  // the parent's connection survived the child
}

TEST(PlainHttp, HttpNeverLoadsLibcurlAndHttpsDoes) {
  LocalHttpSink sink;
  {
    rt::HttpClient client(options_for(sink.url()));
    rt::prepare_http_transport(sink.url());
    ASSERT_EQ(client.post("x", seconds(5), seconds(5)).status, 200);
  }
  EXPECT_FALSE(libcurl_loaded());
  rt::prepare_http_transport("https://127.0.0.1:1/v1/traces");
  rt::HttpClient tls(options_for("https://127.0.0.1:" + std::to_string(closed_port()) + "/v1/traces"));
  EXPECT_TRUE(libcurl_loaded());
  const rt::HttpResponse &r = tls.post("x", seconds(5), seconds(5));
  EXPECT_TRUE(r.unreachable) << r.transport_error;
}

// With a proxy configured the request goes through it, as libcurl does: here
// to a proxy port where nothing listens, so the collector is never reached.
TEST(PlainHttp, AProxyVariableSendsHttpThroughLibcurl) {
  LocalHttpSink sink;
  setenv("http_proxy", ("http://127.0.0.1:" + std::to_string(closed_port())).c_str(), 1);
  rt::HttpClient client(options_for(sink.url()));
  const rt::HttpResponse &r = client.post("x", seconds(5), seconds(5));
  unsetenv("http_proxy");
  EXPECT_NE(r.status, 200);
  EXPECT_TRUE(r.unreachable) << r.transport_error;
  EXPECT_EQ(sink.connection_count(), 0u);
  EXPECT_TRUE(libcurl_loaded());
}

}  // namespace
}  // namespace orch::test
