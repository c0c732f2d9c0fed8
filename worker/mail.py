"""Mail sent by tasks: each message once per recipient, however often its task runs."""

import hashlib

from django.core.mail.utils import DNS_NAME
from django.db import IntegrityError, transaction

from worker.models import SentMail

# Messages the mail server took while the database went away before their record was
# committed: the task runs again in this same process once the database returns (the
# worker outlives the outage), and finds them here rather than sending them twice.
_sent_unrecorded = {}


def send_once(message, *, context, purpose) -> bool:
    """Send a one-recipient message unless this task already sent it; say whether it went.

    The record and the sending share one transaction: a worker that dies mid-send leaves no
    record (the database rolls it back), so the task run again sends the message; another
    worker on the same task waits on the record's key, then skips it.
    """
    (recipient,) = message.to
    return send_keyed_once(message, key=f"{context.task_result.id}:{purpose}:{recipient.lower()}")


def send_keyed_once(message, *, key) -> bool:
    """Send a one-recipient message unless a message with this key went; say whether it went.

    For mail due once whoever sends it (a reminder of one columnist's slot), the key names
    what it is about rather than a task; records are kept SENT_MAIL_KEPT (worker.loop).
    """
    (recipient,) = message.to
    record = {"key": key, "recipient": recipient, "subject": str(message.subject)[:300]}
    if key in _sent_unrecorded:
        SentMail.objects.get_or_create(key=key, defaults=_sent_unrecorded.pop(key))
        return False
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    # The same Message-ID on every attempt, so that a mail server may drop a repeat too.
    message.extra_headers.setdefault("Message-ID", f"<{digest}@{DNS_NAME}>")
    delivered = False
    try:
        with transaction.atomic():
            SentMail.objects.create(**record)
            message.send()
            delivered = True
    except IntegrityError:
        return False
    except BaseException:
        if delivered:
            _sent_unrecorded[key] = record
        raise
    return True
