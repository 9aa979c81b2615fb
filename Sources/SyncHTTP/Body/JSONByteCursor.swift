/// A forward cursor over the bytes of a JSON text that skips values without building them: for cheap questions about
/// a large body (is it whole, what is its top-level `nextRecordsUrl`) before or instead of a full parse.
///
/// It checks structure (brackets, strings and escapes), not the grammar of every scalar; a full parser still reads
/// the body afterwards wherever its values are used.
struct JSONByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        index = 0
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Moves past spaces, tabs, line feeds and carriage returns (RFC 8259 §2).
    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    /// Moves past `byte` when it is next (after whitespace); false otherwise.
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard current == byte else { return false }
        index += 1
        return true
    }

    /// Moves past a string starting at the cursor and returns the bytes between its quotes (escapes left as they
    /// are) and whether it holds an escape; nil when no string starts here or it is not closed.
    mutating func readString() -> (content: Range<Int>, escaped: Bool)? {
        skipWhitespace()
        guard current == UInt8(ascii: "\"") else { return nil }
        let start = index + 1
        var escaped = false
        index = start
        while let byte = current {
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 2
            } else if byte == UInt8(ascii: "\"") {
                index += 1
                return (start..<(index - 1), escaped)
            } else {
                index += 1
            }
        }
        return nil
    }

    /// Moves past one value (an object or array with everything in it, a string, or a scalar up to the next
    /// delimiter); false when the value is cut off or its brackets do not match up.
    mutating func skipValue() -> Bool {
        skipWhitespace()
        guard let first = current else { return false }
        switch first {
        case UInt8(ascii: "\""):
            return readString() != nil
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""):
                    guard readString() != nil else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        index += 1
                        return true
                    }
                default:
                    break
                }
                index += 1
            }
            return false
        default:
            let start = index
            while let byte = current, !Self.endsScalar(byte) { index += 1 }
            return index > start
        }
    }

    private static func endsScalar(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || byte == 0x20
            || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
