/// Resident identity card numbers (GB 11643) that pass the daemon's checks, for made-up teachers.
enum ResidentID {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters = Array("10X98765432")

    /// A number for someone born on `birth` (YYYYMMDD) in `region`; the 17th digit is odd for men.
    static func make(region: String, birth: String, sequence: Int, male: Bool) -> String {
        var order = sequence % 1000
        if (order % 2 == 1) != male { order = (order + 1) % 1000 }
        let body = region + birth + String(format: "%03d", order)
        let sum = zip(body, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return body + String(checkCharacters[sum % 11])
    }
}
