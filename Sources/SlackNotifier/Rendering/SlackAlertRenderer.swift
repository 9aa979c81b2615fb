import SyncCore

/// Renders an ``Alert`` as a Block Kit webhook message.
///
/// Layout: a `header` block with the kind's emoji and the title; `section` blocks with the details; `section`
/// blocks listing the records (`• *System* <url|label> `id``), several lines per block. Slack's limits are
/// kept: at most 50 blocks (further records are counted in a closing "…and N more records" section), header text
/// 150 characters, section text 3000 characters. Every text from the alert is escaped (`&` `<` `>`), so names
/// such as `Smith & Sons <Ltd>` cannot form markup or mentions. `text` (the notification fallback) holds the
/// title and the details.
public enum SlackAlertRenderer {
    /// Slack's maximum number of blocks in one message.
    public static let maxBlocks = 50
    static let maxHeaderLength = 150
    static let maxSectionLength = 3000
    static let maxDetailSections = 3
    static let maxFallbackLength = 3000

    /// The message for `alert`.
    public static func render(_ alert: Alert) -> SlackMessage {
        let title = "\(emoji(alert.kind)) \(alert.title)"
        var blocks: [SlackBlock] = [.header(SlackMrkdwn.truncate(title, to: maxHeaderLength))]
        let details = SlackMrkdwn.escape(alert.text)
        if !details.isEmpty {
            let chunks = chunked(details, size: maxSectionLength)
            blocks += chunks.prefix(maxDetailSections).map { .section(mrkdwn: $0) }
        }
        blocks += recordBlocks(alert.records, room: maxBlocks - blocks.count)
        var fallback = SlackMrkdwn.escape(alert.title)
        if !details.isEmpty { fallback += ": " + details }
        return SlackMessage(text: SlackMrkdwn.truncate(fallback, to: maxFallbackLength), blocks: blocks)
    }

    /// One line per record, packed into sections of at most 3000 characters, within `room` blocks.
    static func recordBlocks(_ records: [AlertRecord], room: Int) -> [SlackBlock] {
        guard !records.isEmpty, room > 0 else { return [] }
        var sections: [(text: String, count: Int)] = []
        for record in records {
            let line = SlackMrkdwn.truncate(recordLine(record), to: maxSectionLength)
            if let last = sections.last, last.text.count + 1 + line.count <= maxSectionLength {
                sections[sections.count - 1] = (last.text + "\n" + line, last.count + 1)
            } else {
                sections.append((line, 1))
            }
        }
        guard sections.count > room else { return sections.map { .section(mrkdwn: $0.text) } }
        let kept = sections.prefix(room - 1)
        let omitted = records.count - kept.reduce(0) { $0 + $1.count }
        return kept.map { .section(mrkdwn: $0.text) } + [.section(mrkdwn: "…and \(omitted) more records")]
    }

    /// `• *SAP* <https://…|Label> `id``: the label linked when a URL is known, the id as code.
    static func recordLine(_ record: AlertRecord) -> String {
        let label = record.label.flatMap { $0.isEmpty ? nil : $0 } ?? record.id
        var line = "• *\(systemName(record.system))* " + SlackMrkdwn.link(url: record.url, label: label)
        if label != record.id {
            line += " `\(SlackMrkdwn.escape(record.id.replacingOccurrences(of: "`", with: "'")))`"
        }
        return line
    }

    static func systemName(_ system: SyncSystem) -> String {
        switch system {
        case .salesforce: "Salesforce"
        case .sap: "SAP"
        case .zohoBooks: "Zoho Books"
        case .slack: "Slack"
        case .stateStore: "State store"
        case .configuration: "Configuration"
        }
    }

    static func emoji(_ kind: AlertKind) -> String {
        switch kind {
        case .persistentFailure: ":rotating_light:"
        case .recovered: ":white_check_mark:"
        case .lowStock: ":package:"
        case .driftSummary: ":bar_chart:"
        case .quotaGuard: ":no_entry:"
        }
    }

    /// Splits text into pieces of at most `size` characters, preferring line breaks.
    static func chunked(_ text: String, size: Int) -> [String] {
        var chunks: [String] = []
        var rest = Substring(text)
        while rest.count > size {
            let window = rest.prefix(size)
            let cut = window.lastIndex(of: "\n").map { rest.index(after: $0) } ?? window.endIndex
            chunks.append(String(rest[..<cut]))
            rest = rest[cut...]
        }
        if !rest.isEmpty { chunks.append(String(rest)) }
        return chunks
    }
}
