import Foundation
import SyncCore
import SyncStore

/// A dead letter as operators read it (`crm-sync dead-letters show ID [--json]`): the stored error, the action with
/// its record data, and the history, with no encoding artefacts.
///
/// The stored action is Swift's synthesized encoding of `ReconcileOperation`, which names unlabelled associated
/// values `_0`; here the operation is `kind` (e.g. `create_sales_order`) and its values are merged into one object
/// (`{"accountID": …, "draft": {…}}`, `{"opportunityId": …, "fields": {…}}`).
public struct DeadLetterView: Sendable, Encodable {
    /// The error part.
    public struct ErrorPart: Sendable, Encodable {
        public var code: String
        public var system: String
        public var message: String
        public var recordID: String?
        public var field: String?
        public var httpStatus: Int?
        public var vendorCode: String?
    }

    /// The action part: kind, target system, idempotency key and the record data it carries.
    public struct ActionPart: Sendable, Encodable {
        public var kind: String
        public var targetSystem: String
        public var idempotencyKey: String
        public var record: JSONValue
    }

    public var id: Int64?
    public var status: String
    public var flow: String
    public var recordID: String
    public var error: ErrorPart
    public var action: ActionPart
    public var failures: Int
    public var alerted: Bool
    /// First and last failure (UTC).
    public var createdAt: Date
    public var updatedAt: Date

    /// The view of a stored dead letter.
    public init(_ letter: DeadLetter) {
        id = letter.id
        status = letter.status.rawValue
        flow = letter.flow
        recordID = letter.recordID
        error = ErrorPart(
            code: letter.error.code.rawValue, system: letter.error.system.rawValue, message: letter.error.message,
            recordID: letter.error.recordID, field: letter.error.field, httpStatus: letter.error.httpStatus,
            vendorCode: letter.error.vendorCode)
        action = ActionPart(
            kind: letter.action.operation.kind, targetSystem: letter.action.operation.targetSystem.rawValue,
            idempotencyKey: letter.action.idempotencyKey, record: Self.payload(of: letter.action.operation))
        failures = letter.failures
        alerted = letter.alerted
        createdAt = letter.createdAt
        updatedAt = letter.updatedAt
    }

    /// The operation's associated values as one JSON object (the case name dropped, `_0` values merged in).
    static func payload(of operation: ReconcileOperation) -> JSONValue {
        guard let data = try? JSONEncoder.deadLetter.encode(operation),
              case .object(let cases) = (try? JSONDecoder().decode(JSONValue.self, from: data)) ?? .null,
              let values = cases.values.first else { return .null }
        return values.mergingUnlabelled()
    }

    /// The view as indented `name: value` lines, for people.
    public func text() -> String {
        var lines = [
            "Dead letter \(id.map(String.init) ?? "-") (\(status)): flow \(flow), record \(recordID)",
            "Error: \(error.code) from \(error.system)" + (error.httpStatus.map { " (HTTP \($0)" + (error.vendorCode.map { ", \($0)" } ?? "") + ")" } ?? ""),
            "  \(error.message)",
        ]
        if let field = error.field { lines.append("  field: \(field)") }
        if let record = error.recordID, record != recordID { lines.append("  record: \(record)") }
        let stamp = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)
        lines += [
            "Failures: \(failures), first \(createdAt.formatted(stamp)), last \(updatedAt.formatted(stamp)); alerted: \(alerted ? "yes" : "no")",
            "Action: \(action.kind) in \(action.targetSystem), idempotency key \(action.idempotencyKey)",
            "Record data:",
        ]
        lines += action.record.indentedLines(depth: 1)
        return lines.joined(separator: "\n")
    }
}

extension JSONEncoder {
    /// Dates as ISO 8601, keys sorted: how dead-letter actions are shown.
    static var deadLetter: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
