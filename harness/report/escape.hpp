#pragma once
#include <cstddef>
#include <string>

namespace ac {

// Escaping for every text that reaches a report. Provider text is hostile until proven otherwise:
// each function first makes the text valid UTF-8 and shows C0 control characters as their
// visible Unicode "control pictures" (U+2400...), so nothing invisible or unparsable gets through.

// For HTML element content and quoted attribute values: & < > " ' become entities.
std::string html_escape(const std::string& text);

// For XML 1.0 content and attributes: like html_escape, with newline, tab and carriage return
// kept as character references (attribute-safe) and characters XML forbids replaced.
std::string xml_escape(const std::string& text);

// For XML element content: like xml_escape, but line breaks and tabs stay literal so CI pages
// show multi-line failure text as written.
std::string xml_escape_text(const std::string& text);

// For one Markdown table cell or list item: one line, with Markdown and HTML syntax neutralised.
std::string markdown_escape(const std::string& text);

// At most `max_bytes` bytes of valid UTF-8, with "…" appended when cut.
std::string excerpt(const std::string& text, std::size_t max_bytes);

// markdown_escape of the excerpt: provider text cut short for one Markdown cell.
std::string markdown_excerpt(const std::string& text, std::size_t max_bytes);

// Decimal with a fixed number of digits, independent of the locale ("12.5").
std::string fixed(double value, int digits);

}  // namespace ac
