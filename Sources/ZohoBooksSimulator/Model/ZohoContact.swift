import Foundation

/// A person at a customer (`contact_persons[]`).
struct ZohoContactPerson: Sendable, Hashable {
    var id: String
    var firstName: String
    var lastName: String
    /// `""` when the person has no email.
    var email: String
    var phone: String
    var isPrimary: Bool
}

/// A postal address (`billing_address`).
struct ZohoAddress: Sendable, Hashable {
    var street = ""
    var city = ""
    var state = ""
    var zip = ""
    var country = ""
}

/// A Zoho Books contact (customer).
struct ZohoContact: Sendable, Hashable {
    var id: String
    /// `contact_name`, unique in the organization (code 3062).
    var name: String
    var companyName: String
    /// `customer` or `vendor`.
    var contactType: String
    var currencyID: String
    /// Days (`payment_terms`); 0 is "Due on Receipt".
    var paymentTerms: Int
    var persons: [ZohoContactPerson]
    var billingAddress: ZohoAddress
    var notes: String
    var createdAt: Date
    var modifiedAt: Date

    /// The primary contact person (flagged, else the first).
    var primaryPerson: ZohoContactPerson? { persons.first { $0.isPrimary } ?? persons.first }

    /// `email`: the primary contact person's email, `""` when none.
    var email: String { primaryPerson?.email ?? "" }

    /// Every non-empty email of the contact persons, primary first.
    var allEmails: [String] {
        let ordered = persons.filter(\.isPrimary) + persons.filter { !$0.isPrimary }
        return ordered.map(\.email).filter { !$0.isEmpty }
    }
}

/// `payment_terms_label` for a number of days.
func zohoPaymentTermsLabel(_ days: Int) -> String {
    days == 0 ? "Due on Receipt" : "Net \(days)"
}
