/// Durations for people: `45s`, `12m 5s`, `3h 20m`, `2d 15h` (the two largest units; negative counts as 0).
public enum HumanDuration {
    /// The text for a number of seconds.
    public static func text(_ seconds: Double) -> String {
        let total = seconds.isFinite ? max(Int(seconds), 0) : 0
        let (days, hours, minutes, rest) = (total / 86_400, total % 86_400 / 3600, total % 3600 / 60, total % 60)
        if days > 0 { return "\(days)d \(hours)h" }
        if hours > 0 { return "\(hours)h \(minutes)m" }
        if minutes > 0 { return "\(minutes)m \(rest)s" }
        return "\(rest)s"
    }
}
