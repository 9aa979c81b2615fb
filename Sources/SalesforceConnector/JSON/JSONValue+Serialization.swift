import Foundation

extension JSONValue {
    /// Parses UTF-8 JSON text.
    /// - Throws: `JSONSyntaxError` with the byte offset of the first error (also for trailing content).
    public static func parse(_ data: Data) throws(JSONSyntaxError) -> JSONValue {
        try parse(data, buildsValues: true)
    }

    /// Checks that `data` is complete UTF-8 JSON text, accepting exactly what `parse` accepts, without building
    /// the values.
    /// - Throws: `JSONSyntaxError` as `parse`.
    public static func validate(_ data: Data) throws(JSONSyntaxError) {
        _ = try parse(data, buildsValues: false)
    }

    /// Runs the parser over the bytes of `data` in place.
    private static func parse(_ data: Data, buildsValues: Bool) throws(JSONSyntaxError) -> JSONValue {
        let result = data.withUnsafeBytes { raw in
            var parser = JSONParser(bytes: raw.bindMemory(to: UInt8.self), buildsValues: buildsValues)
            return Result { () throws(JSONSyntaxError) in try parser.parseDocument() }
        }
        return try result.get()
    }

    /// The JSON text of this value: compact, object keys sorted, numbers written as their literal text.
    public func serialized() -> Data {
        var out = ""
        write(to: &out)
        return Data(out.utf8)
    }

    private func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): Self.writeString(text, to: &out)
        case .array(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                element.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                Self.writeString(key, to: &out)
                out += ":"
                members[key]!.write(to: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(format: "%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
