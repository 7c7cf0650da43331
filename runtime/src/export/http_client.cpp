#include "http_client.h"

#include <curl/curl.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <vector>

namespace orch::rt {
namespace {

// An ExportTraceServiceResponse is a few bytes; an error page may be long.
constexpr size_t kMaxBodyBytes = 64 * 1024;

bool transport_error_retryable(CURLcode code) {
  // Not CURLE_UNSUPPORTED_PROTOCOL: the URL's scheme was checked when the
  // configuration was read, and libcurl also reports a garbage answer
  // ("HTTP/0.9") that way.
  switch (code) {
  case CURLE_URL_MALFORMAT:
  case CURLE_NOT_BUILT_IN:
  case CURLE_SSL_CERTPROBLEM:
  case CURLE_SSL_CIPHER:
  case CURLE_PEER_FAILED_VERIFICATION:
  case CURLE_SSL_CACERT_BADFILE:
  case CURLE_SSL_ENGINE_NOTFOUND:
  case CURLE_SSL_ENGINE_SETFAILED:
  case CURLE_FILESIZE_EXCEEDED:
  case CURLE_OUT_OF_MEMORY:
  case CURLE_TOO_MANY_REDIRECTS: return false;
  default: return true;
  }
}

// `connected`: the request was about to be sent (CURLOPT_PREREQFUNCTION).
bool no_connection(CURLcode code, bool connected) {
  switch (code) {
  case CURLE_COULDNT_CONNECT:
  case CURLE_COULDNT_RESOLVE_HOST:
  case CURLE_COULDNT_RESOLVE_PROXY: return true;
  case CURLE_OPERATION_TIMEDOUT: return !connected;
  default: return false;
  }
}

// libcurl 7.88 (Debian 12) opens its sockets without close-on-exec (a program
// that forks and execs would hand the collector connection to the new
// program). The connection's socket is opened here instead.
curl_socket_t open_socket_cloexec(void *, curlsocktype, curl_sockaddr *address) {
  return socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
}

std::vector<int> open_descriptors() {
  std::vector<int> fds;
  DIR *dir = opendir("/proc/self/fd");
  if (!dir) return fds;
  while (const dirent *e = readdir(dir))
    if (e->d_name[0] != '.') fds.push_back(std::atoi(e->d_name));
  std::erase(fds, dirfd(dir));
  closedir(dir);
  std::sort(fds.begin(), fds.end());
  return fds;
}

bool unix_stream_without_cloexec(int fd) {
  int domain = 0, type = 0;
  socklen_t len = sizeof domain;
  if (getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &len) != 0 || domain != AF_UNIX) return false;
  len = sizeof type;
  if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) != 0 || type != SOCK_STREAM) return false;
  const int flags = fcntl(fd, F_GETFD);
  return flags >= 0 && !(flags & FD_CLOEXEC);
}

// A multi handle owns a socketpair that wakes curl_multi_poll. libcurl 7.88
// creates it without close-on-exec and offers no callback for it. It is
// created inside curl_multi_init, on this thread: when exactly two
// descriptors appear meanwhile and they are such sockets, they are the pair
// and get FD_CLOEXEC. If anything else appeared (another thread of the program
// opened a descriptor at that moment), nothing is changed rather than risk
// touching one of the program's.
CURLM *multi_init_cloexec() {
  const std::vector<int> before = open_descriptors();
  CURLM *multi = curl_multi_init();
  if (!multi || before.empty()) return multi;
  std::vector<int> appeared;
  for (int fd : open_descriptors())
    if (!std::binary_search(before.begin(), before.end(), fd)) appeared.push_back(fd);
  if (appeared.size() == 2 && std::all_of(appeared.begin(), appeared.end(), unix_stream_without_cloexec))
    for (int fd : appeared) fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC);
  return multi;
}

// curl_easy_perform, on our own multi handle (see multi_init_cloexec).
CURLcode perform(CURLM *multi, CURL *curl) {
  CURLMcode mc = curl_multi_add_handle(multi, curl);
  if (mc != CURLM_OK) return CURLE_OUT_OF_MEMORY;
  for (int running = 1; running && mc == CURLM_OK;) {
    mc = curl_multi_perform(multi, &running);
    // The handle's timeouts wake the poll; the 1 s bound is a safety net.
    if (running && mc == CURLM_OK) mc = curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
  }
  CURLcode code = CURLE_RECV_ERROR;  // what a multi failure is reported as
  int left = 0;
  while (CURLMsg *msg = curl_multi_info_read(multi, &left))
    if (msg->msg == CURLMSG_DONE && msg->easy_handle == curl) code = msg->data.result;
  curl_multi_remove_handle(multi, curl);
  return code;
}

}  // namespace

void prepare_http_transport() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

HttpClient::HttpClient(Options options) : options_(std::move(options)) {
  prepare_http_transport();
  for (const std::string &line : options_.header_lines)
    headers_ = curl_slist_append(headers_, line.c_str());
  // Without this, libcurl waits for "100 Continue" before sending large bodies.
  headers_ = curl_slist_append(headers_, "Expect:");
  open_handle();
}

