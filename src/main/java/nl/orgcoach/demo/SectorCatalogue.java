package nl.orgcoach.demo;

import java.util.List;
import java.util.Map;

/**
 * The vocabulary of a sector: what its levels are called, which divisions (branches) it has, which
 * teams and job titles belong to them, and what units depend on each other for. Invented, but
 * written the way Dutch care groups and municipalities name things.
 */
record SectorCatalogue(
    String topName,
    String topKind,
    List<String> middleKinds,
    Map<String, String> managerTitles,
    List<String> topStaff,
    List<String> staff,
    List<Branch> branches,
    Branch support,
    List<Function> functions,
    List<String> siblingNeeds,
    List<String> projects,
    String clientMeetingPrefix,
    double womenShare) {

  /** A branch of the organisation below the top: its teams and the titles of their members. */
  record Branch(
      String label,
      String departmentPrefix,
      List<String> teams,
      List<String> titles,
      int[] weights) {}

  /** A support function (HR, ICT, …): a team name, its titles, what other units need from it. */
  record Function(String label, List<String> titles, List<String> needs) {

    /**
     * The label without its second half ("Planning en Roostering" → "Planning"), for combined
     * names.
     */
    String shortLabel() {
      int and = label.indexOf(" en ");
      return and < 0 ? label : label.substring(0, and);
    }
  }

  /** The kinds of the levels for an organisation of {@code levels} levels, top first. */
  List<String> levelKinds(int levels) {
    int middle = levels - 2;
    List<String> kinds = new java.util.ArrayList<>();
    kinds.add(topKind);
    if (middle == 1) {
      kinds.add(middleKinds.get(middleKinds.size() - 2));
    } else if (middle == 2) {
      kinds.add(middleKinds.get(0));
      kinds.add(middleKinds.get(middleKinds.size() - 2));
    } else {
      for (int i = 0; i < middle; i++) {
        kinds.add(middleKinds.get(Math.min(i, middleKinds.size() - 1)));
      }
    }
    kinds.add("team");
    return kinds;
  }

  static SectorCatalogue of(OrganisationSpec.Sector sector) {
    return sector == OrganisationSpec.Sector.CARE ? CARE : MUNICIPALITY;
  }

  static final SectorCatalogue CARE =
      new SectorCatalogue(
          "Raad van Bestuur",
          "raad van bestuur",
          List.of("divisie", "regio", "afdeling", "cluster"),
          Map.of(
              "raad van bestuur", "voorzitter raad van bestuur",
              "divisie", "directeur",
              "regio", "regiodirecteur",
              "afdeling", "manager zorg",
              "cluster", "clustermanager",
              "team", "teamleider"),
          List.of("lid raad van bestuur", "bestuurssecretaris", "managementassistent"),
          List.of(
              "controller",
              "HR-adviseur",
              "beleidsmedewerker",
              "managementassistent",
              "kwaliteitsadviseur"),
          List.of(
              new Branch(
                  "Wonen en Zorg",
                  "Verpleeghuiszorg",
                  List.of(
                      "Team Zonnebloem",
                      "Team Lindehof",
                      "Team Eikenhorst",
                      "Team Berkenhof",
                      "Team Kastanje",
                      "Team Vlinder",
                      "Team Regenboog",
                      "Team Boomgaard",
                      "Team Korenbloem",
                      "Team Klaproos",
                      "Team Esdoorn",
                      "Team Merel"),
                  List.of(
                      "verzorgende IG",
                      "helpende",
                      "verpleegkundige",
                      "zorgassistent",
                      "activiteitenbegeleider",
                      "gastvrouw",
                      "leerling verzorgende IG"),
                  new int[] {35, 20, 12, 12, 8, 6, 7}),
              new Branch(
                  "Thuiszorg",
                  "Wijkzorg",
                  List.of(
                      "Wijkteam Noord",
                      "Wijkteam Zuid",
                      "Wijkteam Oost",
                      "Wijkteam West",
                      "Wijkteam Centrum",
                      "Team Nachtzorg",
                      "Team Specialistische Verpleging"),
                  List.of(
                      "wijkverpleegkundige",
                      "verpleegkundige",
                      "verzorgende IG",
                      "helpende",
                      "huishoudelijk medewerker"),
                  new int[] {15, 20, 35, 15, 15}),
              new Branch(
                  "Revalidatie en Herstel",
                  "Revalidatiecentrum",
                  List.of(
                      "Team Geriatrische Revalidatie",
                      "Team Herstelzorg",
                      "Team Eerstelijnsverblijf",
                      "Team Therapie",
                      "Team Dagbehandeling"),
                  List.of(
                      "verpleegkundige",
                      "verzorgende IG",
                      "fysiotherapeut",
                      "ergotherapeut",
                      "logopedist",
                      "specialist ouderengeneeskunde",
                      "psycholoog"),
                  new int[] {25, 30, 15, 10, 6, 6, 8}),
              new Branch(
                  "Geestelijke Gezondheid",
                  "GGZ",
                  List.of(
                      "FACT-team",
                      "Team Beschermd Wonen",
                      "Team Ambulante Begeleiding",
                      "Team Herstel"),
                  List.of(
                      "sociaal psychiatrisch verpleegkundige",
                      "woonbegeleider",
                      "psycholoog",
                      "psychiater",
                      "ervaringsdeskundige",
                      "maatschappelijk werker"),
                  new int[] {20, 35, 15, 5, 10, 15})),
          new Branch("Bedrijfsvoering", "Dienst", List.of(), List.of(), new int[0]),
          List.of(
              new Function(
                  "Planning en Roostering",
                  List.of("planner", "roostermaker", "medewerker flexpool"),
                  List.of("planning van diensten", "roosters en invalkrachten")),
              new Function(
                  "HR",
                  List.of("HR-adviseur", "salarisadministrateur", "recruiter", "verzuimconsulent"),
                  List.of("werving en selectie", "verzuimbegeleiding")),
              new Function(
                  "ICT",
                  List.of("ICT-medewerker", "applicatiebeheerder", "functioneel beheerder"),
                  List.of("cliëntdossiers", "werkplekken en telefonie")),
              new Function(
                  "Financiën",
                  List.of(
                      "financieel administrateur", "controller", "medewerker zorgadministratie"),
                  List.of("declaraties en productieverantwoording", "budgetbewaking")),
              new Function(
                  "Inkoop en Logistiek",
                  List.of("inkoper", "medewerker logistiek"),
                  List.of("inkoop hulpmiddelen", "bestellingen van incontinentiemateriaal")),
              new Function(
                  "Facilitair",
                  List.of(
                      "facilitair medewerker",
                      "medewerker schoonmaak",
                      "kok",
                      "technisch medewerker"),
                  List.of("maaltijden en schoonmaak", "onderhoud van gebouwen")),
              new Function(
                  "Kwaliteit en Veiligheid",
                  List.of("kwaliteitsadviseur", "beleidsmedewerker", "aandachtsvelder MIC"),
                  List.of("meldingen van incidenten (MIC)", "kwaliteitsmetingen"))),
          List.of(
              "overdracht van cliënten",
              "invalkrachten bij ziekte",
              "gedeelde nachtdienst",
              "doorstroom van cliënten",
              "deskundigheid bij complexe zorg"),
          List.of(
              "Stuurgroep Implementatie ECD",
              "Stuurgroep Anders Roosteren",
              "Stuurgroep Zorgtechnologie",
              "Stuurgroep Nieuwbouw",
              "Stuurgroep Arbeidsmarkt",
              "Stuurgroep Duurzame Inzetbaarheid",
              "Stuurgroep Zelfroosteren",
              "Stuurgroep Leren en Ontwikkelen"),
          "Multidisciplinair overleg",
          0.8);

  static final SectorCatalogue MUNICIPALITY =
      new SectorCatalogue(
          "Directie",
          "directie",
          List.of("domein", "sector", "afdeling", "cluster"),
          Map.of(
              "directie", "gemeentesecretaris",
              "domein", "domeinmanager",
              "sector", "sectormanager",
              "afdeling", "afdelingsmanager",
              "cluster", "clustermanager",
              "team", "teamleider"),
          List.of("concerncontroller", "bestuursadviseur", "directiesecretaresse"),
          List.of("beleidsmedewerker", "controller", "HR-adviseur", "managementassistent"),
          List.of(
              new Branch(
                  "Sociaal Domein",
                  "Sociaal Team",
                  List.of(
                      "Team Wmo", "Team Jeugd", "Team Werk en Inkomen", "Team Schuldhulpverlening"),
                  List.of(
                      "consulent Wmo",
                      "klantmanager",
                      "jeugdconsulent",
                      "beleidsmedewerker",
                      "schuldhulpverlener"),
                  new int[] {30, 25, 20, 15, 10}),
              new Branch(
                  "Ruimte en Publiekszaken",
                  "Ruimte",
                  List.of(
                      "Team Vergunningen",
                      "Team Handhaving",
                      "Team Openbare Ruimte",
                      "Team Burgerzaken"),
                  List.of(
                      "vergunningverlener",
                      "handhaver",
                      "adviseur ruimtelijke ordening",
                      "medewerker buitendienst",
                      "medewerker burgerzaken",
                      "projectleider"),
                  new int[] {20, 15, 15, 20, 20, 10})),
          new Branch("Bedrijfsvoering", "Dienst", List.of(), List.of(), new int[0]),
          List.of(
              new Function(
                  "Bedrijfsvoering",
                  List.of(
                      "HR-adviseur", "financieel adviseur", "ICT-medewerker", "juridisch adviseur"),
                  List.of("begroting en facturen", "werkplekken en het zaaksysteem")),
              new Function(
                  "Klantcontactcentrum",
                  List.of("klantcontactmedewerker"),
                  List.of("vragen van inwoners", "afspraken aan de balie")),
              new Function(
                  "Juridische Zaken",
                  List.of("juridisch adviseur", "secretaris bezwaarcommissie"),
                  List.of("bezwaar en beroep", "juridische toetsing van besluiten"))),
          List.of(
              "doorverwijzing van inwoners",
              "gezamenlijke casusoverleggen",
              "vervanging bij afwezigheid"),
          List.of(
              "Stuurgroep Omgevingswet",
              "Stuurgroep Digitale Dienstverlening",
              "Stuurgroep Nieuw Gemeentehuis"),
          "Klantoverleg",
          0.55);
}
