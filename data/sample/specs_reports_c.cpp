// Report specs: inspections in 2019-2021 (Birmingham and Solihull, CNWL, Shrewsbury, TEWV).
#include "data/sample/spec.hpp"

namespace cqc::sample {

void add_reports_c(std::vector<ReportSpec>& out) {
  out.push_back({
      .trust = "RXT",
      .address = address_of("RXT"),
      .from = {2019, 3, 12},
      .to = {2019, 3, 14},
      .style = VisitStyle::DashSameMonth,
      .published = {2019, 7, 5},
      .overall = kGood,
      .questions = {kRI, kGood, kGood, kGood, kGood},
      .background = {
          "Birmingham and Solihull Mental Health NHS Foundation Trust provides mental health "
          "services to a population of about 1.3 million people in Birmingham and Solihull, "
          "along with specialist services for a wider area. It employs around 4,000 staff and "
          "runs services from more than 40 sites, including the Oleaster Centre, Mary Seacole "
          "House and the Reaside Clinic."},
      .summary = {
          "Our rating of the trust stayed the same. We rated it as good. Patients described "
          "staff as kind and respectful, and the trust had a clear strategy that staff at "
          "all levels understood.",
          "We rated safe as requires improvement. Some wards did not have enough permanent "
          "staff, and the quality of risk assessments in the trust’s forensic services was "
          "inconsistent."},
      .sections = {
          {"acute-wards-picu", kGood,
           {"The acute wards at the Oleaster Centre were clean, bright and well maintained. "
            "Staff completed thorough risk assessments on admission and updated them after "
            "every incident.",
            "Staff on the psychiatric intensive care unit used de-escalation well, and the use "
            "of restraint had fallen over the previous twelve months. When seclusion was "
            "used, staff followed the trust’s policy, and records showed regular nursing and "
            "medical reviews."}},
          {"forensic-secure", kRI,
           {"At the Reaside Clinic staffing shortages meant that escorted leave and "
            "activities were cancelled more often than patients expected. Patients told us "
            "this left them frustrated and bored.",
            "One seclusion room had a damaged observation panel that had not been repaired "
            "for several weeks, so staff had to stand in the doorway to observe the patient. "
            "We raised this with the trust, and it was repaired before the end of our "
            "inspection.",
            "Patients could take up education and work opportunities on site, and the "
            "occupational therapy team ran a popular horticulture project."}},
          {"community-mh-adults", kGood,
           {"Community teams had reduced their waiting lists and now saw most new referrals "
            "within four weeks. Care coordinators had manageable caseloads and met regularly "
            "with psychiatrists to review people with complex needs.",
            "People we spoke with said their care coordinators were easy to contact and "
            "helped them with housing and benefits as well as with their mental health."}}},
      .must_do = {
          "The trust must ensure that seclusion facilities are kept in good repair and that "
          "faults are fixed promptly.",
          "The trust must ensure that its forensic wards are staffed so that patients’ "
          "escorted leave and activities go ahead as planned."},
  });

  out.push_back({
      .trust = "RV3",
      .address = address_of("RV3"),
      .from = {2019, 10, 8},
      .to = {2019, 11, 14},
      .style = VisitStyle::LongFull,
      .published = {2020, 1, 22},
      .overall = kGood,
      .questions = {kGood, kGood, kOutstanding, kGood, kGood},
      .background = {
          "Central and North West London NHS Foundation Trust provides mental health, "
          "community health and learning disability services to a population of about three "
          "million people across London, Milton Keynes and other parts of the south of "
          "England. It also provides health care in a number of prisons."},
      .summary = {
          "Our rating of the trust stayed the same. We rated it as good. We rated caring as "
          "outstanding because staff consistently went beyond what was expected to make sure "
          "patients were treated as individuals.",
          "Leaders were visible, approachable and open about the challenges the trust faced, "
          "including high demand for beds in London and the difficulty of recruiting nurses."},
      .sections = {
          {"community-adults", kGood,
           {"Community nurses and therapists in Milton Keynes and the London boroughs worked "
            "well with GPs and social workers. Staff triaged new referrals daily and saw "
            "urgent cases within two hours.",
            "Some teams had high vacancy rates, but managers used bank staff who knew the "
            "area and monitored the number of missed visits."}},
          {"end-of-life", kOutstanding,
           {"The specialist palliative care team was highly regarded by patients, families "
            "and other professionals. Staff supported people to die in the place of their "
            "choosing, and the proportion who did so was well above the national average.",
            "Bereaved relatives described the care their family member received as "
            "exceptional. The team had set up a bereavement service in partnership with "
            "local charities."}},
          {"ld-autism-wards", kGood,
           {"The learning disability wards had a calm, homely atmosphere. Staff used positive "
            "behaviour support plans and knew how each patient communicated distress.",
            "Patients had clear discharge plans, and the trust worked with commissioners to "
            "find community placements so that nobody stayed in hospital longer than "
            "necessary."}}},
      .must_do = {
          "The trust must ensure that all community staff complete safeguarding adults "
          "training at the required level."},
  });

  out.push_back({
      .trust = "RXW",
      .address = address_of("RXW"),
      .from = {2021, 3, 9},
      .to = {2021, 3, 10},
      .style = VisitStyle::LongFull,
      .published = {2021, 7, 14},
      .overall = kInadequate,
      .questions = {kInadequate, kRI, kGood, kRI, kInadequate},
      .background = {
          "The Shrewsbury and Telford Hospital NHS Trust has been in special measures since "
          "November 2018. This was a focused inspection of two services about which we "
          "continued to receive information of concern."},
      .summary = {
          "We carried out this unannounced focused inspection because of continuing concerns "
          "about the safety of women, babies and patients arriving in an emergency. We did "
          "not rate every key question, and the overall rating for the trust remains "
          "inadequate."},
      .sections = {
          {"maternity", kRI,
           {"Leaders in the maternity service had introduced a new governance structure and "
            "an improvement plan, and staff told us the culture was beginning to change. "
            "Incidents were reviewed every week, and learning was shared at daily safety "
            "huddles.",
            "However, the service still struggled to recruit enough midwives, and checks of "
            "emergency equipment on the delivery suite were sometimes missed."}},
          {"urgent-emergency", kInadequate,
           {"In the emergency department at the Princess Royal Hospital, patients continued "
            "to wait too long for their initial assessment. Ambulance handovers were often "
            "delayed, and some patients waited in ambulances outside the department.",
            "Staff were committed, but many told us they were exhausted and did not feel able "
            "to give the care they wanted to give."}}},
      .must_do = {
          "The trust must ensure that patients in the emergency department receive a timely "
          "initial assessment.",
          "The trust must ensure that emergency equipment on the delivery suite is checked "
          "every day."},
  });

  out.push_back({
      .trust = "RX3",
      .address = address_of("RX3"),
      .from = {2021, 7, 13},
      .to = {2021, 9, 1},
      .style = VisitStyle::LongNoFirstYear,
      .published = {2021, 12, 16},
      .overall = kRI,
      .questions = {kInadequate, kRI, kGood, kRI, kRI},
      .background = {
          "Tees, Esk and Wear Valleys NHS Foundation Trust provides mental health, learning "
          "disability and autism services across County Durham, Darlington, Teesside, North "
          "Yorkshire, York and Selby. It has around 7,000 staff and more than 50 inpatient "
          "wards."},
      .summary = {
          "Our rating of the trust went down. We rated it as requires improvement. We carried "
          "out this inspection in response to concerns about the safety of young people and "
          "adults on the trust’s wards, including after the deaths of several patients.",
          "Leaders were open about the scale of the challenge and had begun a major programme "
          "of change, but it had not yet made a difference to patients on many of the wards "
          "we visited."},
      .sections = {
          {"camhs-wards", kInadequate,
           {"On the child and adolescent mental health wards, staff did not always manage "
            "risks to young people well. Observation records had gaps, and incidents of "
            "self-harm were not always followed by a review of the young person’s care plan.",
            "Young people were sometimes secluded in rooms that were not designed for that "
            "purpose, and staff did not consistently record these episodes as seclusion. This "
            "meant the safeguards in the Mental Health Act Code of Practice were not applied.",
            "Staff were caring, and young people told us most staff tried hard to help them, "
            "but frequent use of agency staff made it hard to build trusting relationships."}},
          {"forensic-secure", kRI,
           {"At Roseberry Park the secure wards had enough staff on most shifts, but patients’ "
            "leave was sometimes cancelled at short notice. The building needed repairs in "
            "several areas.",
            "Staff were skilled in working with patients with complex needs and involved them "
            "in their risk assessments."}},
          {"acute-wards-picu", kRI,
           {"The acute wards were busy and bed occupancy was high. Staff managed risks on "
            "admission well, but care plans were often generic and did not reflect patients’ "
            "own views.",
            "The seclusion room on the psychiatric intensive care unit at West Park Hospital "
            "met the required standards, and the records we reviewed showed that reviews had "
            "taken place on time."}}},
      .must_do = {
          "The trust must ensure that any episode in which a young person is isolated from "
          "others is recognised and recorded as seclusion, with all the required safeguards.",
          "The trust must ensure that observations are carried out and recorded as "
          "prescribed.",
          "The trust must ensure that care plans are personalised and reflect patients’ "
          "views."},
  });
}

}  // namespace cqc::sample
