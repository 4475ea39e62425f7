package nl.orgcoach.observation;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An observable behaviour of an engagement's framework, in Dutch and English. Retired behaviours
 * are no longer offered for capture but stay in profiles; a behaviour with observations is never
 * deleted.
 *
 * @param code the key of a default behaviour ({@link DefaultBehaviours}), null for one a coach
 *     added
 * @param indicatorsNl observable indicators, one per line
 */
record Behaviour(
    UUID id,
    UUID engagementId,
    String code,
    String nameNl,
    String nameEn,
    String descriptionNl,
    String descriptionEn,
    String indicatorsNl,
    String indicatorsEn,
    int sortOrder,
    OffsetDateTime retiredAt) {

  public boolean retired() {
    return retiredAt != null;
  }

  public String name(Locale locale) {
    return dutch(locale) ? nameNl : nameEn;
  }

  public String description(Locale locale) {
    return dutch(locale) ? descriptionNl : descriptionEn;
  }

  public List<String> indicators(Locale locale) {
    String text = dutch(locale) ? indicatorsNl : indicatorsEn;
    return text == null
        ? List.of()
        : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  static boolean dutch(Locale locale) {
    return locale != null && "nl".equals(locale.getLanguage());
  }

  /** What a coach types for a behaviour; names in both languages are required. */
  record Text(
      String nameNl,
      String nameEn,
      String descriptionNl,
      String descriptionEn,
      String indicatorsNl,
      String indicatorsEn) {

    /** The text trimmed, blanks as null; a user error naming the first bad field. */
    Text checked() {
      Text t =
          new Text(
              trim(nameNl),
              trim(nameEn),
              trim(descriptionNl),
              trim(descriptionEn),
              trim(indicatorsNl),
              trim(indicatorsEn));
      require(t.nameNl, "nameNl", 200);
      require(t.nameEn, "nameEn", 200);
      limit(t.descriptionNl, "descriptionNl", 1000);
      limit(t.descriptionEn, "descriptionEn", 1000);
      limit(t.indicatorsNl, "indicatorsNl", 2000);
      limit(t.indicatorsEn, "indicatorsEn", 2000);
      return t;
    }

    private static void require(String value, String field, int max) {
      if (value == null) {
        throw Input.bad(field, "behaviour.error.nameRequired");
      }
      limit(value, field, max);
    }

    private static void limit(String value, String field, int max) {
      if (value != null && value.length() > max) {
        throw Input.bad(field, "behaviour.error.tooLong", max);
      }
    }

    private static String trim(String s) {
      return s == null || s.isBlank() ? null : s.strip();
    }
  }
}
