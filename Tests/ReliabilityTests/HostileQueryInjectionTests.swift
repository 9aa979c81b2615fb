import Foundation
import SimulatorKit
import SyncCore
import SyncService
import SyncStore
import Testing

/// SOQL, OData and query-string injection in every value CRMSync puts into a query, sent through the real clients
/// to the simulators after a first pass has created records an injection could reach:
/// - SOQL `Id IN (...)` (dead-letter retry of named records),
/// - OData `$filter`: `PurchaseOrderByCustomer`, `BusinessPartnerIDByExtSystem`, `Material`,
/// - Zoho query parameters `contact_name`, `reference_number`.
/// A value that is not exactly a stored one must match nothing (never everything, never a syntax error that a
/// quote could steer), and a legal value with the same characters must match exactly its own record.
@Suite(.serialized) struct HostileQueryInjectionTests {
    /// Attempts to leave a string literal or a query parameter.
    static let injections = [
        "' OR Name LIKE '%",
        "x' or 1 eq 1 or 'a' eq 'a",
        "') or (1 eq 1",
        "x'&$top=1&$filter=1 eq 1",
        "%",
        "*",
        "\\' OR Id != '",
        "a#b&contact_type=vendor",
    ]

    @Test func injectionInEveryQueriedField_matchesNothing_legalValuesMatchExactly() async throws {
        let deals = [HostileDealCases.legal[0], HostileDealCases.legal[1]] + HostileDealCases.legal.filter(\.existingZohoContact)
        let seed = try HostileSeed.make(deals: deals, products: HostileDealCases.products)
        try await HostileWorld.run(seed: seed) { world in
            _ = try await world.runtime.engine.runPass(flows: [.orders, .invoices])
            let sap = world.runtime.sap
            let zoho = world.runtime.zoho
            #expect(world.running.sap.salesOrderCount() == deals.count)
            #expect(world.running.zoho.allInvoices().count == deals.count)

            for value in Self.injections {
                #expect(try await sap.findSalesOrder(purchaseOrderByCustomer: value) == nil, "PurchaseOrderByCustomer \(value)")
                #expect(try await sap.findBusinessPartner(externalReference: value) == nil, "BusinessPartnerIDByExtSystem \(value)")
                #expect(try await Self.stockRows(sap, materials: [value]).isEmpty, "Material \(value)")
                #expect(try await zoho.findContact(name: value) == nil, "contact_name \(value)")
                #expect(try await zoho.findInvoice(referenceNumber: "SF-" + value) == nil, "reference_number SF-\(value)")
                #expect(try await zoho.findInvoice(referenceNumber: value) == nil, "reference_number \(value)")
            }

            // The legal values with the same characters find exactly their records.
            for (index, deal) in deals.enumerated() {
                let opportunityID = world.id("opportunity:OPP-\(HostileSeed.key(index))")
                let accountID = world.id("account:ACC-\(HostileSeed.key(index))")
                #expect(try await sap.findSalesOrder(purchaseOrderByCustomer: opportunityID) != nil, "\(deal)")
                #expect(try await sap.findBusinessPartner(externalReference: accountID) != nil, "\(deal)")
                #expect(try await zoho.findContact(name: deal.accountName)?.name == deal.accountName, "\(deal)")
                #expect(try await zoho.findInvoice(referenceNumber: "SF-" + opportunityID) != nil, "\(deal)")
            }
            let quoted = try await Self.stockRows(sap, materials: [HostileDealCases.apostropheMaterial, HostileDealCases.symbolMaterial])
            #expect(Set(quoted.map(\.material)) == [HostileDealCases.apostropheMaterial, HostileDealCases.symbolMaterial])
        }
    }

    /// `dead-letters retry` passes Opportunity Ids into SOQL `Id IN (...)`: injected Ids select nothing and create
    /// nothing, and the pass is not stopped for the real Id beside them.
    @Test func injectionInRetriedRecordIDs_selectsNothing() async throws {
        let seed = try HostileSeed.make(deals: [HostileDealCases.legal[0], HostileDealCases.legal[1]], products: HostileDealCases.products)
        try await HostileWorld.run(seed: seed) { world in
            let report = try await world.runtime.engine.runPass(flows: [.orders], mode: .records(Self.injections))
            #expect(report.flows.first?.observed == 0)
            #expect(world.running.sap.salesOrderCount() == 0)

            let real = world.id("opportunity:OPP-H002")
            let mixed = try await world.runtime.engine.runPass(flows: [.orders], mode: .records(Self.injections + [real]))
            #expect(mixed.flows.first?.observed == 1, "only the real Id is read: \(mixed)")
            #expect(world.running.sap.salesOrders().map(\.purchaseOrderByCustomer) == [real])
        }
    }

    private static func stockRows(_ sap: some SAPGateway, materials: [String]) async throws -> [MaterialStockRow] {
        let collected = RowCollector()
        try await sap.forEachStockPage(materials: materials) { rows in await collected.add(rows) }
        return await collected.rows
    }
}

/// Collects stock rows across pages.
actor RowCollector {
    var rows: [MaterialStockRow] = []

    func add(_ page: [MaterialStockRow]) {
        rows += page
    }
}