HttpClient::~HttpClient() {
  // After fork() the handle's connection belongs to the parent (see post()).
  if (owner_pid_ == getpid()) {
    if (curl_) curl_easy_cleanup(curl_);
    if (multi_) curl_multi_cleanup(multi_);
  }
  curl_slist_free_all(headers_);
}

void HttpClient::open_handle() {
  owner_pid_ = getpid();
  // The connection is cached by the multi handle, and reused by the next
  // request as long as the collector keeps it open.
  multi_ = multi_init_cloexec();
  curl_ = multi_ ? curl_easy_init() : nullptr;
  if (!curl_) return;
  curl_easy_setopt(curl_, CURLOPT_OPENSOCKETFUNCTION, &open_socket_cloexec);
  curl_easy_setopt(curl_, CURLOPT_URL, options_.url.c_str());
  curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, headers_);
  curl_easy_setopt(curl_, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(curl_, CURLOPT_POST, 1L);
  // Signals would hit the host program's handlers; timeouts still apply
  // (the threaded resolver needs no alarm).
  curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl_, CURLOPT_TCP_NODELAY, 1L);
  curl_easy_setopt(curl_, CURLOPT_TCP_KEEPALIVE, 1L);
  // The OTLP spec asks clients to follow redirects; 307/308 keep the POST,
  // and POSTREDIR keeps it for 301/302/303 too.
  curl_easy_setopt(curl_, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl_, CURLOPT_MAXREDIRS, 3L);
  curl_easy_setopt(curl_, CURLOPT_POSTREDIR, static_cast<long>(CURL_REDIR_POST_ALL));
  curl_easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl_, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  if (!options_.certificate_file.empty())
    curl_easy_setopt(curl_, CURLOPT_CAINFO, options_.certificate_file.c_str());
  if (!options_.client_certificate_file.empty()) {
    curl_easy_setopt(curl_, CURLOPT_SSLCERT, options_.client_certificate_file.c_str());
    curl_easy_setopt(curl_, CURLOPT_SSLKEY, options_.client_key_file.c_str());
  }
  curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, &HttpClient::on_header);
  curl_easy_setopt(curl_, CURLOPT_HEADERDATA, this);
  curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, &HttpClient::on_body);
  curl_easy_setopt(curl_, CURLOPT_WRITEDATA, this);
  curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, error_buffer_);
  curl_easy_setopt(curl_, CURLOPT_PREREQFUNCTION, &HttpClient::on_connected);
  curl_easy_setopt(curl_, CURLOPT_PREREQDATA, this);
}

const HttpResponse &HttpClient::post(std::string_view body, std::chrono::milliseconds timeout,
                                     std::chrono::milliseconds connect_timeout) {
  // A child of fork() must not talk over the parent's kept-alive connection,
  // nor close it (curl_easy_cleanup would send a TLS close_notify on it): the
  // inherited handle is abandoned and the child opens its own.
  if (curl_ && owner_pid_ != getpid()) open_handle();

  response_.status = 0;
  response_.transport_error.clear();
  response_.transport_retryable = false;
  response_.unreachable = false;
  response_.retry_after.clear();
  response_.body.clear();
  if (!curl_) {
    response_.transport_error = "cannot initialise libcurl";
    return response_;
  }

  const long ms = std::max<long>(1, static_cast<long>(timeout.count()));
  curl_easy_setopt(curl_, CURLOPT_TIMEOUT_MS, ms);
  curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT_MS, std::clamp<long>(static_cast<long>(connect_timeout.count()), 1, ms));
  curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  error_buffer_[0] = '\0';
  connected_ = false;

  const CURLcode code = perform(multi_, curl_);
  if (code == CURLE_OK) {
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &response_.status);
  } else {
    response_.transport_error = error_buffer_[0] ? error_buffer_ : curl_easy_strerror(code);
    response_.transport_retryable = transport_error_retryable(code);
    response_.unreachable = no_connection(code, connected_);
  }
  return response_;
}

size_t HttpClient::on_header(char *data, size_t size, size_t count, void *self) {
  auto *client = static_cast<HttpClient *>(self);
  const std::string_view line(data, size * count);
  constexpr std::string_view kName = "retry-after:";
  if (line.size() > kName.size()) {
    bool match = true;
    for (size_t i = 0; i < kName.size() && match; ++i)
      match = (line[i] | 0x20) == kName[i];  // ASCII case folding; ':' and '-' are unaffected
    if (match) {
      std::string_view value = line.substr(kName.size());
      while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
      while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) value.remove_suffix(1);
      client->response_.retry_after.assign(value);
    }
  }
  // A new status line (after a redirect or "100 Continue") starts a new answer.
  if (line.starts_with("HTTP/")) client->response_.retry_after.clear();
  return size * count;
}

int HttpClient::on_connected(void *self, char *, char *, int, int) {
  static_cast<HttpClient *>(self)->connected_ = true;
  return CURL_PREREQFUNC_OK;
}

size_t HttpClient::on_body(char *data, size_t size, size_t count, void *self) {
  auto *client = static_cast<HttpClient *>(self);
  std::string &body = client->response_.body;
  const size_t n = size * count;
  body.append(data, std::min(n, kMaxBodyBytes - std::min(kMaxBodyBytes, body.size())));
  return n;
}

}  // namespace orch::rt
