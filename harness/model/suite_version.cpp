#include "model/suite_version.hpp"

namespace ac {

std::string SuiteVersion::text() const {
  return (version.empty() ? std::string("unversioned") : version) + " (content " + hash + ")";
}

}  // namespace ac
