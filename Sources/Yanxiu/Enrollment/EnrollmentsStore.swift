/// The operations on enrolments and their forms.
public protocol EnrollmentsStore {
}
