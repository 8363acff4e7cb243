#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "redact/output_file.hpp"
#include "traffic/exchange_record.hpp"

namespace ac {

namespace fs = std::filesystem;

bool write_exchange_record(const std::string& dir, const ExchangeRecord& record, const RecordOptions& options,
                           std::string& error) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    error = dir + ": cannot create the recording folder: " + ec.message();
    return false;
  }
  // write_output_file redacts the text once more with the process's secrets and renames the file
  // into place only when whole: a reader of the folder never sees half a record.
  return write_output_file((fs::path(dir) / exchange_file_name(record)).string(), "the exchange record",
                           exchange_record_json(record, options), error);
}

namespace {
// "000012-POST-v1-messages.json": digits, a dash, anything, ".json" (other files are left alone).
bool is_record_name(const std::string& name) {
  std::size_t digits = 0;
  while (digits < name.size() && name[digits] >= '0' && name[digits] <= '9') ++digits;
  return digits > 0 && digits < name.size() && name[digits] == '-' && name.size() > 5 &&
         name.compare(name.size() - 5, 5, ".json") == 0;
}
}  // namespace

Recording read_exchange_records(const std::string& dir) {
  Recording out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    out.diagnostics.push_back(Diagnostic{SourceLocation{dir, 0, 0}, "not a recording folder (no such directory)",
                                         "record one with `apiconform proxy --record DIR`"});
    return out;
  }
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && is_record_name(entry.path().filename().string()))
      names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  for (const auto& name : names) {
    const std::string path = (fs::path(dir) / name).string();
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    ExchangeRecord record;
    std::string error;
    if (!in || !parse_exchange_record(text.str(), record, error)) {
      out.diagnostics.push_back(Diagnostic{SourceLocation{path, 0, 0},
                                           "not an exchange record: " + (error.empty() ? "unreadable" : error),
                                           "the format is described in docs/proxy.md, \"Recording format\""});
      continue;
    }
    out.exchanges.push_back(std::move(record));
    out.files.push_back(path);
  }
  if (names.empty())
    out.diagnostics.push_back(Diagnostic{SourceLocation{dir, 0, 0}, "the folder holds no exchange records (NNNNNN-*.json)", ""});
  return out;
}

}  // namespace ac
