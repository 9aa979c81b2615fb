import Foundation

extension ZohoRenderer {
    /// The `contact` of `GET /contacts/{id}` and `POST /contacts` (member subset of the recorded sample).
    func contact(_ contact: ZohoContact) -> ZohoJSON {
        let currency = state.currency(id: contact.currencyID)
        let receivable = state.receivable(contact)
        let credits = state.unusedCredits(contact)
        let primary = contact.primaryPerson
        let created = time.day(contact.createdAt)
        let members: [(String, ZohoJSON)] = [
            ("contact_id", .string(contact.id)), ("contact_name", .string(contact.name)),
            ("company_name", .string(contact.companyName)), ("contact_tax_information", .string("")),
            ("first_name", .string(primary?.firstName ?? "")), ("last_name", .string(primary?.lastName ?? "")),
            ("designation", .string("")), ("department", .string("")), ("website", .string("")),
            ("is_bcy_only_contact", .bool(currency.isBase)), ("language_code", .string("")),
            ("language_code_formatted", .string("")), ("contact_salutation", .string("")),
            ("email", .string(contact.email)), ("phone", .string(primary?.phone ?? "")), ("mobile", .string("")),
            ("portal_status", .string("disabled")),
            ("has_transaction", .bool(state.invoicePositionsByCustomer[contact.id] != nil)),
            ("contact_type", .string(contact.contactType)), ("customer_sub_type", .string("business")),
            ("owner_id", .string("")), ("owner_name", .string("")), ("source", .string("api")),
            ("documents", .array([])), ("twitter", .string("")), ("facebook", .string("")),
            ("is_crm_customer", .bool(false)), ("is_linked_with_zohocrm", .bool(false)),
            ("primary_contact_id", .string(primary?.id ?? "")), ("zcrm_account_id", .string("")),
            ("zcrm_contact_id", .string("")), ("payment_terms", .int(contact.paymentTerms)),
            ("payment_terms_label", .string(zohoPaymentTermsLabel(contact.paymentTerms))),
            ("credit_limit_exceeded_amount", .int(0)), ("currency_id", .string(currency.id)),
            ("currency_code", .string(currency.code)), ("currency_symbol", .string(currency.symbol)),
            ("price_precision", .int(currency.precision)), ("exchange_rate", .string("")),
            ("opening_balance_amount", .int(0)),
            ("outstanding_receivable_amount", money(receivable, currency)),
            ("outstanding_receivable_amount_bcy", money(receivable, currency)),
            ("outstanding_payable_amount", .int(0)), ("outstanding_payable_amount_bcy", .int(0)),
            ("unused_credits_receivable_amount", money(credits, currency)),
            ("unused_credits_receivable_amount_bcy", money(credits, currency)),
            ("unused_credits_payable_amount", .int(0)), ("unused_credits_payable_amount_bcy", .int(0)),
            ("unused_retainer_payments", .int(0)), ("status", .string("active")),
            ("payment_reminder_enabled", .bool(true)), ("custom_fields", .array([])),
            ("custom_field_hash", .object(ZohoJSONObject())), ("track_1099", .bool(false)),
            ("tax_id_type", .string("")), ("tax_id_value", .string("")), ("account_id", .string("")),
            ("account_name", .string("")), ("sales_channel", .string("direct_sales")), ("ach_supported", .bool(false)),
            ("billing_address", address(contact.billingAddress, detailed: false)),
            ("shipping_address", address(ZohoAddress(), detailed: false)),
            ("contact_persons", .array(contact.persons.map(person))), ("addresses", .array([])),
            ("pricebook_id", .string("")), ("pricebook_name", .string("")), ("notes", .string(contact.notes)),
            ("created_time", timestamp(contact.createdAt)), ("created_date", .string(time.formattedDay(created))),
            ("created_by_name", .string("")), ("created_by_id", .string("")), ("last_modified_by_id", .string("")),
            ("last_modified_time", timestamp(contact.modifiedAt)), ("tags", .array([])),
            ("customer_currency_summaries", .array([.object(ZohoJSONObject([
                ("currency_id", .string(currency.id)), ("currency_code", .string(currency.code)),
                ("currency_symbol", .string(currency.symbol)), ("price_precision", .int(currency.precision)),
                ("is_base_currency", .bool(currency.isBase)),
                ("currency_name_formatted", .string(currency.nameFormatted)),
                ("outstanding_receivable_amount", money(receivable, currency)),
                ("unused_credits_receivable_amount", money(credits, currency)),
            ]))])),
            ("approvers_list", .array([])),
        ]
        return .object(ZohoJSONObject(members))
    }

