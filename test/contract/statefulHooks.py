"""Schemathesis hooks for the stateful phase of the contract test.

A stateful chain stands for a client creating many records. Hypothesis draws Idempotency-Key
values from a small space ("0", "00"…), so two creates in a chain can share a key and body; Herald
then replays the first answer, as Stripe does, even if that record was deleted since, and the
chain's next call finds nothing. Each create here carries a fresh key, as a client's new request
would; reused keys are exercised by the single-operation phases and the integration suite.
"""

import uuid

import schemathesis


@schemathesis.hook
def before_call(context, case, kwargs):
    if case.headers and "Idempotency-Key" in case.headers:
        case.headers["Idempotency-Key"] = uuid.uuid4().hex
