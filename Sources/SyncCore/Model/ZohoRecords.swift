import Foundation

/// A Zoho Books contact of type customer (`/contacts`).
public struct ZohoContact: Sendable, Hashable, Codable {
    /// `contact_id`: a digit string of up to 18 digits (beyond 2^53, so never a number).
    public var id: String
    /// `contact_name`, unique per organization.
    public var name: String
    /// `email` of the primary contact person; `nil` when empty (`""` on the wire).
    public var email: String?
    /// `currency_code`.
    public var currencyCode: String?

    public init(id: String, name: String, email: String?, currencyCode: String?) {
        self.id = id
        self.name = name
        self.email = email
        self.currencyCode = currencyCode
    }
}

/// What CRMSync sends to create a Zoho contact (customer with one primary contact person).
public struct ZohoContactDraft: Sendable, Hashable, Codable {
    /// `contact_name` and `company_name`: the Salesforce Account name (max 200).
    public var name: String
    /// The primary contact person's `first_name`.
    public var firstName: String?
    /// The primary contact person's `last_name`.
    public var lastName: String?
    /// The primary contact person's `email`; `nil` when the deal has no contact with an email.
    public var email: String?
    /// The contact's currency (ISO 4217); the connector resolves it to Zoho's `currency_id`.
    public var currencyCode: String
    /// `billing_address` parts.
    public var billingStreet: String?
    public var billingCity: String?
    public var billingPostalCode: String?
    public var billingCountry: String?

    public init(
        name: String, firstName: String?, lastName: String?, email: String?, currencyCode: String,
        billingStreet: String? = nil, billingCity: String? = nil, billingPostalCode: String? = nil,
        billingCountry: String? = nil
    ) {
        self.name = name
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.currencyCode = currencyCode
        self.billingStreet = billingStreet
        self.billingCity = billingCity
        self.billingPostalCode = billingPostalCode
        self.billingCountry = billingCountry
    }
}

/// One invoice line to create (`line_items[]` without `item_id`: `name`, `description`, `rate`, `quantity`).
public struct ZohoInvoiceLineDraft: Sendable, Hashable, Codable {
    /// `name`: the product name (or code).
    public var name: String
    /// `description`.
    public var description: String?
    /// `rate`: price per unit in the invoice currency.
    public var rate: Decimal
    /// `quantity`.
    public var quantity: Decimal
    /// `unit`, e.g. `"pcs"`.
    public var unit: String?

    public init(name: String, description: String?, rate: Decimal, quantity: Decimal, unit: String?) {
        self.name = name
        self.description = description
        self.rate = rate
        self.quantity = quantity
        self.unit = unit
    }
}

/// What CRMSync sends to create a Zoho invoice.
public struct ZohoInvoiceDraft: Sendable, Hashable, Codable {
    /// `customer_id`.
    public var customerId: String
    /// `reference_number`: built from the Opportunity Id, the reference a rerun finds the invoice by.
    public var referenceNumber: String
    /// `date`.
    public var date: CalendarDate
    /// `payment_terms` in days.
    public var paymentTermsDays: Int
    /// The invoice currency (must be the customer's currency in Zoho).
    public var currencyCode: String
    /// `line_items`, at least one.
    public var lineItems: [ZohoInvoiceLineDraft]

    public init(
        customerId: String, referenceNumber: String, date: CalendarDate, paymentTermsDays: Int, currencyCode: String,
        lineItems: [ZohoInvoiceLineDraft]
    ) {
        self.customerId = customerId
        self.referenceNumber = referenceNumber
        self.date = date
        self.paymentTermsDays = paymentTermsDays
        self.currencyCode = currencyCode
        self.lineItems = lineItems
    }
}

/// Zoho Books invoice `status` values.
public enum ZohoInvoiceStatus: String, Sendable, Hashable, Codable {
    case draft, sent, viewed, overdue, paid, void, unpaid
    case partiallyPaid = "partially_paid"
}

/// A Zoho Books invoice (`/invoices`).
public struct ZohoInvoice: Sendable, Hashable, Codable {
    /// `invoice_id` (digit string).
    public var id: String
    /// `invoice_number`, e.g. `"INV-000011"`.
    public var number: String
    /// `reference_number`.
    public var referenceNumber: String
    /// `customer_id`.
    public var customerId: String
    /// `status`; unknown values decode as `nil`.
    public var status: ZohoInvoiceStatus?
    /// `total` in `currency_code`.
    public var total: Money
    /// `balance` (amount still due) in `currency_code`.
    public var balance: Decimal
    /// `is_emailed`.
    public var isEmailed: Bool
    /// `last_modified_time` (an instant; Zoho sends it in the organization's time zone).
    public var lastModifiedTime: Date?

    public init(
        id: String, number: String, referenceNumber: String, customerId: String, status: ZohoInvoiceStatus?,
        total: Money, balance: Decimal, isEmailed: Bool, lastModifiedTime: Date?
    ) {
        self.id = id
        self.number = number
        self.referenceNumber = referenceNumber
        self.customerId = customerId
        self.status = status
        self.total = total
        self.balance = balance
        self.isEmailed = isEmailed
        self.lastModifiedTime = lastModifiedTime
    }
}

/// A customer payment as listed by `/customerpayments` (no per-invoice amounts in the list).
public struct CustomerPaymentSummary: Sendable, Hashable, Codable {
    /// `payment_id`.
    public var id: String
    /// `last_modified_time`: the payments stream's watermark field.
    public var lastModifiedTime: Date

    public init(id: String, lastModifiedTime: Date) {
        self.id = id
        self.lastModifiedTime = lastModifiedTime
    }
}

/// The part of a customer payment applied to one invoice (`payment.invoices[]`).
public struct PaymentApplication: Sendable, Hashable, Codable {
    /// `invoice_id`.
    public var invoiceId: String
    /// `invoice_number`.
    public var invoiceNumber: String
    /// `amount_applied` in the payment currency.
    public var amountApplied: Decimal
    /// The invoice's `total`.
    public var invoiceTotal: Decimal
    /// The invoice's `balance` after this and earlier payments.
    public var invoiceBalance: Decimal

    public init(invoiceId: String, invoiceNumber: String, amountApplied: Decimal, invoiceTotal: Decimal, invoiceBalance: Decimal) {
        self.invoiceId = invoiceId
        self.invoiceNumber = invoiceNumber
        self.amountApplied = amountApplied
        self.invoiceTotal = invoiceTotal
        self.invoiceBalance = invoiceBalance
    }
}

/// A customer payment with its applications (`GET /customerpayments/{payment_id}`).
public struct CustomerPayment: Sendable, Hashable, Codable {
    /// `payment_id`.
    public var id: String
    /// `payment_number`.
    public var number: String
    /// `date`.
    public var date: CalendarDate
    /// `payment_mode`, e.g. `"banktransfer"`, `"cash"`.
    public var paymentMode: String
    /// `amount` in `currency_code`.
    public var amount: Money
    /// `invoices[]`.
    public var applications: [PaymentApplication]
    /// `updated_time` (or `last_modified_time`).
    public var lastModifiedTime: Date?

    public init(
        id: String, number: String, date: CalendarDate, paymentMode: String, amount: Money,
        applications: [PaymentApplication], lastModifiedTime: Date?
    ) {
        self.id = id
        self.number = number
        self.date = date
        self.paymentMode = paymentMode
        self.amount = amount
        self.applications = applications
        self.lastModifiedTime = lastModifiedTime
    }
}
