package nl.orgcoach.browser;

import nl.orgcoach.support.CsvBuilder;

/** A small fictional Dutch care group in the documented CSV format (docs/import-format.md). */
final class CareGroupCsv {

  static final String TOP = "Zorggroep Noorderlicht";
  static final String REGION = "Regio Noord";
  static final String TEAM = "Wijkteam Dokkum";

  private CareGroupCsv() {}

  /** Units over three levels, written the way Dutch Excel does: semicolons and a BOM. */
  static CsvBuilder units() {
    return CsvBuilder.units()
        .semicolon()
        .bom()
        .row("ZG", TOP, "", "concern")
        .row("RN", REGION, "ZG", "regio")
        .row("RZ", "Regio Zuid", "ZG", "regio")
        .row("ST", "Staf & Ondersteuning", "ZG", "afdeling")
        .row("T1", TEAM, "RN", "team")
        .row("T2", "Wijkteam Leeuwarden", "RN", "team")
        .row("T3", "Dagbesteding De Linde", "RZ", "team");
  }

  static CsvBuilder people() {
    return CsvBuilder.people()
        .row("P1", "Anke", "de Boer", "anke.deboer@noorderlicht.example", "Bestuurder", "ZG", "")
        .row(
            "P2",
            "Sjoerd",
            "Hoekstra",
            "sjoerd.hoekstra@noorderlicht.example",
            "Regiomanager",
            "RN",
            "P1")
        .row(
            "P3",
            "Fatima",
            "El Amrani",
            "fatima.elamrani@noorderlicht.example",
            "Regiomanager",
            "RZ",
            "P1")
        .row("P4", "Joke", "van der Meer", "", "Wijkverpleegkundige", "T1", "P2")
        .row("P5", "Bram", "Visser", "", "Verzorgende IG", "T1", "P4")
        .row("P6", "Lotte", "Postma", "", "Begeleider", "T3", "P3")
        .row("P7", "Kees", "Dijkstra", "", "Controller", "ST", "P1");
  }
}
