#include "export/console_format.h"

namespace orch::rt {

void append_attribute_value(std::string &line, const AttrView &a) {
  switch (a.type) {
  case AttrType::String:
    line += '"';
    line.append(a.str);
    line += '"';
    break;
  case AttrType::Int: line += std::to_string(a.i); break;
  case AttrType::Double: line += std::to_string(a.d); break;
  case AttrType::Bool: line += a.b ? "true" : "false"; break;
  }
}

}  // namespace orch::rt
