"""Generate blind evaluation set 6: four fictional NHS trust digital portfolios (development data).

Run: .venv/bin/python tests/data/blind6/make_blind6.py   (needs openpyxl only)

The point of this set is the PORTFOLIO verdict (RUBRIC.md section (c)). Each portfolio's signals S1-S6 were
designed on purpose; the script recomputes them from the cells and the project labels and checks that the
labelled verdict follows the composite rule. Writes four .xlsx workbooks and one .labels.json per workbook
beside this file, reopens them and checks them (see README.md). Exits non-zero if a check fails.
Everything here is fictional.
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


def labels(code: str, flags: str, clinical: bool, on: int) -> dict:
    """code: 8 letters E/P/M for P1-P8; flags: space-separated F-numbers; clinical: for the self-checks;
    on: which listed objective (1-based) the project's objective cell cites, 0 = none / not on the list.
    `clinical` and `on` are used only by the self-checks and are not written to the label files."""
    assert len(code) == 8 and set(code) <= set("EPM"), code
    fl = [FLAG_BY_NO[f] for f in flags.split()]
    return {"principles": dict(zip(PRINCIPLES, (CODE[c] for c in code), strict=True)),
            "flags": [f for f in FLAGS if f in fl], "clinical": clinical, "on": on}


# =============================================================================================
# Workbook A: Greythorpe & Wendle Hospitals NHS Trust - SHOPPING LIST (strategy exists, projects ignore it)
# 'Strategy 2024-29' sheet first (4 objectives, IM&T WTE); data sheet 'Project List': merged title row 1,
# notes row 2, header row 3, 16 projects, blank row, footer note.
# =============================================================================================
A_FILE = "greythorpe_wendle_imt_project_list_2026-27"
A_SHEET = "Project List"
A_COLS = [
    ("Ref", "ref", "ref"),
    ("Project", "title", "title"),
    ("Division", "other", "div"),
    ("Description", "description", "desc"),
    ("Links to objective", "strategic_objective", "obj"),
    ("Benefits", "benefits", "ben"),
    ("KPIs", "kpis", "kpi"),
    ("Exec sponsor", "owner", "owner"),
    ("PM", "other", "pm"),
    ("Clinical lead", "clinical_lead", "clin"),
    ("Supplier", "supplier", "sup"),
    ("Approach", "delivery_approach", "how"),
    ("Cost (£)", "budget", "cost"),
    ("Funding", "other", "fund"),
    ("Start", "start_date", "start"),
    ("End", "end_date", "end"),
    ("Status", "stage", "stage"),
    ("RAG", "rag", "rag"),
    ("Priority (H/M/L)", "priority", "pri"),
    ("Update", "other", "upd"),
]
A_OBJECTIVES = [
    "Obj 1 Safe, high-quality care every time",
    "Obj 2 Timely access: shorter waits for planned and urgent care",
    "Obj 3 Our people - valued, well and heard",
    "Obj 4 Sustainable use of our resources",
]
A_FTE = 34
A_PROJECTS = [
    dict(ref="GW-2601", title="Windows 11 rollout", div="Corporate - IM&T",
         desc="Move all trust desktops/laptops Win10 -> Win11 ahead of the Win10 support end date. c.3,100 "
              "devices at Greythorpe, Wendle and community bases.",
         obj="Digital", ben="Supported OS. Cyber compliance. Standard build.", kpi="Upgrade complete",
         owner="Director of IM&T", pm="J. Farrant", clin="", sup="Brindle Tech Services (contractor team)",
         how="Contractor engineers to deliver site by site, out of hours. Brindle to do build and packaging.",
         cost=285000, fund="Capital", start=D(2026, 4, 1), end=D(2026, 10, 30), stage="Delivery", rag="Amber",
         pri="H", upd="1,240 of 3,100 done. App compatibility issues (pathology, pharmacy). Contractor days "
                      "extended to Dec.",
         lab=labels("MMMPMMMM", "F1 F2 F3 F7 F9", False, 0)),
    dict(ref="GW-2602", title="EPR upgrade v8 to v9", div="Clinical Support",
         desc="Mandatory upgrade of the Velloway EPR from v8 to v9 - v8 unsupported from Dec-26. New ED and "
              "theatres modules switched on at the same time.",
         obj="Obj 1", ben="Supported version. Access to new modules. Meets contract requirements.",
         kpi="Live by Feb-27 within budget", owner="CIO", pm="Velloway PM", clin="TBC",
         sup="Velloway Systems - contract extended 3 yrs by direct award to cover v9",
         how="Velloway to deliver upgrade to their standard plan. Single go-live weekend, both sites, all "
             "modules together.",
         cost=1450000, fund="Capital 26/27 + revenue from IM&T baseline", start=D(2025, 11, 3),
         end=D(2027, 2, 28), stage="Testing", rag="Amber/Red", pri="H",
         upd="Go-live moved Jun-26 > Sep-26 > Feb-27 (supplier test env). Rebaselined twice, scope and "
             "approach unchanged. Clinical safety - supplier to pick up.",
         lab=labels("MMMMMMMM", "F1 F2 F3 F4 F5 F7 F8 F10 F12", True, 1)),
    dict(ref="GW-2603", title="Patient Wi-Fi - Wendle", div="Estates & Facilities",
         desc="Extend guest Wi-Fi to all inpatient wards at Wendle Community Hospital. Coverage patchy on "
              "wards 3-7. New access points and controller.",
         obj="Enabler", ben="Full ward coverage. Patient and visitor access.",
         kpi="Coverage 100% of inpatient wards (currently approx 60%)", owner="Director of Estates",
         pm="R. Quist", clin="", sup="Hexmoor Networks (existing maintenance contract)",
         how="Survey then install. Hexmoor to install.", cost=64000, fund="League of Friends donation "
                                                                          "(one-off)",
         start=D(2026, 9, 1), end=D(2027, 1, 29), stage="Procurement", rag="Green", pri="L",
         upd="Survey done. PO raised.",
         lab=labels("MMPMPPMM", "F1 F3 F9", False, 0)),
    dict(ref="GW-2604", title="Wi-Fi upgrade - Greythorpe", div="Corporate - IM&T",
         desc="Replace end-of-life wireless network at Greythorpe General (approx 420 APs). Wi-Fi 6E.",
         obj="Digital", ben="New wireless network. Better performance.", kpi="",
         owner="Director of IM&T", pm="J. Farrant", clin="", sup="TBC - tender",
         how="Tender Q4. Install all areas.", cost="TBC", fund="Capital bid submitted", start=D(2027, 1, 4),
         end="TBC", stage="Business case", rag="Amber", pri="M",
         upd="Overlap with GW-2603? To pick up with Estates.",
         lab=labels("MMMMMMMM", "F1 F2 F3 F9 F11 F13", False, 0)),
    dict(ref="GW-2605", title="AI triage of chest X-rays", div="Clinical Support - Radiology",
         desc="Deploy AI to read chest X-rays and flag abnormal films. Supplier offering free 6-month pilot, "
              "then subscription. Would make us an early adopter of AI in the region.",
         obj="Digital", ben="Faster reporting. Innovation. Reduced backlog.", kpi="TBC",
         owner="Medical Director", pm="", clin="",
         sup="Lanternfish Imaging AI - free pilot, then 4-yr subscription",
         how="Supplier to install on PACS and run the pilot in ED.", cost=0,
         fund="Pilot free. Subscription (approx £96k pa) not funded", start=D(2026, 12, 1),
         end=D(2027, 5, 31), stage="Proposed", rag="Green", pri="M",
         upd="Demo to Radiology Nov-26. Keen to start.",
         lab=labels("MMMPMMMM", "F1 F2 F5 F7 F9 F11 F12", True, 0)),
    dict(ref="GW-2606", title="e-Obs & NEWS2 escalation - adult wards", div="Medicine",
         desc="Paper obs charts on 18 adult wards. Deteriorating pt audit Q1 26/27: 31% of NEWS2 >=5 not "
              "escalated within 1 hr. Nurses told us the chart is often at the end of the bed when outreach "
              "need it. Obs on handhelds with auto escalation to outreach.",
         obj="1 - Safe, high-quality care",
         ben="Deteriorating patients picked up and escalated sooner; nurses stop transcribing obs",
         kpi="NEWS2 >=5 escalated within 1 hr (69% -> 90%); crash calls from adult wards (baseline 31 a "
             "month). Monthly to Deteriorating Patient Group",
         owner="Chief Nurse", pm="S. Iqbal",
         clin="Dr H. Oduya, consultant acute medicine; Sister L. Grant, outreach",
         sup="Velloway EPR obs module (existing licence)",
         how="Ward 12 pilot 6 wks - nurses tried handhelds and screens with our EPR team - then 3 wards a "
             "month. Go/no-go after pilot on escalation times and nurse feedback.",
         cost=180000, fund="Capital (devices) + £22k pa revenue agreed", start=D(2026, 6, 1),
         end=D(2027, 6, 30), stage="Pilot", rag="Green", pri="H",
         upd="Ward 12 live 14/10. Escalated within 1 hr 84% first 4 wks. CSO has approved the hazard log. "
             "Go/no-go 09/12.",
         lab=labels("EEEEEPEE", "", True, 1)),
    dict(ref="GW-2607", title="Outpatient 2-way text reminders", div="Planned Care",
         desc="OP DNA rate 9.8% (12 months to Sep-26), approx 31,000 missed appts. Patients can only cancel "
              "by phone; booking centre answers 55% of calls. Add reply-to-cancel/rebook to existing "
              "reminders.",
         obj="Obj 2 - access",
         ben="Fewer wasted appointments; slots rebooked for patients waiting; fewer calls into booking",
         kpi="DNA 9.8% -> 7.5% by Sep-27; slots re-used from text cancellations (baseline 0); call answer "
             "rate 55% -> 75%",
         owner="COO", pm="M. Dowd", clin="", sup="Stonechat Messaging - G-Cloud call-off, 12 + 12 months",
         how="3 specialties first (derm, T&O, ophth), booking team tests the replies, then by specialty.",
         cost=48000, fund="NHSE elective recovery money - 26/27 only", start=D(2026, 7, 1),
         end=D(2027, 3, 31), stage="Delivery", rag="Green", pri="H",
         upd="3 specialties live Oct. DNA in those 8.1% (was 10.2%).",
         lab=labels("EEEEPPPM", "F9", False, 2)),
    dict(ref="GW-2608", title="RPA bots - back office", div="Corporate - Finance",
         desc="Robotic process automation (bots) for manual back-office tasks - invoice matching, starters "
              "and leavers. Culvert to find candidate processes and build the first bots. Part of our "
              "digital transformation.",
         obj="Obj 4 (CIP)", ben="Cash releasing savings. Efficiency. Staff freed up.",
         kpi="Savings TBC once processes identified", owner="Chief Finance Officer", pm="Culvert Consulting",
         clin="", sup="Culvert Consulting (consultancy, T&M)",
         how="Consultancy-led discovery then build. Bots hosted by Culvert.", cost=210000,
         fund="Revenue 26/27 (non-recurrent)", start=D(2026, 10, 1), end=D(2027, 9, 30), stage="Initiation",
         rag="Amber", pri="M", upd="SOW signed. Process list awaited from Finance.",
         lab=labels("MMMMMMMM", "F1 F2 F3 F7 F9 F11", False, 4)),
    dict(ref="GW-2609", title="Digital dictation replacement", div="Surgery / Medicine",
         desc="Dictation contract (Sonarwell) ends Mar-27. Replace with new dictation system - direct award "
              "to "
              "the incumbent's new product to avoid procurement delay.",
         obj="BAU", ben="Continuity of service. Supported system.",
         kpi="Old system switched off by contract end", owner="Director of IM&T", pm="R. Quist", clin="",
         sup="Sonarwell Dictation - direct award, 5 yrs",
         how="Supplier to migrate users and templates. Switch over by specialty Jan-Mar 27.", cost=320000,
         fund="Revenue (5-yr subscription)", start=D(2026, 11, 2), end=D(2027, 3, 31), stage="Procurement",
         rag="Amber", pri="M", upd="Direct award paper to Exec 02/12.",
         lab=labels("MMMPMMMM", "F1 F2 F3 F5 F7 F8 F12", True, 0)),
    dict(ref="GW-2610", title="Speech recognition - clinic letters", div="Surgery",
         desc="Speech recognition for consultants to dictate clinic letters directly.",
         obj="", ben="Faster letters.", kpi="", owner="Divisional Director, Surgery", pm="",
         clin="Mr T. Brannigan, consultant ophthalmologist", sup="Quillfeather Speech (quote)",
         how="Licences for ophthalmology first.", cost=38000, fund="Divisional budget", start=D(2027, 1, 4),
         end=D(2027, 6, 30), stage="Idea", rag="", pri="L",
         upd="Overlaps GW-2609? Surgery want their own.",
         lab=labels("PMMPPMMM", "F2 F11 F12", True, 0)),
    dict(ref="GW-2611", title="e-Rostering app - nursing", div="Workforce",
         desc="Nurses can't see or swap shifts away from the ward PC. Staff survey 2025: 'rota' top "
              "complaint "
              "for ward nurses (212 comments). Switch on the mobile app of our rostering system + "
              "self-service "
              "swaps.",
         obj="Our people",
         ben="Nurses see and swap shifts from their phone; fewer rota queries to ward managers",
         kpi="Swaps done by self-service (target 60% by Jun-27); rota comments in next staff survey",
         owner="Chief People Officer", pm="K. Nolan", clin="",
         sup="Tallow Rostering (existing contract, app included)", how="2 wards trial, then by division.",
         cost=12000, fund="Revenue - within existing contract", start=D(2026, 9, 1), end=D(2027, 4, 30),
         stage="Delivery", rag="Green", pri="M",
         upd="Wards 4 and 9 live. 38% of swaps self-service at 6 wks.",
         lab=labels("EEPEPPPM", "", False, 3)),
    dict(ref="GW-2612", title="Cyber - MFA and SIEM", div="Corporate - IM&T",
         desc="Implement multi-factor authentication for remote access and a security monitoring (SIEM) "
              "service "
              "following the DSPT audit findings.",
         obj="Enabler", ben="DSPT met. Lower cyber risk.", kpi="DSPT standards met", owner="IM&T",
         pm="J. Farrant", clin="", sup="Hexmoor Networks (SOC service, 3 yr)",
         how="Hexmoor to onboard SIEM; MFA done by our infrastructure team.", cost=240000,
         fund="Capital + revenue 3 yrs", start=D(2026, 5, 1), end=D(2027, 3, 31), stage="Delivery",
         rag="Amber", pri="H", upd="MFA 70% of remote users. SIEM onboarding slipped to Jan.",
         lab=labels("MMMPPMMM", "F1 F2 F3 F6", False, 0)),
    dict(ref="GW-2613", title="Data warehouse migration", div="Corporate - Information",
         desc="BI team spend 2 days each month re-running failed overnight loads; board reports late in 5 of "
              "the 12 months to Oct. Re-platform the warehouse from on-prem SQL to cloud.",
         obj="", ben="Reliable reporting. Modern data platform. Self-service data.", kpi="TBC", owner="",
         pm="BI lead", clin="", sup="Pellucid Analytics (migration partner)",
         how="Rehost as is, then decommission the old server.", cost=150000, fund="Capital",
         start="TBC", end="TBC", stage="Business case", rag="Red", pri="L",
         upd="Business case returned by Capital Group twice (Jun, Sep). Resubmitting unchanged in Jan.",
         lab=labels("EMMMPMMM", "F2 F3 F6 F9 F10 F13", False, 0)),
    dict(ref="GW-2614", title="Paperless outpatients - scan all case notes", div="Clinical Support - Health "
                                                                                 "Records",
         desc="Deliver the paperless hospital. Scan all OP case notes (approx 190,000 volumes) and stop "
              "paper "
              "notes in all clinics from 1 Apr 27.",
         obj="Ambition 3 - Paperless hospital", ben="Paperless. Storage space released. Digital-first trust.",
         kpi="Paper-light outpatients", owner="COO", pm="M. Dowd", clin="n/a",
         sup="Quire & Co Document Services (scanning bureau)",
         how="Bureau to scan all notes by Mar-27; all clinics switch to the viewer on 1 Apr 27.",
         cost=890000, fund="Capital only (NHSE)", start=D(2026, 6, 1), end=D(2027, 4, 1), stage="Delivery",
         rag="Amber", pri="H", upd="Bureau 3 wks behind. Viewer training not yet planned.",
         lab=labels("MMMMMMMM", "F1 F2 F3 F4 F5 F7 F9 F11 F12", True, 0)),
    dict(ref="GW-2615", title="Digital pathology - cross-site slide viewing", div="Clinical Support - "
                                                                                  "Pathology",
         desc="Cellular path reports from Wendle delayed because glass slides are couriered to Greythorpe "
              "for "
              "specialist opinion (median 2 days in transit, lab audit Jul-26). 2 slide scanners + viewer so "
              "a pathologist at either hospital can report the case.",
         obj="Obj 1", ben="Quicker results for patients; specialist opinion without waiting for the glass",
         kpi="Transit for referred slides 2 days -> same day; referred cases reported within 7 days "
             "(baseline 64%)",
         owner="Medical Director", pm="S. Iqbal", clin="Dr F. Rowntree, consultant histopathologist",
         sup="Kelpie Imaging",
         how="Both scanners in; referred cases only to start, then primary reporting for breast.",
         cost=410000, fund="NHSE capital grant, one-off. Storage and support after yr 1 not yet funded",
         start=D(2026, 8, 3), end=D(2027, 7, 30), stage="Procurement", rag="Amber", pri="M",
         upd="Order placed. Validation plan with the lab.",
         lab=labels("EEPEPMMM", "F9 F12", True, 1)),
    dict(ref="GW-2616", title="Frailty virtual ward", div="Medicine",
         desc="Frail older people wait in hospital for community support: on average 38 frailty pts a day "
              "medically fit but still in a bed (Sep-26 snapshot). Remote monitoring + daily virtual ward "
              "round so 20 pts can go home sooner.",
         obj="Obj 1 Safe, high-quality care", ben="Patients home sooner and safely; beds freed for the front "
                                                  "door",
         kpi="Occupied bed days released (target 6,000 pa); VW pts readmitted within 30 days (frailty "
             "baseline 18%). VW dashboard reviewed weekly",
         owner="COO", pm="K. Nolan", clin="Dr A. Pryce, consultant geriatrician",
         sup="Heronsgate Remote Care",
         how="10 beds from Nov-26; frailty team reviews weekly, +5 beds each time occupancy passes 80%.",
         cost=520000,
         fund="ICB virtual ward money to Mar-27 only; recurrent TBC", start=D(2026, 8, 3),
         end=D(2027, 3, 31), stage="Live - phase 1", rag="Amber", pri="H",
         upd="10 beds live. Hazard log and SOP agreed with CSO. Occupancy 70%.",
         lab=labels("EEEEPMPP", "F9", True, 1)),
]
A_TEAMS = None   # no delivery teams named; capacity stated as WTE and project managers
A_PMS = 6


# =============================================================================================
# Workbook B: Hatherby Community Health NHS Trust - SHOPPING LIST that looks tidy
# One sheet: merged title row 1, merged notes rows 2 (objectives) and 3 (team: 6 WTE), header row 4,
# 16 projects, blank row, footnote. Every project cites an SO code; 13/16 Critical/High/P1, none Low;
# half the KPIs TBC.
# =============================================================================================
B_FILE = "hatherby_community_digital_programme_2026-27"
B_SHEET = "Digital Programme 26-27"
B_COLS = [
    ("Project ID", "ref", "ref"),
    ("Project name", "title", "title"),
    ("Strategic objective", "strategic_objective", "obj"),
    ("Business priority", "priority", "pri"),
    ("Exec lead", "owner", "owner"),
    ("Project lead", "other", "lead"),
    ("Clinical lead", "clinical_lead", "clin"),
    ("Scope", "description", "desc"),
    ("Benefits", "benefits", "ben"),
    ("KPIs", "kpis", "kpi"),
    ("Supplier", "supplier", "sup"),
    ("Delivery approach", "delivery_approach", "how"),
    ("Start date", "start_date", "start"),
    ("End date", "end_date", "end"),
    ("Stage", "stage", "stage"),
    ("RAG", "rag", "rag"),
    ("Budget £k", "budget", "cost"),
    ("Comments", "other", "comm"),
]
B_OBJECTIVES = [
    "SO1 Care closer to home",
    "SO2 Safe, effective community services",
    "SO3 Supporting our people",
    "SO4 Working as one with system partners",
]
B_FTE = 6
B_PROJECTS = [
    dict(ref="HCT-D01", title="District nursing mobile working", obj="SO1", pri="Critical",
         owner="Chief Nurse", lead="PM - A. Hurst", clin="R. Dale, Head of District Nursing",
         desc="DNs finish their notes at the office after the last visit, often after 6pm. Roll out the EPR "
              "mobile app to all 14 DN teams so notes are written in the patient's home.",
         ben="More time for patient care; records up to date",
         kpi="Contacts per DN shift (now 6.1, aim 7); records closed on the day of the visit (now 58%, aim "
             "90%)",
         sup="Orchard Clinical Systems (community EPR, existing contract)",
         how="All 14 teams go live w/c 11 Jan 27, supplier trainers on site that week.",
         start="Jul-26", end="Mar-27", stage="Build", rag="G", cost=340,
         comm="420 devices ordered. CSO review planned Dec.",
         lab=labels("PEPMPPMM", "F4 F12", True, 1)),
    dict(ref="HCT-D02", title="Electronic referrals into SPA", obj="SO2", pri="High",
         owner="Director of Operations", lead="PM - T. Baines", clin="Dr N. Vance, Clinical Director",
         desc="Referrals from GPs and acute trusts arrive by email, fax and post into 6 separate inboxes. "
              "Single "
              "electronic referral route into the single point of access, triaged in the EPR.",
         ben="Quicker triage. No lost referrals. Better experience for referrers.", kpi="TBC",
         sup="Orchard Clinical Systems + ICS integration team", how="Phased by service - MSK physio first.",
         start="Sep-26", end="Sep-27", stage="Design", rag="A/G", cost=120,
         comm="Baseline data being pulled by BI.",
         lab=labels("PPMEPPMM", "F2 F12", True, 2)),
    dict(ref="HCT-D03", title="Remote monitoring - COPD and heart failure", obj="SO1", pri="High",
         owner="Medical Director", lead="PM - A. Hurst", clin="S. Okello, respiratory nurse consultant",
         desc="Home monitoring (oximetry, BP, weight) with an app for patients with COPD and HF on community "
              "caseloads, to reduce admissions.",
         ben="Fewer admissions. Patients supported at home. Earlier intervention.", kpi="TBC",
         sup="Wrenfield Health (RM platform, 2-yr ICS contract)",
         how="Supplier to onboard patients and run the monitoring hub for the first 6 months.",
         start="Oct-26", end="Mar-28", stage="Mobilisation", rag="G", cost=410,
         comm="ICS transformation fund, 2 yrs. Funding beyond Mar-28 not identified.",
         lab=labels("PPMMMPMM", "F2 F7 F9 F12", True, 1)),
    dict(ref="HCT-D04", title="Network refresh - health centres", obj="SO4", pri="Critical",
         owner="Director of Finance & Estates", lead="ICS Shared IT - network team", clin="",
         desc="Replace end-of-life switches and routers at 9 health centres and move the sites onto the ICS "
              "shared network.",
         ben="Supported network. Resilience. Shared ICS network.",
         kpi="9 of 9 sites migrated; 0 unsupported devices by Mar-27",
         sup="Copperbeck Networks via ICS Shared IT", how="Site by site, weekends.",
         start="Jun-26", end="Mar-27", stage="Delivery", rag="G", cost=260, comm="4 sites done.",
         lab=labels("MMMPPPMM", "F1 F3", False, 4)),
    dict(ref="HCT-D05", title="Wound imaging app", obj="SO2", pri="High",
         owner="Chief Nurse", lead="PM - T. Baines", clin="J. Pellow, Tissue Viability lead",
         desc="Photograph and measure wounds with an app on nurses' phones, images stored in the patient "
              "record so TV can review remotely.",
         ben="Better wound healing. Fewer TV visits. Consistent measurement.", kpi="TBC",
         sup="Fernhollow Apps", how="Pilot with 2 teams then roll out.",
         start="Nov-26", end="Aug-27", stage="Procurement", rag="G", cost=85, comm="DPIA drafted.",
         lab=labels("PPMEPMPM", "F2 F12", True, 2)),
    dict(ref="HCT-D06", title="Staff engagement platform", obj="SO3", pri="High",
         owner="Director of People", lead="HR business partner", clin="",
         desc="Launch a staff engagement app with news, wellbeing content, recognition and pulse surveys for "
              "all 2,300 staff, to improve engagement and retention.",
         ben="Improved staff experience and retention.", kpi="Improved staff experience",
         sup="Brightlane Engage (3-yr subscription)",
         how="Go live for every member of staff on one day, with a comms campaign.",
         start="Sep-26", end="Jan-27", stage="Build", rag="G", cost=60, comm="Comms plan agreed.",
         lab=labels("MPMMPMPM", "F1 F2 F4", False, 3)),
    dict(ref="HCT-D07", title="Laptop refresh - community staff", obj="SO3", pri="P1",
         owner="Director of Finance & Estates", lead="ICS Shared IT - EUC team", clin="",
         desc="Community staff laptops 6+ yrs old: 1 in 5 logged a fault in Q1 and staff say start-up takes "
              "9 "
              "minutes in clinic rooms. Replace 900 laptops.",
         ben="Staff not waiting on devices; fewer faults", kpi="TBC",
         sup="Larkspur Devices - national framework", how="Swap by team, approx 50 a week.",
         start="Oct-26", end="Jun-27", stage="Procurement", rag="A", cost=720,
         comm="Capital 26/27. Rolling replacement not funded.",
         lab=labels("EPMPPPMM", "F2 F9", False, 3)),
    dict(ref="HCT-D08", title="Video consultations - therapies and specialist nursing", obj="SO1", pri="High",
         owner="Director of Operations", lead="PM - A. Hurst", clin="P. Lund, AHP lead",
         desc="Patients in rural areas travel up to 90 minutes for a 20-minute physio or specialist nurse "
              "review. Offer video follow-ups where clinically suitable.",
         ben="Less travel for patients; more appointments per clinician day",
         kpi="Follow-ups by video (baseline 4%, target 25% by Sep-27); patient satisfaction with video "
             "(survey, target 85%)",
         sup="ICS-provided video platform (no cost to trust)", how="MSK and diabetes nursing first, then "
                                                                   "other "
                                                                  "services.",
         start="May-26", end="Sep-27", stage="Live - phase 1", rag="G", cost=25,
         comm="MSK live. 11% of follow-ups by video in Oct. Hazard log for video clinics approved by CSO.",
         lab=labels("PEPEPPPM", "", True, 1)),
    dict(ref="HCT-D09", title="Telephony upgrade - SPA", obj="SO4", pri="Critical",
         owner="Director of Operations", lead="ICS Shared IT", clin="",
         desc="Upgrade the SPA telephony platform to the supplier's cloud version before the on-prem version "
              "is withdrawn by the vendor in 2027.",
         ben="Supported platform. Call recording. Reporting.", kpi="TBC", sup="Cobalt Bay Telecom",
         how="Supplier-led migration.", start="Nov-26", end="May-27", stage="Planning", rag="G", cost=95,
         comm="Cobalt Bay contract extended 5 yrs to cover the cloud version (no competition).",
         lab=labels("MMMMMMMM", "F1 F2 F3 F7 F8", False, 4)),
    dict(ref="HCT-D10", title="UCR referral app for care homes", obj="SO1", pri="High",
         owner="Director of Operations", lead="PM - T. Baines", clin="Dr K. Ellery, UCR clinical lead",
         desc="Care homes ring 999 after non-injury falls because the 2-hour urgent community response line "
              "is often engaged. Care home staff refer through an app, UCR calls back within 15 mins.",
         ben="Fewer ambulance call-outs and admissions from care homes",
         kpi="999 calls for falls from pilot homes (baseline 41/month); UCR call-back within 15 min (target "
             "95%)",
         sup="Fernhollow Apps", how="12 care homes first.", start="Aug-26", end="Mar-27", stage="Pilot",
         rag="A/G", cost=40, comm="ICS has a similar app in Mell locality - to check.",
         lab=labels("PEPEPMMM", "F12", True, 1)),
    dict(ref="HCT-D11", title="Community hospital EPMA", obj="SO2", pri="P1",
         owner="Medical Director", lead="Chief Pharmacist", clin="TBC - recruiting CCIO",
         desc="Replace paper drug charts on the 4 community hospital wards (86 beds) with electronic "
              "prescribing and medicines administration.",
         ben="Safer prescribing. Fewer missed doses. Paperless wards.", kpi="TBC",
         sup="Orchard Clinical Systems EPMA module", how="All 4 wards together after training.",
         start="Jan-27", end="Oct-27", stage="Business case", rag="A", cost=310,
         comm="FBC to Board Dec. Clinical safety case to be written by supplier.",
         lab=labels("MPMMPPMM", "F2 F4 F5 F12", True, 2)),
    dict(ref="HCT-D12", title="Intranet refresh", obj="SO3", pri="Medium",
         owner="Director of Communications", lead="Comms manager", clin="",
         desc="Move the intranet to a new content platform and refresh the look, with a staff directory and "
              "a "
              "policy search.",
         ben="Staff find information more easily. Modern look.", kpi="Positive feedback from teams",
         sup="Pixelwright Web", how="Agency to build; comms team migrate content. Launch Mar-27.",
         start="Oct-26", end="Mar-27", stage="Design", rag="G", cost=45,
         comm="Content audit done: 2,600 pages, 60% out of date.",
         lab=labels("PPMMPMMM", "F2", False, 3)),
    dict(ref="HCT-D13", title="Community EPR version upgrade", obj="SO2", pri="Critical",
         owner="Medical Director", lead="Orchard PM", clin="Dr N. Vance, Clinical Director",
         desc="Upgrade the community EPR to the supplier's current release - needed to stay in support and "
              "to "
              "get the new mobile app features.",
         ben="Supported system. New functionality available.", kpi="TBC",
         sup="Orchard Clinical Systems - contract varied (+3 yrs)",
         how="Supplier upgrade over a weekend; test scripts run by our clinical systems trainer.",
         start="May-26", end="Dec-26", stage="Testing", rag="R", cost=75,
         comm="Upgrade moved Aug > Oct > Dec (supplier test environment). Same plan, no change to scope. "
              "DCB0160 assessment to come from Orchard.",
         lab=labels("MMMMPMMM", "F1 F2 F3 F8 F10 F12", True, 2)),
    dict(ref="HCT-D14", title="Shared care record - community feed", obj="SO4", pri="High",
         owner="Medical Director", lead="ICS SCR team", clin="Dr K. Ellery",
         desc="Send community nursing and therapy records to the Hatherby & Mell shared care record so GPs, "
              "ED "
              "and social care see current community input. ED audit: 1 in 3 frail patients had community "
              "input ED staff couldn't see.",
         ben="ED and GP clinicians see who is already involved; fewer duplicate referrals",
         kpi="Community services visible in SCR (target 14 by Jun-27); ED views of community data per month "
             "(baseline 0)",
         sup="ICS SCR platform (FHIR), no new contract", how="DN feed first, then therapies.",
         start="Apr-26", end="Jun-27", stage="Delivery", rag="G", cost=30,
         comm="DN feed live Sep. Joint DCB0160 with the ICS CSO.",
         lab=labels("EEPEPEPM", "", True, 4)),
    dict(ref="HCT-D15", title="Digital end of life care plans", obj="SO2", pri="Medium",
         owner="Chief Nurse", lead="PM - A. Hurst", clin="L. Frome, palliative care CNS",
         desc="Electronic end of life care plans (ReSPECT) visible to community teams, OOH GP and ambulance "
              "crews.",
         ben="Patients' wishes followed at end of life.", kpi="TBC", sup="ICS SCR platform",
         how="Scoping with the hospice.", start="Feb-27", end="Dec-27", stage="Scoping", rag="G", cost=20,
         comm="",
         lab=labels("PPMMPPPM", "F2 F12", True, 2)),
    dict(ref="HCT-D16", title="Online self-referral - MSK and podiatry", obj="SO1", pri="Medium",
         owner="Director of Operations", lead="PM - T. Baines", clin="",
         desc="Patients can only self-refer to MSK and podiatry by phone; 22% of calls abandoned (Sep-26). "
              "Online self-referral form and booking via the NHS App.",
         ben="Patients can refer themselves any time; fewer abandoned calls",
         kpi="Abandoned calls 22% -> 10%; self-referrals made online (target 40%)",
         sup="Orchard connector to the NHS App", how="MSK first, podiatry after 3 months.",
         start="Sep-26", end="Jun-27", stage="Build", rag="A", cost=35,
         comm="Patient panel tested the form in Oct.",
         lab=labels("EEPEPEPM", "", False, 1)),
]
B_TEAMS = 1
B_PMS = 2


# =============================================================================================
# Workbook C: Sallowmere Children's Hospital NHS Foundation Trust - COHERENT with a few weak projects
# Data sheet 'Digital portfolio' first: merged note row 1, header row 2, 13 active initiatives, blank row,
# 'STOPPED THIS YEAR' heading, 2 stopped. Then 'Our digital plan' (3 aims, 38 WTE, 7 product teams,
# 'we will not', Must/Should/Could key, DCA key).
# =============================================================================================
C_FILE = "sallowmere_childrens_digital_portfolio_nov26"
C_SHEET = "Digital portfolio"
C_COLS = [
    ("Ref", "ref", "ref"),
    ("Initiative", "title", "title"),
    ("Strategic aim", "strategic_objective", "obj"),
    ("The problem", "description", "desc"),
    ("Who for", "other", "users"),
    ("Outcome we want", "benefits", "ben"),
    ("How we'll know", "kpis", "kpi"),
    ("Exec owner", "owner", "owner"),
    ("Product manager", "other", "pm"),
    ("Clinical lead", "clinical_lead", "clin"),
    ("Team", "other", "team"),
    ("Phase", "stage", "stage"),
    ("How we're delivering", "delivery_approach", "how"),
    ("Supplier / contract", "supplier", "sup"),
    ("Clinical safety", "other", "safety"),
    ("Budget", "budget", "cost"),
    ("Start", "start_date", "start"),
    ("Due", "end_date", "end"),
    ("Next decision", "other", "next"),
    ("DCA", "rag", "rag"),
    ("Priority", "priority", "pri"),
    ("Latest", "other", "latest"),
]
C_OBJECTIVES = [
    "A1 Children seen sooner, wherever they live",
    "A2 Safer care on our wards, in theatres and in PICU",
    "A3 Families as partners in their child's care",
]
C_FTE = 38
C_PROJECTS = [
    dict(ref="SCD-01", stage="Live - scaling", title="PIFU for epilepsy and asthma",
         obj="A1",
         desc="Approx a third of routine epilepsy and asthma follow-ups change nothing (clinic audit, 160 "
              "appts, "
              "Jun-26) while new referrals wait 34 wks. Families start a follow-up when they need one, via "
              "the "
              "regional children's portal.",
         users="Families of children with epilepsy or asthma; specialist nurses; clinic booking team",
         ben="New patients seen sooner; families don't pull children out of school for check-ups that change "
             "nothing",
         kpi="Wait for 1st appt (34 -> 24 wks by Dec-27); share of eligible pts on PIFU (aim 40%); families' "
             "rating. Monthly at Outpatients board",
         owner="COO", pm="N. Sandford", clin="Dr C. Ferris, consultant paediatric neurologist",
         team="Outpatients & access",
         how="Epilepsy first (6 wks) - families and nurses tested the wording. Asthma follows only if no "
             "child "
             "on PIFU misses a needed review (nurse audit at 3 months).",
         sup="Regional children's portal (ICS-hosted, FHIR); no new contract",
         safety="Hazard log with CSO: missed deterioration while on PIFU; safety-netting text reviewed",
         cost="£0 one-off / £18k pa (nurse time)", start=D(2026, 5, 4), end=D(2027, 12, 17),
         next=D(2027, 1, 20), rag="On track", pri="Must",
         latest="Epilepsy live since Jul: 31% moved to PIFU, no missed reviews at the 3-month audit. Asthma "
                "from Jan.",
         lab=labels("EEEEEEEE", "", True, 1)),
    dict(ref="SCD-02", stage="Live - scaling", title="Referral triage on screen + advice & guidance",
         obj="A1",
         desc="GP referral letters printed and passed round consultants for triage; avg 9 working days from "
              "receipt to triage decision (Aug-26 sample of 300). Triage in the EPR with A&G replies to GPs.",
         users="Consultants triaging referrals, OP booking team, GPs",
         ben="Children booked into the right clinic, or looked after by their GP with advice, days sooner",
         kpi="Days to triage (9 -> 3); referrals answered with advice instead of an appt (baseline 4%). "
             "Weekly to specialty leads",
         owner="COO", pm="N. Sandford", clin="Dr J. Winton, Clinical Director, Medicine",
         team="Outpatients & access",
         how="3 specialties first (gen paeds, ENT, derm). EPR team built the worklist with 2 consultants "
             "over "
             "4 sprints.",
         sup="Marlpit Health EPR (existing)",
         safety="CSO review of the triage worklist done; DCB0160 updated",
         cost="£0 - within EPR team", start=D(2026, 6, 1), end=D(2027, 5, 28), next=D(2027, 1, 13),
         rag="On track", pri="Should",
         latest="Gen paeds and ENT live. 4.1 days to triage in Oct. Derm next if ENT holds.",
         lab=labels("EEEEEPEP", "", True, 1)),
    dict(ref="SCD-03", stage="Beta", title="Theatre list planning", obj="A1",
         desc="Lists built on paper 2 wks out; 18% of list time unused last year and 1 in 9 children's "
              "operations cancelled at short notice (theatre data Q1). Schedulers and anaesthetists walked "
              "us through how they book.",
         users="Schedulers, surgeons and anaesthetists; families waiting for an operation",
         ben="More children get their operation in the same list time; fewer short-notice cancellations",
         kpi="Unused list time (18% -> 10%); short-notice cancellations (11% -> 6%). Weekly theatre "
             "performance meeting",
         owner="COO", pm="E. Gill", clin="Dr R. Huxley, consultant anaesthetist", team="Theatres",
         how="Day-case theatres first for 8 wks, main theatres only if unused time drops. Paper lists and "
             "the Access database retired area by area as each moves over.",
         sup="Oxbow Scheduling - 2-yr G-Cloud call-off, 6-month break clause", safety="Non-clinical; DPIA "
                                                                                      "complete.",
         cost="£35k one-off + £28k pa", start=D(2026, 7, 1), end=D(2027, 7, 30), next=D(2027, 2, 3),
         rag="Some risk", pri="Must",
         latest="Day case live 3 Oct; unused time 14% so far. Main theatres decision Feb.",
         lab=labels("EEEEPEPE", "", False, 1)),
    dict(ref="SCD-04", stage="Live - scaling", title="Electronic PEWS and escalation", obj="A2",
         desc="PEWS on paper on 9 wards. Deterioration review 2025: in 6 of 22 PICU admissions from wards a "
              "rising PEWS was charted but not escalated. Ward nurses helped design the escalation prompts.",
         users="Ward nurses, outreach team, registrars, children on the wards",
         ben="Deteriorating children escalated sooner; fewer unplanned PICU admissions",
         kpi="PEWS escalations within 30 min (audit baseline 72%, target 95%); unplanned ward-to-PICU "
             "transfers (baseline 41 in 25/26). Monthly",
         owner="Chief Nurse", pm="K. Lowe",
         clin="S. Parr, lead nurse for deterioration; Dr I. Dunmore, PICU consultant", team="EPR",
         how="2 wards first; 3 more a month only if the escalation audit holds.",
         sup="Marlpit Health EPR obs module (existing licence)",
         safety="CSO approved the DCB0160 case and hazard log before ward 1 went live; weekly safety huddle "
                "review",
         cost="£60k one-off (devices) + £9k pa", start=D(2026, 4, 6), end=D(2027, 3, 26),
         next=D(2026, 12, 10), rag="On track", pri="Must",
         latest="5 of 9 wards live; escalation within 30 min 91%.",
         lab=labels("EEEEEPEE", "", True, 2)),
    dict(ref="SCD-05", stage="Build", title="Bedside blood scanning (transfusion)", obj="A2",
         desc="2 wrong-blood near misses in 2025 (Datix), both at the bedside. Handheld scan of wristband "
              "and "
              "blood unit so the right child gets the right blood.",
         users="Nurses giving blood, transfusion practitioners, porters, children having transfusions",
         ben="No wrong-blood events", kpi="Transfusions with a completed bedside scan (target 98%); "
                                          "wrong-blood "
                                           "near misses (baseline 2/yr, target 0)",
         owner="Medical Director", pm="D. Okoro",
         clin="Dr P. Sandhu, haematologist; transfusion practitioner team", team="Wards & PICU",
         how="PICU and oncology first (most transfusions), then all wards by Jun-27.",
         sup="Corbel Transfusion Systems - 5-yr contract, direct award (only product that talks to our LIMS)",
         safety="Hazard log opened", cost="£140k one-off + £22k pa", start=D(2026, 9, 1), end=D(2027, 6, 30),
         next=D(2027, 1, 28), rag="Off track", pri="Should",
         latest="LIMS interface failed testing twice. Nov board: go live in PICU only with a manual 2-person "
                "check; other wards wait for the interface fix.",
         lab=labels("EEPEPMPE", "F8", True, 2)),
    dict(ref="SCD-06", stage="Build", title="PICU charting from bedside monitors", obj="A2",
         desc="PICU nurses hand-write hourly obs off the monitors then type them into the EPR - timed on 4 "
              "shifts at 70 min per nurse per 12h. Auto-capture vitals into the EPR chart, nurse validates.",
         users="PICU nurses and doctors (16 beds)",
         ben="Nurses back at the bedside; fewer transcription errors",
         kpi="Charting time per shift (70 -> 30 min); transcription errors in sampled charts (baseline audit "
             "Jan)",
         owner="Chief Nurse", pm="D. Okoro", clin="Dr I. Dunmore, PICU consultant; PICU practice educator",
         team="Wards & PICU",
         how="4 beds first for a month with paper in parallel, then the other 12. Old PICU flowsheet "
             "database "
             "switched off when all 16 beds are live.",
         sup="Monitor vendor's integration engine (existing) + Marlpit EPR, HL7",
         safety="DCB0160 in progress with CSO; main hazard wrong bed-to-patient mapping",
         cost="£45k one-off + £6k pa", start=D(2026, 10, 5), end=D(2027, 5, 31), next=D(2027, 2, 17),
         rag="On track", pri="Should", latest="Bed mapping tested. 4-bed go-live Jan.",
         lab=labels("EEPEPEEP", "", True, 2)),
    dict(ref="SCD-07", stage="Not started", title="Pre-op questionnaire at home", obj="A1",
         desc="Families fill in a 6-page paper pre-op form in clinic and nurses re-key it. Families asked "
              "(survey "
              "of 85) to do it at home before the visit.",
         users="Families of children listed for surgery; pre-op nurses",
         ben="Shorter pre-op visits; some children don't need to come in at all",
         kpi="Pre-op visits avoided (target 25%); nurse time per assessment (baseline 40 min)",
         owner="COO", pm="E. Gill", clin="Sister M. Abbot, pre-op lead nurse", team="Theatres",
         how="Form built in the regional portal; tried with 20 families first.",
         sup="Regional children's portal (ICS-hosted)",
         safety="Pre-op nurses review every answer; hazard log updated by CSO", cost="£0 - within team",
         start=D(2027, 1, 11), end=D(2027, 6, 25), next=D(2027, 3, 10), rag="On track", pri="Could",
         latest="Not started - waits for Theatres team capacity (list planning first).",
         lab=labels("EEPEPEPP", "", True, 1)),
    dict(ref="SCD-08", stage="Planned", title="EPR mandatory release upgrade", obj="A2",
         desc="Marlpit requires all customers on release 2027.1 by Sep-27 to stay in support.",
         users="All EPR users", ben="Stay in support", kpi="Upgrade done on time",
         owner="Chief Digital Officer", pm="K. Lowe", clin="Dr A. Rees, CCIO", team="EPR",
         how="Super-users test in the test environment; one go-live weekend.",
         sup="Marlpit Health - existing 10-yr EPR contract (yr 6)", safety="CSO to assess release notes",
         cost="£0 - in contract", start=D(2027, 3, 1), end=D(2027, 9, 24), next=D(2027, 4, 14),
         rag="On track", pri="Should", latest="Release notes received.",
         lab=labels("MMMMPMPM", "F1 F2 F3 F8 F11 F12", True, 2)),
    dict(ref="SCD-09", stage="Beta", title="Parents' view of the daily plan", obj="A3",
         desc="Parents on long-stay wards told the family forum (Mar-26, 40 parents) they miss the ward "
              "round "
              "and hear plans second-hand. Parents see the day's plan and named nurse in the portal and can "
              "ask questions.",
         users="Parents and carers of children in for 5+ days; ward nurses; registrars",
         ben="Parents know the plan each day; fewer repeated questions to nurses",
         kpi="Parents who say they knew the day's plan (survey baseline 41%, target 75%); questions to "
             "nurses "
             "per shift (tally baseline Jan). Monthly to Families board",
         owner="Chief Nurse", pm="H. Quint", clin="Dr L. Hartigan, consultant general paediatrician",
         team="Families",
         how="One oncology ward for 8 wks with the family forum reviewing weekly. More wards only if the "
             "survey "
             "moves and there is no safeguarding incident.",
         sup="Regional children's portal (ICS-hosted, FHIR)",
         safety="Hazard log with CSO incl. safeguarding access rules; DPIA approved",
         cost="£20k one-off + £12k pa", start=D(2026, 8, 3), end=D(2027, 8, 27), next=D(2027, 1, 6),
         rag="Some risk", pri="Must",
         latest="Oncology ward live Nov. Access rule correctly blocked 3 parent accounts; 1 wrong block "
                "fixed.",
         lab=labels("EEEEEEEE", "", True, 3)),
    dict(ref="SCD-10", stage="Discovery", title="'Moving On' - transition to adult services", obj="A3",
         desc="Teenagers with long-term conditions moving to adult services: clinics use a paper transition "
              "checklist. 14 young people co-designed what they'd want on their phone.",
         users="Young people aged 14-18 with long-term conditions; transition nurses",
         ben="Young people feel ready to move to adult services; fewer lost to follow-up after transfer",
         kpi="Readiness score at transfer (2025 audit baseline 52%); lost to follow-up in 1st yr after "
             "transfer "
             "(baseline 17%)",
         owner="Chief Nurse", pm="H. Quint", clin="R. Bell, transition nurse specialist", team="Families",
         how="Paper and clickable prototype with the 14 young people; build only if they keep using it for 4 "
             "wks.",
         sup="In-house prototype; build route TBC",
         safety="Not clinical (information and checklist only). DPIA screening done.",
         cost="£8k one-off. Build and running costs not yet funded", start=D(2026, 11, 2), end=D(2027, 7, 30),
         next=D(2027, 2, 24), rag="On track", pri="Could", latest="Prototype session 1 done.",
         lab=labels("EEPEEMPE", "F9", False, 3)),
    dict(ref="SCD-11", stage="Live", title="Waiting list validation with families", obj="A1",
         desc="18,400 children on the OP waiting list; a 2025 sample found 9% no longer needed the appt. "
              "Data "
              "team flags long waiters and families confirm or cancel by text.",
         users="Families on the waiting list; booking team; operational managers",
         ben="Slots freed for children who still need them; families told where they are in the queue",
         kpi="Removals after validation (target 6% of list); first-appt wait (part of the A1 target). "
             "Fortnightly",
         owner="COO", pm="M. Tranter", clin="Dr J. Winton, Clinical Director, Medicine", team="Data",
         how="Longest waiters first (52+ wks), 500 a fortnight. Clinicians review every 'no longer needed' "
             "for "
             "under-5s.",
         sup="Pennyroyal Messaging (existing text contract)",
         safety="Clinical review of removals; hazard log with CSO", cost="£0 - within team",
         start=D(2026, 6, 1), end=D(2027, 3, 31), next=D(2026, 12, 16), rag="On track", pri="Should",
         latest="2,100 validated; 7.2% removed.",
         lab=labels("EEEEEPPP", "", True, 1)),
    dict(ref="SCD-12", stage="Procurement", title="Core network switch replacement", obj="Enabler - network",
         desc="Replace the core network switches in the main hospital, which reach end of support in Jun-27.",
         users="", ben="Supported, resilient network",
         kpi="12 core switches replaced; unplanned network outages (baseline 5 in 25/26)",
         owner="Chief Digital Officer", pm="B. Stroud", clin="", team="Platform",
         how="One switch stack a fortnight, out of hours.",
         sup="Ironbridge Networks - mini-competition on a national framework", safety="n/a",
         cost="£480k capital", start=D(2026, 11, 2), end=D(2027, 5, 28), next=D(2027, 1, 27),
         rag="On track", pri="Should", latest="Order placed.",
         lab=labels("MMPPPPMM", "F1 F3 F9", False, 0)),
    dict(ref="SCD-13", stage="Delivery", title="Privileged access + restore testing", obj="Foundations "
                                                                                          "(cyber)",
         desc="Cyber assessment (Mar-26) found admin accounts without MFA and backups never test-restored. "
              "Privileged access tooling plus a quarterly restore test of the EPR and PACS.",
         users="Platform team", ben="Clinical systems back within 24h after a cyber incident; fewer admin "
                                    "accounts at risk",
         kpi="Admin accounts with MFA (40% -> 100%); EPR restore time in test (target under 24h, 1st test "
             "Jan)",
         owner="Chief Digital Officer", pm="B. Stroud", clin="", team="Platform",
         how="Our platform team; restore test every quarter, results to Audit Committee.",
         sup="Existing security tooling licences", safety="n/a", cost="£25k one-off + £30k pa",
         start=D(2026, 7, 1), end=D(2027, 3, 31), next=D(2027, 1, 18), rag="Some risk", pri="Must",
         latest="MFA on 78% of admin accounts. First restore test failed on PACS - re-test Jan.",
         lab=labels("MPEPEPMP", "F1", False, 0)),
    # ---- STOPPED THIS YEAR ----
    dict(ref="SCD-14", stage="Stopped", title="Symptom checker chatbot - 'should I come to ED?'", obj="A1",
         desc="From a supplier demo: a chatbot on our website to tell families whether to come to ED. Tested "
              "first with 30 parents in the ED waiting room and 6 ED nurses.",
         users="Parents deciding whether to bring a child to ED; ED triage nurses",
         ben="Fewer children brought to ED who could be seen by a GP or pharmacy",
         kpi="Chatbot advice agrees with nurse triage (stop if under 90%); parents who say they'd use it",
         owner="COO", pm="N. Sandford", clin="Dr T. Amis, ED consultant", team="Outpatients & access",
         how="4-wk test, no contract; stop rule agreed with ED before starting.",
         sup="Quorra Triage - free evaluation, no commitment",
         safety="CSO reviewed the test scenarios; nothing went live to the public", cost="£0",
         start=D(2026, 4, 13), end=D(2026, 6, 12), next="n/a - stopped", rag="Stopped", pri="-",
         latest="Stopped Jun-26: advice matched nurse triage in 71% of cases and under-triaged 3 of 11 sick "
                "babies in the scenarios. Not revisiting - NHS 111 online covers this.",
         lab=labels("EEEEPEEE", "", True, 1)),
    dict(ref="SCD-15", stage="Stopped", title="Bedside TV replacement", obj="A3",
         desc="Bedside TV units (2014) failing; families pay £6 a day. Options: replace the units, or free "
              "Wi-Fi "
              "streaming on families' own devices. Asked 120 families on the wards in Jun.",
         users="Children and families on wards; play specialists",
         ben="Children and families entertained at no cost; play team can use tablets",
         kpi="Families paying for TV (baseline 240/wk); complaints about bedside TV (baseline 38 in 25/26)",
         owner="Director of Estates", pm="B. Stroud", clin="", team="Platform",
         how="Replacement stopped: 84% of families would rather stream on their own device. Units removed, "
             "ward Wi-Fi boosted instead (Platform BAU).",
         sup="Lullwater Bedside - contract ended by mutual notice Sep-26", safety="n/a",
         cost="£0 (replacement approx £390k avoided)", start=D(2026, 3, 2), end=D(2026, 9, 30),
         next="n/a - stopped", rag="Stopped", pri="-",
         latest="Closed Oct-26. Old units being taken out (Dec).",
         lab=labels("EPPMPEPE", "", False, 3)),
]
C_STOPPED_FROM = "SCD-14"
C_TEAMS = 7
C_PMS = 7


# =============================================================================================
# Workbook D: Cloverdean Hospitals NHS Foundation Trust - COHERENT, but only just
# 'Read me' sheet first (4 objectives, 52 WTE, 8 delivery teams, foundations-year context); data sheet
# 'Register' with the header in row 1, 15 active + 1 stopped, blank row, note. Exactly two of S1-S6 are red
# (S4 priority inflation, S5 technology-centred share); S1 is green.
# =============================================================================================
D_FILE = "cloverdean_hospitals_digital_register_fy26-27"
D_SHEET = "Register"
D_COLS = [
    ("Project ref", "ref", "ref"),
    ("Project", "title", "title"),
    ("Trust objective", "strategic_objective", "obj"),
    ("Priority rating", "priority", "pri"),
    ("Problem / opportunity", "description", "desc"),
    ("Benefits (measurable)", "benefits", "ben"),
    ("KPI / target", "kpis", "kpi"),
    ("SRO", "owner", "owner"),
    ("Delivery lead", "other", "lead"),
    ("Delivery team", "other", "team"),
    ("Clinical lead", "clinical_lead", "clin"),
    ("Supplier", "supplier", "sup"),
    ("Contract", "other", "contract"),
    ("Method", "delivery_approach", "how"),
    ("Clinical safety (DCB0160)", "other", "safety"),
    ("Capex £k", "budget", "cap"),
    ("Opex £k pa", "budget", "rev"),
    ("Start", "start_date", "start"),
    ("Finish", "end_date", "end"),
    ("Status", "stage", "stage"),
    ("RAG", "rag", "rag"),
    ("Notes", "other", "notes"),
]
D_OBJECTIVES = [
    "TO1 Outstanding, safe care",
    "TO2 Timely care: elective recovery and urgent care flow",
    "TO3 A supported, skilled workforce",
    "TO4 Reliable, secure digital foundations",
]
D_FTE = 52
D_PROJECTS = [
    dict(ref="CLV101", title="Windows 11 upgrade", obj="TO4", pri="High",
         desc="Upgrade 2,900 desktops and laptops from Windows 10 to Windows 11 ahead of end of extended "
              "security updates. Includes compatibility testing of 310 clinical and corporate apps.",
         ben="Every trust device on a patched, in-support OS; no unsupported devices on the network",
         kpi="2,900 devices upgraded by 31/03/27; 0 Win10 devices on the network by 30/04/27",
         owner="CDIO", lead="R. Venn", team="End-user computing", clin="",
         sup="In-house build; Millrace IT Services for app packaging", contract="T&M call-off, capped £60k",
         how="Ring by ring: IM&T first, then corporate, then wards site by site; approx 150 devices a week.",
         safety="n/a - not clinical; clinical apps tested by super-users", cap=180, rev="BAU",
         start=D(2026, 4, 1), end=D(2027, 4, 30), stage="Delivery", rag="G",
         notes="1,720 done. 22 apps still incompatible - 3 replacements raised.",
         lab=labels("MMMEEPPM", "F1 F3", False, 4)),
    dict(ref="CLV102", title="Core and edge network replacement - Cloverdean General", obj="TO4", pri="High",
         desc="Replace the core and edge network at Cloverdean General: 2011 kit, out of vendor support "
              "since "
              "2024, flagged in the post-incident review.",
         ben="Supported, segmented network; faster recovery from a cyber incident",
         kpi="186 edge switches and 2 core stacks replaced; network split into 12 zones; recovery test under "
             "8h",
         owner="CDIO", lead="P. Kerr", team="Network & hosting", clin="",
         sup="Anvil Point Networks", contract="Mini-comp off a national framework; support 5 yrs, break each "
                                              "year",
         how="Core first (2 weekends), then edge building by building - 8 buildings over 9 months.",
         safety="n/a", cap=980, rev=60, start=D(2026, 5, 1), end=D(2027, 6, 30), stage="Delivery", rag="A",
         notes="Core done Sep. Edge: 3 of 8 buildings.",
         lab=labels("MMMEPEMM", "F1 F3", False, 4)),
    dict(ref="CLV103", title="Data centre exit - servers to cloud hosting", obj="TO4", pri="High",
         desc="Migrate 140 virtual servers from the on-site data centre (3 cooling failures in 2025) to "
              "cloud "
              "hosting, then close the server room.",
         ben="Resilient hosting; server room switched off",
         kpi="140 servers migrated; server room decommissioned by Jun-27; hosting £310k pa vs £360k today",
         owner="CDIO", lead="P. Kerr", team="Network & hosting", clin="",
         sup="Stratohost Cloud", contract="G-Cloud, 2 yrs + 1; data export clause",
         how="6 waves by service criticality, non-clinical first.",
         safety="Clinical systems move in waves 4-6, CSO sign-off per wave", cap=420, rev=310,
         start=D(2026, 6, 1), end=D(2027, 6, 30), stage="Delivery", rag="AG",
         notes="Waves 1-2 done (52 servers).",
         lab=labels("MPMEPEPM", "F1 F3", False, 4)),
    dict(ref="CLV104", title="EPR version upgrade (v19 to v22)", obj="TO4", pri="High",
         desc="Move the EPR from v19 to v22; v19 support ends Jun-27. Like-for-like upgrade - no new "
              "functionality switched on in this project.",
         ben="EPR stays in support; security patches resume",
         kpi="Upgrade live by 30/04/27; 0 severity-1 incidents in the 14 days after",
         owner="CDIO", lead="S. Madaki", team="EPR", clin="Dr M. Ansell, CCIO",
         sup="Gannet Health Systems", contract="Existing 10-yr contract (yr 7); exit and data-extract "
                                               "schedule "
                                              "in contract",
         how="2 full dress rehearsals, then one upgrade weekend with 48h downtime procedures.",
         safety="DCB0160 for the upgrade; CSO signs off after dress rehearsal 2", cap=0, rev=140,
         start=D(2026, 9, 1), end=D(2027, 4, 30), stage="Testing", rag="A",
         notes="Dress rehearsal 1 done: 3 interface defects.",
         lab=labels("MMMPPEPM", "F1 F3", True, 4)),
    dict(ref="CLV105", title="Telephony replacement", obj="TO4", pri="High",
         desc="Replace the 2009 telephone exchange (no spares, 2 outages in 2025) with cloud telephony for "
              "2,400 extensions and the switchboard.",
         ben="Supported telephony; switchboard can run from anywhere in an incident",
         kpi="2,400 extensions moved; old exchange switched off by Feb-27",
         owner="Director of Finance", lead="R. Venn", team="End-user computing", clin="",
         sup="Pebblebay Comms", contract="Call-off from a national framework for 3 yrs, option of 2 more",
         how="Switchboard first, then one building at a time over 4 months.",
         safety="Crash-call and bleep paths checked by the resuscitation team before each building moves",
         cap=260,
         rev=120, start=D(2026, 7, 1), end=D(2027, 2, 26), stage="Delivery", rag="G",
         notes="Switchboard live Oct. 900 extensions moved.",
         lab=labels("MMMEPPPM", "F1 F3", False, 4)),
    dict(ref="CLV106", title="Backup and recovery replacement", obj="TO4", pri="High",
         desc="The backups could not be restored in the Feb-26 incident. New immutable backups plus a tested "
              "recovery runbook for the top 20 systems.",
         ben="Critical systems recoverable within agreed times after an attack",
         kpi="Top 20 systems restore-tested each quarter; EPR restore within 12h (Feb-26 actual: 9 days)",
         owner="CDIO", lead="F. Lam", team="Cyber", clin="",
         sup="Strongroom Backup", contract="Framework call-off, 3-yr subscription with a 12-month break "
                                           "option",
         how="EPR and PACS first, then the other 18 systems by criticality.", safety="n/a", cap=340, rev=85,
         start=D(2026, 4, 1), end=D(2026, 12, 18), stage="Delivery", rag="G",
         notes="EPR restore test 10h (Oct).",
         lab=labels("MPEEPEMM", "F1 F3", False, 4)),
    dict(ref="CLV107", title="Email and file share migration to national tenant", obj="TO4", pri="High",
         desc="Move 6,300 mailboxes and file shares from the on-prem mail servers to the national NHS "
              "collaboration tenant; decommission 9 on-prem servers.",
         ben="Supported email; on-prem mail servers switched off",
         kpi="6,300 mailboxes migrated; 9 servers decommissioned by Mar-27",
         owner="Digital", lead="F. Lam", team="Cyber", clin="", sup="National tenant (no new contract)",
         contract="National agreement", how="Pilot with IM&T and HR (200 users), then directorate by "
                                            "directorate.",
         safety="n/a", cap=0, rev=45, start=D(2026, 10, 1), end=D(2027, 3, 31), stage="Pilot", rag="AG",
         notes="Pilot group moved Nov; 14 issues logged.",
         lab=labels("MMMEPEMM", "F1 F3 F6", False, 4)),
    dict(ref="CLV108", title="EPMA - surgical wards (phase 2)", obj="TO1", pri="High",
         desc="Medical wards went live with EPMA in 2025 and omitted critical doses fell from 11% to 4%. The "
              "14 "
              "surgical wards are still on paper; pharmacists spend 90 min a ward reconciling charts.",
         ben="Fewer omitted and delayed critical medicines; pharmacists free for clinical checks instead of "
             "reconciling charts",
         kpi="Omitted critical doses on surgical wards (audit baseline 10%, target 4%); pharmacist "
             "reconciliation time (90 -> 30 min). Monthly medication safety report",
         owner="Medical Director", lead="S. Madaki", team="EPR",
         clin="Dr N. Hale, consultant anaesthetist; lead pharmacist, surgery",
         sup="Gannet Health Systems (EPMA module)", contract="Existing EPR contract",
         how="2 wards a fortnight; ward pharmacist and nurse champions test each ward's drug round set-up "
             "first.",
         safety="DCB0160 updated for surgery; CSO reviews the hazard log at each ward go-live",
         cap=120, rev=60,
         start=D(2026, 6, 1), end=D(2027, 5, 28), stage="Delivery", rag="G",
         notes="6 of 14 wards live; omitted doses on live wards 5%.",
         lab=labels("EEEEEPEP", "", True, 1)),
    dict(ref="CLV109", title="Discharge summaries to GPs - same day", obj="TO2", pri="High",
         desc="Only 61% of discharge summaries reach the GP within 24h (Q1). GPs named this their top "
              "complaint "
              "in the ICS survey. Send structured summaries electronically at discharge.",
         ben="GPs get the discharge plan the same day; fewer calls from GPs and patients chasing information",
         kpi="Discharge summaries with the GP inside 24h (61% -> 95%); GP queries to wards (baseline "
             "140/month)",
         owner="Medical Director", lead="O. Pike", team="Integration",
         clin="Dr E. Sowerby, consultant physician",
         sup="Gannet EPR + national messaging (FHIR)", contract="No new contract",
         how="Medicine first (Nov), surgery Feb; GP practice reps test the layout.",
         safety="Hazard log (missed medication changes) with CSO", cap=0, rev=20, start=D(2026, 8, 3),
         end=D(2027, 3, 31), stage="Delivery", rag="G", notes="Medicine live: 88% within 24h.",
         lab=labels("EEEEEEEM", "", True, 2)),
    dict(ref="CLV110", title="ED to SDEC electronic streaming", obj="TO2", pri="Medium",
         desc="ED streams patients to SDEC by phone. SDEC nurse logged 3 wks of calls: 45 a day, and 12% of "
              "suitable patients not streamed because SDEC didn't pick up. E-referral plus an SDEC capacity "
              "board.",
         ben="More suitable patients go straight to SDEC; shorter time in ED",
         kpi="Patients streamed to SDEC (baseline 38/day, target 50); ED time for SDEC-suitable patients "
             "(baseline 4h10)",
         owner="COO", lead="O. Pike", team="Integration", clin="Dr J. Kemp, ED consultant; SDEC nurse lead",
         sup="Gannet EPR referral module", contract="Existing",
         how="4-wk trial weekdays 8-8; decision in Feb to keep or drop, on streamed numbers.",
         safety="CSO reviewed - DCB0160 addendum", cap=0, rev=10, start=D(2026, 11, 2), end=D(2027, 4, 30),
         stage="Build", rag="G", notes="",
         lab=labels("EEPEEPPE", "", True, 2)),
    dict(ref="CLV111", title="Theatre productivity dashboard", obj="TO2", pri="Medium",
         desc="Theatre managers get utilisation reports 6 wks after month end, and late starts get argued "
              "over "
              "because each team has its own numbers. Daily dashboard from the theatre system.",
         ben="Late starts and gaps spotted the next day; more operations in existing sessions",
         kpi="Touch-time utilisation 76% now, aim 85%; late starts over 15 min (baseline 41%)",
         owner="COO", lead="H. Roper", team="Data & BI", clin="Mr P. Dale, Clinical Director, Surgery",
         sup="In-house (trust BI stack)", contract="-", how="Orthopaedic theatres first; managers tested 3 "
                                                          "versions.",
         safety="n/a - reporting only", cap=0, rev=0, start=D(2026, 7, 1), end=D(2027, 1, 29),
         stage="Live - phase 1", rag="G", notes="Ortho live Oct.",
         lab=labels("EEPEEMPM", "", False, 2)),
    dict(ref="CLV112", title="National data platform onboarding", obj="NHSE mandate", pri="Medium",
         desc="NHSE requires trusts to connect to the national data platform and use its tools for elective "
              "waiting list management.",
         ben="Compliance with NHSE requirement. Data available nationally.", kpi="TBC - NHSE to confirm",
         owner="CFO", lead="H. Roper", team="Data & BI", clin="", sup="National programme",
         contract="National MoU", how="NHSE onboarding team with our BI team; go-live date set by NHSE.",
         safety="n/a", cap=0, rev=25, start=D(2026, 10, 1), end="TBC (NHSE)", stage="Initiation", rag="A",
         notes="Waiting for an NHSE onboarding slot.",
         lab=labels("MMMMPPMM", "F1 F2 F3 F13", False, 0)),
    dict(ref="CLV113", title="Maternity notes in the app (digital handheld record)", obj="TO1", pri="High",
         desc="Women carry paper handheld antenatal notes; 1 in 12 arrive at maternity triage without them "
              "(triage audit, Jul). The women's voices group asked for their notes on their phone.",
         ben="Women and midwives see the same up-to-date notes; triage decisions not held up by missing "
             "notes",
         kpi="Triage attendances without notes (8% -> 1%); women active on the app by 20 wks (target 70%)",
         owner="Director of Midwifery", lead="C. Iwu", team="Clinical apps", clin="K. Osho, digital midwife",
         sup="Petrel Maternity App (LMNS-wide contract, FHIR into the EPR)",
         contract="ICS-wide, 3 yrs, break at 18 months",
         how="One community midwifery team first (Mar), then 2 teams a month.",
         safety="DCB0160 with the LMNS CSO; local hazard review by the digital midwife", cap=30, rev=48,
         start=D(2026, 10, 1), end=D(2027, 9, 30), stage="Build", rag="AG", notes="",
         lab=labels("EEPEEEEM", "", True, 1)),
    dict(ref="CLV114", title="Falls sensors - elderly care trial", obj="TO1", pri="Medium",
         desc="3 elderly care wards: 214 falls in 25/26, 9 causing harm. Night staff say they can't keep "
              "eyes on every high-risk bay. Trial bed/chair pressure pads that alert the nurse's handheld.",
         ben="Fewer harmful falls on elderly care",
         kpi="Falls on the trial ward (baseline 9.8 per 1,000 occupied bed days); harmful falls; nuisance "
             "alerts a night (stop if over 10)",
         owner="Chief Nurse", lead="C. Iwu", team="Clinical apps", clin="T. Gayle, falls lead nurse",
         sup="Nightjar Sensors", contract="3-month trial agreement, no purchase commitment",
         how="One ward for 3 months. Stop if nuisance alerts run over 10 a night or nurses switch it off.",
         safety="Hazard log with CSO (alarm fatigue)", cap=0, rev=15, start=D(2026, 12, 1),
         end=D(2027, 3, 31), stage="Pilot", rag="G", notes="",
         lab=labels("EEPEPEEE", "", True, 1)),
    dict(ref="CLV115", title="Self-rostering and safe staffing view", obj="TO3", pri="Medium",
         desc="Ward managers spend approx 6h a month on rotas (time sample of 10 managers) and bank shifts "
              "get "
              "filled late by phone. Self-rostering on mobile plus a safe staffing view for matrons.",
         ben="Ward managers freed from rota admin; gaps filled earlier; staff get a say in their rota",
         kpi="Manager rota time (6h -> 2h a month); shifts filled 48h ahead (baseline 71%)",
         owner="Chief People Officer", lead="L. Brant", team="Service transformation", clin="",
         sup="Bellwether Rostering (existing)", contract="Existing contract; mobile module included",
         how="2 wards first, then rolled out by division.", safety="n/a", cap=0, rev=12, start=D(2026, 9, 1),
         end=D(2027, 6, 30), stage="Delivery", rag="G", notes="",
         lab=labels("EEPEPPPM", "", False, 3)),
    dict(ref="CLV116", title="Trust patient app", obj="TO1", pri="-",
         desc="Proposal: our own Cloverdean app (appointments, letters, car parking). Discovery (6 wks, "
              "24 "
              "patients interviewed) found patients want letters and appointments in the NHS App they "
              "already "
              "use.",
         ben="Patients manage appointments and letters online",
         kpi="Discovery exit: at least 30% of patients interviewed would download a trust app (result: 4 of "
             "24)",
         owner="COO", lead="C. Iwu", team="Clinical apps", clin="", sup="None - in-house discovery",
         contract="-", how="Discovery only, stop/go at week 6.", safety="n/a", cap=0, rev=0,
         start=D(2026, 4, 6), end=D(2026, 5, 15), stage="Stopped", rag="-",
         notes="Stopped at the week-6 stop/go (May-26). Letters and appointments to go to the NHS App via "
               "the "
               "Integration team in 27/28.",
         lab=labels("EPPEEMPE", "", False, 1)),
]
D_TEAMS = 8
D_PMS = 8


# =============================================================================================
PORTFOLIOS = {
    A_FILE: dict(sheet=A_SHEET, cols=A_COLS, projects=A_PROJECTS, objectives=A_OBJECTIVES, fte=A_FTE,
                 teams=A_TEAMS, pms=A_PMS, ref_re=r"GW-26\d{2}", verdict="shopping_list",
                 design_red={"S1", "S2", "S5", "S6", "S7"}, reasons=[
            "S1 red: 9 of 16 active projects (56%) cite no objective from the 'Strategy 2024-29' sheet: "
            "'Digital' (GW-2601, GW-2604, GW-2605), 'Enabler' (GW-2603, GW-2612), 'BAU' (GW-2609), blank "
            "(GW-2610, GW-2613) and 'Ambition 3 - Paperless hospital', from the retired 2019-24 strategy "
            "(GW-2614). The 7 that do cite one use loose forms: 'Obj 1', '1 - Safe, high-quality care', 'Obj "
            "2 - access', 'Our people', 'Obj 4 (CIP)'.",
            "S2 red: of those 7, Obj 1 has 4 (GW-2602, GW-2606, GW-2615, GW-2616) and Obj 2, Obj 3 and Obj 4 "
            "one each (GW-2607, GW-2611, GW-2608), so 3 of 4 objectives (75%) rest on a single project. HHI "
            "is 0.39 over the listed objectives, 0.15 if every cell value counts as its own category.",
            "S5 red: 9 of 16 (56%) are technology-centred: Win11, EPR v9 upgrade, two Wi-Fi projects, AI "
            "chest X-ray triage, RPA, dictation replacement, MFA/SIEM and scanning all case notes.",
            "S6 red: 10 of 16 (62%) have no measurable goal: KPIs blank (GW-2604, GW-2610), 'TBC' (GW-2605, "
            "GW-2613) or not a measure ('Upgrade complete', 'Live by Feb-27 within budget', 'Savings TBC "
            "once processes identified', 'Old system switched off by contract end', 'DSPT standards met', "
            "'Paper-light outpatients').",
            "S7 red: only 4 of 8 clinical projects have a clinical lead (GW-2602 'TBC', GW-2605 and GW-2609 "
            "blank, GW-2614 'n/a'); 14 of 16 have an accountable owner (GW-2612 'IM&T', GW-2613 blank).",
            "Composite: 4 of S1-S6 are red (S1, S2, S5, S6), and S1 is red with S2, S5, S6 and S7 besides, "
            "so it is a shopping list under both clauses.",
            "Not red: S3, with 16 active projects for 6 project managers (2.7 each, under 3) in a 34 WTE "
            "IM&T establishment that is mostly service desk and infrastructure, and no delivery teams named; "
            "S4, with 7 of 16 High (44%) and 3 Low.",
            "Also: overlaps GW-2603/GW-2604 (Wi-Fi at each site) and GW-2609/GW-2610 (dictation vs speech "
            "recognition), noted in the Update column and not resolved (S8). Nothing is stopped, paused or "
            "descoped (S9). GW-2602 is Amber/Red, rebaselined twice with the same plan, a single go-live "
            "weekend on a direct-award extension. Funding stops at or before go-live on 10 of 16.",
            "A few good projects, as real lists have: GW-2606 e-obs (audit baseline, pilot ward, go/no-go, "
            "CSO hazard log), GW-2607 two-way reminders, GW-2611 rostering app, GW-2615 digital pathology, "
            "GW-2616 frailty virtual ward.",
        ]),
    B_FILE: dict(sheet=B_SHEET, cols=B_COLS, projects=B_PROJECTS, objectives=B_OBJECTIVES, fte=B_FTE,
                 teams=B_TEAMS, pms=B_PMS, ref_re=r"HCT-D\d{2}", verdict="shopping_list",
                 design_red={"S3", "S4", "S6"}, reasons=[
            "It looks tidy: all 16 projects cite one of SO1-SO4 from the notes row, every project has an "
            "exec lead, a start and an end, and 15 of 16 are G, A/G or A.",
            "S1 green: 0 of 16 (0%) cite no listed objective. S2 green: SO1 5, SO2 5, SO3 3, SO4 3 (HHI "
            "0.27).",
            "S3 red: 16 active projects for an in-house digital team of 6 WTE (notes row 3): one team with 2 "
            "project managers, so 16 per team and 8 per PM. Infrastructure and the service desk are bought "
            "from the ICS.",
            "S4 red: 13 of 16 (81%) are Critical (4), High (7) or P1 (2). The other 3 are Medium and none is "
            "Low.",
            "S6 red: 10 of 16 (62%) have no measurable goal. 8 have KPIs 'TBC' (half the programme; the "
            "footnote says they will be agreed with BI by Q4), and 2 have 'Improved staff experience' or "
            "'Positive feedback from teams'.",
            "S5 amber, not red: 4 of 16 (25%) are technology-centred (HCT-D04 network refresh, HCT-D06 staff "
            "engagement app, HCT-D09 SPA telephony upgrade, HCT-D13 community EPR upgrade).",
            "Composite: three of S1-S6 are red (S3, S4, S6), so it is a shopping list even though S1 is "
            "green. Three is the minimum for that clause; with one fewer it would be coherent (compare "
            "Cloverdean).",
            "Also: clinical safety is not evidenced on 8 of 10 clinical projects. There are 3 big-bang "
            "launches (the DN mobile app to all 14 teams in one week, the staff app to all staff at once, "
            "EPMA on all 4 wards together). HCT-D13 is Red after two slips with the same plan. Nothing is "
            "stopped or paused (S9).",
            "Good ones: HCT-D08 video follow-ups, HCT-D14 shared care record feed (ED audit, FHIR, joint "
            "DCB0160), HCT-D16 online self-referral (tested by the patient panel); HCT-D01 and HCT-D10 have "
            "baselines and targets.",
        ]),
    C_FILE: dict(sheet=C_SHEET, cols=C_COLS, projects=C_PROJECTS, objectives=C_OBJECTIVES, fte=C_FTE,
                 teams=C_TEAMS, pms=C_PMS, ref_re=r"SCD-\d{2}", verdict="coherent",
                 design_red=set(), reasons=[
            "S1 green: 11 of 13 active initiatives cite one of the 3 aims on 'Our digital plan'. SCD-12 "
            "'Enabler - network' and SCD-13 'Foundations (cyber)' do not (2/13, 15%).",
            "S2 green: A1 has 5 active initiatives, A2 4 and A3 2, plus one stopped each under A1 and A3. No "
            "aim rests on one initiative (HHI 0.37).",
            "S3 green: 13 active for 38 in-house WTE in 7 product teams, each with a product manager: 1.9 "
            "per team, and no team over 2 (the plan's own limit).",
            "S4 green: Must 5 (38%), Should 6, Could 2; the plan's key says Could = low. The two stopped "
            "items have no priority.",
            "S5 amber: 3 of 13 (23%) are technology-centred: SCD-08 EPR release upgrade, SCD-12 core "
            "switches, SCD-13 privileged access and restore testing.",
            "S6 green: 1 of 13 (8%) has no measurable goal (SCD-08, 'Upgrade done on time').",
            "Composite: none of S1-S6 is red, so it is coherent.",
            "It stops and changes work on evidence. SCD-14 (chatbot) was stopped on its agreed stop rule. "
            "SCD-15 (bedside TV replacement) was stopped after asking 120 families; the contract ended and "
            "the units are being removed. SCD-05 was cut back to PICU after interface failures. SCD-01, "
            "SCD-03, SCD-04, SCD-09 and SCD-10 have stop/go rules with numbers.",
            "Weak spots: SCD-08 (mandatory EPR release: no user need, CSO only 'to assess', inside a 10-yr "
            "contract), SCD-05 (5-yr direct award, no exit), SCD-12 (capital only), SCD-10 (prototype money "
            "only).",
        ]),
    D_FILE: dict(sheet=D_SHEET, cols=D_COLS, projects=D_PROJECTS, objectives=D_OBJECTIVES, fte=D_FTE,
                 teams=D_TEAMS, pms=D_PMS, ref_re=r"CLV1\d{2}", verdict="coherent",
                 design_red={"S4", "S5"}, reasons=[
            "S4 red: 10 of 15 active projects (67%) are High and none is Low. The Read me offers Low, but no "
            "project uses it.",
            "S5 red: 8 of 15 (53%) are technology-centred: Win11, network, data centre exit, EPR version "
            "upgrade, telephony, backup and email migration (all cited to TO4), and CLV112 national data "
            "platform onboarding. Their measures are outputs: devices, switches, servers, mailboxes.",
            "S1 green: 14 of 15 cite one of TO1-TO4; only CLV112 cites 'NHSE mandate' (1/15, 7%). The "
            "foundations work cites TO4, which is a listed trust objective, and the Read me records the "
            "Board's decision to make 26/27 a foundations year after a cyber incident.",
            "S2 green: TO1 3, TO2 3, TO3 1, TO4 7, plus 1 off-list. Only 1 of 4 objectives (25%) has exactly "
            "one project; HHI 0.35.",
            "S3 green: 15 active for 8 delivery teams, each with a delivery lead: 1.9 per team, none over 2, "
            "in a 52 WTE directorate.",
            "S6 green: 1 of 15 (7%) has no measurable goal (CLV112, 'TBC - NHSE to confirm'). The "
            "infrastructure items have output numbers and dates.",
            "Composite: exactly two of S1-S6 are red (S4, S5) and S1 is not, so it is coherent, but only "
            "just: one more red signal would make it a shopping list.",
            "The rest is fine. 14 of 15 have an owner (CLV107's SRO is 'Digital'). Every clinical project "
            "has a clinical lead and safety evidence. There are no duplicates. CLV116 (trust app) was "
            "stopped at its discovery stop/go. CLV103, CLV105 and CLV107 switch old kit off. The largest "
            "supplier holds about a third of the budget. No project is stuck, and none loses its funding at "
            "go-live.",
            "The clinical work is good: CLV108 EPMA phase 2, CLV109 same-day discharge summaries, CLV110 "
            "SDEC streaming trial, CLV113 maternity notes, CLV114 falls sensor trial.",
        ]),
}

HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
WRAP = Alignment(wrap_text=True, vertical="top")
WIDE = ("desc", "ben", "kpi", "how", "upd", "comm", "latest", "notes", "safety", "sup", "users", "fund",
        "contract")
RAG_FILL = {"green": "C6EFCE", "amber": "FFEB9C", "red": "FFC7CE", "amber/red": "F8CBAD"}


def write_header(ws, row, cols):
    for j, (h, _c, _k) in enumerate(cols, start=1):
        cell = ws.cell(row=row, column=j, value=h)
        cell.font = HEAD_FONT
        cell.fill = HEAD_FILL
        cell.alignment = WRAP


def write_project(ws, row, cols, p, rag_fill=False):
    for j, (_h, _c, k) in enumerate(cols, start=1):
        v = p.get(k)
        if v == "" or v is None:
            continue
        cell = ws.cell(row=row, column=j, value=v)
        cell.alignment = WRAP
        if isinstance(v, dt.datetime):
            cell.number_format = "DD/MM/YYYY"
        elif k == "cost" and isinstance(v, (int, float)) and ws.title == A_SHEET:
            cell.number_format = "£#,##0"
        if k == "rag" and rag_fill and str(v).lower() in RAG_FILL:
            cell.fill = PatternFill("solid", fgColor=RAG_FILL[str(v).lower()])


def widths(ws, cols):
    for j, (_h, _c, k) in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(j)].width = 42 if k in WIDE else 15


def build_a():
    wb = Workbook()
    st = wb.active
    st.title = "Strategy 2024-29"
    rows = [
        ["Greythorpe & Wendle Hospitals NHS Trust - Trust Strategy 2024-29 (Board approved Mar-24)"],
        [],
        ["Strategic objectives"],
        *[[o] for o in A_OBJECTIVES],
        [],
        ["IM&T establishment, substantive (WTE)", A_FTE],
        ["Of which", "Service desk 12, infrastructure & networks 9, applications support 5, 6 project "
                     "managers in the PMO, information & BI 2"],
        ["Note", "This strategy replaced 'Five Ambitions' (2019-24). A digital strategy to sit under it is "
                 "due "
                 "at Board in 2027."],
    ]
    for r in rows:
        st.append(r)
    st["A1"].font = Font(bold=True, size=13)
    st["A3"].font = HEAD_FONT
    st.column_dimensions["A"].width = 60
    st.column_dimensions["B"].width = 90
    ws = wb.create_sheet(A_SHEET)
    n = len(A_COLS)
    ws.cell(row=1, column=1, value="GREYTHORPE & WENDLE HOSPITALS NHS TRUST - IM&T PROJECT LIST 2026/27")
    ws.cell(row=1, column=1).font = Font(bold=True, size=13)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    ws.cell(row=2, column=1, value="Maintained by PMO. Costs £ incl. VAT. RAG set by PM monthly. 'Links to "
                                   "objective' = Trust Strategy objective where applicable.")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=n)
    write_header(ws, 3, A_COLS)
    rowmap = {}
    r = 4
    for p in A_PROJECTS:
        write_project(ws, r, A_COLS, p, rag_fill=True)
        rowmap[p["ref"]] = r
        r += 1
    r += 1
    ws.cell(row=r, column=1, value="Last updated 24/11/2026 - PMO")
    ws.freeze_panes = "C4"
    widths(ws, A_COLS)
    return wb, 3, rowmap


def build_b():
    wb = Workbook()
    ws = wb.active
    ws.title = B_SHEET
    n = len(B_COLS)
    ws.cell(row=1, column=1, value="Hatherby Community Health NHS Trust | 2026/27 Digital Programme | Board "
                                   "report Nov-26")
    ws.cell(row=1, column=1).font = Font(bold=True, size=13)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    ws.cell(row=2, column=1, value="Strategy 2025-2030 - strategic objectives: " + " | ".join(B_OBJECTIVES))
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=n)
    ws.cell(row=3, column=1, value=(
        f"Digital team (in-house): {B_FTE} WTE - Head of Digital, 2 project managers, 1 business analyst, 1 "
        "clinical systems trainer, 1 information analyst. Infrastructure, service desk and networks bought "
        "from "
        "the ICS Shared IT Service. Programme approved by Digital Board 14/10/26."))
    ws.cell(row=3, column=1).alignment = WRAP
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=n)
    ws.row_dimensions[3].height = 30
    write_header(ws, 4, B_COLS)
    rowmap = {}
    r = 5
    for p in B_PROJECTS:
        write_project(ws, r, B_COLS, p)
        rowmap[p["ref"]] = r
        r += 1
    r += 1
    ws.cell(row=r, column=1, value="KPIs marked TBC to be agreed with Business Intelligence by Q4.")
    ws.freeze_panes = "C5"
    widths(ws, B_COLS)
    return wb, 4, rowmap


def build_c():
    wb = Workbook()
    ws = wb.active
    ws.title = C_SHEET
    n = len(C_COLS)
    ws.cell(row=1, column=1, value="Sallowmere Children's Hospital NHS FT: Nov 2026 digital portfolio. "
                                   "Aims, "
                                   "teams and scales: see the 'Our digital plan' tab.")
    ws.cell(row=1, column=1).font = Font(bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    write_header(ws, 2, C_COLS)
    rowmap = {}
    r = 3
    for p in C_PROJECTS:
        if p["ref"] == C_STOPPED_FROM:
            r += 1  # blank row
            ws.cell(row=r, column=1, value="STOPPED THIS YEAR").font = HEAD_FONT
            r += 1
        write_project(ws, r, C_COLS, p)
        rowmap[p["ref"]] = r
        r += 1
    ws.freeze_panes = "C3"
    widths(ws, C_COLS)
    st = wb.create_sheet("Our digital plan")
    rows = [
        ["Sallowmere Children's Hospital NHS Foundation Trust - Our digital plan 2025-28"],
        [],
        ["Our three aims"],
        *[[o] for o in C_OBJECTIVES],
        [],
        ["Digital team on our payroll (WTE)", C_FTE],
        ["Teams", "7 product teams. Every team has its own product manager, plus a clinician with protected "
                  "sessions: "
                  "Outpatients & access, Theatres, Wards & PICU, EPR, Families, Data, Platform "
                  "(infrastructure "
                  "and cyber). No team runs more than 2 initiatives at once."],
        ["We will not", "build our own apps for things the regional children's portal or the NHS App can do; "
                        "start anything without a clinical lead and a measure; give any team a "
                        "third "
                        "initiative."],
        ["Priority", "Must = high, Should = medium, Could = low"],
        ["DCA", "On track (green) / Some risk (amber) / Off track (red) / Stopped"],
        ["Next decision", "Date the Digital Delivery Board next decides to carry on, change or stop."],
    ]
    for row in rows:
        st.append(row)
    st["A1"].font = Font(bold=True, size=13)
    st["A3"].font = HEAD_FONT
    st.column_dimensions["A"].width = 55
    st.column_dimensions["B"].width = 95
    return wb, 2, rowmap


def build_d():
    wb = Workbook()
    st = wb.active
    st.title = "Read me"
    rows = [
        ["Cloverdean Hospitals NHS Foundation Trust: FY26/27 register of digital projects - READ ME"],
        [],
        ["Trust objectives (Trust Strategy 2024-28)"],
        *[[o] for o in D_OBJECTIVES],
        [],
        ["Digital directorate, substantive (WTE)", D_FTE],
        ["Delivery teams", "8, each with a delivery lead: End-user computing, Network & hosting, Cyber, EPR, "
                           "Integration, Data & BI, Clinical apps, Service transformation. Service desk (14 "
                           "WTE) "
                           "is not a delivery team."],
        ["Context", "26/27 is a foundations year. After the Feb-26 ransomware incident the Board agreed "
                    "(minute "
                    "26/041) that unsupported and unrecoverable infrastructure is fixed first; new clinical "
                    "work is limited to what the EPR, Integration and Clinical apps teams can carry."],
        ["Priority rating", "High / Medium / Low, set by the Digital Portfolio Board"],
        ["RAG", "G / AG / A / AR / R (SRO view). '-' = stopped or closed"],
        ["Stopped this year", "Trust patient app (after discovery)."],
    ]
    for r in rows:
        st.append(r)
    st["A1"].font = Font(bold=True, size=13)
    st["A3"].font = HEAD_FONT
    st.column_dimensions["A"].width = 50
    st.column_dimensions["B"].width = 95
    ws = wb.create_sheet(D_SHEET)
    write_header(ws, 1, D_COLS)
    rowmap = {}
    r = 2
    for p in D_PROJECTS:
        write_project(ws, r, D_COLS, p)
        rowmap[p["ref"]] = r
        r += 1
    r += 1
    ws.cell(row=r, column=1, value="Capex/opex in £k. Opex 'BAU' = inside the existing IM&T run budget. "
                                   "Exported from the PMO tracker 25/11/26.")
    ws.freeze_panes = "C2"
    widths(ws, D_COLS)
    return wb, 1, rowmap


BUILDERS = {A_FILE: build_a, B_FILE: build_b, C_FILE: build_c, D_FILE: build_d}


# ---------------------------------------------------------------------------------------------
TEAM_OWNERS = ("", "it", "ict", "digital", "digital services", "pmo", "im&t", "communications")
HIGH = {"h", "high", "critical", "p1", "must"}
LOW = {"l", "low", "could", "p3"}
RED_RAG = ("r", "red", "a/r", "ar", "amber-red", "amber/red")


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
    return s in ("", "-", "n/a", "tbd", "ongoing") or s.startswith("tbc")


def cites(text, objectives) -> int:
    """Which listed objective an objective cell cites (1-based), 0 if none. Loose forms count:
    'Obj 1', '1 - ...', 'SO2', 'A3', 'TO4', or the objective's wording without its code."""
    s = str(text or "").strip().lower()
    if not s:
        return 0
    for i, o in enumerate(objectives, start=1):
        if re.match(rf"^(obj\s*|so|to|a)?{i}\b", s) or s in o.lower():
            return i
    return 0


