"""Generate the second blind evaluation set (three fictional trust portfolios).

Run: .venv/bin/python tests/data/blind2/make_blind2.py
Needs openpyxl only. Writes the .xlsx workbooks and one .labels.json per
workbook next to this script, then reopens every workbook and checks it
against its labels. Exits non-zero if any check fails.

Labels live here: an 8-letter E/P/M code per project for P1-P8, a flag list,
and a `clinical` marker (used only for the label self-checks, not written out).
Everything is fictional: trusts, ICSs, suppliers, products; people are roles
or initials.
"""
import datetime as dt
import json
import re
import sys
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill

HERE = Path(__file__).resolve().parent

PRINCIPLES = ["user_needs", "clear_goals", "measure_learn", "deliver_incrementally",
              "in_house_team", "supplier_value", "build_trust", "adapt_plan"]
FLAGS = ["tech_centred", "no_measurable_goal", "output_only_benefits", "big_bang",
         "no_clinical_lead", "no_owner", "supplier_led", "lock_in_risk",
         "funding_ends_at_go_live", "stuck_on_plan", "vague_or_hype",
         "clinical_safety_missing", "missing_dates"]
CANONICAL = {"ref", "title", "description", "strategic_objective", "benefits", "kpis",
             "owner", "clinical_lead", "supplier", "delivery_approach", "stage",
             "start_date", "end_date", "budget", "rag", "priority", "other"}
VALUE = {"E": "evident", "P": "partial", "M": "missing"}

D = dt.datetime
BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
WRAP = Alignment(wrap_text=True, vertical="top")


# ---------------------------------------------------------------------------
# Workbook A: Castlewick and Harnley Hospitals NHS Trust (shopping list)
# Flat PPM-tool export: header in row 1, data sheet first, 'Notes' sheet after.
# ---------------------------------------------------------------------------
A_COLS = [
    ("RAG", "rag", "rag"),
    ("Proj No", "ref", "ref"),
    ("Project Title", "title", "title"),
    ("Status", "stage", "stage"),
    ("Priority", "priority", "pri"),
    ("Requested by", "other", "req"),
    ("SRO", "owner", "sro"),
    ("Clinical Lead", "clinical_lead", "cl"),
    ("Project Description", "description", "desc"),
    ("Strategic Aim", "strategic_objective", "aim"),
    ("Benefits & measures", "benefits", "ben"),
    ("Supplier", "supplier", "sup"),
    ("Delivery", "delivery_approach", "how"),
    ("Start", "start_date", "start"),
    ("Go Live", "end_date", "end"),
    ("Cost", "budget", "cost"),
    ("PM", "other", "pm"),
    ("Latest update", "other", "upd"),
]

A_OBJECTIVES = [
    "A1 Safe and timely hospital care",
    "A2 Care closer to home with system partners",
    "A3 Supporting our people",
    "A4 Sustainable finances",
]

