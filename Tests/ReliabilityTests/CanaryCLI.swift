import Foundation
import SyncCore

/// The real `crm-sync` executable run on a canary run's state and configuration, its whole output captured:
/// `status --json`, `status`, `dead-letters list --json`, `dead-letters show`, and `plan` (which calls the systems),
/// with trace logs in logfmt and JSON.
enum CanaryCLI {
    /// Runs the commands against `world`'s state file with its configuration lines and adds their output to `capture`.
    /// - Throws: `CrashChildProcess.BinaryMissing` when the executable was not built.
    static func capture(_ world: HostileWorld, into capture: CanaryCapture) async throws {
        let binary = try CrashChildProcess.locateBinary()
        let letters = try await world.runtime.store.deadLetters(status: nil)
        let letter = (letters.first { $0.error.code == .invalidInput } ?? letters.first)?.id
        var commands: [[String]] = [["status", "--json"], ["status"], ["dead-letters", "list", "--json"], ["dead-letters", "list"]]
        if let letter { commands += [["dead-letters", "show", "\(letter)"], ["dead-letters", "show", "\(letter)", "--json"]] }
        commands.append(["plan", "--flow", "orders", "--flow", "invoices"])
        for (index, arguments) in commands.enumerated() {
            var environment = world.environment
            environment["CRMSYNC_LOG_LEVEL"] = "trace"
            environment["CRMSYNC_LOG_FORMAT"] = index.isMultiple(of: 2) ? "json" : "logfmt"
            environment["PATH"] = "/usr/bin:/bin"
            let output = try await CrashChildProcess.run(
                binary, arguments: arguments, environment: environment,
                directory: FileManager.default.temporaryDirectory, killWhen: { false }
            ).output
            capture.add("crm-sync \(arguments.joined(separator: " "))", output)
        }
    }
}
