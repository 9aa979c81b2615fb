import Foundation
import SyncCore
import SyncService
import Testing

/// The CSV (RFC 4180) and JSON shapes of `crm-sync drift --format csv|json`.
@Suite struct DriftFormatTests {
    let report = DriftReport(
        generatedAt: Date(timeIntervalSince1970: 1_700_000_000), flows: [.orders, .stock],
        items: [
            DriftItem(
                kind: .amountDiffers,
                records: DriftRecords(opportunityID: "0067Q000000000aQAA", opportunityName: "Smith, \"Sons\"\nLtd", salesOrder: "4000012"),
                field: "SalesOrder.TotalNetAmount",
                values: [.money(.salesforce, Money(Decimal(string: "598.00")!, "EUR")), .money(.sap, Money(500, "EUR"))],
                repair: .manual("Correct it, then rerun.")),
            DriftItem(
                kind: .stockDiffers, records: DriftRecords(product2ID: "01t7Q000000000bQAA", material: "TG-11"),
                field: "Product2.Available_Stock__c",
                values: [.quantity(.salesforce, Quantity(12, "PC")), .quantity(.sap, Quantity(4, "PC"))],
                repair: .reconcile(
                    .updateProductStock(Product2StockUpdate(product2Id: "01t7Q000000000bQAA", availableStock: 4, lowStockAlert: true,
                                                            stockLastUpdated: Date(timeIntervalSince1970: 1_700_000_000)),
                                        material: "TG-11", becameLow: true),
                    "The stock pass writes it.")),
        ])

    @Test func csv_quotesFieldsWithCommasQuotesAndLineBreaks_andEndsLinesWithCRLF() {
        let expected = [
            "kind,opportunity_id,opportunity_name,sales_order,invoice_id,invoice_number,product2_id,material,customer_payment_ids,field,salesforce,sap,zoho,state_store,repair,reason",
            "amount_differs,0067Q000000000aQAA,\"Smith, \"\"Sons\"\"\nLtd\",4000012,,,,,,SalesOrder.TotalNetAmount,598 EUR,500 EUR,,,manual,\"Correct it, then rerun.\"",
            "stock_differs,,,,,,01t7Q000000000bQAA,TG-11,,Product2.Available_Stock__c,12 PC,4 PC,,,reconcile --full: update_product_stock,The stock pass writes it.",
        ].joined(separator: "\r\n") + "\r\n"
        #expect(report.csv() == expected)
    }

    @Test func json_hasCountsPerKind_itemsWithRecordsValuesAndRepair_andRoundTrips() throws {
        let text = try report.json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["counts", "flows", "generatedAt", "items"])
        #expect(object["generatedAt"] as? String == "2023-11-14T22:13:20Z")
        #expect(object["counts"] as? [String: Int] == ["amount_differs": 1, "stock_differs": 1])
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.count == 2)
        #expect((items[0]["records"] as? [String: Any])?["salesOrder"] as? String == "4000012")
        let values = try #require(items[0]["values"] as? [[String: Any]])
        #expect(values[0]["system"] as? String == "salesforce")
        #expect((values[0]["money"] as? [String: Any])?["currency"] as? String == "EUR")
        #expect((items[1]["repair"] as? [String: Any])?["automatic"] as? Bool == true)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(DriftReport.self, from: Data(text.utf8)) == report)
    }

    @Test func table_keepsEachItemOnOneLine() {
        let rows = report.tableRows
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.count == DriftReport.tableColumns.count })
        #expect(rows.flatMap { $0 }.allSatisfy { !$0.contains("\n") && !$0.contains("\r") })
        #expect(report.countsSummary == "1 amount_differs, 1 stock_differs")
    }
}
