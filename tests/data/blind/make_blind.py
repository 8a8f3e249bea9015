"""Write the blind evaluation set: two fictional NHS trust digital portfolios.

Run:  .venv/bin/python tests/data/blind/make_blind.py

Writes, next to this script:
  pellworth_royal_imt_project_list_2026-27.xlsx  + .labels.json  (shopping_list)
  tarnwick_selbury_digital_portfolio_26-27.xlsx  + .labels.json  (coherent)

Everything is fictional: trusts, ICSs, suppliers, products; people are roles
or initials. Labels are hand-written (one 8-letter code per project, P1-P8 in
order, E = evident, P = partial, M = missing, plus a flag list). After saving,
the script reopens each workbook and checks the header row, the column map and
that every labelled row holds that project's ref. Needs openpyxl only.
"""

import datetime as dt
import json
import os
import sys

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))

PRINCIPLES = ["user_needs", "clear_goals", "measure_learn", "deliver_incrementally",
              "in_house_team", "supplier_value", "build_trust", "adapt_plan"]
FLAGS = ["tech_centred", "no_measurable_goal", "output_only_benefits", "big_bang",
         "no_clinical_lead", "no_owner", "supplier_led", "lock_in_risk",
         "funding_ends_at_go_live", "stuck_on_plan", "vague_or_hype",
         "clinical_safety_missing", "missing_dates"]
CANONICAL = {"ref", "title", "description", "strategic_objective", "benefits", "kpis",
             "owner", "clinical_lead", "supplier", "delivery_approach", "stage", "budget",
             "start_date", "end_date", "rag", "priority", "other"}
CODE = {"E": "evident", "P": "partial", "M": "missing"}

BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
GROUP_FILL = PatternFill("solid", fgColor="B4C6E7")
WRAP = Alignment(wrap_text=True, vertical="top")


def D(y, m, d):
    return dt.datetime(y, m, d)


# ---------------------------------------------------------------------------
# Workbook A: Pellworth Royal Hospitals NHS Trust (shopping list)
# ---------------------------------------------------------------------------

A_NAME = "pellworth_royal_imt_project_list_2026-27"
A_SHEET = "Project List 26-27"

# (header text, canonical field)
A_COLUMNS = [
    ("Proj No.", "ref"),
    ("Project", "title"),
    ("Scope / description", "description"),
    ("Strategic aim", "strategic_objective"),
    ("Expected benefits", "benefits"),
    ("KPIs", "kpis"),
    ("SRO", "owner"),
    ("PM", "other"),
    ("Clinical lead", "clinical_lead"),
    ("Supplier", "supplier"),
    ("Approach", "delivery_approach"),
    ("Stage", "stage"),
    ("Start", "start_date"),
    ("Go-live", "end_date"),
    ("Est. cost", "budget"),
    ("Funding", "other"),
    ("RAG", "rag"),
    ("Priority", "priority"),
    ("Comments", "other"),
]
# group row (row 3) over the sub-headers (row 4): (first col, last col, text)
A_GROUPS = [(1, 3, "PROJECT"), (4, 6, "WHY"), (7, 9, "WHO"), (10, 14, "DELIVERY"),
            (15, 16, "MONEY"), (17, 19, "STATUS")]

A_OBJECTIVES = [
    "Aim 1 Digital hospital: one EPR, paperless by 2027",
    "Aim 2 Digital front door for patients",
    "Aim 3 Data-driven organisation",
    "Aim 4 Safe, secure, modern infrastructure",
]
A_FTE = 8

