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
            let output = try await run(binary, arguments: arguments, environment: environment)
            capture.add("crm-sync \(arguments.joined(separator: " "))", output)
        }
    }

    /// Runs the binary to its end and returns standard output and error together.
    private static func run(_ binary: URL, arguments: [String], environment: [String: String]) async throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crm-sync-canary-\(UUID().uuidString).log").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? output.close() }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        while process.isRunning { try await Task.sleep(for: .milliseconds(5)) }
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }
}
