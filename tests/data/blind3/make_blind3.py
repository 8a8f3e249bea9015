"""Blind evaluation set 3: two fictional NHS trust digital portfolios.

Writes two workbooks and one NAME.labels.json per workbook (Kestermoor label
format), then reopens each workbook and checks it against its labels. Exits
non-zero if any check fails.

    .venv/bin/python tests/data/blind3/make_blind3.py

Everything here is fictional: trusts, ICSs, suppliers, products. People appear
only as roles or initials. Needs openpyxl only.

Labels: an 8-letter code per project, one letter per principle P1-P8
(E = evident, P = partial, M = missing), plus a flag list and a `clinical`
marker (used only by the self-checks below, not written to the label files).
"""
import json
import os
import re
import sys
from collections import Counter
from datetime import datetime as dt

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
PLACEHOLDER = {"", "tbc", "tbd", "ongoing", "-", "n/a"}

BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
SECTION_FILL = PatternFill("solid", fgColor="EDEDED")
WRAP = Alignment(wrap_text=True, vertical="top")


def blank(v):
    return v is None or (isinstance(v, str) and v.strip().lower() in PLACEHOLDER)


# ---------------------------------------------------------------------------
# Workbook A: Merrowby & Caddon Vale Hospitals NHS Trust (acute) - shopping list
# ---------------------------------------------------------------------------
A_FILE = "merrowby_caddon_vale_it_digital_project_list_2026-27"
A_SHEET = "Project list"
A_HEADER_ROW = 2
A_COLUMNS = [
    ("#", "other"),
    ("Project ID", "ref"),
    ("Project name", "title"),
    ("Directorate", "other"),
    ("Strategic theme", "strategic_objective"),
    ("Summary", "description"),
    ("Benefits", "benefits"),
    ("KPIs / measures", "kpis"),
    ("Exec sponsor", "owner"),
    ("PM", "other"),
    ("Clinical lead", "clinical_lead"),
    ("Supplier / contract", "supplier"),
    ("Approach", "delivery_approach"),
    ("Governance", "other"),
    ("Risks / assumptions", "other"),
    ("Budget", "budget"),
    ("Start", "start_date"),
    ("Finish", "end_date"),
    ("RAG", "rag"),
    ("Priority", "priority"),
    ("Status & next steps", "stage"),
]
A_OBJECTIVES = [
    "Theme 1 - A fully digital hospital",
    "Theme 2 - Modern, resilient infrastructure",
    "Theme 3 - Digitally empowered patients",
    "Theme 4 - Data to drive decisions",
]
A_FTE = 14

