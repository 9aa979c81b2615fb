#!/usr/bin/env python3
"""Runs widely used third-party Python clients of Salesforce (simple-salesforce), SAP S/4HANA OData V2 (pyodata),
Zoho Books (requests-oauthlib: no maintained Zoho Books client lets the host be set) and Slack incoming webhooks
(slack_sdk) against `crm-sync sandbox`, to show the simulators are faithful enough for a standard client to work unchanged.

    check.py [path/to/crm-sync]        (default .build/debug/crm-sync)

Starts the sandbox with --https (the real services are HTTPS-only, and simple-salesforce always builds https://
URLs), parses its NAME='value' lines, runs the checks, prints one PASS/FAIL line per check and exits 1 if any
failed. A failure that is the simulator's fault (it deviates from the real API) is printed as
"FAIL [SIMULATOR]" with the evidence.

Every HTTP session used here refuses any host other than 127.0.0.1 and ignores the environment's proxies and
CA bundles (requests lets REQUESTS_CA_BUNDLE override a session's `verify`).
"""
import datetime
import logging
import os
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import uuid
from urllib.parse import parse_qs, urlparse

import requests
from requests.adapters import HTTPAdapter

RESULTS = []
SIMULATOR_FAULT = "[SIMULATOR]"


class SimulatorDeviation(AssertionError):
    """The simulator answered differently from the real API (the message carries the evidence)."""


def check(name):
    """Decorator: runs the check now, records and prints PASS/FAIL."""

    def run(fn):
        started = time.monotonic()
        try:
            detail = fn()
            RESULTS.append((name, True))
            print(f"PASS {name}" + (f" — {detail}" if detail else "") + f" ({time.monotonic() - started:.2f}s)", flush=True)
        except SimulatorDeviation as error:
            RESULTS.append((name, False))
            print(f"FAIL {SIMULATOR_FAULT} {name} — {error}", flush=True)
        except Exception as error:  # noqa: BLE001 - every failure is reported, none stops the run
            RESULTS.append((name, False))
            print(f"FAIL {name} — {type(error).__name__}: {error}", flush=True)
            traceback.print_exc(limit=4, file=sys.stdout)
        return fn

    return run


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


# --- loopback-only HTTP ---------------------------------------------------------------------------------------


class LoopbackOnlyAdapter(HTTPAdapter):
    """Refuses every host but 127.0.0.1, so no check can reach a real service."""

    def send(self, request, **kwargs):
        host = urlparse(request.url).hostname
        if host != "127.0.0.1":
            raise ConnectionRefusedError(f"check.py only talks to 127.0.0.1, refused {request.url}")
        return super().send(request, **kwargs)


class RedirectHostAdapter(LoopbackOnlyAdapter):
    """Sends requests for a fixed public origin (https://login.salesforce.com) to the simulator's origin instead,
    as a hosts-file entry or a test proxy would: the client library still builds the real URL and JWT audience."""

    def __init__(self, public_origin, local_origin):
        super().__init__()
        self.public_origin, self.local_origin = public_origin, local_origin

    def send(self, request, **kwargs):
        if request.url.startswith(self.public_origin + "/"):
            request.url = self.local_origin + request.url[len(self.public_origin):]
        return super().send(request, **kwargs)


def loopback_session(ca_file):
    session = requests.Session()
    session.trust_env = False  # no proxies, no REQUESTS_CA_BUNDLE overriding `verify`
    session.verify = ca_file
    session.mount("http://", LoopbackOnlyAdapter())
    session.mount("https://", LoopbackOnlyAdapter())
    return session


# --- the sandbox ----------------------------------------------------------------------------------------------

REQUIRED = [
    "SF_LOGIN_URL", "SF_CLIENT_ID", "SF_USERNAME", "SF_PRIVATE_KEY_PATH", "SAP_BASE_URL", "SAP_USERNAME",
    "SAP_PASSWORD", "ZOHO_ACCOUNTS_URL", "ZOHO_CLIENT_ID", "ZOHO_CLIENT_SECRET", "ZOHO_REFRESH_TOKEN", "ZOHO_ORG_ID",
    "CRMSYNC_TRUSTED_CA_FILE", "SLACK_WEBHOOK_URL",
]


