"""Regenerate the unseen (blind) evaluation portfolios and their label files.

Run:  python make_unseen.py      (writes 3 .xlsx + 3 .labels.json beside this file)

All trusts, ICSs, suppliers, products and people are fictional. Labels are
written by hand below (one 8-letter code per project, P1..P8 in rubric order:
E = evident, P = partial, M = missing) plus the flag list, and were decided by
meaning following ../shared/labelled/README.md, not by any tagger code.
"""
import datetime as dt
import json
import os

import openpyxl
from openpyxl.styles import Alignment, Font

HERE = os.path.dirname(os.path.abspath(__file__))
D = dt.date

PRINCIPLES = ["user_needs", "clear_goals", "measure_learn", "deliver_incrementally",
              "in_house_team", "supplier_value", "build_trust", "adapt_plan"]
FLAGS = ["tech_centred", "no_measurable_goal", "output_only_benefits", "big_bang",
         "no_clinical_lead", "no_owner", "supplier_led", "lock_in_risk",
         "funding_ends_at_go_live", "stuck_on_plan", "vague_or_hype",
         "clinical_safety_missing", "missing_dates"]
VAL = {"E": "evident", "P": "partial", "M": "missing"}


def label(code, flags):
    assert len(code) == 8 and set(code) <= set("EPM"), code
    bad = [f for f in flags if f not in FLAGS]
    assert not bad, bad
    return {"principles": {p: VAL[c] for p, c in zip(PRINCIPLES, code)},
            "flags": [f for f in FLAGS if f in flags]}


def date_cells(ws, row):
    for c in ws[row]:
        if isinstance(c.value, (dt.date, dt.datetime)):
            c.number_format = "dd/mm/yyyy"


# ---------------------------------------------------------------------------
# 1. Ferrisdale and Oakby NHS FT  (coherent)
# ---------------------------------------------------------------------------
FOD_HEADERS = ["Project", "ID", "Trust goal", "What & why", "Exec sponsor", "Clin lead",
               "Who uses it", "How we're delivering", "Partner / supplier",
               "Outcomes we expect", "How we'll know", "Phase", "Capex £", "Opex £ pa",
               "From", "To", "Next checkpoint", "DCA", "Pri", "Notes / decisions"]
FOD_MAP = {"Project": "title", "ID": "ref", "Trust goal": "strategic_objective",
           "What & why": "description", "Exec sponsor": "owner", "Clin lead": "clinical_lead",
           "Who uses it": "other", "How we're delivering": "delivery_approach",
           "Partner / supplier": "supplier", "Outcomes we expect": "benefits",
           "How we'll know": "kpis", "Phase": "stage", "Capex £": "budget",
           "Opex £ pa": "budget", "From": "start_date", "To": "end_date",
           "Next checkpoint": "other", "DCA": "rag", "Pri": "priority",
           "Notes / decisions": "other"}

