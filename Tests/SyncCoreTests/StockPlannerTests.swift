import Foundation
import SyncCore
import Testing

@Suite struct StockPlannerTests {
    let planner = StockPlanner(threshold: 10)
    let now = Fixtures.stamp

    @Test func plan_unchangedStock_plansNothing() {
        let product = Product2Record(id: "01t000000000001AAA", productCode: "TG-1000", name: "Widget", availableStock: 25, lowStockAlert: false)
        #expect(planner.plan(products: [product], sapStock: ["TG-1000": Quantity(25, "PC")], now: now).isEmpty)
    }

    @Test func plan_stockFallsBelowThreshold_updatesAndFlagsOnce() {
        let product = Product2Record(id: "01t000000000001AAA", productCode: "tg-1000", name: "Widget", availableStock: 12, lowStockAlert: false)
        let actions = planner.plan(products: [product], sapStock: ["TG-1000": Quantity(4, "PC")], now: now)
        #expect(actions.count == 1)
        guard case .updateProductStock(let update, let material, let becameLow) = actions[0].operation else { return }
        #expect(update == Product2StockUpdate(product2Id: "01t000000000001AAA", availableStock: 4, lowStockAlert: true, stockLastUpdated: now))
        #expect(material == "TG-1000")
        #expect(becameLow)
        let stillLow = Product2Record(id: "01t000000000001AAA", productCode: "TG-1000", name: "Widget", availableStock: 4, lowStockAlert: true)
        #expect(planner.plan(products: [stillLow], sapStock: ["TG-1000": Quantity(3, "PC")], now: now)
            .allSatisfy { if case .updateProductStock(_, _, let low) = $0.operation { !low } else { false } })
    }

    @Test(arguments: [(Decimal(10), false), (Decimal(string: "9.999")!, true), (Decimal(0), true)])
    func plan_thresholdIsStrictlyBelow(stock: Decimal, low: Bool) {
        let product = Product2Record(id: "01t000000000001AAA", productCode: "TG-1000", name: "Widget")
        let actions = planner.plan(products: [product], sapStock: ["TG-1000": Quantity(stock, "PC")], now: now)
        guard case .updateProductStock(let update, _, _) = actions.first?.operation else { Issue.record("no update"); return }
        #expect(update.lowStockAlert == low)
        #expect(update.availableStock == stock)
    }

    @Test func plan_productWithoutCodeOrUnknownMaterial_isRejected() {
        let products = [
            Product2Record(id: "01t000000000001AAA", productCode: nil, name: "No code"),
            Product2Record(id: "01t000000000002AAA", productCode: "NOT-IN-SAP", name: "Unknown"),
        ]
        let actions = planner.plan(products: products, sapStock: ["TG-1000": Quantity(1, "PC")], now: now)
        #expect(actions.map(\.kind) == ["reject_record", "reject_record"])
        #expect(actions.map(\.idempotencyKey) == ["stock/reject/01t000000000001AAA", "stock/reject/01t000000000002AAA"])
    }

    @Test func plan_onlyFilter_skipsOtherMaterials() {
        let products = [
            Product2Record(id: "01t000000000001AAA", productCode: "A", name: "A"),
            Product2Record(id: "01t000000000002AAA", productCode: "B", name: "B"),
        ]
        let actions = planner.plan(products: products, sapStock: ["A": Quantity(50, "PC")], only: ["A"], now: now)
        #expect(actions.map(\.recordID) == ["01t000000000001AAA"])
    }
}
