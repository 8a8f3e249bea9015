"""Write the example workbooks in imports/: the demo portfolio of a fictional trust, and a blank template.

Everything here is invented: Northshire Hospitals NHS Foundation Trust, its suppliers and people do not exist.
The demo is deliberately a "shopping list" (many unrelated, technology-led projects against a small team), with a
few well-run projects in it, laid out as PMOs really keep registers: a title row, a notes row, a strategy sheet.
Run: python tools/make_demo_workbooks.py
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

ROOT = Path(__file__).resolve().parents[1] / "imports"
HEADERS = ["Ref", "Project", "Description", "Strategic objective", "Benefits", "KPIs", "SRO", "Clinical lead",
           "Supplier", "Delivery approach", "Stage", "Budget (£k)", "Start", "End", "RAG", "Priority", "Notes"]
OBJECTIVES = [
    "SO1 Shorter waits for planned care",
    "SO2 Safer care: fewer avoidable harms",
    "SO3 Time to care: less admin for clinical staff",
    "SO4 Care closer to home with Vale partners",
]
# ref, title, description, objective, benefits, kpis, sro, clinical lead, supplier, approach, stage, budget £k,
# start, end, rag, priority, notes
PROJECTS = [
    ("NHS-01", "Outpatient self check-in", "Reception staff told us arrivals take a third of desk time; we shadowed "
     "clerks for two weeks and tested a kiosk prototype with 40 patients in rheumatology clinic.", "SO1 Planned care",
     "Shorter queues; clerks freed to book follow-ups", "Arrival-to-seated time (baseline 9 min, target 3 min), "
     "reported monthly", "Chief Operating Officer", "Dr K. Mensah", "Kiosks via framework call-off; app built in-house",
     "Pilot in two clinics, then monthly releases to the rest; stop/go review after 8 weeks", "Pilot", 140,
     date(2025, 5, 1), date(2026, 3, 31), "Green", "High", "DPIA approved; hazard log held by the CSO"),
    ("NHS-02", "EPR replacement", "Replace the PAS and clinical systems with a full EPR across the trust.",
     "Digital", "Paperless hospital, improved efficiency", "", "Director of Finance", "TBC", "TBC (procurement)",
     "Big bang go-live across all sites", "Business case", 18500, "Q4 2025/26", "2028", "Amber", "Critical", ""),
    ("NHS-03", "Wi-Fi upgrade", "Upgrade wireless network.", "", "Better Wi-Fi coverage", "", "IM&T", "",
     "Netcore Solutions", "", "In progress", 650, date(2025, 4, 1), date(2026, 3, 31), "Green", "High", ""),
    ("NHS-04", "AI triage chatbot", "Innovative AI chatbot to transform the patient front door.", "Digital",
     "Transformation of patient access", "TBC", "Director of Strategy", "", "Brightbot Ltd",
     "Supplier to deliver", "Procurement", 420, "TBC", "TBC", "Amber", "High", "Direct award proposed"),
    ("NHS-05", "Windows 11 migration", "Migrate all laptops and desktops to Windows 11 before end of support.",
     "", "Compliance with support deadline", "Devices migrated", "IM&T", "", "Deskwise", "Trust-wide rollout",
     "Delivery", 380, date(2025, 6, 1), date(2026, 10, 31), "Amber", "High", ""),
    ("NHS-06", "E-prescribing on wards", "Electronic prescribing and medicines administration for inpatient wards.",
     "SO2 Safer care", "Fewer prescribing errors", "Prescribing errors per 1,000 bed days (baseline 14, target 7)",
     "Medical Director", "Chief Pharmacist", "Medora EPMA", "Two wards first, then the rest in waves of four",
     "Delivery", 1200, date(2025, 3, 1), date(2026, 12, 31), "Amber", "High", "Hazard log opened"),
    ("NHS-07", "Robotic process automation", "RPA bots for back-office processes.", "Digital",
     "Savings", "Bots deployed", "Director of Finance", "", "AutoWorks", "", "Delivery", 210,
     date(2025, 1, 1), "Ongoing", "Green", "High", ""),
    ("NHS-08", "Patient portal", "Implement patient portal module from EPR supplier.", "Digital",
     "Modern patient experience", "", "Director of Strategy", "", "Corvell Health", "Single go-live",
     "Planning", 300, "Mar-26", "Mar-27", "Amber", "High", "Auto-renew on existing contract"),
    ("NHS-09", "Virtual ward monitoring", "Remote monitoring for frail patients discharged early, with Vale "
     "community teams; nurses co-designed the alerts.", "SO4 Care closer to home",
     "Fewer readmissions; patients home sooner", "30-day readmissions (baseline 18%, target 14%), weekly dashboard",
     "Chief Nurse", "Consultant geriatrician", "Homewatch (12-month trial, break clause)",
     "Six-month trial with stop/go decision", "Trial", 260, date(2025, 7, 1), date(2026, 6, 30), "Green", "Medium",
     "CSO sign-off done; DPIA approved"),
    ("NHS-10", "Second patient app", "A trust app with appointments and maps.", "", "Better engagement", "",
     "Head of Communications", "", "Appcraft", "", "Idea", 90, "TBC", "TBC", "", "High", ""),
    ("NHS-11", "Server room refresh", "Replace end-of-life servers and storage.", "", "Supported infrastructure",
     "", "IM&T", "", "Datahall", "", "Delivery", 540, date(2025, 9, 1), date(2026, 8, 31), "Green", "High", ""),
    ("NHS-12", "Digital dictation", "Replace the dictation system for clinical letters.", "SO3 Time to care",
     "Faster letters", "", "Medical Director", "", "Speakwell", "Trust-wide go-live", "Procurement", 330,
     date(2025, 11, 1), date(2026, 5, 31), "Amber", "High", ""),
    ("NHS-13", "Theatre scheduling", "Schedulers build lists on spreadsheets; we timed list building and found "
     "2 hours a day per scheduler.", "SO1 Planned care", "More operations per list",
     "Session utilisation (baseline 76%, target 85%)", "Director of Surgery", "Mr P. Osei",
     "Module from existing EPR supplier; in-house configuration", "Orthopaedics first, then general surgery",
     "Delivery", 240, date(2025, 4, 1), date(2026, 3, 31), "Amber", "Medium", "Hazard log opened"),
    ("NHS-14", "Blockchain staff passport", "Blockchain for staff credentials.", "", "Innovation", "",
     "Director of People", "", "ChainHR", "", "Idea", 75, "TBC", "TBC", "", "High", ""),
    ("NHS-15", "Data warehouse migration", "Migrate the data warehouse to the cloud platform.", "",
     "Better data", "", "Chief Information Officer", "", "CloudCo", "", "Delivery", 480, date(2025, 2, 1),
     date(2027, 3, 31), "Red", "High", "Rebaselined twice; plan unchanged"),
    ("NHS-16", "E-rostering upgrade", "Upgrade e-rostering to the latest version.", "", "Supported system", "",
     "Director of People", "", "Rotawise", "", "Planning", 120, date(2026, 1, 1), date(2026, 9, 30), "Green",
     "Medium", ""),
]


def demo() -> Workbook:
    wb = Workbook()
    strategy = wb.active
    strategy.title = "Strategy"
    strategy.append(["Northshire Hospitals NHS Foundation Trust: digital strategy 2025-2028"])
    strategy.append([])
    strategy.append(["Strategic objectives"])
    for objective in OBJECTIVES:
        strategy.append([objective])
    strategy.append([])
    strategy.append(["In-house digital team: 6 FTE"])
    strategy["A1"].font = Font(bold=True, size=14)
    sheet = wb.create_sheet("Portfolio")
    sheet.append(["NORTHSHIRE HOSPITALS NHS FT - DIGITAL PORTFOLIO 2025-26"])
    sheet.append(["Owner: Head of PMO | Data as at 31/10/2025 | In-house digital team: 6 FTE"])
    sheet.append(HEADERS)
    fill = PatternFill("solid", fgColor="005EB8")
    for cell in sheet[3]:
        cell.font, cell.fill = Font(bold=True, color="FFFFFF"), fill
    for project in PROJECTS:
        sheet.append(list(project))
    sheet.append([])
    sheet.append(["TOTAL", None, None, None, None, None, None, None, None, None, None,
                  f"=SUM(L4:L{3 + len(PROJECTS)})"])
    for row in sheet.iter_rows(min_row=4, max_row=3 + len(PROJECTS), min_col=13, max_col=14):
        for cell in row:
            if isinstance(cell.value, date):
                cell.number_format = "dd/mm/yyyy"
    rag = DataValidation(type="list", formula1='"Green,Amber,Red"', allow_blank=True)
    sheet.add_data_validation(rag)
    rag.add(f"O4:O{3 + len(PROJECTS)}")
    sheet.freeze_panes = "C4"
    return wb


def template() -> Workbook:
    wb = Workbook()
    sheet = wb.active
    sheet.title = "Portfolio"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    strategy = wb.create_sheet("Strategy")
    strategy.append(["Strategic objectives"])
    strategy.append(["SO1 ..."])
    strategy.append([])
    strategy.append(["In-house digital team: ... FTE"])
    return wb


if __name__ == "__main__":
    ROOT.mkdir(exist_ok=True)
    demo().save(ROOT / "northshire_digital_portfolio_2025-26.xlsx")
    template().save(ROOT / "portfolio_template.xlsx")
