"""Generate blind evaluation set 5: three fictional NHS trust digital portfolios (development data).

Run: .venv/bin/python tests/data/blind5/make_blind5.py   (needs openpyxl only)

Writes three .xlsx workbooks and one .labels.json per workbook beside this file, reopens them
and checks them (see README.md). Exits non-zero if a check fails. Everything here is fictional.
"""
from __future__ import annotations

import collections
import datetime as dt
import json
import re
import sys
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
D = dt.datetime

PRINCIPLES = ["user_needs", "clear_goals", "measure_learn", "deliver_incrementally",
              "in_house_team", "supplier_value", "build_trust", "adapt_plan"]
FLAGS = ["tech_centred", "no_measurable_goal", "output_only_benefits", "big_bang",
         "no_clinical_lead", "no_owner", "supplier_led", "lock_in_risk",
         "funding_ends_at_go_live", "stuck_on_plan", "vague_or_hype",
         "clinical_safety_missing", "missing_dates"]
FLAG_BY_NO = {f"F{i + 1}": f for i, f in enumerate(FLAGS)}
CODE = {"E": "evident", "P": "partial", "M": "missing"}


def labels(code: str, flags: str, clinical: bool) -> dict:
    """code: 8 letters E/P/M for P1-P8; flags: space-separated F-numbers; clinical: for the self-checks."""
    assert len(code) == 8 and set(code) <= set("EPM"), code
    fl = [FLAG_BY_NO[f] for f in flags.split()]
    return {"principles": dict(zip(PRINCIPLES, (CODE[c] for c in code))),
            "flags": [f for f in FLAGS if f in fl], "clinical": clinical}


