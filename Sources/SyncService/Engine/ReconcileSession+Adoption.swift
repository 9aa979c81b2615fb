import Foundation
import SyncCore
import SyncStore

extension ReconcileSession {
    /// Adopts the SAP Sales Orders and Zoho invoices that an Opportunity shows as written back but the state store
    /// does not know (a lost, replaced or empty state store), instead of creating them again.
    ///
    /// For each won Opportunity of the page without a deal mapping whose `SAP_Order_Number__c` or
    /// `Zoho_Invoice_Number__c` is set, the document is verified in its system: the Sales Order by number
    /// (`A_SalesOrder('<number>')`, whose `PurchaseOrderByCustomer` must be the Opportunity Id) and the invoice by
    /// its reference (`reference_number` = `SF-<Opportunity Id>`, whose `invoice_number` must be the one shown).
    /// Verified documents are journaled as the applied create with their mappings, and the Account's sold-to party
    /// (the order's `SoldToParty`) and Zoho contact (the invoice's `customer_id`) are recorded too, so later deals of
    /// the Account create no second Business Partner or contact. Once one deal needed adopting, every create of the
    /// pass first looks its target up by reference (see ``lookupByReference``). A deal with a mapping, or one that
    /// shows no number, costs no call here.
    /// - Returns: the Opportunity Ids that could not be verified because their system failed or is stopped; nothing
    ///   is planned for them in this pass and they stay behind the watermark.
    /// - Throws: `SyncError` `.stateStore` (or `.leaseLost`) when recording fails.
    func adoptWrittenBackDeals(_ page: [Opportunity], planner: DealPlanner) async throws -> Set<String> {
        var held: Set<String> = []
        var applied: [AppliedAction] = []
        for opportunity in page where opportunity.isWon && !opportunity.isDeleted && deals[opportunity.id] == nil {
            let shown = opportunity.syncFields
            let orderNumber = planner.flows.contains(.orders) ? shown.sapOrderNumber : nil
            let invoiceNumber = planner.flows.contains(.invoices) ? shown.zohoInvoiceNumber : nil
            guard orderNumber != nil || invoiceNumber != nil, let accountID = opportunity.account?.id else { continue }
            lookupByReference = true
            let planned = planner.plan(opportunity, account: accounts[accountID], deal: nil)
            var deal = DealMapping(opportunityID: opportunity.id)
            var account = accounts[accountID] ?? AccountMapping(accountID: accountID)
            var adopted: [(action: ReconcileAction, reference: String)] = []
            do {
                if let orderNumber, let create = planned.first(where: { $0.operation.kind == "create_sales_order" }),
                   case .createSalesOrder(_, let draft) = create.operation {
                    try checkNotStopped(.sap)
                    if let order = try await engine.sap.salesOrder(number: orderNumber),
                       order.purchaseOrderByCustomer == draft.purchaseOrderByCustomer {
                        deal.sapSalesOrder = order.number
                        deal.currency = draft.currency
                        if account.sapCustomer == nil { account.sapCustomer = order.soldToParty }
                        adopted.append((create, order.number))
                    }
                }
                if let invoiceNumber, let create = planned.first(where: { $0.operation.kind == "create_invoice" }),
                   case .createInvoice(_, let draft, _) = create.operation {
                    try checkNotStopped(.zohoBooks)
                    if let invoice = try await engine.zoho.findInvoice(referenceNumber: draft.referenceNumber),
                       invoice.number == invoiceNumber {
                        deal.zohoInvoiceID = invoice.id
                        deal.zohoInvoiceNumber = invoice.number
                        deal.invoiceEmailed = invoice.isEmailed
                        deal.currency = deal.currency ?? draft.currencyCode
                        if account.zohoContactID == nil { account.zohoContactID = invoice.customerId }
                        adopted.append((create, invoice.number))
                    }
                }
            } catch let error as SyncError where error.system != .stateStore && error.code != .leaseLost {
                held.insert(opportunity.id)
                let flow: SyncFlow = error.system == .sap ? .orders : .invoices
                if breaker.failure(error.system, error) { await stop(error.system, error, flow: flow) }
                continue
            }
            guard !adopted.isEmpty else { continue }
            deals[opportunity.id] = deal
            accounts[accountID] = account
            applied += adopted.map { AppliedAction(action: $0.action, resultReference: $0.reference, account: account, deal: deal) }
            logger.info("deal adopted from the numbers on its Opportunity", metadata: [
                "sync.record.id": "\(opportunity.id)", "sap.salesOrder": "\(deal.sapSalesOrder ?? "-")",
                "zoho.invoiceNumber": "\(deal.zohoInvoiceNumber ?? "-")",
            ])
        }
        if !dryRun, !applied.isEmpty { try await store.recordApplied(applied, now: engine.now()) }
        return held
    }

    /// Throws the error that stopped `system` in this pass, if it is stopped.
    private func checkNotStopped(_ system: SyncSystem) throws {
        if let reason = breaker.stopped[system] { throw reason }
    }
}
