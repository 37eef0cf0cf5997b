package lab.business.users;

/** A profile. {@code handle} is unique, lower case, like {@code ada}. */
public record User(long id, String name, String handle) {
}
