import Foundation
import Hummingbird

extension SalesforceSimulator {
    /// `GET /sobjects/<Type>/updated/?start=&end=` -> `{"ids":[…],"latestDateCovered":…}` and
    /// `GET /sobjects/<Type>/deleted/?start=&end=` -> `{"deletedRecords":[{"id","deletedDate"}],
    /// "earliestDateAvailable","latestDateCovered"}` (REST API "sObject Get Updated/Deleted").
    /// Seconds in `start`/`end` are ignored; `updated` looks back at most 30 days and `deleted` 15.
    /// `latestDateCovered` is `end` (to the minute), or the stamp of a write not yet committed, whichever is earlier.
    /// - Throws: 400 `INVALID_REPLICATION_DATE` for missing, unparsable, reversed or too-old windows.
    func replication(_ request: Request, type: String, deleted: Bool) throws(SalesforceError) -> Response {
        let object = try object(type)
        let parameters = RESTResponse.queryParameters(request)
        func invalid(_ message: String) -> SalesforceError {
            SalesforceError(status: 400, errorCode: "INVALID_REPLICATION_DATE", message: message)
        }
        guard let startText = parameters["start"], let endText = parameters["end"],
            let startRaw = SalesforceDateFormat.parseDateTime(startText), let endRaw = SalesforceDateFormat.parseDateTime(endText)
        else { throw invalid("start and end must be valid dateTime values") }
        let start = Self.toMinute(startRaw)
        let end = Self.toMinute(endRaw)
        guard start < end else { throw invalid("start date must chronologically precede end date") }
        let now = clock.now()
        let window: Double = deleted ? 15 * 86_400 : 30 * 86_400
        guard start >= Self.toMinute(now.addingTimeInterval(-window)) else {
            throw invalid("startDate cannot be more than \(deleted ? 15 : 30) days ago")
        }
        let body: JSONValue = withOrg { org in
            let inFlight = org.pending.filter { $0.record.type == object.name }.map(\.stamp).min()
            let latest = min(end, inFlight.map(Self.toMinute) ?? end, Self.toMinute(now))
            let covered = JSONValue.string(SalesforceDateFormat.dateTime(latest))
            let rows = org.records(of: object.name, includeDeleted: true)
            if deleted {
                let entries = rows.compactMap { record -> JSONValue? in
                    guard let at = record.deletedAt, at >= start, at < latest else { return nil }
                    return .object([("id", .string(record.id)), ("deletedDate", .string(SalesforceDateFormat.dateTime(at)))])
                }
                return .object([
                    ("deletedRecords", .array(entries)),
                    ("earliestDateAvailable", .string(SalesforceDateFormat.dateTime(Self.toMinute(now.addingTimeInterval(-window))))),
                    ("latestDateCovered", covered),
                ])
            }
            let ids = rows.compactMap { record -> JSONValue? in
                guard !record.isDeleted, case .dateTime(let stamp) = record["SystemModstamp"], stamp >= start, stamp < latest
                else { return nil }
                return .string(record.id)
            }
            return .object([("ids", .array(ids)), ("latestDateCovered", covered)])
        }
        return RESTResponse.json(200, body)
    }

    private static func toMinute(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 60).rounded(.down) * 60)
    }
}
