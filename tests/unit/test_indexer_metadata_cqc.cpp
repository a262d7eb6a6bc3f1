// Real-world CQC wordings (issue 8), each in a hand-written fixture: key-question lead-ins,
// ratings changed "from R0 to R", earlier inspections, location reports, section labels.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "indexer/extract.hpp"
#include "indexer/metadata.hpp"
#include "metadata_fixtures.hpp"

using cqc::indexer::Extraction;
using cqc::indexer::extract_metadata;
using cqc::indexer::Metadata;
using cqc::test::Strings;

namespace {

Metadata news(const Strings& paras) { return cqc::test::page_metadata(paras); }

std::string kq(const Metadata& md) { return cqc::test::key_questions(md); }

}  // namespace

TEST_CASE("cqc wording: key questions after 'for whether its services are', 'for providing'") {
  CHECK(kq(news({"Midshire trust rated", "Midshire Hospitals NHS Trust is rated as inadequate for whether its "
                 "services are safe and well-led, and good for whether its services are caring."})) ==
        "safe=inadequate;well-led=inadequate;caring=good");
  CHECK(kq(news({"Midshire trust rated", "Inspectors rated Midshire Hospitals NHS Trust as good for providing "
                 "effective, caring and responsive services, and requires improvement for providing "
                 "safe care."})) == "effective=good;caring=good;responsive=good;safe=requires-improvement");
  CHECK(kq(news({"Midshire trust rated", "The trust was rated requires improvement with regard to whether "
                 "services were effective."})) == "effective=requires-improvement");
  // a comma lost between two questions
  CHECK(kq(news({"Midshire trust rated", "The trust was rated inadequate for being safe, effective "
                 "well-led."})) == "safe=inadequate;effective=inadequate;well-led=inadequate");
}

TEST_CASE("cqc wording: 'we rated Q1, Q2 ... as R'; 'for having caring services' is no overall rating") {
  CHECK(kq(news({"Report", "We rated safe, effective, caring, responsive and well-led as good for the "
                 "Midshire Hospitals NHS Trust."})) ==
        "safe=good;effective=good;caring=good;responsive=good;well-led=good");
  const Metadata md = news({"Report", "The CQC inspected Midshire Hospitals NHS Trust and rated it good "
                            "for having caring, effective services."});
  CHECK(md.overall_rating.empty());
  CHECK(kq(md) == "caring=good;effective=good");
}

TEST_CASE("cqc wording: a single rated service's key questions are the document's") {
  const Metadata md = news({"Crisis service improves",
                            "Midshire Mental Health NHS Trust's crisis teams were rated good. The "
                            "service was rated good for being caring and responsive."});
  CHECK(md.overall_rating.empty());
  CHECK(kq(md) == "caring=good;responsive=good");
}

TEST_CASE("cqc wording: overall ratings that changed, were kept, or are earlier ones") {
  CHECK(news({"Trust rated", "Oxleas NHS Foundation Trust has moved from a requires improvement rating "
              "to good."}).overall_rating == "good");
  CHECK(news({"Trust rated", "Oxleas NHS Foundation Trust was downgraded to inadequate."}).overall_rating ==
        "inadequate");
  CHECK(news({"Trust rated", "Oxleas NHS Foundation Trust has kept its good rating from the regulator."})
            .overall_rating == "good");
  CHECK(news({"Trust rated", "The trust rating remains as requires improvement, said Oxleas NHS "
              "Foundation Trust."}).overall_rating == "requires-improvement");
  // earlier inspections and the future are not this inspection's rating
  CHECK(news({"Trust rated", "This follows a previous inspection in January 2015, in which Oxleas NHS "
              "Foundation Trust was rated as requires improvement overall."}).overall_rating.empty());
  CHECK(news({"Trust rated", "Oxleas NHS Foundation Trust was rated inadequate almost three years ago."})
            .overall_rating.empty());
  CHECK(news({"Trust rated", "The leadership of Oxleas NHS Foundation Trust will be rated as inadequate "
              "by inspectors."}).overall_rating.empty());
  CHECK(news({"Trust rated", "Oxleas NHS Foundation Trust said it has no services rated inadequate overall."})
            .overall_rating.empty());
}

