// Report specs: inspections in 2022-2025 (Norfolk and Suffolk, ELFT, Birmingham, CNWL).
#include "data/sample/spec.hpp"

namespace cqc::sample {

void add_reports_d(std::vector<ReportSpec>& out) {
  out.push_back({
      .trust = "RMY",
      .address = address_of("RMY"),
      .from = {2022, 10, 4},
      .to = {2022, 11, 10},
      .style = VisitStyle::ShortMonths,
      .published = {2023, 2, 21},
      .overall = kInadequate,
      .questions = {kInadequate, kRI, kRI, kInadequate, kInadequate},
      .background = {
          "Norfolk and Suffolk NHS Foundation Trust is the main provider of mental health "
          "services in Norfolk and Suffolk. It has been in special measures for much of the "
          "period since 2015."},
      .summary = {
          "Our rating of the trust stayed the same. We rated it as inadequate. Although there "
          "had been some improvements, particularly in the leadership of the inpatient "
          "wards, people who used community services still faced long waits, and risks were "
          "not managed well while they waited.",
          "The trust did not have accurate information about the number of people who had "
          "died while in its care, and its processes for learning from deaths were not "
          "effective."},
      .sections = {
          {"acute-wards-picu", kRI,
           {"Ward environments at Hellesdon Hospital and Woodlands had improved, and the trust "
            "had reduced the number of patients placed out of area. Staff on the acute wards "
            "knew patients well and worked hard to keep them safe.",
            "Seclusion was used appropriately, but on two wards staff did not always complete "
            "the seclusion care plan, and one seclusion room had no working intercom."}},
          {"community-mh-adults", kInadequate,
           {"Thousands of people were waiting for an assessment or for treatment from "
            "community teams, and the trust did not know the level of risk for many of them. "
            "Some people had waited more than a year.",
            "Caseloads were very high, and staff described feeling overwhelmed. Several teams "
            "had more than a third of their posts vacant."}},
          {"mh-crisis", kRI,
           {"The crisis teams answered most calls promptly and offered home treatment as an "
            "alternative to admission. However, the health-based places of safety were "
            "sometimes unavailable because of gaps in staffing."}},
          {"community-camhs", kInadequate,
           {"Children and young people waited too long for assessment and treatment. Staff "
            "did not consistently review risks for young people on the waiting list, and some "
            "families told us they had not heard from the service for months.",
            "Clinicians were committed and caring, and the eating disorder pathway met "
            "national standards for urgent cases."}}},
      .must_do = {
          "The trust must ensure that it knows and manages the risks of everyone waiting for "
          "community mental health care.",
          "The trust must ensure that seclusion care plans are completed and that seclusion "
          "rooms are fit for use.",
          "The trust must ensure that its data on the deaths of patients is accurate and "
          "complete."},
  });

  out.push_back({
      .trust = "RWK",
      .address = address_of("RWK"),
      .from = {2023, 3, 7},
      .to = {2023, 3, 30},
      .style = VisitStyle::LongNoFirstYear,
      .published = {2023, 7, 12},
      .overall = kGood,
      .questions = {kGood, kGood, kGood, kGood, kOutstanding},
      .background = {
          "East London NHS Foundation Trust provides mental health and community health "
          "services across east London, Bedfordshire and Luton, and specialist services for "
          "a wider population. It employs more than 6,000 staff."},
      .summary = {
          "Our rating of the trust went down. We rated it as good. The trust continued to "
          "provide high-quality care in many services, and its approach to quality "
          "improvement remained a model for others.",
          "However, some services had not fully recovered from the pressures of the "
          "pandemic, and waiting lists for some community therapies had grown."},
      .sections = {
          {"community-adults", kGood,
           {"Community health services for adults in Bedfordshire and Tower Hamlets responded "
            "quickly to urgent referrals, including through a rapid response service that "
            "helped people avoid a hospital admission.",
            "Waiting lists for some therapies, such as musculoskeletal physiotherapy, were "
            "long, but the service reviewed people regularly while they waited."}},
          {"community-inpatients", kGood,
           {"The community inpatient unit at Mile End Hospital provided rehabilitation for "
            "adults recovering from illness or injury. Patients had clear goals, and "
            "therapists worked with them every day.",
            "Staff completed falls and pressure area assessments on admission and repeated "
            "them each week."}},
          {"mh-crisis", kOutstanding,
           {"The crisis service had opened a crisis house in partnership with a local charity, "
            "offering a calm alternative to hospital admission. People who had stayed there "
            "spoke very highly of it.",
            "The service worked closely with the police, and a mental health nurse joined "
            "officers on patrol on weekend evenings."}}},
      .must_do = {
          "The trust must ensure that people waiting for community therapy are reviewed in "
          "line with its waiting list policy."},
  });

  out.push_back({
      .trust = "RXT",
      .address = address_of("RXT"),
      .from = {2024, 1, 23},
      .to = {2024, 1, 25},
      .style = VisitStyle::EnDashSameMonth,
      .published = {2024, 5, 9},
      .overall = kRI,
      .questions = {kRI, kRI, kGood, kRI, kRI},
      .background = {
          "Birmingham and Solihull Mental Health NHS Foundation Trust provides inpatient, "
          "community and specialist mental health services for people in Birmingham and "
          "Solihull and, for some services, a wider area of the West Midlands."},
      .summary = {
          "Our rating of the trust went down. We rated it as requires improvement. Staff "
          "shortages and high demand for beds were affecting the safety and quality of care "
          "on some wards.",
          "The trust’s leaders understood the challenges and had plans to address them, and "
          "staff spoke positively about recent changes in the executive team."},
      .sections = {
          {"acute-wards-picu", kRI,
           {"The acute wards were often full, and patients sometimes slept on other wards on "
            "the night they were admitted. Staff did not always complete a full physical "
            "health check within 24 hours of admission.",
            "Staff on the psychiatric intensive care units used restraint and seclusion only "
            "as a last resort, but debriefs with patients afterwards were not consistently "
            "offered or recorded."}},
          {"long-stay-rehab", kRI,
           {"The rehabilitation wards offered a range of activities to help patients develop "
            "daily living skills. However, some patients had been on the wards for several "
            "years without a clear plan for moving on.",
            "Staff involved patients in planning their care, and patients told us they felt "
            "listened to."}},
          {"mh-crisis", kGood,
           {"The crisis teams provided a responsive service, with a telephone line open day "
            "and night and a home treatment option. The places of safety in Birmingham were "
            "well staffed and rarely closed.",
            "People told us crisis staff were calm, kind and practical."}}},
      .must_do = {
          "The trust must ensure that patients receive a physical health check within 24 "
          "hours of admission.",
          "The trust must ensure that patients are offered a debrief after restraint or "
          "seclusion."},
  });

  out.push_back({
      .trust = "RV3",
      .address = address_of("RV3"),
      .from = {2025, 2, 3},
      .to = {2025, 3, 6},
      .style = VisitStyle::LongFull,
      .published = {2025, 6, 18},
      .overall = kGood,
      .questions = {kGood, kGood, kGood, kRI, kGood},
      .background = {
          "Central and North West London NHS Foundation Trust provides mental health, "
          "community health and learning disability services across London, Milton Keynes "
          "and beyond, for a population of more than three million people."},
      .summary = {
          "Our rating of the trust stayed the same. We rated it as good. This inspection "
          "looked at three core services that had not been rated for some years, together "
          "with a review of how well the trust is led.",
          "Staff were proud to work for the trust and felt supported by their managers. The "
          "trust had a strong focus on reducing health inequalities and had made progress "
          "in recruiting staff from the communities it serves."},
      .sections = {
          {"forensic-secure", kGood,
           {"The secure wards at the trust’s forensic unit in west London were well led and "
            "had a stable staff team. Patients’ risk assessments were thorough and were "
            "reviewed at each care programme approach meeting.",
            "The use of seclusion had fallen over the previous two years. Staff recorded each "
            "episode fully, and patients were offered a debrief after they left seclusion."}},
          {"community-camhs", kRI,
           {"Children and young people waited too long for some treatments, especially for "
            "assessments for neurodevelopmental conditions, where waits often exceeded two "
            "years.",
            "Staff supported young people and families well once they were seen, and the "
            "service had introduced a duty system to respond to urgent concerns from families "
            "on the waiting list."}},
          {"older-people-wards", kGood,
           {"The wards for older people had been refurbished to a high standard using "
            "dementia-friendly design. Staff had the skills to support patients with both "
            "physical and mental health needs."}}},
      .must_do = {
          "The trust must reduce waiting times for neurodevelopmental assessments for "
          "children and young people."},
  });
}

}  // namespace cqc::sample
