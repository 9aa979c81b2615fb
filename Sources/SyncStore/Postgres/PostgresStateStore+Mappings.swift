import Foundation
import PostgresNIO
import SyncCore

extension PostgresStateStore {
    public func accountMappings(_ accountIDs: [String]) async throws -> [String: AccountMapping] {
        guard !accountIDs.isEmpty else { return [:] }
        let rows = try await read { session in
            try await session.rows("SELECT \(unescaped: PostgresRecords.accountColumns) FROM accountMapping WHERE accountID = ANY(\(accountIDs))")
                .map(PostgresRecords.account)
        }
        return Dictionary(rows.map { ($0.accountID, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func dealMappings(_ opportunityIDs: [String]) async throws -> [String: DealMapping] {
        guard !opportunityIDs.isEmpty else { return [:] }
        let rows = try await read { session in
            try await session.rows("SELECT \(unescaped: PostgresRecords.dealColumns) FROM dealMapping WHERE opportunityID = ANY(\(opportunityIDs))")
                .map(PostgresRecords.deal)
        }
        return Dictionary(rows.map { ($0.opportunityID, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func dealMappings(zohoInvoiceIDs: [String]) async throws -> [String: DealMapping] {
        guard !zohoInvoiceIDs.isEmpty else { return [:] }
        let rows = try await read { session in
            try await session.rows("SELECT \(unescaped: PostgresRecords.dealColumns) FROM dealMapping WHERE zohoInvoiceID = ANY(\(zohoInvoiceIDs))")
                .map(PostgresRecords.deal)
        }
        return Dictionary(rows.compactMap { row in row.zohoInvoiceID.map { ($0, row) } }, uniquingKeysWith: { a, _ in a })
    }

    public func forEachDealMapping(batchSize: Int, _ body: ([DealMapping]) async throws -> Void) async throws {
        var after = ""
        while true {
            let cursor = after
            let batch = try await read { session in
                try await session.rows("""
                    SELECT \(unescaped: PostgresRecords.dealColumns) FROM dealMapping
                    WHERE opportunityID > \(cursor) ORDER BY opportunityID LIMIT \(batchSize)
                    """).map(PostgresRecords.deal)
            }
            guard let last = batch.last else { return }
            try await body(batch)
            after = last.opportunityID
        }
    }

    public func productMappings(_ product2IDs: [String]) async throws -> [String: ProductMapping] {
        guard !product2IDs.isEmpty else { return [:] }
        let rows = try await read { session in
            try await session.rows("SELECT \(unescaped: PostgresRecords.productColumns) FROM productMapping WHERE product2ID = ANY(\(product2IDs))")
                .map(PostgresRecords.product)
        }
        return Dictionary(rows.map { ($0.product2ID, $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func upsert(_ account: AccountMapping, _ session: PostgresSession) async throws {
        try await session.execute("""
            INSERT INTO accountMapping (accountID, sapBusinessPartner, sapCustomer, zohoContactID, zohoContactEmail)
            VALUES (\(account.accountID), \(account.sapBusinessPartner), \(account.sapCustomer), \(account.zohoContactID), \(account.zohoContactEmail))
            ON CONFLICT (accountID) DO UPDATE SET
                sapBusinessPartner = excluded.sapBusinessPartner, sapCustomer = excluded.sapCustomer,
                zohoContactID = excluded.zohoContactID, zohoContactEmail = excluded.zohoContactEmail
            """)
    }

    static func upsert(_ deal: DealMapping, _ session: PostgresSession) async throws {
        try await session.execute("""
            INSERT INTO dealMapping (opportunityID, sapSalesOrder, zohoInvoiceID, zohoInvoiceNumber, invoiceEmailed, currency)
            VALUES (\(deal.opportunityID), \(deal.sapSalesOrder), \(deal.zohoInvoiceID), \(deal.zohoInvoiceNumber), \(deal.invoiceEmailed), \(deal.currency))
            ON CONFLICT (opportunityID) DO UPDATE SET
                sapSalesOrder = excluded.sapSalesOrder, zohoInvoiceID = excluded.zohoInvoiceID,
                zohoInvoiceNumber = excluded.zohoInvoiceNumber, invoiceEmailed = excluded.invoiceEmailed, currency = excluded.currency
            """)
    }

    static func upsert(_ product: ProductMapping, _ session: PostgresSession) async throws {
        let stock = product.lastWrittenStock.map { "\($0)" }
        try await session.execute("""
            INSERT INTO productMapping (product2ID, material, lastWrittenStock, lastWrittenLowStock, lastWrittenAt)
            VALUES (\(product.product2ID), \(product.material), \(stock)::numeric, \(product.lastWrittenLowStock), \(product.lastWrittenAt))
            ON CONFLICT (product2ID) DO UPDATE SET
                material = excluded.material, lastWrittenStock = excluded.lastWrittenStock,
                lastWrittenLowStock = excluded.lastWrittenLowStock, lastWrittenAt = excluded.lastWrittenAt
            """)
    }
}