FOD = [
    (["Results inbox - stop chasing bloods", "FOD-01", "G3 Time back",
      "Jnr docs on AMU say a big chunk of each shift goes on ringing the lab or re-opening results. We sat with two F1s across 3 night shifts and logged it: avg 47 mins a shift hunting for results. Want results to land in one inbox with sign-off.",
      "Medical Director", "Dr P.R., acute med consultant (2 PAs, backfilled)",
      "Doctors on AMU, then medical wards",
      "AMU only to start. 2 wk cycles, inbox v1 out in Aug. Medical wards next if sign-off rate holds above 80%.",
      "Lab system under existing contract; results feed into EPR over HL7/FHIR, built by our integration team",
      "Less time hunting results; fewer abnormal results missed overnight",
      "Mins per shift chasing (was 47, aim under 15); abnormal results not acknowledged in 24h (was 112/mth). Weekly to Inpatients board",
      "Live AMU / scaling", 60000, 18000, D(2026, 3, 2), D(2027, 1, 29), D(2026, 11, 20),
      "Green", "High",
      "CSO (Dr T.N.) keeps the hazard log, DCB0160 signed for AMU. Show & tell every other Thurs on the ward."],
     "EEEEEEEE", []),
    (["Endoscopy - fill short notice slots", "FOD-02", "G1 Faster diagnosis",
      "Endo bookers rebook cancellations by phone and about 1 in 9 lists still run with empty slots on the day. Spent a week with the bookers and listened to 60 calls. Trialling a text offer of short notice slots to people on the list.",
      "COO", "Sr K.B., endoscopy unit manager", "Endo booking team; patients waiting for scopes",
      "4 week trial on upper GI lists only, run by the bookers with our OP product manager. Keep or stop decided in Jan.",
      "Existing SMS service (ICS-wide contract) - no new contract for the trial",
      "Fewer empty slots, shorter wait for a scope",
      "Unused slots/wk (was 14, target 5); 6 wk diagnostic waiters. Service manager checks weekly",
      "Trial", 0, 4000, D(2026, 9, 7), D(2027, 1, 15), D(2027, 1, 11), "Green", "High",
      "DPIA done. Patient panel rewrote the text message wording. Stop/go 11 Jan."],
     "EEEEEEEE", []),
    (["Heart failure virtual ward", "FOD-03", "G5 Care closer to home",
      "Community HF nurses and cardiology want HF pts home earlier with monitoring. Two workshops with 12 patients and carers: biggest worry was who to ring at night, so night cover is in the design. Start with 10 beds.",
      "Director of Strategy & Partnerships", "Dr S.A., cardiologist + HF nurse lead (both with funded sessions)",
      "HF patients stepping down from Ward 7; community HF nurses",
      "Cohort 1 = 10 pts from Ward 7, 8 week review, go to 20 only if readmits don't rise.",
      "Monitoring platform via ICS framework, 2 yrs with exit; data comes out as FHIR",
      "Earlier discharge, fewer readmissions, pts feel safe at home",
      "HF LOS (9.2 days now, target 7); 30 day readmits (21% now); pt confidence score. Monthly to ICS VW board",
      "Cohort 1", 20000, 210000, D(2026, 5, 1), D(2027, 9, 30), D(2026, 12, 3), "Amber", "High",
      "Riskiest assumption: pts will actually use the kit at home - cohort 1 tests that first. Hazard log live, DCB0160 in draft with CSO. Recurrent funding from 27/28 agreed by ICS."],
     "EEEEEEEE", []),
    (["Nursing handover list", "FOD-04", "G3 Time back",
      "Handover sheets get rewritten by hand 3 times a day. Timed handovers on 4 wards, avg 38 mins per shift change. Nurses want a list that pulls straight from the EPR.",
      "Chief Nurse", "CNIO + 2 ward sisters (1 day/wk protected)", "Ward nurses",
      "Built in-house with EPR dev tools. Alpha on Ward 12 within 6 wks, then 3 more wards.",
      "None - in-house on the EPR's own tools",
      "Shorter handovers, no rewriting, fewer tasks dropped",
      "Handover mins (38 now, target 25); incidents mentioning handover (9/qtr now). Monthly",
      "Alpha", 0, 95000, D(2026, 4, 6), D(2027, 3, 31), D(2026, 12, 10), "Green", "Med",
      "Ward sisters designing the layout with the devs. Hazard log opened Jun. IG confirmed no new DPIA needed."],
     "EEEEEPEM", []),
    (["Speech recognition for OP letters", "FOD-05", "G3 Time back",
      "Typing backlog 3-4 wks in some clinics. ENT and urology secretaries + consultants ran a 6 wk free trial: ENT clinic-to-letter went from 19 to 6 days; urology didn't like it (accents, templates).",
      "Director of Ops - Surgery", "Mr D.O., ENT consultant", "Consultants and med secs",
      "ENT first, urology on hold until templates are fixed, others only when a specialty asks.",
      "Voxline - free trial then G-Cloud call-off 1+1, letters and audio exportable",
      "Letters to GPs and pts faster",
      "Days from clinic to letter going out (ENT was 19, now 6; trust standard 7). Monthly by specialty",
      "Rollout ENT", 0, 48000, D(2026, 6, 1), D(2027, 6, 30), "Feb-27", "Green", "Med",
      "Urology paused in Sept, reasons logged. Supplier DCB0129 in; our DCB0160 done for ENT. Staff tested it in the trial."],
     "EEEEPEEE", []),
    (["Core network switches - Oakby", "FOD-06", "G3 Time back (enabler)",
      "Oakby core switches go out of support Mar-27. 3 outages last year, longest 5 hrs, theatres and ED back on paper each time. Like for like replacement.",
      "Director of Finance", "n/a", "Everyone at Oakby",
      "Overnight cutovers one comms room at a time, Oakby main block first",
      "Network partner via NHS framework, 5 yr support with break at yr 3",
      "Theatres and ED not pushed back onto paper by network outages",
      "Unplanned outage hrs (11 last yr, target 0)",
      "Design", 420000, 35000, D(2026, 10, 5), D(2027, 3, 19), D(2026, 12, 1), "Amber", "High",
      "Winter change freeze may push main block to Feb."],
     "PPPPMEMM", []),
    (["PIFU - ask to be seen via NHS App", "FOD-07", "G1 Faster diagnosis",
      "Pts on PIFU pathways can only get back in by ringing a busy line. Surveyed 210 pts: 40% gave up after 3 tries. Using NHS App messaging rather than building our own.",
      "COO", "Dr M.E., rheumatology", "Rheumatology then dermatology pts on PIFU",
      "MVP: rheumatology only, live in 8 wks; derm next. OP product manager runs it.",
      "NHS App / national integration - nothing new to buy",
      "Pts can get an appt when symptoms flare; fewer fixed review appts nobody needed",
      "% PIFU requests via app; abandoned calls (38% now); follow-up ratio (target down 10%). Monthly OP board",
      "MVP live", 0, 30000, D(2026, 7, 1), D(2027, 3, 31), D(2026, 12, 14), "Green", "Med",
      "DPIA signed. Message wording done with patient partners. Dec checkpoint: under 15% uptake means we rethink."],
     "EEEEEEEE", []),
    (["Community nursing visit planning", "FOD-08", "G5 Care closer to home",
      "District nurses plan visits on whiteboards. 2 weeks out with 3 teams: team leaders lose about an hour a day re-planning when someone goes off sick.",
      "Director of Community Services", "Head of Community Nursing", "DN team leaders",
      "Discovery done. Alpha with Wensham South team from Nov.",
      "Not chosen - market engagement with 4 suppliers, must have open API to EPR",
      "More time for visits, fewer missed visits",
      "Team leader planning time (60 min/day now, target halve); missed visits (baseline from alpha)",
      "Alpha", 0, 75000, D(2026, 11, 2), D(2027, 7, 30), D(2027, 2, 8), "Amber/Green", "Med",
      "Go/no-go on buying after alpha (Feb). Stops if nothing on the market talks to the EPR."],
     "EEPEPPME", []),
    (["EPR upgrade to v12", "FOD-09", "G4 Fewer harms",
      "Supplier is moving every customer to v12 and v10 support ends Dec-27, so we have to do it. Not optional.",
      "Chief Digital Officer", "CCIO (Dr H.W.)", "All EPR users",
      "One weekend cutover Sep-27, 2 dress rehearsals",
      "Corrin Systems - existing 10 yr EPR contract, upgrade in scope",
      "Stay on a supported version",
      "Upgrade done on time; downtime under 12 hrs",
      "Planning", 650000, 0, D(2026, 9, 1), D(2027, 10, 29), D(2027, 3, 1), "Amber", "High",
      "DCB0160 for cutover to be done. Super user testing planned."],
     "MMMMPPPM", ["tech_centred", "output_only_benefits", "big_bang", "lock_in_risk",
                  "funding_ends_at_go_live", "clinical_safety_missing"]),
    (["MFA for remote access", "FOD-10", "Enabler - cyber",
      "National cyber requirement - MFA on every remote log in. Trial with IT and finance staff found shared ward PCs break it, so ward kit is out of scope for now.",
      "SIRO", "n/a", "Staff working off site",
      "Trial done, then 6 waves by directorate",
      "Existing Microsoft licences",
      "Meet the cyber standard; fewer hacked accounts",
      "% remote users on MFA (100% by Mar-27); compromised accounts (3 last yr)",
      "Waves", 0, 0, D(2026, 5, 5), D(2027, 3, 31), D(2026, 12, 1), "Green", "Med",
      "Staff bulletin + drop-ins. Ward PCs descoped after trial."],
     "MPPEPPPE", ["tech_centred", "output_only_benefits"]),
    (["TTO tracking for discharge", "FOD-11", "G2 Flow",
      "Discharges held up waiting for TTOs. Pharmacy audit of 300 discharges: median 3.1 hrs from decision to meds ready. Ward pharmacists and docs walked through where it stalls.",
      "COO", "Chief Pharmacist + Dr L.F. (acute med)", "Ward pharmacists, doctors, discharge lounge",
      "Tracking board on 2 wards from wk 6, then all of medicine",
      "In-house, using EPR prescribing data",
      "Pts leave earlier in the day; beds free up for ED",
      "Decision to TTO ready (3.1 hrs now, target 1.5); % discharged before noon (14% now). Weekly at flow meeting",
      "Scaling", 0, 40000, D(2026, 2, 2), D(2026, 12, 18), D(2026, 11, 27), "Green", "High",
      "CSO signed off the board after a hazard review. July review: dropped the auto-paging bit, nurses said it was too noisy."],
     "EEEEEPEE", []),
    (["Digital maternity record", "FOD-12", "G4 Fewer harms",
      "Midwives record on paper plus 2 systems; info goes missing at transfer between community and the unit. 30 midwives and 15 women from the maternity voices group shaped the requirements.",
      "Director of Midwifery", "Consultant midwife (digital), 0.6 WTE, backfilled", "Midwives, obstetricians, women",
      "Antenatal first (Jan-27), intrapartum only after review, postnatal last",
      "National maternity framework, 5 yrs with break at 3, FHIR maternity messages",
      "Safer handover between community and unit; women can see their own notes",
      "Records missing info at transfer (audit: 27%); % women using own record. Quarterly",
      "Build - antenatal", 300000, 120000, D(2026, 8, 3), D(2028, 3, 31), D(2027, 1, 25), "Amber", "High",
      "Hazard log started, DPIA draft. Stop/go before any intrapartum build."],
     "EPEEEEEE", []),
    (["Coding encoder", "FOD-13", "G1 Faster diagnosis",
      "Coders asked for an encoder; backlog hits 6 wks at times. Coding manager ran a month's trial with 4 coders: 18% faster, accuracy held.",
      "Director of Finance", "n/a", "Clinical coders",
      "Trial done; buying now",
      "Codex Health - free trial, then 3 yr via framework",
      "Backlog down, activity counted on time",
      "Backlog (6 wks at worst, target 2)",
      "Contract", 0, 28000, D(2026, 4, 1), D(2026, 12, 31), D(2026, 12, 15), "Green", "Low",
      "Buy decision Aug, after the trial."],
     "EPPEPEPE", []),
    (["Data warehouse off old servers", "FOD-14", "Enabler - data",
      "Overnight loads fail about twice a month on the old servers, and then the 8am bed meeting has no flow figures. Move to cloud.",
      "Chief Digital Officer", "n/a", "Site team, bed meeting",
      "8 wk discovery first, then one data mart at a time",
      "Not decided - ICS shared data platform preferred",
      "Bed meeting gets its numbers on time",
      "tbc after discovery",
      "Discovery", None, None, D(2026, 12, 1), None, D(2027, 2, 1), "", "Low",
      "BI team (6, in-house) doing the work."],
     "PPMPEPMP", ["no_measurable_goal", "missing_dates"]),
    (["Doctors' rotas onto e-rostering", "FOD-15", "G3 Time back",
      "Medicine rota coordinators re-key rotas in 3 places, and the junior doctors forum says swaps take days. Nurses already on the trust's e-rostering, so extend it to doctors.",
      "Director of Workforce", "Dr J.C. (rota lead)", "Resident doctors, rota coordinators",
      "Med registrars first (Nov), SHOs after",
      "Existing e-rostering contract, extension to 2029",
      "Swaps agreed within a day; fewer gaps filled by agency",
      "Swap turnaround (about 4 days now); medicine agency spend (monthly)",
      "Build", 0, 22000, D(2026, 9, 14), D(2027, 5, 28), D(2027, 1, 18), "Green", "Med",
      "Workforce systems team doing config. JDF reps testing."],
     "PPPEPPPM", ["lock_in_risk"]),
    (["Outpatient chatbot (stopped)", "FOD-16", "G1 Faster diagnosis",
      "Appointments line gets about 9k calls a month. Put a chatbot on the website for 6 wks to see if it could take the simple ones: only 1 in 5 chats got sorted without a person, and older callers never touched it. Stopped Jul-26, money moved to PIFU (FOD-07).",
      "COO", "n/a", "Pts ringing the appointments line",
      "6 wk test on the website, OP product manager ran it, then stop/carry on call",
      "ChatDesk - free trial, nothing signed",
      "n/a - stopped",
      "Bar we set: half of chats sorted with no staff involved; got 21%",
      "Stopped", 0, 0, D(2026, 5, 11), D(2026, 7, 17), "n/a (stopped)", "n/a", "-",
      "Closed. Call handlers gave feedback each week during the test."],
     "EPPPEEPE", []),
]

