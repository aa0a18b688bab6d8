"""Registers the plans' listener of referral events (imported by ``network.plans``)."""

from network.plans.actions import follow_referral
from network.referrals.hooks import on_referral_event

on_referral_event(follow_referral)