# Field order in each tuple below:
# ref, title, directorate, theme, summary, benefits, kpis, sponsor, pm, clinical lead,
# supplier, approach, governance, risks, budget, start, finish, rag, priority, status,
# code, flags, clinical
A_PROJECTS = [
    ("ITD/012", "EPR Phase 3 - order comms, results & nursing docs", "Corporate - IT & Digital",
     A_OBJECTIVES[0],
     "Phase 3 of the Aurentis EPR programme: order comms, results acknowledgement and nursing "
     "documentation for both sites. One cutover weekend across Merrowby and Caddon Vale so wards "
     "never run paper and electronic side by side.",
     "Paperless wards; single patient record; phase 3 scope delivered",
     "Go-live on time and on budget",
     "Chief Operating Officer", "Contract PM (Drayfield Consulting)", "CCIO",
     "Veltrix Health - 10 yr EPR contract (signed 2021); build changes raised as CCNs",
     "Supplier-led implementation; big bang cutover both sites",
     "EPR Programme Board (monthly); Clinical Systems Group; CAB for every build change",
     "Supplier build resource; training 3,500 staff in 6 weeks before cutover",
     "£4.2m (capital)", dt(2025, 4, 1), "Mar-27", "Amber-Red", "Tier 1",
     "Build/test - go-live moved Nov-26 to Mar-27 (2nd move), scope as before. "
     "Next: note revised date at IT Programme Board.",
     "MMMMPMMM",
     ["tech_centred", "no_measurable_goal", "output_only_benefits", "big_bang", "supplier_led",
      "lock_in_risk", "funding_ends_at_go_live", "stuck_on_plan", "vague_or_hype",
      "clinical_safety_missing"], True),

    ("ITD/019", "Windows 11 / end-user device refresh", "Corporate - IT & Digital", "BAU / cyber",
     "Replace 2,100 end-of-life desktops and laptops and move the whole estate to Windows 11 "
     "before extended support runs out.",
     "Supported estate; fewer vulnerabilities",
     "Devices swapped: 2,100 by Oct-26",
     "Chief Finance Officer", "IT Projects Manager", "n/a",
     "Strattonby IT Services - hardware call-off from national framework",
     "Site by site, Caddon Vale first; evening swaps on wards",
     "IT Programme Board; CAB; floor walkers on each ward the morning after a swap",
     "Stock lead times; 9 clinical apps not yet tested on W11",
     "£1.6m capital", dt(2026, 1, 5), "Oct-26", "Green", "Tier 1",
     "Delivery - 640/2,100 done. Next: Merrowby OPD block in May.",
     "MMMEPPPM", ["tech_centred", "output_only_benefits", "funding_ends_at_go_live"], False),

    ("ITD/023", "MyCaddon patient app (portal)", "Operations - Outpatients", A_OBJECTIVES[2],
     "Launch a patient app: appointments, clinic letters and results on the phone, and pre-op "
     "questionnaires filled in at home. Supports the digital front door and a better patient "
     "experience.",
     "Digital front door; better patient experience; lower postage costs",
     "Registrations; postage saving (tbc)",
     "Director of Strategy", "Vacant", "TBC",
     "Ivorine Health - direct award (existing relationship), 5 yrs",
     "Agile, co-designed with patients; MVP then iterate (patient panel to be set up)",
     "Digital Patient Group (to be formed); IG Group for DPIA",
     "Patient take-up; DPIA not started",
     "£640k + £110k pa", "Q2 26/27", "TBC", "Amber", "Tier 1",
     "Contracted - signed Mar-26. Next: supplier kick-off; recruit PM.",
     "PPPPPMMM",
     ["tech_centred", "no_measurable_goal", "no_clinical_lead", "lock_in_risk",
      "clinical_safety_missing", "missing_dates"], True),

    ("ITD/027", "AI patient flow command centre", "Operations", A_OBJECTIVES[3],
     "Innovative AI command centre giving real-time visibility of beds and flow across both sites.",
     "Real-time visibility; data-driven decisions; flow transformation",
     "TBC",
     "Chief Operating Officer", "Lumora (supplier PM)", "-",
     "Lumora AI - 3 yr subscription, single tender (unique product)",
     "Supplier to deliver turnkey solution",
     "COO monthly flow meeting",
     "PAS data quality; wards don't keep bed status up to date; no LoS baseline",
     "£1.25m over 3 yrs", "01/06/2026", "Ongoing", None, "Tier 1",
     "Approved at F&P Apr-26. Next: data sharing agreement, then install.",
     "MMMMMMMM",
     ["tech_centred", "no_measurable_goal", "output_only_benefits", "supplier_led",
      "lock_in_risk", "vague_or_hype", "missing_dates"], False),

    ("ITD/031", "Discharge letter (TTO) auto-fill", "Medicine", A_OBJECTIVES[0],
     "AMU juniors said discharge letters eat their afternoons. Two FY1s timed 60 letters over a "
     "fortnight: median 26 min, mostly re-typing meds and results that are already in EPMA and "
     "the lab system. Template will pull them in automatically.",
     "Less letter-writing time for doctors; patients go home earlier in the day; GPs get an "
     "accurate meds list",
     "Minutes per letter (baseline 26, target 10); discharges before noon (baseline 14%, "
     "target 25%); GP meds queries/month - reviewed fortnightly",
     "Medical Director", "EPR analyst (in-house)",
     "Dr A.K. (AMU consultant) + 2 FY1s, 2 sessions/wk backfilled",
     "Template config done in-house (EPR team) on the existing Aurentis licence",
     "AMU only for 4 weeks with fortnightly template releases; medical wards next",
     "CSO checked each template change (DCB0160 log); FY1s demo it at the junior doctors' "
     "forum each month",
     "Assumes the EPMA list is right at discharge. Pharmacists sample 30 letters a week - if "
     ">5% have a mismatch we stop and fix reconciliation first.",
     "£45k (backfill)", dt(2026, 2, 2), "Sept 26", "Green", "Tier 2",
     "Pilot - AMU week 6: median now 14 min. Next: go/no-go for medical wards at June board.",
     "EEEEEPEE", [], True),

    ("ITD/034", "24/7 security operations centre (managed SOC)", "Corporate - IT & Digital",
     "Mandated - DSPT",
     "Outsource 24/7 security monitoring to a managed SOC following the DSPT audit finding.",
     "DSPT compliance; lower cyber risk",
     "DSPT standards met",
     "SIRO", "Head of IT Infrastructure", "n/a",
     "Halberd Cyber - via framework, 3+1+1 yrs",
     "Outsourced service; supplier onboarding 90 days",
     "IG Group; Audit Committee",
     "Log volumes may exceed licence tier; alerts still triaged by our 1.5 WTE security team",
     "£310k pa", "Jul-26", "Oct-26", "Green", "Tier 1 (mandated)",
     "Procurement - bids due 22 May.",
     "MMMMMPMM",
     ["tech_centred", "no_measurable_goal", "output_only_benefits", "supplier_led",
      "vague_or_hype"], False),

    ("ITD/038", "Digital dictation & speech recognition replacement", "Operations - Outpatients",
     "Contract expiry",
     "Replace the current dictation system (out of support Dec-26) with cloud speech recognition "
     "for all outpatient letters. Medical secretaries move to checking letters instead of typing "
     "them.",
     "Secretarial saving of 6 WTE; supported system",
     "WTE released; letters sent within 7 days (baseline not known)",
     "Chief Operating Officer", "Contract PM", "TBC",
     "Tidewell Voice via framework; 5 yrs; EPR link through supplier's own connector",
     "Supplier to deliver; all specialties switch over in one go in Nov-26, before the old "
     "contract ends",
     "IT Programme Board; CAB",
     "Union concerns from secretaries not yet discussed; accuracy for regional accents untested",
     "£280k + £60k pa", dt(2026, 5, 1), dt(2026, 12, 18), "Amber", "Tier 1",
     "Contract awarded. Next: build, then go-live Nov-26.",
     "MPPMMMMM",
     ["tech_centred", "output_only_benefits", "big_bang", "no_clinical_lead", "supplier_led",
      "lock_in_risk", "clinical_safety_missing"], True),

    ("ITD/041", "Tower Block ward Wi-Fi upgrade", "Corporate - IT & Digital", A_OBJECTIVES[1],
     "Upgrade access points in the Tower Block at Merrowby General. Since January the service "
     "desk has logged 212 calls from ward staff about bedside obs tablets freezing mid-entry; we "
     "walked 9 wards with a signal meter and mapped 38 dead spots.",
     "Nurses record obs at the bedside first time, no re-entering",
     "Wi-Fi calls from wards/month (baseline 70, target <10); dead spots on re-survey "
     "(target 0). Monthly.",
     "Chief Nurse", "Network manager (in-house)", "Deputy Chief Nurse",
     "Thornvale Networks - APs via framework; 3 yr support, can be ended on 6 months' notice",
     "Worst 3 wards first (from call data), re-survey, then the rest floor by floor",
     "IT Programme Board; CAB",
     "Asbestos survey may hold up ceiling work on floors 6-7",
     "£390k capital", dt(2026, 3, 2), "Dec-26", "Amber", "Tier 1",
     "Delivery - floors 3-4 done, calls on those wards down to 22/month. Next: floors 5-7.",
     "EEEEPEMM", ["funding_ends_at_go_live"], False),

    ("ITD/044", "RPA centre of excellence", "Finance", "CIP 26/27",
     "Set up an RPA centre of excellence to automate back-office processes in finance, HR and "
     "outpatients - 20 bots in year 1.",
     "Efficiency savings; bots working 24/7",
     "Bots live; hours saved (tbc)",
     "Director of Finance", "Pemberlake Consulting", "n/a",
     "Pemberlake Consulting (build); bot licences via reseller, 3 yrs, auto-renews",
     "Consultancy builds the first 5 bots and hands over",
     "Finance & Performance Committee",
     "Processes change often; no in-house RPA developer",
     "£520k (CIP funded)", "Q1 26/27", "Q4 26/27", "Green", "Tier 2",
     "Discovery - process list with finance. Next: first 5 bots.",
     "MMMPMMMM",
     ["tech_centred", "no_measurable_goal", "output_only_benefits", "supplier_led",
      "lock_in_risk", "vague_or_hype"], False),

    ("ITD/047", "Theatre scheduling system replacement", "Surgery", "Elective recovery",
     "Replace the theatre scheduling system before its contract ends in Sep-27. Specification "
     "being written by the theatres manager with procurement.",
     "Supported system; improved utilisation",
     "Utilisation (baseline tbc)",
     "Chief Operating Officer", "Theatres manager", "Clinical Director, Anaesthetics",
     "Market engagement planned; G-Cloud or framework tbc",
     "Options appraisal, then OBC (Sep-26) and FBC (Jan-27). Nothing committed before FBC.",
     "Surgical Board; IT Programme Board",
     "Incumbent may be the only compliant bidder",
     "see business case", "Jun-26", "Sep-27", "Green", "Tier 2",
     "Pre-procurement. Next: market engagement day, Jul-26.",
     "MPPMPPMP", ["tech_centred", "no_measurable_goal", "output_only_benefits"], False),

    ("ITD/052", "EPMA rollout - Caddon Vale wards", "Pharmacy", A_OBJECTIVES[0],
     "Extend EPMA from Merrowby to the 11 Caddon Vale wards. The 2025 pharmacy audit found 1 in 9 "
     "paper drug charts at Caddon Vale with a missed or unsigned dose; Merrowby wards went from "
     "10% to 4% after EPMA.",
     "Fewer missed doses for Caddon Vale patients; pharmacists spend ward time on review, not "
     "transcribing",
     "Missed/unsigned doses (baseline 11%, target 5%) - monthly pharmacy audit",
     "Medical Director", "EPMA lead pharmacist", "Chief Pharmacist",
     "Aurentis EPR - existing EPMA module",
     "Two wards at a time, three weeks apart",
     "Medication Safety Group; CAB for each ward go-live",
     "Assumes Caddon Vale Wi-Fi is good enough - not surveyed yet",
     "£210k (capital) + £35k pa", dt(2026, 4, 13), dt(2027, 1, 29), "Amber", "Tier 1",
     "Build - first 2 wards Jul-26. Next: training plan; DCB0160 update to follow.",
     "EEEEEPMP", ["clinical_safety_missing"], True),

    ("ITD/055", "Bedside TV & patient Wi-Fi", "Estates & Facilities", None,
     "New bedside TV and entertainment units with free patient Wi-Fi, replacing the current "
     "pay-per-view contract.",
     "Patient experience; income share from supplier",
     "-",
     "Director of Estates", "Estates", "-",
     "Sablecrest Media - 10 yr concession, no cost to trust",
     "All beds on both sites",
     "Estates Board",
     "-",
     "£0 (concession)", "TBC", "TBC", None, "Tier 2",
     "Legal review - concession agreement with Trust solicitors.",
     "MPMMMMMM",
     ["tech_centred", "no_measurable_goal", "big_bang", "lock_in_risk", "missing_dates"], False),

    ("ITD/058", "Nursing assessments redesign (co-production)", "Nursing", A_OBJECTIVES[0],
     "User-centred, co-produced redesign of nursing assessments in the EPR, as per the "
     "service standard. Discovery, alpha and beta with show-and-tells; digital inclusion and "
     "accessibility built in from day one.",
     "Better nurse experience; releasing time to care",
     "To be developed in discovery",
     "Chief Nurse", "TBC", "Deputy Chief Nurse (interim, CNIO post vacant)",
     "Veltrix Health professional services (CCN raised)",
     "Agile - discovery Q3, alpha Q4, beta 27/28 (subject to funding)",
     "Nursing & Midwifery Board; Clinical Systems Group; CAB",
     "No funded nursing time yet; discovery team not identified",
     "£150k (bid to ICS digital fund)", "Q3 26/27", "Q4 27/28", "Amber", "Tier 2",
     "Not started - waiting on ICS funding decision.",
     "PPMPPMMM", ["no_measurable_goal", "clinical_safety_missing"], True),

    ("ITD/061", "Orwen Care Record - connect to ICS shared record", "Corporate - IT & Digital",
     "ICS mandate",
     "Connect our EPR to the ICS-wide shared care record (Orwen) so our clinicians can see GP, community and MH "
     "information. ICS requires all trusts connected by Mar-27.",
     "Better informed clinical decisions; ICS requirement met",
     "Connected by Mar-27; record views per month",
     "Chief Digital Information Officer", "IT Projects Manager", "CCIO",
     "ICS-procured Orwen Care Record; FHIR APIs; no trust contract",
     "ED and AMU first, then all clinical areas",
     "ICS SCR Board; IG Group (DSA signed Feb-26); CSO reviewed ED launch config (DCB0160 done)",
     "Clinicians may not use it",
     "£85k - ICS funded to Mar-27", dt(2026, 1, 12), dt(2027, 3, 31), "Green",
     "Tier 1 (mandated)",
     "Integration testing. Next: ED launch Jun-26.",
     "MPPEPEPM", ["no_measurable_goal", "funding_ends_at_go_live"], True),

    ("ITD/064", "Cloud migration & Caddon Vale server room exit", "Corporate - IT & Digital",
     A_OBJECTIVES[1],
     "Migrate the remaining 140 on-premise servers to Brenmoor public cloud and close the Caddon "
     "Vale server room.",
     "Cloud first; no more server refreshes; resilience",
     "Servers migrated (140); server room closed",
     "Chief Digital Information Officer", "Marchbank Digital (contract PM)", "n/a",
     "Marchbank Digital - migration partner, fixed scope/fixed price; Brenmoor 3-yr committed "
     "spend",
     "Lift and shift by migration partner in 4 waves",
     "IT Programme Board; Design Authority; CAB per wave",
     "Cloud run cost not modelled yet; 12 apps (incl. PACS archive) not supported in cloud by their vendors",
     "£900k capital; run cost TBC", dt(2025, 9, 1), "Dec-26", "Red", "Tier 1",
     "Wave 2 of 4. Finish moved Mar-26 > Aug-26 > Dec-26, same scope. "
     "Next: wave 3 (clinical apps).",
     "MMMPMMMM",
     ["tech_centred", "output_only_benefits", "supplier_led", "lock_in_risk",
      "funding_ends_at_go_live", "stuck_on_plan"], False),

    ("ITD/067", "Virtual fracture clinic", "Surgery - T&O", "Elective recovery",
     "Fracture clinic sees about 90 new patients a week. The T&O audit last autumn found 38% "
     "could have been managed with advice and a phone call. Consultant and physio triage ED "
     "fracture referrals virtually; patients are rung next day.",
     "Fewer wasted trips for patients; clinic slots for those who need them",
     "% managed virtually (target 35%); face-to-face new appts/week (baseline 90); monthly "
     "patient phone survey",
     "Chief Operating Officer", "Service improvement lead (in-house)",
     "Mr T.O. (T&O consultant) and ESP physio lead",
     "None - existing EPR worklist and telephony",
     "Ankle and wrist first (Apr), other injuries added monthly",
     "T&O governance meeting; ED staff briefed, patient leaflet",
     "-",
     "nil (BAU)", "Apr 26", "Sep 26", "Green", "Tier 2",
     "Live for ankle/wrist. Next: add 5th metatarsal.",
     "EEEEEPPM", ["clinical_safety_missing"], True),

    ("ITD/070", "New data platform and BI tool", "Finance - Information", A_OBJECTIVES[3],
     "New data platform and self-service BI tool to replace the SQL warehouse and SSRS reports, "
     "making us a data-driven organisation.",
     "Single version of the truth; data-driven decisions",
     "Reports migrated",
     "Director of Finance", "BI Manager", "-",
     "Quarrendon Analytics - partner via G-Cloud; licences 3 yrs",
     "Build platform, move all 310 reports, then switch off SSRS",
     "Data Quality Group",
     "BI team of 3 also runs BAU reporting",
     "£450k", dt(2026, 2, 1), "TBC", "Amber", "Tier 2",
     "Platform build. Next: report migration plan.",
     "MMMMPPMM",
     ["tech_centred", "no_measurable_goal", "output_only_benefits", "vague_or_hype",
      "missing_dates"], False),

    ("ITD/073", "Intranet replacement", "Communications", "-",
     "Replace the intranet.",
     "Modern look and feel; easier to update",
     "tbc",
     "Communications", "Comms team", "-",
     "TBC", "-", "-", "-",
     "£60k", "TBC", "-", None, "Tier 2",
     "Idea - gathering requirements.",
     "MMMMMMMM",
     ["tech_centred", "no_measurable_goal", "output_only_benefits", "no_owner", "vague_or_hype",
      "missing_dates"], False),

    ("ITD/076", "Managed print - contract extension", "Corporate - IT & Digital", "BAU",
     "Extend the managed print contract for 2 years while a new print strategy is developed.",
     "Continuity of service",
     "-",
     "IT", "-", "n/a",
     "Culverin Print - 2 yr extension, direct award",
     "Contract extension",
     "Procurement panel",
     "Devices are 7 years old",
     "£180k pa", dt(2026, 4, 1), dt(2028, 3, 31), "Green", "Tier 1",
     "Signed - extension in place from Apr-26.",
     "MMMMMMMM",
     ["tech_centred", "no_measurable_goal", "output_only_benefits", "no_owner", "lock_in_risk"],
     False),

    ("ITD/079", "ED self check-in kiosk (trial)", "Urgent & Emergency Care", A_OBJECTIVES[2],
     "Implement self check-in kiosks in ED. We stood with reception for 5 evening shifts: queues "
     "reached 25+ and it took 6-9 minutes from arrival to booking-in, before anyone was streamed to SDEC, UTC or majors.",
     "Patients booked in and streamed sooner; reception staff free to help people in the queue",
     "Arrival to booking-in (baseline 7.5 min median, target 2); % self check-in; weekly from "
     "ED system",
     "Chief Operating Officer", "ED digital nurse (0.6 WTE, funded)", "Dr F.N. (ED consultant)",
     "Quorne kiosks - unit on loan for 6 months, HL7 to PAS, no purchase commitment",
     "One kiosk in main ED for 8 weeks, compare with the same weeks last year, then decide",
     "DPIA completed with IG; reception team trained and chose the screen wording; patient rep "
     "tried it with 12 patients incl. 3 wheelchair users",
     "Riskiest assumption: older patients won't use it, so the staffed desk stays. Stop if use "
     "is under 20% by week 8.",
     "£0 trial; £40k + £12k pa if kept", dt(2026, 3, 16), dt(2026, 9, 30), "Green", "Tier 2",
     "Trial - week 5: 31% self check-in. Next: keep/stop at June IT Programme Board.",
     "EEEEEEEE", [], False),

    ("ITD/082", "Digital pathology (histopathology)", "Clinical Support - Pathology",
     "NHSE / Pathology network",
     "Digitise histopathology slides so pathologists can report from anywhere and share cases "
     "across the network. In line with the national digital pathology ambition.",
     "Faster turnaround; network working",
     "Turnaround (baseline tbc)",
     "Medical Director", "Network PMO", "Clinical Director, Pathology",
     "TBC - network procurement",
     "Tamsford Pathology Network procurement; single go-live across 3 labs",
     "Pathology Network Board",
     "Scanner capacity; bandwidth between sites; LIMS interface not scoped",
     "£2.1m (NHSE capital, one-off)", "Q4 26/27", "Mar-28", "Amber", "Tier 1",
     "OBC - network drafting.",
     "PPPMPPMM",
     ["tech_centred", "no_measurable_goal", "big_bang", "funding_ends_at_go_live",
      "clinical_safety_missing"], True),

    ("ITD/085", "Two-way text reminders (outpatients)", "Operations - Outpatients",
     "Outpatient transformation",
     "Two-way text reminders so outpatients can cancel or rebook by replying. Our DNA rate is "
     "9.6% against 7% peer median; a 2025 trial in 2 specialties cut DNAs by 1.5 points.",
     "Fewer DNAs; freed slots rebooked for patients waiting",
     "DNA rate (baseline 9.6%, target 7.5%) - monthly by specialty",
     "Chief Operating Officer", "Outpatient services manager", "-",
     "Pipwell Messaging via framework, 2 yrs",
     "All specialties from Jul-26",
     "Outpatient Board; message wording tested with the patient panel",
     "Overlaps with appointments in the MyCaddon app (ITD/023) - not yet reviewed",
     "£48k pa", "Jul-26", "Jul-28", "Green", "Tier 2",
     "Contract award due Jun-26.",
     "PEEPPPPM", [], False),
]
# A continuation row (no ref) is written straight after this project's row.
A_CONTINUATION_AFTER = "ITD/064"
A_CONTINUATION_TEXT = ("(cont.) Wave 3 needs two weekend outages - dates to be agreed with "
                       "Clinical Systems Group.")