    /// A row of `GET /contacts` (every member of the recorded list row).
    func contactRow(_ contact: ZohoContact) -> ZohoJSON {
        let currency = state.currency(id: contact.currencyID)
        let receivable = state.receivable(contact)
        let credits = state.unusedCredits(contact)
        let primary = contact.primaryPerson
        let members: [(String, ZohoJSON)] = [
            ("contact_id", .string(contact.id)), ("contact_name", .string(contact.name)),
            ("customer_name", .string(contact.name)), ("vendor_name", .string(contact.name)),
            ("company_name", .string(contact.companyName)), ("website", .string("")), ("language_code", .string("")),
            ("language_code_formatted", .string("")), ("contact_type", .string(contact.contactType)),
            ("contact_type_formatted", .string(contact.contactType == "vendor" ? "Vendor" : "Customer")),
            ("status", .string("active")), ("customer_sub_type", .string("business")), ("source", .string("api")),
            ("is_linked_with_zohocrm", .bool(false)), ("payment_terms", .int(contact.paymentTerms)),
            ("payment_terms_id", .string("")),
            ("payment_terms_label", .string(zohoPaymentTermsLabel(contact.paymentTerms))),
            ("currency_id", .string(currency.id)), ("twitter", .string("")), ("facebook", .string("")),
            ("currency_code", .string(currency.code)),
            ("outstanding_receivable_amount", money(receivable, currency)),
            ("outstanding_receivable_amount_bcy", money(receivable, currency)),
            ("outstanding_payable_amount", .int(0)), ("outstanding_payable_amount_bcy", .int(0)),
            ("unused_credits_receivable_amount", money(credits, currency)),
            ("unused_credits_receivable_amount_bcy", money(credits, currency)),
            ("unused_credits_payable_amount", .int(0)), ("unused_credits_payable_amount_bcy", .int(0)),
            ("first_name", .string(primary?.firstName ?? "")), ("last_name", .string(primary?.lastName ?? "")),
            ("email", .string(contact.email)), ("phone", .string(primary?.phone ?? "")), ("mobile", .string("")),
            ("portal_status", .string("disabled")), ("portal_status_formatted", .string("Disabled")),
            ("track_1099", .bool(false)), ("created_time", timestamp(contact.createdAt)),
            ("created_time_formatted", .string(time.formattedDay(time.day(contact.createdAt)))),
            ("last_modified_time", timestamp(contact.modifiedAt)),
            ("last_modified_time_formatted", .string(time.formattedDay(time.day(contact.modifiedAt)))),
            ("custom_fields", .array([])), ("custom_field_hash", .object(ZohoJSONObject())),
            ("contactperson_custom_fields", .array([])), ("tags", .array([])), ("ach_supported", .bool(false)),
            ("has_attachment", .bool(false)),
        ]
        return .object(ZohoJSONObject(members))
    }

    /// A `contact_persons[]` element (members from the contacts OpenAPI file).
    func person(_ person: ZohoContactPerson) -> ZohoJSON {
        .object(ZohoJSONObject([
            ("contact_person_id", .string(person.id)), ("salutation", .string("")),
            ("first_name", .string(person.firstName)), ("last_name", .string(person.lastName)),
            ("email", .string(person.email)), ("phone", .string(person.phone)), ("mobile", .string("")),
            ("designation", .string("")), ("department", .string("")), ("skype", .string("")),
            ("is_primary_contact", .bool(person.isPrimary)), ("enable_portal", .bool(false)),
        ]))
    }
}
