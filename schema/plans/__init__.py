"""Assessments and integration plans in the served schema (additions beyond the contract).

Importing it registers the plans' listener of referral events, so that the API moves a
plan action when the referral it created reaches an outcome.
"""

import network.plans.hooks  # noqa: F401
