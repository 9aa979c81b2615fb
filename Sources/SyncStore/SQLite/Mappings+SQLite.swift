import Foundation
import GRDB
import SyncCore

extension AccountMapping {
    /// Reads an `accountMapping` row by column name with GRDB's value conversions (no Codable decoder).
    /// - Throws: GRDB's `RowDecodingError` when a column is missing or NULL where required.
    public init(row: Row) throws {
        self.init(
            accountID: try row.decode(forColumn: "accountID"),
            sapBusinessPartner: try row.decode(forColumn: "sapBusinessPartner"),
            sapCustomer: try row.decode(forColumn: "sapCustomer"), zohoContactID: try row.decode(forColumn: "zohoContactID"),
            zohoContactEmail: try row.decode(forColumn: "zohoContactEmail"))
    }

    /// The mapping's values in `StateSchema.accountMapping` column order, for its `upsertSQL`.
    var upsertArguments: StatementArguments {
        [accountID, sapBusinessPartner, sapCustomer, zohoContactID, zohoContactEmail]
    }
}

extension DealMapping {
    /// Reads a `dealMapping` row by column name with GRDB's value conversions (no Codable decoder).
    /// - Throws: GRDB's `RowDecodingError` when a column is missing or NULL where required.
    public init(row: Row) throws {
        self.init(
            opportunityID: try row.decode(forColumn: "opportunityID"), sapSalesOrder: try row.decode(forColumn: "sapSalesOrder"),
            zohoInvoiceID: try row.decode(forColumn: "zohoInvoiceID"),
            zohoInvoiceNumber: try row.decode(forColumn: "zohoInvoiceNumber"),
            invoiceEmailed: try row.decode(forColumn: "invoiceEmailed"), currency: try row.decode(forColumn: "currency"))
    }

    /// The mapping's values in `StateSchema.dealMapping` column order, for its `upsertSQL`.
    var upsertArguments: StatementArguments {
        [opportunityID, sapSalesOrder, zohoInvoiceID, zohoInvoiceNumber, invoiceEmailed, currency]
    }
}

extension ProductMapping {
    /// Reads a `productMapping` row by column name with GRDB's value conversions (no Codable decoder): stock as
    /// GRDB's decimal text (`en_US_POSIX`, in the material's base unit), `lastWrittenAt` as GRDB's UTC time text.
    /// - Throws: GRDB's `RowDecodingError` when a column is missing or NULL where required.
    public init(row: Row) throws {
        self.init(
            product2ID: try row.decode(forColumn: "product2ID"), material: try row.decode(forColumn: "material"),
            lastWrittenStock: try row.decode(forColumn: "lastWrittenStock"),
            lastWrittenLowStock: try row.decode(forColumn: "lastWrittenLowStock"),
            lastWrittenAt: try row.decode(forColumn: "lastWrittenAt"))
    }

    /// The mapping's values in `StateSchema.productMapping` column order, for its `upsertSQL`; times through `dates`.
    func upsertArguments(_ dates: inout DatabaseDateCache) -> StatementArguments {
        [product2ID, material, lastWrittenStock, lastWrittenLowStock, dates.value(lastWrittenAt)]
    }
}
