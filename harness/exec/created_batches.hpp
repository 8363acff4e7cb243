#pragma once
#include <string>
#include <vector>

#include "net/transport.hpp"
#include "plan/job.hpp"
#include "redact/redactor.hpp"
#include "results/results_file.hpp"

namespace ac {

// The message batches a run created, so that it can cancel those still running when it ends: a
// real batch keeps processing (and billing) for up to 24 hours after the case that made it.
class CreatedBatches {
 public:
  struct Batch {
    const Target* target = nullptr;
    std::string id;
    bool done = false;  // ended, canceling or canceled: nothing to clean up
  };

  // Sees every reply. A 2xx to POST {base_url}{paths.batches} holding a message_batch records it;
  // any later reply about one of them that says it is `ended` or `canceling` marks it done.
  void observe(const Target& target, const std::string& method, const std::string& url, int status,
               const std::string& body);

  const std::vector<Batch>& batches() const { return batches_; }

  // POST {paths.batches}/{id}/cancel for each batch not done, all at once on `transport`; counts
  // the requests and the outcome into `cost` per provider. Returns one line per batch it could
  // not cancel, for the console.
  std::vector<std::string> cancel_running(TransferQueue& transport, const RequestOptions& options,
                                          const Redactor& redactor, RunCost& cost);

 private:
  std::vector<Batch> batches_;
};

}  // namespace ac