TEST_CASE("cqc wording: 'Overall rating for this hospital' when no trust rating is given") {
  Extraction x;
  x.format = "pdf";
  x.title = "Midshire General Hospital";
  x.pages.push_back({1, "Midshire Hospitals NHS Trust\nMidshire General Hospital\nQuality Report\n\n"
                        "Overall rating for this hospital Inadequate\n\nUrgent and emergency services Inadequate"});
  CHECK(extract_metadata(x, "").overall_rating == "inadequate");
  x.pages[0].text += "\n\nOverall rating for this trust Requires improvement";
  CHECK(extract_metadata(x, "").overall_rating == "requires-improvement");
}

TEST_CASE("cqc wording: a 'Latest news' section label above the article is not the end of it") {
  const Metadata md = news({"Our response to the CQC report", "Latest news",
                            "Today the Care Quality Commission published its report on Oxleas NHS "
                            "Foundation Trust, which it rated good overall after inspecting our wards.",
                            "Latest news", "Another story about Kent Community Health NHS Foundation Trust."});
  CHECK(md.overall_rating == "good");
  CHECK(md.trusts.size() == 1);
}

TEST_CASE("cqc wording: a provider page's inspection entry, 'on the 16, 17 and 18 June', a merger date") {
  auto visit = [](const Metadata& md) { return md.inspected_from.iso() + ".." + md.inspected_to.iso(); };
  CHECK(visit(news({"Midshire Hospitals NHS Trust", "25-27 July, 7-9 August and 17 August 2023",
                    "During an inspection looking at part of this service",
                    "We rated maternity services as good."})) == "2023-07-25..2023-08-17");
  CHECK(visit(news({"Midshire Hospitals NHS Trust", "13 June to 7 July 2022", "During a routine inspection",
                    "The CQC rated the trust good overall."})) == "2022-06-13..2022-07-07");
  CHECK(visit(news({"Midshire Hospitals NHS Trust", "04 May 2021, 05 May 2021, 02 June 2021",
                    "During a routine inspection"})) == "2021-05-04..2021-06-02");
  CHECK(visit(news({"Trust inspected", "Inspectors visited Midshire Hospitals NHS Trust on the 16, 17 and "
                    "18 June 2025."})) == "2025-06-16..2025-06-18");
  CHECK(visit(news({"Trust inspected", "It was the first inspection of Midshire Hospitals NHS Trust, "
                    "which formed in April 2020 after a merger."})) == "..");
  CHECK(visit(news({"Trust inspected", "Midshire Hospitals NHS Trust prepares for a planned inspection of "
                    "its services in March 2017."})) == "2017-03..2017-03");
}

namespace {

std::string sr(const Metadata& md) {
  std::string out;
  for (const auto& r : md.service_ratings) out += (out.empty() ? "" : ";") + r.service + "=" + r.rating;
  return out;
}

}  // namespace

TEST_CASE("cqc wording: NHS 111 and perinatal services are core services") {
  CHECK(sr(news({"Ambulance trust rated", "At Midshire Ambulance Service NHS Trust the NHS 111 "
                 "service was rated good and patient transport services were rated requires improvement."})) ==
        "ambulance-111=good;patient-transport=requires-improvement");
  CHECK(sr(news({"Mother and baby unit praised", "The CQC rated the trust's specialist perinatal mental "
                 "health service as outstanding after an inspection in May."})) ==
        "perinatal=outstanding");
}

