from portfolio.auth.views import bp

__all__ = ["bp"]