A_REASONS = [
    "S1 red: 12 of 22 projects (55%) cite none of the four strategy themes ('BAU / cyber', "
    "'Mandated - DSPT', 'Contract expiry', 'CIP 26/27', 'Elective recovery' x2, 'ICS mandate', "
    "'NHSE / Pathology network', 'Outpatient transformation', 'BAU', '-', blank).",
    "S3 red: 22 active projects against 14 WTE in IT & Digital (service desk and infrastructure "
    "included) and 2 project manager posts, one vacant; contract or supplier PMs on 4 projects.",
    "S4 red: 12/22 (55%) are Tier 1, and Tier 3 is never used.",
    "S5 red: 14/22 (64%) are technology-centred (replace, upgrade, migrate, launch, AI/RPA) with "
    "no user problem in the record. S6 red: 13/22 (59%) have no measurable goal.",
    "Nothing is stopped, paused or descoped; ITD/012 (EPR phase 3) and ITD/064 (cloud) have "
    "each slipped twice with scope unchanged; ITD/023 (patient app) and ITD/085 (texts) overlap "
    "and nobody has reviewed it.",
    "Lock-in on 8 projects: 10-yr EPR run by change notes, direct-award app, single-tender AI, "
    "auto-renewing bot licences, 10-yr TV concession, direct-award print extension.",
    "A few good projects, as in real lists: ITD/031 discharge letters, ITD/041 ward Wi-Fi, "
    "ITD/067 virtual fracture clinic, ITD/079 ED kiosk trial.",
]