def start_sandbox(binary, directory):
    """Starts `crm-sync sandbox --https` and returns (process, env) once every required line was printed."""
    log = open(os.path.join(directory, "sandbox.log"), "w")
    process = subprocess.Popen(
        [binary, "sandbox", "--https", "--directory", directory],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=log, text=True)
    env, lines = {}, []
    timer = threading.Timer(60, process.kill)  # a sandbox that never prints must not hang CI
    timer.start()
    try:
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            name, sep, value = line.strip().partition("=")
            if sep and name.isidentifier():
                env[name] = shlex.split(value)[0] if value else ""
            if all(key in env for key in REQUIRED):
                break
    finally:
        timer.cancel()
    missing = [key for key in REQUIRED if key not in env]
    if missing:
        process.kill()
        raise RuntimeError(f"sandbox did not print {missing}; stdout: {lines}; see {log.name}")
    # keep draining stdout so the sandbox never blocks on a full pipe
    threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()
    return process, env


# --- Salesforce: simple-salesforce ----------------------------------------------------------------------------


def salesforce_checks(env):
    import jwt
    from simple_salesforce import Salesforce, SalesforceAuthenticationFailed

    ca = env["CRMSYNC_TRUSTED_CA_FILE"]
    session = loopback_session(ca)
    # simple-salesforce builds https://{domain}.salesforce.com/services/oauth2/token and aud=https://{domain}.salesforce.com,
    # with no way to pass a full login URL; its documented `session` parameter takes a requests.Session, whose
    # transport sends that one origin to the simulator (which accepts aud=https://login.salesforce.com, as Salesforce).
    session.mount("https://login.salesforce.com",
                  RedirectHostAdapter("https://login.salesforce.com", env["SF_LOGIN_URL"].rstrip("/")))
    queries = []
    session.hooks["response"].append(
        lambda r, *a, **k: queries.append(r.request.headers.get("Sforce-Query-Options"))
        if "/query" in urlparse(r.url).path else None)
    state = {}

    token_posts = []
    session.hooks["response"].append(
        lambda r, *a, **k: token_posts.append((r.request.body, r.status_code, r.text))
        if urlparse(r.url).path == "/services/oauth2/token" else None)

    def login_deviation(error):
        """Explains a refused library login: replays the library's claims with exp as a string and as a number."""
        if not token_posts:
            return error
        body, status, text = token_posts[-1]
        assertion = parse_qs(body if isinstance(body, str) else body.decode())["assertion"][0]
        claims = jwt.decode(assertion, options={"verify_signature": False})
        key = open(env["SF_PRIVATE_KEY_PATH"]).read()

        def probe(exp):
            response = session.post(env["SF_LOGIN_URL"].rstrip("/") + "/services/oauth2/token", data={
                "grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer",
                "assertion": jwt.encode(dict(claims, exp=exp), key, algorithm="RS256")})
            return response

        library_exp = int(claims["exp"])
        ahead = library_exp - time.time()
        same_value = probe(library_exp)
        exp = int(time.time()) + 120
        as_string, as_number = probe(str(exp)), probe(exp)
        evidence = (f"simple-salesforce sent claims {claims}; simulator answered HTTP {status} {text}. Replayed "
                    f"with exp=now+120 s: as a string -> HTTP {as_string.status_code} {as_string.text[:80]}; "
                    f"as a number -> HTTP {as_number.status_code} {as_number.text[:40]}. The library's own exp "
                    f"as a number ({ahead:.2f} s ahead at replay; the library rounds now+180 s to the nearest "
                    f"second) -> HTTP {same_value.status_code} {same_value.text[:70]}")
        if isinstance(claims.get("exp"), str) and as_string.status_code != 200 and as_number.status_code == 200:
            state["token"] = as_number.json()
            return SimulatorDeviation(
                evidence + ". simple-salesforce (login.py: 'exp': f'{expiration.timestamp():.0f}') always sends exp "
                "as a JSON string and Salesforce accepts it (its issues #371/#491 show Salesforce evaluating that "
                "string as a time). Fix: decode exp as number or numeric string in AssertionClaims, and allow a few seconds of clock skew on the "
                "3-minute cap (a replay of the library's exp is refused whenever the rounding went up).")
        return AssertionError(f"{error}; {evidence}")

    @check("salesforce: JWT bearer login (simple-salesforce consumer_key/username/privatekey_file, domain=login)")
    def _():
        try:
            sf = Salesforce(username=env["SF_USERNAME"], consumer_key=env["SF_CLIENT_ID"],
                            privatekey_file=env["SF_PRIVATE_KEY_PATH"], domain="login", session=session,
                            version="60.0")
        except SalesforceAuthenticationFailed as error:
            raise login_deviation(error) from error
        expected = urlparse(env["SF_LOGIN_URL"]).netloc
        expect(sf.sf_instance == expected, f"instance {sf.sf_instance!r}, expected {expected!r} (from instance_url)")
        expect(sf.session_id and "!" in sf.session_id, f"odd access token {sf.session_id!r}")
        state["sf"] = sf
        return f"instance {sf.sf_instance}"

    if "sf" not in state and "token" in state:
        @check("salesforce: direct session (Salesforce(instance_url=, session_id=)) — used by the checks below")
        def _():
            token = state["token"]
            sf = Salesforce(instance_url=token["instance_url"], session_id=token["access_token"], session=session,
                            version="60.0")
            expected = urlparse(env["SF_LOGIN_URL"]).netloc
            expect(sf.sf_instance == expected, f"instance {sf.sf_instance!r}, expected {expected!r}")
            state["sf"] = sf
            return f"instance {sf.sf_instance} (token from the same claims with a numeric exp)"

    sf = state.get("sf")
    if sf is None:
        return

    @check("salesforce: describe Opportunity has the custom fields")
    def _():
        names = {f["name"] for f in sf.Opportunity.describe()["fields"]}
        for field in ("Sync_Status__c", "SAP_Order_Number__c", "Zoho_Invoice_Number__c", "Payment_Received__c"):
            expect(field in names, f"{field} missing from describe")
        return f"{len(names)} fields"

    @check("salesforce: sObject Collections create (POST composite/sobjects via sf.restful) — 120 Opportunities")
    def _():
        accounts = sf.query("SELECT Id FROM Account LIMIT 1")["records"]
        expect(accounts, "no Account in the seed")
        state["account"] = accounts[0]["Id"]
        tag = uuid.uuid4().hex[:8]
        created = []
        for chunk in range(2):  # at most 200 records per Collections request
            records = [{"attributes": {"type": "Opportunity"}, "Name": f"TPC {tag} {chunk}-{i}",
                        "StageName": "Prospecting", "CloseDate": "2026-12-31", "Amount": 1000 + i,
                        "AccountId": state["account"]} for i in range(60)]
            result = sf.restful("composite/sobjects", method="POST", json={"allOrNone": True, "records": records})
            expect(isinstance(result, list) and len(result) == 60, f"unexpected answer {str(result)[:300]}")
            expect(all(r.get("success") and r.get("id", "").startswith("006") for r in result),
                   f"not all created: {str(result)[:300]}")
            created += [r["id"] for r in result]
        state["created"] = created
        return f"{len(created)} created"

    @check("salesforce: query_all with child subquery + parent field, batchSize=200, several pages")
    def _():
        total = sf.query("SELECT COUNT() FROM Opportunity")["totalSize"]
        expect(total > 200, f"only {total} Opportunities, cannot page with batchSize=200")
        queries.clear()
        soql = ("SELECT Id, Name, StageName, Amount, CloseDate, Account.Name, "
                "(SELECT Id, Quantity, UnitPrice FROM OpportunityLineItems) FROM Opportunity ORDER BY Name")
        result = sf.query_all(soql, headers={"Sforce-Query-Options": "batchSize=200"})
        records = result["records"]
        expect(len(records) == total, f"query_all returned {len(records)} records, COUNT() says {total}")
        expect(len({r["Id"] for r in records}) == total, "duplicate Ids across pages")
        expect(len(queries) >= 2, f"only {len(queries)} page request(s)")
        expect(all(q == "batchSize=200" for q in queries), f"header not sent on every page: {queries}")
        with_account = [r for r in records if r.get("Account")]
        expect(with_account and all("Name" in r["Account"] for r in with_account), "parent Account.Name missing")
        expect(all(r["attributes"]["type"] == "Opportunity" for r in records), "attributes.type")
        children = [r["OpportunityLineItems"] for r in records if r.get("OpportunityLineItems")]
        expect(children, "no Opportunity has OpportunityLineItems in the seed")
        expect(all(set(c) >= {"totalSize", "done", "records"} for c in children), "child result shape")
        state["with_items"] = next(r for r in records if r.get("OpportunityLineItems"))
        return f"{total} records over {len(queries)} pages, {len(children)} with line items"

    @check("salesforce: sf.Opportunity.get")
    def _():
        opp = state["with_items"]
        record = sf.Opportunity.get(opp["Id"])
        expect(record["Id"] == opp["Id"], f"Id {record.get('Id')} != {opp['Id']}")
        expect(record["attributes"]["type"] == "Opportunity", "attributes.type")
        expect("Sync_Status__c" in record, "Sync_Status__c not returned")
        return f"{record['Id']} {record['Name']!r}"

    @check("salesforce: sf.Opportunity.update(Sync_Status__c) then get")
    def _():
        opp_id = state["with_items"]["Id"]
        status = sf.Opportunity.update(opp_id, {"Sync_Status__c": "Synced"})
        expect(status == 204, f"update returned {status}")
        expect(sf.Opportunity.get(opp_id)["Sync_Status__c"] == "Synced", "value not stored")
        return "204, value stored"

    @check("salesforce: sObject Collections update (PATCH composite/sobjects via sf.restful)")
    def _():
        ids = state["created"][:5]
        records = [{"attributes": {"type": "Opportunity"}, "Id": i, "Sync_Status__c": "Partial"} for i in ids]
        result = sf.restful("composite/sobjects", method="PATCH", json={"allOrNone": False, "records": records})
        expect([r.get("id") for r in result] == ids and all(r["success"] for r in result), str(result)[:300])
        got = sf.query(f"SELECT Sync_Status__c FROM Opportunity WHERE Id = '{ids[0]}'")["records"][0]
        expect(got["Sync_Status__c"] == "Partial", f"read back {got}")
        return f"{len(ids)} updated"

    @check("salesforce: sf.Opportunity.updated (replication API) agrees with SystemModstamp up to latestDateCovered")
    def _():
        now = datetime.datetime.now(datetime.timezone.utc).replace(second=0, microsecond=0)
        start, end = now - datetime.timedelta(minutes=30), now + datetime.timedelta(minutes=2)
        result = sf.Opportunity.updated(start, end)
        covered = datetime.datetime.strptime(result["latestDateCovered"], "%Y-%m-%dT%H:%M:%S.%f%z")
        stamps = sf.query_all("SELECT Id, SystemModstamp FROM Opportunity WHERE SystemModstamp >= "
                              + start.strftime("%Y-%m-%dT%H:%M:%SZ"))["records"]
        expected = {r["Id"] for r in stamps
                    if datetime.datetime.strptime(r["SystemModstamp"], "%Y-%m-%dT%H:%M:%S.%f%z") < covered}
        expect(set(result["ids"]) == expected,
               f"ids {len(result['ids'])} vs {len(expected)} modified before latestDateCovered {covered}")
        return f"{len(result['ids'])} ids up to {result['latestDateCovered']} ({len(stamps)} written since start)"

    @check("salesforce: API usage parsed from Sforce-Limit-Info")
    def _():
        usage = sf.api_usage.get("api-usage")
        expect(usage is not None and usage.used > 0 and usage.total > usage.used, f"api_usage {sf.api_usage}")
        return f"{usage.used}/{usage.total}"


