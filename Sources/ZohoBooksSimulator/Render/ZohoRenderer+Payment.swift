import Foundation

extension ZohoRenderer {
    /// The `payment` of `GET /customerpayments/{id}` and `POST /customerpayments` (member subset of the
    /// recorded sample): `invoices[]` with `amount_applied` per invoice, `updated_time`, no `last_modified_time`.
    func payment(_ payment: ZohoCustomerPayment) -> ZohoJSON {
        let currency = currency(of: payment)
        let applications: [ZohoJSON] = payment.allocations.map { allocation in
            let invoice = state.invoice(id: allocation.invoiceID)
            let invoiceCurrency = invoice.map { state.currency(id: $0.currencyID) } ?? currency
            return .object(ZohoJSONObject([
                ("invoice_number", .string(invoice?.number ?? "")), ("invoice_payment_id", .string(allocation.id)),
                ("invoice_id", .string(allocation.invoiceID)), ("invoice_customer_id", .string("")),
                ("invoice_customer_name", .string("")), ("amount_applied", money(allocation.amount, currency)),
                ("tax_amount_withheld", .int(0)), ("discount_amount", .int(0)),
                ("total", money(invoice?.total(precision: invoiceCurrency.precision) ?? 0, invoiceCurrency)),
                ("balance", money(invoice?.balance(precision: invoiceCurrency.precision) ?? 0, invoiceCurrency)),
                ("date", .string(invoice?.date ?? "")), ("due_date", .string(invoice?.dueDate ?? "")),
                ("price_precision", .int(invoiceCurrency.precision)), ("apply_date", .string(allocation.applyDate)),
                ("allow_partial_payments", .string("")), ("is_early_payment_discount_applicable", .bool(false)),
                ("invoice_installments", .array([])), ("installments", .array([])),
            ]))
        }
        let members: [(String, ZohoJSON)] = [
            ("payment_id", .string(payment.id)), ("payment_number", .string(payment.number)),
            ("created_by", .string("")), ("created_time", timestamp(payment.createdAt)),
            ("updated_time", timestamp(payment.modifiedAt)), ("payment_number_prefix", .string("")),
            ("payment_number_suffix", .string(payment.number)), ("documents", .array([])),
            ("customer_id", .string(payment.customerID)),
            ("customer_name", .string(state.customerName(payment.customerID))),
            ("payment_mode", .string(payment.paymentMode)), ("card_type", .string("")),
            ("date", .string(payment.date)), ("account_id", .string("")),
            ("account_name", .string("Undeposited Funds")), ("account_type", .string("cash")),
            ("currency_id", .string(currency.id)), ("currency_symbol", .string(currency.symbol)),
            ("currency_code", .string(currency.code)), ("exchange_rate", .int(1)),
            ("amount", money(payment.amount, currency)), ("unused_amount", money(payment.unusedAmount, currency)),
            ("bank_charges", .int(0)), ("tax_amount_withheld", .int(0)), ("discount_amount", .int(0)),
            ("description", .string(payment.description)), ("reference_number", .string(payment.referenceNumber)),
            ("online_transaction_id", .string("")), ("payment_gateway", .string("")),
            ("settlement_status", .string("")), ("invoices", .array(applications)),
            ("payment_status", .string("paid")), ("payment_refunds", .array([])),
            ("last_four_digits", .string("")), ("template_type", .string("elite")),
            ("custom_fields", .array([])), ("custom_field_hash", .object(ZohoJSONObject())),
            ("price_precision", .int(currency.precision)), ("rounding_mode", .string("round_half_up")),
            ("tags", .array([])),
        ]
        return .object(ZohoJSONObject(members))
    }

    /// A row of `GET /customerpayments` (every member of the recorded list row): no per-invoice amounts
    /// (`applied_invoices` is empty), `invoice_numbers` as one comma-separated string, `last_modified_time`.
    func paymentRow(_ payment: ZohoCustomerPayment) -> ZohoJSON {
        let currency = currency(of: payment)
        let numbers = payment.allocations.compactMap { allocation in
            state.invoice(id: allocation.invoiceID)?.number
        }
        let members: [(String, ZohoJSON)] = [
            ("payment_id", .string(payment.id)), ("payment_number", .string(payment.number)),
            ("invoice_numbers", .string(numbers.joined(separator: ", "))), ("date", .string(payment.date)),
            ("payment_mode", .string(payment.paymentMode)), ("payment_mode_formatted", .string(payment.paymentMode)),
            ("amount", money(payment.amount, currency)), ("bcy_amount", money(payment.amount, currency)),
            ("unused_amount", money(payment.unusedAmount, currency)),
            ("bcy_unused_amount", money(payment.unusedAmount, currency)), ("account_id", .string("")),
            ("account_name", .string("Undeposited Funds")), ("description", .string(payment.description)),
            ("reference_number", .string(payment.referenceNumber)), ("customer_id", .string(payment.customerID)),
            ("customer_name", .string(state.customerName(payment.customerID))),
            ("created_time", timestamp(payment.createdAt)), ("last_modified_time", timestamp(payment.modifiedAt)),
            ("last_four_digits", .string("")), ("gateway_transaction_id", .string("")),
            ("payment_gateway", .string("")), ("bcy_refunded_amount", .int(0)), ("applied_invoices", .array([])),
            ("has_attachment", .bool(false)), ("tags", .array([])), ("documents", .string("")),
            ("custom_fields_list", .string("")), ("tax_account_id", .string("")), ("tax_account_name", .string("")),
            ("tax_amount_withheld", .int(0)), ("payment_type", .string("Invoice Payment")),
            ("payment_status", .string("paid")), ("settlement_status", .string("")), ("sales_channel", .string("")),
        ]
        return .object(ZohoJSONObject(members))
    }

    /// A payment is in its customer's currency.
    private func currency(of payment: ZohoCustomerPayment) -> ZohoCurrency {
        state.currency(id: state.contact(id: payment.customerID)?.currencyID ?? "")
    }
}