# ---------------------------------------------------------------------------
# Workbook B: Carrowmere Ambulance Service NHS Foundation Trust - coherent
# ---------------------------------------------------------------------------
B_FILE = "carrowmere_ambulance_digital_portfolio_may26"
B_SHEET = "Portfolio"
B_HEADER_ROW = 7
B_COLUMNS = [
    ("Ref", "ref"),
    ("Team", "other"),
    ("Initiative", "title"),
    ("Objective", "strategic_objective"),
    ("The problem (what we found)", "description"),
    ("Users", "other"),
    ("Outcome we want", "benefits"),
    ("Measure (baseline > target)", "kpis"),
    ("SRO", "owner"),
    ("Product lead", "other"),
    ("Clinical lead", "clinical_lead"),
    ("How we are delivering it", "delivery_approach"),
    ("Supplier & contract", "supplier"),
    ("Governance", "other"),
    ("Risks / assumptions", "other"),
    ("Funding", "budget"),
    ("From", "start_date"),
    ("To", "end_date"),
    ("Phase", "stage"),
    ("RAG", "rag"),
    ("Pri", "priority"),
    ("Decisions & changes", "other"),
]
B_OBJECTIVES = [
    "O1 Get help to patients faster on 999 and 111",
    "O2 The right response, and fewer needless trips to ED",
    "O3 Safer care and better handovers",
    "O4 Look after our people",
    "O5 Systems that stay up when it matters",
]
B_FTE = 41

