#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ac::sim {

struct FaultInfo {
  const char* name;
  const char* description;
  bool valid;  // true: unusual framing that a correct client must accept (not a deviation)
};

// Every fault mode and framing option the simulator knows, in a stable order.
const std::vector<FaultInfo>& fault_catalog();

// A set of fault names, each checked against the catalog.
class FaultSet {
 public:
  bool has(const std::string& name) const { return names_.count(name) > 0; }
  bool empty() const { return names_.empty(); }
  const std::set<std::string>& names() const { return names_; }
  // Adds a known name; returns an error message for an unknown one.
  std::optional<std::string> add(const std::string& name);
  // Adds a comma-separated list ("cut, crlf"); blanks are ignored.
  std::optional<std::string> add_list(const std::string& comma_separated);
  void merge(const FaultSet& other) { names_.insert(other.names_.begin(), other.names_.end()); }

 private:
  std::set<std::string> names_;
};

}  // namespace ac::sim
