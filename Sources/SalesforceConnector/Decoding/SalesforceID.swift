/// Salesforce record Ids: 15-character case-sensitive Ids and their 18-character case-insensitive form.
///
/// The 18-character form appends a 3-character checksum: the 15 characters are split into three chunks of 5; for
/// each chunk, bit *i* (i = 0...4, from the left, least significant first) is set when character *i* is `A`–`Z`,
/// and the value 0...31 indexes `ABCDEFGHIJKLMNOPQRSTUVWXYZ012345` (Salesforce REST API reference, §10).
public enum SalesforceID {
    private static let suffixAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")

    /// The 18-character form of a 15- or 18-character Id.
    ///
    /// A 15-character Id gets its checksum appended. An 18-character Id is returned as given when its last three
    /// characters (compared case-insensitively) match the checksum of its first 15.
    /// - Returns: `nil` for any other length, characters outside `A-Z a-z 0-9`, or a wrong checksum (Salesforce
    ///   answers those with `MALFORMED_ID`).
    public static func normalized(_ id: String) -> String? {
        let characters = Array(id)
        guard characters.count == 15 || characters.count == 18,
              characters.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return nil }
        let suffix = checksum(characters[0..<15])
        if characters.count == 15 { return id + suffix }
        guard String(characters[15...]).uppercased() == suffix else { return nil }
        return id
    }

    /// The 3-character checksum of the first 15 characters of an Id.
    private static func checksum(_ characters: ArraySlice<Character>) -> String {
        var suffix = ""
        for chunk in stride(from: characters.startIndex, to: characters.startIndex + 15, by: 5) {
            var bits = 0
            for offset in 0..<5 where characters[chunk + offset].isUppercase {
                bits |= 1 << offset
            }
            suffix.append(suffixAlphabet[bits])
        }
        return suffix
    }
}
