/// Salesforce record Ids: 15-character case-sensitive Ids and their 18-character case-insensitive form.
///
/// The 18-character form appends a 3-character checksum: the 15 characters are split into three chunks of 5; for
/// each chunk, bit *i* (i = 0...4, from the left, least significant first) is set when character *i* is `A`–`Z`,
/// and the value 0...31 indexes `ABCDEFGHIJKLMNOPQRSTUVWXYZ012345` (Salesforce REST API reference, §10).
public enum SalesforceID {
    private static let suffixAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".utf8)

    /// The 18-character form of a 15- or 18-character Id.
    ///
    /// A 15-character Id gets its checksum appended. An 18-character Id is returned as given when its last three
    /// characters (compared case-insensitively) match the checksum of its first 15.
    /// - Returns: `nil` for any other length, characters outside `A-Z a-z 0-9`, or a wrong checksum (Salesforce
    ///   answers those with `MALFORMED_ID`).
    public static func normalized(_ id: String) -> String? {
        // Every accepted character is ASCII, so the UTF-8 bytes are the characters.
        let bytes = Array(id.utf8)
        guard bytes.count == 15 || bytes.count == 18, bytes.allSatisfy(isAlphanumeric) else { return nil }
        let suffix = checksum(bytes)
        if bytes.count == 15 { return id + String(decoding: suffix, as: UTF8.self) }
        for offset in 0..<3 where uppercased(bytes[15 + offset]) != suffix[offset] { return nil }
        return id
    }

    /// The 3-character checksum (ASCII bytes) of the first 15 characters of an Id.
    private static func checksum(_ bytes: [UInt8]) -> [UInt8] {
        var suffix: [UInt8] = []
        suffix.reserveCapacity(3)
        for chunk in stride(from: 0, to: 15, by: 5) {
            var bits = 0
            for offset in 0..<5 where isUppercase(bytes[chunk + offset]) {
                bits |= 1 << offset
            }
            suffix.append(suffixAlphabet[bits])
        }
        return suffix
    }

    private static func isUppercase(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isUppercase(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
    }

    private static func uppercased(_ byte: UInt8) -> UInt8 { (0x61...0x7A).contains(byte) ? byte - 0x20 : byte }
}
