/// The API names of the custom fields CRMSync reads and writes, configurable per org.
///
/// Defaults are the names in the CRMSync setup guide; an org that named them differently sets its own here.
public struct SalesforceFieldNames: Sendable, Hashable, Codable {
    /// Opportunity text field for the SAP Sales Order number.
    public var sapOrderNumber: String
    /// Opportunity text field for the Zoho Books invoice number.
    public var zohoInvoiceNumber: String
    /// Opportunity picklist `Synced` / `Partial` / `Failed`.
    public var syncStatus: String
    /// Opportunity dateTime (UTC) of the last write-back.
    public var lastSyncDate: String
    /// Opportunity checkbox set when the Zoho invoice is paid.
    public var paymentReceived: String
    /// Opportunity date of the payment.
    public var paymentDate: String
    /// Opportunity currency field with the paid amount (in the Opportunity's currency).
    public var paymentAmount: String
    /// Opportunity text field with Zoho's payment mode.
    public var paymentMethod: String
    /// Product2 number field with the summed unrestricted SAP stock (base unit of measure).
    public var availableStock: String
    /// Product2 checkbox set below the low-stock threshold.
    public var lowStockAlert: String
    /// Product2 dateTime (UTC) when the stock was read.
    public var stockLastUpdated: String

    /// Creates the field names; every parameter defaults to CRMSync's standard name.
    public init(
        sapOrderNumber: String = "SAP_Order_Number__c", zohoInvoiceNumber: String = "Zoho_Invoice_Number__c",
        syncStatus: String = "Sync_Status__c", lastSyncDate: String = "Last_Sync_Date__c",
        paymentReceived: String = "Payment_Received__c", paymentDate: String = "Payment_Date__c",
        paymentAmount: String = "Payment_Amount__c", paymentMethod: String = "Payment_Method__c",
        availableStock: String = "Available_Stock__c", lowStockAlert: String = "Low_Stock_Alert__c",
        stockLastUpdated: String = "Stock_Last_Updated__c"
    ) {
        self.sapOrderNumber = sapOrderNumber
        self.zohoInvoiceNumber = zohoInvoiceNumber
        self.syncStatus = syncStatus
        self.lastSyncDate = lastSyncDate
        self.paymentReceived = paymentReceived
        self.paymentDate = paymentDate
        self.paymentAmount = paymentAmount
        self.paymentMethod = paymentMethod
        self.availableStock = availableStock
        self.lowStockAlert = lowStockAlert
        self.stockLastUpdated = stockLastUpdated
    }

    /// The Opportunity fields in SOQL select order.
    var opportunityFields: [String] {
        [sapOrderNumber, zohoInvoiceNumber, syncStatus, lastSyncDate, paymentReceived, paymentDate, paymentAmount,
         paymentMethod]
    }

    /// The Product2 stock fields in SOQL select order.
    var product2StockFields: [String] { [availableStock, lowStockAlert, stockLastUpdated] }
}
