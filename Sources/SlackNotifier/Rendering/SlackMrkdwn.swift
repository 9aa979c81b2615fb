/// Text escaping for Slack `mrkdwn` and `plain_text` (Slack API "Formatting text for app surfaces": the only
/// control characters are `&`, `<` and `>`, sent as `&amp;`, `&lt;`, `&gt;`).
public enum SlackMrkdwn {
    /// Escapes `&` `<` `>` so record names and error texts cannot form links, mentions (`<!channel>`) or broken
    /// markup.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A `<url|label>` link with the label escaped; a URL that is not http(s) or holds a space, `|`, `<` or `>`
    /// is not linked and only the label is shown.
    public static func link(url: String?, label: String) -> String {
        let shownLabel = escape(label.replacingOccurrences(of: "|", with: "¦"))
        guard let url, url.hasPrefix("https://") || url.hasPrefix("http://"),
              !url.contains(where: { $0 == " " || $0 == "|" || $0 == "<" || $0 == ">" || $0.isNewline })
        else { return shownLabel }
        return "<\(escape(url))|\(shownLabel)>"
    }

    /// `text` cut to at most `limit` characters, ending in `…` when cut.
    static func truncate(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(limit - 1, 0))) + "…"
    }
}
