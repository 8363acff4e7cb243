#pragma once
#include <string>
#include <vector>

#include "results/results_file.hpp"

namespace ac {

// Joins the results.json of shard runs (`run --shard K/N`) into the results of one run, so a CI
// matrix of runners gives one answer (docs/results-format.md, "Merging shards"):
// - results in input order; the summary recounted and the deviations found afresh from them;
// - providers united by name (one that ran in any input counts as run), cost summed per provider
//   (a budget counts as reached when it was in any input);
// - started_at the earliest, finished_at the latest, jobs the largest; `shard` cleared.
// Inputs that cannot be one run are refused with `error`: another API version or --repeat, or the
// same case, provider and repeat in two inputs. `notes` gets what is worth a look but not wrong
// (shards of N where some are missing).
bool merge_results(const std::vector<ResultsFile>& inputs, const std::vector<std::string>& names, ResultsFile& out,
                   std::vector<std::string>& notes, std::string& error);

}  // namespace ac
