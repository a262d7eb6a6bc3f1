// Report specs: inspections in 2017-2019 (Norfolk and Suffolk, Leicestershire, Shrewsbury).
#include "data/sample/spec.hpp"

namespace cqc::sample {

void add_reports_b(std::vector<ReportSpec>& out) {
  out.push_back({
      .trust = "RMY",
      .address = address_of("RMY"),
      .from = {2017, 7, 10},
      .to = {2017, 7, 27},
      .style = VisitStyle::ShortMonths,
      .published = {2017, 10, 13},
      .overall = kInadequate,
      .questions = {kInadequate, kRI, kGood, kRI, kInadequate},
      .background = {
          "Norfolk and Suffolk NHS Foundation Trust provides mental health services for "
          "adults, older people, children and young people across the two counties. It "
          "employs about 4,000 staff.",
          "The trust was placed in special measures in February 2015 and left them in "
          "October 2016 after our inspectors found improvements."},
      .summary = {
          "Our rating of the trust went down. We rated it as inadequate because the "
          "improvements made since our previous inspection had not been sustained, and in "
          "several services the care provided was not safe.",
          "The board did not have a clear picture of the quality of care on its wards. Data "
          "about incidents, waiting lists and unexpected deaths was incomplete, and staff "
          "told us they did not believe their concerns reached senior leaders."},
      .sections = {
          {"acute-wards-picu", kInadequate,
           {"Patients were regularly admitted to beds outside the trust because none were "
            "available locally. On the day of our visit more than 30 adults were receiving "
            "inpatient care in other parts of the country, some of them hundreds of miles from "
            "their families.",
            "Wards were short of registered nurses, and on several night shifts a single "
            "qualified nurse was in charge of a ward of more than 20 patients. Staff did not "
            "always carry out observations as often as patients’ care plans required.",
            "The psychiatric intensive care unit at Woodlands in Ipswich was clean and well "
            "run, and staff there had a good understanding of each patient’s risks."}},
          {"community-mh-older", kRI,
           {"Teams supporting older people in the community carried high caseloads, and some "
            "people waited many weeks for a follow-up appointment after their first "
            "assessment. Staff prioritised those at greatest risk, but the trust did not "
            "monitor these waits centrally.",
            "Staff had good relationships with care homes and GPs and offered practical "
            "advice to carers."}},
          {"mh-crisis", kInadequate,
           {"The crisis service in Suffolk could not respond to every urgent referral on the "
            "same day. People told us they had called repeatedly without getting through, and "
            "records showed that some calls were not returned until the following morning.",
            "Places of safety were often closed because of staff shortages, which meant that "
            "people detained by police sometimes waited for many hours in unsuitable "
            "settings."}},
          {"community-camhs", kRI,
           {"Waiting times for young people needing specialist community treatment had grown "
            "since our last inspection. The trust had introduced a single point of access, "
            "but it was not yet working well and some referrals had been lost between teams.",
            "Clinicians were skilled, and young people valued the care they received once "
            "their treatment began."}}},
      .must_do = {
          "The trust must ensure that there are enough registered nurses on every ward and "
          "every shift.",
          "The trust must reduce the number of patients placed in beds outside the trust.",
          "The trust must ensure that the board receives accurate information about the "
          "quality and safety of services."},
  });

  out.push_back({
      .trust = "RT5",
      .address = address_of("RT5"),
      .from = {2017, 10, 2},
      .to = {2017, 12, 7},
      .style = VisitStyle::ShortMonths,
      .published = {2018, 3, 1},
      .overall = kRI,
      .questions = {kRI, kRI, kGood, kRI, kRI},
      .background = {
          "Leicestershire Partnership NHS Trust provides mental health, learning disability "
          "and community health services to people living in Leicester, Leicestershire and "
          "Rutland. It employs about 5,800 staff and has an annual budget of around £280 "
          "million."},
      .summary = {
          "Our rating of the trust stayed the same. We rated it as requires improvement. "
          "Since our previous comprehensive inspection in March 2015 the trust had removed "
          "all of its inadequate ratings, and we saw improvement in several services.",
          "Staff were caring, and patients spoke highly of the way they were treated. "
          "However, the trust still had work to do on staffing, on the environment of some "
          "mental health wards and on waiting times for some community services."},
      .sections = {
          {"acute-wards-picu", kRI,
           {"The Bradgate Mental Health Unit remained a difficult environment in which to "
            "provide safe care. Some bedrooms had fixtures that could be used as ligature "
            "points, and the trust’s plans to replace them were behind schedule.",
            "Seclusion was not always recorded in line with the Mental Health Act Code of "
            "Practice. In four of the eleven seclusion records we reviewed, nursing reviews "
            "were missing or unsigned, and one patient had been secluded for longer than the "
            "records could account for.",
            "Patients told us staff were respectful and that ward activities had improved "
            "since new occupational therapists had been appointed."}},
          {"community-adults", kGood,
           {"The community health services for adults had improved, and we rated them as "
            "good. District nursing teams used electronic scheduling to manage their visits "
            "and could show how they prioritised patients with urgent needs.",
            "Staff had access to specialist advice on tissue viability, continence and "
            "diabetes, and patients said staff explained their care clearly."}},
          {"community-inpatients", kRI,
           {"The community hospitals had made progress on staffing, although reliance on "
            "temporary nurses remained high at some sites. Patients received physiotherapy "
            "and occupational therapy to help them regain independence before going home.",
            "Records of hourly checks were incomplete on two wards, and there was no "
            "consistent approach to checking patients at risk of dehydration."}},
          {"community-camhs", kRI,
           {"The number of young people waiting for an assessment had fallen, but many were "
            "still waiting longer than the trust’s own target. The service contacted families "
            "on the waiting list to check whether their needs had changed.",
            "Young people we spoke with said clinicians listened to them and helped them set "
            "goals."}}},
      .must_do = {
          "The trust must ensure that seclusion is recorded and reviewed in line with the "
          "Mental Health Act Code of Practice.",
          "The trust must continue to remove ligature risks from its acute mental health "
          "wards.",
          "The trust must reduce waiting times for specialist mental health assessments for "
          "young people."},
  });

  out.push_back({
      .trust = "RXW",
      .address = address_of("RXW"),
      .from = {2018, 8, 28},
      .to = {2018, 9, 20},
      .style = VisitStyle::LongNoFirstYear,
      .published = {2019, 4, 8},
      .overall = kInadequate,
      .questions = {kInadequate, kRI, kGood, kInadequate, kInadequate},
      .background = {
          "The Shrewsbury and Telford Hospital NHS Trust provides acute hospital services for "
          "around half a million people in Shropshire, Telford and Wrekin and mid Wales. Its "
          "two main sites are the Royal Shrewsbury Hospital and the Princess Royal Hospital "
          "in Telford."},
      .summary = {
          "Our rating of the trust went down. We rated it as inadequate because of serious "
          "concerns about the safety of patients in the emergency department at each "
          "hospital and about the ability of leaders to resolve long-standing problems.",
          "We took enforcement action during the inspection and imposed conditions on the "
          "trust’s registration, requiring it to improve how it assessed patients on "
          "arrival."},
      .sections = {
          {"urgent-emergency", kInadequate,
           {"Patients waited too long to be assessed when they arrived. On the first day of "
            "our visit some patients brought by ambulance waited more than an hour before a "
            "clinician saw them, and there was no reliable system for spotting those whose "
            "condition was getting worse.",
            "The departments were crowded and there was not enough space to care for patients "
            "with dignity. Patients were cared for on trolleys in corridors, sometimes "
            "overnight.",
            "Nurse staffing fell below safe levels on many shifts, and there were not enough "
            "doctors with the skills to treat children at the Royal Shrewsbury Hospital."}},
          {"medical-care", kRI,
           {"The medical wards were busy, and patients were often moved between wards at "
            "night to free beds. Staff did not always complete sepsis screening for patients "
            "with signs of infection.",
            "Staff were kind and worked hard to maintain standards. The frailty team had "
            "reduced the time older patients spent in hospital."}},
          {"maternity", kRI,
           {"Midwives told us staffing was stretched, and the trust did not always meet its "
            "planned ratio of midwives to births. Training in fetal monitoring was below the "
            "trust’s target for both midwives and doctors.",
            "Women we spoke with were positive about the care they received on the "
            "midwife-led units, and infection control practice was good."}},
          {"children-young-people", kGood,
           {"Children and families were positive about the care on the children’s ward at "
            "the Princess Royal Hospital. Play specialists helped children prepare for "
            "procedures, and the ward was bright and welcoming.",
            "Staff followed national guidance, and the service took part in national audits, "
            "with results similar to those of other hospitals."}}},
      .must_do = {
          "The trust must ensure that patients arriving at the emergency department are "
          "assessed by a suitably qualified clinician within 15 minutes.",
          "The trust must ensure that there are enough nursing and medical staff with the "
          "right skills in urgent and emergency care.",
          "The trust must improve the completion of mandatory training in fetal monitoring."},
  });

  out.push_back({
      .trust = "RT5",
      .address = address_of("RT5"),
      .from = {2019, 6, 6},
      .style = VisitStyle::Single,
      .published = {2019, 9, 13},
      .overall = kRI,
      .questions = {kRI, kGood, kGood, kRI, kRI},
      .background = {
          "Leicestershire Partnership NHS Trust provides mental health, learning disability "
          "and community health services across Leicester, Leicestershire and Rutland.",
          "This was an unannounced focused inspection to follow up the warning notice we "
          "served after our comprehensive inspection in November 2018. We looked at specific "
          "concerns in three core services and did not inspect every key question for each."},
      .summary = {
          "The trust had made significant progress since our last inspection. Most "
          "maintenance problems on the wards had been fixed, a new system for reporting "
          "repairs was in place, and medicines were managed safely in all of the areas we "
          "visited.",
          "The overall rating for the trust remains requires improvement. Some improvements "
          "were at an early stage and needed more time to become embedded."},
      .sections = {
          {"acute-wards-picu", kRI,
           {"At the Bradgate Mental Health Unit the environment had improved, with "
            "refurbished bathrooms and a new process for reporting repairs. However, some "
            "patients continued to leave the unit to smoke, and staff did not consistently "
            "apply the trust’s smoke-free policy.",
            "The seclusion rooms had been upgraded and now had two-way intercoms and a clock "
            "the patient could see. Seclusion paperwork was more complete than at our last "
            "inspection, but medical reviews were still sometimes recorded late."}},
          {"older-people-wards", kGood,
           {"On the wards for older people at Stewart House and the Willows, dedicated "
            "physical health nurses had been recruited, and patients’ physical observations "
            "were recorded reliably.",
            "Staff assessed patients’ nutrition and hydration needs and acted when a patient "
            "lost weight."}},
          {"community-camhs", kRI,
           {"The number of children and young people waiting for a first appointment had "
            "fallen substantially, and no young person had waited longer than the trust’s "
            "maximum agreed time when we visited.",
            "The service had recruited more clinicians and now contacted every family on the "
            "waiting list each month."}}},
      .must_do = {
          "The trust must ensure that medical reviews of seclusion take place and are "
          "recorded within the timescales in the Mental Health Act Code of Practice.",
          "The trust must continue to improve the environment of the Bradgate Mental Health "
          "Unit."},
  });
}

}  // namespace cqc::sample
