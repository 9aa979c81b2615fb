import Foundation

/// What `POST /invoices` supplies for an invoice.
struct ZohoInvoiceInput: Sendable {
    struct Line: Sendable {
        var itemID = ""
        var name = ""
        var description = ""
        var rate: Decimal = 0
        var quantity: Decimal = 1
        var unit = ""
    }

    var customerID: String
    /// `yyyy-MM-dd`; nil: today in the organization's time zone.
    var date: String?
    /// Days; nil: the customer's payment terms.
    var paymentTerms: Int?
    var dueDate: String?
    var referenceNumber = ""
    /// Only used with `ignore_auto_number_generation=true`.
    var invoiceNumber: String?
    var lines: [Line]
    var notes = ""
    var terms = ""
}

extension ZohoBooksState {
    /// Creates a draft invoice in the customer's currency, numbered `INV-000001`, `INV-000002`, … unless
    /// `ignoreAutoNumber` and an `invoice_number` are given.
    /// - Throws: 3004 for a blank/unknown customer, 1001 for a used number, code 2 for bad lines or dates.
    mutating func createInvoice(
        _ input: ZohoInvoiceInput, ignoreAutoNumber: Bool, now: Date
    ) throws(ZohoAPIError) -> ZohoInvoice {
        guard let customer = contact(id: input.customerID) else { throw .badCustomer }
        guard !input.lines.isEmpty else { throw .invalidValue("line_items") }
        let date = input.date ?? today(now)
        guard time.parseDay(date) != nil else { throw .invalidValue("date") }
        let terms = input.paymentTerms ?? customer.paymentTerms
        let dueDate = input.dueDate ?? time.day(date, plusDays: terms) ?? date
        guard time.parseDay(dueDate) != nil else { throw .invalidValue("due_date") }
        var number: String
        if ignoreAutoNumber {
            guard let given = input.invoiceNumber, !given.isEmpty else { throw .invalidValue("invoice_number") }
            number = given
        } else {
            number = "INV-" + String(nextInvoiceNumber).leftPadded(to: 6)
        }
        guard !invoiceNumbers.contains(number) else { throw .invoiceNumberExists }
        if !ignoreAutoNumber { nextInvoiceNumber += 1 }
        var lines: [ZohoLineItem] = []
        for (index, line) in input.lines.enumerated() {
            guard line.quantity > 0 else { throw .invalidValue("quantity") }
            lines.append(ZohoLineItem(
                id: nextID(), itemID: line.itemID, name: line.name, description: line.description, rate: line.rate,
                quantity: line.quantity, unit: line.unit, order: index + 1))
        }
        let invoice = ZohoInvoice(
            id: nextID(), number: number, customerID: customer.id, date: date, dueDate: dueDate, paymentTerms: terms,
            referenceNumber: input.referenceNumber, currencyID: customer.currencyID, lines: lines, notes: input.notes,
            terms: input.terms, baseStatus: .draft, paymentMade: 0, isEmailed: false, lastPaymentDate: "",
            createdAt: now, modifiedAt: now)
        append(invoice)
        return invoice
    }

    /// Emails an invoice to `to` (or, when empty, every contact person with an email), marks it sent and emailed,
    /// and records the email. Returns whether it was the invoice's first email (`is_first_email`).
    /// - Throws: 1002 for an unknown id; code 2 (`to_mail_ids`, [ASSUME]) when there is no recipient.
    mutating func emailInvoice(id: String, to: [String], now: Date) throws(ZohoAPIError) -> Bool {
        let index = try invoiceIndex(id)
        let customer = contact(id: invoices[index].customerID)
        let recipients = to.isEmpty ? (customer?.allEmails ?? []) : to
        guard !recipients.isEmpty else { throw .noRecipient }
        let isFirst = emailCounts[id] == nil
        recordEmail(ZohoSentEmail(invoiceID: id, invoiceNumber: invoices[index].number, to: recipients, sentAt: now))
        invoices[index].isEmailed = true
        if invoices[index].baseStatus == .draft { invoices[index].baseStatus = .sent }
        invoices[index].modifiedAt = now
        return isFirst
    }

    /// `POST /invoices/{id}/status/sent`: a draft becomes sent (other statuses are left alone).
    /// - Throws: 1002 for an unknown id.
    mutating func markInvoiceSent(id: String, now: Date) throws(ZohoAPIError) {
        let index = try invoiceIndex(id)
        if invoices[index].baseStatus == .draft {
            invoices[index].baseStatus = .sent
            invoices[index].modifiedAt = now
        }
    }

