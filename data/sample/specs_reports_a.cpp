// Report specs: inspections in 2014-2016 (older "core service" wording, legacy = true).
#include "data/sample/spec.hpp"

namespace cqc::sample {

void add_reports_a(std::vector<ReportSpec>& out) {
  out.push_back({
      .trust = "RMY",
      .address = address_of("RMY"),
      .from = {2014, 10, 20},
      .to = {2014, 10, 24},
      .style = VisitStyle::DashSameMonth,
      .published = {2015, 2, 12},
      .overall = kInadequate,
      .questions = {kInadequate, kRI, kGood, kRI, kInadequate},
      .legacy = true,
      .background = {
          "Norfolk and Suffolk NHS Foundation Trust provides mental health and learning "
          "disability services across Norfolk and Suffolk, serving a population of about 1.6 "
          "million people. It was formed in 2012 by bringing together the mental health "
          "services of the two counties.",
          "The trust employs around 4,000 staff. Its inpatient services are based at sites "
          "including Hellesdon Hospital in Norwich, Northgate Hospital in Great Yarmouth and "
          "Woodlands in Ipswich, and its community teams work across both counties."},
      .summary = {
          "We rated Norfolk and Suffolk NHS Foundation Trust as inadequate overall. Staff were "
          "caring and patients valued the support they received, but we found serious "
          "concerns about safety on several wards and about how well the board understood "
          "and managed risk.",
          "The trust had recently introduced a new model of care that reduced the number of "
          "beds and reorganised its community teams. Staff in many services told us the "
          "changes had been rushed, that caseloads had risen sharply and that morale was low. "
          "Patients were sometimes admitted to beds far from home because no local bed was "
          "available.",
          "We have recommended that the trust be placed in special measures."},
      .sections = {
          {"acute-wards-picu", kInadequate,
           {"Several wards contained fixtures that patients could use as ligature points, and "
            "the risk assessments for these environments were out of date. On two wards the "
            "layout meant staff could not see all parts of the corridor from the nursing "
            "office, and nothing had been done to reduce this risk.",
            "The seclusion room on one ward did not meet the standards in the Mental Health "
            "Act Code of Practice. It had no clock, the toilet could not be screened from view "
            "and staff could not always observe the patient clearly. Records showed that "
            "patients had been secluded without medical reviews taking place within the "
            "expected time.",
            "Bed occupancy on the acute wards was regularly above 100 per cent because the "
            "beds of patients on leave were used for new admissions. When patients returned "
            "from leave there was sometimes no bed for them, and some were moved to other "
            "wards late at night."}},
          {"older-people-wards", kRI,
           {"The wards for older people were clean and well maintained, and staff had used "
            "signs and colours to help patients living with dementia find their way around. "
            "Patients told us they enjoyed the activities on offer.",
            "However, staff did not always record the physical health checks patients needed "
            "after rapid tranquillisation, and there were gaps in the monitoring of what "
            "patients ate and drank."}},
          {"community-mh-adults", kRI,
           {"Community mental health teams held waiting lists for care coordination, and some "
            "people had waited more than three months for an allocated worker. The teams had "
            "no consistent way of checking on people while they waited.",
            "Staff were committed and knowledgeable, and people praised the time staff took "
            "to listen to them. Caseloads varied widely between teams; some care coordinators "
            "were responsible for more than 50 people."}},
          {"mh-crisis", kRI,
           {"The crisis teams responded to most urgent referrals within four hours, but out of "
            "hours they relied heavily on staff borrowed from other services. The place of "
            "safety in Norwich was often unavailable because it was being used for patients "
            "waiting for a bed.",
            "Staff worked well with police and ambulance colleagues, and joint training had "
            "reduced the number of people taken to police cells under section 136 of the "
            "Mental Health Act."}}},
      .must_do = {
          "The trust must ensure that seclusion facilities meet the Mental Health Act Code of "
          "Practice and that seclusion is reviewed at the required intervals.",
          "The trust must ensure that ligature risks on its acute wards are assessed and that "
          "action is taken to reduce them.",
          "The trust must ensure that there are enough suitably qualified staff on each shift."},
  });

  out.push_back({
      .trust = "RT5",
      .address = address_of("RT5"),
      .from = {2015, 3, 9},
      .to = {2015, 3, 13},
      .style = VisitStyle::LongFull,
      .published = {2015, 8, 21},
      .overall = kRI,
      .questions = {kRI, kRI, kGood, kRI, kRI},
      .legacy = true,
      .background = {
          "Leicestershire Partnership NHS Trust provides mental health, learning disability "
          "and community health services for about one million people living in Leicester, "
          "Leicestershire and Rutland. Its services are delivered from more than 100 sites, "
          "including the Bradgate Mental Health Unit in Glenfield and health centres across "
          "the three local authority areas.",
          "The trust has around 6,000 staff and an annual income of about £270 million."},
      .summary = {
          "We rated Leicestershire Partnership NHS Trust as requires improvement overall. "
          "Staff across the trust were kind and committed, and patients and carers were "
          "mostly positive about their care. However, we found significant problems in some "
          "services, particularly with staffing, the safety of ward environments and waiting "
          "times.",
          "This was our first comprehensive inspection of the trust under our new approach. "
          "We inspected all of the trust’s core services; this report describes four of them "
          "in detail."},
      .sections = {
          {"community-inpatients", kInadequate,
           {"Several community hospital wards relied heavily on temporary staff. At Rutland "
            "Memorial Hospital in Oakham more than a fifth of nursing shifts in the previous "
            "three months had been covered by bank or agency nurses, and some shifts were "
            "left short.",
            "Patients at risk of falls did not always have a falls assessment, and pressure "
            "ulcer risk assessments were not repeated when a patient’s condition changed. "
            "Checks of resuscitation equipment had been missed on a number of days.",
            "Staff were caring and patients told us nurses and therapists treated them with "
            "respect. Discharge planning began on admission, but delays in arranging care "
            "packages meant some patients stayed longer than they needed to."}},
          {"acute-wards-picu", kRI,
           {"The acute wards at the Bradgate Mental Health Unit had a number of blind spots and "
            "ligature points. Staff knew about these and managed them through observation, "
            "but the environmental risk assessments had not been updated for over a year.",
            "Patients could take part in a range of therapeutic activities, and occupational "
            "therapists ran sessions on every ward. Patients on the psychiatric intensive "
            "care unit told us staff were calm and respectful when they were distressed."}},
          {"community-camhs", kRI,
           {"Young people and families waited too long for treatment. At the time of our "
            "inspection more than 400 children and young people were waiting for an "
            "assessment, and some had waited over a year.",
            "Once young people were seen, the care they received was good. Clinicians used "
            "recognised outcome measures and involved families in planning care."}},
          {"community-adults", kGood,
           {"Community nursing and therapy teams provided safe and effective care to adults "
            "in their own homes. Staff followed national guidance, assessed risks well and "
            "had good links with GPs.",
            "Patients spoke warmly about district nurses, describing them as reliable and "
            "thorough."}}},
      .must_do = {
          "The trust must ensure that its community hospital wards have enough suitably "
          "skilled nursing staff on every shift.",
          "The trust must reduce waiting times for young people referred for a specialist "
          "mental health assessment.",
          "The trust must review and update the environmental risk assessments for its acute "
          "mental health wards."},
  });

  out.push_back({
      .trust = "RX3",
      .address = address_of("RX3"),
      .from = {2015, 1, 19},
      .to = {2015, 1, 23},
      .style = VisitStyle::LongNoFirstYear,
      .published = {2015, 6, 30},
      .overall = kGood,
      .questions = {kRI, kGood, kGood, kGood, kGood},
      .legacy = true,
      .background = {
          "Tees, Esk and Wear Valleys NHS Foundation Trust provides mental health and learning "
          "disability services to around two million people living in County Durham, "
          "Darlington, Teesside and much of North Yorkshire.",
          "It runs inpatient services from hospitals including Roseberry Park in "
          "Middlesbrough, West Park Hospital in Darlington and Lanchester Road Hospital in "
          "Durham, and employs about 6,000 staff."},
      .summary = {
          "We rated Tees, Esk and Wear Valleys NHS Foundation Trust as good overall. Services "
          "were caring and well led, and there was a strong culture of learning and quality "
          "improvement across the trust.",
          "We rated the trust as requires improvement for safety because some ward "
          "environments had not been fully assessed for ligature risks and, on a small number "
          "of wards, staffing did not always match the planned numbers."},
      .sections = {
          {"camhs-wards", kGood,
           {"The child and adolescent mental health wards at West Lane Hospital in "
            "Middlesbrough provided a structured programme of therapy and education. Young "
            "people attended the hospital school each weekday and could keep up with their "
            "studies.",
            "Staff worked closely with families. Parents told us they were kept informed and "
            "could visit when they wished. Staff used de-escalation techniques well, and the "
            "use of physical restraint had fallen over the previous year."}},
          {"ld-autism-wards", kRI,
           {"On the learning disability wards, behaviour support plans were detailed and "
            "written in a way that helped staff understand each patient. Patients’ "
            "communication needs were met through pictures and easy read information.",
            "However, some patients had stayed on the wards for many years and their discharge "
            "plans were vague. Staff told us that a lack of suitable community placements was "
            "the main barrier, but the trust had not raised these delays with commissioners in "
            "a consistent way."}},
          {"older-people-wards", kGood,
           {"The wards for older people were calm and well organised. Staff assessed patients’ "
            "physical health on admission and worked with the falls team to reduce injuries. "
            "Carers told us they felt welcome and involved."}},
          {"community-mh-older", kGood,
           {"Community teams for older people offered memory assessments within the national "
            "target and gave clear information to people newly diagnosed with dementia.",
            "Staff carried out regular reviews and made good use of psychological therapies "
            "adapted for older adults."}}},
      .must_do = {
          "The trust must ensure that ligature risk assessments are completed for every ward "
          "and that identified risks are acted upon.",
          "The trust must ensure that delays to the discharge of patients from its learning "
          "disability wards are escalated and monitored."},
  });

  out.push_back({
      .trust = "RWK",
      .address = address_of("RWK"),
      .from = {2016, 6, 13},
      .to = {2016, 6, 17},
      .style = VisitStyle::DashSameMonth,
      .published = {2016, 9, 15},
      .overall = kOutstanding,
      .questions = {kGood, kGood, kOutstanding, kGood, kOutstanding},
      .legacy = true,
      .background = {
          "East London NHS Foundation Trust provides mental health and community health "
          "services to people in the London boroughs of City and Hackney, Newham and Tower "
          "Hamlets, and in Luton and Bedfordshire. It also provides forensic services for "
          "north east London from the John Howard Centre and Wolfson House.",
          "The trust serves a population of around 1.5 million and employs about 5,000 staff."},
      .summary = {
          "We rated East London NHS Foundation Trust as outstanding overall. Leaders had "
          "created an open culture in which staff at every level were encouraged to test "
          "ideas for improvement, and the trust’s quality improvement programme had produced "
          "measurable benefits for patients.",
          "Patients and carers were involved in running the trust in meaningful ways, from "
          "sitting on interview panels to designing training. We saw many examples of staff "
          "going the extra mile."},
      .sections = {
          {"forensic-secure", kOutstanding,
           {"The secure wards at the John Howard Centre had a strong focus on recovery. "
            "Patients had individual timetables that included work, education and leisure, "
            "and a patient-run café gave people experience of paid employment.",
            "The trust had reduced the use of seclusion and long-term segregation through a "
            "project led jointly by staff and patients. Each episode of seclusion was reviewed "
            "by the multidisciplinary team on the next working day, and the records we checked "
            "were complete.",
            "Relational security was well understood. Staff knew patients well and could "
            "describe the early warning signs for each person."}},
          {"community-mh-adults", kGood,
           {"Community mental health teams in Newham and Tower Hamlets saw new referrals "
            "promptly and offered a range of psychological therapies. Teams met daily to "
            "discuss people whose risks had increased.",
            "Some teams had vacancies for psychologists, which meant waits for specialist "
            "therapies were longer than the trust wanted."}},
          {"community-children", kOutstanding,
           {"Health visitors and school nurses worked in close partnership with children’s "
            "centres and local authority services. The service had found new ways to reach "
            "families who did not usually engage, including drop-in sessions held in "
            "community languages.",
            "Feedback from parents was overwhelmingly positive. One mother told us the health "
            "visiting team had “made all the difference” during a difficult first year."}}},
      .must_do = {
          "The trust must ensure that staff in community teams record the outcome of risk "
          "assessments consistently."},
  });
}

}  // namespace cqc::sample
