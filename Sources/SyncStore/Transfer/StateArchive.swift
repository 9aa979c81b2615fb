import Foundation
import SyncCore

/// The state export file: JSON Lines, a header line then one `StateRecord` per line.
///
/// Times are ISO 8601 UTC with milliseconds; quantities are JSON numbers written from `Decimal` (exact). Example:
/// ```
/// {"backend":"sqlite","exportedAt":"2026-11-30T12:00:00.000Z","format":"crm-sync-state","schemaVersion":"v2"}
/// {"row":{"lastID":"006…","position":"2026-11-30T11:59:00.123Z","stream":"salesforce.opportunity.orders","updatedAt":"…"},"table":"watermark"}
/// ```
public enum StateArchive {
    /// The first line of an export.
    public struct Header: Sendable, Hashable, Codable {
        /// Always `crm-sync-state`.
        public var format: String
        /// The schema version of the exporting build (`StateSchema.currentVersion`).
        public var schemaVersion: String
        /// The backend exported from: `sqlite` or `postgresql`.
        public var backend: String
        /// When the export was made (UTC).
        public var exportedAt: Date

        /// A header for an export made now by this build.
        public init(backend: String, exportedAt: Date, schemaVersion: String = StateSchema.currentVersion) {
            self.format = "crm-sync-state"
            self.schemaVersion = schemaVersion
            self.backend = backend
            self.exportedAt = exportedAt
        }
    }

    /// Writes every record of `store` to `url` (created, mode 0600: the journal names customers).
    /// - Returns: the number of records per table.
    /// - Throws: `SyncError` `.stateStore` (read or file failures).
    @discardableResult
    public static func export(_ store: any StateStore, header: Header, to url: URL, batchSize: Int = 1000) async throws -> [String: Int] {
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = try? FileHandle(forWritingTo: url) else {
            throw SyncError(code: .stateStore, system: .stateStore, message: "Cannot create the export file \(url.path).")
        }
        defer { try? handle.close() }
        let encoder = makeEncoder()
        var counts: [String: Int] = [:]
        do {
            try handle.write(contentsOf: try encoder.encode(header) + Data("\n".utf8))
            try await store.exportRecords(batchSize: batchSize) { records in
                var chunk = Data()
                for record in records {
                    chunk += try encoder.encode(record)
                    chunk += Data("\n".utf8)
                    counts[record.table, default: 0] += 1
                }
                try handle.write(contentsOf: chunk)
            }
        } catch let error as SyncError {
            throw error
        } catch {
            throw SyncError(code: .stateStore, system: .stateStore, message: "Cannot write the export file \(url.path).", underlying: "\(error)")
        }
        return counts
    }

    /// Reads an export file.
    /// - Throws: `SyncError` `.stateStore` when the file is unreadable, has no valid header, a line that is not a
    ///   record (its line number is named), or a schema version this build does not know.
    public static func read(from url: URL) throws -> (header: Header, records: [StateRecord]) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SyncError(code: .stateStore, system: .stateStore, message: "Cannot read the import file \(url.path).")
        }
        let decoder = makeDecoder()
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).makeIterator()
        guard let first = lines.next(), let header = try? decoder.decode(Header.self, from: Data(first)),
              header.format == "crm-sync-state" else {
            throw SyncError(code: .stateStore, system: .stateStore, message: "\(url.path) is not a crm-sync state export (no header line).")
        }
        guard StateSchema.migrations.contains(where: { $0.identifier == header.schemaVersion }) else {
            throw SyncError(
                code: .stateStore, system: .stateStore,
                message: "\(url.path) was exported at schema \(header.schemaVersion), which this crm-sync does not know; import it with that version.")
        }
        var records: [StateRecord] = []
        var number = 1
        while let line = lines.next() {
            number += 1
            do {
                records.append(try decoder.decode(StateRecord.self, from: Data(line)))
            } catch {
                throw SyncError(code: .stateStore, system: .stateStore, message: "\(url.path) line \(number) is not a state record.", underlying: "\(error)")
            }
        }
        return (header, records)
    }

    /// The error of an import into a store whose exported tables already have rows.
    static func targetNotEmpty(_ tables: [String]) -> SyncError {
        SyncError(
            code: .stateStore, system: .stateStore,
            message: "The target state store is not empty (\(tables.joined(separator: ", ")) have rows); import into an empty store, or pass --replace to delete its rows first.")
    }

    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(timestampStyle))
        }
        return encoder
    }

    static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = try? timestampStyle.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not an ISO 8601 time: \(text)")
            }
            return date
        }
        return decoder
    }

    /// ISO 8601 in UTC with milliseconds.
    static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)
}