# =============================================================================================
# Workbook A: Calderholt Mental Health NHS Foundation Trust - coherent
# 'Plan on a page' sheet first; data sheet 'Portfolio' with the header in row 1; source note below.
# =============================================================================================
A_FILE = "calderholt_mh_digital_portfolio_q3_26-27"
A_SHEET = "Portfolio"
A_COLS = [
    ("ID", "ref", "ref"),
    ("Project", "title", "title"),
    ("Aim", "strategic_objective", "obj"),
    ("Problem / why", "description", "desc"),
    ("Who", "other", "users"),
    ("What will be different", "benefits", "ben"),
    ("Measures", "kpis", "kpi"),
    ("SRO", "owner", "owner"),
    ("Clinical lead", "clinical_lead", "clin"),
    ("Squad", "other", "squad"),
    ("Approach", "delivery_approach", "how"),
    ("Supplier & contract", "supplier", "sup"),
    ("Safety & IG", "other", "safety"),
    ("Phase", "stage", "stage"),
    ("Start", "start_date", "start"),
    ("Finish", "end_date", "end"),
    ("Next checkpoint", "other", "next"),
    ("One-off £k", "budget", "oneoff"),
    ("Recurrent £k pa", "budget", "rec"),
    ("DCA", "rag", "rag"),
    ("Priority", "priority", "pri"),
    ("Decisions & progress", "other", "dec"),
]
A_OBJECTIVES = [
    "Aim 1 Nobody waits without contact",
    "Aim 2 Care close to home, fewer out-of-area placements",
    "Aim 3 Safer wards and safer medicines",
    "Aim 4 Time back for clinicians",
]
A_FTE = 31
A_PROJECTS = [
    dict(ref="CMH-01", title="Crisis line - call-back instead of a queue", obj="Aim 1",
         desc="24/7 crisis line: 27% of callers hang up before we answer (Apr-Sep). We listened to 200 "
              "recorded calls, and 30 callers told the lived experience group that the hold message "
              "('you are number 9 in the queue') made things worse. Offer a call-back at a promised time.",
         users="People in crisis and carers ringing the line; crisis line practitioners; shift coordinators",
         ben="Fewer people give up before they speak to someone; practitioners can see who is waiting and "
             "for how long",
         kpi="Abandoned calls (27% -> under 10%); call-backs made inside the promised time (target 95%); "
             "caller rating by text. Weekly on the huddle board in the crisis line office",
         owner="Director of Operations", clin="K. Amadi, nurse consultant, crisis line", squad="Access",
         how="Evening shifts only for 4 weeks, set up by our own telephony engineer with the shift "
             "coordinators. We'll pull the plug if fewer than 7 in 10 callers rate the call-back OK, or if "
             "one call-back is missed for a caller flagged high risk.",
         sup="Quellan Voice - existing telephony contract; call-back is a standard feature, no new licence",
         safety="Hazard log kept by the CSO (main hazard: missed call-back for a high-risk caller); DPIA "
                "updated",
         stage="Scaling", start=D(2026, 5, 4), end=D(2027, 2, 26), next=D(2027, 1, 14), oneoff=0, rec=12,
         rag="Green", pri=1,
         dec="Aug-26 board: evenings worked (abandoned 26% -> 8%, 84% rated it OK) - go for nights and "
             "weekends. Nights first, because that is when most high-risk calls come in.",
         lab=labels("EEEEEPEE", "", False)),
    dict(ref="CMH-02", title="Out-of-area placements - one live bed picture", obj="Aim 2",
         desc="Bed managers ring all 11 adult wards at 8am and 4pm to find a bed, and on an average day 23 "
              "people are placed out of area. Two bed managers kept a log for a fortnight: 3 hours a day on "
              "the phone, and beds freed after 4pm were often missed until next morning.",
         users="Bed managers, nurses in charge, the out-of-area placements team",
         ben="People admitted near home instead of miles away; bed managers stop ringing round",
         kpi="People out of area on the last day of the month (baseline 23, target 12 by Mar-28); bed "
             "manager phone time (3h a day now). Monthly to the Inpatient board",
         owner="Chief Operating Officer", clin="Deputy Director of Nursing (inpatients)", squad="Inpatient",
         how="Our Inpatient squad builds the bed view from the EPR admissions feed. First version for 3 wards in 6 weeks, "
             "then more wards each month.",
         sup="Runs on the Caddow Systems EPR data feed we already have; no new contract",
         safety="Not clinical. DPIA screening: no new data", stage="Beta", start=D(2026, 7, 1),
         end=D(2027, 6, 30), next=D(2027, 2, 9), oneoff=0, rec=20, rag="Amber-Green", pri=1,
         dec="Stop/go in Feb: carry on past the first 3 wards only if bed managers use the view instead of "
             "the ring-round on at least 4 days in 5. Oct-26: 2 days in 5 so far - they don't trust the "
             "expected discharge times, so that field is now mandatory on ward round.",
         lab=labels("EEEEEPPE", "", False)),
    dict(ref="CMH-03", title="Annual physical health checks - antipsychotics", obj="Aim 3",
         desc="People with severe mental illness die 15-20 years earlier than average. Last year only 41% of "
              "people on our caseloads taking antipsychotics had a complete annual check (bloods, BMI, BP, "
              "ECG where needed). Clinic nurses record results in 3 places and chase GP bloods by phone.",
         users="Service users on antipsychotics; depot and clozapine clinic nurses; care coordinators; GP "
               "practices",
         ben="More people get their yearly physical health check and the follow-up it needs; nurses stop "
             "chasing results by phone",
         kpi="Complete annual checks (41% -> 75% by Mar-28); results chased by phone each week. Monthly "
             "dashboard, reviewed at the physical health group",
         owner="Medical Director",
         clin="Dr S. Okonjo, consultant psychiatrist, with the physical health lead nurse (2 sessions each, "
              "backfilled)", squad="Community",
         how="Hardest question first: could GP bloods come to us electronically? Tried with 4 practices "
             "before building anything - 3 could send via GP Connect, so we went ahead. Worklist for 2 "
             "CMHTs, then locality by locality.",
         sup="GP Connect (national) into the Caddow EPR; worklist built by the Community squad",
         safety="CSO signed off the hazard log in Sep; DCB0160 done for the 2 pilot teams",
         stage="Pilot", start=D(2026, 4, 6), end=D(2027, 9, 30), next=D(2027, 1, 26), oneoff=15, rec=40,
         rag="Green", pri=2,
         dec="Sep-26: go for the pilot in 2 CMHTs. The 4th practice can't send results - those patients stay "
             "on the phone list for now.",
         lab=labels("EEEEEEEE", "", True)),
    dict(ref="CMH-04", title="AI note-taking (ambient scribe) - community trial", obj="Aim 4",
         desc="Community clinicians spend about 2 hours a day writing notes (time-and-motion, 2 teams, 3 "
              "weeks). We trialled a tool that listens to the appointment, with the person's consent, and "
              "drafts the note for the clinician to edit.",
         users="Community psychiatrists, CPNs and psychologists; service users (asked for consent every time)",
         ben="Clinicians type less and spend the time with people instead",
         kpi="Minutes per note (baseline 22); editing time per draft (must be under 5 min); risk wording right "
             "in sampled notes (must be 100%)",
         owner="Medical Director", clin="Dr P. Whitcombe, CCIO", squad="Clinical Systems",
         how="12 clinicians for 8 weeks; the CCIO checked drafts against recordings. Stop rules agreed before "
             "we started: average editing over 5 minutes, or any risk wording wrong.",
         sup="Sablefin Voice - free trial licence, no commitment; audio deleted after 24h",
         safety="DCB0160 and hazard log for the trial; CSO reviewed weekly", stage="Stopped",
         start=D(2026, 6, 1), end=D(2026, 10, 16), next="n/a - stopped", oneoff=0, rec=0, rag="n/a",
         pri="-",
         dec="Oct-26: stopped at week 6. Editing averaged 9 minutes and 1 draft in 7 had the risk wording "
             "wrong. The service user panel was fine with the consent process. Not looking again until "
             "another MH trust shows a newer version working.",
         lab=labels("EEEEPEEE", "", True)),
    dict(ref="CMH-05", title="My care plan - shared with service users", obj="Aim 2",
         desc="Only 34% of community service users said they had a copy of their care plan (2025 community "
              "survey). A co-design group of 10 service users and 2 carers asked to see their plan and crisis "
              "contacts on their phone, and to be able to tell us when it's wrong.",
         users="Adults on CPA in community teams, their carers, care coordinators",
         ben="People know what is in their plan and who to ring in a crisis; fewer out-of-date crisis plans",
         kpi="People who say they have their care plan (34% -> 70%); plans opened each month; crisis plans "
             "reviewed within a year (58% now). Monthly",
         owner="Chief Nurse", clin="L. Brennan, consultant nurse, community", squad="Community",
         how="Read-only plan for one team (Northgate CMHT) first, configured by Pipit and tried out by the "
             "co-design group each fortnight. Step 2 - people suggesting changes to their plan - only once "
             "step 1 is being used.",
         sup="Pipit Health portal via framework, 2+1 yrs with a 3-month break; plan pulled from the EPR over "
             "FHIR",
         safety="Hazard log with the CSO (main hazard: out-of-date crisis number shown); DPIA approved",
         stage="Beta", start=D(2026, 3, 2), end=D(2027, 8, 31), next=D(2027, 1, 19), oneoff=30, rec=45,
         rag="Amber", pri=2,
         dec="Nov-26: step 2 on hold. Only 1 in 4 people invited opened their plan during its first month; peer "
             "workers are reworking the invitation with the co-design group before anything is added.",
         lab=labels("EEEEPEEE", "", True)),
    dict(ref="CMH-06", title="Mental Health Act forms - electronic", obj="Aim 3",
         desc="The MHA office scans about 2,600 statutory forms a year and sends 1 in 8 back for errors (MHA "
              "office audit, 2025), sometimes after the detention has started. The regulations now allow "
              "electronic forms. Start with the section 2 and section 3 forms.",
         users="AMHPs, section 12 doctors, nurses in charge, MHA administrators",
         ben="Fewer invalid detentions; forms checked before they are signed, not after; MHA office time back",
         kpi="Forms returned for errors (12% -> 3%); days from signing to scrutiny",
         owner="Medical Director", clin="Dr R. Thorne, consultant psychiatrist and MHA clinical lead",
         squad="Clinical Systems",
         how="Two forms on two wards, built in the EPR by the squad; AMHPs went through the drafts at their "
             "team meeting. Decision in Mar-27: if errors on the two forms haven't dropped we don't build "
             "the rest.",
         sup="Caddow Systems EPR forms module (existing licence)", safety="To be confirmed with CSO",
         stage="Build", start=D(2026, 9, 7), end=D(2027, 10, 29), next=D(2027, 3, 16), oneoff=0, rec=25,
         rag="Amber", pri=1, dec="Oct-26: approved to build s2 and s3 only.",
         lab=labels("EEPEEPPE", "F12", True)),
    dict(ref="CMH-07", title="Core assessment - fewer screens", obj="Aim 4",
         desc="The EPR core assessment is 14 screens long. We timed 25 assessments in 3 teams: median 74 "
              "minutes of typing, and clinicians said half the questions repeat what the referral already "
              "told us.",
         users="Community and inpatient clinicians doing first assessments; people being assessed (shorter "
               "appointments, fewer repeated questions)",
         ben="Clinicians spend less of the appointment typing; people aren't asked the same thing twice",
         kpi="Typing time per assessment (74 min -> 45); assessments completed within 48h. Sampled monthly",
         owner="Medical Director", clin="Dr P. Whitcombe, CCIO", squad="Clinical Systems",
         how="Monthly releases, each tried by 6 clinicians on the training system first; screens merged a "
             "few at a time",
         sup="Caddow EPR - configured by our EPR analysts (existing contract)",
         safety="CSO reviews every release; hazard log HL-31", stage="Delivery", start=D(2026, 2, 2),
         end=D(2027, 5, 28), next=D(2026, 12, 15), oneoff=0, rec=55, rag="Green", pri=2,
         dec="Sep-26: risk and safeguarding screens left alone - clinicians showed us that merging them hid "
             "the safeguarding prompts. Release 4 due in Dec.",
         lab=labels("EEEEEPEE", "", True)),
    dict(ref="CMH-08", title="Patient Wi-Fi on inpatient wards", obj="Aim 3",
         desc="9 of our 11 wards have no patient Wi-Fi. At ward community meetings patients said they can't "
              "video call family or stream music, and boredom keeps coming up in debriefs after incidents. "
              "31 complaints about it in 2025.",
         users="Inpatients, visitors, ward staff",
         ben="Patients stay in touch with family; fewer incidents that start from boredom",
         kpi="Patients logging on each week; Wi-Fi complaints (31 in 2025)",
         owner="Chief Nurse", clin="Matron, acute wards", squad="Tech Services",
         how="Two wards first. If fewer than 30% of patients are using it by week 4 we stop at two and ask "
             "them why.",
         sup="Fairwind Networks - access points bought through a framework mini-competition, five years' "
             "maintenance",
         safety="n/a - not clinical. Content filtering agreed with ward managers", stage="Delivery",
         start=D(2026, 9, 1), end=D(2027, 4, 30), next=D(2027, 1, 12), oneoff=140, rec=0, rag="Green",
         pri=3, dec="Nov-26: Ward 2 and Ward 6 live; 44% of patients logged on in week 2.",
         lab=labels("EPPEPPPE", "F9", False)),
    dict(ref="CMH-09", title="Intranet move to SharePoint Online", obj="Enabler",
         desc="The intranet runs on SharePoint 2013, out of support since Apr-26. Move the content to "
              "SharePoint Online and switch the old server off.",
         users="All staff", ben="Supported platform; old server switched off",
         kpi="Pages migrated (1,400); old server off", owner="Director of Communications", clin="n/a",
         squad="Tech Services",
         how="Ashlar Cloud to migrate the content in 3 batches by directorate; comms team checks links",
         sup="Ashlar Cloud - fixed price via G-Cloud", safety="n/a", stage="Delivery", start=D(2026, 6, 1),
         end=D(2027, 1, 29), next=D(2027, 1, 8), oneoff=60, rec=0, rag="Amber", pri=3,
         dec="Nov-26: batch 2 done. Next checkpoint Jan.",
         lab=labels("MMMPMPMM", "F1 F3 F7 F9", False)),
    dict(ref="CMH-10", title="CAMHS waiting list - keeping in touch", obj="Aim 1",
         desc="1,100 children and young people are waiting a median 31 weeks for CAMHS treatment. In a focus "
              "group 14 parents and 6 young people told us they hear nothing while they wait and don't know "
              "who to call if things get worse.",
         users="Young people waiting for CAMHS and their parents; CAMHS duty workers",
         ben="Families hear from us while they wait; things getting worse are picked up before a crisis",
         kpi="Families contacted every 6 weeks (0 now, target 95%); ED attendances by young people on the "
             "list (19 a month); duty worker replies within 1 working day. Weekly",
         owner="Director of Operations", clin="Dr N. Haldane, consultant child & adolescent psychiatrist",
         squad="Access",
         how="First we checked whether families would reply to a text at all: a 2-week test with 150 "
             "families, 40% replied. Questions written with duty workers and the young people's panel; Pipit "
             "set up the messages. One CAMHS team for 8 weeks, then the other two.",
         sup="Pipit Health (existing contract) for text check-ins; replies land in the duty worker's EPR "
             "task list",
         safety="CSO went through the hazard log: any reply saying 'worse' goes to the duty worker the same day",
         stage="Live (team 1)", start=D(2026, 5, 11), end=D(2027, 3, 31), next=D(2027, 2, 2), oneoff=35,
         rec=0, rag="Amber-Green", pri=1,
         dec="Paid for by the ICS waiting-well fund for 12 months only; no recurrent funding agreed. Case for "
             "27/28 goes to the Jan board.",
         lab=labels("EEEEPPEE", "F9", True)),
    dict(ref="CMH-11", title="E-rostering - inpatient wards", obj="Aim 4",
         desc="All 11 ward managers we asked lose roughly one working day each week to rotas, and ward agency "
              "spend was £1.9m last year because gaps only show up a few days before the shift. The first product we trialled couldn't cope with "
              "12-hour nights or shift swaps.",
         users="Ward managers, ward staff, bank office",
         ben="Ward managers back on the ward; gaps seen 6 weeks ahead so the bank fills them, not agency",
         kpi="Ward agency spend (£1.9m -> £1.2m); rotas out 6 weeks ahead (2 of 11 wards now)",
         owner="Director of People", clin="Head of Nursing, inpatients", squad="Workforce",
         how="3 wards over 3 months; remaining wards in two groups after that",
         sup="Tallyman Rostering via framework, 3 yrs with a yearly break (replaced the first supplier)",
         safety="n/a - not clinical; DPIA done", stage="Rollout", start=D(2026, 1, 5), end=D(2027, 3, 31),
         next=D(2026, 12, 8), oneoff=20, rec=48, rag="Green", pri=2,
         dec="Jun-26: board agreed to switch suppliers after the 3-ward trial - nights and swaps didn't work "
             "and ward managers went back to their spreadsheets. Tallyman passed a trial on the same 3 wards "
             "in Sep.",
         lab=labels("EEPEPEPE", "", False)),
    dict(ref="CMH-12", title="Immutable backups and restore testing", obj="Enabler - cyber",
         desc="Replace the backup system with immutable backups after the 2025 cyber exercise found we could "
              "not restore the EPR inside 5 days.",
         users="-", ben="DSPT backup standard met; ransomware resilience", kpi="Restore tested",
         owner="CFO & SIRO", clin="n/a", squad="Tech Services",
         how="Blackthorn to install and configure; our engineers then run the restore tests",
         sup="Blackthorn Cyber - direct award for five years", safety="n/a", stage="Procurement",
         start=D(2026, 11, 2), end=D(2027, 6, 30), next=None, oneoff=95, rec=30, rag="Amber", pri=1,
         dec="Rephased to Q1 27/28 due to capacity. Paused over the Dec change freeze.",
         lab=labels("MMMMPMMM", "F1 F2 F3 F8 F13", False)),
    dict(ref="CMH-13", title="Easy read letters and reminder calls - learning disability", obj="Aim 1",
         desc="People with a learning disability miss 19% of appointments, against 9% across the trust. The "
              "self-advocacy group went through our letters with us: jargon, no picture of the building, and "
              "the time buried in the third paragraph.",
         users="People with a learning disability, their carers and supporters; LD team admin",
         ben="People with a learning disability turn up to more of their appointments and know where to go "
             "and who they'll see",
         kpi="Missed appointments by people with LD (19% -> 11%); monthly by team",
         owner="Chief Nurse", clin="A. Fairley, LD nurse consultant", squad="Access",
         how="Easy read templates built by the LD team and the squad in the EPR letters module; one LD team "
             "for 3 months first",
         sup="EPR letters module (existing); reminder calls made by LD admin",
         safety="n/a (letters and reminders); DPIA screening done", stage="Live", start=D(2026, 1, 12),
         end=D(2026, 12, 18), next=D(2026, 12, 10), oneoff=0, rec=10, rag="Green", pri=3,
         dec="Jul-26: plan changed after the pilot - people wanted a phone call the day before more than a "
             "new letter, so reminder calls were added and the photo library dropped. Pilot team DNA 19% -> "
             "12%.",
         lab=labels("EEEEEPEE", "", False)),
    dict(ref="CMH-14", title="Restrictive practice records - one form", obj="Aim 3",
         desc="After a restraint or seclusion nurses fill in three records: Datix, the EPR and a paper "
              "seclusion log. A quality audit of 120 incidents found 1 in 5 records incomplete or "
              "contradicting each other, and our Use of Force Act reporting depends on them.",
         users="Ward nurses and nurses in charge; the restrictive practice lead; patients (an accurate record "
               "of what happened to them)",
         ben="A complete record of every restrictive intervention; less duplicate writing after stressful "
             "incidents",
         kpi="Complete and consistent records (80% -> 98%)", owner="Chief Nurse",
         clin="TBC - Associate Director of Nursing post vacant", squad="Inpatient",
         how="One EPR form that feeds Datix, Ward 3 first. Options check with the Datix team first (build in "
             "the EPR or in Datix).",
         sup="Caddow EPR + Datix interface (both existing)", safety="", stage="Discovery",
         start=D(2026, 10, 5), end=D(2027, 7, 30), next=D(2027, 2, 23), oneoff=0, rec=18, rag="Amber",
         pri=2, dec="Ward staff not yet involved - waiting for the ADN appointment.",
         lab=labels("PPPEPPMP", "F5 F12", True)),
    dict(ref="CMH-15", title="Community mobile working - Caddow Mobile rollout", obj="Aim 2",
         desc="Community nurses go back to the office to type up their visits; mileage logs from 2 teams showed "
              "about 50 minutes a day each. Caddow Mobile lets them record visits offline on a tablet.",
         users="Community nurses, support workers, home treatment teams",
         ben="More time with people at home; less driving to the office",
         kpi="Daily time spent returning to the office (baseline 50 min); visits recorded the same day",
         owner="Director of Operations", clin="L. Brennan, consultant nurse, community", squad="Community",
         how="Team by team - no big bang. 3 of 10 teams live.",
         sup="Caddow Systems mobile module, existing EPR contract to 2029",
         safety="DCB0160 done for teams 1-3; offline sync hazard on the log", stage="Rollout",
         start=D(2025, 10, 6), end=D(2027, 6, 30), next=D(2027, 1, 21), oneoff=80, rec=35, rag="Amber",
         pri=2,
         dec="Rollout 2 months behind - tablets late. Nov-26 board noted the delay: continue as planned.",
         lab=labels("EPPEPPPM", "", True)),
]

