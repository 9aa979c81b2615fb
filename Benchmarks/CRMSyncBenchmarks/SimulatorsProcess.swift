import Foundation

/// The parent's handle on a `crm-sync-bench serve` child: the configuration lines it printed, and its commands.
final class SimulatorsProcess: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffered = Data()
    /// The environment that points CRMSync at the simulators (`SF_LOGIN_URL`, `SAP_BASE_URL`, ...).
    private(set) var environment: [String: String] = [:]

    /// Starts the simulators with the synthetic dataset and waits until they listen.
    init(products: Int, deals: Int, accounts: Int) throws {
        process.executableURL = URL(fileURLWithPath: ChildProcess.ownExecutable())
        process.arguments = ["serve", "--products", "\(products)", "--deals", "\(deals)", "--accounts", "\(accounts)"]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        while let line = readLine(), line != "READY" {
            guard let equals = line.firstIndex(of: "=") else { continue }
            var value = String(line[line.index(after: equals)...])
            if value.hasPrefix("'"), value.hasSuffix("'"), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            environment[String(line[..<equals])] = value.replacingOccurrences(of: #"'\''"#, with: "'")
        }
        guard environment["SF_LOGIN_URL"] != nil else { throw BenchmarkFailure("the simulators' process did not start") }
    }

    /// Sends one command and returns the words after `OK`.
    @discardableResult
    func command(_ text: String) throws -> [String] {
        input.fileHandleForWriting.write(Data((text + "\n").utf8))
        guard let line = readLine(), line.hasPrefix("OK") else { throw BenchmarkFailure("simulators: \(text) failed") }
        return line.split(separator: " ").dropFirst().map(String.init)
    }

    /// Ends the simulators (end of input) and waits for the process.
    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    private func readLine() -> String? {
        while true {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffered[buffered.startIndex..<newline], as: UTF8.self)
                buffered.removeSubrange(buffered.startIndex...newline)
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffered.append(chunk)
        }
    }
}
