#pragma once
#include <string>
#include <string_view>

namespace ac {

// Text an endpoint controls, made safe for a terminal: every control character (C0 but line
// feed and tab, DEL, C1), every byte that is not valid UTF-8 and the bidirectional overrides
// (U+202A-U+202E, U+2066-U+2069, "Trojan source") are shown as visible escapes (\x1b, \u009b,
// \u202e), so a reply can neither retitle, clear or move around in the user's terminal nor hide
// or reorder what is printed.
std::string visible_controls(std::string_view text);

// The same for a whole console stream of our own: when `terminal` is set, the sequences apiconform
// itself writes to a terminal pass (colour "ESC [ digits ; m" and the progress line's
// "CR ESC [ K"); every other control is shown escaped. Without a terminal nothing passes.
std::string neutralise_console(std::string_view text, bool terminal);

}  // namespace ac