FOD_OBJECTIVES = [
    "G1 Faster diagnosis and treatment: cut waits for diagnostics and planned care",
    "G2 Flow: patients go home as soon as they are medically fit",
    "G3 Give time back to clinical staff",
    "G4 Fewer avoidable harms",
    "G5 Care closer to home, with Mereford & Wensham ICS partners",
]

FOD_REASONS = [
    "14 of 16 projects cite one of the 5 trust goals on the 'Goals & team' sheet; FOD-10 (MFA) and FOD-14 (data warehouse) are tagged 'Enabler', which is not on the list (13%).",
    "Priorities spread: 7 High, 6 Med, 2 Low among 15 active projects (47% High); the stopped chatbot has none.",
    "15 active projects against 31 in-house FTE in 4 product teams with a WIP limit of 3 builds per team; the goals sheet lists what the trust is not doing this year.",
    "Most clinical projects have an exec sponsor, a named clinical lead with funded time and a piloted or staged release with a checkpoint date.",
    "Work is stopped and descoped on evidence: FOD-16 (website chatbot) stopped after a 6 week test missed its bar; urology speech recognition paused (FOD-05); ward PCs dropped from MFA (FOD-10); auto-paging dropped from FOD-11.",
    "Weak spots, as in any real plan: FOD-09 (EPR upgrade, single weekend cutover, capital only, no outcome), FOD-10 (mandated cyber work), FOD-14 (pipeline, KPIs tbc, no end date), FOD-15 (contract extension).",
    "Technology-centred: 2 of 16; no measurable goal: 1 of 16.",
]


def build_fod():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Digital Plan 26-27"
    ws["A1"] = "Ferrisdale and Oakby NHS FT - Digital Delivery Plan 2026/27 (live register)"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Owner: Digital PMO. Updated 14/10/26. Capex/opex in £. 'Next checkpoint' = next stop/go or review."
    ws.append(FOD_HEADERS)
    for c in ws[3]:
        c.font = Font(bold=True)
    rows = {}
    for vals, code, flags in FOD:
        ws.append(vals)
        r = ws.max_row
        date_cells(ws, r)
        for col in (13, 14):
            ws.cell(r, col).number_format = '"£"#,##0'
        rows[vals[1]] = (r, label(code, flags))
    ws.freeze_panes = "C4"
    g = wb.create_sheet("Goals & team")
    g.append(["Ferrisdale and Oakby NHS Foundation Trust - what the digital plan is for"])
    g.append([])
    g.append(["Trust goals 2025-28"])
    for o in FOD_OBJECTIVES:
        code, text = o.split(" ", 1)
        g.append([code, text])
    g.append([])
    g.append(["Enabler work (cyber, network, data) is allowed but must say which goal it protects."])
    g.append([])
    g.append(["Not doing in 26/27", "Own patient app (use NHS App); new intranet; RPA; anything without a clinical or service lead"])
    g.append([])
    g.append(["Digital team (in-house)", "31 FTE"])
    g.append(["", "4 product teams: Outpatients & Diagnostics, Inpatients, Community, Platforms (infra + data)"])
    g.append(["", "CCIO 0.5 WTE, CNIO 0.4 WTE, clinical safety officer 0.4 WTE"])
    g.append(["WIP limit", "Max 3 builds in progress per product team"])
    g.append(["ICS", "Mereford & Wensham Integrated Care System"])
    return wb, "Digital Plan 26-27", 3, FOD_HEADERS, FOD_MAP, rows, \
        {"verdict": "coherent", "strategic_objectives": FOD_OBJECTIVES, "in_house_fte": 31,
         "reasons": FOD_REASONS}


