// Press-release and report wordings of CQC ratings (issue 8), each in a hand-written fixture:
// ratings that went up or down, "has been told it R", "Q rating", a rating "in response to the
// question 'Are services Q?'".
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

Metadata story(const Strings& paras) {
  return cqc::test::page_metadata(paras, "https://press.example.org/item.html");
}

std::string questions(const Metadata& md) { return cqc::test::key_questions(md); }

std::string overall(const Strings& paras) { return story(paras).overall_rating; }

}  // namespace

TEST_CASE("cqc press: an overall rating that went up, down or changed") {
  CHECK(overall({"Trust improves", "The overall rating of Oxleas NHS Foundation Trust has improved "
                 "from requires improvement to good."}) == "good");
  CHECK(overall({"Trust improves", "Oxleas NHS Foundation Trust has gone up from requires "
                 "improvement to good."}) == "good");
  CHECK(overall({"Trust rated", "Oxleas NHS Foundation Trust has moved down to requires "
                 "improvement after inspectors visited in March."}) == "requires-improvement");
  CHECK(overall({"Trust rated", "The rating of Oxleas NHS Foundation Trust has changed from good "
                 "to requires improvement."}) == "requires-improvement");
  CHECK(overall({"Trust rated", "Oxleas NHS Foundation Trust has slipped to inadequate."}) ==
        "inadequate");
  // a service's or a key question's change is not the trust's
  CHECK(overall({"Trust rated", "Oxleas NHS Foundation Trust's well-led rating went from good to "
                 "outstanding."}).empty());
  CHECK(overall({"Trust rated", "For Oxleas NHS Foundation Trust the rating for safety dropped to "
                 "inadequate."}).empty());
  CHECK(overall({"Trust rated", "At Oxleas NHS Foundation Trust, maternity services have gone "
                 "down from good to inadequate."}).empty());
}

TEST_CASE("cqc press: 'has been told it R', 'CQC has rated X as R'") {
  CHECK(overall({"Trust told to improve", "Oxleas NHS Foundation Trust has been told it "
                 "'requires improvement' by the Care Quality Commission."}) == "requires-improvement");
  CHECK(overall({"Trust rated", "The Care Quality Commission has rated Oxleas NHS Foundation "
                 "Trust as 'Good'."}) == "good");
  CHECK(overall({"Trust rated", "Oxleas NHS Foundation Trust has been found to be 'inadequate' "
                 "by the Care Quality Commission."}) == "inadequate");
  CHECK(overall({"Trust told to improve", "A trust which runs two hospitals has been told it requires "
                 "improvement by inspectors. It is Oxleas NHS Foundation Trust."}) == "requires-improvement");
  // told what it must do: no rating
  CHECK(overall({"Trust told to improve", "Oxleas NHS Foundation Trust has been told it must "
                 "make improvements to safe care."}).empty());
}

TEST_CASE("cqc press: a page's 'Overall inspection' label") {
  CHECK(overall({"Oxleas NHS Foundation Trust", "Overall inspection", "Good",
                 "Safe", "Requires improvement"}) == "good");
  CHECK(overall({"Oxleas NHS Foundation Trust", "Overall inspection: Requires improvement"}) ==
        "requires-improvement");
  CHECK(overall({"Oxleas NHS Foundation Trust", "Overall inspection date 4 May 2021"}).empty());
}

TEST_CASE("cqc press: a provider page's header 'Provider: X R'") {
  CHECK(overall({"Reports", "Provider: Oxleas NHS Foundation Trust Requires improvement",
                 "Reports of inspections"}) == "requires-improvement");
  CHECK(overall({"Reports", "Provider: Oxleas NHS Foundation Trust", "Good practice in wards",
                 "Our reports"}).empty());
}

TEST_CASE("cqc press: a key question's own rating, 'its Q rating went from R0 to R'") {
  CHECK(questions(story({"Trust rated", "Oxleas NHS Foundation Trust's well-led rating went from "
                         "good to outstanding."})) == "well-led=outstanding");
  CHECK(questions(story({"Trust rated", "The trust's safe rating dropped to inadequate, while its caring "
                         "rating remains outstanding."})) == "safe=inadequate;caring=outstanding");
  CHECK(questions(story({"Trust rated", "The ratings for safe and well-led at Oxleas NHS Foundation "
                         "Trust went down to requires improvement."})) ==
        "safe=requires-improvement;well-led=requires-improvement");
  // an earlier rating is not this inspection's
  CHECK(questions(story({"Trust rated", "Its previous safe rating was inadequate."})).empty());
}

TEST_CASE("cqc press: a rating 'in response to the question' of a key question") {
  CHECK(questions(story({"Trust rated", "Oxleas NHS Foundation Trust received a 'Good' rating in "
                         "response to the question 'Are services caring?'"})) == "caring=good");
  CHECK(questions(story({"Trust rated", "Oxleas NHS Foundation Trust was rated outstanding for the "
                         "question 'Are services well-led?'"})) == "well-led=outstanding");
}