# --- SAP S/4HANA: pyodata -------------------------------------------------------------------------------------


def sap_checks(env):
    import pyodata

    logging.getLogger("pyodata").setLevel(logging.ERROR)  # SAP vocab annotations pyodata ignores
    session = loopback_session(env["CRMSYNC_TRUSTED_CA_FILE"])
    session.auth = (env["SAP_USERNAME"], env["SAP_PASSWORD"])
    root = env["SAP_BASE_URL"].rstrip("/") + "/sap/opu/odata/sap/"
    clients = {}

    for service in ("API_SALES_ORDER_SRV", "API_BUSINESS_PARTNER", "API_MATERIAL_STOCK_SRV", "API_PRODUCT_SRV"):
        @check(f"sap: pyodata builds the model of {service} from $metadata (strict parser)")
        def _(service=service):
            client = pyodata.Client(root + service, session)
            clients[service] = client
            return f"{len(client.schema.entity_sets)} entity sets"

    orders = clients.get("API_SALES_ORDER_SRV")
    partners = clients.get("API_BUSINESS_PARTNER")
    stock = clients.get("API_MATERIAL_STOCK_SRV")
    products = clients.get("API_PRODUCT_SRV")
    created = {}

    if partners:
        @check("sap: A_BusinessPartner filter + $top + $count")
        def _():
            sets = partners.entity_sets.A_BusinessPartner
            flt = "BusinessPartnerCategory eq '2'"
            count = sets.get_entities().count().filter(flt).execute()
            page = sets.get_entities().filter(flt).top(5).execute()
            expect(count >= len(page) > 0, f"count {count}, page {len(page)}")
            expect(all(p.BusinessPartnerCategory == "2" for p in page), "filter not applied")
            return f"$count={count}"

        @check("sap: create Business Partner (customer) with pyodata create_entity, deep insert, CSRF per pyodata docs")
        def _():
            # pyodata documents fetching the token itself: HEAD/GET with x-csrf-token: fetch, then a session header
            token = session.get(root + "API_BUSINESS_PARTNER/", headers={"x-csrf-token": "fetch"}).headers.get("x-csrf-token")
            expect(token and token.lower() != "fetch", f"no CSRF token, got {token!r}")
            session.headers["x-csrf-token"] = token
            name = f"TPC {uuid.uuid4().hex[:8]} GmbH"
            partner = partners.entity_sets.A_BusinessPartner.create_entity().set(**{
                "BusinessPartnerCategory": "2", "BusinessPartnerGrouping": "BP02", "OrganizationBPName1": name,
                "to_BusinessPartnerRole": [{"BusinessPartnerRole": "FLCU01"}],
                "to_BusinessPartnerAddress": [{"Country": "DE", "CityName": "Berlin", "PostalCode": "10115",
                                               "StreetName": "Unter den Linden", "Language": "EN"}],
                "to_Customer": {"to_CustomerSalesArea": [{
                    "SalesOrganization": "1010", "DistributionChannel": "10", "Division": "00", "Currency": "EUR"}]},
            }).execute()
            number = partner.BusinessPartner
            expect(number, "no BusinessPartner number assigned")
            read = partners.entity_sets.A_BusinessPartner.get_entity(BusinessPartner=number).execute()
            expect(read.OrganizationBPName1 == name, f"read back {read.OrganizationBPName1!r}")
            created["customer"] = number
            return f"BP {number}"

    if products:
        @check("sap: A_ProductSalesDelivery filter (a material sold in 1010/10)")
        def _():
            rows = products.entity_sets.A_ProductSalesDelivery.get_entities().filter(
                "ProductSalesOrg eq '1010' and ProductDistributionChnl eq '10'").top(1).execute()
            expect(rows, "no material sold in 1010/10")
            created["material"] = rows[0].Product
            return created["material"]

    if orders and "customer" in created:
        @check("sap: create 4 Sales Orders with pyodata create_entity (deep insert to_Item) for the new customer")
        def _():
            numbers = []
            for n in range(4):
                order = orders.entity_sets.A_SalesOrder.create_entity().set(**{
                    "SalesOrderType": "OR", "SalesOrganization": "1010", "DistributionChannel": "10",
                    "OrganizationDivision": "00", "SoldToParty": created["customer"],
                    "PurchaseOrderByCustomer": f"TPC-{n}",
                    "to_Item": [{"Material": created["material"], "RequestedQuantity": str(n + 1),
                                 "RequestedQuantityUnit": "PC"}],
                }).execute()
                expect(order.SalesOrder, "no SalesOrder number")
                numbers.append(order.SalesOrder)
            created["orders"] = numbers
            return f"orders {numbers}"

        @check("sap: A_SalesOrder filter + $top/$skip paging + $count + $inlinecount")
        def _():
            sets = orders.entity_sets.A_SalesOrder
            flt = f"SoldToParty eq '{created['customer']}' and SalesOrganization eq '1010'"
            count = sets.get_entities().count().filter(flt).execute()
            expect(count == len(created.get("orders", [])), f"$count {count!r}, created {created.get('orders')}")
            first = sets.get_entities().filter(flt).order_by("SalesOrder").top(4).execute()
            page1 = sets.get_entities().filter(flt).order_by("SalesOrder").top(2).execute()
            page2 = sets.get_entities().filter(flt).order_by("SalesOrder").top(2).skip(2).execute()
            ids = [e.SalesOrder for e in first]
            expect(ids == [e.SalesOrder for e in page1] + [e.SalesOrder for e in page2],
                   f"$skip paging mismatch: {ids} vs pages")
            expect(all(e.SalesOrganization == "1010" for e in first), "filter not applied")
            inline = sets.get_entities().filter(flt).top(1).count(inline=True).execute()
            expect(inline.total_count == count, f"$inlinecount {inline.total_count} != $count {count}")
            expect(len(inline) == 1, f"$top=1 with $inlinecount gave {len(inline)}")
            # typed values parsed by pyodata from the V2 JSON wire format (/Date(...)/, decimals as strings)
            expect(isinstance(first[0].CreationDate, datetime.datetime), f"CreationDate {first[0].CreationDate!r}")
            expect(isinstance(first[0].LastChangeDateTime, datetime.datetime), "LastChangeDateTime")
            return f"$count={count}, 2 pages of 2 match $top=4"

        @check("sap: A_SalesOrder typed filter on LastChangeDateTime (pyodata literal formatting) + get_entity + $expand")
        def _():
            sets = orders.entity_sets.A_SalesOrder
            request = sets.get_entities()
            since = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=1)
            recent = request.filter(request.LastChangeDateTime > since).top(50).execute()
            expect(set(created["orders"]) <= {o.SalesOrder for o in recent}, "new orders not changed in the last hour")
            key = created["orders"][-1]
            order = sets.get_entity(SalesOrder=key).expand("to_Item").execute()
            expect(order.SalesOrder == key, "get_entity key")
            items = order.to_Item
            expect(len(items) == 1 and items[0].Material == created["material"], f"to_Item {items}")
            expect(float(items[0].RequestedQuantity) == 4, f"RequestedQuantity {items[0].RequestedQuantity}")
            return f"order {key}: item {items[0].Material} x {items[0].RequestedQuantity}, NetAmount {order.TotalNetAmount}"

    if stock:
        @check("sap: A_MatlStkInAcctMod filter + $top/$skip + $count + get_entity by the 11-part key")
        def _():
            sets = stock.entity_sets.A_MatlStkInAcctMod
            rows = sets.get_entities().filter("Plant eq '1010'").top(20).execute()
            expect(rows, "no stock rows in plant 1010")
            material = rows[0].Material
            request = sets.get_entities()
            flt = request.filter(Material=material, Plant="1010")
            count = sets.get_entities().count().filter(f"Material eq '{material}' and Plant eq '1010'").execute()
            got = flt.top(50).execute()
            expect(len(got) == count and all(r.Material == material for r in got), f"{len(got)} rows vs $count {count}")
            skipped = sets.get_entities().filter("Plant eq '1010'").top(10).skip(10).execute()
            expect([r.Material for r in rows[10:20]] == [r.Material for r in skipped] or len(rows) < 20, "$skip")
            row = rows[0]
            keys = {p.name: getattr(row, p.name) for p in sets.get_entities()._entity_type.key_proprties}
            one = sets.get_entity(**keys).execute()
            expect(one.MatlWrhsStkQtyInMatlBaseUnit == row.MatlWrhsStkQtyInMatlBaseUnit, "get_entity quantity")
            return f"material {material}: {count} rows, qty {row.MatlWrhsStkQtyInMatlBaseUnit} {row.MaterialBaseUnit}"


