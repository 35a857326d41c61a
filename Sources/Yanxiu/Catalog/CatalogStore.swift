/// The operations on the catalogue: topics, courses, lessons and their quizzes.
public protocol CatalogStore {
}
