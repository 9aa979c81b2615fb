import Foundation
import SyncCore

extension DriftScan {
    /// Compares one page of Closed Won Opportunities with their mappings, Sales Orders and invoices.
    func checkDeals(_ page: [Opportunity]) async throws {
        wonSeen.formUnion(page.map(\.id))
        let deals = try await detector.store.dealMappings(page.map(\.id))
        let accounts = try await detector.store.accountMappings(Array(Set(page.compactMap { $0.account?.id })))
        let planner = DealPlanner(settings: settings, flows: flows.intersection([.orders, .invoices]))
        for opportunity in page where !opportunity.isDeleted {
            let deal = deals[opportunity.id]
            let actions = planner.plan(opportunity, account: opportunity.account.flatMap { accounts[$0.id] }, deal: deal)
            if flows.contains(.orders) { try await checkSalesOrder(opportunity, deal: deal, actions: actions) }
            if !flows.isDisjoint(with: [.invoices, .payments]) {
                try await checkInvoice(opportunity, deal: deal, actions: actions)
            }
        }
    }

    func records(_ opportunity: Opportunity) -> DriftRecords {
        DriftRecords(opportunityID: opportunity.id, opportunityName: opportunity.name)
    }

    /// How the reconcile repairs a missing target: the create it plans, unless the bad input stops it or a step of
    /// it is a dead letter the target rejected (the full reconcile does not try a record fault again until the
    /// record changes or the dead letter is retried).
    func missingRepair(_ actions: [ReconcileAction], flow: SyncFlow, create: String, what: String) async throws -> DriftRepair {
        if let action = actions.first(where: { $0.flow == flow && $0.operation.kind == create }) {
            let steps = actions.filter { $0.flow == flow && $0.operation.isOncePerKey }.map(\.idempotencyKey)
            let journal = try await detector.store.journalEntries(steps)
            if let dead = steps.compactMap({ journal[$0] }).first(where: { entry in
                entry.status == .dead && entry.errorCode.map { SyncError.Code(rawValue: $0).isRecordFault } == true
            }) {
                let system = dead.targetSystem == SyncSystem.sap.rawValue ? "SAP" : "Zoho Books"
                return .manual("\(system) rejected the \(dead.kind.replacingOccurrences(of: "_", with: " ")) (a dead letter): \(dead.errorMessage ?? dead.errorCode ?? "")."
                    + " Correct the record, then run `crm-sync dead-letters retry`.")
            }
            return .reconcile(action.operation, "The reconcile creates the \(what) and writes its number back.")
        }
        if let reject = actions.first(where: { $0.idempotencyKey == IdempotencyKey.reject(flow: flow, record: $0.recordID) }),
           case .rejectRecord(let error) = reject.operation {
            return .manual("The deal is bad input, so CRMSync cannot create the \(what): \(error.message)")
        }
        return .manual("CRMSync plans no \(what) for this deal; see its dead letters.")
    }

    /// Sales Order checks: missing, number written back, currency, amount and items.
    func checkSalesOrder(_ opportunity: Opportunity, deal: DealMapping?, actions: [ReconcileAction]) async throws {
        var records = records(opportunity)
        let mapped = deal?.sapSalesOrder
        let shown = opportunity.syncFields.sapOrderNumber
        let field = "Opportunity.SAP_Order_Number__c"
        guard let number = mapped ?? orders.byReference[opportunity.id] else {
            let repair = try await missingRepair(actions, flow: .orders, create: "create_sales_order", what: "Sales Order")
            add(.salesOrderMissing, records, field: nil, [.text(.salesforce, opportunity.stageName), .text(.sap, nil)], repair)
            if let shown, !orders.exists(shown) {
                add(.salesOrderNumberWrong, records, field: field, [.text(.salesforce, shown), .text(.sap, nil)],
                    repair.automatic ? .reconcile(.writeBackDeal(opportunityID: opportunity.id), "The reconcile writes the new order's number back.") : repair)
            }
            return
        }
        records.salesOrder = number
        guard let order = orders.digests[number] else {
            add(.salesOrderNumberWrong, records, field: field,
                [.text(.salesforce, shown), .text(.stateStore, number), .text(.sap, nil)],
                .manual("Sales Order \(number) no longer exists in SAP (deleted or archived). CRMSync never creates a second order for a deal that had one: recreate it in SAP and put its number on the Opportunity, or move the deal out of Closed Won."))
            return
        }
        if shown != number {
            add(.salesOrderNumberWrong, records, field: field,
                [.text(.salesforce, shown), .text(.sap, number), .text(.stateStore, mapped)],
                mapped != nil
                    ? .reconcile(.writeBackDeal(opportunityID: opportunity.id), "The reconcile writes the deal's Sales Order number back.")
                    : .manual(Self.unmappedReason("Sales Order \(number)", "PurchaseOrderByCustomer")))
        }
        compare(opportunity, records, target: .sap, total: order.total, document: "SalesOrder",
                amountField: "TotalNetAmount", currencyField: "TransactionCurrency")
        let lines = opportunity.lineItems.map { LineDigest(material: $0.productCode ?? "", quantity: $0.quantity ?? 0) }.sorted()
        if lines != order.lines {
            add(.lineItemsDiffer, records, field: "SalesOrder.to_Item",
                [.text(.salesforce, Self.describe(lines)), .text(.sap, Self.describe(order.lines))],
                .manual(Self.changedAfterCreate("Sales Order", in: "SAP (VA02)")))
        }
    }

