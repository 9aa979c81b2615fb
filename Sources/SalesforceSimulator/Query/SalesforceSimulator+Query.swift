import Foundation
import HTTPTypes
import Hummingbird

extension SalesforceSimulator {
    private static let queryOptionsHeader = HTTPField.Name("Sforce-Query-Options")!

    /// `GET /query?q=` and `GET /queryAll?q=` (REST API "Query", "QueryAll"): runs the SOQL statement, snapshots
    /// the result, and answers the first page with `totalSize`, `done`, `nextRecordsUrl` and `records`.
    /// Page size: `queryBatchSize` (2,000), or `Sforce-Query-Options: batchSize=N` clamped to 200…2,000.
    func runQuery(_ request: Request, version: String, includeDeleted: Bool) throws(SalesforceError) -> Response {
        guard let soql = RESTResponse.queryParameters(request)["q"], !soql.isEmpty else {
            throw SalesforceError(status: 400, errorCode: "MALFORMED_QUERY", message: "A query string must be provided.")
        }
        let batchSize = requestedBatchSize(request)
        let statement: SOQLStatement
        do throws(SOQLError) {
            statement = try SOQLParser.parse(soql)
        } catch {
            throw Self.queryError(error, soql: soql)
        }
        return try withOrg { (org: inout OrgState) throws(SalesforceError) -> Response in
            let outcome: QueryOutcome
            do throws(SOQLError) {
                outcome = try SOQLEvaluator(state: org, version: version, includeDeleted: includeDeleted).run(statement)
            } catch {
                throw Self.queryError(error, soql: soql)
            }
            let cursor = QueryCursor(rows: outcome.rows, weights: outcome.weights, batchSize: batchSize)
            let (rows, next) = cursor.page(from: 0)
            var locator: String?
            if next != nil {
                org.cursorCounter += 1
                let id = SalesforceId.make(keyPrefix: "01g", pod: "7Q0", counter: org.cursorCounter)
                org.cursors[id] = cursor
                locator = id
            }
            return Self.pageResponse(
                totalSize: outcome.totalSize, rows: rows, next: next.flatMap { offset in locator.map { ($0, offset) } },
                version: version)
        }
    }

    /// `GET /query/<locator>-<offset>`: the next page of a snapshotted result.
    /// - Throws: 400 `INVALID_QUERY_LOCATOR` for an unknown locator or offset.
    func nextPage(locator text: String, version: String) throws(SalesforceError) -> Response {
        let invalid = SalesforceError(status: 400, errorCode: "INVALID_QUERY_LOCATOR", message: "invalid query locator")
        let parts = text.split(separator: "-")
        guard parts.count == 2, let offset = Int(parts[1]), offset > 0, let locator = SalesforceId.canonical(String(parts[0]))
        else { throw invalid }
        return try withOrg { (org: inout OrgState) throws(SalesforceError) -> Response in
            guard let cursor = org.cursors[locator], offset < cursor.rows.count else { throw invalid }
            let (rows, next) = cursor.page(from: offset)
            return Self.pageResponse(
                totalSize: cursor.rows.count, rows: rows, next: next.map { (locator, $0) }, version: version)
        }
    }

    private func requestedBatchSize(_ request: Request) -> Int {
        let maximum = configuration.queryBatchSize
        guard let header = request.headers[Self.queryOptionsHeader] else { return maximum }
        for option in header.split(separator: ",") {
            let pair = option.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "batchsize", let size = Int(pair[1]) {
                return min(max(size, 200), 2000)
            }
        }
        return maximum
    }

    private static func pageResponse(totalSize: Int, rows: [JSONValue], next: (String, Int)?, version: String) -> Response {
        var members: [(String, JSONValue)] = [("totalSize", .number(Decimal(totalSize))), ("done", .bool(next == nil))]
        if let (locator, offset) = next {
            members.append(("nextRecordsUrl", .string("/services/data/\(version)/query/\(locator)-\(offset)")))
        }
        members.append(("records", .array(rows)))
        return RESTResponse.json(200, .object(members))
    }

    /// Maps a SOQL error to Salesforce's body: syntax errors as `MALFORMED_QUERY`, schema errors with the
    /// statement, a caret and `ERROR at Row:…:Column:…` as in the recorded INVALID_FIELD body.
    static func queryError(_ error: SOQLError, soql: String) -> SalesforceError {
        func located(_ message: String, _ offset: Int) -> String {
            let characters = Array(soql)
            let prefix = characters[0..<min(offset, characters.count)]
            let row = prefix.filter { $0 == "\n" }.count + 1
            let lineStart = prefix.lastIndex(of: "\n").map { $0 + 1 } ?? 0
            let column = offset - lineStart + 1
            let line = soql.split(separator: "\n", omittingEmptySubsequences: false)[row - 1]
            return "\n\(line)\n\(String(repeating: " ", count: column - 1))^\nERROR at Row:\(row):Column:\(column)\n\(message)"
        }
        switch error {
        case .malformed(let message, _):
            return SalesforceError(status: 400, errorCode: "MALFORMED_QUERY", message: message)
        case .invalidField(let message, let offset):
            return SalesforceError(status: 400, errorCode: "INVALID_FIELD", message: located(message, offset))
        case .invalidType(let message, let offset):
            return SalesforceError(status: 400, errorCode: "INVALID_TYPE", message: located(message, offset))
        case .invalidFilterOperator(let message, let offset):
            return SalesforceError(status: 400, errorCode: "INVALID_QUERY_FILTER_OPERATOR", message: located(message, offset))
        case .numberOutsideValidRange(let message):
            return SalesforceError(status: 400, errorCode: "NUMBER_OUTSIDE_VALID_RANGE", message: message)
        }
    }
}