# =============================================================================================
# Workbook B: Aldermarsh Ambulance Service NHS Trust - coherent, but rough
# Merged title row 1, merged notes row 2 (goals, team, what we said no to), header row 3.
# =============================================================================================
B_FILE = "aldermarsh_ambulance_digital_projects_nov26"
B_SHEET = "Projects"
B_COLS = [
    ("Proj #", "ref", "ref"),
    ("Title", "title", "title"),
    ("Goal", "strategic_objective", "obj"),
    ("Lead exec", "owner", "owner"),
    ("Delivery lead", "other", "lead"),
    ("Background / problem", "description", "desc"),
    ("Who uses it", "other", "users"),
    ("Outcome sought", "benefits", "ben"),
    ("Success measure", "kpis", "kpi"),
    ("Clinical lead", "clinical_lead", "clin"),
    ("Supplier", "supplier", "sup"),
    ("Contract / route", "other", "comm"),
    ("How", "delivery_approach", "how"),
    ("Clinical safety", "other", "safety"),
    ("Funding", "other", "fund"),
    ("Budget", "budget", "cost"),
    ("Start", "start_date", "start"),
    ("Target date", "end_date", "end"),
    ("Status", "stage", "stage"),
    ("RAG", "rag", "rag"),
    ("Pri", "priority", "pri"),
    ("Progress / decisions", "other", "dec"),
]
B_OBJECTIVES = [
    "Goal 1 Right response, first time",
    "Goal 2 Crews back on the road sooner",
    "Goal 3 Safe, well-supported people",
]
B_FTE = 24
B_PROJECTS = [
    dict(ref="AAS/01", title="Clinical validation queue in CAD (hear & treat)", obj="Goal 1",
         owner="Director of Operations", lead="Delivery lead - Clinical Hub (M. Rourke)",
         desc="Cat 3 and 4 calls wait for a clinician to ring back and check them. We shadowed 6 shifts in "
              "the north clinical hub: clinicians flip between 3 screens to find the next call, and only 18% "
              "of cat 3/4 calls are validated within 30 minutes.",
         users="Clinical hub paramedics and nurses; patients waiting on cat 3/4 calls",
         ben="Patients who don't need an ambulance get the right advice sooner; ambulances kept for the "
             "sickest",
         kpi="Cat 3/4 validated within 30 min (18% -> 50%); hear & treat rate (11% now); re-contact within "
             "24h after hear & treat (must not rise). Weekly at the hub huddle",
         clin="T. Ibe, consultant paramedic - clinical hub", sup="Brevik Dispatch (CAD)",
         comm="Existing CAD contract; queue built with the CAD config tools by our own CAD team",
         how="North hub only; changes every fortnight, tried by hub clinicians on the training CAD first",
         safety="CSO signed off the hazard log before first use (DCB0160)",
         fund="Revenue - in the 27/28 plan (recurrent)", cost="£0 cap / £38k rev pa", start="Jun-26",
         end="Jun-27", stage="Live - north hub", rag="G", pri="H",
         dec="Gate in Jan: south hub only if validation times hold and re-contacts don't go up. Nov: 31% "
             "within 30 min.",
         lab=labels("EEEEEPEE", "", True)),
    dict(ref="AAS/02", title="ePCR handover to ED - Fenmouth first", obj="Goal 2",
         owner="Director of Operations", lead="Delivery lead - Integration (S. Parekh)",
         desc="At handover the crew reads the ePCR out loud while the ED nurse types it in again. We watched "
              "40 handovers at Fenmouth General: median 17 minutes from arrival to handover complete, and 6 "
              "took over 30 minutes.",
         users="Crews; ED triage nurses at Fenmouth General; patients waiting in the corridor",
         ben="Patients handed over sooner; crews back on the road; ED nurses don't retype",
         kpi="Arrival to handover complete (median 17 min -> 12); lost crew hours at Fenmouth per week. "
             "Weekly with the ED",
         clin="Dr J. Lowther, ED consultant (Fenmouth), with our deputy medical director",
         sup="Stenhold ePCR + Fenmouth's EPR",
         comm="FHIR messages through the ICS integration engine; no new contract",
         how="One ED first. Harrowby ED only after the interface is proven at Fenmouth.",
         safety="Joint hazard log with Fenmouth's CSO; DCB0160 on both sides",
         fund="ICS integration budget - recurrent", cost="£25k cap / £15k rev pa", start=D(2026, 8, 3),
         end="Sep-27", stage="Test", rag="A", pri="H",
         dec="Oct-26: paused the second ED until the interface is proven - 1 in 10 test messages didn't "
             "file. Fix is in the Dec ICS release, then 4 clean weeks before Harrowby.",
         lab=labels("EEEEPEEE", "", True)),
    dict(ref="AAS/03", title="CAD replacement", obj="Goal 1", owner="Chief Finance Officer",
         lead="CAD programme manager (Mossgate Consulting)",
         desc="Brevik CAD contract ends Nov-27. Procure and implement a new CAD for both control rooms "
              "before then.",
         users="Control room", ben="Supported CAD; resilience; national ARP reporting",
         kpi="Go-live before Nov-27", clin="Deputy Medical Director",
         sup="TBC - framework tender (Brevik may bid)",
         comm="Framework tender, 5 years plus 2 optional; exit and data-return clauses in the spec",
         how="Winning supplier to configure and migrate. Single overnight cutover for both control rooms - "
             "we can't dispatch from two systems.",
         safety="Supplier DCB0129 to follow at contract award",
         fund="Capital 26/27-27/28; revenue in FBC", cost="£4.2m cap + rev in FBC", start="Apr-26",
         end="Nov-27", stage="Procurement", rag="A", pri="H",
         dec="OBC approved Jul-26. Gateway review scheduled Feb-27.",
         lab=labels("MMMMPEMM", "F1 F2 F3 F4 F7 F12", True)),
    dict(ref="AAS/04", title="ePCR tablets refresh and v6 upgrade", obj="Goal 2", owner="Medical Director",
         lead="ePCR team lead (C. Rackham)",
         desc="Crew tablets are 5 years old. Crews sent 1,240 crash reports in Q2 and went back to paper on "
              "6% of incidents, so records reach ED and GPs late or not at all. Refresh the tablets and move "
              "to ePCR v6, which keeps drafts offline.",
         users="Frontline crews; ED and GP staff who receive the record",
         ben="Crews finish the record on scene, not back at station; complete records reach ED and the GP",
         kpi="Incidents on paper (6% -> under 1%); crash reports per month (about 410 now). Monthly",
         clin="R. Achterberg, consultant paramedic - digital", sup="Stenhold ePCR; Merrow Devices (tablets)",
         comm="Stenhold extension 2 yrs, no auto-renew; tablets via framework",
         how="3 stations first, then each division in turn. Crews tried 2 tablet models with gloves on before "
             "we chose. Contractor backfill for the ePCR trainer post; our ePCR team leads the rollout.",
         safety="Stenhold DCB0129 received; our DCB0160 signed by the CSO in Oct",
         fund="Capital for tablets 26/27. v6 licence uplift (£70k pa) not funded after Mar-27 - to be found",
         cost="£610k cap", start="Jul-26", end="Jun-27", stage="Rollout", rag="Amber-Red", pri="H",
         dec="Nov-26: re-planned after the first 3 stations - crews asked to keep the old vehicle docks, so "
             "wave 2 waits for the dock adaptor (6 wks). Amber-Red this month for that reason; Board agreed "
             "the new plan.",
         lab=labels("EEEEEPEE", "F9", True)),
    dict(ref="AAS/05", title="Care home falls - video assessment", obj="Goal 1",
         owner="Director of Operations", lead="Delivery lead - Clinical Hub (M. Rourke)",
         desc="Care homes call 999 for most falls. We audited 300 care home fall calls from 2025: 68% of the "
              "residents were not taken to hospital, but they waited a median 3h 40m on the floor or in a "
              "chair for a crew. Care home staff video-call the clinical hub, which decides whether a crew "
              "is needed.",
         users="Care home staff; residents who fall; clinical hub clinicians",
         ben="Residents assessed within the hour; fewer long waits on the floor; crews kept for emergencies",
         kpi="Call to clinical assessment (3h40 -> under 1h); video calls that still needed a crew; re-calls "
             "within 24h (stop if over 5%)",
         clin="D. Moyo, consultant paramedic - falls and frailty", sup="Harebell Health video (ICS licence)",
         comm="ICS-wide video licence already in place; no new contract",
         how="10 care homes in Marshby for 3 months, trained by our falls team; then the next 30",
         safety="Hazard log drafted with the CSO; DCB0160 signed before the first call",
         fund="ICS UEC fund to Mar-27; recurrent bid in the 27/28 plan, not agreed",
         cost="£0 cap / £55k rev to Mar-27", start=D(2026, 9, 1), end=D(2027, 8, 31), stage="Pilot",
         rag="G", pri="M",
         dec="We stop if more than 1 in 20 residents assessed by video are re-called within 24h. Month 2: "
             "2 of 88.",
         lab=labels("EEEEEEEE", "F9", True)),
    dict(ref="AAS/06", title="Fleet telematics", obj="Goal 2", owner="Director of Fleet & Estates",
         lead="Fleet manager",
         desc="Fit telematics units to all 420 vehicles for location, driving style and engine data, "
              "replacing the current trackers.",
         users="-", ben="Better fleet data; insurance discount", kpi="Vehicles fitted (420)", clin="n/a",
         sup="Ferrule Fleet Telematics", comm="3 yrs via framework + data subscription",
         how="Ferrule to fit every vehicle at stations and run the data platform", safety="n/a",
         fund="Capital (fleet) + subscription £60k pa from the fleet budget", cost="£380k cap / £60k rev pa",
         start="Jan-27", end="Jun-27", stage="Contract award", rag="G", pri="M",
         dec="Stop/go criteria: TBC",
         lab=labels("MMMMMPMM", "F1 F3 F7", False)),
    dict(ref="AAS/07", title="MH calls - crisis plans visible in the control room", obj="Goal 1",
         owner="Director of Quality & Nursing", lead="Delivery lead - Integration (S. Parekh)",
         desc="Mental health nurses in the control room can't see a caller's crisis plan, so many calls end "
              "with an ambulance sent 'to be safe'. A 3-month audit found 41% of MH calls conveyed to ED; the "
              "nurses said a crisis plan would have changed the decision in 1 in 3 of those.",
         users="Control room MH nurses; people in MH crisis who ring 999; crews",
         ben="People in crisis get the right help without a trip to ED; crews freed up",
         kpi="MH calls conveyed to ED (41% -> under 30%); calls where the plan was looked at. Monthly with "
             "the MH trust",
         clin="B. Salazar, MH nurse lead, EOC", sup="ICS shared care record (read-only)",
         comm="ICS-wide platform; no new contract",
         how="Read-only access for the 8 MH nurses first; crews next if it helps",
         safety="DCB0160 done by the ICS; our CSO reviewed the hazards of local use",
         fund="Paid by the ICS until Mar-27; ICB agreed recurrent funding from Apr-27 (Oct-26 meeting)",
         cost="nil cap / £9k rev pa", start="Oct-26", end="Jun-27", stage="Live - EOC", rag="G", pri="M",
         dec="Decision in Mar-27: crews get access only if MH conveyance is under 30% and the nurses are "
             "using it on most calls.",
         lab=labels("EEEEPEEE", "", True)),
    dict(ref="AAS/08", title="Staff wellbeing app", obj="G3", owner="Director of People",
         lead="Wellbeing lead",
         desc="An innovative, AI-powered wellbeing app for all staff, with a chatbot, mood tracker and "
              "rewards, to make us a digital-first employer.",
         users="All staff", ben="Improved staff wellbeing and retention; modern employer brand",
         kpi="Downloads; app store rating", clin="n/a", sup="Cinder Digital",
         comm="Quote received - build plus 2-yr support",
         how="Supplier build; launch to all 4,200 staff on the same day at the staff awards", safety="n/a",
         fund="Charitable funds (one-off)", cost="£90k", start="Q4 26/27", end="TBC", stage="Idea", rag="",
         pri="M", dec="People Committee keen. Supplier demo in Jan.",
         lab=labels("MMMMMMMM", "F1 F2 F4 F7 F9 F11 F13", False)),
    dict(ref="AAS/09", title="ESN - local readiness", obj="National mandate", owner="Chief Operating Officer",
         lead="ESN project manager",
         desc="National programme replacing Airwave radios with the Emergency Services Network. Local work: "
              "vehicle fit, control room integration and training, when the Home Office is ready.",
         users="Crews, control room", ben="Airwave replaced; national compliance", kpi="-", clin="n/a",
         sup="Home Office ESMCP (national)", comm="National - no local contract", how="As per national plan",
         safety="n/a", fund="National transition grant; local costs TBC", cost="TBC", start="2019",
         end="TBC", stage="On hold (national)", rag="Amber-Red", pri="H",
         dec="Amber-Red since Apr-25. National dates moved again (2026 -> 2028 -> TBC). Local plan and team "
             "kept as they are.",
         lab=labels("MMMMPPMM", "F1 F2 F3 F10 F13", False)),
    dict(ref="AAS/10", title="My rota on my phone", obj="Goal 3", owner="Director of People",
         lead="Delivery lead - Workforce apps (H. Oyelaran)",
         desc="Crews can only see their rota on a station PC. The resourcing centre logged its calls for 4 "
              "weeks: 3,100 calls, 62% of them staff asking what shift they're on or about leave.",
         users="Frontline staff; the resourcing centre team",
         ben="Staff check shifts and ask for leave from home; the resourcing team takes fewer calls",
         kpi="Calls to resourcing per month (3,100 -> 1,500); leave requested on the phone. Monthly",
         clin="n/a", sup="Built by our developers on the Crewpoint rostering API",
         comm="Existing rostering licence; API included",
         how="Pilot at one station (4 weeks), then a division at a time. Cut the scope to two things: see my "
             "rota, request leave. Overtime bidding dropped - the pilot station showed it duplicated the bank "
             "system.",
         safety="n/a; DPIA done", fund="Revenue - digital budget (recurrent)", cost="nil cap / £22k rev pa",
         start="Apr-26", end="Mar-27", stage="Rollout", rag="G", pri="M",
         dec="Sep-26: go for west division after calls from the pilot station fell 48%.",
         lab=labels("EEEEEPPE", "", False)),
    dict(ref="AAS/11", title="RPA - finance and HR (stopped)", obj="Goal 3", owner="Director of Finance",
         lead="Head of Finance Systems",
         desc="Software robots for invoice matching and starter/leaver forms in finance and HR, bought after a "
              "vendor showcase in 2025.",
         users="Finance and HR admin teams", ben="Efficiency savings", kpi="Hours saved per month (target 200)",
         clin="n/a", sup="Vantora Automation", comm="1-yr licence, not renewed",
         how="3 bots built by Vantora; review at 12 weeks", safety="n/a", fund="Revenue 25/26 only",
         cost="£48k", start="Jun-25", end="Sep-26", stage="Stopped", rag="-", pri="L",
         dec="Sep-26: stopped at the 12-week review. The 3 bots saved 6 hours a month between them - less "
             "than the licence cost. Licence not renewed; the money moved to AAS/10.",
         lab=labels("MPPPMPME", "F1 F3 F7", False)),
    dict(ref="AAS/12", title="Station switches & Wi-Fi - replace", obj="Enabler", owner="Digital Services",
         lead="Network manager",
         desc="Replace switches and Wi-Fi at 32 stations; kit reaches end of support during 2027.",
         users="-", ben="Supported network", kpi="-", clin="n/a", sup="Corrib Networks",
         comm="Framework call-off", how="4 stations a month", safety="n/a", fund="Capital 26/27",
         cost="£520k cap", start="Jan-27", end="Sep-27", stage="Planning", rag="G", pri="L",
         dec="Lessons learned to be captured at closure.",
         lab=labels("MMMPMPMM", "F1 F2 F3 F6 F9 F11", False)),
    dict(ref="AAS/13", title="Cardiac arrest audit - defib data download", obj="1",
         owner="Medical Director", lead="Clinical audit manager",
         desc="The clinical audit team keys about 1,800 cardiac arrest records a year by hand from ePCRs and "
              "defib print-outs and is 4 months behind, so crews get feedback on their resuscitation months "
              "late. Download defib data straight into the audit database.",
         users="Clinical audit team; crews who want feedback on their arrests",
         ben="Feedback to crews within weeks, not months; audit team stops re-keying",
         kpi="Audit backlog (4 months now)", clin="", sup="Merrow Devices (defib manufacturer)",
         comm="Merrow's own download software - sole supplier, 5-yr licence", how="Phased", safety="",
         fund="Revenue - audit budget", cost="£31k rev pa", start="Feb-27", end="Dec-27",
         stage="Business case", rag="A", pri="L",
         dec="Business case to Feb exec: Merrow's software, or keep keying by hand with an extra clerk.",
         lab=labels("EPPPPMMP", "F5 F8 F12", True)),
]

