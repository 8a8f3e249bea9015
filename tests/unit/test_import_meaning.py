"""Header wording a PMO or finance team might use, per canonical field, read by meaning (meaning.py).

None of these headers is in synonyms.json as a phrase: each must be understood from its words (word families,
head words, question frames, units), so the table measures generalisation, not recall of known files.
"""

from __future__ import annotations

import pytest

from portfolio.importing.columns import map_columns
from portfolio.importing.meaning import read_header
from portfolio.importing.synonyms import tokens
from portfolio.principles import CANONICAL_FIELDS

# fmt: off
VARIANTS: dict[str, list[str]] = {
    "ref": [
        "Ref.", "Ref #", "Project ref no.", "Proj ID", "Project #", "Item number", "Reference code",
        "Scheme reference", "Unique identifier", "Register ID", "Request ID", "Line ref", "Proj. No",
    ],
    "title": [
        "Project", "Name of project", "Proj. name", "Project / Initiative", "Title of scheme",
        "Initiative title", "Project short name", "Short title", "Product name", "Change name",
        "Piece of work", "Business case title", "Intervention name", "Project (short title)",
    ],
    "description": [
        "Desc.", "Brief description", "What & why", "What and why", "What problem are we solving?",
        "What's the problem?", "Why are we doing this?", "Problem / opportunity", "Case for change",
        "Overview of project", "Summary of scope", "Background & purpose", "About the project",
        "Reason for project", "Problem we're solving", "Problem we are solving",
    ],
    "strategic_objective": [
        "Trust goal", "Strategic aim", "Link to strategy", "Ambition", "Pillar", "Strategic pillar",
        "Strategy link", "Objective(s)", "Links to trust strategy", "Which strategic aim does it support?",
        "Alignment to strategic goals", "Contribution to trust ambitions", "Digital strategy ambition",
        "Strategic driver", "Goal", "Trust objective",
    ],
    "benefits": [
        "Benefit(s)", "Key benefits", "Anticipated benefits", "Intended outcome", "What will be different?",
        "What changes for patients?", "Benefits to patients & staff", "Patient benefit",
        "Benefits realisation", "Expected impact", "Impact", "Non-financial benefits",
        "What difference will it make?", "Desired outcomes",
    ],
    "kpis": [
        "KPI(s)", "Key performance indicators", "How will we know it worked?",
        "How will we know it's worked?", "How will success be measured?", "Measure of success",
        "Baseline & target", "Performance indicators", "Outcome measures", "Evaluation metrics",
        "How will we measure success?", "Target(s)", "Measurable targets", "Key metrics",
    ],
    "owner": [
        "Lead", "SRO", "Exec sponsor", "Exec. Sponsor", "Accountable exec", "Accountable director",
        "Director lead", "Senior Responsible Officer", "Project sponsor", "Board sponsor",
        "Who's accountable?", "Executive owner", "Owner (exec)", "Lead / owner", "Responsible exec",
        "SRO / Exec lead",
    ],
    "clinical_lead": [
        "Clin lead", "Clin. champion", "Clinical sponsor", "Clinical owner", "CNIO", "CCIO", "Medical lead",
        "Nursing lead", "Lead clinician", "Clinical director", "Clinical informatics lead", "AHP lead",
        "Clinical lead (name)", "Clinical Lead/Champion", "Lead nurse", "Clinical SME",
    ],
    "supplier": [
        "Vendor(s)", "Main supplier", "Delivery partner", "Software vendor", "System supplier",
        "Third party supplier", "External partner", "Supplier / vendor", "Solution provider",
        "Contracted supplier", "Incumbent supplier", "Technology partner", "Contractor", "Software provider",
    ],
    "delivery_approach": [
        "How we're delivering", "How will it be delivered?", "Delivery model", "Implementation approach",
        "Rollout plan", "Roll-out strategy", "Delivery strategy", "Agile / waterfall",
        "Implementation method", "Deployment approach", "Project approach", "Method", "Delivery mode",
        "How we'll deliver it", "Approach (agile, phased, big bang)",
    ],
    "stage": [
        "Current phase", "Lifecycle", "Lifecycle phase", "Gate", "Stage gate", "Current gateway",
        "Delivery stage", "Pipeline stage", "Status / phase", "Stage (discovery / alpha / beta / live)",
        "Where are we now?", "Progress status", "Delivery status", "Project state",
    ],
    "budget": [
        "Opex £ pa", "Capex (£k)", "Whole life cost £m", "Rev £", "Est. cost", "Cost (£)", "Budget £k",
        "Estimated cost (£000s)", "Indicative cost", "Approved budget (£)", "Investment (£m)",
        "Total investment", "WLC £m", "Capital £", "Revenue cost p.a.", "Cost to deliver",
        "How much will it cost?", "Contract value", "Project value (£)", "Budget allocation",
    ],
    "start_date": [
        "Est. start", "Start (planned)", "Commencement", "Date started", "Kick-off date", "Start month",
        "Start quarter", "Mobilisation date", "When does it start?", "Start (mmm-yy)",
        "Date of commencement", "Baseline start date", "Forecast start", "Start FY",
    ],
    "end_date": [
        "Go-live", "Target go live", "Expected go-live", "Delivery date", "Closure date", "Planned finish",
        "Est. completion", "Deadline", "Live date", "When will it finish?", "Handover date",
        "Forecast completion", "Target date", "Planned end (mmm-yy)", "Completion quarter", "End FY",
    ],
    "rag": [
        "R/A/G", "RAG (overall)", "Current RAG", "BRAG", "BRAG status", "Traffic light", "Red/Amber/Green",
        "Project health", "Overall health", "Health", "Delivery confidence rating", "DCA rating",
        "Confidence", "Status (RAG)", "Overall RAG status", "Delivery RAG",
    ],
    "priority": [
        "Priority (H/M/L)", "Prioritisation", "Priority rank", "Prioritisation score", "Business priority",
        "Clinical priority", "Importance", "Urgency", "MoSCoW rating", "Criticality", "Rank", "Tier",
        "Order of priority", "Priority (1-5)", "Pri.",
    ],
    "trust": [
        "Org", "Org.", "Organisation name", "Provider trust", "Which trust?", "NHS organisation",
        "Lead organisation", "Host organisation", "Owning organisation", "ODS code", "Org code",
        "Trust / organisation", "Trust (provider)", "Organisation (trust)", "Dept.", "NHS trust",
    ],
}

