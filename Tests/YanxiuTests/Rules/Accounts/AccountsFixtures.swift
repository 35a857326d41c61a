import Yanxiu

/// Shared data for the account-rule tests.
enum AccountsFixtures {
    /// The first day of the 2023 winter training window: the "today" of most ID tests.
    static let today = CalendarDate(year: 2023, month: 1, day: 9)!

    /// A test oracle for GB 11643-1999 written apart from the module, so tests can
    /// build numbers that are wrong in exactly one way. It is itself checked against
    /// vectors computed outside Swift (`ResidentCardTests.oracleAgreesWithVectors`).
    static func residentNumber(address: String = "110101", birth: String = "19900307", sequence: String = "123") -> String {
        let body = address + birth + sequence
        precondition(body.count == 17, "address 6, birth 8 and sequence 3 digits")
        return body + String(checkCharacter(body))
    }

    static func checkCharacter(_ body: String) -> Character {
        var sum = 0
        for (index, character) in body.enumerated() {
            // Weight of position i (1-based, from the left, of 18) is 2^(18-i) mod 11.
            var weight = 1
            for _ in 0..<(17 - index) { weight = weight * 2 % 11 }
            sum += Int(String(character))! * weight
        }
        return Array("10X98765432")[sum % 11]
    }

    /// The outcome of validating `number`: nil when accepted, the reason otherwise.
    static func idFailure(_ type: IDType, _ number: String, today: CalendarDate = today) -> IDNumberError? {
        do {
            _ = try IDNumber(type: type, number: number, today: today)
            return nil
        } catch {
            return error
        }
    }

    static func phoneFailure(_ text: String) -> PhoneNumberError? {
        do {
            _ = try PhoneNumber(text)
            return nil
        } catch {
            return error
        }
    }
}
