#include "load/yaml_documents.hpp"

#include <sstream>
#include <utility>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/node/detail/memory.h>
#include <yaml-cpp/node/detail/node.h>

namespace ac {
namespace {

// Builds one document's nodes from the parser's events, as yaml-cpp's own NodeBuilder does (that
// class is not installed). A pass that only watched where documents start used to run before
// LoadAll: every case file was parsed twice, a third of the suite's load time.
class DocumentBuilder : public YAML::EventHandler {
 public:
  DocumentBuilder() : memory_(new YAML::detail::memory_holder) { anchors_.push_back(nullptr); }  // anchors start at 1

  void OnDocumentStart(const YAML::Mark& mark) override { start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    push(mark, anchor).set_null();
    pop();
  }
  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
    push(*anchors_.at(anchor));
    pop();
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YAML::detail::node& node = push(mark, anchor);
    node.set_scalar(value);
    node.set_tag(tag);
    pop();
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    YAML::detail::node& node = push(mark, anchor);
    node.set_tag(tag);
    node.set_type(YAML::NodeType::Sequence);
    node.set_style(style);
  }
  void OnSequenceEnd() override { pop(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    YAML::detail::node& node = push(mark, anchor);
    node.set_type(YAML::NodeType::Map);
    node.set_tag(tag);
    node.set_style(style);
    ++map_depth_;
  }
  void OnMapEnd() override {
    --map_depth_;
    pop();
  }

  // The document as a YAML::Node (a null node when it had none). A Node is made from the
  // library's nodes only through an iterator, so the root is handed out as the one item of a
  // sequence.
  YAML::Node root() {
    if (!root_) return YAML::Node();
    YAML::detail::node& holder = memory_->create_node();
    holder.set_type(YAML::NodeType::Sequence);
    holder.push_back(*root_, memory_);
    return YAML::Node(*YAML::iterator(holder.begin(), memory_));
  }

  YAML::Mark start = YAML::Mark::null_mark();

 private:
  YAML::detail::node& push(const YAML::Mark& mark, YAML::anchor_t anchor) {
    YAML::detail::node& node = memory_->create_node();
    node.set_mark(mark);
    if (anchor) anchors_.push_back(&node);  // the parser numbers anchors 1, 2, ... in order
    push(node);
    return node;
  }
  void push(YAML::detail::node& node) {
    const bool is_key = !stack_.empty() && stack_.back()->type() == YAML::NodeType::Map && keys_.size() < map_depth_;
    stack_.push_back(&node);
    if (is_key) keys_.emplace_back(&node, false);
  }
  // The node on top is complete: it becomes the root, an item of its sequence, or the key or the
  // value of its map's next pair.
  void pop() {
    YAML::detail::node& node = *stack_.back();
    stack_.pop_back();
    if (stack_.empty()) {
      root_ = &node;
      return;
    }
    YAML::detail::node& collection = *stack_.back();
    if (collection.type() == YAML::NodeType::Sequence) {
      collection.push_back(node, memory_);
    } else if (collection.type() == YAML::NodeType::Map) {
      auto& key = keys_.back();
      if (key.second) {
        collection.insert(*key.first, node, memory_);
        keys_.pop_back();
      } else {
        key.second = true;
      }
    }
  }

  YAML::detail::shared_memory_holder memory_;
  YAML::detail::node* root_ = nullptr;
  std::vector<YAML::detail::node*> stack_;
  std::vector<YAML::detail::node*> anchors_;
  std::vector<std::pair<YAML::detail::node*, bool>> keys_;  // a map's key, and whether it is complete
  std::size_t map_depth_ = 0;
};

}  // namespace

std::vector<YAML::Node> load_documents(const std::string& text, bool& stuck, YAML::Mark& stuck_at) {
  stuck = false;
  std::istringstream in(text);
  YAML::Parser parser(in);
  std::vector<YAML::Node> documents;
  int previous = -1;
  while (true) {
    DocumentBuilder builder;
    if (!parser.HandleNextDocument(builder)) break;
    if (builder.start.pos == previous) {
      stuck = true;
      stuck_at = builder.start;
      return {};
    }
    previous = builder.start.pos;
    documents.push_back(builder.root());  // an empty document is a null node, as in LoadAll
  }
  return documents;
}

}  // namespace ac
