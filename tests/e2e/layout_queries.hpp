// The queries that must answer alike whatever holds the index (one database, local shards,
// remote shards): words, phrases, boolean, wildcards, every facet filter, date ranges, sorting
// and paging, as `cqc-archive search` arguments. Each finds something in the sample corpus.
#pragma once
#include <string>
#include <vector>

namespace cqc::test {

inline const std::vector<std::vector<std::string>> kLayoutQueries = {
    {"seclusion"},
    {"\"special measures\""},
    {"staffing AND safe"},
    {"ward NOT seclusion"},
    {"(restraint OR seclusion) -kind:press"},
    {"inspect*", "--limit", "50"},
    {"sec*", "--sort", "newest"},
    {"title:report"},
    {"trust:RMY"},
    {"trust:RT5 OR trust:RMY", "--limit", "20"},
    {"", "--service", "acute wards"},
    {"rating:inadequate"},
    {"", "--overall", "inadequate"},
    {"", "--service-rating", "acute wards:inadequate"},
    {"", "--key-question", "safe:requires-improvement"},
    {"", "--kind", "report"},
    {"care", "--kind", "news"},
    {"care", "--year", "2019"},
    {"year:2019..2021 care"},
    {"", "--from", "2016-01-01", "--to", "2018-12-31"},
    {"patients", "--date", "published", "--from", "2017"},
    {"inspected:2018..2020 staff"},
    {"", "--sort", "newest", "--limit", "50"},
    {"care", "--sort", "oldest", "--limit", "5", "--offset", "5"},
    {"patients", "--limit", "7", "--offset", "14"},
};

}  // namespace cqc::test
