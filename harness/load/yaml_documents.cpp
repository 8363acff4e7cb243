#include "load/yaml_documents.hpp"

#include <yaml.h>

#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <yaml-cpp/node/detail/memory.h>
#include <yaml-cpp/node/detail/node.h>

namespace ac {
namespace {

// yaml-cpp 0.7 refuses a node inside this many collections ("bad file"); so do we, with a mark.
constexpr std::size_t kMaxNesting = 499;
// Aliases let a few lines stand for a tree of 10^8 nodes ("billion laughs"), and every reader in
// load/ walks the tree as if aliases were copies: a document may expand to this many nodes, as
// many values as yaml_to_json converts.
constexpr std::size_t kMaxExpandedNodes = 1000000;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// libyaml marks count characters (code points) from the start of the text after a byte order
// mark, and also break lines at a lone CR, NEL, LS and PS (YAML 1.1); yaml-cpp's count bytes and
// break lines only at LF. A Mark is rebuilt from the byte offset: two cursors (character -> byte,
// byte -> line and line start) that move a little forward, and rarely back, between two events.
class Marks {
 public:
  explicit Marks(const std::string& text) {
    bom_ = text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    base_ = text.data() + bom_;
    size_ = text.size() - bom_;
    ascii_ = true;
    for (std::size_t i = 0; i < size_ && ascii_; ++i) ascii_ = static_cast<unsigned char>(base_[i]) < 0x80;
  }

  std::size_t bom() const { return bom_; }
  std::size_t size() const { return size_; }
  const char* base() const { return base_; }

  // The byte where libyaml's character `index` starts.
  std::size_t byte_of(std::size_t index) {
    if (ascii_) return index < size_ ? index : size_;
    while (char_ < index && byte_ < size_) {
      const unsigned char lead = static_cast<unsigned char>(base_[byte_]);
      byte_ += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      ++char_;
    }
    while (char_ > index && byte_ > 0) {
      do --byte_;
      while (byte_ > 0 && (static_cast<unsigned char>(base_[byte_]) & 0xC0) == 0x80);
      --char_;
    }
    if (byte_ > size_) byte_ = size_;
    return byte_;
  }

  // yaml-cpp's mark of `byte`; at the end of the text its column is 0, as yaml-cpp's is.
  YAML::Mark at_byte(std::size_t byte) {
    if (byte > size_) byte = size_;
    if (byte >= line_byte_) {
      for (std::size_t i = line_byte_; i < byte; ++i)
        if (base_[i] == '\n') ++line_, line_start_ = i + 1;
    } else {
      for (std::size_t i = byte; i < line_byte_; ++i)
        if (base_[i] == '\n') --line_;
      line_start_ = byte;
      while (line_start_ > 0 && base_[line_start_ - 1] != '\n') --line_start_;
    }
    line_byte_ = byte;
    YAML::Mark mark;
    mark.pos = static_cast<int>(byte);
    mark.line = line_;
    mark.column = byte == size_ ? 0 : static_cast<int>(byte - line_start_);
    return mark;
  }

  YAML::Mark at(const yaml_mark_t& mark) { return at_byte(byte_of(mark.index)); }

  // The last byte before `byte` that is not a space, a tab or a line break (npos when none).
  std::size_t before(std::size_t byte) const {
    while (byte > 0 && is_space(base_[byte - 1])) --byte;
    return byte > 0 ? byte - 1 : std::string::npos;
  }

  // The first byte from `byte` on that is not a space, a tab, a line break or in a comment: where
  // yaml-cpp's next token starts, which is where it marks a node left out (`key:` with nothing).
  std::size_t next_token(std::size_t byte) const {
    while (byte < size_) {
      const char c = base_[byte];
      if (is_space(c)) {
        ++byte;
      } else if (c == '#' && (byte == 0 || is_space(base_[byte - 1]))) {
        while (byte < size_ && base_[byte] != '\n') ++byte;
      } else {
        break;
      }
    }
    return byte;
  }