    /// Invoice checks: missing, number written back, voided, currency and amount; then payments.
    func checkInvoice(_ opportunity: Opportunity, deal: DealMapping?, actions: [ReconcileAction]) async throws {
        var records = records(opportunity)
        let mapped = deal?.zohoInvoiceID
        let shown = opportunity.syncFields.zohoInvoiceNumber
        let field = "Opportunity.Zoho_Invoice_Number__c"
        let checkInvoices = flows.contains(.invoices)
        guard let id = mapped ?? invoices.byReference[settings.invoiceReference(for: opportunity.id)] else {
            guard checkInvoices else { return }
            let repair = try await missingRepair(actions, flow: .invoices, create: "create_invoice", what: "Zoho invoice")
            add(.invoiceMissing, records, field: nil, [.text(.salesforce, opportunity.stageName), .text(.zohoBooks, nil)], repair)
            return
        }
        records.invoiceID = id
        guard let invoice = invoices.byID[id] else {
            records.invoiceNumber = deal?.zohoInvoiceNumber
            if checkInvoices {
                add(.invoiceNumberWrong, records, field: field,
                    [.text(.salesforce, shown), .text(.stateStore, deal?.zohoInvoiceNumber), .text(.zohoBooks, nil)],
                    .manual("Invoice \(deal?.zohoInvoiceNumber ?? id) no longer exists in Zoho Books. CRMSync never invoices a deal twice: create the invoice in Zoho and put its number on the Opportunity, or move the deal out of Closed Won."))
            }
            return
        }
        records.invoiceNumber = invoice.number
        if checkInvoices {
            if shown != invoice.number {
                add(.invoiceNumberWrong, records, field: field,
                    [.text(.salesforce, shown), .text(.zohoBooks, invoice.number), .text(.stateStore, deal?.zohoInvoiceNumber)],
                    mapped != nil
                        ? .reconcile(.writeBackDeal(opportunityID: opportunity.id), "The reconcile writes the deal's invoice number back.")
                        : .manual(Self.unmappedReason("invoice \(invoice.number)", "reference_number")))
            }
            if invoice.status == .void {
                add(.invoiceVoided, records, field: "invoice.status",
                    [.text(.zohoBooks, ZohoInvoiceStatus.void.rawValue), .text(.salesforce, opportunity.stageName)],
                    .manual("Invoice \(invoice.number) was voided in Zoho Books while the deal is Closed Won. CRMSync never replaces a voided invoice: if the deal stands, create a new invoice in Zoho and put its number on the Opportunity; otherwise move the deal out of Closed Won."))
                return
            }
            compare(opportunity, records, target: .zohoBooks, total: invoice.total, document: "invoice",
                    amountField: "total", currencyField: "currency_code")
        }
        if flows.contains(.payments), invoice.status != .void {
            try await checkPayment(opportunity, invoice: invoice, records: records)
        }
    }

    /// Currency first; the amount only when the currencies agree.
    func compare(
        _ opportunity: Opportunity, _ records: DriftRecords, target: SyncSystem, total: Money, document: String,
        amountField: String, currencyField: String
    ) {
        let currency = DealValidation.currency(of: opportunity, settings: settings)
        let place = target == .sap ? "SAP (VA02)" : "Zoho Books"
        let name = target == .sap ? "Sales Order" : "invoice"
        guard currency == total.currency else {
            add(.currencyDiffers, records, field: "\(document).\(currencyField)",
                [.text(.salesforce, currency), .text(target, total.currency)], .manual(Self.changedAfterCreate(name, in: place)))
            return
        }
        let amount = Self.amount(of: opportunity)
        if !CurrencyRounding.agree(amount, total, lines: opportunity.lineItems.count) {
            add(.amountDiffers, records, field: "\(document).\(amountField)",
                [.money(.salesforce, Money(amount, currency)), .money(target, total)], .manual(Self.changedAfterCreate(name, in: place)))
        }
    }

    /// The Opportunity `Amount`, else the sum of its lines' `TotalPrice` (or quantity x unit price).
    static func amount(of opportunity: Opportunity) -> Decimal {
        if let amount = opportunity.amount { return amount }
        return opportunity.lineItems.reduce(Decimal(0)) { sum, line in
            sum + (line.totalPrice ?? (line.quantity ?? 0) * (line.unitPrice ?? 0))
        }
    }

    static func describe(_ lines: [LineDigest]) -> String {
        lines.isEmpty ? "(no lines)" : lines.map(\.description).joined(separator: "; ")
    }

    static func changedAfterCreate(_ document: String, in place: String) -> String {
        let article = "aeiou".contains(document.prefix(1).lowercased()) ? "an" : "a"
        return "The Opportunity and its \(document) no longer agree. CRMSync creates \(article) \(document) once and never changes it: correct the \(document) in \(place) or the Opportunity so they agree."
    }

    static func unmappedReason(_ target: String, _ reference: String) -> String {
        "The deal's \(target) exists (found by \(reference)) but the state store has no mapping for it, e.g. after a state store was lost or replaced; restore the state store, or write the number onto the Opportunity by hand."
    }
}