# --- Zoho Books: requests-oauthlib + requests -----------------------------------------------------------------


def zoho_checks(env):
    from requests_oauthlib import OAuth2Session

    ca = env["CRMSYNC_TRUSTED_CA_FILE"]
    org = env["ZOHO_ORG_ID"]
    state = {}

    @check("zoho: refresh-token grant with requests-oauthlib at ZOHO_ACCOUNTS_URL/oauth/v2/token")
    def _():
        oauth = OAuth2Session(client_id=env["ZOHO_CLIENT_ID"])
        oauth.trust_env = False
        oauth.verify = ca
        oauth.mount("https://", LoopbackOnlyAdapter())
        oauth.mount("http://", LoopbackOnlyAdapter())
        token = oauth.refresh_token(env["ZOHO_ACCOUNTS_URL"].rstrip("/") + "/oauth/v2/token",
                                    refresh_token=env["ZOHO_REFRESH_TOKEN"], client_id=env["ZOHO_CLIENT_ID"],
                                    client_secret=env["ZOHO_CLIENT_SECRET"])
        expect(token.get("access_token") and token.get("api_domain"), f"token response {token}")
        expect(int(token.get("expires_in", 0)) > 0, f"expires_in {token.get('expires_in')}")
        api = loopback_session(ca)
        api.headers["Authorization"] = f"Zoho-oauthtoken {token['access_token']}"  # Zoho's documented header
        state["api"], state["base"] = api, token["api_domain"].rstrip("/") + "/books/v3"
        return f"api_domain {token['api_domain']}"

    if "api" not in state:
        return
    api, base = state["api"], state["base"]

    def call(method, path, **kwargs):
        params = dict(kwargs.pop("params", {}))
        params.setdefault("organization_id", org)
        response = api.request(method, f"{base}/{path}", params=params, **kwargs)
        body = response.json()
        expect(response.ok and body.get("code") == 0, f"{method} {path}: HTTP {response.status_code} {str(body)[:300]}")
        return body

    @check("zoho: GET /organizations lists ZOHO_ORG_ID")
    def _():
        body = call("GET", "organizations")
        ids = [o["organization_id"] for o in body["organizations"]]
        expect(org in ids, f"{org} not in {ids}")

    @check("zoho: create contact, get it, search by contact_name")
    def _():
        name = f"TPC {uuid.uuid4().hex[:8]} Ltd"
        body = call("POST", "contacts", json={"contact_name": name, "company_name": name, "contact_type": "customer",
                                              "contact_persons": [{"first_name": "Ada", "last_name": "Lovelace",
                                                                   "email": "ada@example.com", "is_primary_contact": True}]})
        contact_id = body["contact"]["contact_id"]
        got = call("GET", f"contacts/{contact_id}")["contact"]
        expect(got["contact_name"] == name, f"read back {got['contact_name']!r}")
        found = call("GET", "contacts", params={"contact_name": name})["contacts"]
        expect([c["contact_id"] for c in found] == [contact_id], f"search found {found}")
        state["contact"] = contact_id
        return contact_id

    @check("zoho: contacts paging (page/per_page, page_context.has_more_page)")
    def _():
        first = call("GET", "contacts", params={"page": 1, "per_page": 2})
        expect(first["page_context"]["has_more_page"] is True, f"page_context {first['page_context']}")
        second = call("GET", "contacts", params={"page": 2, "per_page": 2})
        a, b = {c["contact_id"] for c in first["contacts"]}, {c["contact_id"] for c in second["contacts"]}
        expect(len(a) == 2 and b and not a & b, "pages overlap or are short")
        return f"{len(a)} + {len(b)} distinct contacts"

    @check("zoho: create invoice, get it, mark sent, email it")
    def _():
        expect("contact" in state, "no contact created")
        body = call("POST", "invoices", json={
            "customer_id": state["contact"], "reference_number": "TPC-1", "date": datetime.date.today().isoformat(),
            "payment_terms": 30, "line_items": [{"name": "Widget", "rate": 12.5, "quantity": 4}]})
        invoice = body["invoice"]
        expect(float(invoice["total"]) == 50.0, f"total {invoice['total']}")
        got = call("GET", f"invoices/{invoice['invoice_id']}")["invoice"]
        expect(got["invoice_number"] == invoice["invoice_number"], "invoice number")
        call("POST", f"invoices/{invoice['invoice_id']}/status/sent")
        call("POST", f"invoices/{invoice['invoice_id']}/email",
             json={"to_mail_ids": ["ada@example.com"], "subject": "Invoice", "body": "Please find it attached."})
        return f"{invoice['invoice_number']} total {invoice['total']}"

    @check("zoho: customer payments list, sorted by last_modified_time, paged")
    def _():
        body = call("GET", "customerpayments",
                    params={"sort_column": "last_modified_time", "sort_order": "A", "page": 1, "per_page": 25})
        payments = body["customerpayments"]
        times = [p.get("last_modified_time") for p in payments]
        expect(times == sorted(times), "not sorted by last_modified_time")
        return f"{len(payments)} payments, has_more_page={body['page_context']['has_more_page']}"

    @check("zoho: a wrong organization_id is refused as Zoho does (HTTP 400, code 6041)")
    def _():
        response = api.get(f"{base}/contacts", params={"organization_id": "1" + org})
        body = response.json()
        expect(response.status_code == 400 and body.get("code") == 6041, f"HTTP {response.status_code} {body}")
        return body.get("message")

