#include <memory>

#include "cli/commands.hpp"
#include "cli/data_paths.hpp"
#include "cli/format_list.hpp"
#include "cli/run_command.hpp"
#include "sim/upstream.hpp"

namespace ac {

void add_run_command(CLI::App& app, Action& action, const std::string& command_line) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* run = app.add_subcommand("run", "Send the suite's cases to one or more endpoints and judge every response");
  run->footer(
      "With no --provider and no --base-url the suite runs against the embedded reference simulator\n"
      "(no key, no network). Keys are read from the environment variable the profile names (key_env)\n"
      "and never written anywhere. Results go to OUT/results.json; --format adds reports beside it.\n"
      "Before the first request the run checks what it can (formats, --out, --baseline, filters that\n"
      "match no case, unset key variables, unknown {{variables}}) and stops with exit 2 on any of them.\n"
      "A run that judged no case never exits 0.\n"
      "Upstream mode tests a gateway from both sides: apiconform is its client and its upstream.\n"
      "  apiconform run --base-url http://127.0.0.1:3000 --key-env GW_KEY --upstream openai --upstream-listen 127.0.0.1:8788\n"
      "with the gateway's OpenAI base URL set to http://127.0.0.1:8788/v1 beforehand (docs/upstream.md).");
  run->add_option("--provider", o->targets.providers,
                  "Provider profile name (providers/NAME.yaml) or path; repeat for several at once");
  run->add_option("--base-url", o->targets.base_url, "Ad-hoc endpoint, e.g. https://gateway.example (no profile needed)");
  run->add_option("--key-env", o->targets.key_env, "Environment variable holding the key for --base-url");
  run->add_option("--auth", o->targets.auth, "How the key is sent: x-api-key, bearer, either or none");
  run->add_option("--model", o->targets.model,
                  "Model name to send, for every provider (sets the profile's model, model_id and *_model vars)");
  run->add_option("--var", o->targets.vars,
                  "NAME=VALUE over the profile's vars, e.g. --var max_tokens=512 (repeatable; after --model)");
  run->add_flag("--simulate", o->targets.simulate,
                "Run each provider against its embedded simulator (its documented dialect), offline");
  run->add_option("--cases", o->case_paths, "Case files or folders instead of the shipped suite (default: its cases/, `apiconform --version` says where)");
  add_added_cases_option(*run, o->added_cases);
  run->add_option("--schemas", o->schemas_dir, "Schemas folder (default: the shipped schemas/)");
  run->add_option("--providers-dir", o->targets.providers_dir, "Where provider profiles are looked up (default: the shipped providers/)");
  run->add_option("--case", o->plan.only_cases, "Only cases whose id matches this glob (repeatable)");
  run->add_option("--feature", o->plan.only_features, "Only cases of features matching this glob (repeatable)");
  run->add_option("--tag", o->plan.only_tags, "Only cases with a tag matching this glob (repeatable)");
  run->add_option("--api-version", o->plan.request.api_version, "anthropic-version to send (cases for another version are skipped)")
      ->capture_default_str();
  run->add_option("--jobs,-j", o->jobs, "Requests in flight at once, over all providers")->capture_default_str()->check(CLI::Range(1, 1024));
  run->add_option("--repeat", o->repeat, "Run each case K times; reports show pass@k and pass^k")->check(CLI::Range(1, 1000000));
  run->add_option("--retries", o->retries, "Retries of 429, 500, 502, 503, 504, 529, dropped connections and in-band overloads mid-stream, "
                  "with jittered backoff honouring retry-after (0 = off)")
      ->capture_default_str()->check(CLI::Range(0, 20));
  run->add_option("--rate", o->rate_per_s, "Requests started per second per provider (0 = unlimited; default: the profile's, which "
                  "then follows the endpoint's rate-limit headers)");
  run->add_option("--timeout", o->timeout_s, "Total seconds per request (default: the profile's)");
  run->add_option("--connect-timeout", o->connect_timeout_s, "Seconds to connect (default: the profile's)");
  run->add_option("--idle-timeout", o->idle_timeout_s, "Seconds of silence that end a stalled stream (default: the profile's)");
  run->add_flag("--strict", o->strict,
               "Response fields the schemas do not know fail instead of warn; with --baseline, any new deviation or "
               "worse case fails the gate (not only breaking ones)");
  run->add_option("--out", o->out_dir, "Output folder for results.json and reports")->capture_default_str();
  run->add_option("--format", o->formats,
                  "Reports to write besides results.json, comma-separated: " + format_names_text() +
                      " (`apiconform list formats`); checked before anything is sent");
  run->add_option("--baseline", o->baseline, "A previous results.json: exit 1 only on a new breaking deviation or a 2xx -> error case against it");
  run->add_flag("!--no-progress", o->progress, "No live progress line");
  run->add_option("--max-body", o->max_body_mib,
                  "MiB of a reply (not a judged stream) read at most; a longer one stops there with a finding")
      ->capture_default_str()
      ->check(CLI::Range(1, 4096));
  run->add_option("--interrupt-grace", o->interrupt_grace_s,
                  "Seconds replies in flight may still finish after Ctrl-C/SIGTERM before they are cut "
                  "(results and reports are written either way; a second Ctrl-C exits at once)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 600.0));
  run->add_flag("--skip-missing-keys", o->skip_missing_keys,
                "Run the providers whose key variable is set and report the others as not run "
                "(without it an unset key variable stops the run before anything is sent, exit 2)");
  run->add_flag("!--no-preflight", o->preflight,
                "Send every case even when a provider's minimal preflight message fails (unreachable, key refused, "
                "unknown model, wrong path)");
  run->add_option("--token-budget", o->token_budget,
                  "Stop starting cases once the run has spent this many tokens, input and output (from usage; the "
                  "rest are reported `not_run`)")
      ->check(CLI::Range(0LL, 1000000000000LL));
  run->add_option("--upstream", o->upstream,
                  "Upstream mode: start an upstream simulator speaking `openai` (Chat Completions) or `anthropic` "
                  "(Messages) for the run; point the gateway under test (--base-url/--provider) at it. Adds the "
                  "cases of features gateway.* and judges what the gateway forwarded (docs/upstream.md)")
      ->check(CLI::IsMember({"openai", "anthropic"}));
  run->add_option("--upstream-listen", o->upstream_listen,
                  "127.0.0.1:PORT the upstream listens on (fixed, so the gateway can be configured with it before "
                  "the run; needed with --upstream)");
  auto shard = std::make_shared<std::string>();
  run->add_option("--shard", *shard,
                  "K/N: run only shard K of N (cases split by a hash of their id; merge the shards' results with "
                  "`apiconform merge`)");
  run->final_callback([o, shard, &action, command_line]() {
    std::string error;
    if (!shard->empty() && !parse_shard(*shard, o->plan.shard_index, o->plan.shard_count, error))
      throw CLI::ValidationError("--shard", error);
    if (o->upstream.empty() != o->upstream_listen.empty())
      throw CLI::ValidationError(o->upstream.empty() ? "--upstream-listen" : "--upstream",
                                 "--upstream and --upstream-listen go together, e.g. --upstream openai "
                                 "--upstream-listen 127.0.0.1:8788");
    std::string host;
    int port = 0;
    if (!o->upstream.empty() && !sim::parse_listen_address(o->upstream_listen, host, port, error))
      throw CLI::ValidationError("--upstream-listen", error);
    o->plan.upstream = o->upstream;
    o->case_paths = case_paths(o->case_paths, o->added_cases);
    if (o->schemas_dir.empty()) o->schemas_dir = data_path("schemas");
    if (o->targets.providers_dir.empty()) o->targets.providers_dir = data_path("providers");
    o->command_line = command_line;
    action = [o]() { return run_command(*o); };
  });
}

}  // namespace ac