    /// Voids an invoice; amounts paid on it become the customer's unused credit (the allocations are removed and
    /// the payments stamped `now`).
    /// - Throws: 1002 for an unknown id.
    mutating func voidInvoice(id: String, now: Date) throws(ZohoAPIError) {
        let index = try invoiceIndex(id)
        invoices[index].baseStatus = .void
        invoices[index].paymentMade = 0
        invoices[index].lastPaymentDate = ""
        invoices[index].modifiedAt = now
        for paymentIndex in payments.indices where payments[paymentIndex].allocations.contains(where: {
            $0.invoiceID == id
        }) {
            payments[paymentIndex].allocations.removeAll { $0.invoiceID == id }
            payments[paymentIndex].modifiedAt = now
        }
    }

    /// `GET /invoices`: filters `reference_number`, `invoice_number` (exact, plus `_startswith`/`_contains`),
    /// `customer_id`, `status`, `date`, `last_modified_time` (modified at or after), `filter_by=Status.*`;
    /// sort default `created_time` D.
    /// - Throws: code 2 for a bad paging, sort, status or timestamp value.
    func listInvoices(
        _ query: [String: String], maxPerPage: Int, now: Date
    ) throws(ZohoAPIError) -> ZohoPage<ZohoInvoice> {
        let request = try ZohoListRequest(
            query,
            allowedColumns: ["customer_name", "invoice_number", "date", "due_date", "total", "balance",
                             "created_time", "last_modified_time", "reference_number"],
            defaultColumn: "created_time", defaultOrder: "D", maxPerPage: maxPerPage)
        let statuses = ["draft", "sent", "overdue", "paid", "void", "unpaid", "partially_paid", "viewed"]
        var status = query["status"].flatMap { $0.isEmpty ? nil : $0 }
        if let filter = query["filter_by"], !filter.isEmpty {
            let value = filter.hasPrefix("Status.") ? String(filter.dropFirst(7)).lowercased() : ""
            guard value == "all" || statuses.contains(value) else { throw .invalidValue("filter_by") }
            if value != "all" { status = value }
        }
        if let status, !statuses.contains(status) { throw .invalidValue("status") }
        var modifiedSince: Date?
        if let text = query["last_modified_time"], !text.isEmpty {
            guard let date = time.parseTimestamp(text) else { throw .invalidValue("last_modified_time") }
            modifiedSince = date
        }
        let today = today(now)
        let matches = invoices.filter { invoice in
            let precision = currency(id: invoice.currencyID).precision
            let current = invoice.status(today: today, precision: precision)
            if let status {
                switch status {
                case "unpaid": if !["sent", "overdue", "partially_paid"].contains(current) { return false }
                case "sent": if !["sent", "overdue"].contains(current) { return false }
                case "viewed": return false
                default: if current != status { return false }
                }
            }
            if let since = modifiedSince, invoice.modifiedAt < since { return false }
            return Self.exact(invoice.referenceNumber, query["reference_number"])
                && Self.exact(invoice.customerID, query["customer_id"])
                && Self.exact(invoice.number, query["invoice_number"])
                && Self.exact(invoice.date, query["date"])
                && (query["invoice_number_startswith"].map { ZohoTextMatch.startsWith(invoice.number, $0) } ?? true)
                && (query["invoice_number_contains"].map { ZohoTextMatch.contains(invoice.number, $0) } ?? true)
        }
        return request.page(matches) { lhs, rhs in
            let precision = currency(id: lhs.currencyID).precision
            switch request.sortColumn {
            case "customer_name": return customerName(lhs.customerID) < customerName(rhs.customerID)
            case "invoice_number": return lhs.number < rhs.number
            case "date": return lhs.date < rhs.date
            case "due_date": return lhs.dueDate < rhs.dueDate
            case "total": return lhs.total(precision: precision) < rhs.total(precision: precision)
            case "balance": return lhs.balance(precision: precision) < rhs.balance(precision: precision)
            case "last_modified_time": return lhs.modifiedAt < rhs.modifiedAt
            case "reference_number": return lhs.referenceNumber < rhs.referenceNumber
            default: return lhs.createdAt < rhs.createdAt
            }
        }
    }

    /// `customer_name` of an invoice or payment.
    func customerName(_ customerID: String) -> String {
        contact(id: customerID)?.name ?? ""
    }

    /// The operator's view of an invoice.
    func summary(_ invoice: ZohoInvoice, now: Date) -> ZohoInvoiceSummary {
        let currency = currency(id: invoice.currencyID)
        return ZohoInvoiceSummary(
            invoiceID: invoice.id, invoiceNumber: invoice.number, referenceNumber: invoice.referenceNumber,
            customerID: invoice.customerID, status: invoice.status(today: today(now), precision: currency.precision),
            total: invoice.total(precision: currency.precision), balance: invoice.balance(precision: currency.precision),
            currencyCode: currency.code, emailsSent: emailCounts[invoice.id] ?? 0,
            lastModifiedTime: invoice.modifiedAt)
    }

    private static func exact(_ value: String, _ wanted: String?) -> Bool {
        guard let wanted, !wanted.isEmpty else { return true }
        return value == wanted
    }
}
