#!/usr/bin/env python3
"""Writes Sources/SimulatorKit/Resources/seed-dataset.json, the dataset every CRMSync simulator starts from.

Deterministic (a fixed random seed, no clock, stdlib only): running it twice gives the same file, so the JSON is
committed and regenerated only when this script changes. Shape: `SeedDataset` in
Sources/SimulatorKit/Seed/SeedDataset.swift (decimal strings for money and quantities, ISO 8601 UTC instants).

Content, shaped after the real samples in ../shared/reference:
- 4 SAP plants with several storage locations; ~300 products in PC/KG/M with list prices in EUR/USD/GBP/JPY
  (JPY without decimals); a handful with total stock below 10, some at exactly 10, SAP-only materials and two
  Salesforce-only product codes SAP does not know.
- ~60 accounts in DE/US/GB/FR/JP/AT/CH whose names need escaping (apostrophe, ampersand, non-ASCII, backslash,
  percent, plus, longer than 35 and 80 characters), contacts with and without email, some with a pre-existing SAP
  Business Partner or Zoho contact.
- ~150 opportunities in every standard stage and in EUR/USD/GBP/JPY; ~40 Closed Won with 1-5 lines, plus bad-input
  Closed Won deals (no lines, a zero quantity, a product SAP does not know, a primary contact without email).
- Modification times over the 30 days before 2026-11-30, several sharing one exact timestamp.

Usage: python3 scripts/make-seed-dataset.py [output-path]
"""

import json
import random
import sys
from datetime import datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

RNG = random.Random(20261130)
END = datetime(2026, 11, 30, 0, 0, 0, tzinfo=timezone.utc)
SHARED_INSTANT = "2026-11-27T09:30:00Z"  # several records carry exactly this modification time
CURRENCIES = ["EUR", "USD", "GBP", "JPY"]
RATES = {"EUR": Decimal("1"), "USD": Decimal("1.08"), "GBP": Decimal("0.86"), "JPY": Decimal("162")}
STAGES_OPEN = ["Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote", "Negotiation/Review"]

PLANTS = [
    {"plant": "1010", "name": "Hamburg Plant", "storageLocations": ["101A", "101B", "101C"]},
    {"plant": "1710", "name": "Palo Alto Plant", "storageLocations": ["171A", "171B", "171C", "171D"]},
    {"plant": "2010", "name": "Manchester Plant", "storageLocations": ["201A", "201B"]},
    {"plant": "3010", "name": "Osaka Plant", "storageLocations": ["301A", "301B", "301C"]},
]

# (code prefix, name stem, base unit, EUR price range, variants)
FAMILIES = [
    ("HB", "Hex bolt", "PC", (0.12, 2.5), ["M6x20", "M8x30", "M8x40", "M10x50", "M12x60", "M16x80"]),
    ("WS", "Washer DIN 125", "PC", (0.02, 0.4), ["M6", "M8", "M10", "M12", "M16", "M20"]),
    ("BR", "Deep groove ball bearing", "PC", (3.5, 48), ["6001", "6202", "6204", "6305", "6306-2RS"]),
    ("VL", "Ball valve", "PC", (18, 390), ["DN15", "DN25", "DN40", "DN50 PN16", "DN80 PN16"]),
    ("PU", "Centrifugal pump", "PC", (240, 4800), ["CP-50", "CP-80", "CP-100", "CP-150"]),
    ("SN", "Pressure sensor", "PC", (45, 620), ["0-10 bar", "0-40 bar", "0-250 bar", "4-20 mA"]),
    ("GK", "Flange gasket", "PC", (1.2, 35), ["DN25", "DN50", "DN100", "DN150"]),
    ("CB", "Power cable", "M", (0.8, 24), ["3G1.5", "3G2.5", "5G4", "5G16", "4x95"]),
    ("HS", "Hydraulic hose", "M", (4.5, 38), ["DN6", "DN10", "DN16", "DN25"]),
    ("CH", "Roller chain", "M", (6, 55), ["08B-1", "10B-1", "12B-1", "16B-2"]),
    ("PG", "PP granulate", "KG", (1.1, 3.9), ["natural", "black", "glass fibre 30%"]),
    ("PC", "Powder coating", "KG", (6, 28), ["RAL 9005", "RAL 7035", "RAL 5010", "RAL 3020"]),
    ("LU", "Lubricating grease", "KG", (7, 42), ["EP2", "NLGI 1", "food grade H1"]),
]
GRADES = {
    "PC": ["", " steel", " stainless", " zinc plated", " heavy duty", " HT", " A2", " A4"],
    "M": ["", " halogen-free", " armoured", " UV-resistant"],
    "KG": ["", " 25 kg bag", " 500 kg octabin", " 10 kg pail"],
}


