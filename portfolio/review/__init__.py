"""Board review: the queue, a project's review with decisions, comments and actions, the board
pack, audit pages.

The blueprints live in ``views.py`` (``review``) and ``audit_views.py`` (``audit``); this package does not
import them, so the pure core (``workflow``, ``auditcsv``) can be imported without Flask."""
