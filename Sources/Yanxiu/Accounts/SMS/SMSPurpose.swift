/// What an SMS code may be used for; a code works only for the purpose it was sent for.
public enum SMSPurpose: String, Sendable, CaseIterable {
    case register, login, changePhoneOld, changePhoneNew, resetPassword

    /// The words the message uses, so a person can tell a login code from a phone-change one.
    public var label: String {
        switch self {
        case .register: "注册账号"
        case .login: "登录"
        case .changePhoneOld: "验证原手机号"
        case .changePhoneNew: "绑定新手机号"
        case .resetPassword: "重置密码"
        }
    }
}