# Each project: dict of values keyed by header, plus "_labels": (code, flags).
# None in the list = a blank row in the sheet.
A_PROJECTS = [
    {"Proj No.": "PRH-101", "Project": "EPR Phase 2 - PAS and ED replacement",
     "Scope / description": "Replace legacy PAS (out of support Dec-27) and the ED system with Corvanta EPR modules. All sites cut over on one weekend; data migration by supplier, trust EPR analysts (2) do test scripts.",
     "Strategic aim": "Aim 1",
     "Expected benefits": "Single patient record; supported system; one login for staff",
     "KPIs": "Go-live on time and on budget",
     "SRO": "CIO", "PM": "Brisklane contractor PM (D.H.)", "Clinical lead": "CCIO (Dr A.K.)",
     "Supplier": "Corvanta Health Systems - direct award, extension of existing contract to 2035",
     "Approach": "Single cutover weekend (Easter 27), all sites", "Stage": "Build",
     "Start": D(2025, 4, 1), "Go-live": "Apr-27", "Est. cost": "£6.8m",
     "Funding": "Capital (NHSE frontline digitisation + trust)", "RAG": "R", "Priority": "VH",
     "Comments": "Go-live moved Oct-26 > Jan-27 > Apr-27 (rebaselined twice, scope unchanged). Data migration test 2 failed. Clinical safety case with supplier - trust CSO post vacant.",
     "_labels": ("MMMMPMMM", ["tech_centred", "no_measurable_goal", "output_only_benefits", "big_bang",
                              "lock_in_risk", "funding_ends_at_go_live", "stuck_on_plan",
                              "clinical_safety_missing"])},
    {"Proj No.": "PRH-102", "Project": "Windows 11 upgrade",
     "Scope / description": "Upgrade all c.3,400 trust PCs and laptops to Windows 11 before Windows 10 extended support ends. Includes app compatibility testing.",
     "Strategic aim": "BAU",
     "Expected benefits": "Supported OS; cyber compliance",
     "KPIs": "Devices upgraded - 3,400 by Oct-26",
     "SRO": "Head of IT", "PM": "PM1 (J.T.)", "Clinical lead": "n/a",
     "Supplier": "Ordell Networks - imaging & deployment (framework call-off)",
     "Approach": "Site by site over the summer, wards done out of hours", "Stage": "Delivery",
     "Start": D(2025, 9, 1), "Go-live": D(2026, 10, 30), "Est. cost": "420k",
     "Funding": "Capital + existing EUC revenue", "RAG": "A", "Priority": "H",
     "Comments": "1,150 done. 60 clinical apps still untested.",
     "_labels": ("MMMPPPMM", ["tech_centred", "output_only_benefits"])},
    {"Proj No.": "PRH-103", "Project": "Patient portal (Tessaline)",
     "Scope / description": "Implement Tessaline patient portal so patients can see letters and appointments online. Required under NHSE outpatient guidance. Supplier to configure and deliver.",
     "Strategic aim": "Aim 2",
     "Expected benefits": "Letters and appointments online; less postage",
     "KPIs": "Registered users",
     "SRO": "COO", "PM": "PM2 (R.S.)", "Clinical lead": "TBC",
     "Supplier": "Tessaline - direct award, 5 yrs",
     "Approach": "Launch for all outpatient specialties at once", "Stage": "Procurement",
     "Start": "Q1 2026/27", "Go-live": "TBC", "Est. cost": "£650k over 5 yrs",
     "Funding": "Revenue", "RAG": "A", "Priority": "H",
     "Comments": "Overlap with NHS App work (PRH-114)? Raised at DAB, no decision.",
     "_labels": ("MMPMMMMM", ["tech_centred", "no_measurable_goal", "output_only_benefits", "big_bang",
                              "no_clinical_lead", "supplier_led", "lock_in_risk",
                              "clinical_safety_missing", "missing_dates"])},
    {"Proj No.": "PRH-104", "Project": "Robotic process automation - booking & referrals",
     "Scope / description": "Innovative automation programme: RPA bots to take over manual referral processing and booking admin, as part of back-office transformation.",
     "Strategic aim": "Aim 3",
     "Expected benefits": "Efficiency savings; transformed back office",
     "KPIs": "Bots deployed; hours saved tbc",
     "SRO": "Director of Finance", "PM": "Pivotrix (consultancy)", "Clinical lead": "n/a",
     "Supplier": "Pivotrix Automation - single tender waiver",
     "Approach": "Pivotrix to build 6 bots and hand over at the end", "Stage": "Initiation",
     "Start": "Mar-26", "Go-live": "Dec-26", "Est. cost": "£280k",
     "Funding": "Capital - one off", "RAG": "G", "Priority": "H",
     "Comments": "No process mapping done yet - Pivotrix will pick the processes in wks 1-4.",
     "_labels": ("MMMMMMMM", ["tech_centred", "no_measurable_goal", "output_only_benefits",
                              "supplier_led", "lock_in_risk", "funding_ends_at_go_live",
                              "vague_or_hype"])},
    {"Proj No.": "PRH-105", "Project": "e-Obs (Corvanta module) - inpatient wards",
     "Scope / description": "Deploy the Corvanta e-obs module to all 24 adult inpatient wards to meet NEWS2 requirements. Handheld devices to be bought.",
     "Strategic aim": "Aim 1",
     "Expected benefits": "NEWS2 compliance; obs recorded digitally",
     "KPIs": "Wards live",
     "SRO": "Chief Nurse", "PM": "PM2 (R.S.)", "Clinical lead": "Deputy Chief Nurse (J.B.)",
     "Supplier": "Corvanta (existing EPR contract)",
     "Approach": "Super-user training, then all 24 wards live in the same week", "Stage": "Planning",
     "Start": D(2026, 1, 5), "Go-live": D(2026, 5, 29), "Est. cost": "£310k",
     "Funding": "Capital", "RAG": "A", "Priority": "VH",
     "Comments": "Clinical safety case - to do. Devices not yet ordered. ED/AMU not in scope (see PRH-112).",
     "_labels": ("MMMMPPPM", ["tech_centred", "no_measurable_goal", "output_only_benefits", "big_bang",
                              "funding_ends_at_go_live", "clinical_safety_missing"])},
    {"Proj No.": "PRH-106", "Project": "AI virtual assistant (website + switchboard)",
     "Scope / description": "AI chatbot for website and switchboard, 24/7.",
     "Strategic aim": "Aim 2",
     "Expected benefits": "Modern, digital-first front door",
     "KPIs": "TBC",
     "SRO": "Director of Comms", "PM": "-", "Clinical lead": "n/a",
     "Supplier": "Sablewood Consulting ('AskPellworth' product)",
     "Approach": "Sablewood to deliver end to end", "Stage": "Idea",
     "Start": "TBC", "Go-live": "TBC", "Est. cost": "TBC",
     "Funding": "Bid to ICS innovation fund", "RAG": None, "Priority": "H",
     "Comments": "Exec request.",
     "_labels": ("MMMMMMMM", ["tech_centred", "no_measurable_goal", "output_only_benefits",
                              "supplier_led", "vague_or_hype", "missing_dates"])},
    {"Proj No.": "PRH-107", "Project": "Discharge TTOs - speed up on medical wards",
     "Scope / description": "Pharmacists and ward clerks timed 60 discharges on Wards 6 and 7: median 4h10 from 'medically fit' to TTO ready, most of it waiting for the discharge summary to be written. Small changes to the EPMA discharge template, tried with FY1s on Ward 7 first.",
     "Strategic aim": "Flow (trust priority 2)",
     "Expected benefits": "Patients home earlier in the day; beds free sooner for ED admissions",
     "KPIs": "Fit-to-TTO time: 4h10 now, aim under 2h. Discharges before noon: 14% now. Pharmacy pulls both weekly.",
     "SRO": "Chief Pharmacist", "PM": "Lead Pharmacist Digital (in-house)",
     "Clinical lead": "Dr M.O. (Acute Med consultant)",
     "Supplier": "Corvanta EPMA - existing licence, template built in-house",
     "Approach": "Ward 7 for 4 weeks; other medical wards one at a time only if the time roughly halves. Template change went through CSO, entry on hazard log.",
     "Stage": "Test - Ward 7",
     "Start": D(2025, 11, 3), "Go-live": D(2026, 6, 30), "Est. cost": "35k",
     "Funding": "Revenue (pharmacy)", "RAG": "G", "Priority": "M",
     "Comments": "FY1s said too many free-text boxes - cut from 9 to 4 after week 1.",
     "_labels": ("EEEEEPEE", [])},
    {"Proj No.": "PRH-108", "Project": "Cyber - SIEM + DSPT",
     "Scope / description": "Deploy SIEM log monitoring across servers and network and close the DSPT gaps found by internal audit last year.",
     "Strategic aim": "Mandatory",
     "Expected benefits": "DSPT 'Standards Met'; compliance with national cyber requirements",
     "KPIs": "DSPT submitted",
     "SRO": "SIRO", "PM": "Cyber lead (in-house)", "Clinical lead": "n/a",
     "Supplier": "Ordell Networks - managed SOC, 3 yrs + auto-renew 2",
     "Approach": "-", "Stage": "Delivery",
     "Start": "Ongoing", "Go-live": "Ongoing", "Est. cost": "£190k pa",
     "Funding": "Revenue", "RAG": "A", "Priority": "VH",
     "Comments": None,
     "_labels": ("MMMMPMMM", ["tech_centred", "no_measurable_goal", "output_only_benefits",
                              "lock_in_risk", "missing_dates"])},
    {"Proj No.": "PRH-109", "Project": "Speech recognition - replace Dictato",
     "Scope / description": "Replace end-of-life Dictato digital dictation with Voxmere speech recognition for outpatient letters. Dictato contract ends Mar-27.",
     "Strategic aim": "Aim 1",
     "Expected benefits": "Letters out quicker; secretarial time freed up",
     "KPIs": "Clinic-to-letter turnaround (baseline tbc)",
     "SRO": "COO", "PM": "PM1 (J.T.)", "Clinical lead": "Dr P.S. (Consultant Rheumatologist)",
     "Supplier": "Voxmere via national framework",
     "Approach": "Pilot in rheumatology and ENT, then other specialties in waves", "Stage": "Procurement",
     "Start": D(2026, 4, 1), "Go-live": D(2027, 3, 31), "Est. cost": "£540k",
     "Funding": "Capital + £60k pa revenue", "RAG": "A", "Priority": "H",
     "Comments": "DCB0160 to be started once supplier chosen. Secretaries' union asked for a briefing.",
     "_labels": ("MPPEPPMM", ["tech_centred", "no_measurable_goal", "clinical_safety_missing"])},
    None,  # blank row mid-list
    {"Proj No.": "PRH-110", "Project": "Wi-Fi refresh - main site",
     "Scope / description": "Replace ageing Wi-Fi access points across main site.",
     "Strategic aim": "Aim 4",
     "Expected benefits": "Better coverage",
     "KPIs": "-",
     "SRO": "IT", "PM": "PM1 (J.T.)", "Clinical lead": "n/a",
     "Supplier": "Ordell Networks",
     "Approach": "Floor by floor", "Stage": "Design",
     "Start": "Q2 2026/27", "Go-live": "Q4 2026/27", "Est. cost": "450k",
     "Funding": "Capital", "RAG": "G", "Priority": "H",
     "Comments": "See business case.",
     "_labels": ("MMMPMMMM", ["tech_centred", "no_measurable_goal", "output_only_benefits", "no_owner",
                              "funding_ends_at_go_live", "vague_or_hype"])},
    {"Proj No.": "PRH-111", "Project": "Shared care record - connect EPR to ICS record",
     "Scope / description": "District nurses logged about 40 calls a day to wards in Feb asking for discharge details and meds. Connect our EPR to the ICS shared care record so DNs and GPs can see discharge summaries, then results and letters.",
     "Strategic aim": "ICS shared record",
     "Expected benefits": "DNs and GPs see what happened in hospital without phoning; fewer missed meds changes after discharge",
     "KPIs": "DN calls to wards (baseline ~40/day); SCR views",
     "SRO": "CCIO", "PM": "PM2 (R.S.)", "Clinical lead": "CCIO (Dr A.K.)",
     "Supplier": "Lanternhill (ICS SCR platform, ICS contract) - FHIR interface built by Lanternhill",
     "Approach": "Discharge summaries first (Jun), then results, then letters", "Stage": "Build",
     "Start": D(2025, 10, 1), "Go-live": D(2026, 12, 31), "Est. cost": "£120k",
     "Funding": "ICS revenue to Mar-27, after that tbc", "RAG": "G", "Priority": "H",
     "Comments": "DN team leads tried the view in Jan and asked for meds changes at the top. ICS CSO keeps the hazard log.",
     "_labels": ("EEPEPEEM", ["funding_ends_at_go_live"])},
    {"Proj No.": "PRH-112", "Project": "Handheld obs devices - ED/AMU trial (Obsbox)",
     "Scope / description": "ED and AMU nurses want handheld obs devices because the e-obs module won't reach them until 2027. 3-month trial of 20 Obsbox devices on AMU.",
     "Strategic aim": "Patient safety",
     "Expected benefits": "Deteriorating patients picked up sooner",
     "KPIs": "NEWS2 escalations on time (tbc)",
     "SRO": "Medical Director", "PM": "-", "Clinical lead": "Dr T.N. (ED consultant)",
     "Supplier": "Obsbox Ltd - free 3-month trial, no commitment",
     "Approach": "3-month trial on AMU, then keep or stop", "Stage": "Trial",
     "Start": D(2026, 2, 2), "Go-live": D(2026, 5, 1), "Est. cost": "£0 (trial)",
     "Funding": "n/a", "RAG": "A", "Priority": "H",
     "Comments": "Not joined up with e-obs (PRH-105) - different product. To discuss at DAB.",
     "_labels": ("PPPEPEME", ["no_measurable_goal", "clinical_safety_missing"])},
    {"Proj No.": "PRH-113", "Project": "Data platform - cloud data warehouse",
     "Scope / description": "Shift the data warehouse onto Nimbrook Cloud and give everyone self-serve dashboards. Brisklane to migrate all 140 reports, then switch off the old SQL server.",
     "Strategic aim": "Aim 3",
     "Expected benefits": "Single version of the truth; a data-driven organisation",
     "KPIs": "Dashboards published",
     "SRO": "Director of Finance", "PM": "Brisklane", "Clinical lead": "n/a",
     "Supplier": "Nimbrook Cloud (3-yr fixed term) + Brisklane Digital (consultancy, fixed price, fixed scope)",
     "Approach": "Migrate all reports, then cut over", "Stage": "Build",
     "Start": D(2025, 6, 2), "Go-live": D(2027, 9, 30), "Est. cost": "£1.2m",
     "Funding": "Capital", "RAG": "A", "Priority": "VH",
     "Comments": "Slipped 4 months. Consultancy extended to Sep-27. Info team (3) not released to work on it.",
     "_labels": ("MMMMMMMM", ["tech_centred", "no_measurable_goal", "output_only_benefits", "big_bang",
                              "supplier_led", "lock_in_risk", "funding_ends_at_go_live",
                              "vague_or_hype"])},
    {"Proj No.": "PRH-114", "Project": "NHS App integration (Wayfinder)",
     "Scope / description": "Link PAS to the NHS App so hospital appointments show up in the app. NHSE requirement with a national deadline.",
     "Strategic aim": "NHSE mandate",
     "Expected benefits": "National compliance",
     "KPIs": "n/a",
     "SRO": "COO", "PM": "-", "Clinical lead": "n/a",
     "Supplier": "Corvanta (interface as a change request)",
     "Approach": "-", "Stage": "Not started",
     "Start": "Q3 2026/27", "Go-live": "TBC", "Est. cost": "TBC",
     "Funding": "TBC", "RAG": None, "Priority": "VH",
     "Comments": "Overlaps PRH-103 portal.",
     "_labels": ("MMMMMPMM", ["tech_centred", "no_measurable_goal", "output_only_benefits",
                              "missing_dates"])},
    {"Proj No.": "PRH-115", "Project": "Digital-first outpatients transformation",
     "Scope / description": "Agile, user-centred redesign of outpatients with co-design, discovery and sprints: PIFU, virtual clinics, AI triage of referrals. No user research done yet - co-design sessions to be planned once Brisklane start.",
     "Strategic aim": "Aim 2",
     "Expected benefits": "Transformed, digital-first outpatient service",
     "KPIs": "KPIs tbc - benefits to be confirmed in FBC",
     "SRO": "Director of Transformation", "PM": "Brisklane", "Clinical lead": "TBC",
     "Supplier": "Brisklane Digital - consultancy to deliver (call-off)",
     "Approach": "Agile sprints run by Brisklane", "Stage": "Initiation",
     "Start": D(2026, 4, 1), "Go-live": "Ongoing", "Est. cost": "£900k",
     "Funding": "Capital (NHSE bid)", "RAG": "A", "Priority": "VH",
     "Comments": "Business case approved at DAB on the strength of the NHSE bid.",
     "_labels": ("MMMPMPMM", ["tech_centred", "no_measurable_goal", "output_only_benefits",
                              "no_clinical_lead", "supplier_led", "funding_ends_at_go_live",
                              "vague_or_hype", "clinical_safety_missing", "missing_dates"])},
    {"Proj No.": "PRH-116", "Project": "Medical e-rostering - extend Kinetra to doctors",
     "Scope / description": "Medical staffing build junior doctor rotas in spreadsheets. We went through a month of timesheets with 3 rota coordinators: about 2 days per specialty per month, and gaps found late.",
     "Strategic aim": "Workforce plan",
     "Expected benefits": "Coordinators get time back; doctors see rotas and gaps earlier",
     "KPIs": "Rota gaps known 6+ wks ahead: 61% now; coordinator hours/month",
     "SRO": "Director of Workforce", "PM": "Medical staffing manager", "Clinical lead": "n/a",
     "Supplier": "Kinetra - extension of current contract, auto-renews 2 yrs",
     "Approach": "Anaesthetics first, then medicine, then surgery", "Stage": "Delivery",
     "Start": D(2026, 1, 12), "Go-live": D(2026, 12, 18), "Est. cost": "£75k + £30k pa",
     "Funding": "Revenue", "RAG": "G", "Priority": "M",
     "Comments": None,
     "_labels": ("EEPEPMMM", ["lock_in_risk"])},
    {"Proj No.": "PRH-117", "Project": "Managed print renewal",
     "Scope / description": "Renew managed print contract (MFDs, all sites).",
     "Strategic aim": None,
     "Expected benefits": "Savings £40k pa",
     "KPIs": "-",
     "SRO": "Procurement", "PM": "-", "Clinical lead": "n/a",
     "Supplier": "Inkwell Document Solutions - 5-yr renewal",
     "Approach": "n/a", "Stage": "Procurement",
     "Start": D(2026, 7, 1), "Go-live": D(2031, 6, 30), "Est. cost": "£1.1m over 5 yrs",
     "Funding": "Revenue", "RAG": "G", "Priority": "M",
     "Comments": None,
     "_labels": ("MMMMMMMM", ["tech_centred", "no_measurable_goal", "output_only_benefits", "no_owner",
                              "lock_in_risk", "vague_or_hype"])},
    {"Proj No.": "PRH-118", "Project": "Virtual ward expansion (frailty + resp)",
     "Scope / description": "Grow the virtual ward from 20 to 60 beds to hit the ICS target, using Remedica remote monitoring kit for frailty and respiratory patients at home.",
     "Strategic aim": "ICS UEC plan",
     "Expected benefits": "60 virtual ward beds open; ICS target met",
     "KPIs": "Beds open (60 by Mar-27); occupancy 80%",
     "SRO": "COO", "PM": "Virtual ward manager", "Clinical lead": "Dr H.R. (Frailty consultant)",
     "Supplier": "Remedica Monitoring - ICS call-off to Mar-27",
     "Approach": "Add about 20 beds a quarter", "Stage": "Live (20 beds)",
     "Start": D(2025, 4, 1), "Go-live": D(2027, 3, 31), "Est. cost": "£780k",
     "Funding": "ICS/NHSE funding to Mar-27 - no recurrent funding identified", "RAG": "A", "Priority": "VH",
     "Comments": "Occupancy 52% - ED referrals low. Plan unchanged. Hazard log held by VW team, CSO reviewed Sep-25.",
     "_labels": ("PPPEPPPM", ["output_only_benefits", "funding_ends_at_go_live"])},
    {"Proj No.": "PRH-119", "Project": "Theatre PCs + tap-in log-in",
     "Scope / description": "Replace 46 theatre PCs (8+ yrs old) and add tap-in log-in. Theatre practice educator timed 6 lists: staff logged in 31 times per list on average, about 25 min lost per list, and scrubbed staff wait for someone unscrubbed to log in for them.",
     "Strategic aim": "Aim 4",
     "Expected benefits": "Theatre staff spend less time at log-in screens; fewer late starts put down to IT",
     "KPIs": "Log-in time per list: 25 min now, target under 5. Late starts due to IT from theatre log.",
     "SRO": "Deputy COO - Surgery", "PM": "PM1 (J.T.)", "Clinical lead": "Theatre practice educator (M.W.)",
     "Supplier": "Ordell Networks (hardware, framework) - tap-in on existing SSO licence",
     "Approach": "2 theatres for 2 weeks, then rest of main theatres, then DSU", "Stage": "Delivery",
     "Start": D(2026, 1, 12), "Go-live": D(2026, 7, 31), "Est. cost": "£160k",
     "Funding": "Capital + existing SSO revenue", "RAG": "G", "Priority": "H",
     "Comments": "Scrub team asked for wall-mounted readers by the door - changed after the first 2 theatres.",
     "_labels": ("EEPEPPPP", [])},
]

