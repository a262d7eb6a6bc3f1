// Realistic generated text for bench/gen_index.cpp: words drawn from a Zipfian distribution
// over a vocabulary ranked by real word frequencies, mixed with real sentences.
#pragma once
#include <cstddef>
#include <random>
#include <string>
#include <vector>

namespace cqc::bench {

// Every sentence (". "-separated, 40+ bytes, newlines made spaces) of every document under
// DIR (PDF, HTML or plain text, extracted by the indexer's own extract()).
std::vector<std::string> sample_sentences(const std::string& dir);

// The words (lower-case letters, 2+) of every document under DIR, most frequent first.
std::vector<std::string> ranked_words(const std::string& dir);

class TextModel {
 public:
  // RANKED: real words by falling frequency; the vocabulary is extended to VOCABULARY words
  // with made-up words (syllables spelling their rank) so rare terms keep appearing as a
  // collection grows. Word rank r is drawn with weight 1/(r + 2.7) (Zipf-Mandelbrot, s = 1).
  // SENTENCES are real sentences mixed in with probability REAL_SHARE.
  TextModel(std::vector<std::string> ranked, std::vector<std::string> sentences, std::size_t vocabulary,
            double real_share);
  // Appends about WORDS words of sentences to OUT; returns the number of words appended.
  std::size_t append(std::string& out, std::size_t words, std::mt19937& rng) const;
  std::size_t vocabulary() const { return words_.size(); }

 private:
  std::vector<std::string> words_;
  std::vector<std::string> sentences_;
  std::vector<std::size_t> sentence_words_;
  mutable std::discrete_distribution<std::size_t> rank_;
  double real_share_;
};

}  // namespace cqc::bench