TEST_CASE("cqc press: a rating that remains, for being a key question") {
  CHECK(questions(story({"Trust rated", "Oxleas NHS Foundation Trust remains requires improvement "
                         "for being safe and responsive."})) ==
        "safe=requires-improvement;responsive=requires-improvement");
}

TEST_CASE("cqc press: key questions that kept, dropped or remain at a rating") {
  CHECK(questions(story({"Trust rated", "Oxleas NHS Foundation Trust was rated good for caring, but safety "
                         "and responsiveness kept the rating of requires improvement."})) ==
        "caring=good;safe=requires-improvement;responsive=requires-improvement");
  CHECK(questions(story({"Trust rated", "At Oxleas NHS Foundation Trust, effective has dropped from "
                         "outstanding to good and well-led remains outstanding."})) ==
        "effective=good;well-led=outstanding");
  CHECK(questions(story({"Trust rated", "Oxleas NHS Foundation Trust: safety has improved to good."})) ==
        "safe=good");
  // after a service named in the paragraph, a key question's change is the service's
  CHECK(questions(story({"Trust rated", "At Oxleas NHS Foundation Trust, the rating for maternity services "
                         "fell to inadequate. Effective and caring have declined from good to requires "
                         "improvement.", "Oxleas NHS Foundation Trust was also inspected.",
                         "The forensic secure wards were rated good and surgery was rated good."})).empty());
  // an adjective, and an earlier rating, are not a key question's rating
  CHECK(questions(story({"Trust rated", "Safe staffing has improved to good levels at Oxleas NHS "
                         "Foundation Trust."})).empty());
  CHECK(questions(story({"Trust rated", "Oxleas NHS Foundation Trust: well-led has previously been rated "
                         "inadequate."})).empty());
}

TEST_CASE("cqc press: a core service's report grid, its service not named in the gazetteer's words") {
  Extraction x;
  x.format = "pdf";
  x.title = "Oxleas NHS Foundation Trust Community Services for Older Adults Quality Report";
  x.pages.push_back({1, "Oxleas NHS Foundation Trust\n\nThis report gives our view of the care given within "
                        "this core service by the trust.\n\nOverall rating for Community Services for Older "
                        "Adults Good\n\nAre Community Services for Older Adults safe? Requires improvement\n\n"
                        "Are Community Services for Older Adults Good effective?\n\n"
                        "Are Community Services for Older Adults Good caring?"});
  const Metadata md = extract_metadata(x, "");
  CHECK(questions(md) == "safe=requires-improvement;effective=good;caring=good");
  // a trust's report with an overall rating does not take a service's grid as its own
  x.pages[0].text.replace(x.pages[0].text.find("this core service"), 17, "the trust's services");
  CHECK(questions(extract_metadata(x, "")).empty());
}

TEST_CASE("cqc press: a location page's 'Ratings - S' list with its overall rating") {
  const Metadata md = story({"Crisis teams - Oxleas NHS Foundation Trust", "Ratings - Crisis teams", "Overall",
                             "Requires improvement", "Safe", "Inadequate", "Effective", "Good"});
  REQUIRE(md.service_ratings.size() == 1);
  CHECK(md.service_ratings[0].service == "mh-crisis");
  CHECK(md.service_ratings[0].rating == "requires-improvement");
  // a heading naming a service in a sentence is no list
  const Metadata prose = story({"News", "Ratings for crisis teams across the country are published.",
                                "Overall", "Good"});
  CHECK(prose.service_ratings.empty());
}

TEST_CASE("cqc press: upgraded or downgraded trusts, ratings achieved or awarded") {
  CHECK(overall({"Trust rated", "The Care Quality Commission has upgraded Oxleas NHS Foundation Trust to "
                 "good."}) == "good");
  CHECK(overall({"Trust rated", "The regulator downgraded the rating of Oxleas NHS Foundation Trust from "
                 "good to inadequate."}) == "inadequate");
  CHECK(overall({"Trust rated", "Oxleas NHS Foundation Trust has achieved a good rating."}) == "good");
  CHECK(overall({"Trust rated", "Oxleas NHS Foundation Trust has been awarded an 'outstanding' rating."}) ==
        "outstanding");
  // a service's or a key question's rating is not the trust's
  CHECK(overall({"Trust rated", "Oxleas NHS Foundation Trust has achieved a good rating for its "
                 "maternity care."}).empty());
  CHECK(overall({"Trust rated", "At Oxleas NHS Foundation Trust the safety team received an outstanding "
                 "rating."}).empty());
}

TEST_CASE("cqc press: the ratings of several key questions as one subject") {
  const Metadata md = story({"Trust rated", "The safe and well-led ratings at Oxleas NHS Foundation Trust "
                             "dropped to requires improvement."});
  CHECK(questions(md) == "safe=requires-improvement;well-led=requires-improvement");
  CHECK(md.overall_rating.empty());
  CHECK(questions(story({"Trust rated", "Oxleas NHS Foundation Trust's effective and caring ratings remain "
                         "good."})) == "effective=good;caring=good");
}

