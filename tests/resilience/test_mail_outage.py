"""With the mail server down, submissions are saved and confirmed; the emails wait in the outbox
and go out exactly once when it is back."""

import time

from aiosmtpd.controller import Controller

from tests.e2e.harness import free_port, start_portal
from tests.resilience.client import PortalClient, accessibility_report


class Collector:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content.decode(errors="replace")))
        return "250 Message accepted for delivery"


def test_emails_wait_for_the_mail_server_and_go_out_once(
    tmp_path, resilience_database, django_db_blocker
):
    from tests.e2e.harness import drop_database

    smtp_port = free_port()  # nothing listens here yet: the mail server is down
    with django_db_blocker.unblock():
        portal = start_portal(
            tmp_path,
            database=resilience_database + "_mail",
            seed=False,
            mail_worker=False,
            extra_env={
                "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "DJANGO_EMAIL_HOST": "127.0.0.1",
                "DJANGO_EMAIL_PORT": str(smtp_port),
                "DJANGO_EMAIL_TIMEOUT": "3",
                "ICLD_FORM_RATE_LIMIT": "1000",
            },
        )
    try:
        for number in range(3):
            answer = PortalClient(portal.base_url).post_form(
                "/en/accessibility/report/", accessibility_report(f"outage {number}")
            )
            assert answer.status == 200 and answer.url.endswith("/thanks/")

        portal.manage("send_outbox")  # the worker tries, and fails
        assert portal.query("SELECT count(*) FROM core_accessibilityreport") == [(3,)]
        waiting = portal.query("SELECT status, attempts FROM core_outboxmessage")
        assert len(waiting) == 6  # a receipt and a staff notice per report
        assert all(status == "pending" for status, _ in waiting)
        assert any(attempts >= 1 for _, attempts in waiting)

        collector = Collector()
        controller = Controller(collector, hostname="127.0.0.1", port=smtp_port)
        controller.start()
        try:
            portal.manage("send_outbox", "--now")
            portal.manage("send_outbox", "--now")  # a second run sends nothing again
            time.sleep(0.5)
        finally:
            controller.stop()
        assert len(collector.messages) == 6
        recipients = sorted(rcpt for rcpts, _ in collector.messages for rcpt in rcpts)
        assert recipients.count("test@example.se") == 3
        assert portal.query("SELECT DISTINCT status FROM core_outboxmessage") == [("sent",)]
        assert all(
            "Content-Type: multipart/alternative" in content for _, content in collector.messages
        )
    finally:
        portal.stop()
        with django_db_blocker.unblock():
            drop_database(resilience_database + "_mail")