# ---------------------------------------------------------------------------
# 2. Caddon Bridge Hospitals NHS Trust  (shopping list)
# ---------------------------------------------------------------------------
CB_HEADERS = ["No.", "Project", "Requested by", "Lead", "Description", "Linked objective",
              "Supplier", "Est. cost", "Start", "Go live", "Status", "RAG", "Priority",
              "Benefits", "KPI", "Clinical lead", "Update / comments"]
CB_MAP = {"No.": "ref", "Project": "title", "Requested by": "other", "Lead": "owner",
          "Description": "description", "Linked objective": "strategic_objective",
          "Supplier": "supplier", "Est. cost": "budget", "Start": "start_date",
          "Go live": "end_date", "Status": "stage", "RAG": "rag", "Priority": "priority",
          "Benefits": "benefits", "KPI": "kpis", "Clinical lead": "clinical_lead",
          "Update / comments": "other"}

CB_ACTIVE = [
    (["IT-26-01", "Windows 11 rollout", "IT", "IT",
      "Upgrade all desktops to Win 11 before W10 ESU ends.", "Digital",
      "Pelham IT Services", "£1.1m", D(2026, 4, 1), "Q4 2026/27", "In progress", "A", "Critical",
      "Supported OS, security compliance", "", "",
      "2,500 of 6,100 done. 4 contractors on site doing the swaps."],
     "MMMMMMMM", ["tech_centred", "no_measurable_goal", "output_only_benefits", "no_owner",
                  "supplier_led", "vague_or_hype"]),
    (["IT-26-02", "Ward Wi-Fi upgrade", "Infrastructure", "Head of Infrastructure",
      "Replace access points in main block, old APs out of warranty and no more patches. Will also support e-obs later.",
      "IT strategy", "Netwise", "£350k", "TBC", "TBC", "Business case", "", "High",
      "Better coverage", "tbc", "",
      "Capital bid in for 27/28. Proposing direct award to current maintainer."],
     "MMMMPMMM", ["tech_centred", "no_measurable_goal", "output_only_benefits", "lock_in_risk",
                  "funding_ends_at_go_live", "missing_dates"]),
    (["IT-26-03", "AI triage in ED", "Deputy COO", "Deputy COO",
      "Use AI to triage walk-in patients at the front door and stream them to UTC. Vendor demo at the conference was very impressive, could transform ED.",
      "Performance", "Triagix AI", "£420k", "Q1 2027/28", "Q3 2027/28", "Proposal", "G", "Critical",
      "Reduced waits, efficiency", "", "tbc",
      "Supplier offering year 1 free if we sign for 3 yrs."],
     "MPMMMMMM", ["tech_centred", "no_measurable_goal", "no_clinical_lead", "vague_or_hype",
                  "clinical_safety_missing"]),
    (["IT-26-04", "e-Obs", "Chief Nurse", "Deputy Director of Nursing",
      "Nurses chart obs on paper, then someone types them into the EPR. Audit on 3 wards: 1 in 5 NEWS2 scores added up wrong and escalations late. Ward 4 staff tried 2 devices for a week each before we picked one.",
      "Quality & Safety", "Obsidian Clinical (G-Cloud)", 610000, D(2026, 6, 1), "Mar-27",
      "Pilot - Ward 4", "A", "High",
      "Fewer missed deteriorations, nurse time back",
      "NEWS2 calc errors (20% now, target under 2%); time to escalation - monthly",
      "Matron A.D. (CNIO post vacant)",
      "Ward 4 live Sep. Next 6 wards Jan if the pilot holds up. Hazard log in place, CSO Dr R.M."],
     "EEEEPPEP", []),
    (["IT-26-05", "PAS replacement", "CIO", "CIO",
      "PAS contract expires Mar-28 so we need a replacement. Spec being written from what the current system does (420 requirements).",
      "All", "TBC (likely incumbent)", "£4.5m", D(2026, 9, 1), "Apr-28", "Spec", "A/R", "Critical",
      "Compliant, supported PAS; better data quality", "Go live on time", "",
      "Big bang over Easter 28, all sites. Slipped twice (was Oct-27, then Jan-28). Options paper still not done."],
     "MMMMMMMM", ["tech_centred", "no_measurable_goal", "output_only_benefits", "big_bang",
                  "stuck_on_plan"]),
    (["IT-26-06", "RPA phase 2", "Finance", "Finance Director",
      "Expand RPA to HR and referrals. 12 more bots.", "Savings",
      "BotWorks Consulting", "£180k", "Ongoing", "Ongoing", "Ongoing", "G", "High",
      "Cashable savings £250k", "No. of bots live", "",
      "Consultancy builds the bots, nobody in-house can change them. Referral bot fell over 3 times when e-RS changed."],
     "MPMMMMMM", ["tech_centred", "output_only_benefits", "supplier_led", "vague_or_hype",
                  "missing_dates"]),
    (["IT-26-07", "Pathology LIMS (ICS)", "Pathology", "ICS Pathology Network Director",
      "Network-wide LIMS replacement led by the North Tamsey pathology network, 4 trusts. We're a receiving site - our bit is interfaces and order comms config.",
      "Partnerships", "Labwise (ICS contract, 10 yrs)", "£240k (our share)", D(2026, 1, 5),
      "Q2 2027/28", "Build", "A", "High",
      "One lab system across the ICS; results visible across sites", "TBC by network",
      "Dr O.B., consultant haematologist",
      "Network running it, we attend their board monthly. Network CSO keeps the hazard log."],
     "MPMMPPPM", ["tech_centred", "no_measurable_goal", "output_only_benefits", "lock_in_risk"]),
    (["IT-26-08", "Digital dictation upgrade", "Med Secs", "Head of Medical Secretaries",
      "Upgrade dictation software to v9 and move to cloud hosting.", "",
      "Dictaflow", "£95k", D(2026, 11, 1), D(2027, 1, 31), "Not started", "G", "Medium",
      "Cloud hosted, supported", "", "",
      "Supplier says v8 unsupported next year. Contract auto-renews in April."],
     "MMMMPMMM", ["tech_centred", "no_measurable_goal", "output_only_benefits",
                  "no_clinical_lead", "lock_in_risk", "vague_or_hype", "clinical_safety_missing"]),
    (["IT-26-09", "Patient portal", "Director of Strategy", "Director of Strategy",
      "Trust-branded patient portal for appointments, letters and questionnaires. Other trusts have one and patients expect it. Digital-first front door.",
      "Partnerships", "MyCareLink", "£800k over 5 yrs", "Q3 2026/27", "TBC", "Procurement", "A", "High",
      "Modern image; fewer letters posted; patient engagement", "Registrations", "",
      "Overlap with NHS App raised at DMB - not resolved. 5 yr deal on the table."],
     "MMMMPMMM", ["tech_centred", "no_measurable_goal", "output_only_benefits",
                  "no_clinical_lead", "lock_in_risk", "vague_or_hype", "clinical_safety_missing",
                  "missing_dates"]),
    (["IT-26-10", "Video consultations - extend", "Outpatients", "Head of Outpatients",
      "Video clinics used by 6 specialties since Covid. Surveyed 140 pts: most happy, but 1 in 4 had connection problems. Adding a test-call option, and extending to physio.",
      "Performance", "National video contract (existing)", "£20k", D(2026, 5, 1), D(2026, 10, 30),
      "Live - physio", "G", "Medium",
      "Fewer wasted trips for pts; fewer failed video appts",
      "Failed video appts (24% before, target under 10%) - monthly report",
      "Physio lead S.H.",
      "Test call went live Jul, failed calls down to 11%. DPIA + CSO review done before physio started."],
     "EEEEPEPM", []),
    (["IT-26-11", "Bed management system", "Site team", "Deputy COO",
      "Electronic bed board to replace the whiteboards and the 3x daily bed state spreadsheet. Site team want a real-time view.",
      "Flow", "FlowBoard Ltd", "£275k", D(2026, 7, 1), "Dec-26", "Build", "R", "Critical",
      "Real-time bed visibility", "", "",
      "Was Jun-26, then Sep-26, now Dec-26. ADT interface still not working. Supplier to deliver config; site team fitting it round their normal shifts."],
     "PMMMMMMM", ["tech_centred", "no_measurable_goal", "output_only_benefits", "supplier_led",
                  "stuck_on_plan"]),
    (["IT-26-12", "Blockchain staff passport", "HR", "Head of HR Operations",
      "Explore blockchain for staff training records so they move with staff between trusts.",
      "Innovation", "ChainCred (start-up)", "£60k", "TBC", "TBC", "Idea", "", "High",
      "Innovation; less repeat training", "", "",
      "Innovation fund bid. National staff passport already exists - not checked."],
     "MPMMMMMM", ["tech_centred", "no_measurable_goal", "vague_or_hype", "missing_dates"]),
    (["IT-26-13", "Managed SOC", "Board", "IT Security Manager",
      "Buy a 24/7 managed security operations centre. Board asked for it after the ransomware attack at a neighbouring trust.",
      "DSPT", "SentryNet", "£150k pa", D(2026, 10, 1), D(2026, 12, 1), "Procurement", "G", "Critical",
      "Reduced cyber risk; DSPT compliance", "Mean time to detect (not known today)", "",
      "Single tender waiver approved."],
     "MMMMMMMM", ["tech_centred", "no_measurable_goal", "output_only_benefits", "lock_in_risk"]),
    (["IT-26-14", "ePMA - community hospital", "Pharmacy", "Chief Pharmacist",
      "Extend ePMA from the acute site to Tamsey Community Hospital (2 wards), same build as acute. Pharmacists audited drug charts there: 31 omitted dose incidents last yr.",
      "Quality & Safety", "Existing ePMA supplier (contract to 2029)", "£140k", D(2026, 9, 1),
      "Q1 2027/28", "Planning", "A", "High",
      "Fewer omitted and wrong doses", "Omitted doses (31/yr now)",
      "Lead pharmacist - community",
      "Reusing hazard log from the acute build, DCB0160 needs updating. Both wards go live same day."],
     "EPPMPPPM", []),
    (["IT-26-15", "Staff app", "Comms", "Comms",
      "App for staff news, rotas and wellbeing.", "Comms",
      "AppForge", "£45k", "Q4 2026/27", "Q4 2026/27", "Approved", "G", "Medium",
      "Engaged staff", "Downloads", "",
      "Intranet refresh is also on the list (IT-26-17)."],
     "MMMMMMMM", ["tech_centred", "no_measurable_goal", "no_owner", "vague_or_hype"]),
    (["IT-26-16", "Switch off old scanned records store", "Health Records", "Head of Health Records",
      "Scanned notes live in 2 systems and clerks search both. Timed 50 requests: 11 min avg to find notes. Move the old store into the EPR viewer and switch the old one off.",
      "Finance", "In-house + EPR supplier's migration tool", "£110k", D(2026, 8, 3), D(2027, 2, 26),
      "In progress", "G", "Medium",
      "Clerks and clinicians find notes in one place; £38k pa licence saved",
      "Retrieval time (11 min now, target 3)",
      "Dr N.V. (CCIO sessions)",
      "One specialty a month, ENT done. Migrated records checked by 2 clinicians, CSO signed off."],
     "EEPEPPEM", []),
]

