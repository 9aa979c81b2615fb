/// Salesforce record Ids: 15-character case-sensitive Ids and their 18-character case-insensitive form.
///
/// The 18-character form appends a 3-character suffix: the 15 characters are split into three chunks of 5;
/// for each chunk bit i (left to right, least significant first) is set when character i is `A`–`Z`, and the
/// 5-bit value indexes `ABCDEFGHIJKLMNOPQRSTUVWXYZ012345` (Salesforce Help "What are Salesforce IDs composed of").
public enum SalesforceId {
    private static let suffixAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")
    private static let base62 = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    /// The 3-character checksum suffix for a 15-character Id.
    public static func suffix(for id15: String) -> String {
        let characters = Array(id15)
        var suffix = ""
        for chunk in 0..<3 {
            var bits = 0
            for position in 0..<5 where characters[chunk * 5 + position].isASCII
                && characters[chunk * 5 + position].isUppercase
            {
                bits |= 1 << position
            }
            suffix.append(suffixAlphabet[bits])
        }
        return suffix
    }

    /// The canonical 18-character Id for a 15- or 18-character input, or nil when the input is not a well-formed
    /// Id (wrong length, characters outside `[0-9A-Za-z]`, or an 18-character Id whose suffix does not match).
    public static func canonical(_ input: String) -> String? {
        let bytes = Array(input.utf8)
        guard bytes.count == 15 || bytes.count == 18, bytes.allSatisfy(isAlphanumeric) else { return nil }
        let expected = suffix(ofASCII: bytes[0..<15])
        if bytes.count == 18 {
            let given = bytes[15...].map { isLowercase($0) ? $0 - 0x20 : $0 }
            guard given.elementsEqual(expected) else { return nil }
        }
        return String(decoding: bytes[0..<15] + expected, as: UTF8.self)
    }

    /// The suffix of 15 ASCII characters, as bytes.
    private static func suffix(ofASCII id15: ArraySlice<UInt8>) -> [UInt8] {
        var suffix: [UInt8] = []
        for chunk in 0..<3 {
            var bits = 0
            for position in 0..<5 where isUppercase(id15[id15.startIndex + chunk * 5 + position]) {
                bits |= 1 << position
            }
            suffix.append(suffixAlphabetBytes[bits])
        }
        return suffix
    }

    private static let suffixAlphabetBytes = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".utf8)

    private static func isUppercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }

    private static func isLowercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isUppercase(byte) || isLowercase(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// A deterministic 18-character Id: key prefix, a 3-character pod/reserved part and a base-62 counter.
    static func make(keyPrefix: String, pod: String, counter: Int) -> String {
        var digits: [Character] = []
        var value = counter
        for _ in 0..<9 {
            digits.append(base62[value % 62])
            value /= 62
        }
        let id15 = keyPrefix + pod + String(digits.reversed())
        return id15 + suffix(for: id15)
    }
}
