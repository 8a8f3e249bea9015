from portfolio.portfolios.views import bp

__all__ = ["bp"]
