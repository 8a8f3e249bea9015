"""Project flags F1-F13 on records built in code: raised by meaning, with reasons that name the evidence."""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from portfolio.principles import FlagId
from portfolio.records import BudgetLine, ProjectRecord
from portfolio.tagging import Rubric, load_rubric, tag_project


@cache
def rubric() -> Rubric:
    return load_rubric()


def record(
    extras: dict[str, str] | None = None,
    lines: tuple[BudgetLine, ...] = (),
    rag: str | None = None,
    start: date | None = date(2025, 4, 1),
    end: date | None = date(2026, 3, 31),
    **text: str,
) -> ProjectRecord:
    return ProjectRecord(
        row=3,
        title=text.get("title", ""),
        text=text,
        extras=extras or {},
        budget_lines=lines,
        rag=rag,
        start_date=start,
        end_date=end,
    )


GOOD = dict(  # a well-kept project: no flag should fire
    title="Discharge letters to GPs",
    description="A survey of 40 GP practices found discharge summaries arrive late and miss medication "
    "changes, "
    "so junior doctors redesigned the template with pharmacists.",
    benefits="GPs get accurate discharge information within 24h; fewer readmissions",
    kpis="% sent within 24h (baseline 58%, target 90%), monthly",
    owner="Medical Director",
    clinical_lead="Dr J. Harrow",
    supplier="Existing EPR; national structured messaging (open standard)",
    delivery_approach="Acute medicine first, then division by division",
)
GOOD_SAFETY = {"Clinical safety / IG": "Hazard log reviewed by the CSO."}


