import Foundation
import SyncCore

/// An invoice as Zoho Books returns it (`invoice` of `GET/POST /invoices`, rows of `invoices`).
struct ZohoInvoiceRecord: Decodable, Sendable, Hashable {
    var id: String
    var number: String
    var referenceNumber: String?
    var customerID: String
    var status: ZohoInvoiceStatus?
    var currencyCode: String
    var total: Decimal
    var balance: Decimal
    var isEmailed: Bool
    var lastModifiedTime: Date?

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: ZohoKey.self)
        id = try c.zohoID(ZohoKey("invoice_id"))
        number = try c.zohoText(ZohoKey("invoice_number")) ?? ""
        referenceNumber = try c.zohoText(ZohoKey("reference_number"))
        customerID = try c.zohoID(ZohoKey("customer_id"))
        status = try c.zohoText(ZohoKey("status")).flatMap(ZohoInvoiceStatus.init(rawValue:))
        currencyCode = try c.zohoText(ZohoKey("currency_code")) ?? ""
        total = try c.zohoDecimal(ZohoKey("total"))
        balance = try c.zohoDecimal(ZohoKey("balance"))
        isEmailed = try c.zohoBool(ZohoKey("is_emailed")) ?? false
        lastModifiedTime = try c.zohoTimestamp(ZohoKey("last_modified_time"))
    }

    /// The domain invoice (`total` in `currency_code`).
    var invoice: ZohoInvoice {
        ZohoInvoice(
            id: id, number: number, referenceNumber: referenceNumber ?? "", customerId: customerID, status: status,
            total: Money(total, currencyCode), balance: balance, isEmailed: isEmailed,
            lastModifiedTime: lastModifiedTime)
    }
}
