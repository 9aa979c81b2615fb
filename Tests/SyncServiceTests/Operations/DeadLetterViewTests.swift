import Foundation
import SyncCore
import SyncService
import SyncStore
import Testing

/// `dead-letters show`: the stored error and the record's data readably, without Swift's `_0` encoding keys.
@Suite struct DeadLetterViewTests {
    static let at = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-30T00:53:20Z

    func letter(_ operation: ReconcileOperation, error: SyncError) -> DeadLetter {
        DeadLetter(
            id: 7, idempotencyKey: "stock/01tAa0000000001/7.5/true", flow: "stock", recordID: "01tAa0000000001", error: error,
            action: ReconcileAction(idempotencyKey: "stock/01tAa0000000001/7.5/true", flow: .stock, recordID: "01tAa0000000001", operation: operation),
            failures: 2, createdAt: Self.at, updatedAt: Self.at.addingTimeInterval(60))
    }

    static let validation = SyncError(
        code: .validationFailed, system: .salesforce, message: "Available_Stock__c: value outside of valid range", httpStatus: 400,
        vendorCode: "NUMBER_OUTSIDE_VALID_RANGE", recordID: "01tAa0000000001", field: "Available_Stock__c")

    @Test func stockWrite_showsErrorAndRecordData() throws {
        let update = Product2StockUpdate(product2Id: "01tAa0000000001", availableStock: Decimal(string: "7.5")!, lowStockAlert: true, stockLastUpdated: Self.at)
        let view = DeadLetterView(letter(.updateProductStock(update, material: "TG11", becameLow: true), error: Self.validation))
        #expect(view.text() == """
            Dead letter 7 (open): flow stock, record 01tAa0000000001
            Error: validation_failed from salesforce (HTTP 400, NUMBER_OUTSIDE_VALID_RANGE)
              Available_Stock__c: value outside of valid range
              field: Available_Stock__c
            Failures: 2, first 2026-11-30T00:53:20Z, last 2026-11-30T00:54:20Z; alerted: no
            Action: update_product_stock in salesforce, idempotency key stock/01tAa0000000001/7.5/true
            Record data:
              availableStock: 7.5
              becameLow: true
              lowStockAlert: true
              material: TG11
              product2Id: 01tAa0000000001
              stockLastUpdated: 2026-11-30T00:53:20Z
            """)
        let json = String(decoding: try JSONEncoder().encode(view), as: UTF8.self)
        #expect(!json.contains("_0"))
    }

    /// A rejected record carries an error, not a record: it is shown under `value`'s fields, not `_0`.
    @Test func rejectedRecord_hasNoEncodingKeys() throws {
        let view = DeadLetterView(letter(.rejectRecord(Self.validation), error: Self.validation))
        let lines = view.text().split(separator: "\n").map(String.init)
        #expect(lines.contains("  code: validation_failed"))
        #expect(lines.contains("  field: Available_Stock__c"))
        #expect(!view.text().contains("_0"))
    }
}