def instant(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def recent_instant():
    """A UTC instant in the 30 days before END, on whole seconds."""
    return instant(END - timedelta(seconds=RNG.randrange(60, 30 * 86400)))


def money(value, currency):
    exponent = Decimal("1") if currency == "JPY" else Decimal("0.01")
    return str(Decimal(value).quantize(exponent, rounding=ROUND_HALF_UP))


def quantity(unit, low, high):
    if unit == "PC":
        return str(RNG.randint(low, high))
    return str(Decimal(RNG.randint(low * 10, high * 10)) / 10)


def catalogue():
    """Every distinct (family, product name), in a fixed order."""
    names = []
    for family in FAMILIES:
        _, stem, unit, _, variants = family
        for variant in variants:
            for grade in GRADES[unit]:
                names.append((family, f"{stem} {variant}{grade}"[:40]))
    return names


def make_products():
    products = []
    for (prefix, _, unit, (low, high), _), name in RNG.sample(catalogue(), 300):
        code = f"{prefix}-{len(products) + 1:04d}"
        eur = Decimal(str(round(RNG.uniform(low, high), 2)))
        prices = {c: money(eur * RATES[c], c) for c in CURRENCIES}
        plants = RNG.sample(PLANTS, RNG.randint(1, 3))
        stock = []
        for plant in plants:
            for location in RNG.sample(plant["storageLocations"], RNG.randint(1, len(plant["storageLocations"]))):
                stock.append({"plant": plant["plant"], "storageLocation": location,
                              "quantity": quantity(unit, 5, 2500)})
        products.append({"code": code, "name": name, "baseUnit": unit, "listPrices": prices, "stock": stock,
                         "lastChangeDateTime": recent_instant(), "inSalesforce": True, "inSAP": True})
    set_special_stock(products)
    for product in products[290:298]:
        product["inSalesforce"] = False  # SAP-only materials
    for product in products[298:300]:
        product["inSAP"] = False  # Product2 codes SAP does not know
        product["stock"] = []
    for product in products[0:300:60]:
        product["lastChangeDateTime"] = SHARED_INSTANT
    return products


def set_special_stock(products):
    """Low stock: total below 10 (some 0, some fractional) and exactly 10, in one or two buckets."""
    low = {10: ["0"], 20: ["3"], 30: ["4", "5"], 40: ["9"], 50: ["1", "0"], 60: ["7.5"], 70: ["9.999"]}
    exact = {80: ["10"], 90: ["6", "4"], 100: ["10"], 110: ["2.5", "7.5"]}
    for index, quantities in list(low.items()) + list(exact.items()):
        product = products[index]
        if product["baseUnit"] == "PC":
            quantities = [str(int(Decimal(q))) if Decimal(q) == int(Decimal(q)) else str(int(Decimal(q)) + 1)
                          for q in quantities]
            if index in exact and sum(Decimal(q) for q in quantities) != 10:
                quantities = ["10"]
            if index in low and sum(Decimal(q) for q in quantities) >= 10:
                quantities = ["9"]
        plant = next(p for p in PLANTS if p["plant"] == product["stock"][0]["plant"])
        product["stock"] = [{"plant": plant["plant"], "storageLocation": plant["storageLocations"][i],
                             "quantity": q} for i, q in enumerate(quantities)]


SPECIAL_ACCOUNTS = [
    ("O'Brien's Industrial Supplies Ltd", "GB"),
    ("Baker & Sons Fabrication LLC", "US"),
    ("Müller Maschinenbau GmbH", "DE"),
    ("Société Générale d'Équipement SA", "FR"),
    ("株式会社大阪精密部品", "JP"),
    ("Data\\Path Automation AG", "CH"),
    ("100% Solar + Wind Energietechnik GmbH", "AT"),
    ("Österreichische Präzisionswerkzeuge und Anlagenbau GmbH", "AT"),
    ("Consolidated Northern Hemisphere Industrial Equipment Manufacturing and Distribution Company Limited", "GB"),
    ("Zürcher Ventil- & Armaturentechnik AG", "CH"),
    ("L'Atelier Mécanique de Lyon SARL", "FR"),
    ("Großhandel Weiß & Söhne KG", "DE"),
]
NAME_PARTS = {
    "DE": (["Nordwerk", "Rheintal", "Elbe", "Schwarzwald", "Hansa", "Isar", "Weser", "Taunus"],
           ["Antriebstechnik GmbH", "Industriebedarf AG", "Fördertechnik GmbH & Co. KG", "Hydraulik GmbH"]),
    "US": (["Great Lakes", "Pacific", "Lone Star", "Keystone", "Cascade", "Blue Ridge"],
           ["Manufacturing Inc.", "Industrial Supply Co.", "Fluid Systems LLC", "Machine Works Corp."]),
    "GB": (["Thames", "Pennine", "Severn", "Highland", "Midlands"],
           ["Engineering Ltd", "Components plc", "Pumps & Valves Ltd"]),
    "FR": (["Rhône", "Loire", "Provence", "Normandie", "Alsace"], ["Industrie SAS", "Mécanique SA", "Hydraulique SARL"]),
    "JP": (["Kansai", "Hokuriku", "Chubu", "Tohoku"], ["Seiki K.K.", "Industrial Co., Ltd.", "Kogyo Co., Ltd."]),
    "AT": (["Donau", "Tirol", "Steiermark", "Wachau"], ["Technik GmbH", "Anlagenbau GmbH"]),
    "CH": (["Jura", "Säntis", "Léman", "Ticino"], ["Präzision AG", "Maschinen SA"]),
}
CITIES = {
    "DE": [("Hamburg", "20095"), ("München", "80331"), ("Köln", "50667"), ("Stuttgart", "70173")],
    "US": [("Chicago", "60601"), ("Houston", "77002"), ("Seattle", "98101"), ("Pittsburgh", "15222")],
    "GB": [("Manchester", "M1 1AE"), ("Birmingham", "B1 1BB"), ("Leeds", "LS1 4AP")],
    "FR": [("Lyon", "69002"), ("Paris", "75008"), ("Strasbourg", "67000")],
    "JP": [("Osaka", "530-0001"), ("Nagoya", "450-0002"), ("Sendai", "980-0021")],
    "AT": [("Wien", "1010"), ("Graz", "8010"), ("Linz", "4020")],
    "CH": [("Zürich", "8001"), ("Genève", "1201"), ("Basel", "4051")],
}
STREETS = {
    "DE": ["Hauptstraße {n}", "Industriestraße {n}", "Am Hafen {n}"],
    "US": ["{n} Main Street", "{n} Industrial Parkway", "{n} Lake Shore Drive"],
    "GB": ["{n} High Street", "{n} Mill Lane", "Unit {n}, Riverside Estate"],
    "FR": ["{n} rue de la République", "{n} avenue Jean Jaurès"],
    "JP": ["{n}-2-1 Umeda", "{n}-5-3 Sakae"],
    "AT": ["Ringstraße {n}", "Gewerbepark {n}"],
    "CH": ["Bahnhofstrasse {n}", "Rue du Rhône {n}"],
}
FIRST = {
    "DE": ["Jürgen", "Anna", "Katrin", "Stefan", "Björn"], "US": ["Emily", "Michael", "Jessica", "David"],
    "GB": ["Oliver", "Charlotte", "Harry", "Amelia"], "FR": ["Amélie", "François", "Hélène", "Luc"],
    "JP": ["Haruto", "Yui", "Sota", "Aoi"], "AT": ["Lukas", "Sophie", "Maximilian"], "CH": ["Noah", "Léa", "Reto"],
}
LAST = {
    "DE": ["Schröder", "Becker", "Hoffmann", "Weiß"], "US": ["Johnson", "Garcia", "Miller", "O'Neil"],
    "GB": ["Smith", "Taylor", "O'Connor", "Davies"], "FR": ["Dubois", "Lefèvre", "Moreau"],
    "JP": ["Sato", "Suzuki", "Takahashi"], "AT": ["Gruber", "Huber", "Pichler"], "CH": ["Meier", "Keller", "Favre"],
}
ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "ç": "c", "'": "",
                       "É": "E", "Ö": "Oe", "Ü": "Ue", "Ä": "Ae"})


