"""The mapped tables of a young person's records: the young person (needs, milestones),
their consents and their referrals. They sit apart from the packages that act on them
(youths/, consents/, referrals/) so that the visibility rules of ``network.access`` read
them from below those packages, which call ``network.access``."""
