#include "exec/step_sequence.hpp"

#include <rapidjson/document.h>
#include <rapidjson/pointer.h>

#include "check/json_text.hpp"
#include "load/located_yaml.hpp"
#include "util/join.hpp"
#include "util/json_render.hpp"

namespace ac {

namespace {

bool scalar_json(const rapidjson::Value& v, std::string& out) {
  if (!v.IsString() && !v.IsNumber() && !v.IsBool()) return false;
  out = json_text(v, std::string::npos);
  return true;
}

Finding capture_failure(const Capture& c, const std::string& expected, const std::string& actual,
                        const std::string& why) {
  Finding f{"capture", c.pointer, expected, actual, "cannot capture `" + c.name + "`: " + why, Severity::Breaking};
  f.where = c.where;
  return f;
}

}  // namespace

std::string step_label(const RequestSpec& spec, std::size_t number) {
  std::string target = spec.endpoint.empty() ? spec.path : spec.endpoint + " endpoint";
  if (!spec.query.empty()) target += "?" + spec.query;
  return "step " + std::to_string(number) + " (" + spec.method + " " + target + ")";
}

void label_findings(Findings& findings, const std::string& label) {
  for (auto& f : findings) f.message = label + ": " + f.message;
}

bool capture_values(const std::vector<Capture>& captures, const Exchange& reply, Variables& vars, Findings& out) {
  bool all = true;
  rapidjson::Document body;
  bool parsed = false;
  for (const auto& c : captures) {
    if (!c.header.empty()) {
      if (auto value = find_header(reply.response_headers, c.header)) {
        vars[c.name] = json_quote(*value);
      } else {
        out.push_back(capture_failure(c, "header " + c.header, "(absent)", "the reply has no `" + c.header + "` header"));
        all = false;
      }
      continue;
    }
    if (!parsed) {
      body.Parse(reply.body.c_str(), reply.body.size());
      parsed = true;
    }
    if (body.HasParseError()) {
      out.push_back(capture_failure(c, "a JSON body", reply.body.substr(0, 120), "the reply body is not JSON"));
      all = false;
      continue;
    }
    const rapidjson::Value* v = rapidjson::Pointer(c.pointer.c_str()).Get(body);
    std::string json;
    if (!v) {
      out.push_back(capture_failure(c, "a value at " + c.pointer, "(absent)", c.pointer + " is absent from the reply"));
      all = false;
    } else if (!scalar_json(*v, json)) {
      out.push_back(capture_failure(c, "a string, number or boolean", json_text(*v, 120),
                                    c.pointer + " is not a string, number or boolean"));
      all = false;
    } else {
      vars[c.name] = json;
    }
  }
  return all;
}

std::string unsent_steps(const Case& c, std::size_t first) {
  const std::size_t count = c.step_count();
  if (first >= count) return "";
  std::string names;
  for (std::size_t i = first; i < count; ++i) append_joined(names, "; ", step_label(c.step_request(i), i + 1));
  return names;
}

StepRecord step_record(const std::string& label, const Exchange& x) {
  StepRecord r;
  r.label = label;
  r.request = x.request.method + " " + x.request.url;
  r.curl = x.request.curl;
  r.status = x.status;
  r.total_ms = x.timings.total_ms;
  r.transport_error = x.transport_error;
  return r;
}

}  // namespace ac
