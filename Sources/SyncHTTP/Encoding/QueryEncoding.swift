/// The one percent-encoding function for query-string values (and names).
///
/// Encodes every byte of the UTF-8 form except the RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`), so `+`
/// becomes `%2B`, space `%20`, `'` `%27`, `&` `%26`, `=` `%3D`, `%` `%25` and `é` `%C3%A9`. Uppercase hex digits
/// (RFC 3986 §2.1). Salesforce SOQL in `q=`, SAP OData `$filter` values and Zoho timestamps with `+hh:mm` offsets all
/// go through it.
public func percentEncodeQueryValue(_ value: String) -> String {
    let hex: [Character] = Array("0123456789ABCDEF")
    var encoded = ""
    encoded.reserveCapacity(value.utf8.count)
    for byte in value.utf8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            encoded.append(Character(Unicode.Scalar(byte)))
        default:
            encoded.append("%")
            encoded.append(hex[Int(byte >> 4)])
            encoded.append(hex[Int(byte & 0x0F)])
        }
    }
    return encoded
}

/// Builds `name=value&name=value` with ``percentEncodeQueryValue(_:)`` applied to names and values, keeping the
/// given order (repeated names stay repeated). An empty list gives an empty string.
public func makeQueryString(_ items: [(String, String)]) -> String {
    items.map { "\(percentEncodeQueryValue($0.0))=\(percentEncodeQueryValue($0.1))" }.joined(separator: "&")
}
