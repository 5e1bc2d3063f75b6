"""Many distinct documents made from the five bundled ones, for timing imports
(`benchmark_import`, benchmarks/load.py) and for the test of a killed import."""

# Each bundled document becomes many distinct sessions by changing what identifies it.
VARIANTS = {
    "igf2024-open-forum-9-session-page.txt": lambda text, n: text.replace(
        "IGF 2024 Open Forum #9 ", f"IGF 2024 Open Forum #{1000 + n} "
    ),
    "igf2023-ws-377-workshop-page.txt": lambda text, n: text.replace(
        "IGF 2023 WS #377 ", f"IGF 2023 WS #{1000 + n} "
    ),
    "igf2021-ws-125-workshop-page.txt": lambda text, n: (
        f"IGF 2021 WS #{1000 + n} Big Data for Environmental Sustainability {n}\n\n{text}"
    ),
    "wsis2025-digital-governance-diploai-report.txt": lambda text, n: text.replace(
        "Inclusive Digital Future\n", f"Inclusive Digital Future {n}\n", 2
    ),
    "scio2022-cyberspace-white-paper-press-conference.txt": lambda text, n: text.replace(
        "in Cyberspace'\n", f"in Cyberspace' ({n})\n", 1
    ),
}
