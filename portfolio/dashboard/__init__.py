"""The portfolio dashboard (a version's verdict, signals, coverage, objectives and trend) and the system view.

The blueprint is ``portfolio.dashboard.views.bp``; this package imports nothing, so that its pure modules
(``charts``, ``cards``) load without Flask.
"""
