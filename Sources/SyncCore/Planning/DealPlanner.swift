import Foundation

/// Plans the deal flows (orders, invoices) for one observed Opportunity. Pure: no I/O.
///
/// Order of actions for a new Closed Won deal with both flows on:
/// 1. `ensureBusinessPartner` (only when the Account has no SAP customer yet),
/// 2. `createSalesOrder`,
/// 3. `ensureZohoContact` (only when the Account has no Zoho contact yet),
/// 4. `createInvoice` (with `send` when the deal has a contact with an email),
/// 5. `writeBackDeal`.
/// A deal whose mapping already holds the order and invoice, and whose Opportunity already shows the numbers and
/// status CRMSync wrote, plans nothing: our own write-backs move `LastModifiedDate` but change nothing here.
/// Bad input plans one `rejectRecord` per flow instead of that flow's calls.
public struct DealPlanner: Sendable {
    /// The business settings.
    public var settings: SyncSettings
    /// The flows to plan for (a subset of `.orders`, `.invoices`).
    public var flows: Set<SyncFlow>

    public init(settings: SyncSettings, flows: Set<SyncFlow>) {
        self.settings = settings
        self.flows = flows
    }

    /// Plans the actions for one Opportunity.
    /// - Parameters:
    ///   - opportunity: as read from Salesforce.
    ///   - account: the Account's mapping, if any.
    ///   - deal: the Opportunity's mapping, if any.
    /// - Returns: the actions in apply order; empty when nothing is to do.
    public func plan(_ opportunity: Opportunity, account: AccountMapping?, deal: DealMapping?) -> [ReconcileAction] {
        guard opportunity.isWon, !opportunity.isDeleted else { return [] }
        var actions: [ReconcileAction] = []
        var createsPlanned = false
        let id = opportunity.id

        if flows.contains(.orders), deal?.sapSalesOrder == nil {
            if let problem = DealValidation.sapProblem(in: opportunity, settings: settings) {
                actions.append(reject(.orders, id, problem))
            } else {
                let acct = opportunity.account!
                if account?.sapCustomer == nil {
                    actions.append(ReconcileAction(
                        idempotencyKey: IdempotencyKey.businessPartner(account: acct.id), flow: .orders, recordID: id,
                        operation: .ensureBusinessPartner(businessPartnerDraft(for: opportunity))))
                }
                actions.append(ReconcileAction(
                    idempotencyKey: IdempotencyKey.salesOrder(opportunity: id), flow: .orders, recordID: id,
                    operation: .createSalesOrder(accountID: acct.id, draft: salesOrderDraft(for: opportunity))))
                createsPlanned = true
            }
        }

        if flows.contains(.invoices) {
            let recipients = opportunity.billingContact?.email.map { [$0] } ?? []
            if deal?.zohoInvoiceID == nil {
                if let problem = DealValidation.zohoProblem(in: opportunity, settings: settings) {
                    actions.append(reject(.invoices, id, problem))
                } else {
                    let acct = opportunity.account!
                    if account?.zohoContactID == nil {
                        actions.append(ReconcileAction(
                            idempotencyKey: IdempotencyKey.zohoContact(account: acct.id), flow: .invoices, recordID: id,
                            operation: .ensureZohoContact(accountID: acct.id, draft: contactDraft(for: opportunity))))
                    }
                    actions.append(ReconcileAction(
                        idempotencyKey: IdempotencyKey.invoice(opportunity: id), flow: .invoices, recordID: id,
                        operation: .createInvoice(accountID: acct.id, draft: invoiceDraft(for: opportunity), send: !recipients.isEmpty)))
                    if recipients.isEmpty { actions.append(missingEmail(opportunity)) }
                    createsPlanned = true
                }
            } else if deal?.invoiceEmailed == false {
                if recipients.isEmpty {
                    actions.append(missingEmail(opportunity))
                } else {
                    actions.append(ReconcileAction(
                        idempotencyKey: IdempotencyKey.invoiceEmail(opportunity: id), flow: .invoices, recordID: id,
                        operation: .emailInvoice(opportunityID: id, recipients: recipients)))
                }
            }
        }

        let allRejected = deal == nil && !actions.isEmpty && actions.allSatisfy { $0.operation.kind == "reject_record" }
        let failedNotShown = allRejected && opportunity.syncFields.syncStatus != .failed
        if createsPlanned || failedNotShown || writeBackDiffers(opportunity, deal: deal) {
            actions.append(ReconcileAction(
                idempotencyKey: IdempotencyKey.dealWriteBack(opportunity: id), flow: flows.contains(.orders) ? .orders : .invoices,
                recordID: id, operation: .writeBackDeal(opportunityID: id)))
        }
        return actions
    }

    /// True when the Opportunity does not show what the mapping says CRMSync created.
    func writeBackDiffers(_ opportunity: Opportunity, deal: DealMapping?) -> Bool {
        guard let deal, deal.sapSalesOrder != nil || deal.zohoInvoiceNumber != nil else { return false }
        return !deal.isShown(on: opportunity.syncFields)
    }

    private func reject(_ flow: SyncFlow, _ id: String, _ error: SyncError) -> ReconcileAction {
        ReconcileAction(idempotencyKey: IdempotencyKey.reject(flow: flow, record: id), flow: flow, recordID: id, operation: .rejectRecord(error))
    }

    private func missingEmail(_ opportunity: Opportunity) -> ReconcileAction {
        let error = SyncError(
            code: .invalidInput, system: .zohoBooks,
            message: "Opportunity \(opportunity.id) has no contact role with an email, so its invoice cannot be emailed; the invoice is created and recorded. Add an email to the primary contact and retry the dead letter.",
            recordID: opportunity.id, field: "OpportunityContactRole.Contact.Email")
        return ReconcileAction(
            idempotencyKey: IdempotencyKey.invoiceEmail(opportunity: opportunity.id), flow: .invoices,
            recordID: opportunity.id, operation: .rejectRecord(error))
    }
}
