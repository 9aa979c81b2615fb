import Foundation
import Testing
import ZohoBooksSimulator

@Suite("contacts")
struct ContactTests {
    @Test("create answers 201 with the recorded message and shape")
    func create() async throws {
        let harness = ZohoHarness()
        let recorded = try Reference.zohoSample("contacts/create-contact.201.json")["response"]
        try await harness.run { client in
            let token = try await client.accessToken()
            let body = #"""
                {"contact_name":"O'Neil Trading","company_name":"O'Neil Trading","contact_type":"customer",
                 "contact_persons":[{"first_name":"Nora","last_name":"O'Neil","email":"nora@oneil.example",
                 "is_primary_contact":true}]}
                """#
            let reply = try await client.api(.post, "contacts", token: token, body: body)
            #expect(reply.status == recorded["status"].int)
            #expect(reply.json["code"] == recorded["body"]["code"])
            #expect(reply.json["message"] == recorded["body"]["message"])
            let contact = reply.json["contact"]
            let sample = recorded["body"]["contact"]
            #expect(contact.keys.subtracting(sample.keys).isEmpty)
            #expect(contact.kindMismatches(against: sample) == [])
            for key in ["contact_id", "contact_name", "email", "currency_id", "currency_code", "contact_persons",
                        "created_time", "last_modified_time", "status", "contact_type"] {
                #expect(contact.keys.contains(key), "missing \(key)")
            }
            #expect(Formats.isID(contact["contact_id"].string))
            #expect(contact["created_time"].string == "2026-06-09T13:14:59-0400")
            #expect(contact["email"].string == "nora@oneil.example")
            #expect(contact["currency_code"].string == "USD")
            #expect(contact["contact_persons"][0]["email"].string == "nora@oneil.example")
            #expect(Formats.isID(contact["contact_persons"][0]["contact_person_id"].string))
        }
    }

    @Test("contact_name is unique (3062) and get answers the same record")
    func uniqueNameAndGet() async throws {
        let harness = ZohoHarness()
        let duplicate = try Reference.zohoError(when: "create contact with a contact_name already used in the org")
        try await harness.run { client in
            let token = try await client.accessToken()
            let reply = try await client.api(.post, "contacts", token: token, body: #"{"contact_name":"Acme Corp"}"#)
            #expect(reply.status == 400)
            #expect(reply.json == duplicate)
            let id = try #require(harness.simulator.contactID(named: "Acme Corp"))
            let got = try await client.api(.get, "contacts/\(id)", token: token)
            #expect(got.status == 200)
            #expect(got.json["message"].string == "success")
            #expect(got.json["contact"]["contact_name"].string == "Acme Corp")
            #expect(got.json["contact"]["email"].string == "ann@acme.example")
            #expect(got.json["contact"]["contact_persons"].array.count == 2)
        }
    }

    @Test("list rows carry every recorded member; name, email and type filters")
    func listAndFilters() async throws {
        let harness = ZohoHarness()
        let recorded = try Reference.zohoBody("contacts/list-contacts.200.json")
        try await harness.run { client in
            let token = try await client.accessToken()
            let all = try await client.api(.get, "contacts", token: token)
            #expect(all.json["contacts"][0].keys == recorded["contacts"][0].keys)
            #expect(all.json["contacts"][0].kindMismatches(against: recorded["contacts"][0]) == [])
            #expect(all.json["page_context"].keys == recorded["page_context"].keys)
            #expect(all.json["page_context"]["sort_column"] == recorded["page_context"]["sort_column"])
            #expect(all.json["page_context"]["sort_order"] == recorded["page_context"]["sort_order"])
            #expect(all.json["contacts"].array.compactMap { $0["contact_name"].string } == ["Acme Corp", "Brandt & Söhne"])
            func names(_ query: String) async throws -> [String] {
                try await client.api(.get, "contacts", query: query, token: token).json["contacts"].array
                    .compactMap { $0["contact_name"].string }
            }
            #expect(try await names("contact_name=" + ZohoClient.escape("Brandt & Söhne")) == ["Brandt & Söhne"])
            #expect(try await names("contact_name=Acme") == [])
            #expect(try await names("contact_name_startswith=acm") == ["Acme Corp"])
            #expect(try await names("contact_name_contains=" + ZohoClient.escape("söhne")) == ["Brandt & Söhne"])
            #expect(try await names("email=ann%40acme.example") == ["Acme Corp"])
            #expect(try await names("email=bob%40acme.example") == [])
            #expect(try await names("contact_type=vendor") == [])
            #expect(try await names("sort_column=contact_name&sort_order=D") == ["Brandt & Söhne", "Acme Corp"])
        }
    }

    @Test("paging: per_page, has_more_page, per_page capped at 200")
    func paging() async throws {
        let harness = ZohoHarness()
        try await harness.run { client in
            let token = try await client.accessToken()
            for index in 0..<3 {
                let body = #"{"contact_name":"Customer \#(index)"}"#
                #expect(try await client.api(.post, "contacts", token: token, body: body).status == 201)
            }
            let first = try await client.api(.get, "contacts", query: "page=1&per_page=2", token: token)
            #expect(first.json["contacts"].array.count == 2)
            #expect(first.json["page_context"]["has_more_page"].bool == true)
            let last = try await client.api(.get, "contacts", query: "page=3&per_page=2", token: token)
            #expect(last.json["contacts"].array.count == 1)
            #expect(last.json["page_context"]["has_more_page"].bool == false)
            #expect(last.json["page_context"]["page"].int == 3)
            let capped = try await client.api(.get, "contacts", query: "per_page=500", token: token)
            #expect(capped.json["page_context"]["per_page"].int == 200)
        }
    }

    @Test("settings/currencies resolves currency ids; contacts take a currency_id")
    func currencies() async throws {
        let harness = ZohoHarness()
        try await harness.run { client in
            let token = try await client.accessToken()
            let list = try await client.api(.get, "settings/currencies", token: token)
            let rows = list.json["currencies"].array
            #expect(rows.compactMap { $0["currency_code"].string }.sorted() == ["EUR", "USD"])
            let euro = try #require(rows.first { $0["currency_code"].string == "EUR" })
            #expect(Formats.isID(euro["currency_id"].string))
            let body = #"{"contact_name":"Euro GmbH","currency_id":"\#(euro["currency_id"].string ?? "")"}"#
            let created = try await client.api(.post, "contacts", token: token, body: body)
            #expect(created.json["contact"]["currency_code"].string == "EUR")
            #expect(created.json["contact"]["currency_symbol"].string == "€")
        }
    }
}