TEST_CASE("cqc press: 'R1 for Q and R2 in all other areas'") {
  CHECK(questions(story({"Trust rated", "Oxleas NHS Foundation Trust was rated outstanding for caring and "
                         "good in all other areas."})) ==
        "caring=outstanding;safe=good;effective=good;responsive=good;well-led=good");
  // with no key question rated before, "all other areas" are not the five
  CHECK(questions(story({"Trust rated", "Oxleas NHS Foundation Trust's maternity unit was praised, and "
                         "the trust was good in all other areas of its work."})).empty());
}

TEST_CASE("cqc press: a year naming the inspection, 'following its 2025 CQC inspection'") {
  auto visit = [](const Metadata& md) { return md.inspected_from.iso() + ".." + md.inspected_to.iso(); };
  CHECK(visit(story({"Trust improves", "The emergency department at Oxleas NHS Foundation Trust moved up to "
                     "good following its 2025 CQC inspection."})) == "2025..2025");
  CHECK(visit(story({"Trust improves", "Oxleas NHS Foundation Trust was praised after our latest 2019 "
                     "inspection."})) == "2019..2019");
  // an earlier visit, or "the 2014 inspection", does not date this one
  CHECK(visit(story({"Trust improves", "Oxleas NHS Foundation Trust has improved since its 2014 "
                     "inspection."})) == "..");
  CHECK(visit(story({"Trust improves", "Oxleas NHS Foundation Trust has improved on the 2014 inspection."})) ==
        "..");
}

TEST_CASE("cqc press: a national text naming one trust once, in brackets, is not about it") {
  std::string filler;
  for (int i = 0; i < 30; ++i)
    filler += "Inspectors looked at how safe and caring mental health services were across England. ";
  const Metadata national = story({"Every trust inspected", filler,
                                   "Most trusts require improvement; one is rated inadequate (Oxleas NHS "
                                   "Foundation Trust).", filler});
  CHECK(national.trusts == Strings{"RPG"});  // named, but only in passing
  CHECK(national.mentioned_trusts == Strings{"RPG"});
  // named plainly, the trust is the subject
  const Metadata local = story({"Trust inspected", filler, "Oxleas NHS Foundation Trust is rated inadequate.",
                                filler});
  CHECK(local.trusts == Strings{"RPG"});
  CHECK(local.mentioned_trusts.empty());
}

TEST_CASE("cqc press: headlines 'CQC rates X as R', 'X receives R rating', 'X scored R overall'") {
  CHECK(overall({"CQC rates Oxleas NHS Foundation Trust as outstanding", "Inspectors praised staff."}) ==
        "outstanding");
  CHECK(overall({"Oxleas NHS Foundation Trust receives 'Good' rating from CQC", "Staff were thanked."}) ==
        "good");
  CHECK(overall({"Trust news", "Oxleas NHS Foundation Trust scored 'good' overall."}) == "good");
  CHECK(overall({"Trust news", "The CQC has rated the quality of services at Oxleas NHS Foundation Trust as "
                 "good."}) == "good");
  // "CQC rates X's maternity services": a service's
  CHECK(overall({"CQC rates maternity services at Oxleas NHS Foundation Trust as inadequate",
                 "Inspectors visited."}).empty());
}

TEST_CASE("cqc press: key questions listed with commas as the subject of 'were rated'") {
  const Metadata md = story({"Trust news", "Oxleas NHS Foundation Trust was rated good for being effective "
                             "and caring, while safe, responsive and well-led were rated requires improvement."});
  CHECK(questions(md) == "effective=good;caring=good;safe=requires-improvement;responsive=requires-improvement;"
                         "well-led=requires-improvement");
  CHECK(md.overall_rating.empty());
}

TEST_CASE("cqc press: 'the ratings for S1 and S2 remain R' rates every service listed") {
  std::string out;
  for (const auto& r : story({"Trust news", "At Oxleas NHS Foundation Trust the ratings for surgery, maternity "
                              "and critical care went down from good to requires improvement."})
                           .service_ratings)
    out += r.service + "=" + r.rating + ";";
  CHECK(out == "surgery=requires-improvement;maternity=requires-improvement;critical-care=requires-improvement;");
  // ratings for key questions, after the services, are not the services' own
  CHECK(story({"Trust news", "At Oxleas NHS Foundation Trust the ratings for surgery and maternity were good "
               "for safe."}).service_ratings.empty());
}

TEST_CASE("cqc press: a headline's present tense, 'X moves from R0 to R'") {
  CHECK(overall({"Oxleas NHS Foundation Trust moves from requires improvement to good", "Staff thanked."}) ==
        "good");
  CHECK(overall({"Oxleas NHS Foundation Trust drops to inadequate", "Staff were told."}) == "inadequate");
  CHECK(overall({"Oxleas NHS Foundation Trust moves to new offices", "Staff were told."}).empty());
}
