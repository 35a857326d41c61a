import YanxiuClient

/// One made-up teacher of the demo and what the script has them do.
struct DemoTeacher {
    var name: String
    var phone: String
    var idNumber: String
    var male: Bool
    var school: DemoSchool
    var declaresMentalHealth: Bool
    var declaresHomeroom: Bool
    /// Whether the school administrator verifies the declared roles.
    var verified: Bool
    var behaviour: ViewerBehaviour
    /// Lessons the teacher sets out to watch.
    var lessonTarget: Int

    var session = ""
    var userID: Int64 = 0

    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林")
    static let givenNames = ["芳", "伟", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "霞", "平", "刚", "桂英", "秀兰", "建华", "文静"]
    /// Mostly honest viewers, with every known cheat among them.
    static let behaviours: [ViewerBehaviour] = [
        .honest, .honest, .seeksToEnd, .honest, .tooFast, .honest, .twoAtOnce, .honest, .replays, .honest, .skipsQuiz, .honest,
    ]

    /// The cast: `count` teachers spread over `schools` (shifted every round so that each school
    /// gets a mix of roles and viewers), with phones and IDs unique to `run`.
    static func cast(count: Int, schools: [DemoSchool], run: Int) -> [DemoTeacher] {
        (0..<count).map { index in
            let male = index % 2 == 1
            let behaviour = behaviours[index % behaviours.count]
            let mentalHealth = index % 3 == 0
            let homeroom = !mentalHealth || index % 6 == 0
            // Homeroom teachers need 10 lessons, mental-health teachers 15; one in twelve stops early.
            var target = homeroom ? 10 : 15
            if index % 12 == 3 { target = 4 }
            if !behaviour.completesLessons || behaviour == .twoAtOnce { target = min(target, 3) }
            let birth = String(format: "19%02d%02d%02d", 70 + index % 25, 1 + index % 12, 1 + index % 28)
            return DemoTeacher(
                name: String(surnames[index % surnames.count]) + givenNames[(index / surnames.count + index * 7) % givenNames.count],
                phone: String(format: "139%04d%04d", run % 10_000, index),
                idNumber: ResidentID.make(region: "110101", birth: birth, sequence: run % 500 * 2 + index, male: male),
                male: male, school: schools[(index / schools.count + index) % schools.count], declaresMentalHealth: mentalHealth, declaresHomeroom: homeroom,
                verified: index % 4 != 3, behaviour: behaviour, lessonTarget: target)
        }
    }
}

/// A school of the sample directory where demo teachers work.
struct DemoSchool {
    var region: String
    var name: String
    var id: Int64 = 0
    /// Its administrator's session, once granted.
    var adminSession = ""

    static let sample = [
        DemoSchool(region: "110101", name: "北京市第二中学"), DemoSchool(region: "110102", name: "北京市第四中学"),
        DemoSchool(region: "110108", name: "中国人民大学附属中学"), DemoSchool(region: "310101", name: "上海市格致中学"),
        DemoSchool(region: "370102", name: "山东省实验中学"), DemoSchool(region: "440303", name: "深圳中学"),
    ]
}
