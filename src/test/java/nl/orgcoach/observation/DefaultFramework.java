package nl.orgcoach.observation;

import java.util.List;

/**
 * The default behaviour framework as plain rows, for test data generators outside this package (the
 * benchmark generator writes it with COPY instead of through the service).
 */
public final class DefaultFramework {

  private DefaultFramework() {}

  /** One default behaviour, in framework order. */
  public record Row(
      String code,
      String nameNl,
      String nameEn,
      String descriptionNl,
      String descriptionEn,
      String indicatorsNl,
      String indicatorsEn) {}

  public static List<Row> rows() {
    return DefaultBehaviours.ALL.stream()
        .map(
            d ->
                new Row(
                    d.code(),
                    d.nameNl(),
                    d.nameEn(),
                    d.descriptionNl(),
                    d.descriptionEn(),
                    d.indicatorsNl(),
                    d.indicatorsEn()))
        .toList();
  }
}