A_REASONS = [
    "S1 red: 9 of 19 projects (47%) cite none of the four aims on the 'Digital Strategy' tab (BAU, Mandatory, NHSE mandate, Workforce plan, ICS shared record, ICS UEC plan, Flow, Patient safety, blank). Digital aims sit apart from the trust's own priorities.",
    "S3 red: 19 projects (17 under way or in procurement, 2 pipeline) against 8 in-house WTE with 2 PMs, about 9 per PM; 4 more are run by contractor or consultancy PMs.",
    "S4 red: 16 of 19 are VH or H, 3 M and no low priority.",
    "S5 red: 13 of 19 (68%) are technology-centred (replace, upgrade, implement, renew, AI/RPA first) with no user problem in the record.",
    "S6 red: 13 of 19 (68%) have no measurable goal (KPIs blank, '-', 'n/a', 'TBC', 'tbc' or output counts with no target).",
    "Composite: 5 of S1-S6 red (S1, S3, S4, S5, S6), and S1 red plus others; S2 not red (each of the 4 aims has 2-3 projects).",
    "Duplicates (S8): PRH-103 Tessaline portal vs PRH-114 NHS App appointments; PRH-105 e-obs module vs PRH-112 Obsbox handhelds. Both pairs noted in comments with no decision.",
    "Nothing stops (S9): no project stopped, paused or descoped; PRH-101 EPR rebaselined twice with scope unchanged; PRH-118 virtual ward plan unchanged at 52% occupancy.",
    "Hype and supplier dependence: RPA, AI chatbot, 'data-driven' platform and 'digital-first' transformation (PRH-104, 106, 113, 115); five supplier- or consultancy-led (PRH-103, 104, 106, 113, 115); seven lock-in risks.",
    "A few good projects, as in real registers: PRH-107 TTO times, PRH-111 shared care record, PRH-116 medical rostering, PRH-119 theatre log-in.",
]

