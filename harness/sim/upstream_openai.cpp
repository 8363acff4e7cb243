// The OpenAI Chat Completions wire format of the upstream simulator (docs/upstream.md, with the
// OpenAI API reference pages it follows): a `chat.completion` object, or `chat.completion.chunk`
// frames as data-only server-sent events ending with `data: [DONE]`.
#include <functional>

#include <rapidjson/document.h>

#include "sim/upstream_answer.hpp"
#include "util/json_render.hpp"

namespace ac::sim {
namespace {

using Alloc = rapidjson::Document::AllocatorType;
constexpr long kCreated = 1754688908;  // fixed: the upstream is deterministic

rapidjson::Value str(const std::string& s, Alloc& alloc) { return rapidjson::Value(s.c_str(), alloc); }

rapidjson::Value usage_of(const UpstreamAnswer& a, Alloc& alloc) {
  rapidjson::Value usage(rapidjson::kObjectType);
  usage.AddMember("prompt_tokens", static_cast<int64_t>(a.prompt_tokens), alloc);
  usage.AddMember("completion_tokens", static_cast<int64_t>(a.completion_tokens), alloc);
  usage.AddMember("total_tokens", static_cast<int64_t>(a.prompt_tokens + a.completion_tokens), alloc);
  return usage;
}

void envelope(rapidjson::Document& doc, const UpstreamAnswer& a, const std::string& id, const char* object) {
  auto& alloc = doc.GetAllocator();
  doc.SetObject();
  doc.AddMember("id", str(id, alloc), alloc);
  doc.AddMember("object", rapidjson::StringRef(object), alloc);
  doc.AddMember("created", static_cast<int64_t>(kCreated), alloc);
  doc.AddMember("model", str(a.model, alloc), alloc);
  doc.AddMember("system_fingerprint", "fp_apiconform", alloc);
}

rapidjson::Value tool_call(const UpstreamAnswer& a, const std::string& arguments, bool first, Alloc& alloc) {
  rapidjson::Value call(rapidjson::kObjectType);
  call.AddMember("index", 0, alloc);
  rapidjson::Value function(rapidjson::kObjectType);
  if (first) {
    call.AddMember("id", str(a.tool_id, alloc), alloc);
    call.AddMember("type", "function", alloc);
    function.AddMember("name", str(a.tool_name, alloc), alloc);
  }
  function.AddMember("arguments", str(arguments, alloc), alloc);
  call.AddMember("function", function, alloc);
  return call;
}

// One chunk: a choice with `delta` (filled by the caller) and `finish_reason`, or no choice at all
// (the usage chunk). With include_usage every other chunk says `usage: null`.
std::string chunk_frame(const UpstreamAnswer& a, const std::string& id, bool include_usage,
                        const std::function<void(rapidjson::Value&, Alloc&)>& delta, const std::string& finish,
                        bool usage_chunk = false) {
  rapidjson::Document doc;
  envelope(doc, a, id, "chat.completion.chunk");
  auto& alloc = doc.GetAllocator();
  rapidjson::Value choices(rapidjson::kArrayType);
  if (!usage_chunk) {
    rapidjson::Value choice(rapidjson::kObjectType);
    choice.AddMember("index", 0, alloc);
    rapidjson::Value d(rapidjson::kObjectType);
    delta(d, alloc);
    choice.AddMember("delta", d, alloc);
    choice.AddMember("logprobs", rapidjson::Value(), alloc);
    choice.AddMember("finish_reason", finish.empty() ? rapidjson::Value() : str(finish, alloc), alloc);
    choices.PushBack(choice, alloc);
  }
  doc.AddMember("choices", choices, alloc);
  if (usage_chunk)
    doc.AddMember("usage", usage_of(a, alloc), alloc);
  else if (include_usage)
    doc.AddMember("usage", rapidjson::Value(), alloc);
  return "data: " + to_json(doc) + "\n\n";
}

// Arguments streamed in pieces of a few characters, as models emit them.
std::vector<std::string> argument_pieces(const std::string& arguments) {
  constexpr std::size_t kPiece = 8;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < arguments.size(); i += kPiece) out.push_back(arguments.substr(i, kPiece));
  return out;
}

}  // namespace

