#include "results/results_file.hpp"

namespace ac {

void Summary::add(Verdict v) {
  ++total;
  switch (v) {
    case Verdict::Pass: ++pass; break;
    case Verdict::Fail: ++fail; break;
    case Verdict::Error: ++error; break;
    case Verdict::Skip: ++skip; break;
    case Verdict::Unsupported: ++unsupported; break;
    case Verdict::Known: ++known; break;
  }
}

}  // namespace ac
