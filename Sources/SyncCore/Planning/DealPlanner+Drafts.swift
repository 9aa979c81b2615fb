import Foundation

extension DealPlanner {
    /// The Business Partner to create for the Opportunity's Account.
    func businessPartnerDraft(for opportunity: Opportunity) -> BusinessPartnerDraft {
        let account = opportunity.account!
        return BusinessPartnerDraft(
            externalReference: account.id,
            name: account.name,
            country: (account.billingCountry ?? "").uppercased(),
            city: account.billingCity ?? "",
            postalCode: account.billingPostalCode ?? "",
            street: (account.billingStreet ?? "").replacingOccurrences(of: "\n", with: ", "),
            language: settings.language,
            grouping: settings.businessPartnerGrouping,
            salesArea: settings.salesArea,
            currency: DealValidation.currency(of: opportunity, settings: settings))
    }

    /// The Sales Order to create; `soldToParty` is filled in when applied.
    func salesOrderDraft(for opportunity: Opportunity) -> SalesOrderDraft {
        let currency = DealValidation.currency(of: opportunity, settings: settings)
        let items = opportunity.lineItems.enumerated().map { index, line in
            SalesOrderItemDraft(
                itemNumber: (index + 1) * 10,
                material: line.productCode!.uppercased(),
                quantity: Quantity(line.quantity!, settings.defaultUnit),
                netPrice: Money(line.unitPrice!, currency),
                text: String((line.productName ?? line.productCode!).prefix(40)))
        }
        return SalesOrderDraft(
            purchaseOrderByCustomer: opportunity.id, soldToParty: "", salesArea: settings.salesArea,
            currency: currency, items: items, priceConditionType: settings.priceConditionType)
    }

    /// The Zoho contact to create for the Opportunity's Account.
    func contactDraft(for opportunity: Opportunity) -> ZohoContactDraft {
        let account = opportunity.account!
        let contact = opportunity.billingContact
        return ZohoContactDraft(
            name: account.name, firstName: contact?.firstName, lastName: contact?.lastName, email: contact?.email,
            currencyCode: DealValidation.currency(of: opportunity, settings: settings),
            billingStreet: account.billingStreet, billingCity: account.billingCity,
            billingPostalCode: account.billingPostalCode, billingCountry: account.billingCountry)
    }

    /// The Zoho invoice to create; `customerId` is filled in when applied.
    func invoiceDraft(for opportunity: Opportunity) -> ZohoInvoiceDraft {
        let lines = opportunity.lineItems.map { line in
            ZohoInvoiceLineDraft(
                name: line.productName ?? line.productCode!, description: line.description ?? line.productCode,
                rate: line.unitPrice!, quantity: line.quantity!, unit: settings.defaultUnit.lowercased())
        }
        return ZohoInvoiceDraft(
            customerId: "", referenceNumber: settings.invoiceReference(for: opportunity.id),
            date: opportunity.closeDate ?? CalendarDate(utc: opportunity.lastModifiedDate),
            paymentTermsDays: settings.paymentTermsDays,
            currencyCode: DealValidation.currency(of: opportunity, settings: settings), lineItems: lines)
    }
}
