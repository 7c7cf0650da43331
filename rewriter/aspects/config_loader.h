// Loads orch.yaml and the aspect files it names into a Config.
// Every problem is a ConfigError whose message starts with file:line:col.
#pragma once

#include <string>

#include "aspects/model.h"
#include "aspects/yaml_reader.h"

namespace orch {

// `builtin_dir` holds the built-in aspect files (`builtin: NAME` -> NAME.yaml).
Config load_config(const std::string &orch_yaml_path, const std::string &builtin_dir);

// Walks up from `start_dir` looking for orch.yaml; returns "" if there is none.
std::string find_config(const std::string &start_dir);

// The orch.yaml that applies to `source`: $ORCH_CONFIG if set, else the first
// one above the source's directory; "" if there is none.
std::string config_for_source(const std::string &source);

}  // namespace orch