# =============================================================================================
# Workbook C: Ravensholt University Teaching Hospitals NHS Foundation Trust - shopping list
# Merged title row 1, merged group headings in row 2, header row 3; blank row, an ON HOLD section,
# a TOTAL row with =SUM() formulas and a source note; 'Lists' sheet after the data sheet.
# =============================================================================================
C_FILE = "ravensholt_uth_ict_project_register_2026-27"
C_SHEET = "ICT Projects 26-27"
C_GROUPS = [("PROJECT", 4), ("STRATEGIC FIT", 3), ("OWNERSHIP", 3), ("DELIVERY", 5), ("FINANCE", 3),
            ("DATES", 2), ("STATUS", 4)]
C_COLS = [
    ("Project No", "ref", "ref"),
    ("Project Title", "title", "title"),
    ("Division", "other", "div"),
    ("Summary", "description", "desc"),
    ("Strategic Theme", "strategic_objective", "obj"),
    ("Benefits", "benefits", "ben"),
    ("KPIs", "kpis", "kpi"),
    ("SRO", "owner", "owner"),
    ("Project Manager", "other", "pm"),
    ("CCIO / Clinical Lead", "clinical_lead", "clin"),
    ("Vendor", "supplier", "sup"),
    ("Contract notes", "other", "comm"),
    ("Implementation approach", "delivery_approach", "how"),
    ("Clinical Safety (DCB0160)", "other", "safety"),
    ("Stage", "stage", "stage"),
    ("Capital £", "budget", "cap"),
    ("Revenue £ pa", "budget", "rev"),
    ("Funding notes", "other", "fund"),
    ("Start", "start_date", "start"),
    ("Go Live", "end_date", "end"),
    ("RAG (Nov)", "rag", "rag"),
    ("RAG (Oct)", "other", "rag_prev"),
    ("Priority", "priority", "pri"),
    ("Comments / decisions", "other", "dec"),
]
C_OBJECTIVES = [
    "Outstanding care, every time",
    "Leading in research and innovation",
    "A great place to work and learn",
    "Sustainable finances",
    "Partners in our ICS",
]
C_FTE = 64
C_PROJECTS = [
    dict(ref="RTH-01", title="EPR - Tarnwell go-live, all sites", div="Trust-wide",
         desc="Replace PAS, the ED system and order comms with the Tarnwell EPR at all three hospitals in a "
              "single go-live over the May 2027 bank holiday weekend. Needed to deliver the EPR FBC and meet "
              "the national EPR deadline.",
         obj="Digital", ben="Paperless hospital; single patient record; FBC cash-releasing benefits",
         kpi="Go-live May-27; benefits as per FBC", owner="Chief Finance Officer",
         pm="Programme director (Mossgate Consulting)", clin="Dr P. Anand, CCIO (1 PA)",
         sup="Tarnwell Health", comm="10-yr enterprise agreement (2024); exit costs not assessed",
         how="Mossgate run the programme; Tarnwell build and cut over. Change champions on every ward. All 3 "
             "hospitals go live together.",
         safety="CSO being recruited - DCB0160 not started", stage="Build", cap=18500000, rev=None,
         fund="NHSE capital + trust capital. Revenue from 28/29 TBC", start="Apr-24", end="May-27",
         rag="A/R", rag_prev="A/R", pri="P1",
         dec="Go-live moved Nov-26 -> May-27 (rebaselined Jul-26). Cutover approach unchanged. Programme "
             "board: we are past the point where the approach can change.",
         lab=labels("MMMMPMPM", "F1 F2 F3 F4 F7 F8 F9 F10 F11 F12", True)),
    dict(ref="RTH-02", title="Theatre scheduling - orthopaedics first", div="Surgery",
         desc="Theatre coordinators build and rebook lists in spreadsheets. We sat with the coordinators at "
              "the Elective Centre for 2 weeks: 1 list in 6 started late because the kit or the right staff "
              "weren't there, and session utilisation was 71%.",
         obj="Outstanding care",
         ben="Extra patients treated on each list; lists start on time; fewer patients stood down on the day",
         kpi="Session utilisation (71% -> 85%); late starts (1 in 6 -> 1 in 12); patients stood down on the day. "
             "Weekly theatre meeting",
         owner="Chief Operating Officer", pm="Theatres digital lead (in-house)",
         clin="Mr J. Okafor, consultant orthopaedic surgeon", sup="Cobweave Health",
         comm="2-yr subscription via framework, 6-month break; data out as CSV and by API",
         how="Orthopaedics at the Elective Centre for 8 weeks, set up by our theatres team with the "
             "coordinators. Go / no-go on general surgery, judged on utilisation and late starts.",
         safety="Not clinical (scheduling) - CSO agreed", stage="Pilot", cap=120000, rev=40000,
         fund="Revenue recurrent - in the surgery budget from 27/28", start=D(2026, 9, 1),
         end=D(2027, 9, 30), rag="G", rag_prev="G", pri="P1",
         dec="Nov-26: week 6, utilisation 79%. Go/no-go on 12 Jan.",
         lab=labels("EEEEEEPE", "", False)),
    dict(ref="RTH-03", title="AI sepsis early warning", div="Medicine",
         desc="Use Arrowdene's machine-learning platform to predict sepsis hours before it happens across all "
              "adult wards. A data-driven, innovative approach that will put Ravensholt at the forefront of "
              "AI in the NHS.",
         obj="Research & innovation", ben="Lives saved; world-leading AI", kpi="TBC",
         owner="Chief Medical Officer", pm="Innovation lead", clin="TBC", sup="Arrowdene Analytics",
         comm="Free 3-month pilot, then 5-yr subscription; Arrowdene keeps the trained model",
         how="Switch on for all 38 adult wards at once so the model learns faster", safety="",
         stage="Proposal", cap=None, rev=None, fund="Research & innovation fund (one-off)", start="Q1 27/28",
         end="TBC", rag="", rag_prev="", pri="P1", dec="CMO keen. Arrowdene booked for the Dec Exec meeting.",
         lab=labels("MMMMMMMM", "F1 F2 F4 F5 F8 F9 F11 F12 F13", True)),
    dict(ref="RTH-04", title="OPD check-in kiosks", div="Outpatients",
         desc="Replace the 24 self check-in kiosks in main outpatients (end of life).",
         obj="Estates", ben="Modern look; supported kit", kpi="-", owner="Chief Operating Officer",
         pm="OPD manager", clin="n/a", sup="Quayle Kiosks",
         comm="Direct award - like-for-like from the incumbent", how="Swap over on one weekend",
         safety="n/a", stage="Order placed", cap=210000, rev=None, fund="Capital 26/27", start="Jan-27",
         end="Mar-27", rag="G", rag_prev="G", pri="P2", dec="PO raised.",
         lab=labels("MMMMMMMM", "F1 F2 F3 F8 F9 F11", False)),
    dict(ref="RTH-05", title="ED front-door streaming", div="Emergency care",
         desc="Streaming nurses at the ED front door write on paper and a receptionist types it in later. "
              "Time-and-motion over 3 shifts: 14 minutes from arrival to streamed, and 22% of walk-ins could "
              "have gone straight to UTC or SDEC.",
         obj="Outstanding care",
         ben="Walk-ins streamed within minutes and sent to the right place first time; fewer people waiting "
             "in the main ED",
         kpi="Arrival to streamed (14 min -> 5); walk-ins streamed to UTC/SDEC (9% -> 20%). Daily ED dashboard",
         owner="Chief Operating Officer", pm="ED digital nurse (in-house)", clin="Dr L. Ferreira, ED consultant",
         sup="Current ED system (interim form); Tarnwell ED module later", comm="No new contract",
         how="Riskiest assumption first: would streaming nurses use a tablet at the door? A 2-week paper "
             "prototype with 6 nurses said no (gloves, cleaning, queues), so it is a wall screen and a "
             "one-tap form. Weekday day shifts first, then evenings.",
         safety="Hazard log with the CSO; DCB0160 before the first live shift", stage="Build", cap=0,
         rev=12000, fund="ED digital nurse time - recurrent", start=D(2026, 10, 5), end=D(2027, 4, 30),
         rag="G", rag_prev="G", pri="P1",
         dec="Nov-26: wall-screen form on test; live 7 Dec for weekday day shifts.",
         lab=labels("EEEEEPEE", "", True)),
    dict(ref="RTH-06", title="Digital pathology", div="Clinical support",
         desc="Histopathology had 1,400 cases waiting over 10 days in Oct, and consultants can't report from "
              "home or the other sites. Buy 4 slide scanners and image management so cellular pathology can "
              "report digitally.",
         obj="Outstanding care", ben="Cancer patients get results sooner; pathologists can report from any site",
         kpi="Cases waiting over 10 days (1,400 -> 400); turnaround for cancer specimens",
         owner="Chief Medical Officer", pm="Pathology IT manager",
         clin="Dr S. Mbeki, consultant histopathologist", sup="Sundew Imaging",
         comm="National framework call-off; 7-yr storage; images returned in DICOM on exit",
         how="All 4 scanners installed together, then breast goes digital first. Other specialties don't "
             "start until breast turnaround has been looked at.",
         safety="DCB0160 to follow", stage="Installation", cap=1100000, rev=None,
         fund="NHSE capital - one-off. Image storage (about £120k pa) not identified", start="Jun-26",
         end="Jun-27", rag="A", rag_prev="A", pri="P1", dec="Scanners delivered Nov.",
         lab=labels("EEPEPEMP", "F9 F12", True)),
    dict(ref="RTH-07", title="Windows Server 2012 migration", div="ICT",
         desc="Migrate or retire the remaining Windows Server 2012 servers, out of extended support since "
              "Oct-23.",
         obj="Infrastructure", ben="Supported estate; cyber compliance", kpi="Servers left (48)", owner="ICT",
         pm="Infrastructure manager", clin="n/a", sup="Grebe Interim (contract engineers)",
         comm="Day rate, T&M, 6-month extensions",
         how="Contract engineers take the servers one by one; app owners asked to test", safety="n/a",
         stage="Delivery", cap=None, rev=180000, fund="Revenue - ICT budget", start="Apr-25", end="Mar-27",
         rag="Red", rag_prev="R", pri="P1",
         dec="Rephased to Mar-27 (was Sep-26, before that Mar-26). 48 left (61 in May). Same plan.",
         lab=labels("MMMMMMMM", "F1 F3 F6 F7 F10", False)),
    dict(ref="RTH-08", title="Respiratory virtual ward", div="Medicine",
         desc="Remote monitoring at home for COPD patients who would otherwise stay in hospital, jointly staffed "
              "with the community respiratory team. Started with 10 beds in Feb; 30 now.",
         obj="Partners (ICS)", ben="COPD patients sleep in their own bed sooner; fewer come back within a month",
         kpi="Bed days saved (target 2,000 a year); 30-day readmissions (21% baseline)",
         owner="Chief Operating Officer", pm="Virtual ward manager",
         clin="Dr H. Castell, consultant respiratory physician", sup="Kittiwake Remote Monitoring",
         comm="Call-off under the ICS framework, ends Mar-27", how="Grew from 10 to 30 beds in steps of 10",
         safety="Kittiwake DCB0129; our DCB0160 signed by the CSO Aug-26", stage="Live", cap=0, rev=260000,
         fund="ICS virtual ward money until March, then BAU TBC", start=D(2026, 2, 2), end=D(2027, 3, 31),
         rag="A", rag_prev="G", pri="P1", dec="Next review 15/01/27.",
         lab=labels("PEPEPPPM", "F9", True)),
    dict(ref="RTH-09", title="Ravensholt Hospitals app", div="Corporate",
         desc="A trust app as our digital front door: wayfinding, car parking, hospital news and a 'smart' "
              "chatbot, so patients experience a modern, innovative hospital.",
         obj="Patient experience", ben="Modern image; improved patient experience", kpi="Downloads",
         owner="Director of Communications", pm="Digital comms officer", clin="n/a", sup="Larkmead Apps",
         comm="Quote only", how="Agency to design, build and run the app", safety="n/a", stage="Idea",
         cap=75000, rev=None, fund="Charitable funds (one-off)", start="Q2 27/28", end="TBC", rag="",
         rag_prev="", pri="P2", dec="Overlaps with RTH-14 portal? Comms to confirm.",
         lab=labels("MMMMMMMM", "F1 F2 F7 F9 F11 F13", False)),
    dict(ref="RTH-10", title="Trusted research environment", div="R&I",
         desc="Build a trusted research environment with Drumlin Data so researchers and industry partners "
              "can use de-identified Ravensholt data. A world-leading, data-driven partnership.",
         obj="Research & innovation", ben="More research income; data assets monetised",
         kpi="Datasets onboarded; partner projects", owner="Director of Research & Innovation",
         pm="R&I data manager", clin="Prof. E. Varley (research)", sup="Drumlin Data",
         comm="10-yr strategic partnership, revenue share; Drumlin hosts", how="Drumlin to build and run",
         safety="n/a", stage="Contracting", cap=0, rev=None,
         fund="Build paid by the partner; trust hosting costs from 28/29 not budgeted", start="Oct-26",
         end="Sep-27", rag="A", rag_prev="G", pri="P1",
         dec="Caldicott Guardian asked for a patient panel - to be arranged.",
         lab=labels("MMMMMMMM", "F1 F2 F3 F7 F8 F9 F11", False)),
    dict(ref="RTH-11", title="Chemotherapy prescribing - into the EPR", div="Cancer",
         desc="Chemo is prescribed in a standalone system and pharmacists re-enter each regimen into EPMA: 3 "
              "transcription steps. Oncology pharmacists walked us through 40 regimens, and Datix shows about "
              "2 transcription errors a month reaching the ward.",
         obj="Outstanding care", ben="No copying between systems; fewer chemo errors reaching patients",
         kpi="Transcription errors reaching the ward (about 2 a month -> 0); pharmacist time per regimen",
         owner="Chief Medical Officer", pm="Lead pharmacist - digital",
         clin="Dr M. Farrow, consultant medical oncologist", sup="Tarnwell oncology module",
         comm="In the EPR contract (no extra licence)",
         how="Waits for the EPR go-live; regimens built by oncology pharmacists, breast and lung first",
         safety="CSO ran a hazard workshop with pharmacy; log kept with the EPR safety case", stage="Design",
         cap=0, rev=30000, fund="Pharmacy budget - recurrent", start=D(2026, 4, 1), end=D(2027, 12, 17),
         rag="G", rag_prev="A", pri="P1",
         dec="Sep-26: board agreed to drop the standalone chemo system replacement after a 3-month evaluation "
             "- the EPR oncology module met 27 of 30 must-haves and avoids a second record. £310k capital "
             "released.",
         lab=labels("EEPPEPEE", "", True)),
    dict(ref="RTH-12", title="Network access control", div="ICT",
         desc="Network access control on all wired ports (CAF / DSPT requirement).",
         obj="Mandate / cyber", ben="DSPT compliance", kpi="Compliance", owner="", pm="Network team",
         clin="n/a", sup="Halyard Networks", comm="Added to the existing network support contract", how="-",
         safety="n/a", stage="Delivery", cap=95000, rev=20000, fund="Cyber capital + ICT revenue",
         start="Apr-26", end="Ongoing", rag="G", rag_prev="G", pri="P1", dec="",
         lab=labels("MMMMMPMM", "F1 F2 F3 F6 F11 F13", False)),
    dict(ref="RTH-13", title="Critical care charting - move into the EPR", div="Surgery & critical care",
         desc="The standalone ICU charting system loses support in 2027. ICU nurses record infusions "
              "twice, in the chart and in EPMA - a 2025 audit put it at about 45 minutes per nurse per shift. Move ICU onto "
              "the Tarnwell critical care module.",
         obj="", ben="ICU nurses stop double-recording; one drug record",
         kpi="Double recording time per shift (45 min now)", owner="Chief Medical Officer",
         pm="EPR programme (Mossgate)", clin="Dr K. Yeo, consultant intensivist", sup="Tarnwell Health",
         comm="Critical care module inside the 10-yr EPR agreement",
         how="ICU cuts over with everyone else on the EPR go-live weekend",
         safety="DCB0160 n/a - covered by the supplier's DCB0129", stage="Design", cap=450000, rev=60000,
         fund="EPR FBC (capital + revenue)", start="Jan-26", end="May-27", rag="A/R", rag_prev="A",
         pri="P1",
         dec="Pump integration for ICU not in Tarnwell's v1 scope - change request raised.",
         lab=labels("EPPMPMMM", "F4 F8 F12", True)),
    dict(ref="RTH-14", title="Patient portal - letters and appointments", div="Outpatients",
         desc="Patients look up their appointments, read clinic letters on their phone and get reminders, "
              "replacing most posted letters. Outpatients asked for it after complaints about letters arriving after the "
              "appointment.",
         obj="Outstanding care",
         ben="Fewer missed appointments; patients get letters the same day; postage saved (£410k pa)",
         kpi="DNA rate (9.1% -> 7%); letters sent digitally (target 60%)", owner="Chief Operating Officer",
         pm="Outpatient transformation manager", clin="-", sup="Tideway Health", comm="3+1 yrs via framework",
         how="Tideway to implement to its standard plan; phased by specialty", safety="n/a",
         stage="Implementation", cap=150000, rev=95000, fund="Recurrent revenue, paid for by lower postage",
         start="Jan-26", end="Apr-27", rag="R", rag_prev="A/R", pri="P1",
         dec="Go-live slipped Sep-26 -> Jan-27 -> Apr-27 (Tideway resourcing). Approach unchanged.",
         lab=labels("PEPPMPMM", "F5 F7 F10 F12", True)),
    # --- ON HOLD / PAUSED section ---
    dict(ref="RTH-15", title="Scanning paper notes into EDM", div="Corporate",
         desc="Scan paper case notes into the electronic document management system so the offsite records "
              "store (£280k a year) can close.",
         obj="Cost improvement", ben="£280k pa saving on storage", kpi="Storage cost (baseline £280k pa)",
         owner="Chief Finance Officer", pm="Health records manager", clin="n/a",
         sup="Ledgerline Scanning (bureau)", comm="Outsourced scanning bureau, per-page price",
         how="Bureau to collect and scan all notes, oldest first", safety="", stage="On hold", cap=0,
         rev=340000, fund="Invest to save", start="Jan-26", end="TBC", rag="-", rag_prev="A", pri="P2",
         dec="On hold - project manager on maternity leave. Restart Apr-27.",
         lab=labels("MPPMMMMM", "F1 F3 F5 F7 F12 F13", True)),
    dict(ref="RTH-16", title="Vital signs from monitors into the EPR", div="Medicine",
         desc="Nurses copy observations from bedside monitors onto paper and then into the EPR. On the ward 21 "
              "trial monitors send obs straight to the patient's record; phase 1 showed 12% of readings filed "
              "against the wrong patient or not at all.",
         obj="Outstanding care",
         ben="Nurses stop copying obs; NEWS2 worked out on time; deteriorating patients seen sooner",
         kpi="Readings filed to the right patient (88% -> 99.9%); obs entry time per round. Checked weekly on "
             "ward 21",
         owner="Chief Nurse", pm="Nursing informatics lead", clin="Sister A. Quinn, ward 21",
         sup="Osprey Monitoring", comm="Integration licence on the existing monitor contract",
         how="Ward 21 first. No big bang: no more wards until patient matching is fixed and re-tested for 4 "
             "weeks.",
         safety="Hazard log picked up the mis-filing; the CSO stopped the wider rollout", stage="Paused",
         cap=60000, rev=18000, fund="Capital + nursing revenue (recurrent)", start=D(2026, 3, 2),
         end=D(2027, 6, 30), rag="R", rag_prev="A", pri="P1",
         dec="Oct-26: phase 2 (all medical wards) paused until Osprey fixes patient matching and we re-test "
             "for 4 weeks on ward 21.",
         lab=labels("PPEEPPPE", "", True)),
]
C_ONHOLD_FROM = "RTH-15"