# Field order: ref, team, title, objective, problem, users, outcome, measure, sro,
# product lead, clinical lead, delivery, supplier, governance, risks, funding, from, to,
# phase, rag, pri, decisions, code, flags, clinical
B_GROUPS = [
    ("1. CALLS & CLINICAL HUB", [
        ("CA-101", "Clinical Hub", "Welfare call-back list", "O1",
         "When category 3 and 4 calls are held, hub clinicians ring patients back to check on "
         "them. We sat with the North hub for 6 shifts: the list is a whiteboard plus a CAD "
         "filter, and 1 in 4 welfare calls were more than an hour late.",
         "Hub nurses and paramedics; patients waiting for a crew",
         "Waiting patients get their check call on time, so anyone getting worse is picked up "
         "sooner",
         "Welfare calls on time (74% > 95%), weekly hub dashboard; upgrades after a call-back",
         "Director of Operations", "Product manager, Clinical Hub (S.P.)",
         "Hub lead paramedic (J.R.)",
         "Prototype as a CAD side panel with hub staff; releases every 2 weeks; South hub joins "
         "after 6 weeks in North",
         "Built in-house on the Skelwith CAD API (existing contract)",
         "Hazard log with our CSO, each release signed off; hub staff see a demo every "
         "fortnight",
         "Assumed hub clinicians would keep the list up to date in a surge. Surge week in Jan "
         "said no - list now fills itself from CAD.",
         "rev £70k pa (team)", dt(2025, 11, 3), dt(2026, 9, 30), "Beta", "G", "H",
         "Feb-26: free-text notes box taken out - hub said nobody read it.",
         "EEEEEPEE", [], True),
        ("CA-102", "Clinical Hub", "Video assessment for hear and treat", "O2",
         "Hub clinicians assess some callers by phone only and send a crew when unsure. A 2-week "
         "audit of 400 hear-and-treat calls found 62 crews sent where the clinician noted that "
         "seeing the patient would have settled it.",
         "Hub clinicians; lower-acuity 999 callers",
         "More callers safely treated without a crew; crews kept for the sickest",
         "Hear and treat rate (11.8% > 14%); 24h re-contact (4.1%, must not rise); monthly",
         "Medical Director", "Product manager, Clinical Hub (S.P.)",
         "Consultant paramedic, remote care",
         "6 clinicians, day shifts only, 8 weeks; widen only if re-contact holds",
         "National video consultation service - no licence cost; link sent by text",
         "DPIA done; CSO keeps the hazard log; patient panel tried the text message and link",
         "Older callers may not open a video link - video is always optional. Stop if "
         "re-contact goes above 5%.",
         "rev £40k pa", "Jan-26", "Jul-26", "Pilot", "G", "H",
         "Apr-26: evenings added after 8 weeks (re-contact 3.9%).",
         "EEEEEEEE", [], True),
        ("CA-103", "999 Contact", "999 telephony platform upgrade (v9)", "O5",
         "The 999 telephony platform has to move to the vendor's current version before support "
         "for v8 ends in Feb-27.",
         "Call handlers",
         "Supported platform",
         "Upgrade complete; no unplanned downtime",
         "Director of Digital", "Product manager, 999 Contact (L.M.)", "n/a",
         "Test lab first, then North control room, then South, each with the other room as "
         "fallback",
         "Tollgrave Comms - existing 7-yr contract to 2029; upgrade included",
         "Change board; business continuity test in each room",
         "Vendor engineer availability; national ESN changes",
         "£0 (in contract)", dt(2026, 6, 1), dt(2027, 1, 31), "Planning", "A", "M",
         "-",
         "MMMPPMMM",
         ["tech_centred", "no_measurable_goal", "output_only_benefits", "lock_in_risk"], False),
        ("CA-104", "Partners", "Mental health calls - transfer to ICS crisis nurses", "O2",
         "Roughly 1 in 12 of our 999 calls are mainly about mental health. With the three ICS "
         "crisis teams we're setting up a direct transfer to a mental health nurse for callers "
         "who are not in physical danger.",
         "Callers in MH crisis; call handlers; crisis team nurses",
         "Callers in crisis talk to an MH nurse instead of waiting for an ambulance",
         "Transfers/week; ambulances sent to MH calls (baseline to be counted in month 1)",
         "Director of Quality & Nursing", "Product manager, Partners (R.D.)",
         "MH nurse lead (seconded from Brayle & Fennick crisis team)",
         "Brayle & Fennick area first for 3 months, then the other two ICSs",
         "ICS crisis line telephony - no new contract",
         "Joint SOP with crisis teams; call handlers trained (2 sessions each)",
         "MH nurse posts paid from ICS winter money, which stops Mar-27",
         "ICS winter funding £95k (to Mar-27)", "Oct-26", "Mar-27", "Planning", "A", "H",
         "Keep or stop with the ICSs in Feb-27, judged on transfers per week and crews saved.",
         "PPPEPEPE",
         ["no_measurable_goal", "funding_ends_at_go_live", "clinical_safety_missing"], True),
    ]),
    ("2. ON SCENE", [
        ("CA-201", "On Scene", "ePCR form redesign (falls and frailty)", "O1",
         "Crews take a median 19 min after handover to finish the ePCR (3 months of "
         "timestamps). On 9 ride-outs crews showed us the falls and frailty sections asking the "
         "same questions twice.",
         "Paramedics, EMTs, ECAs",
         "Crews back on the road sooner; fuller records for ED and GPs",
         "Post-handover ePCR time (19 > 12 min); completeness audit, monthly",
         "Director of Operations", "Product manager, On Scene (T.H.)",
         "Consultant paramedic (On Scene), 2 sessions/wk",
         "Monthly form releases, each tried at 2 stations before everyone gets it",
         "Treverra ePCR - 3 yrs with a break at 18 months; nightly export in an open format",
         "CSO signs each release (DCB0160); champions at 14 stations; changes read out at shift "
         "briefings",
         "If Treverra's form builder won't let us remove fields, options paper to Digital Board "
         "in Sep",
         "rev £120k pa", dt(2025, 9, 1), dt(2026, 12, 31), "Live - improving", "G", "H",
         "Mar-26: falls section cut from 41 to 23 questions after ride-outs. Frailty next.",
         "EEEEEEEE", [], True),
        ("CA-202", "Handover", "Care plans and DNACPR on scene", "O2",
         "Crews can't see care plans or DNACPR decisions on scene. A review of 50 frailty calls "
         "found 14 patients taken to hospital who had an end-of-life plan we could not see.",
         "Crews; patients with an end-of-life or care plan",
         "Patients' wishes followed at home; fewer unwanted trips to hospital",
         "Plan views per shift; conveyance where a plan exists (28% > 18%)",
         "Medical Director", "Product manager, Handover (K.W.)",
         "End of life care lead paramedic",
         "Read-only view through national record services on ePCR tablets; 3 stations first",
         "National services via FHIR; Treverra adds the button (fixed price £18k)",
         "DPIA approved; hazard log with CSO; 10-minute training video for crews",
         "Poor tablet signal in rural areas; IG won't allow an offline copy",
         "cap £18k; running costs inside ePCR budget", "Feb-26", "Oct-26", "Build", "A", "M",
         "-",
         "EEPEEEEM", [], True),
        ("CA-203", "Fleet (Platforms support)", "Vehicle telematics replacement", "O5",
         "Telematics units fitted in 310 vehicles are end of life, and the Oakhollow contract "
         "ends in Mar-27.",
         "Fleet team",
         "Vehicle tracking and driving data carry on",
         "Vehicles fitted (310)",
         "Director of Finance", "Fleet manager", "n/a",
         "Fitted during routine services over 6 months",
         "Framework mini-competition (3 bidders); 4-yr term; data export and exit terms in the "
         "spec",
         "Fleet board",
         "CAD vehicle location feed must not break - interface tested in the lab first",
         "cap £420k; rev £65k pa", dt(2026, 7, 1), dt(2027, 3, 31), "Procurement", "G", "M",
         "-",
         "MMMPPEMM", ["tech_centred", "output_only_benefits"], False),
        ("CA-204", "On Scene", "ECG send and AI second read (evaluation)", "O3",
         "Crews send 12-lead ECGs to the heart centre by fax-to-email for a PCI decision. Six "
         "months of logs show a median 14 min from sending to call-back, and 1 in 10 never got "
         "a reply.",
         "Paramedics; cardiology registrars at Fennick Heart Centre",
         "Heart attack patients go straight to the cath lab sooner",
         "Send to decision (14 > 5 min); call-to-balloon for STEMI, monthly",
         "Medical Director", "Product manager, On Scene (T.H.)",
         "Consultant paramedic + cardiology registrar",
         "Step 1 (Jul): direct image send replaces fax-to-email. Step 2: AI read as second "
         "opinion, run silently for 3 months before crews see it",
         "Corrimore Cardio - 12-month evaluation licence, no commitment; HL7/DICOM export",
         "Supplier DCB0129 reviewed by our CSO; hazard log; crews and cardiologists in the "
         "design sessions; DPIA approved for the silent run",
         "Riskiest assumption: the AI read holds up in a moving vehicle. Step 2 is not switched "
         "on unless it agrees with the cardiologist in 95%+ of the silent cases.",
         "rev £35k pa", dt(2026, 4, 1), dt(2027, 3, 31), "Alpha", "G", "M",
         "-",
         "EEEEEEEE", [], True),
    ]),
    ("3. HANDOVER, PARTNERS & RECORDS", [
        ("CA-301", "Handover", "Pre-alert screen for EDs", "O3",
         "Pre-alerts to the 4 EDs we serve are phoned through. Shadowing at Fennick General ED: "
         "each call took 2-3 minutes and the details went on paper by the phone.",
         "ED nurses in charge; crews",
         "ED ready for sick patients on arrival; quicker handovers",
         "Handovers over 30 min (baseline 41%); pre-alert call time",
         "Director of Operations", "Product manager, Handover (K.W.)",
         "Consultant paramedic (handover)",
         "Fennick General first; the other 3 EDs decide once they've seen it working",
         "ePCR data to ED screens over FHIR; each hospital's IT installs the screen",
         "Designed with NICs from 2 EDs; data sharing agreement per trust; CSO hazard log",
         "Each acute trust's IT has its own queue - our dates depend on theirs",
         "rev £55k pa", dt(2026, 1, 5), "TBC", "Beta", "A", "H",
         "May-26: auto-print in ED dropped after NICs said it made more paper, not less.",
         "EPPEEEEE", ["missing_dates"], True),
        ("CA-302", "Partners", "Referrals from crews to community teams", "O2",
         "When crews leave a patient at home they can refer to falls, frailty or district "
         "nursing, but the 11 teams each want a different form or phone call. In our crew "
         "survey (212 replies) most said they skip referrals on busy shifts.",
         "Crews; community teams; patients left at home",
         "Patients left at home are followed up by the right team",
         "Referrals per 100 patients left at home (6 > 15); acceptance by community teams; "
         "monthly",
         "Director of Strategy & Partnerships", "Product manager, Partners (R.D.)",
         "Lead paramedic, frailty",
         "Falls teams in Ottermoor ICS first (2 teams), one more team each month",
         "ICS referral hub already used by GPs - no new contract",
         "Community team leads come to fortnightly demos; DPIA updated",
         "Community teams may not cope with more referrals - weekly caps agreed with each",
         "rev £30k pa", "Mar-26", "Mar-27", "Rollout", "G", "M",
         "May-26: no new teams added until acceptance in the first two is over 80% (now 71%).",
         "EEEEEEEE", ["clinical_safety_missing"], True),
        ("CA-303", "Records & Data", "Paper record scanning back in-house", "O3",
         "About 3% of patient records are still on paper (ePCR downtime, mutual aid crews). An "
         "outside firm scans them with a 6-8 week lag, so complaints and coroner requests wait.",
         "Records team; patient safety and complaints staff",
         "Paper records on the system within 5 working days",
         "Scan lag (7 weeks > 5 days)",
         "Director of Quality & Nursing", "Records manager", "-",
         "One scanner, records team, 1-month trial before the contract ends",
         "Current scanning contract ends Oct-26; not renewing",
         "DPIA for in-house scanning",
         "Assumes 1 WTE admin covers the volume - checked at end of the trial",
         "cap £9k; rev within records budget", dt(2026, 8, 1), dt(2026, 10, 31), "Planning",
         "G", "L",
         "-",
         "PPPEPMPP", [], False),
    ]),
    ("4. PEOPLE", [
        ("CA-401", "999 Contact", "Rest break prompts for dispatchers", "O4",
         "Crews miss rest breaks. In the 2025 staff survey 58% said they rarely get one, and "
         "dispatch logs show 31% of shifts with no break inside the agreed window.",
         "Crews; dispatchers",
         "Crews get their protected break",
         "Shifts with a break in the window (69% > 90%), weekly by station",
         "Director of People", "Product manager, 999 Contact (L.M.)", "-",
         "CAD rule flags crews due a break to the dispatcher; nights in one sector for 6 weeks",
         "Rule built by our CAD team on the existing Skelwith licence",
         "Worked out with dispatchers and union reps; shown at 4 station meetings",
         "Could slow responses in a surge - dispatcher can override. Stop if cat 2 mean in the "
         "test sector rises by more than 1 minute.",
         "nil - CAD team time", dt(2026, 2, 2), dt(2026, 8, 31), "Pilot", "G", "H",
         "-",
         "EEEEEPPE", [], False),
        ("CA-402", "People", "E-rostering and leave booking", "O4",
         "Leave and overtime requests go on paper forms and email at 60 stations. HR say the "
         "current rostering system, Rotaholm, is no longer being developed.",
         "All operational staff; rota teams",
         "Staff book leave online; modern rostering",
         "tbc at FBC",
         "Director of People", "Workforce systems manager", "n/a",
         "OBC approved; FBC Nov-26; go-live by division",
         "TBC - framework; exit and data portability in the requirements",
         "People Committee",
         "Union consultation needed on self-rostering",
         "see business case", "Jun-26", "Q2 27/28", "Business case", "A", "M",
         "Mar-26 options appraisal: keep Rotaholm vs replace - replace chosen.",
         "PPMPPEMP", ["no_measurable_goal"], False),
        ("CA-403", "People", "Post-incident support request app (PAUSED)", "O4",
         "Paused May-26. Idea from wellbeing week: an app for crews to ask for a debrief after a "
         "difficult job. The TRiM team showed the hold-up is trained practitioners (6 for 3,900 "
         "staff), not how requests come in.",
         "Crews after traumatic jobs",
         "n/a - paused",
         "Debrief within 72h (48% now, TRiM data)",
         "Director of People", "Product manager, People (A.B.)",
         "Head of Wellbeing (psychologist)",
         "-",
         "None",
         "Digital Board paused it 12/05/26",
         "-",
         "nil", "Apr-26", "-", "Paused", "-", "-",
         "Money moved to train 2 more TRiM practitioners (not a digital spend).",
         "PPPMPMME", ["missing_dates"], False),
    ]),
    ("5. PLATFORMS & DATA", [
        ("CA-501", "Platforms", "CAD failover fixes", "O5",
         "In the Nov-25 power cut at HQ, CAD failover to the backup site took 47 minutes and "
         "both control rooms went to paper. Control room managers walked us through the paper "
         "fallback: 12 incidents lost track.",
         "Call handlers, dispatchers; patients waiting for help",
         "Control rooms keep working through an outage",
         "Failover time (47 min > under 5), drilled quarterly",
         "Director of Digital", "Product manager, Platforms (N.G.)", "-",
         "Fix the three causes from the Nov review, with a failover drill after each fix",
         "Skelwith CAD (existing) with our infrastructure team",
         "Drills run on nights with control room staff; results shared at the ops huddle",
         "Riskiest assumption was database replication. Drill 1 (Feb) showed DNS was the bigger "
         "cause.",
         "cap £60k; rev £15k pa", dt(2025, 12, 1), dt(2026, 9, 30), "Delivery", "A", "H",
         "Feb-26: fixes reordered after drill 1 - DNS first, replication second.",
         "EEEEEPPE", [], False),
        ("CA-502", "Platforms", "File server retirement", "O5",
         "Move the remaining 4 on-prem file servers to cloud storage in the national shared "
         "tenant and switch them off.",
         None,
         "Cloud storage; fewer servers",
         "Servers switched off (4)",
         "Director of Digital", "Product manager, Platforms (N.G.)", "n/a",
         "Department by department",
         "National shared tenant (no trust licence cost)",
         "Change board",
         "Departments keep files 'just in case'",
         "nil", dt(2026, 3, 1), "Ongoing", "Delivery", "A", "L",
         "-",
         "MMMPPEMM", ["tech_centred", "output_only_benefits", "missing_dates"], False),
        ("CA-503", "Records & Data", "One dataset for ARP returns", "O5",
         "The monthly national ARP return takes 2 analysts 4 days of manual joins across CAD, "
         "ePCR and telephony. Twice last year the figures had to be resubmitted.",
         "BI analysts; ops managers reading the daily report",
         "Analysts spend their time on analysis; managers see yesterday's performance by 8am",
         "Days to produce ARP return (4 > 1); resubmissions (target 0)",
         "Director of Finance", "Product manager, Records & Data (F.C.)", "-",
         "Telephony and CAD joins first (Q1), ePCR after",
         "In-house on existing SQL licences; version-controlled pipelines",
         "Every change reviewed by a second analyst; code shared with ICS analysts in the open",
         "-",
         "nil (team time)", "Apr-26", "Dec-26", "Build", "G", "M",
         "-",
         "EEPEEPPM", [], False),
    ]),
]
B_CLOSED = ("CLOSED / STOPPED SINCE APR-25", [
    ("CA-901", "On Scene", "Drone defibrillator delivery (STOPPED)", "O1",
     "Stopped Jan-26 after a 4-month desk study with Ferriby University: airspace approval would "
     "take 2+ years and the modelled gain was under 1 minute for 90% of addresses.",
     "Bystanders at cardiac arrests",
     "n/a - stopped",
     "Modelled time saved vs crew arrival: under 1 min for 90% of calls",
     "Medical Director", "-", "Consultant paramedic (resuscitation)",
     "Desk study only",
     "Ferriby University research partnership (no cost)",
     "Stop agreed at Digital Board 20/01/26; drones added to the not-doing list",
     "-",
     "nil", dt(2025, 9, 1), dt(2026, 1, 20), "Stopped", "-", "-",
     "Findings shared with the national ambulance digital network.",
     "PPEPPEPE", [], False),
    ("CA-902", "999 Contact", "Speech-to-text for call notes (STOPPED)", "O1",
     "Stopped Mar-26. A 6-week test of speech-to-text for call handler notes in the South "
     "control room reached 81% accuracy against the 95% we set, and handlers spent longer "
     "correcting than typing.",
     "Call handlers",
     "n/a - stopped",
     "Accuracy 81% (needed 95%); note time up 12%",
     "Director of Operations", "Product manager, 999 Contact (L.M.)",
     "Control room clinical lead (paramedic)",
     "6-week test, 8 volunteer call handlers",
     "Vendor trial licence, no commitment",
     "CSO opened a hazard log before the test; handlers fed back daily",
     "-",
     "£12k trial", dt(2026, 1, 19), dt(2026, 3, 6), "Stopped", "-", "-",
     "Stop agreed at Digital Board 17/03/26. Revisit only if accuracy in noisy rooms improves.",
     "PPEEEEEE", [], True),
])

