import Foundation
import SyncCore

/// A row of `GET /customerpayments` (`customerpayments[]`): no per-invoice amounts (zoho.md §10).
struct ZohoCustomerPaymentRow: Decodable, Sendable, Hashable {
    var id: String
    var amount: Decimal?
    var lastModifiedTime: Date?
    var createdTime: Date?

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: ZohoKey.self)
        id = try c.zohoID(ZohoKey("payment_id"))
        amount = try c.zohoDecimalIfPresent(ZohoKey("amount"))
        lastModifiedTime = try c.zohoTimestamp(ZohoKey("last_modified_time"))
        createdTime = try c.zohoTimestamp(ZohoKey("created_time"))
    }

    /// The summary the engine polls with; `nil` when the row carries neither `last_modified_time` nor
    /// `created_time`.
    var summary: CustomerPaymentSummary? {
        guard let modified = lastModifiedTime ?? createdTime else { return nil }
        return CustomerPaymentSummary(id: id, lastModifiedTime: modified)
    }
}

/// One customer payment (`payment` of `GET /customerpayments/{payment_id}`), with `invoices[]`.
struct ZohoCustomerPaymentRecord: Decodable, Sendable, Hashable {
    /// `invoices[]`: the part of the payment applied to one invoice.
    struct Application: Decodable, Sendable, Hashable {
        var invoiceID: String
        var invoiceNumber: String
        var amountApplied: Decimal
        var total: Decimal
        var balance: Decimal

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: ZohoKey.self)
            invoiceID = try c.zohoID(ZohoKey("invoice_id"))
            invoiceNumber = try c.zohoText(ZohoKey("invoice_number")) ?? ""
            amountApplied = try c.zohoDecimal(ZohoKey("amount_applied"))
            total = try c.zohoDecimal(ZohoKey("total"))
            balance = try c.zohoDecimal(ZohoKey("balance"))
        }
    }

    var id: String
    var number: String
    var date: CalendarDate
    var paymentMode: String
    var amount: Decimal
    var currencyCode: String
    var applications: [Application]
    var updatedTime: Date?

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: ZohoKey.self)
        id = try c.zohoID(ZohoKey("payment_id"))
        number = try c.zohoText(ZohoKey("payment_number")) ?? ""
        guard let date = try c.zohoDate(ZohoKey("date")) else {
            throw DecodingError.valueNotFound(
                CalendarDate.self, .init(codingPath: c.codingPath, debugDescription: "payment without date"))
        }
        self.date = date
        paymentMode = try c.zohoText(ZohoKey("payment_mode")) ?? ""
        amount = try c.zohoDecimal(ZohoKey("amount"))
        currencyCode = try c.zohoText(ZohoKey("currency_code")) ?? ""
        applications = try c.decodeIfPresent([Application].self, forKey: ZohoKey("invoices")) ?? []
        updatedTime = try c.zohoTimestamp(ZohoKey("updated_time")) ?? c.zohoTimestamp(ZohoKey("last_modified_time"))
    }

    /// The domain payment (`amount` in `currency_code`).
    var payment: CustomerPayment {
        CustomerPayment(
            id: id, number: number, date: date, paymentMode: paymentMode, amount: Money(amount, currencyCode),
            applications: applications.map {
                PaymentApplication(
                    invoiceId: $0.invoiceID, invoiceNumber: $0.invoiceNumber, amountApplied: $0.amountApplied,
                    invoiceTotal: $0.total, invoiceBalance: $0.balance)
            },
            lastModifiedTime: updatedTime)
    }
}
