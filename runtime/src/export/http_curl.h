// HTTPS (and whatever the plain client does not handle) over libcurl, which
// is loaded with dlopen("libcurl.so.4") at the first use: the runtime is not
// linked with it, so programs that export over plain http never load it and
// the thirty-odd libraries it needs (TLS, SSH, LDAP, Kerberos...).
#pragma once

#include <string>

#include "http_client.h"

namespace orch::rt {

// Loads and initialises libcurl once per process; false (with the reason in
// `error`) when it cannot be loaded.
bool load_curl(std::string *error = nullptr);

// Null (with the reason in `error`) when libcurl cannot be loaded or set up.
std::unique_ptr<HttpTransport> make_curl_transport(const HttpClient::Options &options, std::string &error);

}  // namespace orch::rt
