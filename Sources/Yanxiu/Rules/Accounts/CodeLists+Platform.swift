// The platform's own lists: English codes, labels as the forms of the manual show them.
extension CodeLists {
    /// 身份: only teachers may enrol; the others may switch to teacher later.
    public static let identity = CodeList(field: "identity", [
        "teacher": "教师",
        "student": "学生",
        "parent": "家长",
        "researcher": "教研员",
        "avStaff": "电教人员",
        "administrator": "管理人员",
    ])

    /// 教师类型: the manual asks teachers to pick 教职人员; the rest cover the people
    /// who teach without a staff post.
    public static let teacherType = CodeList(field: "teacherType", [
        "staff": "教职人员",
        "substitute": "代课教师",
        "intern": "实习教师",
        "other": "其他",
    ])

    /// 证件类型, derived from `IDType` so the list and the validator cannot drift apart.
    public static let idType = CodeList(
        field: "idType",
        entries: IDType.allCases.map { CodeList.Entry(code: $0.code, label: $0.label) }
    )

    /// 职称 of primary and secondary teachers, from none to the highest.
    public static let title = CodeList(field: "title", [
        "none": "未评",
        "third": "三级教师",
        "second": "二级教师",
        "first": "一级教师",
        "senior": "高级教师",
        "fullSenior": "正高级教师",
    ])

    /// 学段.
    public static let stage = CodeList(field: "stage", [
        "preschool": "学前",
        "primary": "小学",
        "juniorHigh": "初中",
        "seniorHigh": "高中",
        "vocational": "中职",
        "special": "特殊教育",
    ])

    /// 学科领域: the subjects of the 2022 compulsory and 2017 senior-high curricula,
    /// plus the fields kindergarten and special-school teachers work in.
    public static let subject = CodeList(field: "subject", [
        "chinese": "语文",
        "math": "数学",
        "english": "英语",
        "japanese": "日语",
        "russian": "俄语",
        "morality": "道德与法治",
        "politics": "思想政治",
        "history": "历史",
        "geography": "地理",
        "physics": "物理",
        "chemistry": "化学",
        "biology": "生物学",
        "science": "科学",
        "informationTechnology": "信息科技",
        "generalTechnology": "通用技术",
        "music": "音乐",
        "art": "美术",
        "arts": "艺术",
        "physicalEducation": "体育与健康",
        "labour": "劳动",
        "comprehensivePractice": "综合实践活动",
        "mentalHealth": "心理健康教育",
        "preschoolEducation": "学前教育",
        "specialEducation": "特殊教育",
        "other": "其他",
    ])

    /// 最高学历, highest first. English codes rather than GB/T 4658: the standard
    /// counts completed, uncompleted and dropped-out studies separately, which the
    /// form does not ask, and its top level does not tell a doctorate from a master's.
    public static let education = CodeList(field: "education", [
        "doctorate": "博士研究生",
        "master": "硕士研究生",
        "bachelor": "大学本科",
        "associate": "大学专科",
        "secondary": "中专/高中",
        "belowSecondary": "高中以下",
    ])

    /// 信息技术应用能力 (optional on the enrolment form).
    public static let itAbility = CodeList(field: "itAbility", [
        "beginner": "初级",
        "intermediate": "中级",
        "advanced": "高级",
    ])
}
