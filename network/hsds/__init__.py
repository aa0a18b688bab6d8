"""Open Referral HSDS 3.0: the directory exported, imported and served in HSDS's shape."""