# ---------------------------------------------------------------------------------------------
PORTFOLIOS = {
    A_FILE: dict(
        sheet=A_SHEET, cols=A_COLS, projects=A_PROJECTS, objectives=A_OBJECTIVES, fte=A_FTE,
        ref_re=r"CMH-\d{2}", verdict="coherent",
        reasons=[
            "12 of 14 active projects cite one of Aim 1-4 from the 'Plan on a page' sheet; CMH-09 cites "
            "'Enabler' and CMH-12 'Enabler - cyber' (2/14, 14%).",
            "Each aim is served by several projects: Aim 1 3 (CMH-01, CMH-10, CMH-13), Aim 2 3 (CMH-02, CMH-05, "
            "CMH-15), Aim 3 4 (CMH-03, CMH-06, CMH-08, CMH-14), Aim 4 2 active (CMH-07, CMH-11) plus the stopped "
            "CMH-04.",
            "Priorities are spread: 5 at 1, 6 at 2, 3 at 3 among the 14 active; the stopped CMH-04 has none.",
            "14 active projects for 31 in-house WTE in 5 squads (each with a product manager and a clinical "
            "lead with funded sessions) plus Tech Services: at most 3 per team, 2.3 on average; the plan sets "
            "a limit of 3 per squad and a 'we will not' list.",
            "Most projects start from a problem someone watched, timed, audited or heard from service users, "
            "carry a baseline and target, start with one team or a few wards, and have a dated checkpoint.",
            "Work is stopped, paused, descoped and re-planned on evidence: CMH-04 stopped on agreed stop rules, "
            "CMH-11 switched supplier after a trial, CMH-05 step 2 paused, CMH-13 re-planned after the pilot, "
            "CMH-07 screens kept on clinicians' evidence.",
            "Realistic weak spots: CMH-09 (supplier-migrated intranet, one-off money), CMH-12 (direct-award "
            "backup contract, no measure, rephased), CMH-14 (no clinical lead, no safety work yet), CMH-06 "
            "(safety TBC), CMH-15 (late, 'continue as planned'), CMH-08 and CMH-10 (money stops).",
            "Technology-centred: 2 of 14 active (CMH-09, CMH-12); no measurable goal: 1 of 14 (CMH-12).",
        ]),
    B_FILE: dict(
        sheet=B_SHEET, cols=B_COLS, projects=B_PROJECTS, objectives=B_OBJECTIVES, fte=B_FTE,
        ref_re=r"AAS/\d{2}", verdict="coherent",
        reasons=[
            "10 of 12 active projects cite one of the three goals in the notes row ('Goal 1', 'G3', '1' "
            "included); AAS/09 cites 'National mandate' and AAS/12 'Enabler' (2/12, 17%).",
            "Focused: Goal 1 has 5 active projects, Goal 2 3, Goal 3 2 (plus the stopped AAS/11); no goal rests "
            "on a single project.",
            "12 active projects for 24 in-house WTE with 6 delivery leads (2 each); the notes row lists what the "
            "trust said no to this year.",
            "Priorities are spread: 5 H, 5 M, 2 L among the 12 active.",
            "Things stop and change on evidence: AAS/11 stopped at its 12-week review and its money moved, "
            "AAS/02 second ED paused until the interface works, AAS/04 re-planned after 3 stations, AAS/10 "
            "scope cut after the pilot, and gates with numbers on AAS/01, AAS/05 and AAS/07.",
            "Rough edges a board should challenge: 5 of 12 active are technology-centred (42%, S5 red) - the "
            "CAD replacement (contract-driven, one-night cutover, consultancy PM), telematics, the wellbeing "
            "app, ESN and the station network; 4 of 12 (33%) have no measurable goal; ESN has sat at "
            "Amber-Red with an unchanged plan since Apr-25.",
            "Only S5 of S1-S6 is red, and S1 is not, so the composite verdict is coherent; it is the least "
            "clear-cut of the three.",
        ]),
    C_FILE: dict(
        sheet=C_SHEET, cols=C_COLS, projects=C_PROJECTS, objectives=C_OBJECTIVES, fte=C_FTE,
        ref_re=r"RTH-\d{2}", verdict="shopping_list",
        reasons=[
            "7 of 16 projects (44%) cite no theme from the Lists sheet: 'Digital', 'Estates', 'Infrastructure', "
            "'Patient experience', 'Mandate / cyber', 'Cost improvement' and one blank (6 of the 14 not on "
            "hold, 43%).",
            "Priority inflation: 13 of 16 are P1; P3 is on the Lists sheet but never used.",
            "Technology-centred: 8 of 16 (50%) - replace, migrate, kiosks, app, AI, TRE, NAC, scanning; no "
            "measurable goal: 6 of 16 (38%).",
            "16 projects for 6 project managers (2.7 each) in a 64 WTE directorate that is mostly service desk "
            "and infrastructure; several are run by suppliers, a consultancy or contractors.",
            "Everything waits for one big-bang EPR go-live (RTH-01, Amber/Red two months running, rebaselined, "
            "'too far in to change'), with RTH-13 ICU cutting over the same weekend and RTH-11 queued behind "
            "it; Tarnwell holds most of the budget.",
            "Overlap: RTH-09 (trust app) and RTH-14 (patient portal), noted in comments, not resolved.",
            "Stuck: RTH-01, RTH-07 and RTH-14 have slipped repeatedly with the same plan. RTH-15 is on hold for "
            "staffing, not evidence.",
            "Good ones, as real registers have: RTH-02 theatre scheduling, RTH-05 ED streaming, RTH-11 (standalone "
            "chemo system dropped after an evaluation) and RTH-16 (phase 2 paused on the mis-filing evidence).",
        ]),
}


