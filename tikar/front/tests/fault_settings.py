"""Production settings (tikar.settings, unchanged) plus a URL that raises, so that the
production-server test can see how a real 500 is logged and shown (not a test module)."""

from tikar.settings import *  # noqa: F403

ROOT_URLCONF = "tikar.front.tests.fault_urls"
