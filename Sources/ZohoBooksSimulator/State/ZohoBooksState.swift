import Foundation
import SimulatorKit

/// Everything one simulated Zoho Books organization holds, mutated under the simulator's lock.
///
/// Ids are 18-digit strings from one counter (`idPrefix` + 12 digits), so the same seed gives the same ids, and
/// `contacts`, `invoices` and `payments` (appended as they are created) are in id order: lookups by id are binary
/// searches. Invoices are only appended through `append(_:)` and emails through `recordEmail(_:)`, which keep the
/// indexes below.
struct ZohoBooksState: Sendable {
    let organizationID: String
    let organizationName: String
    let time: ZohoTimeFormat
    let idPrefix: String
    var currencies: [ZohoCurrency] = []
    var contacts: [ZohoContact] = []
    var invoices: [ZohoInvoice] = []
    var payments: [ZohoCustomerPayment] = []
    private(set) var emails: [ZohoSentEmail] = []
    /// `invoice_number`s in use (invoices are never deleted, only voided).
    private(set) var invoiceNumbers: Set<String> = []
    /// Positions in `invoices` of each customer's invoices, by `customer_id`, oldest first.
    private(set) var invoicePositionsByCustomer: [String: [Int]] = [:]
    /// Emails sent per `invoice_id`.
    private(set) var emailCounts: [String: Int] = [:]
    var oauth: ZohoOAuthState
    var limits = ZohoRateLimiter()
    var nextInvoiceNumber = 1
    var nextPaymentNumber = 1
    private var idCounter = 100_000

    /// Maps the seed: the organization (id, time zone), its currencies (the default one is the base currency)
    /// and the contacts people created before CRMSync (`existingZohoContact`), stamped 30 days before `now`.
    init(seed: SeedDataset, configuration: ZohoBooksSimulator.Configuration, now: Date) {
        let organization = seed.organization
        organizationID = organization.zohoOrganizationId
        organizationName = organization.name
        time = ZohoTimeFormat(timeZone: TimeZone(identifier: organization.timeZone) ?? TimeZone(secondsFromGMT: 0)!)
        idPrefix = configuration.idPrefix
        oauth = ZohoOAuthState(salt: UInt64(organization.zohoOrganizationId) ?? 1)
        var codes = [organization.defaultCurrency]
        codes += organization.currencies.filter { $0 != organization.defaultCurrency }
        for code in codes {
            currencies.append(.make(id: nextID(), code: code, isBase: code == organization.defaultCurrency))
        }
        let seededAt = now.addingTimeInterval(-30 * 86_400)
        for account in seed.accounts where account.existingZohoContact {
            let currencyCode = seed.opportunities.first { $0.account == account.key }?.currency
            let currency = currencies.first { $0.code == currencyCode } ?? baseCurrency
            var persons: [ZohoContactPerson] = []
            for (index, person) in account.contacts.enumerated() {
                persons.append(ZohoContactPerson(
                    id: nextID(), firstName: person.firstName, lastName: person.lastName, email: person.email ?? "",
                    phone: "", isPrimary: index == 0))
            }
            contacts.append(ZohoContact(
                id: nextID(), name: account.name, companyName: account.name, contactType: "customer",
                currencyID: currency.id, paymentTerms: 0, persons: persons,
                billingAddress: ZohoAddress(
                    street: account.street, city: account.city, zip: account.postalCode, country: account.country),
                notes: "", createdAt: seededAt, modifiedAt: seededAt))
        }
    }

    /// The next 18-digit id.
    mutating func nextID() -> String {
        idCounter += 1
        return idPrefix + String(idCounter).leftPadded(to: 12)
    }

    /// The organization's base currency.
    var baseCurrency: ZohoCurrency { currencies.first(where: \.isBase) ?? currencies[0] }

    /// The currency with `id`, or the base currency.
    func currency(id: String) -> ZohoCurrency { currencies.first { $0.id == id } ?? baseCurrency }

    /// Today's date (`yyyy-MM-dd`) in the organization's time zone.
    func today(_ now: Date) -> String { time.day(now) }

    /// The index of the contact with `id`.
    func contactIndex(_ id: String) throws(ZohoAPIError) -> Int {
        guard let index = contacts.positionOfID(id, \.id) else { throw .contactNotFound }
        return index
    }

    /// The contact with `id`, or nil.
    func contact(id: String) -> ZohoContact? {
        contacts.positionOfID(id, \.id).map { contacts[$0] }
    }

    /// The index of the invoice with `id`.
    func invoiceIndex(_ id: String) throws(ZohoAPIError) -> Int {
        guard let index = invoices.positionOfID(id, \.id) else { throw .invoiceNotFound }
        return index
    }

    /// The invoice with `id`, or nil.
    func invoice(id: String) -> ZohoInvoice? {
        invoices.positionOfID(id, \.id).map { invoices[$0] }
    }

    /// The invoices of the customer `customerID`, oldest first.
    func invoices(ofCustomer customerID: String) -> [ZohoInvoice] {
        (invoicePositionsByCustomer[customerID] ?? []).map { invoices[$0] }
    }

    /// Adds a new invoice (its id above every existing one) and indexes its number and customer.
    mutating func append(_ invoice: ZohoInvoice) {
        invoicePositionsByCustomer[invoice.customerID, default: []].append(invoices.count)
        invoiceNumbers.insert(invoice.number)
        invoices.append(invoice)
    }

    /// Records an email and counts it for its invoice.
    mutating func recordEmail(_ email: ZohoSentEmail) {
        emailCounts[email.invoiceID, default: 0] += 1
        emails.append(email)
    }
}
