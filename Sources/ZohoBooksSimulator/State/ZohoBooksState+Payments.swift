import Foundation

/// What `POST /customerpayments` (or the operator) supplies for a customer payment.
struct ZohoPaymentInput: Sendable {
    struct Application: Sendable {
        var invoiceID: String
        /// `amount_applied`.
        var amount: Decimal
    }

    /// nil: the customer of the first invoice (operator only; the API requires it).
    var customerID: String?
    var paymentMode = "cash"
    /// nil: the sum of the applied amounts.
    var amount: Decimal?
    /// `yyyy-MM-dd`; nil: today.
    var date: String?
    var referenceNumber = ""
    var description = ""
    var invoices: [Application] = []
}

extension ZohoBooksState {
    /// Records a payment: applies it to its invoices (raising `payment_made`, setting `last_payment_date`, so
    /// the status becomes partially_paid or paid) and stamps the payment and those invoices `stampedAt`.
    /// The payment is hidden from the API until `visibleFrom` (commit lag).
    /// - Throws: 3004 for a blank/unknown customer, 1002 for an unknown invoice, 24016 when an amount exceeds the
    ///   invoice balance, code 2 for other bad values.
    mutating func recordPayment(
        _ input: ZohoPaymentInput, stampedAt: Date, visibleFrom: Date
    ) throws(ZohoAPIError) -> ZohoCustomerPayment {
        var customerID = input.customerID
        if customerID == nil, let first = input.invoices.first {
            customerID = invoices[try invoiceIndex(first.invoiceID)].customerID
        }
        guard let customerID, contact(id: customerID) != nil else { throw .badCustomer }
        let date = input.date ?? today(stampedAt)
        guard time.parseDay(date) != nil else { throw .invalidValue("date") }
        var applied: [String: Decimal] = [:]
        for application in input.invoices {
            let invoice = invoices[try invoiceIndex(application.invoiceID)]
            guard invoice.customerID == customerID, invoice.baseStatus != .void else {
                throw .invalidValue("invoice_id")  // [ASSUME] code for a foreign or void invoice.
            }
            guard application.amount > 0 else { throw .invalidValue("amount_applied") }
            let total = (applied[invoice.id] ?? 0) + application.amount
            guard total <= invoice.balance(precision: currency(id: invoice.currencyID).precision) else {
                throw .amountAboveBalance
            }
            applied[invoice.id] = total
        }
        let appliedSum = input.invoices.reduce(Decimal(0)) { $0 + $1.amount }
        let amount = input.amount ?? appliedSum
        guard amount > 0, amount >= appliedSum else { throw .invalidValue("amount") }
        var allocations: [ZohoPaymentAllocation] = []
        for application in input.invoices {
            let index = try invoiceIndex(application.invoiceID)
            invoices[index].paymentMade += application.amount
            invoices[index].lastPaymentDate = max(invoices[index].lastPaymentDate, date)
            invoices[index].modifiedAt = stampedAt
            allocations.append(ZohoPaymentAllocation(
                id: nextID(), invoiceID: application.invoiceID, amount: application.amount, applyDate: date))
        }
        let payment = ZohoCustomerPayment(
            id: nextID(), number: String(nextPaymentNumber), customerID: customerID, paymentMode: input.paymentMode,
            amount: amount, date: date, referenceNumber: input.referenceNumber, description: input.description,
            allocations: allocations, createdAt: stampedAt, modifiedAt: stampedAt, visibleFrom: visibleFrom)
        nextPaymentNumber += 1
        payments.append(payment)
        return payment
    }

    /// Deletes a payment; its invoices get their balance back (status back to sent or partially_paid) and are
    /// stamped `now`. Deleted payments simply disappear from lists (no tombstone, zoho.md §10).
    /// - Throws: 1002 for an unknown id.
    mutating func deletePayment(id: String, now: Date) throws(ZohoAPIError) {
        guard let index = payments.positionOfID(id, \.id) else { throw .paymentNotFound }
        let payment = payments.remove(at: index)
        for allocation in payment.allocations {
            guard let invoiceIndex = invoices.positionOfID(allocation.invoiceID, \.id) else { continue }
            invoices[invoiceIndex].paymentMade -= allocation.amount
            invoices[invoiceIndex].lastPaymentDate = payments.flatMap(\.allocations)
                .filter { $0.invoiceID == allocation.invoiceID }.map(\.applyDate).max() ?? ""
            invoices[invoiceIndex].modifiedAt = now
        }
    }

    /// The payment with `id` if visible at `now`.
    /// - Throws: 1002 for an unknown or not yet visible id.
    func payment(id: String, now: Date) throws(ZohoAPIError) -> ZohoCustomerPayment {
        guard let index = payments.positionOfID(id, \.id), payments[index].visibleFrom <= now else {
            throw .paymentNotFound
        }
        return payments[index]
    }

    /// `GET /customerpayments`: filters `customer_id`, `payment_mode`, `reference_number`, `date`,
    /// `last_modified_time` (inclusive `>=`, [ASSUME] per zoho.md §10); sort default `date` D.
    /// - Throws: code 2 for a bad paging, sort or timestamp value.
    func listPayments(
        _ query: [String: String], maxPerPage: Int, now: Date
    ) throws(ZohoAPIError) -> ZohoPage<ZohoCustomerPayment> {
        let request = try ZohoListRequest(
            query,
            allowedColumns: ["date", "last_modified_time", "created_time", "amount", "payment_number",
                             "customer_name", "reference_number", "payment_mode"],
            defaultColumn: "date", defaultOrder: "D", maxPerPage: maxPerPage)
        var modifiedSince: Date?
        if let text = query["last_modified_time"], !text.isEmpty {
            guard let date = time.parseTimestamp(text) else { throw .invalidValue("last_modified_time") }
            modifiedSince = date
        }
        let matches = payments.filter { payment in
            guard payment.visibleFrom <= now else { return false }
            if let since = modifiedSince, payment.modifiedAt < since { return false }
            for (name, value) in [("customer_id", payment.customerID), ("payment_mode", payment.paymentMode),
                                  ("reference_number", payment.referenceNumber), ("date", payment.date)] {
                if let wanted = query[name], !wanted.isEmpty, wanted != value { return false }
            }
            return true
        }
        return request.page(matches) { lhs, rhs in
            switch request.sortColumn {
            case "last_modified_time": return lhs.modifiedAt < rhs.modifiedAt
            case "created_time": return lhs.createdAt < rhs.createdAt
            case "amount": return lhs.amount < rhs.amount
            case "payment_number": return (Int(lhs.number) ?? 0) < (Int(rhs.number) ?? 0)
            case "customer_name": return customerName(lhs.customerID) < customerName(rhs.customerID)
            case "reference_number": return lhs.referenceNumber < rhs.referenceNumber
            case "payment_mode": return lhs.paymentMode < rhs.paymentMode
            default: return lhs.date < rhs.date
            }
        }
    }
}