@pytest.mark.parametrize(
    ("case", "flag", "raised"),
    [
        (record(GOOD_SAFETY, **GOOD), None, False),
        (
            record(
                title="Server refresh",
                description="Refresh the virtual servers before they go out of support.",
            ),
            FlagId.TECH_CENTRED,
            True,
        ),
        (
            record(
                title="Ward PC refresh",
                description="Ward PCs take over 4 minutes to log in (timed on 6 wards); "
                "refresh the worst first.",
            ),
            FlagId.TECH_CENTRED,
            False,
        ),
        # a "problem" word outside what the work is for (a decision log, a KPI, the plan) is no user problem
        (
            record(
                title="Wi-Fi refresh",
                description="Doveham site Wi-Fi refresh.",
                decision_log="Delayed: access points on back order",
                kpis="P1 incidents",
                delivery_approach="About 6 weeks, site by site",
            ),
            FlagId.TECH_CENTRED,
            True,
        ),
        (
            record(title="Wi-Fi refresh", description="Nurses lose the e-obs connection in dead spots on 4 wards."),
            FlagId.TECH_CENTRED,
            False,
        ),
        # the technology's own trouble is not a problem its users have, nor a site survey research with them
        *[
            (record(title=title, description=description, delivery_approach=approach), FlagId.TECH_CENTRED, True)
            for title, description, approach in [
                ("Data centre exit", "Migrate 140 servers to cloud hosting after 3 cooling failures in 2025.", ""),
                ("Core network replacement", "Replace the core network, flagged in the post-incident review.", ""),
                ("Patient Wi-Fi", "Extend guest Wi-Fi to all inpatient wards.", "Survey then install."),
            ]
        ],
        (record(title="Ward Wi-Fi", description="Nurses lose e-obs in dead spots; 3 incidents of late obs."),
         FlagId.TECH_CENTRED, False),
        # security and infrastructure work framed as technology
        *[
            (record(title=title, description=description), FlagId.TECH_CENTRED, True)
            for title, description in [
                ("Cyber security programme", "Improve cyber resilience in line with DSPT and CAF."),
                ("Managed security operations centre", "Buy a 24/7 managed SOC."),
                ("MFA for remote access", "Multi-factor authentication on every remote log-in."),
                ("Immutable backups", "New backups with a tested restore."),
                ("Data centre exit", "Move the kit to cloud hosting."),
                ("Blockchain staff passport", "Explore blockchain for training records."),
            ]
        ],
        (
            record(title="x", kpis="Report turnaround", benefits="Faster reports"),
            FlagId.NO_MEASURABLE_GOAL,
            True,
        ),
        (record(title="x", kpis="Log-in time (baseline TBC)"), FlagId.NO_MEASURABLE_GOAL, True),
        (record(title="x", kpis="Save 10 WTE"), FlagId.NO_MEASURABLE_GOAL, False),
        # a number however a register writes it: was/now/aim, a count in brackets, a rate, hours
        *[
            (record(title="x", kpis=kpis), FlagId.NO_MEASURABLE_GOAL, False)
            for kpis in [
                "Mins per shift chasing (was 47, aim under 15)",
                "Report backlog in weeks (3 now)",
                "Vehicles fitted (420)",
                "Wi-Fi complaints (31 in 2025)",
                "Transcription errors reaching the ward (about 2 a month)",
                "Recovery test under 8h",
            ]
        ],
        (record(title="x", kpis="Report backlog; letters turnaround"), FlagId.NO_MEASURABLE_GOAL, True),
        (
            record(title="x", benefits="Supported platform; DSPT compliance"),
            FlagId.OUTPUT_ONLY_BENEFITS,
            True,
        ),
        (record(title="x", benefits="Nurses get time back for care"), FlagId.OUTPUT_ONLY_BENEFITS, False),
        # outcomes in a register's shorthand: people, doses, handovers, visits, repeat work avoided
        *[
            (record(title="x", benefits=benefits), FlagId.OUTPUT_ONLY_BENEFITS, False)
            for benefits in [
                "Fewer wasted trips for pts; fewer failed video appts",
                "Fewer omitted and wrong doses",
                "Quicker handovers, less re-typing",
                "Callers aren't left hanging on; fewer repeat calls in distress",
                "Fewer frail people admitted; home sooner",
                "Better wound healing. Fewer visits.",
            ]
        ],
        # a place or a thing made digital is still an output
        *[
            (record(title="x", benefits=benefits), FlagId.OUTPUT_ONLY_BENEFITS, True)
            for benefits in ["Paperless wards; EPR benefits realised", "Supported, hosted system", "Theatre efficiency"]
        ],
        (record(title="x", delivery_approach="All wards go live on the same weekend"), FlagId.BIG_BANG, True),
        # one date for everyone, in the words registers use
        (record(title="x", delivery_approach="One weekend cutover Sep-27, 2 dress rehearsals"), FlagId.BIG_BANG, True),
        (record(title="x", delivery_approach="Everyone switched on 1 Apr-27"), FlagId.BIG_BANG, True),
        (record(title="x", delivery_approach="Switch on for all knee/hip films from Jan"), FlagId.BIG_BANG, True),
        (record(title="x", delivery_approach="Go live in all theatres at once"), FlagId.BIG_BANG, True),
        # a long project moving one piece at a time is not a big bang
        *[
            (
                record(title="x", delivery_approach=approach, start=date(2026, 1, 5), end=date(2028, 3, 31)),
                FlagId.BIG_BANG,
                False,
            )
            for approach in (
                "App by app: 40 apps, about 6 a quarter",
                "Migrate by data domain, one a month",
                "Clinic by clinic, 4 a month",
            )
        ],
        (
            record(
                title="x",
                delivery_approach="Install everything",
                start=date(2024, 1, 1),
                end=date(2026, 6, 30),
            ),
            FlagId.BIG_BANG,
            True,
        ),
        (
            record(title="EPMA", description="Electronic prescribing on medical wards.", clinical_lead="-"),
            FlagId.NO_CLINICAL_LEAD,
            True,
        ),
        (
            record(
                title="Network refresh", description="Wi-Fi dead spots on wards stop e-obs handhelds syncing."
            ),
            FlagId.NO_CLINICAL_LEAD,
            False,
        ),
        (record(title="x", owner="IM&T"), FlagId.NO_OWNER, True),
        (record(title="x", owner="Chief Nurse"), FlagId.NO_OWNER, False),
        # a post nobody holds yet is no owner
        (record(title="x", owner="Unassigned"), FlagId.NO_OWNER, True),
        (record(title="x", owner="Not yet appointed"), FlagId.NO_OWNER, True),
        (
            record(title="x", supplier="Acme", delivery_approach="Supplier to deliver"),
            FlagId.SUPPLIER_LED,
            True,
        ),
        (
            record(
                {"Product owner": "Outpatients PO (in-house)"},
                title="x",
                supplier="Acme",
                delivery_approach="Supplier to deliver",
            ),
            FlagId.SUPPLIER_LED,
            False,
        ),
        (record(title="x", supplier="Acme - direct award, 7yr"), FlagId.LOCK_IN_RISK, True),
        (record(title="x", supplier="Acme - 5-yr support with break at year 3"), FlagId.LOCK_IN_RISK, False),
        (
            record(
                title="x",
                lines=(
                    BudgetLine("Capital (£k)", 850_000.0, "capital"),
                    BudgetLine("Revenue (£k pa)", None, "revenue"),
                ),
            ),
            FlagId.FUNDING_ENDS_AT_GO_LIVE,
            True,
        ),
        (record({"Funding": "Capital - one off"}, title="x"), FlagId.FUNDING_ENDS_AT_GO_LIVE, True),
        (record({"Funding": "Capital + 3 yr revenue"}, title="x"), FlagId.FUNDING_ENDS_AT_GO_LIVE, False),
        # a note about the money that says it stops, however worded
        *[
            (record({header: note}, title="x"), FlagId.FUNDING_ENDS_AT_GO_LIVE, True)
            for header, note in [
                ("Update / comments", "Capital only - no revenue for support identified yet."),
                ("Latest update", "OBC through F&P Mar-26. Revenue for support not yet identified."),
                ("Funding source", "NHSE funding for 26/27 only"),
                ("Decisions & progress", "Paid for by the ICS waiting-well fund for 12 months only."),
                ("Funding notes", "ICS virtual ward money until March, then BAU TBC"),
                ("Funding", "Pilot free. Subscription (approx £96k pa) not funded"),
            ]
        ],
        # "not yet agreed" about something else is not the funding's
        (record({"Latest update": "Go-live date not yet agreed with the supplier."}, title="x"),
         FlagId.FUNDING_ENDS_AT_GO_LIVE, False),
        (
            record({"Notes": "Go-live moved twice; plan unchanged."}, title="x", rag="amber_red"),
            FlagId.STUCK_ON_PLAN,
            True,
        ),
        (
            record({"Notes": "Go-live moved twice; plan unchanged."}, title="x", rag="green"),
            FlagId.STUCK_ON_PLAN,
            False,
        ),
        (record(title="x", description="New intranet."), FlagId.VAGUE_OR_HYPE, True),
        (
            record(
                title="x",
                description="Use AI to transform the patient flow of the whole hospital with an innovative "
                "predictive model built with a partner.",
            ),
            FlagId.VAGUE_OR_HYPE,
            True,
        ),
        (
            record(
                title="Dictation", description="Speech recognition for clinic letters.", clinical_lead="Dr A"
            ),
            FlagId.CLINICAL_SAFETY_MISSING,
            True,
        ),
        (
            record(
                {"Clinical safety / IG": "Supplier DCB0129 awaited."},
                title="PACS AI",
                description="Flags urgent chest X-rays.",
            ),
            FlagId.CLINICAL_SAFETY_MISSING,
            True,
        ),
        (record(title="x", start=None, end_date="Ongoing"), FlagId.MISSING_DATES, True),
        (
            record(title="x", start=None, end=None, start_date="Q3 2025/26", end_date="Mar-26"),
            FlagId.MISSING_DATES,
            False,
        ),
        (record({"Next review": ""}, title="x"), FlagId.MISSING_DATES, True),
        # a "next decision" or "checkpoint" column is the review date, not a decision log
        (record({"Next decision": ""}, title="x"), FlagId.MISSING_DATES, True),
        # supplier-led in the words registers use, and a lead who is the supplier's
        (record(title="x", supplier="Acme", description="Vendor will configure and run the system."),
         FlagId.SUPPLIER_LED, True),
        (record(title="x", supplier="Acme", delivery_approach="Supplier-run service from go-live"),
         FlagId.SUPPLIER_LED, True),
        (record({"Delivery lead": "Vendor + imaging network"}, title="x", supplier="OsteoRead"),
         FlagId.SUPPLIER_LED, True),
        (record({"Delivery lead": "Vendor + imaging network", "Product owner": "Radiology PO"}, title="x",
                supplier="OsteoRead"), FlagId.SUPPLIER_LED, False),
        (record({"Contract": "Consultancy, 12 months"}, title="x", supplier="Meridian Consulting"),
         FlagId.SUPPLIER_LED, True),
        # contract terms in a 'Contract' column count for lock-in
        (record({"Contract": "Direct award, auto-renews yearly"}, title="x", supplier="PeopleCore"),
         FlagId.LOCK_IN_RISK, True),
        # an owner who is a department or an organisation is not an accountable person
        (record(title="x", owner="Procurement"), FlagId.NO_OWNER, True),
        (record(title="x", owner="ICS"), FlagId.NO_OWNER, True),
        (record(title="x", owner="Head of Procurement"), FlagId.NO_OWNER, False),
        # a safety officer who is not involved, or a post that is vacant, is no safety evidence
        (
            record({"Comments": "Our CSO not involved yet."}, title="PACS replacement", clinical_lead="Dr E.T."),
            FlagId.CLINICAL_SAFETY_MISSING,
            True,
        ),
        (
            record({"Comments": "Trust CSO post vacant."}, title="EPR go-live", clinical_lead="CCIO"),
            FlagId.CLINICAL_SAFETY_MISSING,
            True,
        ),
        (
            record({"Comments": "CSO signed off the hazard log."}, title="EPR go-live", clinical_lead="CCIO"),
            FlagId.CLINICAL_SAFETY_MISSING,
            False,
        ),
        # backups, access control, robots and bedside TV protect or serve the care, they are not used in it
        *[
            (record(title=title, description="Protects the EPR and PACS for the wards."),
             FlagId.NO_CLINICAL_LEAD, False)
            for title in ["Immutable backups and restore testing", "Privileged access + MFA", "RPA phase 2",
                          "Bedside TV replacement"]
        ],
        (record(title="Bed management system", description="Real-time bed state for the wards."),
         FlagId.NO_CLINICAL_LEAD, True),  # the labelled rules count patient flow on the wards as clinical
        # safety work left to the supplier is not the trust's own; the trust's beside the supplier's is
        *[
            (record({"Clinical safety": note}, title="EPR upgrade", clinical_lead="CCIO"),
             FlagId.CLINICAL_SAFETY_MISSING, raised)
            for note, raised in [
                ("DCB0160 n/a - covered by the supplier's DCB0129", True),
                ("Clinical safety - supplier to pick up.", True),
                ("Clinical safety case to be written by supplier.", True),
                ("Supplier DCB0129 in; our DCB0160 done for ENT.", False),
            ]
        ],
        # the supplier, by its name or as "agency" or "contract engineers", does the delivery itself
        (
            record(title="x", supplier="Quillon Systems", delivery_approach="Quillon to build and host it"),
            FlagId.SUPPLIER_LED,
            True,
        ),
        (
            record(
                title="x",
                supplier="Harrier Data; Ovid Kit (devices)",
                delivery_approach="Ovid ships the devices; built by our digital team",
            ),
            FlagId.SUPPLIER_LED,
            False,
        ),
        (
            record(title="x", supplier="Harrier Data", delivery_approach="Built by Harrier in 2 sprints"),
            FlagId.SUPPLIER_LED,
            True,
        ),
        (
            record(title="x", supplier="Pixelmoor", delivery_approach="Agency to design and run the site"),
            FlagId.SUPPLIER_LED,
            True,
        ),
        (
            record(title="x", supplier="Pike IT", delivery_approach="Contract engineers take each site"),
            FlagId.SUPPLIER_LED,
            True,
        ),
        (
            record(
                {"Project lead": "Programme lead (Brackwater Consulting)"},
                title="x",
                supplier="Brackwater Consulting",
            ),
            FlagId.SUPPLIER_LED,
            True,
        ),
        # contractors who back-fill under a team of the trust's own are not supplier-led delivery
        (
            record(
                title="x",
                supplier="Quillon",
                delivery_approach="Contractor cover for one post; our apps team leads the rollout",
            ),
            FlagId.SUPPLIER_LED,
            False,
        ),
        # deferred safety work: in time before the build, not evidence once it is under way
        (
            record({"Safety": "DCB0160 to follow"}, title="Order comms", stage="Build", clinical_lead="Dr Q"),
            FlagId.CLINICAL_SAFETY_MISSING,
            True,
        ),
        (
            record(
                {"Clinical safety": "Hazard log to be opened at beta"},
                title="Order comms",
                stage="Discovery",
                clinical_lead="Dr Q",
            ),
            FlagId.CLINICAL_SAFETY_MISSING,
            False,
        ),
        (
            record(
                {"Clinical safety": "To be confirmed with the CSO"},
                title="EPMA rollout",
                stage="Rollout",
                clinical_lead="Dr Q",
            ),
            FlagId.CLINICAL_SAFETY_MISSING,
            True,
        ),
        # a record that says it is not clinical is not treated as clinical
        (
            record(
                {"Clinical safety": "Not clinical (bed bureau rota) - agreed with CSO"},
                title="Theatre lists",
                clinical_lead="Dr Q",
            ),
            FlagId.CLINICAL_SAFETY_MISSING,
            False,
        ),
        (
            record(title="Mental Health Act paperwork - electronic", clinical_lead="Dr Q"),
            FlagId.CLINICAL_SAFETY_MISSING,
            True,
        ),
        # one cutover, however worded
        (
            record(title="x", delivery_approach="Single weekend-long cutover for all three sites"),
            FlagId.BIG_BANG,
            True,
        ),
        (
            record(title="x", delivery_approach="Open to all 3,100 nurses on the same day"),
            FlagId.BIG_BANG,
            True,
        ),
        (
            record(title="x", delivery_approach="Renal moves across on the EPR go-live weekend"),
            FlagId.BIG_BANG,
            True,
        ),
        (
            record(title="x", delivery_approach="Renal first for a month, then the other units"),
            FlagId.BIG_BANG,
            False,
        ),
        (record({"Next checkpoint": "TBC"}, title="x"), FlagId.MISSING_DATES, True),
        (record({"Next checkpoint": "2026-11-20"}, title="x"), FlagId.MISSING_DATES, False),
        (record({"Next review": "n/a (stopped)"}, title="x"), FlagId.MISSING_DATES, False),
    ],
)
def test_tag_project_flag_by_meaning_expected(case: ProjectRecord, flag: FlagId | None, raised: bool) -> None:
    flags = tag_project(case, rubric()).flag_ids
    if flag is None:
        assert flags == ()
    else:
        assert (flag in flags) is raised


