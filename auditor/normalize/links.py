"""Link classification: citation, internal, external, contact, social, anchor."""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

CITATION_HOSTS = (
    "doi.org", "pubmed.ncbi.nlm.nih.gov", "ncbi.nlm.nih.gov", "europepmc.org",
    "clinicaltrials.gov", "cochranelibrary.com", "who.int", "nejm.org", "thelancet.com",
    "jamanetwork.com", "bmj.com", "nature.com", "sciencedirect.com", "springer.com",
    "link.springer.com", "wiley.com", "onlinelibrary.wiley.com", "academic.oup.com", "cell.com",
    "plos.org", "journals.plos.org", "frontiersin.org", "mdpi.com", "tandfonline.com",
    "sagepub.com", "journals.sagepub.com", "karger.com", "biomedcentral.com", "medrxiv.org",
    "biorxiv.org", "annals.org", "acpjournals.org", "ahajournals.org", "diabetesjournals.org",
    "psychiatryonline.org", "jneurosci.org", "pnas.org", "science.org", "nih.gov",
    "scholar.google.com", "semanticscholar.org", "researchgate.net", "ema.europa.eu", "nice.org.uk",
)
SOCIAL_HOSTS = (
    "facebook.com", "twitter.com", "x.com", "instagram.com", "linkedin.com", "youtube.com",
    "youtu.be", "tiktok.com", "pinterest.com", "reddit.com", "threads.net", "snapchat.com",
    "tumblr.com", "wa.me", "whatsapp.com", "t.me", "telegram.me",
)
_GOV_EDU = re.compile(r"(^|\.)(gov|edu|mil)(\.[a-z]{2})?$|(^|\.)(gov|ac|nhs)\.[a-z]{2}$")
_URL_IN_TEXT = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"')\]]+|\bdoi:\s*10\.\d{4,9}/\S+|\b10\.\d{4,9}/[^\s\"<>]+"
    r"|\bPMID:?\s*\d{5,9}|\bPMC\d{5,9}",
    re.IGNORECASE,
)


# The common shape, "https://host/path", read without urlsplit (a third of a page's link time);
# anything unusual (user info, brackets, whitespace, odd ports) still goes through urlsplit.
_PLAIN_URL = re.compile(r"(?:https?:)?//([^/?#@:\[\]\\\s]+)(?::[0-9]*)?([/?#]|$)", re.IGNORECASE)
_CITATION_SET = frozenset(CITATION_HOSTS)
_SOCIAL_SET = frozenset(SOCIAL_HOSTS)


def _host_matches(host: str, candidates: frozenset[str]) -> bool:
    """True when ``host`` or one of its parent domains is in ``candidates``."""
    parts = host.split(".")
    return any(".".join(parts[i:]) in candidates for i in range(len(parts) - 1))


@lru_cache(maxsize=8192)  # a page repeats its menu links; a crawl repeats its hosts
def classify_link(href: str, base_host: str | None = None) -> str:
    """Return the kind of ``href``: citation, internal, external, contact, social or anchor."""
    href = href.strip()
    lowered = href.lower()
    if lowered.startswith(("tel:", "mailto:", "sms:", "callto:", "whatsapp:")):
        return "contact"
    if lowered.startswith("#"):
        return "anchor"
    if lowered.startswith(("doi:", "pmid", "pmc")) or re.match(r"10\.\d{4,9}/", lowered):
        return "citation"
    plain = _PLAIN_URL.match(href)
    if plain:
        host = plain.group(1).lower().removeprefix("www.")
        path = href[plain.start(2):].split("?", 1)[0].split("#", 1)[0]
    else:
        try:
            parts = urlsplit(href if "//" in href or not lowered.startswith("www.") else "//" + href)
            host = (parts.hostname or "").lower().removeprefix("www.")
        except ValueError:  # malformed URL, e.g. a bracketed host that is not an IP address
            return "external"
        path = parts.path
    if not host:
        return "internal"
    if _host_matches(host, _SOCIAL_SET) or "/share" in path.lower() and "share" in host:
        return "social"
    if _host_matches(host, _CITATION_SET) or _GOV_EDU.search(host):
        return "citation"
    if base_host and (host == base_host or host.endswith("." + base_host)):
        return "internal"
    return "external"


def urls_in_text(text: str) -> list[tuple[int, int, str]]:
    """URLs, DOIs and PubMed ids written out in plain text, as ``(start, end, href)``."""
    found = []
    for match in _URL_IN_TEXT.finditer(text):
        raw = match.group().rstrip(".,;:")
        href = raw
        if raw.lower().startswith("www."):
            href = "https://" + raw
        elif raw.lower().startswith("doi:"):
            href = "https://doi.org/" + raw[4:].strip()
        elif raw.startswith("10."):
            href = "https://doi.org/" + raw
        elif raw.upper().startswith("PMID"):
            href = "https://pubmed.ncbi.nlm.nih.gov/" + re.sub(r"\D", "", raw) + "/"
        elif raw.upper().startswith("PMC"):
            href = "https://www.ncbi.nlm.nih.gov/pmc/articles/" + raw.upper() + "/"
        found.append((match.start(), match.start() + len(raw), href))
    return found


def host_of(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``, or None."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    return host.lower().removeprefix("www.") if host else None
