import PostgresNIO

/// Turns postgres-nio errors into short texts for `SyncError.underlying`: the server's message and SQLSTATE, or the
/// connection failure, never the statement's bound values (`String(reflecting:)` of a `PSQLError` would show them).
enum PostgresErrorText {
    /// A short description of `error`.
    static func describe(_ error: any Error) -> String {
        if let error = error as? PostgresTransactionError {
            if let inner = error.closureError ?? error.commitError ?? error.beginError { return describe(inner) }
            return "transaction failed"
        }
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let info = error.serverInfo, let message = info[.message] {
            let state = info[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            return message + state
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}
