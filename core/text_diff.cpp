#include "core/text_diff.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <string_view>
#include <unordered_map>

#include "core/text.hpp"

namespace cqc::core {
namespace {

using Seq = std::vector<std::string>;
enum class Op { same, del, ins };
struct Edit {
  Op op;
  std::size_t i, j;  // index in A (same, del) and in B (same, ins)
};

// Compared exactly (a table of this many cells at most); larger runs are replaced whole.
constexpr std::size_t kMaxCells = 4u << 20;

void replace_whole(std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1, std::vector<Edit>& out) {
  for (std::size_t i = a0; i < a1; ++i) out.push_back({Op::del, i, b0});
  for (std::size_t j = b0; j < b1; ++j) out.push_back({Op::ins, a1, j});
}

// The longest common subsequence of A[a0,a1) and B[b0,b1), by dynamic programming.
void lcs(const Seq& a, std::size_t a0, std::size_t a1, const Seq& b, std::size_t b0, std::size_t b1,
         std::vector<Edit>& out) {
  const std::size_t n = a1 - a0, m = b1 - b0;
  if (n == 0 || m == 0 || n * m > kMaxCells) return replace_whole(a0, a1, b0, b1, out);
  std::vector<std::uint32_t> t((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return t[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      at(i, j) = a[a0 + i] == b[b0 + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
  std::size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (a[a0 + i] == b[b0 + j]) {
      out.push_back({Op::same, a0 + i++, b0 + j++});
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      out.push_back({Op::del, a0 + i++, b0 + j});
    } else {
      out.push_back({Op::ins, a0 + i, b0 + j++});
    }
  }
  for (; i < n; ++i) out.push_back({Op::del, a0 + i, b1});
  for (; j < m; ++j) out.push_back({Op::ins, a1, b0 + j});
}

// Patience diff of A[a0,a1) and B[b0,b1): common ends, then paragraphs unique on both sides
// as anchors (their longest increasing run), recursing between anchors.
void diff(const Seq& a, std::size_t a0, std::size_t a1, const Seq& b, std::size_t b0, std::size_t b1,
          std::vector<Edit>& out, int depth) {
  while (a0 < a1 && b0 < b1 && a[a0] == b[b0]) out.push_back({Op::same, a0++, b0++});
  std::size_t tail = 0;
  while (a1 - tail > a0 && b1 - tail > b0 && a[a1 - tail - 1] == b[b1 - tail - 1]) ++tail;
  const std::size_t ae = a1 - tail, be = b1 - tail;
  if ((ae - a0) * (be - b0) <= kMaxCells || depth > 8) {
    lcs(a, a0, ae, b, b0, be, out);
  } else {
    struct Seen {
      int in_a = 0, in_b = 0;
      std::size_t ia = 0, ib = 0;
    };
    std::unordered_map<std::string_view, Seen> seen;
    for (std::size_t i = a0; i < ae; ++i) {
      Seen& s = seen[a[i]];
      ++s.in_a;
      s.ia = i;
    }
    for (std::size_t j = b0; j < be; ++j) {
      auto it = seen.find(b[j]);
      if (it != seen.end()) ++it->second.in_b, it->second.ib = j;
    }
    std::vector<std::pair<std::size_t, std::size_t>> pairs;  // (ia, ib), by ia
    for (const auto& [text, s] : seen)
      if (s.in_a == 1 && s.in_b == 1) pairs.emplace_back(s.ia, s.ib);
    std::sort(pairs.begin(), pairs.end());
    // Longest increasing run of ib (patience sorting).
    std::vector<std::size_t> tops, prev(pairs.size(), SIZE_MAX), top_index;
    for (std::size_t k = 0; k < pairs.size(); ++k) {
      auto pos = std::lower_bound(tops.begin(), tops.end(), pairs[k].second);
      const std::size_t p = static_cast<std::size_t>(pos - tops.begin());
      if (p > 0) prev[k] = top_index[p - 1];
      if (pos == tops.end()) {
        tops.push_back(pairs[k].second);
        top_index.push_back(k);
      } else {
        *pos = pairs[k].second;
        top_index[p] = k;
      }
    }
    std::vector<std::pair<std::size_t, std::size_t>> anchors;
    for (std::size_t k = top_index.empty() ? SIZE_MAX : top_index.back(); k != SIZE_MAX; k = prev[k])
      anchors.push_back(pairs[k]);
    std::reverse(anchors.begin(), anchors.end());
    if (anchors.empty()) {
      replace_whole(a0, ae, b0, be, out);
    } else {
      std::size_t pa = a0, pb = b0;
      for (const auto& [ia, ib] : anchors) {
        diff(a, pa, ia, b, pb, ib, out, depth + 1);
        out.push_back({Op::same, ia, ib});
        pa = ia + 1;
        pb = ib + 1;
      }
      diff(a, pa, ae, b, pb, be, out, depth + 1);
    }
  }
  for (std::size_t k = tail; k > 0; --k) out.push_back({Op::same, a1 - k, b1 - k});
}

Seq words_of(const std::string& paragraph) {
  Seq out;
  for (std::string_view w : split(paragraph, ' '))
    if (!w.empty()) out.emplace_back(w);
  return out;
}

// Share of the longer paragraph's words the shorter one also has.
double similarity(const Seq& a, const Seq& b) {
  if (a.empty() || b.empty()) return 0;
  std::multiset<std::string_view> in_b(b.begin(), b.end());
  std::size_t common = 0;
  for (const auto& w : a) {
    auto it = in_b.find(w);
    if (it != in_b.end()) ++common, in_b.erase(it);
  }
  return static_cast<double>(common) / static_cast<double>(std::max(a.size(), b.size()));
}

DiffPart altered(const std::string& before, const std::string& after, const Seq& wa, const Seq& wb) {
  DiffPart p{DiffPart::Kind::altered, before, after, {}};
  std::vector<Edit> edits;
  diff(wa, 0, wa.size(), wb, 0, wb.size(), edits, 0);
  for (const Edit& e : edits) {
    if (e.op == Op::same) p.words.push_back({WordChange::Kind::same, wa[e.i]});
    else if (e.op == Op::del) p.words.push_back({WordChange::Kind::removed, wa[e.i]});
    else p.words.push_back({WordChange::Kind::added, wb[e.j]});
  }
  return p;
}

// Emits a run of deleted paragraphs DELS and inserted ones INS (indexes into A and B), pairing
// similar ones (in order) as altered.
void emit_run(const Seq& a, const Seq& b, const std::vector<std::size_t>& dels, const std::vector<std::size_t>& ins,
              TextDiff& out) {
  std::size_t next_ins = 0;
  for (std::size_t d = 0; d < dels.size(); ++d) {
    const Seq wa = words_of(a[dels[d]]);
    std::size_t match = ins.size();
    for (std::size_t k = next_ins; k < ins.size() && k < next_ins + 8; ++k)
      if (similarity(wa, words_of(b[ins[k]])) >= 0.4) {
        match = k;
        break;
      }
    if (match == ins.size()) {
      out.parts.push_back({DiffPart::Kind::removed, a[dels[d]], "", {}});
      continue;
    }
    for (; next_ins < match; ++next_ins) out.parts.push_back({DiffPart::Kind::added, "", b[ins[next_ins]], {}});
    out.parts.push_back(altered(a[dels[d]], b[ins[match]], wa, words_of(b[ins[match]])));
    next_ins = match + 1;
  }
  for (; next_ins < ins.size(); ++next_ins) out.parts.push_back({DiffPart::Kind::added, "", b[ins[next_ins]], {}});
}

}  // namespace

std::vector<std::string> paragraphs(const std::vector<std::string>& pages) {
  std::vector<std::string> out;
  auto add = [&](std::string_view block) {
    std::string p = collapse_space(block);
    if (!p.empty()) out.push_back(std::move(p));
  };
  for (const std::string& page : pages) {
    std::size_t start = 0;
    while (start <= page.size()) {
      std::size_t end = page.find("\n\n", start);
      if (end == std::string::npos) end = page.size();
      const std::string_view block = std::string_view(page).substr(start, end - start);
      if (block.size() > 600 && block.find('\n') != std::string_view::npos) {
        for (std::string_view line : split(block, '\n')) add(line);
      } else {
        add(block);
      }
      start = end + 2;
    }
  }
  return out;
}

TextDiff diff_texts(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  const Seq a = paragraphs(before), b = paragraphs(after);
  std::vector<Edit> edits;
  diff(a, 0, a.size(), b, 0, b.size(), edits, 0);
  TextDiff out;
  std::vector<std::size_t> dels, ins;
  auto flush = [&] {
    if (!dels.empty() || !ins.empty()) emit_run(a, b, dels, ins, out);
    dels.clear();
    ins.clear();
  };
  for (const Edit& e : edits) {
    if (e.op == Op::same) {
      flush();
      out.parts.push_back({DiffPart::Kind::same, a[e.i], b[e.j], {}});
    } else if (e.op == Op::del) {
      dels.push_back(e.i);
    } else {
      ins.push_back(e.j);
    }
  }
  flush();
  for (const DiffPart& p : out.parts) {
    if (p.kind == DiffPart::Kind::same) ++out.same;
    else if (p.kind == DiffPart::Kind::added) ++out.added;
    else if (p.kind == DiffPart::Kind::removed) ++out.removed;
    else ++out.altered;
  }
  return out;
}

}  // namespace cqc::core
