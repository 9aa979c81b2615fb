import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real `crm-sync` executable run as a child process, killed with SIGKILL on demand.
enum CrashChildProcess {
    /// How a child run ended.
    struct Outcome: Sendable {
        /// The child was killed with SIGKILL.
        let killed: Bool
        /// Exit status when it exited by itself.
        let exitStatus: Int32?
        /// Its standard output and error, together.
        let output: String

        /// The last lines of its standard output and error.
        var outputTail: String { output.split(separator: "\n").suffix(15).joined(separator: "\n") }
    }

    struct BinaryMissing: Error, CustomStringConvertible {
        let looked: [String]
        var description: String {
            "The crm-sync executable was not found (looked at \(looked.joined(separator: ", "))). Build it first: "
                + "`swift build --product crm-sync` (or `swift build`), or name it with CRMSYNC_BINARY."
        }
    }

    /// The `crm-sync` executable beside the test bundle in the build folder (`CRMSYNC_BINARY` overrides).
    /// - Throws: `BinaryMissing` naming the places looked at.
    static func locateBinary() throws -> URL {
        var candidates: [String] = []
        if let given = ProcessInfo.processInfo.environment["CRMSYNC_BINARY"] { candidates.append(given) }
        if let testBinary = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: testBinary).deletingLastPathComponent().appendingPathComponent("crm-sync").path)
        }
        if let bundle = Bundle.main.executableURL {
            candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("crm-sync").path)
        }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(repository.appendingPathComponent(".build/debug/crm-sync").path)
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw BinaryMissing(looked: candidates)
        }
        return URL(fileURLWithPath: found)
    }

    /// Runs `binary arguments` with exactly `environment`, in `directory`, until it exits or `killWhen` (polled
    /// every millisecond) says to SIGKILL it.
    static func run(
        _ binary: URL, arguments: [String], environment: [String: String], directory: URL,
        killWhen: () -> Bool
    ) async throws -> Outcome {
        let outputPath = directory.appendingPathComponent("child-\(UUID().uuidString).log").path
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        defer { try? output.close() }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var killed = false
        while process.isRunning {
            if killWhen() {
                kill(process.processIdentifier, SIGKILL)
                killed = true
                break
            }
            try await Task.sleep(for: .milliseconds(1))
        }
        while process.isRunning { try await Task.sleep(for: .milliseconds(1)) }
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: outputPath)
        return Outcome(killed: killed, exitStatus: killed ? nil : process.terminationStatus, output: text)
    }
}
