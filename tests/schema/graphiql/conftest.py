from tests.browser import browser, demo_server, page  # noqa: F401  (the browser fixtures)
