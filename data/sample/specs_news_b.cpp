// News specs: articles published 2017-2019, and one undated page about a 2018 inspection.
#include "data/sample/spec.hpp"

namespace cqc::sample {

void add_news_b(std::vector<NewsSpec>& out) {
  out.push_back({
      .slug = "back-in-special-measures",
      .trust = "RMY",
      .also = {"RWK"},
      .site = Site::LocalPaper,
      .outlet = "Wensum Valley Courier",
      .meta = DateMeta::JsonLd,
      .published = {2017, 10, 13},
      .author = "Sarah Whitlock",
      .headline = "Norfolk and Suffolk NHS Foundation Trust back in special measures",
      .standfirst = "The trust is rated inadequate again, a year after leaving special "
                    "measures.",
      .insp_from = {2017, 7},
      .rel = Rel::ThisYear,
      .services = {"acute-wards-picu", "mh-crisis"},
      .overall = kInadequate,
      .service_ratings = {{"acute-wards-picu", kInadequate}, {"mh-crisis", kInadequate}},
      .body = {
          "{trust} has been returned to special measures after the Care Quality Commission "
          "rated it {overall} for the second time in three years.",
          "Inspectors, who visited {inspected}, found that the acute wards were regularly "
          "full and that dozens of patients were being treated in hospitals outside the two "
          "counties. The wards were rated inadequate.",
          "The crisis service in Suffolk was also rated inadequate. The report described "
          "people in distress phoning repeatedly without getting through to a member of "
          "staff.",
          "The trust will now receive extra support, including help from East London NHS "
          "Foundation Trust, whose leaders have been asked to share their experience of "
          "quality improvement.",
          "A spokesperson for the trust said it was “deeply disappointed” and determined to "
          "make the changes the report called for.",
          "The Courier has reported on concerns about the trust’s services for several years, "
          "including the experiences of families who lost loved ones."},
  });

  out.push_back({
      .slug = "wards-still-need-to-improve",
      .trust = "RT5",
      .site = Site::Broadcaster,
      .outlet = "UK News Online",
      .meta = DateMeta::JsonLd,
      .published = {2018, 3, 1},
      .author = "Daniel Ashworth",
      .headline = "Leicestershire mental health wards still need to improve, says CQC",
      .standfirst = "The trust has removed all of its inadequate ratings but is still rated "
                    "requires improvement.",
      .insp_from = {2017, 10},
      .insp_to = {2017, 12},
      .rel = Rel::LastYear,
      .services = {"acute-wards-picu", "community-adults"},
      .overall = kRI,
      .service_ratings = {{"community-adults", kGood}},
      .body = {
          "{trust} has kept its rating of {overall} after a series of inspections "
          "{inspected}.",
          "Inspectors said patients on the acute wards for adults at the Bradgate Mental "
          "Health Unit were treated with kindness, but some wards still had fixtures that "
          "could be used as ligature points.",
          "The trust’s community health services for adults were rated good for the first "
          "time.",
          "The trust said it was pleased that its ratings were moving in the right direction. "
          "A spokesperson added that work to improve the Bradgate Unit would continue."},
  });

  out.push_back({
      .slug = "placed-in-special-measures",
      .trust = "RXW",
      .site = Site::LocalPaper,
      .outlet = "Severnside Post",
      .meta = DateMeta::OpenGraph,
      .published = {2018, 11, 30},
      .author = "Laura Pennington",
      .headline = "Shrewsbury and Telford hospitals trust placed in special measures",
      .standfirst = "The decision follows serious concerns about the safety of patients "
                    "arriving in an emergency.",
      .insp_from = {2018, 8},
      .rel = Rel::ThisYear,
      .services = {"urgent-emergency"},
      .body = {
          "The Shrewsbury and Telford Hospital NHS Trust has been placed in special measures "
          "on the recommendation of the Care Quality Commission.",
          "Inspectors who visited {inspected} found that patients arriving at the emergency "
          "department were not always assessed quickly enough, and that staff had no reliable "
          "way of spotting when a patient was getting worse.",
          "The watchdog has imposed conditions on the trust’s registration, requiring it to "
          "report every week on how quickly patients are seen.",
          "The trust’s chair said: “We are determined to make the improvements our patients "
          "deserve. Our staff are working incredibly hard in very difficult circumstances.”",
          "A full inspection report is expected early next year."},
  });

  out.push_back({
      .slug = "welcomes-cqc-report",
      .trust = "RT5",
      .site = Site::TrustPage,
      .outlet = "Leicestershire Partnership NHS Trust",
      .meta = DateMeta::DublinCore,
      .published = {2019, 9, 13},
      .headline = "LPT welcomes CQC report following June inspection",
      .standfirst = "Inspectors recognise significant progress since their previous visit in "
                    "November 2018.",
      .insp_from = {2019, 6},
      .services = {"acute-wards-picu", "older-people-wards", "community-camhs"},
      .overall = kRI,
      .body = {
          "The Care Quality Commission (CQC) has published what it found when it made an "
          "unannounced return visit to {trust} (LPT) {inspected}. We welcome the report.",
          "The inspection looked at our acute wards for adults, our wards for older people "
          "and our specialist community CAMHS.",
          "Inspectors found improvements in the ward environments, in medicines management "
          "and in the recording of seclusion, as well as a large fall in the number of young "
          "people waiting for an assessment.",
          "Our overall rating remains {overall}. The chief executive said: “This report shows "
          "what our staff have achieved in a short time. We know there is more to do, and we "
          "will keep going until every one of our services meets the standard our patients "
          "expect.”",
          "Inspectors said more work was needed on the buildings at the Bradgate Unit and on "
          "helping patients there to stop smoking."},
  });

  out.push_back({
      .slug = "still-requires-improvement",
      .trust = "RMY",
      .site = Site::Broadcaster,
      .outlet = "UK News Online",
      .meta = DateMeta::JsonLd,
      .published = {2019, 9, 4},
      .author = "Helen Brierley",
      .headline = "Norfolk mental health trust ‘still requires improvement’",
      .standfirst = "The trust has made progress but young people still face long waits, "
                    "inspectors say.",
      .insp_from = {2019, 6},
      .insp_to = {2019, 7},
      .rel = Rel::ThisYear,
      .services = {"community-camhs", "mh-crisis"},
      .overall = kRI,
      .body = {
          "{trust} has been rated {overall} following inspections {inspected}.",
          "The Care Quality Commission said the trust had made progress, but that waiting "
          "times for child and adolescent mental health services remained too long.",
          "Inspectors also looked at the trust’s crisis teams, which they said had improved "
          "since the previous inspection, with most urgent referrals now seen within four "
          "hours.",
          "The trust’s chief executive said staff had worked hard and the improvements were "
          "real, but that demand for services continued to rise.",
          "The trust has spent much of the past four years in special measures."},
  });

  out.push_back({
      .slug = "crisis-line-praised",
      .trust = "RXT",
      .site = Site::LocalPaper,
      .outlet = "Solihull and Birmingham Observer",
      .meta = DateMeta::None,
      .author = "Mark Ellison",
      .headline = "Round-the-clock mental health line praised by inspectors",
      .standfirst = "People in crisis in Birmingham and Solihull can now speak to a trained "
                    "worker at any time of day or night.",
      .insp_from = {2018, 11},
      .services = {"mh-crisis"},
      .service_ratings = {{"mh-crisis", kGood}},
      .body = {
          "A telephone line run by {trust} for people in a mental health crisis has been "
          "praised by the Care Quality Commission.",
          "Inspectors who visited the trust’s crisis services {inspected} said calls were "
          "answered quickly and that callers were treated with warmth and respect. They rated "
          "the crisis services good.",
          "The line is staffed by nurses and support workers, who can arrange a visit from a "
          "home treatment team or a place at a crisis centre if needed.",
          "A woman who used the service last winter told the Observer: “I didn’t know who "
          "else to call. They stayed on the phone with me until help arrived.”",
          "The trust hopes to extend the service to young people."},
  });
}

}  // namespace cqc::sample
