import Foundation
import SyncCore
import SyncStore

extension ReconcileSession {
    /// Carries out one SAP or Zoho action.
    ///
    /// With `lookupFirst` (an earlier attempt was started but never recorded as applied), the target is first
    /// looked up by the reference CRMSync set on it, so a crash between a create and its record never duplicates;
    /// the common path pays no lookup.
    /// - Returns: the applied action with its mappings, or `nil` when a prerequisite (sold-to party, Zoho customer,
    ///   invoice) is missing because an earlier step of the same deal failed.
    func perform(_ action: ReconcileAction, lookupFirst: Bool) async throws -> AppliedAction? {
        switch action.operation {
        case .ensureBusinessPartner(let draft):
            var partner = lookupFirst ? try await engine.sap.findBusinessPartner(externalReference: draft.externalReference) : nil
            if partner == nil { partner = try await engine.sap.createBusinessPartner(draft) }
            var mapping = accounts[draft.externalReference] ?? AccountMapping(accountID: draft.externalReference)
            mapping.sapBusinessPartner = partner!.number
            mapping.sapCustomer = partner!.customer.isEmpty ? partner!.number : partner!.customer
            return AppliedAction(action: action, resultReference: partner!.number, account: mapping)

        case .createSalesOrder(let accountID, var draft):
            guard let soldTo = accounts[accountID]?.sapCustomer else { return nil }
            draft.soldToParty = soldTo
            var order = lookupFirst ? try await engine.sap.findSalesOrder(purchaseOrderByCustomer: draft.purchaseOrderByCustomer) : nil
            if order == nil { order = try await engine.sap.createSalesOrder(draft) }
            var deal = deals[draft.purchaseOrderByCustomer] ?? DealMapping(opportunityID: draft.purchaseOrderByCustomer)
            deal.sapSalesOrder = order!.number
            deal.currency = draft.currency
            return AppliedAction(action: action, resultReference: order!.number, deal: deal)

        case .ensureZohoContact(let accountID, let draft):
            var contact = lookupFirst ? try await engine.zoho.findContact(name: draft.name) : nil
            if contact == nil {
                do {
                    contact = try await engine.zoho.createContact(draft)
                } catch let error as SyncError where error.code == .conflict {
                    // contact_name is unique per organization: a contact made by people (or by a lost attempt) exists.
                    guard let existing = try await engine.zoho.findContact(name: draft.name) else { throw error }
                    contact = existing
                }
            }
            var mapping = accounts[accountID] ?? AccountMapping(accountID: accountID)
            mapping.zohoContactID = contact!.id
            mapping.zohoContactEmail = contact!.email ?? draft.email
            return AppliedAction(action: action, resultReference: contact!.id, account: mapping)

        case .createInvoice(let accountID, var draft, let send):
            guard let customerID = accounts[accountID]?.zohoContactID else { return nil }
            draft.customerId = customerID
            let opportunityID = action.recordID
            var invoice = lookupFirst ? try await engine.zoho.findInvoice(referenceNumber: draft.referenceNumber) : nil
            var emailed = send
            if let found = invoice {
                emailed = found.isEmailed
                if send, !found.isEmailed, let email = accounts[accountID]?.zohoContactEmail {
                    try await engine.zoho.emailInvoice(id: found.id, to: [email])
                    emailed = true
                }
            } else {
                invoice = try await engine.zoho.createInvoice(draft, send: send)
            }
            var deal = deals[opportunityID] ?? DealMapping(opportunityID: opportunityID)
            deal.zohoInvoiceID = invoice!.id
            deal.zohoInvoiceNumber = invoice!.number
            deal.invoiceEmailed = emailed
            deal.currency = draft.currencyCode
            return AppliedAction(action: action, resultReference: invoice!.number, deal: deal)

        case .emailInvoice(let opportunityID, let recipients):
            guard var deal = deals[opportunityID], let invoiceID = deal.zohoInvoiceID else { return nil }
            var alreadySent = false
            if lookupFirst, let invoice = try await engine.zoho.invoice(id: invoiceID) { alreadySent = invoice.isEmailed }
            if !alreadySent { try await engine.zoho.emailInvoice(id: invoiceID, to: recipients) }
            deal.invoiceEmailed = true
            return AppliedAction(action: action, resultReference: deal.zohoInvoiceNumber, deal: deal)

        case .writeBackDeal, .writeBackPayment, .updateProductStock, .rejectRecord:
            preconditionFailure("\(action.operation.kind) is not applied one by one")
        }
    }
}
