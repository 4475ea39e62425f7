package nl.orgcoach.organisation.importing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.orgcoach.organisation.ImportKind;

/**
 * The columns of each import file (docs/import-format.md): canonical English names, whether they
 * are required, and the Dutch aliases a header may use instead.
 */
final class Columns {

  record Column(String name, boolean required, int maxLength) {}

  private static final Map<ImportKind, List<Column>> COLUMNS =
      Map.of(
          ImportKind.UNITS,
          List.of(
              new Column("unit_id", true, 100),
              new Column("name", true, 200),
              new Column("parent_id", false, 100),
              new Column("kind", false, 100)),
          ImportKind.PEOPLE,
          List.of(
              new Column("person_id", true, 100),
              new Column("first_name", true, 100),
              new Column("last_name", true, 150),
              new Column("email", false, 254),
              new Column("job_title", false, 200),
              new Column("unit_id", true, 100),
              new Column("manager_id", false, 100)),
          ImportKind.SETTINGS,
          List.of(
              new Column("setting_id", true, 100),
              new Column("name", true, 200),
              new Column("kind", true, 40),
              new Column("unit_id", false, 100),
              // A member list is long by nature; each member id is checked on its own.
              new Column("members", false, 1_000_000)),
          ImportKind.INTERDEPENDENCIES,
          List.of(
              new Column("from_unit_id", true, 100),
              new Column("to_unit_id", true, 100),
              new Column("description", true, 300),
              new Column("strength", true, 10)));

  /** Dutch (and a few common English) header names, after normalisation, to canonical names. */
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("eenheid_id", "unit_id"),
          Map.entry("eenheid", "unit_id"),
          Map.entry("naam", "name"),
          Map.entry("bovenliggende_id", "parent_id"),
          Map.entry("bovenliggende_eenheid_id", "parent_id"),
          Map.entry("ouder_id", "parent_id"),
          Map.entry("soort", "kind"),
          Map.entry("type", "kind"),
          Map.entry("persoon_id", "person_id"),
          Map.entry("medewerker_id", "person_id"),
          Map.entry("voornaam", "first_name"),
          Map.entry("achternaam", "last_name"),
          Map.entry("e_mail", "email"),
          Map.entry("e_mailadres", "email"),
          Map.entry("emailadres", "email"),
          Map.entry("functie", "job_title"),
          Map.entry("leidinggevende_id", "manager_id"),
          Map.entry("leidinggevende", "manager_id"),
          Map.entry("gremium_id", "setting_id"),
          Map.entry("overleg_id", "setting_id"),
          Map.entry("leden", "members"),
          Map.entry("van_eenheid_id", "from_unit_id"),
          Map.entry("naar_eenheid_id", "to_unit_id"),
          Map.entry("omschrijving", "description"),
          Map.entry("beschrijving", "description"),
          Map.entry("sterkte", "strength"));

  private Columns() {}

  static List<Column> of(ImportKind kind) {
    return COLUMNS.get(kind);
  }

  /** The canonical name a header cell stands for, or the normalised cell if it is not known. */
  static String canonical(ImportKind kind, String header) {
    String n = header.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    String name = ALIASES.getOrDefault(n, n);
    return of(kind).stream().anyMatch(c -> c.name().equals(name)) ? name : n;
  }

  /** Looked up for every cell of a file, so kept in a map rather than searched. */
  private static final Map<ImportKind, Map<String, Column>> BY_NAME =
      COLUMNS.entrySet().stream()
          .collect(
              java.util.stream.Collectors.toUnmodifiableMap(
                  Map.Entry::getKey,
                  e ->
                      e.getValue().stream()
                          .collect(
                              java.util.stream.Collectors.toUnmodifiableMap(
                                  Column::name, c -> c))));

  static Column column(ImportKind kind, String name) {
    Column c = BY_NAME.get(kind).get(name);
    if (c == null) {
      throw new IllegalArgumentException(name);
    }
    return c;
  }

  /** An example file per kind, offered as a download on the import page. */
  static String template(ImportKind kind) {
    return switch (kind) {
      case UNITS ->
          """
          unit_id,name,parent_id,kind
          U1,Zorggroep De Linde,,directie
          U2,Zorg Noord,U1,sector
          U3,Team Wijkverpleging Noord,U2,team
          """;
      case PEOPLE ->
          """
          person_id,first_name,last_name,email,job_title,unit_id,manager_id
          P1,Anna,de Vries,anna.devries@example.nl,bestuurder,U1,
          P2,Eléonore,van 't Hoff,e.vanthoff@example.nl,manager zorg,U2,P1
          P3,Mohammed,El Amrani,,wijkverpleegkundige,U3,P2
          """;
      case SETTINGS ->
          """
          setting_id,name,kind,unit_id,members
          S1,MT Zorg Noord,MANAGEMENT_TEAM,U2,P1|P2
          S2,Teamoverleg Wijkverpleging,TEAM_MEETING,U3,P2|P3
          """;
      case INTERDEPENDENCIES ->
          """
          from_unit_id,to_unit_id,description,strength
          U3,U2,roosters en budget,2
          """;
    };
  }
}
