import ArgumentParser
import SyncCore

/// The exit codes of every command, in one place (README.md repeats this table).
enum ExitCodes {
    /// Everything went through.
    static let success: Int32 = 0
    /// The pass ran, but some records failed (dead letters) or a system was stopped (quota, outage).
    static let recordsFailed: Int32 = 1
    /// `drift` found differences between the systems.
    static let driftFound: Int32 = 2
    /// A configuration value is missing or invalid.
    static let configuration: Int32 = 3
    /// Another runner holds the state store's lock.
    static let locked: Int32 = 4
    /// The state store failed.
    static let stateStore: Int32 = 5
    /// A system could not be used at all (credentials rejected, unreachable).
    static let systemUnavailable: Int32 = 6
    /// Unexpected internal error.
    static let internalError: Int32 = 70

    static let table = """
          0  success
          1  the pass ran but some records failed (see dead letters) or a system was stopped (quota, outage)
          2  drift: the systems differ (the report lists each difference and its repair)
          3  configuration missing or invalid
          4  another crm-sync runner holds the state store lock
          5  state store failure
          6  a system could not be used (credentials rejected, unreachable)
         64  usage error (bad arguments)
         70  internal error
        """

    /// The exit code for an error that ended a command.
    static func code(for error: any Error) -> Int32 {
        guard let error = error as? SyncError else { return internalError }
        switch error.code {
        case .configuration: return configuration
        case .locked: return locked
        case .stateStore: return stateStore
        case .authenticationFailed, .connectionFailed, .timeout, .forbidden: return systemUnavailable
        default: return recordsFailed
        }
    }
}

/// Ends a command with the exit code that fits `error`, after printing it for people.
func failure(_ error: any Error) -> ExitCode {
    let message = (error as? SyncError).map { "\($0)" } ?? "internal error: \(error)"
    printError("crm-sync: \(message)")
    return ExitCode(ExitCodes.code(for: error))
}