TEST_CASE("cqc wording: service ratings with the services in brackets, 'rated R for S', 'this service'") {
  CHECK(sr(news({"Trust inspected", "Inspectors looked at three core services of Midshire Mental Health "
                 "NHS Trust and rated one as good (acute wards and PICU) and two as requires improvement "
                 "(community mental health teams and secure wards)."})) ==
        "acute-wards-picu=good;community-mh-adults=requires-improvement;forensic-secure=requires-improvement");
  CHECK(sr(news({"Trust inspected", "Midshire Hospitals NHS Trust: medical care was rated requires "
                 "improvement (previously requires improvement) by inspectors."})) ==
        "medical-care=requires-improvement");
  CHECK(sr(news({"Ambulance trust rated", "Midshire Ambulance Service NHS Trust was rated as outstanding for "
                 "emergency and urgent care services and for its emergency operations centre."})) ==
        "ambulance-euc=outstanding;ambulance-eoc=outstanding");
  CHECK(sr(news({"Midshire Community NHS Trust", "During an inspection of community dental services",
                 "Our rating of this service stayed the same. We rated it as requires improvement."})) ==
        "community-dental=requires-improvement");
  CHECK(sr(news({"Trust inspected", "Inspectors visited the rehabilitation wards and the crisis teams of "
                 "Midshire Mental Health NHS Trust. The CQC rated both of these services as good."})) ==
        "long-stay-rehab=good;mh-crisis=good");
  CHECK(sr(news({"Trust inspected", "The emergency department at Midshire Hospitals NHS Trust has "
                 "progressed from an inadequate rating to requires improvement."})) ==
        "urgent-emergency=requires-improvement");
  // an earlier inspection's rating of the same service is not this one's
  CHECK(sr(news({"Trust inspected", "The wards for older people were last inspected in 2018 and were rated "
                 "good at that time."})) == "");
}

TEST_CASE("cqc wording: key questions counted out, 'the rating for Q', 'For Q the trust was rated'") {
  CHECK(kq(news({"Trust rated", "Midshire Hospitals NHS Trust is rated outstanding in four of the five "
                 "areas measured - for being effective, caring, responsive and well-led, and good for safe."})) ==
        "effective=outstanding;caring=outstanding;responsive=outstanding;well-led=outstanding;safe=good");
  CHECK(kq(news({"Trust rated", "Midshire Hospitals NHS Trust remains good overall, but its rating for "
                 "well-led has been amended from outstanding to good."})) == "well-led=good");
  CHECK(kq(news({"Trust rated", "The inspection of Midshire Hospitals NHS Trust is published.",
                 "For caring the trust was rated as good overall."})) == "caring=good");
  CHECK(kq(news({"Trust rated", "Midshire Hospitals NHS Trust is now rated as good for being safe, caring, "
                 "responsive to people's needs and well-led."})) ==
        "safe=good;caring=good;responsive=good;well-led=good");
  CHECK(kq(news({"Trust rated", "At Midshire Hospitals NHS Trust we rated two of the key questions, 'are "
                 "services caring and responsive' as good."})) == "caring=good;responsive=good");
}

TEST_CASE("cqc wording: the grid of a single-service document names the service") {
  Extraction x;
  x.format = "pdf";
  x.title = "Community health inpatient services";
  x.pages.push_back({1, "Midshire Community NHS Trust\nCommunity health inpatient services\nQuality Report\n\n"
                        "Overall rating for community health inpatient services Good\n"
                        "Are community health inpatient services safe? Requires improvement\n"
                        "Are community health inpatient services Good caring?\n"});
  CHECK(kq(extract_metadata(x, "")) == "safe=requires-improvement;caring=good");
}

