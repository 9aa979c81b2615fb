import Foundation

extension ZohoBooksSimulator {
    /// An operator action Zoho Books refused, with the code and message the API would give.
    public struct OperatorError: Error, Sendable, Hashable {
        /// Zoho error code, e.g. 24016 (amount above balance) or 1002 (no such record).
        public var code: Int
        /// Zoho error message.
        public var message: String
    }

    /// An amount of a customer payment applied to one invoice.
    public struct PaymentApplication: Sendable, Hashable, Codable {
        /// `invoice_id`.
        public var invoiceID: String
        /// `amount_applied`, in the invoice currency.
        public var amount: Decimal

        /// Applies `amount` to the invoice `invoiceID`.
        public init(invoiceID: String, amount: Decimal) {
            self.invoiceID = invoiceID
            self.amount = amount
        }
    }

    /// Records a customer payment as a Zoho user does: applied to one or several invoices (full or partial), the
    /// invoices' `payment_made`, `balance`, `status` and `last_payment_date` follow and both records are stamped.
    ///
    /// - Parameters:
    ///   - applications: invoices and amounts; the customer is the first invoice's.
    ///   - paymentMode: `payment_mode` (cash, check, banktransfer, …).
    ///   - date: `date` (`yyyy-MM-dd`); nil: today in the organization's time zone.
    ///   - stampedAt: `created_time`/`last_modified_time` (UTC); nil: now. Give several payments one instant to get
    ///     equal timestamps.
    ///   - commitLagSeconds: the payment stays invisible to the API for this long after `stampedAt`, then appears
    ///     with its older `last_modified_time` (commit lag). The invoices change at once.
    /// - Returns: the `payment_id`.
    /// - Throws: `OperatorError` 24016 (amount above balance), 1002 (unknown invoice), 3004, 2.
    @discardableResult
    public func recordPayment(
        _ applications: [PaymentApplication], paymentMode: String = "cash", date: String? = nil,
        stampedAt: Date? = nil, commitLagSeconds: Double = 0
    ) throws(OperatorError) -> String {
        try operate { state, now throws(ZohoAPIError) in
            var input = ZohoPaymentInput(paymentMode: paymentMode, date: date)
            input.invoices = applications.map { .init(invoiceID: $0.invoiceID, amount: $0.amount) }
            let stamp = stampedAt ?? now
            return try state.recordPayment(
                input, stampedAt: stamp, visibleFrom: stamp.addingTimeInterval(commitLagSeconds)).id
        }
    }

    /// Pays the whole balance of an invoice; returns the `payment_id`.
    /// - Throws: `OperatorError` 1002 (unknown invoice), 2 (nothing due or void).
    @discardableResult
    public func recordFullPayment(invoiceID: String, paymentMode: String = "cash") throws(OperatorError) -> String {
        let balance = try operate { state, now throws(ZohoAPIError) in
            state.summary(state.invoices[try state.invoiceIndex(invoiceID)], now: now).balance
        }
        return try recordPayment([PaymentApplication(invoiceID: invoiceID, amount: balance)], paymentMode: paymentMode)
    }

    /// Voids an invoice (payments on it become customer credit and are stamped).
    /// - Throws: `OperatorError` 1002 for an unknown invoice.
    public func voidInvoice(id: String) throws(OperatorError) {
        try operate { state, now throws(ZohoAPIError) in try state.voidInvoice(id: id, now: now) }
    }

    /// Deletes a customer payment (it disappears from lists; its invoices get their balance back).
    /// - Throws: `OperatorError` 1002 for an unknown payment.
    public func deletePayment(id: String) throws(OperatorError) {
        try operate { state, now throws(ZohoAPIError) in try state.deletePayment(id: id, now: now) }
    }

    /// Edits a contact's `contact_name` and/or primary contact person's email, stamping `last_modified_time`.
    /// - Throws: `OperatorError` 1002 (unknown contact), 3062 (name taken).
    public func editContact(id: String, name: String? = nil, email: String? = nil) throws(OperatorError) {
        try operate { state, now throws(ZohoAPIError) in
            _ = try state.editContact(id: id, name: name, email: email, now: now)
        }
    }

    /// The `contact_id` of the contact named exactly `name`, if any.
    public func contactID(named name: String) -> String? {
        state.withLock { state in state.contacts.first { $0.name == name }?.id }
    }

    /// Every invoice with `reference_number` equal to `referenceNumber` (duplicate checks), oldest first.
    public func invoices(referenceNumber: String) -> [ZohoInvoiceSummary] {
        let now = clock.now()
        return state.withLock { state in
            state.invoices.filter { $0.referenceNumber == referenceNumber }.map { state.summary($0, now: now) }
        }
    }

    /// Every invoice, oldest first.
    public func allInvoices() -> [ZohoInvoiceSummary] {
        let now = clock.now()
        return state.withLock { state in state.invoices.map { state.summary($0, now: now) } }
    }

    /// The emails sent so far, oldest first; only those of `invoiceID` when given.
    public func sentEmails(invoiceID: String? = nil) -> [ZohoSentEmail] {
        state.withLock { state in state.emails.filter { invoiceID == nil || $0.invoiceID == invoiceID } }
    }

    /// Revokes every access token (clients must refresh; the next API call answers 401 code 57).
    public func revokeAccessTokens() {
        state.withLock { $0.oauth.revokeAll() }
    }

    private func operate<R>(
        _ body: (inout ZohoBooksState, Date) throws(ZohoAPIError) -> R
    ) throws(OperatorError) -> R {
        do {
            return try withState(body)
        } catch {
            throw OperatorError(code: error.code, message: error.message)
        }
    }
}
