"""Who publishes the site: the school's public contacts as links, and the plan's legal basis.

Shown in the footer of every page and on the home page. A contact becomes a link
only when its value is plainly a phone number, an e-mail address or a web address;
anything else (or anything odd) stays text, so data can never make a script link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..data.models import Contact, LegalDocument, Plan, SiteData

CONTACT_LABELS = {"phone": "Điện thoại", "email": "Thư điện tử", "website": "Trang web", "address": "Địa chỉ"}

_PHONE = re.compile(r"^\+?[\d\s().\-]+$")
_EMAIL = re.compile(r"^[^@\s<>\"'()\[\]\\,;:]+@[^@\s<>\"'()\[\]\\,;:]+\.[A-Za-z]{2,}$")
_WEB = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)


@dataclass(frozen=True)
class ContactLink:
    label: str
    value: str
    href: str | None


def contact_href(kind: str, value: str) -> str | None:
    """``tel:``, ``mailto:`` or the web address for a plain public contact; None otherwise."""
    value = value.strip()
    if kind == "phone" and _PHONE.match(value):
        digits = re.sub(r"[^\d+]", "", value)
        return f"tel:{digits}" if 3 <= len(digits.lstrip("+")) <= 15 else None
    if kind == "email" and _EMAIL.match(value):
        return f"mailto:{value}"
    if kind == "website" and _WEB.match(value):
        return value
    return None


def contact_link(contact: Contact) -> ContactLink:
    label = contact.label or CONTACT_LABELS.get(contact.kind, contact.kind)
    return ContactLink(label, contact.value, contact_href(contact.kind, contact.value))


def contact_links(site: SiteData) -> list[ContactLink]:
    return [contact_link(contact) for contact in site.school.public_contacts]


def legal_basis(site: SiteData, plan: Plan) -> list[LegalDocument]:
    """The documents the plan names as its legal basis ("Căn cứ …"), in the plan's order."""
    seen: list[str] = []
    for paragraph in plan.legal_bases:
        seen += [reference for reference in paragraph.cites if reference not in seen]
    return [site.document(reference) for reference in seen]
