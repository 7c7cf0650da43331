// Runs a server on 127.0.0.1 (port 0: a free one), prints "PORT\n" once it
// listens, and returns when SIGTERM or SIGINT arrives, the server stopped.
#pragma once

#include <httplib.h>

int serve(httplib::Server &server, int port);
