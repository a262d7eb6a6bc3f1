// The fake CQC API's data: two NHS trusts, three locations each, with current and historic
// ratings and their reports. Values look like the real register; some are invented. Two
// locations are the register's awkward cases: RT5X3 is rated but has no report, and RMY03's
// one report has a first visit after its publication.
#include "tests/support/api_data.hpp"

#include "tests/support/test_server.hpp"

namespace cqc::test::detail {
namespace {

std::string rating(const char* code) {
  std::string c = code;
  if (c == "O") return "Outstanding";
  if (c == "G") return "Good";
  if (c == "RI") return "Requires improvement";
  if (c == "I") return "Inadequate";
  return c;
}

// Key question ratings in the order Safe, Effective, Caring, Responsive, Well-led.
std::vector<KeyQuestion> kq(const char* safe, const char* effective, const char* caring,
                            const char* responsive, const char* well_led) {
  return {{"Safe", rating(safe)},
          {"Effective", rating(effective)},
          {"Caring", rating(caring)},
          {"Responsive", rating(responsive)},
          {"Well-led", rating(well_led)}};
}

ServiceRating service(const char* name, const char* overall, std::vector<KeyQuestion> questions,
                      std::string date = "", std::string link = "") {
  return {name, rating(overall), std::move(questions), std::move(date), std::move(link)};
}

RatingSet ratings(const char* date, const char* link, const char* overall,
                  std::vector<KeyQuestion> questions, std::vector<ServiceRating> services) {
  return {date, link, rating(overall), std::move(questions), std::move(services)};
}

const char* const kAcute =
    "Acute wards for adults of working age and psychiatric intensive care units";
const char* const kCommunityAdults = "Community health services for adults";
const char* const kOlderPeople = "Wards for older people with mental health problems";
const char* const kCommunityMh = "Community-based mental health services for adults of working age";
const char* const kCamhsWards = "Child and adolescent mental health wards";
const char* const kCrisis = "Mental health crisis services and health-based places of safety";
const char* const kLdWards = "Wards for people with a learning disability or autism";
const char* const kRehab = "Long stay or rehabilitation mental health wards for working age adults";

// Report linkIds.
const char* const kRt5_2019 = "46f23a0f-4d77-439b-aaf6-7cd0b52da698";
const char* const kRt5_2018 = "60e4a6e7-017f-4573-b3c7-c1d590fc8514";
const char* const kRt5_2015 = "3a509a7b-0ddf-447f-96af-5cb2ca023c40";
const char* const kRmy_2023 = "1d89c4aa-4802-43c5-b10c-13024c7f1375";
const char* const kRmy_2017 = "17cceffc-ac25-4759-9c9c-c076683e53fb";
const char* const kRmy_2015 = "ee867c54-d978-4b35-875b-2a5738aa7f98";
const char* const kRt5x1_2019 = "aa446b23-1f37-4a1b-b733-86137f3c09e4";
const char* const kRt5x1_2018 = "400db2dd-b854-423b-98f2-484550b3c578";
const char* const kRt5x2_2019 = "1662278f-d452-4b40-858e-3c305ba0d1b7";
const char* const kRt5x2_2015 = "097a6a62-f089-4d75-9d03-b122194a75bd";
const char* const kRmy01_2023 = "17803775-85bd-43ac-8432-bf69607565d9";
const char* const kRmy01_2017 = "6709b4fd-94a9-43df-82e2-c35a42ca8d71";
const char* const kRmy02_2023 = "7bb4640e-da48-4dc3-b9a4-bc88e7e74e68";
const char* const kRmy02_2015 = "0a45b023-42b6-4fa7-8b92-75cec905ac02";
// Ratings of RT5X3 from a report the register does not list (a location with no reports).
const char* const kRt5x3_2021 = "c3b1f0a2-6d4e-4f1b-9a7c-2e5d8b0f4a61";
// RMY03's report: its firstVisitDate lies after its reportDate, an impossible pair.
const char* const kRmy03_2023 = "5e0c7d19-83a4-4b2f-b6d1-9f3a2c7e8b40";

std::vector<Organisation> make_providers() {
  Organisation rt5;
  rt5.id = rt5.provider_id = "RT5";
  rt5.name = "Leicestershire Partnership NHS Trust";
  rt5.address_line1 = "Riverside House, Bridge Park Plaza";
  rt5.town = "Leicester";
  rt5.postcode = "LE4 8PQ";
  rt5.region = "East Midlands";
  rt5.local_authority = "Leicestershire";
  rt5.phone = "01162256000";
  rt5.website = "www.leicspart.nhs.uk";
  rt5.registration_date = "2010-04-01";
  rt5.ownership_type = "NHS Body";
  rt5.location_ids = {"RT5X1", "RT5X2", "RT5X3"};
  rt5.current =
      ratings("2019-09-13", kRt5_2019, "RI", kq("RI", "RI", "G", "G", "RI"),
              {service(kAcute, "RI", kq("RI", "RI", "G", "G", "RI")),
               service(kCommunityAdults, "G", kq("G", "G", "O", "G", "G"), "2018-03-27", kRt5_2018),
               service(kOlderPeople, "G", kq("RI", "G", "G", "G", "G")),
               service(kCommunityMh, "RI", kq("RI", "RI", "G", "RI", "RI"))});
  rt5.historic = {ratings("2018-03-27", kRt5_2018, "RI", kq("RI", "RI", "G", "RI", "RI"),
                          {service(kAcute, "I", kq("I", "RI", "G", "RI", "I")),
                           service(kCommunityAdults, "G", kq("G", "G", "O", "G", "G")),
                           service(kOlderPeople, "RI", kq("RI", "RI", "G", "G", "RI")),
                           service(kCommunityMh, "RI", kq("RI", "G", "G", "RI", "RI"))}),
                  ratings("2015-06-18", kRt5_2015, "RI", kq("RI", "RI", "G", "G", "RI"),
                          {service(kAcute, "RI", kq("RI", "RI", "G", "G", "RI")),
                           service(kCamhsWards, "G", kq("G", "G", "G", "G", "G"))})};
  rt5.reports = {{kRt5_2019,
                  "2019-09-13",
                  "2019-06-11",
                  "reports/rt5-2019-06-report.pdf",
                  "Leicestershire Partnership NHS Trust - Inspection report",
                  {kRt5x1_2019, kRt5x2_2019}},
                 {kRt5_2018,
                  "2018-03-27",
                  "2017-12-04",
                  "reports/rt5-2017-12-report.pdf",
                  "Leicestershire Partnership NHS Trust - Inspection report",
                  {}},
                 {kRt5_2015,
                  "2015-06-18",
                  "2015-03-09",
                  "reports/rt5-2015-03-report.pdf",
                  "Leicestershire Partnership NHS Trust - Quality report",
                  {}}};

  Organisation rmy;
  rmy.id = rmy.provider_id = "RMY";
  rmy.name = "Norfolk and Suffolk NHS Foundation Trust";
  rmy.address_line1 = "Hellesdon Hospital, Drayton High Road";
  rmy.town = "Norwich";
  rmy.postcode = "NR6 5BE";
  rmy.region = "East";
  rmy.local_authority = "Norfolk";
  rmy.phone = "01603421421";
  rmy.website = "www.nsft.nhs.uk";
  rmy.registration_date = "2010-04-01";
  rmy.ownership_type = "NHS Body";
  rmy.location_ids = {"RMY01", "RMY02", "RMY03"};
  rmy.current =
      ratings("2023-02-21", kRmy_2023, "I", kq("I", "RI", "G", "RI", "I"),
              {service(kAcute, "I", kq("I", "RI", "G", "RI", "I")),
               service(kCommunityMh, "I", kq("I", "I", "RI", "I", "I")),
               service(kCamhsWards, "RI", kq("RI", "G", "G", "G", "RI"), "2017-10-13", kRmy_2017),
               service(kCrisis, "RI", kq("RI", "G", "G", "RI", "RI"))});
  rmy.historic = {ratings("2017-10-13", kRmy_2017, "I", kq("I", "RI", "G", "RI", "I"),
                          {service(kAcute, "I", kq("I", "I", "G", "RI", "I")),
                           service(kCommunityMh, "RI", kq("RI", "RI", "G", "RI", "RI")),
                           service(kCamhsWards, "RI", kq("RI", "G", "G", "G", "RI")),
                           service(kCrisis, "G", kq("G", "G", "G", "G", "G"))}),
                  ratings("2015-02-12", kRmy_2015, "I", kq("I", "RI", "G", "RI", "I"),
                          {service(kAcute, "I", kq("I", "RI", "G", "RI", "I")),
                           service(kCommunityMh, "I", kq("I", "I", "G", "I", "I"))})};
  rmy.reports = {{kRmy_2023,
                  "2023-02-21",
                  "2022-11-01",
                  "reports/rmy-2022-11-report.pdf",
                  "Norfolk and Suffolk NHS Foundation Trust - Inspection report",
                  {kRmy01_2023, kRmy02_2023}},
                 {kRmy_2017,
                  "2017-10-13",
                  "2017-07-10",
                  "reports/rmy-2017-07-report.pdf",
                  "Norfolk and Suffolk NHS Foundation Trust - Quality report",
                  {}},
                 {kRmy_2015,
                  "2015-02-12",
                  "2014-10-20",
                  "reports/rmy-2014-10-report.pdf",
                  "Norfolk and Suffolk NHS Foundation Trust - Quality report",
                  {}}};
  return {rt5, rmy};
}

Organisation location(const char* id, const char* provider, const char* name, const char* line1,
                      const char* town, const char* postcode, const char* region,
                      const char* authority, const char* phone, int beds) {
  Organisation o;
  o.id = id;
  o.provider_id = provider;
  o.name = name;
  o.address_line1 = line1;
  o.town = town;
  o.postcode = postcode;
  o.region = region;
  o.local_authority = authority;
  o.phone = phone;
  o.registration_date = "2011-04-01";
  o.beds = beds;
  return o;
}

std::vector<Organisation> make_locations() {
  Organisation x1 =
      location("RT5X1", "RT5", "Bradgate Mental Health Unit", "Glenfield Hospital, Groby Road",
               "Leicester", "LE3 9EJ", "East Midlands", "Leicester", "01162256000", 85);
  x1.current = ratings("2019-09-13", kRt5x1_2019, "RI", kq("RI", "RI", "G", "G", "RI"),
                       {service(kAcute, "RI", kq("RI", "RI", "G", "G", "RI")),
                        service(kRehab, "G", kq("G", "G", "G", "G", "G"))});
  x1.historic = {ratings("2018-03-27", kRt5x1_2018, "RI", kq("I", "RI", "G", "RI", "RI"),
                         {service(kAcute, "RI", kq("I", "RI", "G", "RI", "RI")),
                          service(kRehab, "RI", kq("RI", "G", "G", "G", "RI"))})};
  x1.reports = {{kRt5x1_2019,
                 "2019-09-13",
                 "2019-06-11",
                 "",
                 "Bradgate Mental Health Unit - Inspection report",
                 {}},
                {kRt5x1_2018,
                 "2018-03-27",
                 "2017-12-04",
                 "",
                 "Bradgate Mental Health Unit - Inspection report",
                 {}}};

  Organisation x2 = location("RT5X2", "RT5", "Evington Centre", "Gwendolen Road", "Leicester",
                             "LE5 4QF", "East Midlands", "Leicester", "01162256000", 60);
  x2.current = ratings(
      "2019-09-13", kRt5x2_2019, "G", kq("G", "G", "G", "G", "G"),
      {service(kOlderPeople, "G", kq("G", "G", "G", "G", "G")),
       service(kCommunityAdults, "RI", kq("RI", "G", "G", "G", "RI"), "2015-06-18", kRt5x2_2015)});
  x2.historic = {ratings("2015-06-18", kRt5x2_2015, "RI", kq("RI", "G", "G", "G", "RI"),
                         {service(kOlderPeople, "RI", kq("RI", "RI", "G", "G", "RI")),
                          service(kCommunityAdults, "RI", kq("RI", "G", "G", "G", "RI"))})};
  x2.reports = {
      {kRt5x2_2019, "2019-09-13", "2019-06-18", "", "Evington Centre - Inspection report", {}},
      {kRt5x2_2015, "2015-06-18", "2015-03-10", "", "Evington Centre - Inspection report", {}}};

  Organisation m1 = location("RMY01", "RMY", "Hellesdon Hospital", "Drayton High Road", "Norwich",
                             "NR6 5BE", "East", "Norfolk", "01603421421", 120);
  m1.current = ratings("2023-02-21", kRmy01_2023, "I", kq("I", "RI", "G", "RI", "I"),
                       {service(kAcute, "I", kq("I", "RI", "G", "RI", "I")),
                        service(kCrisis, "RI", kq("RI", "G", "G", "RI", "RI"))});
  m1.historic = {ratings("2017-10-13", kRmy01_2017, "I", kq("I", "RI", "G", "G", "I"),
                         {service(kAcute, "I", kq("I", "I", "G", "RI", "I")),
                          service(kCrisis, "G", kq("G", "G", "G", "G", "G"))})};
  m1.reports = {
      {kRmy01_2023, "2023-02-21", "2022-11-01", "", "Hellesdon Hospital - Inspection report", {}},
      {kRmy01_2017, "2017-10-13", "2017-07-10", "", "Hellesdon Hospital - Inspection report", {}}};

  Organisation m2 = location("RMY02", "RMY", "Woodlands", "Ipswich Hospital, Heath Road", "Ipswich",
                             "IP4 5PD", "East", "Suffolk", "01603421421", 58);
  m2.current = ratings("2023-02-21", kRmy02_2023, "RI", kq("RI", "RI", "G", "G", "RI"),
                       {service(kAcute, "RI", kq("RI", "RI", "G", "G", "RI")),
                        service(kOlderPeople, "G", kq("G", "G", "G", "G", "G"))});
  m2.historic = {ratings("2015-02-12", kRmy02_2015, "I", kq("I", "RI", "G", "RI", "I"),
                         {service(kAcute, "I", kq("I", "RI", "G", "RI", "I")),
                          service(kOlderPeople, "G", kq("G", "G", "G", "G", "RI"))})};
  m2.reports = {{kRmy02_2023, "2023-02-21", "2022-11-02", "", "Woodlands - Inspection report", {}},
                {kRmy02_2015, "2015-02-12", "2014-10-21", "", "Woodlands - Inspection report", {}}};
  // Rated, but with no report in the register: the ratings are all there is.
  Organisation x3 = location("RT5X3", "RT5", "Agnes Unit", "Anstey Lane", "Leicester", "LE4 0QG",
                             "East Midlands", "Leicester", "01162256000", 8);
  x3.current = ratings("2021-03-05", kRt5x3_2021, "RI", kq("I", "RI", "G", "RI", "RI"),
                       {service(kLdWards, "RI", kq("I", "RI", "G", "RI", "RI"))});

  // A report whose first visit (2023-05-02) is after its publication (2023-04-01).
  Organisation m3 = location("RMY03", "RMY", "Carlton Court Hospital", "St Peters Street",
                             "Lowestoft", "NR32 2NA", "East", "Suffolk", "01603421421", 40);
  m3.current = ratings("2023-04-01", kRmy03_2023, "G", kq("G", "G", "G", "G", "G"),
                       {service(kOlderPeople, "G", kq("G", "G", "G", "G", "G"))});
  m3.reports = {{kRmy03_2023, "2023-04-01", "2023-05-02", "",
                 "Carlton Court Hospital - Inspection report", {}}};
  return {x1, x2, x3, m1, m2, m3};
}

}  // namespace

const std::vector<Organisation>& api_providers() {
  static const std::vector<Organisation> providers = make_providers();
  return providers;
}

const std::vector<Organisation>& api_locations() {
  static const std::vector<Organisation> locations = make_locations();
  return locations;
}

}  // namespace cqc::test::detail

namespace cqc::test {

std::vector<ApiReportRef> TestServer::api_reports() {
  std::vector<ApiReportRef> out;
  for (const auto* list : {&detail::api_providers(), &detail::api_locations()}) {
    for (const auto& org : *list) {
      for (const auto& r : org.reports)
        out.push_back({r.link_id, org.id, r.report_date, "/reports/" + r.link_id});
    }
  }
  return out;
}

std::vector<std::string> TestServer::api_provider_ids() {
  std::vector<std::string> out;
  for (const auto& p : detail::api_providers()) out.push_back(p.id);
  return out;
}

std::vector<std::string> TestServer::api_location_ids() {
  std::vector<std::string> out;
  for (const auto& l : detail::api_locations()) out.push_back(l.id);
  return out;
}

}  // namespace cqc::test
