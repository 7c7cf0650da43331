// Protobuf `string` fields and JSON text must be valid UTF-8, but attribute
// values come from arbitrary program data and may have been cut at a byte
// limit in the middle of a character. These helpers replace every invalid
// sequence with U+FFFD; valid input (the common case) is copied unchanged.
#pragma once

#include <cstddef>
#include <string_view>

namespace orch::rt {

// True if `s` is well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
bool utf8_valid(std::string_view s);

// Size in bytes of `s` after replacing invalid sequences.
size_t utf8_sanitized_size(std::string_view s);

// Writes the sanitized form of `s` to `out` (utf8_sanitized_size(s) bytes) and
// returns the end of what was written.
char *utf8_sanitize_to(std::string_view s, char *out);

}  // namespace orch::rt