#: Headers that look like a field and are not one: they stay extras.
NOT_A_FIELD = [
    "PM", "Project manager", "Programme mgr", "Product owner", "Comments", "Notes / actions",
    "Risks & issues", "Key risks", "Dependencies", "Funding source", "Directorate", "Care group",
    "Portfolio", "Who's it for", "Who it's for?", "Users", "Next review", "Last updated", "Date added",
    "RAG comment", "Commentary on RAG", "Cost narrative", "Schedule narrative", "Benefits (£m)",
    "Forecast (£k)", "Variance", "Spend to date £", "Link", "URL", "Clinical safety officer", "Category",
    "Project type", "Risk owner", "Savings (£k)", "Actual spend", "Number of users",
]
# fmt: on


@pytest.mark.parametrize(
    ("header", "field"), [(h, f) for f, headers in VARIANTS.items() for h in headers], ids=lambda v: str(v)
)
def test_map_columns_header_variant_gives_field(header: str, field: str) -> None:
    assert [c.field for c in map_columns([header], [header], [[]])] == [field]


@pytest.mark.parametrize("header", NOT_A_FIELD)
def test_map_columns_header_that_is_no_field_stays_extra(header: str) -> None:
    assert [c.field for c in map_columns([header], [header], [[]])] == [None]


def test_variants_table_has_at_least_twelve_headers_per_field() -> None:
    assert [f for f in CANONICAL_FIELDS if len(VARIANTS.get(f, [])) < 12] == []


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("What & why?", ["what", "and", "why"]),
        ("Who's it for", ["who", "it", "for"]),
        ("How we're delivering", ["how", "we", "delivering"]),
        ("Capex (£k)", ["capex"]),
        ("Opex £ pa", ["opex"]),
        ("Whole life cost £m", ["whole", "life", "cost"]),
        ("Est. cost", ["est", "cost"]),
        ("projectName", ["project", "name"]),
        ("SRO_name", ["sro", "name"]),
        ("Go-live", ["go", "live"]),
        ("R/A/G", ["r", "a", "g"]),
    ],
)
def test_tokens_punctuation_apostrophes_and_units_give_words(header: str, expected: list[str]) -> None:
    assert tokens(header) == expected


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Trust goal", "strategic_objective"),  # "goal" is what the column is; "trust" only says whose
        ("Trust", "trust"),
        ("Trust name", "trust"),
        ("Outcome measures", "kpis"),  # measures of outcomes are KPIs
        ("Benefits summary", "benefits"),
        ("Project summary", "description"),
        ("Clinical lead name", "clinical_lead"),
        ("Supplier name", "supplier"),
        ("Benefit description", "benefits"),
        ("Delivery type", "delivery_approach"),  # "type" only says what kind: of delivery
        ("Prioritisation category", "priority"),
        ("Environmental assessment category", None),
        ("Trust priority rank", "priority"),  # the head is "rank"; "trust priority" says which
        ("Programme/Project ID", "ref"),  # a lone modifier shares the last alternative's head
        ("Clinical/nursing lead", "clinical_lead"),
        ("What's the project?", "description"),
        ("Savings £", None),  # an amount, not the benefits text
        ("2016/17 Baseline £m", None),  # one year's figure, not the budget
        ("Why this rating? Enter an explanation", None),
        ("The problem", "description"),  # a short article phrase is a header; a long one is a value
        ("The Tate Modern Project", None),
        ("Programme has now completed", None),  # a statement is a value, not a header
        ("How we'll do it", "delivery_approach"),
        ("RAG this period", "rag"),
        ("Priority band", "priority"),
        ("Lead provider", "trust"),  # an NHS provider leading is a trust; a software provider is a supplier
        ("RAG rationale", None),  # a note about the rating, not the project's rationale
        ("Budget 25/26 £k", None),
    ],
)
def test_read_header_head_word_decides(header: str, field: str | None) -> None:
    assert read_header(header)[0] == field


