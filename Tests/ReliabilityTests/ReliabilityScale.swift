import Foundation
import SimulatorKit

/// Sizes of the reliability suites: short in `swift test` (CI), full when `CRMSYNC_RELIABILITY=full`
/// (`scripts/reliability/run-full.sh`), and the seed of their random choices.
///
/// `CRMSYNC_RELIABILITY_SEED=<n>` replays a run: every suite prints the seed it used.
enum ReliabilityScale {
    /// The environment variable that selects the full sizes.
    static let modeVariable = "CRMSYNC_RELIABILITY"
    /// The environment variable that fixes the seed.
    static let seedVariable = "CRMSYNC_RELIABILITY_SEED"

    /// True when the suites run at their full sizes.
    static var isFull: Bool {
        ProcessInfo.processInfo.environment[modeVariable]?.lowercased() == "full"
    }

    /// `full` at full size, else `short`.
    static func pick<T>(short: T, full: T) -> T {
        isFull ? full : short
    }

    /// The seed of a suite: `CRMSYNC_RELIABILITY_SEED` when set, else a fresh random one; printed with the suite
    /// name so a failing run can be replayed.
    static func seed(for suite: String) -> UInt64 {
        let given = ProcessInfo.processInfo.environment[seedVariable].flatMap { UInt64($0) }
        let seed = given ?? UInt64.random(in: 1...UInt64(UInt32.max))
        print("[\(suite)] seed \(seed) (replay with \(seedVariable)=\(seed)), size \(isFull ? "full" : "short")")
        return seed
    }
}

/// The suites' seeded, platform-independent random source (SimulatorKit's SplitMix64, as the fault plans use).
typealias SeededRandom = SplitMix64

extension SplitMix64 {
    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        nextUnit() < probability
    }
}
