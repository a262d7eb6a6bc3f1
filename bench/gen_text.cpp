// Text model of the index generator: Zipfian words from real frequencies plus real sentences.
#include "bench/gen_text.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unordered_map>

#include "indexer/extract.hpp"

namespace fs = std::filesystem;

namespace cqc::bench {
namespace {

// The text of every page of every document under DIR, one string per document.
std::vector<std::string> texts(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto ext = e.path().extension();
    if (ext == ".txt") {
      out.push_back(std::move(bytes));
      continue;
    }
    auto doc = indexer::extract(bytes, ext == ".pdf" ? "application/pdf" : "text/html");
    if (!doc) continue;
    std::string all;
    for (const auto& page : doc->pages) all += page.text + "\n";
    out.push_back(std::move(all));
  }
  return out;
}

// A made-up word spelling RANK in syllables ("kalomi"), at least two syllables long.
std::string made_up(std::size_t rank) {
  static const char* const syllables[] = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "be", "da",
                                          "fe", "gi", "ho", "ju", "pe", "qua", "re", "so", "tu", "wy"};
  std::string w;
  for (std::size_t r = rank + 20; r; r /= 20) w += syllables[r % 20];
  return w;
}

}  // namespace

std::vector<std::string> sample_sentences(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& text : texts(dir)) {
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find(". ", start);
      if (end == std::string::npos) end = text.size();
      std::string s = text.substr(start, end - start + 1);
      std::replace(s.begin(), s.end(), '\n', ' ');
      if (s.size() >= 40) out.push_back(std::move(s));
      start = end + 2;
    }
  }
  return out;
}

std::vector<std::string> ranked_words(const std::string& dir) {
  std::unordered_map<std::string, std::size_t> counts;
  for (const auto& text : texts(dir)) {
    std::string w;
    for (char c : text + " ") {
      if (std::isalpha(static_cast<unsigned char>(c))) {
        w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      } else {
        if (w.size() >= 2) ++counts[w];
        w.clear();
      }
    }
  }
  std::vector<std::pair<std::string, std::size_t>> v(counts.begin(), counts.end());
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  std::vector<std::string> out;
  for (auto& [w, n] : v) out.push_back(std::move(w));
  return out;
}

TextModel::TextModel(std::vector<std::string> ranked, std::vector<std::string> sentences, std::size_t vocabulary,
                     double real_share)
    : words_(std::move(ranked)), sentences_(std::move(sentences)), real_share_(sentences_.empty() ? 0 : real_share) {
  for (std::size_t r = words_.size(); r < std::max<std::size_t>(vocabulary, 1); ++r) words_.push_back(made_up(r));
  std::vector<double> weights(words_.size());
  for (std::size_t r = 0; r < weights.size(); ++r) weights[r] = 1.0 / (static_cast<double>(r) + 2.7);
  rank_ = std::discrete_distribution<std::size_t>(weights.begin(), weights.end());
  for (const auto& s : sentences_) sentence_words_.push_back(static_cast<std::size_t>(std::count(s.begin(), s.end(), ' ')) + 1);
}

std::size_t TextModel::append(std::string& out, std::size_t words, std::mt19937& rng) const {
  std::uniform_real_distribution<double> coin(0, 1);
  std::uniform_int_distribution<std::size_t> length(8, 24);
  std::size_t done = 0;
  while (done < words) {
    if (coin(rng) < real_share_) {
      const std::size_t i = std::uniform_int_distribution<std::size_t>(0, sentences_.size() - 1)(rng);
      out += sentences_[i];
      out += ' ';
      done += sentence_words_[i];
      continue;
    }
    const std::size_t n = length(rng);
    for (std::size_t k = 0; k < n; ++k) {
      const std::string& w = words_[rank_(rng)];
      const std::size_t at = out.size();
      out += w;
      if (k == 0) out[at] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[at])));
      out += k + 1 == n ? ". " : " ";
    }
    done += n;
  }
  return done;
}

}  // namespace cqc::bench
