from django.conf import settings


def client_ip(request):
    """Return the reader's IP address, from the proxy header the deployment trusts if any."""
    header = settings.CLIENT_IP_HEADER
    if header and request.META.get(header):
        # The nearest trusted proxy appends the address it saw last.
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