# ---------------------------------------------------------------------------------------------
HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
GROUP_FILL = PatternFill("solid", fgColor="BDD7EE")
WRAP = Alignment(wrap_text=True, vertical="top")
WIDE = ("desc", "ben", "kpi", "how", "comm", "dec", "safety", "sup", "fund", "users")


def write_header(ws, row, cols):
    for j, (h, _c, _k) in enumerate(cols, start=1):
        cell = ws.cell(row=row, column=j, value=h)
        cell.font = HEAD_FONT
        cell.fill = HEAD_FILL
        cell.alignment = WRAP


def write_project(ws, row, cols, p):
    for j, (_h, _c, k) in enumerate(cols, start=1):
        v = p.get(k)
        if v == "" or v is None:
            continue
        cell = ws.cell(row=row, column=j, value=v)
        cell.alignment = WRAP
        if isinstance(v, dt.datetime):
            cell.number_format = "DD/MM/YYYY"
        elif k in ("cap", "rev") and isinstance(v, (int, float)):
            cell.number_format = "£#,##0"


def widths(ws, cols):
    for j, (_h, _c, k) in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(j)].width = 40 if k in WIDE else 15


def build_a():
    wb = Workbook()
    st = wb.active
    st.title = "Plan on a page"
    rows = [
        ["Calderholt Mental Health NHS FT - Digital & Data plan 2026-28 (for Digital Programme Board, Nov-26)"],
        [],
        ["Our four aims (trust strategy 'Closer, Safer, Sooner' 2026-31)"],
        *[[o] for o in A_OBJECTIVES],
        [],
        ["Digital & Data establishment, on the trust payroll (WTE)", A_FTE],
        ["Squads", "Access (crisis line and waiting lists), Community, Inpatient, Clinical Systems (EPR content), "
                   "Workforce. Each squad has a product manager and a clinical lead with funded sessions. Tech Services (9 WTE of the 31) "
                   "runs infrastructure and cyber."],
        ["Lived experience", "4 paid lived-experience advisers (0.4 WTE each) work with the squads."],
        ["How we decide", "Every project has a next checkpoint. The Digital Programme Board can carry on, "
                          "change, pause or stop work at any checkpoint; what we stop is reported to Trust Board."],
        ["We will not", "Buy a second patient portal; build apps the NHS App already does; start a project "
                        "without a named clinical lead; have more than 3 projects per squad in delivery."],
        ["Money", "£k. 'One-off' is capital or one-year money. 'Recurrent' is the yearly cost of running and "
                  "improving it, agreed in the financial plan."],
        ["DCA", "Green / Amber-Green / Amber / Amber-Red / Red - the SRO's delivery confidence."],
        ["Priority", "1 = do first, 2 = next, 3 = when capacity allows."],
    ]
    for r in rows:
        st.append(r)
    st["A1"].font = Font(bold=True, size=13)
    st["A3"].font = HEAD_FONT
    st.column_dimensions["A"].width = 55
    st.column_dimensions["B"].width = 95
    ws = wb.create_sheet(A_SHEET)
    write_header(ws, 1, A_COLS)
    rowmap = {}
    r = 2
    for p in A_PROJECTS:
        write_project(ws, r, A_COLS, p)
        rowmap[p["ref"]] = r
        r += 1
    r += 1
    ws.cell(row=r, column=1, value="Source: Digital PMO, 27/11/26. £k. Aims: see 'Plan on a page'.")
    ws.freeze_panes = "C2"
    widths(ws, A_COLS)
    return wb, 1, rowmap