def signals(spec, cells):
    """RUBRIC.md (c) S1-S7 over active projects, from the cells and the project labels."""
    act = [p for p in spec["projects"] if not str(cells[p["ref"]]["stage"] or "").lower().startswith("stop")]
    n = len(act)
    k = len(spec["objectives"])
    sig = {}
    off = [p["ref"] for p in act if p["lab"]["on"] == 0]
    s1 = len(off) / n
    sig["S1"] = ("red" if s1 > 0.40 else "amber" if s1 > 0.20 else "ok", f"{len(off)}/{n} ({s1:.0%})", off)
    per = collections.Counter(p["lab"]["on"] for p in act if p["lab"]["on"])
    single = sum(1 for i in range(1, k + 1) if per[i] == 1)
    cat = collections.Counter(p["lab"]["on"] or ("off", str(cells[p["ref"]]["obj"] or "").strip().lower())
                              for p in act)
    hhi_on = sum((c / sum(per.values())) ** 2 for c in per.values())
    hhi_all = sum((c / n) ** 2 for c in cat.values())
    s2red = single / k > 0.5 or hhi_on < 0.15
    sig["S2"] = ("red" if s2red else "ok",
                 f"per objective {[per[i] for i in range(1, k + 1)]}, {single}/{k} with exactly 1, "
                 f"HHI {hhi_on:.2f} (listed objectives) / {hhi_all:.2f} (every cell value a category)",
                 hhi_all < 0.15 and not s2red)
    per_team = n / spec["teams"] if spec["teams"] else None
    per_pm = n / spec["pms"]
    s3red = (per_team is not None and per_team > 2) or per_pm > 3
    sig["S3"] = ("red" if s3red else "ok",
                 f"{n} active / {spec['teams'] or 'no named'} teams"
                 + (f" = {per_team:.1f} per team" if per_team else "")
                 + f"; / {spec['pms']} PMs = {per_pm:.1f}",
                 None)
    pri = [str(cells[p["ref"]]["pri"] or "").strip().lower() for p in act]
    hi = sum(1 for x in pri if x in HIGH)
    lo = sum(1 for x in pri if x in LOW)
    sig["S4"] = ("red" if hi / n > 0.5 or lo == 0 else "ok", f"{hi}/{n} high ({hi / n:.0%}), {lo} low", None)
    f1 = [p["ref"] for p in act if "tech_centred" in p["lab"]["flags"]]
    s5 = len(f1) / n
    sig["S5"] = ("red" if s5 > 0.35 else "amber" if s5 > 0.20 else "ok", f"{len(f1)}/{n} ({s5:.0%})", f1)
    f2 = [p["ref"] for p in act if "no_measurable_goal" in p["lab"]["flags"]]
    s6 = len(f2) / n
    sig["S6"] = ("red" if s6 > 0.50 else "amber" if s6 > 0.30 else "ok", f"{len(f2)}/{n} ({s6:.0%})", f2)
    own = sum(1 for p in act if "no_owner" not in p["lab"]["flags"])
    clin = [p for p in act if p["lab"]["clinical"]]
    cl = sum(1 for p in clin if "no_clinical_lead" not in p["lab"]["flags"])
    s7red = own / n < 0.8 or (clin and cl / len(clin) < 0.7)
    sig["S7"] = ("red" if s7red else "ok", f"owners {own}/{n}; clinical leads {cl}/{len(clin)} clinical",
                 None)
    reds = {s for s, v in sig.items() if v[0] == "red"}
    core = reds & {"S1", "S2", "S3", "S4", "S5", "S6"}
    shopping = len(core) >= 3 or ("S1" in reds and len(reds - {"S1"}) >= 2)
    return sig, reds, ("shopping_list" if shopping else "coherent"), n


