"""A server error reaches standard error with its traceback, whatever DEBUG says, and the
ADMINS' mailboxes when ADMINS is set."""

import email
import os
import socketserver
import subprocess
import sys
import threading

from django.conf import settings

# A request to a view that fails, in a fresh process with production-like DEBUG off.
FAILING_REQUEST = """
import django, os
os.environ["DJANGO_SETTINGS_MODULE"] = "igfarchive.settings"
django.setup()
from django.test import Client
from django.urls import path
import igfarchive.urls

def broken(request):
    raise RuntimeError("the view broke")

igfarchive.urls.urlpatterns.insert(0, path("broken/", broken))
response = Client(raise_request_exception=False).get("/broken/", SERVER_NAME="127.0.0.1")
print(response.status_code)
"""


def failing_request(**environment):
    return subprocess.run(
        [sys.executable, "-c", FAILING_REQUEST],
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DEBUG": "0",
            "SECRET_KEY": "k" * 60,
            "ALLOWED_HOSTS": "127.0.0.1",
            **environment,
        },
        timeout=60,
        check=False,
    )


class SmtpSink(socketserver.StreamRequestHandler):
    """Just enough of an SMTP server to take one message: every command is accepted."""

    def handle(self):
        self.wfile.write(b"220 sink\r\n")
        lines = None
        for line in self.rfile:
            if lines is not None:
                if line == b".\r\n":
                    self.server.messages.append(b"".join(lines))
                    lines = None
                    self.wfile.write(b"250 taken\r\n")
                else:
                    lines.append(line)
            elif line[:4].upper() == b"DATA":
                lines = []
                self.wfile.write(b"354 go on\r\n")
            elif line[:4].upper() == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


def test_a_server_error_is_logged_to_stderr_with_its_traceback():
    result = failing_request()

    assert result.stdout == "500\n"
    assert "Internal Server Error: /broken/" in result.stderr
    assert "Traceback (most recent call last):" in result.stderr
    assert result.stderr.endswith("in broken\nRuntimeError: the view broke\n")


def test_a_server_error_is_mailed_to_the_admins_with_its_traceback():
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), SmtpSink) as server:
        server.messages = []
        threading.Thread(target=server.serve_forever, daemon=True).start()
        result = failing_request(
            ADMINS="Night Desk <desk@example.org>",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(server.server_address[1]),
        )
        server.shutdown()

    assert result.stdout == "500\n"
    [message] = [email.message_from_bytes(raw) for raw in server.messages]
    assert message["To"] == "desk@example.org"
    assert message["From"] == "archive@localhost"
    assert (
        message["Subject"] == "[IGF archive] ERROR (EXTERNAL IP): Internal Server Error: /broken/"
    )
    body = message.get_payload(decode=True).decode()
    assert "Traceback (most recent call last):" in body
    assert "RuntimeError at /broken/\r\nthe view broke" in body