# ---------------------------------------------------------------------------
# Workbook B: Tarnwick and Selbury NHS Foundation Trust (coherent)
# ---------------------------------------------------------------------------

B_NAME = "tarnwick_selbury_digital_portfolio_26-27"
B_SHEET = "Portfolio 26-27"

B_COLUMNS = [
    ("Team", "other"),
    ("Ref", "ref"),
    ("Initiative", "title"),
    ("Trust goal", "strategic_objective"),
    ("The problem (and how we know)", "description"),
    ("What will be different", "benefits"),
    ("Measures (baseline > target)", "kpis"),
    ("Exec sponsor", "owner"),
    ("Product manager", "other"),
    ("Clinical lead", "clinical_lead"),
    ("How we're delivering it", "delivery_approach"),
    ("Supplier / contract", "supplier"),
    ("Status", "stage"),
    ("Started", "start_date"),
    ("Due", "end_date"),
    ("Next decision", "other"),
    ("26/27 cost £k", "budget"),
    ("Funding", "other"),
    ("RAG", "rag"),
    ("MoSCoW", "priority"),
    ("Notes / decisions", "other"),
]

B_OBJECTIVES = [
    "G1 Home sooner: fewer delayed discharges, shorter LoS",
    "G2 Outpatients and waiting lists that work for patients",
    "G3 Safer care: fewer medication errors and missed deterioration",
    "G4 Time back for staff",
    "G5 Dependable digital foundations",
]
B_FTE = 38

SECTION = "Stopped / closed in 2025/26"