@pytest.mark.parametrize("grouping", ["Programme", "Workstream", "Portfolio", "Division", "Programme name"])
@pytest.mark.parametrize("title", ["Project name", "Project", "Scheme", "Initiative title"])
def test_map_columns_project_name_beats_grouping_column_for_title(grouping: str, title: str) -> None:
    headers = [grouping, title]
    samples = [["EPR", "EPR", "Digital"], ["Bed board", "E-obs", "Patient portal"]]
    assert [c.field for c in map_columns(headers, headers, samples)][1] == "title"


def test_map_columns_grouping_column_alone_is_title_when_nothing_else_is() -> None:
    headers = ["Ref", "Workstream", "RAG"]
    samples = [["A1", "A2"], ["Bed board rollout", "Patient portal"], ["Red", "Green"]]
    assert [c.field for c in map_columns(headers, headers, samples)] == ["ref", "title", "rag"]


@pytest.mark.parametrize(
    ("headers", "samples", "expected"),
    [
        (  # a second person column of clinicians is the clinical lead
            ["Project", "SRO", "Lead"],
            [["EPR", "PACS"], ["COO", "Chief Nurse"], ["Dr A Shah, consultant", "Ward matron"]],
            ["title", "owner", "clinical_lead"],
        ),
        (  # a header that says nothing, over people's roles: an owner
            ["Project", "Contact"],
            [["EPR", "PACS", "Wi-Fi"], ["Director of Finance", "COO", "Chief Digital Officer"]],
            ["title", "owner"],
        ),
        (
            ["Project", "SRO", "Named person"],
            [
                ["EPR", "PACS", "Wi-Fi"],
                ["COO", "CFO", "CEO"],
                ["Consultant radiologist", "CNIO", "Lead nurse"],
            ],
            ["title", "owner", "clinical_lead"],
        ),
        (  # "Trust priority": the values say whether it is a priority level or a strategic priority
            ["Project", "Trust priority"],
            [["EPR", "PACS", "Wi-Fi"], ["High", "Low", "Medium"]],
            ["title", "priority"],
        ),
        (
            ["Project", "Trust priority"],
            [["EPR", "PACS", "Wi-Fi"], ["Safe care", "Our people", "Safe care"]],
            ["title", "strategic_objective"],
        ),
        (  # an identifier that repeats across projects ("Building ID") is not the project's ref
            ["Building ID", "Project"],
            [["K001", "K001", "K002", "K001", "K002"], ["EPR", "PACS", "Wi-Fi", "Portal", "Bed board"]],
            [None, "title"],
        ),
        (  # a header that names no field is not filled from its values ("As of date")
            ["Project", "Date added"],
            [["EPR", "PACS", "Wi-Fi"], ["01/04/2025", "02/04/2025", "03/04/2025"]],
            ["title", None],
        ),
        (  # a status of colours is the RAG rating, unless another column is
            ["Project", "Status"],
            [["EPR", "PACS", "Wi-Fi"], ["Green", "Amber/Red", "Red"]],
            ["title", "rag"],
        ),
        (
            ["Project", "Status", "RAG"],
            [["EPR", "PACS", "Wi-Fi"], ["Green", "Amber", "Red"], ["G", "A", "R"]],
            ["title", "stage", "rag"],
        ),
        (
            ["Trust", "Trust goal", "Project"],
            [["Wyvern", "Wyvern"], ["Safe care", "Our people"], ["EPR", "PACS"]],
            ["trust", "strategic_objective", "title"],
        ),
    ],
)
def test_map_columns_values_settle_ambiguous_headers(
    headers: list[str], samples: list[list[str]], expected: list[str | None]
) -> None:
    assert [c.field for c in map_columns(headers, headers, samples)] == expected
