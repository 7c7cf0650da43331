#include "otlp_config.h"

#include "config/env.h"

#include <fcntl.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <string>

namespace orch::rt {
namespace {

constexpr std::string_view kPrefix = "OTEL_EXPORTER_OTLP_";

// A set, non-empty variable: the value and its name (for warnings).
struct Setting {
  std::string name;
  std::string_view value;
  explicit operator bool() const { return !name.empty(); }
};

Setting lookup(std::string_view suffix) {
  std::string name(kPrefix);
  name += suffix;
  const char *value = std::getenv(name.c_str());
  if (!value || trim(value).empty()) return {};
  return {std::move(name), trim(value)};
}

// What the settings are for: the signal's variables and the warnings.
struct Reader {
  OtlpSignal signal;
  const Warn &warn;

  // OTEL_EXPORTER_OTLP_<SIGNAL>_<suffix>.
  Setting signal_only(std::string_view suffix) const {
    return lookup((signal == OtlpSignal::Metrics ? "METRICS_" : "TRACES_") + std::string(suffix));
  }
  // That if set, else OTEL_EXPORTER_OTLP_<suffix>.
  Setting signal_first(std::string_view suffix) const {
    if (Setting s = signal_only(suffix)) return s;
    return lookup(suffix);
  }
};

bool lower_equals(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

bool is_token_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool parse_header(std::string_view item, std::pair<std::string, std::string> &out) {
  const size_t eq = item.find('=');
  if (eq == std::string_view::npos) return false;
  const std::string_view key = trim(item.substr(0, eq));
  if (key.empty()) return false;
  for (char c : key)
    if (!is_token_char(c)) return false;
  std::string value;
  if (!percent_decode(trim(item.substr(eq + 1)), value)) return false;
  for (unsigned char c : value)
    if ((c < 0x20 && c != '\t') || c == 0x7f) return false;
  out = {std::string(key), std::move(value)};
  return true;
}

void read_endpoint(OtlpConfig &config, const Reader &env) {
  if (Setting s = env.signal_only("ENDPOINT")) {
    if (otlp_endpoint_valid(s.value)) {
      config.endpoint = std::string(s.value);
      return;
    }
    env.warn(s.name + "=\"" + std::string(s.value) +
             "\" is not an http(s) URL; using OTEL_EXPORTER_OTLP_ENDPOINT or the default");
  }
  if (Setting s = lookup("ENDPOINT")) {
    if (otlp_endpoint_valid(s.value)) {
      config.endpoint = otlp_signal_url_from_base(s.value, env.signal);
      return;
    }
    env.warn(s.name + "=\"" + std::string(s.value) + "\" is not an http(s) URL; using " +
             config.endpoint);
  }
}

void read_protocol(OtlpConfig &config, const Reader &env) {
  const Setting s = env.signal_first("PROTOCOL");
  if (!s || s.value == "http/protobuf") return;
  if (s.value == "http/json") {
    config.protocol = OtlpProtocol::HttpJson;
  } else if (s.value == "grpc") {
    env.warn(s.name + "=grpc is not supported; using http/protobuf to " + config.endpoint);
  } else {
    env.warn(s.name + "=\"" + std::string(s.value) +
             "\" is not one of http/protobuf, http/json; using http/protobuf");
  }
}

void read_headers(OtlpConfig &config, const Reader &env) {
  const Setting s = env.signal_first("HEADERS");
  if (s && !otlp_parse_headers(s.value, config.headers))
    env.warn(s.name + " has malformed entries (expected key=value,... with %-encoded values); "
                      "they are ignored");
}

void read_compression(OtlpConfig &config, const Reader &env) {
  const Setting s = env.signal_first("COMPRESSION");
  if (!s || lower_equals(s.value, "none")) return;
  if (lower_equals(s.value, "gzip"))
    config.gzip = true;
  else
    env.warn(s.name + "=\"" + std::string(s.value) + "\" is not gzip or none; not compressing");
}

void read_timeout(OtlpConfig &config, const Reader &env) {
  const Setting s = env.signal_first("TIMEOUT");
  if (!s) return;
  unsigned long ms = 0;
  auto [end, ec] = std::from_chars(s.value.data(), s.value.data() + s.value.size(), ms);
  if (ec == std::errc() && end == s.value.data() + s.value.size() && ms <= 24ul * 3600 * 1000)
    config.timeout = std::chrono::milliseconds(ms);
  else
    env.warn(s.name + "=\"" + std::string(s.value) + "\" is not a number of milliseconds; using " +
             std::to_string(config.timeout.count()));
}

bool readable(std::string_view path) {
  const int fd = open(std::string(path).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  close(fd);
  return true;
}

void read_certificate(OtlpConfig &config, const Reader &env) {
  const Setting s = env.signal_first("CERTIFICATE");
  if (!s) return;
  if (readable(s.value))
    config.certificate_file = std::string(s.value);
  else
    env.warn(s.name + "=\"" + std::string(s.value) + "\" cannot be read; using the system's certificates");
}

// Mutual TLS: both files or neither.
void read_client_certificate(OtlpConfig &config, const Reader &env) {
  const Setting cert = env.signal_first("CLIENT_CERTIFICATE"), key = env.signal_first("CLIENT_KEY");
  if (!cert && !key) return;
  if (!cert || !key) {
    env.warn((cert ? cert.name : key.name) + " is set without its " + (cert ? "CLIENT_KEY" : "CLIENT_CERTIFICATE") +
             "; no client certificate is sent");
    return;
  }
  for (const Setting *s : {&cert, &key}) {
    if (!readable(s->value)) {
      env.warn(s->name + "=\"" + std::string(s->value) + "\" cannot be read; no client certificate is sent");
      return;
    }
  }
  config.client_certificate_file = std::string(cert.value);
  config.client_key_file = std::string(key.value);
}

}  // namespace

bool otlp_endpoint_valid(std::string_view url) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return false;
  const std::string_view scheme = url.substr(0, scheme_end);
  if (!lower_equals(scheme, "http") && !lower_equals(scheme, "https")) return false;
  for (char c : url)
    if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) return false;
  std::string_view authority = url.substr(scheme_end + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  if (size_t at = authority.rfind('@'); at != std::string_view::npos)
    authority.remove_prefix(at + 1);
  std::string_view port;
  if (!authority.empty() && authority.front() == '[') {  // [IPv6]:port
    const size_t close = authority.find(']');
    if (close == std::string_view::npos || close == 1) return false;
    port = authority.substr(close + 1);
    if (!port.empty() && port.front() != ':') return false;
  } else {
    const size_t colon = authority.find(':');
    if (colon == 0 || authority.empty()) return false;
    if (colon != std::string_view::npos) port = authority.substr(colon);
  }
  if (port.empty()) return true;
  port.remove_prefix(1);  // ':'
  unsigned number = 0;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), number);
  return ec == std::errc() && end == port.data() + port.size() && number >= 1 && number <= 65535;
}

std::string otlp_signal_url_from_base(std::string_view base, OtlpSignal signal) {
  std::string url(base);
  if (url.empty() || url.back() != '/') url += '/';
  return url + (signal == OtlpSignal::Metrics ? "v1/metrics" : "v1/traces");
}

bool otlp_parse_headers(std::string_view text,
                        std::vector<std::pair<std::string, std::string>> &out) {
  bool all_good = true;
  while (!text.empty()) {
    const size_t comma = text.find(',');
    const std::string_view item = trim(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    if (item.empty()) continue;  // "a=1,,b=2" or a trailing comma
    std::pair<std::string, std::string> header;
    if (parse_header(item, header))
      out.push_back(std::move(header));
    else
      all_good = false;
  }
  return all_good;
}

OtlpConfig otlp_config_from_env(const Warn &warn, OtlpSignal signal) {
  const Reader env{signal, warn};
  OtlpConfig config;
  config.endpoint = otlp_signal_url_from_base("http://localhost:4318", signal);
  read_endpoint(config, env);
  read_protocol(config, env);
  read_headers(config, env);
  read_compression(config, env);
  read_timeout(config, env);
  read_certificate(config, env);
  read_client_certificate(config, env);
  return config;
}

}  // namespace orch::rt
