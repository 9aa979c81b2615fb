import Foundation

/// One measured figure with its target, as printed in the table and the JSON.
struct BenchmarkResult: Codable, Sendable {
    /// Benchmark name, e.g. "stock flow API calls".
    var benchmark: String
    /// Scenario, e.g. "10000 products, 100 changed".
    var scenario: String
    /// The figure's name, e.g. "Salesforce calls".
    var metric: String
    /// The measured value.
    var value: Double
    /// The target or physical minimum, when there is one.
    var target: Double?
    /// How the value must compare with the target: "<=" or ">=".
    var comparison: String?

    /// Whether the value meets its target (true without a target).
    var meetsTarget: Bool {
        guard let target, let comparison else { return true }
        return comparison == "<=" ? value <= target + 1e-9 : value >= target - 1e-9
    }
}

/// Prints results as an aligned table, then as JSON.
func printResults(_ results: [BenchmarkResult]) throws {
    func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
    let rows = results.map { result in
        [result.benchmark, result.scenario, result.metric, format(result.value),
         result.target.map { "\(result.comparison ?? "") \(format($0))" } ?? "-", result.meetsTarget ? "ok" : "MISSED"]
    }
    let header = ["benchmark", "scenario", "metric", "value", "target", ""]
    let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
    for row in [header] + rows {
        print(row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  "))
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    print(String(decoding: try encoder.encode(results), as: UTF8.self))
}