TEST_CASE("cqc wording: more overall-rating phrasings, and services' ratings that are not the trust's") {
  CHECK(news({"Trust rated", "Oxleas NHS Foundation Trust has been rated as an organisation which "
              "'requires improvement'."}).overall_rating == "requires-improvement");
  CHECK(news({"Trust rated", "Inspectors judged Oxleas NHS Foundation Trust to be 'inadequate' overall."})
            .overall_rating == "inadequate");
  CHECK(news({"Trust rated", "The regulator gave Oxleas NHS Foundation Trust an over-all rating of "
              "'requires improvement'."}).overall_rating == "requires-improvement");
  CHECK(news({"Trust rated", "The CQC rated Yorkshire Ambulance Service NHS Trust (YAS) as good following "
              "its inspection."}).overall_rating == "good");
  CHECK(news({"Our rating", "We are rated as 'outstanding' by the Care Quality Commission, said Oxleas NHS "
              "Foundation Trust."}).overall_rating == "outstanding");
  // not the trust's rating
  CHECK(news({"Trust rated", "At Oxleas NHS Foundation Trust, medical care achieved an overall rating of "
              "good."}).overall_rating.empty());
  CHECK(news({"Trust rated", "Oxleas NHS Foundation Trust was inspected in May.",
              "Overall, six services were inspected with three being rated as requires improvement."})
            .overall_rating.empty());
  CHECK(news({"Trust rated", "Oxleas NHS Foundation Trust no longer has any services that are rated "
              "inadequate."}).overall_rating.empty());
  CHECK(news({"Trust rated", "No trust rating was given, so for Oxleas NHS Foundation Trust the 2014 "
              "rating of requires improvement remains."}).overall_rating.empty());
}

TEST_CASE("cqc wording: bare rating rows, 'for each key question', a named service's key questions") {
  // A location page's ratings list: each question on its own line, the rating on the next.
  CHECK(kq(news({"Ratings", "Midshire Mental Health NHS Trust", "Ratings - Crisis teams", "Overall",
                 "Requires improvement", "Safe", "Requires improvement", "Effective", "Good", "Caring", "Good"})) ==
        "safe=requires-improvement;effective=good;caring=good");
  // two rows are not a grid
  CHECK(kq(news({"Ratings", "Midshire Mental Health NHS Trust", "Safe", "Good", "Caring", "Good"})) == "");
  CHECK(kq(news({"Report", "Inspectors visited the sexual health services of Midshire Community NHS "
                 "Trust. We rated this core service as good for each key question and overall."})) ==
        "safe=good;effective=good;caring=good;responsive=good;well-led=good");
  // in a document about several services, a named service's key questions are not the trust's
  CHECK(kq(news({"Report", "Midshire Mental Health NHS Trust was rated good overall.",
                 "The forensic wards were rated outstanding for caring.",
                 "The crisis teams were rated requires improvement."})) == "");
}

TEST_CASE("cqc wording: 'has given X a R rating', services not inspected, earlier and ranged visits") {
  CHECK(news({"Trust rated", "The Care Quality Commission has given Oxleas NHS Foundation Trust a "
              "'requires improvement' rating."}).overall_rating == "requires-improvement");
  CHECK(news({"Trust rated", "The Care Quality Commission has given Oxleas NHS Foundation Trust a good "
              "rating for its maternity services."}).overall_rating.empty());
  const Metadata page = news({"Midshire Hospitals NHS Trust", "We inspected maternity services at the trust.",
                              "Services we did not inspect this time", "Surgery", "Critical care",
                              "Outpatients and diagnostic imaging",
                              "The maternity service was rated good after a long inspection of its wards "
                              "and its staffing by our team of inspectors."});
  CHECK(page.services == Strings{"maternity"});
  CHECK(news({"Trust inspected", "We did not inspect surgery or critical care at Midshire Hospitals NHS "
              "Trust, but maternity was inspected."}).services == Strings{"maternity"});
  auto visit = [](const Metadata& md) { return md.inspected_from.iso() + ".." + md.inspected_to.iso(); };
  CHECK(visit(news({"Trust inspected", "Inspectors visited Oxleas NHS Foundation Trust between May and "
                    "July 2021."})) == "2021-05..2021-07");
  CHECK(visit(news({"Trust inspected", "Oxleas NHS Foundation Trust was last inspected in October 2019."})) ==
        "..");
}

TEST_CASE("cqc wording: 'R, as were S'") {
  CHECK(sr(news({"Trust rated", "At Midshire Mental Health NHS Trust the crisis teams were rated "
                 "good, as were the forensic secure wards."})) == "mh-crisis=good;forensic-secure=good");
}
