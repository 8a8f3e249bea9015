"""Generate blind evaluation set 4: three fictional NHS trust digital portfolios.

Run: .venv/bin/python tests/data/blind4/make_blind4.py   (needs openpyxl only)

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
    """code: 8 letters E/P/M for P1-P8; flags: space-separated F-numbers."""
    assert len(code) == 8 and set(code) <= set("EPM"), code
    fl = [FLAG_BY_NO[f] for f in flags.split()]
    return {"principles": dict(zip(PRINCIPLES, (CODE[c] for c in code))),
            "flags": [f for f in FLAGS if f in fl], "clinical": clinical}


# ---------------------------------------------------------------------------------------------
# Workbook A: Harlowmere Hospitals NHS Foundation Trust (acute) - coherent
# Strategy sheet first, data sheet 'Portfolio' with the header in row 1.
# ---------------------------------------------------------------------------------------------
A_FILE = "harlowmere_hospitals_digital_portfolio_nov26"
A_SHEET = "Portfolio"
A_COLS = [
    ("Ref", "ref", "ref"),
    ("Initiative name", "title", "title"),
    ("Objective", "strategic_objective", "obj"),
    ("What's the problem", "description", "desc"),
    ("Who it's for", "other", "users"),
    ("Anticipated benefits", "benefits", "ben"),
    ("Measures of success", "kpis", "kpi"),
    ("Exec sponsor", "owner", "owner"),
    ("Clinical lead", "clinical_lead", "clin"),
    ("Product team", "other", "team"),
    ("How we'll deliver", "delivery_approach", "how"),
    ("Commercials", "supplier", "comm"),
    ("Clinical safety", "other", "safety"),
    ("Stage", "stage", "stage"),
    ("Start", "start_date", "start"),
    ("End", "end_date", "end"),
    ("Next decision", "other", "next"),
    ("Capital £k", "budget", "cap"),
    ("Run cost £k pa", "budget", "run"),
    ("RAG", "rag", "rag"),
    ("Priority", "priority", "pri"),
    ("Last board decision", "other", "dec"),
]
A_OBJECTIVES = [
    "SO1 Shorter waits for planned care",
    "SO2 Better flow: fewer long stays and fewer delays in ED",
    "SO3 Safe care: medicines and deterioration",
    "SO4 Give staff time back",
]
A_FTE = 38
A_PROJECTS = [
    dict(ref="HM-01", title="Discharge TTOs - one electronic workflow", obj="SO2",
         desc="TTOs are started on paper, retyped into EPMA by pharmacy and chased by phone. We followed 40 "
              "discharges on ward 7 and ward 9 in June: median 4h 10m from 'medically fit' to medicines ready.",
         users="Ward doctors, ward pharmacists, discharge coordinators, patients going home",
         ben="Patients leave earlier in the day; fewer phone calls between wards and pharmacy",
         kpi="Fit to TTO ready (baseline 4h10m, target under 2h); discharges before midday (baseline 14%, "
             "target 30%). Weekly run chart at the flow huddle",
         owner="Chief Operating Officer", clin="Dr A. Whitlow, consultant physician (2 PAs funded)",
         team="Medicines",
         how="Ward 7 first for 6 weeks, then medical wards two at a time. Form changes released fortnightly, "
             "ward nurses and pharmacists try each change on the test system first. Built by our own EPMA "
             "analysts.",
         comm="Corvane EPR - existing licence, no new spend", safety="Hazard log open; CSO signs off each "
         "release (DCB0160)", stage="Rollout", start=D(2025, 9, 1), end=D(2027, 3, 31),
         next=D(2026, 12, 15), cap=0, run=60, rag="Green", pri="High",
         dec="Oct-26: go for surgical wards. Pharmacist check step simplified after ward 7 nurses showed "
             "it added 25 min.",
         lab=labels("EEEEEPEE", "", True)),
    dict(ref="HM-02", title="Clinic letters - speech recognition", obj="SO1",
         desc="Outpatient letters take a median 11 working days from clinic to GP and patient. An audit of "
              "300 letters with two secretaries showed most of the delay is the typing queue, not dictation.",
         users="Consultants and registrars in outpatients; medical secretaries; GPs and patients",
         ben="Patients and GPs get letters within days; secretaries move from typing to booking",
         kpi="Working days from clinic to letter out (baseline 11, target 3); % letters edited by the clinician "
             "themselves. Monthly to Outpatients board",
         owner="Medical Director", clin="Dr R. Osei, CCIO", team="Outpatients & Access",
         how="Trial in ENT and dermatology (8 clinicians) for 10 weeks. Stop if fewer than half are still "
             "using it at week 8. Then one specialty at a time.",
         comm="Sennen Voice via framework call-off. 12-month licences with a 90-day break; letters stay in "
              "the EPR", safety="DCB0160 assessment done; hazard log covers misheard drug names",
         stage="Pilot", start=D(2026, 6, 1), end=D(2027, 6, 30), next=D(2027, 1, 20), cap=20, run=45,
         rag="Amber", pri="High",
         dec="Sep-26: ENT pilot extended 4 weeks after mic problems in clinic rooms 3-5.",
         lab=labels("EEEEPEPE", "", True)),
    dict(ref="HM-03", title="Ward computers on wheels - replace and add", obj="SO3",
         desc="Across six medical wards, nurses wait for a working COW during drug rounds. Over one week in March "
              "we logged 19 of 42 COWs out of use (batteries, wheels, log-in). Replace the worst 30 and add 12.",
         users="Ward nurses, HCAs, ward pharmacists",
         ben="Drug rounds not held up waiting for a computer; fewer late doses",
         kpi="COWs out of use per week (baseline 19, target under 4); late doses from the EPMA report, monthly",
         owner="Chief Nurse", clin="CNIO (J. Pardoe)", team="Platforms",
         how="Two wards first to check battery life over a full shift, then the other wards in 3 batches. "
             "Ward managers picked the model after trying 3 on ward 12.",
         comm="Hardware via NHS framework mini-competition; 5-yr warranty", safety="n/a (hardware)",
         stage="Delivery", start=D(2026, 4, 1), end=D(2026, 12, 18), next=D(2026, 12, 10), cap=210, run=0,
         rag="Green", pri="Medium",
         dec="Jul-26: batch 2 held for 3 weeks until charging bays were fitted - COWs were being left "
             "unplugged.",
         lab=labels("EPEEPPPE", "F9", False)),
    dict(ref="HM-04", title="GP referrals to SDEC - electronic referral and tracking", obj="SO2",
         desc="GPs phone the SDEC coordinator. In a 2-week audit 31% of calls were not answered first time "
              "and patients were sent to ED instead. Coordinators keep the list on paper.",
         users="GPs, SDEC coordinators and nurses; patients referred the same day",
         ben="Fewer same-day patients routed through ED; coordinators stop keeping a paper list",
         kpi="GP referrals to SDEC that come via ED (baseline 24%, target 10%); time to respond to a "
             "referral. Weekly at the flow meeting",
         owner="Chief Operating Officer", clin="Dr M. Tennant, SDEC lead", team="Flow",
         how="Alpha with 3 practices in Holme PCN for 6 weeks, built by the Flow team with coordinators "
             "testing screens every week; then all PCNs in the ICS.",
         comm="Brantwick & Holme ICS referral platform (already licensed); FHIR referral into Corvane EPR; "
              "no new contract", safety="CSO hazard log in progress; DCB0160 before alpha",
         stage="Alpha", start=D(2026, 10, 1), end=D(2027, 5, 31), next=D(2027, 1, 12), cap=0, run=25,
         rag="Green", pri="High",
         dec="Sep-26: approved for alpha only; decision to scale at the Jan review, judged on the via-ED "
             "figure.",
         lab=labels("EEEEEEEE", "", True)),
    dict(ref="HM-05", title="PIFU - rheumatology and gastro", obj="SO1",
         desc="About 1 in 5 routine follow-ups are booked just in case. Consultants reviewed 200 records and "
              "judged 38% not needed. Patients told our patient panel they would rather call in when they "
              "flare.",
         users="Patients with long-term conditions in rheumatology and gastro; clinicians; booking team",
         ben="Patients come back when their condition needs it; clinic slots freed for new patients",
         kpi="Follow-up to new ratio (baseline 2.4, target 1.9); PIFU patients who turn up at ED instead. "
             "Monthly",
         owner="Chief Operating Officer", clin="Dr H. Varga, consultant rheumatologist",
         team="Outpatients & Access",
         how="Rheumatology first, gastro in Q2. Worklist changes built in-house; messages sent via the NHS "
             "App and text, letter for those who opt out.",
         comm="NHS App / national notification service (no licence cost)",
         safety="Safety-netting rules agreed with clinicians; hazard log owned by CSO",
         stage="Delivery", start=D(2026, 3, 2), end=D(2027, 3, 31), next=D(2027, 2, 2), cap=0, run=30,
         rag="Amber", pri="Medium",
         dec="Jun-26: gastro held back until rheumatology shows no rise in ED returns.",
         lab=labels("EEEEEEEE", "", True)),
    dict(ref="HM-06", title="EPMA for children's wards", obj="SO3",
         desc="Children's wards still use paper drug charts because weight-based dosing was not set up when "
              "EPMA went live. Pharmacy audit: 6.1 prescribing errors per 100 charts on paper against 2.3 on "
              "adult EPMA wards.",
         users="Paediatric doctors, children's nurses, paediatric pharmacists",
         ben="Fewer dosing errors for children",
         kpi="Prescribing errors per 100 charts (6.1 now, aim 3); re-audit 3 months after go-live",
         owner="Medical Director", clin="Dr S. Kaur, paediatric consultant; Chief Pharmacist",
         team="Medicines",
         how="Our EPMA analysts build the dosing rules and test them with children's nurses. Children's ward "
             "first, then the neonatal unit once weight-change alerts are proven.",
         comm="Corvane EPR (existing contract); paediatric content from the supplier's library",
         safety="Hazard log opened; DCB0129 from Corvane received, DCB0160 in progress",
         stage="Build", start=D(2026, 5, 4), end=D(2027, 4, 30), next=D(2027, 1, 27), cap=40, run=35,
         rag="Amber", pri="High",
         dec="Nov-26: neonatal unit taken out of scope for now - weights change daily and those alerts are "
             "not tested.",
         lab=labels("EEPEEPEE", "", True)),
    dict(ref="HM-07", title="Privileged access management", obj="Enabler - cyber",
         desc="DSPT and the 2025 pen test found more than 60 shared admin accounts. Put privileged accounts "
              "behind a PAM tool and remove the shared logins.",
         users="IT engineers; suppliers with remote access",
         ben="DSPT standard met; lower cyber risk",
         kpi="Shared admin accounts (baseline 64, target 0)",
         owner="Chief Finance Officer (SIRO)", clin="n/a", team="Platforms",
         how="Tier 0 accounts first, then server admins, then suppliers' remote access",
         comm="Tamsin Security via cyber framework; 3 yrs + 1", safety="n/a",
         stage="Delivery", start=D(2026, 7, 1), end=D(2027, 3, 31), next=D(2027, 1, 6), cap=85, run=40,
         rag="Green", pri="Medium", dec="Jul-26: approved.",
         lab=labels("MMPEPPMM", "F1 F3", False)),
    dict(ref="HM-08", title="Frailty virtual ward - home monitoring", obj="SO2",
         desc="Frail older patients stay in hospital waiting for community follow-up. Extend the frailty "
              "virtual ward with home monitoring kits so patients can go home 1-2 days sooner.",
         users="Frail older patients and carers; virtual ward nurses; geriatricians",
         ben="Patients home sooner; fewer readmissions",
         kpi="Virtual ward occupancy (target 80% of 20 beds); LoS for frailty admissions (baseline 9.2 days)",
         owner="Chief Operating Officer", clin="Dr P. Nair, geriatrician", team="Flow",
         how="Kits for 20 patients first; grow to 40 if occupancy holds",
         comm="Larkspur Telehealth - call-off for 2 years under a framework. Money from the ICS runs out "
              "end of March 2027; no recurrent funding agreed",
         safety="Supplier DCB0129 requested", stage="Live", start=D(2025, 11, 3), end=D(2027, 3, 31),
         next=D(2027, 2, 10), cap=0, run=180, rag="Amber", pri="High",
         dec="Oct-26: carry on to Mar-27; case for recurrent funding due in Feb.",
         lab=labels("PEPEPPMP", "F9 F12", True)),
    dict(ref="HM-09", title="Pre-op assessment questionnaire online", obj="SO1",
         desc="Pre-op nurses spend about 40 minutes per patient on a phone questionnaire, and 1 in 4 patients "
              "needs no face-to-face assessment. Nurses and 15 patients tried a paper mock-up of an online "
              "version.",
         users="Patients waiting for surgery; pre-op nurses; anaesthetists",
         ben="Patients answer at home; nurses spend their time on the complex patients; fewer operations "
             "cancelled on the day",
         kpi="Patients cancelled on the day of surgery for pre-op reasons (now 3.8%, aim 2%); nurse phone "
             "time per patient. Monthly",
         owner="Chief Operating Officer", clin="Dr K. Lowe, consultant anaesthetist",
         team="Outpatients & Access",
         how="Orthopaedics first with a basic questionnaire for 4 weeks, then general surgery, then gynae",
         comm="Ostley Digital - trial for 6 months, no commitment, then 2 yrs via G-Cloud. Answers go into "
              "the EPR by API; data returned to us on exit",
         safety="DPIA done; DCB0160 signed by CSO before first use", stage="Beta", start=D(2026, 2, 2),
         end=D(2026, 12, 18), next=D(2026, 12, 8), cap=0, run=38, rag="Green", pri="Medium",
         dec="Aug-26: keep after the trial; 2 questions removed because patients misread them.",
         lab=labels("EEEEPEEE", "", True)),
    dict(ref="HM-10", title="Corvane EPR version upgrade and contract extension", obj="Enabler - EPR",
         desc="Our EPR version is unsupported from Sep-27. Upgrade to v12 and extend the Corvane contract "
              "by 5 years.",
         users="All EPR users", ben="Supported version; access to new modules",
         kpi="Upgrade done by Sep-27", owner="Chief Finance Officer", clin="Dr R. Osei, CCIO",
         team="Platforms", how="Supplier-led upgrade; one weekend of downtime for all areas",
         comm="Corvane - direct award extension, 5 yrs, no break", safety="CSO to review supplier release "
         "notes", stage="Planning", start=D(2026, 9, 1), end=D(2027, 9, 30), next=D(2027, 1, 27), cap=650,
         run=95, rag="Amber", pri="High",
         dec="Oct-26: Board accepted the extension as there is no realistic alternative before Sep-27.",
         lab=labels("MMMMPMMM", "F1 F2 F3 F4 F7 F8 F12", True)),
    dict(ref="HM-11", title="Bed state screens on wards and in the site office", obj="SO2",
         desc="Ward whiteboards are handwritten and the site team rings round for bed states 4 times a day. "
              "Show the EPR bed state on screens on each ward and in the site office.",
         users="Site managers, nurse in charge, discharge team",
         ben="Site team knows about free beds sooner; less ringing round",
         kpi="Time from discharge to bed shown as clean (no baseline yet); calls per shift - to be counted",
         owner="Chief Operating Officer", clin="Deputy Chief Nurse", team="Flow",
         how="Phased by ward", comm="Screens via framework; display built on EPR data",
         safety="Not clinical - CSO to confirm", stage="Design", start=D(2026, 11, 2), end=D(2027, 7, 30),
         next=D(2027, 1, 19), cap=120, run=15, rag="Green", pri="Medium",
         dec="Nov-26: design approved; count the calls for a month before anything is built.",
         lab=labels("PPPPPPMP", "F2", False)),
    dict(ref="HM-12", title="CXR prioritisation software - silent trial", obj="SO1",
         desc="Chest X-rays from GP referrals wait up to 10 days for a report. We trialled an AI tool that "
              "flags likely abnormal films so they are reported first.",
         users="Radiologists, reporting radiographers; patients referred by their GP",
         ben="Suspected lung cancer reported sooner",
         kpi="Days to report for flagged films (baseline 10); agreement with radiologist read (95% needed)",
         owner="Medical Director", clin="Dr T. Abara, consultant radiologist", team="Data",
         how="12 weeks running silently alongside normal reporting; no patient decisions from the tool",
         comm="Sorrel Imaging - free evaluation licence, no commitment; images stay on site",
         safety="Hazard log and DCB0160 done for silent running", stage="Stopped", start=D(2026, 1, 12),
         end=D(2026, 5, 29), next="n/a (stopped)", cap=0, run=0, rag="-", pri="-",
         dec="Jun-26: stopped. Agreement 88% on our films against 95% needed. Not to be revisited for "
             "2 years.",
         lab=labels("EEEEPEPE", "", True)),
    dict(ref="HM-13", title="Computer-assisted coding", obj="Financial plan 26/27",
         desc="Coders work from paper notes and the EPR, and the coding backlog averages 1,900 episodes on "
              "the last working day of each month. "
              "A supplier has proposed software that reads EPR notes and suggests codes.",
         users="Clinical coders", ben="About £400k a year more income from complete coding",
         kpi="Coding backlog on the last working day (baseline 1,900); depth of coding",
         owner="Chief Finance Officer", clin="n/a", team="Data",
         how="Options appraisal first; Feb board decides whether to go to procurement",
         comm="Talked to 3 suppliers; nothing committed", safety="n/a", stage="Options",
         start=D(2026, 10, 5), end=D(2027, 3, 31), next=D(2027, 2, 16), cap="TBC", run="TBC",
         rag="Green", pri="Low",
         dec="Oct-26: options appraisal approved; no procurement until we know why the backlog builds up.",
         lab=labels("PPPMMPMP", "F3", False)),
    dict(ref="HM-14", title="Tap-and-go log-in on shared ward PCs", obj="SO4",
         desc="Nurses log in to shared PCs up to 30 times a shift. We timed 120 log-ins on 3 wards: 52 "
              "seconds on average, counting the EPR launch.",
         users="Ward nurses, doctors and AHPs using shared PCs",
         ben="Staff get time back; fewer people working under someone else's log-in",
         kpi="Average time to EPR (baseline 52s, target 10s); shared sessions found in audit. Sample "
             "timings monthly",
         owner="Chief Nurse", clin="CNIO (J. Pardoe)", team="Platforms",
         how="Two wards for a month, then waves of 5 wards; wave 1 live in Feb",
         comm="Pinnacre SSO - 2-yr extension of the existing licence, no auto-renew", safety="n/a",
         stage="Build", start=D(2026, 9, 14), end=D(2027, 9, 30), next=D(2027, 2, 23), cap=140, run=22,
         rag="Amber", pri="Medium", dec="Nov-26: wave 1 moved from Jan to Feb - card readers late.",
         lab=labels("EEEEPPMM", "", False)),
    dict(ref="HM-15", title="Results acknowledgement in the EPR", obj="SO3",
         desc="A 2025 serious incident found an abnormal CT result not seen for 7 weeks. 41% of inpatient "
              "results are never marked as seen. Doctors on 4 wards showed us why: one inbox with 300+ "
              "results a day.",
         users="Consultants, resident doctors, ward teams",
         ben="Abnormal results seen and acted on; no more missed results",
         kpi="Results acknowledged within 7 days (baseline 59%, target 90%); weekly report to divisions",
         owner="Medical Director", clin="Dr F. Marsh, deputy CCIO", team="Inpatient",
         how="Filtered and sorted inbox for respiratory first; 4 releases over 6 months, built in-house",
         comm="Corvane EPR configuration (existing contract)", safety="Hazard log HL-22; CSO review of each "
         "release", stage="Delivery", start=D(2026, 6, 1), end=D(2027, 1, 29), next=D(2026, 12, 16),
         cap=0, run=40, rag="Green", pri="Medium",
         dec="Sep-26: resident doctors asked for a 'critical only' view - added to release 2, rest of the "
             "scope held.",
         lab=labels("EEEEEPEE", "", True)),
]

# ---------------------------------------------------------------------------------------------
# Workbook B: Cleevemoor and Tarrow Hospitals NHS Trust (acute, 2 sites) - shopping list
# Title row 1, notes row 2, header row 3; blank row and a pipeline section heading near the end.
# ---------------------------------------------------------------------------------------------
B_FILE = "cleevemoor_tarrow_imt_schemes_2026-27"
B_SHEET = "Schemes 26-27"
B_COLS = [
    ("No.", "ref", "ref"),
    ("Scheme", "title", "title"),
    ("Directorate", "other", "dir"),
    ("Exec sponsor", "owner", "owner"),
    ("Scheme lead", "other", "lead"),
    ("Description", "description", "desc"),
    ("Trust objective", "strategic_objective", "obj"),
    ("Expected benefits", "benefits", "ben"),
    ("KPI", "kpis", "kpi"),
    ("Clinical lead", "clinical_lead", "clin"),
    ("Supplier", "supplier", "sup"),
    ("Commercials", "other", "comm"),
    ("Approach", "delivery_approach", "how"),
    ("Funding source", "other", "fund"),
    ("Cost", "budget", "cost"),
    ("Start", "start_date", "start"),
    ("Go-live", "end_date", "end"),
    ("RAG", "rag", "rag"),
    ("Priority", "priority", "pri"),
    ("Update", "other", "upd"),
]
B_OBJECTIVES = ["Safe & effective care", "Timely access", "Our people", "Financial balance"]
B_FTE = 12
B_PROJECTS = [
    dict(ref="SCH-01", title="EPR Phase 2 - order comms and results", dir="Trust-wide",
         owner="Director of Finance", lead="Interim programme director (Vexley Consulting)",
         desc="Roll out order comms and results reporting to all inpatient and outpatient areas on both "
              "sites. Needed to complete the EPR FBC.",
         obj="Safe & effective care", ben="Paperless requesting; EPR benefits realised",
         kpi="Go-live achieved", clin="CCIO post vacant", sup="Halvard Systems",
         comm="Part of 10-yr EPR contract (2022)",
         how="Single go-live both sites; Vexley to manage cutover", fund="Capital (NHSE)",
         cost="£2.9m", start="Apr-25", end="Mar-27", rag="R", pri="1 - Must",
         upd="Go-live Jun-26 -> Nov-26 -> Mar-27. Scope as before. Waiting for supplier recovery plan.",
         lab=labels("MMMMMMMM", "F1 F2 F3 F4 F5 F7 F8 F9 F10 F11 F12", True)),
    dict(ref="SCH-02", title="Wi-Fi refresh - Tarrow", dir="IM&T", owner="Director of Finance",
         lead="Network manager",
         desc="Replace end of life wireless access points at Tarrow Community Hospital.",
         obj="IT infrastructure", ben="Improved coverage", kpi="-", clin="n/a", sup="Linnet Networks",
         comm="Direct award - extension of existing maintenance contract", how="Site survey then install",
         fund="Capital", cost="£180k", start="Jan-27", end="Mar-27", rag="G", pri="1 - Must",
         upd="Survey booked",
         lab=labels("MMMMMMMM", "F1 F2 F3 F8 F9 F11", False)),
    dict(ref="SCH-03", title="Patient engagement portal", dir="Planned care",
         owner="Chief Operating Officer", lead="Outpatient service manager",
         desc="Outpatients want a portal where patients see their appointment times and clinic letters and "
              "answer pre-clinic questionnaires. Request came after a supplier demonstration in the summer.",
         obj="Timely access", ben="Fewer missed appointments; lower postage bill; better experience for patients",
         kpi="DNAs; postage", clin="TBC", sup="Orlenta Health",
         comm="3+2 yrs via framework, fixed scope", how="Supplier's standard implementation plan",
         fund="Revenue - from postage savings", cost="£240k + £85k pa", start="Q4 26/27", end="TBC",
         rag="", pri="1 - Must",
         upd="Overlaps with SCH-09? Comms want their own app. To discuss.",
         lab=labels("PPPMMMMM", "F2 F5 F7 F8 F12 F13", True)),
    dict(ref="SCH-04", title="E-obs - adult wards", dir="Medicine", owner="Chief Nurse",
         lead="Deputy Chief Nurse",
         desc="Move ward observations from paper charts to handheld devices with NEWS2 worked out "
              "automatically. Matrons on 2 wards tried the devices for a week and liked them.",
         obj="Safe & effective care",
         ben="Deteriorating patients picked up earlier; nurses stop re-writing obs",
         kpi="% obs done on time (baseline 71%, May audit); cardiac arrest calls",
         clin="Matron - Acute Medicine", sup="Obswell", comm="Framework call-off, 3 yrs",
         how="Ward by ward, medicine first", fund="Capital (device bid) - revenue TBC",
         cost="£410k capital", start=D(2026, 6, 1), end=D(2027, 6, 30), rag="A", pri="1 - Must",
         upd="Ward 4 live Oct. DCB0160 not started - CSO post vacant.",
         lab=labels("PPPEPPPM", "F9 F12", True)),
    dict(ref="SCH-05", title="Windows 11 - remaining devices", dir="IM&T", owner="Director of Finance",
         lead="IT operations manager",
         desc="Finish the Windows 11 upgrade on the remaining 900 devices. Extended support bought to "
              "Oct-26 for devices not done.",
         obj="Cyber / NHSE mandate", ben="Compliance with NHSE cyber requirements",
         kpi="% devices on Win 11", clin="n/a", sup="Tayne Resourcing (contractors)",
         comm="Day-rate contractors, T&M", how="Agency engineers working through the remaining machines building by building",
         fund="Revenue - IM&T budget", cost="£160k", start="Jan-26", end="Oct-26", rag="A/R",
         pri="1 - Must",
         upd="Finish moved Jun-26 -> Oct-26 -> Jan-27. 900 left (1,100 in June). Extended support "
             "bought again.",
         lab=labels("MMMPMMMM", "F1 F2 F3 F7 F10", False)),
    dict(ref="SCH-06", title="RPA - back office", dir="Corporate", owner="Director of Finance",
         lead="Head of Transformation",
         desc="Deploy RPA bots for repetitive admin in payroll, procurement and medical records.",
         obj="Financial balance", ben="Efficiency savings; release capacity", kpi="Bots in production",
         clin="-", sup="Ravelin Automation", comm="Single tender - 3 yr licence, auto-renews",
         how="Consultancy to find the processes and build the bots", fund="Invest to save",
         cost="£350k", start="Q3 26/27", end="Ongoing", rag="G", pri="1 - Must",
         upd="Process discovery workshops in Dec",
         lab=labels("MMMMMMMM", "F1 F2 F3 F7 F8 F11 F13", False)),
    dict(ref="SCH-07", title="Theatre utilisation dashboard", dir="Surgery",
         owner="Chief Operating Officer", lead="BI manager",
         desc="Build a dashboard for theatre utilisation so that theatre managers can see late starts and "
              "early finishes by list and by specialty.",
         obj="Timely access", ben="Better visibility of theatre performance",
         kpi="Dashboard live; users per month", clin="Clinical Director - Surgery", sup="In-house BI team",
         comm="n/a - existing BI licences", how="Sprints with theatre managers (5 x 2 weeks)",
         fund="BAU", cost="nil", start=D(2026, 9, 1), end=D(2026, 12, 18), rag="G", pri="2 - Should",
         upd="Sprint 3 of 5. Theatre managers shown the latest version at fortnightly catch-ups.",
         lab=labels("PMPEEPPM", "F2 F3", False)),
    dict(ref="SCH-10", title="Discharge summaries - fix failed sends to GPs", dir="Medicine",
         owner="Medical Director", lead="EPR team lead",
         desc="About 1 in 12 discharge summaries never reach the GP because of practice code errors. Ward "
              "clerks and two GP practice managers went through the rejected summaries with us. Fix: a lookup at "
              "discharge and a daily fail queue.",
         obj="Safe & effective care",
         ben="GPs get the summary the same day; fewer medicines mix-ups after discharge",
         kpi="Failed sends (8.3% now; aim under 1%); checked weekly by the EPR team",
         clin="Dr N. Kerr, acute physician", sup="Trust EPR team (Halvard EPR)",
         comm="Within existing EPR licence; uses national GP messaging",
         how="Fail queue first (2 weeks), lookup in the next EPR release, then ward by ward",
         fund="BAU", cost="nil", start=D(2026, 8, 3), end=D(2027, 1, 29), rag="G", pri="1 - Must",
         upd="Fail queue live Sep - 140 summaries re-sent in the first month. CSO reviewed the change; "
             "hazard log updated.",
         lab=labels("EEEEEEEM", "", True)),
    dict(ref="SCH-11", title="Managed SOC", dir="IM&T", owner="Director of Finance (SIRO)",
         lead="Head of IT", desc="Outsource 24/7 security monitoring to a managed SOC.", obj="Cyber",
         ben="Reduced cyber risk; DSPT compliance", kpi="DSPT met", clin="n/a", sup="Warden Cyber",
         comm="Direct award, 5 yrs", how="Supplier to onboard", fund="Revenue", cost="£120k pa",
         start="Feb-27", end="Apr-27", rag="G", pri="1 - Must", upd="With procurement",
         lab=labels("MMMMMMMM", "F1 F2 F3 F7 F8 F11", False)),
    dict(ref="SCH-13", title="Heart failure virtual ward", dir="Medicine",
         owner="Chief Operating Officer", lead="HF nurse consultant",
         desc="Remote monitoring for heart failure patients sent home early, run with the community HF "
              "nurses. ICS-funded pilot of 15 beds; patients get scales and a BP cuff.",
         obj="Timely access", ben="Patients home sooner; fewer readmissions",
         kpi="Readmissions within 30 days (baseline 24%); beds in use", clin="Dr O. Fenn, cardiologist",
         sup="Hearthwise Remote Care", comm="ICS framework call-off; ends with the pilot",
         how="15-bed pilot, review at 6 months", fund="ICS pilot funding to Mar-27", cost="£140k",
         start=D(2026, 4, 6), end=D(2027, 3, 31), rag="A", pri="1 - Must",
         upd="9 of 15 beds in use. No funding agreed after Mar-27.",
         lab=labels("PPPEPPMP", "F9 F12", True)),
    dict(ref="SCH-14", title="Managed print", dir="IM&T", owner="", lead="IT procurement",
         desc="Managed print service renewal.", obj="", ben="Savings £40k pa", kpi="Savings", clin="",
         sup="Foxley Print Solutions", comm="Auto-renewed 3 yrs (notice date missed)", how="-",
         fund="Revenue", cost="£210k pa", start="Apr-26", end="Ongoing", rag="G", pri="2 - Should",
         upd="-",
         lab=labels("MMMMMMMM", "F1 F3 F6 F8 F11 F13", False)),
    # --- pipeline section ---
    dict(ref="SCH-08", title="AI for ED triage", dir="Urgent care", owner="Chief Executive",
         lead="Innovation lead", desc="Explore use of AI to transform ED streaming and triage.",
         obj="Innovation", ben="World-class urgent care; reduced waits", kpi="TBC", clin="TBC",
         sup="Nexora AI", comm="Free proof of concept offered", how="Proof of concept",
         fund="TBC - possible NHSE AI fund", cost="TBC", start="TBC", end="TBC", rag="", pri="1 - Must",
         upd="CEO keen. Supplier presenting to Exec in Jan.",
         lab=labels("MMMPMPMM", "F1 F2 F5 F11 F12 F13", True)),
    dict(ref="SCH-09", title="Trust app", dir="Corporate", owner="Communications", lead="Comms manager",
         desc="Trust app with appointment reminders, wayfinding, parking and news. Requested by "
              "Communications.",
         obj="Reputation", ben="Modern image; better patient experience", kpi="Downloads", clin="n/a",
         sup="Tinderbox Apps", comm="Quote received", how="Supplier build", fund="Charitable funds",
         cost="£65k", start="Q1 27/28", end="TBC", rag="", pri="2 - Should", upd="See SCH-03",
         lab=labels("MMMMMMMM", "F1 F2 F6 F7 F9 F11 F13", False)),
    dict(ref="SCH-12", title="Maternity system replacement", dir="Women's & children's",
         owner="Director of Midwifery", lead="Digital midwife",
         desc="The maternity system contract ends Mar-28. Replace it with a new maternity EPR; options are "
              "the Halvard module or a standalone product.",
         obj="Safe & effective care", ben="Supported system; better data for MSDS",
         kpi="MSDS submission quality", clin="Digital midwife (K. Ames)", sup="TBC - procurement",
         comm="TBC", how="TBC", fund="Capital bid 27/28", cost="see business case", start="Apr-27",
         end="Mar-28", rag="", pri="1 - Must",
         upd="Community midwives asked to keep their mobile app - not yet looked at.",
         lab=labels("MMPMPMMM", "F1 F2 F3 F9 F12", True)),
]
B_PIPELINE_FROM = "SCH-08"  # section heading row goes above this ref

# ---------------------------------------------------------------------------------------------
# Workbook C: Eskmere Partnership NHS Foundation Trust (community and mental health) - shopping list
# Data sheet first with the header in row 1; 'Key' sheet after it; blank row and source note below.
# ---------------------------------------------------------------------------------------------
C_FILE = "eskmere_partnership_digital_projects_q3"
C_SHEET = "Digital projects"
C_COLS = [
    ("Project ID", "ref", "ref"),
    ("Initiative name", "title", "title"),
    ("Service line", "other", "svc"),
    ("Lead director", "owner", "owner"),
    ("Project manager", "other", "pm"),
    ("Summary", "description", "desc"),
    ("Objective no.", "strategic_objective", "obj"),
    ("Benefits (anticipated)", "benefits", "ben"),
    ("How success will be measured", "kpis", "kpi"),
    ("Clinical lead / CCIO", "clinical_lead", "clin"),
    ("Delivery partner", "supplier", "sup"),
    ("Contract", "other", "comm"),
    ("Approach", "delivery_approach", "how"),
    ("Clinical safety", "other", "safety"),
    ("IG / DPIA", "other", "ig"),
    ("Funding source", "other", "fund"),
    ("Cost (£)", "budget", "cost"),
    ("Start date", "start_date", "start"),
    ("End date", "end_date", "end"),
    ("RAG (DCA)", "rag", "rag"),
    ("Priority", "priority", "pri"),
    ("Decisions / updates", "other", "dec"),
]
C_OBJECTIVES = [
    "1 Care closer to home",
    "2 Timely access to mental health care",
    "3 Safe, effective care",
    "4 Looking after our people",
    "5 Working with our partners",
]
C_FTE = 11
C_PROJECTS = [
    dict(ref="ESK-01", title="Community & MH EPR re-procurement", svc="Trust-wide",
         owner="Director of Finance & Digital", pm="Interim PM (Pellow Associates)",
         desc="The Calyx EPR contract ends Sep-28. Joint procurement with 2 neighbouring MH trusts. A "
              "clinical reference group of 30 staff started in Sep and its first sessions listed the top 10 "
              "problems with Calyx.",
         obj=3, ben="Clinicians get time back from documentation; one record across community and MH; "
                    "supported system",
         kpi="Staff EPR satisfaction (baseline 38/100, 2026 survey); time to complete an MH assessment - "
             "to be timed",
         clin="CCIO (Dr E. Lyle, 2 sessions)", sup="TBC - joint procurement",
         comm="Joint tender via framework; FHIR APIs, data migration and exit clauses required",
         how="Community services first, then inpatient MH; waves to be set at FBC",
         safety="CSO on evaluation panel; hazard log from contract award", ig="DPIA at FBC",
         fund="Capital 27/28-28/29 + revenue in FBC", cost=6400000, start=D(2026, 4, 1),
         end=D(2029, 3, 31), rag="Amber/Green", pri="Critical",
         dec="Sep-26 board: OBC approved; FBC due Jun-27.",
         lab=labels("PPPPPEPP", "", True)),
    dict(ref="ESK-02", title="Talking therapies - online self-referral", svc="Adult MH",
         owner="Director of Operations", pm="PM (R. Dhillon)",
         desc="People can refer themselves to talking therapies online instead of by phone. 40% of phone "
              "self-referrals drop out before assessment (2025 data); the lived experience panel tried a "
              "prototype form in August.",
         obj=2, ben="People get assessed sooner; fewer drop out before assessment",
         kpi="Drop-out before assessment (baseline 40%, target 25%); days from referral to assessment. "
             "Monthly to the service board",
         clin="Dr A. Reid, consultant clinical psychologist", sup="Fennel Forms Ltd",
         comm="12-month pilot licence, break at 6 months; referrals go into the EPR by API",
         how="Eskby North locality for 3 months, then trust-wide",
         safety="Hazard log done; CSO has approved the risk questions", ig="DPIA approved",
         fund="Revenue (service budget)", cost=28000, start=D(2026, 7, 1), end=D(2027, 6, 30),
         rag="Green", pri="High",
         dec="Oct-26: risk screening wording changed after panel testing. Locality 2 in Jan only if "
             "drop-out is under 30%.",
         lab=labels("EEEEPEEE", "", True)),
    dict(ref="ESK-03", title="District nursing - scheduling and mobile working", svc="Community",
         owner="Director of Nursing", pm="Vacant",
         desc="District nurses plan their visits on paper and whiteboards, and return to the office at the "
              "end of the day to write up notes. Implement e-scheduling and mobile EPR access for all 14 community nursing teams.",
         obj=1, ben="More visits per day; less travel; staff wellbeing", kpi="Daily visits per district nurse; mileage claims",
         clin="Community matron (TBC)", sup="Routewise Health", comm="Framework call-off, 3 yrs",
         how="All 14 teams go live together in April so there is no dual running",
         safety="Not needed (scheduling tool)", ig="DPIA in draft", fund="NHSE capital 26/27 (one-off)",
         cost=520000, start=D(2026, 10, 1), end=D(2027, 4, 30), rag="AMBER", pri="High",
         dec="Nov-26: approved. Unions asked for lone-worker features - to be picked up later.",
         lab=labels("PPPMPPPM", "F2 F4 F5 F9 F12", True)),
    dict(ref="ESK-04", title="ICS shared care record - connect crisis teams", svc="Trust-wide",
         owner="Chief Digital Information Officer", pm="PM2 (vacant)",
         desc="Connect crisis teams to the shared care record run by the ICS so they can see GP medicines and "
              "recent acute attendances. ICS asks all providers to connect by Mar-27.",
         obj=5, ben="Crisis teams see medicines and history without phoning the GP; ICS ask met",
         kpi="All crisis teams live by end of March 2027; share of crisis assessments where the record was "
             "opened",
         clin="CCIO (Dr E. Lyle)", sup="ICS shared record (Tessary)",
         comm="ICS contract - no cost to the trust; FHIR feed", how="Crisis teams first, then community",
         safety="DCB0160 done by ICS; local hazard log not started yet", ig="ICS DSA signed", fund="ICS",
         cost=0, start=D(2026, 5, 1), end=D(2027, 3, 31), rag="Green", pri="High", dec="-",
         lab=labels("PPPEPEPM", "F2", True)),
    dict(ref="ESK-05", title="Digital front door app", svc="Corporate", owner="Director of Strategy",
         pm="Comms manager",
         desc="Innovative app to be the digital-first front door for all our services: self-referral, "
              "appointments, wellbeing content and an AI chatbot.",
         obj="Digital strategy", ben="Transform access; improved patient experience",
         kpi="App downloads; user satisfaction", clin="-", sup="Brightloop Digital",
         comm="Direct award (under threshold); 2 yrs then auto-renews",
         how="Supplier build; launch everything at once at the AGM", safety="-", ig="DPIA TBC",
         fund="Charitable funds + NHSE capital", cost=95000, start="TBC", end="Spring 27",
         rag="Amber", pri="High",
         dec="Jul-26: board asked for the link with ESK-02 to be reviewed - not done yet.",
         lab=labels("MMPMMMMM", "F1 F2 F4 F5 F7 F8 F9 F11 F12 F13", True)),
    dict(ref="ESK-06", title="Enhanced observations on MH wards - handheld", svc="Inpatient MH",
         owner="Director of Nursing", pm="PM (R. Dhillon)",
         desc="Staff on 5 MH wards record enhanced observations on paper every 15 minutes. A night-shift "
              "audit on 2 wards found 1 in 9 checks unsigned or filled in later. Move to handheld check-ins "
              "with prompts, built in Calyx with ward staff.",
         obj=3, ben="Patients on enhanced obs checked on time; staff not hunting for clipboards at handover",
         kpi="Checks recorded on time (baseline 89%, target 98%); weekly ward report",
         clin="J. Okafor, modern matron, inpatient MH", sup="In-house (Calyx forms) on existing devices",
         comm="Existing EPR contract", how="Birch ward pilot for 6 weeks, then one ward a month",
         safety="Hazard log started by the CSO, who reviews it before the pilot", ig="DPIA updated",
         fund="Revenue - digital budget", cost=18000, start=D(2026, 9, 7), end=D(2027, 3, 26),
         rag="Green", pri="Critical",
         dec="Nov-26: pilot extended 2 weeks - night staff asked for bigger buttons. Go/no-go for ward 2 "
             "at Dec board.",
         lab=labels("EEEEEPEE", "", True)),
    dict(ref="ESK-07", title="Wi-Fi upgrade - community bases", svc="Estates & IT", owner="IT",
         pm="Infrastructure manager", desc="Upgrade Wi-Fi at 11 community bases.", obj="Infrastructure",
         ben="Better connectivity", kpi="-", clin="n/a", sup="Selwyn Networks",
         comm="Extension of existing network contract", how="Site by site", safety="n/a", ig="n/a",
         fund="Capital", cost=230000, start=D(2026, 11, 2), end=D(2027, 6, 30), rag="Green", pri="High",
         dec="-",
         lab=labels("MMMPMMMM", "F1 F2 F3 F6 F8 F9 F11", False)),
    dict(ref="ESK-08", title="E-roster for medical staff", svc="Workforce", owner="Director of People",
         pm="Workforce systems lead",
         desc="Four rota coordinators keep medical rotas for 140 doctors in spreadsheets. Extend the "
              "e-roster the nurses already use to medical staff so leave and rota gaps can be seen.",
         obj=4, ben="Doctors book leave online; fewer gaps filled at agency rates",
         kpi="Agency spend on medical gaps (baseline £1.1m in 25/26); leave requests still sent by email",
         clin="Deputy Medical Director", sup="Shiftwell Systems (existing)",
         comm="Variation to existing e-roster contract, ends with it in Mar-29",
         how="Psychiatry rota first, then community paediatrics", safety="n/a", ig="DPIA updated",
         fund="Revenue", cost=46000, start=D(2026, 6, 1), end=D(2027, 5, 31), rag="Amber", pri="Medium",
         dec="Sep-26: go-live moved to Jan - coordinators were tied up with the summer rotation.",
         lab=labels("PPPEPPPM", "", False)),
    dict(ref="ESK-09", title="GP record viewer - crisis line", svc="Crisis & urgent care",
         owner="Director of Operations", pm="-",
         desc="Crisis line staff want to see GP records. Buy a GP record viewer licence for the crisis line "
              "while the ICS shared care record is delayed.",
         obj="ICS", ben="Safer decisions by crisis line staff", kpi="TBC", clin="Crisis service lead nurse",
         sup="Larchway Health", comm="Direct award, 1 yr", how="Go live on the crisis line",
         safety="To follow", ig="DSA needed with 31 practices", fund="Underspend 26/27", cost=22000,
         start="Dec-26", end="TBC", rag="", pri="Critical", dec="Overlaps ESK-04 - to check with ICS",
         lab=labels("PPMMPMMM", "F2 F8 F9 F12 F13", True)),
    dict(ref="ESK-10", title="Video consultation platform - replace", svc="Community / MH outpatients",
         owner="Director of Operations", pm="PM2 (vacant)",
         desc="The national video consultation contract ends Mar-27. Buy a replacement video platform for "
              "community and MH appointments.",
         obj="BAU", ben="Video appointments carry on", kpi="% appointments by video (now 14%)", clin="TBC",
         sup="TBC", comm="Framework - 3 yr", how="Switch-over weekend in March", safety="TBC",
         ig="DPIA TBC", fund="Revenue from Apr-27 not yet agreed", cost=60000, start=D(2026, 12, 1),
         end=D(2027, 3, 31), rag="Amber/Red", pri="High", dec="-",
         lab=labels("MMPMMPMM", "F1 F3 F4 F5 F9 F12", True)),
    dict(ref="ESK-11", title="EPMA - MH inpatient wards", svc="Inpatient MH", owner="Medical Director",
         pm="Contractor PM (Pellow Associates)",
         desc="EPMA for the 9 MH inpatient wards, replacing paper drug charts. Depot injections and "
              "clozapine titration are not supported by the current version.",
         obj=3, ben="Safer prescribing; fewer missed doses",
         kpi="Missed doses (baseline 4.2% from 2025 audit, target 1%)", clin="Chief Pharmacist",
         sup="Dunmore Medicines Systems",
         comm="7-yr contract signed 2024; depot and clozapine are change requests at extra cost",
         how="Pharmacy team building the drug library; all 9 wards go live together after the fix",
         safety="DCB0129 from supplier; DCB0160 to be redone after the fix", ig="DPIA done",
         fund="Capital (2024 bid)", cost=780000, start=D(2024, 9, 2), end=D(2027, 6, 30), rag="Red",
         pri="Critical",
         dec="Go-live Jun-25, then Feb-26, now Jun-27. Board Sep-26: continue as planned; supplier fix "
             "awaited.",
         lab=labels("PEPMPMPM", "F4 F8 F9 F10", True)),
    dict(ref="ESK-12", title="Data warehouse move to cloud", svc="Corporate - Information",
         owner="Director of Finance & Digital", pm="BI manager",
         desc="Move the on-premise data warehouse and 120 reports to the cloud before the server hardware "
              "goes out of warranty in 2027.",
         obj="Enabler", ben="Platform stays in support; reports run quicker; groundwork for AI and population health",
         kpi="Reports migrated (120)", clin="n/a", sup="Cirrolane Cloud + Pellow Associates (migration)",
         comm="Cloud via G-Cloud, 1 yr rolling; migration consultancy on day rates",
         how="Lift-and-shift first, reports rebuilt afterwards", safety="n/a", ig="DPIA done",
         fund="Capital 26/27; cloud run cost not in budget", cost=310000, start=D(2026, 7, 1),
         end="Ongoing", rag="amber", pri="High", dec="-",
         lab=labels("MMMPMPPM", "F1 F3 F7 F9 F13", False)),
    dict(ref="ESK-13", title="Device lending for service users", svc="Community MH",
         owner="Director of Nursing", pm="Peer support lead",
         desc="Service users without a smartphone or data miss video appointments and text reminders. "
              "Peer workers asked 120 people on caseloads and 1 in 6 had no reliable device. Lend "
              "refurbished phones with data, and peer workers help people set them up.",
         obj="Inequalities (ICS)", ben="Fewer missed appointments for people without devices",
         kpi="DNA rate for people lent a device, before and after (baseline 22%); devices out",
         clin="-", sup="Eskby Digital Hub (local charity) - refurbished devices",
         comm="Grant agreement, 1 yr", how="60 devices in 2 teams first; more if the DNA rate falls",
         safety="n/a", ig="DPIA done", fund="ICS inequalities grant - 1 yr", cost=35000,
         start=D(2026, 9, 1), end=D(2027, 8, 31), rag="Green", pri="Medium", dec="Oct-26: approved.",
         lab=labels("EPPEPPEP", "F9", False)),
]

# ---------------------------------------------------------------------------------------------
PORTFOLIOS = {
    A_FILE: dict(
        sheet=A_SHEET, cols=A_COLS, projects=A_PROJECTS, objectives=A_OBJECTIVES, fte=A_FTE,
        verdict="coherent",
        reasons=[
            "11 of 14 active initiatives cite one of SO1-SO4 from the Strategy sheet; HM-07 and HM-10 cite "
            "'Enabler' and HM-13 the financial plan (3/14, 21%).",
            "Objectives are each served by several initiatives except SO4: SO1 3 active (HM-02, HM-05, "
            "HM-09) plus the stopped HM-12, SO2 4, SO3 3, SO4 1 (HM-14).",
            "Priorities are spread: 6 High, 7 Medium, 1 Low; the stopped HM-12 has none.",
            "14 active initiatives against 38 in-house WTE in 5 product teams plus Platforms, at most 3 per "
            "team and 4 for Platforms; the Strategy sheet sets a work-in-progress limit and a not-doing list.",
            "Most initiatives start from an observed or measured problem, have a baseline and target, start "
            "small (one ward, one specialty, 3 practices) and have a next decision date.",
            "Work is stopped, held and descoped on evidence: HM-12 stopped after a silent trial, HM-06 "
            "neonatal scope removed, HM-05 gastro held back, HM-03 batch 2 paused.",
            "Realistic weak spots: HM-10 (supplier-led EPR upgrade with a 5-year direct-award extension), "
            "HM-07 (compliance-driven), HM-08 (ICS money ends Mar-27, no clinical safety evidence), HM-11 "
            "(not yet measurable), HM-13 (savings-only case).",
            "Technology-centred: 2 of 14 active (HM-07, HM-10); no measurable goal: 2 of 14 (HM-10, HM-11).",
        ]),
    B_FILE: dict(
        sheet=B_SHEET, cols=B_COLS, projects=B_PROJECTS, objectives=B_OBJECTIVES, fte=B_FTE,
        verdict="shopping_list",
        reasons=[
            "6 of 14 schemes (43%) cite none of the four trust objectives in the notes row: 'IT "
            "infrastructure', 'Cyber / NHSE mandate', 'Cyber', 'Innovation', 'Reputation' and one blank.",
            "Priority inflation: 11 of 14 are '1 - Must'; nothing is below '2 - Should'.",
            "14 schemes for an IM&T department of 12 WTE that includes the service desk and has one "
            "project manager.",
            "Technology-centred schemes: 9 of 14 (replace, refresh, renew, RPA, AI, app); no measurable "
            "goal: 10 of 14.",
            "Overlap: SCH-03 (patient portal) and SCH-09 (trust app) are both patient-facing apps, flagged in "
            "the register but not resolved.",
            "Nothing is stopped, paused or descoped; SCH-01 (R) and SCH-05 (A/R) have each slipped twice "
            "with the same plan.",
            "Lock-in: 6 schemes on direct awards, single tenders, auto-renewals, fixed scope or a 10-year "
            "contract with no exit.",
            "Good ones, as in real lists: SCH-10 (failed discharge summaries), and partly SCH-04 (e-obs), "
            "SCH-07 (dashboard built in sprints) and SCH-13 (HF virtual ward).",
        ]),
    C_FILE: dict(
        sheet=C_SHEET, cols=C_COLS, projects=C_PROJECTS, objectives=C_OBJECTIVES, fte=C_FTE,
        verdict="shopping_list",
        reasons=[
            "6 of 13 projects (46%) cite something that is not one of the five trust objectives on the Key "
            "sheet: 'Digital strategy', 'Infrastructure', 'ICS', 'BAU', 'Enabler', 'Inequalities (ICS)'.",
            "No focus: of the five objectives, four (1, 2, 4, 5) have exactly one project each; only "
            "objective 3 has several.",
            "13 active projects for 11 WTE of Digital Services with one project manager in post (the second "
            "post vacant); several projects have a vacant or no PM.",
            "Priority inflation: 11 of 13 are Critical or High; Low is never used.",
            "Duplication: ESK-02 and ESK-05 both offer online self-referral; ESK-04 and ESK-09 both give "
            "crisis staff the GP record. Both overlaps are noted and not resolved.",
            "Nothing is stopped or paused; ESK-11 (Red) has slipped twice and the board said continue as "
            "planned.",
            "Technology-centred: 4 of 13 (31%); no measurable goal: 5 of 13 (38%).",
            "Good ones: ESK-02 (self-referral), ESK-06 (enhanced observations), ESK-13 (device lending); "
            "ESK-01 is a well set-up joint procurement.",
        ]),
}


# ---------------------------------------------------------------------------------------------
HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
WRAP = Alignment(wrap_text=True, vertical="top")


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
        elif k in ("cost",) and isinstance(v, (int, float)):
            cell.number_format = "£#,##0"


def widths(ws, cols, wide=("desc", "ben", "kpi", "how", "comm", "dec", "upd", "safety")):
    from openpyxl.utils import get_column_letter
    for j, (_h, _c, k) in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(j)].width = 42 if k in wide else 16


def build_a():
    wb = Workbook()
    st = wb.active
    st.title = "Strategy"
    rows = [
        ["Harlowmere Hospitals NHS FT: our digital plan 2025-28 (summary for Digital Board)"],
        [],
        ["Strategic objectives (Trust strategy 2025-30)"],
        *[[o] for o in A_OBJECTIVES],
        [],
        ["Digital team employed by the trust (WTE)", A_FTE],
        ["Product teams", "Medicines, Outpatients & Access, Flow, Inpatient, Data - every team has its own product "
                          "manager. "
                          "Platforms (12 WTE of the total) runs infrastructure."],
        ["Clinical time", "CCIO 3 PAs, CNIO 0.8 WTE; clinical leads have 1-2 funded PAs each, backfilled."],
        ["Work in progress", "No product team has more than 3 initiatives in delivery at once."],
        ["What we will not do", "Build our own patient app - the NHS App does this job; buy systems outside the EPR "
                                "without Digital Board review; use AI tools that have not been tested on our "
                                "own data."],
        ["Decisions", "Each line has a date for its next decision. Digital Board meets monthly and can continue, "
                      "change, pause or stop work."],
        ["Budgets", "£k. Capital is one-off; run cost is the yearly cost of running and improving the product, "
                    "team included."],
        ["RAG", "Green / Amber / Red: the exec sponsor's view of delivery confidence."],
    ]
    for r in rows:
        st.append(r)
    st["A1"].font = Font(bold=True, size=13)
    st["A3"].font = HEAD_FONT
    st.column_dimensions["A"].width = 60
    st.column_dimensions["B"].width = 90
    ws = wb.create_sheet(A_SHEET)
    write_header(ws, 1, A_COLS)
    rowmap = {}
    r = 2
    for p in A_PROJECTS:
        write_project(ws, r, A_COLS, p)
        rowmap[p["ref"]] = r
        r += 1
    ws.freeze_panes = "C2"
    widths(ws, A_COLS)
    return wb, 1, rowmap


def build_b():
    wb = Workbook()
    ws = wb.active
    ws.title = B_SHEET
    n = len(B_COLS)
    ws.cell(row=1, column=1, value="CLEEVEMOOR AND TARROW HOSPITALS NHS TRUST - IM&T SCHEMES 2026/27")
    ws.cell(row=1, column=1).font = Font(bold=True, size=13)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    ws.cell(row=2, column=1, value=(
        "Maintained by IM&T PMO, updated 18/11/26. IM&T department: 12 WTE (incl. service desk and 1 project "
        "manager). Trust objectives 2026-29: Safe & effective care | Timely access | Our people | Financial "
        "balance. Cost is the total unless stated. Send updates to the PMO mailbox by the 10th."))
    ws.cell(row=2, column=1).alignment = WRAP
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=n)
    ws.row_dimensions[2].height = 32
    write_header(ws, 3, B_COLS)
    rowmap = {}
    r = 4
    for p in B_PROJECTS:
        if p["ref"] == B_PIPELINE_FROM:
            r += 1  # blank row
            ws.cell(row=r, column=1, value="PIPELINE - NOT YET APPROVED").font = HEAD_FONT
            r += 1
        write_project(ws, r, B_COLS, p)
        rowmap[p["ref"]] = r
        r += 1
    ws.freeze_panes = "C4"
    widths(ws, B_COLS)
    lk = wb.create_sheet("Lookups")
    for row in [["RAG", "Priority", "Funding source"], ["G", "1 - Must", "Capital"],
                ["A", "2 - Should", "Revenue"], ["A/R", "3 - Could", "BAU"], ["R", "", "Charitable funds"],
                ["", "", "Invest to save"], ["", "", "TBC"]]:
        lk.append(row)
    return wb, 3, rowmap


def build_c():
    wb = Workbook()
    ws = wb.active
    ws.title = C_SHEET
    write_header(ws, 1, C_COLS)
    rowmap = {}
    r = 2
    for p in C_PROJECTS:
        write_project(ws, r, C_COLS, p)
        rowmap[p["ref"]] = r
        r += 1
    r += 1
    ws.cell(row=r, column=1, value="Source: Digital Services PMO, 24/11/26. Costs are whole-life estimates in £. "
                                   "Objective numbers: see Key tab.")
    ws.freeze_panes = "C2"
    widths(ws, C_COLS)
    key = wb.create_sheet("Key")
    rows = [
        ["Eskmere Partnership NHS FT | Digital Services project list - key"],
        [],
        ["Trust objectives 2025-28 (use the number in the 'Objective no.' column)"],
        *[[o] for o in C_OBJECTIVES],
        [],
        ["Digital Services establishment (WTE)", C_FTE],
        ["Project managers", "2 posts (1 vacant since Jun-26)"],
        ["RAG (DCA)", "Delivery confidence, worst first: Red, Amber/Red, Amber, Amber/Green, Green"],
        ["Priority", "Critical / High / Medium / Low"],
        ["Governance", "Projects over £50k go to Finance & Performance Committee; all changes via CAB."],
    ]
    for row in rows:
        key.append(row)
    key["A1"].font = Font(bold=True, size=13)
    key.column_dimensions["A"].width = 70
    key.column_dimensions["B"].width = 60
    return wb, 1, rowmap


BUILDERS = {A_FILE: build_a, B_FILE: build_b, C_FILE: build_c}


# ---------------------------------------------------------------------------------------------
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
        (HERE / f"{name}.labels.json").write_text(json.dumps(lab, indent=2) + "\n", encoding="utf-8")

        # ---- reopen and check ----
        back = json.loads((HERE / f"{name}.labels.json").read_text(encoding="utf-8"))
        wb2 = load_workbook(path)
        ws = wb2[back["sheet"]]
        hdr = [c.value for c in ws[back["header_row"]] if c.value is not None]
        if hdr != list(back["columns"]):
            errors.append(f"{name}: header row differs from labelled columns")
        ref_col = 1
        refs_in_sheet = {}
        for r in range(back["header_row"] + 1, ws.max_row + 1):
            v = ws.cell(row=r, column=ref_col).value
            if isinstance(v, str) and re.fullmatch(r"[A-Z]{2,3}-\d{2}", v):
                refs_in_sheet[v] = r
        if set(refs_in_sheet) != set(back["projects"]):
            errors.append(f"{name}: refs in sheet {sorted(refs_in_sheet)} != labelled refs")
        for ref, entry in back["projects"].items():
            if ws.cell(row=entry["row"], column=ref_col).value != ref:
                errors.append(f"{name}: row {entry['row']} does not hold {ref}")
            if set(entry["principles"]) != set(PRINCIPLES):
                errors.append(f"{name} {ref}: principles incomplete")
            if not set(entry["principles"].values()) <= {"evident", "partial", "missing"}:
                errors.append(f"{name} {ref}: bad status")
            if entry["flags"] != [f for f in FLAGS if f in entry["flags"]]:
                errors.append(f"{name} {ref}: flags not in rubric order or unknown")
        # text in the workbook for objectives and FTE
        texts = []
        for sh in wb2.worksheets:
            for row in sh.iter_rows(values_only=True):
                texts.extend(str(v) for v in row if v is not None)
        blob = "\n".join(texts)
        for o in back["portfolio"]["strategic_objectives"]:
            if o not in blob:
                errors.append(f"{name}: objective '{o}' not found in workbook")
        if not re.search(rf"\b{back['portfolio']['in_house_fte']}\b.*WTE|WTE.*\b{back['portfolio']['in_house_fte']}\b",
                         blob.replace("\n", " ")) and str(back["portfolio"]["in_house_fte"]) not in texts:
            errors.append(f"{name}: FTE not found")
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
                nv = cell("next")
                md = md or (nv is None)
            if md != ("missing_dates" in fl):
                errors.append(f"{name} {ref}: missing_dates mismatch (dates say {md})")
            ncl = clin and is_placeholder(cell("clin"))
            if ncl != ("no_clinical_lead" in fl):
                errors.append(f"{name} {ref}: no_clinical_lead mismatch")
            if "clinical_safety_missing" in fl and not clin:
                errors.append(f"{name} {ref}: clinical_safety_missing on a non-clinical project")
            own = cell("owner")
            no_own = own is None or str(own).strip().lower() in ("", "it", "ict", "digital", "pmo", "im&t",
                                                                  "communications")
            if no_own != ("no_owner" in fl):
                errors.append(f"{name} {ref}: no_owner mismatch")
            all_refs.append(ref)
            for pr, st in p["lab"]["principles"].items():
                dist[pr][st] += 1
            for f in fl:
                flag_counts[f] += 1
                flag_by_wb[name][f] += 1
    # ---- across the set ----
    if len(all_refs) != len(set(all_refs)):
        errors.append("a ref is used twice")
    if not 40 <= len(all_refs) <= 45:
        errors.append(f"{len(all_refs)} projects")
    for pr in PRINCIPLES:
        if any(dist[pr][s] == 0 for s in ("evident", "partial", "missing")):
            errors.append(f"{pr}: not every value used {dict(dist[pr])}")
    for f in FLAGS:
        if flag_counts[f] < 2:
            errors.append(f"flag {f} occurs {flag_counts[f]} times")

    n = len(all_refs)
    print(f"{n} projects")
    print("| Principle | evident | partial | missing |")
    for pr in PRINCIPLES:
        print(f"| {pr} | " + " | ".join(f"{dist[pr][s]}" for s in ("evident", "partial", "missing")) + " |")
    print("| Flag | total | " + " | ".join(PORTFOLIOS) + " |")
    for f in FLAGS:
        print(f"| {f} | {flag_counts[f]} | " + " | ".join(str(flag_by_wb[w][f]) for w in PORTFOLIOS) + " |")
    if errors:
        print("\nCHECKS FAILED:")
        for e in errors:
            print(" -", e)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
