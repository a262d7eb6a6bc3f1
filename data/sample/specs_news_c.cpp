// News specs: articles published 2020-2022.
#include "data/sample/spec.hpp"

namespace cqc::sample {

void add_news_c(std::vector<NewsSpec>& out) {
  out.push_back({
      .slug = "inadequate-third-time",
      .trust = "RMY",
      .site = Site::LocalPaper,
      .outlet = "Wensum Valley Courier",
      .meta = DateMeta::BylineOnly,
      .published = {2020, 2, 14},
      .author = "Ruth Adeyemi",
      .headline = "Mental health trust rated inadequate for third time",
      .standfirst = "Norfolk and Suffolk NHS Foundation Trust returns to special measures "
                    "after a critical report.",
      .insp_from = {2019, 10},
      .insp_to = {2019, 11},
      .rel = Rel::LastYear,
      .services = {"community-mh-adults", "community-camhs"},
      .overall = kInadequate,
      .service_ratings = {{"community-mh-adults", kInadequate}},
      .body = {
          "The trust has been rated {overall} for the third time in five years and will go "
          "back into special measures.",
          "Inspectors from the Care Quality Commission visited the trust {inspected}. Their "
          "report, published yesterday, said leaders had not acted quickly enough on risks "
          "they already knew about.",
          "Community mental health teams were rated inadequate, with inspectors finding that "
          "thousands of people were waiting for treatment and that the trust did not know how "
          "unwell many of them were.",
          "Young people also faced long waits for specialist CAMHS, the report said.",
          "Families of patients who died while under the trust’s care said the report "
          "confirmed what they had been saying for years.",
          "The trust’s interim chief executive said: “We are sorry. We will not hide from "
          "these findings.”"},
  });

  out.push_back({
      .slug = "maternity-rated-inadequate",
      .trust = "RXW",
      .site = Site::TradePub,
      .outlet = "Health Service Bulletin",
      .meta = DateMeta::Citation,
      .published = {2020, 12, 10},
      .author = "Chris Dunmore",
      .headline = "CQC rates Shropshire maternity service inadequate",
      .standfirst = "Inspectors found midwives stretched and safety checks missed at the "
                    "Shrewsbury and Telford trust.",
      .insp_from = {2020, 11},
      .rel = Rel::ThisYear,
      .services = {"maternity"},
      .service_ratings = {{"maternity", kInadequate}},
      .body = {
          "The maternity service run by the Shrewsbury and Telford Hospital NHS Trust has been "
          "rated inadequate after an unannounced inspection {inspected}.",
          "The Care Quality Commission found that women at risk were not always identified, "
          "that staff did not always escalate concerns to senior clinicians and that the "
          "trust’s investigations into incidents were not thorough.",
          "The inspection took place while an independent review of maternity care at the "
          "trust, commissioned in 2017, was still under way.",
          "The trust’s director of nursing said the findings were “difficult to read” and that "
          "immediate action had been taken.",
          "The CQC has told the trust to send it regular updates on staffing and on the "
          "monitoring of babies’ heart rates during labour."},
  });

  out.push_back({
      .slug = "patients-kept-apart",
      .trust = "RX3",
      .site = Site::Broadcaster,
      .outlet = "UK News Online",
      .meta = DateMeta::OpenGraph,
      .published = {2020, 4, 23},
      .author = "Daniel Ashworth",
      .headline = "Learning disability ward patients ‘kept apart for months’",
      .standfirst = "A watchdog has rated wards run by Tees, Esk and Wear Valleys NHS "
                    "Foundation Trust inadequate.",
      .insp_from = {2020, 1},
      .rel = Rel::ThisYear,
      .services = {"ld-autism-wards"},
      .service_ratings = {{"ld-autism-wards", kInadequate}},
      .body = {
          "Patients on wards for people with a learning disability or autism were kept in "
          "long-term segregation and seclusion for months at a time, a report has found.",
          "The Care Quality Commission inspected the wards {inspected} after families raised "
          "concerns.",
          "It rated the service inadequate and said some patients had not been outside for "
          "weeks. One young man had spent most of the previous year in a seclusion suite.",
          "The trust said it had since moved several patients to more suitable settings and "
          "had commissioned an independent review.",
          "The mother of one patient said she hoped the report would lead to lasting change."},
  });

  out.push_back({
      .slug = "downgraded-young-peoples-wards",
      .trust = "RX3",
      .also = {"RX4"},
      .site = Site::LocalPaper,
      .outlet = "Tees Valley Chronicle",
      .meta = DateMeta::JsonLd,
      .published = {2021, 12, 16},
      .author = "Mark Ellison",
      .headline = "Teesside mental health trust downgraded after young people’s wards rated "
                  "inadequate",
      .standfirst = "Tees, Esk and Wear Valleys NHS Foundation Trust is now rated requires "
                    "improvement.",
      .insp_from = {2021, 7},
      .insp_to = {2021, 9},
      .rel = Rel::ThisYear,
      .services = {"camhs-wards", "forensic-secure"},
      .overall = kRI,
      .service_ratings = {{"camhs-wards", kInadequate}},
      .body = {
          "The trust has been downgraded to {overall} following inspections {inspected}.",
          "The Care Quality Commission rated its child and adolescent mental health wards "
          "inadequate, saying young people had at times been secluded in rooms not designed "
          "for the purpose, without the safeguards that should apply to any seclusion.",
          "Inspectors also found that patients on the trust’s secure wards at Roseberry Park "
          "had their leave cancelled at short notice.",
          "The trust said it had already made changes. Its chief executive added that a new "
          "leadership team for inpatient services had been appointed and that the trust was "
          "working with Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust to learn "
          "from its approach to reducing restrictive practice.",
          "Families who have campaigned for change said the report was a step towards "
          "accountability."},
  });

  out.push_back({
      .slug = "rated-good-first-time",
      .trust = "RT5",
      .site = Site::TradePub,
      .outlet = "Health Service Bulletin",
      .meta = DateMeta::Citation,
      .published = {2021, 11, 24},
      .author = "Priya Chandran",
      .headline = "Leicestershire Partnership rated good for the first time",
      .standfirst = "The trust has moved up from requires improvement after a review of its "
                    "leadership and two core service inspections.",
      .insp_from = {2021, 9, 7},
      .insp_to = {2021, 9, 23},
      .services = {"community-inpatients", "community-mh-older"},
      .overall = kGood,
      .service_ratings = {{"community-inpatients", kGood}},
      .body = {
          "{trust} has been rated {overall} overall by the Care Quality Commission for the "
          "first time.",
          "Inspectors visited the trust {inspected}, looking at community health inpatient "
          "services and community-based mental health services for older people, as well as "
          "at how well the trust is led.",
          "The community health inpatient services were rated good, with inspectors praising "
          "the rehabilitation offered to patients at the trust’s community hospitals.",
          "The trust’s chief executive said the rating was “a huge credit to our staff, who "
          "have achieved this during the most challenging period in the history of the NHS”.",
          "The CQC said the trust should continue to reduce waiting times for memory "
          "assessments."},
  });

  out.push_back({
      .slug = "maternity-improving",
      .trust = "RXW",
      .also = {"RRK"},
      .site = Site::Broadcaster,
      .outlet = "UK News Online",
      .meta = DateMeta::JsonLd,
      .published = {2022, 6, 29},
      .author = "Helen Brierley",
      .headline = "Shrewsbury and Telford maternity care ‘improving’ but not yet good",
      .standfirst = "Inspectors say the service has moved up a rating after a difficult "
                    "period.",
      .insp_from = {2022, 3},
      .rel = Rel::ThisYear,
      .services = {"maternity"},
      .service_ratings = {{"maternity", kRI}},
      .body = {
          "Maternity services at the Shrewsbury and Telford Hospital NHS Trust have improved, "
          "according to the Care Quality Commission.",
          "Inspectors who returned {inspected} rated the service requires improvement. They "
          "found better monitoring of babies’ heart rates in labour and a more open culture "
          "among staff.",
          "The trust has been receiving support from University Hospitals Birmingham NHS "
          "Foundation Trust, whose senior midwives have helped to review its guidelines and "
          "training.",
          "Families affected by failings in maternity care at the trust said they welcomed the "
          "progress but that the changes must be sustained.",
          "The CQC said it would continue to monitor the service closely."},
  });

  out.push_back({
      .slug = "community-nurses-pandemic",
      .trust = "RV3",
      .site = Site::TrustPage,
      .outlet = "Central and North West London NHS Foundation Trust",
      .meta = DateMeta::BylineOnly,
      .published = {2020, 6, 18},
      .headline = "How our community nurses kept caring through the pandemic",
      .standfirst = "District nurses and therapists changed the way they worked to keep "
                    "patients safe at home.",
      .services = {"community-adults"},
      .body = {
          "Community health services for adults at {trust} have had to change almost "
          "overnight in recent months.",
          "Teams in Milton Keynes and the London boroughs moved routine reviews to video and "
          "telephone where they could, freeing nurses to visit the people who most needed "
          "care in person.",
          "Nurses also supported care homes with advice on infection control and training in "
          "the use of protective equipment.",
          "One district nursing sister said: “It has been the hardest few months of my career, "
          "but I have never been prouder of my team.”",
          "We would like to thank patients and families for their patience with the changes."},
  });
}

}  // namespace cqc::sample
