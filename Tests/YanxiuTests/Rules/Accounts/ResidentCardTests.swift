import Testing
import Yanxiu

private let today = AccountsFixtures.today
private func failure(_ number: String, today: CalendarDate = today) -> IDNumberError? {
    AccountsFixtures.idFailure(.residentCard, number, today: today)
}

/// One valid number per check character, computed with a separate script.
private let validByCheckCharacter: [(number: String, check: Character)] = [
    ("310104197511201070", "0"),
    ("110101199003071081", "1"),
    ("540102197001011082", "2"),
    ("710000198505051043", "3"),
    ("820000199307041004", "4"),
    ("460105201210011095", "5"),
    ("210102196006151016", "6"),
    ("370202198209201027", "7"),
    ("650102190001011078", "8"),
    ("510107200002291099", "9"),
    ("44030519881231108X", "X"),
]
private let validNumbers = validByCheckCharacter.map(\.number)

@Suite("Resident identity card numbers (GB 11643-1999)")
struct ResidentCardTests {
    @Test("a number with the right check character is accepted, for each of the 11 check characters",
          arguments: validByCheckCharacter)
    func acceptsEveryCheckCharacter(vector: (number: String, check: Character)) throws {
        let id = try IDNumber(type: .residentCard, number: vector.number, today: today)
        #expect(id.type == .residentCard)
        #expect(id.value == vector.number)
        #expect(id.value.last == vector.check)
    }

    @Test("the test oracle agrees with the externally computed vectors", arguments: validNumbers)
    func oracleAgreesWithVectors(number: String) {
        #expect(AccountsFixtures.checkCharacter(String(number.prefix(17))) == number.last)
    }

    @Test("a lower-case x check character is accepted and stored as X")
    func lowerCaseX() throws {
        let id = try IDNumber(type: .residentCard, number: "44030519881231108x", today: today)
        #expect(id.value == "44030519881231108X")
        #expect(id == (try IDNumber(type: .residentCard, number: "44030519881231108X", today: today)))
    }

    @Test("surrounding whitespace is ignored, inner whitespace is not")
    func whitespace() throws {
        let id = try IDNumber(type: .residentCard, number: "  110101199003071081\n", today: today)
        #expect(id.value == "110101199003071081")
        #expect(failure("110101 199003071081") == .format)
    }

    @Test("every wrong check character is reported as checksum", arguments: validNumbers)
    func everyWrongCheckCharacter(number: String) {
        for wrong in "0123456789X" where wrong != number.last {
            let mutated = String(number.dropLast()) + String(wrong)
            #expect(failure(mutated) == .checksum, "\(mutated)")
        }
    }

    @Test("a changed digit in the address tail or the sequence code is reported as checksum",
          arguments: validNumbers)
    func changedDigitOutsideDateAndProvince(number: String) {
        // Positions 3-6 and 15-17 (0-based 2...5 and 14...16): any digit is a valid
        // value there, so only the check character can notice the change.
        for position in Array(2...5) + Array(14...16) {
            for digit in "0123456789" {
                var characters = Array(number)
                guard characters[position] != digit else { continue }
                characters[position] = digit
                #expect(failure(String(characters)) == .checksum, "\(String(characters))")
            }
        }
    }

    @Test("no single-character substitution at any of the 18 positions is accepted",
          arguments: validNumbers)
    func noSubstitutionValidates(number: String) {
        for position in 0..<18 {
            for replacement in "0123456789X" {
                var characters = Array(number)
                guard characters[position] != replacement else { continue }
                characters[position] = replacement
                #expect(failure(String(characters)) != nil, "\(String(characters))")
            }
        }
    }

    @Test("swapping two adjacent different digits of the sequence code is reported as checksum")
    func adjacentTransposition() {
        let number = AccountsFixtures.residentNumber(sequence: "479")
        let swappedFirst = "11010119900307" + "749" + String(number.last!)
        let swappedSecond = "11010119900307" + "497" + String(number.last!)
        #expect(failure(number) == nil)
        #expect(failure(swappedFirst) == .checksum)
        #expect(failure(swappedSecond) == .checksum)
    }

    @Test("impossible or out-of-range birth dates are reported as birthDate (check digit correct)", arguments: [
        "110101199902301231", // 1999-02-30
        "110101190002291233", // 1900-02-29: 1900 is not a leap year
        "110101202302291230", // 2023-02-29
        "110101199004311235", // 1990-04-31
        "110101199013011234", // month 13
        "110101199001001231", // day 00
        "110101199001321235", // day 32
        "110101189912311231", // 1899-12-31: before 1900
        "110101202301101239", // 2023-01-10: the day after today
    ])
    func impossibleBirthDates(number: String) {
        #expect(failure(number) == .birthDate)
    }