 private:
  std::size_t bom_ = 0;
  const char* base_ = nullptr;
  std::size_t size_ = 0;
  bool ascii_ = true;
  std::size_t char_ = 0, byte_ = 0;                      // character -> byte cursor
  std::size_t line_byte_ = 0, line_start_ = 0;  // byte -> line cursor
  int line_ = 0;
};

// Builds one document's nodes from libyaml's events, as yaml-cpp's own NodeBuilder does from its
// parser's (that class is not installed), so the rest of load/ keeps its YAML::Node.
class DocumentBuilder {
 public:
  DocumentBuilder() : memory_(new YAML::detail::memory_holder) {}

  // Whether the next node is the value of a pair whose key is complete (not a key or an item).
  bool next_is_value() const {
    return !stack_.empty() && top().type() == YAML::NodeType::Map && keys_.size() == map_depth_;
  }
  // Where the key of that pair starts and ends, in bytes.
  std::size_t key_start() const { return keys_.back().start; }
  std::size_t key_end() const { return keys_.back().end; }

  // `byte` and `end`: where the node's text starts and ends (a key's are kept).
  void null(const YAML::Mark& mark, const char* anchor, std::size_t byte, std::size_t end) {
    push(mark, anchor, byte).set_null();
    pop(end);
  }
  void scalar(const YAML::Mark& mark, const char* tag, const char* anchor, const std::string& value,
              std::size_t byte, std::size_t end) {
    YAML::detail::node& node = push(mark, anchor, byte);
    node.set_scalar(value);
    node.set_tag(tag);
    pop(end);
  }
  void alias(const YAML::Mark& mark, const char* anchor, std::size_t byte, std::size_t end) {
    const auto it = anchors_.find(anchor);
    if (it == anchors_.end()) throw YAML::ParserException(mark, std::string("the referenced anchor is not defined: ") + anchor);
    // An alias inside the node it names is a cycle: `&a [*a, *a]` is 11 bytes that a walk would
    // follow 2^depth times. yaml-cpp built it; no reader here could use it.
    if (it->second.nodes == 0)
      throw YAML::ParserException(mark, std::string("the alias *") + anchor + " is inside the node it refers to (a recursive alias)");
    guard_depth(mark);
    push(mark, *it->second.node, byte, it->second.nodes, nullptr);
    pop(end);
  }
  void sequence(const YAML::Mark& mark, const char* tag, const char* anchor, YAML::EmitterStyle::value style,
                std::size_t byte) {
    YAML::detail::node& node = push(mark, anchor, byte);
    node.set_tag(tag);
    node.set_type(YAML::NodeType::Sequence);
    node.set_style(style);
  }
  void map(const YAML::Mark& mark, const char* tag, const char* anchor, YAML::EmitterStyle::value style,
           std::size_t byte) {
    YAML::detail::node& node = push(mark, anchor, byte);
    node.set_type(YAML::NodeType::Map);
    node.set_tag(tag);
    node.set_style(style);
    ++map_depth_;
  }
  void end_sequence(std::size_t end) { pop(end); }
  void end_map(std::size_t end) {
    --map_depth_;
    pop(end);
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

 private:
  struct Anchor {
    YAML::detail::node* node;
    std::size_t nodes;  // 0 while the node is open; then how many nodes it stands for, aliases expanded
  };
  struct Open {
    YAML::detail::node* node;
    std::size_t nodes;  // so far, aliases expanded
    Anchor* anchor;     // when it has one
  };
  struct Key {
    YAML::detail::node* node;
    bool complete;
    std::size_t start, end;
  };

  void guard_depth(const YAML::Mark& mark) const {
    if (stack_.size() >= kMaxNesting)
      throw YAML::ParserException(mark, "nesting too deep (more than " + std::to_string(kMaxNesting - 1) + " levels)");
  }
  YAML::detail::node& push(const YAML::Mark& mark, const char* anchor, std::size_t byte) {
    guard_depth(mark);
    YAML::detail::node& node = memory_->create_node();
    node.set_mark(mark);
    Anchor* named = nullptr;
    if (anchor) {  // a later anchor of the same name replaces it, as in yaml-cpp
      named = &anchors_[anchor];
      *named = Anchor{&node, 0};
    }
    push(mark, node, byte, 1, named);
    return node;
  }
  // `nodes`: how many nodes `node` stands for, its aliases expanded.
  void push(const YAML::Mark& mark, YAML::detail::node& node, std::size_t byte, std::size_t nodes, Anchor* anchor) {
    total_ += nodes;
    if (total_ > kMaxExpandedNodes)
      throw YAML::ParserException(mark, "this document's aliases expand it to more than " +
                                            std::to_string(kMaxExpandedNodes) + " nodes");
    const bool is_key = !stack_.empty() && top().type() == YAML::NodeType::Map && keys_.size() < map_depth_;
    stack_.push_back(Open{&node, nodes, anchor});
    if (is_key) keys_.push_back(Key{&node, false, byte, byte});
  }
  YAML::detail::node& top() const { return *stack_.back().node; }
  // The node on top is complete: it becomes the root, an item of its sequence, or the key or the
  // value of its map's next pair.
  void pop(std::size_t end) {
    const Open open = stack_.back();
    YAML::detail::node& node = *open.node;
    stack_.pop_back();
    if (open.anchor && open.anchor->node == &node) open.anchor->nodes = open.nodes;  // complete
    if (stack_.empty()) {
      root_ = &node;
      return;
    }
    stack_.back().nodes += open.nodes;
    YAML::detail::node& collection = top();
    if (collection.type() == YAML::NodeType::Sequence) {
      collection.push_back(node, memory_);
    } else if (collection.type() == YAML::NodeType::Map) {
      Key& key = keys_.back();
      if (key.complete) {
        collection.insert(*key.node, node, memory_);
        keys_.pop_back();
      } else {
        key.complete = true;
        key.end = end;
      }
    }
  }

  YAML::detail::shared_memory_holder memory_;
  YAML::detail::node* root_ = nullptr;
  std::vector<Open> stack_;
  std::unordered_map<std::string, Anchor> anchors_;  // by name, for this document
  std::size_t total_ = 0;                            // the document's nodes, aliases expanded
  std::vector<Key> keys_;  // a map's key, whether it is complete, and where it is
  std::size_t map_depth_ = 0;
};

// yaml-cpp's IsNullString: a plain untagged scalar that reads as null becomes a null node.
bool is_null_string(const char* value, std::size_t length) {
  switch (length) {
    case 0: return true;
    case 1: return value[0] == '~';
    case 4: return !std::memcmp(value, "null", 4) || !std::memcmp(value, "Null", 4) || !std::memcmp(value, "NULL", 4);
    default: return false;
  }
}

// libyaml's message: its problem, where it was noticed, and what it was reading then (with where
// that started, 1-based as every location the user sees).
YAML::ParserException syntax_error(const yaml_parser_t& parser, Marks& marks) {
  if (parser.error == YAML_MEMORY_ERROR) throw std::bad_alloc();
  const std::string problem = parser.problem ? parser.problem : "unknown problem";
  if (parser.error == YAML_READER_ERROR) {
    const std::size_t offset = parser.problem_offset > marks.bom() ? parser.problem_offset - marks.bom() : 0;
    return YAML::ParserException(marks.at_byte(offset), problem + " (a YAML file must be UTF-8 text)");
  }
  std::string message = problem;
  if (parser.context) {
    const YAML::Mark context = marks.at(parser.context_mark);
    message += std::string(" (") + parser.context + " that starts at line " + std::to_string(context.line + 1) +
               ", column " + std::to_string(context.column + 1) + ")";
  }
  return YAML::ParserException(marks.at(parser.problem_mark), message);
}

struct Parser {
  yaml_parser_t parser;
  Parser() {
    if (!yaml_parser_initialize(&parser)) throw std::bad_alloc();
  }
  ~Parser() { yaml_parser_delete(&parser); }
};

struct Event {
  yaml_event_t event;
  ~Event() { yaml_event_delete(&event); }
};

const char* tag_or(const yaml_char_t* tag, const char* none) {
  return tag ? reinterpret_cast<const char*>(tag) : none;
}
const char* name(const yaml_char_t* anchor) { return reinterpret_cast<const char*>(anchor); }

}  // namespace

std::vector<YAML::Node> load_documents(const std::string& text) {
  Marks marks(text);
  Parser p;
  // libyaml reads only these bytes (no terminator needed) and finds the encoding from them.
  yaml_parser_set_input_string(&p.parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  std::vector<YAML::Node> documents;
  DocumentBuilder* builder = nullptr;
  std::unique_ptr<DocumentBuilder> current;
  while (true) {
    Event e;
    if (!yaml_parser_parse(&p.parser, &e.event)) throw syntax_error(p.parser, marks);
    const yaml_event_t& event = e.event;
    switch (event.type) {
      case YAML_STREAM_END_EVENT:
        return documents;
      case YAML_DOCUMENT_START_EVENT:
        current.reset(new DocumentBuilder);
        builder = current.get();
        break;
      case YAML_DOCUMENT_END_EVENT:
        documents.push_back(builder->root());  // an empty document is a null node, as in LoadAll
        break;
      case YAML_ALIAS_EVENT: {
        const std::size_t byte = marks.byte_of(event.start_mark.index);
        builder->alias(marks.at_byte(byte), name(event.data.alias.anchor), byte, marks.byte_of(event.end_mark.index));
        break;
      }
      case YAML_SCALAR_EVENT: {
        const auto& s = event.data.scalar;
        const char* value = reinterpret_cast<const char*>(s.value);
        const std::size_t byte = marks.byte_of(event.start_mark.index);
        const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE;
        if (plain && !s.tag && !s.anchor && s.length == 0 && event.end_mark.index == event.start_mark.index) {
          // A node left out. yaml-cpp marks it at its next token, except the value of an explicit
          // key (`? k`) without a `:` after the key, which it marks at the `?`.
          std::size_t at = marks.next_token(byte);
          if (builder->next_is_value()) {
            const std::size_t colon = marks.before(byte);
            if (colon == std::string::npos || marks.base()[colon] != ':' || colon < builder->key_end()) {
              const std::size_t q = marks.before(builder->key_start());
              if (q != std::string::npos && marks.base()[q] == '?') at = q;
            }
          }
          builder->null(marks.at_byte(at), nullptr, at, at);
        } else {
          const std::size_t end = marks.byte_of(event.end_mark.index);
          if (plain && !s.tag && is_null_string(value, s.length))
            builder->null(marks.at_byte(byte), name(s.anchor), byte, end);
          else
            builder->scalar(marks.at_byte(byte), tag_or(s.tag, plain ? "?" : "!"), name(s.anchor),
                            std::string(value, s.length), byte, end);
        }
        break;
      }
      case YAML_SEQUENCE_START_EVENT: {
        const auto& s = event.data.sequence_start;
        const std::size_t byte = marks.byte_of(event.start_mark.index);
        builder->sequence(marks.at_byte(byte), tag_or(s.tag, "?"), name(s.anchor),
                          s.style == YAML_FLOW_SEQUENCE_STYLE ? YAML::EmitterStyle::Flow : YAML::EmitterStyle::Block,
                          byte);
        break;
      }
      case YAML_SEQUENCE_END_EVENT:
        builder->end_sequence(marks.byte_of(event.end_mark.index));
        break;
      case YAML_MAPPING_START_EVENT: {
        const auto& m = event.data.mapping_start;
        const std::size_t byte = marks.byte_of(event.start_mark.index);
        builder->map(marks.at_byte(byte), tag_or(m.tag, "?"), name(m.anchor),
                     m.style == YAML_FLOW_MAPPING_STYLE ? YAML::EmitterStyle::Flow : YAML::EmitterStyle::Block, byte);
        break;
      }
      case YAML_MAPPING_END_EVENT:
        builder->end_map(marks.byte_of(event.end_mark.index));
        break;
      default:  // stream start, no event
        break;
    }
  }
}

}  // namespace ac