CB_NEW = [
    (["IT-26-17", "Intranet refresh", "Comms", "Head of Comms",
      "New intranet on SharePoint, current one looks dated and search is poor.", "",
      "TBC", "£80k", "TBC", "TBC", "Request", "", "High",
      "Modern look, better search", "", "",
      "Overlaps staff app."],
     "MMMMMMMM", ["tech_centred", "no_measurable_goal", "output_only_benefits", "vague_or_hype",
                  "missing_dates"]),
    (["IT-26-18", "Virtual ward - COPD", "Medicine", "Divisional Director - Medicine",
      "Virtual ward for COPD with remote monitoring, co-designed and patient-centred, will reduce admissions and transform respiratory care. Funded by ICS to Mar-27.",
      "Partnerships", "RemoteCare Health", "£390k", D(2026, 4, 1), D(2026, 7, 1), "Live", "A", "Critical",
      "Reduced admissions, patient experience", "Beds occupied on VW",
      "Resp consultant (tbc)",
      "ICS money ends Mar-27, nothing agreed after. 6 of 20 beds used. No co-design sessions held yet."],
     "MPPPMMMM", ["no_measurable_goal", "no_clinical_lead", "funding_ends_at_go_live",
                  "vague_or_hype", "clinical_safety_missing"]),
    (["IT-26-19", "Theatre management system", "Surgery", "Director of Surgery",
      "Procure a theatre system to replace TheatreMan (unsupported). Full replacement incl. scheduling, stock, anaesthetic record - go live in all theatres at once.",
      "Performance", "TBC", "£1.2m", "Q2 2027/28", "TBC", "Request", "", "Critical",
      "Theatre efficiency", "tbc", "Dr F.G., anaesthetist",
      "Capital only - no revenue for support identified yet."],
     "MMMMPMMM", ["tech_centred", "no_measurable_goal", "output_only_benefits", "big_bang",
                  "funding_ends_at_go_live", "clinical_safety_missing", "missing_dates"]),
    (["IT-26-20", "Maternity e-MEWS", "Midwifery", "Head of Midwifery",
      "Midwives want electronic MEWS charts. Separate from the adult e-Obs project - maternity prefer a different supplier.",
      "Quality & Safety", "MatObs", "TBC", "TBC", "TBC", "Request", "", "High",
      "Safer maternity care", "", "Consultant midwife",
      "Duplicate of IT-26-04? Not discussed with nursing yet."],
     "PPMMPMMM", ["tech_centred", "no_measurable_goal", "clinical_safety_missing", "missing_dates"]),
]

CB_OBJECTIVES = [
    "1 Quality & Safety",
    "2 People",
    "3 Performance (access standards)",
    "4 Finance (break-even)",
    "5 Partnerships (North Tamsey ICS)",
]

