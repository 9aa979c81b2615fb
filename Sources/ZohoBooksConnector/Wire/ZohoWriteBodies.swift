import Foundation
import SyncCore

/// `POST /contacts` body (contacts.yml "create-a-contact-request"): a customer with one primary contact person.
/// Property names become Zoho's snake_case keys through `ZohoWriteBodies.encode(_:)`.
struct ZohoContactBody: Encodable, Sendable {
    struct Address: Encodable, Sendable {
        var address: String?
        var city: String?
        var zip: String?
        var country: String?
    }

    struct Person: Encodable, Sendable {
        var firstName: String?
        var lastName: String?
        var email: String?
        var isPrimaryContact: Bool
    }

    var contactName: String
    var companyName: String
    var contactType = "customer"
    var customerSubType = "business"
    var currencyId: String
    var paymentTerms: Int
    var billingAddress: Address?
    var contactPersons: [Person]
}

/// `POST /invoices` body (invoices.yml "create-an-invoice-request"): free-text lines without `item_id`.
struct ZohoInvoiceBody: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        var name: String
        var description: String?
        /// Price per unit in the invoice currency.
        var rate: Decimal
        var quantity: Decimal
        var unit: String?
    }

    var customerId: String
    var currencyId: String
    var referenceNumber: String
    /// `yyyy-MM-dd`.
    var date: String
    var paymentTerms: Int
    var lineItems: [Line]
}

/// `POST /invoices/{invoice_id}/email` body (invoices.yml "email-an-invoice-request").
struct ZohoEmailBody: Encodable, Sendable {
    var toMailIds: [String]
}

/// JSON encoding of request bodies: snake_case keys, `Decimal` written digit for digit, sorted keys.
enum ZohoWriteBodies {
    static func encode<Body: Encodable>(_ body: Body) throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(body)
        } catch {
            throw SyncError(
                code: .invalidInput, system: .zohoBooks, message: "The request body could not be encoded as JSON",
                underlying: String(describing: type(of: error)))
        }
    }
}
