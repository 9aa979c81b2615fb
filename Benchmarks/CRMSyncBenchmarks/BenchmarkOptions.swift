import Foundation

/// The options of a benchmark run: `[--full] [--only NAME] [--scale-products N[,M]] [--help]`.
struct BenchmarkOptions {
    static let names = ["stock", "deals", "zoho", "idle", "scale", "readpath"]
    static let usage = """
        usage: crm-sync-bench [--full] [--only \(names.joined(separator: "|"))] [--scale-products N[,M]]
          (no option)           every benchmark at its short size (as CI runs them)
          --full                the issue's full sizes (the scale and read-path figures are for a release build:
                                scripts/benchmarks/run-full.sh)
          --only NAME           one benchmark
          --scale-products N,M  the scale benchmark's product counts: one size, or two for the growth ratio
        """

    var full = false
    var only: String?
    var scaleProducts: [Int]?

    /// Reads the command-line arguments after the executable's name.
    /// - Throws: `BenchmarkFailure` naming an unknown option, a missing value or a bad benchmark name or count.
    init(_ arguments: [String]) throws {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--full":
                full = true
            case "--only":
                guard let name = remaining.popFirst(), Self.names.contains(name) else {
                    throw BenchmarkFailure("--only takes one of \(Self.names.joined(separator: ", "))")
                }
                only = name
            case "--scale-products":
                let counts = remaining.popFirst()?.split(separator: ",").map { Int($0) }
                guard let counts, (1...2).contains(counts.count), counts.allSatisfy({ ($0 ?? 0) > 0 }) else {
                    throw BenchmarkFailure("--scale-products takes one or two positive counts, e.g. 100000,200000")
                }
                scaleProducts = counts.compactMap { $0 }
            default:
                throw BenchmarkFailure("unknown option \(argument)")
            }
        }
    }

    func selected(_ name: String) -> Bool { only == nil || only == name }
}
