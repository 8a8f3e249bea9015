from portfolio.people.views import bp

__all__ = ["bp"]
