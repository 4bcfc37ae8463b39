"""Screenshot of "what each target still needs this quarter" (issue 10 §3).

Run from the repository root: `.venv/bin/python docs/make_screenshots_posyandu_needs.py`. It
serves the app as `make run` does (fresh SQLite, demo loaded), logs in as Sari (KPM of
Sibargot) and writes docs/screens/posyandu-needs-phone.png (360×800) and
posyandu-needs-desktop.png (1280×900) of /kebutuhan/.
"""

from __future__ import annotations

from screenshots_server import DEMO_PASSWORD, OUT, ROOT, browser, login, running_server

SIZES = {"phone": {"width": 360, "height": 800}, "desktop": {"width": 1280, "height": 900}}


def main() -> None:
    with running_server({"TIKAR_DEMO": "1"}) as base, browser() as b:
        for kind, viewport in SIZES.items():
            ctx = b.new_context(viewport=viewport, device_scale_factor=1, locale="id-ID")
            page = ctx.new_page()
            login(page, base, "sari", DEMO_PASSWORD)
            page.goto(base + "/kebutuhan/")
            page.wait_for_load_state("networkidle")
            target = OUT / f"posyandu-needs-{kind}.png"
            page.screenshot(path=str(target), full_page=False)
            print(target.relative_to(ROOT))
            if kind == "phone":
                # The list itself, below the summary (for looking at, not kept in docs/).
                page.locator(".needs-posyandu").first.scroll_into_view_if_needed()
                page.screenshot(path="/tmp/c/needs-list-phone.png", full_page=False)
                page.screenshot(path="/tmp/c/needs-full-phone.png", full_page=True)
            ctx.close()


if __name__ == "__main__":
    main()
