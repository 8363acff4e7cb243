#pragma once
#include <string>
#include <vector>

#include "load/variables.hpp"
#include "model/case.hpp"
#include "model/exchange.hpp"
#include "model/finding.hpp"

namespace ac {

// Helpers for running a `steps:` case: naming its steps, carrying captured values to the next.

// "step 2 (GET /v1/messages/batches/{{batch_id}})": the step as written, so a finding reads the
// same from run to run (captured ids change) and a person finds the step in the case file.
std::string step_label(const RequestSpec& spec, std::size_t number);

// Puts `label: ` before each finding's message.
void label_findings(Findings& findings, const std::string& label);

// Adds each capture's value from the reply to `vars` (a string as a JSON string, a number or a
// boolean as itself). A capture whose pointer or header is absent, or whose value is not a
// string, number or boolean, becomes a breaking finding; returns whether every capture held.
bool capture_values(const std::vector<Capture>& captures, const Exchange& reply, Variables& vars, Findings& out);

// "step 3 (...); step 4 (...)": the labels of the steps from `first` (0-based) on, which were not sent.
std::string unsent_steps(const Case& c, std::size_t first);

StepRecord step_record(const std::string& label, const Exchange& x);

}  // namespace ac
