#include "http_curl.h"

#include <curl/curl.h>
#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <vector>

namespace orch::rt {
namespace {

// The libcurl functions the transport calls, resolved from libcurl.so.4.
#define ORCH_CURL_FUNCTIONS(X)                                                                           \
  X(global_init) X(easy_init) X(easy_cleanup) X(easy_setopt) X(easy_getinfo) X(easy_strerror) X(multi_init) \
  X(multi_cleanup) X(multi_add_handle) X(multi_remove_handle) X(multi_perform) X(multi_poll)                \
  X(multi_info_read) X(slist_append) X(slist_free_all)

struct CurlApi {
#define ORCH_CURL_MEMBER(name) decltype(&::curl_##name) name;
  ORCH_CURL_FUNCTIONS(ORCH_CURL_MEMBER)
#undef ORCH_CURL_MEMBER
};

CurlApi g_curl;
std::string g_curl_error;  // why libcurl could not be loaded; empty once it is

template <typename F>
bool resolve(void *lib, const char *name, F &fn) {
  void *sym = dlsym(lib, name);
  std::memcpy(&fn, &sym, sizeof fn);
  return sym != nullptr;
}

void load_curl_once() {
  // Never unloaded: OpenSSL registers exit handlers inside it.
  void *lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char *why = dlerror();
    g_curl_error = std::string("cannot load libcurl.so.4, needed for https:// endpoints: ") + (why ? why : "?");
    return;
  }
  CurlApi api{};
  bool ok = true;
#define ORCH_CURL_RESOLVE(name) ok = ok && resolve(lib, "curl_" #name, api.name);
  ORCH_CURL_FUNCTIONS(ORCH_CURL_RESOLVE)
#undef ORCH_CURL_RESOLVE
  if (!ok) {
    g_curl_error = "cannot use libcurl.so.4 (needed for https:// endpoints): a curl_* function is missing (libcurl 7.66 or later is needed)";
    return;
  }
  if (api.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    g_curl_error = "cannot initialise libcurl (needed for https:// endpoints)";
    return;
  }
  g_curl = api;
}

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
  CURLM *multi = g_curl.multi_init();
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
  CURLMcode mc = g_curl.multi_add_handle(multi, curl);
  if (mc != CURLM_OK) return CURLE_OUT_OF_MEMORY;
  for (int running = 1; running && mc == CURLM_OK;) {
    mc = g_curl.multi_perform(multi, &running);
    // The handle's timeouts wake the poll; the 1 s bound is a safety net.
    if (running && mc == CURLM_OK) mc = g_curl.multi_poll(multi, nullptr, 0, 1000, nullptr);
  }
  CURLcode code = CURLE_RECV_ERROR;  // what a multi failure is reported as
  int left = 0;
  while (CURLMsg *msg = g_curl.multi_info_read(multi, &left))
    if (msg->msg == CURLMSG_DONE && msg->easy_handle == curl) code = msg->data.result;
  g_curl.multi_remove_handle(multi, curl);
  return code;
}

class CurlTransport final : public HttpTransport {
public:
  explicit CurlTransport(const HttpClient::Options &options) : options_(options) {
    for (const std::string &line : options_.header_lines)
      headers_ = g_curl.slist_append(headers_, line.c_str());
    // Without this, libcurl waits for "100 Continue" before sending large bodies.
    headers_ = g_curl.slist_append(headers_, "Expect:");
    open_handle();
  }
  ~CurlTransport() override;
  bool ready() const { return curl_ != nullptr; }
  void post(std::string_view body, std::chrono::milliseconds timeout, std::chrono::milliseconds connect_timeout,
            HttpResponse &response) override;

private:
  void open_handle();
  static size_t on_header(char *data, size_t size, size_t count, void *self);
  static size_t on_body(char *data, size_t size, size_t count, void *self);
  static int on_connected(void *self, char *, char *, int, int);

  const HttpClient::Options &options_;
  CURLM *multi_ = nullptr;
  CURL *curl_ = nullptr;
  curl_slist *headers_ = nullptr;
  pid_t owner_pid_ = 0;  // the process that opened curl_
  HttpResponse *response_ = nullptr;  // during post()
  char error_buffer_[256] = {};
  bool connected_ = false;  // in this request, a connection was made or reused
};

CurlTransport::~CurlTransport() {
  // After fork() the handle's connection belongs to the parent (see post()).
  if (owner_pid_ == getpid()) {
    if (curl_) g_curl.easy_cleanup(curl_);
    if (multi_) g_curl.multi_cleanup(multi_);
  }
  g_curl.slist_free_all(headers_);
}

