import Foundation

/// Shows how a backfill is going: on a terminal a one-line bar redrawn in place, otherwise a plain line every few
/// seconds (for logs and CI), each with records read, actions applied and dead-lettered, the read rate per second
/// and the time left.
///
/// The time left is estimated from the window: the share of the window's time span the stream position has passed
/// (from the window's start, or the resumed cursor, to its end) against the time spent so far. The stock flow has no
/// window, so while only stock is read the share and time left are unknown.
public actor BackfillProgress {
    /// How progress is written.
    public enum Style: Sendable, Hashable {
        /// A bar of `width` cells redrawn in place with a carriage return (standard error is a terminal).
        case bar(width: Int)
        /// A plain line at most every `seconds` seconds, and one at the end.
        case lines(every: TimeInterval)
    }

    private let style: Style
    private let windowStart: Date
    private let windowEnd: Date
    private let startedAt: Date
    private let now: @Sendable () -> Date
    private let write: @Sendable (String) -> Void
    private var lastLine: Date
    private var latest = PassProgress(flows: [], position: nil)
    private var drewBar = false
    private var latestShown = false

    /// Creates the display.
    /// - Parameters:
    ///   - window: the source time span being read (UTC): the window's start, or the cursor it resumes from, to its end.
    ///   - now: the clock (UTC).
    ///   - write: receives text exactly as it is to appear (bar redraws start with `\r`; plain lines end with `\n`).
    public init(
        style: Style, window: (start: Date, end: Date), now: @escaping @Sendable () -> Date,
        write: @escaping @Sendable (String) -> Void
    ) {
        self.style = style
        self.windowStart = window.start
        self.windowEnd = window.end
        self.now = now
        self.write = write
        let started = now()
        self.startedAt = started
        self.lastLine = started
    }

    /// Takes a page's progress and redraws the bar, or writes a line when the interval has passed.
    public func update(_ progress: PassProgress) {
        latest = progress
        latestShown = false
        let time = now()
        switch style {
        case .bar(let width):
            write("\r" + bar(width: width) + "  " + summary(at: time) + "\u{1B}[K")
            drewBar = true
        case .lines(let every):
            guard time.timeIntervalSince(lastLine) >= every else { return }
            lastLine = time
            latestShown = true
            write("backfill progress: " + summary(at: time) + "\n")
        }
    }

    /// Ends the display: the bar's line is closed; plain output gets a final line unless the last update was shown.
    public func finish() {
        switch style {
        case .bar:
            if drewBar { write("\n") }
        case .lines:
            if !latestShown { write("backfill progress: " + summary(at: now()) + "\n") }
        }
    }

    /// The share of the window passed (0...1), or nil when unknown.
    func share() -> Double? {
        guard let position = latest.position else { return nil }
        let span = windowEnd.timeIntervalSince(windowStart)
        guard span > 0 else { return 1 }
        return min(max(position.timeIntervalSince(windowStart) / span, 0), 1)
    }

    /// `42% read 120 applied 80 dead 2 12.5/s 1m 20s left`.
    func summary(at time: Date) -> String {
        let elapsed = time.timeIntervalSince(startedAt)
        let rate = elapsed > 0 ? Double(latest.recordsRead) / elapsed : 0
        let share = share()
        let percent = share.map { "\(Int(($0 * 100).rounded(.down)))%" } ?? "?%"
        let left: String
        if let share, share > 0 {
            left = HumanDuration.text(elapsed * (1 - share) / share) + " left"
        } else {
            left = "time left unknown"
        }
        return "\(percent) read \(latest.recordsRead) applied \(latest.applied) dead \(latest.dead) "
            + String(format: "%.1f/s", rate) + " " + left
    }

    private func bar(width: Int) -> String {
        let cells = max(width, 1)
        guard let share = share() else { return "[" + String(repeating: "?", count: cells) + "]" }
        let filled = Int((share * Double(cells)).rounded(.down))
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: cells - filled) + "]"
    }
}