    @Test("month 00 and year 0000 are birthDate errors too", arguments: ["19900007", "00000101", "99991231"])
    func degenerateDates(birth: String) {
        #expect(failure(AccountsFixtures.residentNumber(birth: birth)) == .birthDate)
    }

    @Test("a person born today or on 1900-01-01 is accepted")
    func boundaryBirthDates() {
        #expect(failure("110101202301091237") == nil)
        #expect(failure(AccountsFixtures.residentNumber(birth: "19000101")) == nil)
    }

    @Test("whether a birth date is in the future depends on the today passed in")
    func todayDecidesFuture() {
        let leapDay = "110101202402291238"
        #expect(failure(leapDay) == .birthDate)
        #expect(failure(leapDay, today: CalendarDate(year: 2024, month: 2, day: 28)!) == .birthDate)
        #expect(failure(leapDay, today: CalendarDate(year: 2024, month: 2, day: 29)!) == nil)
        #expect(failure(leapDay, today: CalendarDate(year: 2030, month: 1, day: 1)!) == nil)
    }

    @Test("address codes outside the provinces are reported as region (check digit correct)", arguments: [
        "000101199003071238", "100101199003071231", "160101199003071232", "200101199003071235",
        "240101199003071232", "300101199003071239", "380101199003071233", "400101199003071232",
        "470101199003071235", "490101199003071239", "550101199003071235", "60010119900307123X",
        "660101199003071230", "700101199003071233", "720101199003071237", "800101199003071237",
        "830101199003071232", "900101199003071230", "920101199003071234", "990101199003071237",
    ])
    func badRegions(number: String) {
        #expect(failure(number) == .region)
    }

    @Test("exactly the province codes 11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81, 82, 91 are accepted")
    func everyTwoDigitPrefix() {
        let provinces: Set<Int> = Set(11...15).union(21...23).union(31...37).union(41...46)
            .union(50...54).union(61...65).union([71, 81, 82, 91])
        for prefix in 0...99 {
            let code = prefix < 10 ? "0\(prefix)" : "\(prefix)"
            let number = AccountsFixtures.residentNumber(address: code + "0102")
            let expected: IDNumberError? = provinces.contains(prefix) ? nil : .region
            #expect(failure(number) == expected, "\(number)")
        }
    }

    @Test("malformed numbers are reported as format", arguments: [
        "",
        "11010119900307108",     // 17 characters
        "1101011990030710811",   // 19 characters
        "110101900307108",       // 15-digit first-generation number
        "11010119900307108Y",    // check character other than X
        "X10101199003071081",    // X not at the end
        "1101011990030710X1",    // X inside
        "11010119900307108 ",    // 17 characters and a space is still 17 after trimming
        "１１０１０１１９９００３０７１０８１", // full-width digits
        "11010119900307-1081",
    ])
    func malformed(number: String) {
        #expect(failure(number) == .format)
    }

    @Test("checks run in the order format, region, birth date, checksum")
    func checkOrder() {
        // Bad region, impossible date and wrong check digit all at once: region wins.
        #expect(failure("000101199902301230") == .region)
        // Impossible date and wrong check digit: birth date wins.
        #expect(failure("110101199902301230") == .birthDate)
        // Too short, even though everything present is wrong too.
        #expect(failure("0001011999023") == .format)
    }

    @Test("the birth date and the gender code (odd 17th digit male) are read from the number")
    func embeddedFacts() throws {
        let male = try IDNumber(type: .residentCard, number: "310104197511201070", today: today)
        #expect(male.birthDate == CalendarDate(year: 1975, month: 11, day: 20))
        #expect(male.genderCode == "1")
        let female = try IDNumber(type: .residentCard, number: "110101199003071081", today: today)
        #expect(female.birthDate == CalendarDate(year: 1990, month: 3, day: 7))
        #expect(female.genderCode == "2")
    }

    @Test("the masked form keeps the first 2 and last 4 characters, and so does the description")
    func masked() throws {
        let id = try IDNumber(type: .residentCard, number: "44030519881231108x", today: today)
        #expect(id.masked == "44*****108X")
        #expect(id.description == "residentCard 44*****108X")
        #expect(!"\(id)".contains("19881231"))
    }
}
