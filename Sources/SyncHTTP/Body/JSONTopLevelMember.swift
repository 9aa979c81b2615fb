import Foundation

/// Reads one string member of a JSON object's top level straight from the bytes, skipping every other value
/// without building it: for a paging link (`nextRecordsUrl`) wanted before the page is parsed, so the next request
/// can leave while the current page is read.
public enum JSONTopLevelMember {
    /// The value of the top-level member `name` when it is a string without escapes; nil when the body is not an
    /// object, has no such member, the member is not a string (or holds `\` escapes), or the body is cut off before
    /// it. Members nested deeper (a child QueryResult's own `nextRecordsUrl`) are never taken.
    public static func string(_ name: String, in body: Data) -> String? {
        let key = Array(name.utf8)
        return body.withUnsafeBytes { raw -> String? in
            var cursor = JSONByteCursor(raw.bindMemory(to: UInt8.self))
            guard cursor.consume(UInt8(ascii: "{")) else { return nil }
            if cursor.consume(UInt8(ascii: "}")) { return nil }
            repeat {
                guard let member = cursor.readString(), cursor.consume(UInt8(ascii: ":")) else { return nil }
                if !member.escaped, cursor.bytes[member.content].elementsEqual(key) {
                    guard let value = cursor.readString(), !value.escaped else { return nil }
                    return String(decoding: cursor.bytes[value.content], as: UTF8.self)
                }
                guard cursor.skipValue() else { return nil }
            } while cursor.consume(UInt8(ascii: ","))
            return nil
        }
    }
}
