import Foundation

extension ZohoRenderer {
    /// The `invoice` of `GET /invoices/{id}` and `POST /invoices` (member subset of the recorded sample).
    func invoice(_ invoice: ZohoInvoice) -> ZohoJSON {
        let currency = state.currency(id: invoice.currencyID)
        let customer = state.contact(id: invoice.customerID)
        let total = invoice.total(precision: currency.precision)
        let status = invoice.status(today: state.today(now), precision: currency.precision)
        let members: [(String, ZohoJSON)] = [
            ("invoice_id", .string(invoice.id)), ("invoice_number", .string(invoice.number)),
            ("date", .string(invoice.date)), ("due_date", .string(invoice.dueDate)),
            ("issued_date", .string(issuedDate(invoice))), ("customer_id", .string(invoice.customerID)),
            ("customer_name", .string(customer?.name ?? "")), ("email", .string(customer?.email ?? "")),
            ("currency_id", .string(currency.id)), ("invoice_source", .string("Api")),
            ("currency_code", .string(currency.code)), ("currency_symbol", .string(currency.symbol)),
            ("currency_name_formatted", .string(currency.nameFormatted)), ("status", .string(status)),
            ("custom_fields", .array([])), ("custom_field_hash", .object(ZohoJSONObject())),
            ("payment_terms", .int(invoice.paymentTerms)),
            ("payment_terms_label", .string(zohoPaymentTermsLabel(invoice.paymentTerms))),
            ("payment_terms_id", .string("")), ("payment_made", money(invoice.paymentMade, currency)),
            ("zcrm_potential_id", .string("")), ("reference_number", .string(invoice.referenceNumber)),
            ("line_items", .array(invoice.lines.map { line($0, currency) })),
            ("exchange_rate", .int(1)), ("allow_partial_payments", .bool(false)),
            ("price_precision", .int(currency.precision)), ("sub_total", money(total, currency)),
            ("tax_total", .int(0)), ("discount_total", .int(0)), ("discount", .int(0)),
            ("discount_type", .string("item_level")), ("adjustment", .int(0)),
            ("adjustment_description", .string("")), ("shipping_charge", .int(0)),
            ("shipping_charge_exclusive_of_tax_formatted", .string(currency.formatted(0))),
            ("shipping_charge_inclusive_of_tax_formatted", .string(currency.formatted(0))),
            ("bcy_sub_total", money(total, currency)), ("bcy_tax_total", .int(0)),
            ("bcy_total", money(total, currency)), ("total", money(total, currency)),
            ("balance", money(invoice.balance(precision: currency.precision), currency)),
            ("write_off_amount", .int(0)), ("rounding_mode", .string("round_half_up")),
            ("is_inclusive_tax", .bool(false)), ("taxes", .array([])), ("payment_expected_date", .string("")),
            ("last_payment_date", .string(invoice.lastPaymentDate)),
            ("contact_persons", .array(customer?.persons.map { .string($0.id) } ?? [])),
            ("documents", .array([])), ("salesorder_id", .string("")), ("salesorder_number", .string("")),
            ("salesperson_id", .string("")), ("salesperson_name", .string("")),
            ("is_emailed", .bool(invoice.isEmailed)),
            ("reminders_sent", .int(0)), ("last_reminder_sent_date", .string("")),
            ("is_viewed_by_client", .bool(false)), ("client_viewed_time", .string("")),
            ("template_id", .string("")), ("template_name", .string("Standard Template")),
            ("template_type", .string("standard")), ("notes", .string(invoice.notes)), ("terms", .string(invoice.terms)),
            ("billing_address", address(customer?.billingAddress ?? ZohoAddress(), detailed: true)),
            ("shipping_address", address(ZohoAddress(), detailed: true)), ("invoice_url", .string("")),
            ("can_send_in_mail", .bool(!(customer?.allEmails.isEmpty ?? true))),
            ("created_time", timestamp(invoice.createdAt)), ("last_modified_time", timestamp(invoice.modifiedAt)),
            ("created_date", .string(time.day(invoice.createdAt))), ("created_by_id", .string("")),
            ("created_by_name", .string("")), ("last_modified_by_id", .string("")),
            ("sales_channel", .string("direct_sales")), ("current_sub_status_id", .string("")),
            ("current_sub_status", .string(status)), ("sub_statuses", .array([])),
            ("credits_applied", .int(0)), ("tax_amount_withheld", .int(0)), ("schedule_time", .string("")),
            ("tags", .array([])),
        ]
        return .object(ZohoJSONObject(members))
    }