B_PROJECTS = [
    {"Team": "Flow", "Ref": "TSD-01", "Initiative": "Discharge ready list on the bed board",
     "Trust goal": "G1 Home sooner",
     "The problem (and how we know)": "Site managers ring every ward at 8am and 2pm to find out who can go home. We sat in on 6 bed meetings and counted 40-55 calls a day; no one screen shows who is medically fit.",
     "What will be different": "Site team and wards see medically fit patients in one place; discharges earlier in the day; fewer patients waiting in ED for a bed",
     "Measures (baseline > target)": "Discharges before noon 16% > 30%; bed-meeting calls/day 48 > under 10. Weekly flow dashboard.",
     "Exec sponsor": "COO", "Product manager": "Flow PM (S.L.)", "Clinical lead": "Dr R.V. (Acute physician, 2 PAs)",
     "How we're delivering it": "Built in-house on the EPR bed board. v1 on 3 medical wards after 6 weeks, releases every 2 weeks. Keep-or-stop call in March on the noon figure. CSO reviews each release against the hazard log.",
     "Supplier / contract": "Altavue EPR - existing licence, configured in-house",
     "Status": "Beta (3 wards)", "Started": D(2025, 10, 6), "Due": D(2026, 9, 30),
     "Next decision": D(2026, 3, 17), "26/27 cost £k": 85, "Funding": "Recurrent revenue",
     "RAG": "Green", "MoSCoW": "Must",
     "Notes / decisions": "Feb: EDD made mandatory on the ready list after wards said it was often blank.",
     "_labels": ("EEEEEPEE", [])},
    {"Team": "Flow", "Ref": "TSD-02", "Initiative": "SDEC referrals from ED",
     "Trust goal": "G1 Home sooner",
     "The problem (and how we know)": "Referrals from ED to SDEC are by phone. We watched 12 handovers: 1 in 4 patients waited in ED with a free SDEC chair, median 2h40 from decision to transfer.",
     "What will be different": "Suitable patients go straight to SDEC instead of waiting in ED",
     "Measures (baseline > target)": "Decision-to-SDEC median 2h40 > 1h; % referrals electronic. Reviewed weekly at UEC board.",
     "Exec sponsor": "COO", "Product manager": "Flow PM (S.L.)", "Clinical lead": "Dr K.M. (ED consultant)",
     "How we're delivering it": "Paper version tried in ED for 2 weeks, then an e-referral on the EPR. Medical SDEC only for the MVP (live Jan). CSO signed off DCB0160 and the hazard log.",
     "Supplier / contract": "In-house on Altavue EPR",
     "Status": "Live (medical SDEC)", "Started": D(2025, 9, 1), "Due": "Q2 2026/27",
     "Next decision": "Jun-26", "26/27 cost £k": 40, "Funding": "Recurrent revenue",
     "RAG": "Green", "MoSCoW": "Must",
     "Notes / decisions": "Surgical SDEC asked to join - on the backlog.",
     "_labels": ("EEEEEPEP", [])},
    {"Team": "Outpatients", "Ref": "TSD-03", "Initiative": "Appointment reminders with a rebooking link",
     "Trust goal": "G2 Outpatients",
     "The problem (and how we know)": "DNA rate 9.4% in 25/26. Booking team call-backs found 1 in 3 patients who DNA'd never got or read the letter. We asked 40 patients in clinic waiting areas what would help - most said a text they could act on.",
     "What will be different": "Patients can move an appointment without phoning; fewer wasted slots",
     "Measures (baseline > target)": "DNA 9.4% > 7% by Mar-27; % rebooked via link. Monthly to outpatients board.",
     "Exec sponsor": "COO", "Product manager": "Outpatients PM (A.D.)", "Clinical lead": "Dr F.A. (Outpatient clinical lead)",
     "How we're delivering it": "Dermatology and T&O first (Apr), then 2 specialties a month. Messages go as NHS App notifications first, SMS if no app.",
     "Supplier / contract": "Pingwell Messaging - framework call-off, 2 yrs, 3-month break clause",
     "Status": "Live (2 specialties)", "Started": D(2026, 1, 5), "Due": D(2027, 3, 31),
     "Next decision": "Jun-26", "26/27 cost £k": 60, "Funding": "Recurrent revenue",
     "RAG": "Green", "MoSCoW": "Must",
     "Notes / decisions": "Added a 'prefer phone or video?' question after patient feedback in Feb.",
     "_labels": ("EEEEPEPE", [])},
    {"Team": "Outpatients", "Ref": "TSD-04", "Initiative": "Clinic outcome form (ophthalmology first)",
     "Trust goal": "G2 Outpatients",
     "The problem (and how we know)": "Clinic outcome forms are on paper. We audited 300 ophthalmology forms: 8% lost or incomplete, so the follow-up was never booked.",
     "What will be different": "Every patient leaves clinic with the right follow-up booked; no lost outcomes",
     "Measures (baseline > target)": "Lost/incomplete outcomes 8% > under 1%. Weekly report to clinic leads.",
     "Exec sponsor": "Medical Director", "Product manager": "Outpatients PM (A.D.)", "Clinical lead": "Ms D.E. (Consultant ophthalmologist)",
     "How we're delivering it": "8-week pilot in ophthalmology, then clinic by clinic. Consultants and clinic clerks drew up the form with the EPR team; built in-house.",
     "Supplier / contract": "In-house on Altavue EPR",
     "Status": "Pilot", "Started": D(2026, 2, 2), "Due": "Mar-27",
     "Next decision": D(2026, 4, 14), "26/27 cost £k": 25, "Funding": "Recurrent revenue",
     "RAG": "Amber", "MoSCoW": "Should",
     "Notes / decisions": "Amber: form slower than paper for complex patients - reworking with clinicians before any roll-out. Hazard log entry, CSO rated low risk.",
     "_labels": ("EEEEEPEE", [])},
    {"Team": "Medicines", "Ref": "TSD-05", "Initiative": "Antibiotic 72-hour review prompt",
     "Trust goal": "G3 Safer care",
     "The problem (and how we know)": "Pharmacy point-prevalence audit on 4 wards: 38% of IV antibiotics not reviewed by 72 hours, so patients stay on IV longer than they need to.",
     "What will be different": "Patients switched to oral or stopped on time; fewer days on IV",
     "Measures (baseline > target)": "72h review done 62% > 90%; IV-to-oral switch days. Monthly AMS report.",
     "Exec sponsor": "Medical Director", "Product manager": "Medicines PM (in-house)", "Clinical lead": "Dr L.P. (Consultant microbiologist)",
     "How we're delivering it": "Prompt built in-house in EPMA, tried with 6 FY1s and the AMS pharmacists, then 2 wards for 6 weeks. If more than half the prompts are overridden in the first month we redesign before going wider.",
     "Supplier / contract": "Altavue EPMA - existing licence",
     "Status": "Build", "Started": D(2026, 1, 19), "Due": D(2026, 10, 30),
     "Next decision": D(2026, 4, 28), "26/27 cost £k": 20, "Funding": "Recurrent revenue",
     "RAG": "Green", "MoSCoW": "Must",
     "Notes / decisions": "Hazard log opened and reviewed with CSO. FY1s asked for a one-click 'reviewed - continue' option.",
     "_labels": ("EEEEEPEE", [])},
    {"Team": "Medicines", "Ref": "TSD-06", "Initiative": "Barcode checks on drug rounds (2 wards)",
     "Trust goal": "G3 Safer care",
     "The problem (and how we know)": "6 wrong-patient medicine near misses last year on elderly care. Nurses timed their drug rounds on Ward 12: 2h10 on average, a lot of it checking wristbands by hand.",
     "What will be different": "Right medicine to the right patient; shorter drug rounds",
     "Measures (baseline > target)": "Wrong-patient near misses 6/yr > 0; drug round 2h10 > 1h45. Measured at end of pilot.",
     "Exec sponsor": "Chief Nurse", "Product manager": "Medicines PM (in-house)", "Clinical lead": "Senior Sister, Ward 12 (K.O.)",
     "How we're delivering it": "Pilot on Wards 12 and 14 for 3 months. Scanners set up by the supplier.",
     "Supplier / contract": "Scanlite handhelds - framework call-off",
     "Status": "Procurement", "Started": D(2026, 3, 2), "Due": D(2026, 12, 18),
     "Next decision": None, "26/27 cost £k": 95, "Funding": "Capital (scanners) + £18k pa support",
     "RAG": "Amber", "MoSCoW": "Should",
     "Notes / decisions": "Hazard log opened with CSO.",
     "_labels": ("EEPEPPPM", ["missing_dates"])},
    {"Team": "Nursing", "Ref": "TSD-07", "Initiative": "NEWS2 alert straight to outreach",
     "Trust goal": "G3 Safer care",
     "The problem (and how we know)": "Outreach audited 120 escalations: median 48 min between a NEWS2 of 7+ being recorded and outreach being called. Ward nurses said they often can't get to a phone.",
     "What will be different": "Outreach get to deteriorating patients sooner",
     "Measures (baseline > target)": "Obs-to-outreach call median 48 min > 15 min",
     "Exec sponsor": "Chief Nurse", "Product manager": "Nursing PM (in-house)", "Clinical lead": "CNIO (P.H.)",
     "How we're delivering it": "Auto-alert from e-obs to the outreach bleep for NEWS2 7+ on 2 wards first. Outreach nurses tried the alert wording on the test system; hazard log reviewed with CSO.",
     "Supplier / contract": "Altavue e-obs - already licensed",
     "Status": "Build", "Started": D(2026, 1, 12), "Due": D(2026, 8, 28),
     "Next decision": D(2026, 5, 12), "26/27 cost £k": 30, "Funding": "Recurrent revenue",
     "RAG": "Green", "MoSCoW": "Must",
     "Notes / decisions": "Not going beyond the 2 wards until outreach have looked at a month of alert volumes.",
     "_labels": ("EEPEEPEP", [])},
    {"Team": "Nursing", "Ref": "TSD-08", "Initiative": "Nursing handover summary",
     "Trust goal": "G4 Time back for staff",
     "The problem (and how we know)": "Nurses timed handovers before we started: 45 min per shift change on Wards 3 and 5, mostly reading out obs and meds that are already in the EPR.",
     "What will be different": "Shorter handovers; nurses back with patients sooner and less missed at handover",
     "Measures (baseline > target)": "Handover time 45 > 25 min, timed fortnightly by ward sisters; handover-related incidents.",
     "Exec sponsor": "Chief Nurse", "Product manager": "Nursing PM (in-house)", "Clinical lead": "Ward sister, Ward 3 (G.T.)",
     "How we're delivering it": "Printable summary built by the nursing informatics team with ward sisters; Ward 3 first, then Ward 5, then medicine. CSO: low risk, logged.",
     "Supplier / contract": "n/a - in-house",
     "Status": "Live (Ward 3)", "Started": D(2025, 11, 3), "Due": D(2026, 7, 31),
     "Next decision": "May-26", "26/27 cost £k": 15, "Funding": "Recurrent revenue",
     "RAG": "Green", "MoSCoW": "Should",
     "Notes / decisions": None,
     "_labels": ("EEEEEMEP", [])},
    {"Team": "Workforce & Corporate", "Ref": "TSD-09", "Initiative": "Bank shifts - self-service booking",
     "Trust goal": "G4 Time back for staff",
     "The problem (and how we know)": "Bank office logged calls for 2 weeks in Nov: about 600 a week, mostly staff asking which shifts are free.",
     "What will be different": "Bank staff book shifts on their phone; bank office time back; more shifts filled",
     "Measures (baseline > target)": "Calls 600/wk > 250; bank fill rate 78% > 85%",
     "Exec sponsor": "Director of People", "Product manager": "Workforce PM (T.R.)", "Clinical lead": "n/a",
     "How we're delivering it": "Bank nurses first, then HCAs, then AHPs. Quorra configures the module.",
     "Supplier / contract": "Quorra Workforce - existing contract extended 12 months, no competition",
     "Status": "Delivery", "Started": D(2026, 2, 2), "Due": D(2026, 11, 27),
     "Next decision": "Jul-26", "26/27 cost £k": 45, "Funding": "Recurrent revenue",
     "RAG": "Amber", "MoSCoW": "Should",
     "Notes / decisions": "Short survey of 150 bank staff: 82% would use it on their phone.",
     "_labels": ("EEPEPMPP", ["lock_in_risk"])},
    None,  # blank row mid-list
    {"Team": "Data", "Ref": "TSD-10", "Initiative": "Waiting list validation dashboard",
     "Trust goal": "G2 Outpatients",
     "The problem (and how we know)": "We sat with the validation team for a week: they spend about 3 days a week building waiting list extracts by hand before they can phone a single patient.",
     "What will be different": "Validators spend their time contacting patients, not building spreadsheets; patients who no longer need an appointment come off the list sooner",
     "Measures (baseline > target)": "Extract-building hrs/wk 22 > 8; patients validated per week (baseline 310). Weekly.",
     "Exec sponsor": "COO", "Product manager": "Data PM (in-house)", "Clinical lead": "n/a",
     "How we're delivering it": "2 in-house analysts; v1 for T&O in 4 weeks, weekly show and tell for the validators. Other specialties only if T&O hours fall.",
     "Supplier / contract": "n/a - in-house",
     "Status": "Beta (T&O)", "Started": D(2026, 1, 5), "Due": D(2026, 9, 30),
     "Next decision": D(2026, 3, 31), "26/27 cost £k": 60, "Funding": "Recurrent revenue (existing team)",
     "RAG": "Green", "MoSCoW": "Should",
     "Notes / decisions": "DPIA screening done: no new data flows.",
     "_labels": ("EEEEEMEE", [])},
    {"Team": "Platforms", "Ref": "TSD-11", "Initiative": "Data centre exit to cloud",
     "Trust goal": "G5 Foundations",
     "The problem (and how we know)": "Move the remaining 86 servers out of the on-site data centre to Nimbrook Cloud before the lease ends in Mar-27.",
     "What will be different": "Supported infrastructure; data centre lease exited (£110k pa)",
     "Measures (baseline > target)": "Servers migrated 0/86 > 86/86; monthly",
     "Exec sponsor": "CDIO", "Product manager": "Platforms PM (in-house)", "Clinical lead": "n/a",
     "How we're delivering it": "In-house platform team, waves of about 10 servers a month; wave 1 done Jan.",
     "Supplier / contract": "Nimbrook Cloud via G-Cloud, 1-yr terms; exit and data export tested in wave 1",
     "Status": "Delivery", "Started": D(2025, 11, 3), "Due": D(2027, 2, 26),
     "Next decision": "May-26", "26/27 cost £k": 240, "Funding": "Revenue (replaces lease)",
     "RAG": "Amber", "MoSCoW": "Should",
     "Notes / decisions": "Wave 3 (PACS servers) paused until the PACS supplier confirms cloud support.",
     "_labels": ("MPMEEEME", ["tech_centred", "output_only_benefits"])},
    {"Team": "Platforms", "Ref": "TSD-12", "Initiative": "EPR version upgrade (v21 to v26)",
     "Trust goal": "G5 Foundations",
     "The problem (and how we know)": "Altavue ends support for our EPR version (v21) in Nov-26, so we have to upgrade to v26 this year.",
     "What will be different": "EPR stays supported; new version features available",
     "Measures (baseline > target)": "Downtime under 8 hrs; no P1 incidents in week 1",
     "Exec sponsor": "CDIO", "Product manager": "Platforms PM (in-house)", "Clinical lead": "CCIO (Dr N.B.)",
     "How we're delivering it": "One upgrade weekend, all modules. EPR team and 20 super users run 400 test scripts beforehand; CSO reviews release notes and hazard log.",
     "Supplier / contract": "Altavue - existing contract, upgrade included",
     "Status": "Planning", "Started": D(2026, 3, 2), "Due": D(2026, 11, 14),
     "Next decision": "Sep-26 (go/no-go for upgrade weekend)", "26/27 cost £k": 120, "Funding": "Revenue",
     "RAG": "Green", "MoSCoW": "Must",
     "Notes / decisions": None,
     "_labels": ("MMMMEPEE", ["tech_centred", "output_only_benefits", "big_bang"])},
    {"Team": "Workforce & Corporate", "Ref": "TSD-13", "Initiative": "Referral registration - automation trial",
     "Trust goal": "G4 Time back for staff",
     "The problem (and how we know)": "Booking clerks re-key about 350 e-RS referrals a week into PAS. We timed 4 minutes each - 23 hours a week - and 29% are registered later than the next working day.",
     "What will be different": "Clerks spend the time on patient calls instead of re-keying; referrals registered next day",
     "Measures (baseline > target)": "Re-keying 23 hrs/wk > under 5; registered by next working day 71% > 95%. Error rate checked weekly.",
     "Exec sponsor": "COO", "Product manager": "Corporate PM (in-house)", "Clinical lead": "n/a",
     "How we're delivering it": "Bot built by our in-house automation developer for one specialty; 4-week trial with clerks checking every record before it is used. Review after the trial.",
     "Supplier / contract": "Botwright RPA - using Finance's existing licence",
     "Status": "Trial (gastro)", "Started": D(2026, 2, 16), "Due": D(2026, 7, 31),
     "Next decision": D(2026, 3, 20), "26/27 cost £k": 10, "Funding": "Recurrent revenue",
     "RAG": "Green", "MoSCoW": "Could",
     "Notes / decisions": "DPIA done. Clerks found 3 mismatches in week 1 (NHS number format) - fixed.",
     "_labels": ("EEEEEPEP", [])},
    {"Team": "Workforce & Corporate", "Ref": "TSD-14", "Initiative": "Staff app ('TS Connect')",
     "Trust goal": "G4 Time back for staff",
     "The problem (and how we know)": "Comms want a co-designed staff app for news, rota swaps and wellbeing; staff are said to want one place for everything. No user research done yet - co-design sessions to be booked.",
     "What will be different": "Staff better informed; one place for news and rotas",
     "Measures (baseline > target)": "Downloads",
     "Exec sponsor": "Director of Comms", "Product manager": "-", "Clinical lead": "n/a",
     "How we're delivering it": "TBC",
     "Supplier / contract": "TBC",
     "Status": "Parked", "Started": "TBC", "Due": "TBC",
     "Next decision": "TBC", "26/27 cost £k": "TBC", "Funding": "None agreed",
     "RAG": None, "MoSCoW": "Could",
     "Notes / decisions": "Parked by DDB in Jan until we know how many staff use the Quorra rostering app (rota swaps already there).",
     "_labels": ("PPMMMMMP", ["tech_centred", "no_measurable_goal", "missing_dates"])},
    {"Team": "Planned care", "Ref": "TSD-15", "Initiative": "Theatre list scheduling trial (Listwise)",
     "Trust goal": "ICS elective recovery",
     "The problem (and how we know)": "Three schedulers build T&O and gynae lists by hand in spreadsheets; theatre utilisation was 76% in Q1. ICS-funded trial of Listwise's AI scheduling service.",
     "What will be different": "More operations per list; shorter waits for T&O and gynae patients",
     "Measures (baseline > target)": "Utilisation 76% > 85%; cases per list. Listwise to report.",
     "Exec sponsor": "Deputy COO - Planned care", "Product manager": "Theatres manager", "Clinical lead": "Mr J.S. (T&O consultant)",
     "How we're delivering it": "12-month trial in T&O and gynae. Listwise to deliver the scheduling service and run the model; schedulers approve the lists.",
     "Supplier / contract": "Listwise - ICS-funded 12-month licence, no commitment after",
     "Status": "Trial", "Started": D(2026, 3, 2), "Due": D(2027, 2, 26),
     "Next decision": "Feb-27 (ICS funding decision)", "26/27 cost £k": "0 (ICS funded)", "Funding": "ICS funded to Feb-27; nothing agreed after",
     "RAG": "Amber", "MoSCoW": "Should",
     "Notes / decisions": "Schedulers not yet trained; start slipped 1 month.",
     "_labels": ("PPPPMEMP", ["supplier_led", "funding_ends_at_go_live"])},
    {"Team": "ICS-led (EPR team supports)", "Ref": "TSD-16", "Initiative": "Maternity EPR (ICS single system)",
     "Trust goal": "ICS maternity strategy",
     "The problem (and how we know)": "ICS-led procurement of one maternity system (Bellmoor) for all 3 trusts in the ICS, going live in all 3 on the same date in Oct-27. Trust role: data migration, interfaces, training.",
     "What will be different": "One maternity record across the ICS",
     "Measures (baseline > target)": "Go-live on time",
     "Exec sponsor": "Director of Midwifery", "Product manager": "ICS programme team", "Clinical lead": "Digital midwife (C.B.)",
     "How we're delivering it": "Single go-live across the ICS (ICS programme board decision)",
     "Supplier / contract": "Bellmoor Maternity - ICS contract, 10 yrs; exit terms not seen by trust",
     "Status": "Procurement", "Started": D(2025, 7, 1), "Due": "Oct-27",
     "Next decision": None, "26/27 cost £k": 310, "Funding": "ICS capital; trust run costs from Nov-27 not budgeted",
     "RAG": "Amber", "MoSCoW": "Must",
     "Notes / decisions": "Clinical safety: ICS to arrange.",
     "_labels": ("MMMMPMMM", ["tech_centred", "no_measurable_goal", "output_only_benefits", "big_bang",
                              "lock_in_risk", "funding_ends_at_go_live", "clinical_safety_missing",
                              "missing_dates"])},
    SECTION,  # section heading row
    {"Team": "Outpatients", "Ref": "TSD-17", "Initiative": "Own patient portal - discovery",
     "Trust goal": "G2 Outpatients",
     "The problem (and how we know)": "Do patients need a trust portal as well as the NHS App? 8-week discovery: our user researcher interviewed 30 patients (7 who rarely go online) and ran 2 sessions with the patient panel.",
     "What will be different": "A decision on whether to buy a portal at all",
     "Measures (baseline > target)": "Exit test: buy only if more than a third of patients need things the NHS App can't do. Result: 4 of 30.",
     "Exec sponsor": "COO", "Product manager": "Outpatients PM (A.D.)", "Clinical lead": "Dr F.A. (Outpatient clinical lead)",
     "How we're delivering it": "8-week discovery, decision at the end",
     "Supplier / contract": "None - no market engagement beyond 2 demos",
     "Status": "Stopped Jan-26", "Started": D(2025, 9, 1), "Due": D(2026, 1, 30),
     "Next decision": "n/a (stopped)", "26/27 cost £k": 0, "Funding": "-",
     "RAG": None, "MoSCoW": None,
     "Notes / decisions": "Stopped at DDB 20/01/26. No portal; money moved to TSD-03 reminders.",
     "_labels": ("EPEEEPPE", [])},
    {"Team": "Flow", "Ref": "TSD-18", "Initiative": "ED speech recognition trial",
     "Trust goal": "G4 Time back for staff",
     "The problem (and how we know)": "ED doctors spend about 9 min writing up each patient (timed over 3 shifts in majors). 4-week trial of Voxmere speech recognition with 10 ED doctors.",
     "What will be different": "Doctors finish notes faster and get back to patients",
     "Measures (baseline > target)": "Write-up time 9 > 5 min; accuracy. Result: 82% accuracy in majors noise, no time saved.",
     "Exec sponsor": "Medical Director", "Product manager": "Flow PM (S.L.)", "Clinical lead": "Dr K.M. (ED consultant)",
     "How we're delivering it": "4-week trial on test notes only (nothing filed in the record); CSO agreed the trial set-up.",
     "Supplier / contract": "Voxmere - free trial, no commitment",
     "Status": "Stopped Dec-25", "Started": D(2025, 10, 27), "Due": D(2025, 12, 19),
     "Next decision": "n/a (stopped)", "26/27 cost £k": 0, "Funding": "-",
     "RAG": None, "MoSCoW": None,
     "Notes / decisions": "Stopped: doctors faster typing. Licence not bought. Might retry for outpatient letters.",
     "_labels": ("EEEEEEEE", [])},
]

