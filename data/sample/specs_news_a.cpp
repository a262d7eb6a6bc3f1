// News specs: articles published 2014-2016.
#include "data/sample/spec.hpp"

namespace cqc::sample {

void add_news_a(std::vector<NewsSpec>& out) {
  out.push_back({
      .slug = "ae-told-to-improve",
      .trust = "RXW",
      .site = Site::Broadcaster,
      .outlet = "UK News Online",
      .meta = DateMeta::JsonLd,
      .published = {2014, 8, 21},
      .author = "Helen Brierley",
      .headline = "Shropshire hospitals trust told to improve A&E care",
      .standfirst = "Inspectors found long waits and crowded corridors at both of the county’s "
                    "main hospitals.",
      .insp_from = {2014, 4},
      .rel = Rel::ThisYear,
      .services = {"urgent-emergency", "medical-care"},
      .overall = kRI,
      .service_ratings = {{"urgent-emergency", kRI}},
      .body = {
          "The Shrewsbury and Telford Hospital NHS Trust, which runs the Royal Shrewsbury "
          "Hospital and the Princess Royal Hospital in Telford, has been rated {overall} by "
          "the Care Quality Commission (CQC).",
          "Inspectors visited both sites {inspected} and found that patients in A&E often "
          "waited for hours on trolleys before a bed could be found for them.",
          "The watchdog rated the A&E departments as requires improvement, saying staff were "
          "working under severe pressure but remained caring and professional.",
          "Problems with discharging patients meant beds on the medical wards were often "
          "full, causing delays further back through the hospital.",
          "The trust’s chief executive said a plan to improve the flow of patients had been "
          "agreed with local GPs and social care leaders, and that recruiting more emergency "
          "medicine consultants was a priority.",
          "The CQC said it would return to check on progress."},
  });

  out.push_back({
      .slug = "reducing-restrictive-practice",
      .trust = "RWK",
      .site = Site::TrustPage,
      .outlet = "East London NHS Foundation Trust",
      .meta = DateMeta::BylineOnly,
      .published = {2014, 11, 14},
      .headline = "Reducing restrictive practice: our progress so far",
      .standfirst = "Staff and service users are working together to cut the use of restraint "
                    "and seclusion on our wards.",
      .services = {"forensic-secure"},
      .body = {
          "{trust} began a programme this spring to reduce the use of restrictive practices, "
          "including physical restraint, rapid tranquillisation and seclusion, across its "
          "inpatient services.",
          "The work started on the secure wards at the John Howard Centre, where a team of "
          "nurses, psychologists and former patients looked at what happened in the hours "
          "before each incident.",
          "Early results are encouraging. The number of restraints on the pilot wards has "
          "fallen by almost a third, and staff say the approach has changed the atmosphere on "
          "the wards.",
          "One service user who helped design the programme said: “Being listened to when you "
          "are starting to struggle makes all the difference. A lot of incidents can be "
          "avoided if someone takes the time.”",
          "The programme will be extended to the trust’s other adult wards next year, "
          "supported by new training for all ward staff."},
  });

  out.push_back({
      .slug = "special-measures",
      .trust = "RMY",
      .site = Site::LocalPaper,
      .outlet = "Wensum Valley Courier",
      .meta = DateMeta::JsonLd,
      .published = {2015, 2, 12},
      .author = "Sarah Whitlock",
      .headline = "Norfolk and Suffolk mental health trust placed in special measures",
      .standfirst = "The region’s mental health provider is the first of its kind in England "
                    "to be given the inadequate rating.",
      .insp_from = {2014, 10},
      .rel = Rel::LastYear,
      .services = {"acute-wards-picu", "mh-crisis"},
      .overall = kInadequate,
      .service_ratings = {{"acute-wards-picu", kInadequate}},
      .body = {
          "{trust} has been placed in special measures after inspectors rated it {overall}, "
          "the lowest of the four possible ratings.",
          "The Care Quality Commission carried out its inspection {inspected}, visiting wards "
          "and community teams across both counties.",
          "Inspectors said the acute wards for adults were not safe, with too few staff on "
          "duty and patients sometimes sent to hospitals hundreds of miles away because no "
          "local bed was free. The acute wards were rated inadequate.",
          "They also raised concerns about the crisis teams, which they said could not always "
          "respond quickly enough to people in distress.",
          "The trust’s chief executive said the board accepted the findings and had already "
          "begun to act on them. “We are sorry that we have let down some of the people who "
          "rely on us,” he said. “We will work with staff, patients and families to put "
          "things right.”",
          "Campaigners, who have warned for two years that cuts to beds and community staff "
          "would put patients at risk, said the report proved their point."},
  });

  out.push_back({
      .slug = "rated-good-ligature-risks",
      .trust = "RX3",
      .site = Site::TradePub,
      .outlet = "Mental Health Nursing Today",
      .meta = DateMeta::Citation,
      .published = {2015, 7, 2},
      .author = "Priya Chandran",
      .headline = "North East mental health trust rated good but told to act on ligature risks",
      .standfirst = "Tees, Esk and Wear Valleys is praised for its learning culture and for "
                    "its wards for young people.",
      .insp_from = {2015, 1},
      .rel = Rel::ThisYear,
      .services = {"camhs-wards", "ld-autism-wards"},
      .overall = kGood,
      .service_ratings = {{"camhs-wards", kGood}, {"ld-autism-wards", kRI}},
      .body = {
          "{trust} has been rated {overall} overall by the Care Quality Commission following "
          "a comprehensive inspection {inspected}.",
          "Inspectors singled out the child and adolescent mental health wards, which were "
          "rated good, for the quality of their therapeutic programme and for the way staff "
          "involved families.",
          "However, the trust’s wards for people with learning disabilities were rated "
          "requires improvement, with inspectors concerned that some patients had stayed in "
          "hospital for years because of a lack of suitable community placements.",
          "The trust was also told to complete ligature risk assessments for every ward. A "
          "trust spokesperson said the work was well advanced and would be finished by the "
          "end of the summer.",
          "Nursing leaders said the report reflected years of investment in quality "
          "improvement training for frontline staff."},
  });

  out.push_back({
      .slug = "must-improve-say-inspectors",
      .trust = "RT5",
      .site = Site::LocalPaper,
      .outlet = "Soar Valley Herald",
      .meta = DateMeta::OpenGraph,
      .published = {2015, 8, 21},
      .author = "Tom Hargreaves",
      .headline = "Care watchdog finds failings at Leicestershire Partnership Trust",
      .standfirst = "Community hospitals in Rutland and the county were among the services "
                    "rated inadequate.",
      .insp_from = {2015, 3},
      .rel = Rel::ThisYear,
      .services = {"community-inpatients", "community-camhs"},
      .overall = kRI,
      .service_ratings = {{"community-inpatients", kInadequate}},
      .body = {
          "Leicestershire Partnership Trust, which runs mental health, learning disability and "
          "community health services across Leicester, Leicestershire and Rutland, has been "
          "rated {overall} by the Care Quality Commission.",
          "Inspectors visited {inspected} and published their findings today. The community "
          "hospitals, including Rutland Memorial Hospital in Oakham, were rated inadequate, "
          "largely because of a shortage of permanent nurses.",
          "The report also highlighted long waits for young people needing help from child "
          "and adolescent mental health services, with hundreds waiting for a first "
          "assessment.",
          "Staff were praised for their kindness, and inspectors said patients spoke highly of "
          "the care they received.",
          "The trust’s chief executive said: “We accept the report’s findings. Some of the "
          "actions needed are already complete, and we have a clear plan for the rest, which "
          "we will deliver with the support of our commissioners.”",
          "The trust will be inspected again once its improvement plan has had time to take "
          "effect."},
  });

  out.push_back({
      .slug = "out-of-special-measures",
      .trust = "RMY",
      .site = Site::Broadcaster,
      .outlet = "UK News Online",
      .meta = DateMeta::JsonLd,
      .published = {2016, 10, 20},
      .author = "Helen Brierley",
      .headline = "Mental health trust out of special measures",
      .standfirst = "Norfolk and Suffolk NHS Foundation Trust has been taken out of special "
                    "measures after inspectors found improvements.",
      .insp_from = {2016, 7},
      .rel = Rel::ThisYear,
      .services = {"acute-wards-picu"},
      .overall = kRI,
      .body = {
          "The trust, which was the first mental health trust in England to be placed in "
          "special measures, is now rated {overall}.",
          "Inspectors from the Care Quality Commission returned {inspected} and found that "
          "staffing on the acute wards had improved and that fewer patients were being sent "
          "out of the area for treatment.",
          "The trust’s chief executive said staff had worked incredibly hard and deserved "
          "credit for the progress, but acknowledged there was more to do.",
          "The CQC’s deputy chief inspector said the trust still needed to improve the way it "
          "managed waiting lists for its community services.",
          "A campaign group representing patients and families said it was cautiously pleased "
          "but would keep a close eye on the trust."},
  });

  out.push_back({
      .slug = "rated-good-first-full-inspection",
      .trust = "RXT",
      .site = Site::TradePub,
      .outlet = "Mental Health Nursing Today",
      .meta = DateMeta::OpenGraph,
      .published = {2016, 12, 8},
      .author = "James Okafor",
      .headline = "Birmingham mental health trust rated good after first full inspection",
      .standfirst = "Inspectors praise a new approach to reducing seclusion on the trust’s "
                    "psychiatric intensive care units.",
      .insp_from = {2016, 9},
      .services = {"acute-wards-picu"},
      .overall = kGood,
      .service_ratings = {{"acute-wards-picu", kGood}},
      .body = {
          "{trust} has been rated {overall} following an inspection by the Care Quality "
          "Commission {inspected}.",
          "Inspectors highlighted work on the PICU at the Oleaster Centre, where staff had "
          "redesigned the seclusion room and introduced a ‘safe space’ that patients could "
          "choose to use when they felt overwhelmed.",
          "The acute wards and psychiatric intensive care units were rated good, with "
          "inspectors noting that staff knew patients well and used restraint only when other "
          "approaches had failed.",
          "The report said the trust needed to do more to recruit permanent nurses, as some "
          "wards relied heavily on bank staff.",
          "The trust’s director of nursing said the rating reflected the commitment of staff "
          "across Birmingham and Solihull."},
  });
}

}  // namespace cqc::sample