    /// A row of `GET /invoices` (every member of the recorded list row).
    func invoiceRow(_ invoice: ZohoInvoice) -> ZohoJSON {
        let currency = state.currency(id: invoice.currencyID)
        let customer = state.contact(id: invoice.customerID)
        let status = invoice.status(today: state.today(now), precision: currency.precision)
        let billing = customer?.billingAddress ?? ZohoAddress()
        let members: [(String, ZohoJSON)] = [
            ("ach_payment_initiated", .bool(false)), ("invoice_id", .string(invoice.id)),
            ("zcrm_potential_id", .string("")), ("customer_id", .string(invoice.customerID)),
            ("zcrm_potential_name", .string("")), ("customer_name", .string(customer?.name ?? "")),
            ("company_name", .string(customer?.companyName ?? "")), ("status", .string(status)),
            ("invoice_number", .string(invoice.number)), ("reference_number", .string(invoice.referenceNumber)),
            ("date", .string(invoice.date)), ("due_date", .string(invoice.dueDate)),
            ("issued_date", .string(issuedDate(invoice))), ("due_days", .string(dueDays(invoice, status: status))),
            ("email", .string(customer?.email ?? "")), ("project_name", .string("")),
            ("billing_address", address(billing, zipKey: "zipcode", detailed: false)),
            ("shipping_address", address(ZohoAddress(), zipKey: "zipcode", detailed: false)),
            ("country", .string(billing.country)), ("phone", .string("")), ("created_by", .string("")),
            ("total", money(invoice.total(precision: currency.precision), currency)),
            ("balance", money(invoice.balance(precision: currency.precision), currency)),
            ("payment_expected_date", .string("")), ("custom_fields", .array([])),
            ("custom_field_hash", .object(ZohoJSONObject())), ("tags", .array([])),
            ("salesperson_name", .string("")), ("shipping_charge", .int(0)), ("adjustment", .int(0)),
            ("created_time", timestamp(invoice.createdAt)), ("last_modified_time", timestamp(invoice.modifiedAt)),
            ("updated_time", timestamp(invoice.modifiedAt)), ("is_viewed_by_client", .bool(false)),
            ("has_attachment", .bool(false)), ("client_viewed_time", .string("")),
            ("is_emailed", .bool(invoice.isEmailed)), ("color_code", .string("")),
            ("current_sub_status_id", .string("")), ("current_sub_status", .string(status)),
            ("currency_id", .string(currency.id)), ("schedule_time", .string("")),
            ("currency_code", .string(currency.code)), ("currency_symbol", .string(currency.symbol)),
            ("template_type", .string("standard")), ("invoice_url", .string("")),
            ("invoice_source", .string("Api")), ("sales_channel", .string("direct_sales")),
            ("transaction_type", .string("invoice")), ("reminders_sent", .int(0)),
            ("last_reminder_sent_date", .string("")), ("last_payment_date", .string(invoice.lastPaymentDate)),
            ("template_id", .string("")), ("documents", .string("")), ("salesperson_id", .string("")),
            ("write_off_amount", .int(0)), ("exchange_rate", .int(1)), ("unprocessed_payment_amount", .int(0)),
        ]
        return .object(ZohoJSONObject(members))
    }

    /// `GET /invoices/{id}/email`: the default mail, `data.to_contacts` being the customer's contact persons
    /// with an email (members from the invoices OpenAPI file), so a client can see there is no recipient.
    func emailContent(_ invoice: ZohoInvoice) -> ZohoJSON {
        let customer = state.contact(id: invoice.customerID)
        let persons = (customer?.persons ?? []).filter { !$0.email.isEmpty }
        let toContacts: [ZohoJSON] = persons.map { person in
            .object(ZohoJSONObject([
                ("first_name", .string(person.firstName)), ("selected", .bool(true)), ("phone", .string(person.phone)),
                ("email", .string(person.email)), ("last_name", .string(person.lastName)),
                ("salutation", .string("")), ("contact_person_id", .string(person.id)), ("mobile", .string("")),
            ]))
        }
        let data = ZohoJSONObject([
            ("body", .string("")), ("customer_name", .string(customer?.name ?? "")), ("entity_id", .string(invoice.id)),
            ("to_mails_str", .string(persons.map(\.email).joined(separator: ","))), ("cc_mails_str", .string("")),
            ("from_email", .string("")), ("error_list", .array([])),
            ("subject", .string("Invoice - \(invoice.number) from \(state.organizationName)")),
            ("to_contacts", .array(toContacts)),
            ("file_name", .string("\(invoice.number).pdf")),
        ])
        return Self.envelope(message: "success", [("data", .object(data))])
    }

    /// A `line_items[]` element.
    private func line(_ line: ZohoLineItem, _ currency: ZohoCurrency) -> ZohoJSON {
        .object(ZohoJSONObject([
            ("line_item_id", .string(line.id)), ("item_id", .string(line.itemID)), ("item_order", .int(line.order)),
            ("name", .string(line.name)), ("description", .string(line.description)), ("unit", .string(line.unit)),
            ("quantity", .number(line.quantity)), ("discount_amount", .int(0)), ("discount", .int(0)),
            ("bcy_rate", .number(line.rate)), ("rate", .number(line.rate)), ("tax_id", .string("")),
            ("tax_name", .string("")), ("tax_type", .string("tax")), ("tax_percentage", .int(0)),
            ("item_total", money(line.total(precision: currency.precision), currency)),
            ("item_custom_fields", .array([])), ("item_type", .string("sales")), ("sales_rate", .number(line.rate)),
            ("purchase_rate", .string("")), ("line_item_category", .string("line_item")),
        ]))
    }

    /// `issued_date`: the invoice date once it left draft, else `""` (recorded list rows).
    private func issuedDate(_ invoice: ZohoInvoice) -> String {
        invoice.baseStatus == .draft && invoice.paymentMade == 0 ? "" : invoice.date
    }

    /// `due_days`: "Due in 30 days" for an open sent invoice (recorded); "Due Today" and "Overdue by N days"
    /// [ASSUME]; `""` otherwise.
    private func dueDays(_ invoice: ZohoInvoice, status: String) -> String {
        guard ["sent", "overdue", "partially_paid"].contains(status),
            let due = time.parseDay(invoice.dueDate), let today = time.parseDay(state.today(now))
        else { return "" }
        let days = Int((due.timeIntervalSince(today) / 86_400).rounded())
        if days == 0 { return "Due Today" }
        let count = abs(days) == 1 ? "1 day" : "\(abs(days)) days"
        return days > 0 ? "Due in \(count)" : "Overdue by \(count)"
    }
}