@pytest.mark.parametrize(
    ("case", "flag", "words"),
    [
        (record(title="x", kpis="", benefits="Better coverage"), FlagId.NO_MEASURABLE_GOAL, "No KPIs given"),
        (record(title="x", benefits="Modern look"), FlagId.OUTPUT_ONLY_BENEFITS, "'Modern look'"),
        (record(title="x", supplier="Acme (sole supplier)"), FlagId.LOCK_IN_RISK, "'sole'"),
        (
            record(title="EPR noting", description="Clinical noting in the EPR.", clinical_lead="TBC"),
            FlagId.NO_CLINICAL_LEAD,
            "'TBC'",
        ),
        (record(title="x", start=None, start_date="TBC"), FlagId.MISSING_DATES, "start ('TBC')"),
    ],
)
def test_tag_project_flag_reason_names_evidence(case: ProjectRecord, flag: FlagId, words: str) -> None:
    reasons = {f.flag: f.reason for f in tag_project(case, rubric()).flags}
    assert words in reasons[flag]


def test_tag_project_flags_in_rubric_order() -> None:
    case = record(title="Telephony", description="Replace telephony.", owner="IT", start=None, end=None)
    flags = tag_project(case, rubric()).flag_ids
    assert list(flags) == sorted(flags, key=list(FlagId).index) and len(flags) >= 4


@pytest.mark.parametrize(
    ("case", "flag", "raised"),
    [
        (
            record(title="SDEC referrals", description="Digital referral into SDEC from crews."),
            FlagId.NO_CLINICAL_LEAD,
            True,
        ),
        (
            record(title="EPMA", description="Electronic prescribing.", owner="CNIO"),
            FlagId.NO_CLINICAL_LEAD,
            False,
        ),
        (
            record(title="PAS replacement", description="Replace the PAS before the contract ends."),
            FlagId.TECH_CENTRED,
            True,
        ),
    ],
)
def test_tag_project_nhs_abbreviations_flags(case: ProjectRecord, flag: FlagId, raised: bool) -> None:
    assert (flag in tag_project(case, rubric()).flag_ids) is raised
