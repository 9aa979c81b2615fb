import Foundation

/// What `POST /contacts` (or the operator) supplies for a contact.
struct ZohoContactInput: Sendable {
    struct Person: Sendable {
        var firstName = ""
        var lastName = ""
        var email = ""
        var phone = ""
        var isPrimary = false
    }

    var name: String
    var companyName = ""
    var contactType = "customer"
    /// `currency_id`; nil: the base currency.
    var currencyID: String?
    var paymentTerms = 0
    var persons: [Person] = []
    var billingAddress = ZohoAddress()
    var notes = ""
}

extension ZohoBooksState {
    /// Creates a contact stamped `now`.
    /// - Throws: code 3062 for a used `contact_name`, code 2 for an unknown `currency_id` or a blank name.
    mutating func createContact(_ input: ZohoContactInput, now: Date) throws(ZohoAPIError) -> ZohoContact {
        let name = input.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw .invalidValue("contact_name") }
        guard !contacts.contains(where: { $0.name == name }) else { throw .contactExists }
        let currencyID = input.currencyID ?? baseCurrency.id
        guard currencies.contains(where: { $0.id == currencyID }) else { throw .invalidValue("currency_id") }
        let hasPrimary = input.persons.contains(where: \.isPrimary)
        var persons: [ZohoContactPerson] = []
        for (index, person) in input.persons.enumerated() {
            persons.append(ZohoContactPerson(
                id: nextID(), firstName: person.firstName, lastName: person.lastName, email: person.email,
                phone: person.phone, isPrimary: person.isPrimary || (!hasPrimary && index == 0)))
        }
        let contact = ZohoContact(
            id: nextID(), name: name, companyName: input.companyName, contactType: input.contactType,
            currencyID: currencyID, paymentTerms: input.paymentTerms, persons: persons,
            billingAddress: input.billingAddress, notes: input.notes, createdAt: now, modifiedAt: now)
        contacts.append(contact)
        return contact
    }

    /// Changes a contact's name and/or primary email as a user does in the web app, stamping `now`.
    /// - Throws: 1002 for an unknown id, 3062 when the new name is taken.
    mutating func editContact(
        id: String, name: String?, email: String?, now: Date
    ) throws(ZohoAPIError) -> ZohoContact {
        let index = try contactIndex(id)
        if let name {
            guard !contacts.contains(where: { $0.name == name && $0.id != id }) else { throw .contactExists }
            contacts[index].name = name
        }
        if let email {
            if let primary = contacts[index].persons.firstIndex(where: \.isPrimary) {
                contacts[index].persons[primary].email = email
            } else if !contacts[index].persons.isEmpty {
                contacts[index].persons[0].email = email
                contacts[index].persons[0].isPrimary = true
            } else {
                let person = ZohoContactPerson(
                    id: nextID(), firstName: "", lastName: "", email: email, phone: "", isPrimary: true)
                contacts[index].persons.append(person)
            }
        }
        contacts[index].modifiedAt = now
        return contacts[index]
    }

    /// `GET /contacts`: filters `contact_name` (exact), `contact_name_startswith`, `contact_name_contains`,
    /// `company_name[_startswith|_contains]`, `email[_startswith|_contains]` (primary person), `contact_type`,
    /// `filter_by` (Status.All/Status.Active); sort default `contact_name` A.
    /// - Throws: code 2 for a bad paging, sort or filter value.
    func listContacts(_ query: [String: String], maxPerPage: Int) throws(ZohoAPIError) -> ZohoPage<ZohoContact> {
        let request = try ZohoListRequest(
            query,
            allowedColumns: ["contact_name", "first_name", "last_name", "email", "outstanding_receivable_amount",
                             "created_time", "last_modified_time", "company_name"],
            defaultColumn: "contact_name", defaultOrder: "A", maxPerPage: maxPerPage)
        if let type = query["contact_type"], !["customer", "vendor"].contains(type) {
            throw .invalidValue("contact_type")
        }
        if let filter = query["filter_by"], !["Status.All", "Status.Active", "Status.Customers"].contains(filter) {
            throw .invalidValue("filter_by")
        }
        let matches = contacts.filter { contact in
            Self.matches(contact.name, query, "contact_name") && Self.matches(contact.companyName, query, "company_name")
                && Self.matches(contact.email, query, "email")
                && (query["contact_type"].map { $0 == contact.contactType } ?? true)
        }
        return request.page(matches) { lhs, rhs in
            switch request.sortColumn {
            case "created_time": return lhs.createdAt < rhs.createdAt
            case "last_modified_time": return lhs.modifiedAt < rhs.modifiedAt
            case "email": return lhs.email < rhs.email
            case "first_name": return (lhs.primaryPerson?.firstName ?? "") < (rhs.primaryPerson?.firstName ?? "")
            case "last_name": return (lhs.primaryPerson?.lastName ?? "") < (rhs.primaryPerson?.lastName ?? "")
            case "company_name": return lhs.companyName < rhs.companyName
            case "outstanding_receivable_amount": return receivable(lhs) < receivable(rhs)
            default: return lhs.name.lowercased() < rhs.name.lowercased()
            }
        }
    }

    /// `outstanding_receivable_amount`: the balance of the contact's sent, unpaid invoices.
    func receivable(_ contact: ZohoContact) -> Decimal {
        let precision = currency(id: contact.currencyID).precision
        return invoices(ofCustomer: contact.id).filter {
            $0.baseStatus != .void && ($0.baseStatus == .sent || $0.paymentMade > 0)
        }.reduce(Decimal(0)) { $0 + $1.balance(precision: precision) }
    }

    /// Unused credits: the unapplied part of the contact's payments.
    func unusedCredits(_ contact: ZohoContact) -> Decimal {
        payments.filter { $0.customerID == contact.id }.reduce(Decimal(0)) { $0 + $1.unusedAmount }
    }

    /// `name` (exact), `name_startswith`, `name_contains` for one field.
    private static func matches(_ value: String, _ query: [String: String], _ field: String) -> Bool {
        if let exact = query[field], !exact.isEmpty, value != exact { return false }
        if let prefix = query[field + "_startswith"], !prefix.isEmpty, !ZohoTextMatch.startsWith(value, prefix) {
            return false
        }
        if let part = query[field + "_contains"], !part.isEmpty, !ZohoTextMatch.contains(value, part) { return false }
        return true
    }
}
