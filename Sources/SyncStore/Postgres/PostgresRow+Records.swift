import Foundation
import PostgresNIO
import SyncCore

/// Column lists and row decoders for the state tables (the same columns as `StateSchema`, in `SELECT` order).
enum PostgresRecords {
    static let watermarkColumns = "stream, position, lastID, updatedAt"
    static let accountColumns = "accountID, sapBusinessPartner, sapCustomer, zohoContactID, zohoContactEmail"
    static let dealColumns = "opportunityID, sapSalesOrder, zohoInvoiceID, zohoInvoiceNumber, invoiceEmailed, currency"
    static let productColumns = "product2ID, material, lastWrittenStock::text, lastWrittenLowStock, lastWrittenAt"
    static let journalColumns =
        "idempotencyKey, flow, kind, targetSystem, recordID, status, attempts, resultReference, errorCode, errorMessage, createdAt, updatedAt"
    static let deadLetterColumns =
        "id, idempotencyKey, flow, recordID, error, action, status, alerted, failures, createdAt, updatedAt"
    static let runColumns =
        "id, flow, kind, outcome, observed, planned, applied, failed, dead, errorMessage, startedAt, finishedAt"
    static let quotaColumns = "system, used, daily_limit, observed_at"

    static func watermark(_ row: PostgresRow) throws -> Watermark {
        let (stream, position, lastID, updatedAt) = try row.decode((String, Date, String?, Date).self)
        return Watermark(stream: stream, position: position, lastID: lastID, updatedAt: updatedAt)
    }

    static func account(_ row: PostgresRow) throws -> AccountMapping {
        let (id, partner, customer, contact, email) = try row.decode((String, String?, String?, String?, String?).self)
        return AccountMapping(accountID: id, sapBusinessPartner: partner, sapCustomer: customer, zohoContactID: contact, zohoContactEmail: email)
    }

    static func deal(_ row: PostgresRow) throws -> DealMapping {
        let (id, order, invoiceID, invoiceNumber, emailed, currency) = try row.decode((String, String?, String?, String?, Bool, String?).self)
        return DealMapping(
            opportunityID: id, sapSalesOrder: order, zohoInvoiceID: invoiceID, zohoInvoiceNumber: invoiceNumber,
            invoiceEmailed: emailed, currency: currency)
    }

    static func product(_ row: PostgresRow) throws -> ProductMapping {
        let (id, material, stock, low, at) = try row.decode((String, String, String?, Bool?, Date?).self)
        return ProductMapping(
            product2ID: id, material: material, lastWrittenStock: try stock.map(decimal), lastWrittenLowStock: low, lastWrittenAt: at)
    }

    static func journal(_ row: PostgresRow) throws -> JournalEntry {
        let (key, flow, kind, target, record, status, attempts, reference, code, message, created, updated) = try row.decode(
            (String, String, String, String, String, String, Int, String?, String?, String?, Date, Date).self)
        return JournalEntry(
            idempotencyKey: key, flow: flow, kind: kind, targetSystem: target, recordID: record,
            status: try enumValue(JournalStatus.self, status), attempts: attempts, resultReference: reference,
            errorCode: code, errorMessage: message, createdAt: created, updatedAt: updated)
    }

    static func deadLetter(_ row: PostgresRow) throws -> DeadLetter {
        let (id, key, flow, record, error, action, status, alerted, failures, created, updated) = try row.decode(
            (Int64, String, String, String, String, String, String, Bool, Int, Date, Date).self)
        return DeadLetter(
            id: id, idempotencyKey: key, flow: flow, recordID: record,
            error: try JSONDecoder().decode(SyncError.self, from: Data(error.utf8)),
            action: try JSONDecoder().decode(ReconcileAction.self, from: Data(action.utf8)),
            status: try enumValue(DeadLetterStatus.self, status), alerted: alerted, failures: failures,
            createdAt: created, updatedAt: updated)
    }

    static func run(_ row: PostgresRow) throws -> SyncRun {
        let (id, flow, kind, outcome, observed, planned, applied, failed, dead, message, started, finished) = try row.decode(
            (Int64, String, String, String, Int, Int, Int, Int, Int, String?, Date, Date?).self)
        return SyncRun(
            id: id, flow: flow, kind: try enumValue(SyncRun.Kind.self, kind), outcome: try enumValue(SyncRun.Outcome.self, outcome),
            observed: observed, planned: planned, applied: applied, failed: failed, dead: dead, errorMessage: message,
            startedAt: started, finishedAt: finished)
    }

    static func quota(_ row: PostgresRow) throws -> APIQuotaUsage {
        let (system, used, limit, observed) = try row.decode((String, Int, Int, Date).self)
        return APIQuotaUsage(system: system, used: used, dailyLimit: limit, observedAt: observed)
    }

    /// JSON text of a `Codable` value (dead letters' error and action).
    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    /// A `NUMERIC` read as text, exactly.
    static func decimal(_ text: String) throws -> Decimal {
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw SyncError(code: .stateStore, system: .stateStore, message: "A stored quantity is not a number.")
        }
        return value
    }

    static func enumValue<T: RawRepresentable<String>>(_ type: T.Type, _ raw: String) throws -> T {
        guard let value = T(rawValue: raw) else {
            throw SyncError(code: .stateStore, system: .stateStore, message: "Unknown stored \(T.self) '\(raw)'.")
        }
        return value
    }
}
