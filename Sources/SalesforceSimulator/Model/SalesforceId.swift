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
        guard input.count == 15 || input.count == 18, input.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return nil }
        let id15 = String(input.prefix(15))
        let expected = suffix(for: id15)
        if input.count == 18 {
            guard input.suffix(3).uppercased() == expected else { return nil }
        }
        return id15 + expected
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
