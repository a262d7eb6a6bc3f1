// Small string helpers shared by every module (no third-party types).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace cqc::core {

// Splits TEXT on SEP; keeps empty fields ("a,,b" -> 3 parts; "" -> 1 empty part).
std::vector<std::string_view> split(std::string_view text, char sep);
// TEXT without leading and trailing ASCII white space.
std::string_view trim(std::string_view text);
// ASCII lower-case copy.
std::string to_lower(std::string_view text);
// True when TEXT is well-formed UTF-8 (no overlongs, surrogates or bytes past U+10FFFF).
bool valid_utf8(std::string_view text);
// Collapses every run of white space (including newlines) into one space and trims.
std::string collapse_space(std::string_view text);
// Levenshtein distance between A and B (bytes).
std::size_t edit_distance(std::string_view a, std::string_view b);
// The name in NAMES nearest NAME by edit distance, if at most MAX_DISTANCE; "" otherwise.
std::string nearest(std::string_view name, const std::vector<std::string>& names, std::size_t max_distance = 2);
// Lower-case hex of BYTES.
std::string hex(std::string_view bytes);

}  // namespace cqc::core
