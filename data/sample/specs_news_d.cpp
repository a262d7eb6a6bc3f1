// News specs: articles published 2023-2025, and one undated trust statement.
#include "data/sample/spec.hpp"

namespace cqc::sample {

void add_news_d(std::vector<NewsSpec>& out) {
  out.push_back({
      .slug = "remains-inadequate",
      .trust = "RMY",
      .site = Site::LocalPaper,
      .outlet = "Wensum Valley Courier",
      .meta = DateMeta::OpenGraph,
      .published = {2023, 2, 21},
      .author = "Ruth Adeyemi",
      .headline = "Norfolk and Suffolk mental health trust remains inadequate",
      .standfirst = "Inspectors find thousands of people waiting for care and poor records of "
                    "patient deaths.",
      .insp_from = {2022, 10},
      .insp_to = {2022, 11},
      .rel = Rel::LastYear,
      .services = {"community-mh-adults", "community-camhs"},
      .overall = kInadequate,
      .service_ratings = {{"community-mh-adults", kInadequate}, {"community-camhs", kInadequate}},
      .body = {
          "{trust} remains rated {overall} after a new inspection by the Care Quality "
          "Commission.",
          "Inspectors visited {inspected}. They found that community mental health teams were "
          "struggling with huge caseloads and rated them inadequate.",
          "Community CAMHS were also rated inadequate, with young people waiting months for "
          "treatment.",
          "The report follows an independent audit which found the trust could not say how "
          "many of its patients had died.",
          "The trust’s chief executive, who joined last year, said: “We have a long way to go, "
          "but I believe we are now heading in the right direction.”"},
  });

  out.push_back({
      .slug = "learning-disability-teams-praised",
      .trust = "RT5",
      .also = {"RWE"},
      .site = Site::TradePub,
      .outlet = "Health Service Bulletin",
      .meta = DateMeta::DublinCore,
      .published = {2023, 5, 12},
      .author = "James Okafor",
      .headline = "Leicestershire learning disability teams praised for joined-up care",
      .standfirst = "A CQC inspection found strong partnership working between mental health "
                    "and hospital staff.",
      .insp_from = {2023, 2},
      .rel = Rel::ThisYear,
      .services = {"community-ld-autism"},
      .service_ratings = {{"community-ld-autism", kGood}},
      .body = {
          "Community learning disability services run by {trust} have been rated good by the "
          "Care Quality Commission.",
          "Inspectors visited the service {inspected}. They highlighted a scheme in which "
          "learning disability nurses from the trust work alongside staff at University "
          "Hospitals of Leicester NHS Trust to support patients with a learning disability "
          "during hospital stays.",
          "Families told inspectors that staff took time to understand their relative’s needs "
          "and communicated in ways that worked for them.",
          "The report said waiting times for some autism assessments were still too long.",
          "The trust said it would use the findings to share good practice across its other "
          "services."},
  });

  out.push_back({
      .slug = "trust-improves-rating",
      .trust = "RMY",
      .site = Site::Broadcaster,
      .outlet = "UK News Online",
      .meta = DateMeta::JsonLd,
      .published = {2024, 5, 16},
      .author = "Daniel Ashworth",
      .headline = "Norfolk and Suffolk mental health trust improves its rating",
      .standfirst = "The trust has been rated requires improvement after years in special "
                    "measures.",
      .insp_from = {2024, 1},
      .rel = Rel::ThisYear,
      .services = {"acute-wards-picu", "community-mh-adults"},
      .overall = kRI,
      .body = {
          "{trust} has been rated {overall}, the first time in several years that it has "
          "moved up a rating.",
          "The Care Quality Commission inspected the trust {inspected} and found improvements "
          "on its acute wards, where fewer patients were being sent out of the area for care.",
          "Inspectors said community mental health teams still had long waiting lists, "
          "although the trust now had a system for checking on people while they waited.",
          "The trust’s chief executive said: “This is a milestone, not the finish line.”",
          "Campaigners said the improvement was welcome but that families were still waiting "
          "too long for help."},
  });

  out.push_back({
      .slug = "young-peoples-wards-improve",
      .trust = "RX3",
      .site = Site::TradePub,
      .outlet = "Mental Health Nursing Today",
      .meta = DateMeta::Citation,
      .published = {2025, 3, 20},
      .author = "Priya Chandran",
      .headline = "Young people’s mental health wards in Teesside show improvement",
      .standfirst = "A follow-up inspection found safer wards but continuing pressure on "
                    "staffing.",
      .insp_from = {2025, 1},
      .rel = Rel::ThisYear,
      .services = {"camhs-wards"},
      .service_ratings = {{"camhs-wards", kRI}},
      .body = {
          "The Care Quality Commission has upgraded the child and adolescent mental health "
          "wards run by {trust} to requires improvement.",
          "Inspectors visited {inspected} and found that observation practice had improved and "
          "that incidents were now reviewed promptly by senior clinicians.",
          "Young people told inspectors that most staff were kind and that there were more "
          "activities. However, the wards still relied on agency nurses, especially at night.",
          "The trust said it was recruiting 40 more registered nurses for its inpatient "
          "services for young people.",
          "Nursing leaders said the change showed the value of investing in education on the "
          "wards."},
  });

  out.push_back({
      .slug = "emergency-care-improves",
      .trust = "RXW",
      .site = Site::LocalPaper,
      .outlet = "Severnside Post",
      .meta = DateMeta::OpenGraph,
      .published = {2025, 6, 26},
      .author = "Laura Pennington",
      .headline = "A&E at Shropshire hospitals improves, say inspectors",
      .standfirst = "Patients are being assessed more quickly when they arrive at the Royal "
                    "Shrewsbury Hospital.",
      .insp_from = {2025, 3},
      .rel = Rel::ThisYear,
      .services = {"urgent-emergency"},
      .service_ratings = {{"urgent-emergency", kRI}},
      .body = {
          "Urgent and emergency care provided by the Shrewsbury and Telford Hospital NHS Trust "
          "has been rated requires improvement after an inspection {inspected}.",
          "Inspectors found that most patients were now assessed within 15 minutes of arrival "
          "and that a new ambulance handover area had reduced delays.",
          "However, the department was still crowded at busy times, and some patients waited "
          "more than 12 hours for a bed.",
          "The trust’s chief executive said the report reflected “a real team effort” and that "
          "the trust’s building programme would bring further improvements.",
          "The trust is continuing a major programme to reorganise its hospital services."},
  });

  out.push_back({
      .slug = "cnwl-rated-good",
      .trust = "RV3",
      .site = Site::TrustPage,
      .outlet = "Central and North West London NHS Foundation Trust",
      .meta = DateMeta::BylineOnly,
      .published = {2025, 6, 18},
      .headline = "CNWL rated good by the Care Quality Commission",
      .standfirst = "Inspectors praised our forensic teams and the way our staff support "
                    "families.",
      .insp_from = {2025, 2},
      .insp_to = {2025, 3},
      .rel = Rel::ThisYear,
      .services = {"forensic-secure", "community-camhs"},
      .overall = kGood,
      .body = {
          "{trust} (CNWL) has been rated {overall} following inspections {inspected}.",
          "The inspection looked at our forensic inpatient and secure wards and at our "
          "specialist community mental health services for children and young people, and "
          "included a review of how well the trust is led.",
          "Inspectors said staff on the secure wards knew patients well and that risk "
          "assessments were thorough.",
          "They also recognised that some children and young people are waiting too long for "
          "neurodevelopmental assessments, and we are working with our partners to bring "
          "these waits down.",
          "Our chief executive said: “I want to thank every colleague for the care and "
          "compassion they show every day.”"},
  });

  out.push_back({
      .slug = "west-lane-hospital-statement",
      .trust = "RX3",
      .site = Site::TrustPage,
      .outlet = "Tees, Esk and Wear Valleys NHS Foundation Trust",
      .meta = DateMeta::None,
      .headline = "Our response to the CQC report on West Lane Hospital",
      .standfirst = "A statement from the trust about the care of young people at West Lane "
                    "Hospital in Middlesbrough.",
      .services = {"camhs-wards"},
      .service_ratings = {{"camhs-wards", kInadequate}},
      .body = {
          "{trust} accepts the findings of the Care Quality Commission’s report on West Lane "
          "Hospital, which provides child and adolescent mental health wards.",
          "The CQC rated the wards inadequate. Inspectors found that when a young person was "
          "secluded, staff did not always follow the safeguards that the law requires for "
          "seclusion, and that restraint was used too often.",
          "We are deeply sorry. Every young person in our care deserves to feel safe, and we "
          "have not met that standard.",
          "We have paused admissions to the hospital while we make immediate improvements, and "
          "we are working closely with NHS England and with the families of the young people "
          "on the wards.",
          "We will publish regular updates on this page."},
  });

  out.push_back({
      .slug = "milton-keynes-young-peoples-service",
      .trust = "RV3",
      .site = Site::Broadcaster,
      .outlet = "UK News Online",
      .meta = DateMeta::OpenGraph,
      .published = {2023, 8, 10},
      .author = "Helen Brierley",
      .headline = "Young people’s mental health service in Milton Keynes rated good",
      .standfirst = "Inspectors praised a team that responds to young people in distress "
                    "within hours.",
      .insp_from = {2023, 5},
      .rel = Rel::ThisYear,
      .services = {"community-camhs"},
      .service_ratings = {{"community-camhs", kGood}},
      .body = {
          "The community CAMHS team in Milton Keynes, run by {trust}, has been rated good by "
          "the Care Quality Commission.",
          "Inspectors visited {inspected} and found that young people referred in an "
          "emergency were usually seen on the same day.",
          "Parents told inspectors the team was easy to reach and that staff explained things "
          "clearly.",
          "The report noted that waits for routine appointments had fallen over the past year "
          "but were still longer than the trust wanted.",
          "The trust said it planned to extend the team’s hours into the evenings."},
  });

  out.push_back({
      .slug = "crisis-house-two-years",
      .trust = "RWK",
      .site = Site::TrustPage,
      .outlet = "East London NHS Foundation Trust",
      .meta = DateMeta::DublinCore,
      .published = {2024, 3, 14},
      .headline = "Our crisis house celebrates two years of helping people stay out of hospital",
      .standfirst = "More than 300 people have stayed at the house since it opened.",
      .services = {"mh-crisis"},
      .body = {
          "The crisis house run by {trust} in partnership with a local mental health charity "
          "has now supported more than 300 people who might otherwise have been admitted to "
          "hospital.",
          "The house offers short stays of up to a week in a calm, homely setting, with "
          "support from peer workers and daily visits from the crisis service.",
          "Guests told us they valued being treated as people rather than patients. One said: "
          "“It gave me space to breathe when I needed it most.”",
          "The crisis house was praised by the Care Quality Commission at its last inspection.",
          "We are now working with our partners to open a second house."},
  });
}

}  // namespace cqc::sample
