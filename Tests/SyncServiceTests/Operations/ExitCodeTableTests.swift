import Foundation
import Testing

/// The exit codes are documented once in the CLI (`ExitCodes.table`, shown by `crm-sync --help`) and repeated in
/// README.md's "Exit codes" table: both must list the same codes with the same meanings, and every code constant
/// of `ExitCodes` must be in the table.
@Suite struct ExitCodeTableTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../..").standardizedFileURL

    static func read(_ path: String) throws -> String {
        try String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8)
    }

    /// `code -> meaning` from lines matching `pattern` (first group the code, second the meaning), backticks dropped.
    static func rows(_ text: some StringProtocol, _ pattern: String) throws -> [Int: String] {
        let regex = try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        let source = String(text)
        var rows: [Int: String] = [:]
        for match in regex.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
            let code = Int(source[Range(match.range(at: 1), in: source)!])!
            rows[code] = source[Range(match.range(at: 2), in: source)!].replacingOccurrences(of: "`", with: "")
                .trimmingCharacters(in: .whitespaces)
        }
        return rows
    }

    @Test func readmeAndCLITable_agree() throws {
        let swift = try Self.read("Sources/crm-sync/Support/ExitCodes.swift")
        let table = try #require(swift.range(of: "static let table = \"\"\"").flatMap { start in
            swift[start.upperBound...].range(of: "\"\"\"").map { swift[start.upperBound..<$0.lowerBound] }
        })
        let cli = try Self.rows(table, #"^\s+(\d+)\s{2}(.+)$"#)
        let readme = try Self.rows(try Self.read("README.md"), #"^\| (\d+) \| (.+) \|$"#)
        #expect(cli.count >= 8)
        #expect(cli == readme)

        let constants = try Self.rows(swift, #"static let (?:\w+): Int32 = (\d+)()$"#)
        #expect(Set(constants.keys).isSubset(of: Set(cli.keys)), "a code constant is missing from the table")
        #expect(cli[64] != nil, "argument-parser's usage error (64) is documented")
    }
}
