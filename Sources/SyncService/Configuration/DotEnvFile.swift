import Foundation
import SyncCore

/// Reads `.env` files as shells and dotenv tools write them: `NAME=value`, `export NAME=value`, values in single or
/// double quotes (the quotes are removed; `'\''` inside single quotes is a quote, as `crm-sync sandbox` prints it),
/// blank lines and `#` comments ignored (also after ` #` in an unquoted value); LF, CRLF or CR line ends, with or
/// without a UTF-8 byte order mark.
enum DotEnvFile {
    /// The variables of the file at `path`.
    /// - Parameter required: a missing file is an error (an `--env-file` given by the user) rather than no variables.
    /// - Throws: `SyncError` `.configuration` naming the file, or the line that is not `NAME=value`.
    static func read(_ path: String, required: Bool) throws -> [String: String] {
        guard FileManager.default.fileExists(atPath: path) else {
            if required {
                throw SyncError(code: .configuration, system: .configuration, message: "The env file \(path) does not exist.")
            }
            return [:]
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw SyncError(code: .configuration, system: .configuration, message: "Cannot read the env file \(path).")
        }
        return try parse(text, file: path)
    }

    /// Parses the text of an env file.
    static func parse(_ text: String, file: String) throws -> [String: String] {
        var values: [String: String] = [:]
        // `isNewline` splits LF, CRLF (one Character in Swift) and CR files alike; a UTF-8 byte order mark is dropped.
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for (index, rawLine) in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard let equals = line.firstIndex(of: "="), equals != line.startIndex else {
                throw SyncError(
                    code: .configuration, system: .configuration,
                    message: "Line \(index + 1) of \(file) is not NAME=value.")
            }
            let name = String(line[..<equals]).trimmingCharacters(in: .whitespaces)
            let value = withoutInlineComment(String(line[line.index(after: equals)...]).trimmingCharacters(in: .whitespaces))
            if let quote = value.first, quote == "'" || quote == "\"", value.count < 2 || value.last != quote {
                throw SyncError(
                    code: .configuration, system: .configuration,
                    message: "Line \(index + 1) of \(file) (\(name)) has a quote that is not closed.")
            }
            values[name] = unquote(value)
        }
        return values
    }

    /// A value without its trailing comment (as docker compose and python-dotenv read it): an unquoted value ends
    /// before ` #`; a quoted one at its closing quote when only a `#` comment follows (` #` inside quotes is kept).
    static func withoutInlineComment(_ value: String) -> String {
        if let quote = value.first, quote == "'" || quote == "\"" {
            guard let close = value.dropFirst().lastIndex(of: quote) else { return value }
            let rest = value[value.index(after: close)...].trimmingCharacters(in: .whitespaces)
            return rest.hasPrefix("#") ? String(value[...close]) : value
        }
        guard let hash = value.range(of: " #") ?? value.range(of: "\t#") else { return value }
        return String(value[..<hash.lowerBound]).trimmingCharacters(in: .whitespaces)
    }

    /// Removes one pair of surrounding quotes; `'\''` inside single quotes stands for a quote.
    static func unquote(_ value: String) -> String {
        guard value.count >= 2, let first = value.first, first == value.last, first == "'" || first == "\"" else {
            return value
        }
        let inner = String(value.dropFirst().dropLast())
        return first == "'" ? inner.replacingOccurrences(of: #"'\''"#, with: "'") : inner.replacingOccurrences(of: #"\""#, with: "\"")
    }
}