CB_REASONS = [
    "No line of sight (S1 red): 10 of 20 projects cite an objective that is blank or not on the Lookups list ('Digital', 'IT strategy', 'All', 'Savings', 'Flow', 'Innovation', 'DSPT', 'Comms', 2 blank) = 50%.",
    "Priority inflation (S4 red): 16 of 20 are Critical or High and nothing is Low.",
    "Over capacity (S3 red): 20 projects (4 of them unapproved requests) against an IT team of 9 FTE with 2 project managers and no product roles.",
    "Technology-centred (S5 red): 15 of 20 are framed around a product or a replacement with no user problem in the record; unmeasurable (S6 red): 15 of 20 have no KPI, 'tbc' or only output counts.",
    "Duplication (S8): two obs projects with different suppliers (IT-26-04, IT-26-20), staff app vs intranet refresh (IT-26-15, IT-26-17), patient portal vs NHS App (IT-26-09).",
    "Nothing stops (S9): no project stopped, paused or descoped; the PAS replacement (IT-26-05) and bed management (IT-26-11) keep slipping on the same plan.",
    "Hype (S12): AI triage, blockchain passport, RPA and a 'digital-first' portal with no researched need.",
    "A few good projects exist (e-Obs pilot IT-26-04, video consultations IT-26-10, records switch-off IT-26-16), as in real shopping lists.",
]


def build_cb():
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "Cover"
    cover["A1"] = "Caddon Bridge Hospitals NHS Trust"
    cover["A2"] = "IT Project List 2026/27 - for Digital Management Board (DMB)"
    cover["A4"] = "Tabs: 'IT Projects' (list), 'Lookups' (objectives, team, RAG key)"
    ws = wb.create_sheet("IT Projects")
    ws["A1"] = "CADDON BRIDGE HOSPITALS - IT PROJECT LIST 2026/27"
    ws.merge_cells("A1:Q1")
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Maintained by IT PMO. Please do not sort. Costs incl VAT where known."
    ws.merge_cells("A2:Q2")
    ws["A3"] = "Last updated: 2 Oct 2026"
    ws.append([])  # row 4 blank
    ws.append(CB_HEADERS)  # row 5
    for c in ws[5]:
        c.font = Font(bold=True)
    rows = {}

    def put(items):
        for vals, code, flags in items:
            ws.append(vals)
            r = ws.max_row
            date_cells(ws, r)
            rows[vals[0]] = (r, label(code, flags))

    put(CB_ACTIVE)
    ws.append([])
    ws.append(["NEW REQUESTS - not yet approved by DMB"])
    ws.cell(ws.max_row, 1).font = Font(bold=True, italic=True)
    put(CB_NEW)
    ws.append([])
    ws.append(["Source: divisional returns + IT helpdesk project requests. Costs are estimates."])
    lk = wb.create_sheet("Lookups")
    lk.append(["Trust objectives 2026/27 (Board approved)"])
    for o in CB_OBJECTIVES:
        n, t = o.split(" ", 1)
        lk.append([int(n), t])
    lk.append([])
    lk.append(["RAG", "R / A/R / A / G"])
    lk.append(["Priority", "Critical / High / Medium / Low"])
    lk.append([])
    lk.append(["IT team", "9 FTE (incl. 2 project managers, 1 PMO officer); infrastructure and service desk separate"])
    lk.append(["ICS", "North Tamsey ICS"])
    return wb, "IT Projects", 5, CB_HEADERS, CB_MAP, rows, \
        {"verdict": "shopping_list", "strategic_objectives": CB_OBJECTIVES, "in_house_fte": 9,
         "reasons": CB_REASONS}


# ---------------------------------------------------------------------------
# 3. Marlcombe and Teswick NHS Trust  (borderline; verdict coherent by the rules)
# ---------------------------------------------------------------------------
MT_HEADERS = ["Ref No.", "Programme", "Project name", "Objective (ref)", "Problem we're solving",
              "Business owner", "Clinical sponsor", "Delivery lead", "Vendor", "Contract",
              "Approach", "Benefits", "Measures", "Budget", "Start", "End", "Stage gate",
              "RAG (DCA)", "Priority", "Comments"]
MT_MAP = {"Ref No.": "ref", "Programme": "other", "Project name": "title",
          "Objective (ref)": "strategic_objective", "Problem we're solving": "description",
          "Business owner": "owner", "Clinical sponsor": "clinical_lead", "Delivery lead": "other",
          "Vendor": "supplier", "Contract": "other", "Approach": "delivery_approach",
          "Benefits": "benefits", "Measures": "kpis", "Budget": "budget", "Start": "start_date",
          "End": "end_date", "Stage gate": "stage", "RAG (DCA)": "rag", "Priority": "priority",
          "Comments": "other"}