B_REASONS = [
    "S1 green: 13 of the 15 active initiatives (87%) cite one of goals G1-G5 on 'Plan on a page'; TSD-15 and TSD-16 cite ICS plans instead.",
    "S2 green: every goal has 2-3 active initiatives; none served by a single project.",
    "S3 green: 15 active initiatives (TSD-14 parked, TSD-17 and TSD-18 stopped) against 38 in-house WTE in 8 product teams, each with a product manager; at most 2 active per team (TSD-16 is ICS-led); WIP limit of 2 per team.",
    "S4 green: 7 of 15 active are Must (47%), with Could items present.",
    "S5 at the amber line, not red: 3 of 15 active (20%) technology-centred (TSD-11 cloud move, TSD-12 EPR upgrade, TSD-16 ICS maternity EPR); S6 green: 1 of 15 active unmeasurable (TSD-16).",
    "Problems are stated from the user's side and counted (sat in on bed meetings, watched handovers, timed drug rounds and handovers, audits); most work starts on 1-3 wards or specialties with a dated next decision.",
    "Things stop (S9): TSD-17 portal discovery and TSD-18 speech recognition trial stopped on evidence, TSD-14 staff app parked, TSD-11 wave 3 paused, and a not-doing list on 'Plan on a page'.",
    "Realistic weak spots: TSD-16 ICS maternity EPR (single go-live, 10-year contract, no run-cost funding, safety left to the ICS), TSD-12 single-weekend EPR upgrade, TSD-15 supplier-run AI scheduling on time-limited ICS money, TSD-09 contract extended without competition, TSD-06 with no next decision date.",
]


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------