def build_b():
    wb = Workbook()
    ws = wb.active
    ws.title = B_SHEET
    n = len(B_COLS)
    ws.cell(row=1, column=1, value="ALDERMARSH AMBULANCE SERVICE NHS TRUST - DIGITAL PROJECTS (NOV 2026)")
    ws.cell(row=1, column=1).font = Font(bold=True, size=13)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    ws.cell(row=2, column=1, value=(
        "Owner: Digital PMO. Updated 25/11/26. Strategy 2025-28 goals: " + " | ".join(B_OBJECTIVES) + ". "
        "Digital Services: 24 WTE employed (6 delivery leads, 5 developers/analysts, CSO 0.6 WTE; the rest "
        "service desk and infrastructure). Budget: cap = capital, rev = revenue per year. Said no to this "
        "year: our own patient app, a drone trial, a second video platform."))
    ws.cell(row=2, column=1).alignment = WRAP
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=n)
    ws.row_dimensions[2].height = 45
    write_header(ws, 3, B_COLS)
    rowmap = {}
    r = 4
    for p in B_PROJECTS:
        write_project(ws, r, B_COLS, p)
        rowmap[p["ref"]] = r
        r += 1
    ws.freeze_panes = "C4"
    widths(ws, B_COLS)
    return wb, 3, rowmap