def make_accounts():
    countries = list(NAME_PARTS)
    names = list(SPECIAL_ACCOUNTS)
    used = {n for n, _ in names}
    while len(names) < 60:
        country = countries[len(names) % len(countries)]
        first, second = NAME_PARTS[country]
        name = f"{RNG.choice(first)} {RNG.choice(second)}"
        if name not in used:
            used.add(name)
            names.append((name, country))
    accounts = []
    contact_number = 0
    for index, (name, country) in enumerate(names):
        city, postal = RNG.choice(CITIES[country])
        contacts = []
        for _ in range(RNG.randint(1, 3)):
            contact_number += 1
            first, last = RNG.choice(FIRST[country]), RNG.choice(LAST[country])
            domain = "".join(c for c in name.lower().translate(ASCII) if c.isascii() and c.isalnum())[:18] or "example"
            email = f"{first}.{last}".lower().translate(ASCII) + f"@{domain}.example.com"
            if contact_number % 7 == 0:
                email = None  # contacts without email
            contacts.append({"key": f"CON-{contact_number:04d}", "firstName": first, "lastName": last,
                             "email": email})
        existing_bp = None
        if index in (2, 14, 27, 41, 55):
            existing_bp = f"{1010 if country in ('DE', 'AT', 'CH', 'FR') else 1710}{index + 1:04d}"
        accounts.append({
            "key": f"ACC-{index + 1:03d}", "name": name,
            "street": RNG.choice(STREETS[country]).format(n=RNG.randint(1, 199)), "city": city,
            "postalCode": postal, "country": country, "contacts": contacts,
            "existingSAPBusinessPartner": existing_bp, "existingZohoContact": index in (0, 3, 19, 33, 48),
        })
    # the first special account has a contact without email, used by a bad-input deal below
    accounts[0]["contacts"][0]["email"] = None
    return accounts