A_PROJECTS = [
    dict(ref="PRJ0287", rag="A", title="Theatres management system replacement", stage="OBC approved", pri=1,
         req="Surgery & Anaesthetics", sro="Chief Operating Officer", cl="TBC",
         desc="Marlpit TMS v6 goes out of support Dec-26. Replace with a new theatre system covering scheduling, "
              "theatre status screens and the anaesthetic record. Spec written by IT and theatre managers from the "
              "current system's functions.",
         aim="BAU / compliance", ben="Supported system. Better theatre utilisation. Measures tbc at FBC.",
         sup="Marlpit Systems (incumbent) - direct award",
         how="Supplier configures and migrates. Single cutover weekend for all 14 theatres.",
         start=D(2026, 6, 1), end="Mar-27", cost="£1.4m capital", pm="Contractor PM (Trellick)",
         upd="OBC through F&P Mar-26. Revenue for support not yet identified. FBC Jul.",
         code="MMMMMMMM", clinical=True,
         flags=["tech_centred", "no_measurable_goal", "output_only_benefits", "big_bang", "no_clinical_lead",
                "supplier_led", "lock_in_risk", "funding_ends_at_go_live", "clinical_safety_missing"]),
    dict(ref="PRJ0291", rag="A", title="Desktop OS upgrade and device swap", stage="Delivery", pri=1,
         req="IM&T", sro="Chief Information Officer", cl="n/a",
         desc="Move c.2,900 desktops and laptops to the new desktop OS build before extended support on the current "
              "one runs out. Around 600 older devices can't take it and will be swapped.",
         aim="Mandatory", ben="Cyber compliance. 100% of estate on the new build by Oct-26.",
         sup="Hexley Digital (EUC partner, existing call-off)", how="Rolling build floor by floor, approx 150 devices/wk",
         start=D(2026, 2, 2), end=D(2026, 10, 30), cost="£780k", pm="IT PM",
         upd="300 devices behind plan - engineer availability. Recovery plan to next IMT SG.",
         code="MMMPPPMM", clinical=False, flags=["tech_centred", "output_only_benefits"]),
    dict(ref="PRJ0294", rag="G", title="Digital front door (patient portal)", stage="Procurement", pri=1,
         req="Outpatients", sro="Director of Digital", cl="-",
         desc="Agile, co-designed front door for patients: letters, appointments and results in one place, linked to "
              "the NHS App. Co-design workshops and user research to be arranged once the supplier is on board. "
              "MVP approach.",
         aim="Digital first (NHSE)",
         ben="Better patient experience, fewer DNAs, fewer calls to booking. Measures to be agreed with supplier.",
         sup="Orbisca Patient Hub (3+2 yrs via framework)",
         how="MVP. All outpatient specialties go live together in Jan-27 to keep patient comms simple.",
         start="Q2 2026/27", end="Jan-27", cost="£420k + £95k pa", pm="Digital PM (vacant)",
         upd="Evaluation done, award May. Supplier to lead implementation.",
         code="MMMMMPMM", clinical=True,
         flags=["tech_centred", "no_measurable_goal", "big_bang", "no_clinical_lead", "supplier_led",
                "vague_or_hype", "clinical_safety_missing"]),
    dict(ref="PRJ0298", rag="G", title="SDEC tracking board", stage="Build", pri=1,
         req="Medicine (UEC)", sro="Deputy COO - Urgent Care", cl="Dr P.K. (SDEC consultant)",
         desc="SDEC runs off a paper list and the coordinator phones round to find where patients are. We sat with the "
              "coordinator for 4 shifts and logged 35-50 calls a shift. Build a tracking board in the EPR; ED and GP "
              "referrals land on it directly.",
         aim="A1 Safe and timely hospital care",
         ben="Seen in SDEC within 1 hr of arrival: 52% now, aiming for 75% by Dec-26. Calls per shift down from "
             "35-50. Weekly figures to UEC board.",
         sup="In-house EPR team (Stanmere EPR)",
         how="Board in SDEC first (6 wks), GP referrals added after. Sept decision on AMU: only if calls per shift "
             "have halved.",
         start=D(2026, 3, 2), end="Q3 2026/27", cost="£60k (backfill + dev time)", pm="Digital PM",
         upd="Fortnightly demo to SDEC nurses and coordinators. Hazard log opened with CSO; DCB0160 in draft.",
         code="EEEEEPEE", clinical=True, flags=[]),
    dict(ref="PRJ0301", rag=None, title="AI patient flow command centre", stage="Idea", pri=1,
         req="Chief Executive's office", sro="Chief Executive", cl=None,
         desc="Innovative AI command centre to transform flow across both sites.",
         aim="A1 Safe and timely hospital care",
         ben="Improved flow, reduced LoS, world-class visibility of the hospital.",
         sup="Veratrack (proposed)", how="TBC - supplier demo held", start="TBC", end="TBC", cost="£2m+ (est.)",
         pm="-", upd="CEO keen after conference. Veratrack offering a free 3-month proof of value - to discuss at IMT SG.",
         code="MPMMMPMM", clinical=False,
         flags=["tech_centred", "no_measurable_goal", "vague_or_hype", "missing_dates"]),
    dict(ref="PRJ0305", rag="A", title="Health records scanning contract extension", stage="Contract renewal", pri=2,
         req="Health Records", sro="Head of Health Records", cl="n/a",
         desc="Extend the scanning contract with Cobbold Data for 3 more years. 1.1m paper records still held at "
              "Harnley; clinicians still ask for paper notes in clinic when scans are late.",
         aim="Paperless 2027", ben="Paperless by 2027. Offsite storage saving approx £140k pa.",
         sup="Cobbold Data (extension, no competition)", how="Continue current service",
         start=D(2026, 4, 1), end="Mar-29", cost="£1.05m over 3 yrs", pm="n/a",
         upd="Exec approved extension. Award letter sent.",
         code="PPMMMMMM", clinical=True,
         flags=["output_only_benefits", "no_clinical_lead", "lock_in_risk", "clinical_safety_missing"]),
    dict(ref="PRJ0309", rag="G", title="Switchboard telephony replacement", stage="Procurement", pri=2,
         req="Estates & Facilities", sro="Director of Estates & Facilities", cl="n/a",
         desc="Replace the end-of-life switchboard call system. Feb audit of 11,000 calls: average wait 4m10s, 18% of "
              "callers hung up. Ward staff told us bleep requests via switchboard go unanswered at night.",
         aim="A1 Safe and timely hospital care",
         ben="Answer time from 4m10s to under 60s; abandoned calls 18% to below 5%. Monthly from the call stats.",
         sup="Fernway Comms - framework call-off, 3 yrs, break at 24 months",
         how="Switchboard first (Jun). Outpatient booking lines in Sep only if answer times have held for 8 wks.",
         start=D(2026, 5, 1), end=D(2026, 11, 30), cost="£210k cap / £48k pa", pm="IT PM",
         upd="Operators visited two trusts using Fernway and chose the queue screen layout.",
         code="EEEEPEPE", clinical=False, flags=[]),
    dict(ref="PRJ0312", rag="A", title="EPMA extension to outpatients and day units", stage="OBC", pri=1,
         req="Pharmacy", sro="Chief Pharmacist", cl="Dr J.M. (CCIO)",
         desc="Extend Stanmere EPMA from inpatients to outpatient clinics and day units (not chemo). Paper "
              "prescriptions and outpatient charts still in use in 22 clinics.",
         aim="A1 Safe and timely hospital care",
         ben="Fewer prescribing errors, less paper. KPIs tbc - benefits to be confirmed at FBC.",
         sup="Stanmere (EPR supplier) - change request on existing contract",
         how="Clinic by clinic through 2027, order tbc. Options appraisal at FBC: all 22 clinics, or the 5 busiest first.",
         start="Q3 2026/27", end="Dec-27",
         cost="see business case", pm="EPR team", upd="CSO to be involved at build stage.",
         code="PPMPPPMP", clinical=True, flags=["no_measurable_goal", "clinical_safety_missing"]),
    dict(ref="PRJ0315", rag="A/R", title="Core network switch refresh - Harnley", stage="Delivery", pri=1,
         req="IM&T", sro="IT", cl="n/a",
         desc="Core switches at Harnley end of life. Replace.",
         aim=None, ben="Resilient network.", sup="Pallisade Networks",
         how="Pallisade engineers install, contractor PM runs it",
         start=D(2026, 1, 12), end=D(2026, 6, 30), cost="£640k capital (one-off)", pm="Contractor",
         upd="Kit delayed again by supplier. Was Feb, then Apr, now Jun. No change to scope.",
         code="MMMMMMMM", clinical=False,
         flags=["tech_centred", "no_measurable_goal", "output_only_benefits", "no_owner", "supplier_led",
                "funding_ends_at_go_live", "stuck_on_plan", "vague_or_hype"]),
    dict(ref="PRJ0318", rag="G", title="Electronic bed management (Veratrack BedView)", stage="Contract signed", pri=1,
         req="Operations", sro="Deputy COO - Flow", cl="TBC",
         desc="Implement Veratrack BedView for real-time bed state across both sites, replacing the whiteboards and "
              "the 8am bed spreadsheet.",
         aim="A1 Safe and timely hospital care", ben="Real-time bed visibility. Reduced LoS and fewer outliers.",
         sup="Veratrack - 5 yr SaaS, single tender (only product that fits current PAS)",
         how="Veratrack to deliver end to end. Trust-wide go-live both sites, Nov.",
         start=D(2026, 4, 1), end=D(2026, 11, 30), cost="£310k + £70k pa", pm="Veratrack PM",
         upd="Overlap with PRJ0301 raised - for IMT SG.",
         code="MPMMMMMM", clinical=False,
         flags=["tech_centred", "no_measurable_goal", "big_bang", "supplier_led", "lock_in_risk"]),
    dict(ref="PRJ0322", rag="G", title="Sepsis screening prompt - ED", stage="Testing", pri=1,
         req="Medicine (UEC)", sro="Medical Director", cl="Dr S.R. (ED consultant)",
         desc="Oct-25 audit of 120 ED notes: sepsis screen done within 1 hr for 61% of eligible patients. Adding a "
              "screening prompt to EPR triage and a live list for the ED coordinator.",
         aim="Patient safety (Quality Account)",
         ben="Screen within 1 hr: 61% to 90%. Antibiotics within 1 hr of red flag (58% at baseline). Monthly "
             "re-audit by ED.",
         sup="In-house build on Stanmere EPR", how="Prompt at triage first; live list in a second release",
         start=D(2026, 2, 2), end="Jul-26", cost="£25k (dev time)", pm="EPR team",
         upd="6 ED nurses testing in the training environment. CSO has the DCB0160 safety case in draft. If the "
             "prompt adds more than a minute to triage we rework it before go-live.",
         code="EEEEEPEE", clinical=True, flags=[]),
    dict(ref="PRJ0326", rag="A", title="Enterprise data platform", stage="Discovery", pri=2,
         req="Finance", sro="Director of Finance", cl="n/a",
         desc="New cloud data platform so the trust can become data-driven. Replaces the SQL warehouse and moves all "
              "300+ reports across.",
         aim="A4 Sustainable finances", ben="Single version of the truth. Better data quality and data-driven decisions.",
         sup="Trellick Consulting (design and build)",
         how="Consultancy-led. Migrate all reports, then one switch-over weekend.",
         start=D(2026, 4, 1), end="TBC", cost="£950k", pm="Trellick", upd="12-week discovery by Trellick started. Build go-ahead once discovery reports.",
         code="MMMMMMMP", clinical=False,
         flags=["tech_centred", "no_measurable_goal", "output_only_benefits", "big_bang", "supplier_led",
                "vague_or_hype", "missing_dates"]),
    dict(ref="PRJ0329", rag="A", title="Integration engine upgrade (v8 to v10)", stage="Build", pri=2,
         req="IM&T", sro="Chief Information Officer", cl="Dr A.N. (CCIO)",
         desc="Upgrade the integration engine. Discharge summaries to GPs are failing without anyone knowing: 4.6% "
              "bounced in Jan (about 380 letters). Picked up from complaints raised at the GP practice forum.",
         aim="A2 Care closer to home with system partners",
         ben="GPs get every discharge summary: failures from 4.6% to under 0.5%. Complaints about missing letters "
             "down from 27 a quarter.",
         sup="Lintree Integration (existing support contract; HL7 v2 and FHIR)",
         how="New version in test first, replay a month of real messages, then live. Monthly fix releases after.",
         start=D(2026, 3, 2), end=D(2026, 9, 30), cost="£120k cap; support in existing £40k pa",
         pm="Integration lead (in-house)",
         upd="Daily failed-message report now goes to integration team. CSO reviewed hazard log for lost letters. "
             "GP reps see the failure figures monthly.",
         code="EEEEEEEM", clinical=True, flags=[]),
    dict(ref="PRJ0333", rag="G", title="Managed security operations centre", stage="Contract", pri=1,
         req="IM&T", sro="SIRO", cl="n/a",
         desc="Outsource 24/7 security monitoring to a managed SOC. DSPT 'approaching standards' on 3 assertions and "
              "we have one cyber engineer.",
         aim="Mandatory - DSPT", ben="DSPT standards met. Lower cyber risk.",
         sup="Hexley Digital SOC - direct award, 3 yrs, auto-renews", how="Supplier onboarding, 8 wks",
         start=D(2026, 5, 1), end=D(2026, 6, 30), cost="£165k pa", pm="IT security lead", upd="-",
         code="MMMMPMMM", clinical=False,
         flags=["tech_centred", "no_measurable_goal", "output_only_benefits", "supplier_led", "lock_in_risk"]),
    dict(ref="PRJ0337", rag="G", title="Two-way text reminders - pilot", stage="Pilot", pri=2,
         req="Outpatients", sro="Head of Outpatients", cl="-",
         desc="Highest DNA clinics are MSK physio (14%) and paeds (12%). Booking team logged calls for a month: 1 in "
              "3 people ringing to cancel couldn't get through. Two-way texts let patients cancel or rebook by reply.",
         aim="A1 Safe and timely hospital care",
         ben="DNA in the 2 pilot clinics from 13% to 9%; freed slots rebooked. Weekly from PAS.",
         sup="Quillon Health - 12-wk trial, no commitment",
         how="12 weeks in MSK physio and paeds. Roll out only if DNA falls by 2 points or more; if not, stop.",
         start=D(2026, 2, 2), end=D(2026, 4, 30), cost="£8k trial", pm="Outpatient services manager",
         upd="Wk 6: MSK 11.5%, paeds unchanged. Paeds text reworded after parents said it read like a bill.",
         code="EEEEPEME", clinical=False, flags=[]),
    dict(ref="PRJ0341", rag="G", title="RPA - back office automation", stage="Approved", pri=2,
         req="Finance", sro="Director of Finance", cl="n/a",
         desc="Deploy RPA bots across finance and HR to release capacity. Supplier to identify candidate processes.",
         aim="CIP", ben="Efficiency savings; bots live by year end.",
         sup="Trellick Consulting (RPA centre of excellence as a service)", how="Supplier CoE builds and runs bots",
         start="Q1 2026/27", end="Mar-27", cost="£280k", pm="Trellick", upd="-",
         code="MMMMMMMM", clinical=False,
         flags=["tech_centred", "no_measurable_goal", "output_only_benefits", "supplier_led", "vague_or_hype"]),
]


