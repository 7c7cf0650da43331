// The context entries of orch_api_v1: a thread's current context captured on
// one thread and attached on another.
#pragma once

#include "orch/orch.h"

namespace orch::rt {

void context_capture(orch_captured_context *out) noexcept;
void context_copy(orch_captured_context *dst, const orch_captured_context *src) noexcept;
void context_release(orch_captured_context *c) noexcept;
void *context_attach(const orch_captured_context *c) noexcept;
void context_detach(void *token) noexcept;

}  // namespace orch::rt
