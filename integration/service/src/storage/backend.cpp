#include "storage/backend.h"

#include "storage/errors.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kvs::storage {

void Backend::load(const std::string &seed_path, const std::function<bool(const std::string &)> &owns) {
  std::ifstream in(seed_path);
  if (!in) throw std::runtime_error("cannot read seed records from " + seed_path);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    std::istringstream fields(line);
    std::string key, fault;
    Record record;
    if (line.empty() || line[0] == '#') continue;
    if (!(fields >> key >> record.value))
      throw std::runtime_error(seed_path + ":" + std::to_string(number) + ": expected `key value [fault]`");
    if (fields >> fault) {
      if (fault == "corrupt") record.corrupt = true;
      else if (fault.rfind("busy=", 0) == 0) record.busy_reads = std::stoi(fault.substr(5));
      else throw std::runtime_error(seed_path + ":" + std::to_string(number) + ": unknown fault '" + fault + "'");
    }
    if (owns(key)) records_[key] = record;
  }
}

std::optional<std::string> Backend::read(const std::string &key) {
  ++reads_;
  auto it = records_.find(key);
  if (it == records_.end()) return std::nullopt;
  Record &record = it->second;
  if (record.corrupt) throw CorruptRecord("record '" + key + "' fails its checksum");
  if (record.busy_reads > 0) {
    --record.busy_reads;
    throw TransientError("backend busy reading '" + key + "'");
  }
  return record.value;
}

bool Backend::write(const std::string &key, const std::string &value) {
  auto [it, created] = records_.insert_or_assign(key, Record{value});
  return created;
}

bool Backend::erase(const std::string &key) { return records_.erase(key) > 0; }

}  // namespace kvs::storage