def set_widths(ws, columns, wide):
    for i, (head, _) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = 45 if head in wide else 16


def write_row(ws, r, columns, rec):
    for c, (head, _) in enumerate(columns, start=1):
        v = rec.get(head)
        cell = ws.cell(row=r, column=c, value=v)
        cell.alignment = WRAP
        if isinstance(v, dt.datetime):
            cell.number_format = "dd/mm/yyyy"


def build_a():
    wb = Workbook()
    ws = wb.active
    ws.title = A_SHEET
    ncol = len(A_COLUMNS)
    last = get_column_letter(ncol)
    ws["A1"] = "PELLWORTH ROYAL HOSPITALS NHS TRUST - IM&T PROJECT LIST 2026/27"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells(f"A1:{last}1")
    ws["A2"] = ("All IM&T projects incl. BAU and pipeline. Owner: Head of PMO. Reviewed monthly at "
                "Digital Assurance Board (DAB). Costs are whole-project unless stated. RAG R/A/G; priority VH/H/M.")
    ws["A2"].font = Font(italic=True)
    ws.merge_cells(f"A2:{last}2")
    for c1, c2, text in A_GROUPS:
        cell = ws.cell(row=3, column=c1, value=text)
        cell.font = BOLD
        cell.fill = GROUP_FILL
        cell.alignment = Alignment(horizontal="center")
        if c2 > c1:
            ws.merge_cells(start_row=3, start_column=c1, end_row=3, end_column=c2)
    header_row = 4
    for c, (head, _) in enumerate(A_COLUMNS, start=1):
        cell = ws.cell(row=header_row, column=c, value=head)
        cell.font = BOLD
        cell.fill = HEAD_FILL
        cell.alignment = WRAP
    rows = {}
    r = header_row + 1
    for rec in A_PROJECTS:
        if rec is not None:
            write_row(ws, r, A_COLUMNS, rec)
            rows[rec["Proj No."]] = r
        r += 1
    r += 1
    ws.cell(row=r, column=1,
            value="Source: PMO tracker, exported 16/01/2026. Strategic aims: see 'Digital Strategy' tab.").font = Font(italic=True)
    set_widths(ws, A_COLUMNS, {"Scope / description", "Expected benefits", "KPIs", "Supplier",
                               "Approach", "Comments", "Funding"})
    ws.freeze_panes = ws.cell(row=header_row + 1, column=3)

    st = wb.create_sheet("Digital Strategy")
    lines = [
        ("Pellworth Royal Hospitals NHS Trust - Digital Strategy 2024-2027 (summary)", None),
        (None, None),
        ("Strategic aims", None),
    ]
    lines += [(o, None) for o in A_OBJECTIVES]
    lines += [
        (None, None),
        ("Trust strategic priorities", "See trust board strategy paper (not reproduced here)."),
        ("Governance", "Digital Assurance Board (DAB) monthly; Exec approves business cases over £250k; all changes via CAB."),
        ("IM&T project delivery team", "8 WTE in-house: Head of PMO, 2 PMs, 1 BA, 2 EPR analysts, 1 trainer, 1 integration developer. Contractors / consultancy as needed."),
        ("In-house FTE", A_FTE),
        ("ICS", "Carnby & Ulsworth ICS digital plan - trust contributes to shared care record and virtual wards."),
    ]
    for i, (a, b) in enumerate(lines, start=1):
        st.cell(row=i, column=1, value=a)
        if b is not None:
            st.cell(row=i, column=2, value=b)
    st["A1"].font = Font(bold=True, size=13)
    st["A3"].font = BOLD
    st.column_dimensions["A"].width = 55
    st.column_dimensions["B"].width = 90
    return wb, header_row, rows


