import Foundation
import SyncCore

/// The Sales Orders as the drift scan keeps them: every order number, and a compact digest of each order that
/// carries a `PurchaseOrderByCustomer` (the ones CRMSync may have created), keyed by number and by reference.
struct SalesOrderIndex: Sendable {
    /// One order: total and items (Material, quantity).
    struct Digest: Sendable {
        let number: String
        let total: Money
        let lines: [LineDigest]
    }

    private(set) var numbers: Set<String> = []
    private(set) var digests: [String: Digest] = [:]
    private(set) var byReference: [String: String] = [:]

    mutating func add(_ page: [SalesOrder]) {
        for order in page {
            numbers.insert(order.number)
            let reference = order.purchaseOrderByCustomer.trimmingCharacters(in: .whitespaces)
            guard !reference.isEmpty else { continue }
            digests[order.number] = Digest(
                number: order.number, total: order.totalNetAmount,
                lines: order.items.map { LineDigest(material: $0.material, quantity: $0.quantity.value) }.sorted())
            // SAP does not enforce unique references; the oldest (lowest number) is the deal's, as findSalesOrder does.
            if let known = byReference[reference], Self.precedes(known, order.number) { continue }
            byReference[reference] = order.number
        }
    }

    func exists(_ number: String) -> Bool { numbers.contains(number) }

    private static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.count != rhs.count ? lhs.count < rhs.count : lhs < rhs
    }
}

/// One order or deal line as compared: the Material upper-cased and the quantity.
struct LineDigest: Sendable, Hashable, Comparable, CustomStringConvertible {
    let material: String
    let quantity: Decimal

    init(material: String, quantity: Decimal) {
        self.material = material.uppercased()
        self.quantity = quantity
    }

    static func < (lhs: LineDigest, rhs: LineDigest) -> Bool {
        (lhs.material, lhs.quantity) < (rhs.material, rhs.quantity)
    }

    var description: String { "\(material) x \(quantity)" }
}

/// The Zoho invoices as the drift scan keeps them, keyed by `invoice_id`, with `reference_number` -> id (an
/// invoice that is not void preferred, as findInvoice does).
struct InvoiceIndex: Sendable {
    private(set) var byID: [String: ZohoInvoice] = [:]
    private(set) var byReference: [String: String] = [:]

    mutating func add(_ page: [ZohoInvoice]) {
        for invoice in page {
            byID[invoice.id] = ZohoInvoice(
                id: invoice.id, number: invoice.number, referenceNumber: "", customerId: "", status: invoice.status,
                total: invoice.total, balance: invoice.balance, isEmailed: invoice.isEmailed, lastModifiedTime: nil)
            guard !invoice.referenceNumber.isEmpty else { continue }
            if let known = byReference[invoice.referenceNumber], byID[known]?.status != .void { continue }
            byReference[invoice.referenceNumber] = invoice.id
        }
    }
}
