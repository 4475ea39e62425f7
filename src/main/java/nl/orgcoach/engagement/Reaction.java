package nl.orgcoach.engagement;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A participant's reaction to an intervention (Kirkpatrick level 1): how useful it was, 1 to 5,
 * with an optional comment. In the app it belongs to a person, one per person and intervention, and
 * that person may change it; through a public reaction link it belongs to nobody. Who answered is
 * never shown: {@link ReactionSummary} is the only way reactions leave the module.
 */
final class Reaction {

  static final int LOWEST = 1;
  static final int HIGHEST = 5;
  static final int COMMENT_MAX = 1000;

  /** A reaction as typed: the rating as text, so that a bad one gets a message. */
  record Answer(String rating, String comment) {}

  private final UUID id;
  private final UUID interventionId;
  private final UUID personId;
  private int rating;
  private String comment;
  private OffsetDateTime answeredAt;

  Reaction(
      UUID id,
      UUID interventionId,
      UUID personId,
      int rating,
      String comment,
      OffsetDateTime answeredAt) {
    this.id = id;
    this.interventionId = interventionId;
    this.personId = personId;
    this.rating = rating;
    this.comment = comment;
    this.answeredAt = answeredAt;
  }

  /** A new reaction, or a UserError naming every bad field; {@code personId} null for a link. */
  static Reaction give(UUID interventionId, UUID personId, Answer a, OffsetDateTime now) {
    Rules r = new Rules();
    Integer rating = rating(r, a);
    String comment = r.text(a == null ? null : a.comment(), "comment", COMMENT_MAX, false);
    r.throwIfAny();
    return new Reaction(UUID.randomUUID(), interventionId, personId, rating, comment, now);
  }

  /** The person changes their reaction; the same rules as a new one. */
  void change(Answer a, OffsetDateTime now) {
    Rules r = new Rules();
    Integer newRating = rating(r, a);
    String newComment = r.text(a == null ? null : a.comment(), "comment", COMMENT_MAX, false);
    r.throwIfAny();
    rating = newRating;
    comment = newComment;
    answeredAt = now;
  }

  private static Integer rating(Rules r, Answer a) {
    String raw = a == null || a.rating() == null ? "" : a.rating().strip();
    if (raw.isEmpty()) {
      r.fail("rating", "reaction.rating.required");
      return null;
    }
    try {
      int value = Integer.parseInt(raw);
      r.check(value >= LOWEST && value <= HIGHEST, "rating", "reaction.rating.range");
      return value;
    } catch (NumberFormatException e) {
      r.fail("rating", "reaction.rating.range");
      return null;
    }
  }

  UUID id() {
    return id;
  }

  UUID interventionId() {
    return interventionId;
  }

  UUID personId() {
    return personId;
  }

  int rating() {
    return rating;
  }

  String comment() {
    return comment;
  }

  OffsetDateTime answeredAt() {
    return answeredAt;
  }
}
