import Foundation
import SyncCore

extension ZohoBooksClient {
    /// Finds a customer contact whose `contact_name` equals `name` exactly.
    ///
    /// Sends `GET /contacts?contact_name=<name>&contact_type=customer` and compares the names again client-side
    /// (case and spaces included), reading further pages only while no match was found.
    /// - Returns: the contact (`email` = its primary contact person's, `nil` when empty), or `nil`.
    /// - Throws: `SyncError` from the HTTP layer (`.rateLimited`, `.quotaExhausted`, `.authenticationFailed`, …).
    public func findContact(name: String) async throws -> ZohoContact? {
        var found: ZohoContact?
        try await forEachPage(
            "/contacts", query: [("contact_name", name), ("contact_type", "customer")], resourceKey: "contacts",
            as: ZohoContactRecord.self, endpoint: "contacts.find"
        ) { rows in
            found = rows.first(where: { $0.name == name })?.contact
            return found == nil
        }
        return found
    }

    /// Creates a customer contact (`POST /contacts`): `contact_name` and `company_name` = `draft.name`,
    /// `contact_type` customer, `currency_id` resolved from `draft.currencyCode`, `payment_terms` =
    /// `Configuration.paymentTermsDays`, `billing_address`, and one primary contact person with the email.
    /// - Returns: the created contact.
    /// - Throws: `.invalidInput` for an empty or over-long name or a currency the organization does not have,
    ///   `.conflict` for a duplicate name (code 3062), `.malformedResponse` (with `outcomeUnknown`) when the answer
    ///   to the create is unreadable, and the HTTP layer's codes.
    public func createContact(_ draft: ZohoContactDraft) async throws -> ZohoContact {
        guard !draft.name.trimmingCharacters(in: .whitespaces).isEmpty, draft.name.count <= 200 else {
            throw SyncError(
                code: .invalidInput, system: .zohoBooks,
                message: "A Zoho contact name must have 1 to 200 characters", field: "contact_name")
        }
        let currencyID = try await currencyID(for: draft.currencyCode)
        let hasAddress = [draft.billingStreet, draft.billingCity, draft.billingPostalCode, draft.billingCountry]
            .contains { $0 != nil }
        let hasPerson = [draft.firstName, draft.lastName, draft.email].contains { $0 != nil }
        let body = ZohoContactBody(
            contactName: draft.name, companyName: draft.name, currencyId: currencyID,
            paymentTerms: configuration.paymentTermsDays,
            billingAddress: hasAddress
                ? .init(
                    address: draft.billingStreet, city: draft.billingCity, zip: draft.billingPostalCode,
                    country: draft.billingCountry) : nil,
            contactPersons: hasPerson
                ? [.init(firstName: draft.firstName, lastName: draft.lastName, email: draft.email, isPrimaryContact: true)]
                : [])
        let response = try await send(
            .POST, "/contacts", body: try ZohoWriteBodies.encode(body), endpoint: "contacts.create")
        return try decodeCreated(ZohoContactRecord.self, response.body, key: "contact").contact
    }

    /// The organization's `currency_id` for an ISO 4217 code, from `GET /settings/currencies` (cached).
    /// - Throws: `.invalidInput` naming the currency when the organization does not have it.
    func currencyID(for code: String) async throws -> String {
        let id = try await settings.currencyID(for: code) {
            let response = try await self.send(.GET, "/settings/currencies", endpoint: "settings.currencies")
            return try ZohoJSON.decode([ZohoCurrencyRecord].self, from: response.body, resourceKey: "currencies")
        }
        guard let id else {
            throw SyncError(
                code: .invalidInput, system: .zohoBooks,
                message: "The Zoho Books organization has no currency \(code); add it under Settings > Currencies",
                field: "currency_code")
        }
        return id
    }

    /// Decodes the answer to a create; an unreadable one may hide a created record, so it is `outcomeUnknown`.
    func decodeCreated<Record: Decodable>(_ type: Record.Type, _ body: Data, key: String) throws -> Record {
        do {
            return try ZohoJSON.decode(Record.self, from: body, resourceKey: key)
        } catch var error as SyncError {
            error.outcomeUnknown = true
            throw error
        }
    }
}
