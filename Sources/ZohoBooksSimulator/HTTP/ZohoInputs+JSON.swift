import Foundation

extension ZohoContactInput {
    /// Reads a `POST /contacts` body (`contact_name`, `company_name`, `contact_type`, `currency_id`,
    /// `payment_terms`, `contact_persons[]`, `billing_address`, `notes`).
    /// - Throws: code 2 naming a field of the wrong type.
    init(json body: ZohoJSONObject) throws(ZohoAPIError) {
        guard let name = body["contact_name"]?.stringValue else { throw .invalidValue("contact_name") }
        self.init(name: name)
        companyName = body["company_name"]?.stringValue ?? ""
        contactType = body["contact_type"]?.stringValue ?? "customer"
        guard ["customer", "vendor"].contains(contactType) else { throw .invalidValue("contact_type") }
        currencyID = body["currency_id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        if let terms = body["payment_terms"] {
            guard let days = terms.intValue, days >= 0 else { throw .invalidValue("payment_terms") }
            paymentTerms = days
        }
        notes = body["notes"]?.stringValue ?? ""
        if let address = body["billing_address"] {
            billingAddress = ZohoAddress(
                street: address["address"]?.stringValue ?? "", city: address["city"]?.stringValue ?? "",
                state: address["state"]?.stringValue ?? "", zip: address["zip"]?.stringValue ?? "",
                country: address["country"]?.stringValue ?? "")
        }
        if let people = body["contact_persons"] {
            guard let elements = people.arrayValue else { throw .invalidValue("contact_persons") }
            persons = elements.map { person in
                Person(
                    firstName: person["first_name"]?.stringValue ?? "", lastName: person["last_name"]?.stringValue ?? "",
                    email: person["email"]?.stringValue ?? "", phone: person["phone"]?.stringValue ?? "",
                    isPrimary: person["is_primary_contact"]?.boolValue ?? false)
            }
        }
    }
}

extension ZohoInvoiceInput {
    /// Reads a `POST /invoices` body (`customer_id`, `line_items[]` with `item_id`, `name`, `description`, `rate`,
    /// `quantity`, `unit`; `date`, `due_date`, `payment_terms`, `reference_number`, `invoice_number`, `notes`,
    /// `terms`).
    /// - Throws: 3004 without a customer; code 2 naming a field of the wrong type.
    init(json body: ZohoJSONObject) throws(ZohoAPIError) {
        guard let customerID = body["customer_id"]?.stringValue, !customerID.isEmpty else { throw .badCustomer }
        guard let elements = body["line_items"]?.arrayValue else { throw .invalidValue("line_items") }
        var lines: [Line] = []
        for element in elements {
            var line = Line()
            line.itemID = element["item_id"]?.stringValue ?? ""
            line.name = element["name"]?.stringValue ?? ""
            line.description = element["description"]?.stringValue ?? ""
            line.unit = element["unit"]?.stringValue ?? ""
            if let rate = element["rate"] {
                guard let value = rate.decimalValue else { throw .invalidValue("rate") }
                line.rate = value
            }
            if let quantity = element["quantity"] {
                guard let value = quantity.decimalValue else { throw .invalidValue("quantity") }
                line.quantity = value
            }
            lines.append(line)
        }
        self.init(customerID: customerID, lines: lines)
        date = body["date"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        dueDate = body["due_date"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        if let terms = body["payment_terms"] {
            guard let days = terms.intValue, days >= 0 else { throw .invalidValue("payment_terms") }
            paymentTerms = days
        }
        referenceNumber = body["reference_number"]?.stringValue ?? ""
        invoiceNumber = body["invoice_number"]?.stringValue
        notes = body["notes"]?.stringValue ?? ""
        terms = body["terms"]?.stringValue ?? ""
    }
}

extension ZohoPaymentInput {
    /// Reads a `POST /customerpayments` body (`customer_id`, `payment_mode`, `amount`, `date`,
    /// `reference_number`, `description`, `invoices[]{invoice_id, amount_applied}`).
    /// - Throws: 3004 without a customer; code 2 naming a missing or mistyped field.
    init(json body: ZohoJSONObject) throws(ZohoAPIError) {
        guard let customerID = body["customer_id"]?.stringValue, !customerID.isEmpty else { throw .badCustomer }
        guard let amount = body["amount"]?.decimalValue else { throw .invalidValue("amount") }
        self.init(customerID: customerID, amount: amount)
        paymentMode = body["payment_mode"]?.stringValue ?? "cash"
        date = body["date"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        referenceNumber = body["reference_number"]?.stringValue ?? ""
        description = body["description"]?.stringValue ?? ""
        for element in body["invoices"]?.arrayValue ?? [] {
            guard let invoiceID = element["invoice_id"]?.stringValue else { throw .invalidValue("invoice_id") }
            guard let applied = element["amount_applied"]?.decimalValue else { throw .invalidValue("amount_applied") }
            invoices.append(Application(invoiceID: invoiceID, amount: applied))
        }
    }
}