MT = [
    (["MT-01", "Elective", "Pre-op questionnaire online", "O1",
      "Pre-op nurses phone every patient to go through the health questionnaire - 25-40 mins each (nurses timed 80 calls). Pts fill it in online, nurses only ring the ones it flags.",
      "Director of Ops - Surgery", "Sr J.P., pre-op lead", "Product team", "PreOpNow",
      "G-Cloud, 2 yrs, data export clause",
      "Ortho pts only from Jun, gen surg from Nov",
      "Nurse time back; fewer ops cancelled on the day because the pt turns out not fit",
      "Nurse mins per pt (32 now, target 12); ops cancelled on the day as unfit (4.8% now). Monthly",
      85000, D(2026, 4, 13), "Q4 2026/27", "Scale", "Green", "High",
      "DPIA + DCB0160 done. Riskiest bit was older pts not using it - 68% completing so far, phone kept for the rest. Pre-op nurses in fortnightly reviews."],
     "EEEEEEEE", []),
    (["MT-02", "Elective", "Waiting list validation by text", "O1",
      "List has pts who no longer need their op. Validation team ringing round. Want to text pts to confirm they still need it.",
      "Elective Access Manager", "", "Access team", "Existing SMS provider", "existing",
      "Pilot on T&O longest waiters (approx 1,200 pts)",
      "Cleaner list, fewer wasted appts",
      "% removed after validation; list size",
      "£12k", D(2026, 7, 1), D(2026, 10, 31), "Evaluate", "Green", "Medium",
      "Results to elective board Nov, then decide on other specialties."],
     "PPPEPPMP", ["no_measurable_goal"]),
    (["MT-03", "UEC", "ED waiting room screen", "O2",
      "ED want one screen showing who is waiting where; the nurse in charge walks the department to find out.",
      "ED General Manager", "Dr W.K., ED consultant", "Product team", "In-house (EPR data)", "n/a",
      "Screen v1 in 4 wks, then ask NICs what's missing",
      "NIC sees where the pressure is; quicker triage",
      "Time to triage (22 min now); 4hr % - ED dashboard, daily",
      30000, D(2026, 8, 3), D(2027, 1, 29), "Build", "Amber", "High",
      "v1 shown to NICs 2 Oct - they want the ambulance queue on it. Hazard log opened."],
     "PPEEEPEP", []),
    (["MT-04", "UEC", "Ambulance crew record into ED", "",
      "Crews hand over verbally plus paper and ED re-types it. Ambulance service can send the record electronically on the national standard. Not started - waiting on the ambulance trust.",
      "Deputy COO", "tbc", "Infra team (integration)", "Ambulance trust / national API",
      "none needed", "TBC",
      "Quicker handovers, less re-typing",
      "Handovers over 60 min (310 last month)",
      "TBC", "TBC", "TBC", "Pipeline", "", "High",
      "Depends on ambulance trust timetable. KPIs tbc."],
     "PPPMPEMM", ["no_clinical_lead", "clinical_safety_missing", "missing_dates"]),
    (["MT-05", "Foundations", "Server room consolidation", "O4",
      "Two server rooms, one in the old block due for demolition 2028. Move the kit to the main data centre and cloud.",
      "Head of IT Infrastructure", "n/a", "Infra team", "Various", "Framework call-offs",
      "App by app: 40 apps, about 6 a quarter",
      "Old block can come down on time; fewer single points of failure",
      "Apps moved (of 40); unplanned downtime",
      540000, D(2026, 1, 5), D(2028, 3, 31), "Delivery", "Amber", "High",
      "9 old apps switched off in Aug instead of being moved."],
     "MPPEPPMP", ["tech_centred", "output_only_benefits"]),
    (["MT-06", "Workforce", "Safe staffing - acuity into e-rostering", "O3",
      "Wards already on e-rostering; link the acuity tool so staffing calls use real acuity. Matrons asked for it at the nursing workforce workshop.",
      "Deputy Chief Nurse", "Deputy Chief Nurse", "Workforce systems team", "RotaPlan",
      "Existing to 2028, add-on module",
      "Medicine wards first",
      "Staff moved to where acuity is highest",
      "Red flag shifts per month (46 now)",
      "£60k", D(2026, 6, 1), D(2027, 3, 31), "Build", "Green", "Medium", ""],
     "PPPPPPPM", []),
    (["MT-07", "Elective", "Referral rekeying - small RPA test", "O1",
      "Booking team re-key e-RS referrals into PAS, 3.5 FTE on it. We watched the team for a week and mapped the steps; 2 steps are pure copy and paste. Small RPA test on just those 2 steps.",
      "Head of Access", "n/a", "Product team (PO + 1 dev trained on the tool)", "RPA tool (ICS shared licence)",
      "ICS shared licence, no new spend",
      "One bot, one specialty (derm) for 6 wks, then decide",
      "Booking staff back on the phones to pts; referrals booked faster",
      "Days referral to booking (6.5 now, target 2); hrs re-keying a week. Weekly",
      8000, D(2026, 9, 7), D(2026, 12, 18), "Pilot", "Green", "Low",
      "We stop if the bot breaks more than twice in the pilot. Staff reps involved - no job losses, people move to phones. DPIA updated."],
     "EEEEEEEE", []),
    (["MT-08", "Elective", "Auto-reading of knee & hip x-rays", "O1",
      "Ortho clinic waits on plain film reports, about 3 wks behind. Imaging network passed on a vendor offer to auto-read knee and hip films; vendor claims reports 30% quicker.",
      "Radiology Service Manager", "Dr E.T., consultant radiologist", "Vendor + imaging network",
      "OsteoRead", "Network direct award, 3 yrs",
      "Switch on for all knee/hip films from Jan",
      "Faster reports; trust seen as leading on AI",
      "Report backlog in weeks (3 now)",
      "£210k", D(2026, 10, 1), "Mar-27", "Contracting", "Amber", "High",
      "Vendor safety paperwork not in yet. Radiologists have had no demo."],
     "PPPMPMMM", ["big_bang", "supplier_led", "lock_in_risk", "clinical_safety_missing"]),
    (["MT-09", "Foundations", "Wi-Fi - Teswick wards", "O4",
      "e-Obs devices at Teswick drop connection. Infra logged 140 helpdesk calls from wards in 3 months and walked the wards to map the black spots.",
      "Head of IT Infrastructure", "n/a", "Infra team", "Netcore via framework",
      "Framework, 3 yr support",
      "Worst 6 wards first (Dec), the rest by Mar",
      "Nurses stop re-entering obs after drop-outs",
      "Wi-Fi calls from wards (47/month now, target under 10). Monthly",
      190000, D(2026, 11, 2), D(2027, 3, 31), "Delivery", "Green", "Medium",
      "Capital; support from existing IT revenue budget."],
     "EEEEPPMM", []),
    (["MT-10", "Workforce", "Onboarding module", "O3",
      "HR want the onboarding module of the HR system switched on - it came free with the last upgrade and nobody uses it yet.",
      "HR Director", "", "HR systems", "PeopleCore (existing HR system)",
      "Add-on module, auto-renews with HR contract",
      "Everyone switched on 1 Apr-27",
      "Better staff experience",
      "tbc",
      "£35k", "Q4 2026/27", "Apr-27", "Planning", "Amber", "Medium", ""],
     "MPMMPMMM", ["tech_centred", "no_measurable_goal", "big_bang", "lock_in_risk"]),
    (["MT-11", "Foundations", "Digital transformation office", "Enabler",
      "Set up a digital transformation office to drive innovation and modernise the trust.",
      "Chief Digital Officer", "CCIO", "PMO", "Meridian Consulting", "Consultancy, 12 months",
      "Ongoing",
      "Transformation, culture change",
      "",
      "£400k", D(2026, 4, 1), "Ongoing", "Mobilising", "Amber", "High", ""],
     "MMMMMMMM", ["no_measurable_goal", "output_only_benefits", "supplier_led", "vague_or_hype",
                  "missing_dates"]),
    (["MT-12", "UEC", "Frailty virtual ward", "O2",
      "Frailty team running a 15-bed virtual ward since Mar; geriatricians and community matrons review every day. Asked pts and carers at 6 wks - carers wanted one number to ring, now added.",
      "Director of Ops - Medicine", "Dr C.H., geriatrician", "Frailty team + product team",
      "ICS virtual ward platform (shared)", "ICS contract with exit and data export",
      "15 beds now, 30 if occupancy above 80% for 2 months",
      "Fewer frail pts admitted; home sooner",
      "Occupancy; admissions avoided; frail LOS (11.4 days now). Monthly to ICS",
      "£320k (ICS funded to Mar-27)", D(2026, 3, 2), D(2027, 3, 31), "Live", "Amber", "High",
      "Funding after Mar-27 not agreed - ICS decides in Dec. Safety case held by ICS CSO, we feed the hazard log."],
     "EPEEEEEE", ["funding_ends_at_go_live"]),
    (["MT-13", "Foundations", "PACS replacement", "O4",
      "Regional PACS contract ends Sep-27; the imaging network is buying a replacement for 5 trusts and we go live with the network.",
      "Radiology Service Manager", "Dr E.T.", "Imaging network", "TBC (network procurement)",
      "Network, 7+3 yrs, exit terms in the ITT",
      "Single cutover weekend per network plan",
      "Images shared across the network; supported system",
      "Go-live date met",
      "£1.4m", D(2026, 4, 1), "Sep-27", "Procurement", "Amber", "High",
      "Network drafted the cutover plan. Our CSO not involved yet."],
     "MMMMPEMM", ["tech_centred", "no_measurable_goal", "output_only_benefits", "big_bang",
                  "clinical_safety_missing"]),
    (["MT-14", "Workforce", "Stop posting letters to GPs", "O3",
      "Some OP letters still printed and posted to GPs (about 18k a year). Send them all by national messaging. Med secs went through which clinics still print.",
      "Head of Outpatients", "CCIO", "Product team", "National messaging - no new supplier", "none",
      "Clinic by clinic, 4 a month",
      "Letters reach GPs in days not 1-2 wks; £9k postage",
      "Letters posted a month (1,500 now, target under 100)",
      15000, D(2026, 5, 4), D(2026, 12, 18), "Delivery", "Green", "Medium", ""],
     "PEPEEEMM", ["clinical_safety_missing"]),
    (["MT-15", "Estates", "Bedside TV and patient Wi-Fi", "Patient experience",
      "Pts complain there's no TV or Wi-Fi on the wards - comes up in friends & family comments.",
      "Head of Estates", "", "Estates", "MediaBed Ltd", "Concession, 10 yrs, supplier keeps revenue",
      "All wards at once",
      "Patient experience",
      "FFT comments",
      "£0 (concession)", "Q1 2027/28", "TBC", "Idea", "", "Low", ""],
     "PPPMMMMM", ["no_measurable_goal", "big_bang", "lock_in_risk", "missing_dates"]),
    (["MT-16", "Foundations", "M365 E5 licences", "Digital",
      "Upgrade licences to E5 for security and Teams phone. Microsoft offer ends Dec.",
      "IT", "", "Infra team", "Microsoft via reseller", "3 yr EA",
      "",
      "Better security, cost avoidance",
      "",
      "£280k pa", D(2027, 1, 1), D(2027, 3, 31), "Approval", "Green", "High", ""],
     "MMMMMMMM", ["tech_centred", "no_measurable_goal", "output_only_benefits", "no_owner",
                  "vague_or_hype"]),
]

