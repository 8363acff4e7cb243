#pragma once
#include <string>
#include <vector>

#include "model/header.hpp"

namespace ac {

// One request the gateway forwarded to the upstream simulator for a case (upstream mode,
// docs/upstream.md), and the upstream's answer to it.
struct ForwardedRequest {
  std::string method;
  std::string path;
  Headers headers;            // as received; credential values already hidden
  std::string body;           // as received (the marker included), cut at the results limit
  std::string body_unmarked;  // the JSON body without the marker: what `expect.upstream.json` reads
  int reply_status = 0;       // 0: no reply (fault `unreachable`)
  std::string fault;          // the fault the upstream applied, "" for a reply
  std::string reply_body;     // what the upstream sent (a stream's bytes, up to a cut)
};

// What the upstream saw of one case: its marker and every forwarded request carrying it.
struct UpstreamRecord {
  std::string marker;
  std::vector<ForwardedRequest> forwarded;
};

// A forwarded request the upstream could tie to no case (no marker, or one no case announced).
struct UnmatchedRequest {
  std::string method;
  std::string path;
  std::string marker;  // the marker it carried, if any
  std::string body;    // cut
};

}  // namespace ac
