#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "model/result.hpp"
#include "plan/job.hpp"

namespace ac {

// Holds back the result of a streamed case that must be compared with a non-streamed one
// (`compare_with`) until both have arrived, whichever finishes first.
class Pairing {
 public:
  using Emit = std::function<void(Result&&)>;

  // Learns which jobs pair up; call before any result arrives.
  void plan(const std::vector<Job>& jobs);

  // Offers a finished job (its repeat is the result's); emits it, and any stream result it
  // completes, through `emit`.
  // `folded` is the folded stream message as JSON text (streamed jobs), `body` the reply body.
  void offer(const Job& job, Result&& result, const std::string& folded_json, const Emit& emit);

  // Emits whatever is still waiting (its partner never finished), with a warning saying so.
  void flush(const Emit& emit);

 private:
  struct Waiting {
    Result result;
    std::string folded;
    std::string partner_id;
    const Expectation* expect = nullptr;  // the streamed job's: its comparison findings are settled with it
    const Job* job = nullptr;             // the streamed job, for its declared known deviation
  };
  // Partners are planned per provider and case; replies meet per provider, repeat and case.
  static std::string key(const Job& job, const std::string& case_id);
  static std::string key(const Job& job, int repeat, const std::string& case_id);
  void complete(Waiting& waiting, const std::string& plain_body);

  std::map<std::string, bool> partners_;         // key -> a planned, sendable partner exists
  std::map<std::string, std::string> bodies_;    // partner key (with repeat) -> its reply body
  std::map<std::string, std::vector<Waiting>> waiting_;
};

}  // namespace ac
