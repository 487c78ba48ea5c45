"""A real app using Sentry's Python SDK: it throws at a known line and reports to the DSN it is given.

Usage: /usr/bin/python3 client.py DSN   (or SENTRY_DSN in the environment)
Run it with Debian's interpreter, which has python3-sentry-sdk; the first python3 on PATH may not.
"""
import os
import sys

import sentry_sdk


def average_rating(ratings):
    total = sum(ratings)
    return total / len(ratings)  # heal:throw


def main():
    dsn = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SENTRY_DSN")
    if not dsn:
        print("usage: client.py DSN", file=sys.stderr)
        return 2

    # HEAL_CLIENT_NOTHING_IN_APP=1 makes the SDK mark every frame as library code, as Sentry's Python SDK 2.x does for an
    # app run outside its project root: Heal must still find the app's frames by path.
    in_app_exclude = ["__main__"] if os.environ.get("HEAL_CLIENT_NOTHING_IN_APP") == "1" else []
    sentry_sdk.init(dsn=dsn, release="heal-client-python@1.0.0", environment="test", in_app_exclude=in_app_exclude)
    try:
        average_rating([])
    except ZeroDivisionError as e:
        sentry_sdk.capture_exception(e)

    sentry_sdk.flush(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
