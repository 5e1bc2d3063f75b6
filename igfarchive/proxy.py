"""The client's address, through the reverse proxies the site is told to trust."""

import ipaddress

from django.conf import settings


def normalized(raw):
    """One spelling per address, so that a lock-out cannot be dodged by respelling it.

    A port is dropped ("10.0.0.1:1234", "[::1]:80"), IPv4 octets lose their leading zeros
    ("010.000.000.001"), and an IPv4 address mapped into IPv6 ("::ffff:10.0.0.1") is the
    IPv4 address. None when `raw` is no address at all.
    """
    text = raw.strip()
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    octets = text.split(".")
    if len(octets) == 4 and all(octet.isascii() and octet.isdigit() for octet in octets):
        text = ".".join(str(int(octet)) for octet in octets)
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    mapped = getattr(address, "ipv4_mapped", None)
    return str(mapped or address)


def client_ip(request):
    """REMOTE_ADDR, or with TRUSTED_PROXIES=N the address the outermost trusted proxy saw,
    normalized; REMOTE_ADDR when that entry is no address.

    Each proxy appends the address it received the request from to X-Forwarded-For, so the
    N-th entry from the right was written by the outermost of the N trusted proxies; entries
    further left come from the client and may be forged.
    """
    remote_addr = request.META.get("REMOTE_ADDR")
    connection = normalized(remote_addr or "") or remote_addr
    if not settings.TRUSTED_PROXIES:
        return connection
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    if len(forwarded) < settings.TRUSTED_PROXIES:
        return connection
    return normalized(forwarded[-settings.TRUSTED_PROXIES]) or connection
