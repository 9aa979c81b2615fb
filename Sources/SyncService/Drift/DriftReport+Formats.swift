import Foundation
import SyncCore

extension DriftReport {
    /// The CSV header (one column per record, value and repair member).
    public static let csvColumns = [
        "kind", "opportunity_id", "opportunity_name", "sales_order", "invoice_id", "invoice_number", "product2_id",
        "material", "customer_payment_ids", "field", "salesforce", "sap", "zoho", "state_store", "repair", "reason",
    ]

    /// The report as CSV (RFC 4180): a header line, one line per item, CRLF line ends; a field holding a comma,
    /// quote, CR or LF is quoted and its quotes doubled. Money is written `598.00 EUR`, quantities `4 PC`.
    public func csv() -> String {
        let lines = [Self.csvColumns] + items.map { item in
            let r = item.records
            return [
                item.kind.rawValue, r.opportunityID ?? "", r.opportunityName ?? "", r.salesOrder ?? "", r.invoiceID ?? "",
                r.invoiceNumber ?? "", r.product2ID ?? "", r.material ?? "", r.customerPaymentIDs.joined(separator: " "),
                item.field ?? "", item.value(.salesforce)?.display ?? "", item.value(.sap)?.display ?? "",
                item.value(.zohoBooks)?.display ?? "", item.value(.stateStore)?.display ?? "", item.repair.action,
                item.repair.reason,
            ]
        }
        return lines.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// One CSV field, quoted when RFC 4180 requires it.
    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The report as pretty JSON with sorted keys and ISO 8601 dates (the `--format json` output).
    /// - Throws: `EncodingError` (not expected for these types).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The header of the table format.
    public static let tableColumns = ["kind", "records", "field", "values", "repair", "reason"]

    /// The rows of the table format: one per item, values as `system=value`, the repair's reason last, on one line
    /// each.
    public var tableRows: [[String]] {
        items.map { item in
            let r = item.records
            var records: [String] = []
            if let id = r.opportunityID { records.append("Opportunity \(id)" + (r.opportunityName.map { " '\($0)'" } ?? "")) }
            if let order = r.salesOrder { records.append("SAP order \(order)") }
            if let number = r.invoiceNumber ?? r.invoiceID { records.append("Zoho invoice \(number)") }
            if let id = r.product2ID { records.append("Product2 \(id)") }
            if let material = r.material { records.append("Material \(material)") }
            if !r.customerPaymentIDs.isEmpty { records.append("payments \(r.customerPaymentIDs.joined(separator: " "))") }
            let values = item.values.map { "\($0.system.rawValue)=\($0.display)" }
            return [item.kind.rawValue, records.joined(separator: ", "), item.field ?? "-", values.joined(separator: "; "),
                    item.repair.action, item.repair.reason].map { Self.oneLine($0) }
        }
    }

    /// The counts per kind for people, in kind order: `2 sales_order_missing, 1 stock_differs`.
    public var countsSummary: String {
        DriftKind.allCases.compactMap { kind in counts[kind].map { "\($0) \(kind.rawValue)" } }.joined(separator: ", ")
    }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
    }
}