B_REASONS = [
    "S1 green: all 16 active initiatives cite one of O1-O5 (by code only, e.g. 'O3').",
    "S2 green: every objective has 2-5 active initiatives (O1 2, O2 4, O3 3, O4 2, O5 5).",
    "S3 green: 16 active against 41 in-house WTE in 8 product teams, each with a product "
    "manager and a clinical or operational lead; no team has more than 2 active (CA-203 is "
    "fleet-led with Platforms support).",
    "S4 green: 7 H, 7 M, 2 L among active initiatives (44% H). S5 green: 3/16 (19%) "
    "technology-centred. S6 green: 3/16 (19%) unmeasurable.",
    "Things stop: CA-901 and CA-902 stopped on evidence, CA-403 paused and its money moved to "
    "non-digital support; a not-doing list; CA-303 ends a contract and CA-502 switches servers "
    "off.",
    "Deliberate weak spots: CA-103 (contract-driven upgrade on a 7-yr contract), CA-104 (no "
    "baseline, ICS winter money to Mar-27, no safety case), CA-402 (measures tbc at FBC), "
    "CA-502 (open-ended server move), CA-302 (no clinical safety evidence).",
]


# ---------------------------------------------------------------------------
def a_rows():
    """Return (values per A column, code, flags, clinical) for each project."""
    out = []
    for i, p in enumerate(A_PROJECTS, start=1):
        (ref, title, direc, theme, summ, ben, kpi, spons, pm, cl, sup, appr, gov, risk, bud,
         start, finish, rag, pri, status, code, flags, clinical) = p
        vals = [i, ref, title, direc, theme, summ, ben, kpi, spons, pm, cl, sup, appr, gov, risk,
                bud, start, finish, rag, pri, status]
        out.append((vals, code, flags, clinical))
    return out


def b_rows(p):
    (ref, team, title, obj, prob, users, outc, meas, sro, plead, cl, deliv, sup, gov, risk,
     fund, frm, to, phase, rag, pri, dec, code, flags, clinical) = p
    vals = [ref, team, title, obj, prob, users, outc, meas, sro, plead, cl, deliv, sup, gov, risk,
            fund, frm, to, phase, rag, pri, dec]
    return vals, code, flags, clinical


def style_table(ws, header_row, ncols, widths):
    for c in range(1, ncols + 1):
        cell = ws.cell(header_row, c)
        cell.font = BOLD
        cell.fill = HEAD_FILL
        cell.alignment = WRAP
        ws.column_dimensions[get_column_letter(c)].width = widths.get(c, 16)