def build_c():
    wb = Workbook()
    ws = wb.active
    ws.title = C_SHEET
    n = len(C_COLS)
    ws.cell(row=1, column=1, value="RAVENSHOLT UNIVERSITY TEACHING HOSPITALS NHS FT - DIGITAL & ICT PROJECT "
                                   "REGISTER 2026/27 (Nov update)")
    ws.cell(row=1, column=1).font = Font(bold=True, size=13)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    col = 1
    for g, span in C_GROUPS:
        c = ws.cell(row=2, column=col, value=g)
        c.font = HEAD_FONT
        c.fill = GROUP_FILL
        c.alignment = Alignment(horizontal="center")
        if span > 1:
            ws.merge_cells(start_row=2, start_column=col, end_row=2, end_column=col + span - 1)
        col += span
    assert col - 1 == n, (col, n)
    write_header(ws, 3, C_COLS)
    rowmap = {}
    r = 4
    for p in C_PROJECTS:
        if p["ref"] == C_ONHOLD_FROM:
            r += 1  # blank row
            ws.cell(row=r, column=1, value="ON HOLD / PAUSED").font = HEAD_FONT
            r += 1
        write_project(ws, r, C_COLS, p)
        rowmap[p["ref"]] = r
        r += 1
    first, last = 4, r - 1
    r += 1
    key_col = {k: j for j, (_h, _c, k) in enumerate(C_COLS, start=1)}
    ws.cell(row=r, column=1, value="TOTAL").font = HEAD_FONT
    for k in ("cap", "rev"):
        L = get_column_letter(key_col[k])
        c = ws.cell(row=r, column=key_col[k], value=f"=SUM({L}{first}:{L}{last})")
        c.number_format = "£#,##0"
        c.font = HEAD_FONT
    ws.cell(row=r + 1, column=1, value="Source: Digital PMO register, exported 26/11/26. Capital = whole-life "
                                       "capital; Revenue = annual. Themes and scales on the Lists tab.")
    ws.freeze_panes = "C4"
    widths(ws, C_COLS)
    ls = wb.create_sheet("Lists")
    rows = [
        ["Strategic Theme (trust strategy 2025-30)", "RAG", "Priority", "Stage"],
        [C_OBJECTIVES[0], "G", "P1", "Idea"],
        [C_OBJECTIVES[1], "A", "P2", "Proposal"],
        [C_OBJECTIVES[2], "A/R", "P3", "Business case"],
        [C_OBJECTIVES[3], "R", "", "Procurement"],
        [C_OBJECTIVES[4], "", "", "Delivery"],
        ["", "", "", "Live"],
        ["", "", "", "On hold"],
        [],
        ["Digital directorate (WTE)", C_FTE],
        ["of which", "Service desk 22, infrastructure 14, EPR team 12, PMO 6 (project managers), BI 10"],
    ]
    for row in rows:
        ls.append(row)
    ls["A1"].font = HEAD_FONT
    ls.column_dimensions["A"].width = 45
    ls.column_dimensions["B"].width = 40
    return wb, 3, rowmap


BUILDERS = {A_FILE: build_a, B_FILE: build_b, C_FILE: build_c}


# ---------------------------------------------------------------------------------------------
TEAM_OWNERS = ("", "it", "ict", "digital", "digital services", "pmo", "im&t", "communications")


def is_placeholder(v) -> bool:
    if v is None:
        return True
    s = str(v).strip().lower()
    return s in ("", "-", "n/a", "tbc", "tbd") or "tbc" in s or "vacant" in s


def is_missing_date(v) -> bool:
    if v is None:
        return True
    if isinstance(v, dt.datetime):
        return False
    s = str(v).strip().lower()
    return s in ("", "-", "n/a", "tbc", "tbd", "ongoing")


def main() -> int:
    errors: list[str] = []
    all_refs: list[str] = []
    dist = collections.defaultdict(collections.Counter)
    dist_by_wb = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    flag_counts = collections.Counter()
    flag_by_wb = collections.defaultdict(collections.Counter)
    for name, spec in PORTFOLIOS.items():
        wb, header_row, rowmap = BUILDERS[name]()
        path = HERE / f"{name}.xlsx"
        wb.save(path)
        lab = {
            "workbook": f"{name}.xlsx",
            "sheet": spec["sheet"],
            "header_row": header_row,
            "columns": {h: c for h, c, _k in spec["cols"]},
            "portfolio": {"verdict": spec["verdict"], "strategic_objectives": spec["objectives"],
                          "in_house_fte": spec["fte"], "reasons": spec["reasons"]},
            "projects": {p["ref"]: {"row": rowmap[p["ref"]],
                                    "principles": p["lab"]["principles"],
                                    "flags": p["lab"]["flags"]} for p in spec["projects"]},
        }
        (HERE / f"{name}.labels.json").write_text(json.dumps(lab, indent=2, ensure_ascii=False) + "\n",
                                                  encoding="utf-8")

        # ---- reopen and check ----
        back = json.loads((HERE / f"{name}.labels.json").read_text(encoding="utf-8"))
        if back != lab:
            errors.append(f"{name}: label file does not round-trip")
        wb2 = load_workbook(path)
        if back["sheet"] not in wb2.sheetnames:
            errors.append(f"{name}: sheet {back['sheet']} missing")
            continue
        ws = wb2[back["sheet"]]
        hdr = [c.value for c in ws[back["header_row"]] if c.value is not None]
        if hdr != list(back["columns"]):
            errors.append(f"{name}: header row differs from labelled columns")
        if len(set(hdr)) != len(hdr):
            errors.append(f"{name}: duplicate header text")
        canon = {"ref", "title", "description", "strategic_objective", "benefits", "kpis", "owner",
                 "clinical_lead", "supplier", "delivery_approach", "stage", "budget", "start_date",
                 "end_date", "rag", "priority", "other"}
        if not set(back["columns"].values()) <= canon:
            errors.append(f"{name}: unknown canonical field")
        refs_in_sheet = {}
        for r in range(1, ws.max_row + 1):
            v = ws.cell(row=r, column=1).value
            if isinstance(v, str) and re.fullmatch(spec["ref_re"], v):
                if v in refs_in_sheet:
                    errors.append(f"{name}: {v} appears twice in the sheet")
                refs_in_sheet[v] = r
        if set(refs_in_sheet) != set(back["projects"]):
            errors.append(f"{name}: refs in sheet {sorted(refs_in_sheet)} != labelled refs")
        for ref, entry in back["projects"].items():
            if entry["row"] <= back["header_row"]:
                errors.append(f"{name} {ref}: row above the header")
            if ws.cell(row=entry["row"], column=1).value != ref:
                errors.append(f"{name}: row {entry['row']} does not hold {ref}")
            if set(entry) != {"row", "principles", "flags"}:
                errors.append(f"{name} {ref}: unexpected keys {sorted(entry)}")
            if list(entry["principles"]) != PRINCIPLES:
                errors.append(f"{name} {ref}: principles incomplete or out of order")
            if not set(entry["principles"].values()) <= {"evident", "partial", "missing"}:
                errors.append(f"{name} {ref}: bad status")
            if entry["flags"] != [f for f in FLAGS if f in entry["flags"]]:
                errors.append(f"{name} {ref}: flags not in rubric order or unknown")
        # objectives and FTE are written somewhere in the workbook
        texts = []
        for sh in wb2.worksheets:
            for row in sh.iter_rows(values_only=True):
                texts.extend(str(v) for v in row if v is not None)
        blob = "\n".join(texts)
        for o in back["portfolio"]["strategic_objectives"]:
            if o not in blob:
                errors.append(f"{name}: objective '{o}' not found in workbook")
        fte = back["portfolio"]["in_house_fte"]
        if not re.search(rf"\b{fte}\b WTE|WTE\)?\n{fte}\b", blob):
            errors.append(f"{name}: FTE {fte} not found next to 'WTE'")
        # mechanical parts of the labels against the cells
        key_of = {k: j for j, (_h, _c, k) in enumerate(spec["cols"], start=1)}
        for p in spec["projects"]:
            ref, fl, clin = p["ref"], p["lab"]["flags"], p["lab"]["clinical"]
            r = rowmap[ref]
            cell = lambda k: ws.cell(row=r, column=key_of[k]).value if k in key_of else None  # noqa: E731
            words = len(str(cell("desc") or "").split())
            if words < 15 and "vague_or_hype" not in fl:
                errors.append(f"{name} {ref}: description {words} words but no vague_or_hype")
            md = is_missing_date(cell("start")) or is_missing_date(cell("end"))
            if "next" in key_of:
                md = md or cell("next") is None
            if md != ("missing_dates" in fl):
                errors.append(f"{name} {ref}: missing_dates mismatch (cells say {md})")
            ncl = clin and is_placeholder(cell("clin"))
            if ncl != ("no_clinical_lead" in fl):
                errors.append(f"{name} {ref}: no_clinical_lead mismatch")
            if "clinical_safety_missing" in fl and not clin:
                errors.append(f"{name} {ref}: clinical_safety_missing on a non-clinical project")
            own = cell("owner")
            no_own = own is None or str(own).strip().lower() in TEAM_OWNERS
            if no_own != ("no_owner" in fl):
                errors.append(f"{name} {ref}: no_owner mismatch")
            if "stuck_on_plan" in fl:
                rag = str(cell("rag") or "").lower().replace(" ", "")
                if rag not in ("r", "red", "a/r", "amber-red", "amber/red"):
                    errors.append(f"{name} {ref}: stuck_on_plan but RAG is {rag!r}")
            all_refs.append(ref)
            for pr, st in p["lab"]["principles"].items():
                dist[pr][st] += 1
                dist_by_wb[pr][name][st] += 1
            for f in fl:
                flag_counts[f] += 1
                flag_by_wb[name][f] += 1
        # the TOTAL formula row in C, when present, must not look like a project
        for r in range(back["header_row"] + 1, ws.max_row + 1):
            v = ws.cell(row=r, column=1).value
            if r not in rowmap.values() and isinstance(v, str) and re.match(r"[A-Z]{3}[-/]\d", v):
                errors.append(f"{name}: unlabelled ref-like cell at row {r}")
    # ---- across the set ----
    if len(all_refs) != len(set(all_refs)):
        errors.append("a ref is used twice")
    if not 42 <= len(all_refs) <= 46:
        errors.append(f"{len(all_refs)} projects")
    for pr in PRINCIPLES:
        if any(dist[pr][s] == 0 for s in ("evident", "partial", "missing")):
            errors.append(f"{pr}: not every value used {dict(dist[pr])}")
    for f in FLAGS:
        if flag_counts[f] < 3:
            errors.append(f"flag {f} occurs {flag_counts[f]} times")

    n = len(all_refs)
    names = list(PORTFOLIOS)
    print(f"{n} projects: " + ", ".join(f"{w} {len(PORTFOLIOS[w]['projects'])}" for w in names))
    print("| Principle | evident | partial | missing |")
    print("|---|---|---|---|")
    for pr in PRINCIPLES:
        cells = []
        for s in ("evident", "partial", "missing"):
            per = " / ".join(str(dist_by_wb[pr][w][s]) for w in names)
            cells.append(f"{dist[pr][s]} ({per})")
        print(f"| {pr} | " + " | ".join(cells) + " |")
    print("| Flag | projects | " + " | ".join(names) + " |")
    print("|---|---|" + "---|" * len(names))
    for f in FLAGS:
        print(f"| {f} | {flag_counts[f]} | " + " | ".join(str(flag_by_wb[w][f]) for w in names) + " |")
    if errors:
        print("\nCHECKS FAILED:")
        for e in errors:
            print(" -", e)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