def build_a(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Export"
    ws.append([c[0] for c in A_COLS])
    for cell in ws[1]:
        cell.font = BOLD
    for p in A_PROJECTS:
        ws.append([p.get(k) for _, _, k in A_COLS])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "dd/mm/yyyy"
    ws.auto_filter.ref = ws.dimensions
    ws.freeze_panes = "C2"
    for col, width in zip("ABCDEFGHIJKLMNOPQR", [5, 9, 34, 14, 8, 18, 24, 22, 60, 26, 50, 34, 40, 11, 11, 20, 20, 50]):
        ws.column_dimensions[col].width = width

    notes = wb.create_sheet("Notes")
    lines = [
        ("Notes - IT & Digital project export", None),
        ("Exported from the PPM tool on 14/04/2026 by the PMO. The Export tab is overwritten each month - don't edit it.", None),
        (None, None),
        ("Digital Strategy 2024-27 (Trust Board, Jul-24) - strategic aims:", None),
    ] + [(None, o) for o in A_OBJECTIVES] + [
        ("Strategy refresh planned for 2027. 'Strategic Aim' is free text in the PPM tool.", None),
        (None, None),
        ("Resourcing", None),
        ("In-house IT & digital staff (WTE)", 9),
        ("Of which project managers", 2),
        ("Other PMs on the export are contractor or supplier staff.", None),
        (None, None),
        ("Governance: new projects go to IMT Steering Group, then Finance & Performance. Every change goes to the weekly CAB.", None),
        ("Priority: 1 = critical, 2 = high, 3 = medium.", None),
        ("RAG: R / A / G, the PM's own call; A/R where unsure. Blank = not yet assessed.", None),
    ]
    for a, b in lines:
        notes.append([a, b])
    notes["A1"].font = Font(bold=True, size=12)
    notes.column_dimensions["A"].width = 60
    notes.column_dimensions["B"].width = 48
    wb.save(path)


# ---------------------------------------------------------------------------
# Workbook B: Stourmere Community and Mental Health NHS FT (coherent)
# 'Cover' sheet first (missions, not-doing list, team); roadmap with two title
# rows and the header in row 3; mission column first; status in words;
# priority Now/Next/Later.
# ---------------------------------------------------------------------------
B_COLS = [
    ("Mission", "strategic_objective", "mission"),
    ("Ref", "ref", "ref"),
    ("Team", "other", "team"),
    ("Piece of work", "title", "title"),
    ("The problem (what we've seen)", "description", "problem"),
    ("Who for", "other", "who"),
    ("What should change", "benefits", "change"),
    ("How we'll know", "kpis", "know"),
    ("Exec sponsor", "owner", "exec"),
    ("Clinical lead", "clinical_lead", "cl"),
    ("Approach & next step", "delivery_approach", "how"),
    ("Partner", "supplier", "partner"),
    ("Stage", "stage", "stage"),
    ("From", "start_date", "start"),
    ("To", "end_date", "end"),
    ("Next checkpoint", "other", "check"),
    ("£ this year", "budget", "money"),
    ("Money from", "other", "source"),
    ("Status", "rag", "status"),
    ("Now/Next/Later", "priority", "pri"),
    ("What we changed / decided", "other", "log"),
]

B_OBJECTIVES = [
    "M1 Fewer people waiting without support",
    "M2 More time for care in the community",
    "M3 Safer care on our wards and at home",
    "M4 One record that follows the person",
]

B_PROJECTS = [
    dict(mission="M1", ref="SM-01", team="Access", title="CAMHS waiting list check-ins",
         problem="Children and families wait a median 31 weeks for a first CAMHS appointment and hear nothing in "
                 "between. In our 2025 family survey 64% didn't know who to call if things got worse. Parents' group "
                 "wrote the check-in texts with us.",
         who="Families on the CAMHS waiting list; CAMHS duty team",
         change="Families know where to turn while waiting; fewer crises before the first appointment",
         know="% of families contacted each month (target 90%); A&E attendances by children on the list (baseline "
              "14 a month); repeat family survey Oct-26",
         exec="Chief Operating Officer", cl="Dr H.T. (consultant clinical psychologist, CAMHS)",
         how="One locality since Jan. Week-8 review: if under half of families reply, switch to phone check-ins by "
             "the duty team instead of texts.",
         partner="Tellwright messaging (ICS-wide contract)", stage="Beta", start=D(2026, 1, 12), end=D(2026, 9, 30),
         check=D(2026, 5, 14), money=18000, source="Trust revenue (recurrent)", status="On track", pri="Now",
         log="Mar-26: 58% replied in locality 1, so carrying on. Added Polish and Urdu versions after parents asked. "
             "Hazard log agreed with CSO: no reply = duty worker calls.",
         code="EEEEEEEE", clinical=True, flags=[]),
    dict(mission="M1", ref="SM-02", team="Access", title="Online self-referral - adult talking therapies",
         problem="Self-referral is phone only, 9 to 5. Jan call audit: a third of attempts were out of hours and 33% "
                 "of callers hung up before we answered.",
         who="Adults self-referring; talking therapies admin and triage clinicians",
         change="People can refer themselves when they're ready, not when the phone is staffed",
         know="Self-referrals a week (baseline 140, all by phone); % completed online; abandoned calls (baseline "
              "33%) - fortnightly to service leads",
         exec="Chief Operating Officer", cl="Clinical lead, talking therapies (R.B.)",
         how="Form tested with 12 former service users, 3 with a learning disability. Beta in Northern locality "
             "from May; other localities after 6 weeks.",
         partner="Built in-house on the trust forms platform", stage="Alpha", start=D(2026, 2, 2), end=D(2026, 8, 31),
         check=D(2026, 6, 26), money=22000, source="Trust revenue (recurrent)", status="On track", pri="Next",
         log="Feb-26: took the screening questionnaire off the form - testers found it off-putting at first contact; "
             "asked at assessment instead. DCB0129 with in-house CSO.",
         code="EEEEEPEE", clinical=True, flags=[]),
    dict(mission="M2", ref="SM-03", team="Community Nursing", title="District nursing app - offline notes",
         problem="Two DN teams logged signal for 3 weeks: no signal on 40% of rural visits. Notes go on paper and are "
                 "typed up back at base, about 50 min a nurse a day.",
         who="District nurses, Eastern and Moorside teams",
         change="Nurses finish notes in the home and get that time back for visits",
         know="Typing-up time per nurse per day (baseline 50 min, target 15); % of notes done at the visit - weekly "
              "from EPR audit",
         exec="Chief Nurse", cl="K.L., community matron",
         how="6-week trial of offline mode with the 2 teams. Wider roll-out only if sync errors stay under 1%.",
         partner="Calder Rook EPR - mobile module under existing contract", stage="Beta", start=D(2026, 1, 5),
         end=D(2026, 10, 30), check=D(2026, 4, 24), money=35000, source="Trust revenue (recurrent)",
         status="At risk", pri="Now",
         log="Sync errors 3% in week 3 - supplier fix due 20/04. Trial extended 2 weeks rather than widening. CSO "
             "signed off hazard log for note conflicts.",
         code="EEEEEPEE", clinical=True, flags=[]),
    dict(mission="M2", ref="SM-04", team="Community Nursing", title="Visit scheduling for community teams",
         problem="Team leads say they spend most of a Monday planning visits on a whiteboard and then moving them "
                 "around when staff are off.",
         who="Community team leads", change="Less time planning; visits matched to skills and travel",
         know="Time spent scheduling - no baseline yet, discovery will count it",
         exec="Chief Nurse", cl="Community matron (S.D.)",
         how="Discovery: product manager and user researcher shadowing 3 team leads. Options paper (configure in "
             "EPR or buy) due Jun; no spend before that.",
         partner="None yet", stage="Discovery", start=D(2026, 3, 2), end="Mar-27", check="Jun-26 options paper",
         money=15000, source="Trust revenue", status="On track", pri="Next", log="-",
         code="PPMPEMMP", clinical=False, flags=["no_measurable_goal"]),
    dict(mission="M3", ref="SM-05", team="MH Inpatient", title="Observation checks on handhelds - Larch ward",
         problem="Nurses record 15-minute and hourly checks on paper. Audit of 3 wards (Nov): 9% of checks not "
                 "written up on time, worse on nights. Staff told us the clipboards go missing.",
         who="Inpatient nurses and HCAs; patients on enhanced observations",
         change="Every check done and recorded on time; less time chasing paperwork on nights",
         know="Checks recorded on time (baseline 91%, target 99%); write-up time per shift - weekly to ward manager",
         exec="Chief Nurse", cl="Consultant nurse, inpatients (A.P.)",
         how="Larch ward only for 4 weeks, then staff council reviews it before the other 2 acute wards.",
         partner="Brindle Digital - 6-month licence, break clause, data exportable as CSV/FHIR", stage="Beta",
         start=D(2026, 2, 16), end=D(2026, 7, 31), check=D(2026, 4, 30), money=28000, source="Trust revenue",
         status="On track", pri="Now",
         log="DCB0160 signed by CSO before go-live on Larch. Ward team chose the device case after trying 3.",
         code="EEEEEEEP", clinical=True, flags=[]),
    dict(mission="M3", ref="SM-06", team="MH Inpatient", title="EPMA for mental health wards",
         problem="Paper drug charts on all 6 wards. 212 medicines incidents in 2025; pharmacy review put 38% down to "
                 "transcribing or illegible charts.",
         who="Ward nurses, prescribers, ward pharmacists",
         change="Fewer medicines errors from copying and handwriting",
         know="Transcription/illegibility incidents per quarter (baseline 20) - reviewed after go-live",
         exec="Medical Director", cl="Chief Pharmacist and Dr M.A. (consultant psychiatrist)",
         how="All 6 wards switch in one go in Feb-27; pharmacy say they can't run paper and electronic charts side "
             "by side.",
         partner="Calder Rook - variation to the EPR contract (runs to 2031)", stage="Planning", start=D(2026, 6, 1),
         end="Feb-27", check=None, money=140000, source="Capital + EPR revenue", status="At risk", pri="Now",
         log="Safety case to be started when build begins.",
         code="PEPMPPMM", clinical=True,
         flags=["big_bang", "lock_in_risk", "clinical_safety_missing", "missing_dates"]),
    dict(mission="M1", ref="SM-07", team="Crisis & Urgent", title="Crisis line call-back",
         problem="Telephony stats Nov-Jan: 22% of crisis line callers hang up after waiting 5 minutes or more. "
                 "Callers and crisis workers designed a call-back option together in 2 workshops.",
         who="People calling the crisis line; crisis call handlers",
         change="Callers aren't left hanging on; fewer repeat calls in distress",
         know="Abandoned calls 22% to 10%; call-back within 30 min 95% - nightly report",
         exec="Chief Operating Officer", cl="Crisis team manager (J.O.), RMN",
         how="Evenings first (worst abandonment). Days from Jun if call-back times hold. If call-backs go over 30 "
             "min on more than 2 nights a week we turn it off and fund a second evening handler instead.",
         partner="Arrowdell Voice (existing telephony contract)", stage="Beta", start=D(2026, 1, 19),
         end=D(2026, 7, 31), check=D(2026, 5, 29), money=9000, source="Trust revenue", status="On track", pri="Now",
         log="Apr-26: call-back times held at 18 min on evenings.",
         code="EEEEEPPE", clinical=False, flags=[]),
    dict(mission="M3", ref="SM-08", team="Crisis & Urgent", title="Crisis plans visible in A&E",
         problem="Crisis plans in our EPR can't be seen by ED at the two acute trusts. Liaison team counted about 60 "
                 "faxes a week sending plans over.",
         who="ED and liaison staff; people in crisis attending A&E",
         change="ED staff see the person's own crisis plan straight away", know="Faxes per week (baseline 60)",
         exec="Medical Director", cl="Liaison psychiatry consultant (Dr N.W.)",
         how="Paused Feb-26: the ICS shared care record will show crisis plans from Q1 2027, so building our own "
             "feed would be wasted. Restart only if the ICS date slips beyond Mar-27.",
         partner="ICS shared care record (national standards)", stage="Paused", start=D(2025, 10, 1), end="Mar-27",
         check="Apr-27 ICS date check", money=0, source="-", status="-", pri="-",
         log="Paused by Digital & Data Committee 18/02/2026.",
         code="EPPPPEME", clinical=True, flags=[]),
    dict(mission="M4", ref="SM-09", team="Records & Integration", title="GP medication list in our EPR",
         problem="Clinicians re-ask people about their medicines at every first assessment. Audit of 50 first "
                 "assessments: 19 had medicines wrong or missing.",
         who="Community and inpatient clinicians; pharmacy technicians",
         change="Medicines right from the first contact; less time re-asking",
         know="First assessments with meds reconciled within 24h (baseline 62%, target 90%) - monthly audit",
         exec="Medical Director", cl="Deputy CMO (Dr F.O.)",
         how="Release 1 (Apr): read-only view for one community team. Release 2 (Sep): import into the record - "
             "waits until we've seen how much release 1 gets used.",
         partner="Calder Rook EPR + national FHIR API - no new contract", stage="Beta", start=D(2026, 1, 5),
         end=D(2026, 9, 30), check="Jun-26 (routine)", money=12000, source="Trust revenue", status="On track",
         pri="Now", log="Hazard log and DCB0160 done by CSO. 8 clinicians tested the view before release 1.",
         code="EEEEEEEP", clinical=True, flags=[]),
    dict(mission="ICS plan", ref="SM-10", team="ICS programme", title="ICS shared care record - our feed",
         problem="ICS programme to bring our mental health and community records into the shared record used across "
                 "the system.",
         who="ICS partners (acute, GP, social care)", change="Joined-up care across the system",
         know="Views of our records by partner staff - tbc",
         exec="Chief Digital Officer", cl="Deputy CMO (Dr F.O.)", how="ICS phased plan - our feed in wave 2",
         partner="Wexley Care Record (ICS contract)", stage="Build", start=D(2025, 9, 1), end="Q1 2027/28",
         check="ICS board (quarterly)", money=0, source="ICS funded to Mar-27; our run cost after that not agreed",
         status="At risk", pri="Next", log="DPIA signed off. ICS holds the DCB0129; our DCB0160 not started.",
         code="PPMPPEPM", clinical=True,
         flags=["no_measurable_goal", "funding_ends_at_go_live", "clinical_safety_missing"]),
    dict(mission="M1", ref="SM-11", team="Data & Insight", title="Waiting list view for team managers",
         problem="Team managers keep 14 different spreadsheets of who is waiting. We sat in on 4 waiting list "
                 "meetings: the first 20 minutes went on agreeing the numbers.",
         who="Community and CAMHS team managers; waiting list meeting",
         change="One trusted list, so meetings go on the people waiting longest",
         know="Time spent reconciling (baseline 20 min/meeting); % of long waiters contacted in last 4 weeks "
              "(baseline 71%, target 90%) - monthly",
         exec="Chief Operating Officer", cl="Associate Director of Nursing, community",
         how="First version to 3 teams in 6 weeks, then the rest in pairs. 5 spreadsheets retired so far.",
         partner="In-house BI on existing licences", stage="Live (expanding)", start=D(2025, 11, 3),
         end=D(2026, 6, 30), check=D(2026, 5, 7), money=0, source="Within Data & Insight budget", status="On track",
         pri="Next",
         log="Dropped the demographic breakdowns from v1 - nobody used them in testing. Managers see a demo every "
             "month.",
         code="EEEEEPPE", clinical=False, flags=[]),
    dict(mission="M1", ref="SM-12", team="Data & Insight", title="DNA prediction - test in 2 clinics",
         problem="Community podiatry and MSK clinics lose 11% of slots to DNAs (2025). Test whether a simple machine "
                 "learning model can pick out the appointments most likely to be missed so admin staff ring those "
                 "patients first.",
         who="Clinic admin staff; patients in podiatry and MSK",
         change="Fewer wasted slots; patients who struggle to attend get a call",
         know="DNA rate 11% to 8% in the 2 test clinics vs 2 matched clinics; calls per DNA avoided",
         exec="Chief Operating Officer", cl="Head of podiatry (L.M.)",
         how="8-week test in 2 clinics against 2 matched clinics. Stop if the gap is under 1 point.",
         partner="In-house analyst, open-source tools", stage="Ready to start", start=D(2026, 9, 7),
         end=D(2026, 12, 18), check="Nov-26 stop/continue", money=6000, source="Trust revenue", status="On track",
         pri="Later", log="DPIA done for use of appointment data. Not used for any clinical decision.",
         code="PEEEEMPE", clinical=False, flags=[]),
    dict(mission="M2", ref="SM-13", team="Platforms", title="Community laptop replacement",
         problem="Lease on 900 community laptops ends Dec-26. Replace all with lighter devices on the same image "
                 "before the lease company collects.",
         who="All community staff", change="Staff have supported devices", know="900 devices swapped by Dec-26",
         exec="Chief Digital Officer", cl="n/a", how="Team by team, about 60 a week from Sep",
         partner="Galloway Tech via national framework", stage="Planning", start=D(2026, 9, 1), end=D(2026, 12, 18),
         check="Jul-26 (routine)", money=610000, source="Capital (device programme)", status="On track", pri="Now",
         log="-",
         code="MMMPPPMM", clinical=False,
         flags=["tech_centred", "output_only_benefits", "funding_ends_at_go_live"]),
    dict(mission="M3", ref="SM-14", team="Platforms", title="Patient Wi-Fi on acute MH wards",
         problem="Patients on the 4 acute wards have no Wi-Fi. Service user council raised it 3 times in 2025; a "
                 "ward survey found 80% of patients couldn't get online for video calls with family or benefits "
                 "appointments.",
         who="Inpatients on acute wards; ward staff",
         change="Patients stay in touch with family and keep appointments while on the ward",
         know="% of patients able to get online (survey baseline 20%, target 90%)",
         exec="Chief Digital Officer", cl="Ward manager, Birch ward (T.F.)",
         how="Birch ward first with ward rules agreed by patients and staff; the other 3 wards follow a review of "
             "how Birch went.",
         partner="Penhallow Networks - framework call-off", stage="Build", start=D(2026, 3, 2), end=D(2026, 11, 30),
         check="Jul-26 (routine)", money=48000, source="Capital + £6k pa revenue", status="On track", pri="Next",
         log="Service user council and ward staff agreed the usage rules. DPIA covers content filtering.",
         code="EEPEPPEP", clinical=False, flags=[]),
    dict(mission="M3", ref="SM-15", team="Access", title="Home weighing kits - eating disorders",
         problem="Trialled home weight and BP kits for adults under community eating disorder care so fewer had to "
                 "travel for weekly checks. 10-week pilot with 15 patients.",
         who="Adults under the community eating disorder team",
         change="Fewer trips for checks; earlier warning of physical risk",
         know="Missed weekly checks (baseline 1 in 4); travel time saved",
         exec="Medical Director", cl="Consultant psychiatrist, eating disorders (Dr C.V.)",
         how="Stopped Jan-26 at the 10-week review. Focus group of 9 patients said weighing alone at home made "
             "things worse; clinicians saw no fall in missed checks (still 1 in 4).",
         partner="Marrick Health - loan kit, no purchase", stage="Stopped", start=D(2025, 10, 6), end=D(2026, 1, 16),
         check="n/a (stopped)", money=0, source="-", status="-", pri="-",
         log="Kit returned. Learning shared with ICS eating disorder network. Hazard log closed by CSO.",
         code="EEEEPEPE", clinical=True, flags=[]),
    dict(mission="M4", ref="SM-16", team="Records & Integration", title="Switch off CareLog (legacy record)",
         problem="CareLog has been read-only since the 2019 EPR move and costs £85k a year. About 40 staff still log "
                 "in each month; we interviewed 12 of them - almost all want old letters and risk assessments.",
         who="Staff still using CareLog (mostly medical secretaries and consultants)",
         change="£85k a year saved; one less system to patch",
         know="Monthly CareLog log-ins (baseline 40, target 0 by Oct)",
         exec="Chief Digital Officer", cl="Deputy CMO (Dr F.O.)",
         how="Move the letters and risk assessments those 40 users need into the archive viewer first. Switch-off "
             "Oct-26. Jul checkpoint: if any team still needs CareLog daily, extend by 3 months, once only.",
         partner="Archive viewer under existing EPR contract", stage="Build", start=D(2026, 2, 2), end=D(2026, 10, 30),
         check=D(2026, 7, 16), money=20000, source="Trust revenue", status="On track", pri="Next",
         log="CSO reviewed loss-of-access risk; hazard log updated.",
         code="EPEPEPPE", clinical=True, flags=["output_only_benefits"]),
    dict(mission="M3", ref="SM-17", team="Unassigned", title="MHA paperwork - digital transformation",
         problem="User-centred, agile transformation of Mental Health Act paperwork on an innovative e-forms "
                 "platform. Discovery, co-design and sprints planned. Paperless by 2027.",
         who="-", change="Paperless MHA office; transformed experience", know="tbc",
         exec="Medical Director", cl="TBC", how="Agile (tbc). Market engagement first.", partner="TBC",
         stage="Idea", start="Q4 2026/27", end="TBC", check="TBC", money="TBC", source="Not identified",
         status=None, pri="Later", log="Raised by MHA office manager via the ideas form.",
         code="MMMMMMMM", clinical=True,
         flags=["tech_centred", "no_measurable_goal", "output_only_benefits", "no_clinical_lead", "vague_or_hype",
                "clinical_safety_missing", "missing_dates"]),
]


def build_b(path):
    wb = Workbook()
    cover = wb.active
    cover.title = "Cover"
    lines = [
        ("Stourmere Community and Mental Health NHS Foundation Trust", None),
        ("Digital roadmap 2026-27", None),
        ("Version 1.3, for Digital & Data Committee 22/04/2026. Owner: Chief Digital Officer.", None),
        (None, None),
        ("Our digital missions (Digital Strategy 2025-28, agreed with Ellerdale and Wrayford ICS)", None),
    ] + [(None, o) for o in B_OBJECTIVES] + [
        (None, None),
        ("Not doing in 2026-27", None),
        (None, "No new trust-built patient apps: we use the NHS App and the ICS messaging contract"),
        (None, "No EPR replacement before the 2029 contract review"),
        (None, "No AI in clinical decisions until the CSO post is full time"),
        (None, None),
        ("Team", None),
        ("In-house digital & data staff (WTE)", 34),
        (None, "7 product teams, each with a product manager and a clinical lead with one funded session a week."),
        (None, "WIP limit: no more than 2 active items per team."),
        (None, "The ICS shared care record is run by the ICS programme; Records & Integration support it."),
        (None, None),
        ("Keys", None),
        (None, "Status: On track / At risk / Off track. '-' for paused or stopped."),
        (None, "Now = this half-year, Next = after that, Later = not before 2027."),
        (None, "Paused and stopped work stays on the roadmap for 12 months so the committee can see what was dropped."),
    ]
    for a, b in lines:
        cover.append([a, b])
    cover["A1"].font = Font(bold=True, size=13)
    cover["A2"].font = Font(bold=True, size=12)
    cover.column_dimensions["A"].width = 38
    cover.column_dimensions["B"].width = 95

    ws = wb.create_sheet("Roadmap 26-27")
    ws.append(["Stourmere CMH NHSFT - Digital roadmap 2026-27"])
    ws.append(["Position at 31/03/2026. One row per piece of work. £ = this financial year. Missions M1-M4: see Cover."])
    ws.append([c[0] for c in B_COLS])
    ws["A1"].font = Font(bold=True, size=12)
    for cell in ws[3]:
        cell.font = BOLD
        cell.fill = HEAD_FILL
        cell.alignment = WRAP
    for p in B_PROJECTS:
        ws.append([p.get(k) for _, _, k in B_COLS])
    for row in ws.iter_rows(min_row=4):
        for cell in row:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "dd-mmm-yy"
            elif isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                cell.number_format = "#,##0"
    ws.freeze_panes = "E4"
    widths = [9, 7, 18, 32, 55, 30, 40, 48, 22, 30, 55, 36, 13, 10, 10, 18, 10, 26, 10, 9, 55]
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[ws.cell(row=3, column=i).column_letter].width = w
    wb.save(path)


# ---------------------------------------------------------------------------
# Workbook C: Fernhallow University Hospitals NHS FT (shopping list, but every
# scheme cites an aim). Title block rows 1-3, blank row 4, header in row 5;
# 'Programme' cells merged down each group; source note under the data;
# 'Aims & key' sheet after the tracker.
# ---------------------------------------------------------------------------
C_COLS = [
    ("Programme", "other", "prog"),
    ("ID", "ref", "ref"),
    ("Aim", "strategic_objective", "aim"),
    ("Scheme", "title", "title"),
    ("Summary", "description", "desc"),
    ("Benefits", "benefits", "ben"),
    ("KPI", "kpis", "kpi"),
    ("Exec lead", "owner", "exec"),
    ("CCIO / clinical sign-off", "clinical_lead", "cl"),
    ("Vendor", "supplier", "vendor"),
    ("Method", "delivery_approach", "how"),
    ("Phase", "stage", "stage"),
    ("Start (FY)", "start_date", "start"),
    ("Go-live", "end_date", "end"),
    ("Whole life cost", "budget", "cost"),
    ("Funding source", "other", "fund"),
    ("Prev RAG", "other", "prev"),
    ("RAG", "rag", "rag"),
    ("Priority", "priority", "pri"),
    ("Comments", "other", "comm"),
]

C_OBJECTIVES = [
    "SA1 Outstanding care, every time",
    "SA2 Timely access to planned care",
    "SA3 A great place to work",
    "SA4 Modern, secure digital infrastructure",
    "SA5 Partnership with our ICS",
    "SA6 Research and innovation",
]

P1_, P2_ = "1 - Essential", "2 - Important"

C_PROJECTS = [
    dict(prog="EPR & Clinical Systems", ref="DP26-01", aim="SA1 - Outstanding care", title="EPR replacement",
         desc="Current Tolland EPR contract ends Mar-28. Procure and implement a new single EPR for all Fernhallow "
              "and St Ebba's services, replacing Tolland and 9 departmental systems.",
         ben="Single patient record. Paperless wards. Digital maturity level 6.", kpi="Go-live on time and on budget",
         exec="Chief Digital Information Officer", cl="CCIO (interim)",
         vendor="TBC - 3 bidders shortlisted, 10-yr term", how="Big bang go-live across all sites, Easter 2028",
         stage="Business case (OBC)", start="2025/26", end="Apr-28", cost="£38m (10 yrs)",
         fund="National EPR capital + trust capital", prev="A", rag="A", pri=P1_,
         comm="Dates fixed by Tolland contract end. FBC to Board Sep-26. Run costs after go-live not in the OBC.",
         code="MMMMPMMM", clinical=True,
         flags=["tech_centred", "no_measurable_goal", "output_only_benefits", "big_bang", "lock_in_risk",
                "funding_ends_at_go_live", "clinical_safety_missing"]),
    dict(prog="EPR & Clinical Systems", ref="DP26-02", aim="SA4 - Infrastructure", title="EPR upgrade to v14",
         desc="Upgrade current EPR to v14 to stay in support until the replacement EPR arrives.",
         ben="Supported system", kpi="-", exec="Chief Digital Information Officer", cl="n/a",
         vendor="Tolland (existing contract)", how="Supplier upgrade over one weekend", stage="Planning",
         start="2026/27", end="Aug-26", cost="£240k", fund="Capital", prev="G", rag="G", pri=P1_, comm="-",
         code="MMMMMPMM", clinical=True,
         flags=["tech_centred", "no_measurable_goal", "output_only_benefits", "no_clinical_lead",
                "funding_ends_at_go_live", "vague_or_hype", "clinical_safety_missing"]),
    dict(prog="EPR & Clinical Systems", ref="DP26-12", aim="SA4 - Infrastructure", title="Order comms upgrade and hosting",
         desc="Upgrade Mortlake order comms to v9 and move it to supplier hosting, as the on-site servers are end of "
              "life next year.",
         ben="Supported, hosted system", kpi=None, exec="IT", cl="Pathology clinical director",
         vendor="Mortlake Diagnostics IT (sole supplier)", how="Supplier-led upgrade and migration", stage="Planning",
         start="Q1 26/27", end="TBC", cost="TBC", fund="TBC", prev="A", rag="A", pri=P1_,
         comm="Waiting for supplier quote since Dec.",
         code="MMMMMMMM", clinical=True,
         flags=["tech_centred", "no_measurable_goal", "output_only_benefits", "no_owner", "supplier_led",
                "lock_in_risk", "clinical_safety_missing", "missing_dates"]),
    dict(prog="EPR & Clinical Systems", ref="DP26-13", aim="SA4 - Infrastructure", title="Electronic ward status boards",
         desc="Swap ward whiteboards for screens fed from the EPR on 12 wards. Matrons asked for it at the nursing "
              "forum.",
         ben="Better flow and safer handovers", kpi="Discharges before noon (currently 14%)",
         exec="Deputy Chief Nurse", cl="CNIO", vendor="Tolland (EPR add-on module)",
         how="Starting with the two medical wards that asked first; the rest, two a month, wait until those two "
             "have been looked at", stage="Planning",
         start="Jul-26", end="Jan-27", cost="£290k",
         fund="Capital. Support costs to be picked up by divisions (not agreed)", prev="G", rag="G", pri=P1_,
         comm="-",
         code="PPPEPPMP", clinical=True, flags=["funding_ends_at_go_live", "clinical_safety_missing"]),
    dict(prog="EPR & Clinical Systems", ref="DP26-14", aim="SA4 - Infrastructure",
         title="Nursing documentation transformation",
         desc="Co-designed, user-centred and iterative roll-out of e-documentation, built with nurses for nurses and "
              "in line with national nursing documentation standards. Sprints and show-and-tells to start once the "
              "product owner is recruited (post not yet advertised).",
         ben="Time to care; better experience for nurses", kpi="tbc - baseline to be done in discovery",
         exec="Chief Nurse", cl="CNIO", vendor="Tolland (EPR nursing module)", how="Agile, iterative (detail tbc)",
         stage="Initiation", start="Q3 26/27", end="TBC", cost="£450k", fund="Capital", prev="G", rag="G", pri=P1_,
         comm="Discovery and user research to be commissioned.",
         code="PPMPPPMM", clinical=True,
         flags=["tech_centred", "no_measurable_goal", "funding_ends_at_go_live", "vague_or_hype",
                "clinical_safety_missing", "missing_dates"]),
    dict(prog="EPR & Clinical Systems", ref="DP26-15", aim="SA4 - Infrastructure", title="Vital signs monitors to EPR",
         desc="HCAs re-type observations from the monitors into the EPR: 2.4 min a set (timed on Ward 9), about 1,900 "
              "sets a day. Spot audit found typing errors in 4% of sets.",
         ben="Obs in the record straight away; fewer missed deteriorations; roughly 75 HCA hours a day back",
         kpi="Time per obs set (baseline 2.4 min); typing errors (baseline 4%)",
         exec="Chief Nurse", cl="Consultant nurse, deteriorating patient",
         vendor="Cardine Medical - proprietary middleware, 7-yr managed service bundled with the new monitors",
         how="All wards at once when the monitors are swapped in Oct", stage="Business case", start="2026/27",
         end="Oct-26", cost="£1.1m + £140k pa", fund="Capital + revenue agreed", prev="G", rag="G", pri=P1_,
         comm="Cardine DCB0129 received; our DCB0160 with the CSO in progress.",
         code="EEPMPMPM", clinical=True, flags=["big_bang", "lock_in_risk"]),
    dict(prog="Infrastructure", ref="DP26-04", aim="SA4 - Infrastructure", title="Server estate to cloud",
         desc="Lift and shift 210 servers to public cloud and close the Fernhallow server room by Mar-27.",
         ben="Resilience. Estates saving £180k pa.", kpi="Servers migrated (210)",
         exec="Chief Digital Information Officer", cl="n/a", vendor="Kinloch Cloud Partners (consultancy)",
         how="Consultancy migrates in 3 waves", stage="Delivery", start="2025/26", end="Mar-27", cost="£1.9m",
         fund="Capital + revenue (cloud spend tbc)", prev="R", rag="R", pri=P1_,
         comm="Wave 1 slipped Nov to Feb; wave 2 replanned to Jul. Cloud bills running 40% over estimate - no "
              "review yet. Plan unchanged.",
         code="MPMPMMMM", clinical=False,
         flags=["tech_centred", "output_only_benefits", "supplier_led", "stuck_on_plan"]),
    dict(prog="Infrastructure", ref="DP26-05", aim="SA4 - Infrastructure", title="Wireless network refresh",
         desc="Refresh the wireless network at Fernhallow and St Ebba's. Current access points are end of life in "
              "2027 and don't support the latest standard.",
         ben="Modern, resilient Wi-Fi", kpi="tbc", exec="Head of IT Infrastructure", cl="n/a",
         vendor="Coldharbour Networks - direct award off a framework, 5 yrs support",
         how="Vendor replaces all access points over 4 weekends", stage="Business case", start="Q1 26/27",
         end="Q4 26/27", cost="£1.3m", fund="Capital", prev="G", rag="G", pri=P1_, comm="-",
         code="MMMMPMMM", clinical=False,
         flags=["tech_centred", "no_measurable_goal", "output_only_benefits", "lock_in_risk",
                "funding_ends_at_go_live"]),
    dict(prog="Infrastructure", ref="DP26-06", aim="SA4 - Infrastructure", title="Immutable backups and restore testing",
         desc="In the Oct-25 ransomware exercise it took 31 hours to restore the EPR database; wards would have been "
              "on paper for 3 shifts. Add immutable backups and test restores every quarter.",
         ben="EPR back within 8 hours after an attack, so wards are on paper for 1 shift, not 3",
         kpi="Restore time (baseline 31h, target 8h), tested quarterly", exec="SIRO", cl="n/a",
         vendor="Greyfold Backup via G-Cloud, 2 yrs + 1",
         how="EPR first, then PACS and pathology in the second half of the year", stage="Delivery",
         start=D(2026, 1, 5), end=D(2026, 9, 30), cost="£350k + £60k pa", fund="Capital + cyber revenue budget",
         prev="G", rag="G", pri=P1_,
         comm="Ward managers from 3 wards ran the downtime drill with us in Feb and rewrote the paper fallback packs.",
         code="EEEEPPPM", clinical=False, flags=[]),
    dict(prog="Infrastructure", ref="DP26-07", aim="SA4 - Infrastructure", title="Managed print",
         desc="Managed print service - auto-renewed.", ben="Savings", kpi=None, exec="Procurement", cl="n/a",
         vendor="Inkwell Document Solutions (auto-renewed Jan-26 for 5 yrs)", how="-", stage="Live", start="2025/26",
         end="Ongoing", cost="£210k pa", fund="Revenue", prev="G", rag="G", pri=P2_,
         comm="On the tracker because of the renewal. No review of print volumes done.",
         code="MMMMMMMM", clinical=False,
         flags=["tech_centred", "no_measurable_goal", "output_only_benefits", "no_owner", "lock_in_risk",
                "vague_or_hype", "missing_dates"]),
    dict(prog="Digital Patient", ref="DP26-08", aim="SA2 - Planned care access", title="Patient engagement platform",
         desc="Deliver a best-in-class digital experience for patients through an innovative engagement platform, in "
              "support of our digital-first ambition and NHS App integration.",
         ben="Transformed patient experience. Reduced DNAs and admin costs.", kpi="To be set after go-live",
         exec="Chief Operating Officer", cl="TBC", vendor="Pearlstone Health - 5 yrs, direct award",
         how="All specialties live on day one", stage="Contract award", start="2026/27", end="Nov-26",
         cost="£760k (5 yrs)", fund="NHSE funding for 26/27 only", prev="A", rag="A", pri=P1_,
         comm="Overlaps DP26-09. Letters and results to go on the platform.",
         code="MPMMMMMM", clinical=True,
         flags=["tech_centred", "no_measurable_goal", "big_bang", "no_clinical_lead", "lock_in_risk",
                "funding_ends_at_go_live", "vague_or_hype", "clinical_safety_missing"]),
    dict(prog="Digital Patient", ref="DP26-09", aim="SA2 - Planned care access", title="PIFU in rheumatology",
         desc="Audit of 200 routine rheumatology follow-ups: 40% ended with 'no change, see in 6 months'. Patients on "
              "PIFU use an app to ask for an appointment when they flare instead. Patient panel (8 patients) helped "
              "design the request screens.",
         ben="Patients seen when they need to be, not by the calendar; routine follow-ups down 25%; flare to "
             "appointment under 7 days",
         kpi="Follow-ups (baseline 1,850 a year); flare-to-appointment days (baseline 23) - monthly to division",
         exec="Divisional Director, Medicine", cl="Dr E.W. (consultant rheumatologist)",
         vendor="Brightwater PIFU - 12-month pilot licence, break at 6 months",
         how="Rheumatology only. 6-month checkpoint: dermatology joins only if flare-to-appointment is under 10 days.",
         stage="Pilot", start=D(2025, 11, 3), end=D(2026, 10, 30), cost="£45k pilot", fund="Trust revenue",
         prev="G", rag="G", pri=P2_,
         comm="Consultant built the flare questions with the patient panel. Hazard log and DCB0160 done by CSO. "
              "Overlap with DP26-08 - which one stays?",
         code="EEEEEEEE", clinical=True, flags=[]),
    dict(prog="Imaging (ICS)", ref="DP26-03", aim="SA5 - ICS partnership", title="PACS replacement (ICS joint procurement)",
         desc="PACS contract ends Jun-27. Joint procurement with the other 3 ICS trusts so images move between us "
              "without CDs. Radiologists from all 4 trusts timed how long outside images take to arrive (2.5 days "
              "on average) and wrote the requirements.",
         ben="Outside images there the same day; fewer repeat scans (est. 300 a year)",
         kpi="Time to image availability (baseline 2.5 days, target under 4 hrs); repeat scans",
         exec="Medical Director", cl="Clinical director, radiology",
         vendor="ICS framework - preferred bidder Ardent Imaging; DICOM/open standards, exit and data return in contract",
         how="Site by site across the ICS; Fernhallow is second of 4. Old PACS kept read-only for 12 months.",
         stage="Procurement", start="2026/27", end="Q2 2027/28", cost="£4.1m (7 yrs, our share)",
         fund="Capital + revenue in ICS plan", prev="A", rag="G", pri=P1_,
         comm="ICS PMO runs the procurement. Our slot confirmed only after the first trust's go-live has been reviewed. "
              "DCB0160 to follow at implementation.",
         code="EEPPPEMP", clinical=True, flags=["clinical_safety_missing"]),
    dict(prog="Workforce", ref="DP26-11", aim="SA3 - Great place to work", title="Bank shift booking app",
         desc="Bank staff book shifts by phone or email. Bank office call log (Jan): about 600 calls a week, and 20% of "
              "shifts only filled in the last 4 hours.",
         ben="Shifts filled earlier; bank nurses pick shifts on their phone; agency shifts down from 140 to 100 a month",
         kpi="Agency shifts a month (baseline 140); % shifts filled 48h ahead",
         exec="Director of Workforce", cl="n/a", vendor="Hendry Workforce app - 12-month term",
         how="3-month pilot with 2 staffing groups. If agency use doesn't fall, we drop it at the 12-month renewal.",
         stage="Pilot", start=D(2026, 3, 2), end=D(2026, 6, 1), cost="£38k pa", fund="Workforce revenue",
         prev="G", rag="G", pri=P2_, comm="Bank office team running it day to day.",
         code="EEPEPPME", clinical=False, flags=[]),
    dict(prog="Data & Research", ref="DP26-10", aim="SA6 - Research & innovation",
         title="AI sepsis early warning - research",
         desc="Partnership with Marlcombe University and Qorvale AI to develop an AI early-warning algorithm using our "
              "EPR data.",
         ben="Potential to save lives. Possible income from IP.", kpi="-", exec="Director of Research", cl="TBC",
         vendor="Qorvale AI (data sharing agreement drafted by vendor)", how="Research project", stage="Idea",
         start="TBC", end="TBC", cost="£0 (vendor funded)", fund="Vendor in kind", prev="-", rag=None, pri=P2_,
         comm="Caldicott and IG review not yet requested.",
         code="MMMMMMMM", clinical=True,
         flags=["tech_centred", "no_measurable_goal", "no_clinical_lead", "vague_or_hype",
                "clinical_safety_missing", "missing_dates"]),
]

C_HEADER_ROW = 5


def build_c(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Tracker Q4 25-26"
    ws["A1"] = "Fernhallow UH NHS FT: Digital Programme Tracker"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Q4 2025/26 position for Digital Programme Board. Prepared by PMO (interim)."
    ws["A3"] = ("Aims: see 'Aims & key' tab. Costs are whole life unless stated. RAG: G / A / R; Prev RAG = Q3 "
                "position.")
    for i, (head, _, _) in enumerate(C_COLS, start=1):
        c = ws.cell(row=C_HEADER_ROW, column=i, value=head)
        c.font = BOLD
        c.fill = HEAD_FILL
        c.alignment = WRAP
    r = C_HEADER_ROW + 1
    group_start, group_name = r, None
    for p in C_PROJECTS:
        if p["prog"] != group_name:
            if group_name is not None and r - 1 > group_start:
                ws.merge_cells(start_row=group_start, start_column=1, end_row=r - 1, end_column=1)
            group_start, group_name = r, p["prog"]
            ws.cell(row=r, column=1, value=p["prog"]).alignment = WRAP
        for i, (_, _, k) in enumerate(C_COLS, start=1):
            if k == "prog":
                continue
            v = p.get(k)
            c = ws.cell(row=r, column=i, value=v)
            if isinstance(v, dt.datetime):
                c.number_format = "mmm-yy"
        r += 1
    if r - 1 > group_start:
        ws.merge_cells(start_row=group_start, start_column=1, end_row=r - 1, end_column=1)
    ws.cell(row=r + 1, column=1,
            value="Source: programme highlight reports to 31/03/2026. Schemes without a Q4 highlight report carried "
                  "forward from Q3.")
    widths = [18, 9, 22, 34, 60, 45, 42, 28, 26, 40, 40, 16, 10, 10, 18, 30, 8, 6, 13, 50]
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[ws.cell(row=C_HEADER_ROW, column=i).column_letter].width = w
    ws.freeze_panes = ws.cell(row=C_HEADER_ROW + 1, column=5)

    aims = wb.create_sheet("Aims & key")
    lines = [("Strategic aims (Trust Strategy 2025-30) - every digital scheme must map to one", None)]
    lines += [(o, None) for o in C_OBJECTIVES]
    lines += [
        (None, None),
        ("Digital team", None),
        ("In-house digital FTE (establishment)", 6),
        ("Plus 2 interim programme managers (agency); supplier and consultancy staff on named schemes.", None),
        (None, None),
        ("Priority: 1 - Essential, 2 - Important, 3 - Desirable", None),
        ("Phase: Idea > Initiation > Business case > Procurement > Planning > Delivery > Live", None),
        ("Approvals: Digital Programme Board, then Capital Investment Group; Trust Board for anything over £1m.", None),
    ]
    for a, b in lines:
        aims.append([a, b])
    aims["A1"].font = BOLD
    aims.column_dimensions["A"].width = 90
    wb.save(path)


# ---------------------------------------------------------------------------
# Labels, portfolio reasons
# ---------------------------------------------------------------------------
WORKBOOKS = [
    dict(
        file="castlewick_harnley_it_projects_export_apr26.xlsx", build=build_a, sheet="Export", header_row=1,
        cols=A_COLS, projects=A_PROJECTS, first_row=1 + 1, ref_col="ref", ref_re=r"^PRJ\d{4}$",
        start_key="start", end_key="end", next_key=None, desc_key="desc", cl_key="cl",
        verdict="shopping_list", objectives=A_OBJECTIVES, fte=9,
        reasons=[
            "8 of 16 projects (50%) cite none of the four digital aims A1-A4: 'BAU / compliance', 'Mandatory', "
            "'Mandatory - DSPT', 'Digital first (NHSE)', 'Paperless 2027', 'Patient safety (Quality Account)', 'CIP' "
            "or blank (S1 red).",
            "16 projects against 9 in-house WTE and 2 in-house project managers (8 per PM); 5 more are run by "
            "contractor or supplier PMs (S3 red).",
            "Every project is priority 1 or 2 (10 at 1 = critical, 6 at 2 = high) and none is 3 (S4 red).",
            "9 of 16 (56%) are framed around a technology with no user problem, and 9 of 16 (56%) have no measurable "
            "goal (S5 and S6 red).",
            "A1 carries 6 projects, A2 and A4 one each, A3 none (S2 not red at 50%).",
            "Nothing is stopped or paused; the AI command centre (PRJ0301) and BedView (PRJ0318) overlap; PRJ0315 has "
            "slipped twice with scope unchanged; seven projects are supplier-, contractor- or consultancy-led.",
            "Good projects exist: PRJ0298 SDEC board, PRJ0309 switchboard, PRJ0322 sepsis prompt, PRJ0329 integration "
            "engine and PRJ0337 text reminder pilot.",
        ],
    ),
    dict(
        file="stourmere_cmh_digital_roadmap_2026-27.xlsx", build=build_b, sheet="Roadmap 26-27", header_row=3,
        cols=B_COLS, projects=B_PROJECTS, first_row=3 + 1, ref_col="ref", ref_re=r"^SM-\d{2}$",
        start_key="start", end_key="end", next_key="check", desc_key="problem", cl_key="cl",
        verdict="coherent", objectives=B_OBJECTIVES, fte=34,
        reasons=[
            "15 active items (SM-08 paused and SM-15 stopped excluded); 14 cite one of missions M1-M4 and one (SM-10) "
            "cites the ICS plan (S1 7%).",
            "Every mission has 2-5 items (M1 5, M2 3, M3 4, M4 2), none with a single item (S2 green).",
            "34 in-house WTE in 7 product teams, each with a product manager and a funded clinical session; no team has "
            "more than 2 active items, plus one ICS-led and one unassigned idea (S3 green).",
            "7 of 15 are Now (47%), 6 Next and 2 Later (S4 green).",
            "2 of 15 technology-centred (SM-13 laptop lease, SM-17 MHA idea; 13%) and 3 of 15 without a measurable "
            "goal (20%) (S5 and S6 green).",
            "Things stop: SM-15 stopped on pilot evidence, SM-08 paused because the ICS record will cover it, SM-16 "
            "switches a legacy system off; there is a not-doing list and a WIP limit.",
            "Weak spots: SM-06 EPMA (all wards at once, long EPR contract variation, no safety case, no checkpoint), "
            "SM-10 ICS feed (no measure, ICS money ends Mar-27), SM-13 lease-driven laptop swap, SM-17 buzzword idea.",
        ],
    ),
    dict(
        file="fernhallow_uh_digital_programme_tracker_q4.xlsx", build=build_c, sheet="Tracker Q4 25-26",
        header_row=C_HEADER_ROW, cols=C_COLS, projects=C_PROJECTS, first_row=C_HEADER_ROW + 1, ref_col="ref",
        ref_re=r"^DP26-\d{2}$", start_key="start", end_key="end", next_key=None, desc_key="desc", cl_key="cl",
        verdict="shopping_list", objectives=C_OBJECTIVES, fte=6,
        reasons=[
            "All 15 schemes cite one of the six aims SA1-SA6, so S1 is green, but 9 of 15 sit under SA4 "
            "(infrastructure), used as a catch-all for EPR, ward boards and nursing documentation.",
            "4 of the 6 aims (SA1, SA3, SA5, SA6) have exactly one scheme (67%) (S2 red).",
            "15 schemes against 6 in-house digital FTE and 2 interim programme managers (7.5 per PM) (S3 red).",
            "11 of 15 are '1 - Essential' (73%), the rest '2 - Important'; nothing is '3 - Desirable' (S4 red).",
            "9 of 15 (60%) are technology-centred and 8 of 15 (53%) have no measurable goal (S5 and S6 red).",
            "Nothing is stopped or paused; DP26-04 cloud move is red two quarters running with slips and a 40% cost "
            "overrun and no review; DP26-08 and DP26-09 overlap; five schemes carry lock-in risk.",
            "Good schemes exist: DP26-09 PIFU, DP26-06 backups, DP26-11 bank shifts, DP26-03 ICS PACS.",
        ],
    ),
]


def labels_for(w):
    projects = {}
    for i, p in enumerate(w["projects"]):
        assert len(p["code"]) == 8 and set(p["code"]) <= set("EPM"), p["ref"]
        unknown = set(p["flags"]) - set(FLAGS)
        assert not unknown, (p["ref"], unknown)
        projects[p["ref"]] = {
            "row": w["first_row"] + i,
            "ref": p["ref"],
            "title": p["title"],
            "principles": {k: VALUE[c] for k, c in zip(PRINCIPLES, p["code"])},
            "flags": [f for f in FLAGS if f in p["flags"]],
        }
    return {
        "workbook": w["file"],
        "sheet": w["sheet"],
        "header_row": w["header_row"],
        "columns": {h: canon for h, canon, _ in w["cols"]},
        "portfolio": {
            "verdict": w["verdict"],
            "strategic_objectives": list(w["objectives"]),
            "in_house_fte": w["fte"],
            "reasons": list(w["reasons"]),
        },
        "projects": projects,
    }


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------
def cell_texts(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if v is not None:
                    yield v


def blankish(v):
    return v is None or (isinstance(v, str) and v.strip().lower() in {"", "tbc", "tbd", "ongoing", "-"})


def check_workbook(w, labels, errors):
    path = HERE / w["file"]
    wb = load_workbook(path)
    if labels["sheet"] not in wb.sheetnames:
        errors.append(f"{w['file']}: sheet {labels['sheet']!r} missing")
        return
    ws = wb[labels["sheet"]]
    hr = labels["header_row"]
    header = [c.value for c in ws[hr]]
    while header and header[-1] is None:
        header.pop()
    if header != list(labels["columns"].keys()):
        errors.append(f"{w['file']}: header row {hr} {header} != labelled columns")
    for h, canon in labels["columns"].items():
        if canon not in CANONICAL:
            errors.append(f"{w['file']}: column {h!r} maps to non-canonical {canon!r}")
    ref_idx = [i for i, (_, canon, _) in enumerate(w["cols"]) if canon == "ref"][0] + 1
    ref_re = re.compile(w["ref_re"])
    for ref, entry in labels["projects"].items():
        v = ws.cell(row=entry["row"], column=ref_idx).value
        if v != ref:
            errors.append(f"{w['file']}: row {entry['row']} holds {v!r}, labelled {ref}")
        if set(entry["principles"]) != set(PRINCIPLES):
            errors.append(f"{w['file']}: {ref} principles incomplete")
    labelled_rows = {e["row"] for e in labels["projects"].values()}
    for r in range(hr + 1, ws.max_row + 1):
        v = ws.cell(row=r, column=ref_idx).value
        if isinstance(v, str) and ref_re.match(v.strip()) and r not in labelled_rows:
            errors.append(f"{w['file']}: ref {v!r} in row {r} is not labelled")
    texts = list(cell_texts(wb))
    fte = labels["portfolio"]["in_house_fte"]
    if not any((isinstance(v, (int, float)) and not isinstance(v, bool) and v == fte) or
               (isinstance(v, str) and re.search(rf"\b{fte}\b", v)) for v in texts):
        errors.append(f"{w['file']}: in-house FTE {fte} not found in workbook")
    strs = [v for v in texts if isinstance(v, str)]
    for obj in labels["portfolio"]["strategic_objectives"]:
        if not any(obj in s for s in strs):
            errors.append(f"{w['file']}: objective {obj!r} not found in workbook")

    # Label self-checks for the mechanical parts of the flag rules.
    for p in w["projects"]:
        ref, flags = p["ref"], set(p["flags"])
        words = len(str(p.get(w["desc_key"]) or "").split())
        if words < 15 and "vague_or_hype" not in flags:
            errors.append(f"{w['file']}: {ref} description has {words} words but no vague_or_hype")
        dates_missing = blankish(p.get(w["start_key"])) or blankish(p.get(w["end_key"]))
        if w["next_key"] and p.get(w["next_key"]) is None or (
                w["next_key"] and isinstance(p.get(w["next_key"]), str) and p[w["next_key"]].strip().upper() == "TBC"):
            dates_missing = True
        if dates_missing != ("missing_dates" in flags):
            errors.append(f"{w['file']}: {ref} missing_dates label disagrees with its dates")
        no_lead = blankish(p.get(w["cl_key"])) or str(p.get(w["cl_key"])).strip().lower() == "n/a"
        if (p["clinical"] and no_lead) != ("no_clinical_lead" in flags):
            errors.append(f"{w['file']}: {ref} no_clinical_lead label disagrees with clinical/lead")
        if "clinical_safety_missing" in flags and not p["clinical"]:
            errors.append(f"{w['file']}: {ref} clinical_safety_missing on a non-clinical project")


def distribution(all_labels):
    out = []
    names = [l["workbook"].split("_")[0] for l in all_labels]
    out.append("| Principle | evident | partial | missing |")
    out.append("|---|---|---|---|")
    total = sum(len(l["projects"]) for l in all_labels)
    for pr in PRINCIPLES:
        cells = []
        for val in ("evident", "partial", "missing"):
            per = [sum(1 for e in l["projects"].values() if e["principles"][pr] == val) for l in all_labels]
            cells.append(f"{round(100 * sum(per) / total)}% ({' / '.join(map(str, per))})")
        out.append(f"| {pr} | " + " | ".join(cells) + " |")
    out.append("")
    out.append("| Flag | projects | " + " | ".join(names) + " |")
    out.append("|---|---|" + "---|" * len(names))
    for f in FLAGS:
        per = [sum(1 for e in l["projects"].values() if f in e["flags"]) for l in all_labels]
        out.append(f"| {f} | {sum(per)} | " + " | ".join(map(str, per)) + " |")
    return "\n".join(out)


def main():
    errors = []
    all_labels = []
    refs_seen = set()
    for w in WORKBOOKS:
        for p in w["projects"]:
            if p["ref"] in refs_seen:
                errors.append(f"duplicate ref {p['ref']}")
            refs_seen.add(p["ref"])
        w["build"](HERE / w["file"])
        labels = labels_for(w)
        label_path = HERE / w["file"].replace(".xlsx", ".labels.json")
        label_path.write_text(json.dumps(labels, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        check_workbook(w, labels, errors)
        all_labels.append(labels)
        print(f"{w['file']}: {len(labels['projects'])} projects, verdict {w['verdict']}")
    total = sum(len(l["projects"]) for l in all_labels)
    print(f"total projects: {total}")
    if not 40 <= total <= 50:
        errors.append(f"total projects {total} outside 40-50")
    print(distribution(all_labels))
    if errors:
        print("\nCHECKS FAILED:", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        sys.exit(1)
    print("\nall checks passed")


if __name__ == "__main__":
    main()