UpstreamBody openai_completion(const UpstreamAnswer& a, const std::string& id) {
  rapidjson::Document doc;
  envelope(doc, a, id, "chat.completion");
  auto& alloc = doc.GetAllocator();
  rapidjson::Value message(rapidjson::kObjectType);
  message.AddMember("role", "assistant", alloc);
  message.AddMember("content", a.has_text ? str(a.text, alloc) : rapidjson::Value(), alloc);
  message.AddMember("refusal", rapidjson::Value(), alloc);
  if (!a.tool_id.empty()) {
    rapidjson::Value calls(rapidjson::kArrayType);
    rapidjson::Value call = tool_call(a, a.tool_arguments, true, alloc);
    call.RemoveMember("index");  // `index` is a chunk's, not a message's
    calls.PushBack(call, alloc);
    message.AddMember("tool_calls", calls, alloc);
  }
  rapidjson::Value choice(rapidjson::kObjectType);
  choice.AddMember("index", 0, alloc);
  choice.AddMember("message", message, alloc);
  choice.AddMember("logprobs", rapidjson::Value(), alloc);
  choice.AddMember("finish_reason", str(a.finish_reason, alloc), alloc);
  rapidjson::Value choices(rapidjson::kArrayType);
  choices.PushBack(choice, alloc);
  doc.AddMember("choices", choices, alloc);
  doc.AddMember("usage", usage_of(a, alloc), alloc);
  return {"application/json", {to_json(doc)}};
}

UpstreamBody openai_chunks(const UpstreamAnswer& a, const std::string& id, bool include_usage) {
  UpstreamBody body{"text/event-stream", {}};
  auto& w = body.writes;
  // The first chunk names the role (content "" as OpenAI sends it).
  w.push_back(chunk_frame(
      a, id, include_usage,
      [](rapidjson::Value& d, Alloc& alloc) {
        d.AddMember("role", "assistant", alloc);
        d.AddMember("content", "", alloc);
      },
      ""));
  if (a.has_text)
    for (const auto& piece : stream_pieces(a.text))
      w.push_back(chunk_frame(
          a, id, include_usage,
          [&](rapidjson::Value& d, Alloc& alloc) { d.AddMember("content", str(piece, alloc), alloc); }, ""));
  if (!a.tool_id.empty()) {
    w.push_back(chunk_frame(
        a, id, include_usage,
        [&](rapidjson::Value& d, Alloc& alloc) {
          rapidjson::Value calls(rapidjson::kArrayType);
          calls.PushBack(tool_call(a, "", true, alloc), alloc);
          d.AddMember("tool_calls", calls, alloc);
        },
        ""));
    for (const auto& piece : argument_pieces(a.tool_arguments))
      w.push_back(chunk_frame(
          a, id, include_usage,
          [&](rapidjson::Value& d, Alloc& alloc) {
            rapidjson::Value calls(rapidjson::kArrayType);
            calls.PushBack(tool_call(a, piece, false, alloc), alloc);
            d.AddMember("tool_calls", calls, alloc);
          },
          ""));
  }
  w.push_back(chunk_frame(
      a, id, include_usage, [](rapidjson::Value&, Alloc&) {}, a.finish_reason));
  if (include_usage) w.push_back(chunk_frame(a, id, true, nullptr, "", true));
  w.push_back("data: [DONE]\n\n");
  return body;
}

std::string openai_error_body(const UpstreamError& e) {
  rapidjson::Document doc;
  doc.SetObject();
  auto& alloc = doc.GetAllocator();
  rapidjson::Value error(rapidjson::kObjectType);
  error.AddMember("message", str(e.message, alloc), alloc);
  error.AddMember("type", str(e.type, alloc), alloc);
  error.AddMember("param", rapidjson::Value(), alloc);
  error.AddMember("code", e.code.empty() ? rapidjson::Value() : str(e.code, alloc), alloc);
  doc.AddMember("error", error, alloc);
  return to_json(doc);
}

}  // namespace ac::sim