def write_a():
    wb = Workbook()
    rm = wb.active
    rm.title = "Read me"
    lines = [
        ("READ ME - IT & Digital Project List (Merrowby & Caddon Vale Hospitals NHS Trust)", None),
        (None, None),
        ("Owner", "PMO, IT & Digital. Updated monthly before IT Programme Board. Please don't add "
                  "rows without a Project ID from the PMO."),
        ("Digital Strategy 2024-29", "Strategic themes (approved by Trust Board Jan-24) - use "
                                     "these in the 'Strategic theme' column:"),
        (None, A_OBJECTIVES[0]),
        (None, A_OBJECTIVES[1]),
        (None, A_OBJECTIVES[2]),
        (None, A_OBJECTIVES[3]),
        (None, None),
        ("IT & Digital establishment (WTE)", A_FTE),
        ("Project manager posts", "2 (1 vacant since Jan-26). Contract PMs brought in where "
                                      "a project budget allows. Service desk and infrastructure "
                                      "are inside the 14."),
        ("RAG", "Green / Amber / Amber-Red / Red - PM's judgement."),
        ("Priority", "Tier 1 = must do (mandated, contractual or Board commitment); Tier 2 = "
                     "should do; Tier 3 = nice to have."),
        ("Governance", "All projects report to IT Programme Board monthly. Technical changes go "
                       "to CAB (Tuesdays). Clinical system changes also need Clinical Systems "
                       "Group and IG Group sign-off."),
        ("Sites", "Merrowby General Hospital; Caddon Vale Hospital. ICS: Tamsford and Orwen ICS."),
    ]
    for r, (a, b) in enumerate(lines, start=1):
        if a is not None:
            rm.cell(r, 1, a).font = BOLD
        if b is not None:
            rm.cell(r, 2, b).alignment = WRAP
    rm.column_dimensions["A"].width = 34
    rm.column_dimensions["B"].width = 100

    ws = wb.create_sheet(A_SHEET)
    ncols = len(A_COLUMNS)
    ws.cell(1, 1, "Merrowby & Caddon Vale Hospitals NHS Trust | IT & Digital Project List | "
                  "position at 30/04/2026").font = Font(bold=True, size=13)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    for c, (h, _) in enumerate(A_COLUMNS, start=1):
        ws.cell(A_HEADER_ROW, c, h)
    style_table(ws, A_HEADER_ROW, ncols,
                {1: 5, 2: 10, 3: 30, 4: 18, 5: 26, 6: 60, 7: 36, 8: 36, 9: 22, 10: 20, 11: 22,
                 12: 36, 13: 34, 14: 34, 15: 36, 16: 20, 17: 11, 18: 11, 19: 10, 20: 12, 21: 44})
    row = A_HEADER_ROW + 1
    labels = {}
    for vals, code, flags, clinical in a_rows():
        for c, v in enumerate(vals, start=1):
            cell = ws.cell(row, c, v)
            cell.alignment = WRAP
            if isinstance(v, dt):
                cell.number_format = "dd/mm/yyyy"
        labels[vals[1]] = (row, vals, code, flags, clinical)
        row += 1
        if vals[1] == A_CONTINUATION_AFTER:
            ws.cell(row, ncols, A_CONTINUATION_TEXT).alignment = WRAP
            row += 1
    row += 1
    ws.cell(row, 1, "RAG and status as reported by PMs; not validated by PMO. Budgets as per "
                    "business case where there is one.")
    ws.freeze_panes = f"C{A_HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{A_HEADER_ROW}:{get_column_letter(ncols)}{A_HEADER_ROW + len(A_PROJECTS) + 1}"

    lists = wb.create_sheet("lists")
    lists.sheet_state = "hidden"
    dropdowns = {
        1: ["Strategic theme"] + A_OBJECTIVES + ["BAU", "Mandated", "CIP", "ICS", "Other"],
        2: ["RAG", "Green", "Amber", "Amber-Red", "Red"],
        3: ["Priority", "Tier 1", "Tier 1 (mandated)", "Tier 2", "Tier 3"],
    }
    for c, items in dropdowns.items():
        for r, v in enumerate(items, start=1):
            lists.cell(r, c, v)

    path = os.path.join(HERE, A_FILE + ".xlsx")
    wb.save(path)
    return path, labels


def write_b():
    wb = Workbook()
    ct = wb.active
    ct.title = "Contents"
    ct["A1"] = "Carrowmere Ambulance Service NHS Foundation Trust: board pack, digital initiatives"
    ct["A1"].font = Font(bold=True, size=13)
    for r, (tab, what) in enumerate([
        ("Our digital plan", "Objectives O1-O5, what we are not doing, team and how decisions "
                             "are made"),
        ("Portfolio", "Every initiative, grouped by workstream, with closed and stopped items at "
                      "the bottom"),
        ("Glossary", "Ambulance and digital abbreviations used in the pack"),
    ], start=3):
        ct.cell(r, 1, tab).font = BOLD
        ct.cell(r, 2, what)
    ct.column_dimensions["A"].width = 22
    ct.column_dimensions["B"].width = 90

    pl = wb.create_sheet("Our digital plan")
    lines = [
        ("Digital plan 2025-28 (summary)", None),
        (None, None),
        ("Objectives", B_OBJECTIVES[0]),
        (None, B_OBJECTIVES[1]),
        (None, B_OBJECTIVES[2]),
        (None, B_OBJECTIVES[3]),
        (None, B_OBJECTIVES[4]),
        (None, None),
        ("Not doing (agreed at Board Mar-25, looked at again Mar-26)",
         "Our own patient app (we point people to the NHS App and 111 online); replacing CAD "
         "before 2028; drones; any AI triage that replaces a clinician's decision."),
        (None, None),
        ("In-house digital, data and technology staff (WTE)", B_FTE),
        ("Product teams", "8: Clinical Hub, 999 Contact, On Scene, Handover, Partners, Records & "
                          "Data, People, Platforms. Each has a product manager and a named "
                          "clinical or operational lead. Fleet-led work gets Platforms support "
                          "and is not counted as a team."),
        ("Clinical time", "Each clinical lead has 2 funded sessions a week; the CCIO (a consultant "
                          "paramedic) has 4."),
        ("Work in progress", "No team runs more than 2 active initiatives. New ideas wait."),
        ("Decisions", "Every initiative names its next stop/continue point. The monthly Digital "
                      "Board can stop or pause work. Clinical safety (DCB0129/0160) sits with our "
                      "CSO inside the teams, not with a separate board."),
        ("ICSs we serve", "Brayle and Fennick ICS; Ottermoor ICS; Sallow Vale ICS."),
    ]
    for r, (a, b) in enumerate(lines, start=1):
        if a is not None:
            pl.cell(r, 1, a).font = BOLD
        if b is not None:
            pl.cell(r, 2, b).alignment = WRAP
    pl["A1"].font = Font(bold=True, size=13)
    pl.column_dimensions["A"].width = 44
    pl.column_dimensions["B"].width = 100

    ws = wb.create_sheet(B_SHEET)
    ncols = len(B_COLUMNS)
    ws["A1"] = "Carrowmere Ambulance Service - initiatives list (digital, data & technology)"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Digital PMO for Trust Board, 14 May 2026 (v3.2)"
    ws["A3"] = ("At a glance: 16 active | 1 paused | 2 stopped since Apr-25 | 8 product teams")
    ws["A4"] = ("Key: RAG G/A/R is the SRO's call. Pri H/M/L. Funding: cap = one-off, rev = "
                "recurring each year.")
    ws["A5"] = "Objectives O1-O5 and the not-doing list: see 'Our digital plan' tab."
    for c, (h, _) in enumerate(B_COLUMNS, start=1):
        ws.cell(B_HEADER_ROW, c, h)
    style_table(ws, B_HEADER_ROW, ncols,
                {1: 8, 2: 14, 3: 30, 4: 9, 5: 60, 6: 28, 7: 36, 8: 36, 9: 22, 10: 24, 11: 24,
                 12: 36, 13: 36, 14: 36, 15: 36, 16: 20, 17: 11, 18: 11, 19: 14, 20: 6, 21: 6,
                 22: 40})
    row = B_HEADER_ROW + 1
    labels = {}

    def section(title):
        nonlocal row
        cell = ws.cell(row, 1, title)
        cell.font = BOLD
        for c in range(1, ncols + 1):
            ws.cell(row, c).fill = SECTION_FILL
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
        row += 1

    def project(p):
        nonlocal row
        vals, code, flags, clinical = b_rows(p)
        for c, v in enumerate(vals, start=1):
            cell = ws.cell(row, c, v)
            cell.alignment = WRAP
            if isinstance(v, dt):
                cell.number_format = "dd-mmm-yy"
        labels[vals[0]] = (row, vals, code, flags, clinical)
        row += 1

    for title, projects in B_GROUPS:
        section(title)
        for p in projects:
            project(p)
    row += 1
    section(B_CLOSED[0])
    for p in B_CLOSED[1]:
        project(p)
    row += 1
    ws.cell(row, 1, "Source: Digital PMO tracker; figures as reported by product managers at "
                    "month end.")
    ws.freeze_panes = f"D{B_HEADER_ROW + 1}"

    gl = wb.create_sheet("Glossary")
    for r, (a, b) in enumerate([
        ("ARP", "Ambulance Response Programme (national response standards and returns)"),
        ("CAD", "Computer-aided dispatch"),
        ("ePCR", "Electronic patient care record completed by crews"),
        ("Hear and treat", "Call closed after clinical assessment by phone, no crew sent"),
        ("NIC", "The nurse running the ED shift"),
        ("TRiM", "Trauma risk management - peer support after traumatic incidents"),
        ("ESN", "Emergency Services Network"),
        ("CSO", "Clinical Safety Officer"),
    ], start=1):
        gl.cell(r, 1, a).font = BOLD
        gl.cell(r, 2, b)
    gl.column_dimensions["A"].width = 16
    gl.column_dimensions["B"].width = 80

    path = os.path.join(HERE, B_FILE + ".xlsx")
    wb.save(path)
    return path, labels


