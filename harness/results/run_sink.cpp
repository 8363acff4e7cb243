#include "results/run_sink.hpp"

namespace ac {

RunSinks& RunSinks::add(RunSink& sink) {
  sinks_.push_back(&sink);
  return *this;
}

void RunSinks::on_start(const RunStart& start) {
  for (RunSink* sink : sinks_) sink->on_start(start);
}

void RunSinks::on_result(const Result& result) {
  for (RunSink* sink : sinks_) sink->on_result(result);
}

void RunSinks::on_finish(const RunEnd& end) {
  for (RunSink* sink : sinks_) sink->on_finish(end);
}

}  // namespace ac
