import Foundation
import SyncCore

/// One row of a state table, as `crm-sync state export` writes it and `state import` reads it.
///
/// Encoded as `{"table": "<table name>", "row": {...}}` with the row's own `Codable` fields, so the file does not
/// depend on either backend's column types. Flow leases are not state to move (they belong to running replicas).
public enum StateRecord: Sendable, Hashable, Codable {
    /// A row of `watermark`.
    case watermark(Watermark)
    /// A row of `accountMapping` (Account -> Business Partner / Zoho contact).
    case accountMapping(AccountMapping)
    /// A row of `dealMapping` (Opportunity -> Sales Order / invoice).
    case dealMapping(DealMapping)
    /// A row of `productMapping` (Product2 -> Material, stock last written).
    case productMapping(ProductMapping)
    /// A row of `journal`.
    case journal(JournalEntry)
    /// A row of `deadLetter`, with its id.
    case deadLetter(DeadLetter)
    /// A row of `syncRun`, with its id.
    case syncRun(SyncRun)
    /// A row of `api_quota`.
    case apiQuota(APIQuotaUsage)

    /// The tables exported and imported, in import order (the `StateSchema` table names).
    public static let tables = ["watermark", "accountMapping", "dealMapping", "productMapping", "journal", "deadLetter", "syncRun", "api_quota"]

    /// The table the record belongs to.
    public var table: String {
        switch self {
        case .watermark: "watermark"
        case .accountMapping: "accountMapping"
        case .dealMapping: "dealMapping"
        case .productMapping: "productMapping"
        case .journal: "journal"
        case .deadLetter: "deadLetter"
        case .syncRun: "syncRun"
        case .apiQuota: "api_quota"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case table, row
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let table = try container.decode(String.self, forKey: .table)
        switch table {
        case "watermark": self = .watermark(try container.decode(Watermark.self, forKey: .row))
        case "accountMapping": self = .accountMapping(try container.decode(AccountMapping.self, forKey: .row))
        case "dealMapping": self = .dealMapping(try container.decode(DealMapping.self, forKey: .row))
        case "productMapping": self = .productMapping(try container.decode(ProductMapping.self, forKey: .row))
        case "journal": self = .journal(try container.decode(JournalEntry.self, forKey: .row))
        case "deadLetter": self = .deadLetter(try container.decode(DeadLetter.self, forKey: .row))
        case "syncRun": self = .syncRun(try container.decode(SyncRun.self, forKey: .row))
        case "api_quota": self = .apiQuota(try container.decode(APIQuotaUsage.self, forKey: .row))
        default:
            throw DecodingError.dataCorruptedError(forKey: .table, in: container, debugDescription: "Unknown table '\(table)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(table, forKey: .table)
        switch self {
        case .watermark(let row): try container.encode(row, forKey: .row)
        case .accountMapping(let row): try container.encode(row, forKey: .row)
        case .dealMapping(let row): try container.encode(row, forKey: .row)
        case .productMapping(let row): try container.encode(row, forKey: .row)
        case .journal(let row): try container.encode(row, forKey: .row)
        case .deadLetter(let row): try container.encode(row, forKey: .row)
        case .syncRun(let row): try container.encode(row, forKey: .row)
        case .apiQuota(let row): try container.encode(row, forKey: .row)
        }
    }
}