def label_doc(fname, sheet, header_row, columns, verdict, objectives, fte, reasons, labels):
    projects = {}
    for ref, (row, vals, code, flags, clinical) in labels.items():
        projects[ref] = {
            "ref": ref,
            "title": vals[[h for h, _ in columns].index(
                next(h for h, f in columns if f == "title"))],
            "row": row,
            "principles": {p: CODE[c] for p, c in zip(PRINCIPLES, code)},
            "flags": [f for f in FLAGS if f in flags],
        }
    return {
        "workbook": fname + ".xlsx",
        "sheet": sheet,
        "header_row": header_row,
        "columns": {h: f for h, f in columns},
        "portfolio": {"verdict": verdict, "strategic_objectives": objectives,
                      "in_house_fte": fte, "reasons": reasons},
        "projects": projects,
    }


# ---------------------------------------------------------------------------
ERRORS = []


def check(cond, msg):
    if not cond:
        ERRORS.append(msg)


def verify(path, doc, labels, ref_re, extra_date_cols=()):
    wb = load_workbook(path)  # formulas none; values as written
    check(doc["sheet"] in wb.sheetnames, f"{path}: sheet {doc['sheet']} missing")
    ws = wb[doc["sheet"]]
    hr = doc["header_row"]
    headers = list(doc["columns"].keys())
    got = [ws.cell(hr, c).value for c in range(1, ws.max_column + 1)]
    while got and got[-1] is None:
        got.pop()
    check(got == headers, f"{path}: header row {hr} is {got}, labels say {headers}")
    for h, f in doc["columns"].items():
        check(f in CANONICAL, f"{path}: column {h!r} maps to non-canonical {f!r}")
    check(len(set(headers)) == len(headers), f"{path}: duplicate header")
    ref_col = headers.index(next(h for h, f in doc["columns"].items() if f == "ref")) + 1
    col = {f: headers.index(h) + 1 for h, f in doc["columns"].items() if f != "other"}

    # every labelled row holds its ref
    for ref, p in doc["projects"].items():
        v = ws.cell(p["row"], ref_col).value
        check(v == ref, f"{path}: row {p['row']} holds {v!r}, labelled {ref}")
        check(list(p["principles"].keys()) == PRINCIPLES, f"{ref}: principle keys")
        check(all(v in CODE.values() for v in p["principles"].values()), f"{ref}: values")
        check(p["flags"] == [f for f in FLAGS if f in p["flags"]], f"{ref}: flag order/ids")
    # no ref row left unlabelled
    labelled_rows = {p["row"] for p in doc["projects"].values()}
    for r in range(hr + 1, ws.max_row + 1):
        v = ws.cell(r, ref_col).value
        if isinstance(v, str) and ref_re.match(v.strip()):
            check(r in labelled_rows, f"{path}: ref row {r} ({v}) has no label")
    # FTE and objectives appear in the workbook
    texts, numbers = [], []
    for s in wb.worksheets:
        for rr in s.iter_rows():
            for c in rr:
                if isinstance(c.value, str):
                    texts.append(c.value)
                elif isinstance(c.value, (int, float)):
                    numbers.append(c.value)
    fte = doc["portfolio"]["in_house_fte"]
    # a number cell next to a WTE/FTE label, or the figure written as "n WTE" / "n FTE"
    fte_cell = False
    for s in wb.worksheets:
        for rr in s.iter_rows():
            for c in rr:
                if c.value == fte and not isinstance(c.value, bool) and c.column > 1:
                    left = s.cell(c.row, c.column - 1).value
                    fte_cell |= isinstance(left, str) and bool(re.search(r"WTE|FTE", left))
    check(fte_cell or any(re.search(rf"\b{fte}\s*(WTE|FTE)\b", t) for t in texts),
          f"{path}: in-house FTE {fte} not found")
    for o in doc["portfolio"]["strategic_objectives"]:
        check(any(o in t for t in texts), f"{path}: objective {o!r} not found")

    # mechanical parts of the labels agree with the cells
    for ref, (row, vals, code, flags, clinical) in labels.items():
        def cell(field):
            return ws.cell(row, col[field]).value
        desc = cell("description") or ""
        if len(str(desc).split()) < 15:
            check("vague_or_hype" in flags, f"{ref}: description <15 words but no vague_or_hype")
        dates_missing = blank(cell("start_date")) or blank(cell("end_date"))
        check(dates_missing == ("missing_dates" in flags), f"{ref}: missing_dates mismatch")
        lead_missing = blank(cell("clinical_lead"))
        check((clinical and lead_missing) == ("no_clinical_lead" in flags),
              f"{ref}: no_clinical_lead mismatch")
        if "clinical_safety_missing" in flags:
            check(clinical, f"{ref}: clinical_safety_missing on a non-clinical project")
        check(len(code) == 8 and set(code) <= set("EPM"), f"{ref}: bad code {code}")
        check(all(f in FLAGS for f in flags), f"{ref}: unknown flag")


def main():
    a_path, a_labels = write_a()
    b_path, b_labels = write_b()
    a_doc = label_doc(A_FILE, A_SHEET, A_HEADER_ROW, A_COLUMNS, "shopping_list", A_OBJECTIVES,
                      A_FTE, A_REASONS, a_labels)
    b_doc = label_doc(B_FILE, B_SHEET, B_HEADER_ROW, B_COLUMNS, "coherent", B_OBJECTIVES,
                      B_FTE, B_REASONS, b_labels)
    for name, doc in ((A_FILE, a_doc), (B_FILE, b_doc)):
        with open(os.path.join(HERE, name + ".labels.json"), "w", encoding="utf-8") as fh:
            json.dump(doc, fh, indent=2, ensure_ascii=False)
            fh.write("\n")

    verify(a_path, a_doc, a_labels, re.compile(r"^ITD/\d{3}$"))
    verify(b_path, b_doc, b_labels, re.compile(r"^CA-\d{3}$"))

    # set-level checks
    all_labels = {**a_labels, **b_labels}
    check(len(all_labels) == len(a_labels) + len(b_labels), "ref used in both workbooks")
    check(35 <= len(all_labels) <= 45, f"total projects {len(all_labels)} not in 35-45")
    codes = [v[2] for v in all_labels.values()]
    for i, p in enumerate(PRINCIPLES):
        vals = Counter(c[i] for c in codes)
        check(all(vals[x] > 0 for x in "EPM"), f"{p}: not spread over E/P/M ({dict(vals)})")
    for i, p in ((6, "build_trust"), (7, "adapt_plan")):
        n = sum(1 for c in codes if c[i] in "EP")
        check(n >= 10, f"{p}: only {n} evident-or-partial")
        check(any(c[i] == "M" for c in codes), f"{p}: no project with none")

    # distribution
    def dist(labels, i):
        return Counter(v[2][i] for v in labels.values())
    n = len(all_labels)
    print(f"Projects: {A_FILE} {len(a_labels)}, {B_FILE} {len(b_labels)}, total {n}")
    print("| Principle | evident | partial | missing |")
    print("|---|---|---|---|")
    for i, p in enumerate(PRINCIPLES):
        t, a, b = dist(all_labels, i), dist(a_labels, i), dist(b_labels, i)
        cells = [f"{round(100 * t[x] / n)}% ({a[x]} / {b[x]})" for x in "EPM"]
        print(f"| {p} | " + " | ".join(cells) + " |")
    print()
    print("| Flag | projects | Merrowby (shopping list) | Carrowmere (coherent) |")
    print("|---|---|---|---|")
    for f in FLAGS:
        a = sum(f in v[3] for v in a_labels.values())
        b = sum(f in v[3] for v in b_labels.values())
        print(f"| {f} | {a + b} | {a} | {b} |")

    if ERRORS:
        print("\nCHECKS FAILED:", file=sys.stderr)
        for e in ERRORS:
            print(" -", e, file=sys.stderr)
        sys.exit(1)
    print("\nAll checks passed.")


if __name__ == "__main__":
    main()