void CurlTransport::open_handle() {
  owner_pid_ = getpid();
  // The connection is cached by the multi handle, and reused by the next
  // request as long as the collector keeps it open.
  multi_ = multi_init_cloexec();
  curl_ = multi_ ? g_curl.easy_init() : nullptr;
  if (!curl_) return;
  g_curl.easy_setopt(curl_, CURLOPT_OPENSOCKETFUNCTION, &open_socket_cloexec);
  g_curl.easy_setopt(curl_, CURLOPT_URL, options_.url.c_str());
  g_curl.easy_setopt(curl_, CURLOPT_HTTPHEADER, headers_);
  g_curl.easy_setopt(curl_, CURLOPT_USERAGENT, options_.user_agent.c_str());
  g_curl.easy_setopt(curl_, CURLOPT_POST, 1L);
  // Signals would hit the host program's handlers; timeouts still apply
  // (the threaded resolver needs no alarm).
  g_curl.easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
  g_curl.easy_setopt(curl_, CURLOPT_TCP_NODELAY, 1L);
  g_curl.easy_setopt(curl_, CURLOPT_TCP_KEEPALIVE, 1L);
  // The OTLP spec asks clients to follow redirects; 307/308 keep the POST,
  // and POSTREDIR keeps it for 301/302/303 too.
  g_curl.easy_setopt(curl_, CURLOPT_FOLLOWLOCATION, 1L);
  g_curl.easy_setopt(curl_, CURLOPT_MAXREDIRS, 3L);
  g_curl.easy_setopt(curl_, CURLOPT_POSTREDIR, static_cast<long>(CURL_REDIR_POST_ALL));
  g_curl.easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, "http,https");
  g_curl.easy_setopt(curl_, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  if (!options_.certificate_file.empty())
    g_curl.easy_setopt(curl_, CURLOPT_CAINFO, options_.certificate_file.c_str());
  if (!options_.client_certificate_file.empty()) {
    g_curl.easy_setopt(curl_, CURLOPT_SSLCERT, options_.client_certificate_file.c_str());
    g_curl.easy_setopt(curl_, CURLOPT_SSLKEY, options_.client_key_file.c_str());
  }
  g_curl.easy_setopt(curl_, CURLOPT_HEADERFUNCTION, &CurlTransport::on_header);
  g_curl.easy_setopt(curl_, CURLOPT_HEADERDATA, this);
  g_curl.easy_setopt(curl_, CURLOPT_WRITEFUNCTION, &CurlTransport::on_body);
  g_curl.easy_setopt(curl_, CURLOPT_WRITEDATA, this);
  g_curl.easy_setopt(curl_, CURLOPT_ERRORBUFFER, error_buffer_);
  g_curl.easy_setopt(curl_, CURLOPT_PREREQFUNCTION, &CurlTransport::on_connected);
  g_curl.easy_setopt(curl_, CURLOPT_PREREQDATA, this);
}

void CurlTransport::post(std::string_view body, std::chrono::milliseconds timeout,
                         std::chrono::milliseconds connect_timeout, HttpResponse &response) {
  // A child of fork() must not talk over the parent's kept-alive connection,
  // nor close it (curl_easy_cleanup would send a TLS close_notify on it): the
  // inherited handle is abandoned and the child opens its own.
  if (curl_ && owner_pid_ != getpid()) open_handle();
  if (!curl_) {
    response.transport_error = "cannot initialise libcurl";
    return;
  }
  response_ = &response;

  const long ms = std::max<long>(1, static_cast<long>(timeout.count()));
  g_curl.easy_setopt(curl_, CURLOPT_TIMEOUT_MS, ms);
  g_curl.easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT_MS, std::clamp<long>(static_cast<long>(connect_timeout.count()), 1, ms));
  g_curl.easy_setopt(curl_, CURLOPT_POSTFIELDS, body.data());
  g_curl.easy_setopt(curl_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  error_buffer_[0] = '\0';
  connected_ = false;

  const CURLcode code = perform(multi_, curl_);
  if (code == CURLE_OK) {
    g_curl.easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &response.status);
  } else {
    response.transport_error = error_buffer_[0] ? error_buffer_ : g_curl.easy_strerror(code);
    response.transport_retryable = transport_error_retryable(code);
    response.unreachable = no_connection(code, connected_);
  }
  response_ = nullptr;
}

size_t CurlTransport::on_header(char *data, size_t size, size_t count, void *self) {
  auto *client = static_cast<CurlTransport *>(self);
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
      client->response_->retry_after.assign(value);
    }
  }
  // A new status line (after a redirect or "100 Continue") starts a new answer.
  if (line.starts_with("HTTP/")) client->response_->retry_after.clear();
  return size * count;
}

int CurlTransport::on_connected(void *self, char *, char *, int, int) {
  static_cast<CurlTransport *>(self)->connected_ = true;
  return CURL_PREREQFUNC_OK;
}

size_t CurlTransport::on_body(char *data, size_t size, size_t count, void *self) {
  auto *client = static_cast<CurlTransport *>(self);
  std::string &body = client->response_->body;
  const size_t n = size * count;
  body.append(data, std::min(n, kMaxBodyBytes - std::min(kMaxBodyBytes, body.size())));
  return n;
}

}  // namespace

bool load_curl(std::string *error) {
  static std::once_flag once;
  std::call_once(once, load_curl_once);
  if (error) *error = g_curl_error;
  return g_curl_error.empty();
}

std::unique_ptr<HttpTransport> make_curl_transport(const HttpClient::Options &options, std::string &error) {
  if (!load_curl(&error)) return nullptr;
  auto transport = std::make_unique<CurlTransport>(options);
  if (!transport->ready()) {
    error = "cannot initialise libcurl";
    return nullptr;
  }
  return transport;
}

}  // namespace orch::rt
