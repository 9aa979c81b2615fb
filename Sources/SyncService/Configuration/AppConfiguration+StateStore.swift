import Foundation
import SyncCore
import SyncStore

extension AppConfiguration {
    /// The state store chosen by the configuration: PostgreSQL when `STATE_URL` is set, else SQLite at `statePath`.
    /// - Throws: `SyncError` `.configuration` when `STATE_URL` is not a PostgreSQL URL.
    public func stateLocation() throws -> StateStoreLocation {
        try StateStoreLocation(stateURL: stateURL?.value, statePath: statePath)
    }

    /// Only the state store's location (`STATE_URL`, else `CRMSYNC_STATE_PATH` or `statePath`), for the commands that
    /// read or migrate the state store and call no system (`status`, `dead-letters`, `migrate`, `state`).
    /// - Parameter statePath: `--state`, which overrides `CRMSYNC_STATE_PATH` (and is used when `STATE_URL` is unset).
    /// - Throws: `SyncError` `.configuration` (unreadable files, a bad `STATE_URL`).
    public static func stateLocation(
        environment: [String: String] = ProcessInfo.processInfo.environment, envFile: String = ".env",
        envFileRequired: Bool = false, statePath: String? = nil
    ) async throws -> StateStoreLocation {
        let reader = try await reader(environment: environment, envFile: envFile, envFileRequired: envFileRequired)
        var problems = ConfigurationProblems(reader: reader)
        let url = problems.optional("STATE_URL").map(Secret.init)
        if let problem = stateURLProblem(url) { problems.invalid("STATE_URL", problem) }
        try problems.throwIfAny()
        let path = statePath ?? problems.optional("CRMSYNC_STATE_PATH") ?? "state/crm-sync.sqlite"
        return try StateStoreLocation(stateURL: url?.value, statePath: path)
    }

    /// What is wrong with `STATE_URL`, in words that never repeat its value (it holds a password), or nil.
    static func stateURLProblem(_ url: Secret?) -> String? {
        guard let text = url?.value else { return nil }
        do {
            let location = try PostgresStateLocation(url: text)
            // URLComponents takes any port number (99999 would wrap to another port); TCP has 1...65535.
            guard (1...65_535).contains(location.port) else { return "is invalid: its port must be in 1...65535" }
            return nil
        } catch let error as SyncError {
            let why = error.message.replacingOccurrences(of: "STATE_URL ", with: "")
            let hint = why.hasPrefix("is not a URL") ? " (percent-encode @ : / ? # % in the user and password, as %40 %3A %2F %3F %23 %25)" : ""
            return "is invalid: " + (why.hasSuffix(".") ? String(why.dropLast()) : why) + hint
        } catch {
            return "is invalid"
        }
    }
}