MT_OBJECTIVES = [
    "O1 Elective recovery - cut the longest waits",
    "O2 Urgent & emergency care - 4 hour standard and ambulance handovers",
    "O3 Workforce - keep our staff, cut their admin",
    "O4 Safe, sustainable services (incl. estate and digital foundations)",
]

MT_REASONS = [
    "Borderline. Verdict by the section (c) composite: only 2 of S1-S6 are red (S3, S4) and S1 is amber, not red, so it is not a shopping list; one more red would tip it.",
    "S1 amber: 4 of 16 cite no listed objective (MT-04 blank, MT-11 'Enabler', MT-15 'Patient experience', MT-16 'Digital') = 25%.",
    "S2 green: every listed objective has 2-4 projects (O1 4, O2 2, O3 3, O4 3).",
    "S3 red: 16 projects against 14 in-house FTE with one 6-person product team and 2 project managers (8 per PM).",
    "S4 red: 9 of 16 High (56%), though 2 are Low.",
    "S5 amber: 4 of 16 technology-centred (MT-05, MT-10, MT-13, MT-16) = 25%; S6 amber: 6 of 16 with no measurable goal = 38%.",
    "Owners are mostly named (S7: only MT-16 is owned by 'IT'); 6 of 7 clinical projects have a clinical sponsor (MT-04 'tbc').",
    "S9 weak: nothing stopped or paused this year, though 9 legacy apps were switched off instead of moved (MT-05) and two pilots have stop/decide points (MT-02, MT-07).",
    "Mixed quality: strong, measured work (MT-01, MT-07, MT-09, MT-12) sits beside consultancy-led 'transformation' (MT-11), a vendor-offered x-ray auto-reading switch-on (MT-08) and network-led PACS with no local safety work (MT-13).",
]


def build_mt():
    wb = openpyxl.Workbook()
    lk = wb.active
    lk.title = "Objectives + lookups"
    lk.append(["Marlcombe and Teswick NHS Trust - Digital Portfolio lookups"])
    lk.append([])
    lk.append(["Ref", "Trust objective 2026/27"])
    for o in MT_OBJECTIVES:
        code, text = o.split(" ", 1)
        lk.append([code, text])
    lk.append([])
    lk.append(["Digital Services in-house", 14, "FTE: product team 6 (incl. 1 product owner), infrastructure 5, PMO 3 (2 PMs)"])
    lk.append(["Clinical", "CCIO 2 PAs/wk"])
    lk.append(["ICS", "Axmere & Dunholt ICS"])
    lk.append([])
    lk.append(["RAG (DCA)", "Green / Amber / Red"])
    lk.append(["Priority", "High / Medium / Low"])
    ws = wb.create_sheet("Portfolio Q2")
    ws["A1"] = "DIGITAL PORTFOLIO - Q2 2026/27 POSITION - OFFICIAL"
    ws.merge_cells("A1:T1")
    ws["A1"].font = Font(bold=True, size=12)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(MT_HEADERS)
    for c in ws[2]:
        c.font = Font(bold=True)
    rows = {}
    for i, (vals, code, flags) in enumerate(MT):
        if i == 8:
            ws.append([])  # stray blank row left in mid-list
        ws.append(vals)
        r = ws.max_row
        date_cells(ws, r)
        if isinstance(vals[13], (int, float)):
            ws.cell(r, 14).number_format = '"£"#,##0'
        rows[vals[0]] = (r, label(code, flags))
    return wb, "Portfolio Q2", 2, MT_HEADERS, MT_MAP, rows, \
        {"verdict": "coherent", "strategic_objectives": MT_OBJECTIVES, "in_house_fte": 14,
         "reasons": MT_REASONS}


def write(name, built):
    wb, sheet, hrow, headers, cmap, rows, portfolio = built
    assert list(cmap) == headers
    path = os.path.join(HERE, name + ".xlsx")
    wb.save(path)
    labels = {"workbook": name + ".xlsx", "sheet": sheet, "header_row": hrow,
              "columns": cmap, "portfolio": portfolio,
              "projects": {ref: {"row": r, **lab} for ref, (r, lab) in rows.items()}}
    with open(os.path.join(HERE, name + ".labels.json"), "w") as f:
        json.dump(labels, f, indent=2, ensure_ascii=False)
        f.write("\n")
    # check against the saved workbook
    ws = openpyxl.load_workbook(path, data_only=True)[sheet]
    got = [c.value for c in ws[hrow]]
    got = got[:len(headers)]
    assert got == headers, (name, got)
    refcol = headers.index(next(h for h, v in cmap.items() if v == "ref")) + 1
    for ref, p in labels["projects"].items():
        assert ws.cell(p["row"], refcol).value == ref, (name, ref, p["row"])
    print(f"{name}: {len(rows)} projects, header row {hrow}, rows checked")


if __name__ == "__main__":
    write("ferrisdale_oakby_digital_plan_2026-27", build_fod())
    write("caddon_bridge_it_project_list", build_cb())
    write("marlcombe_teswick_portfolio_q2", build_mt())
