/// Formats an IEEE-754 double exactly as ECMAScript's `Number.prototype.toString()` does.
///
/// RFC 8785 fixes JSON numbers to this form, so two signers on different platforms hash
/// the same bytes. The shortest round-trip digits come from the standard library's
/// `description` (which produces the shortest digit string that reads back to the same
/// double, choosing the closest one when several are equally short: the digits ECMAScript
/// asks for); this type only re-lays those digits out by ECMAScript's rules for where the
/// decimal point and the exponent go.
public enum ECMAScriptNumberFormatter {
    /// The ECMAScript text of a finite double, or nil for NaN and the infinities, which
    /// have no JSON form.
    public static func string(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        // Both zeros print as "0" in ECMAScript.
        if value == 0 { return "0" }
        let (digits, pointPosition) = shortestDigits(of: value.magnitude)
        let sign = value < 0 ? "-" : ""
        return sign + layout(digits: digits, pointPosition: pointPosition)
    }

    /// The significant digits (no leading or trailing zeros) and `n`, the position of the
    /// decimal point counted from the left of those digits: value = 0.d1d2… × 10^n.
    static func shortestDigits(of magnitude: Double) -> (digits: [UInt8], pointPosition: Int) {
        // `description` gives e.g. "123.45", "1e-07", "1.7976931348623157e+308" or
        // "9007199254740992.0"; all carry the same shortest significant digits.
        let text = Array(magnitude.description.utf8)
        var mantissa = text[...]
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            mantissa = text[..<e]
            exponent = parseExponent(text[(e + 1)...])
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(17)
        var integerDigitCount = 0
        var seenPoint = false
        for byte in mantissa {
            if byte == UInt8(ascii: ".") {
                seenPoint = true
                continue
            }
            digits.append(byte - UInt8(ascii: "0"))
            if !seenPoint { integerDigitCount += 1 }
        }
        var pointPosition = integerDigitCount + exponent
        // Leading zeros ("0.001") move the point left; trailing zeros carry no information.
        var leading = 0
        while leading < digits.count - 1, digits[leading] == 0 { leading += 1 }
        digits.removeFirst(leading)
        pointPosition -= leading
        while digits.count > 1, digits[digits.count - 1] == 0 { digits.removeLast() }
        return (digits, pointPosition)
    }

    private static func parseExponent(_ bytes: ArraySlice<UInt8>) -> Int {
        var negative = false
        var value = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "+"): break
            default: value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
        }
        return negative ? -value : value
    }

    /// ECMA-262 Number::toString steps for k digits and point position n.
    static func layout(digits: [UInt8], pointPosition n: Int) -> String {
        let k = digits.count
        var out: [UInt8] = []
        out.reserveCapacity(k + 8)
        func appendDigits(_ range: Range<Int>) {
            for i in range { out.append(digits[i] + UInt8(ascii: "0")) }
        }
        if k <= n, n <= 21 {
            // An integer below 10^21: all digits, then zeros.
            appendDigits(0..<k)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: n - k))
        } else if 0 < n, n <= 21 {
            appendDigits(0..<n)
            out.append(UInt8(ascii: "."))
            appendDigits(n..<k)
        } else if -6 < n, n <= 0 {
            out.append(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: ".")])
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -n))
            appendDigits(0..<k)
        } else {
            appendDigits(0..<1)
            if k > 1 {
                out.append(UInt8(ascii: "."))
                appendDigits(1..<k)
            }
            out.append(UInt8(ascii: "e"))
            let exponent = n - 1
            out.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            out.append(contentsOf: String(exponent.magnitude).utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
