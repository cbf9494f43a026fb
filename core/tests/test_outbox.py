"""The one way out for email: queued with the data, sent once, retried after a mail outage."""

import threading
from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.db import transaction

from core.models import OutboxMessage
from core.outbox import outbox_deliver_due, outbox_enqueue


def queue(language="sv", to="kommun@example.se"):
    return outbox_enqueue(
        to=[to], template="core/emails/test_message", context={"name": "Anna"}, language=language
    )


@pytest.fixture(autouse=True)
def email_template(settings, tmp_path):
    directory = tmp_path / "core" / "emails"
    directory.mkdir(parents=True)
    (directory / "test_message_subject.txt").write_text(
        '{% load i18n %}{% translate "Privacy notice" %}\n'
    )
    (directory / "test_message.txt").write_text('{% load i18n %}{% translate "Home" %}, {{ name }}')
    (directory / "test_message.html").write_text(
        '{% load i18n %}<p>{% translate "Home" %}, {{ name }}</p>'
    )
    # Assigning the whole setting (not mutating it) makes Django rebuild its template engines.
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [tmp_path, *engine["DIRS"]]}]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "subject", "greeting"),
    [
        ("sv", "Personuppgifter", "Startsida, Anna"),
        ("en", "Privacy notice", "Home, Anna"),
    ],
)
def test_messages_are_rendered_in_the_recipients_language_with_text_and_html(
    language, subject, greeting
):
    queue(language=language)
    assert outbox_deliver_due() == (1, 0)
    [email] = mail.outbox
    assert email.subject == subject
    assert email.body == greeting
    assert email.alternatives[0].content == f"<p>{greeting}</p>"
    assert email.alternatives[0].mimetype == "text/html"


@pytest.mark.django_db
def test_a_message_is_never_sent_for_data_that_was_rolled_back():
    with pytest.raises(RuntimeError), transaction.atomic():
        queue()
        raise RuntimeError("the submission failed to save")
    assert OutboxMessage.objects.count() == 0


@pytest.mark.django_db
def test_each_message_is_sent_once():
    queue()
    assert outbox_deliver_due() == (1, 0)
    assert outbox_deliver_due() == (0, 0)
    assert len(mail.outbox) == 1
    assert OutboxMessage.objects.get().status == OutboxMessage.Status.SENT


@pytest.mark.django_db
def test_mail_server_outage_keeps_messages_until_it_is_back(monkeypatch):
    from django.core.mail.backends.locmem import EmailBackend

    queue(to="a@example.se")
    queue(to="b@example.se")

    def refuse(self, messages):
        raise SMTPServerDisconnected("mail server down")

    with monkeypatch.context() as patch:
        patch.setattr(EmailBackend, "send_messages", refuse)
        assert outbox_deliver_due() == (0, 1)
    message = OutboxMessage.objects.filter(status="pending").order_by("pk").first()
    assert message.attempts == 1
    assert "mail server down" in message.last_error
    assert mail.outbox == []

    # Back-off: nothing is due until the retry time, then both go out, once.
    assert outbox_deliver_due() == (1, 0)  # the second one was never tried
    OutboxMessage.objects.update(next_attempt_at=message.created_at)
    assert outbox_deliver_due() == (1, 0)
    assert outbox_deliver_due() == (0, 0)
    assert sorted(email.to[0] for email in mail.outbox) == ["a@example.se", "b@example.se"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_workers_never_send_the_same_message_twice():
    from django.db import connection

    for number in range(20):
        queue(to=f"person{number}@example.se")
    results = []

    def worker():
        try:
            results.append(outbox_deliver_due())
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(sent for sent, _failed in results) == 20
    assert sorted(email.to[0] for email in mail.outbox) == sorted(
        f"person{number}@example.se" for number in range(20)
    )