def slack_checks(env):
    """Slack's own Python SDK (slack_sdk.webhook.WebhookClient) posting to the simulated incoming webhook."""
    import ssl

    from slack_sdk.webhook import WebhookClient

    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        os.environ.pop(name, None)  # the SDK reads proxies from the environment; only 127.0.0.1 is ever called
    url = env["SLACK_WEBHOOK_URL"]
    expect(urlparse(url).hostname == "127.0.0.1", "webhook is not on 127.0.0.1")
    client = WebhookClient(url, ssl=ssl.create_default_context(cafile=env["CRMSYNC_TRUSTED_CA_FILE"]))

    @check("slack: WebhookClient.send with text and Block Kit blocks gets 200 ok")
    def _():
        response = client.send(
            text="CRMSync test alert",
            blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": "*Sales Order create failed* for <https://example.invalid/006|Deal>"}}])
        expect(response.status_code == 200 and response.body == "ok", f"HTTP {response.status_code} {response.body!r}")
        return "ok"

    @check("slack: an empty message is refused with the documented error string")
    def _():
        time.sleep(1.1)  # stay under one message per second
        response = client.send(text="")
        expect(response.status_code == 400 and response.body in ("no_text", "missing_text_or_fallback_or_attachments"),
               f"HTTP {response.status_code} {response.body!r}")
        return response.body


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/crm-sync"
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="crm-sync-tpc-") as directory:
        process, env = start_sandbox(os.path.abspath(binary), directory)
        print(f"sandbox up in {time.monotonic() - started:.1f}s (pid {process.pid}, {env['SF_LOGIN_URL']}, "
              f"{env['SAP_BASE_URL']}, {env['ZOHO_ACCOUNTS_URL']})", flush=True)
        try:
            salesforce_checks(env)
            sap_checks(env)
            zoho_checks(env)
            slack_checks(env)
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
    failed = [name for name, ok in RESULTS if not ok]
    print(f"{len(RESULTS) - len(failed)} passed, {len(failed)} failed in {time.monotonic() - started:.1f}s")
    return 1 if failed or not RESULTS else 0


if __name__ == "__main__":
    sys.exit(main())
