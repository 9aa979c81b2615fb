import Foundation

/// A line of an invoice (`line_items[]`).
struct ZohoLineItem: Sendable, Hashable {
    var id: String
    /// `item_id`, `""` for a free-text line.
    var itemID: String
    var name: String
    var description: String
    /// Price per unit in the invoice currency.
    var rate: Decimal
    /// Quantity in `unit`.
    var quantity: Decimal
    var unit: String
    var order: Int

    /// `item_total` = rate × quantity, rounded half-up to `precision`.
    func total(precision: Int) -> Decimal { (rate * quantity).rounded(scale: precision) }
}

/// A Zoho Books invoice.
struct ZohoInvoice: Sendable, Hashable {
    /// The status the invoice was put in by hand; payments and dates refine it (see `status(today:)`).
    enum BaseStatus: String, Sendable, Hashable { case draft, sent, void }

    var id: String
    /// `invoice_number`, `INV-000001` style.
    var number: String
    var customerID: String
    /// `yyyy-MM-dd`.
    var date: String
    var dueDate: String
    var paymentTerms: Int
    var referenceNumber: String
    var currencyID: String
    var lines: [ZohoLineItem]
    var notes: String
    var terms: String
    var baseStatus: BaseStatus
    /// Sum of the amounts applied by customer payments.
    var paymentMade: Decimal
    var isEmailed: Bool
    /// `yyyy-MM-dd` of the latest payment, `""` when none.
    var lastPaymentDate: String
    var createdAt: Date
    var modifiedAt: Date

    /// `total` (no taxes or discounts are modelled): the sum of the line totals.
    func total(precision: Int) -> Decimal {
        lines.reduce(Decimal(0)) { $0 + $1.total(precision: precision) }
    }

    /// `balance` = total − payment_made (0 once void).
    func balance(precision: Int) -> Decimal {
        baseStatus == .void ? 0 : total(precision: precision) - paymentMade
    }

    /// `status` as Zoho reports it: void; paid when nothing is due; partially_paid after a payment; overdue when
    /// sent, unpaid and past the due date; else draft or sent.
    func status(today: String, precision: Int) -> String {
        switch baseStatus {
        case .void: return "void"
        case .draft where paymentMade == 0: return "draft"
        default:
            if balance(precision: precision) <= 0 { return "paid" }
            if paymentMade > 0 { return "partially_paid" }
            return dueDate < today ? "overdue" : "sent"
        }
    }
}