def main() -> int:
    errors: list[str] = []
    all_refs: list[str] = []
    dist = collections.defaultdict(collections.Counter)
    dist_by_wb = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    flag_counts = collections.Counter()
    flag_by_wb = collections.defaultdict(collections.Counter)
    report = []
    canon = {"ref", "title", "description", "strategic_objective", "benefits", "kpis", "owner",
             "clinical_lead", "supplier", "delivery_approach", "stage", "budget", "start_date",
             "end_date", "rag", "priority", "other"}
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
        if not back["portfolio"]["reasons"]:
            errors.append(f"{name}: no reasons")
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
        if not set(back["columns"].values()) <= canon:
            errors.append(f"{name}: unknown canonical field")
        for must in ("ref", "title", "strategic_objective", "priority", "kpis", "owner", "stage"):
            if must not in back["columns"].values():
                errors.append(f"{name}: no column maps to {must}")
        refs_in_sheet = {}
        for r in range(1, ws.max_row + 1):
            v = ws.cell(row=r, column=1).value
            if isinstance(v, str) and re.fullmatch(spec["ref_re"], v):
                if v in refs_in_sheet:
                    errors.append(f"{name}: {v} appears twice in the sheet")
                refs_in_sheet[v] = r
            elif r > back["header_row"] and r not in rowmap.values() and isinstance(v, str) \
                    and re.match(r"[A-Z]{2,4}-?[A-Z]?\d", v):
                errors.append(f"{name}: unlabelled ref-like cell at row {r}")
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
        if not 12 <= len(back["projects"]) <= 18:
            errors.append(f"{name}: {len(back['projects'])} projects")
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
        # mechanical parts of the labels against the cells (read back from the saved workbook)
        key_of = {k: j for j, (_h, _c, k) in enumerate(spec["cols"], start=1)}
        cells = {}
        for p in spec["projects"]:
            r = rowmap[p["ref"]]
            cells[p["ref"]] = {k: ws.cell(row=r, column=j).value for k, j in key_of.items()}
        for p in spec["projects"]:
            ref, fl, clin = p["ref"], p["lab"]["flags"], p["lab"]["clinical"]
            cell = cells[ref].get
            if cites(cell("obj"), spec["objectives"]) != p["lab"]["on"]:
                errors.append(f"{name} {ref}: objective cell {cell('obj')!r} vs on={p['lab']['on']}")
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
            if "stuck_on_plan" in fl and str(cell("rag") or "").lower().replace(" ", "") not in RED_RAG:
                errors.append(f"{name} {ref}: stuck_on_plan but RAG is {cell('rag')!r}")
            kpi = str(cell("kpi") or "").strip().lower()
            if (kpi in ("", "tbc") or kpi.startswith("tbc")) and "no_measurable_goal" not in fl:
                errors.append(f"{name} {ref}: KPI blank/TBC but no no_measurable_goal")
            all_refs.append(ref)
            for pr, st in p["lab"]["principles"].items():
                dist[pr][st] += 1
                dist_by_wb[pr][name][st] += 1
            for f in fl:
                flag_counts[f] += 1
                flag_by_wb[name][f] += 1
        # ---- the portfolio verdict follows RUBRIC.md (c) from the data as written ----
        sig, reds, verdict, n_active = signals(spec, cells)
        if verdict != back["portfolio"]["verdict"]:
            errors.append(f"{name}: labelled {back['portfolio']['verdict']} but composite gives {verdict}")
        if reds != spec["design_red"]:
            errors.append(f"{name}: red signals {sorted(reds)} != designed {sorted(spec['design_red'])}")
        if verdict == "coherent" and sig["S2"][2]:
            errors.append(f"{name}: S2 ambiguous (HHI over every cell value < 0.15)")
        report.append((name, n_active, sig, reds, verdict))
    # ---- across the set ----
    if len(all_refs) != len(set(all_refs)):
        errors.append("a ref is used twice")
    for pr in PRINCIPLES:
        if any(dist[pr][s] == 0 for s in ("evident", "partial", "missing")):
            errors.append(f"{pr}: not every value used {dict(dist[pr])}")
    for f in FLAGS:
        if flag_counts[f] < 3:
            errors.append(f"flag {f} occurs {flag_counts[f]} times")

    names = list(PORTFOLIOS)
    print(f"{len(all_refs)} projects: " + ", ".join(f"{w} {len(PORTFOLIOS[w]['projects'])}" for w in names))
    for name, n_active, sig, reds, verdict in report:
        print(f"\n{name}: {n_active} active -> {verdict} (red: {', '.join(sorted(reds)) or 'none'})")
        for s, (lvl, txt, extra) in sig.items():
            more = f"  {extra}" if isinstance(extra, list) and extra else ""
            print(f"  {s} {lvl:5} {txt}{more}")
    print("\n| Principle | evident | partial | missing |")
    print("|---|---|---|---|")
    for pr in PRINCIPLES:
        out = []
        for s in ("evident", "partial", "missing"):
            per = " / ".join(str(dist_by_wb[pr][w][s]) for w in names)
            out.append(f"{dist[pr][s]} ({per})")
        print(f"| {pr} | " + " | ".join(out) + " |")
    print("\n| Flag | projects | " + " | ".join(names) + " |")
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
