"""What text the archive holds: no control characters.

C0 and C1 control characters (but tab, line feed and carriage return), DEL, and the line and
paragraph separators U+2028/U+2029 carry no meaning in a published page, break XML (an Atom
feed with one of them cannot be written) and pass raw into iCalendar and scripts. Outputs
remove or escape them; editors' forms refuse them (speakers/editing.py).

It lives in `speakers`, the app every other one depends on, so that both apps use it.
"""

import re

from django.core.exceptions import ValidationError

CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def without_control_characters(text):
    return CONTROL_CHARACTERS.sub("", text)


def refuse_control_characters(text):
    """A validator: text with a control character is refused, naming the first one."""
    if found := CONTROL_CHARACTERS.search(text):
        raise ValidationError(
            f"holds the control character U+{ord(found.group()):04X} at position "
            f"{found.start() + 1}; remove it."
        )