CURRENCY_OF = {"DE": "EUR", "AT": "EUR", "FR": "EUR", "CH": "EUR", "US": "USD", "GB": "GBP", "JP": "JPY"}


def make_lines(products, currency, count):
    lines = []
    for product in RNG.sample(products, count):
        price = Decimal(product["listPrices"][currency]) * Decimal(RNG.choice(["1", "0.95", "0.9"]))
        qty = quantity(product["baseUnit"], 1, 40)
        lines.append({"product": product["code"], "quantity": qty, "unitPrice": money(price, currency)})
    return lines


def make_opportunities(products, accounts):
    sellable = [p for p in products if p["inSalesforce"] and p["inSAP"]]
    stages = ["Closed Won"] * 40 + ["Closed Lost"] * 15 + STAGES_OPEN * 19
    opportunities = []
    for index, stage in enumerate(stages[:150]):
        account = accounts[(index * 7) % len(accounts)]
        currency = CURRENCY_OF[account["country"]] if index % 5 else CURRENCIES[index % 4]
        count = RNG.randint(1, 5) if stage == "Closed Won" else RNG.randint(0, 4)
        close = (datetime(2026, 9, 1) + timedelta(days=RNG.randrange(0, 150))).strftime("%Y-%m-%d")
        with_email = [c["key"] for c in account["contacts"] if c["email"]]
        roles = RNG.sample(with_email, min(len(with_email), RNG.randint(1, 2))) if with_email else []
        opportunities.append({
            "key": f"OPP-{index + 1:04d}", "account": account["key"],
            "name": f"{account['name'][:40]} - {RNG.choice(['Q4 supply', 'Retrofit', 'Spare parts', 'Plant expansion', 'Framework order'])}",
            "stage": stage, "currency": currency, "closeDate": close,
            "lines": make_lines(sellable, currency, count), "contactRoles": roles,
            "lastModified": recent_instant(),
        })
    add_bad_input_deals(opportunities, products, accounts)
    for opportunity in opportunities[5:150:30]:
        opportunity["lastModified"] = SHARED_INSTANT
    return opportunities


def add_bad_input_deals(opportunities, products, accounts):
    """Closed Won deals CRMSync must reject or dead-letter rather than half-sync."""
    won = [o for o in opportunities if o["stage"] == "Closed Won"]
    won[-1]["lines"] = []  # no lines
    won[-2]["lines"][0]["quantity"] = "0"  # a zero quantity
    sf_only = [p for p in products if not p["inSAP"]][0]
    won[-3]["lines"][0] = {"product": sf_only["code"], "quantity": "2",
                           "unitPrice": sf_only["listPrices"][won[-3]["currency"]]}  # unknown to SAP
    obriens = accounts[0]
    won[-4]["account"] = obriens["key"]  # primary contact without email
    won[-4]["contactRoles"] = [obriens["contacts"][0]["key"]]
    won[-4]["name"] = f"{obriens['name']} - Retrofit"


def main():
    products = make_products()
    accounts = make_accounts()
    dataset = {
        "organization": {"name": "Nordwind Industrial Supply GmbH", "multiCurrency": True, "defaultCurrency": "EUR",
                         "currencies": CURRENCIES, "timeZone": "Europe/Berlin", "zohoOrganizationId": "10234695"},
        "plants": PLANTS,
        "products": products,
        "accounts": accounts,
        "opportunities": make_opportunities(products, accounts),
    }
    default = Path(__file__).resolve().parent.parent / "Sources/SimulatorKit/Resources/seed-dataset.json"
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    output.write_text(json.dumps(dataset, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
