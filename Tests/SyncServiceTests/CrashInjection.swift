import Foundation
import SyncCore

/// Thrown by the crashing gateways: not a `SyncError`, so it ends the pass the way a killed process would,
/// leaving the action journaled as started.
struct SimulatedCrash: Error {}

/// Counts mutating calls across the SAP and Zoho gateways and "crashes" right after the `crashAfter`-th one
/// completed (the target system changed, CRMSync never recorded it).
actor CrashSwitch {
    let crashAfter: Int
    private(set) var calls = 0

    init(crashAfter: Int) {
        self.crashAfter = crashAfter
    }

    func completed() throws {
        calls += 1
        if calls == crashAfter { throw SimulatedCrash() }
    }
}

struct CrashingSAP: SAPGateway {
    let base: any SAPGateway
    let crash: CrashSwitch

    func findBusinessPartner(externalReference: String) async throws -> BusinessPartner? {
        try await base.findBusinessPartner(externalReference: externalReference)
    }
    func createBusinessPartner(_ draft: BusinessPartnerDraft) async throws -> BusinessPartner {
        let partner = try await base.createBusinessPartner(draft)
        try await crash.completed()
        return partner
    }
    func findSalesOrder(purchaseOrderByCustomer: String) async throws -> SalesOrder? {
        try await base.findSalesOrder(purchaseOrderByCustomer: purchaseOrderByCustomer)
    }
    func createSalesOrder(_ draft: SalesOrderDraft) async throws -> SalesOrder {
        let order = try await base.createSalesOrder(draft)
        try await crash.completed()
        return order
    }
    func salesOrder(number: String) async throws -> SalesOrder? { try await base.salesOrder(number: number) }
    func forEachChangedProductPage(since: Date?, _ body: @Sendable ([SAPProduct]) async throws -> Void) async throws {
        try await base.forEachChangedProductPage(since: since, body)
    }
    func forEachStockPage(materials: [String]?, _ body: @Sendable ([MaterialStockRow]) async throws -> Void) async throws {
        try await base.forEachStockPage(materials: materials, body)
    }
}

struct CrashingZoho: ZohoBooksGateway {
    let base: any ZohoBooksGateway
    let crash: CrashSwitch

    func findContact(name: String) async throws -> ZohoContact? { try await base.findContact(name: name) }
    func createContact(_ draft: ZohoContactDraft) async throws -> ZohoContact {
        let contact = try await base.createContact(draft)
        try await crash.completed()
        return contact
    }
    func findInvoice(referenceNumber: String) async throws -> ZohoInvoice? { try await base.findInvoice(referenceNumber: referenceNumber) }
    func createInvoice(_ draft: ZohoInvoiceDraft, send: Bool) async throws -> ZohoInvoice {
        let invoice = try await base.createInvoice(draft, send: send)
        try await crash.completed()
        return invoice
    }
    func emailInvoice(id: String, to recipients: [String]) async throws {
        try await base.emailInvoice(id: id, to: recipients)
        try await crash.completed()
    }
    func invoice(id: String) async throws -> ZohoInvoice? { try await base.invoice(id: id) }
    func forEachCustomerPaymentPage(since: Date?, _ body: @Sendable ([CustomerPaymentSummary]) async throws -> Void) async throws {
        try await base.forEachCustomerPaymentPage(since: since, body)
    }
    func customerPayment(id: String) async throws -> CustomerPayment { try await base.customerPayment(id: id) }
    func quota() async -> QuotaSnapshot? { await base.quota() }
}

struct CrashingSalesforce: SalesforceGateway {
    let base: any SalesforceGateway
    let crash: CrashSwitch

    func forEachOpportunityPage(_ query: OpportunityQuery, _ body: @Sendable ([Opportunity]) async throws -> Void) async throws {
        try await base.forEachOpportunityPage(query, body)
    }
    func forEachProduct2Page(_ body: @Sendable ([Product2Record]) async throws -> Void) async throws {
        try await base.forEachProduct2Page(body)
    }
    func updateOpportunities(_ writeBacks: [OpportunityWriteBack]) async throws -> [RecordWriteResult] {
        let results = try await base.updateOpportunities(writeBacks)
        try await crash.completed()
        return results
    }
    func updateProduct2Stock(_ updates: [Product2StockUpdate]) async throws -> [RecordWriteResult] {
        let results = try await base.updateProduct2Stock(updates)
        try await crash.completed()
        return results
    }
    func instanceURL() async -> String? { await base.instanceURL() }
    func quota() async -> QuotaSnapshot? { await base.quota() }
}
