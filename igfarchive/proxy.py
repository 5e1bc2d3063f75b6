"""The client's address, through the reverse proxies the site is told to trust."""

from django.conf import settings


def client_ip(request):
    """REMOTE_ADDR, or with TRUSTED_PROXIES=N the address the outermost trusted proxy saw.

    Each proxy appends the address it received the request from to X-Forwarded-For, so the
    N-th entry from the right was written by the outermost of the N trusted proxies; entries
    further left come from the client and may be forged.
    """
    remote_addr = request.META.get("REMOTE_ADDR")
    if not settings.TRUSTED_PROXIES:
        return remote_addr
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    if len(forwarded) < settings.TRUSTED_PROXIES:
        return remote_addr
    return forwarded[-settings.TRUSTED_PROXIES]