def build_b():
    wb = Workbook()
    pp = wb.active
    pp.title = "Plan on a page"
    lines = [
        ("Tarnwick and Selbury NHS Foundation Trust - Digital plan on a page 2026/27", None),
        ("Orrindale & Wexcombe ICS", None),
        (None, None),
        ("Our goals (from the trust strategy 2025-2030)", None),
    ]
    lines += [(o, None) for o in B_OBJECTIVES]
    lines += [
        (None, None),
        ("Not doing in 26/27", None),
        ("- No patient portal of our own: we use the NHS App (see TSD-17)", None),
        ("- No AI or automation pilot without a measured problem and a named team", None),
        ("- No new system where one we already have can do the job", None),
        (None, None),
        ("Team", "38 WTE in-house digital delivery staff in 8 product teams, each with a product manager. CCIO 4 PAs, CNIO 0.6 WTE, CSO 0.5 WTE, 1 user researcher."),
        ("In-house FTE", B_FTE),
        ("How we work", "Max 2 active initiatives per team. Every initiative has a next decision date; the Digital Delivery Board (DDB) can stop, pause or cut scope."),
        ("ICS-led work", "Maternity EPR is ICS-led; our EPR team supports it and it does not count against a product team."),
    ]
    for i, (a, b) in enumerate(lines, start=1):
        pp.cell(row=i, column=1, value=a)
        if b is not None:
            pp.cell(row=i, column=2, value=b)
    pp["A1"].font = Font(bold=True, size=13)
    pp["A4"].font = BOLD
    pp.column_dimensions["A"].width = 62
    pp.column_dimensions["B"].width = 95

    ws = wb.create_sheet(B_SHEET)
    ws["A1"] = "Tarnwick & Selbury NHS FT"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Digital portfolio - for Digital Delivery Board"
    ws["A3"] = "v3.1, 09/02/2026. Owner: Head of Digital Delivery"
    ws["A4"] = "Goals G1-G5 and team capacity: see 'Plan on a page'. Costs £k this FY. RAG = delivery confidence."
    header_row = 6
    for c, (head, _) in enumerate(B_COLUMNS, start=1):
        cell = ws.cell(row=header_row, column=c, value=head)
        cell.font = BOLD
        cell.fill = HEAD_FILL
        cell.alignment = WRAP
    rows = {}
    r = header_row + 1
    for rec in B_PROJECTS:
        if rec is None:
            pass
        elif isinstance(rec, str):
            cell = ws.cell(row=r, column=1, value=rec)
            cell.font = BOLD
        else:
            write_row(ws, r, B_COLUMNS, rec)
            rows[rec["Ref"]] = r
        r += 1
    set_widths(ws, B_COLUMNS, {"The problem (and how we know)", "What will be different",
                               "Measures (baseline > target)", "How we're delivering it",
                               "Supplier / contract", "Notes / decisions", "Funding"})
    ws.freeze_panes = ws.cell(row=header_row + 1, column=4)
    return wb, header_row, rows


def labels_doc(name, sheet, header_row, columns, verdict, objectives, fte, reasons, projects, rows, refkey):
    projs = {}
    for rec in projects:
        if not isinstance(rec, dict):
            continue
        code, flags = rec["_labels"]
        projs[rec[refkey]] = {
            "row": rows[rec[refkey]],
            "principles": {p: CODE[ch] for p, ch in zip(PRINCIPLES, code)},
            "flags": sorted(flags, key=FLAGS.index),
        }
    return {
        "workbook": name + ".xlsx",
        "sheet": sheet,
        "header_row": header_row,
        "columns": {h: f for h, f in columns},
        "portfolio": {
            "verdict": verdict,
            "strategic_objectives": objectives,
            "in_house_fte": fte,
            "reasons": reasons,
        },
        "projects": projs,
    }


# ---------------------------------------------------------------------------
# Checks against the saved files
# ---------------------------------------------------------------------------

def check(path_xlsx, path_json, projects, refkey):
    errors = []
    with open(path_json, encoding="utf-8") as f:
        lab = json.load(f)
    wb = load_workbook(path_xlsx)
    if lab["sheet"] not in wb.sheetnames:
        return [f"sheet {lab['sheet']!r} not in {wb.sheetnames}"]
    ws = wb[lab["sheet"]]
    hr = lab["header_row"]
    header = [c.value for c in ws[hr]]
    while header and header[-1] is None:
        header.pop()
    if header != list(lab["columns"].keys()):
        errors.append(f"header row {hr} is {header}, labels say {list(lab['columns'])}")
    for h, f in lab["columns"].items():
        if f not in CANONICAL:
            errors.append(f"column {h!r} maps to unknown field {f!r}")
    ref_fields = [h for h, f in lab["columns"].items() if f == "ref"]
    if len(ref_fields) != 1:
        errors.append(f"need exactly one ref column, got {ref_fields}")
        return errors
    if ref_fields[0] not in header:
        errors.append(f"ref column {ref_fields[0]!r} not in header row {hr}")
        return errors
    ref_col = header.index(ref_fields[0]) + 1
    if lab["portfolio"]["verdict"] not in ("coherent", "shopping_list"):
        errors.append("bad verdict")
    if not isinstance(lab["portfolio"]["in_house_fte"], (int, float)):
        errors.append("in_house_fte not a number")
    # the FTE figure must appear somewhere in the workbook
    fte = lab["portfolio"]["in_house_fte"]
    if not any(c.value == fte for s in wb for row in s.iter_rows() for c in row):
        errors.append(f"in-house FTE {fte} not found in any cell")
    # each strategic objective must appear on some sheet
    texts = {str(c.value) for s in wb for row in s.iter_rows() for c in row if c.value is not None}
    for o in lab["portfolio"]["strategic_objectives"]:
        if o not in texts:
            errors.append(f"objective {o!r} not found in workbook")
    labelled_rows = set()
    for ref, p in lab["projects"].items():
        got = ws.cell(row=p["row"], column=ref_col).value
        if got != ref:
            errors.append(f"{ref}: row {p['row']} holds {got!r}")
        labelled_rows.add(p["row"])
        if list(p["principles"].keys()) != PRINCIPLES:
            errors.append(f"{ref}: principle keys {list(p['principles'])}")
        for k, v in p["principles"].items():
            if v not in ("evident", "partial", "missing"):
                errors.append(f"{ref}: {k}={v!r}")
        for fl in p["flags"]:
            if fl not in FLAGS:
                errors.append(f"{ref}: unknown flag {fl!r}")
        if p["flags"] != sorted(p["flags"], key=FLAGS.index) or len(set(p["flags"])) != len(p["flags"]):
            errors.append(f"{ref}: flags not in rubric order or duplicated")
    # every row below the header that has a ref-like value is labelled, and no
    # labelled row is a non-project row
    for r in range(hr + 1, ws.max_row + 1):
        v = ws.cell(row=r, column=ref_col).value
        if isinstance(v, str) and v in lab["projects"] and r not in labelled_rows:
            errors.append(f"row {r} holds {v} but is not its labelled row")
        if r not in labelled_rows and isinstance(v, str) and any(
                v.startswith(x) for x in ("PRH-", "TSD-")):
            errors.append(f"row {r} holds unlabelled ref {v}")
    n_src = sum(1 for rec in projects if isinstance(rec, dict))
    if n_src != len(lab["projects"]):
        errors.append(f"{n_src} projects in source, {len(lab['projects'])} labelled")
    return errors


def main():
    out = []
    ok = True
    for name, sheet, builder, columns, verdict, objectives, fte, reasons, projects, refkey in [
        (A_NAME, A_SHEET, build_a, A_COLUMNS, "shopping_list", A_OBJECTIVES, A_FTE, A_REASONS, A_PROJECTS, "Proj No."),
        (B_NAME, B_SHEET, build_b, B_COLUMNS, "coherent", B_OBJECTIVES, B_FTE, B_REASONS, B_PROJECTS, "Ref"),
    ]:
        wb, header_row, rows = builder()
        px = os.path.join(HERE, name + ".xlsx")
        pj = os.path.join(HERE, name + ".labels.json")
        wb.save(px)
        doc = labels_doc(name, sheet, header_row, columns, verdict, objectives, fte, reasons,
                         projects, rows, refkey)
        with open(pj, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=2, ensure_ascii=False)
            f.write("\n")
        errs = check(px, pj, projects, refkey)
        if errs:
            ok = False
            print(f"FAIL {name}:")
            for e in errs:
                print("  -", e)
        else:
            out.append(f"ok   {name}.xlsx: sheet {sheet!r}, header row {header_row}, "
                       f"{len(doc['projects'])} projects, verdict {verdict}")
    for line in out:
        print(line)
    if not ok:
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
